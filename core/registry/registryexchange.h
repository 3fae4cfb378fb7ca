#pragma once

#include "core/base/result.h"
#include "core/registry/registryclient.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QUrl>

namespace core {

// One logical request of a RegistryClient: redirects (followed by hand; Authorization dropped on another host), auth
// round trips through the client's RegistryAuthenticator, retries with backoff (Retry-After respected up to a cap),
// time-outs, body bounds and streaming to a sink, ending with one callback unless the context goes first. Owns its
// QNetworkReply; deletes itself when done.
class RegistryExchange final : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(RegistryClient)

public:
    RegistryExchange(RegistryClient *client, RegistryClient::Call call, QObject *context,
                     RegistryClient::ResponseCallback done);
    ~RegistryExchange() override;
    void start();

private:
    void abandon();
    void finish(const Result<RegistryResponse> &result);
    void attempt();
    int status() const { return m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(); }

    void onReadyRead();
    void deliver();

    // Ends the exchange with `error` now, whatever the reply does next.
    void stop(const Error &error);
    bool retryLater(int delayMs);
    void onFinished();
    Error connectionError(QNetworkReply *reply, QNetworkReply::NetworkError error) const;
    RegistryClient *m_client;
    RegistryClient::Call m_call;
    QUrl m_url;
    QPointer<QObject> m_context;
    bool m_hadNoContext = m_context.isNull();
    RegistryClient::ResponseCallback m_done;
    QNetworkReply *m_reply = nullptr;
    QByteArray m_authorization;
    QByteArray m_buffer;
    QByteArray m_chunk; // a streamed body's pieces, read into the same bytes each time
    qint64 m_delivered = 0;
    qint64 m_skip = 0;
    qint64 m_attemptBytes = 0; // body bytes of the current attempt, skipped ones included
    int m_attempt = 0;
    int m_redirects = 0;
    int m_unauthorized = 0;
    bool m_crossHost = false;
    bool m_firstChunk = true;
    bool m_tooLarge = false;
    bool m_finished = false;
};

} // namespace core
