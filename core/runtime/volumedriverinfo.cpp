#include "core/runtime/volumedriverinfo.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <cerrno>
#include <climits>
#include <cstring>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace core {

namespace {

// Where a plugin path lands on the host, lexically: the folder it is in (the host's propagated mount or the rootfs)
// and the path below that folder, without "." or "..", never climbing above it.
struct ScopedPath
{
    QString base;
    QStringList parts;
};

ScopedPath scoped(const VolumeDriverInfo &info, const QString &pluginPath)
{
    QStringList parts;
    for (const QString &part : pluginPath.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (part == QLatin1String("..")) {
            if (!parts.isEmpty())
                parts.removeLast();
        } else if (part != QLatin1String(".")) {
            parts.append(part);
        }
    }
    if (!info.propagatedMount.isEmpty()) {
        const QStringList base = QDir::cleanPath(info.propagatedMount).split(QLatin1Char('/'), Qt::SkipEmptyParts);
        // A path component prefix: /vols/a is under /vols, /volsx is not.
        if (parts.mid(0, base.size()) == base)
            return {info.hostPropagatedMount, parts.mid(base.size())};
    }
    return {info.rootfs, parts};
}

QString joined(const QString &base, const QStringList &parts)
{
    return parts.isEmpty() ? base : QDir::cleanPath(base + QLatin1Char('/') + parts.join(QLatin1Char('/')));
}

QString fdPath(int fd)
{
    char target[PATH_MAX];
    const ssize_t n =
        ::readlink(QByteArray("/proc/self/fd/" + QByteArray::number(fd)).constData(), target, sizeof target);
    return n <= 0 || n >= ssize_t(sizeof target) ? QString() : QFile::decodeName(QByteArray(target, int(n)));
}

} // namespace

QString VolumeDriverInfo::hostPath(const QString &pluginPath) const
{
    if (pluginPath.isEmpty())
        return {};
    const ScopedPath path = scoped(*this, pluginPath);
    return joined(path.base, path.parts);
}

Result<QString> VolumeDriverInfo::resolveHostPath(const QString &pluginPath) const
{
    return resolve(pluginPath, nullptr);
}

Result<int> VolumeDriverInfo::openHostPath(const QString &pluginPath) const
{
    int fd = -1;
    auto resolved = resolve(pluginPath, &fd);
    if (!resolved)
        return resolved.error();
    if (fd < 0)
        return Error{ErrorCode::NotFound, tr("the mountpoint %1 of volume plugin %2 does not exist")
                                              .arg(pluginPath, name.isEmpty() ? pluginId : name)};
    return fd;
}

Result<QString> VolumeDriverInfo::resolve(const QString &pluginPath, int *fullFd) const
{
    if (pluginPath.isEmpty())
        return QString();
    const ScopedPath path = scoped(*this, pluginPath);
    const QString who = name.isEmpty() ? pluginId : name;
    const int base = ::open(QFile::encodeName(path.base).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (base < 0)
        return Error{ErrorCode::Io, tr("cannot resolve the mountpoint %1 of volume plugin %2: %3: %4")
                                        .arg(pluginPath, who, path.base, QString::fromLocal8Bit(strerror(errno)))};
    if (path.parts.isEmpty()) {
        if (fullFd)
            *fullFd = base;
        else
            ::close(base);
        return path.base;
    }
    const auto closeBase = qScopeGuard([base] { ::close(base); });
    const QString realBase = fdPath(base);
    // The deepest part that exists decides; what is below it does not exist yet, so it cannot point anywhere.
    for (qsizetype depth = path.parts.size(); depth > 0; --depth) {
        open_how how{};
        how.flags = O_PATH | O_CLOEXEC;
        how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
        const QByteArray relative = QFile::encodeName(path.parts.mid(0, depth).join(QLatin1Char('/')));
        const int fd = int(::syscall(SYS_openat2, base, relative.constData(), &how, sizeof how));
        if (fd < 0 && errno == ENOENT)
            continue;
        if (fd < 0 && (errno == EXDEV || errno == ELOOP))
            return Error{ErrorCode::Runtime,
                         tr("volume plugin %1 answered the mountpoint %2, which leads out of %3 through a symbolic "
                            "link (%4); refusing it")
                             .arg(who, pluginPath, path.base == hostPropagatedMount ? propagatedMount : rootfs,
                                  joined(path.base, path.parts.mid(0, depth)))};
        if (fd < 0)
            return Error{ErrorCode::Io, tr("cannot resolve the mountpoint %1 of volume plugin %2: %3")
                                            .arg(pluginPath, who, QString::fromLocal8Bit(strerror(errno)))};
        auto closeFd = qScopeGuard([fd] { ::close(fd); });
        const QString real = fdPath(fd);
        if (realBase.isEmpty() || real.isEmpty() ||
            !(real == realBase ||
              real.startsWith(realBase == QLatin1String("/") ? realBase : QString(realBase + QLatin1Char('/')))))
            return Error{ErrorCode::Runtime,
                         tr("volume plugin %1 answered the mountpoint %2, which leads out of %3; refusing it")
                             .arg(who, pluginPath, path.base)};
        if (fullFd && depth == path.parts.size()) {
            closeFd.dismiss();
            *fullFd = fd;
        }
        // No symlink on the way: the lexical path is the truth, and the one callers know.
        if (real == joined(realBase, path.parts.mid(0, depth)))
            return joined(path.base, path.parts);
        return joined(path.base + real.mid(realBase.size()), path.parts.mid(depth));
    }
    return joined(path.base, path.parts);
}

QJsonObject VolumeDriverInfo::toJson() const
{
    return QJsonObject{
        {QStringLiteral("Name"), name},
        {QStringLiteral("PluginId"), pluginId},
        {QStringLiteral("Scope"), scope},
        {QStringLiteral("Socket"), socketPath},
        {QStringLiteral("PropagatedMount"), propagatedMount},
        {QStringLiteral("HostPropagatedMount"), hostPropagatedMount},
        {QStringLiteral("Rootfs"), rootfs},
    };
}

VolumeDriverInfo VolumeDriverInfo::fromJson(const QJsonObject &object)
{
    VolumeDriverInfo info;
    info.name = object.value(QStringLiteral("Name")).toString();
    info.pluginId = object.value(QStringLiteral("PluginId")).toString();
    info.scope = object.value(QStringLiteral("Scope")).toString(QStringLiteral("local"));
    info.socketPath = object.value(QStringLiteral("Socket")).toString();
    info.propagatedMount = object.value(QStringLiteral("PropagatedMount")).toString();
    info.hostPropagatedMount = object.value(QStringLiteral("HostPropagatedMount")).toString();
    info.rootfs = object.value(QStringLiteral("Rootfs")).toString();
    return info;
}

} // namespace core
