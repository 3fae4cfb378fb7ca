#include "core/runtime/monitorlauncher.h"

#include "core/runtime/helperwakeup.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace core {

namespace {

qint64 envNumber(const char *name, qint64 fallback)
{
    bool ok = false;
    const qint64 value = qEnvironmentVariable(name).toLongLong(&ok);
    return ok && value >= 0 ? value : fallback;
}

} // namespace

Result<MonitorOptions> MonitorLauncher::parseArguments(const QStringList &arguments)
{
    Options options;
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &key = arguments.at(i);
        if (i + 1 >= arguments.size())
            return Error{ErrorCode::InvalidArgument, tr("flag needs an argument: %1").arg(key)};
        const QString &value = arguments.at(++i);
        if (key == QLatin1String("--run"))
            options.runRoot = value;
        else if (key == QLatin1String("--id"))
            options.id = value;
        else if (key == QLatin1String("--name"))
            options.name = value;
        else if (key == QLatin1String("--runc"))
            options.runc = value;
        else if (key == QLatin1String("--socket"))
            options.socketPath = value;
        else if (key == QLatin1String("--link"))
            options.publishedLink = value;
        else if (key == QLatin1String("--propagated"))
            options.propagatedMount = value;
        else if (key == QLatin1String("--plugin-propagated"))
            options.pluginPropagatedMount = value;
        else if (key == QLatin1String("--rootfs"))
            options.rootfs = value;
        else if (key == QLatin1String("--control-fd")) {
            bool ok = false;
            options.controlFd = value.toInt(&ok);
            if (!ok || options.controlFd < 3)
                return Error{ErrorCode::InvalidArgument, tr("invalid --control-fd \"%1\"").arg(value)};
        } else
            return Error{ErrorCode::InvalidArgument, tr("unknown flag: %1").arg(key)};
    }
    if (options.runRoot.isEmpty() || options.id.isEmpty() || options.runc.isEmpty())
        return Error{ErrorCode::InvalidArgument, tr("--run, --id and --runc are required")};
    if (options.id.contains(QLatin1Char('/')) || options.id.startsWith(QLatin1Char('.')))
        return Error{ErrorCode::InvalidArgument, tr("invalid plugin id \"%1\"").arg(options.id)};
    options.backoffMs = int(envNumber("PLUGDESK_RESTART_BACKOFF_MS", options.backoffMs));
    options.backoffMaxMs = int(envNumber("PLUGDESK_RESTART_BACKOFF_MAX_MS", options.backoffMaxMs));
    options.crashLimit = int(qMax<qint64>(1, envNumber("PLUGDESK_RESTART_LIMIT", options.crashLimit)));
    options.crashWindowMs = envNumber("PLUGDESK_RESTART_WINDOW_MS", options.crashWindowMs);
    options.stopTimeoutMs = int(envNumber("PLUGDESK_STOP_TIMEOUT_MS", options.stopTimeoutMs));
    options.logMaxBytes = envNumber("PLUGDESK_LOG_MAX_BYTES", options.logMaxBytes);
    options.helperBus = HelperWakeup::addressFromEnvironment();
    return options;
}

QStringList MonitorLauncher::toArguments(const Options &options)
{
    QStringList arguments{QStringLiteral("--run"),  options.runRoot, QStringLiteral("--id"),     options.id,
                          QStringLiteral("--runc"), options.runc,    QStringLiteral("--socket"), options.socketPath};
    if (!options.name.isEmpty())
        arguments += {QStringLiteral("--name"), options.name};
    if (!options.publishedLink.isEmpty())
        arguments += {QStringLiteral("--link"), options.publishedLink};
    if (!options.propagatedMount.isEmpty())
        arguments += {QStringLiteral("--propagated"), options.propagatedMount};
    if (!options.pluginPropagatedMount.isEmpty())
        arguments += {QStringLiteral("--plugin-propagated"), options.pluginPropagatedMount};
    if (!options.rootfs.isEmpty())
        arguments += {QStringLiteral("--rootfs"), options.rootfs};
    if (options.controlFd >= 0)
        arguments += {QStringLiteral("--control-fd"), QString::number(options.controlFd)};
    return arguments;
}

MonitorStart &MonitorStart::operator=(MonitorStart &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

MonitorStart::~MonitorStart()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Result<bool> MonitorStart::waitLocked(int timeoutMs)
{
    if (m_fd < 0)
        return false;
    const QDeadlineTimer deadline(timeoutMs);
    for (;;) {
        pollfd ready{m_fd, POLLIN, 0};
        const int polled = ::poll(&ready, 1, int(qMax<qint64>(0, deadline.remainingTime())));
        if (polled < 0 && errno == EINTR)
            continue;
        if (polled <= 0)
            return Error{ErrorCode::Timeout, tr("the plugin monitor did not take its lock within %n second(s)", nullptr,
                                                qMax(1, timeoutMs / 1000))};
        char byte = 0;
        const ssize_t n = ::read(m_fd, &byte, 1);
        if (n < 0 && errno == EINTR)
            continue;
        return n == 1 && byte == 'L';
    }
}

void MonitorStart::go()
{
    if (m_fd < 0)
        return;
    (void)::send(m_fd, "G", 1, MSG_NOSIGNAL);
    ::close(m_fd);
    m_fd = -1;
}

Result<MonitorStart> MonitorLauncher::start(const QString &binary, const Options &options)
{
    if (!QFileInfo(binary).isExecutable())
        return Error{ErrorCode::Runtime, tr("the plugin monitor %1 is missing or not executable").arg(binary)};
    constexpr int kControlFd = 3;
    Options withControl = options;
    withControl.controlFd = kControlFd;
    std::vector<QByteArray> storage;
    storage.push_back(QFile::encodeName(binary));
    storage.push_back(QByteArrayLiteral("--detach"));
    for (const QString &argument : toArguments(withControl))
        storage.push_back(QFile::encodeName(argument));
    std::vector<char *> argv;
    argv.reserve(storage.size() + 1);
    for (QByteArray &argument : storage)
        argv.push_back(argument.data());
    argv.push_back(nullptr);

    int pair[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, pair) != 0)
        return Error{ErrorCode::Runtime,
                     tr("cannot start the plugin monitor: %1").arg(QString::fromLocal8Bit(strerror(errno)))};
    MonitorStart ours(pair[0]);
    // The monitor's end goes to fd 3; it must not already be 3, as dup2 onto itself keeps close-on-exec.
    const int theirs = ::fcntl(pair[1], F_DUPFD_CLOEXEC, 10);
    ::close(pair[1]);
    if (theirs < 0)
        return Error{ErrorCode::Runtime,
                     tr("cannot start the plugin monitor: %1").arg(QString::fromLocal8Bit(strerror(errno)))};

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDWR, 0);
    posix_spawn_file_actions_adddup2(&actions, 0, 1);
    posix_spawn_file_actions_adddup2(&actions, 0, 2);
    posix_spawn_file_actions_adddup2(&actions, theirs, kControlFd);
    posix_spawn_file_actions_addclosefrom_np(&actions, kControlFd + 1);
    posix_spawn_file_actions_addchdir_np(&actions, "/");
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none;
    sigemptyset(&none);
    sigset_t defaults;
    sigemptyset(&defaults);
    for (int sig : {SIGPIPE, SIGTERM, SIGINT, SIGHUP, SIGCHLD})
        sigaddset(&defaults, sig);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSID);
    pid_t pid = -1;
    const int spawned = ::posix_spawn(&pid, argv[0], &actions, &attributes, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    ::close(theirs);
    if (spawned != 0)
        return Error{ErrorCode::Runtime,
                     tr("cannot start the plugin monitor: %1").arg(QString::fromLocal8Bit(strerror(spawned)))};
    // The first process only forks and exits.
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return Error{ErrorCode::Runtime, tr("cannot start the plugin monitor")};
    return ours;
}

QStringList MonitorLauncher::detachIfAsked(int argc, char *argv[])
{
    QStringList arguments;
    int first = 1;
    if (argc > 1 && std::strcmp(argv[1], "--detach") == 0) {
        first = 2;
        const pid_t child = ::fork();
        if (child < 0)
            ::_exit(1);
        if (child > 0)
            ::_exit(0);
    }
    for (int i = first; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));
    return arguments;
}

qint64 MonitorLauncher::lockHolder(const QString &lockPath)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(lockPath).constData(), &st) != 0)
        return 0;
    QFile locks(QStringLiteral("/proc/locks"));
    if (!locks.open(QIODevice::ReadOnly | QIODevice::Text))
        return 0;
    const QByteArray inode = QByteArray::number(qulonglong(st.st_ino));
    for (const QByteArray &line : locks.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        // "1: FLOCK  ADVISORY  WRITE 1234 fd:01:567 0 EOF"; blocked waiters are listed as "1: -> FLOCK ...".
        if (fields.size() < 6 || fields.at(1) != "FLOCK" || fields.at(3) != "WRITE")
            continue;
        const QList<QByteArray> device = fields.at(5).split(':');
        if (device.size() == 3 && device.at(2) == inode && device.at(0).toUInt(nullptr, 16) == major(st.st_dev) &&
            device.at(1).toUInt(nullptr, 16) == minor(st.st_dev))
            return fields.at(4).toLongLong();
    }
    return 0;
}

} // namespace core
