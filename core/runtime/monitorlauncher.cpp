#include "core/runtime/monitorlauncher.h"

#include "core/runtime/helperwakeup.h"

#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

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
        else
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
    return arguments;
}

Status MonitorLauncher::startDetached(const QString &binary, const Options &options)
{
    if (!QFileInfo(binary).isExecutable())
        return Error{ErrorCode::Runtime, tr("the plugin monitor %1 is missing or not executable").arg(binary)};
    // Everything the children need is built before fork: after it only async-signal-safe calls are allowed.
    std::vector<QByteArray> storage;
    storage.push_back(QFile::encodeName(binary));
    for (const QString &argument : toArguments(options))
        storage.push_back(QFile::encodeName(argument));
    std::vector<char *> argv;
    argv.reserve(storage.size() + 1);
    for (QByteArray &argument : storage)
        argv.push_back(argument.data());
    argv.push_back(nullptr);

    const pid_t first = ::fork();
    if (first < 0)
        return Error{ErrorCode::Runtime,
                     tr("cannot start the plugin monitor: %1").arg(QString::fromLocal8Bit(strerror(errno)))};
    if (first == 0) {
        ::setsid();
        const pid_t second = ::fork();
        if (second != 0)
            ::_exit(second < 0 ? 1 : 0);
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::signal(SIGPIPE, SIG_DFL);
        const int null = ::open("/dev/null", O_RDWR);
        if (null >= 0) {
            ::dup2(null, 0);
            ::dup2(null, 1);
            ::dup2(null, 2);
        }
        ::syscall(SYS_close_range, 3U, ~0U, 0U);
        ::chdir("/");
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    while (::waitpid(first, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return Error{ErrorCode::Runtime, tr("cannot start the plugin monitor")};
    return {};
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
