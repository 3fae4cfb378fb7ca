#pragma once

#include "core/plugin/pluginconfig.h"
#include "core/plugin/settings.h"

#include <QJsonArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace core {

// One privilege a plugin asks for, as Docker's computePrivileges derives it (docs/docker-compat: name, Docker's
// description, value), plus what Docker's list leaves out of a mount: its type and options. A `proc` mount listed as
// `mount: [proc]` gives the plugin the host's /proc/sys, and an overlay with `lowerdir=/` the host's root, so the
// type and options are part of what a person approves and of what is compared.
struct Privilege
{
    QString name;        // "network", "host ipc namespace", "mount", "device", "allow-all-devices", "capabilities", ...
    QString description; // Docker's untranslated text, e.g. "permissions to access a network"
    QStringList value;
    QString mountType;        // "mount" only: "bind", "tmpfs", "overlay", ... (empty when the config gives none)
    QStringList mountOptions; // "mount" only: the mount's options, as the config lists them
    bool operator==(const Privilege &) const = default;

    // A bind mount (or a mount without a type) whose options only choose propagation, read-only or the usual
    // nosuid/nodev/noexec: the kind Docker's one-line form describes fully.
    bool isPlainMount() const;
    // " - mount: [/src]" as Docker's CLI prints it, with " (type T, options a,b)" after a mount that is not plain.
    QString promptLine() const;
};

// The ordered list of privileges for a config, with Docker's JSON shape and its order-insensitive comparison.
class Privileges final
{
    Q_DECLARE_TR_FUNCTIONS(Privileges)

public:
    Privileges() = default;
    explicit Privileges(QList<Privilege> items)
        : m_items(std::move(items))
    {}

    // network, host ipc namespace, host pid namespace, mount (each), device (each), allow-all-devices,
    // capabilities: in that order, each only when Docker's computePrivileges emits it. What a registry's config asks
    // for, before any setting.
    static Privileges fromConfig(const PluginConfig &config);
    // The same with the mount sources and device paths the settings give (Settings::effectiveMounts and
    // Settings::devices): what the plugin gets when it runs with these settings. `set` changes these.
    static Privileges effective(const PluginConfig &config, const Settings &settings);

    // Kernel filesystems no plugin may mount, whatever a person approves: proc, sysfs, cgroup, cgroup2, debugfs,
    // tracefs, securityfs, bpf, configfs, devtmpfs, efivarfs, ... (they reach the host's kernel settings, devices or
    // firmware). Error (PermissionDenied) naming the mount and its type; `what` says whose ("vieux/sshfs:latest").
    static Status refuseKernelMounts(const QList<PluginMount> &mounts, const QString &what);
    static bool isKernelFilesystem(const QString &type);

    // `[{"Name","Description","Value":[...]}]`, plus "Type" and "Options" on mounts; keys case-insensitive. Errors
    // name the bad element.
    static Result<Privileges> fromJson(const QJsonArray &array);
    QJsonArray toJson() const;

    const QList<Privilege> &items() const { return m_items; }
    bool isEmpty() const { return m_items.isEmpty(); }
    qsizetype size() const { return m_items.size(); }

    // Docker's validatePrivileges: same multiset of privileges, ignoring order of the list and of each value (and of
    // a mount's options); a mount's type counts.
    bool sameAs(const Privileges &other) const;
    // The privileges of this list that `approved` does not hold (each counted: two mounts of one source need two).
    Privileges notIn(const Privileges &approved) const;
    // Whether `privilege` is one of this list's.
    bool contains(const Privilege &privilege) const;

    // The lines Docker's CLI prints: " - network: [host]".
    QStringList promptLines() const;

private:
    QList<Privilege> m_items;
};

} // namespace core
