#include "core/registry/registryexchange.h"

#include "core/base/units.h"
#include "core/registry/registryauthenticator.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QTimer>
#include <memory>

namespace core {

namespace {

constexpr int kMaxRedirects = 10;
constexpr qint64 kMaxErrorBody = 64 * KiB;

bool isTransientNetworkError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ConnectionRefusedError:
    case QNetworkReply::RemoteHostClosedError:
    case QNetworkReply::TimeoutError:
    case QNetworkReply::OperationCanceledError: // what a transfer time-out reports
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
    case QNetworkReply::UnknownNetworkError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::HostNotFoundError: // a flaky resolver; the last try still says "not found"
        return true;
    default:
        return false;
    }
}

QString authorityOf(const QUrl &url)
{
    return url.host() + QLatin1Char(':') + QString::number(url.port(url.scheme() == QLatin1String("http") ? 80 : 443));
}

} // namespace

RegistryExchange::RegistryExchange(RegistryClient *client, RegistryClient::Call call, QObject *context,
                                   RegistryClient::ResponseCallback done)
    : QObject(client)
    , m_client(client)
    , m_call(std::move(call))
    , m_url(m_call.url)
    , m_context(context)
    , m_done(std::move(done))
{
    if (context)
        connect(context, &QObject::destroyed, this, [this] { abandon(); });
}

RegistryExchange::~RegistryExchange()
{
    m_transfer.reset(); // waits until the sink is no longer called
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
    }
}

void RegistryExchange::start()
{
    if (!m_call.authenticate) {
        attempt();
        return;
    }
    m_client->m_authenticator->authorization(m_call, this, [this](Result<QByteArray> header) {
        if (!header)
            return finish(header.error());
        m_authorization = *header;
        attempt();
    });
}

void RegistryExchange::abandon()
{
    m_done = nullptr;
    m_transfer.reset();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    deleteLater();
}

void RegistryExchange::finish(const Result<RegistryResponse> &result)
{
    if (m_finished)
        return;
    m_finished = true;
    auto done = std::move(m_done);
    m_done = nullptr;
    if (done && (!m_context.isNull() || m_hadNoContext))
        done(result);
    deleteLater();
}

void RegistryExchange::attempt()
{
    QList<QPair<QByteArray, QByteArray>> headers{{"User-Agent", "plugdesk/" PLUGDESK_VERSION}};
    headers += m_call.headers;
    if (!m_authorization.isEmpty() && !m_crossHost)
        headers.append({"Authorization", m_authorization});
    if (m_call.sink && m_delivered > 0)
        headers.append({"Range", "bytes=" + QByteArray::number(m_delivered) + '-'});
    m_attemptBytes = 0;
    m_firstChunk = true;
    m_buffer.clear();
    m_tooLarge = false;
    if (m_call.sink)
        return attemptStreamed(headers);

    QNetworkRequest request(m_url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_client->m_options.timeoutMs);
    if (m_url.scheme() == QLatin1String("https"))
        request.setSslConfiguration(
            m_client->endpoint(m_url.port(-1) > 0 ? authorityOf(m_url) : m_url.host()).sslConfiguration());
    for (const auto &header : std::as_const(headers))
        request.setRawHeader(header.first, header.second);
    // GET goes out as a custom verb on purpose: Qt silently re-sends an idempotent request whose connection
    // closed mid-body and restarts the body, which a streaming sink cannot undo. We retry (and resume) ourselves.
    QFile *upload = nullptr;
    if (!m_call.bodyFile.isEmpty()) {
        // A blob goes out from its file, opened again for every attempt (a 401 sends it anew).
        upload = new QFile(m_call.bodyFile);
        if (!upload->open(QIODevice::ReadOnly)) {
            const QString reason = upload->errorString();
            delete upload;
            return finish(
                Error{ErrorCode::Io, tr("cannot %1: cannot read %2: %3").arg(m_call.what, m_call.bodyFile, reason)});
        }
        request.setHeader(QNetworkRequest::ContentLengthHeader, upload->size());
    }
    if (m_call.verb == "HEAD")
        m_reply = m_client->m_network->head(request);
    else if (upload)
        m_reply = m_client->m_network->sendCustomRequest(request, m_call.verb, upload);
    else
        m_reply = m_client->m_network->sendCustomRequest(request, m_call.verb, m_call.body);
    if (upload) {
        upload->setParent(m_reply);
        if (m_call.uploadProgress)
            connect(m_reply, &QNetworkReply::uploadProgress, this,
                    [progress = m_call.uploadProgress](qint64 sent, qint64) { progress(sent); });
    }
    connect(m_reply, &QNetworkReply::readyRead, this, &RegistryExchange::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &RegistryExchange::onFinished);
}

void RegistryExchange::attemptStreamed(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    BlobTransfer::Request request;
    request.url = m_url;
    request.headers = headers;
    request.timeoutMs = m_client->m_options.timeoutMs;
    request.delivered = m_delivered;
    request.sink = m_call.sink;
    if (m_url.scheme() == QLatin1String("https")) {
        const RegistryEndpoint endpoint = m_client->endpoint(m_url.port(-1) > 0 ? authorityOf(m_url) : m_url.host());
        request.caFiles = endpoint.caFiles();
        const RegistryEndpoint::ClientCertificate client = endpoint.clientCertificate();
        request.clientCertificate = client.certificate;
        request.clientKey = client.key;
    }
    // The proxy Qt would use for this URL (libproxy: the environment's and the desktop's settings), so that blobs take
    // the same way as the manifests.
    const QList<QNetworkProxy> proxies = QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(m_url));
    if (!proxies.isEmpty()) {
        const QNetworkProxy &proxy = proxies.constFirst();
        const char *scheme = proxy.type() == QNetworkProxy::HttpProxy     ? "http"
                             : proxy.type() == QNetworkProxy::Socks5Proxy ? "socks5h"
                                                                          : nullptr;
        if (scheme && !proxy.hostName().isEmpty()) {
            QUrl url;
            url.setScheme(QLatin1String(scheme));
            url.setHost(proxy.hostName());
            url.setPort(proxy.port());
            request.proxy = url.toEncoded();
            request.proxyUser = proxy.user().toUtf8();
            request.proxyPassword = proxy.password().toUtf8();
        }
    }
    // `done` runs on the transfer's thread; the exchange goes on on its own. Destroying the transfer (abandon, stop,
    // the destructor) waits for that thread, so `this` outlives every call made there.
    m_transfer = std::make_unique<BlobTransfer>(std::move(request), [this](RegistryAttempt attempt) {
        QMetaObject::invokeMethod(
            this, [this, attempt = std::move(attempt)] { onTransferDone(attempt); }, Qt::QueuedConnection);
    });
}

void RegistryExchange::onTransferDone(const RegistryAttempt &answer)
{
    m_transfer.reset();
    if (m_finished)
        return;
    m_delivered = answer.delivered;
    m_attemptBytes = answer.bodyBytes;
    if (answer.sinkFailure)
        return finish(*answer.sinkFailure);
    conclude(answer);
}

void RegistryExchange::onReadyRead()
{
    const int code = status();
    const bool success = code >= 200 && code < 300;
    if (success && m_firstChunk) {
        m_firstChunk = false;
        const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
        if (length > m_call.maxBytes) {
            m_tooLarge = true;
            return stop(
                Error{ErrorCode::Registry, tr("cannot %1: the registry sent %2 bytes, more than the %3 bytes allowed")
                                               .arg(m_call.what)
                                               .arg(length)
                                               .arg(m_call.maxBytes)});
        }
    }
    const QByteArray chunk = m_reply->readAll();
    m_attemptBytes += chunk.size();
    if (!success) {
        if (m_buffer.size() < kMaxErrorBody)
            m_buffer += chunk.left(kMaxErrorBody - m_buffer.size());
        return;
    }
    m_buffer += chunk;
    if (m_buffer.size() > m_call.maxBytes) {
        m_tooLarge = true;
        stop(Error{
            ErrorCode::Registry,
            tr("cannot %1: the registry sent more than the %2 bytes allowed").arg(m_call.what).arg(m_call.maxBytes)});
    }
}

void RegistryExchange::stop(const Error &error)
{
    m_transfer.reset();
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        m_reply->deleteLater();
        m_reply = nullptr;
    }
    finish(error);
}

bool RegistryExchange::retryLater(int delayMs)
{
    if (!m_call.retry || m_attempt + 1 >= m_client->m_options.attempts)
        return false;
    const QList<int> &backoff = m_client->m_options.backoffMs;
    if (delayMs < 0)
        delayMs = backoff.isEmpty() ? 0 : backoff.value(m_attempt, backoff.constLast());
    ++m_attempt;
    QTimer::singleShot(delayMs, this, [this] { attempt(); });
    return true;
}

void RegistryExchange::onFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    reply->disconnect(this);
    if (m_finished)
        return;
    RegistryAttempt answer;
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.headers = reply->rawHeaderPairs();
    answer.error = reply->error();
    answer.errorString = reply->errorString();
    answer.body = std::exchange(m_buffer, {});
    answer.bodyBytes = m_attemptBytes;
    answer.delivered = m_delivered;
    conclude(answer);
}

void RegistryExchange::conclude(const RegistryAttempt &answer)
{
    const int code = answer.status;
    const bool httpAnswer = code > 0;
    const bool success = code >= 200 && code < 300;

    // A success whose body ended before its Content-Length: the connection was cut, whatever the transport says.
    QNetworkReply::NetworkError cause = answer.error;
    const QByteArray announcedLength = answer.header("Content-Length");
    if (success && cause == QNetworkReply::NoError && !announcedLength.isEmpty() && m_call.verb != "HEAD" &&
        m_attemptBytes < announcedLength.trimmed().toLongLong())
        cause = QNetworkReply::RemoteHostClosedError;
    // No HTTP answer, or a success whose body was cut: a connection problem.
    if (!httpAnswer || (success && cause != QNetworkReply::NoError && isTransientNetworkError(cause))) {
        if (isTransientNetworkError(cause) && retryLater(-1))
            return;
        return finish(connectionError(answer, cause));
    }

    RegistryResponse response;
    response.status = code;
    response.headers = answer.headers;
    response.url = m_url;
    response.body = answer.body;

    if (code >= 300 && code < 400 && code != 304) {
        const QByteArray location = answer.header("Location");
        if (location.isEmpty() || ++m_redirects > kMaxRedirects)
            return finish(Error{
                ErrorCode::Registry,
                tr("cannot %1: the registry redirected without a usable Location (%2)").arg(m_call.what).arg(code)});
        const QUrl next = m_url.resolved(QUrl::fromEncoded(location));
        // Credentials stay with the registry: a blob store on another host gets none.
        if (authorityOf(next) != authorityOf(m_call.url) || next.scheme() != m_call.url.scheme())
            m_crossHost = true;
        if (code == 303) {
            m_call.verb = "GET";
            m_call.body.clear();
            m_call.bodyFile.clear();
        }
        m_url = next;
        return attempt();
    }

    if (code == 401 && m_call.authenticate && !m_crossHost) {
        ++m_unauthorized;
        const bool usable = m_client->m_authenticator->recordChallenge(m_call.host, response);
        if (!usable || m_unauthorized > 1)
            return finish(m_client->m_authenticator->authError(m_call, response));
        m_client->m_authenticator->forgetToken(m_call.host, m_call);
        m_client->m_authenticator->authorization(m_call, this, [this, response](Result<QByteArray> header) {
            if (!header)
                return finish(header.error());
            if (header->isEmpty())
                return finish(m_client->m_authenticator->authError(m_call, response));
            m_authorization = *header;
            attempt();
        });
        return;
    }

    if (code == 429 || code >= 500) {
        int delay = -1;
        const QByteArray retryAfter = answer.header("Retry-After");
        if (!retryAfter.isEmpty()) {
            bool numeric = false;
            const int seconds = retryAfter.trimmed().toInt(&numeric);
            if (numeric)
                delay = qMin(seconds * 1000, m_client->m_options.maxRetryAfterMs);
        }
        if (retryLater(delay))
            return;
    }
    finish(response);
}

Error RegistryExchange::connectionError(const RegistryAttempt &answer, QNetworkReply::NetworkError error) const
{
    const QString where = authorityOf(m_url);
    const QString tries = m_attempt > 0 ? tr(" after %n tries", nullptr, m_attempt + 1) : QString();
    const QString seconds = QString::number(m_client->m_options.timeoutMs / 1000.0);
    if ((error == QNetworkReply::TimeoutError || error == QNetworkReply::OperationCanceledError) && m_delivered > 0)
        return Error{ErrorCode::Timeout, tr("cannot %1: %2 stopped sending after %3 bytes and sent nothing more for "
                                            "%4 seconds%5 — check the network, or try again later")
                                             .arg(m_call.what, where)
                                             .arg(m_delivered)
                                             .arg(seconds, tries)};
    if (error == QNetworkReply::TimeoutError || error == QNetworkReply::OperationCanceledError)
        return Error{ErrorCode::Timeout, tr("cannot %1: %2 did not answer within %3 seconds%4 — check the "
                                            "network, or that the registry is up")
                                             .arg(m_call.what, where, seconds, tries)};
    if (error == QNetworkReply::RemoteHostClosedError && m_delivered > 0)
        return Error{ErrorCode::Network, tr("cannot %1: %2 closed the connection after %3 bytes%4 — try again "
                                            "later")
                                             .arg(m_call.what, where)
                                             .arg(m_delivered)
                                             .arg(tries)};
    if (error >= QNetworkReply::SslHandshakeFailedError && error <= QNetworkReply::SslHandshakeFailedError)
        return Error{ErrorCode::Network,
                     tr("cannot %1: the TLS handshake with %2 failed (%3) — if it uses its own CA, put it in "
                        "/etc/docker/certs.d/%4/ca.crt")
                         .arg(m_call.what, where, answer.errorString, m_call.host)};
    return Error{ErrorCode::Network, tr("cannot %1: cannot connect to %2 (%3)%4 — check that the registry is "
                                        "running and reachable")
                                         .arg(m_call.what, where, answer.errorString, tries)};
}

} // namespace core
