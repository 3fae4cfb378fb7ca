#pragma once

#include "core/engine/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace core {

// The pieces of a plugin config (SPEC §2.2, §3.1). A nullable string is a std::optional<QString>:
// Docker tells "no value" (null) apart from "empty value" ("") for mount sources, env values and device paths.
struct PluginMount
{
    QString name;
    QString description;
    QStringList settable;
    std::optional<QString> source;
    QString destination;
    QString type;
    QStringList options;
    bool operator==(const PluginMount &) const = default;
};

struct PluginEnv
{
    QString name;
    QString description;
    QStringList settable;
    std::optional<QString> value;
    bool operator==(const PluginEnv &) const = default;
};

struct PluginDevice
{
    QString name;
    QString description;
    QStringList settable;
    std::optional<QString> path;
    bool operator==(const PluginDevice &) const = default;
};

struct PluginArgs
{
    QString name;
    QString description;
    QStringList settable;
    QStringList value;
    bool operator==(const PluginArgs &) const = default;
};

// One entry of interface.types, "docker.volumedriver/1.0", split at the last '.' before the first '/'.
struct PluginInterfaceType
{
    QString prefix;     // "docker"
    QString capability; // "volumedriver"
    QString version;    // "1.0"
    static std::optional<PluginInterfaceType> parse(const QString &text);
    QString toString() const { return prefix + QLatin1Char('.') + capability + QLatin1Char('/') + version; }
};

// A plugin's config: the v1 config blob (`config.json`, media type application/vnd.docker.plugin.v1+json)
// or the seed's v0 `manifest.json`, read into one model. Keys are matched case-insensitively, as Go's
// JSON decoder does. Owns parsing, validation and serialisation; not the per-install Settings.
struct PluginConfig
{
    Q_DECLARE_TR_FUNCTIONS(PluginConfig)

public:
    enum class Version { V1, V0 };

    Version version = Version::V1;
    QString description;
    QString documentation;
    QStringList interfaceTypes; // raw strings as written
    QString interfaceSocket;
    QString protocolScheme;
    QStringList entrypoint;
    QString workDir;
    std::optional<int> userUid;
    std::optional<int> userGid;
    QString networkType;
    QStringList capabilities; // linux.capabilities (v1) or top-level capabilities (v0)
    bool allowAllDevices = false;
    QList<PluginDevice> devices;
    QList<PluginMount> mounts;
    QList<PluginEnv> env;
    PluginArgs args;
    QString propagatedMount;
    bool ipcHost = false;
    bool pidHost = false;
    QString rootfsType;      // "layers" when present
    QStringList rootfsDiffIds;

    // Parses JSON text. A document whose "manifestVersion" is "v0" (any key case) is read as v0,
    // anything else as v1. Structural errors (not an object, a string where a list belongs) name the field.
    static Result<PluginConfig> fromJson(const QByteArray &json);
    static Result<PluginConfig> fromJsonObject(const QJsonObject &object);

    // Checks what an engine needs to run the plugin: interface types well formed, a socket that is a bare
    // file name, a non-empty entrypoint, a known network type, a known protocol scheme. The error names
    // the field, e.g. `field "entrypoint" must not be empty`.
    Status validate() const;

    // Docker's Plugin.Config JSON (SPEC §2.2), the shape used by `inspect` and written as config.json.
    QJsonObject toJson() const;
    // The seed's v0 manifest.json shape; used to write back a v0 plugin unchanged in meaning.
    QJsonObject toManifestV0Json() const;

    // Parsed interface types; malformed entries are skipped (validate() reports them).
    QList<PluginInterfaceType> parsedTypes() const;
    // True when any type has prefix "docker" and this capability (compared lower-case).
    bool hasCapability(const QString &capability) const;

    bool operator==(const PluginConfig &) const = default;
};

} // namespace core
