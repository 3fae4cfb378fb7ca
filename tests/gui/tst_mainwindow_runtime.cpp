// The window over real plugin processes (root, real runc): enable and disable through the toolbar with the State
// column going running -> stopped, the confirmation before stopping a running plugin, the Logs tab showing the
// plugin's output as it runs, the jobs indicator while a job runs, and Force Disable offered for volumes in use.
#include "common/pluginfixture.h"
#include "core/engine/localengine.h"
#include "core/runtime/pluginmonitor.h"
#include "core/runtime/runcruntime.h"
#include "core/runtime/runlayout.h"
#include "ui/jobsindicator.h"
#include "ui/mainwindow.h"
#include "ui/plugindetailsview.h"
#include "ui/pluginlistmodel.h"
#include "ui/pluginlogview.h"

#include <QAbstractButton>
#include <QAction>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <csignal>
#include <memory>
#include <unistd.h>

class TestMainWindowRuntime : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    const QString m_id = QStringLiteral("ee55ff66aa77");

    QString storeRoot() const { return m_dir->path() + QStringLiteral("/store"); }
    QString runRoot() const { return m_dir->path() + QStringLiteral("/run"); }

    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString folder = QStringLiteral(PLUGDESK_BINARY_DIR "/screenshots");
        QDir().mkpath(folder);
        QVERIFY(widget->grab().save(folder + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

    static QString stateOf(ui::MainWindow &window, const QString &id)
    {
        const int row = window.pluginModel()->rowOf(id);
        return window.pluginModel()->index(row, ui::PluginListModel::State).data().toString();
    }

    static QToolButton *toolButtonFor(ui::MainWindow &window, QAction *action)
    {
        auto *toolBar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
        return toolBar ? qobject_cast<QToolButton *>(toolBar->widgetForAction(action)) : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: runc creates namespaces and mounts");
        if (core::RuncRuntime::findRunc().isEmpty())
            QSKIP("runc is not installed (apt-get install runc)");
        QVERIFY(QFileInfo(QStringLiteral(TEST_PLUGIN_BINARY)).isExecutable());
        qputenv("PLUGDESK_MONITOR", PLUGDESK_MONITOR_BINARY);
        QCoreApplication::setOrganizationName(QStringLiteral("PlugdeskTests"));
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/pdgui-XXXXXX"));
        QVERIFY(m_dir->isValid());
        qputenv("PLUGDESK_DOCKER_PLUGINS_DIR", (m_dir->path() + QStringLiteral("/docker-plugins")).toLocal8Bit());
        QVERIFY(testutil::writeTestPlugins(storeRoot(), QStringLiteral(TEST_PLUGIN_BINARY),
                                           {testutil::makeTestPlugin({m_id, QStringLiteral("acme/testvol")})}));
    }

    // No monitor, container or mount may outlive a test, even a failed one.
    void cleanup()
    {
        if (!m_dir)
            return;
        testutil::stopTestPlugin(runRoot(), m_id);
        m_dir.reset();
    }

    void enablesShowsLogsAndDisables()
    {
        core::LocalEngine engine({storeRoot(), runRoot(), true});
        ui::MainWindow window(&engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QCOMPARE(window.pluginModel()->rowCount(), 1);
        QCOMPARE(stateOf(window, m_id), QStringLiteral("disabled"));

        window.pluginTable()->selectRow(0);
        QToolButton *enable = toolButtonFor(window, window.enableAction());
        QVERIFY(enable && enable->isEnabled());
        QTest::mouseClick(enable, Qt::LeftButton);
        // The job shows in the status bar while it runs.
        QTRY_VERIFY(window.jobsIndicator()->runningCount() == 1 || stateOf(window, m_id) == QStringLiteral("running"));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window, m_id), QStringLiteral("running"), 30000);
        QTRY_VERIFY(window.disableAction()->isEnabled());
        QTRY_COMPARE(window.jobsIndicator()->runningCount(), 0);
        // The Overview names the published socket.
        QTRY_VERIFY(window.detailsView()->overviewLabel()->text().contains(QStringLiteral("testvol.sock")));

        // The Logs tab shows the plugin's startup line, and the search box finds it.
        ui::PluginLogView *logs = window.detailsView()->logView();
        window.detailsView()->setCurrentWidget(logs);
        QVERIFY(logs->isPolling());
        QTRY_VERIFY_WITH_TIMEOUT(logs->textView()->toPlainText().contains(QStringLiteral("listening on")), 10000);
        QTest::keyClicks(logs->searchEdit(), QStringLiteral("listening"));
        QVERIFY(logs->matchCount() >= 1);
        QVERIFY(!logs->textView()->extraSelections().isEmpty());
        saveScreenshot(&window, QStringLiteral("logs-tab"));
        const QString saved = m_dir->path() + QStringLiteral("/saved.log");
        QString problem = QStringLiteral("not answered");
        logs->saveTo(saved, [&problem](const QString &answer) { problem = answer; });
        QTRY_COMPARE_WITH_TIMEOUT(problem, QString(), 10000);
        QFile savedFile(saved);
        QVERIFY(savedFile.open(QIODevice::ReadOnly));
        QVERIFY(savedFile.readAll().contains("listening on"));
        window.detailsView()->setCurrentWidget(window.detailsView()->overviewTab());
        QVERIFY(!logs->isPolling());
        saveScreenshot(&window, QStringLiteral("plugin-running"));

        // Disabling a running plugin asks first; Cancel (the default) keeps it running.
        QTest::keyClick(&window, Qt::Key_D, Qt::ControlModifier);
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY((confirm = window.findChild<QMessageBox *>(QStringLiteral("confirmDisable"))) &&
                    confirm->isVisible());
        saveScreenshot(confirm, QStringLiteral("confirm-disable"));
        QTest::keyClick(confirm, Qt::Key_Return);
        QTRY_VERIFY(!window.findChild<QMessageBox *>(QStringLiteral("confirmDisable")));
        QTest::qWait(300);
        QCOMPARE(stateOf(window, m_id), QStringLiteral("running"));

        QToolButton *disable = toolButtonFor(window, window.disableAction());
        QVERIFY(disable && disable->isEnabled());
        QTest::mouseClick(disable, Qt::LeftButton);
        QTRY_VERIFY((confirm = window.findChild<QMessageBox *>(QStringLiteral("confirmDisable"))) &&
                    confirm->isVisible());
        QPushButton *yes = nullptr;
        for (QAbstractButton *button : confirm->buttons()) {
            if (confirm->buttonRole(button) == QMessageBox::DestructiveRole)
                yes = qobject_cast<QPushButton *>(button);
        }
        QVERIFY(yes);
        QTest::mouseClick(yes, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window, m_id), QStringLiteral("disabled"), 20000);
        QTRY_VERIFY(window.enableAction()->isEnabled());
        QVERIFY(!window.pluginModel()->pluginAt(0)->enabled);
        saveScreenshot(&window, QStringLiteral("plugin-stopped"));
    }

    // A plugin whose volume is mounted through Plugdesk is "in use": Disable says so, naming the volume, and offers
    // Force Disable, which stops it.
    void disableOffersForceWhenVolumesAreInUse()
    {
        core::LocalEngine engine({storeRoot(), runRoot(), true});
        core::Job *enable = engine.enable(m_id);
        enable->waitForFinished();
        QVERIFY2(enable->succeeded(), qPrintable(enable->error() ? enable->error()->message : QString()));
        core::Job *create = engine.createVolume(QStringLiteral("acme/testvol:latest"), QStringLiteral("busyvol"), {});
        create->waitForFinished();
        QVERIFY2(create->succeeded(), qPrintable(create->error() ? create->error()->message : QString()));
        core::Job *mount = engine.mountVolume(QStringLiteral("busyvol"));
        mount->waitForFinished();
        QVERIFY2(mount->succeeded(), qPrintable(mount->error() ? mount->error()->message : QString()));

        ui::MainWindow window(&engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window, m_id), QStringLiteral("running"), 10000);
        window.pluginTable()->selectRow(0);
        QTRY_VERIFY(window.disableAction()->isEnabled());
        window.disableAction()->trigger();
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY((confirm = window.findChild<QMessageBox *>(QStringLiteral("confirmDisable"))) &&
                    confirm->isVisible());
        QAbstractButton *disable = nullptr;
        for (QAbstractButton *button : confirm->buttons()) {
            if (confirm->buttonRole(button) == QMessageBox::DestructiveRole)
                disable = button;
        }
        QVERIFY(disable);
        QTest::mouseClick(disable, Qt::LeftButton);

        QMessageBox *force = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((force = window.findChild<QMessageBox *>(QStringLiteral("confirmForceDisable"))) &&
                                     force->isVisible(),
                                 20000);
        QVERIFY2(force->informativeText().contains(QStringLiteral("busyvol")), qPrintable(force->informativeText()));
        QCOMPARE(force->defaultButton(), force->button(QMessageBox::Cancel));
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("jobFailed")));
        QCOMPARE(stateOf(window, m_id), QStringLiteral("running"));
        saveScreenshot(force, QStringLiteral("confirm-force-disable"));
        QAbstractButton *forceButton = nullptr;
        for (QAbstractButton *button : force->buttons()) {
            if (force->buttonRole(button) == QMessageBox::DestructiveRole)
                forceButton = button;
        }
        QVERIFY(forceButton);
        QTest::mouseClick(forceButton, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window, m_id), QStringLiteral("disabled"), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(!engine.plugin(m_id)->enabled, 20000);
        QTRY_VERIFY(window.enableAction()->isEnabled());
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("jobFailed")));
    }
};

QTEST_MAIN(TestMainWindowRuntime)
#include "tst_mainwindow_runtime.moc"
