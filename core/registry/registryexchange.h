#pragma once

#include "core/base/result.h"
#include "core/registry/blobtransfer.h"
#include "core/registry/registryclient.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <memory>

namespace core {

// One logical request of a RegistryClient: redirects (followed by hand; Authorization dropped on another host), auth
// round trips through the client's RegistryAuthenticator, retries with backoff (Retry-After respected up to a cap),
// time-outs, body bounds and streaming to a sink, ending with one callback unless the context goes first. Deletes
// itself when done.
//
// Two transports carry its attempts, the policy above being one copy for both: a streamed GET (a call with a sink:
// blobs) goes through a BlobTransfer (libcurl on a thread of its own, the sink called on that thread, memory flat
// for any size); every other request through the client's QNetworkAccessManager. Owns the current QNetworkReply or
// BlobTransfer.
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

    void attemptStreamed(const QList<QPair<QByteArray, QByteArray>> &headers);
    void onReadyRead();
    void onTransferDone(const RegistryAttempt &answer);

    // Ends the exchange with `error` now, whatever the reply does next.
    void stop(const Error &error);
    bool retryLater(int delayMs);
    void onFinished();
    // What to do after an attempt: follow a redirect, authenticate, retry, or finish.
    void conclude(const RegistryAttempt &answer);
    Error connectionError(const RegistryAttempt &answer, QNetworkReply::NetworkError error) const;
    RegistryClient *m_client;
    RegistryClient::Call m_call;
    QUrl m_url;
    QPointer<QObject> m_context;
    bool m_hadNoContext = m_context.isNull();
    RegistryClient::ResponseCallback m_done;
    QNetworkReply *m_reply = nullptr;
    std::unique_ptr<BlobTransfer> m_transfer;
    QByteArray m_authorization;
    QByteArray m_buffer;
    qint64 m_delivered = 0;    // bytes the sink holds
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
