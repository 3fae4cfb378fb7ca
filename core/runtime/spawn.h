#pragma once

#include "core/base/result.h"

#include <QStringList>
#include <sys/types.h>

namespace core {

// A child process whose stdout and stderr come back through pipes; stdin is /dev/null.
struct SpawnedProcess
{
    pid_t pid = -1;
    int out = -1; // read ends, close-on-exec, owned by the caller
    int err = -1;
};

// Starts argv[0] (an absolute path) with posix_spawn. The child gets an empty signal mask and SIGPIPE at its
// default, whatever the caller blocks or ignores: the monitor blocks signals for its signalfd, and the CLI may
// ignore SIGPIPE, and runc must inherit neither.
//
// `hideUnifiedCgroup`: the child runs in a mount namespace of its own in which /sys/fs/cgroup is a slave (nothing
// done there reaches the host) and /sys/fs/cgroup/unified is unmounted. crun refuses a hybrid cgroup host whose
// cgroup v2 hierarchy holds controllers ("cgroups in hybrid mode not supported"); without that mount it sees the
// legacy v1 hierarchies, which hold the controllers it needs (devices among them), as runc uses them. Everything else
// keeps its propagation, so a plugin's propagated mount still reaches the host. Uses fork instead of posix_spawn.
Result<SpawnedProcess> spawnWithPipes(const QStringList &argv, bool hideUnifiedCgroup = false);

} // namespace core
