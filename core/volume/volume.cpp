#include "core/volume/volume.h"

#include <QJsonArray>

namespace core {

namespace {

QJsonObject optionsObject(const QMap<QString, QString> &options)
{
    QJsonObject object;
    for (auto it = options.constBegin(); it != options.constEnd(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

} // namespace

QJsonObject Volume::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("Name"), name);
    object.insert(QStringLiteral("Driver"), driver);
    object.insert(QStringLiteral("Mountpoint"), hostMountpoint.isEmpty() ? mountpoint : hostMountpoint);
    if (!createdAt.isEmpty())
        object.insert(QStringLiteral("CreatedAt"), createdAt);
    if (!status.isEmpty())
        object.insert(QStringLiteral("Status"), status);
    object.insert(QStringLiteral("Labels"), QJsonValue::Null);
    object.insert(QStringLiteral("Scope"), scope);
    object.insert(QStringLiteral("Options"), options ? QJsonValue(optionsObject(*options)) : QJsonValue::Null);
    object.insert(QStringLiteral("Plugdesk"), QJsonObject{
                                                  {QStringLiteral("PluginMountpoint"), mountpoint},
                                                  {QStringLiteral("HostMountpoint"), hostMountpoint},
                                                  {QStringLiteral("PluginId"), pluginId},
                                                  {QStringLiteral("Mounts"), mounts},
                                              });
    return object;
}

Volume Volume::fromJson(const QJsonObject &object)
{
    Volume volume;
    const QJsonObject extra = object.value(QStringLiteral("Plugdesk")).toObject();
    volume.name = object.value(QStringLiteral("Name")).toString();
    volume.driver = object.value(QStringLiteral("Driver")).toString();
    volume.mountpoint = extra.contains(QStringLiteral("PluginMountpoint"))
                            ? extra.value(QStringLiteral("PluginMountpoint")).toString()
                            : object.value(QStringLiteral("Mountpoint")).toString();
    volume.hostMountpoint = extra.value(QStringLiteral("HostMountpoint")).toString();
    volume.pluginId = extra.value(QStringLiteral("PluginId")).toString();
    volume.mounts = extra.value(QStringLiteral("Mounts")).toInt();
    volume.createdAt = object.value(QStringLiteral("CreatedAt")).toString();
    volume.scope = object.value(QStringLiteral("Scope")).toString(QStringLiteral("local"));
    volume.status = object.value(QStringLiteral("Status")).toObject();
    const QJsonValue options = object.value(QStringLiteral("Options"));
    if (options.isObject()) {
        QMap<QString, QString> map;
        const QJsonObject optionObject = options.toObject();
        for (auto it = optionObject.constBegin(); it != optionObject.constEnd(); ++it)
            map.insert(it.key(), it.value().toString());
        volume.options = map;
    }
    return volume;
}

QVariant VolumeList::toVariant() const
{
    return QVariant::fromValue(*this);
}

QJsonObject VolumeList::toJson() const
{
    QJsonArray list;
    for (const Volume &volume : volumes)
        list.append(volume.toJson());
    QJsonArray warnings;
    QJsonArray problems;
    for (const VolumeDriverError &failure : errors) {
        warnings.append(QString(failure.driver + QStringLiteral(": ") + failure.error.message));
        problems.append(QJsonObject{{QStringLiteral("Driver"), failure.driver},
                                    {QStringLiteral("Code"), errorCodeName(failure.error.code)},
                                    {QStringLiteral("Message"), failure.error.message}});
    }
    return QJsonObject{{QStringLiteral("Volumes"), list},
                       {QStringLiteral("Warnings"), warnings},
                       {QStringLiteral("Plugdesk"), QJsonObject{{QStringLiteral("Errors"), problems}}}};
}

VolumeList VolumeList::fromVariant(const QVariant &variant)
{
    if (variant.metaType() == QMetaType::fromType<VolumeList>())
        return variant.value<VolumeList>();
    return fromJson(variant.typeId() == QMetaType::QJsonObject ? variant.toJsonObject()
                                                               : QJsonObject::fromVariantMap(variant.toMap()));
}

VolumeList VolumeList::fromJson(const QJsonObject &object)
{
    VolumeList list;
    for (const QJsonValue value : object.value(QStringLiteral("Volumes")).toArray())
        list.volumes.append(Volume::fromJson(value.toObject()));
    const QJsonArray problems =
        object.value(QStringLiteral("Plugdesk")).toObject().value(QStringLiteral("Errors")).toArray();
    for (const QJsonValue value : problems) {
        const QJsonObject problem = value.toObject();
        list.errors.append(
            {problem.value(QStringLiteral("Driver")).toString(),
             Error{errorCodeFromName(problem.value(QStringLiteral("Code")).toString()).value_or(ErrorCode::Internal),
                   problem.value(QStringLiteral("Message")).toString()}});
    }
    return list;
}

} // namespace core
