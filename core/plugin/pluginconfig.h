#pragma once

#include "core/base/result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace core {

// Reads JSON into the plugin model the way Go's encoding/json fills a struct (docs/docker-compat.md §2.2): a key
// matches exactly, else ignoring case; an absent key or null gives the zero value; a wrong type records an
// ErrorCode::Corrupt error naming the field path and reading goes on, as Go's decoder does, so the first error is the
// one reported. Owns no data; the model types below use it for their fromJson.
class GoJsonReader final
{
    Q_DECLARE_TR_FUNCTIONS(GoJsonReader)

public:
    // The value under `key`: the exact key when present, else the first key equal to it ignoring case,
    // else an undefined value.
    static QJsonValue field(const QJsonObject &object, QStringView key);

    QJsonObject object(const QJsonValue &value, const QString &path);
    QJsonArray array(const QJsonValue &value, const QString &path);
    QString string(const QJsonValue &value, const QString &path);
    std::optional<QString> nullableString(const QJsonValue &value, const QString &path);
    QStringList stringList(const QJsonValue &value, const QString &path);
    bool boolean(const QJsonValue &value, const QString &path);
    // A uid or gid: a whole number from 0 to INT_MAX; absent or null gives std::nullopt.
    std::optional<int> id(const QJsonValue &value, const QString &path);

    bool failed() const { return m_error.has_value(); }
    Error error() const { return m_error.value_or(Error{}); }
    void fail(const QString &message);

private:
    std::optional<Error> m_error;
};

// Which spelling of keys a model type writes: Docker's Plugin.Config (capitalised) or the v0 manifest.json
// (lower-case, as the seed shows).
enum class JsonKeys { Docker, ManifestV0 };

// The pieces of a plugin config (docs/docker-compat.md §2.1, §2.2). A nullable string is a std::optional<QString>:
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
    // Reads one entry; `path` names it in errors ("mounts[1]").
    static PluginMount fromJson(const QJsonValue &value, const QString &path, GoJsonReader &reader);
    QJsonObject toJson(JsonKeys keys = JsonKeys::Docker) const;
    bool operator==(const PluginMount &) const = default;
};

struct PluginEnv
{
    QString name;
    QString description;
    QStringList settable;
    std::optional<QString> value;
    // Reads one entry; `path` names it in errors ("mounts[1]").
    static PluginEnv fromJson(const QJsonValue &value, const QString &path, GoJsonReader &reader);
    QJsonObject toJson(JsonKeys keys = JsonKeys::Docker) const;
    bool operator==(const PluginEnv &) const = default;
};

struct PluginDevice
{
    QString name;
    QString description;
    QStringList settable;
    std::optional<QString> path;
    // Reads one entry; `path` names it in errors ("mounts[1]").
    static PluginDevice fromJson(const QJsonValue &value, const QString &path, GoJsonReader &reader);
    QJsonObject toJson(JsonKeys keys = JsonKeys::Docker) const;
    bool operator==(const PluginDevice &) const = default;
};

struct PluginArgs
{
    QString name;
    QString description;
    QStringList settable;
    QStringList value;
    // Reads one entry; `path` names it in errors ("mounts[1]").
    static PluginArgs fromJson(const QJsonValue &value, const QString &path, GoJsonReader &reader);
    QJsonObject toJson(JsonKeys keys = JsonKeys::Docker) const;
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
    QString rootfsType; // "layers" when present
    QStringList rootfsDiffIds;

    // Parses JSON text. A document whose "manifestVersion" is "v0" (any key case) is read as v0,
    // anything else as v1. Structural errors (not an object, a string where a list belongs) name the field.
    static Result<PluginConfig> fromJson(const QByteArray &json);
    static Result<PluginConfig> fromJsonObject(const QJsonObject &object);

    // Checks what an engine needs to run the plugin: interface types well formed, a socket that is a bare
    // file name, a non-empty entrypoint, a known network type, a known protocol scheme. The error names
    // the field, e.g. `field "entrypoint" must not be empty`.
    Status validate() const;

    // Docker's Plugin.Config JSON (docs/docker-compat.md §2.1), the shape used by `inspect` and written as config.json.
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
