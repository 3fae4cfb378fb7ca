#pragma once

#include "core/plugin/pluginconfig.h"

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace core {

// One privilege a plugin asks for, as Docker's computePrivileges derives it (SPEC §4).
struct Privilege
{
    QString name;        // "network", "host ipc namespace", "mount", "device", "allow-all-devices", "capabilities", ...
    QString description; // Docker's untranslated text, e.g. "permissions to access a network"
    QStringList value;
    bool operator==(const Privilege &) const = default;
};

// The ordered list of privileges for a config, with Docker's JSON shape and its order-insensitive comparison.
class Privileges final
{
public:
    Privileges() = default;
    explicit Privileges(QList<Privilege> items)
        : m_items(std::move(items))
    {}

    // network, host ipc namespace, host pid namespace, mount (each), device (each), allow-all-devices,
    // capabilities: in that order, each only when SPEC §4 says it is emitted.
    static Privileges fromConfig(const PluginConfig &config);
    // `[{"Name","Description","Value":[...]}]`; keys case-insensitive. Errors name the bad element.
    static Result<Privileges> fromJson(const QJsonArray &array);
    QJsonArray toJson() const;

    const QList<Privilege> &items() const { return m_items; }
    bool isEmpty() const { return m_items.isEmpty(); }
    qsizetype size() const { return m_items.size(); }

    // Docker's validatePrivileges: same multiset of privileges, ignoring order of the list and of each value.
    bool sameAs(const Privileges &other) const;

    // The lines Docker's CLI prints: " - network: [host]".
    QStringList promptLines() const;

private:
    QList<Privilege> m_items;
};

} // namespace core
