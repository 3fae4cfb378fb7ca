#pragma once

#include "core/base/job.h"

#include <QDBusConnection>
#include <QDBusVirtualObject>
#include <QObject>
#include <QPointer>

namespace core {

// One core::Job on the bus, udisks2 style: exported at /org/plugdesk/Helper1/jobs/N with interface
// org.plugdesk.Helper1.Job. Properties Operation, Owner, Progress (ssxxs), Finished, Success, ErrorCode,
// ErrorMessage, Result (for a client that subscribed late); signals Progress and Finished; method Cancel.
// A job's progress and result may carry what only its owner may see (paths, volume options, a plugin's
// settings), so they go to the owner alone: signals are unicast to the bus name that started the job, and
// Properties.Get/GetAll and Cancel are answered to that name and to root only (others get PermissionDenied).
// Owns the export and its own lifetime (it lingers a while after the job ends, then unexports itself); does not own
// the Job, which its worker or the engine does.
class JobObject final : public QDBusVirtualObject
{
    Q_OBJECT

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

    QString introspect(const QString &path) const override;
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override;

Q_SIGNALS:
    // Not on the bus: the job ended (the service counts running jobs for its idle exit).
    void ended();

private:
    void onFinished();
    void sendProgress(const JobProgress &progress);
    void sendFinished();
    // Answers a Properties or Job call that the owner (or root) made.
    void answer(const QDBusMessage &message, const QDBusConnection &connection);
    QVariantMap properties() const;

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
