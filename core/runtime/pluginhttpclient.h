#pragma once

#include "core/base/result.h"
#include "core/base/units.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace core {

struct PluginHttpResponse
{
    int status = 0;
    QByteArray body;
};

// HTTP/1.1 to a plugin over its unix socket, as dockerd talks to plugins (docs/docker-compat.md §5.3): POST with a JSON
// body, `Accept: application/vnd.docker.plugins.v1.2+json`, `Host: plugin.moby.localhost`. Bounded in time and in body
// size. Returns any HTTP status as a response; only transport failures are errors. Uses libcurl.
class PluginHttpClient final
{
    Q_DECLARE_TR_FUNCTIONS(PluginHttpClient)

public:
    explicit PluginHttpClient(QString socketPath)
        : m_socketPath(std::move(socketPath))
    {}

    void setTimeoutMs(int timeoutMs) { m_timeoutMs = timeoutMs; }
    void setMaxBodyBytes(qint64 bytes) { m_maxBodyBytes = bytes; }

    // POST `path` ("/Plugin.Activate") with `body` (JSON; empty sends `{}`).
    Result<PluginHttpResponse> post(const QString &path, const QByteArray &body = {}) const;

    // One POST as it went on the wire, before any caller words its errors: the transport outcome, and the status
    // and body when there was an answer. Shared by this client and VolumeDriverClient.
    struct Transfer
    {
        enum class Outcome { Answered, TooLarge, TimedOut, ConnectFailed, Failed, NoCurl };
        Outcome outcome = Outcome::Failed;
        int status = 0;
        QByteArray body;
        QString errorText; // libcurl's words, for Failed and ConnectFailed; for NoCurl, why it could not load
    };
    static Transfer transfer(const QString &socketPath, const QString &path, const QByteArray &body, int timeoutMs,
                             qint64 maxBodyBytes);

private:
    QString m_socketPath;
    int m_timeoutMs = 30000;
    qint64 m_maxBodyBytes = 16 * MiB;
};

} // namespace core
