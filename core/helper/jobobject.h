#pragma once

#include "core/engine/job.h"

#include <QDBusConnection>
#include <QDBusContext>
#include <QObject>
#include <QPointer>

namespace core {

// One core::Job on the bus, udisks2 style: exported at /org/plugdesk/Helper1/jobs/N with interface
// org.plugdesk.Helper1.Job. Properties Operation, Progress (ssxxs), Finished, Success, ErrorCode, ErrorMessage,
// Result (for a client that subscribed late); signals Progress and Finished; method Cancel, allowed to the bus
// name that started the job and to root. Owns the export and its own lifetime (it lingers a while after the job
// ends, then unexports itself); does not own the Job, which its worker or the engine does.
class JobObject final : public QObject, protected QDBusContext
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.plugdesk.Helper1.Job")
    Q_PROPERTY(QString Operation READ operation)
    Q_PROPERTY(QString Owner READ owner)
    Q_PROPERTY(core::JobProgress Progress READ progress)
    Q_PROPERTY(bool Finished READ isFinished)
    Q_PROPERTY(bool Success READ succeeded)
    Q_PROPERTY(QString ErrorCode READ errorCode)
    Q_PROPERTY(QString ErrorMessage READ errorMessage)
    Q_PROPERTY(QString Result READ resultJson)

public:
    // How long a finished job stays on the bus, so a client that asks late still reads how it ended.
    static constexpr int kLingerMs = 30 * 1000;

    JobObject(Job *job, QString operation, QString owner, const QDBusConnection &bus, QString path,
              QObject *parent = nullptr);
    ~JobObject() override;

    QString path() const { return m_path; }
    QString operation() const { return m_operation; }
    QString owner() const { return m_owner; }
    JobProgress progress() const;
    bool isFinished() const;
    bool succeeded() const;
    QString errorCode() const;
    QString errorMessage() const;
    QString resultJson() const;

    // Exports the object; false when the path is taken.
    bool exportOnBus();

public Q_SLOTS:
    Q_SCRIPTABLE void Cancel();

Q_SIGNALS:
    Q_SCRIPTABLE void Progress(const QString &phase, const QString &item, qlonglong bytesDone, qlonglong bytesTotal,
                               const QString &text);
    Q_SCRIPTABLE void Finished(bool success, const QString &errorCode, const QString &message,
                               const QString &resultJson);
    // Not on the bus: the job ended (the service counts running jobs for its idle exit).
    void ended();

private:
    void onFinished();

    QPointer<Job> m_job;
    QString m_operation;
    QString m_owner;
    QDBusConnection m_bus;
    QString m_path;
    bool m_exported = false;
    // Kept after the job ends, in case the Job object itself goes away.
    bool m_finished = false;
    bool m_success = false;
    QString m_errorCode;
    QString m_errorMessage;
    QString m_resultJson;
    JobProgress m_lastProgress;
};

} // namespace core
