#include "core/runtime/socketpublisher.h"

#include "core/base/atomicfile.h"
#include "core/runtime/pluginsocket.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
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

Status SocketPublisher::checkNameFree(const QList<Plugin> &plugins, const QString &repository, const QString &tag,
                                      const QString &id, bool enabledOnly)
{
    const QString wanted = publishName(repository, tag);
    for (const Plugin &other : plugins) {
        if (other.id == id || (enabledOnly && !other.enabled))
            continue;
        if (publishName(other.repository, other.tag) == wanted)
            return Error{ErrorCode::Conflict,
                         tr("plugin %1:%2 would publish its socket as %3.sock, the name under which plugin %4 "
                            "publishes its own; use another name (for example --alias)")
                             .arg(repository, tag, wanted, other.name())};
    }
    return {};
}

bool SocketPublisher::isSocket(const QString &path)
{
    struct stat st
    {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISSOCK(st.st_mode);
}

Status SocketPublisher::writeRecord(const QString &recordPath, const Record &record)
{
    const QJsonObject object{{QStringLiteral("Path"), record.path},
                             {QStringLiteral("Device"), QString::number(record.device)},
                             {QStringLiteral("Inode"), QString::number(record.inode)}};
    return AtomicFile::write(recordPath, QJsonDocument(object).toJson(QJsonDocument::Compact), 0600);
}

std::optional<SocketPublisher::Record> SocketPublisher::readRecord(const QString &recordPath)
{
    QFile file(recordPath);
    if (!file.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject object = QJsonDocument::fromJson(file.readAll()).object();
    Record record;
    record.path = object.value(QStringLiteral("Path")).toString();
    record.device = object.value(QStringLiteral("Device")).toString().toULongLong();
    record.inode = object.value(QStringLiteral("Inode")).toString().toULongLong();
    if (record.path.isEmpty() || record.inode == 0)
        return std::nullopt;
    return record;
}

bool SocketPublisher::isRecorded(const QString &path, const QString &recordPath)
{
    const std::optional<Record> record = readRecord(recordPath);
    struct stat st
    {};
    return record && record->path == path && ::lstat(QFile::encodeName(path).constData(), &st) == 0 &&
           S_ISSOCK(st.st_mode) && quint64(st.st_dev) == record->device && quint64(st.st_ino) == record->inode;
}

void SocketPublisher::unpublish(const QString &path, const QString &recordPath)
{
    if (!isRecorded(path, recordPath)) {
        // Whatever is there now is not ours; the record of ours is stale.
        if (const auto record = readRecord(recordPath); record && !QFileInfo::exists(record->path))
            QFile::remove(recordPath);
        return;
    }
    if (QFile::encodeName(path).size() >= qsizetype(sizeof(sockaddr_un::sun_path)))
        return;
    if (!PluginSocket::serves(path)) {
        QFile::remove(path);
        QFile::remove(recordPath);
    }
}

} // namespace core
