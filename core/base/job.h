#pragma once

#include "core/base/error.h"

#include <QObject>
#include <QString>
#include <QVariant>
#include <atomic>
#include <optional>

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
};

// A long operation (install, enable, push, ...): reports progress, can be cancelled, and ends exactly once,
// with a result or an Error. Lives on the thread that created it; workers report through its thread-safe
// report*/finish* calls, which queue onto that thread.
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
    JobProgress lastProgress() const { return m_progress; }

    // Asks the job to stop; workers poll isCancelRequested() between steps.
    void cancel();
    bool isCancelRequested() const { return m_cancelRequested.load(); }

    // Called by the job's worker (any thread).
    void reportProgress(const JobProgress &progress);
    void finishWith(const QVariant &result = {});
    void failWith(const Error &error);

    // Runs a local event loop until the job has finished, for the CLI and tests.
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

} // namespace core

Q_DECLARE_METATYPE(core::JobProgress)
