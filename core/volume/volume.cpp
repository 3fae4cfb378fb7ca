#include "core/volume/volume.h"

#include "core/helper/helperprotocol.h"

#include <QDir>
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
        warnings.append(failure.driver + QStringLiteral(": ") + failure.error.message);
        problems.append(QJsonObject{{QStringLiteral("Driver"), failure.driver},
                                    {QStringLiteral("Code"), HelperProtocol::codeName(failure.error.code)},
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
    for (const QJsonValue &value : object.value(QStringLiteral("Volumes")).toArray())
        list.volumes.append(Volume::fromJson(value.toObject()));
    const QJsonArray problems =
        object.value(QStringLiteral("Plugdesk")).toObject().value(QStringLiteral("Errors")).toArray();
    for (const QJsonValue &value : problems) {
        const QJsonObject problem = value.toObject();
        list.errors.append({problem.value(QStringLiteral("Driver")).toString(),
                            Error{HelperProtocol::codeFromName(problem.value(QStringLiteral("Code")).toString())
                                      .value_or(ErrorCode::Internal),
                                  problem.value(QStringLiteral("Message")).toString()}});
    }
    return list;
}

QString VolumeDriverInfo::hostPath(const QString &pluginPath) const
{
    if (pluginPath.isEmpty())
        return {};
    // Resolved lexically inside the plugin's root: ".." never climbs above "/", so no answer maps outside.
    QStringList parts;
    for (const QString &part : pluginPath.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        if (part == QLatin1String("..")) {
            if (!parts.isEmpty())
                parts.removeLast();
        } else if (part != QLatin1String(".")) {
            parts.append(part);
        }
    }
    const QString path = QLatin1Char('/') + parts.join(QLatin1Char('/'));
    if (!propagatedMount.isEmpty()) {
        const QString base = QDir::cleanPath(propagatedMount);
        // A path component prefix: /vols/a is under /vols, /volsx is not.
        if (path == base)
            return hostPropagatedMount;
        if (path.startsWith(base == QLatin1String("/") ? base : base + QLatin1Char('/')))
            return QDir::cleanPath(hostPropagatedMount + QLatin1Char('/') + path.mid(base.size()));
    }
    return QDir::cleanPath(rootfs + path);
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
