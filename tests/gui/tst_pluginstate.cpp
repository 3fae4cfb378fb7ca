// Plugin states with reasons in the window (issue 15, items 1 and 2): the seed's vieux/sshfs (enabled, no binary in
// its rootfs) shows why it does not run at once; the Overview's banner offers Show Logs and Start; Start and Enable
// fail within 2 s naming the missing entrypoint; a plugin that exits before it is ready is not crash-restarted; a
// crash-looping plugin shows "restarting (attempt N, next try in N s)" live, then failed with its cause.
#include "common/pluginfixture.h"
#include "common/testutil.h"
#include "core/engine/localengine.h"
#include "core/runtime/runcruntime.h"
#include "core/runtime/runlayout.h"
#include "ui/mainwindow.h"
#include "ui/plugindetailsview.h"
#include "ui/pluginlistmodel.h"
#include "ui/pluginlogview.h"

#include <QAction>
#include <QElapsedTimer>
#include <QFrame>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QString kSshfsId = QStringLiteral("cd851ce43a403");
const QString kMissing =
    QStringLiteral("its entrypoint /go/bin/docker-volume-sshfs does not exist in the plugin's rootfs");

} // namespace

class TestPluginState : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;

    QString storeRoot() const { return m_dir->path() + QStringLiteral("/store"); }
    QString runRoot() const { return m_dir->path() + QStringLiteral("/run"); }

    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString folder = QStringLiteral(PLUGDESK_BINARY_DIR "/screenshots");
        QDir().mkpath(folder);
        QVERIFY(widget->grab().save(folder + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

    static QString stateOf(ui::MainWindow &window, const QString &idPrefix)
    {
        for (int row = 0; row < window.pluginModel()->rowCount(); ++row) {
            if (window.pluginModel()->pluginAt(row)->id.startsWith(idPrefix))
                return window.pluginModel()->index(row, ui::PluginListModel::State).data().toString();
        }
        return QStringLiteral("<no row>");
    }

    static void selectPlugin(ui::MainWindow &window, const QString &idPrefix)
    {
        for (int row = 0; row < window.pluginTable()->model()->rowCount(); ++row) {
            const QString id =
                window.pluginTable()->model()->index(row, 0).data(ui::PluginListModel::PluginIdRole).toString();
            if (id.startsWith(idPrefix))
                window.pluginTable()->selectRow(row);
        }
    }

    static QMessageBox *failureBox(ui::MainWindow &window)
    {
        for (QMessageBox *box : window.findChildren<QMessageBox *>(QStringLiteral("jobFailed"))) {
            if (box->isVisible())
                return box;
        }
        return nullptr;
    }

    static bool rootWithRunc() { return ::geteuid() == 0 && !core::RuncRuntime::findRunc().isEmpty(); }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("PLUGDESK_MONITOR", PLUGDESK_MONITOR_BINARY);
        QCoreApplication::setOrganizationName(QStringLiteral("PlugdeskTests"));
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/pdstate-XXXXXX"));
        QVERIFY(m_dir->isValid());
        qputenv("PLUGDESK_DOCKER_PLUGINS_DIR", (m_dir->path() + QStringLiteral("/docker-plugins")).toLocal8Bit());
        QVERIFY(testutil::copyTree(testutil::sourcePath(QStringLiteral("tests/data/seed-store")), storeRoot()));
    }

    void cleanup()
    {
        qunsetenv("PLUGDESK_RESTART_BACKOFF_MS");
        qunsetenv("PLUGDESK_RESTART_LIMIT");
        if (!m_dir)
            return;
        if (rootWithRunc())
            testutil::stopTestPlugin(runRoot(), QStringLiteral("ee55ff66aa77"));
        m_dir.reset();
    }

    // The row says why at once; the banner offers Show Logs and Start; Start fails within 2 s with the cause, the
    // plugin stays enabled and the row and the banner say "failed" with the cause, live.
    void brokenPluginShowsWhyAndStartFailsFast()
    {
        core::LocalEngine engine({storeRoot(), runRoot()});
        ui::MainWindow window(&engine);
        window.resize(1100, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(stateOf(window, kSshfsId), QStringLiteral("not running: ") + kMissing);
        QCOMPARE(window.pluginModel()->rowCount(), 1);
        const int row = 0;
        const QModelIndex cell = window.pluginModel()->index(row, ui::PluginListModel::State);
        QCOMPARE(cell.data(Qt::ToolTipRole).toString(), QStringLiteral("not running: ") + kMissing);
        QVERIFY(!cell.data(Qt::DecorationRole).value<QIcon>().isNull());
        QCOMPARE(cell.data(ui::PluginListModel::PhaseRole).toInt(), int(core::PluginRuntimeState::Phase::NotRunning));

        selectPlugin(window, kSshfsId);
        ui::PluginDetailsView *details = window.detailsView();
        QTRY_VERIFY(details->stateBanner()->isVisible());
        QVERIFY(details->stateBannerText()->text().contains(u"vieux/sshfs:latest — not running"_s));
        QVERIFY(details->stateBannerText()->text().contains(kMissing.toHtmlEscaped()));
        QVERIFY(details->startButton()->isVisible());
        QVERIFY(details->showLogsButton()->isVisible());
        QVERIFY(!details->restartButton()->isVisible());
        QVERIFY(!details->stateBannerText()->text().contains(kSshfsId));

        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(details->startButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(failureBox(window), 2000);
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        QMessageBox *box = failureBox(window);
        QCOMPARE(box->windowTitle(), QStringLiteral("Start vieux/sshfs:latest"));
        // The cause leads (the box's text), naming the plugin, never its id.
        QCOMPARE(box->text(), QStringLiteral("vieux/sshfs:latest cannot start: ") + kMissing);
        box->close();
        // Still enabled: Start never loses the flag; the row and the banner now say failed, with the cause.
        QTRY_COMPARE(stateOf(window, kSshfsId), QStringLiteral("failed: ") + kMissing);
        QVERIFY(window.pluginModel()->pluginAt(row)->enabled);
        QTRY_VERIFY(details->stateBannerText()->text().contains(u"vieux/sshfs:latest — failed"_s));
        QVERIFY(details->startButton()->isEnabled());
        window.detailsView()->setCurrentWidget(details->overviewTab());
        saveScreenshot(&window, QStringLiteral("plugin-failed-banner"));
        // Under a real X server (xvfb-run, QT_QPA_PLATFORM=xcb) the whole screen as a person sees it, for the README.
        if (const QString screen = qEnvironmentVariable("PLUGDESK_X_SCREENSHOT"); !screen.isEmpty()) {
            QTest::qWait(500);
            QCOMPARE(QProcess::execute(QStringLiteral("import"),
                                       {QStringLiteral("-window"), QStringLiteral("root"), screen}),
                     0);
        }

        QTest::mouseClick(details->showLogsButton(), Qt::LeftButton);
        QCOMPARE(details->currentWidget(), details->logView());
    }

    // Enable of the broken plugin: refused within 2 s, the cause naming the missing entrypoint, titles with the
    // plugin's name; the plugin stays disabled.
    void enableFailsFastNamingTheEntrypoint()
    {
        core::LocalEngine engine({storeRoot(), runRoot()});
        ui::MainWindow window(&engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        core::Job *disable = engine.disable(kSshfsId);
        disable->waitForFinished();
        QVERIFY2(disable->succeeded(), qPrintable(disable->error() ? disable->error()->message : QString()));
        QTRY_COMPARE(stateOf(window, kSshfsId), QStringLiteral("disabled"));
        selectPlugin(window, kSshfsId);
        QVERIFY(window.detailsView()->stateBanner()->isHidden());
        QTRY_VERIFY(window.enableAction()->isEnabled());

        QElapsedTimer clock;
        clock.start();
        window.enableAction()->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(failureBox(window), 2000);
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        QMessageBox *box = failureBox(window);
        QCOMPARE(box->windowTitle(), QStringLiteral("Enable vieux/sshfs:latest"));
        // The cause leads (the box's text), naming the plugin, never its id.
        QCOMPARE(box->text(), QStringLiteral("vieux/sshfs:latest cannot start: ") + kMissing);
        box->close();
        QCOMPARE(stateOf(window, kSshfsId), QStringLiteral("disabled"));
        QVERIFY(!engine.plugin(kSshfsId)->enabled);
    }

    // A plugin that exits before it made its socket is not restarted: enable fails at once with its last error
    // line, and the monitor tried once.
    void exitBeforeReadyIsNotRestarted()
    {
        if (!rootWithRunc())
            QSKIP("needs root and runc");
        const QString id = QStringLiteral("ee55ff66aa77");
        QVERIFY(testutil::writeTestPlugins(
            storeRoot(), QStringLiteral(TEST_PLUGIN_BINARY),
            {testutil::makeTestPlugin({id,
                                       QStringLiteral("acme/early"),
                                       QStringLiteral("latest"),
                                       {QStringLiteral("TEST_PLUGIN_MODE=no-such-mode")}})}));
        core::LocalEngine engine({storeRoot(), runRoot(), true});
        QElapsedTimer clock;
        clock.start();
        core::Job *enable = engine.enable(id);
        enable->waitForFinished();
        QVERIFY(!enable->succeeded());
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        const QString message = enable->error()->message;
        QVERIFY2(message.startsWith(u"plugin acme/early:latest failed to start: exited with status"_s),
                 qPrintable(message));
        QVERIFY2(message.contains(u"before it was ready"_s) && message.contains(u"no-such-mode"_s),
                 qPrintable(message));
        QFile log(core::RunLayout(runRoot()).logPath(id));
        QVERIFY(log.open(QIODevice::ReadOnly));
        QCOMPARE(log.readAll().count("starting the plugin (runc run"), 1);
    }

    // Backoff is for plugins that ran and then died: the row counts down "restarting (attempt N, next try in N s)",
    // the banner offers Restart, and after the last crash the row says failed with the cause.
    void crashLoopShowsRestartingThenFailed()
    {
        if (!rootWithRunc())
            QSKIP("needs root and runc");
        qputenv("PLUGDESK_RESTART_BACKOFF_MS", "2500");
        qputenv("PLUGDESK_RESTART_LIMIT", "3");
        const QString id = QStringLiteral("ee55ff66aa77");
        QVERIFY(testutil::writeTestPlugins(
            storeRoot(), QStringLiteral(TEST_PLUGIN_BINARY),
            {testutil::makeTestPlugin({id,
                                       QStringLiteral("acme/crashy"),
                                       QStringLiteral("latest"),
                                       {QStringLiteral("TEST_PLUGIN_MODE=crash-after=1")}})}));
        core::LocalEngine engine({storeRoot(), runRoot(), true});
        ui::MainWindow window(&engine);
        window.resize(1100, 720);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_COMPARE(stateOf(window, id), QStringLiteral("disabled"));
        selectPlugin(window, id);
        window.enableAction()->trigger();

        const QRegularExpression restarting(u"^restarting \\(attempt (\\d+), next try in (\\d+) s\\)$"_s);
        QTRY_VERIFY_WITH_TIMEOUT(restarting.match(stateOf(window, id)).hasMatch(), 15000);
        const QRegularExpressionMatch first = restarting.match(stateOf(window, id));
        QCOMPARE(first.captured(1).toInt(), 1); // the first restart is pending
        QVERIFY(first.captured(2).toInt() >= 1 && first.captured(2).toInt() <= 5);
        ui::PluginDetailsView *details = window.detailsView();
        QTRY_VERIFY(details->stateBanner()->isVisible() && details->restartButton()->isVisible());
        QVERIFY(!details->startButton()->isVisible());
        QVERIFY2(details->stateBannerText()->text().contains(u"crash-after reached"_s),
                 qPrintable(details->stateBannerText()->text()));
        saveScreenshot(&window, QStringLiteral("plugin-restarting-banner"));
        // The countdown moves without any new state from the monitor.
        const QString shown = stateOf(window, id);
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(window, id) != shown, 3000);

        // The second crash: the next restart is attempt 2, after twice the backoff.
        QTRY_VERIFY_WITH_TIMEOUT(stateOf(window, id).startsWith(u"restarting (attempt 2, next try in"_s), 15000);
        QTRY_VERIFY2_WITH_TIMEOUT(stateOf(window, id).startsWith(u"failed: the plugin crashed 3 time"_s),
                                  qPrintable(stateOf(window, id)), 40000);
        QVERIFY2(stateOf(window, id).contains(u"crash-after reached"_s), qPrintable(stateOf(window, id)));
        QTRY_VERIFY(details->startButton()->isVisible());
        QVERIFY(window.pluginModel()->pluginAt(0)->enabled || window.pluginModel()->pluginAt(1)->enabled);
    }
};

QTEST_MAIN(TestPluginState)
#include "tst_pluginstate.moc"
