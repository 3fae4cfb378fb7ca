#include "core/plugin/pluginruntimestate.h"

#include <QJsonArray>

namespace core {

QString PluginRuntimeState::statusName(Status status)
{
    switch (status) {
    case Status::Stopped:
        return QStringLiteral("stopped");
    case Status::Starting:
        return QStringLiteral("starting");
    case Status::Running:
        return QStringLiteral("running");
    case Status::Restarting:
        return QStringLiteral("restarting");
    case Status::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("stopped");
}

std::optional<PluginRuntimeState::Status> PluginRuntimeState::parseStatus(const QString &name)
{
    for (Status status : {Status::Stopped, Status::Starting, Status::Running, Status::Restarting, Status::Failed}) {
        if (statusName(status) == name)
            return status;
    }
    return std::nullopt;
}

QJsonObject PluginRuntimeState::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("state"), statusName(status));
    object.insert(QStringLiteral("monitorPid"), monitorPid);
    object.insert(QStringLiteral("containerPid"), containerPid);
    object.insert(QStringLiteral("restarts"), restarts);
    object.insert(QStringLiteral("lastExitStatus"), lastExitStatus ? QJsonValue(*lastExitStatus) : QJsonValue());
    object.insert(QStringLiteral("lastStart"),
                  lastStart.isValid() ? QJsonValue(lastStart.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue());
    object.insert(QStringLiteral("lastExit"),
                  lastExit.isValid() ? QJsonValue(lastExit.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue());
    if (!message.isEmpty())
        object.insert(QStringLiteral("message"), message);
    return object;
}

PluginRuntimeState PluginRuntimeState::fromJson(const QJsonObject &object)
{
    PluginRuntimeState state;
    state.status = parseStatus(object.value(QStringLiteral("state")).toString()).value_or(Status::Stopped);
    state.monitorPid = object.value(QStringLiteral("monitorPid")).toInteger();
    state.containerPid = object.value(QStringLiteral("containerPid")).toInteger();
    state.restarts = object.value(QStringLiteral("restarts")).toInt();
    const QJsonValue exit = object.value(QStringLiteral("lastExitStatus"));
    if (exit.isDouble())
        state.lastExitStatus = exit.toInt();
    state.lastStart = QDateTime::fromString(object.value(QStringLiteral("lastStart")).toString(), Qt::ISODateWithMs);
    state.lastExit = QDateTime::fromString(object.value(QStringLiteral("lastExit")).toString(), Qt::ISODateWithMs);
    state.message = object.value(QStringLiteral("message")).toString();
    return state;
}

} // namespace core
