#include "core/plugin/privileges.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace core {

Privileges Privileges::fromConfig(const PluginConfig &config)
{
    // moby computePrivileges. The description strings are Docker's and stay untranslated: they travel in the
    // API and are compared by nothing, but clients show them as they are.
    QList<Privilege> items;
    const QString &network = config.networkType;
    if (!network.isEmpty() && network != u"null" && network != u"bridge")
        items.append({u"network"_s, u"permissions to access a network"_s, {network}});
    if (config.ipcHost)
        items.append({u"host ipc namespace"_s, u"allow access to host ipc namespace"_s, {u"true"_s}});
    if (config.pidHost)
        items.append({u"host pid namespace"_s, u"allow access to host pid namespace"_s, {u"true"_s}});
    for (const PluginMount &mount : config.mounts) {
        // An empty source still counts: Docker sends [""], which its CLI prints as "mount: []".
        if (mount.source)
            items.append({u"mount"_s, u"host path to mount"_s, {*mount.source}});
    }
    for (const PluginDevice &device : config.devices) {
        if (device.path)
            items.append({u"device"_s, u"host device to access"_s, {*device.path}});
    }
    if (config.allowAllDevices)
        items.append({u"allow-all-devices"_s, u"allow 'rwm' access to all devices"_s, {u"true"_s}});
    if (!config.capabilities.isEmpty())
        items.append({u"capabilities"_s, u"list of additional capabilities required"_s, config.capabilities});
    return Privileges(std::move(items));
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
        array.append(QJsonObject{{u"Name"_s, item.name},
                                 {u"Description"_s, item.description},
                                 {u"Value"_s, QJsonArray::fromStringList(item.value)}});
    }
    return array;
}

bool Privileges::sameAs(const Privileges &other) const
{
    // Docker's validatePrivileges compares names and values after sorting both lists and every value list;
    // descriptions are not compared. (Docker's loop also skips the first element; we compare all of them.)
    if (m_items.size() != other.m_items.size())
        return false;
    using Key = std::pair<QString, QStringList>;
    auto normalised = [](const QList<Privilege> &items) {
        QList<Key> keys;
        keys.reserve(items.size());
        for (const Privilege &item : items) {
            QStringList value = item.value;
            value.sort();
            keys.append({item.name, value});
        }
        std::sort(keys.begin(), keys.end(), [](const Key &a, const Key &b) {
            if (a.first != b.first)
                return a.first < b.first;
            return std::lexicographical_compare(a.second.cbegin(), a.second.cend(), b.second.cbegin(), b.second.cend());
        });
        return keys;
    };
    return normalised(m_items) == normalised(other.m_items);
}

QStringList Privileges::promptLines() const
{
    // The CLI prints each privilege with Go's %v of a []string: the values space-separated inside brackets.
    QStringList lines;
    for (const Privilege &item : m_items)
        lines.append(u" - "_s + item.name + u": ["_s + item.value.join(u' ') + u']');
    return lines;
}

} // namespace core
