#include "core/helper/jobobject.h"

#include "core/helper/helperprotocol.h"
#include "core/helper/polkitauthority.h"

#include <QDBusMessage>
#include <QTimer>

namespace core {

JobObject::JobObject(Job *job, QString operation, QString owner, const QDBusConnection &bus, QString path,
                     QObject *parent)
    : QObject(parent)
    , m_job(job)
    , m_operation(std::move(operation))
    , m_owner(std::move(owner))
    , m_bus(bus)
    , m_path(std::move(path))
{
    HelperProtocol::registerTypes();
    m_lastProgress = job->lastProgress();
    connect(job, &Job::progressed, this, [this](const JobProgress &progress) {
        m_lastProgress = progress;
        Q_EMIT Progress(progress.phase, progress.item, progress.bytesDone, progress.bytesTotal, progress.text);
    });
    connect(job, &Job::finished, this, &JobObject::onFinished);
    // A job that is torn down without finishing still ends, as an internal error, so no client waits forever.
    connect(job, &QObject::destroyed, this, [this] {
        if (m_finished)
            return;
        m_finished = true;
        m_errorCode = HelperProtocol::codeName(ErrorCode::Internal);
        m_errorMessage = tr("the job went away before it finished");
        Q_EMIT Finished(false, m_errorCode, m_errorMessage, QString());
        Q_EMIT ended();
        QTimer::singleShot(kLingerMs, this, &QObject::deleteLater);
    });
    if (job->isFinished())
        QTimer::singleShot(0, this, &JobObject::onFinished);
}

JobObject::~JobObject()
{
    if (m_exported)
        m_bus.unregisterObject(m_path);
}

bool JobObject::exportOnBus()
{
    m_exported =
        m_bus.registerObject(m_path, this,
                             QDBusConnection::ExportScriptableSlots | QDBusConnection::ExportScriptableSignals |
                                 QDBusConnection::ExportAllProperties);
    return m_exported;
}

JobProgress JobObject::progress() const
{
    return m_lastProgress;
}

bool JobObject::isFinished() const
{
    return m_finished;
}

bool JobObject::succeeded() const
{
    return m_success;
}

QString JobObject::errorCode() const
{
    return m_errorCode;
}

QString JobObject::errorMessage() const
{
    return m_errorMessage;
}

QString JobObject::resultJson() const
{
    return m_resultJson;
}

void JobObject::onFinished()
{
    if (m_finished || !m_job)
        return;
    m_finished = true;
    m_success = m_job->succeeded();
    if (const auto error = m_job->error()) {
        m_errorCode = HelperProtocol::codeName(error->code);
        m_errorMessage = error->message;
    } else {
        m_resultJson = HelperProtocol::encodeResult(m_job->result());
    }
    Q_EMIT Finished(m_success, m_errorCode, m_errorMessage, m_resultJson);
    Q_EMIT ended();
    QTimer::singleShot(kLingerMs, this, &QObject::deleteLater);
}

void JobObject::Cancel()
{
    const QDBusMessage request = message();
    const QString sender = request.service();
    auto cancel = [this] {
        if (m_job && !m_finished)
            m_job->cancel();
    };
    if (sender == m_owner) {
        cancel();
        return;
    }
    // Anyone else must be root: ask the bus daemon, without blocking the helper.
    setDelayedReply(true);
    QDBusConnection bus = connection();
    PolkitAuthority::callerUid(bus, sender, this, [this, bus, request, cancel](const Result<uint> &uid) {
        if (uid && *uid == 0) {
            cancel();
            bus.send(request.createReply());
            return;
        }
        const QString message = uid ? tr("not authorized to cancel this job: only the caller that started it, or "
                                         "root, may cancel it")
                                    : uid.error().message;
        bus.send(request.createErrorReply(HelperProtocol::errorName(ErrorCode::PermissionDenied), message));
    });
}

} // namespace core
