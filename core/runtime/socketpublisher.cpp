#include "core/runtime/socketpublisher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <unistd.h>

namespace core {

QString SocketPublisher::directory()
{
    const QString fromEnvironment = qEnvironmentVariable("PLUGDESK_DOCKER_PLUGINS_DIR");
    return fromEnvironment.isEmpty() ? QStringLiteral("/run/docker/plugins") : fromEnvironment;
}

QString SocketPublisher::publishName(const QString &repository, const QString &tag)
{
    QString name = repository;
    if (!tag.isEmpty() && tag != QLatin1String("latest"))
        name += QLatin1Char('-') + tag;
    QString safe;
    for (const QChar c : name) {
        const bool plain = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.') ||
                           c == QLatin1Char('_') || c == QLatin1Char('-');
        safe += plain ? c : QLatin1Char('-');
    }
    // Never a hidden file or a path component.
    while (safe.startsWith(QLatin1Char('.')))
        safe.remove(0, 1);
    return safe;
}

QString SocketPublisher::linkPath(const Plugin &plugin)
{
    return directory() + QLatin1Char('/') + publishName(plugin.repository, plugin.tag) + QStringLiteral(".sock");
}

Status SocketPublisher::publish(const QString &linkPath, const QString &socketPath)
{
    const QFileInfo existing(linkPath);
    if (existing.isSymLink()) {
        if (existing.symLinkTarget() == socketPath)
            return {};
        // A link to a socket that is gone is a leftover of ours (or of nobody): replace it.
        if (QFileInfo::exists(existing.symLinkTarget()))
            return Error{
                ErrorCode::Conflict,
                tr("cannot publish the socket as %1: it already points at %2").arg(linkPath, existing.symLinkTarget())};
        QFile::remove(linkPath);
    } else if (existing.exists()) {
        return Error{ErrorCode::Conflict,
                     tr("cannot publish the socket as %1: a file of that name exists").arg(linkPath)};
    }
    if (!QDir().mkpath(QFileInfo(linkPath).absolutePath()))
        return Error{ErrorCode::Io, tr("cannot create %1").arg(QFileInfo(linkPath).absolutePath())};
    if (::symlink(QFile::encodeName(socketPath).constData(), QFile::encodeName(linkPath).constData()) != 0)
        return Error{ErrorCode::Io,
                     tr("cannot publish the socket as %1: %2").arg(linkPath, QString::fromLocal8Bit(strerror(errno)))};
    return {};
}

void SocketPublisher::unpublish(const QString &linkPath, const QString &socketPath)
{
    const QFileInfo link(linkPath);
    if (link.isSymLink() && link.symLinkTarget() == socketPath)
        QFile::remove(linkPath);
}

} // namespace core
