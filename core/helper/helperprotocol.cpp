#include "core/helper/helperprotocol.h"

#include "core/volume/volume.h"

#include <QDBusMetaType>
#include <QJsonArray>
#include <QJsonDocument>

namespace core {

QString HelperProtocol::codeName(ErrorCode code)
{
    return errorCodeName(code);
}

std::optional<ErrorCode> HelperProtocol::codeFromName(const QString &name)
{
    return errorCodeFromName(name);
}

std::optional<ErrorCode> HelperProtocol::codeFromErrorName(const QString &dbusErrorName)
{
    if (!dbusErrorName.startsWith(errorPrefix()))
        return std::nullopt;
    return codeFromName(dbusErrorName.mid(errorPrefix().size()));
}

QJsonObject HelperProtocol::encodePlugin(const Plugin &plugin)
{
    QJsonObject object = plugin.toApiJson();
    QJsonArray blobsums;
    for (const QString &blobsum : plugin.blobsums)
        blobsums.append(blobsum);
    object.insert(
        QStringLiteral("Plugdesk"),
        QJsonObject{
            {QStringLiteral("Repository"), plugin.repository},
            {QStringLiteral("Tag"), plugin.tag},
            {QStringLiteral("ConfigVersion"),
             plugin.config.version == PluginConfig::Version::V0 ? QStringLiteral("v0") : QStringLiteral("v1")},
            {QStringLiteral("ConfigDigest"), plugin.configDigest},
            {QStringLiteral("ManifestDigest"), plugin.manifestDigest},
            {QStringLiteral("Blobsums"), blobsums},
            {QStringLiteral("ApprovedPrivileges"),
             plugin.approved ? QJsonValue(plugin.approved->toJson()) : QJsonValue(QJsonValue::Null)},
        });
    return object;
}

Result<Plugin> HelperProtocol::decodePlugin(const QJsonObject &object)
{
    const QJsonObject extra = object.value(QStringLiteral("Plugdesk")).toObject();
    Plugin plugin;
    plugin.id = object.value(QStringLiteral("Id")).toString();
    plugin.repository = extra.value(QStringLiteral("Repository")).toString();
    plugin.tag = extra.value(QStringLiteral("Tag")).toString();
    if (plugin.id.isEmpty() || plugin.repository.isEmpty() || plugin.tag.isEmpty())
        return Error{ErrorCode::Internal, tr("the helper sent a plugin without an id, repository or tag")};
    plugin.enabled = object.value(QStringLiteral("Enabled")).toBool();
    plugin.pluginReference = object.value(QStringLiteral("PluginReference")).toString();
    auto config = PluginConfig::fromJsonObject(object.value(QStringLiteral("Config")).toObject());
    // A malformed answer is a bug between helper and client, whatever the parser calls it: Internal.
    if (!config)
        return Error{ErrorCode::Internal,
                     tr("the helper sent a plugin config that does not parse: %1").arg(config.error().message)};
    plugin.config = std::move(*config);
    if (extra.value(QStringLiteral("ConfigVersion")).toString() == QLatin1String("v0"))
        plugin.config.version = PluginConfig::Version::V0;
    auto settings = Settings::fromJsonObject(object.value(QStringLiteral("Settings")).toObject());
    if (!settings)
        return Error{ErrorCode::Internal,
                     tr("the helper sent plugin settings that do not parse: %1").arg(settings.error().message)};
    plugin.settings = std::move(*settings);
    plugin.configDigest = extra.value(QStringLiteral("ConfigDigest")).toString();
    plugin.manifestDigest = extra.value(QStringLiteral("ManifestDigest")).toString();
    for (const QJsonValue blobsum : extra.value(QStringLiteral("Blobsums")).toArray())
        plugin.blobsums.append(blobsum.toString());
    if (const QJsonValue approved = extra.value(QStringLiteral("ApprovedPrivileges")); approved.isArray()) {
        auto privileges = Privileges::fromJson(approved.toArray());
        if (!privileges)
            return Error{
                ErrorCode::Internal,
                tr("the helper sent approved privileges that do not parse: %1").arg(privileges.error().message)};
        plugin.approved = *privileges;
    }
    return plugin;
}

QJsonObject HelperProtocol::encodePluginListObject(const PluginList &list)
{
    QJsonArray plugins;
    for (const Plugin &plugin : list.plugins)
        plugins.append(encodePlugin(plugin));
    QJsonArray problems;
    for (const Error &problem : list.problems)
        problems.append(QJsonObject{{QStringLiteral("code"), codeName(problem.code)},
                                    {QStringLiteral("message"), problem.message}});
    return QJsonObject{{QStringLiteral("plugins"), plugins}, {QStringLiteral("problems"), problems}};
}

QByteArray HelperProtocol::encodePluginList(const PluginList &list)
{
    return QJsonDocument(encodePluginListObject(list)).toJson(QJsonDocument::Compact);
}

Result<PluginList> HelperProtocol::decodePluginList(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{ErrorCode::Internal,
                     tr("the helper sent a plugin list that is not JSON: %1").arg(parseError.errorString())};
    if (!document.isObject())
        return Error{ErrorCode::Internal, tr("the helper sent a plugin list that is not a JSON object")};
    return decodePluginList(document.object());
}

Result<PluginList> HelperProtocol::decodePluginList(const QJsonObject &object)
{
    PluginList list;
    const QJsonArray plugins = object.value(QStringLiteral("plugins")).toArray();
    list.plugins.reserve(plugins.size());
    for (const QJsonValue value : plugins) {
        auto plugin = decodePlugin(value.toObject());
        if (!plugin)
            return plugin.error();
        list.plugins.append(std::move(*plugin));
    }
    for (const QJsonValue value : object.value(QStringLiteral("problems")).toArray()) {
        const QJsonObject problem = value.toObject();
        list.problems.append(
            {codeFromName(problem.value(QStringLiteral("code")).toString()).value_or(ErrorCode::Internal),
             problem.value(QStringLiteral("message")).toString()});
    }
    return list;
}

QJsonObject HelperProtocol::encodeRuntimeState(const PluginRuntimeState &state)
{
    QJsonObject object = state.toJson();
    // The fields the engine fills in, which state.json does not keep.
    object.insert(QStringLiteral("MonitorAlive"), state.monitorAlive);
    object.insert(QStringLiteral("SocketPath"), state.socketPath);
    object.insert(QStringLiteral("PublishedSocketPath"), state.publishedSocketPath);
    object.insert(QStringLiteral("Implements"), QJsonArray::fromStringList(state.implements));
    if (!state.reason.isEmpty())
        object.insert(QStringLiteral("Reason"), state.reason);
    return object;
}

PluginRuntimeState HelperProtocol::decodeRuntimeState(const QJsonObject &object)
{
    PluginRuntimeState state = PluginRuntimeState::fromJson(object);
    state.monitorAlive = object.value(QStringLiteral("MonitorAlive")).toBool();
    state.socketPath = object.value(QStringLiteral("SocketPath")).toString();
    state.publishedSocketPath = object.value(QStringLiteral("PublishedSocketPath")).toString();
    for (const QJsonValue value : object.value(QStringLiteral("Implements")).toArray())
        state.implements.append(value.toString());
    state.reason = object.value(QStringLiteral("Reason")).toString();
    return state;
}

QJsonArray HelperProtocol::encodeDrivers(const QList<VolumeDriverInfo> &drivers)
{
    QJsonArray array;
    for (const VolumeDriverInfo &driver : drivers)
        array.append(driver.toJson());
    return array;
}

QList<VolumeDriverInfo> HelperProtocol::decodeDrivers(const QJsonArray &array)
{
    QList<VolumeDriverInfo> drivers;
    for (const QJsonValue value : array)
        drivers.append(VolumeDriverInfo::fromJson(value.toObject()));
    return drivers;
}

QByteArray HelperProtocol::encodeSnapshot(const QByteArray &listJson, const Snapshot &snapshot)
{
    return encodeSnapshot(QJsonDocument::fromJson(listJson).object(), snapshot);
}

QByteArray HelperProtocol::encodeSnapshot(const QJsonObject &list, const Snapshot &snapshot)
{
    QJsonObject states;
    for (auto it = snapshot.states.constBegin(); it != snapshot.states.constEnd(); ++it)
        states.insert(it.key(), encodeRuntimeState(it.value()));
    return QJsonDocument(QJsonObject{{QStringLiteral("list"), list},
                                     {QStringLiteral("states"), states},
                                     {QStringLiteral("drivers"), encodeDrivers(snapshot.drivers)}})
        .toJson(QJsonDocument::Compact);
}

Result<HelperProtocol::Snapshot> HelperProtocol::decodeSnapshot(const QByteArray &json)
{
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    if (!object.value(QStringLiteral("list")).isObject())
        return Error{ErrorCode::Internal, tr("the helper sent a snapshot that is not JSON")};
    Snapshot snapshot;
    // Parsed once: the list is read from the snapshot's own object.
    auto list = decodePluginList(object.value(QStringLiteral("list")).toObject());
    if (!list)
        return list.error();
    snapshot.list = std::move(*list);
    const QJsonObject states = object.value(QStringLiteral("states")).toObject();
    snapshot.states.reserve(states.size());
    for (auto it = states.constBegin(); it != states.constEnd(); ++it)
        snapshot.states.insert(it.key(), decodeRuntimeState(it.value().toObject()));
    snapshot.drivers = decodeDrivers(object.value(QStringLiteral("drivers")).toArray());
    return snapshot;
}

QString HelperProtocol::encodeResult(const QVariant &result)
{
    if (!result.isValid() || result.isNull())
        return {};
    // Typed results that have a JSON shape of their own.
    if (result.metaType() == QMetaType::fromType<VolumeList>())
        return QString::fromUtf8(QJsonDocument(result.value<VolumeList>().toJson()).toJson(QJsonDocument::Compact));
    // QJsonDocument holds only objects and arrays: wrap the value in an array and cut the brackets off.
    const QByteArray wrapped =
        QJsonDocument(QJsonArray{QJsonValue::fromVariant(result)}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QVariant HelperProtocol::decodeResult(const QString &json)
{
    if (json.isEmpty())
        return {};
    const QJsonDocument document = QJsonDocument::fromJson("[" + json.toUtf8() + "]");
    return document.array().isEmpty() ? QVariant() : document.array().at(0).toVariant();
}

void HelperProtocol::registerTypes()
{
    static const bool registered = [] {
        qRegisterMetaType<core::JobProgress>();
        qDBusRegisterMetaType<core::JobProgress>();
        qDBusRegisterMetaType<QMap<QString, QString>>(); // a{ss}: CreateVolume's driver options
        return true;
    }();
    Q_UNUSED(registered);
}

} // namespace core

QDBusArgument &operator<<(QDBusArgument &argument, const core::JobProgress &progress)
{
    argument.beginStructure();
    argument << progress.phase << progress.item << progress.bytesDone << progress.bytesTotal << progress.text;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, core::JobProgress &progress)
{
    argument.beginStructure();
    argument >> progress.phase >> progress.item >> progress.bytesDone >> progress.bytesTotal >> progress.text;
    argument.endStructure();
    return argument;
}
