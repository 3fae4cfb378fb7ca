#include "core/base/job.h"

#include <QEventLoop>
#include <QMetaObject>
#include <QThread>

namespace core {

Job::Job(QString title, QObject *parent)
    : QObject(parent)
    , m_title(std::move(title))
{
    qRegisterMetaType<core::JobProgress>();
}

void Job::cancel()
{
    if (m_finished || m_cancelRequested.exchange(true))
        return;
    Q_EMIT cancelRequested();
}

void Job::reportProgress(const JobProgress &progress)
{
    QMetaObject::invokeMethod(
        this,
        [this, progress] {
            if (m_finished)
                return;
            m_progress = progress;
            Q_EMIT progressed(progress);
        },
        Qt::QueuedConnection);
}

void Job::finishWith(const QVariant &result)
{
    QMetaObject::invokeMethod(
        this, [this, result] { complete(result, std::nullopt); }, Qt::QueuedConnection);
}

void Job::failWith(const Error &error)
{
    QMetaObject::invokeMethod(
        this, [this, error] { complete({}, error); }, Qt::QueuedConnection);
}

void Job::complete(const QVariant &result, const std::optional<Error> &error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_result = result;
    m_error = error;
    Q_EMIT finished();
}

void Job::waitForFinished()
{
    if (m_finished)
        return;
    QEventLoop loop;
    connect(this, &Job::finished, &loop, &QEventLoop::quit);
    loop.exec();
}

} // namespace core
