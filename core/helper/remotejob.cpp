#include "core/helper/remotejob.h"

#include "core/helper/helperprotocol.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusServiceWatcher>
#include <QDBusVariant>

namespace core {

Job *RemoteJob::adopt(const QDBusConnection &bus, const QString &service, const QString &path, const QString &title,
                      QObject *parent)
{
    auto *job = new Job(title, parent);
    auto *remote = new RemoteJob(bus, service, path, job);
    remote->start();
    return job;
}

void RemoteJob::attach(const QDBusConnection &bus, const QString &service, const QString &path, Job *job, Ending ending)
{
    auto *remote = new RemoteJob(bus, service, path, job, std::move(ending));
    remote->start();
}

RemoteJob::RemoteJob(const QDBusConnection &bus, QString service, QString path, Job *job, Ending ending)
    : QObject(job)
    , m_bus(bus)
    , m_service(std::move(service))
    , m_path(std::move(path))
    , m_job(job)
    , m_ending(std::move(ending))
{
    HelperProtocol::registerTypes();
}

void RemoteJob::start()
{
    const QString iface = HelperProtocol::jobInterfaceName();
    m_bus.connect(m_service, m_path, iface, QStringLiteral("Progress"), this,
                  SLOT(onProgress(QString, QString, qlonglong, qlonglong, QString)));
    m_bus.connect(m_service, m_path, iface, QStringLiteral("Finished"), this,
                  SLOT(onFinished(bool, QString, QString, QString)));

    auto *watcher = new QDBusServiceWatcher(m_service, m_bus, QDBusServiceWatcher::WatchForUnregistration, this);
    connect(watcher, &QDBusServiceWatcher::serviceUnregistered, this, [this] {
        end(false, HelperProtocol::codeName(ErrorCode::Runtime),
            tr("the Plugdesk helper left the bus before the job finished"), QString());
    });

    connect(m_job, &Job::cancelRequested, this, [this] {
        QDBusMessage cancel = QDBusMessage::createMethodCall(m_service, m_path, HelperProtocol::jobInterfaceName(),
                                                             QStringLiteral("Cancel"));
        auto *pending = new QDBusPendingCallWatcher(m_bus.asyncCall(cancel), this);
        connect(pending, &QDBusPendingCallWatcher::finished, pending, &QObject::deleteLater);
    });

    // Catch up: the job may have moved or ended before the subscriptions above were in place.
    QDBusMessage getAll = QDBusMessage::createMethodCall(
        m_service, m_path, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("GetAll"));
    getAll << HelperProtocol::jobInterfaceName();
    auto *pending = new QDBusPendingCallWatcher(m_bus.asyncCall(getAll), this);
    connect(pending, &QDBusPendingCallWatcher::finished, this, [this, pending] {
        pending->deleteLater();
        const QDBusPendingReply<QVariantMap> reply = *pending;
        if (reply.isError()) {
            end(false, HelperProtocol::codeName(ErrorCode::Internal),
                tr("cannot read the job %1 from the helper: %2").arg(m_path, reply.error().message()), QString());
            return;
        }
        const QVariantMap properties = reply.value();
        if (properties.value(QStringLiteral("Finished")).toBool()) {
            end(properties.value(QStringLiteral("Success")).toBool(),
                properties.value(QStringLiteral("ErrorCode")).toString(),
                properties.value(QStringLiteral("ErrorMessage")).toString(),
                properties.value(QStringLiteral("Result")).toString());
            return;
        }
        const QVariant progress = properties.value(QStringLiteral("Progress"));
        if (progress.canConvert<QDBusArgument>()) {
            JobProgress last;
            progress.value<QDBusArgument>() >> last;
            if (!last.phase.isEmpty() || !last.text.isEmpty() || last.bytesTotal > 0)
                m_job->reportProgress(last);
        }
    });
}

void RemoteJob::onProgress(const QString &phase, const QString &item, qlonglong bytesDone, qlonglong bytesTotal,
                           const QString &text)
{
    if (!m_ended)
        m_job->reportProgress({phase, item, bytesDone, bytesTotal, text});
}

void RemoteJob::onFinished(bool success, const QString &errorCode, const QString &message, const QString &resultJson)
{
    end(success, errorCode, message, resultJson);
}

void RemoteJob::end(bool success, const QString &errorCode, const QString &message, const QString &resultJson)
{
    if (m_ended)
        return;
    m_ended = true;
    const Result<QVariant> result =
        success
            ? Result<QVariant>(HelperProtocol::decodeResult(resultJson))
            : Result<QVariant>(Error{HelperProtocol::codeFromName(errorCode).value_or(ErrorCode::Internal), message});
    if (m_ending)
        return m_ending(result);
    if (result)
        m_job->finishWith(*result);
    else
        m_job->failWith(result.error());
}

} // namespace core
