#pragma once

#include "core/base/result.h"
#include "core/base/units.h"
#include "core/volume/volume.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMap>
#include <QMetaObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <optional>
#include <thread>

namespace core {

// Per-call limits of VolumeDriverClient (docs/docker-compat.md §6, §5.3).
struct VolumeDriverTimeouts
{
    int createMs = 2 * 60 * 1000;
    int mountMs = 2 * 60 * 1000;
    int otherMs = 60 * 1000; // Remove, Path, Unmount, Get, List, Capabilities
    int retryBudgetMs = 30 * 1000;
    int firstBackoffMs = 1000;
    qint64 maxBodyBytes = 64 * MiB; // 10,000 volumes are about 1.5 MB
};

// The volume plugin protocol (docs/docker-compat.md §6) over a plugin's unix socket, with libcurl: POST
// /VolumeDriver.<Method> with Docker's headers (docs/docker-compat.md §5.3), `Err` semantics, a time-out per call,
// retries of failed connections with backoff 1, 2, 4 ... s until 30 s have passed, and bounded answers. The calls
// block: run them on a worker thread, or through async(), which runs one off the caller's thread and hands the result
// to a context object. Owns no connection between calls; one client per thread.
class VolumeDriverClient final
{
    Q_DECLARE_TR_FUNCTIONS(VolumeDriverClient)

public:
    using Timeouts = VolumeDriverTimeouts;

    explicit VolumeDriverClient(QString socketPath, const Timeouts &timeouts = {});

    void setTimeouts(const Timeouts &timeouts) { m_timeouts = timeouts; }
    const Timeouts &timeouts() const { return m_timeouts; }
    // Polled between retries; a cancelled call ends with ErrorCode::Cancelled.
    void setCancelled(std::function<bool()> cancelled) { m_cancelled = std::move(cancelled); }

    Status create(const QString &name, const QMap<QString, QString> &options);
    Status remove(const QString &name);
    Result<QString> mount(const QString &name, const QString &id);
    Result<QString> path(const QString &name);
    Status unmount(const QString &name, const QString &id);
    // nullopt: the driver has no such volume (a null Volume without Err).
    Result<std::optional<Volume>> get(const QString &name);
    Result<QList<Volume>> list();
    // "global" or "local"; an error, a 404 or an unknown value mean "local" (docs/docker-compat.md §6).
    QString capabilities();

    // One request: POST `method` ("/VolumeDriver.Get") with `body`, the answer's JSON object after the Err rules.
    Result<QJsonObject> call(const QString &method, const QJsonObject &body, int timeoutMs);

    // The pure decoding of a driver's answers, apart from the transport (and fuzzed on their own,
    // tests/fuzz/fuzz_volumedriver.cpp). decodeAnswer: the answer's JSON object after the Err rules of `call`.
    static Result<QJsonObject> decodeAnswer(const QString &method, long status, const QByteArray &body);
    // The volume of a Get answer; nullopt when it holds none.
    static std::optional<Volume> volumeOf(const QJsonObject &answer);
    // The volumes of a List answer.
    static QList<Volume> volumesOf(const QJsonObject &answer);
    // "global" or "local" from a Capabilities answer.
    static QString scopeOf(const QJsonObject &answer);

    // Runs `work` on a thread of its own and calls `done` with its result on `context`'s thread, unless `context`
    // was destroyed meanwhile.
    template<typename T>
    static void async(QObject *context, std::function<T()> work, std::function<void(T)> done)
    {
        QPointer<QObject> guard(context);
        std::thread([guard, work = std::move(work), done = std::move(done)]() mutable {
            T result = work();
            if (!guard)
                return;
            QMetaObject::invokeMethod(guard.data(), [guard, done = std::move(done), result = std::move(result)] {
                if (guard)
                    done(result);
            });
        }).detach();
    }

private:
    struct Response
    {
        long status = 0;
        QByteArray body;
    };
    // ConnectFailed: the request never reached the plugin, so it may be retried.
    enum class Failure { None, ConnectFailed, Other };
    Result<Response> post(const QString &method, const QByteArray &body, int timeoutMs, Failure &failure) const;
    // A transport failure in words ("the plugin's socket does not answer (connection refused)").
    QString transportCause(bool connectFailed, const QString &transportText) const;
    bool refusesConnections() const;

    QString m_socketPath;
    Timeouts m_timeouts;
    std::function<bool()> m_cancelled;
};

} // namespace core
