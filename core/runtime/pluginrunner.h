#pragma once

#include "core/base/result.h"
#include "core/plugin/plugin.h"
#include "core/plugin/pluginruntimestate.h"
#include "core/runtime/runcruntime.h"
#include "core/store/store.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>
#include <atomic>
#include <functional>
#include <optional>

namespace core {

// Starts and stops plugins for an engine: enable (bundle, monitor, readiness, /Plugin.Activate, publishing,
// then Active in the store), disable (monitor stop, nothing left behind, then inactive), restore after a restart,
// runtime state and logs. Blocking calls, meant for a worker thread. Takes the StoreLock around every store write
// and never holds it while waiting for a plugin. The process itself is supervised by plugdesk-monitor, not here.
class PluginRunner final
{
    Q_DECLARE_TR_FUNCTIONS(PluginRunner)

public:
    PluginRunner(QString storeRoot, const QString &runRoot);

    // PLUGDESK_MONITOR, else plugdesk-monitor next to this program or in ../libexec/plugdesk, else on PATH.
    static QString monitorBinary();

    // `progress` receives a line per step; `cancelled` is polled while waiting. Returns the plugin's name.
    Result<QString> enable(const QString &nameOrId, int timeoutSeconds,
                           const std::function<void(const QString &)> &progress = {},
                           const std::function<bool()> &cancelled = {});
    // Runs an enabled plugin again (the window's Start and Restart, `plugdeskctl plugin start`): whatever runs is
    // stopped, then the plugin is started and waited for as enable does. The enabled flag is never changed: on
    // failure the plugin stays enabled and its state records the cause (failed). Conflict for a disabled plugin.
    Result<QString> start(const QString &nameOrId, int timeoutSeconds,
                          const std::function<void(const QString &)> &progress = {},
                          const std::function<bool()> &cancelled = {});
    // Stops the plugin whatever uses it: the engine refuses first when volumes are mounted through it
    // (VolumeService::checkDriverNotInUse, core/volume/ being above this folder).
    Result<QString> disable(const QString &nameOrId);
    // For each enabled plugin: a live monitor is left alone; otherwise a monitor is started, which adopts a
    // running container or starts the plugin. Errors of single plugins are joined.
    Status restore();

    Result<PluginRuntimeState> runtimeState(const Plugin &plugin) const;
    // The same for many plugins: the run folder's state/ is listed once, and a plugin without a folder there (never
    // started since the machine started) is answered without looking for its files one by one.
    QHash<QString, PluginRuntimeState> runtimeStates(const QList<Plugin> &plugins) const;
    QString logPath(const Plugin &plugin) const;
    QStringList logTail(const Plugin &plugin, int lines) const;

public:
    // PermissionDenied when the plugin would run with privileges nobody approved (Plugin::unapprovedPrivileges),
    // naming them, or with a kernel filesystem mounted.
    static Status checkApproved(const Plugin &plugin);

private:
    // mayHaveState false: <run>/state/<id> is known not to be there, so none of its files are looked for.
    Result<PluginRuntimeState> runtimeState(const Plugin &plugin, bool mayHaveState) const;
    // enable's and start's `timeoutSeconds`: 0 is the default 30 s, a negative one is refused (Docker's text).
    static Result<int> readyTimeout(int seconds);
    Status startMonitor(const Plugin &plugin);
    // Stops what is left, starts the monitor, waits for the socket and /Plugin.Activate; stops it again on failure.
    Status launch(const Plugin &plugin, int timeoutSeconds, const std::function<void(const QString &)> &progress,
                  const std::function<bool()> &cancelled);
    void stopPlugin(const Plugin &plugin);
    Status waitReady(const Plugin &plugin, int timeoutSeconds, const std::function<bool()> &cancelled);
    Status activate(const Plugin &plugin, int timeoutMs);
    Error startFailure(const Plugin &plugin, const QString &reason, ErrorCode code) const;
    Status setEnabled(const QString &id, bool enabled);
    QString socketPath(const Plugin &plugin) const;
    QString propagatedMount(const Plugin &plugin) const;
    // The runtime the store's engine.json chooses (RuntimeChoice), read once per runner when first needed.
    Result<RuncRuntime> chosenRuntime() const;
    // The runtime whose root holds the container `id`: the chosen one, else runc or crun when a container started
    // before the choice changed is still there. Empty when none holds it.
    std::optional<RuncRuntime> holderOf(const QString &id) const;

    Store m_store;
    RunLayout m_layout;
    mutable std::optional<Result<RuncRuntime>> m_runtime;
};

} // namespace core
