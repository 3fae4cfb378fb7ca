#include "core/plugin/privileges.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace core {

namespace {

Privilege mountPrivilege(const PluginMount &mount)
{
    // An empty source still counts: Docker sends [""], which its CLI prints as "mount: []".
    return {u"mount"_s, u"host path to mount"_s, {*mount.source}, mount.type, mount.options};
}

// Docker's computePrivileges over the mounts and devices given (the config's, or the effective ones).
Privileges compute(const PluginConfig &config, const QList<PluginMount> &mounts, const QList<PluginDevice> &devices)
{
    // The description strings are Docker's and stay untranslated: they travel in the API and are compared by
    // nothing, but clients show them as they are.
    QList<Privilege> items;
    const QString &network = config.networkType;
    if (!network.isEmpty() && network != u"null" && network != u"bridge")
        items.append({u"network"_s, u"permissions to access a network"_s, {network}, {}, {}});
    if (config.ipcHost)
        items.append({u"host ipc namespace"_s, u"allow access to host ipc namespace"_s, {u"true"_s}, {}, {}});
    if (config.pidHost)
        items.append({u"host pid namespace"_s, u"allow access to host pid namespace"_s, {u"true"_s}, {}, {}});
    for (const PluginMount &mount : mounts) {
        if (mount.source)
            items.append(mountPrivilege(mount));
    }
    for (const PluginDevice &device : devices) {
        if (device.path)
            items.append({u"device"_s, u"host device to access"_s, {*device.path}, {}, {}});
    }
    if (config.allowAllDevices)
        items.append({u"allow-all-devices"_s, u"allow 'rwm' access to all devices"_s, {u"true"_s}, {}, {}});
    if (!config.capabilities.isEmpty())
        items.append({u"capabilities"_s, u"list of additional capabilities required"_s, config.capabilities, {}, {}});
    return Privileges(std::move(items));
}

// What is compared: the name, the sorted value, a mount's type and sorted options.
struct Key
{
    QString name;
    QStringList value;
    QString type;
    QStringList options;
    bool operator==(const Key &) const = default;
    bool operator<(const Key &other) const
    {
        auto tie = [](const Key &k) { return std::tie(k.name, k.value, k.type, k.options); };
        return tie(*this) < tie(other);
    }
};

Key keyOf(const Privilege &item)
{
    Key key{item.name, item.value, item.mountType, item.mountOptions};
    key.value.sort();
    key.options.sort();
    return key;
}

QList<Key> sortedKeys(const QList<Privilege> &items)
{
    QList<Key> keys;
    keys.reserve(items.size());
    for (const Privilege &item : items)
        keys.append(keyOf(item));
    std::sort(keys.begin(), keys.end());
    return keys;
}

} // namespace

bool Privilege::isPlainMount() const
{
    static const QStringList harmless{u"bind"_s,     u"rbind"_s,  u"ro"_s,      u"rw"_s,         u"private"_s,
                                      u"rprivate"_s, u"shared"_s, u"rshared"_s, u"slave"_s,      u"rslave"_s,
                                      u"nosuid"_s,   u"nodev"_s,  u"noexec"_s,  u"unbindable"_s, u"runbindable"_s};
    if (name != u"mount")
        return true;
    if (!mountType.isEmpty() && mountType != u"bind")
        return false;
    return std::all_of(mountOptions.cbegin(), mountOptions.cend(),
                       [](const QString &option) { return harmless.contains(option); });
}

QString Privilege::promptLine() const
{
    // Go's %v of a []string: the values space-separated inside brackets.
    QString line = u" - "_s + name + u": ["_s + value.join(u' ') + u']';
    if (!isPlainMount()) {
        line += u" (type "_s + (mountType.isEmpty() ? u"none"_s : mountType);
        if (!mountOptions.isEmpty())
            line += u", options "_s + mountOptions.join(u',');
        line += u')';
    }
    return line;
}

Privileges Privileges::fromConfig(const PluginConfig &config)
{
    return compute(config, config.mounts, config.devices);
}

Privileges Privileges::effective(const PluginConfig &config, const Settings &settings)
{
    return compute(config, settings.effectiveMounts(config), settings.devices);
}

bool Privileges::isKernelFilesystem(const QString &type)
{
    static const QStringList kernel{u"proc"_s,     u"sysfs"_s,      u"cgroup"_s,     u"cgroup2"_s,     u"debugfs"_s,
                                    u"tracefs"_s,  u"securityfs"_s, u"bpf"_s,        u"configfs"_s,    u"devtmpfs"_s,
                                    u"efivarfs"_s, u"pstore"_s,     u"fusectl"_s,    u"binfmt_misc"_s, u"selinuxfs"_s,
                                    u"nsfs"_s,     u"hugetlbfs"_s,  u"rpc_pipefs"_s, u"autofs"_s,      u"kernfs"_s};
    return kernel.contains(type.trimmed().toLower());
}

Status Privileges::refuseKernelMounts(const QList<PluginMount> &mounts, const QString &what)
{
    for (const PluginMount &mount : mounts) {
        if (!isKernelFilesystem(mount.type))
            continue;
        const QString label = mount.name.isEmpty() ? mount.destination : mount.name;
        return Error{ErrorCode::PermissionDenied,
                     tr("%1 asks to mount a %2 filesystem at %3 (mount \"%4\"): kernel filesystems reach the host's "
                        "kernel settings, devices or firmware, so Plugdesk never gives them to a plugin")
                         .arg(what, mount.type, mount.destination, label)};
    }
    return {};
}

Result<Privileges> Privileges::fromJson(const QJsonArray &array)
{
    GoJsonReader reader;
    QList<Privilege> items;
    for (qsizetype i = 0; i < array.size(); ++i) {
        const QString path = u"privileges["_s + QString::number(i) + u']';
        const QJsonObject object = reader.object(array.at(i), path);
        Privilege privilege;
        privilege.name = reader.string(GoJsonReader::field(object, u"Name"), path + u".name"_s);
        privilege.description = reader.string(GoJsonReader::field(object, u"Description"), path + u".description"_s);
        privilege.value = reader.stringList(GoJsonReader::field(object, u"Value"), path + u".value"_s);
        privilege.mountType = reader.string(GoJsonReader::field(object, u"Type"), path + u".type"_s);
        privilege.mountOptions = reader.stringList(GoJsonReader::field(object, u"Options"), path + u".options"_s);
        items.append(privilege);
    }
    if (reader.failed())
        return reader.error();
    return Privileges(std::move(items));
}

QJsonArray Privileges::toJson() const
{
    QJsonArray array;
    for (const Privilege &item : m_items) {
        QJsonObject object{{u"Name"_s, item.name},
                           {u"Description"_s, item.description},
                           {u"Value"_s, QJsonArray::fromStringList(item.value)}};
        // Docker's shape exactly when there is nothing more to say.
        if (!item.mountType.isEmpty())
            object.insert(u"Type"_s, item.mountType);
        if (!item.mountOptions.isEmpty())
            object.insert(u"Options"_s, QJsonArray::fromStringList(item.mountOptions));
        array.append(object);
    }
    return array;
}

bool Privileges::sameAs(const Privileges &other) const
{
    // Docker's validatePrivileges compares names and values after sorting both lists and every value list;
    // descriptions are not compared. (Docker's loop also skips the first element; we compare all of them.)
    if (m_items.size() != other.m_items.size())
        return false;
    return sortedKeys(m_items) == sortedKeys(other.m_items);
}

Privileges Privileges::notIn(const Privileges &approved) const
{
    QList<Key> available = sortedKeys(approved.m_items);
    QList<Privilege> missing;
    for (const Privilege &item : m_items) {
        const auto found = std::find(available.begin(), available.end(), keyOf(item));
        if (found == available.end())
            missing.append(item);
        else
            available.erase(found);
    }
    return Privileges(std::move(missing));
}

bool Privileges::contains(const Privilege &privilege) const
{
    const Key key = keyOf(privilege);
    return std::any_of(m_items.cbegin(), m_items.cend(), [&](const Privilege &item) { return keyOf(item) == key; });
}

QStringList Privileges::promptLines() const
{
    QStringList lines;
    for (const Privilege &item : m_items)
        lines.append(item.promptLine());
    return lines;
}

} // namespace core
