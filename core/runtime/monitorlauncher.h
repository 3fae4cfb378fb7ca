#pragma once

#include "core/base/result.h"
#include "core/base/units.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <utility>

namespace core {

// What a plugin's monitor (PluginMonitor, the plugdesk-monitor binary) is started with.
struct MonitorOptions
{
    QString runRoot;
    QString id;
    QString name; // "acme/testvol:latest", for messages
    QString runc;
    QString socketPath;            // removed at stop
    QString publishedLink;         // the published socket the proxy serves (DIR/<name>.sock), removed at stop
    QString propagatedMount;       // host side; unmounted at stop
    QString pluginPropagatedMount; // PropagatedMount inside the plugin, for mapping mountpoints
    QString rootfs;                // the plugin's rootfs on the host, for mapping mountpoints
    // Tunables; the environment can override them (PLUGDESK_RESTART_BACKOFF_MS, PLUGDESK_RESTART_BACKOFF_MAX_MS,
    // PLUGDESK_RESTART_LIMIT, PLUGDESK_RESTART_WINDOW_MS, PLUGDESK_STOP_TIMEOUT_MS, PLUGDESK_LOG_MAX_BYTES).
    int backoffMs = 1000;
    int backoffMaxMs = 60000;
    int crashLimit = 5;
    qint64 crashWindowMs = qint64{5} * 60 * 1000;
    int stopTimeoutMs = 10000;
    qint64 logMaxBytes = MiB;
    int logFiles = 3;
    // The bus of the helper that started the monitor, from $PLUGDESK_MONITOR_BUS (the helper sets it for the
    // monitors it launches): the monitor asks it to start the helper after each new state (HelperWakeup). Empty
    // when no helper started it (root's plugdeskctl): nothing goes on any bus.
    QString helperBus;
    // `--control-fd N`: a socket to whoever started the monitor (MonitorStart). The monitor writes "L" into it once
    // it holds its lock, then waits for "G" before it starts or adopts the plugin; the socket's end without "G" means
    // "do not start": the monitor exits. -1: none, it starts at once.
    int controlFd = -1;
};

// A monitor just started, held back until its plugin may start: the launcher's end of the control socket. The
// monitor loads while the caller writes the bundle; closing without go() makes it exit having started nothing.
class MonitorStart final
{
    Q_DECLARE_TR_FUNCTIONS(MonitorStart)

public:
    MonitorStart() = default;
    explicit MonitorStart(int fd)
        : m_fd(fd)
    {}
    MonitorStart(MonitorStart &&other) noexcept
        : m_fd(std::exchange(other.m_fd, -1))
    {}
    MonitorStart &operator=(MonitorStart &&other) noexcept;
    MonitorStart(const MonitorStart &) = delete;
    MonitorStart &operator=(const MonitorStart &) = delete;
    ~MonitorStart();

    // Waits until the monitor holds its lock. False when it exited without taking it (another monitor holds it, or
    // it failed), Timeout after `timeoutMs`.
    Result<bool> waitLocked(int timeoutMs);
    // Lets the monitor start (or adopt) the plugin; from here on it is on its own.
    void go();

private:
    int m_fd = -1;
};

// Starting a plugin's monitor and finding a live one, for the runner and the engine: the command line both sides
// agree on, the fully detached start (the monitor outlives whoever started it), and the lock holder probe. Owns
// nothing; the monitor process itself is PluginMonitor.
class MonitorLauncher final
{
    Q_DECLARE_TR_FUNCTIONS(MonitorLauncher)

public:
    using Options = MonitorOptions;

    // `--run DIR --id ID --runc PATH --socket PATH [--name NAME] [--link PATH] [--propagated PATH]
    // [--plugin-propagated PATH] [--rootfs PATH] [--control-fd N]`, tunables from the environment. `--runc` names the
    // OCI runtime's binary, runc or crun.
    static Result<MonitorOptions> parseArguments(const QStringList &arguments);
    static QStringList toArguments(const MonitorOptions &options);

    // Starts `binary` with `options` fully detached and returns at once, the monitor held back (MonitorStart): one
    // posix_spawn (no shell, no fork of this possibly large process) in a new session with stdio on /dev/null,
    // `--detach` first, so the monitor forks once itself and its first process exits at once (nobody has to reap the
    // monitor); `--control-fd` carries the lock report and the go.
    static Result<MonitorStart> start(const QString &binary, const MonitorOptions &options);
    // For the monitor's main: when argv[1] is `--detach`, forks; the parent exits 0 at once (so the launcher reaps
    // it), the child goes on, no longer anyone's child but init's (or a subreaper's). Returns the remaining arguments.
    static QStringList detachIfAsked(int argc, char *argv[]);
    // The pid holding the monitor lock of `id` (read from /proc/locks), 0 when no monitor lives.
    static qint64 lockHolder(const QString &lockPath);
};

} // namespace core
