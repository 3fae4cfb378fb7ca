#pragma once

#include "core/base/result.h"
#include "core/plugin/plugin.h"
#include "core/runtime/runlayout.h"
#include "core/runtime/runtimechoice.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace core {

// What `runc state` says about a container.
struct ContainerState
{
    bool exists = false;
    QString status; // "created", "running", "paused", "stopped"
    qint64 pid = 0;
    bool isRunning() const { return exists && status == QLatin1String("running"); }
};

// The output of a finished command.
struct CommandResult
{
    int exitStatus = -1; // 128 + signal when killed
    QByteArray output;   // stdout
    QByteArray errors;   // stderr
};

// Drives the OCI runtime (runc, or crun: RuntimeChoice) with `--root <run>/<runc|crun>`, so it only ever sees
// Plugdesk's containers, each runtime its own. Writes bundles (config.json from OciSpec) and the init-layer entries a
// plugin rootfs needs. Runs the runtime through posix_spawn and waits for that one child only, so it is safe inside
// the monitor, which reaps every other child itself. Does not supervise anything; PluginMonitor does.
class RuncRuntime final
{
    Q_DECLARE_TR_FUNCTIONS(RuncRuntime)

public:
    // `runtimeBinary` empty: runc from the system's program folders. Its file name says its dialect: crun, else runc.
    explicit RuncRuntime(const QString &runRoot, QString runtimeBinary = {});
    RuncRuntime(const QString &runRoot, const RuntimeChoice &choice);

    // runc in the system's program folders (RuntimeChoice::byName); empty when it is not installed.
    static QString findRunc();
    // Runs argv[0] (an absolute path) with the arguments; waits for it. stdin is /dev/null.
    static Result<CommandResult> runCommand(const QStringList &argv);

    QString runc() const { return m_runc; } // the runtime's binary, runc or crun
    QString name() const { return m_name; } // "runc" or "crun"
    QString stateRoot() const { return m_layout.runtimeRoot(m_name); }
    const RunLayout &layout() const { return m_layout; }
    QStringList baseArguments() const;

    // True when both the kernel and this runtime know the time namespace (`runc features`; crun 1.8 has no such
    // command). Asked once per binary (its device, inode, size and time) and remembered in <run>/features-<name>.json.
    bool supportsTimeNamespace() const;

    // Creates the socket and state folders, the propagated-mount folder, the init-layer entries in the rootfs,
    // and writes <bundle>/config.json. `storePluginDir` is <store>/plugins/<id>.
    Status prepareBundle(const Plugin &plugin, const QString &storePluginDir) const;

    // The arguments of `runc run` for the monitor: foreground, container id = plugin id.
    QStringList runArguments(const QString &id) const;
    // True when `run` must not see the cgroup v2 hierarchy (spawnWithPipes' hideUnifiedCgroup): crun on a hybrid
    // host whose /sys/fs/cgroup/unified holds controllers, which crun 1.8 refuses outright. runc ignores them.
    bool needsLegacyCgroupView() const;

    // Without a state folder under the runtime's root there is no container, and no runtime is run to say so.
    Result<ContainerState> state(const QString &id) const;
    // True when the runtime's root holds the container `id` (its state folder exists).
    bool holds(const QString &id) const;
    Status kill(const QString &id, const QString &signal) const;
    // `runc delete --force`; a container that does not exist is not an error.
    Status remove(const QString &id) const;
    // Ids of every container under this runc root.
    Result<QStringList> list() const;

    // Docker's init layer: entries runc mounts over must exist in the rootfs. A path whose parent is a symlink
    // is left alone (runc resolves it inside the rootfs; we must not follow it onto the host).
    static Status ensureInitLayer(const QString &rootfs, bool network);
    // Unmounts the shared bind mount prepareBundle made on the propagated-mount folder (and anything below it).
    static void releaseMount(const QString &path);
    // Unmounts (lazily, deepest first) every mount at or below `path`, as Docker unmounts a plugin's folder before
    // removing it (docs/docker-compat.md §5.5). Returns the mount points that are still there afterwards.
    static QStringList releaseMountsUnder(const QString &path);

private:
    Result<CommandResult> runcCommand(const QStringList &arguments) const;

    RunLayout m_layout;
    QString m_runc;
    QString m_name;
};

} // namespace core
