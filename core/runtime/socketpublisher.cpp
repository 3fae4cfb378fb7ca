#include "core/runtime/socketpublisher.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
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

bool SocketPublisher::isSocket(const QString &path)
{
    struct stat st
    {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISSOCK(st.st_mode);
}

void SocketPublisher::unpublish(const QString &path)
{
    if (!isSocket(path))
        return;
    const QByteArray native = QFile::encodeName(path);
    sockaddr_un address{};
    if (native.size() >= qsizetype(sizeof address.sun_path))
        return;
    address.sun_family = AF_UNIX;
    memcpy(address.sun_path, native.constData(), native.size());
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return;
    const bool served = ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    if (!served)
        QFile::remove(path);
}

} // namespace core
