#pragma once

#include "core/base/result.h"

#include <QByteArray>
#include <QList>
#include <QNetworkReply>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

namespace core {

// What one HTTP attempt of a RegistryExchange came to, whichever transport carried it.
struct RegistryAttempt
{
    int status = 0; // 0: no HTTP answer
    QList<QNetworkReply::RawHeaderPair> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorString;
    QByteArray body;                  // a body that was not streamed (a non-2xx answer's, up to its bound)
    qint64 bodyBytes = 0;             // body bytes of this attempt, bytes skipped after an ignored Range included
    qint64 delivered = 0;             // bytes the sink holds after this attempt
    std::optional<Error> sinkFailure; // the sink refused a piece, or libcurl could not be loaded: the attempt stopped

    // The values of `name` (case-insensitive), joined with ", "; empty when absent.
    QByteArray header(const QByteArray &name) const;
};

// One streamed GET over libcurl on a thread of its own: the answer's 2xx body goes to the sink on that thread, in
// pieces of 512 KiB gathered from libcurl's receive buffer (the last piece, and what came before a failure, shorter),
// and libcurl reads the socket again only when the sink returned, so memory stays flat for any size. A 2xx answer other
// than 206 to a resumed request (the server ignored Range) is skipped up to what the sink already holds; another
// status's body is kept up to a bound. The idle time-out runs from the start and restarts with every byte received.
// Follows no redirects and retries nothing: RegistryExchange decides that from the attempt.
//
// Owns the thread and the libcurl handles. Destroying it cancels the transfer and waits for the thread: afterwards
// neither the sink nor `done` runs.
class BlobTransfer final
{
public:
    using Sink = std::function<Status(const char *data, qsizetype size)>;

    struct Request
    {
        QUrl url;
        QList<QPair<QByteArray, QByteArray>> headers; // sent as they are (Authorization, Range, User-Agent...)
        int timeoutMs = 30000;                        // connect and idle time-out
        qint64 delivered = 0;                         // bytes the sink already holds from earlier attempts
        Sink sink;
        QStringList caFiles;       // PEM CAs trusted besides the system's
        QString clientCertificate; // PEM client certificate and key; empty: none
        QString clientKey;
        QByteArray proxy;     // libcurl's proxy URL ("http://host:port", "socks5h://..."); empty: none
        QByteArray proxyUser; // its login; empty: none
        QByteArray proxyPassword;
    };

    // `done` runs once on the transfer's thread, unless the transfer is destroyed first.
    BlobTransfer(Request request, std::function<void(RegistryAttempt)> done);
    ~BlobTransfer();
    BlobTransfer(const BlobTransfer &) = delete;
    BlobTransfer &operator=(const BlobTransfer &) = delete;

private:
    struct Run;
    std::shared_ptr<Run> m_run;
    std::thread m_thread;
};

} // namespace core
