// The window as a desktop user runs it: over HelperEngine, talking to a real plugdesk-helper on a private
// dbus-daemon (root's calls pass without polkitd). Install through the Install dialog and the privilege dialog from
// a real docker-registry: the plugin ends up enabled and running through the helper's job; the Logs tab shows its
// output (read through the helper, which keeps the log under its run root); a volume made from the New Volume
// dialog appears on the Volumes page; Disable goes through the helper too.
#include "common/pluginfixture.h"
#include "common/privatebus.h"
#include "common/testregistry.h"
#include "common/testutil.h"
#include "core/engine/createplugin.h"
#include "core/engine/localengine.h"
#include "core/helper/helperengine.h"
#include "core/helper/helperprotocol.h"
#include "ui/installdialog.h"
#include "ui/mainwindow.h"
#include "ui/newvolumedialog.h"
#include "ui/plugindetailsview.h"
#include "ui/pluginlistmodel.h"
#include "ui/pluginlogview.h"
#include "ui/privilegedialog.h"
#include "ui/volumelistmodel.h"
#include "ui/volumespage.h"

#include <QAction>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <unistd.h>

using namespace core;

class TestWindowHelper : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_fixtures;
    testutil::TestRegistry m_registry;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<testutil::PrivateBus> m_bus;
    std::unique_ptr<testutil::HelperProcess> m_helper;

    QString storeRoot() const { return m_dir->path() + QStringLiteral("/s"); }
    // Short: a plugin's socket path (run root, a 64-hex id, the socket name) must fit in sun_path.
    QString runRoot() const { return m_dir->path() + QStringLiteral("/r"); }
    QString reference() const { return m_registry.host() + QStringLiteral("/acme/viahelper:1.0"); }

    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString folder = QStringLiteral(PLUGDESK_BINARY_DIR "/screenshots");
        QDir().mkpath(folder);
        QVERIFY(widget->grab().save(folder + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

    QString stateOf(ui::MainWindow &window) const
    {
        return window.pluginModel()->rowCount() == 1
                   ? window.pluginModel()->index(0, ui::PluginListModel::State).data().toString()
                   : QString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: the helper runs plugins with runc and owns its name as root");
        if (RuncRuntime::findRunc().isEmpty())
            QSKIP("runc is not installed (apt-get install runc)");
        QVERIFY(m_fixtures.isValid());
        qputenv("PLUGDESK_MONITOR", PLUGDESK_MONITOR_BINARY);
        QCoreApplication::setOrganizationName(QStringLiteral("PlugdeskTests"));
        QStandardPaths::setTestModeEnabled(true);
        qputenv("DOCKER_CONFIG", m_fixtures.filePath(QStringLiteral("docker")).toLocal8Bit());
        QString error;
        QVERIFY2(m_registry.start({}, &error), qPrintable(error));
        // The plugin to install, created from the test plugin and pushed to the registry.
        const QString folder = m_fixtures.filePath(QStringLiteral("folder"));
        QVERIFY(testutil::writeTestPluginFolder(folder, QStringLiteral(TEST_PLUGIN_BINARY),
                                                {QStringLiteral("CAP_NET_BIND_SERVICE")}));
        const QString source = m_fixtures.filePath(QStringLiteral("source"));
        auto created = createPlugin(Store(source), reference(), folder, nullptr);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        LocalEngine publisher({source, m_fixtures.filePath(QStringLiteral("source-run")), false});
        Job *push = publisher.push(reference());
        push->waitForFinished();
        QVERIFY2(push->succeeded(), qPrintable(push->error() ? push->error()->message : QString()));
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/pdw-XXXXXX"));
        QVERIFY(m_dir->isValid());
        qputenv("PLUGDESK_DOCKER_PLUGINS_DIR", (m_dir->path() + QStringLiteral("/d")).toLocal8Bit());
        m_bus = std::make_unique<testutil::PrivateBus>();
        const QString why = m_bus->start(m_dir->path());
        QVERIFY2(why.isEmpty(), qPrintable(why));
        m_helper = std::make_unique<testutil::HelperProcess>();
        QVERIFY(m_helper->start(QStringLiteral(PLUGDESK_HELPER), m_bus->address(), storeRoot(), runRoot(),
                                {QStringLiteral("--no-restore")}));
    }

    // No monitor, container or mount may outlive a test, even a failed one; then the helper and the bus go.
    void cleanup()
    {
        if (!m_dir)
            return;
        for (const Plugin &plugin : Store(storeRoot()).load().valueOr({}).plugins)
            testutil::stopTestPlugin(runRoot(), plugin.id, storeRoot());
        m_helper.reset();
        m_bus.reset();
        m_dir.reset();
    }

    void installLogsVolumeAndDisableThroughTheHelper()
    {
        HelperEngine engine({m_bus->address(), {}});
        ui::MainWindow window(&engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(window.pluginModel()->rowCount() == 0);

        // Install: the dialog, the privileges read in this process, then the helper's install job.
        window.installPlugin(reference());
        ui::InstallDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<ui::InstallDialog *>()) && dialog->isVisible());
        QCOMPARE(dialog->reference(), reference());
        QTRY_VERIFY(dialog->okButton()->isEnabled());
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        ui::PrivilegeDialog *privileges = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((privileges = dialog->privilegeDialog()) && privileges->isVisible(), 20000);
        QCOMPARE(privileges->rows().size(), 1);
        QTest::mouseClick(privileges->acceptButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window.pluginModel()->rowCount(), 1, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window), QStringLiteral("running"), 30000);
        // The runtime reports running a moment before the store records the plugin enabled.
        QTRY_VERIFY(window.pluginModel()->pluginAt(0)->enabled);
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("jobFailed")));
        const QString name = window.pluginModel()->pluginAt(0)->name();
        QCOMPARE(name, reference());

        // The Logs tab reads the log through the helper.
        window.selectPlugin(window.pluginModel()->pluginAt(0)->id);
        ui::PluginLogView *logs = window.detailsView()->logView();
        window.detailsView()->setCurrentWidget(logs);
        QTRY_VERIFY_WITH_TIMEOUT(logs->textView()->toPlainText().contains(QStringLiteral("listening on")), 15000);
        saveScreenshot(&window, QStringLiteral("helper-logs-tab"));

        // A volume from the New Volume dialog, through the helper, shows on the Volumes page.
        window.showPage(1);
        ui::VolumesPage *page = window.volumesPage();
        ui::VolumeListModel *model = page->model();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isListing() && model->driverCount() == 1, 20000);
        page->newVolume();
        ui::NewVolumeDialog *newVolume = nullptr;
        QTRY_VERIFY((newVolume = window.findChild<ui::NewVolumeDialog *>()) && newVolume->isVisible());
        QCOMPARE(newVolume->driver(), name);
        QTest::keyClicks(newVolume->nameEdit(), QStringLiteral("via-helper"));
        QTest::mouseClick(newVolume->createButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(page->selectedVolumeName(), QStringLiteral("via-helper"), 20000);
        QVERIFY(model->volumeIndex(QStringLiteral("via-helper")).parent() == model->driverIndex(name));
        saveScreenshot(&window, QStringLiteral("helper-volumes-page"));

        // Disable, confirmed, through the helper.
        window.showPage(0);
        window.disableAction()->trigger();
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY((confirm = window.findChild<QMessageBox *>(QStringLiteral("confirmDisable"))) &&
                    confirm->isVisible());
        for (QAbstractButton *button : confirm->buttons()) {
            if (confirm->buttonRole(button) == QMessageBox::DestructiveRole)
                QTest::mouseClick(button, Qt::LeftButton);
        }
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window), QStringLiteral("disabled"), 20000);
        QTRY_VERIFY(!window.pluginModel()->pluginAt(0)->enabled);
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("jobFailed")));
    }
};

QTEST_MAIN(TestWindowHelper)
#include "tst_windowhelper.moc"
