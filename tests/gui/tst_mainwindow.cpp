// The real window on the offscreen platform, over a LocalEngine on real store folders.
#include "common/testutil.h"
#include "core/engine/localengine.h"
#include "ui/mainwindow.h"
#include "ui/plugindetailsview.h"
#include "ui/pluginlistmodel.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace core;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QString seedStore(QTemporaryDir &dir)
    {
        const QString root = dir.path() + QStringLiteral("/store");
        if (!testutil::copyTree(testutil::sourcePath(QStringLiteral("tests/data/seed-store")), root))
            qFatal("cannot copy the seed store");
        return root;
    }

    static void addPlugin(const QString &root, const QString &id, const QString &name, bool enabled)
    {
        const QByteArray config = "{\"Description\": \"Plugin " + name.toUtf8() +
                                  "\", \"Entrypoint\": [\"/p\"], \"Interface\": {\"Types\": "
                                  "[\"docker.volumedriver/1.0\"], \"Socket\": \"p.sock\"}, \"Env\": [{\"Name\": "
                                  "\"DEBUG\", \"Value\": \"0\", \"Settable\": [\"value\"]}]}";
        testutil::writeFile(root + QStringLiteral("/plugins/") + id + QStringLiteral("/config.json"), config);
        QJsonObject inventory =
            QJsonDocument::fromJson(testutil::readFile(root + QStringLiteral("/plugins/plugins.json"))).object();
        inventory.insert(
            id, QJsonObject{{QStringLiteral("plugin"), QJsonObject{{QStringLiteral("Id"), id},
                                                                   {QStringLiteral("Name"), name},
                                                                   {QStringLiteral("Tag"), QStringLiteral("latest")},
                                                                   {QStringLiteral("Active"), enabled}}}});
        testutil::writeFile(root + QStringLiteral("/plugins/plugins.json"), QJsonDocument(inventory).toJson());
    }

    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString folder = QStringLiteral(PLUGDESK_BINARY_DIR "/screenshots");
        QDir().mkpath(folder);
        QVERIFY(widget->grab().save(folder + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("PlugdeskTests"));
        QStandardPaths::setTestModeEnabled(true);
    }

    void showsThePluginsAndTheirDetails()
    {
        QTemporaryDir dir;
        const QString root = seedStore(dir);
        addPlugin(root, QStringLiteral("ab12") + QString(60, QLatin1Char('0')), QStringLiteral("acme/nfs"), false);
        LocalEngine engine({root, dir.path() + QStringLiteral("/run"), true});
        ui::MainWindow window(&engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QTableView *table = window.pluginTable();
        QCOMPARE(table->model()->rowCount(), 2);
        QVERIFY(window.problemsBanner()->isHidden());
        // Sorted by name: acme/nfs first.
        QCOMPARE(table->model()->index(0, ui::PluginListModel::Name).data().toString(), QStringLiteral("acme/nfs"));
        QCOMPARE(table->model()->index(1, ui::PluginListModel::Name).data().toString(), QStringLiteral("vieux/sshfs"));
        QCOMPARE(table->model()->index(1, ui::PluginListModel::Id).data().toString(), QStringLiteral("cd851ce43a40"));
        QCOMPARE(table->model()->index(1, ui::PluginListModel::Types).data().toString(),
                 QStringLiteral("volumedriver"));

        QVERIFY(!window.detailsView()->isEnabled());
        table->selectRow(1);
        QVERIFY(window.detailsView()->isEnabled());
        const QLabel *title = window.detailsView()->findChild<QLabel *>(QStringLiteral("pluginTitle"));
        QVERIFY(title);
        QCOMPARE(title->text(), QStringLiteral("vieux/sshfs:latest"));
        saveScreenshot(&window, QStringLiteral("main-window"));

        // The filter box narrows the list.
        QTest::keyClicks(window.filterEdit(), QStringLiteral("sshfs"));
        QCOMPARE(table->model()->rowCount(), 1);
        window.filterEdit()->clear();
        QCOMPARE(table->model()->rowCount(), 2);
    }

    void followsChangesMadeByAnotherProcess()
    {
        QTemporaryDir dir;
        const QString root = seedStore(dir);
        const QString id = QStringLiteral("ab12") + QString(60, QLatin1Char('0'));
        addPlugin(root, id, QStringLiteral("acme/nfs"), false);
        LocalEngine engine({root, dir.path() + QStringLiteral("/run"), true});
        ui::MainWindow window(&engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.pluginModel()->rowCount(), 2);

        QSignalSpy inserted(window.pluginModel(), &QAbstractItemModel::rowsInserted);
        QSignalSpy reset(window.pluginModel(), &QAbstractItemModel::modelReset);
        // Another writer (as plugdeskctl would be) changes a setting and adds a plugin.
        LocalEngine other({root, dir.path() + QStringLiteral("/run")});
        QVERIFY(other.set(QStringLiteral("acme/nfs"), {QStringLiteral("DEBUG=1")}).ok());
        addPlugin(root, QStringLiteral("cd99") + QString(60, QLatin1Char('0')), QStringLiteral("acme/smb"), false);
        QTRY_COMPARE(window.pluginModel()->rowCount(), 3);
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(reset.count(), 0);
        const int row = window.pluginModel()->rowOf(id);
        QTRY_COMPARE(window.pluginModel()->pluginAt(row)->settings.env, QStringList{QStringLiteral("DEBUG=1")});
    }

    void showsWhatCouldNotBeRead()
    {
        QTemporaryDir dir;
        const QString root = seedStore(dir);
        testutil::writeFile(
            root + QStringLiteral("/plugins/cd851ce43a403/manifest.json"),
            R"({"manifestVersion": "v0", "interface": {"types": ["docker.volumedriver/1.0"], "socket": "s.sock"}})");
        LocalEngine engine({root, dir.path() + QStringLiteral("/run")});
        ui::MainWindow window(&engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.problemsBanner()->isVisible());
        QVERIFY2(window.problemsBanner()->text().contains(QStringLiteral("entrypoint")),
                 qPrintable(window.problemsBanner()->text()));
        QCOMPARE(window.pluginModel()->rowCount(), 0);
        saveScreenshot(&window, QStringLiteral("main-window-problems"));
    }

    void modelPassesTheModelTester()
    {
        ui::PluginListModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto make = [](const QString &id, const QString &name, bool enabled) {
            Plugin plugin;
            plugin.id = id;
            plugin.repository = name;
            plugin.tag = QStringLiteral("latest");
            plugin.enabled = enabled;
            plugin.config.interfaceTypes = {QStringLiteral("docker.volumedriver/1.0")};
            return plugin;
        };
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.setPlugins({make(QStringLiteral("a"), QStringLiteral("one"), false),
                          make(QStringLiteral("b"), QStringLiteral("two"), true)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(inserted.count(), 2);
        model.setPlugins({make(QStringLiteral("b"), QStringLiteral("two"), false),
                          make(QStringLiteral("c"), QStringLiteral("three"), true)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(inserted.count(), 3);
        QCOMPARE(model.index(0, ui::PluginListModel::Enabled).data().toString(), QStringLiteral("Disabled"));
        model.setPlugins({});
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
