// Enable until the plugin's socket answers, Docker against Plugdesk on the same plugin, in one run. Starts Debian's
// dockerd (/usr/sbin/dockerd with its own data root, exec root, pid file and socket in a temp folder) and drives it
// with Debian's client (/usr/bin/docker); makes the test volume plugin from one folder with `docker plugin create`
// and `plugdeskctl plugin create`; then runs N rounds (default 5) of enable and disable, the three contenders in a
// rotating order within each round: Docker, Plugdesk with runc, Plugdesk with crun (the store's engine.json switched
// between rounds). Each enable is timed from the start of the command until the command returned and the plugin's
// socket answered a request (/Plugin.Activate); a probe thread also records when the socket first answered. For
// Plugdesk an inotify watch splits the time into phases from the files each step leaves. Prints every time, the
// medians and the ratios Plugdesk/Docker. Never fails on time; fails when something does not work.
// Run as root: build/tests/bench/bench_enable [rounds]  (PLUGDESK_BENCH_CTL=another plugdeskctl to compare builds)
#include "common/pluginfixture.h"
#include "core/runtime/runcruntime.h"
#include "core/runtime/runtimechoice.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QScopeGuard>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <functional>
#include <mutex>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <thread>
#include <time.h>
#include <unistd.h>
#include <vector>

using namespace Qt::StringLiterals;

namespace {

const QString kDockerd = u"/usr/sbin/dockerd"_s;
const QString kDocker = u"/usr/bin/docker"_s; // Debian's client, made for this dockerd
const QString kName = u"acme/benchvol:latest"_s;

double nowMs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return double(ts.tv_sec) * 1000.0 + double(ts.tv_nsec) / 1e6;
}

// What must not outlive the bench (dockerd, the plugins), run at its end and when it dies.
std::vector<std::function<void()>> &cleanups()
{
    static std::vector<std::function<void()>> list;
    return list;
}

void cleanUp()
{
    auto &list = cleanups();
    while (!list.empty()) {
        auto last = std::move(list.back());
        list.pop_back();
        last();
    }
}

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "bench_enable: %s\n", qPrintable(message));
    cleanUp();
    std::exit(1);
}

core::CommandResult run(const QStringList &argv)
{
    auto result = core::RuncRuntime::runCommand(argv);
    if (!result)
        die(result.error().message);
    return *result;
}

core::CommandResult mustRun(const QStringList &argv)
{
    core::CommandResult result = run(argv);
    if (result.exitStatus != 0)
        die(u"%1 failed (%2): %3"_s.arg(argv.join(u' '))
                .arg(result.exitStatus)
                .arg(QString::fromUtf8(result.errors + result.output).trimmed()));
    return result;
}

// True when the socket at `path` answers POST /Plugin.Activate with 200.
bool answers(const QByteArray &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.constData(), size_t(qMin<qsizetype>(path.size(), sizeof address.sun_path - 1)));
    bool ok = false;
    if (::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0) {
        static const char request[] =
            "POST /Plugin.Activate HTTP/1.1\r\nHost: plugin\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
        if (::send(fd, request, sizeof request - 1, MSG_NOSIGNAL) == ssize_t(sizeof request - 1)) {
            QByteArray reply;
            char buffer[512];
            pollfd readable{fd, POLLIN, 0};
            while (reply.size() < 12 && ::poll(&readable, 1, 2000) > 0) {
                const ssize_t n = ::read(fd, buffer, sizeof buffer);
                if (n <= 0)
                    break;
                reply.append(buffer, n);
            }
            ok = reply.startsWith("HTTP/1.1 200") || reply.startsWith("HTTP/1.0 200");
        }
    }
    ::close(fd);
    return ok;
}

// Probes the socket every millisecond from its start until it answers or is stopped; `firstAnswer` is then set.
class Probe final
{
public:
    explicit Probe(const QString &socket)
        : m_socket(QFile::encodeName(socket))
        , m_thread([this] {
            while (!m_stop.load()) {
                if (answers(m_socket)) {
                    m_firstAnswer.store(nowMs());
                    return;
                }
                ::usleep(1000);
            }
        })
    {}
    ~Probe()
    {
        m_stop = true;
        m_thread.join();
    }
    // Waits up to `ms` for the first answer; 0 when none came.
    double waitFirstAnswer(int ms)
    {
        const double until = nowMs() + ms;
        while (m_firstAnswer.load() == 0 && nowMs() < until)
            ::usleep(1000);
        return m_firstAnswer.load();
    }

private:
    QByteArray m_socket;
    std::atomic<bool> m_stop{false};
    std::atomic<double> m_firstAnswer{0};
    std::thread m_thread;
};

// Records when files first appear or change in some folders, from an inotify watch read on its own thread.
class FileClock final
{
public:
    FileClock()
        : m_fd(::inotify_init1(IN_CLOEXEC | IN_NONBLOCK))
    {}
    ~FileClock()
    {
        stop();
        ::close(m_fd);
    }
    void watch(const QString &folder, const QString &label)
    {
        const int wd = ::inotify_add_watch(m_fd, QFile::encodeName(folder).constData(),
                                           IN_CREATE | IN_MOVED_TO | IN_MODIFY | IN_CLOSE_WRITE);
        if (wd < 0)
            die(u"cannot watch %1: %2"_s.arg(folder, QString::fromLocal8Bit(std::strerror(errno))));
        m_labels.insert(wd, label);
    }
    void start()
    {
        // Events of the round before (the last disable) are still queued: they are not this enable's.
        char stale[8192];
        while (::read(m_fd, stale, sizeof stale) > 0) {
        }
        m_seen.clear();
        m_stop = false;
        m_thread = std::thread([this] {
            char buffer[8192];
            while (!m_stop.load()) {
                pollfd readable{m_fd, POLLIN, 0};
                if (::poll(&readable, 1, 5) <= 0)
                    continue;
                const double at = nowMs();
                const ssize_t n = ::read(m_fd, buffer, sizeof buffer);
                for (ssize_t offset = 0; offset < n;) {
                    const auto *event = reinterpret_cast<const inotify_event *>(buffer + offset);
                    const QString name = m_labels.value(event->wd) + u'/' +
                                         (event->len ? QString::fromLocal8Bit(event->name) : QString());
                    const std::lock_guard<std::mutex> lock(m_mutex);
                    if (!m_seen.contains(name))
                        m_seen.insert(name, at);
                    offset += ssize_t(sizeof(inotify_event) + event->len);
                }
            }
        });
    }
    void stop()
    {
        m_stop = true;
        if (m_thread.joinable())
            m_thread.join();
    }
    // When `name` ("label/file") was first seen since start(), 0 when never.
    double first(const QString &name)
    {
        const std::lock_guard<std::mutex> lock(m_mutex);
        return m_seen.value(name, 0);
    }

private:
    int m_fd;
    QMap<int, QString> m_labels;
    QMap<QString, double> m_seen;
    std::mutex m_mutex;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

// The files enable leaves, each with what its appearance says; in the order they usually come.
const QList<std::pair<QString, QString>> &phaseMarks()
{
    static const QList<std::pair<QString, QString>> marks{
        {u"state/monitor.lock"_s, u"monitor holds its lock"_s},
        {u"bundle/config.json"_s, u"bundle written"_s},
        {u"state/state.json"_s, u"runtime spawned (state.json)"_s},
        {u"state/container.pid"_s, u"container created (pid file)"_s},
        {u"socket/testvol.sock"_s, u"plugin made its socket"_s},
        {u"state/activate.json"_s, u"/Plugin.Activate answered"_s},
    };
    return marks;
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()).section(u' ', 0, 2) : u"?"_s;
}

struct Timing
{
    double ready = 0;       // the command returned and the socket answered
    double firstAnswer = 0; // the socket first answered (probed from the start)
    double command = 0;     // the command returned
    double disable = 0;
    QMap<QString, double> phases;
};

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? qMax(1, QByteArray(argv[1]).toInt()) : 5;
    if (::geteuid() != 0)
        die(u"run it as root: dockerd and the runtimes need it"_s);
    for (const QString &program : {kDockerd, kDocker})
        if (!QFileInfo(program).isExecutable())
            die(u"%1 is missing (Debian's docker.io)"_s.arg(program));
    const auto runc = core::RuntimeChoice::byName(u"runc"_s);
    const auto crun = core::RuntimeChoice::byName(u"crun"_s);
    if (!runc || !crun)
        die((runc ? crun.error() : runc.error()).message);
    // PLUGDESK_BENCH_CTL: another build's plugdeskctl (an older commit's, to compare; one that knows no engine.json
    // runs its "crun" rounds with runc too).
    const QString ctl = qEnvironmentVariable("PLUGDESK_BENCH_CTL", QStringLiteral(PLUGDESKCTL));

    // Short paths: the plugins' socket paths (with 64-character ids) must fit a unix socket address.
    QTemporaryDir dir(u"/tmp/pdbe-XXXXXX"_s);
    if (!dir.isValid())
        die(u"no temp folder"_s);
    const QString base = dir.path();
    const QString folder = base + u"/plugin"_s;
    if (!testutil::writeTestPluginFolder(folder, QStringLiteral(TEST_PLUGIN_BINARY)))
        die(u"cannot write the plugin folder"_s);

    // dockerd, as tst_volumes' walkthrough starts it.
    const QString exec = base + u"/x"_s;
    const QString dockerSocket = base + u"/docker.sock"_s;
    const std::vector<QByteArray> daemonArgs{QFile::encodeName(kDockerd),
                                             "--data-root",
                                             QFile::encodeName(base + u"/data"_s),
                                             "--exec-root",
                                             QFile::encodeName(exec),
                                             "--pidfile",
                                             QFile::encodeName(base + u"/docker.pid"_s),
                                             "-H",
                                             QFile::encodeName(u"unix://"_s + dockerSocket),
                                             "--bridge=none",
                                             "--iptables=false"};
    const pid_t daemon = ::fork();
    if (daemon == 0) {
        std::vector<char *> args;
        for (const QByteArray &a : daemonArgs)
            args.push_back(const_cast<char *>(a.constData()));
        args.push_back(nullptr);
        const QByteArray log = QFile::encodeName(base + u"/dockerd.log"_s);
        const int fd = ::open(log.constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        ::dup2(fd, 1);
        ::dup2(fd, 2);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    cleanups().push_back([daemon] {
        ::kill(daemon, SIGTERM);
        for (int i = 0; i < 200; ++i) {
            if (::waitpid(daemon, nullptr, WNOHANG) == daemon)
                return;
            ::usleep(100 * 1000);
        }
        ::kill(daemon, SIGKILL);
        ::waitpid(daemon, nullptr, 0);
    });
    qputenv("DOCKER_HOST", (u"unix://"_s + dockerSocket).toUtf8());
    const double daemonDeadline = nowMs() + 30000;
    while (run({kDocker, u"version"_s}).exitStatus != 0) {
        if (nowMs() > daemonDeadline || ::waitpid(daemon, nullptr, WNOHANG) == daemon) {
            QFile log(base + u"/dockerd.log"_s);
            log.open(QIODevice::ReadOnly);
            die(u"dockerd did not start: "_s + QString::fromUtf8(log.readAll().right(600)));
        }
        ::usleep(100 * 1000);
    }

    // The same plugin in both.
    const QString store = base + u"/s"_s;
    const QString runRoot = base + u"/r"_s;
    const QStringList pd{ctl, u"--root"_s, store, u"--run"_s, runRoot};
    qputenv("PLUGDESK_DOCKER_PLUGINS_DIR", QFile::encodeName(base + u"/published"_s));
    mustRun({kDocker, u"plugin"_s, u"create"_s, kName, folder});
    cleanups().push_back([] { (void)core::RuncRuntime::runCommand({kDocker, u"plugin"_s, u"rm"_s, u"-f"_s, kName}); });
    mustRun(pd + QStringList{u"plugin"_s, u"create"_s, kName, folder});
    cleanups().push_back([pd] {
        (void)core::RuncRuntime::runCommand(pd + QStringList{u"plugin"_s, u"rm"_s, u"-f"_s, kName});
    });
    const QString dockerId =
        QString::fromUtf8(mustRun({kDocker, u"plugin"_s, u"inspect"_s, u"-f"_s, u"{{.Id}}"_s, kName}).output.trimmed());
    const QString plugdeskId =
        QString::fromUtf8(mustRun(pd + QStringList{u"plugin"_s, u"ls"_s, u"-q"_s, u"--no-trunc"_s}).output.trimmed());
    // dockerd 20.10 keeps its plugins' sockets in /run/docker/plugins/<id>/ whatever its --exec-root.
    const QString dockerSocketOfPlugin = u"/run/docker/plugins/"_s + dockerId + u"/testvol.sock"_s;
    const core::RunLayout layout(runRoot);
    const QString plugdeskSocket = layout.socketPath(plugdeskId, u"testvol.sock"_s);

    auto chooseRuntime = [&](const QString &name) {
        QFile file(core::RuntimeChoice::settingsPath(store));
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
            file.write(QJsonDocument(QJsonObject{{u"runtime"_s, name}}).toJson()) < 0)
            die(u"cannot write "_s + file.fileName());
    };

    FileClock clock;
    bool watching = false;
    auto timeOne = [&](const QString &contender) {
        Timing timing;
        const bool docker = contender == u"docker";
        if (!docker)
            chooseRuntime(contender.section(u'-', 1));
        const QStringList enable = docker ? QStringList{kDocker, u"plugin"_s, u"enable"_s, kName}
                                          : pd + QStringList{u"plugin"_s, u"enable"_s, kName};
        const QStringList disable = docker ? QStringList{kDocker, u"plugin"_s, u"disable"_s, kName}
                                           : pd + QStringList{u"plugin"_s, u"disable"_s, kName};
        if (!docker && watching)
            clock.start();
        double start = 0;
        {
            Probe probe(docker ? dockerSocketOfPlugin : plugdeskSocket);
            start = nowMs();
            mustRun(enable);
            timing.command = nowMs() - start;
            const double first = probe.waitFirstAnswer(10000);
            if (first == 0)
                die(contender + u": the socket did not answer within 10 s of the enable"_s);
            timing.firstAnswer = first - start;
            timing.ready = qMax(timing.command, timing.firstAnswer);
        }
        if (!docker && watching) {
            clock.stop();
            // When the files each step leaves appeared, from the start of the command (the monitor loads while the
            // bundle is written, so these overlap rather than follow each other).
            for (const auto &[file, label] : phaseMarks()) {
                if (const double at = clock.first(file); at != 0)
                    timing.phases.insert(label, at - start);
            }
            timing.phases.insert(u"command returned"_s, timing.command);
        }
        const double disableStart = nowMs();
        mustRun(disable);
        timing.disable = nowMs() - disableStart;
        return timing;
    };

    const QStringList contenders{u"docker"_s, u"plugdesk-runc"_s, u"plugdesk-crun"_s};
    std::printf("bench_enable: %d rounds, load average at start %s, %s, %s and %s, Docker %s\n", rounds,
                qPrintable(loadAverage()), qPrintable(ctl), qPrintable(runc->binary), qPrintable(crun->binary),
                mustRun({kDocker, u"version"_s, u"-f"_s, u"{{.Server.Version}}"_s}).output.trimmed().constData());
    // Warm-up (not counted): caches, and the state folders the phase watch needs.
    for (const QString &contender : contenders)
        timeOne(contender);
    clock.watch(layout.stateDir(plugdeskId), u"state"_s);
    clock.watch(layout.bundleDir(plugdeskId), u"bundle"_s);
    clock.watch(layout.socketDir(plugdeskId), u"socket"_s);
    watching = true;

    QMap<QString, QList<Timing>> results;
    for (int round = 0; round < rounds; ++round) {
        QStringList order = contenders;
        std::rotate(order.begin(), order.begin() + round % order.size(), order.end());
        std::printf("round %d:", round + 1);
        for (const QString &contender : std::as_const(order)) {
            const Timing timing = timeOne(contender);
            results[contender].append(timing);
            std::printf("  %s %.0f ms (socket first %.0f, command %.0f)", qPrintable(contender), timing.ready,
                        timing.firstAnswer, timing.command);
            std::fflush(stdout);
        }
        std::printf("\n");
    }

    auto medianOf = [&](const QString &contender, double Timing::*field) {
        QList<double> values;
        for (const Timing &timing : results.value(contender))
            values.append(timing.*field);
        return median(values);
    };
    std::printf("\nmedians of %d rounds (ms)          ready  socket-first  command  disable\n", rounds);
    for (const QString &contender : contenders)
        std::printf("  %-32s %6.0f  %12.0f  %7.0f  %7.0f\n", qPrintable(contender), medianOf(contender, &Timing::ready),
                    medianOf(contender, &Timing::firstAnswer), medianOf(contender, &Timing::command),
                    medianOf(contender, &Timing::disable));
    const double dockerReady = medianOf(u"docker"_s, &Timing::ready);
    const double dockerFirst = medianOf(u"docker"_s, &Timing::firstAnswer);
    std::printf("\nratios Plugdesk/Docker (medians)   ready  socket-first\n");
    for (const QString &contender : {u"plugdesk-runc"_s, u"plugdesk-crun"_s})
        std::printf("  %-32s %6.2fx %12.2fx\n", qPrintable(contender),
                    medianOf(contender, &Timing::ready) / dockerReady,
                    medianOf(contender, &Timing::firstAnswer) / dockerFirst);
    // Per round too: the alternation keeps each round's machine load alike for all three.
    std::printf("  per round (ready):");
    for (int round = 0; round < rounds; ++round)
        std::printf(" %.2f/%.2f", results[u"plugdesk-runc"_s].at(round).ready / results[u"docker"_s].at(round).ready,
                    results[u"plugdesk-crun"_s].at(round).ready / results[u"docker"_s].at(round).ready);
    std::printf("  (runc/crun)\n");

    std::printf("\nPlugdesk timeline, ms from the start of the command (medians)   runc    crun\n");
    QStringList phaseOrder;
    for (const auto &mark : phaseMarks())
        phaseOrder.append(mark.second);
    phaseOrder.append(u"command returned"_s);
    for (const QString &phase : std::as_const(phaseOrder)) {
        QList<double> byRuntime[2];
        for (int i = 0; i < 2; ++i) {
            for (const Timing &timing : results.value(i == 0 ? u"plugdesk-runc"_s : u"plugdesk-crun"_s)) {
                if (timing.phases.contains(phase))
                    byRuntime[i].append(timing.phases.value(phase));
            }
        }
        std::printf("  %-60s %5.0f   %5.0f\n", qPrintable(phase), median(byRuntime[0]), median(byRuntime[1]));
    }
    std::printf("\nload average at the end %s\n", qPrintable(loadAverage()));

    cleanUp();
    return 0;
}
