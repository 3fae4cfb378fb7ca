#pragma once

#include "core/plugin/pluginconfig.h"

#include <QJsonObject>
#include <QStringList>

namespace core {

// The per-install, mutable settings of a plugin (`plugin-config.json`, Docker's Plugin.Settings).
// Owns the `set` rules; writes only here, never into the config (docs/docker-compat.md §2.3, §9).
struct Settings
{
    Q_DECLARE_TR_FUNCTIONS(Settings)

public:
    QList<PluginMount> mounts;
    QStringList env; // "NAME=VALUE"
    QStringList args;
    QList<PluginDevice> devices;

    // Docker's InitEmptySettings: config mounts, config devices, env entries with a non-null value, args value.
    static Settings initial(const PluginConfig &config);

    // {"Mounts":[...],"Env":[...],"Args":[...],"Devices":[...]}; keys case-insensitive, null lists read as empty.
    static Result<Settings> fromJsonObject(const QJsonObject &object);
    // The same from the text of a `plugin-config.json`.
    static Result<Settings> fromJson(const QByteArray &json);
    QJsonObject toJson() const;

    // Applies `set` arguments ("DEBUG=1", "state.source=/x", "myargs=a b c") against `config`, all or nothing.
    // Errors use Docker's texts: `invalid format, must be <name>[.<field>][=<value>]`,
    // `"<name>" is not settable`, `multiple fields are settable, one must be specified`,
    // `setting "<name>" not found in the plugin configuration`, and, as Docker, `Plugin config has no mount source`
    // / `Plugin config has no device path` when the config declares that entry's source or path as null.
    Status apply(const PluginConfig &config, const QStringList &arguments);

    // The mounts a plugin runs with: each config mount, replaced by the entry of the same name here when there is
    // one (`set` changes sources here, never in the config), then the entries here that the config does not know.
    QList<PluginMount> effectiveMounts(const PluginConfig &config) const;

    // The value of env NAME, or a null QString.
    QString envValue(const QString &name) const;

    bool operator==(const Settings &) const = default;
};

} // namespace core
