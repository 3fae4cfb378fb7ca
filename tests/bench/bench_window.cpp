// bench_window: the window's cold start to its first paint with rows, with 2,000 plugins in the store unless told.
// Each run starts `plugdesk` afresh (QT_QPA_PLATFORM=offscreen unless a platform is named) with the hidden switch
// PLUGDESK_EXIT_AFTER_FIRST_PAINT, which makes it print when the plugin table has first painted rows (on
// CLOCK_MONOTONIC) and quit; the time runs from just before the fork to that moment. Two ways, alternating:
// - LocalEngine: root, `plugdesk --root STORE --run RUN`;
// - through the helper with D-Bus activation: `nobody`, on a private system-like bus with the real polkitd and a rule
//   granting nobody org.plugdesk.read, the helper not running before each run (the bus starts it for the window's
//   first read, as the system bus does; it is stopped again after the run).
// Prints the medians and the best of each, with the machine's load. Asserts nothing (a plain executable, not a test).
// Runs as root; takes /tmp/plugdesk-polkit.lock while its polkit rule is installed.
// Usage: bench_window [PLUGINS [ROUNDS]] [--also PATH], or bench_window --make-store DIR [PLUGINS] to write only a
// store. --also PATH times a second plugdesk (another build, say main's) on LocalEngine in the same rounds, in turn
// with this build's runs, and prints the ratio of the two (this build / PATH), wall and CPU.
#include "bench/benchspawn.h"
#include "common/securityenv.h"
#include "core/store/store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QThread>
#include <cstdio>
#include <ctime>
#include <sys/file.h>

namespace {

QList<core::Plugin> storePlugins(int count)
{
    QList<core::Plugin> plugins;
    for (int i = 0; i < count; ++i) {
        core::Plugin plugin;
        plugin.id = QStringLiteral("%1").arg(i + 1, 64, 16, QLatin1Char('0'));
        plugin.repository = QStringLiteral("vendor%1/plugin%2").arg(i % 37).arg(i);
        plugin.tag = i % 3 == 0 ? QStringLiteral("latest") : QStringLiteral("1.%1").arg(i % 10);
        plugin.config.description = QStringLiteral("Benchmark plugin number %1 for %2 storage")
                                        .arg(i)
                                        .arg(i % 5 == 0 ? QStringLiteral("network") : QStringLiteral("local"));
        plugin.config.interfaceTypes = {i % 4 == 0 ? QStringLiteral("docker.networkdriver/1.0")
                                                   : QStringLiteral("docker.volumedriver/1.0")};
        plugin.config.interfaceSocket = QStringLiteral("p.sock");
        plugin.config.entrypoint = {QStringLiteral("/plugin")};
        plugin.config.rootfsType = QStringLiteral("layers");
        plugin.settings.env = {QStringLiteral("DEBUG=0")};
        plugins.append(plugin);
    }
    return plugins;
}

void fail(const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "bench_window: %s%s%s\n", what, detail.isEmpty() ? "" : ": ", qPrintable(detail));
}

// From the fork to the first paint the window reported; -1 when it reported none (or not `rows` rows).
qint64 firstPaint(const bench::Run &run, int rows, QString *why, qint64 *cpuNs)
{
    *cpuNs = run.cpuNs;
    static const QRegularExpression line(
        QStringLiteral("first paint of the plugin table at (\\d+) ns .*, (\\d+) rows"));
    const QRegularExpressionMatch match = line.match(QString::fromUtf8(run.err));
    if (run.status != 0 || !match.hasMatch() || match.captured(2).toInt() != rows) {
        *why = QStringLiteral("exit %1: %2").arg(run.status).arg(QString::fromUtf8(run.err.right(800)));
        return -1;
    }
    // PLUGDESK_BENCH_TIMELINE=1: each run's fork and first paint on the wall clock, to set beside an strace -tt of
    // the helper (PLUGDESK_SECURITY_HELPER can name a wrapper that traces it).
    if (qEnvironmentVariableIntValue("PLUGDESK_BENCH_TIMELINE") == 1) {
        timespec real{};
        timespec mono{};
        ::clock_gettime(CLOCK_REALTIME, &real);
        ::clock_gettime(CLOCK_MONOTONIC, &mono);
        const qint64 offset = (qint64(real.tv_sec) - qint64(mono.tv_sec)) * 1000000000LL + real.tv_nsec - mono.tv_nsec;
        auto wall = [offset](qint64 ns) {
            return QDateTime::fromMSecsSinceEpoch((ns + offset) / 1000000, Qt::UTC)
                .toString(QStringLiteral("HH:mm:ss.zzz"));
        };
        std::fprintf(stderr, "bench_window: fork %s, first paint %s\n", qPrintable(wall(run.startNs)),
                     qPrintable(wall(match.captured(1).toLongLong())));
    }
    return match.captured(1).toLongLong() - run.startNs;
}

// Stops the helper the bus started, and waits until its name is free. `cpuNs`: the CPU time it had used.
bool stopHelper(testutil::SecurityEnv &env, qint64 *cpuNs = nullptr)
{
    if (cpuNs)
        *cpuNs = bench::processCpuNs(env.helperPid());
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 10000) {
        const qint64 pid = env.helperPid();
        if (pid == 0)
            return true;
        ::kill(pid_t(pid), SIGTERM);
        QThread::msleep(20);
    }
    return false;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    if (argc > 2 && QByteArray(argv[1]) == "--make-store") {
        // Only the store, to look at the window by hand: bench_window --make-store DIR [PLUGINS].
        const auto saved = core::Store(QString::fromLocal8Bit(argv[2]))
                               .save(storePlugins(argc > 3 ? std::max(1, QByteArray(argv[3]).toInt()) : 2000));
        if (!saved)
            fail("cannot write the store", saved.error().message);
        return saved ? 0 : 1;
    }
    QList<QByteArray> positional;
    QString also;
    for (int i = 1; i < argc; ++i) {
        if (QByteArray(argv[i]) == "--also" && i + 1 < argc)
            also = QString::fromLocal8Bit(argv[++i]);
        else
            positional.append(argv[i]);
    }
    const int count = positional.size() > 0 ? std::max(1, positional.at(0).toInt()) : 2000;
    const int rounds = positional.size() > 1 ? std::max(1, positional.at(1).toInt()) : 7;
    if (!also.isEmpty() && !QFileInfo(also).isExecutable()) {
        fail("--also: not an executable", also);
        return 2;
    }
    if (const QString why = testutil::SecurityEnv::unavailable(); !why.isEmpty()) {
        fail("cannot run", why);
        return 2;
    }
    const int lock = ::open("/tmp/plugdesk-polkit.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (lock < 0 || ::flock(lock, LOCK_EX) != 0) {
        fail("cannot take /tmp/plugdesk-polkit.lock");
        return 2;
    }
    const QList<core::Plugin> plugins = storePlugins(count);

    QTemporaryDir dir(QStringLiteral("/tmp/plugdesk-bench-window-XXXXXX"));
    const QString base = dir.path();
    const QString scratch = base + QStringLiteral("/scratch");
    const QString localStore = base + QStringLiteral("/store");
    const QString localRun = base + QStringLiteral("/run");
    const QString rootHome = base + QStringLiteral("/home");
    QDir().mkpath(scratch);
    QDir().mkpath(localRun);
    QDir().mkpath(rootHome);
    if (const auto saved = core::Store(localStore).save(plugins); !saved) {
        fail("cannot write the store", saved.error().message);
        return 1;
    }

    testutil::SecurityEnv env;
    env.activateHelper(QStringLiteral(PLUGDESK_HELPER_BINARY));
    if (const QString why = env.start({QStringLiteral("org.plugdesk.read")}); !why.isEmpty()) {
        fail("cannot start the bus and polkitd", why);
        return 1;
    }
    if (const auto saved = core::Store(env.store()).save(plugins); !saved) {
        fail("cannot write the helper's store", saved.error().message);
        return 1;
    }
    const QString window = env.reachable(QStringLiteral(PLUGDESK_BINARY));
    const QByteArray platform = qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM");
    const QStringList common{QStringLiteral("PATH=/usr/sbin:/usr/bin:/sbin:/bin"), QStringLiteral("LC_ALL=C.UTF-8"),
                             QStringLiteral("QT_QPA_PLATFORM=") + QString::fromLatin1(platform),
                             QStringLiteral("PLUGDESK_EXIT_AFTER_FIRST_PAINT=1")};
    QStringList localEnvironment = common;
    localEnvironment << QStringLiteral("HOME=") + rootHome;
    if (!qEnvironmentVariableIsEmpty("DISPLAY"))
        localEnvironment << QStringLiteral("DISPLAY=") + qEnvironmentVariable("DISPLAY");
    QStringList helperEnvironment = common;
    helperEnvironment << QStringLiteral("HOME=") + env.home()
                      << QStringLiteral("PLUGDESK_HELPER_BUS=") + env.busAddress()
                      << QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS=") + env.busAddress();
    const QStringList localArgv{window, QStringLiteral("--root"), localStore, QStringLiteral("--run"), localRun};
    const QStringList helperArgv{window};
    const QStringList alsoArgv{also, QStringLiteral("--root"), localStore, QStringLiteral("--run"), localRun};
    const uid_t nobody = 65534;

    // Wall time, and the CPU time of the window (and of the helper the bus started for it).
    QList<qint64> local;
    QList<qint64> helper;
    QList<qint64> localCpu;
    QList<qint64> helperCpu;
    QList<qint64> helperOwnCpu;
    QList<qint64> alsoLocal;
    QList<qint64> alsoCpu;
    auto runLocal = [&](QString *why) {
        qint64 cpu = 0;
        const qint64 elapsed = firstPaint(bench::runTimed(localArgv, localEnvironment, scratch), count, why, &cpu);
        localCpu.append(cpu);
        return elapsed;
    };
    auto runAlso = [&](QString *why) {
        qint64 cpu = 0;
        const qint64 elapsed = firstPaint(bench::runTimed(alsoArgv, localEnvironment, scratch), count, why, &cpu);
        alsoCpu.append(cpu);
        return elapsed;
    };
    auto runHelper = [&](QString *why) -> qint64 {
        if (!stopHelper(env)) {
            *why = QStringLiteral("the helper of the last run did not stop");
            return -1;
        }
        qint64 cpu = 0;
        const qint64 elapsed =
            firstPaint(bench::runTimed(helperArgv, helperEnvironment, scratch, nobody, nobody), count, why, &cpu);
        qint64 own = 0;
        stopHelper(env, &own);
        helperCpu.append(cpu);
        helperOwnCpu.append(own);
        return elapsed;
    };

    // One untimed run each (font caches, the page cache), which also checks that each shows every plugin.
    QString why;
    if (runLocal(&why) < 0) {
        fail("the window on LocalEngine did not paint its rows", why);
        return 1;
    }
    if (runHelper(&why) < 0) {
        fail("the window through the activated helper did not paint its rows", why);
        return 1;
    }
    if (!also.isEmpty() && runAlso(&why) < 0) {
        fail("the --also window did not paint its rows", why);
        return 1;
    }
    alsoCpu.clear();
    localCpu.clear();
    helperCpu.clear();
    helperOwnCpu.clear();
    const QByteArray loadBefore = bench::loadAverage();
    for (int round = 0; round < rounds; ++round) {
        // --also's run comes first in even rounds and last in odd ones, the local and helper runs alternate.
        if (!also.isEmpty() && round % 2 == 0) {
            const qint64 t = runAlso(&why);
            if (t < 0) {
                fail("a --also run failed", why);
                return 1;
            }
            alsoLocal.append(t);
        }
        for (int i = 0; i < 2; ++i) {
            const bool localFirst = round % 2 == 0;
            if ((i == 0) == localFirst) {
                const qint64 t = runLocal(&why);
                if (t < 0) {
                    fail("a LocalEngine run failed", why);
                    return 1;
                }
                local.append(t);
            } else {
                const qint64 t = runHelper(&why);
                if (t < 0) {
                    fail("a helper run failed", why);
                    return 1;
                }
                helper.append(t);
            }
        }
        if (!also.isEmpty() && round % 2 == 1) {
            const qint64 t = runAlso(&why);
            if (t < 0) {
                fail("a --also run failed", why);
                return 1;
            }
            alsoLocal.append(t);
        }
    }
    const QByteArray loadAfter = bench::loadAverage();
    std::printf("The window's cold start to the first paint of %d rows (QT_QPA_PLATFORM=%s), medians of %d alternating "
                "rounds\n",
                count, platform.constData(), rounds);
    std::printf("load average before: %s; after: %s\n", loadBefore.constData(), loadAfter.constData());
    std::printf("%-44s median %8.1f ms  best %8.1f ms  CPU (window) %7.1f ms\n", "LocalEngine (root, --root STORE)",
                bench::median(local) / 1e6, *std::min_element(local.cbegin(), local.cend()) / 1e6,
                bench::median(localCpu) / 1e6);
    std::printf("%-44s median %8.1f ms  best %8.1f ms  CPU (window) %7.1f ms, (helper, until stopped) %7.1f ms\n",
                "helper, D-Bus activation (nobody, polkit)", bench::median(helper) / 1e6,
                *std::min_element(helper.cbegin(), helper.cend()) / 1e6, bench::median(helperCpu) / 1e6,
                bench::median(helperOwnCpu) / 1e6);
    if (!also.isEmpty()) {
        std::printf("%-44s median %8.1f ms  best %8.1f ms  CPU (window) %7.1f ms\n", "--also, LocalEngine",
                    bench::median(alsoLocal) / 1e6, *std::min_element(alsoLocal.cbegin(), alsoLocal.cend()) / 1e6,
                    bench::median(alsoCpu) / 1e6);
        std::printf("  (--also: %s)\n", qPrintable(also));
        std::printf("LocalEngine, this build / --also: wall %.2f, CPU %.2f\n",
                    double(bench::median(local)) / double(bench::median(alsoLocal)),
                    double(bench::median(localCpu)) / double(bench::median(alsoCpu)));
    }
    std::printf("(the window's CPU time runs until it exits, a little after its first paint)\n");
    return 0;
}
