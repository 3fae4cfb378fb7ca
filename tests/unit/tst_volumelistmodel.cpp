// VolumeListModel under QAbstractItemModelTester, alone and behind the page's sorting, recursively filtering proxy:
// the first fill, then every kind of update (volumes and drivers added, removed, changed; a driver's error appearing
// and going away; a driver only the listing names) applied as inserts, removes and dataChanged, never a reset, with
// persistent indexes kept; what driver and volume rows show; filtering and sorting through the proxy. The page's
// proxy (VolumeFilterModel) answers as a plain QSortFilterProxyModel set up the same way does, for every filter,
// through updates made while it filters.
#include "ui/volumefiltermodel.h"
#include "ui/volumelistmodel.h"

#include <QAbstractItemModelTester>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <memory>

using ui::VolumeListModel;

namespace {

// A listing written as text, so that each case reads as what the tree shows:
//   drivers separated by ';' — "name" then optional "-" (disabled) or "!message" (listing failed), then ":" and the
//   volumes separated by ','; a leading '?' leaves the driver out of the given drivers (only the listing names it).
//   A volume is "name", optionally "@N" (mounted N times) and "+key=value" (created with that option).
struct Listing
{
    QList<VolumeListModel::Driver> drivers;
    core::VolumeList list;
};

core::Volume makeVolume(const QString &driver, const QString &spec)
{
    core::Volume volume;
    QString name = spec;
    if (const qsizetype plus = name.indexOf(QLatin1Char('+')); plus >= 0) {
        const QString option = name.mid(plus + 1);
        name = name.left(plus);
        const qsizetype eq = option.indexOf(QLatin1Char('='));
        volume.options = QMap<QString, QString>{{option.left(eq), option.mid(eq + 1)}};
    }
    if (const qsizetype at = name.indexOf(QLatin1Char('@')); at >= 0) {
        volume.mounts = name.mid(at + 1).toInt();
        name = name.left(at);
    }
    volume.name = name;
    volume.driver = driver;
    volume.pluginId = driver + QStringLiteral("-id");
    volume.mountpoint = QStringLiteral("/vols/") + name;
    volume.hostMountpoint = QStringLiteral("/store/") + driver + QStringLiteral("/") + name;
    volume.createdAt = QStringLiteral("2024-05-01T10:00:00.123456789Z");
    return volume;
}

Listing parse(const QString &text)
{
    Listing listing;
    for (QString part : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const bool given = !part.startsWith(QLatin1Char('?'));
        if (!given)
            part.remove(0, 1);
        const qsizetype colon = part.indexOf(QLatin1Char(':'));
        QString head = colon < 0 ? part : part.left(colon);
        const QStringList volumes =
            colon < 0 ? QStringList() : part.mid(colon + 1).split(QLatin1Char(','), Qt::SkipEmptyParts);
        VolumeListModel::Driver driver;
        if (const qsizetype bang = head.indexOf(QLatin1Char('!')); bang >= 0) {
            listing.list.errors.append({head.left(bang), core::Error{core::ErrorCode::Timeout, head.mid(bang + 1)}});
            head = head.left(bang);
        }
        if (head.endsWith(QLatin1Char('-'))) {
            driver.enabled = false;
            head.chop(1);
        }
        driver.name = head;
        driver.pluginId = head + QStringLiteral("-id");
        if (given)
            listing.drivers.append(driver);
        for (const QString &volume : volumes)
            listing.list.volumes.append(makeVolume(head, volume));
    }
    return listing;
}

// The tree as the same text, from any model over VolumeListModel's rows (the model itself or a proxy).
QString dump(const QAbstractItemModel &model)
{
    QStringList drivers;
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex driver = model.index(row, 0);
        QString text = driver.data(VolumeListModel::NameRole).toString();
        const QString status = model.index(row, VolumeListModel::Status).data().toString();
        if (status == VolumeListModel::tr("Disabled"))
            text += QLatin1Char('-');
        if (const QString error = driver.data(VolumeListModel::ErrorRole).toString(); !error.isEmpty())
            text += QLatin1Char('!') + error;
        QStringList volumes;
        for (int child = 0; child < model.rowCount(driver); ++child) {
            const QModelIndex volume = model.index(child, 0, driver);
            QString entry = volume.data(VolumeListModel::NameRole).toString();
            const QModelIndex inUse = model.index(child, VolumeListModel::InUse, driver);
            if (inUse.data(VolumeListModel::InUseRole).toBool())
                entry += QLatin1Char('@') + inUse.data(VolumeListModel::SortRole).toString();
            const QString options = model.index(child, VolumeListModel::Options, driver).data().toString();
            if (options != VolumeListModel::tr("unknown"))
                entry += QLatin1Char('+') + options;
            volumes.append(entry);
        }
        if (!volumes.isEmpty())
            text += QLatin1Char(':') + volumes.join(QLatin1Char(','));
        drivers.append(text);
    }
    return drivers.join(QLatin1Char(';'));
}

void apply(VolumeListModel &model, const QString &text)
{
    const Listing listing = parse(text);
    model.setList(listing.drivers, listing.list);
}

std::unique_ptr<QSortFilterProxyModel> pageProxy(VolumeListModel *model)
{
    // As VolumesPage sets it up.
    auto proxy = std::make_unique<ui::VolumeFilterModel>();
    proxy->setSourceModel(model);
    proxy->sort(VolumeListModel::Name);
    return proxy;
}

// What VolumeFilterModel must answer as: a plain proxy set up as the page had it.
std::unique_ptr<QSortFilterProxyModel> plainProxy(VolumeListModel *model)
{
    auto proxy = std::make_unique<QSortFilterProxyModel>();
    proxy->setSourceModel(model);
    proxy->setSortRole(VolumeListModel::SortRole);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy->setFilterKeyColumn(-1);
    proxy->setRecursiveFilteringEnabled(true);
    proxy->setAutoAcceptChildRows(true);
    proxy->sort(VolumeListModel::Name);
    return proxy;
}

} // namespace

class TestVolumeListModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstFill_data()
    {
        QTest::addColumn<QString>("listing");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("resets");

        QTest::newRow("nothing") << QString() << QString() << 0;
        QTest::newRow("one driver, no volumes") << QStringLiteral("A") << QStringLiteral("A") << 1;
        QTest::newRow("two drivers") << QStringLiteral("A:v1,v2;B:v3") << QStringLiteral("A:v1,v2;B:v3") << 1;
        QTest::newRow("a failing driver beside a good one")
            << QStringLiteral("A:v1;B!timed out after 3 s") << QStringLiteral("A:v1;B!timed out after 3 s") << 1;
        QTest::newRow("a disabled driver") << QStringLiteral("A:v1;B-") << QStringLiteral("A:v1;B-") << 1;
        QTest::newRow("a driver only the listing names") << QStringLiteral("?A:v1") << QStringLiteral("A:v1") << 1;
        QTest::newRow("an error of a driver not given")
            << QStringLiteral("A;?B!gone") << QStringLiteral("A;B!gone") << 1;
        QTest::newRow("a name listed twice") << QStringLiteral("A:v1,v1") << QStringLiteral("A:v1") << 1;
        QTest::newRow("in use and options")
            << QStringLiteral("A:v1@2,v2+size=10") << QStringLiteral("A:v1@2,v2+size=10") << 1;
    }

    void firstFill()
    {
        QFETCH(QString, listing);
        QFETCH(QString, expected);
        QFETCH(int, resets);
        VolumeListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto proxy = pageProxy(&model);
        QAbstractItemModelTester proxyTester(proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        apply(model, listing);
        QCOMPARE(dump(model), expected);
        QCOMPARE(reset.size(), resets);
    }

    void update_data()
    {
        QTest::addColumn<QString>("before");
        QTest::addColumn<QString>("after");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<int>("inserts"); // rowsInserted signals
        QTest::addColumn<int>("removes"); // rowsRemoved signals
        QTest::addColumn<int>("changes"); // dataChanged signals

        const QString two = QStringLiteral("A:v1,v2;B:v3");
        QTest::newRow("nothing changed") << two << two << two << 0 << 0 << 0;
        QTest::newRow("a volume added") << QStringLiteral("A:v1") << QStringLiteral("A:v1,v2")
                                        << QStringLiteral("A:v1,v2") << 1 << 0 << 1;
        QTest::newRow("volumes added in one block")
            << QStringLiteral("A:v1") << QStringLiteral("A:v3,v1,v2") << QStringLiteral("A:v1,v3,v2") << 1 << 0 << 1;
        QTest::newRow("a volume removed")
            << QStringLiteral("A:v1,v2,v3") << QStringLiteral("A:v1,v3") << QStringLiteral("A:v1,v3") << 0 << 1 << 1;
        QTest::newRow("neighbours removed in one run")
            << QStringLiteral("A:v1,v2,v3,v4") << QStringLiteral("A:v1,v4") << QStringLiteral("A:v1,v4") << 0 << 1 << 1;
        QTest::newRow("runs apart removed apart")
            << QStringLiteral("A:v1,v2,v3,v4") << QStringLiteral("A:v2,v4") << QStringLiteral("A:v2,v4") << 0 << 2 << 1;
        QTest::newRow("a volume mounted")
            << QStringLiteral("A:v1,v2") << QStringLiteral("A:v1@1,v2") << QStringLiteral("A:v1@1,v2") << 0 << 0 << 2;
        QTest::newRow("neighbours changed in one signal")
            << QStringLiteral("A:v1,v2,v3") << QStringLiteral("A:v1+a=1,v2+b=2,v3")
            << QStringLiteral("A:v1+a=1,v2+b=2,v3") << 0 << 0 << 1;
        QTest::newRow("options changed") << QStringLiteral("A:v1+size=1") << QStringLiteral("A:v1+size=2")
                                         << QStringLiteral("A:v1+size=2") << 0 << 0 << 1;
        QTest::newRow("a driver added") << QStringLiteral("A:v1") << QStringLiteral("A:v1;B:v2")
                                        << QStringLiteral("A:v1;B:v2") << 1 << 0 << 0;
        QTest::newRow("a driver removed")
            << QStringLiteral("A:v1;B:v2") << QStringLiteral("B:v2") << QStringLiteral("B:v2") << 0 << 1 << 0;
        QTest::newRow("a driver's error appears")
            << QStringLiteral("A:v1;B:v2,v3") << QStringLiteral("A:v1;B!timed out after 3 s")
            << QStringLiteral("A:v1;B!timed out after 3 s") << 0 << 1 << 1;
        QTest::newRow("a driver's error goes away")
            << QStringLiteral("A:v1;B!timed out after 3 s") << QStringLiteral("A:v1;B:v2,v3")
            << QStringLiteral("A:v1;B:v2,v3") << 1 << 0 << 1;
        QTest::newRow("a driver's error changes")
            << QStringLiteral("A:v1;B!timed out after 3 s") << QStringLiteral("A:v1;B!connection refused")
            << QStringLiteral("A:v1;B!connection refused") << 0 << 0 << 1;
        QTest::newRow("a driver disabled")
            << QStringLiteral("A:v1;B:v2") << QStringLiteral("A:v1;B-") << QStringLiteral("A:v1;B-") << 0 << 1 << 1;
        QTest::newRow("a driver enabled")
            << QStringLiteral("A-;B:v2") << QStringLiteral("A:v1;B:v2") << QStringLiteral("A:v1;B:v2") << 1 << 0 << 1;
        QTest::newRow("a driver only the listing names")
            << QStringLiteral("A:v1") << QStringLiteral("A:v1;?B:v2") << QStringLiteral("A:v1;B:v2") << 1 << 0 << 0;
        QTest::newRow("an error of a driver not given")
            << QStringLiteral("A:v1") << QStringLiteral("A:v1;?B!gone") << QStringLiteral("A:v1;B!gone") << 1 << 0 << 0;
        QTest::newRow("a volume moves to another driver")
            << QStringLiteral("A:v1;B") << QStringLiteral("A;B:v1") << QStringLiteral("A;B:v1") << 1 << 1 << 2;
        QTest::newRow("a name listed twice")
            << QStringLiteral("A:v1") << QStringLiteral("A:v1,v2,v2") << QStringLiteral("A:v1,v2") << 1 << 0 << 1;
        QTest::newRow("drivers swap places: rows stay")
            << QStringLiteral("A:v1;B:v2") << QStringLiteral("B:v2;A:v1") << QStringLiteral("A:v1;B:v2") << 0 << 0 << 0;
        QTest::newRow("everything gone") << two << QString() << QString() << 0 << 2 << 0;
    }

    void update()
    {
        QFETCH(QString, before);
        QFETCH(QString, after);
        QFETCH(QString, expected);
        QFETCH(int, inserts);
        QFETCH(int, removes);
        QFETCH(int, changes);

        VolumeListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto proxy = pageProxy(&model);
        QAbstractItemModelTester proxyTester(proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        // A filtering proxy too, which must follow every insert and remove as well.
        auto filtered = pageProxy(&model);
        filtered->setFilterFixedString(QStringLiteral("v2"));
        QAbstractItemModelTester filteredTester(filtered.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        apply(model, before);

        // Persistent indexes on volumes that stay with their driver must follow them.
        const Listing next = parse(after);
        QList<QPair<QPersistentModelIndex, QString>> kept;
        for (const core::Volume &volume : next.list.volumes) {
            const QModelIndex index = model.volumeIndex(volume.name);
            if (index.isValid() && index.data(VolumeListModel::DriverRole).toString() == volume.driver)
                kept.append({QPersistentModelIndex(index), volume.name});
        }

        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy layout(&model, &QAbstractItemModel::layoutChanged);
        model.setList(next.drivers, next.list);

        QCOMPARE(dump(model), expected);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(layout.size(), 0);
        QCOMPARE(inserted.size(), inserts);
        QCOMPARE(removed.size(), removes);
        QCOMPARE(changed.size(), changes);
        for (const auto &[index, name] : std::as_const(kept)) {
            QVERIFY2(index.isValid(), qPrintable(name));
            QCOMPARE(index.data(VolumeListModel::NameRole).toString(), name);
            QCOMPARE(QModelIndex(index), model.volumeIndex(name));
        }
        QCOMPARE(model.volumeCount(),
                 static_cast<int>(expected.count(QLatin1Char(',')) + expected.count(QLatin1Char(':'))));
    }

    // A listing as the page runs it: the driver rows first (a dead driver saying why, the others "Listing…"), then
    // each driver's answer as it comes, then single volumes created and removed; inserts and removes only.
    void incrementalUpdates()
    {
        VolumeListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto proxy = pageProxy(&model);
        QAbstractItemModelTester proxyTester(proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        apply(model, QStringLiteral("good:a,b;other:c"));
        const QPersistentModelIndex b = model.volumeIndex(QStringLiteral("b"));
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);

        VolumeListModel::Driver good =
            VolumeListModel::Driver::named(QStringLiteral("good"), QStringLiteral("good-id"));
        good.listing = true;
        VolumeListModel::Driver dead =
            VolumeListModel::Driver::named(QStringLiteral("dead"), QStringLiteral("dead-id"));
        dead.notRunning = QStringLiteral("not running: failed: crashed 5 times");
        VolumeListModel::Driver other =
            VolumeListModel::Driver::named(QStringLiteral("other"), QStringLiteral("other-id"));
        other.listing = true;
        model.setDrivers({good, dead, other});
        QCOMPARE(model.driverCount(), 3); // a new driver comes at the end
        // Listed before: kept while the driver is asked again.
        QCOMPARE(model.rowCount(model.driverIndex(QStringLiteral("good"))), 2);
        QCOMPARE(b.data().toString(), QStringLiteral("b"));
        const QModelIndex deadRow = model.driverIndex(QStringLiteral("dead"));
        QCOMPARE(model.index(deadRow.row(), VolumeListModel::Status).data().toString(),
                 QStringLiteral("not running: failed: crashed 5 times"));
        QCOMPARE(deadRow.data(VolumeListModel::ErrorRole).toString(),
                 QStringLiteral("not running: failed: crashed 5 times"));
        QCOMPARE(
            model.index(model.driverIndex(QStringLiteral("good")).row(), VolumeListModel::Status).data().toString(),
            QStringLiteral("Listing…"));

        // One answer: that driver only.
        QVERIFY(
            model.setDriverVolumes(QStringLiteral("good"), {makeVolume(QStringLiteral("good"), QStringLiteral("b")),
                                                            makeVolume(QStringLiteral("good"), QStringLiteral("d"))}));
        QCOMPARE(dump(model), QStringLiteral("good:b,d;other:c;dead!not running: failed: crashed 5 times"));
        QVERIFY(b.isValid());
        QCOMPARE(
            model.index(model.driverIndex(QStringLiteral("good")).row(), VolumeListModel::Status).data().toString(),
            QStringLiteral("Enabled · volumes: 2"));
        QCOMPARE(
            model.index(model.driverIndex(QStringLiteral("other")).row(), VolumeListModel::Status).data().toString(),
            QStringLiteral("Listing…"));
        // The other's error: the cause without the protocol's method in front; the whole text in the tooltip.
        const QString refused =
            QStringLiteral("/VolumeDriver.List: the plugin's socket does not answer (connection refused)");
        QVERIFY(model.setDriverVolumes(QStringLiteral("other"), {}, core::Error{core::ErrorCode::Network, refused}));
        const QModelIndex otherStatus =
            model.index(model.driverIndex(QStringLiteral("other")).row(), VolumeListModel::Status);
        QCOMPARE(otherStatus.data().toString(),
                 QStringLiteral("Error: the plugin's socket does not answer (connection refused)"));
        QVERIFY(otherStatus.data(Qt::ToolTipRole).toString().contains(refused));
        QCOMPARE(model.rowCount(model.driverIndex(QStringLiteral("other"))), 0);
        QVERIFY(!model.setDriverVolumes(QStringLiteral("nobody"), {}));

        // A volume created, then changed, then removed: its row alone.
        QVERIFY(model.updateVolume(makeVolume(QStringLiteral("good"), QStringLiteral("new+size=1"))));
        QCOMPARE(dump(model),
                 QStringLiteral("good:b,d,new+size=1;other!/VolumeDriver.List: the plugin's socket does not answer "
                                "(connection refused);dead!not running: failed: crashed 5 times"));
        QVERIFY(model.updateVolume(makeVolume(QStringLiteral("good"), QStringLiteral("new@1+size=1"))));
        QCOMPARE(dump(model),
                 QStringLiteral("good:b,d,new@1+size=1;other!/VolumeDriver.List: the plugin's socket does not answer "
                                "(connection refused);dead!not running: failed: crashed 5 times"));
        QVERIFY(!model.updateVolume(makeVolume(QStringLiteral("nobody"), QStringLiteral("x"))));
        QVERIFY(model.removeVolume(QStringLiteral("d")));
        QVERIFY(!model.removeVolume(QStringLiteral("d")));
        QCOMPARE(dump(model),
                 QStringLiteral("good:b,new@1+size=1;other!/VolumeDriver.List: the plugin's socket does not answer "
                                "(connection refused);dead!not running: failed: crashed 5 times"));
        QCOMPARE(b.data().toString(), QStringLiteral("b"));
        QCOMPARE(resets.count(), 0);
    }

    void rowsShowWhatTheyHold()
    {
        VolumeListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        apply(model, QStringLiteral("good:v1@2+size=10,v2;slow!timed out after 3 s;off-"));

        const QModelIndex good = model.driverIndex(QStringLiteral("good"));
        QCOMPARE(model.index(good.row(), VolumeListModel::Status).data().toString(),
                 QStringLiteral("Enabled · volumes: 2"));
        QCOMPARE(model.index(good.row(), VolumeListModel::InUse).data().toString(), QStringLiteral("1 in use"));
        QCOMPARE(model.index(good.row(), VolumeListModel::Mountpoint).data().toString(), QStringLiteral("local scope"));
        QCOMPARE(good.data(VolumeListModel::KindRole).toInt(), int(VolumeListModel::Kind::Driver));

        // The failing driver's row carries its error; the other driver's volumes are still there.
        const QModelIndex slow = model.driverIndex(QStringLiteral("slow"));
        const QModelIndex slowStatus = model.index(slow.row(), VolumeListModel::Status);
        QCOMPARE(slowStatus.data().toString(), QStringLiteral("Error: timed out after 3 s"));
        QCOMPARE(slow.data(VolumeListModel::ErrorRole).toString(), QStringLiteral("timed out after 3 s"));
        QVERIFY(!slowStatus.data(Qt::DecorationRole).value<QIcon>().isNull());
        QVERIFY(slow.data(Qt::ToolTipRole).toString().contains(QStringLiteral("timed out after 3 s")));
        QCOMPARE(model.rowCount(slow), 0);
        QCOMPARE(model.rowCount(good), 2);

        const QModelIndex off = model.driverIndex(QStringLiteral("off"));
        QCOMPARE(model.index(off.row(), VolumeListModel::Status).data().toString(), QStringLiteral("Disabled"));
        QVERIFY(off.data(Qt::ToolTipRole).toString().contains(QStringLiteral("Plugins page")));

        const QModelIndex v1 = model.volumeIndex(QStringLiteral("v1"));
        QCOMPARE(v1.parent(), good);
        QCOMPARE(v1.data(VolumeListModel::KindRole).toInt(), int(VolumeListModel::Kind::Volume));
        QCOMPARE(model.volumeAt(v1)->name, QStringLiteral("v1"));
        QVERIFY(!model.volumeAt(good));
        QCOMPARE(model.driverAt(v1)->name, QStringLiteral("good"));
        QCOMPARE(model.index(v1.row(), VolumeListModel::Mountpoint, good).data().toString(),
                 QStringLiteral("/store/good/v1"));
        QVERIFY(model.index(v1.row(), VolumeListModel::Mountpoint, good)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("/vols/v1")));
        QCOMPARE(model.index(v1.row(), VolumeListModel::Options, good).data().toString(), QStringLiteral("size=10"));
        QCOMPARE(model.index(v1.row(), VolumeListModel::InUse, good).data().toString(),
                 QStringLiteral("Yes (mounts: 2)"));
        QVERIFY(model.index(v1.row(), VolumeListModel::InUse, good).data(VolumeListModel::InUseRole).toBool());
        QCOMPARE(model.index(v1.row(), VolumeListModel::Created, good).data(VolumeListModel::SortRole).toDateTime(),
                 QDateTime(QDate(2024, 5, 1), QTime(10, 0, 0, 123), Qt::UTC));
        const QModelIndex v2 = model.volumeIndex(QStringLiteral("v2"));
        QCOMPARE(model.index(v2.row(), VolumeListModel::Options, good).data().toString(), QStringLiteral("unknown"));
        QCOMPARE(model.index(v2.row(), VolumeListModel::InUse, good).data().toString(), QStringLiteral("No"));
        QVERIFY(!model.volumeIndex(QStringLiteral("nope")).isValid());
        QVERIFY(!model.driverIndex(QStringLiteral("nope")).isValid());
        QCOMPARE(model.volumeCount(), 2);
        QCOMPARE(model.driverCount(), 3);
    }

    void createdTime_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const QDateTime noon(QDate(2024, 5, 1), QTime(12, 0), Qt::UTC);
        QTest::newRow("RFC 3339") << QStringLiteral("2024-05-01T12:00:00Z") << noon;
        QTest::newRow("milliseconds") << QStringLiteral("2024-05-01T12:00:00.250Z") << noon.addMSecs(250);
        QTest::newRow("Go's nanoseconds") << QStringLiteral("2024-05-01T12:00:00.250000999Z") << noon.addMSecs(250);
        QTest::newRow("an offset") << QStringLiteral("2024-05-01T14:00:00+02:00") << noon;
        QTest::newRow("empty") << QString() << QDateTime();
        QTest::newRow("garbage") << QStringLiteral("yesterday") << QDateTime();
    }

    void createdTime()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const QDateTime parsed = VolumeListModel::createdTime(text);
        QCOMPARE(parsed.isValid(), expected.isValid());
        if (expected.isValid())
            QCOMPARE(parsed.toUTC(), expected);
    }

    void statusText()
    {
        QCOMPARE(VolumeListModel::statusText({}), QString());
        const QJsonObject status{
            {QStringLiteral("mounts"), 2},
            {QStringLiteral("options"), QJsonObject{{QStringLiteral("size"), QStringLiteral("1")}}},
            {QStringLiteral("ready"), true}};
        QCOMPARE(VolumeListModel::statusText(status),
                 QStringLiteral("mounts: 2, options: {\"size\":\"1\"}, ready: true"));
    }

    void filter_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("expected");
        QTest::newRow("none") << QString()
                              << QStringLiteral(
                                     "alpha:apple,data1+size=5;bravo:banana,data2;charlie!timed out after 3 s");
        QTest::newRow("a volume's name") << QStringLiteral("apple") << QStringLiteral("alpha:apple");
        QTest::newRow("case-insensitive") << QStringLiteral("BANANA") << QStringLiteral("bravo:banana");
        QTest::newRow("a driver's name brings its volumes")
            << QStringLiteral("bravo") << QStringLiteral("bravo:banana,data2");
        QTest::newRow("several drivers") << QStringLiteral("data") << QStringLiteral("alpha:data1+size=5;bravo:data2");
        QTest::newRow("a driver's error")
            << QStringLiteral("timed out") << QStringLiteral("charlie!timed out after 3 s");
        QTest::newRow("an option") << QStringLiteral("size=") << QStringLiteral("alpha:data1+size=5");
        QTest::newRow("nothing") << QStringLiteral("zzz") << QString();
    }

    void filter()
    {
        QFETCH(QString, filter);
        QFETCH(QString, expected);
        VolumeListModel model;
        auto proxy = pageProxy(&model);
        QAbstractItemModelTester tester(proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        apply(model, QStringLiteral("bravo:data2,banana;alpha:data1,apple;charlie!timed out after 3 s"));
        proxy->setFilterFixedString(filter);
        // Updates go on while the filter is set: the proxy follows them (data1 gains an option).
        apply(model, QStringLiteral("bravo:data2,banana;alpha:data1+size=5,apple;charlie!timed out after 3 s"));
        QCOMPARE(dump(*proxy), expected);
        proxy->setFilterFixedString(QString());
        QCOMPARE(proxy->rowCount(), 3);
    }

    void filterModelAnswersAsThePlainProxy_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<bool>("regularExpression");
        QTest::newRow("none") << QString() << false;
        QTest::newRow("a volume") << QStringLiteral("apple") << false;
        QTest::newRow("upper case") << QStringLiteral("APPLE") << false;
        QTest::newRow("a driver") << QStringLiteral("bravo") << false;
        QTest::newRow("a path") << QStringLiteral("/store/alpha/") << false;
        QTest::newRow("an option") << QStringLiteral("size=5") << false;
        QTest::newRow("in use") << QStringLiteral("mounts: 2") << false;
        QTest::newRow("a date") << QStringLiteral("2024") << false;
        QTest::newRow("a driver's status") << QStringLiteral("volumes: 2") << false;
        QTest::newRow("a driver's error") << QStringLiteral("timed out") << false;
        QTest::newRow("the second line of an error") << QStringLiteral("second line") << false;
        QTest::newRow("across two lines of an error") << QStringLiteral("first\nsecond") << false;
        QTest::newRow("across two cells") << QStringLiteral("apple\n/store") << false;
        QTest::newRow("characters a regular expression means") << QStringLiteral("a.(b)*[c]\\d$") << false;
        QTest::newRow("non-ASCII") << QStringLiteral("ÄPFEL") << false;
        QTest::newRow("nothing") << QStringLiteral("zzz") << false;
        QTest::newRow("a regular expression") << QStringLiteral("^(app|ban)") << true;
        QTest::newRow("a regular expression over every cell") << QStringLiteral("data\\d") << true;
    }

    void filterModelAnswersAsThePlainProxy()
    {
        QFETCH(QString, filter);
        QFETCH(bool, regularExpression);
        VolumeListModel model;
        auto fast = pageProxy(&model);
        auto plain = plainProxy(&model);
        QAbstractItemModelTester tester(fast.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QString before = QStringLiteral("bravo:data2,banana;alpha:data1,apple,äpfel;charlie!timed out after 3 s");
        apply(model, before);
        auto setFilter = [&](QSortFilterProxyModel &proxy) {
            if (regularExpression)
                proxy.setFilterRegularExpression(QRegularExpression(filter, QRegularExpression::CaseInsensitiveOption));
            else
                proxy.setFilterFixedString(filter);
        };
        setFilter(*fast);
        setFilter(*plain);
        QCOMPARE(dump(*fast), dump(*plain));
        // Updates while the filter is set: an option, a mount, a volume gone, one added, an error of two lines.
        Listing next =
            parse(QStringLiteral("bravo:data2@2,banana,applesauce;alpha:data1+size=5,äpfel;charlie!first line"));
        next.list.errors.first().error.message = QStringLiteral("first line\nsecond line");
        model.setList(next.drivers, next.list);
        QCOMPARE(dump(*fast), dump(*plain));
        // And the filter set again on the changed rows.
        fast->setFilterFixedString(QString());
        plain->setFilterFixedString(QString());
        setFilter(*fast);
        setFilter(*plain);
        QCOMPARE(dump(*fast), dump(*plain));
        apply(model, before);
        QCOMPARE(dump(*fast), dump(*plain));
    }

    void unescapedPattern_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("a name") << QStringLiteral("vol-1234");
        QTest::newRow("every special character") << QStringLiteral("\\^$.|?*+()[]{}/ :=,");
        QTest::newRow("non-ASCII") << QStringLiteral("Äpfel · 東京");
        QTest::newRow("a NUL") << QStringLiteral("a") + QChar(0) + QStringLiteral("b");
    }

    void unescapedPattern()
    {
        QFETCH(QString, text);
        QCOMPARE(ui::VolumeFilterModel::unescapedPattern(QRegularExpression::escape(text)), std::optional(text));
    }

    void unescapedPatternRefusesRegularExpressions_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::newRow("a dot") << QStringLiteral("a.b");
        QTest::newRow("an anchor") << QStringLiteral("^a");
        QTest::newRow("a class") << QStringLiteral("\\d");
        QTest::newRow("a trailing backslash") << QStringLiteral("a\\");
    }

    void unescapedPatternRefusesRegularExpressions()
    {
        QFETCH(QString, pattern);
        QCOMPARE(ui::VolumeFilterModel::unescapedPattern(pattern), std::nullopt);
    }

    void sortsByColumn_data()
    {
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("expected");
        QTest::newRow("name") << int(VolumeListModel::Name) << QStringLiteral("A:a@1,B@3,c");
        QTest::newRow("in use") << int(VolumeListModel::InUse) << QStringLiteral("A:c,a@1,B@3");
        QTest::newRow("created") << int(VolumeListModel::Created) << QStringLiteral("A:B@3,c,a@1");
    }

    void sortsByColumn()
    {
        QFETCH(int, column);
        QFETCH(QString, expected);
        VolumeListModel model;
        auto proxy = pageProxy(&model);
        QAbstractItemModelTester tester(proxy.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        Listing listing = parse(QStringLiteral("A:c,a@1,B@3"));
        listing.list.volumes[0].createdAt = QStringLiteral("2024-02-01T00:00:00Z");
        listing.list.volumes[1].createdAt = QStringLiteral("2024-03-01T00:00:00.5Z");
        listing.list.volumes[2].createdAt = QStringLiteral("2024-01-01T00:00:00.999999999Z");
        model.setList(listing.drivers, listing.list);
        proxy->sort(column);
        QCOMPARE(dump(*proxy), expected);
    }
};

QTEST_MAIN(TestVolumeListModel)
#include "tst_volumelistmodel.moc"
