#pragma once

#include "core/base/error.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariant>
#include <atomic>
#include <functional>
#include <optional>
#include <type_traits>

namespace core {

// What a running job last reported: a phase, bytes done of bytes total (0 total: unknown), a line of text.
// `item` names the part the numbers are about (a layer's short digest), empty for the job as a whole.
struct JobProgress
{
    QString phase;
    QString item;
    qint64 bytesDone = 0;
    qint64 bytesTotal = 0;
    QString text;

    // The phase of a job whose call waits for the helper's answer, while polkit may ask for a password: the window
    // shows it where the action was started (ui::JobWatcher).
    static QString authorisingPhase() { return QStringLiteral("authorising"); }
};

// A long operation (install, enable, push, ...): reports progress, can be cancelled, and ends exactly once,
// with a result or an Error. Lives on the thread that created it; workers report through its thread-safe
// report*/finish* calls, which always queue onto that thread: a job never ends inside the call that made it, so a
// caller connects (or calls then()) after receiving it and never misses the end.
// The result's type is part of each Engine verb's contract; value<T>() reads it, then<T>() hands it over typed.
class Job final : public QObject
{
    Q_OBJECT

public:
    explicit Job(QString title, QObject *parent = nullptr);

    QString title() const { return m_title; }
    bool isFinished() const { return m_finished; }
    bool succeeded() const { return m_finished && !m_error; }
    std::optional<Error> error() const { return m_error; }
    QVariant result() const { return m_result; }
    // The result as the verb's type (a default T when the job failed or the result has another type).
    template<typename T>
    T value() const
    {
        return m_result.value<T>();
    }
    JobProgress lastProgress() const { return m_progress; }

    // Asks the job to stop; workers poll isCancelRequested() between steps.
    void cancel();
    bool isCancelRequested() const { return m_cancelRequested.load(); }

    // Called by the job's worker (any thread).
    void reportProgress(const JobProgress &progress);
    void finishWith(const QVariant &result = {});
    void failWith(const Error &error);

    // Calls `f` once the job has ended, on the job's thread, unless `context` is gone by then: f(const Job &) for
    // any end, or (with T) f(T value, std::optional<Error>) with the result as the verb's type. Works the same when
    // the job has ended already (called from the event loop, never inside then()).
    template<typename F>
    void then(QObject *context, F &&f);
    template<typename T, typename F>
    void thenValue(QObject *context, F &&f)
    {
        then(context, [f = std::forward<F>(f)](const Job &job) mutable { f(job.value<T>(), job.error()); });
    }

    // Runs a local event loop until the job has finished: for plugdeskctl's top level (which has no other loop
    // running) and tests, never inside the window.
    void waitForFinished();

Q_SIGNALS:
    void progressed(const core::JobProgress &progress);
    void finished();
    void cancelRequested();

private:
    void complete(const QVariant &result, const std::optional<Error> &error);

    QString m_title;
    JobProgress m_progress;
    QVariant m_result;
    std::optional<Error> m_error;
    bool m_finished = false;
    std::atomic_bool m_cancelRequested = false;
};

template<typename F>
void Job::then(QObject *context, F &&f)
{
    QPointer<QObject> guard(context);
    auto call = [this, guard, f = std::forward<F>(f)]() mutable {
        if (guard)
            f(static_cast<const Job &>(*this));
    };
    if (m_finished)
        QMetaObject::invokeMethod(this, std::move(call), Qt::QueuedConnection);
    else
        connect(this, &Job::finished, context, std::move(call), Qt::SingleShotConnection);
}

} // namespace core

Q_DECLARE_METATYPE(core::JobProgress)
