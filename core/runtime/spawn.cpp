#include "core/runtime/spawn.h"

#include <QCoreApplication>
#include <QFile>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sched.h>
#include <spawn.h>
#include <sys/mount.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(Spawn)
};

} // namespace

namespace {

// The child's side of hideUnifiedCgroup: async-signal-safe calls only (the monitor has threads).
[[noreturn]] void execWithoutUnifiedCgroup(char *const *args, int out, int err)
{
    const int null = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (null < 0 || ::dup2(null, 0) < 0 || ::dup2(out, 1) < 0 || ::dup2(err, 2) < 0)
        ::_exit(126);
    struct sigaction defaults
    {};
    defaults.sa_handler = SIG_DFL;
    ::sigaction(SIGPIPE, &defaults, nullptr);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    auto fail = [](const char *what) {
        const char *reason = std::strerror(errno);
        (void)!::write(2, what, std::strlen(what));
        (void)!::write(2, reason, std::strlen(reason));
        (void)!::write(2, "\n", 1);
        ::_exit(126);
    };
    if (::unshare(CLONE_NEWNS) != 0)
        fail("cannot make a mount namespace for the runtime: ");
    if (::mount(nullptr, "/sys/fs/cgroup", nullptr, MS_REC | MS_SLAVE, nullptr) != 0)
        fail("cannot make /sys/fs/cgroup a slave mount for the runtime: ");
    if (::umount2("/sys/fs/cgroup/unified", MNT_DETACH) != 0)
        fail("cannot hide /sys/fs/cgroup/unified from the runtime: ");
    ::execve(args[0], args, environ);
    fail("cannot run the runtime: ");
    ::_exit(127);
}

} // namespace

Result<SpawnedProcess> spawnWithPipes(const QStringList &argv, bool hideUnifiedCgroup)
{
    if (argv.isEmpty() || argv.first().isEmpty())
        return Error{ErrorCode::Runtime, Tr::tr("no program to run")};
    std::vector<QByteArray> storage;
    storage.reserve(argv.size());
    std::vector<char *> args;
    for (const QString &argument : argv) {
        storage.push_back(QFile::encodeName(argument));
        args.push_back(storage.back().data());
    }
    args.push_back(nullptr);

    int out[2];
    int err[2];
    if (::pipe2(out, O_CLOEXEC) != 0)
        return Error{ErrorCode::Io, Tr::tr("cannot create a pipe: %1").arg(errnoText(errno))};
    if (::pipe2(err, O_CLOEXEC) != 0) {
        const int error = errno;
        ::close(out[0]);
        ::close(out[1]);
        return Error{ErrorCode::Io, Tr::tr("cannot create a pipe: %1").arg(errnoText(error))};
    }
    if (hideUnifiedCgroup) {
        const pid_t pid = ::fork();
        if (pid == 0)
            execWithoutUnifiedCgroup(args.data(), out[1], err[1]);
        const int error = errno;
        ::close(out[1]);
        ::close(err[1]);
        if (pid < 0) {
            ::close(out[0]);
            ::close(err[0]);
            return Error{ErrorCode::Runtime, Tr::tr("cannot run %1: %2").arg(argv.first(), errnoText(error))};
        }
        return SpawnedProcess{pid, out[0], err[0]};
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err[1], 2);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none;
    sigemptyset(&none);
    sigset_t defaults;
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    pid_t pid = -1;
    const int spawned = ::posix_spawn(&pid, args[0], &actions, &attributes, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    ::close(out[1]);
    ::close(err[1]);
    if (spawned != 0) {
        ::close(out[0]);
        ::close(err[0]);
        return Error{ErrorCode::Runtime, Tr::tr("cannot run %1: %2").arg(argv.first(), errnoText(spawned))};
    }
    return SpawnedProcess{pid, out[0], err[0]};
}

} // namespace core
