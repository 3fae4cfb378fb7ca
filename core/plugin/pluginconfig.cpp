#include "core/plugin/pluginconfig.h"

#include "core/base/json.h"

#include <QJsonDocument>
#include <QJsonParseError>
#include <climits>
#include <cmath>

using namespace Qt::StringLiterals;

namespace core {

namespace {

// The element path "mounts[1]" for index 1 of "mounts".
QString indexed(const QString &path, qsizetype index)
{
    return path + u'[' + QString::number(index) + u']';
}

// The child path "interface.types": error paths use the lower-cased Go field name, as the docs write them.
QString child(const QString &path, QStringView key)
{
    const QString name = key.toString().toLower();
    return path.isEmpty() ? name : path + u'.' + name;
}

QJsonArray toArray(const QStringList &list)
{
    return QJsonArray::fromStringList(list);
}

QJsonValue toNullable(const std::optional<QString> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

// Picks the Docker (capitalised) or v0 (lower-case first letter) spelling of a key.
QString key(JsonKeys keys, const QString &dockerKey)
{
    if (keys == JsonKeys::Docker)
        return dockerKey;
    return dockerKey.left(1).toLower() + dockerKey.mid(1);
}

template<typename T>
QList<T> readList(GoJsonReader &reader, const QJsonValue &value, const QString &path)
{
    QList<T> items;
    const QJsonArray array = reader.array(value, path);
    for (qsizetype i = 0; i < array.size(); ++i)
        items.append(T::fromJson(array.at(i), indexed(path, i), reader));
    return items;
}

template<typename T>
QJsonArray writeList(const QList<T> &items, JsonKeys keys)
{
    QJsonArray array;
    for (const T &item : items)
        array.append(item.toJson(keys));
    return array;
}

} // namespace

// --- GoJsonReader ---

QJsonValue GoJsonReader::field(const QJsonObject &object, QStringView key)
{
    return json::valueCI(object, key);
}

void GoJsonReader::fail(const QString &message)
{
    if (!m_error)
        m_error = Error{ErrorCode::Corrupt, message};
}

QJsonObject GoJsonReader::object(const QJsonValue &value, const QString &path)
{
    if (value.isObject())
        return value.toObject();
    if (!value.isNull() && !value.isUndefined())
        fail(tr("field \"%1\" must be an object").arg(path));
    return {};
}

QJsonArray GoJsonReader::array(const QJsonValue &value, const QString &path)
{
    if (value.isArray())
        return value.toArray();
    if (!value.isNull() && !value.isUndefined())
        fail(tr("field \"%1\" must be a list").arg(path));
    return {};
}

QString GoJsonReader::string(const QJsonValue &value, const QString &path)
{
    if (value.isString())
        return value.toString();
    if (!value.isNull() && !value.isUndefined())
        fail(tr("field \"%1\" must be a string").arg(path));
    return {};
}

std::optional<QString> GoJsonReader::nullableString(const QJsonValue &value, const QString &path)
{
    if (value.isString())
        return value.toString();
    if (!value.isNull() && !value.isUndefined())
        fail(tr("field \"%1\" must be a string or null").arg(path));
    return std::nullopt;
}

QStringList GoJsonReader::stringList(const QJsonValue &value, const QString &path)
{
    QStringList list;
    if (value.isNull() || value.isUndefined())
        return list;
    if (!value.isArray()) {
        fail(tr("field \"%1\" must be a list of strings").arg(path));
        return list;
    }
    const QJsonArray array = value.toArray();
    for (const QJsonValue element : array) {
        if (element.isString()) {
            list.append(element.toString());
        } else if (element.isNull()) {
            list.append(QString()); // Go leaves a null element as the zero string
        } else {
            fail(tr("field \"%1\" must be a list of strings").arg(path));
            return {};
        }
    }
    return list;
}

bool GoJsonReader::boolean(const QJsonValue &value, const QString &path)
{
    if (value.isBool())
        return value.toBool();
    if (!value.isNull() && !value.isUndefined())
        fail(tr("field \"%1\" must be true or false").arg(path));
    return false;
}

std::optional<int> GoJsonReader::id(const QJsonValue &value, const QString &path)
{
    if (value.isNull() || value.isUndefined())
        return std::nullopt;
    const double number = value.toDouble(-1);
    if (!value.isDouble() || number < 0 || number > INT_MAX || std::floor(number) != number) {
        fail(tr("field \"%1\" must be a whole number from 0 to %2").arg(path).arg(INT_MAX));
        return std::nullopt;
    }
    return int(number);
}

// --- the pieces ---

PluginMount PluginMount::fromJson(const QJsonValue &value, const QString &path, GoJsonReader &reader)
{
    const QJsonObject object = reader.object(value, path);
    auto at = [&](QStringView k) { return GoJsonReader::field(object, k); };
    PluginMount mount;
    mount.name = reader.string(at(u"Name"), child(path, u"Name"));
    mount.description = reader.string(at(u"Description"), child(path, u"Description"));
    mount.settable = reader.stringList(at(u"Settable"), child(path, u"Settable"));
    mount.source = reader.nullableString(at(u"Source"), child(path, u"Source"));
    mount.destination = reader.string(at(u"Destination"), child(path, u"Destination"));
    mount.type = reader.string(at(u"Type"), child(path, u"Type"));
    mount.options = reader.stringList(at(u"Options"), child(path, u"Options"));
    return mount;
}

QJsonObject PluginMount::toJson(JsonKeys keys) const
{
    return {{key(keys, u"Name"_s), name},
            {key(keys, u"Description"_s), description},
            {key(keys, u"Settable"_s), toArray(settable)},
            {key(keys, u"Source"_s), toNullable(source)},
            {key(keys, u"Destination"_s), destination},
            {key(keys, u"Type"_s), type},
            {key(keys, u"Options"_s), toArray(options)}};
}

PluginEnv PluginEnv::fromJson(const QJsonValue &value, const QString &path, GoJsonReader &reader)
{
    const QJsonObject object = reader.object(value, path);
    auto at = [&](QStringView k) { return GoJsonReader::field(object, k); };
    PluginEnv env;
    env.name = reader.string(at(u"Name"), child(path, u"Name"));
    env.description = reader.string(at(u"Description"), child(path, u"Description"));
    env.settable = reader.stringList(at(u"Settable"), child(path, u"Settable"));
    env.value = reader.nullableString(at(u"Value"), child(path, u"Value"));
    return env;
}

QJsonObject PluginEnv::toJson(JsonKeys keys) const
{
    return {{key(keys, u"Name"_s), name},
            {key(keys, u"Description"_s), description},
            {key(keys, u"Settable"_s), toArray(settable)},
            {key(keys, u"Value"_s), toNullable(value)}};
}

PluginDevice PluginDevice::fromJson(const QJsonValue &value, const QString &path, GoJsonReader &reader)
{
    const QJsonObject object = reader.object(value, path);
    auto at = [&](QStringView k) { return GoJsonReader::field(object, k); };
    PluginDevice device;
    device.name = reader.string(at(u"Name"), child(path, u"Name"));
    device.description = reader.string(at(u"Description"), child(path, u"Description"));
    device.settable = reader.stringList(at(u"Settable"), child(path, u"Settable"));
    device.path = reader.nullableString(at(u"Path"), child(path, u"Path"));
    return device;
}

QJsonObject PluginDevice::toJson(JsonKeys keys) const
{
    return {{key(keys, u"Name"_s), name},
            {key(keys, u"Description"_s), description},
            {key(keys, u"Settable"_s), toArray(settable)},
            {key(keys, u"Path"_s), toNullable(path)}};
}

PluginArgs PluginArgs::fromJson(const QJsonValue &value, const QString &path, GoJsonReader &reader)
{
    const QJsonObject object = reader.object(value, path);
    auto at = [&](QStringView k) { return GoJsonReader::field(object, k); };
    PluginArgs args;
    args.name = reader.string(at(u"Name"), child(path, u"Name"));
    args.description = reader.string(at(u"Description"), child(path, u"Description"));
    args.settable = reader.stringList(at(u"Settable"), child(path, u"Settable"));
    args.value = reader.stringList(at(u"Value"), child(path, u"Value"));
    return args;
}

QJsonObject PluginArgs::toJson(JsonKeys keys) const
{
    return {{key(keys, u"Name"_s), name},
            {key(keys, u"Description"_s), description},
            {key(keys, u"Settable"_s), toArray(settable)},
            {key(keys, u"Value"_s), toArray(value)}};
}

std::optional<PluginInterfaceType> PluginInterfaceType::parse(const QString &text)
{
    // moby's CapabilityID: split at the last '.' before the first '/'.
    const qsizetype slash = text.indexOf(u'/');
    if (slash < 0)
        return std::nullopt;
    const qsizetype dot = text.lastIndexOf(u'.', slash);
    if (dot < 0)
        return std::nullopt;
    PluginInterfaceType type{text.left(dot), text.mid(dot + 1, slash - dot - 1), text.mid(slash + 1)};
    if (type.prefix.isEmpty() || type.capability.isEmpty() || type.version.isEmpty())
        return std::nullopt;
    return type;
}

// --- PluginConfig ---

Result<PluginConfig> PluginConfig::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{ErrorCode::Corrupt, tr("plugin config is not valid JSON: %1 at offset %2")
                                             .arg(parseError.errorString())
                                             .arg(parseError.offset)};
    if (!document.isObject())
        return Error{ErrorCode::Corrupt, tr("plugin config must be a JSON object")};
    return fromJsonObject(document.object());
}

Result<PluginConfig> PluginConfig::fromJsonObject(const QJsonObject &object)
{
    GoJsonReader reader;
    auto at = [](const QJsonObject &o, QStringView k) { return GoJsonReader::field(o, k); };

    PluginConfig config;
    const QString manifestVersion = reader.string(at(object, u"ManifestVersion"), u"manifestversion"_s);
    config.version = manifestVersion == u"v0" ? Version::V0 : Version::V1;

    config.description = reader.string(at(object, u"Description"), u"description"_s);
    config.documentation = reader.string(at(object, u"Documentation"), u"documentation"_s);

    const QJsonObject iface = reader.object(at(object, u"Interface"), u"interface"_s);
    config.interfaceTypes = reader.stringList(at(iface, u"Types"), u"interface.types"_s);
    config.interfaceSocket = reader.string(at(iface, u"Socket"), u"interface.socket"_s);
    config.protocolScheme = reader.string(at(iface, u"ProtocolScheme"), u"interface.protocolscheme"_s);

    config.entrypoint = reader.stringList(at(object, u"Entrypoint"), u"entrypoint"_s);
    config.workDir = reader.string(at(object, u"WorkDir"), u"workdir"_s);

    const QJsonObject user = reader.object(at(object, u"User"), u"user"_s);
    config.userUid = reader.id(at(user, u"UID"), u"user.uid"_s);
    config.userGid = reader.id(at(user, u"GID"), u"user.gid"_s);

    const QJsonObject network = reader.object(at(object, u"Network"), u"network"_s);
    config.networkType = reader.string(at(network, u"Type"), u"network.type"_s);

    if (config.version == Version::V0) {
        // v0 keeps these at the top level (docs/docker-compat.md §2.4).
        config.capabilities = reader.stringList(at(object, u"Capabilities"), u"capabilities"_s);
        config.allowAllDevices = reader.boolean(at(object, u"AllowAllDevices"), u"allowalldevices"_s);
        config.devices = readList<PluginDevice>(reader, at(object, u"Devices"), u"devices"_s);
    } else {
        const QJsonObject linuxObject = reader.object(at(object, u"Linux"), u"linux"_s);
        config.capabilities = reader.stringList(at(linuxObject, u"Capabilities"), u"linux.capabilities"_s);
        config.allowAllDevices = reader.boolean(at(linuxObject, u"AllowAllDevices"), u"linux.allowalldevices"_s);
        config.devices = readList<PluginDevice>(reader, at(linuxObject, u"Devices"), u"linux.devices"_s);
    }
    config.mounts = readList<PluginMount>(reader, at(object, u"Mounts"), u"mounts"_s);
    config.env = readList<PluginEnv>(reader, at(object, u"Env"), u"env"_s);
    config.args = PluginArgs::fromJson(at(object, u"Args"), u"args"_s, reader);

    config.propagatedMount = reader.string(at(object, u"PropagatedMount"), u"propagatedmount"_s);
    config.ipcHost = reader.boolean(at(object, u"IpcHost"), u"ipchost"_s);
    config.pidHost = reader.boolean(at(object, u"PidHost"), u"pidhost"_s);

    const QJsonObject rootfs = reader.object(at(object, u"rootfs"), u"rootfs"_s);
    config.rootfsType = reader.string(at(rootfs, u"type"), u"rootfs.type"_s);
    config.rootfsDiffIds = reader.stringList(at(rootfs, u"diff_ids"), u"rootfs.diff_ids"_s);

    if (reader.failed())
        return reader.error();
    return config;
}

Status PluginConfig::validate() const
{
    auto mustNotBeEmpty = [](const QString &path) {
        return Error{ErrorCode::Corrupt, tr("field \"%1\" must not be empty").arg(path)};
    };

    if (entrypoint.isEmpty())
        return mustNotBeEmpty(u"entrypoint"_s);
    if (entrypoint.first().isEmpty())
        return mustNotBeEmpty(u"entrypoint[0]"_s);

    if (interfaceTypes.isEmpty())
        return mustNotBeEmpty(u"interface.types"_s);
    for (qsizetype i = 0; i < interfaceTypes.size(); ++i) {
        if (!PluginInterfaceType::parse(interfaceTypes.at(i)))
            return Error{ErrorCode::Corrupt,
                         tr("field \"%1\" must have the form <prefix>.<capability>/<version>, not \"%2\"")
                             .arg(indexed(u"interface.types"_s, i), interfaceTypes.at(i))};
    }

    if (interfaceSocket.isEmpty())
        return mustNotBeEmpty(u"interface.socket"_s);
    // The socket is created in the plugin's /run/docker/plugins; a path could point anywhere.
    if (interfaceSocket.contains(u'/') || interfaceSocket == u"." || interfaceSocket == u"..")
        return Error{ErrorCode::Corrupt,
                     tr("field \"interface.socket\" must be a plain file name, not \"%1\"").arg(interfaceSocket)};

    if (!protocolScheme.isEmpty() && protocolScheme != u"moby.plugins.http/v1")
        return Error{ErrorCode::Corrupt,
                     tr("field \"interface.protocolscheme\": plugin protocol not supported: %1").arg(protocolScheme)};

    static const QStringList networkTypes{u""_s, u"host"_s, u"bridge"_s, u"none"_s};
    if (!networkTypes.contains(networkType))
        return Error{
            ErrorCode::Corrupt,
            tr("field \"network.type\" must be \"host\", \"bridge\", \"none\" or empty, not \"%1\"").arg(networkType)};

    for (qsizetype i = 0; i < mounts.size(); ++i) {
        if (mounts.at(i).destination.isEmpty())
            return mustNotBeEmpty(indexed(u"mounts"_s, i) + u".destination"_s);
    }
    for (qsizetype i = 0; i < env.size(); ++i) {
        if (env.at(i).name.isEmpty())
            return mustNotBeEmpty(indexed(u"env"_s, i) + u".name"_s);
    }
    return {};
}

QJsonObject PluginConfig::toJson() const
{
    QJsonObject iface{{u"Types"_s, toArray(interfaceTypes)}, {u"Socket"_s, interfaceSocket}};
    if (!protocolScheme.isEmpty()) // omitempty in moby's Interface
        iface.insert(u"ProtocolScheme"_s, protocolScheme);

    QJsonObject object{
        {u"Description"_s, description},
        {u"Documentation"_s, documentation},
        {u"Interface"_s, iface},
        {u"Entrypoint"_s, toArray(entrypoint)},
        {u"WorkDir"_s, workDir},
        {u"Network"_s, QJsonObject{{u"Type"_s, networkType}}},
        {u"Linux"_s, QJsonObject{{u"Capabilities"_s, toArray(capabilities)},
                                 {u"AllowAllDevices"_s, allowAllDevices},
                                 {u"Devices"_s, writeList(devices, JsonKeys::Docker)}}},
        {u"PropagatedMount"_s, propagatedMount},
        {u"IpcHost"_s, ipcHost},
        {u"PidHost"_s, pidHost},
        {u"Mounts"_s, writeList(mounts, JsonKeys::Docker)},
        {u"Env"_s, writeList(env, JsonKeys::Docker)},
        {u"Args"_s, args.toJson(JsonKeys::Docker)},
    };

    QJsonObject user;
    if (userUid)
        user.insert(u"UID"_s, *userUid);
    if (userGid)
        user.insert(u"GID"_s, *userGid);
    if (!user.isEmpty())
        object.insert(u"User"_s, user);

    if (!rootfsType.isEmpty() || !rootfsDiffIds.isEmpty())
        object.insert(u"rootfs"_s, QJsonObject{{u"type"_s, rootfsType}, {u"diff_ids"_s, toArray(rootfsDiffIds)}});
    return object;
}

QJsonObject PluginConfig::toManifestV0Json() const
{
    QJsonObject iface{{u"types"_s, toArray(interfaceTypes)}, {u"socket"_s, interfaceSocket}};
    if (!protocolScheme.isEmpty())
        iface.insert(u"protocolScheme"_s, protocolScheme);

    QJsonObject object{
        {u"manifestVersion"_s, u"v0"_s},
        {u"description"_s, description},
        {u"documentation"_s, documentation},
        {u"interface"_s, iface},
        {u"entrypoint"_s, toArray(entrypoint)},
        {u"workdir"_s, workDir},
        {u"network"_s, QJsonObject{{u"type"_s, networkType}}},
        {u"capabilities"_s, toArray(capabilities)},
        {u"mounts"_s, writeList(mounts, JsonKeys::ManifestV0)},
        {u"devices"_s, writeList(devices, JsonKeys::ManifestV0)},
        {u"env"_s, writeList(env, JsonKeys::ManifestV0)},
        {u"args"_s, args.toJson(JsonKeys::ManifestV0)},
    };

    QJsonObject user;
    if (userUid)
        user.insert(u"Uid"_s, *userUid);
    if (userGid)
        user.insert(u"Gid"_s, *userGid);
    if (!user.isEmpty())
        object.insert(u"user"_s, user);

    // v0 had none of these; they are written only when set, so a config that came from v0 writes back as it was.
    if (allowAllDevices)
        object.insert(u"allowAllDevices"_s, true);
    if (!propagatedMount.isEmpty())
        object.insert(u"propagatedMount"_s, propagatedMount);
    if (ipcHost)
        object.insert(u"ipcHost"_s, true);
    if (pidHost)
        object.insert(u"pidHost"_s, true);
    if (!rootfsType.isEmpty() || !rootfsDiffIds.isEmpty())
        object.insert(u"rootfs"_s, QJsonObject{{u"type"_s, rootfsType}, {u"diff_ids"_s, toArray(rootfsDiffIds)}});
    return object;
}

QList<PluginInterfaceType> PluginConfig::parsedTypes() const
{
    QList<PluginInterfaceType> types;
    for (const QString &text : interfaceTypes) {
        if (auto type = PluginInterfaceType::parse(text))
            types.append(*type);
    }
    return types;
}

bool PluginConfig::hasCapability(const QString &capability) const
{
    // As moby's FilterByCap: the query is lower-cased, the declared capability is compared as written.
    const QString wanted = capability.toLower();
    const QList<PluginInterfaceType> types = parsedTypes();
    return std::any_of(types.cbegin(), types.cend(), [&](const PluginInterfaceType &type) {
        return type.prefix == u"docker" && type.capability == wanted;
    });
}

} // namespace core
