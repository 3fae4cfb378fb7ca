// The real window on the offscreen platform, over a LocalEngine on real store folders: listing, filtering, following
// other writers, the Settings tab (applied, and refused with Docker's message), Create from a folder through the
// dialog and by drag-and-drop, a failing job's message, and the German translation.
#include "common/testutil.h"
#include "core/engine/localengine.h"
#include "ui/createplugindialog.h"
#include "ui/jobsindicator.h"
#include "ui/mainwindow.h"
#include "ui/plugindetailsview.h"
#include "ui/pluginlistmodel.h"
#include "ui/pluginsettingsview.h"
#include "ui/privilegedialog.h"
#include "ui/translations.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QUrl>
#include <memory>

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

    // A plugin whose settings can be edited: env DEBUG (settable), env MODE (fixed), a mount "data" whose source
    // is settable, a mount "cache" that is settable but has no source in its config (Docker refuses to set it).
    static void addSettablePlugin(const QString &root, const QString &id, const QString &name)
    {
        const QByteArray config =
            R"({"Description": "Settable plugin", "Entrypoint": ["/p"],
                "Interface": {"Types": ["docker.volumedriver/1.0"], "Socket": "p.sock"},
                "Env": [{"Name": "DEBUG", "Description": "debug level", "Value": "0", "Settable": ["value"]},
                        {"Name": "MODE", "Description": "fixed", "Value": "fast"}],
                "Mounts": [{"Name": "data", "Description": "where volumes live", "Source": "/srv/data",
                            "Destination": "/data", "Type": "bind", "Options": ["rbind"], "Settable": ["source"]},
                           {"Name": "cache", "Destination": "/cache", "Type": "bind", "Settable": ["source"]}]})";
        testutil::writeFile(root + QStringLiteral("/plugins/") + id + QStringLiteral("/config.json"), config);
        QJsonObject inventory =
            QJsonDocument::fromJson(testutil::readFile(root + QStringLiteral("/plugins/plugins.json"))).object();
        inventory.insert(
            id, QJsonObject{{QStringLiteral("plugin"), QJsonObject{{QStringLiteral("Id"), id},
                                                                   {QStringLiteral("Name"), name},
                                                                   {QStringLiteral("Tag"), QStringLiteral("latest")},
                                                                   {QStringLiteral("Active"), false}}}});
        testutil::writeFile(root + QStringLiteral("/plugins/plugins.json"), QJsonDocument(inventory).toJson());
    }

    // A folder `plugin create` accepts: config.json and a rootfs/ with one file.
    static QString makePluginFolder(const QString &parent)
    {
        const QString folder = parent + QStringLiteral("/myplugin");
        testutil::writeFile(folder + QStringLiteral("/config.json"),
                            R"({"Description": "Made from a folder", "Entrypoint": ["/plugin"],
                                "Interface": {"Types": ["docker.volumedriver/1.0"], "Socket": "my.sock"}})");
        testutil::writeFile(folder + QStringLiteral("/rootfs/plugin"), "#!/bin/sh\n");
        return folder;
    }

    // Starts editing the Value cell of `row` with the keyboard, as a person would: F2, then the text, replacing the
    // value; `*editor` is the open editor (null when none opened: the test failed).
    static void startTyping(QTableWidget *table, int row, const QString &text, QPointer<QLineEdit> *editor)
    {
        table->setFocus();
        table->setCurrentCell(row, ui::PluginSettingsView::Value);
        QTest::keyClick(table, Qt::Key_F2);
        QTRY_VERIFY((*editor = qobject_cast<QLineEdit *>(QApplication::focusWidget())) &&
                    (*editor)->parent() == table->viewport());
        QTest::keySequence(*editor, QKeySequence::SelectAll);
        QTest::keyClicks(*editor, text);
    }

    // Edits the Value cell of `row` with the keyboard: F2, the text, Enter.
    static void typeIntoCell(QTableWidget *table, int row, const QString &text)
    {
        QPointer<QLineEdit> editor;
        startTyping(table, row, text, &editor);
        if (!editor)
            return;
        QTest::keyClick(editor, Qt::Key_Return);
        // The editor goes away after the event loop turns; the next edit must not type into it.
        QTRY_VERIFY2(QApplication::focusWidget() == table,
                     QApplication::focusWidget() ? QApplication::focusWidget()->metaObject()->className() : "none");
    }

    // The window on the seed store plus acme/settable (`id`), with that plugin's Settings tab showing.
    struct SettingsWindow
    {
        QTemporaryDir dir;
        QString root;
        QString id;
        std::unique_ptr<LocalEngine> engine;
        std::unique_ptr<ui::MainWindow> window;
        ui::PluginSettingsView *settings = nullptr;
    };

    // Fills `w` (the test failed when w.settings stays null).
    void openSettingsWindow(SettingsWindow &w, const QString &id)
    {
        w.root = seedStore(w.dir);
        w.id = id;
        addSettablePlugin(w.root, id, QStringLiteral("acme/settable"));
        w.engine =
            std::make_unique<LocalEngine>(LocalEngine::Options{w.root, w.dir.path() + QStringLiteral("/run"), true});
        w.window = std::make_unique<ui::MainWindow>(w.engine.get());
        w.window->show();
        QVERIFY(QTest::qWaitForWindowExposed(w.window.get()));
        w.window->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(w.window.get()));
        w.window->selectPlugin(id);
        ui::PluginDetailsView *details = w.window->detailsView();
        details->setCurrentWidget(details->settingsView());
        w.settings = details->settingsView();
    }

    static int rowNamed(QTableWidget *table, const QString &name)
    {
        for (int r = 0; r < table->rowCount(); ++r) {
            if (table->item(r, ui::PluginSettingsView::Name)->text() == name)
                return r;
        }
        return -1;
    }

    template<typename T>
    static T *findVisible(const QString &objectName = {})
    {
        for (QWidget *widget : QApplication::topLevelWidgets()) {
            auto *found = qobject_cast<T *>(widget);
            if (found && found->isVisible() && (objectName.isEmpty() || found->objectName() == objectName))
                return found;
        }
        return nullptr;
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

    // Every action's icon draws: a theme icon, or the bundled fallback, which must be in the resources (a missing one
    // only shows as a warning and an empty button).
    void everyActionIconDraws()
    {
        QTest::failOnWarning(QRegularExpression(QStringLiteral("Cannot open file")));
        QTemporaryDir dir;
        LocalEngine engine({seedStore(dir), dir.path() + QStringLiteral("/run"), true});
        ui::MainWindow window(&engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        int drawn = 0;
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->icon().isNull())
                continue;
            QVERIFY2(!action->icon().pixmap(16, 16).isNull(), qPrintable(action->text()));
            ++drawn;
        }
        QVERIFY(drawn >= 10);
    }

    // Two actions that answer to the same keys while both are active make Qt fire neither ("ambiguous shortcut"):
    // on each page, the shortcuts of the actions that are visible there differ.
    void shortcutsAreUniquePerPage()
    {
        QTemporaryDir dir;
        LocalEngine engine({seedStore(dir), dir.path() + QStringLiteral("/run"), true});
        ui::MainWindow window(&engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (int page = 0; page < window.sidebar()->count(); ++page) {
            window.showPage(page);
            QWidget *current = window.findChild<QStackedWidget *>()->currentWidget();
            QHash<QKeySequence, QString> seen;
            for (QAction *action : window.findChildren<QAction *>()) {
                // The window's own actions while visible, and those of the page shown; other pages' do not match.
                const bool ofWindow = action->parent() == &window;
                const bool ofPage =
                    current->isAncestorOf(qobject_cast<QWidget *>(action->parent())) || action->parent() == current;
                if ((!ofWindow || !action->isVisible()) && !ofPage)
                    continue;
                for (const QKeySequence &keys : action->shortcuts()) {
                    QVERIFY2(!seen.contains(keys),
                             qPrintable(QStringLiteral("page %1: %2 is both %3 and %4")
                                            .arg(page)
                                            .arg(keys.toString(), seen.value(keys), action->text())));
                    seen.insert(keys, action->text());
                }
            }
            QVERIFY(!seen.isEmpty());
        }
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
        // Nothing runs here: acme/nfs is disabled; vieux/sshfs is enabled but cannot run, and the row says why.
        QCOMPARE(table->model()->index(0, ui::PluginListModel::State).data().toString(), QStringLiteral("disabled"));
        QCOMPARE(table->model()->index(1, ui::PluginListModel::State).data().toString(),
                 QStringLiteral("not running: its entrypoint /go/bin/docker-volume-sshfs does not exist in the "
                                "plugin's rootfs"));
        // Two pages in the sidebar, Plugins first, and only the actions the engine has.
        QCOMPARE(window.sidebar()->count(), 2);
        QCOMPARE(window.sidebar()->item(1)->text(), QStringLiteral("Volumes"));
        QVERIFY(window.enableAction()->isVisible() && window.createAction()->isVisible());
        QVERIFY(!window.enableAction()->isEnabled()); // nothing selected

        QVERIFY(!window.detailsView()->isEnabled());
        table->selectRow(1);
        QVERIFY(window.detailsView()->isEnabled());
        const QLabel *title = window.detailsView()->findChild<QLabel *>(QStringLiteral("pluginTitle"));
        QVERIFY(title);
        QCOMPARE(title->text(), QStringLiteral("vieux/sshfs:latest"));
        // The seed's sshfs is enabled (but not running here): Disable applies, Enable does not.
        QVERIFY(!window.enableAction()->isEnabled());
        QVERIFY(window.disableAction()->isEnabled());
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
        QVERIFY(other.applySettings(QStringLiteral("acme/nfs"), {QStringLiteral("DEBUG=1")}, std::nullopt).ok());
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
        QCOMPARE(inserted.count(), 1); // a first fill is one block
        model.setPlugins({make(QStringLiteral("b"), QStringLiteral("two"), false),
                          make(QStringLiteral("c"), QStringLiteral("three"), true)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(removed.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(inserted.count(), 2);
        QCOMPARE(model.index(0, ui::PluginListModel::Enabled).data().toString(), QStringLiteral("Disabled"));

        // Runtime states change only the State cell, and only when what it shows changes.
        changed.clear();
        PluginRuntimeState running;
        running.status = PluginRuntimeState::Status::Running;
        model.setRuntimeState(QStringLiteral("c"), running);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(0).value<QModelIndex>().column(), int(ui::PluginListModel::State));
        QCOMPARE(model.index(1, ui::PluginListModel::State).data().toString(), QStringLiteral("running"));
        running.lastStart = QDateTime::currentDateTimeUtc(); // not shown: no signal
        model.setRuntimeState(QStringLiteral("c"), running);
        QCOMPARE(changed.count(), 1);
        running.status = PluginRuntimeState::Status::Failed;
        model.setRuntimeState(QStringLiteral("c"), running);
        QCOMPARE(changed.count(), 2);
        QCOMPARE(model.index(1, ui::PluginListModel::State).data().toString(), QStringLiteral("failed"));
        model.setRuntimeState(QStringLiteral("nope"), running); // unknown ids are ignored
        QCOMPARE(changed.count(), 2);
        QCOMPARE(model.headerData(ui::PluginListModel::State, Qt::Horizontal).toString(), QStringLiteral("State"));
        model.setPlugins({});
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.runtimeState(QStringLiteral("c")) == std::nullopt);

        // Filled again from empty: one block again, every row found by its id, no state left from before.
        inserted.clear();
        model.setPlugins({make(QStringLiteral("c"), QStringLiteral("three"), true),
                          make(QStringLiteral("d"), QStringLiteral("four"), false)});
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(QStringLiteral("c")), 0);
        QCOMPARE(model.rowOf(QStringLiteral("d")), 1);
        QCOMPARE(model.rowOf(QStringLiteral("a")), -1);
        QCOMPARE(model.index(0, ui::PluginListModel::State).data().toString(),
                 PluginRuntimeState::summary(true, std::nullopt)); // c's old "failed" is gone with its row
        QCOMPARE(model.plugins().size(), 2);
        model.setPlugins({make(QStringLiteral("d"), QStringLiteral("four"), true)});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOf(QStringLiteral("d")), 0);
        QCOMPARE(model.index(0, ui::PluginListModel::Enabled).data().toString(), QStringLiteral("Enabled"));
    }

    // A store of hundreds of plugins (written by Store::save, as bench_window's is): at start the table holds every
    // one, sorted by name whatever the store's order, each row found by its id, each with its state; selecting
    // works at once.
    void showsALargeStoreCompleteAndSorted()
    {
        QTemporaryDir dir;
        const QString root = dir.path() + QStringLiteral("/store");
        QList<Plugin> plugins;
        QSet<QString> ids;
        for (int i = 0; i < 300; ++i) {
            Plugin plugin;
            plugin.id = QStringLiteral("%1").arg(i + 1, 64, 16, QLatin1Char('0'));
            // Names out of the ids' order: plugin 0 is "vendor0/plugin299", the last "vendor2/plugin0".
            plugin.repository = QStringLiteral("vendor%1/plugin%2").arg(i % 3).arg(299 - i);
            plugin.tag = QStringLiteral("latest");
            plugin.enabled = false;
            plugin.config.description = QStringLiteral("plugin number %1").arg(i);
            plugin.config.interfaceTypes = {QStringLiteral("docker.volumedriver/1.0")};
            plugin.config.interfaceSocket = QStringLiteral("p.sock");
            plugin.config.entrypoint = {QStringLiteral("/plugin")};
            plugin.config.rootfsType = QStringLiteral("layers");
            plugins.append(plugin);
            ids.insert(plugin.id);
        }
        QVERIFY(Store(root).save(plugins).ok());
        LocalEngine engine({root, dir.path() + QStringLiteral("/run"), true});
        ui::MainWindow window(&engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QTableView *table = window.pluginTable();
        QCOMPARE(table->model()->rowCount(), 300);
        QSet<QString> shown;
        for (int row = 0; row < 300; ++row) {
            const QString id = table->model()->index(row, 0).data(ui::PluginListModel::PluginIdRole).toString();
            shown.insert(id);
            const int sourceRow = window.pluginModel()->rowOf(id);
            QVERIFY(sourceRow >= 0);
            QCOMPARE(window.pluginModel()->pluginAt(sourceRow)->id, id);
            QCOMPARE(table->model()->index(row, ui::PluginListModel::State).data().toString(),
                     QStringLiteral("disabled"));
            if (row > 0)
                QVERIFY2(table->model()
                                 ->index(row - 1, 0)
                                 .data()
                                 .toString()
                                 .compare(table->model()->index(row, 0).data().toString(), Qt::CaseInsensitive) <= 0,
                         qPrintable(QStringLiteral("row %1").arg(row)));
        }
        QCOMPARE(shown, ids);
        QCOMPARE(table->model()->index(0, 0).data().toString(), QStringLiteral("vendor0/plugin101"));
        QCOMPARE(table->model()->index(299, 0).data().toString(), QStringLiteral("vendor2/plugin99"));
        // The last plugin of the store, selected by id, is the row shown as selected.
        const QString last = plugins.last().id;
        table->selectRow(0);
        QVERIFY(window.detailsView()->isEnabled());
        window.pluginsPage()->selectPlugin(last);
        QCOMPARE(table->selectionModel()->selectedRows().value(0).data(ui::PluginListModel::PluginIdRole).toString(),
                 last);
        saveScreenshot(&window, QStringLiteral("main-window-large-store"));
    }

    void editsSettingsInTheSettingsTab()
    {
        SettingsWindow w;
        openSettingsWindow(w, QStringLiteral("ef34") + QString(60, QLatin1Char('0')));
        QVERIFY(w.settings);
        ui::MainWindow &window = *w.window;
        const QTemporaryDir &dir = w.dir;
        const QString &root = w.root;
        const QString &id = w.id;
        ui::PluginSettingsView *settings = w.settings;
        QTableWidget *table = settings->table();
        QCOMPARE(table->rowCount(), 4);

        // Only settable fields can be edited.
        const int debugRow = rowNamed(table, QStringLiteral("DEBUG"));
        const int modeRow = rowNamed(table, QStringLiteral("MODE"));
        const int dataRow = rowNamed(table, QStringLiteral("data"));
        const int cacheRow = rowNamed(table, QStringLiteral("cache"));
        QVERIFY(debugRow >= 0 && modeRow >= 0 && dataRow >= 0 && cacheRow >= 0);
        QVERIFY(table->item(debugRow, ui::PluginSettingsView::Value)->flags() & Qt::ItemIsEditable);
        QVERIFY(!(table->item(modeRow, ui::PluginSettingsView::Value)->flags() & Qt::ItemIsEditable));
        // Not by colour alone: what can be changed carries an icon, what cannot has none.
        QVERIFY(!table->item(debugRow, ui::PluginSettingsView::Value)->icon().isNull());
        QVERIFY(table->item(modeRow, ui::PluginSettingsView::Value)->icon().isNull());
        QVERIFY(!(table->item(debugRow, ui::PluginSettingsView::Name)->flags() & Qt::ItemIsEditable));
        QCOMPARE(table->item(dataRow, ui::PluginSettingsView::Value)->text(), QStringLiteral("/srv/data"));
        QVERIFY(!settings->applyButton()->isEnabled());

        typeIntoCell(table, debugRow, QStringLiteral("2"));
        typeIntoCell(table, dataRow, QStringLiteral("/srv/other"));
        QCOMPARE(settings->pendingArguments(),
                 (QStringList{QStringLiteral("DEBUG=2"), QStringLiteral("data.source=/srv/other")}));
        QVERIFY(settings->applyButton()->isEnabled());
        saveScreenshot(&window, QStringLiteral("settings-edited"));

        // A new mount source is a host privilege: the privilege dialog shows it, marked, before anything is written;
        // Cancel leaves the store and the table as they were.
        const auto before = testutil::snapshot(root);
        QTest::mouseClick(settings->applyButton(), Qt::LeftButton);
        ui::PrivilegeDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = findVisible<ui::PrivilegeDialog>(QStringLiteral("privilegeDialog"))));
        const auto marked = [dialog](const QString &value, ui::PrivilegeDialog::Change change) {
            return std::any_of(dialog->rows().cbegin(), dialog->rows().cend(), [&](const auto &row) {
                return row.name == QStringLiteral("mount") && row.value == value && row.change == change;
            });
        };
        QVERIFY(marked(QStringLiteral("/srv/other"), ui::PrivilegeDialog::Change::Added));
        QVERIFY(marked(QStringLiteral("/srv/data"), ui::PrivilegeDialog::Change::Removed));
        QVERIFY(dialog->cancelButton()->isDefault());
        saveScreenshot(dialog, QStringLiteral("settings-privilege-dialog"));
        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY(!findVisible<ui::PrivilegeDialog>(QStringLiteral("privilegeDialog")));
        QCOMPARE(testutil::snapshot(root), before);
        QCOMPARE(table->item(rowNamed(table, QStringLiteral("data")), ui::PluginSettingsView::Value)->text(),
                 QStringLiteral("/srv/data"));
        QVERIFY(settings->pendingArguments().isEmpty());

        // Edited again and granted: written, with the approval.
        window.activateWindow();
        QTRY_VERIFY(window.isActiveWindow());
        typeIntoCell(table, rowNamed(table, QStringLiteral("DEBUG")), QStringLiteral("2"));
        typeIntoCell(table, rowNamed(table, QStringLiteral("data")), QStringLiteral("/srv/other"));
        QTest::mouseClick(settings->applyButton(), Qt::LeftButton);
        QTRY_VERIFY((dialog = findVisible<ui::PrivilegeDialog>(QStringLiteral("privilegeDialog"))));
        QSignalSpy applied(settings, &ui::PluginSettingsView::applied);
        QTest::mouseClick(dialog->acceptButton(), Qt::LeftButton);
        QTRY_VERIFY(!findVisible<ui::PrivilegeDialog>(QStringLiteral("privilegeDialog")));
        window.activateWindow();
        QTRY_VERIFY(window.isActiveWindow());
        // The store has the new values once the set job (on a worker thread) ended, and the table shows them once
        // the window refreshed.
        Result<Plugin> stored = Error{ErrorCode::NotFound, QString()};
        QTRY_VERIFY([&] {
            stored = LocalEngine({root, dir.path() + QStringLiteral("/run")}).plugin(id);
            // A reader does not take the writer's lock: between the per-plugin files and plugins.json of one save it
            // may see the new settings before the approval, so wait for both.
            return stored && stored->settings.envValue(QStringLiteral("DEBUG")) == QStringLiteral("2") &&
                   stored->unapprovedPrivileges().isEmpty();
        }());
        QVERIFY2(settings->errorLabel()->isHidden(), qPrintable(settings->errorLabel()->text()));
        QCOMPARE(stored->settings.mounts.first().name, QStringLiteral("data"));
        QCOMPARE(stored->settings.mounts.first().source, std::optional<QString>(QStringLiteral("/srv/other")));
        QTRY_COMPARE(table->item(rowNamed(table, QStringLiteral("DEBUG")), ui::PluginSettingsView::Value)->text(),
                     QStringLiteral("2"));
        QVERIFY(!settings->applyButton()->isEnabled());
        // The store can have the values before the job's end reached this thread; Apply waits for that.
        QTRY_COMPARE(applied.count(), 1);

        // A mount whose config has no source cannot be set: Docker's own message, under the table.
        typeIntoCell(table, rowNamed(table, QStringLiteral("cache")), QStringLiteral("/srv/cache"));
        QTest::mouseClick(settings->applyButton(), Qt::LeftButton);
        // The refusal comes from the set job (a worker thread): it shows once the job ended.
        QTRY_VERIFY(settings->errorLabel()->isVisible());
        QVERIFY2(settings->errorLabel()->text().contains(QStringLiteral("Plugin config has no mount source")),
                 qPrintable(settings->errorLabel()->text()));
        saveScreenshot(&window, QStringLiteral("settings-refused"));
        stored = LocalEngine({root, dir.path() + QStringLiteral("/run")}).plugin(id);
        for (const PluginMount &mount : stored->settings.mounts)
            QVERIFY(mount.name != QStringLiteral("cache") || !mount.source); // nothing was written
        // Revert forgets the edit and the message.
        QTest::mouseClick(settings->revertButton(), Qt::LeftButton);
        QTRY_VERIFY(settings->pendingArguments().isEmpty());
        QVERIFY(settings->errorLabel()->isHidden());
    }

    // The window refreshes whenever the store changes. A change made elsewhere (plugdeskctl, another window) while a
    // cell is being edited must neither close the editor nor lose what was typed; once the edit ends, the table shows
    // the other change and keeps the edit, pending, and the current cell.
    void aRefreshKeepsTheEditInProgress()
    {
        SettingsWindow w;
        openSettingsWindow(w, QStringLiteral("ef35") + QString(60, QLatin1Char('0')));
        QVERIFY(w.settings);
        ui::PluginSettingsView *settings = w.settings;
        QTableWidget *table = settings->table();
        const auto valueOf = [table](const QString &name) {
            return table->item(rowNamed(table, name), ui::PluginSettingsView::Value)->text();
        };
        const auto shownDebug = [&w] {
            const ui::PluginListModel *model = w.window->pluginModel();
            return model->pluginAt(model->rowOf(w.id))->settings.envValue(QStringLiteral("DEBUG"));
        };
        const auto setElsewhere = [&w](const QString &argument) {
            LocalEngine other({w.root, w.dir.path() + QStringLiteral("/run")});
            core::Job *job = other.set(w.id, {argument});
            job->waitForFinished();
            QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message : QString()));
            delete job;
        };

        // The data mount's source, being typed: the editor is open when the store changes.
        QPointer<QLineEdit> editor;
        startTyping(table, rowNamed(table, QStringLiteral("data")), QStringLiteral("/srv/new"), &editor);
        QVERIFY(editor);
        setElsewhere(QStringLiteral("DEBUG=5"));
        QTRY_COMPARE(shownDebug(), QStringLiteral("5")); // the window has the change ...
        QVERIFY(editor);                                 // ... and the editor is still open, with the text
        QCOMPARE(QApplication::focusWidget(), editor.data());
        QCOMPARE(editor->text(), QStringLiteral("/srv/new"));
        QCOMPARE(valueOf(QStringLiteral("DEBUG")), QStringLiteral("0"));

        // Enter ends the edit: the other change shows, the edit stays pending, the current cell where it was.
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(valueOf(QStringLiteral("DEBUG")), QStringLiteral("5"));
        QCOMPARE(valueOf(QStringLiteral("data")), QStringLiteral("/srv/new"));
        QCOMPARE(settings->pendingArguments(), QStringList{QStringLiteral("data.source=/srv/new")});
        QCOMPARE(table->currentRow(), rowNamed(table, QStringLiteral("data")));
        QVERIFY(settings->applyButton()->isEnabled());

        // A change while nothing is being edited shows at once, and the pending edit stays too.
        setElsewhere(QStringLiteral("DEBUG=7"));
        QTRY_COMPARE(valueOf(QStringLiteral("DEBUG")), QStringLiteral("7"));
        QCOMPARE(settings->pendingArguments(), QStringList{QStringLiteral("data.source=/srv/new")});
        QCOMPARE(table->currentRow(), rowNamed(table, QStringLiteral("data")));

        // Revert still forgets the edit.
        QTest::mouseClick(settings->revertButton(), Qt::LeftButton);
        QVERIFY(settings->pendingArguments().isEmpty());
        QCOMPARE(valueOf(QStringLiteral("data")), QStringLiteral("/srv/data"));

        // A cell edited while Apply's job runs keeps its edit: only what was applied becomes the shown value.
        QSignalSpy applied(settings, &ui::PluginSettingsView::applied);
        table->item(rowNamed(table, QStringLiteral("DEBUG")), ui::PluginSettingsView::Value)
            ->setText(QStringLiteral("8"));
        QVERIFY(settings->apply());
        QVERIFY(!settings->applyButton()->isEnabled()); // waits for the job
        // No event turned since: the job's end cannot have reached the view yet.
        table->item(rowNamed(table, QStringLiteral("cache")), ui::PluginSettingsView::Value)
            ->setText(QStringLiteral("/srv/late"));
        QTRY_COMPARE(applied.count(), 1);
        QTRY_COMPARE(valueOf(QStringLiteral("DEBUG")), QStringLiteral("8"));
        QCOMPARE(settings->pendingArguments(), QStringList{QStringLiteral("cache.source=/srv/late")});
        QVERIFY(settings->applyButton()->isEnabled());
    }

    void settingsAreLockedWhileEnabled()
    {
        QTemporaryDir dir;
        const QString root = seedStore(dir);
        const QString id = QStringLiteral("ab12") + QString(60, QLatin1Char('0'));
        addPlugin(root, id, QStringLiteral("acme/nfs"), true);
        LocalEngine engine({root, dir.path() + QStringLiteral("/run")});
        ui::MainWindow window(&engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.selectPlugin(id);
        ui::PluginSettingsView *settings = window.detailsView()->settingsView();
        window.detailsView()->setCurrentWidget(settings);
        QCOMPARE(settings->table()->rowCount(), 1);
        QVERIFY(!(settings->table()->item(0, ui::PluginSettingsView::Value)->flags() & Qt::ItemIsEditable));
        QVERIFY(settings->noteLabel()->text().contains(QStringLiteral("Locked while the plugin is enabled")));
        QVERIFY(window.disableAction()->isEnabled());
        QVERIFY(!window.enableAction()->isEnabled());
        saveScreenshot(&window, QStringLiteral("settings-locked"));
    }

    void createsFromAFolderThroughTheDialog()
    {
        QTemporaryDir dir;
        const QString root = seedStore(dir);
        const QString folder = makePluginFolder(dir.path());
        LocalEngine engine({root, dir.path() + QStringLiteral("/run"), true});
        ui::MainWindow window(&engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(window.pluginModel()->rowCount(), 1);

        QTest::keySequence(&window, QKeySequence::New);
        ui::CreatePluginDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<ui::CreatePluginDialog *>()) && dialog->isVisible());
        QPushButton *create = nullptr;
        for (QAbstractButton *button : dialog->buttons()->buttons()) {
            if (dialog->buttons()->buttonRole(button) == QDialogButtonBox::AcceptRole)
                create = qobject_cast<QPushButton *>(button);
        }
        QVERIFY(create && !create->isEnabled());
        QTest::keyClicks(dialog->folderEdit(), folder);
        // Checked with core::Reference as it is typed; the error shows under the field.
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Acme/Mine"));
        QVERIFY(dialog->nameError()->isVisible());
        QVERIFY2(dialog->nameError()->text().contains(QStringLiteral("must be lowercase")),
                 qPrintable(dialog->nameError()->text()));
        QVERIFY(!create->isEnabled());
        saveScreenshot(dialog, QStringLiteral("create-dialog-invalid"));
        dialog->nameEdit()->clear();
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("acme/mine:1.0"));
        QVERIFY(dialog->nameError()->isHidden());
        QVERIFY(create->isEnabled());
        QTest::mouseClick(create, Qt::LeftButton);

        QTRY_COMPARE(window.pluginModel()->rowCount(), 2);
        QTRY_VERIFY(window.jobsIndicator()->runningCount() == 0);
        QVERIFY(!window.jobsIndicator()->isVisible());
        // The new plugin is selected, disabled.
        QTRY_VERIFY(!window.selectedPluginId().isEmpty());
        const ui::PluginListModel *model = window.pluginModel();
        const core::Plugin *created = model->pluginAt(model->rowOf(window.selectedPluginId()));
        QCOMPARE(created->name(), QStringLiteral("acme/mine:1.0"));
        QVERIFY(!created->enabled);
        saveScreenshot(&window, QStringLiteral("created"));
    }

    void createsFromADroppedFolder()
    {
        QTemporaryDir dir;
        const QString root = seedStore(dir);
        const QString folder = makePluginFolder(dir.path());
        LocalEngine engine({root, dir.path() + QStringLiteral("/run"), true});
        ui::MainWindow window(&engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // A folder that is not a plugin is refused at the drag.
        QMimeData notAPlugin;
        notAPlugin.setUrls({QUrl::fromLocalFile(dir.path())});
        QDragEnterEvent refused(QPoint(50, 50), Qt::CopyAction, &notAPlugin, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &refused);
        QVERIFY(!refused.isAccepted());

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(folder)});
        QDragEnterEvent enter(QPoint(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(50, 50), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(&window, &drop);
        ui::CreatePluginDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<ui::CreatePluginDialog *>()) && dialog->isVisible());
        QCOMPARE(dialog->folder(), folder);
        QCOMPARE(dialog->name(), QStringLiteral("myplugin")); // suggested from the folder
        saveScreenshot(dialog, QStringLiteral("create-dialog-dropped"));
        QTest::keyClick(dialog->nameEdit(), Qt::Key_Return); // Create is the default button
        QCOMPARE(dialog->result(), int(QDialog::Accepted));
        QTRY_COMPARE(window.pluginModel()->rowCount(), 2);
        QTRY_COMPARE(window.selectedPluginId().isEmpty(), false);
    }

    void aFailedJobShowsTheEnginesReason()
    {
        QTemporaryDir dir;
        const QString root = seedStore(dir);
        const QString folder = dir.path() + QStringLiteral("/empty");
        QVERIFY(QDir().mkpath(folder));
        LocalEngine engine({root, dir.path() + QStringLiteral("/run"), true});
        ui::MainWindow window(&engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        window.createFromFolder(folder);
        ui::CreatePluginDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<ui::CreatePluginDialog *>()) && dialog->isVisible());
        dialog->nameEdit()->setText(QStringLiteral("acme/broken"));
        dialog->accept();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("jobFailed"))) && box->isVisible());
        // The cause first (the engine's words), what failed under it.
        QVERIFY2(box->text().contains(QStringLiteral("config.json")), qPrintable(box->text()));
        QCOMPARE(box->informativeText(), QStringLiteral("acme/broken could not be created."));
        saveScreenshot(box, QStringLiteral("job-failed"));
        QTest::keyClick(box, Qt::Key_Return);
        QTRY_VERIFY(!window.findChild<QMessageBox *>(QStringLiteral("jobFailed")));
        QCOMPARE(window.pluginModel()->rowCount(), 1);
    }

    void speaksGerman()
    {
        // Plugdesk's German and Qt's own (the standard buttons), as the window's main() installs them.
        const ui::Translations german(QLocale(QLocale::German, QLocale::Germany));
        QVERIFY(german.hasPlugdesk());
        QTemporaryDir dir;
        const QString root = seedStore(dir);
        LocalEngine engine({root, dir.path() + QStringLiteral("/run")});
        ui::MainWindow window(&engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.pluginModel()->headerData(ui::PluginListModel::State, Qt::Horizontal).toString(),
                 QStringLiteral("Zustand"));
        QCOMPARE(window.enableAction()->text(), QStringLiteral("&Aktivieren"));
        // The state and its cause, both in German (the cause comes from the engine, the state from the model).
        QCOMPARE(window.pluginTable()->model()->index(0, ui::PluginListModel::State).data().toString(),
                 QStringLiteral("läuft nicht: sein Einstiegspunkt /go/bin/docker-volume-sshfs existiert nicht im "
                                "Root-Dateisystem des Plugins"));
        window.pluginTable()->selectRow(0);
        saveScreenshot(&window, QStringLiteral("main-window-de"));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
