#include "core/runtime/pluginmonitor.h"

#include "core/base/libcurl.h"
#include "core/base/units.h"
#include "core/runtime/runtimestatefile.h"
#include "core/runtime/spawn.h"
#include "core/runtime/volumebind.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace core {

struct PluginMonitor::Stream
{
    QByteArray name;
    int fd = -1;
    QByteArray partial;
};

namespace {

qint64 monotonicMs()
{
    timespec ts{};
    ::clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
}

bool processExists(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

int pidfdOpen(qint64 pid)
{
#ifdef SYS_pidfd_open
    return int(::syscall(SYS_pidfd_open, pid_t(pid), 0));
#else
    Q_UNUSED(pid);
    return -1;
#endif
}

// The parent pid of `pid` from /proc/<pid>/stat, 0 when unknown.
qint64 parentOf(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    const qsizetype close = text.lastIndexOf(')');
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() : 0;
}

} // namespace

PluginMonitor::PluginMonitor(Options options)
    : m_options(std::move(options))
    , m_runtime(m_options.runRoot, m_options.runc)
{}

PluginMonitor::~PluginMonitor()
{
    for (int fd : {m_signalFd, m_pidFd, m_lockFd}) {
        if (fd >= 0)
            ::close(fd);
    }
}

qint64 PluginMonitor::now() const
{
    return monotonicMs();
}

bool PluginMonitor::takeLock()
{
    const RunLayout &layout = m_runtime.layout();
    QDir().mkpath(layout.stateDir(m_options.id));
    m_lockFd = ::open(QFile::encodeName(layout.lockPath(m_options.id)).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (m_lockFd < 0 || ::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0)
        return false;
    const QByteArray pid = QByteArray::number(qint64(::getpid())) + '\n';
    if (::ftruncate(m_lockFd, 0) == 0)
        (void)::pwrite(m_lockFd, pid.constData(), pid.size(), 0);
    return true;
}

void PluginMonitor::note(const QString &text)
{
    if (m_log)
        m_log->append("monitor", text.toUtf8());
}

void PluginMonitor::writeState()
{
    m_state.monitorPid = ::getpid();
    (void)RuntimeStateFile::write(m_runtime.layout().statePath(m_options.id), m_state);
    // A new state is announced by the helper, from the file; if it exited when idle, the bus starts it again.
    if (m_wakeup && m_announced != m_state.status) {
        m_announced = m_state.status;
        m_wakeup->request();
    }
}

int PluginMonitor::run()
{
    const bool locked = takeLock();
    // Whoever started us waits for this (MonitorStart::waitLocked); the socket's end alone says "not us".
    if (m_options.controlFd >= 0 && locked)
        (void)::send(m_options.controlFd, "L", 1, MSG_NOSIGNAL);
    if (!locked) {
        if (m_options.controlFd >= 0)
            ::close(m_options.controlFd);
        return 0; // another monitor supervises this plugin: never two
    }
    ::prctl(PR_SET_CHILD_SUBREAPER, 1);
    ::signal(SIGPIPE, SIG_IGN);
    sigset_t signals;
    sigemptyset(&signals);
    for (int sig : {SIGTERM, SIGINT, SIGHUP, SIGCHLD})
        sigaddset(&signals, sig);
    ::sigprocmask(SIG_BLOCK, &signals, nullptr);
    m_signalFd = ::signalfd(-1, &signals, SFD_CLOEXEC | SFD_NONBLOCK);
    // After the mask: the bus connection's thread must not take the signals meant for the signalfd.
    if (!m_options.helperBus.isEmpty())
        m_wakeup = std::make_unique<HelperWakeup>(m_options.helperBus);

    const RunLayout &layout = m_runtime.layout();
    m_log = std::make_unique<RotatingLog>(layout.logPath(m_options.id), m_options.logMaxBytes, m_options.logFiles);
    if (auto previous = RuntimeStateFile::read(layout.statePath(m_options.id)))
        m_state.restarts = previous->restarts;

    // Held back until the bundle is written (the starter loaded us meanwhile); a SIGTERM or the starter's end without
    // "G" means the plugin is not to run.
    if (m_options.controlFd >= 0) {
        const bool go = waitForGo();
        ::close(m_options.controlFd);
        m_options.controlFd = -1;
        if (!go)
            return 0;
    }

    auto existing = m_runtime.state(m_options.id);
    if (existing && existing->isRunning()) {
        adopt(existing->pid);
    } else {
        m_state.restarts = 0;
        if (existing && existing->exists)
            (void)m_runtime.remove(m_options.id);
        if (auto started = startContainer(); !started) {
            note(started.error().message);
            m_state.status = PluginRuntimeState::Status::Failed;
            m_state.message = started.error().message;
            cleanUp();
            writeState();
            return 1;
        }
    }

    startProxy();

    while (!m_done) {
        int timeout = -1;
        if (m_restartAt >= 0)
            timeout = int(qMax<qint64>(0, m_restartAt - now()));
        if (m_runcPid > 0 && m_state.containerPid == 0)
            timeout = timeout < 0 ? 50 : qMin(timeout, 50);
        if (m_runcPid > 0 && !m_everReady)
            timeout = timeout < 0 ? 100 : qMin(timeout, 100); // until the socket shows up
        if (m_pidFd < 0 && m_adoptedRunc == 0 && m_state.containerPid > 0 && m_runcPid == 0)
            timeout = timeout < 0 ? 500 : qMin(timeout, 500); // adopted without pidfd: poll the pid
        pollOnce(timeout);
        if (m_stopRequested) {
            stopContainer();
            cleanUp();
            m_state.status = PluginRuntimeState::Status::Stopped;
            m_state.containerPid = 0;
            m_state.message = tr("stopped on request");
            writeState();
            note(QStringLiteral("stopped"));
            return 0;
        }
        if (m_restartAt >= 0 && now() >= m_restartAt) {
            m_restartAt = -1;
            ++m_state.restarts;
            if (auto started = startContainer(); !started) {
                note(started.error().message);
                onContainerExit(std::nullopt);
            }
        }
    }
    return m_exitCode;
}

bool PluginMonitor::waitForGo()
{
    for (;;) {
        pollfd fds[2] = {{m_options.controlFd, POLLIN, 0}, {m_signalFd, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return false;
        }
        if (fds[1].revents) {
            signalfd_siginfo info{};
            while (::read(m_signalFd, &info, sizeof info) == sizeof info) {
                if (info.ssi_signo != SIGCHLD && info.ssi_signo != SIGHUP)
                    return false;
            }
        }
        if (fds[0].revents) {
            char byte = 0;
            const ssize_t n = ::read(m_options.controlFd, &byte, 1);
            if (n < 0 && errno == EINTR)
                continue;
            return n == 1 && byte == 'G';
        }
    }
}

Status PluginMonitor::startContainer()
{
    const RunLayout &layout = m_runtime.layout();
    QFile::remove(layout.pidFilePath(m_options.id));
    QFile::remove(m_options.socketPath); // a stale socket would pass for readiness
    auto spawned = spawnWithPipes(m_runtime.runArguments(m_options.id), m_runtime.needsLegacyCgroupView());
    if (!spawned)
        return spawned.error();
    const pid_t pid = spawned->pid;
    int out[2] = {spawned->out, -1};
    int err[2] = {spawned->err, -1};
    ::fcntl(out[0], F_SETFL, O_NONBLOCK);
    ::fcntl(err[0], F_SETFL, O_NONBLOCK);
    m_stdout = std::make_unique<Stream>(Stream{"stdout", out[0], {}});
    m_stderr = std::make_unique<Stream>(Stream{"stderr", err[0], {}});
    m_runcPid = pid;
    m_state.status = PluginRuntimeState::Status::Starting;
    m_state.containerPid = 0;
    m_state.lastStart = QDateTime::currentDateTimeUtc();
    m_state.nextRestart = {};
    m_state.message.clear();
    m_lastError.clear();
    writeState();
    note(QStringLiteral("starting the plugin (runc run, attempt %1)").arg(m_state.restarts + 1));
    return {};
}

void PluginMonitor::adopt(qint64 pid)
{
    m_state.status = PluginRuntimeState::Status::Running;
    m_state.containerPid = pid;
    m_everReady = true;
    m_adoptedRunc = parentOf(pid);
    m_pidFd = pidfdOpen(pid);
    writeState();
    note(QStringLiteral("adopted the running container (pid %1) after its monitor was lost; output the plugin wrote "
                        "since then is lost, and its output is not captured until it restarts")
             .arg(pid));
}

void PluginMonitor::pollOnce(int timeoutMs)
{
    std::vector<pollfd> fds;
    fds.push_back({m_signalFd, POLLIN, 0});
    if (m_stdout && m_stdout->fd >= 0)
        fds.push_back({m_stdout->fd, POLLIN, 0});
    if (m_stderr && m_stderr->fd >= 0)
        fds.push_back({m_stderr->fd, POLLIN, 0});
    if (m_pidFd >= 0)
        fds.push_back({m_pidFd, POLLIN, 0});
    if (::poll(fds.data(), fds.size(), timeoutMs) < 0 && errno != EINTR)
        return;

    for (const pollfd &fd : fds) {
        if (!fd.revents)
            continue;
        if (m_stdout && fd.fd == m_stdout->fd)
            readStream(*m_stdout, false);
        else if (m_stderr && fd.fd == m_stderr->fd)
            readStream(*m_stderr, false);
    }
    signalfd_siginfo info{};
    while (::read(m_signalFd, &info, sizeof info) == sizeof info) {
        if (info.ssi_signo == SIGCHLD)
            continue; // reaped below
        if (info.ssi_signo != SIGHUP)
            m_stopRequested = true;
    }
    checkReady();
    reapChildren();

    // The container pid appears in the pid file once runc has started it.
    if (m_runcPid > 0 && m_state.containerPid == 0) {
        QFile pidFile(m_runtime.layout().pidFilePath(m_options.id));
        if (pidFile.open(QIODevice::ReadOnly)) {
            const qint64 pid = pidFile.readAll().trimmed().toLongLong();
            if (pid > 0) {
                m_state.containerPid = pid;
                m_state.status = PluginRuntimeState::Status::Running;
                writeState();
            }
        }
    }
    // An adopted container: its exit shows on the pidfd (or, without one, the pid vanishes).
    if (m_runcPid == 0 && m_state.containerPid > 0 && !m_stopRequested) {
        bool exited = false;
        if (m_pidFd >= 0) {
            pollfd fd{m_pidFd, POLLIN, 0};
            exited = ::poll(&fd, 1, 0) > 0;
        } else {
            exited = !processExists(m_state.containerPid);
        }
        if (exited) {
            // Its orphaned `runc run` deletes the container as it exits; wait for it so that our next `runc run`
            // with the same id does not race with that clean-up.
            QElapsedTimer waited;
            waited.start();
            while (processExists(m_adoptedRunc) && parentOf(m_adoptedRunc) != 0 && waited.elapsed() < 5000) {
                reapChildren();
                ::usleep(50 * 1000);
            }
            if (m_pidFd >= 0)
                ::close(m_pidFd);
            m_pidFd = -1;
            m_adoptedRunc = 0;
            (void)m_runtime.remove(m_options.id);
            onContainerExit(std::nullopt);
        }
    }
}

void PluginMonitor::checkReady()
{
    if (m_everReady)
        return;
    struct stat st
    {};
    if (::lstat(QFile::encodeName(m_options.socketPath).constData(), &st) == 0 && S_ISSOCK(st.st_mode))
        m_everReady = true;
}

void PluginMonitor::readStream(Stream &stream, bool drain)
{
    char buffer[16384];
    for (;;) {
        const ssize_t n = ::read(stream.fd, buffer, sizeof buffer);
        if (n > 0) {
            stream.partial.append(buffer, n);
            // The lines are taken from the front and removed at once: removing each line in turn moved the rest of
            // the buffer every time, which a plugin flooding stdout with short lines made quadratic.
            qsizetype start = 0;
            qsizetype newline;
            QList<QByteArray> lines;
            while ((newline = stream.partial.indexOf('\n', start)) >= 0) {
                const QByteArray line = stream.partial.mid(start, newline - start);
                if (stream.name == "stderr" && !line.trimmed().isEmpty())
                    m_lastError = line.trimmed().left(1000);
                lines.append(line);
                start = newline + 1;
            }
            m_log->appendLines(stream.name, lines);
            stream.partial.remove(0, start);
            // A line that never ends is cut, so memory stays bounded.
            if (stream.partial.size() > 64 * KiB) {
                m_log->append(stream.name, stream.partial);
                stream.partial.clear();
            }
            if (!drain)
                return;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && errno == EAGAIN)
            return;
        // End of stream: every writer is gone.
        if (stream.name == "stderr" && !stream.partial.trimmed().isEmpty())
            m_lastError = stream.partial.trimmed().left(1000);
        if (!stream.partial.isEmpty())
            m_log->append(stream.name, stream.partial);
        stream.partial.clear();
        ::close(stream.fd);
        stream.fd = -1;
        return;
    }
}

void PluginMonitor::reapChildren()
{
    for (;;) {
        int status = 0;
        const pid_t pid = ::waitpid(-1, &status, WNOHANG);
        if (pid <= 0)
            return;
        if (pid == m_runcPid) {
            m_runcPid = 0;
            const int exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            if (!m_stopRequested)
                onContainerExit(exit);
            else
                m_state.lastExitStatus = exit;
        }
        // Anything else is an orphan we inherited as subreaper; reaping it is all we owe it.
    }
}

void PluginMonitor::onContainerExit(std::optional<int> status)
{
    for (Stream *stream : {m_stdout.get(), m_stderr.get()}) {
        if (stream && stream->fd >= 0)
            readStream(*stream, true);
    }
    m_state.lastExitStatus = status;
    m_state.lastExit = QDateTime::currentDateTimeUtc();
    m_state.containerPid = 0;
    note(status ? QStringLiteral("the plugin exited with status %1").arg(*status)
                : QStringLiteral("the plugin exited (status unknown: it was adopted)"));
    checkReady(); // a plugin that made its socket and died at once still ran
    (void)m_runtime.remove(m_options.id);
    QFile::remove(m_options.socketPath);

    const QString lastError = QString::fromUtf8(m_lastError);
    if (!m_everReady) {
        // It never became ready: another try would fail the same way (a missing binary, a bad argument), so say
        // why now instead of retrying for half a minute.
        m_state.status = PluginRuntimeState::Status::Failed;
        m_state.nextRestart = {};
        const QString exit =
            status ? tr("exited with status %1 before it was ready").arg(*status) : tr("exited before it was ready");
        m_state.message = lastError.isEmpty() ? exit : tr("%1: %2").arg(exit, lastError);
        note(m_state.message);
        cleanUp();
        writeState();
        m_done = true;
        m_exitCode = 1;
        return;
    }

    const qint64 t = now();
    m_crashes.append(t);
    while (!m_crashes.isEmpty() && t - m_crashes.first() > m_options.crashWindowMs)
        m_crashes.removeFirst();
    if (m_crashes.size() >= m_options.crashLimit) {
        m_state.status = PluginRuntimeState::Status::Failed;
        m_state.message =
            tr("the plugin crashed %n time(s) within %1 s; not restarting it again", nullptr, int(m_crashes.size()))
                .arg(m_options.crashWindowMs / 1000);
        if (!lastError.isEmpty())
            m_state.message = tr("%1 (last error: %2)").arg(m_state.message, lastError);
        m_state.nextRestart = {};
        note(m_state.message);
        cleanUp();
        writeState();
        m_done = true;
        m_exitCode = 1;
        return;
    }
    qint64 backoff = m_options.backoffMs;
    for (qsizetype i = 1; i < m_crashes.size() && backoff < m_options.backoffMaxMs; ++i)
        backoff *= 2;
    backoff = qMin<qint64>(backoff, m_options.backoffMaxMs);
    m_restartAt = t + backoff;
    m_state.status = PluginRuntimeState::Status::Restarting;
    m_state.nextRestart = QDateTime::currentDateTimeUtc().addMSecs(backoff);
    m_state.message = status ? tr("exited with status %1").arg(*status) : tr("exited");
    if (!lastError.isEmpty())
        m_state.message = tr("%1: %2").arg(m_state.message, lastError);
    writeState();
    note(QStringLiteral("restarting in %1 ms").arg(backoff));
}

void PluginMonitor::stopContainer()
{
    m_restartAt = -1;
    auto running = [this] {
        return m_runcPid > 0 || (m_state.containerPid > 0 && processExists(m_state.containerPid));
    };
    auto waitUntilGone = [&](int ms) {
        const qint64 deadline = now() + ms;
        while (running() && now() < deadline)
            pollOnce(50);
        return !running();
    };
    if (!running()) {
        (void)m_runtime.remove(m_options.id);
        return;
    }
    note(QStringLiteral("stopping the plugin: SIGTERM"));
    (void)m_runtime.kill(m_options.id, QStringLiteral("TERM"));
    if (!waitUntilGone(m_options.stopTimeoutMs)) {
        note(QStringLiteral("the plugin did not stop within %1 s: SIGKILL").arg(m_options.stopTimeoutMs / 1000));
        (void)m_runtime.kill(m_options.id, QStringLiteral("KILL"));
        if (m_state.containerPid > 0)
            ::kill(pid_t(m_state.containerPid), SIGKILL);
        waitUntilGone(10000);
    }
    for (Stream *stream : {m_stdout.get(), m_stderr.get()}) {
        if (stream && stream->fd >= 0)
            readStream(*stream, true);
    }
    (void)m_runtime.remove(m_options.id);
}

void PluginMonitor::cleanUp()
{
    QFile::remove(m_options.socketPath);
    if (m_proxy) {
        m_proxy->stop();
        m_proxy.reset();
    }
    VolumeBind::releaseAll(m_runtime.layout().bindDir(m_options.id));
    RuncRuntime::releaseMount(m_options.propagatedMount);
    QFile::remove(m_runtime.layout().pidFilePath(m_options.id));
}

void PluginMonitor::startProxy()
{
    // Started after the signal mask is set, so its threads never take SIGTERM meant for the signalfd.
    if (m_options.publishedLink.isEmpty())
        return;
    VolumeDriverInfo mapping;
    mapping.name = m_options.name;
    mapping.pluginId = m_options.id;
    mapping.propagatedMount = m_options.pluginPropagatedMount;
    mapping.hostPropagatedMount = m_options.propagatedMount;
    mapping.rootfs = m_options.rootfs;
    LibCurl::preload(); // the proxy forwards through libcurl: it loads now rather than at the first request
    m_proxy = std::make_unique<SocketProxy>(m_options.publishedLink, m_options.socketPath, mapping,
                                            m_runtime.layout().publishedPath(m_options.id),
                                            m_runtime.layout().bindDir(m_options.id));
    // Publishing is a courtesy to other engines: a name taken by something else does not stop the plugin.
    if (auto started = m_proxy->start(); !started) {
        note(started.error().message);
        m_proxy.reset();
        return;
    }
    note(QStringLiteral("serving %1 for other engines").arg(m_options.publishedLink));
}

} // namespace core
