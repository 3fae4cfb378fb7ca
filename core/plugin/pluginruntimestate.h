#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace core {

// What a plugin's process is doing, as its monitor records it in state.json and the engine reports it to the
// window and the CLI. Stopped also covers "never started"; Failed means the monitor gave up after too many
// crashes and kept the last exit status. A plain record with its JSON form; the file is RuntimeStateFile's
// (core/runtime/runtimestatefile.h).
struct PluginRuntimeState
{
    Q_DECLARE_TR_FUNCTIONS(PluginRuntimeState)

public:
    enum class Status { Stopped, Starting, Running, Restarting, Failed };

    Status status = Status::Stopped;
    qint64 monitorPid = 0;   // 0: none recorded
    qint64 containerPid = 0; // 0: not running
    int restarts = 0;
    std::optional<int> lastExitStatus;
    QDateTime lastStart;
    QDateTime lastExit;
    QString message;       // why the monitor stopped or gave up, for display
    QDateTime nextRestart; // Restarting: when the monitor tries again

    // Filled in by the engine, not stored by the monitor.
    bool monitorAlive = false;
    QString socketPath;          // <run>/plugins/<id>/<socket>
    QString publishedSocketPath; // DIR/<publish-name>.sock, empty when not published
    QStringList implements;      // the /Plugin.Activate answer, when there was one
    // Why an enabled plugin has no process (StartCheck's refusal, "its monitor is gone", the monitor's last
    // message): filled in by the engine when the plugin is enabled and neither running nor starting.
    QString reason;

    // What a person is told, one definition for the window and plugdeskctl: the plugin's enabled flag and its
    // process state (nullopt: the engine could not tell) folded into one phase with a one-line cause.
    enum class Phase { Disabled, Starting, Running, Restarting, Failed, NotRunning };
    static Phase phase(bool enabled, const std::optional<PluginRuntimeState> &state);
    static QString phaseName(Phase phase); // "disabled", "starting", "running", "restarting", "failed", "not running"
    // The phase's translated name ("restarting (attempt 2, next try in 4 s)", "failed", "not running").
    static QString phaseText(bool enabled, const std::optional<PluginRuntimeState> &state,
                             const QDateTime &now = QDateTime::currentDateTimeUtc());
    // The one-line cause shown beside a failed or not-running phase; empty for the others.
    static QString cause(bool enabled, const std::optional<PluginRuntimeState> &state);
    // phaseText, then ": cause" when there is one.
    static QString summary(bool enabled, const std::optional<PluginRuntimeState> &state,
                           const QDateTime &now = QDateTime::currentDateTimeUtc());

    static QString statusName(Status status); // "running", "restarting", ...
    static std::optional<Status> parseStatus(const QString &name);

    QJsonObject toJson() const;
    static PluginRuntimeState fromJson(const QJsonObject &object);
};

} // namespace core
