// Offline bundles through the real window (root, real runc): Export writes the selected plugin's bundle where the
// file dialog says; Import in a second store reads only the bundle's manifest and config, asks for the privileges
// (Cancel leaves the store as it was), then imports and enables the plugin; a file that is no bundle shows the
// engine's reason; dropping a bundle on the window imports it too.
#include "common/pluginfixture.h"
#include "common/testutil.h"
#include "core/engine/createplugin.h"
#include "core/engine/localengine.h"
#include "core/runtime/pluginmonitor.h"
#include "core/runtime/runcruntime.h"
#include "core/runtime/runlayout.h"
#include "ui/importdialog.h"
#include "ui/jobprogressdialog.h"
#include "ui/mainwindow.h"
#include "ui/pluginlistmodel.h"
#include "ui/privilegedialog.h"

#include <QAction>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>
#include <unistd.h>

using namespace core;

class TestBundleWindow : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    const QString m_name = QStringLiteral("acme/bundled:1.0");

    // Short: a plugin's socket path (run root, a 64-hex id, the socket name) must fit in sun_path.
    QString runRoot() const { return m_dir->path() + QStringLiteral("/r"); }
    QString sourceStore() const { return m_dir->path() + QStringLiteral("/a"); }
    QString targetStore() const { return m_dir->path() + QStringLiteral("/b"); }
    QString bundlePath() const { return m_dir->path() + QStringLiteral("/bundled-1.0.zip"); }

    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString folder = QStringLiteral(PLUGDESK_BINARY_DIR "/screenshots");
        QDir().mkpath(folder);
        QVERIFY(widget->grab().save(folder + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

    static void showWindow(ui::MainWindow &window)
    {
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
    }

    template<typename T>
    static T *waitForVisible(ui::MainWindow &window, const QString &objectName)
    {
        T *found = nullptr;
        const bool shown =
            QTest::qWaitFor([&] { return (found = window.findChild<T *>(objectName)) && found->isVisible(); }, 20000);
        return shown ? found : nullptr;
    }

    // Exports the created plugin through the window of the source store.
    void exportThroughTheWindow()
    {
        LocalEngine engine({sourceStore(), runRoot(), true});
        ui::MainWindow window(&engine);
        showWindow(window);
        QCOMPARE(window.pluginModel()->rowCount(), 1);
        QVERIFY(!window.exportAction()->isEnabled());
        window.pluginTable()->selectRow(0);
        QVERIFY(window.exportAction()->isEnabled());
        window.exportAction()->trigger();
        auto *dialog = waitForVisible<QFileDialog>(window, QStringLiteral("exportFileDialog"));
        QVERIFY(dialog);
        // The suggested name comes from the plugin's.
        QVERIFY2(dialog->selectedFiles().value(0).endsWith(QStringLiteral("bundled-1.0.zip")),
                 qPrintable(dialog->selectedFiles().join(QLatin1Char(' '))));
        dialog->selectFile(bundlePath());
        static_cast<QDialog *>(dialog)->accept(); // QFileDialog::accept is protected; it runs through QDialog
        QTRY_VERIFY_WITH_TIMEOUT(window.statusBar()->currentMessage().contains(QStringLiteral("was exported")), 20000);
        QVERIFY(QFileInfo(bundlePath()).size() > 0);
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("jobFailed")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: runc creates namespaces and mounts");
        if (RuncRuntime::findRunc().isEmpty())
            QSKIP("runc is not installed (apt-get install runc)");
        qputenv("PLUGDESK_MONITOR", PLUGDESK_MONITOR_BINARY);
        QCoreApplication::setOrganizationName(QStringLiteral("PlugdeskTests"));
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/pdb-XXXXXX"));
        QVERIFY(m_dir->isValid());
        qputenv("PLUGDESK_DOCKER_PLUGINS_DIR", (m_dir->path() + QStringLiteral("/d")).toLocal8Bit());
        const QString folder = m_dir->path() + QStringLiteral("/folder");
        QVERIFY(testutil::writeTestPluginFolder(folder, QStringLiteral(TEST_PLUGIN_BINARY),
                                                {QStringLiteral("CAP_NET_BIND_SERVICE")}));
        auto created = createPlugin(Store(sourceStore()), m_name, folder, nullptr);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QVERIFY(QDir().mkpath(targetStore()));
    }

    // No monitor, container or mount may outlive a test, even a failed one.
    void cleanup()
    {
        if (!m_dir)
            return;
        for (const QString &root : {sourceStore(), targetStore()}) {
            for (const Plugin &plugin : Store(root).load().valueOr({}).plugins)
                testutil::stopTestPlugin(runRoot(), plugin.id);
        }
        m_dir.reset();
    }

    void exportThenImport()
    {
        exportThroughTheWindow();
        if (QTest::currentTestFailed())
            return;

        LocalEngine engine({targetStore(), runRoot(), true});
        ui::MainWindow window(&engine);
        showWindow(window);
        QCOMPARE(window.pluginModel()->rowCount(), 0);
        const auto before = testutil::snapshot(targetStore());

        // Cancel in the privilege dialog: nothing is written.
        window.importAction()->trigger();
        auto *files = waitForVisible<QFileDialog>(window, QStringLiteral("importFileDialog"));
        QVERIFY(files);
        files->selectFile(bundlePath());
        static_cast<QDialog *>(files)->accept();
        // Install's shape: which plugin, a local name (empty: the bundle's), enable afterwards (checked).
        auto *import = waitForVisible<ui::ImportDialog>(window, QStringLiteral("importDialog"));
        QVERIFY(import);
        QCOMPARE(import->targetName(), m_name);
        QVERIFY(import->enableCheck()->isChecked());
        QVERIFY(import->importButton()->isEnabled());
        saveScreenshot(import, QStringLiteral("import-dialog"));
        QTest::mouseClick(import->importButton(), Qt::LeftButton);
        auto *privileges = waitForVisible<ui::PrivilegeDialog>(window, QStringLiteral("importPrivileges"));
        QVERIFY(privileges);
        QCOMPARE(privileges->rows().size(), 1);
        QCOMPARE(privileges->rows().first().value, QStringLiteral("CAP_NET_BIND_SERVICE"));
        QVERIFY(privileges->cancelButton()->isDefault());
        saveScreenshot(privileges, QStringLiteral("import-privileges"));
        QTest::mouseClick(privileges->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY(!window.findChild<ui::PrivilegeDialog *>(QStringLiteral("importPrivileges")));
        // The import dialog stays, saying nothing was imported.
        QVERIFY(import->isVisible());
        QVERIFY(import->statusLabel()->text().contains(QStringLiteral("nothing was imported")));
        import->reject();
        QTest::qWait(200);
        QCOMPARE(window.pluginModel()->rowCount(), 0);
        QCOMPARE(testutil::snapshot(targetStore()), before);

        // Accept: imported, enabled and running, with the progress window on the way.
        window.importBundle(bundlePath());
        QTRY_VERIFY_WITH_TIMEOUT((import = window.findChild<ui::ImportDialog *>()) && import->isVisible(), 20000);
        QTest::mouseClick(import->importButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            (privileges = window.findChild<ui::PrivilegeDialog *>(QStringLiteral("importPrivileges"))) &&
                privileges->isVisible(),
            20000);
        QTest::mouseClick(privileges->acceptButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window.findChild<ui::JobProgressDialog *>() || window.pluginModel()->rowCount() == 1,
                                 20000);
        QTRY_COMPARE_WITH_TIMEOUT(window.pluginModel()->rowCount(), 1, 30000);
        QCOMPARE(window.pluginModel()->pluginAt(0)->name(), m_name);
        QTRY_COMPARE_WITH_TIMEOUT(window.pluginModel()->index(0, ui::PluginListModel::State).data().toString(),
                                  QStringLiteral("running"), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(window.pluginModel()->pluginAt(0)->enabled, 30000);
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("jobFailed")));
        QTRY_COMPARE(window.selectedPluginId(), window.pluginModel()->pluginAt(0)->id);
        saveScreenshot(&window, QStringLiteral("imported-running"));

        // Again: the name is taken, which the dialog says before any privilege is asked; a local name of another
        // plugin's is refused too, and a free one with "enable" unchecked imports it disabled beside the first.
        const auto afterFirst = testutil::snapshot(targetStore());
        window.importBundle(bundlePath());
        QTRY_VERIFY_WITH_TIMEOUT((import = window.findChild<ui::ImportDialog *>()) && import->isVisible(), 20000);
        QVERIFY(!import->importButton()->isEnabled());
        QVERIFY(import->nameError()->isVisible());
        QVERIFY2(import->nameError()->text().contains(m_name), qPrintable(import->nameError()->text()));
        saveScreenshot(import, QStringLiteral("import-name-taken"));
        QTest::keyClick(import->aliasEdit(), Qt::Key_Return);
        QVERIFY(!window.findChild<ui::PrivilegeDialog *>(QStringLiteral("importPrivileges")));
        QCOMPARE(testutil::snapshot(targetStore()), afterFirst);
        const QString second = QStringLiteral("acme/second:2.0");
        QTest::keyClicks(import->aliasEdit(), second);
        QVERIFY(import->importButton()->isEnabled());
        QVERIFY(import->nameError()->isHidden());
        import->enableCheck()->setChecked(false);
        QTest::mouseClick(import->importButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            (privileges = window.findChild<ui::PrivilegeDialog *>(QStringLiteral("importPrivileges"))) &&
                privileges->isVisible(),
            20000);
        QTest::mouseClick(privileges->acceptButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window.pluginModel()->rowCount(), 2, 30000);
        auto imported = engine.plugin(second);
        QVERIFY2(imported.ok(), qPrintable(imported.ok() ? QString() : imported.error().message));
        QVERIFY(!imported->enabled);
        QVERIFY(engine.plugin(m_name)->enabled);
    }

    // A file that is no bundle: the window names it and shows the engine's reason; nothing is written.
    void notABundleShowsTheReason()
    {
        const QString bogus = m_dir->path() + QStringLiteral("/notes.zip");
        QVERIFY(testutil::writeFile(bogus, "these are notes, not a zip"));
        LocalEngine engine({targetStore(), runRoot(), true});
        ui::MainWindow window(&engine);
        showWindow(window);
        const auto before = testutil::snapshot(targetStore());
        window.importBundle(bogus);
        auto *box = waitForVisible<QMessageBox>(window, QStringLiteral("jobFailed"));
        QVERIFY(box);
        // The cause first, naming the file; what failed under it.
        QVERIFY2(box->text().contains(bogus), qPrintable(box->text()));
        QVERIFY2(box->informativeText().contains(QStringLiteral("notes.zip")), qPrintable(box->informativeText()));
        QVERIFY(!window.findChild<ui::PrivilegeDialog *>());
        saveScreenshot(box, QStringLiteral("import-not-a-bundle"));
        QCOMPARE(testutil::snapshot(targetStore()), before);
    }

    // Dropping a bundle on the window starts the same import.
    void droppedBundleImports()
    {
        exportThroughTheWindow();
        if (QTest::currentTestFailed())
            return;
        LocalEngine engine({targetStore(), runRoot(), true});
        ui::MainWindow window(&engine);
        showWindow(window);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(bundlePath())});
        QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(&window, &drop);
        QVERIFY(drop.isAccepted());
        auto *import = waitForVisible<ui::ImportDialog>(window, QStringLiteral("importDialog"));
        QVERIFY(import);
        QCOMPARE(import->targetName(), m_name);
        import->reject();
        QTRY_VERIFY(!window.findChild<ui::ImportDialog *>());
    }
};

QTEST_MAIN(TestBundleWindow)
#include "tst_bundlewindow.moc"
