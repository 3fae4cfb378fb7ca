#pragma once

// Drives the asynchronous core calls (RegistryClient and the like: `start(context, callback)`) from a test: runs
// `start` and spins an event loop until the callback ran, or a minute passed (then a Timeout error).
#include "core/base/result.h"

#include <QEventLoop>
#include <QObject>
#include <QTimer>
#include <optional>

namespace testutil {

template<typename T, typename Start>
T waitFor(Start start)
{
    std::optional<T> result;
    QEventLoop loop;
    QObject context;
    start(&context, [&](T value) {
        result.emplace(std::move(value));
        loop.quit();
    });
    if (!result) {
        QTimer::singleShot(60000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    if (!result)
        return T(core::Error{core::ErrorCode::Timeout, QStringLiteral("the test waited a minute for an answer")});
    return std::move(*result);
}

} // namespace testutil
