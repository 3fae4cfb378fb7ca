#include "core/runtime/runcruntime.h"

#include "core/base/atomicfile.h"
#include "core/runtime/ocispec.h"
#include "core/runtime/runfile.h"
#include "core/runtime/spawn.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <linux/magic.h>
#include <poll.h>
#include <spawn.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace core {

namespace {

// True when `path` is itself a mount point (listed as a mount point in /proc/self/mountinfo).
bool isMountPoint(const QString &path)
{
    QFile mountinfo(QStringLiteral("/proc/self/mountinfo"));
    if (!mountinfo.open(QIODevice::ReadOnly))
        return false;
    const QByteArray wanted = QFile::encodeName(QDir::cleanPath(path));
    for (const QByteArray &line : mountinfo.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() > 4 && fields.at(4) == wanted)
            return true;
    }
    return false;
}

} // namespace

namespace {

QString dialectOf(const QString &binary)
{
    return QFileInfo(binary).fileName() == QLatin1String("crun") ? QStringLiteral("crun") : QStringLiteral("runc");
}

} // namespace

RuncRuntime::RuncRuntime(const QString &runRoot, QString runtimeBinary)
    : m_layout(runRoot)
    , m_runc(runtimeBinary.isEmpty() ? findRunc() : std::move(runtimeBinary))
    , m_name(dialectOf(m_runc))
{}

RuncRuntime::RuncRuntime(const QString &runRoot, const RuntimeChoice &choice)
    : m_layout(runRoot)
    , m_runc(choice.binary)
    , m_name(choice.name)
{}

QString RuncRuntime::findRunc()
{
    auto found = RuntimeChoice::byName(QStringLiteral("runc"));
    return found ? found->binary : QString();
}

Result<CommandResult> RuncRuntime::runCommand(const QStringList &argv)
{
    if (argv.isEmpty() || argv.first().isEmpty())
        return Error{ErrorCode::Runtime, tr("runc was not found; install the runc package")};
    auto spawned = spawnWithPipes(argv);
    if (!spawned)
        return spawned.error();
    const pid_t pid = spawned->pid;
    int out[2] = {spawned->out, -1};
    int err[2] = {spawned->err, -1};
    CommandResult result;
    pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    int open = 2;
    while (open > 0) {
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (pollfd &fd : fds) {
            if (fd.fd < 0 || !(fd.revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char buffer[8192];
            const ssize_t n = ::read(fd.fd, buffer, sizeof buffer);
            if (n > 0) {
                (fd.fd == out[0] ? result.output : result.errors).append(buffer, n);
            } else if (n == 0 || errno != EINTR) {
                ::close(fd.fd);
                fd.fd = -1;
                --open;
            }
        }
    }
    for (pollfd &fd : fds) {
        if (fd.fd >= 0)
            ::close(fd.fd);
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exitStatus = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

QStringList RuncRuntime::baseArguments() const
{
    return {m_runc, QStringLiteral("--root"), stateRoot()};
}

Result<CommandResult> RuncRuntime::runcCommand(const QStringList &arguments) const
{
    return runCommand(baseArguments() + arguments);
}

bool RuncRuntime::supportsTimeNamespace() const
{
    if (!QFileInfo::exists(QStringLiteral("/proc/self/ns/time")))
        return false;
    // `runc features` costs a process start (tens of ms on a busy machine) at every enable; its answer only changes
    // with the binary.
    struct stat st
    {};
    if (::stat(QFile::encodeName(m_runc).constData(), &st) != 0)
        return false;
    const QJsonObject identity{{QStringLiteral("binary"), m_runc},
                               {QStringLiteral("device"), qint64(st.st_dev)},
                               {QStringLiteral("inode"), qint64(st.st_ino)},
                               {QStringLiteral("size"), qint64(st.st_size)},
                               {QStringLiteral("mtime"), qint64(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec}};
    const QString cachePath = m_layout.featuresPath(m_name);
    QFile cache(cachePath);
    if (cache.open(QIODevice::ReadOnly)) {
        const QJsonObject cached = QJsonDocument::fromJson(cache.read(qint64(64) * 1024)).object();
        if (cached.value(QStringLiteral("identity")).toObject() == identity &&
            cached.value(QStringLiteral("timeNamespace")).isBool())
            return cached.value(QStringLiteral("timeNamespace")).toBool();
    }
    bool time = false;
    auto features = runCommand({m_runc, QStringLiteral("features")});
    if (features && features->exitStatus == 0) {
        const QJsonObject linuxSection =
            QJsonDocument::fromJson(features->output).object().value(QStringLiteral("linux")).toObject();
        time = linuxSection.value(QStringLiteral("namespaces")).toArray().contains(QStringLiteral("time"));
    }
    if (QDir().mkpath(m_layout.runRoot()))
        (void)AtomicFile::write(
            cachePath,
            QJsonDocument(QJsonObject{{QStringLiteral("identity"), identity}, {QStringLiteral("timeNamespace"), time}})
                .toJson(QJsonDocument::Compact),
            0600);
    return time;
}

Status RuncRuntime::ensureInitLayer(const QString &rootfs, bool network)
{
    struct Entry
    {
        const char *path;
        bool directory;
    };
    QList<Entry> entries{{"proc", true},    {"sys", true},     {"dev", true},
                         {"dev/pts", true}, {"dev/shm", true}, {"run/docker/plugins", true}};
    if (network) {
        entries.append({"etc/hosts", false});
        entries.append({"etc/resolv.conf", false});
    }
    for (const Entry &entry : entries) {
        const QStringList parts = QString::fromLatin1(entry.path).split(QLatin1Char('/'));
        QString current = rootfs;
        bool blocked = false;
        for (qsizetype i = 0; i < parts.size() && !blocked; ++i) {
            current += QLatin1Char('/') + parts.at(i);
            const bool last = i == parts.size() - 1;
            struct stat st
            {};
            const QByteArray native = QFile::encodeName(current);
            if (::lstat(native.constData(), &st) == 0) {
                // A symlink is resolved by runc inside the rootfs and never followed from here; a non-folder on
                // the way cannot hold the entry.
                if (S_ISLNK(st.st_mode) || (!last && !S_ISDIR(st.st_mode)))
                    blocked = true;
                continue;
            }
            if (errno != ENOENT)
                return Error{ErrorCode::Io,
                             tr("cannot prepare %1: %2").arg(current, QString::fromLocal8Bit(strerror(errno)))};
            int made = 0;
            if (!last || entry.directory) {
                made = ::mkdir(native.constData(), 0755);
            } else {
                const int fd = ::open(native.constData(), O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0644);
                made = fd < 0 ? -1 : ::close(fd);
            }
            if (made != 0 && errno != EEXIST)
                return Error{ErrorCode::Io, tr("cannot prepare %1 in the plugin's rootfs: %2")
                                                .arg(current, QString::fromLocal8Bit(strerror(errno)))};
        }
    }
    return {};
}

Status RuncRuntime::prepareBundle(const Plugin &plugin, const QString &storePluginDir) const
{
    const QString rootfs = QFileInfo(storePluginDir + QStringLiteral("/rootfs")).absoluteFilePath();
    if (!QFileInfo(rootfs).isDir())
        return Error{ErrorCode::NotFound, tr("the plugin's rootfs %1 does not exist").arg(rootfs)};
    for (const QString &dir : {m_layout.socketDir(plugin.id), m_layout.bundleDir(plugin.id), stateRoot()}) {
        if (!QDir().mkpath(dir))
            return Error{ErrorCode::Io, tr("cannot create %1").arg(dir)};
    }
    // Root's alone: the plugin writes into its socket folder (and may chmod it, being root in there), so the folder
    // above it keeps host users from whatever the plugin leaves there: device nodes, setuid files, symlinks.
    for (const QString &dir : {m_layout.stateDir(plugin.id), m_layout.socketDir(plugin.id),
                               QString(m_layout.runRoot() + QStringLiteral("/plugins"))}) {
        if (::chmod(QFile::encodeName(dir).constData(), 0700) != 0)
            return Error{ErrorCode::Io,
                         tr("cannot make %1 private: %2").arg(dir, QString::fromLocal8Bit(strerror(errno)))};
    }
    QString propagated;
    if (!plugin.config.propagatedMount.isEmpty()) {
        propagated = QFileInfo(storePluginDir + QStringLiteral("/propagated-mount")).absoluteFilePath();
        if (!QDir().mkpath(propagated))
            return Error{ErrorCode::Io, tr("cannot create %1").arg(propagated)};
        // Mounts the plugin makes below its propagated mount reach the host only through a shared mount.
        if (!isMountPoint(propagated)) {
            const QByteArray native = QFile::encodeName(propagated);
            if (::mount(native.constData(), native.constData(), nullptr, MS_BIND | MS_REC, nullptr) != 0 ||
                ::mount(nullptr, native.constData(), nullptr, MS_SHARED | MS_REC, nullptr) != 0)
                return Error{
                    ErrorCode::Runtime,
                    tr("cannot make %1 a shared mount: %2").arg(propagated, QString::fromLocal8Bit(strerror(errno)))};
        }
    }
    if (auto layer = ensureInitLayer(rootfs, !plugin.config.networkType.isEmpty()); !layer)
        return layer;

    OciSpec::Inputs inputs;
    inputs.plugin = plugin;
    inputs.rootfs = rootfs;
    inputs.propagatedMount = propagated;
    inputs.socketDir = m_layout.socketDir(plugin.id);
    inputs.timeNamespace = supportsTimeNamespace();
    auto spec = OciSpec::generate(inputs);
    if (!spec)
        return spec.error();
    // The run root is emptied at every boot: the bundle is written atomically, not synced.
    return writeRunFile(m_layout.bundleDir(plugin.id) + QStringLiteral("/config.json"),
                        QJsonDocument(*spec).toJson(QJsonDocument::Compact), 0600);
}

void RuncRuntime::releaseMount(const QString &path)
{
    if (path.isEmpty())
        return;
    const QByteArray native = QFile::encodeName(QDir::cleanPath(path));
    for (int i = 0; i < 16 && isMountPoint(path); ++i) {
        if (::umount2(native.constData(), MNT_DETACH) != 0)
            break;
    }
}

namespace {

// The mount points at or below `path`, from /proc/self/mountinfo (field 5, octal escapes such as \040 undone).
QStringList mountsUnder(const QString &path)
{
    QFile mountinfo(QStringLiteral("/proc/self/mountinfo"));
    if (!mountinfo.open(QIODevice::ReadOnly))
        return {};
    const QByteArray base = QFile::encodeName(QDir::cleanPath(path));
    QStringList found;
    for (const QByteArray &line : mountinfo.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() <= 4)
            continue;
        QByteArray point;
        const QByteArray &escaped = fields.at(4);
        for (qsizetype i = 0; i < escaped.size(); ++i) {
            if (escaped.at(i) == '\\' && i + 3 < escaped.size()) {
                bool ok = false;
                const int code = escaped.mid(i + 1, 3).toInt(&ok, 8);
                if (ok) {
                    point.append(char(code));
                    i += 3;
                    continue;
                }
            }
            point.append(escaped.at(i));
        }
        if (point == base || point.startsWith(QByteArray(base + '/')))
            found.append(QFile::decodeName(point));
    }
    return found;
}

} // namespace

QStringList RuncRuntime::releaseMountsUnder(const QString &path)
{
    if (path.isEmpty())
        return {};
    // Several rounds: a mount point may be stacked, and lazy unmounts of parents can expose children.
    for (int round = 0; round < 16; ++round) {
        QStringList mounts = mountsUnder(path);
        if (mounts.isEmpty())
            return {};
        std::sort(mounts.begin(), mounts.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
        bool progress = false;
        for (const QString &mount : std::as_const(mounts)) {
            if (::umount2(QFile::encodeName(mount).constData(), MNT_DETACH) == 0)
                progress = true;
        }
        if (!progress)
            break;
    }
    return mountsUnder(path);
}

QStringList RuncRuntime::runArguments(const QString &id) const
{
    return baseArguments() + QStringList{QStringLiteral("run"),    QStringLiteral("--bundle"),
                                         m_layout.bundleDir(id),   QStringLiteral("--pid-file"),
                                         m_layout.pidFilePath(id), id};
}

bool RuncRuntime::holds(const QString &id) const
{
    struct stat st
    {};
    return ::lstat(QFile::encodeName(stateRoot() + QLatin1Char('/') + id).constData(), &st) == 0;
}

bool RuncRuntime::needsLegacyCgroupView() const
{
    if (m_name != QLatin1String("crun"))
        return false;
    struct statfs root
    {};
    struct statfs unified
    {};
    if (::statfs("/sys/fs/cgroup", &root) != 0 || root.f_type != TMPFS_MAGIC ||
        ::statfs("/sys/fs/cgroup/unified", &unified) != 0 || unified.f_type != CGROUP2_SUPER_MAGIC)
        return false;
    QFile controllers(QStringLiteral("/sys/fs/cgroup/unified/cgroup.controllers"));
    return controllers.open(QIODevice::ReadOnly) && !controllers.readAll().trimmed().isEmpty();
}

Result<ContainerState> RuncRuntime::state(const QString &id) const
{
    ContainerState state;
    // runc and crun both keep a container's state in <root>/<id>/ from create to delete.
    if (!holds(id))
        return state;
    auto result = runcCommand({QStringLiteral("state"), id});
    if (!result)
        return result.error();
    if (result->exitStatus != 0) {
        // runc: "container does not exist"; crun: "error opening file `<root>/<id>/status`: No such file or directory"
        if (result->errors.contains("does not exist") || result->errors.contains("not exist") ||
            result->errors.contains("No such file or directory"))
            return state;
        return Error{ErrorCode::Runtime,
                     tr("%1 state %2 failed: %3").arg(m_name, id, QString::fromUtf8(result->errors).trimmed())};
    }
    const QJsonObject object = QJsonDocument::fromJson(result->output).object();
    state.exists = true;
    state.status = object.value(QStringLiteral("status")).toString();
    state.pid = object.value(QStringLiteral("pid")).toInteger();
    return state;
}

Status RuncRuntime::kill(const QString &id, const QString &signal) const
{
    auto result = runcCommand({QStringLiteral("kill"), id, signal});
    if (!result)
        return result.error();
    if (result->exitStatus != 0)
        return Error{
            ErrorCode::Runtime,
            tr("%1 kill %2 %3 failed: %4").arg(m_name, id, signal, QString::fromUtf8(result->errors).trimmed())};
    return {};
}

Status RuncRuntime::remove(const QString &id) const
{
    auto result = runcCommand({QStringLiteral("delete"), QStringLiteral("--force"), id});
    if (!result)
        return result.error();
    if (result->exitStatus != 0 && !result->errors.contains("does not exist") &&
        !result->errors.contains("No such file or directory"))
        return Error{ErrorCode::Runtime,
                     tr("%1 delete %2 failed: %3").arg(m_name, id, QString::fromUtf8(result->errors).trimmed())};
    return {};
}

Result<QStringList> RuncRuntime::list() const
{
    if (!QFileInfo(stateRoot()).isDir())
        return QStringList{};
    auto result = runcCommand({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")});
    if (!result)
        return result.error();
    if (result->exitStatus != 0)
        return Error{ErrorCode::Runtime,
                     tr("%1 list failed: %2").arg(m_name, QString::fromUtf8(result->errors).trimmed())};
    QStringList ids;
    for (const QJsonValue value : QJsonDocument::fromJson(result->output).array())
        ids.append(value.toObject().value(QStringLiteral("id")).toString());
    return ids;
}

} // namespace core
