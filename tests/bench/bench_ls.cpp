// bench_ls: `plugdeskctl plugin ls` through the helper against `docker plugin ls`, with the same number of plugins
// (100 unless told). Docker's side: Debian's dockerd started in a temp folder with its own data root, exec root,
// pid file and socket, the plugins made with `docker plugin create` (no registry), listed by Debian's client
// /usr/bin/docker. Plugdesk's side: a private system-like bus with the real polkitd and a rule granting `nobody`
// org.plugdesk.read, plugdesk-helper serving a store of as many plugins, and plugdeskctl run as nobody, so the list
// goes user -> D-Bus -> helper (polkit asked) -> store -> back, as on a desktop. Both daemons run before the first
// timed run; each run is timed from fork to exit. Alternating rounds; the medians and their ratio, with the machine's
// load. For context, in the same rounds: `plugdeskctl --version` (the process alone, no bus) and `plugdeskctl --root
// STORE plugin ls` as root (the store read in process). Asserts nothing (a plain executable, not a test).
// Runs as root; takes /tmp/plugdesk-polkit.lock while its polkit rule is installed.
// Usage: bench_ls [PLUGINS [ROUNDS]]
#include "bench/benchspawn.h"
#include "common/securityenv.h"
#include "core/store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <cstdio>
#include <sys/file.h>

namespace {

QList<core::Plugin> storePlugins(int count)
{
    QList<core::Plugin> plugins;
    for (int i = 0; i < count; ++i) {
        core::Plugin plugin;
        plugin.id = QStringLiteral("%1").arg(i + 1, 64, 16, QLatin1Char('0'));
        plugin.repository = QStringLiteral("bench/p%1").arg(i);
        plugin.tag = QStringLiteral("latest");
        plugin.config.description = QStringLiteral("bench plugin %1").arg(i);
        plugin.config.interfaceTypes = {QStringLiteral("docker.volumedriver/1.0")};
        plugin.config.interfaceSocket = QStringLiteral("p.sock");
        plugin.config.entrypoint = {QStringLiteral("/plugin")};
        plugin.config.rootfsType = QStringLiteral("layers");
        plugins.append(plugin);
    }
    return plugins;
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

int lineCount(const QByteArray &text)
{
    return static_cast<int>(text.count('\n'));
}

void fail(const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "bench_ls: %s%s%s\n", what, detail.isEmpty() ? "" : ": ", qPrintable(detail));
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 100;
    const int rounds = argc > 2 ? std::max(1, QByteArray(argv[2]).toInt()) : 15;
    if (const QString why = testutil::SecurityEnv::unavailable(); !why.isEmpty()) {
        fail("cannot run", why);
        return 2;
    }
    const QString dockerd = QStringLiteral("/usr/sbin/dockerd");
    const QString docker = QStringLiteral("/usr/bin/docker");
    if (!QFileInfo(dockerd).isExecutable() || !QFileInfo(docker).isExecutable()) {
        fail("needs Debian's docker.io", dockerd + QStringLiteral(", ") + docker);
        return 2;
    }
    // The polkit rule files of the tests and benchmarks must not meet.
    const int lock = ::open("/tmp/plugdesk-polkit.lock", O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (lock < 0 || ::flock(lock, LOCK_EX) != 0) {
        fail("cannot take /tmp/plugdesk-polkit.lock");
        return 2;
    }

    QTemporaryDir dir(QStringLiteral("/tmp/plugdesk-bench-ls-XXXXXX"));
    const QString base = dir.path();
    const QString scratch = base + QStringLiteral("/scratch");
    QDir().mkpath(scratch);

    // Docker's side.
    QProcess daemon;
    daemon.setProcessChannelMode(QProcess::MergedChannels);
    daemon.start(dockerd, {QStringLiteral("--data-root"), base + QStringLiteral("/data"), QStringLiteral("--exec-root"),
                           base + QStringLiteral("/exec"), QStringLiteral("--pidfile"), base + QStringLiteral("/pid"),
                           QStringLiteral("-H"), QStringLiteral("unix://") + base + QStringLiteral("/docker.sock"),
                           QStringLiteral("--bridge=none"), QStringLiteral("--iptables=false")});
    auto stopDaemon = qScopeGuard([&daemon] {
        daemon.terminate();
        if (!daemon.waitForFinished(20000))
            daemon.kill();
        daemon.waitForFinished(5000);
    });
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 30000 && daemon.state() == QProcess::Running &&
           !QFileInfo::exists(base + QStringLiteral("/docker.sock")))
        QThread::msleep(100);
    const QString dockerHome = base + QStringLiteral("/dockerhome");
    QDir().mkpath(dockerHome);
    const QStringList dockerEnvironment{QStringLiteral("PATH=/usr/sbin:/usr/bin:/sbin:/bin"),
                                        QStringLiteral("HOME=") + dockerHome, QStringLiteral("LC_ALL=C.UTF-8"),
                                        QStringLiteral("DOCKER_HOST=unix://") + base + QStringLiteral("/docker.sock")};
    // dockerd answers once its socket is there and it has finished starting.
    for (int attempt = 0; attempt < 100; ++attempt) {
        if (bench::runTimed({docker, QStringLiteral("version")}, dockerEnvironment, scratch).status == 0)
            break;
        QThread::msleep(200);
    }
    const QString folder = base + QStringLiteral("/plugin");
    QDir().mkpath(folder + QStringLiteral("/rootfs"));
    const QJsonObject config{
        {QStringLiteral("description"), QStringLiteral("bench plugin")},
        {QStringLiteral("documentation"), QString()},
        {QStringLiteral("entrypoint"), QJsonArray{QStringLiteral("/plugin")}},
        {QStringLiteral("interface"),
         QJsonObject{{QStringLiteral("types"), QJsonArray{QStringLiteral("docker.volumedriver/1.0")}},
                     {QStringLiteral("socket"), QStringLiteral("p.sock")}}},
        {QStringLiteral("network"), QJsonObject{{QStringLiteral("type"), QStringLiteral("host")}}}};
    QElapsedTimer creating;
    creating.start();
    for (int i = 0; i < count; ++i) {
        // Each its own content: dockerd refuses a second plugin made of the same blobs.
        QJsonObject own = config;
        own.insert(QStringLiteral("description"), QStringLiteral("bench plugin %1").arg(i));
        if (!writeFile(folder + QStringLiteral("/config.json"), QJsonDocument(own).toJson()) ||
            !writeFile(folder + QStringLiteral("/rootfs/plugin"), "#!/bin/sh\n# " + QByteArray::number(i) + '\n')) {
            fail("cannot write the plugin folder", folder);
            return 1;
        }
        const bench::Run made = bench::runTimed(
            {docker, QStringLiteral("plugin"), QStringLiteral("create"), QStringLiteral("bench/p%1").arg(i), folder},
            dockerEnvironment, scratch);
        if (made.status != 0) {
            fail("docker plugin create failed", QString::fromUtf8(made.err + daemon.readAll().right(400)));
            return 1;
        }
    }
    std::printf("dockerd: %d plugins made with docker plugin create in %.1f s\n", count, creating.elapsed() / 1000.0);

    // Plugdesk's side.
    testutil::SecurityEnv env;
    if (const QString why = env.start({QStringLiteral("org.plugdesk.read")}); !why.isEmpty()) {
        fail("cannot start the bus and polkitd", why);
        return 1;
    }
    if (const auto saved = core::Store(env.store()).save(storePlugins(count)); !saved) {
        fail("cannot write the store", saved.error().message);
        return 1;
    }
    if (!env.startHelper(QStringLiteral(PLUGDESK_HELPER_BINARY))) {
        fail("plugdesk-helper did not start");
        return 1;
    }
    const QString ctl = env.reachable(QStringLiteral(PLUGDESKCTL_BINARY));
    const QStringList nobodyEnvironment{QStringLiteral("PATH=/usr/sbin:/usr/bin:/sbin:/bin"),
                                        QStringLiteral("HOME=") + env.home(), QStringLiteral("LC_ALL=C.UTF-8"),
                                        QStringLiteral("PLUGDESK_HELPER_BUS=") + env.busAddress(),
                                        QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS=") + env.busAddress()};
    const QStringList rootEnvironment{QStringLiteral("PATH=/usr/sbin:/usr/bin:/sbin:/bin"),
                                      QStringLiteral("HOME=") + dockerHome, QStringLiteral("LC_ALL=C.UTF-8")};

    struct Contender
    {
        const char *label;
        QStringList argv;
        QStringList environment;
        uid_t uid;
        QList<qint64> times;
        QList<qint64> cpu = {};
    };
    const uid_t nobody = 65534;
    QList<Contender> contenders{
        {"docker plugin ls (root, dockerd)",
         {docker, QStringLiteral("plugin"), QStringLiteral("ls")},
         dockerEnvironment,
         0,
         {}},
        {"plugdeskctl plugin ls (nobody, helper)",
         {ctl, QStringLiteral("plugin"), QStringLiteral("ls")},
         nobodyEnvironment,
         nobody,
         {}},
        {"plugdeskctl --version (nobody)", {ctl, QStringLiteral("--version")}, nobodyEnvironment, nobody, {}},
        {"plugdeskctl --root STORE plugin ls (root)",
         {ctl, QStringLiteral("--root"), env.store(), QStringLiteral("--run"), env.run(), QStringLiteral("plugin"),
          QStringLiteral("ls")},
         rootEnvironment,
         0,
         {}},
    };
    // One untimed run each, which also checks that each lists everything.
    for (const Contender &contender : std::as_const(contenders)) {
        const bench::Run run = bench::runTimed(contender.argv, contender.environment, scratch, contender.uid, nobody);
        const bool lists = contender.argv.contains(QStringLiteral("ls"));
        if (run.status != 0 || (lists && lineCount(run.out) != count + 1)) {
            fail(contender.label, QStringLiteral("exit %1, %2 lines: %3%4")
                                      .arg(run.status)
                                      .arg(lineCount(run.out))
                                      .arg(QString::fromUtf8(run.out.left(300)), QString::fromUtf8(run.err.left(600))));
            return 1;
        }
    }
    const QByteArray loadBefore = bench::loadAverage();
    for (int round = 0; round < rounds; ++round) {
        // Each round in another order, so that none always follows the same one.
        for (qsizetype i = 0; i < contenders.size(); ++i) {
            Contender &contender = contenders[(i + round) % contenders.size()];
            const bench::Run run =
                bench::runTimed(contender.argv, contender.environment, scratch, contender.uid, nobody);
            contender.times.append(run.elapsedNs());
            contender.cpu.append(run.cpuNs);
        }
    }
    const QByteArray loadAfter = bench::loadAverage();

    std::printf("\n`plugin ls` with %d plugins, from fork to exit, medians of %d alternating rounds\n", count, rounds);
    std::printf("load average before: %s; after: %s\n", loadBefore.constData(), loadAfter.constData());
    const qint64 dockerMedian = bench::median(contenders.at(0).times);
    for (const Contender &contender : std::as_const(contenders)) {
        const qint64 median = bench::median(contender.times);
        const qint64 best = *std::min_element(contender.times.cbegin(), contender.times.cend());
        std::printf("%-44s median %8.2f ms  best %8.2f ms  %6.2fx docker  (CPU of the client %7.2f ms)\n",
                    contender.label, median / 1e6, best / 1e6,
                    dockerMedian > 0 ? double(median) / double(dockerMedian) : 0.0, bench::median(contender.cpu) / 1e6);
    }
    std::printf("ratio plugdeskctl plugin ls (helper) / docker plugin ls: %.2f\n",
                dockerMedian > 0 ? double(bench::median(contenders.at(1).times)) / double(dockerMedian) : 0.0);
    return 0;
}
