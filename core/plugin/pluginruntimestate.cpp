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
    if (nextRestart.isValid())
        object.insert(QStringLiteral("nextRestart"), nextRestart.toUTC().toString(Qt::ISODateWithMs));
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
    state.nextRestart =
        QDateTime::fromString(object.value(QStringLiteral("nextRestart")).toString(), Qt::ISODateWithMs);
    return state;
}

PluginRuntimeState::Phase PluginRuntimeState::phase(bool enabled, const std::optional<PluginRuntimeState> &state)
{
    if (!state)
        return enabled ? Phase::NotRunning : Phase::Disabled;
    switch (state->status) {
    case Status::Starting:
        return Phase::Starting;
    case Status::Running:
        return Phase::Running;
    case Status::Restarting:
        return Phase::Restarting;
    case Status::Failed:
        // A disabled plugin keeps its last record; the person asked it to stop, so it is just disabled.
        return enabled ? Phase::Failed : Phase::Disabled;
    case Status::Stopped:
        break;
    }
    return enabled ? Phase::NotRunning : Phase::Disabled;
}

QString PluginRuntimeState::phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Disabled:
        return QStringLiteral("disabled");
    case Phase::Starting:
        return QStringLiteral("starting");
    case Phase::Running:
        return QStringLiteral("running");
    case Phase::Restarting:
        return QStringLiteral("restarting");
    case Phase::Failed:
        return QStringLiteral("failed");
    case Phase::NotRunning:
        break;
    }
    return QStringLiteral("not running");
}

QString PluginRuntimeState::phaseText(bool enabled, const std::optional<PluginRuntimeState> &state,
                                      const QDateTime &now)
{
    switch (phase(enabled, state)) {
    case Phase::Disabled:
        return tr("disabled");
    case Phase::Starting:
        return tr("starting");
    case Phase::Running:
        return tr("running");
    case Phase::Restarting: {
        const int attempt = state->restarts + 1;
        if (!state->nextRestart.isValid())
            return tr("restarting (attempt %1)").arg(attempt);
        const qint64 seconds = qMax<qint64>(0, (now.msecsTo(state->nextRestart) + 999) / 1000);
        return tr("restarting (attempt %1, next try in %2 s)").arg(attempt).arg(seconds);
    }
    case Phase::Failed:
        return tr("failed");
    case Phase::NotRunning:
        break;
    }
    return tr("not running");
}

QString PluginRuntimeState::cause(bool enabled, const std::optional<PluginRuntimeState> &state)
{
    const Phase current = phase(enabled, state);
    if (current == Phase::Failed)
        return state->reason.isEmpty() ? state->message : state->reason;
    if (current != Phase::NotRunning)
        return {};
    if (!state)
        return tr("its state cannot be read");
    if (!state->reason.isEmpty())
        return state->reason;
    if (!state->message.isEmpty())
        return state->message;
    return tr("it was not started");
}

QString PluginRuntimeState::summary(bool enabled, const std::optional<PluginRuntimeState> &state, const QDateTime &now)
{
    const QString why = cause(enabled, state);
    const QString text = phaseText(enabled, state, now);
    return why.isEmpty() ? text : tr("%1: %2").arg(text, why);
}

} // namespace core
