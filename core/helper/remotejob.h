#pragma once

#include "core/base/job.h"
#include "core/base/result.h"

#include <QDBusConnection>
#include <QObject>
#include <functional>

namespace core {

// The client side of a job on the bus: mirrors /org/plugdesk/Helper1/jobs/N into a local core::Job. Progress
// signals become Job::progressed, Finished becomes finishWith/failWith with the same ErrorCode and message,
// Job::cancel() calls the remote Cancel. Reads the job's properties once after subscribing, so a job that ended
// before the client listened still ends here. If the helper leaves the bus first, the job fails.
// Owned by (a child of) the Job it feeds.
class RemoteJob final : public QObject
{
    Q_OBJECT

public:
    // How the remote job ended: its result, or its error.
    using Ending = std::function<void(const Result<QVariant> &end)>;

    // Creates the local Job (with `parent`) and its RemoteJob, and starts listening.
    static Job *adopt(const QDBusConnection &bus, const QString &service, const QString &path, const QString &title,
                      QObject *parent = nullptr);
    // Mirrors the remote job into `job`, which exists already (the local job was handed out before the helper
    // answered with a path). `ending`, when given, decides how `job` ends instead of ending it with the remote
    // result (to rename an exported file first, or to wait until the engine's view caught up).
    static void attach(const QDBusConnection &bus, const QString &service, const QString &path, Job *job,
                       Ending ending = {});

private:
    RemoteJob(const QDBusConnection &bus, QString service, QString path, Job *job, Ending ending = {});
    void start();
    void end(bool success, const QString &errorCode, const QString &message, const QString &resultJson);

private Q_SLOTS:
    void onProgress(const QString &phase, const QString &item, qlonglong bytesDone, qlonglong bytesTotal,
                    const QString &text);
    void onFinished(bool success, const QString &errorCode, const QString &message, const QString &resultJson);

private:
    QDBusConnection m_bus;
    QString m_service;
    QString m_path;
    Job *m_job;
    Ending m_ending;
    bool m_ended = false;
};

} // namespace core
