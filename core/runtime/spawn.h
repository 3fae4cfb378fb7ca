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
Result<SpawnedProcess> spawnWithPipes(const QStringList &argv);

} // namespace core
