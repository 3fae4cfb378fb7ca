// bench_models: how long the window's models take. The plugin table with 2,000 plugins: fills a PluginListModel
// behind the window's sort/filter proxy, refreshes it unchanged and with one change, sets every runtime state, and
// applies filters. The volume tree with 20,000 volumes over 4 drivers: fills a VolumeListModel behind the Volumes
// page's sorted, recursively filtering proxy, applies an unchanged listing, listings with changes and a failing
// driver, and filters. Then the Volumes page's filter as a person sees it: the page's proxy (VolumeFilterModel) and
// a plain QSortFilterProxyModel set up as the page had it, each under a shown QTreeView (offscreen unless a display
// is named), typing the same filters in alternating rounds; the time runs from setting the filter until the tree has
// painted, medians of the rounds, and their ratio. Prints the times; asserts nothing (a plain executable, not a test).
// Usage: bench_models [PLUGINS [VOLUMES [ROUNDS]]]
#include "ui/pluginlistmodel.h"
#include "ui/volumefiltermodel.h"
#include "ui/volumelistmodel.h"

#include <QApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTreeView>
#include <algorithm>
#include <cstdio>
#include <memory>

namespace {

QList<core::Plugin> makePlugins(int count)
{
    QList<core::Plugin> plugins;
    plugins.reserve(count);
    for (int i = 0; i < count; ++i) {
        core::Plugin plugin;
        plugin.id = QStringLiteral("%1").arg(i, 64, 16, QLatin1Char('0'));
        plugin.repository = QStringLiteral("vendor%1/plugin%2").arg(i % 37).arg(i);
        plugin.tag = i % 3 == 0 ? QStringLiteral("latest") : QStringLiteral("1.%1").arg(i % 10);
        plugin.enabled = i % 2 == 0;
        plugin.config.description = QStringLiteral("Benchmark plugin number %1 for %2 storage")
                                        .arg(i)
                                        .arg(i % 5 == 0 ? QStringLiteral("network") : QStringLiteral("local"));
        plugin.config.interfaceTypes = {i % 4 == 0 ? QStringLiteral("docker.networkdriver/1.0")
                                                   : QStringLiteral("docker.volumedriver/1.0")};
        plugin.config.interfaceSocket = QStringLiteral("p.sock");
        plugin.config.entrypoint = {QStringLiteral("/plugin")};
        plugins.append(plugin);
    }
    return plugins;
}

void report(const char *what, qint64 nanoseconds)
{
    std::printf("%-48s %10.2f ms\n", what, double(nanoseconds) / 1e6);
}

constexpr int kVolumeDrivers = 4;

QList<ui::VolumeListModel::Driver> makeDrivers()
{
    QList<ui::VolumeListModel::Driver> drivers;
    for (int d = 0; d < kVolumeDrivers; ++d)
        drivers.append(ui::VolumeListModel::Driver::named(QStringLiteral("vendor%1/volumes:latest").arg(d),
                                                          QStringLiteral("%1").arg(d, 64, 16, QLatin1Char('0'))));
    return drivers;
}

core::VolumeList makeVolumes(int count)
{
    core::VolumeList list;
    list.volumes.reserve(count);
    const QDateTime base(QDate(2024, 5, 1), QTime(0, 0), Qt::UTC);
    for (int i = 0; i < count; ++i) {
        const int d = i % kVolumeDrivers;
        core::Volume volume;
        volume.name = QStringLiteral("vol-%1").arg(i, 5, 10, QLatin1Char('0'));
        volume.driver = QStringLiteral("vendor%1/volumes:latest").arg(d);
        volume.pluginId = QStringLiteral("%1").arg(d, 64, 16, QLatin1Char('0'));
        volume.mountpoint = QStringLiteral("/vols/") + volume.name;
        volume.hostMountpoint =
            QStringLiteral("/var/lib/plugdesk/plugins/%1/propagated-mount/%2").arg(volume.pluginId, volume.name);
        // A minute apart, over two weeks, as Go's RFC 3339 with nanoseconds.
        volume.createdAt =
            base.addSecs(i * 61LL).toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss")) + QStringLiteral(".123456789Z");
        if (i % 3 == 0)
            volume.options = QMap<QString, QString>{{QStringLiteral("size"), QStringLiteral("%1G").arg(i % 50)}};
        volume.mounts = i % 17 == 0 ? 1 : 0;
        list.volumes.append(volume);
    }
    return list;
}

int shownVolumes(const QAbstractItemModel &proxy)
{
    int shown = 0;
    for (int row = 0; row < proxy.rowCount(); ++row)
        shown += proxy.rowCount(proxy.index(row, 0));
    return shown;
}

struct Baseline
{
    qint64 fillNs = 0;
    qint64 filterNs = 0;
};

// The yardstick, in the same process: the same drivers and volumes as plain text in a QStandardItemModel tree
// (six columns, as the Volumes page shows them) behind the same proxy, filled once and filtered once. No diffing,
// no formatting on demand: what a minimal model would cost.
Baseline baselineVolumes(const QList<ui::VolumeListModel::Driver> &drivers, const core::VolumeList &list)
{
    QStandardItemModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setFilterKeyColumn(-1);
    proxy.setRecursiveFilteringEnabled(true);
    proxy.setAutoAcceptChildRows(true);
    proxy.sort(0);
    Baseline baseline;
    QElapsedTimer timer;
    timer.start();
    QHash<QString, QStandardItem *> parents;
    for (const ui::VolumeListModel::Driver &driver : drivers) {
        auto *item = new QStandardItem(driver.name);
        model.appendRow({item, new QStandardItem(driver.scope), new QStandardItem(), new QStandardItem(),
                         new QStandardItem(), new QStandardItem()});
        parents.insert(driver.name, item);
    }
    // Rows go in per driver in one call each, as a model that batches its inserts would.
    QHash<QString, QList<QList<QStandardItem *>>> rows;
    for (const core::Volume &volume : list.volumes) {
        QStringList options;
        const QMap<QString, QString> given = volume.options.value_or(QMap<QString, QString>());
        for (auto it = given.cbegin(); it != given.cend(); ++it)
            options.append(it.key() + QLatin1Char('=') + it.value());
        rows[volume.driver].append(
            {new QStandardItem(volume.name), new QStandardItem(volume.hostMountpoint),
             new QStandardItem(volume.createdAt), new QStandardItem(),
             new QStandardItem(options.join(QStringLiteral(", "))),
             new QStandardItem(volume.mounts > 0 ? QStringLiteral("Yes") : QStringLiteral("No"))});
    }
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        QStandardItem *parent = parents.value(it.key());
        for (const QList<QStandardItem *> &row : it.value())
            parent->appendRow(row);
    }
    baseline.fillNs = timer.nsecsElapsed();
    timer.restart();
    proxy.setFilterFixedString(QStringLiteral("vol-1234"));
    baseline.filterNs = timer.nsecsElapsed();
    return baseline;
}

void reportRatio(const char *what, qint64 nanoseconds, qint64 baselineNs)
{
    std::printf("%-48s %10.2f x\n", what, baselineNs > 0 ? double(nanoseconds) / double(baselineNs) : 0.0);
}

void benchVolumes(int count)
{
    const QList<ui::VolumeListModel::Driver> drivers = makeDrivers();
    const core::VolumeList list = makeVolumes(count);
    std::printf("\nVolumeListModel with %d volumes over %d drivers, behind the Volumes page's sorted, recursively "
                "filtering VolumeFilterModel\n",
                count, kVolumeDrivers);

    ui::VolumeListModel model;
    ui::VolumeFilterModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(ui::VolumeListModel::Name);

    const Baseline baseline = baselineVolumes(drivers, list);

    QElapsedTimer timer;
    timer.start();
    model.setList(drivers, list);
    const qint64 fillNs = timer.nsecsElapsed();
    report("fill", fillNs);

    timer.restart();
    model.setList(drivers, list);
    report("refresh, nothing changed", timer.nsecsElapsed());

    core::VolumeList changed = list;
    changed.volumes[count / 2].mounts += 1;
    timer.restart();
    model.setList(drivers, changed);
    report("refresh, one volume changed", timer.nsecsElapsed());

    core::VolumeList added = changed;
    for (int i = 0; i < 100; ++i) {
        core::Volume volume = list.volumes.at(i);
        volume.name = QStringLiteral("new-%1").arg(i);
        added.volumes.append(volume);
    }
    timer.restart();
    model.setList(drivers, added);
    report("refresh, 100 volumes added", timer.nsecsElapsed());

    timer.restart();
    model.setList(drivers, changed);
    report("refresh, those 100 removed", timer.nsecsElapsed());

    // One driver times out: its quarter of the volumes goes, then comes back.
    core::VolumeList failing;
    for (const core::Volume &volume : list.volumes) {
        if (volume.driver != drivers.at(1).name)
            failing.volumes.append(volume);
    }
    failing.errors.append(
        {drivers.at(1).name, core::Error{core::ErrorCode::Timeout, QStringLiteral("timed out after 10 s")}});
    timer.restart();
    model.setList(drivers, failing);
    report("refresh, one driver timed out", timer.nsecsElapsed());
    timer.restart();
    model.setList(drivers, list);
    report("refresh, that driver answers again", timer.nsecsElapsed());

    timer.restart();
    proxy.setFilterFixedString(QStringLiteral("vol-1234"));
    const qint64 filterNs = timer.nsecsElapsed();
    report("filter \"vol-1234\"", filterNs);
    std::printf("%-48s %10d rows\n", "  volumes shown", shownVolumes(proxy));

    timer.restart();
    proxy.setFilterFixedString(QStringLiteral("vol-12345"));
    report("filter \"vol-12345\" (one more key typed)", timer.nsecsElapsed());
    std::printf("%-48s %10d rows\n", "  volumes shown", shownVolumes(proxy));

    timer.restart();
    proxy.setFilterFixedString(QStringLiteral("vendor2/"));
    report("filter \"vendor2/\" (a driver)", timer.nsecsElapsed());
    std::printf("%-48s %10d rows\n", "  volumes shown", shownVolumes(proxy));

    timer.restart();
    model.setList(drivers, list);
    report("refresh under the filter, nothing changed", timer.nsecsElapsed());

    timer.restart();
    proxy.setFilterFixedString(QString());
    report("clear the filter", timer.nsecsElapsed());

    timer.restart();
    proxy.sort(ui::VolumeListModel::Created, Qt::DescendingOrder);
    report("sort by Created", timer.nsecsElapsed());

    timer.restart();
    model.setList({}, {});
    report("empty", timer.nsecsElapsed());

    std::printf("\nBaseline: the same rows as text in a QStandardItemModel tree behind the same proxy\n");
    report("fill", baseline.fillNs);
    report("filter \"vol-1234\"", baseline.filterNs);
    reportRatio("VolumeListModel fill / baseline fill", fillNs, baseline.fillNs);
    reportRatio("VolumeListModel filter / baseline filter", filterNs, baseline.filterNs);
}

// A plain QSortFilterProxyModel as the Volumes page set it up before VolumeFilterModel.
std::unique_ptr<QSortFilterProxyModel> plainVolumeProxy()
{
    auto proxy = std::make_unique<QSortFilterProxyModel>();
    proxy->setSortRole(ui::VolumeListModel::SortRole);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy->setFilterKeyColumn(-1);
    proxy->setRecursiveFilteringEnabled(true);
    proxy->setAutoAcceptChildRows(true);
    return proxy;
}

// A tree as the Volumes page shows it, on `proxy`, shown and expanded.
std::unique_ptr<QTreeView> pageTree(QSortFilterProxyModel *proxy)
{
    auto tree = std::make_unique<QTreeView>();
    tree->setModel(proxy);
    tree->setSortingEnabled(true);
    tree->sortByColumn(ui::VolumeListModel::Name, Qt::AscendingOrder);
    tree->setUniformRowHeights(true);
    tree->setAlternatingRowColors(true);
    tree->setWordWrap(false);
    tree->setTextElideMode(Qt::ElideMiddle);
    tree->header()->setStretchLastSection(false);
    tree->resize(1000, 600);
    // As the page: drivers opened when the list is filled and when a filter brings one back.
    QObject::connect(proxy, &QAbstractItemModel::modelReset, tree.get(), &QTreeView::expandAll);
    QTreeView *view = tree.get();
    QObject::connect(proxy, &QAbstractItemModel::rowsInserted, view,
                     [view, proxy](const QModelIndex &parent, int first, int last) {
                         if (parent.isValid())
                             return;
                         for (int r = first; r <= last; ++r)
                             view->expand(proxy->index(r, 0));
                     });
    tree->show();
    tree->expandAll();
    QCoreApplication::processEvents();
    tree->viewport()->repaint();
    return tree;
}

// From setting the filter until the tree has laid out and painted its rows.
qint64 typeFilter(QSortFilterProxyModel &proxy, QTreeView &tree, const QString &filter)
{
    QElapsedTimer timer;
    timer.start();
    proxy.setFilterFixedString(filter);
    QCoreApplication::processEvents();
    tree.viewport()->repaint();
    return timer.nsecsElapsed();
}

qint64 median(QList<qint64> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

void benchVolumeFilter(int count, int rounds)
{
    const QList<ui::VolumeListModel::Driver> drivers = makeDrivers();
    const core::VolumeList list = makeVolumes(count);
    std::printf("\nThe Volumes page's filter with %d volumes: setting it until a shown QTreeView has painted, medians "
                "of %d alternating rounds\n",
                count, rounds);
    ui::VolumeListModel pageModel;
    ui::VolumeFilterModel pageProxy;
    pageProxy.setSourceModel(&pageModel);
    pageModel.setList(drivers, list);
    ui::VolumeListModel plainModel;
    const std::unique_ptr<QSortFilterProxyModel> plainProxy = plainVolumeProxy();
    plainProxy->setSourceModel(&plainModel);
    plainModel.setList(drivers, list);
    const std::unique_ptr<QTreeView> pageView = pageTree(&pageProxy);
    const std::unique_ptr<QTreeView> plainView = pageTree(plainProxy.get());

    // Typing a volume's name a key at a time, a driver's name, and clearing the field.
    const QStringList filters{QStringLiteral("vol-1"),    QStringLiteral("vol-12"),   QStringLiteral("vol-123"),
                              QStringLiteral("vol-1234"), QStringLiteral("vendor2/"), QString()};
    QHash<QString, QList<qint64>> pageTimes;
    QHash<QString, QList<qint64>> plainTimes;
    QList<qint64> pageWorst;
    QList<qint64> plainWorst;
    for (int round = 0; round < rounds; ++round) {
        qint64 worstPage = 0;
        qint64 worstPlain = 0;
        for (const QString &filter : filters) {
            // Alternating which goes first, so that neither always meets a warm or a cold cache.
            if (round % 2 == 0) {
                pageTimes[filter].append(typeFilter(pageProxy, *pageView, filter));
                plainTimes[filter].append(typeFilter(*plainProxy, *plainView, filter));
            } else {
                plainTimes[filter].append(typeFilter(*plainProxy, *plainView, filter));
                pageTimes[filter].append(typeFilter(pageProxy, *pageView, filter));
            }
            worstPage = std::max(worstPage, pageTimes[filter].last());
            worstPlain = std::max(worstPlain, plainTimes[filter].last());
        }
        pageWorst.append(worstPage);
        plainWorst.append(worstPlain);
    }
    std::printf("%-34s %16s %16s %8s\n", "filter", "VolumeFilterModel", "plain proxy", "ratio");
    for (const QString &filter : filters) {
        const qint64 page = median(pageTimes.value(filter));
        const qint64 plain = median(plainTimes.value(filter));
        const QByteArray label = filter.isEmpty() ? QByteArray("(cleared)") : ('"' + filter.toUtf8() + '"');
        std::printf("%-34s %13.2f ms %13.2f ms %7.3fx\n", label.constData(), double(page) / 1e6, double(plain) / 1e6,
                    plain > 0 ? double(page) / double(plain) : 0.0);
    }
    const qint64 page = median(pageWorst);
    const qint64 plain = median(plainWorst);
    std::printf("%-34s %13.2f ms %13.2f ms %7.3fx\n", "slowest of a round", double(page) / 1e6, double(plain) / 1e6,
                plain > 0 ? double(page) / double(plain) : 0.0);
    std::printf("%-34s %16d %16d\n", "volumes shown at the end", shownVolumes(pageProxy), shownVolumes(*plainProxy));
}

} // namespace

int main(int argc, char *argv[])
{
    // The tree needs a screen; offscreen unless one is named.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM") && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 2000;
    const int volumes = argc > 2 ? QByteArray(argv[2]).toInt() : 20000;
    const int rounds = argc > 3 ? std::max(1, QByteArray(argv[3]).toInt()) : 3;
    const QList<core::Plugin> plugins = makePlugins(count);
    std::printf("PluginListModel with %d plugins, behind a sorted QSortFilterProxyModel\n", count);

    ui::PluginListModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setFilterKeyColumn(-1);
    proxy.sort(ui::PluginListModel::Name);

    QElapsedTimer timer;
    timer.start();
    model.setPlugins(plugins);
    report("fill", timer.nsecsElapsed());

    timer.restart();
    model.setPlugins(plugins);
    report("refresh, nothing changed", timer.nsecsElapsed());

    QList<core::Plugin> changed = plugins;
    changed[count / 2].enabled = !changed[count / 2].enabled;
    timer.restart();
    model.setPlugins(changed);
    report("refresh, one plugin changed", timer.nsecsElapsed());

    core::PluginRuntimeState running;
    running.status = core::PluginRuntimeState::Status::Running;
    timer.restart();
    for (const core::Plugin &plugin : plugins)
        model.setRuntimeState(plugin.id, running);
    report("set every runtime state", timer.nsecsElapsed());

    timer.restart();
    proxy.setFilterFixedString(QStringLiteral("vendor7/"));
    report("filter \"vendor7/\"", timer.nsecsElapsed());
    std::printf("%-48s %10lld rows\n", "  rows shown", static_cast<long long>(proxy.rowCount()));

    timer.restart();
    proxy.setFilterFixedString(QStringLiteral("network"));
    report("filter \"network\"", timer.nsecsElapsed());
    std::printf("%-48s %10lld rows\n", "  rows shown", static_cast<long long>(proxy.rowCount()));

    timer.restart();
    proxy.setFilterFixedString(QString());
    report("clear the filter", timer.nsecsElapsed());

    timer.restart();
    model.setPlugins({});
    report("empty", timer.nsecsElapsed());

    benchVolumes(volumes);
    benchVolumeFilter(volumes, rounds);
    return 0;
}
