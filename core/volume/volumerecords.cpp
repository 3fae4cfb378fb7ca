#include "core/volume/volumerecords.h"

#include "core/base/atomicfile.h"
#include "core/store/storelock.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace core {

std::optional<VolumeRecords::Created> VolumeRecords::Data::createdNamed(const QString &name) const
{
    for (const Created &entry : created) {
        if (entry.name == name)
            return entry;
    }
    return std::nullopt;
}

QList<VolumeRecords::Mount> VolumeRecords::Data::mountsOf(const QString &name) const
{
    QList<Mount> found;
    for (const Mount &mount : mounts) {
        if (mount.name == name)
            found.append(mount);
    }
    return found;
}

QList<VolumeRecords::Mount> VolumeRecords::Data::mountsByPlugin(const QString &pluginId) const
{
    QList<Mount> found;
    for (const Mount &mount : mounts) {
        if (mount.pluginId == pluginId)
            found.append(mount);
    }
    return found;
}

VolumeRecords::VolumeRecords(QString storeRoot)
    : m_root(std::move(storeRoot))
{}

Result<VolumeRecords::Data> VolumeRecords::load() const
{
    QFile file(path());
    if (!file.exists())
        return Data{};
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, tr("cannot read %1: %2").arg(path(), file.errorString())};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error{ErrorCode::Corrupt, tr("%1 is not valid JSON: %2").arg(path(), parseError.errorString())};
    Data data;
    for (const QJsonValue value : document.object().value(QStringLiteral("volumes")).toArray()) {
        const QJsonObject object = value.toObject();
        Created entry{object.value(QStringLiteral("name")).toString(),
                      object.value(QStringLiteral("pluginId")).toString(),
                      object.value(QStringLiteral("driver")).toString(),
                      {}};
        const QJsonObject options = object.value(QStringLiteral("options")).toObject();
        for (auto it = options.constBegin(); it != options.constEnd(); ++it)
            entry.options.insert(it.key(), it.value().toString());
        if (!entry.name.isEmpty())
            data.created.append(entry);
    }
    for (const QJsonValue value : document.object().value(QStringLiteral("mounts")).toArray()) {
        const QJsonObject object = value.toObject();
        Mount mount{object.value(QStringLiteral("id")).toString(),
                    object.value(QStringLiteral("name")).toString(),
                    object.value(QStringLiteral("pluginId")).toString(),
                    object.value(QStringLiteral("driver")).toString(),
                    object.value(QStringLiteral("mountpoint")).toString(),
                    object.value(QStringLiteral("hostMountpoint")).toString(),
                    object.value(QStringLiteral("since")).toString()};
        if (!mount.id.isEmpty() && !mount.name.isEmpty())
            data.mounts.append(mount);
    }
    return data;
}

Status VolumeRecords::save(const Data &data) const
{
    QJsonArray volumes;
    for (const Created &entry : data.created) {
        QJsonObject options;
        for (auto it = entry.options.constBegin(); it != entry.options.constEnd(); ++it)
            options.insert(it.key(), it.value());
        volumes.append(QJsonObject{{QStringLiteral("name"), entry.name},
                                   {QStringLiteral("pluginId"), entry.pluginId},
                                   {QStringLiteral("driver"), entry.driver},
                                   {QStringLiteral("options"), options}});
    }
    QJsonArray mounts;
    for (const Mount &mount : data.mounts)
        mounts.append(QJsonObject{{QStringLiteral("id"), mount.id},
                                  {QStringLiteral("name"), mount.name},
                                  {QStringLiteral("pluginId"), mount.pluginId},
                                  {QStringLiteral("driver"), mount.driver},
                                  {QStringLiteral("mountpoint"), mount.mountpoint},
                                  {QStringLiteral("hostMountpoint"), mount.hostMountpoint},
                                  {QStringLiteral("since"), mount.since}});
    const QJsonObject root{{QStringLiteral("volumes"), volumes}, {QStringLiteral("mounts"), mounts}};
    return AtomicFile::write(path(), QJsonDocument(root).toJson(), 0600);
}

Status VolumeRecords::update(const QString &purpose, const std::function<void(Data &)> &change) const
{
    auto lock = StoreLock::acquire(m_root, purpose);
    if (!lock)
        return lock.error();
    auto data = load();
    if (!data)
        return data.error();
    change(*data);
    return save(*data);
}

} // namespace core
