#include "core/plugin/pluginstream.h"

#include <QJsonDocument>
#include <optional>

namespace core {

namespace {

// Each type's writer and reader (the lists call them for their items).
void put(QDataStream &out, const PluginMount &mount);
void put(QDataStream &out, const PluginDevice &device);
void put(QDataStream &out, const PluginEnv &env);
void put(QDataStream &out, const Privilege &privilege);
void put(QDataStream &out, const Plugin &plugin);
void get(QDataStream &in, PluginMount &mount);
void get(QDataStream &in, PluginDevice &device);
void get(QDataStream &in, PluginEnv &env);
void get(QDataStream &in, Privilege &privilege);
void get(QDataStream &in, Plugin &plugin);

void put(QDataStream &out, const std::optional<QString> &value)
{
    out << value.has_value();
    if (value)
        out << *value;
}

void put(QDataStream &out, const std::optional<int> &value)
{
    out << value.has_value();
    if (value)
        out << qint32(*value);
}

void put(QDataStream &out, const PluginMount &mount)
{
    out << mount.name << mount.description << mount.settable;
    put(out, mount.source);
    out << mount.destination << mount.type << mount.options;
}

void put(QDataStream &out, const PluginDevice &device)
{
    out << device.name << device.description << device.settable;
    put(out, device.path);
}

template<typename T>
void putList(QDataStream &out, const QList<T> &list)
{
    out << quint32(list.size());
    for (const T &item : list)
        put(out, item);
}

void put(QDataStream &out, const PluginEnv &env)
{
    out << env.name << env.description << env.settable;
    put(out, env.value);
}

void put(QDataStream &out, const PluginConfig &config)
{
    out << quint8(config.version == PluginConfig::Version::V0 ? 0 : 1) << config.description << config.documentation
        << config.interfaceTypes << config.interfaceSocket << config.protocolScheme << config.entrypoint
        << config.workDir;
    put(out, config.userUid);
    put(out, config.userGid);
    out << config.networkType << config.capabilities << config.allowAllDevices;
    putList(out, config.devices);
    putList(out, config.mounts);
    putList(out, config.env);
    out << config.args.name << config.args.description << config.args.settable << config.args.value
        << config.propagatedMount << config.ipcHost << config.pidHost << config.rootfsType << config.rootfsDiffIds;
}

void put(QDataStream &out, const Privilege &privilege)
{
    out << privilege.name << privilege.description << privilege.value << privilege.mountType << privilege.mountOptions;
}

void put(QDataStream &out, const Plugin &plugin)
{
    out << plugin.id << plugin.repository << plugin.tag << plugin.enabled << plugin.pluginReference;
    put(out, plugin.config);
    putList(out, plugin.settings.mounts);
    out << plugin.settings.env << plugin.settings.args;
    putList(out, plugin.settings.devices);
    out << plugin.configDigest << plugin.manifestDigest << plugin.blobsums;
    out << plugin.approved.has_value();
    if (plugin.approved)
        putList(out, plugin.approved->items());
    out << (plugin.raw.isEmpty() ? QByteArray() : QJsonDocument(plugin.raw).toJson(QJsonDocument::Compact));
}

void get(QDataStream &in, std::optional<QString> &value)
{
    bool has = false;
    in >> has;
    value.reset();
    if (has) {
        QString text;
        in >> text;
        value = std::move(text);
    }
}

void get(QDataStream &in, std::optional<int> &value)
{
    bool has = false;
    in >> has;
    value.reset();
    if (has) {
        qint32 number = 0;
        in >> number;
        value = int(number);
    }
}

void get(QDataStream &in, PluginMount &mount)
{
    in >> mount.name >> mount.description >> mount.settable;
    get(in, mount.source);
    in >> mount.destination >> mount.type >> mount.options;
}

void get(QDataStream &in, PluginDevice &device)
{
    in >> device.name >> device.description >> device.settable;
    get(in, device.path);
}

void get(QDataStream &in, PluginEnv &env)
{
    in >> env.name >> env.description >> env.settable;
    get(in, env.value);
}

void get(QDataStream &in, Privilege &privilege)
{
    in >> privilege.name >> privilege.description >> privilege.value >> privilege.mountType >> privilege.mountOptions;
}

// A count can claim more than the data holds: no item is made for what is not there.
template<typename T>
void getList(QDataStream &in, QList<T> &list)
{
    quint32 count = 0;
    in >> count;
    list.clear();
    for (quint32 index = 0; index < count && in.status() == QDataStream::Ok && !in.atEnd(); ++index) {
        T item;
        get(in, item);
        list.append(std::move(item));
    }
    if (qsizetype(count) != list.size())
        in.setStatus(QDataStream::ReadPastEnd);
}

void get(QDataStream &in, PluginConfig &config)
{
    quint8 version = 1;
    in >> version >> config.description >> config.documentation >> config.interfaceTypes >> config.interfaceSocket >>
        config.protocolScheme >> config.entrypoint >> config.workDir;
    if (version > 1)
        in.setStatus(QDataStream::ReadCorruptData);
    config.version = version == 0 ? PluginConfig::Version::V0 : PluginConfig::Version::V1;
    get(in, config.userUid);
    get(in, config.userGid);
    in >> config.networkType >> config.capabilities >> config.allowAllDevices;
    getList(in, config.devices);
    getList(in, config.mounts);
    getList(in, config.env);
    in >> config.args.name >> config.args.description >> config.args.settable >> config.args.value >>
        config.propagatedMount >> config.ipcHost >> config.pidHost >> config.rootfsType >> config.rootfsDiffIds;
}

void get(QDataStream &in, Plugin &plugin)
{
    in >> plugin.id >> plugin.repository >> plugin.tag >> plugin.enabled >> plugin.pluginReference;
    get(in, plugin.config);
    getList(in, plugin.settings.mounts);
    in >> plugin.settings.env >> plugin.settings.args;
    getList(in, plugin.settings.devices);
    in >> plugin.configDigest >> plugin.manifestDigest >> plugin.blobsums;
    bool approved = false;
    in >> approved;
    plugin.approved.reset();
    if (approved) {
        QList<Privilege> items;
        getList(in, items);
        plugin.approved = Privileges(std::move(items));
    }
    QByteArray raw;
    in >> raw;
    plugin.raw = {};
    if (!raw.isEmpty()) {
        const QJsonDocument document = QJsonDocument::fromJson(raw);
        if (!document.isObject())
            in.setStatus(QDataStream::ReadCorruptData);
        plugin.raw = document.object();
    }
}

} // namespace

void PluginStream::write(QDataStream &out, const Plugin &plugin)
{
    put(out, plugin);
}

void PluginStream::read(QDataStream &in, Plugin &plugin)
{
    get(in, plugin);
}

void PluginStream::writeList(QDataStream &out, const QList<Plugin> &plugins)
{
    putList(out, plugins);
}

void PluginStream::readList(QDataStream &in, QList<Plugin> &plugins)
{
    getList(in, plugins);
}

} // namespace core
