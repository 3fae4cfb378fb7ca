#pragma once

// Waiting on an engine from a test, which (like plugdeskctl's top level) may run a local event loop: the engine
// itself never waits.
#include "core/engine/engine.h"

#include <QString>

namespace testutil {

// Lets the engine's reads answer: through the helper they come from its copy of the helper's snapshot, which
// Engine::reload takes. Empty on success, else the error's message.
inline QString ready(core::Engine &engine)
{
    core::Job *job = engine.reload();
    job->waitForFinished();
    const auto error = job->error();
    job->deleteLater();
    return error ? error->message : QString();
}

// Waits for a job-returning verb (set, grant, logs ...) and gives its end as a Status.
inline core::Status finished(core::Job *job)
{
    job->waitForFinished();
    const auto error = job->error();
    job->deleteLater();
    if (error)
        return *error;
    return {};
}

// The same for a verb with a result.
template<typename T>
core::Result<T> finishedValue(core::Job *job)
{
    job->waitForFinished();
    const auto error = job->error();
    const T value = job->value<T>();
    job->deleteLater();
    if (error)
        return *error;
    return value;
}

} // namespace testutil
