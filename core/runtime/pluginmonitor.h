#pragma once

#include "core/base/result.h"
#include "core/plugin/pluginruntimestate.h"
#include "core/runtime/helperwakeup.h"
#include "core/runtime/monitorlauncher.h"
#include "core/runtime/rotatinglog.h"
#include "core/runtime/runcruntime.h"
#include "core/runtime/socketproxy.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

namespace core {

// The per-plugin supervisor (containerd's shim pattern), the whole of the plugdesk-monitor binary. Started
// detached at enable, it outlives the CLI, the helper and the window:
//  - holds flock on <state>/monitor.lock for its whole life, so a second monitor for the same plugin exits at once;
//  - is the child subreaper and runs `runc run` in the foreground as its child (container id = plugin id);
//  - writes the plugin's stdout and stderr into the rotated plugin.log;
//  - records state.json (pids, state, restarts, last exit), and after each new state asks the bus of the helper that
//    started it to start the helper again (HelperWakeup), so that the change is announced even when it had exited;
//  - restarts a crashed plugin with backoff (1, 2, 4 ... 60 s) and gives up after 5 crashes in 5 minutes (failed);
//    a plugin that exits before it ever made its socket is not restarted at all: it failed, with its last error
//    line as the cause (backoff is for plugins that ran and then died, not for ones that cannot start);
//  - adopts a container that is already running (its earlier monitor died): watches its pid, restarts on exit;
//  - serves the published socket for other engines (SocketProxy on a thread of its own), so that it outlives the
//    CLI, forwarding to the plugin and rewriting mountpoints to host paths;
//  - on SIGTERM: SIGTERM to the plugin, 10 s, SIGKILL, runc delete, removes the socket, the published socket and
//    the propagated mount, records stopped, exits.
// It does not touch the store: whether a plugin is enabled is the engine's business. Its arguments, its detached
// start and the "is a monitor alive" probe are MonitorLauncher's (core/runtime/monitorlauncher.h).
class PluginMonitor final
{
    Q_DECLARE_TR_FUNCTIONS(PluginMonitor)

public:
    using Options = MonitorOptions;

    explicit PluginMonitor(Options options);
    ~PluginMonitor();

    // Runs until the plugin is stopped (SIGTERM) or has failed; the process exit status.
    int run();

private:
    struct Stream;

    bool takeLock();
    // Waits for the starter's "G" on the control socket; false on its end, anything else, or SIGTERM.
    bool waitForGo();
    Status startContainer();
    void adopt(qint64 pid);
    void pollOnce(int timeoutMs);
    void readStream(Stream &stream, bool drain);
    void reapChildren();
    void onContainerExit(std::optional<int> status);
    void checkReady();
    void stopContainer();
    void cleanUp();
    void startProxy();
    void writeState();
    void note(const QString &text);
    qint64 now() const;

    Options m_options;
    RuncRuntime m_runtime;
    std::unique_ptr<RotatingLog> m_log;
    PluginRuntimeState m_state;
    QList<qint64> m_crashes; // monotonic ms of recent crashes
    std::unique_ptr<Stream> m_stdout;
    std::unique_ptr<Stream> m_stderr;
    std::unique_ptr<SocketProxy> m_proxy;
    std::unique_ptr<HelperWakeup> m_wakeup;
    std::optional<PluginRuntimeState::Status> m_announced; // the last state the helper was woken for
    int m_lockFd = -1;
    int m_signalFd = -1;
    int m_pidFd = -1;         // adopted container
    qint64 m_adoptedRunc = 0; // the orphaned `runc run` of an adopted container
    qint64 m_runcPid = 0;     // our `runc run` child
    qint64 m_restartAt = -1;  // monotonic ms, -1: none pending
    bool m_everReady = false; // the plugin made its socket at least once under this monitor (or was adopted)
    QByteArray m_lastError;   // the last line the plugin or runc wrote to stderr
    bool m_stopRequested = false;
    bool m_done = false;
    int m_exitCode = 0;
};

} // namespace core
