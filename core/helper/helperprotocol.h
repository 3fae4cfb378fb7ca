#pragma once

#include "core/base/job.h"
#include "core/engine/engine.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDBusArgument>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <optional>

namespace core {

// Everything a window shows without asking per plugin, in one answer (the Snapshot method):
// {"list": <plugin list>, "states": {id: state}, "drivers": [driver...]}. A state or the drivers the engine
// could not read are left out; the list's problems say what could not be read of the inventory.
struct HelperSnapshot
{
    PluginList list;
    QHash<QString, PluginRuntimeState> states;
    QList<VolumeDriverInfo> drivers;
};

// What the helper and its clients agree on: bus names, paths, the D-Bus error names that carry an ErrorCode,
// and the JSON that carries plugins. Owns no connection and no state; HelperService (server) and HelperEngine
// (client) both use it, so the two sides cannot drift apart.
class HelperProtocol final
{
    Q_DECLARE_TR_FUNCTIONS(HelperProtocol)

public:
    static QString serviceName() { return QStringLiteral("org.plugdesk.Helper1"); }
    static QString objectPath() { return QStringLiteral("/org/plugdesk/Helper1"); }
    static QString interfaceName() { return QStringLiteral("org.plugdesk.Helper1"); }
    static QString jobInterfaceName() { return QStringLiteral("org.plugdesk.Helper1.Job"); }
    static QString jobPathPrefix() { return QStringLiteral("/org/plugdesk/Helper1/jobs/"); }
    static QString errorPrefix() { return QStringLiteral("org.plugdesk.Error."); }

    // "InvalidArgument" for ErrorCode::InvalidArgument (errorCodeName, core/base/error.h); the D-Bus error is
    // errorPrefix() + this.
    static QString codeName(ErrorCode code);
    static std::optional<ErrorCode> codeFromName(const QString &name);
    static QString errorName(ErrorCode code) { return errorPrefix() + codeName(code); }
    // The code of an `org.plugdesk.Error.<Code>` D-Bus error name; nullopt for any other name.
    static std::optional<ErrorCode> codeFromErrorName(const QString &dbusErrorName);

    // A plugin: Docker's Plugin object (docs/docker-compat.md §2.1) plus a "Plugdesk" object with what Docker's shape
    // loses (repository and tag apart, config version, digests), so the client rebuilds the same core::Plugin.
    static QJsonObject encodePlugin(const Plugin &plugin);
    static Result<Plugin> decodePlugin(const QJsonObject &object);
    // {"plugins": [plugin...], "problems": [{"code": "Corrupt", "message": "..."}]}
    static QByteArray encodePluginList(const PluginList &list);
    static Result<PluginList> decodePluginList(const QByteArray &json);
    // The same as a JSON object, for answers that carry the list inside another (a snapshot): encoded and parsed once.
    static QJsonObject encodePluginListObject(const PluginList &list);
    static Result<PluginList> decodePluginList(const QJsonObject &object);

    // A plugin's run state with the fields the engine fills in (monitor alive, sockets, Activate's answer).
    static QJsonObject encodeRuntimeState(const PluginRuntimeState &state);
    static PluginRuntimeState decodeRuntimeState(const QJsonObject &object);
    static QJsonArray encodeDrivers(const QList<VolumeDriverInfo> &drivers);
    static QList<VolumeDriverInfo> decodeDrivers(const QJsonArray &array);

    // Everything a window shows without asking per plugin, in one answer (the Snapshot method), HelperSnapshot.
    using Snapshot = HelperSnapshot;
    // `listJson` is encodePluginList's output (redacted when the caller may not see secrets).
    static QByteArray encodeSnapshot(const QByteArray &listJson, const Snapshot &snapshot);
    // `list` is encodePluginListObject's output (redacted when the caller may not see secrets).
    static QByteArray encodeSnapshot(const QJsonObject &list, const Snapshot &snapshot);
    static Result<Snapshot> decodeSnapshot(const QByteArray &json);

    // A job's result travels as one JSON value ("" for none).
    static QString encodeResult(const QVariant &result);
    static QVariant decodeResult(const QString &json);

    // Registers the structured types used on the bus (JobProgress as (ssxxs)). Idempotent.
    static void registerTypes();
};

} // namespace core

// JobProgress on the bus: (phase, item, bytesDone, bytesTotal, text).
QDBusArgument &operator<<(QDBusArgument &argument, const core::JobProgress &progress);
const QDBusArgument &operator>>(const QDBusArgument &argument, core::JobProgress &progress);
