#pragma once

#include "core/base/result.h"
#include "core/plugin/plugin.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace core {

// What can be known about a plugin before `runc run` is tried: its entrypoint exists in its rootfs and is an
// executable file, its bind mounts' sources exist on the host. Each refusal is one sentence that leads with the
// plugin's name and the cause ("vieux/sshfs:latest cannot start: its entrypoint /go/bin/x does not exist in the
// plugin's rootfs"), so that a plugin that cannot work fails at once instead of being crash-restarted. Devices are
// checked where the bundle is made (OciSpec::hostDevices); the socket path's length by PluginRunner. Reads only.
class StartCheck final
{
    Q_DECLARE_TR_FUNCTIONS(StartCheck)

public:
    // The file `program` names as the container would exec it: an absolute name from the root, a name with a
    // slash from `workDir`, a bare name searched in `path` (the container's PATH). Resolved below `rootfs` with
    // openat2(RESOLVE_IN_ROOT): a symbolic link is followed as inside the container, so an absolute target starts
    // at the rootfs and ".." stops there; nothing outside the rootfs is ever looked at.
    enum class Entrypoint { Executable, Missing, NotExecutable, NotAFile, RootfsMissing };
    struct Resolved
    {
        Entrypoint kind = Entrypoint::Missing;
        QString path; // the name as looked up in the rootfs ("/go/bin/x"; for a bare name, the first PATH hit)
    };
    static Resolved resolveEntrypoint(const QString &rootfs, const QString &program, const QString &workDir = {},
                                      const QString &path = {});

    // The cause alone ("its entrypoint /go/bin/x does not exist in the plugin's rootfs"), for a state's reason;
    // NotFound for a missing entrypoint or mount source, PermissionDenied for one that is not executable.
    static std::optional<Error> problem(const Plugin &plugin, const QString &rootfs);
    // The same as one sentence naming the plugin: "<name> cannot start: <cause>".
    static Status check(const Plugin &plugin, const QString &rootfs);
};

} // namespace core
