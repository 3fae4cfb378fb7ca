// The runtime end to end, as root with the real runc: enable, readiness, /Plugin.Activate, disable leaving nothing
// behind, crash restart by the monitor, restore without duplicates (live monitor and adopted container), the
// no-socket time-out with its log tail, granted and withheld privileges, and a crash loop ending as failed.
#include "common/pluginfixture.h"
#include "core/engine/localengine.h"
#include "core/runtime/monitorlauncher.h"
#include "core/runtime/pluginhttpclient.h"
#include "core/runtime/pluginmonitor.h"
#include "core/runtime/runcruntime.h"
#include "core/runtime/runlayout.h"
#include "core/runtime/socketpublisher.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>

using core::PluginRuntimeState;

namespace {

const QString kPluginBinary = QStringLiteral(TEST_PLUGIN_BINARY);
const QString kMonitorBinary = QStringLiteral(PLUGDESK_MONITOR_BINARY);

bool processAlive(qint64 pid)
{
    return pid > 0 && ::kill(pid_t(pid), 0) == 0 && QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid));
}

QString mountinfo()
{
    QFile file(QStringLiteral("/proc/self/mountinfo"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

} // namespace

class TestPluginRuntime : public QObject, private testutil::RuntimeFolders
{
    Q_OBJECT

private:
    void install(const QList<testutil::TestPluginSpec> &specs)
    {
        QList<core::Plugin> plugins;
        for (const auto &spec : specs) {
            plugins.append(testutil::makeTestPlugin(spec));
            m_ids.append(spec.id);
        }
        QVERIFY(testutil::writeTestPlugins(storeRoot(), kPluginBinary, plugins));
    }

    QStringList containers() const
    {
        auto ids = runtime().list();
        return ids ? *ids : QStringList{QStringLiteral("<runc list failed: %1>").arg(ids.error().message)};
    }

    QJsonObject debugInfo(const QString &id) const
    {
        core::PluginHttpClient client(layout().socketPath(id, QStringLiteral("testvol.sock")));
        client.setTimeoutMs(5000);
        auto reply = client.post(QStringLiteral("/Plugdesk.Debug"));
        if (!reply || reply->status != 200)
            return {};
        return QJsonDocument::fromJson(reply->body).object();
    }

    // Nothing of the plugin is left: process, container, host mount, socket, published link, monitor.
    void verifyNothingLeft(const QString &id, qint64 pid, const QString &link)
    {
        QTRY_VERIFY_WITH_TIMEOUT(!processAlive(pid), 5000);
        QVERIFY2(!containers().contains(id), qPrintable(containers().join(QLatin1Char(' '))));
        QVERIFY2(!mountinfo().contains(m_dir->path()), qPrintable(mountinfo()));
        QVERIFY(!QFileInfo::exists(layout().socketPath(id, QStringLiteral("testvol.sock"))));
        QVERIFY(!QFileInfo::exists(link) && !QFileInfo(link).isSymLink());
        QCOMPARE(core::MonitorLauncher::lockHolder(layout().lockPath(id)), 0);
    }

private Q_SLOTS:
    void initTestCase()
    {
        PLUGDESK_REQUIRE_TEST_RUNTIME();
        QVERIFY(QFileInfo(kPluginBinary).isExecutable());
        QVERIFY(QFileInfo(kMonitorBinary).isExecutable());
        qputenv("PLUGDESK_MONITOR", kMonitorBinary.toLocal8Bit());
        qputenv("PLUGDESK_RESTART_BACKOFF_MS", "100");
        qputenv("PLUGDESK_RESTART_BACKOFF_MAX_MS", "400");
    }

    void init() { QVERIFY(openRuntimeFolder(QStringLiteral("/tmp/pdrt-XXXXXX"))); }

    // Runs even when a test failed: no monitor, container or mount may outlive the test.
    void cleanup() { closeRuntimeFolder(); }

    void lifecycle()
    {
        const QString id = QStringLiteral("aa11bb22cc33");
        install({{id, QStringLiteral("acme/testvol"), QStringLiteral("latest"), {}, {}, {}, QStringLiteral("/vols")}});
        const QString link = publishDir() + QStringLiteral("/acme-testvol.sock");
        auto engine = newEngine();

        // enable: the socket answers Activate, runc lists the container, the socket is published.
        core::Job *job = engine->enable(QStringLiteral("acme/testvol"), 20);
        job->waitForFinished();
        QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message : QString()));
        QCOMPARE(job->result().toString(), QStringLiteral("acme/testvol:latest"));
        QVERIFY(engine->plugin(id)->enabled);
        core::PluginHttpClient client(layout().socketPath(id, QStringLiteral("testvol.sock")));
        auto activate = client.post(QStringLiteral("/Plugin.Activate"));
        QVERIFY(activate.ok());
        QCOMPARE(activate->status, 200);
        QCOMPARE(QJsonDocument::fromJson(activate->body)[QStringLiteral("Implements")].toArray(),
                 QJsonArray{QStringLiteral("VolumeDriver")});
        QCOMPARE(containers(), QStringList{id});
        // The published socket is served by the monitor's proxy, which forwards to the plugin.
        QVERIFY(core::SocketPublisher::isSocket(link));
        QCOMPARE(core::PluginHttpClient(link).post(QStringLiteral("/Plugin.Activate"))->status, 200);
        QVERIFY2(mountinfo().contains(storeRoot()), "the propagated mount is a shared mount on the host");
        auto state = engine->runtimeState(id);
        QVERIFY(state.ok());
        QCOMPARE(state->status, PluginRuntimeState::Status::Running);
        QVERIFY(state->monitorAlive);
        QCOMPARE(state->implements, QStringList{QStringLiteral("VolumeDriver")});
        QCOMPARE(state->publishedSocketPath, link);
        const qint64 firstPid = state->containerPid;
        QVERIFY(processAlive(firstPid));
        QVERIFY(engine->logTail(id, 50)
                    ->join(QLatin1Char('\n'))
                    .contains(QStringLiteral("stdout testvolumeplugin: listening")));

        // enabling twice is Docker's error
        job = engine->enable(id, 20);
        job->waitForFinished();
        QCOMPARE(job->error()->message, QStringLiteral("plugin acme/testvol:latest is already enabled"));

        // disable: nothing left
        job = engine->disable(id, false);
        job->waitForFinished();
        QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message : QString()));
        QCOMPARE(job->result().toString(), QStringLiteral("acme/testvol:latest"));
        QVERIFY(!engine->plugin(id)->enabled);
        verifyNothingLeft(id, firstPid, link);
        QCOMPARE(engine->runtimeState(id)->status, PluginRuntimeState::Status::Stopped);
        job = engine->disable(id, false);
        job->waitForFinished();
        QCOMPARE(job->error()->message,
                 QStringLiteral("plugin is already disabled: plugin acme/testvol:latest found but disabled"));

        // enable again, then kill -9 the plugin: the monitor restarts it
        job = engine->enable(id, 20);
        job->waitForFinished();
        QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message : QString()));
        const qint64 secondPid = engine->runtimeState(id)->containerPid;
        QVERIFY(processAlive(secondPid));
        QCOMPARE(::kill(pid_t(secondPid), SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(engine->runtimeState(id)->restarts == 1 &&
                                     engine->runtimeState(id)->status == PluginRuntimeState::Status::Running &&
                                     engine->runtimeState(id)->containerPid != secondPid,
                                 10000);
        const auto restarted = *engine->runtimeState(id);
        QCOMPARE(restarted.lastExitStatus, std::optional<int>(137));
        QTRY_VERIFY_WITH_TIMEOUT(!debugInfo(id).isEmpty(), 5000);

        // The engine goes away (as the CLI exits); a fresh one restores: the live monitor is left alone.
        engine.reset();
        engine = newEngine();
        QVERIFY(engine->restore().ok());
        auto after = engine->runtimeState(id);
        QCOMPARE(after->containerPid, restarted.containerPid);
        QCOMPARE(after->monitorPid, restarted.monitorPid);
        QCOMPARE(containers(), QStringList{id});

        // The monitor dies (kill -9): restore adopts the running container, same pid, one container.
        QCOMPARE(::kill(pid_t(restarted.monitorPid), SIGKILL), 0);
        QTRY_COMPARE_WITH_TIMEOUT(core::MonitorLauncher::lockHolder(layout().lockPath(id)), 0, 5000);
        QVERIFY(engine->restore().ok());
        QVERIFY(engine->restore().ok()); // twice: still no second monitor
        after = engine->runtimeState(id);
        QVERIFY(after->monitorAlive);
        QVERIFY(after->monitorPid != restarted.monitorPid);
        QCOMPARE(after->containerPid, restarted.containerPid);
        QCOMPARE(containers(), QStringList{id});
        // The new monitor notes the adoption right after taking its lock.
        QTRY_VERIFY_WITH_TIMEOUT(
            engine->logTail(id, -1)->join(QLatin1Char('\n')).contains(QStringLiteral("adopted the running container")),
            5000);

        // The adopting monitor also stops it cleanly.
        job = engine->disable(id, false);
        job->waitForFinished();
        QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message : QString()));
        verifyNothingLeft(id, restarted.containerPid, link);
    }

    void noSocketTimesOut()
    {
        const QString id = QStringLiteral("dd44ee55ff66");
        install({{id,
                  QStringLiteral("acme/silent"),
                  QStringLiteral("latest"),
                  {QStringLiteral("TEST_PLUGIN_MODE=no-socket")},
                  {},
                  {},
                  {}}});
        auto engine = newEngine();
        QElapsedTimer timer;
        timer.start();
        core::Job *job = engine->enable(id, 3);
        job->waitForFinished();
        QVERIFY(!job->succeeded());
        QVERIFY2(timer.elapsed() < 3000 + 4000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(timer.elapsed() >= 3000);
        QCOMPARE(job->error()->code, core::ErrorCode::Timeout);
        const QString message = job->error()->message;
        QVERIFY2(message.contains(QStringLiteral("did not accept connections")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("no-socket mode, still not listening")), qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("plugdeskctl plugin logs acme/silent:latest")), qPrintable(message));
        QVERIFY(!engine->plugin(id)->enabled);
        QVERIFY(containers().isEmpty());
        QCOMPARE(core::MonitorLauncher::lockHolder(layout().lockPath(id)), 0);
        QVERIFY(!QFileInfo(publishDir() + QStringLiteral("/acme-silent.sock")).isSymLink());
    }

    // A run folder so deep that the plugin's socket path exceeds sun_path: refused at once, naming the path,
    // instead of a 30 s time-out that does not say why; nothing is started and the plugin stays disabled.
    void socketPathTooLong()
    {
        const QString id = QStringLiteral("ab12cd34ef56");
        install({{id, QStringLiteral("acme/deep"), QStringLiteral("latest"), {}, {}, {}, {}}});
        const QString deepRun = m_dir->path() + QStringLiteral("/") + QString(90, QLatin1Char('r'));
        core::LocalEngine engine(core::LocalEngine::Options{storeRoot(), deepRun, false});
        QElapsedTimer timer;
        timer.start();
        core::Job *job = engine.enable(id, 30);
        job->waitForFinished();
        QVERIFY(!job->succeeded());
        QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(job->error()->code, core::ErrorCode::InvalidArgument);
        const QString message = job->error()->message;
        QVERIFY2(message.contains(core::RunLayout(deepRun).socketPath(id, QStringLiteral("testvol.sock"))),
                 qPrintable(message));
        QVERIFY2(message.contains(QStringLiteral("--run")), qPrintable(message));
        QVERIFY(!engine.plugin(id)->enabled);
        QCOMPARE(core::MonitorLauncher::lockHolder(core::RunLayout(deepRun).lockPath(id)), 0);
    }

    void privileges_data()
    {
        QTest::addColumn<QStringList>("capabilities");
        QTest::addColumn<QString>("network");
        QTest::addColumn<bool>("expectSysAdmin");
        QTest::addColumn<bool>("expectHostNetwork");
        QTest::newRow("asks for CAP_SYS_ADMIN and host network")
            << QStringList{QStringLiteral("CAP_SYS_ADMIN")} << QStringLiteral("host") << true << true;
        QTest::newRow("asks for nothing") << QStringList() << QString() << false << false;
    }
    void privileges()
    {
        QFETCH(QStringList, capabilities);
        QFETCH(QString, network);
        QFETCH(bool, expectSysAdmin);
        QFETCH(bool, expectHostNetwork);
        const QString id = QStringLiteral("ab12cd34ef56");
        install({{id, QStringLiteral("acme/priv"), QStringLiteral("latest"), {}, capabilities, network, {}}});
        auto engine = newEngine();
        core::Job *job = engine->enable(id, 20);
        job->waitForFinished();
        QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message : QString()));
        const QJsonObject info = debugInfo(id);
        QVERIFY(!info.isEmpty());
        QStringList effective;
        for (const QJsonValue &value : info[QStringLiteral("capabilities")][QStringLiteral("effective")].toArray())
            effective.append(value.toString());
        QVERIFY(effective.contains(QStringLiteral("CAP_CHOWN")));
        QCOMPARE(effective.contains(QStringLiteral("CAP_SYS_ADMIN")), expectSysAdmin);
        struct stat hostNet
        {};
        QCOMPARE(::stat("/proc/self/ns/net", &hostNet), 0);
        const qint64 pluginNet = info[QStringLiteral("netNamespaceInode")].toInteger();
        QVERIFY(pluginNet > 0);
        QCOMPARE(pluginNet == qint64(hostNet.st_ino), expectHostNetwork);
        job = engine->disable(id, false);
        job->waitForFinished();
        QVERIFY(job->succeeded());
        QVERIFY(containers().isEmpty());
    }

    void commandLine()
    {
        const QString id = QStringLiteral("cc12dd34ee56");
        install({{id, QStringLiteral("acme/cli"), QStringLiteral("1.0"), {}, {}, {}, {}}});
        auto ctl = [this](const QStringList &arguments) {
            QProcess process;
            process.start(QStringLiteral(PLUGDESKCTL),
                          QStringList{QStringLiteral("--root"), storeRoot(), QStringLiteral("--run"), runRoot()} +
                              arguments);
            process.waitForFinished(60000);
            return std::make_pair(process.exitCode(),
                                  QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError()));
        };
        auto negative = ctl({QStringLiteral("plugin"), QStringLiteral("enable"), QStringLiteral("--timeout"),
                             QStringLiteral("-1"), QStringLiteral("acme/cli:1.0")});
        QCOMPARE(negative.first, 1);
        QCOMPARE(negative.second, QStringLiteral("Error: negative timeout -1 is invalid\n"));
        auto enabled = ctl({QStringLiteral("plugin"), QStringLiteral("enable"), QStringLiteral("acme/cli:1.0")});
        QCOMPARE(enabled, std::make_pair(0, QStringLiteral("acme/cli:1.0\n")));
        QTRY_VERIFY_WITH_TIMEOUT(core::SocketPublisher::isSocket(publishDir() + QStringLiteral("/acme-cli-1.0.sock")),
                                 5000);
        auto logs = ctl({QStringLiteral("plugin"), QStringLiteral("logs"), QStringLiteral("--tail"),
                         QStringLiteral("1"), QStringLiteral("acme/cli:1.0")});
        QCOMPARE(logs.first, 0);
        QCOMPARE(logs.second.count(QLatin1Char('\n')), 1);
        QVERIFY2(logs.second.contains(QStringLiteral(" stdout testvolumeplugin: listening on")),
                 qPrintable(logs.second));
        auto disabled = ctl({QStringLiteral("plugin"), QStringLiteral("disable"), QStringLiteral("-f"),
                             QStringLiteral("acme/cli:1.0")});
        QCOMPARE(disabled, std::make_pair(0, QStringLiteral("acme/cli:1.0\n")));
        QVERIFY(containers().isEmpty());
        QVERIFY(!QFileInfo::exists(publishDir() + QStringLiteral("/acme-cli-1.0.sock")));
    }

    // The monitor is started before the bundle is written and runs nothing until it is told to go: a starter that
    // gives up (the bundle failed, it was killed) closes its end, and the monitor exits having started nothing.
    void monitorWaitsForGo()
    {
        const QString id = QStringLiteral("aa22bb33cc44");
        install({{id, QStringLiteral("acme/held"), QStringLiteral("latest"), {}, {}, {}, {}}});
        core::MonitorLauncher::Options options;
        options.runRoot = runRoot();
        options.id = id;
        options.name = QStringLiteral("acme/held:latest");
        options.runc = runtime().runc();
        options.socketPath = layout().socketPath(id, QStringLiteral("testvol.sock"));
        auto started = core::MonitorLauncher::start(kMonitorBinary, options);
        QVERIFY(started.ok());
        auto locked = started->waitLocked(5000);
        QVERIFY(locked.ok() && *locked);
        const qint64 monitor = core::MonitorLauncher::lockHolder(layout().lockPath(id));
        QVERIFY(monitor > 0);
        QTest::qWait(300);
        QVERIFY(processAlive(monitor));
        QVERIFY(!runtime().holds(id));
        QVERIFY(!QFileInfo::exists(layout().statePath(id)));
        started = core::MonitorStart(); // the starter's end closes without "G"
        QTRY_COMPARE_WITH_TIMEOUT(core::MonitorLauncher::lockHolder(layout().lockPath(id)), 0, 5000);
        QVERIFY(!runtime().holds(id));
        QVERIFY(containers().isEmpty());
        QVERIFY(!QFileInfo::exists(layout().statePath(id)));
    }

    // A plugin that dies before it was ever ready is not crash-restarted (backoff is for plugins that ran and then
    // died): one run, failed at once with its own last words as the cause, and disabled again.
    void neverReadyFailsAtOnce()
    {
        const QString id = QStringLiteral("ee77ff88aa99");
        install({{id,
                  QStringLiteral("acme/crashy"),
                  QStringLiteral("latest"),
                  // no-socket: it exits before it would have made its socket.
                  {QStringLiteral("TEST_PLUGIN_MODE=no-socket,crash-after=0")},
                  {},
                  {},
                  {}}});
        auto engine = newEngine();
        QElapsedTimer clock;
        clock.start();
        core::Job *job = engine->enable(id, 20);
        job->waitForFinished();
        const qint64 took = clock.elapsed();
        QVERIFY(!job->succeeded());
        QCOMPARE(job->error()->code, core::ErrorCode::Runtime);
        QVERIFY2(job->error()->message.contains(QStringLiteral("crash-after reached")),
                 qPrintable(job->error()->message));
        // Not the five runs over 30 s of the old backoff (1 + 2 + 4 + 8 s): well under the first restart's delay.
        QVERIFY2(took < 5000, qPrintable(QString::number(took)));
        auto state = engine->runtimeState(id);
        QVERIFY(state.ok());
        QCOMPARE(state->status, PluginRuntimeState::Status::Failed);
        QCOMPARE(state->restarts, 0);
        QCOMPARE(state->lastExitStatus, std::optional<int>(3));
        QVERIFY(!state->monitorAlive);
        QVERIFY(!engine->plugin(id)->enabled);
        QVERIFY(containers().isEmpty());
        const QString log = engine->logTail(id, -1)->join(QLatin1Char('\n'));
        QCOMPARE(log.count(QStringLiteral("the plugin exited with status 3")), 1);
    }
};

QTEST_GUILESS_MAIN(TestPluginRuntime)
#include "tst_pluginruntime.moc"
