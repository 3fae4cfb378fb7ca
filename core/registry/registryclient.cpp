#include "core/registry/registryclient.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSysInfo>
#include <QTimer>
#include <QUrlQuery>
#include <memory>

namespace core {

namespace {

constexpr int kMaxRedirects = 10;
constexpr qint64 kMaxErrorBody = 64 * 1024;

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

// The registry's own words from an error body: {"errors":[{"code","message","detail"}]}.
QString registryMessage(const QByteArray &body)
{
    const QJsonArray errors = QJsonDocument::fromJson(body).object().value(QStringLiteral("errors")).toArray();
    QStringList parts;
    for (const QJsonValue &value : errors) {
        const QString message = value.toObject().value(QStringLiteral("message")).toString();
        if (!message.isEmpty())
            parts.append(message);
    }
    return parts.join(QStringLiteral("; "));
}

QString statusText(int status, const QByteArray &body)
{
    const QString message = registryMessage(body);
    return message.isEmpty() ? QString::number(status) : QStringLiteral("%1: %2").arg(status).arg(message);
}

QString shortDigest(const QString &digest)
{
    return digest.left(7 + 12);
}

} // namespace

QByteArray RegistryResponse::header(const QByteArray &name) const
{
    QList<QByteArray> values;
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            values.append(pair.second);
    }
    return values.join(", ");
}

// One logical request: redirects, auth round trips and retries, ending with one callback.
class RegistryExchange final : public QObject
{
    Q_DECLARE_TR_FUNCTIONS(RegistryClient)

public:
    RegistryExchange(RegistryClient *client, RegistryClient::Call call, QObject *context,
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

    ~RegistryExchange() override
    {
        if (m_reply) {
            m_reply->disconnect(this);
            m_reply->abort();
            m_reply->deleteLater();
        }
    }

    void start()
    {
        if (!m_call.authenticate) {
            attempt();
            return;
        }
        m_client->authorization(m_call, this, [this](Result<QByteArray> header) {
            if (!header)
                return finish(header.error());
            m_authorization = *header;
            attempt();
        });
    }

private:
    void abandon()
    {
        m_done = nullptr;
        if (m_reply) {
            m_reply->disconnect(this);
            m_reply->abort();
            m_reply->deleteLater();
            m_reply = nullptr;
        }
        deleteLater();
    }

    void finish(const Result<RegistryResponse> &result)
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

    void attempt()
    {
        QNetworkRequest request(m_url);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setTransferTimeout(m_client->m_options.timeoutMs);
        if (m_url.scheme() == QLatin1String("https"))
            request.setSslConfiguration(
                m_client->endpoint(m_url.port(-1) > 0 ? authorityOf(m_url) : m_url.host()).sslConfiguration());
        request.setRawHeader("User-Agent", "plugdesk/" PLUGDESK_VERSION);
        for (const auto &header : m_call.headers)
            request.setRawHeader(header.first, header.second);
        if (!m_authorization.isEmpty() && !m_crossHost)
            request.setRawHeader("Authorization", m_authorization);
        if (m_call.sink && m_delivered > 0)
            request.setRawHeader("Range", "bytes=" + QByteArray::number(m_delivered) + '-');
        m_skip = 0;
        m_attemptBytes = 0;
        m_firstChunk = true;
        m_buffer.clear();
        m_tooLarge = false;
        // GET goes out as a custom verb on purpose: Qt silently re-sends an idempotent request whose connection
        // closed mid-body and restarts the body, which a streaming sink cannot undo. We retry (and resume) ourselves.
        QFile *upload = nullptr;
        if (!m_call.bodyFile.isEmpty()) {
            // A blob goes out from its file, opened again for every attempt (a 401 sends it anew).
            upload = new QFile(m_call.bodyFile);
            if (!upload->open(QIODevice::ReadOnly)) {
                const QString reason = upload->errorString();
                delete upload;
                return finish(Error{ErrorCode::Io,
                                    tr("cannot %1: cannot read %2: %3").arg(m_call.what, m_call.bodyFile, reason)});
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

    int status() const { return m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(); }

    void onReadyRead()
    {
        const int code = status();
        const bool success = code >= 200 && code < 300;
        if (success && m_firstChunk) {
            m_firstChunk = false;
            // A server that ignored our Range resends from the start: skip what the sink already has.
            if (m_call.sink && m_delivered > 0 && code != 206)
                m_skip = m_delivered;
            const qint64 length = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
            if (!m_call.sink && length > m_call.maxBytes) {
                m_tooLarge = true;
                return stop(Error{ErrorCode::Registry,
                                  tr("cannot %1: the registry sent %2 bytes, more than the %3 bytes allowed")
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
        if (!m_call.sink) {
            m_buffer += chunk;
            if (m_buffer.size() > m_call.maxBytes) {
                m_tooLarge = true;
                stop(Error{ErrorCode::Registry, tr("cannot %1: the registry sent more than the %2 bytes allowed")
                                                    .arg(m_call.what)
                                                    .arg(m_call.maxBytes)});
            }
            return;
        }
        qsizetype offset = 0;
        if (m_skip > 0) {
            offset = qMin<qsizetype>(m_skip, chunk.size());
            m_skip -= offset;
        }
        if (offset >= chunk.size())
            return;
        m_delivered += chunk.size() - offset;
        if (Status fed = m_call.sink(chunk.constData() + offset, chunk.size() - offset); !fed)
            stop(fed.error());
    }

    // Ends the exchange with `error` now, whatever the reply does next.
    void stop(const Error &error)
    {
        if (m_reply) {
            m_reply->disconnect(this);
            m_reply->abort();
            m_reply->deleteLater();
            m_reply = nullptr;
        }
        finish(error);
    }

    bool retryLater(int delayMs)
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

    void onFinished()
    {
        QNetworkReply *reply = m_reply;
        m_reply = nullptr;
        reply->deleteLater();
        reply->disconnect(this);
        if (m_finished)
            return;
        const int code = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QNetworkReply::NetworkError error = reply->error();
        const bool httpAnswer = code > 0;
        const bool success = code >= 200 && code < 300;

        // A success whose body ended before its Content-Length: the connection was cut, whatever Qt says.
        QNetworkReply::NetworkError cause = error;
        const QVariant announcedLength = reply->header(QNetworkRequest::ContentLengthHeader);
        if (success && cause == QNetworkReply::NoError && announcedLength.isValid() && m_call.verb != "HEAD" &&
            m_attemptBytes < announcedLength.toLongLong())
            cause = QNetworkReply::RemoteHostClosedError;
        // No HTTP answer, or a success whose body was cut: a connection problem.
        if (!httpAnswer || (success && cause != QNetworkReply::NoError && isTransientNetworkError(cause))) {
            if (isTransientNetworkError(cause) && retryLater(-1))
                return;
            return finish(connectionError(reply, cause));
        }

        RegistryResponse response;
        response.status = code;
        response.headers = reply->rawHeaderPairs();
        response.url = m_url;
        response.body = m_buffer;

        if (code >= 300 && code < 400 && code != 304) {
            const QByteArray location = reply->rawHeader("Location");
            if (location.isEmpty() || ++m_redirects > kMaxRedirects)
                return finish(
                    Error{ErrorCode::Registry, tr("cannot %1: the registry redirected without a usable Location (%2)")
                                                   .arg(m_call.what)
                                                   .arg(code)});
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
            const bool usable = m_client->recordChallenge(m_call.host, response);
            if (!usable || m_unauthorized > 1)
                return finish(m_client->authError(m_call, response));
            m_client->forgetToken(m_call.host, m_call);
            m_client->authorization(m_call, this, [this, response](Result<QByteArray> header) {
                if (!header)
                    return finish(header.error());
                if (header->isEmpty())
                    return finish(m_client->authError(m_call, response));
                m_authorization = *header;
                attempt();
            });
            return;
        }

        if (code == 429 || code >= 500) {
            int delay = -1;
            const QByteArray retryAfter = reply->rawHeader("Retry-After");
            if (!retryAfter.isEmpty()) {
                bool numeric = false;
                const int seconds = retryAfter.trimmed().toInt(&numeric);
                if (numeric)
                    delay = qMin(seconds * 1000, m_client->m_options.maxRetryAfterMs);
            }
            if (retryLater(delay))
                return;
        }
        if (success && m_tooLarge)
            return;
        finish(response);
    }

    Error connectionError(QNetworkReply *reply, QNetworkReply::NetworkError error) const
    {
        const QString where = authorityOf(m_url);
        const QString tries = m_attempt > 0 ? tr(" after %n tries", nullptr, m_attempt + 1) : QString();
        if (error == QNetworkReply::TimeoutError || error == QNetworkReply::OperationCanceledError)
            return Error{ErrorCode::Timeout, tr("cannot %1: %2 did not answer within %3 seconds%4 — check the "
                                                "network, or that the registry is up")
                                                 .arg(m_call.what, where)
                                                 .arg(m_client->m_options.timeoutMs / 1000)
                                                 .arg(tries)};
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
                             .arg(m_call.what, where, reply->errorString(), m_call.host)};
        return Error{ErrorCode::Network, tr("cannot %1: cannot connect to %2 (%3)%4 — check that the registry is "
                                            "running and reachable")
                                             .arg(m_call.what, where, reply->errorString(), tries)};
    }

    RegistryClient *m_client;
    RegistryClient::Call m_call;
    QUrl m_url;
    QPointer<QObject> m_context;
    bool m_hadNoContext = m_context.isNull();
    RegistryClient::ResponseCallback m_done;
    QNetworkReply *m_reply = nullptr;
    QByteArray m_authorization;
    QByteArray m_buffer;
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

RegistryClient::RegistryClient(QObject *parent)
    : RegistryClient(Options(), parent)
{}

RegistryClient::RegistryClient(Options options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_network(new QNetworkAccessManager(this))
    , m_credentials(m_options.credentialsDir)
    , m_sources(m_options.endpointSources.value_or(RegistryEndpoint::systemSources()))
{
    if (m_options.os.isEmpty())
        m_options.os = machineOs();
    if (m_options.architecture.isEmpty()) {
        m_options.architecture = machineArchitecture();
        if (m_options.variant.isEmpty())
            m_options.variant = machineVariant();
    }
    if (m_options.attempts < 1)
        m_options.attempts = 1;
    m_network->setAutoDeleteReplies(false);
}

RegistryClient::~RegistryClient() = default;

QString RegistryClient::machineOs()
{
    return QSysInfo::kernelType() == QLatin1String("linux") ? QStringLiteral("linux") : QSysInfo::kernelType();
}

QString RegistryClient::machineArchitecture()
{
    const QString cpu = QSysInfo::currentCpuArchitecture();
    if (cpu == QLatin1String("x86_64"))
        return QStringLiteral("amd64");
    if (cpu == QLatin1String("i386"))
        return QStringLiteral("386");
    if (cpu == QLatin1String("power64"))
        return QStringLiteral("ppc64le");
    return cpu; // arm64, arm, riscv64, s390x, mips64 are already the OCI names
}

QString RegistryClient::machineVariant()
{
    const QString cpu = QSysInfo::currentCpuArchitecture();
    if (cpu == QLatin1String("arm64"))
        return QStringLiteral("v8");
    if (cpu == QLatin1String("arm"))
        return QStringLiteral("v7");
    return {};
}

void RegistryClient::setAuth(const QString &host, const AuthConfig &auth)
{
    m_auth.insert(host, auth);
    m_tokens.clear();
}

RegistryEndpoint RegistryClient::endpoint(const QString &host)
{
    return RegistryEndpoint::forHost(host, m_sources);
}

Result<AuthConfig> RegistryClient::authFor(const QString &host)
{
    if (auto it = m_auth.constFind(host); it != m_auth.constEnd())
        return *it;
    if (!m_options.readCredentials)
        return AuthConfig{};
    auto auth = m_credentials.lookup(host);
    if (!auth)
        return auth.error();
    m_auth.insert(host, *auth);
    return auth;
}

QString RegistryClient::scopeFor(const QString &repository, const QString &actions, const QString &realm) const
{
    if (repository.isEmpty())
        return {};
    // moby forces the plugin class: "the auth scope for plugin repos is different than a normal repo".
    const QString type = m_realmsWithoutPluginClass.contains(realm) ? QStringLiteral("repository")
                                                                    : QStringLiteral("repository(plugin)");
    return type + QLatin1Char(':') + repository + QLatin1Char(':') + actions;
}

void RegistryClient::send(const Call &call, QObject *context, ResponseCallback done)
{
    auto *exchange = new RegistryExchange(this, call, context, std::move(done));
    exchange->start();
}

void RegistryClient::authorization(const Call &call, QObject *context, std::function<void(Result<QByteArray>)> done)
{
    const auto known = m_challenges.constFind(call.host);
    if (known == m_challenges.constEnd())
        return done(QByteArray());
    const AuthChallenge challenge = *known;
    if (challenge.scheme == QLatin1String("basic")) {
        auto auth = authFor(call.host);
        if (!auth)
            return done(auth.error());
        if (auth->username.isEmpty() && auth->password.isEmpty())
            return done(QByteArray());
        return done(QByteArray("Basic " + (auth->username + QLatin1Char(':') + auth->password).toUtf8().toBase64()));
    }
    const QString realm = challenge.param(QStringLiteral("realm"));
    requestToken(challenge, call, scopeFor(call.repository, call.actions, realm), true, context,
                 [done](Result<QString> token) {
                     if (!token)
                         return done(token.error());
                     done(QByteArray("Bearer " + token->toUtf8()));
                 });
}

bool RegistryClient::recordChallenge(const QString &host, const RegistryResponse &response)
{
    QList<QByteArray> headers;
    for (const auto &pair : response.headers) {
        if (pair.first.compare("WWW-Authenticate", Qt::CaseInsensitive) == 0)
            headers.append(pair.second);
    }
    const QList<AuthChallenge> challenges = AuthChallenge::parse(headers);
    // Prefer Bearer, as containerd does.
    for (const QString &scheme : {QStringLiteral("bearer"), QStringLiteral("basic")}) {
        for (const AuthChallenge &challenge : challenges) {
            if (challenge.scheme == scheme &&
                (scheme == QLatin1String("basic") || !challenge.param(QStringLiteral("realm")).isEmpty())) {
                m_challenges.insert(host, challenge);
                return true;
            }
        }
    }
    return false;
}

void RegistryClient::forgetToken(const QString &host, const Call &call)
{
    const auto known = m_challenges.constFind(host);
    if (known == m_challenges.constEnd() || known->scheme != QLatin1String("bearer"))
        return;
    const QString realm = known->param(QStringLiteral("realm"));
    const QString service = known->param(QStringLiteral("service"));
    const QString user = m_auth.value(host).username;
    m_tokens.remove(TokenCache::key(realm, service, scopeFor(call.repository, call.actions, realm), user));
}

void RegistryClient::requestToken(const AuthChallenge &challenge, const Call &call, const QString &scope,
                                  bool mayDropClass, QObject *context, std::function<void(Result<QString>)> done)
{
    const QString realm = challenge.param(QStringLiteral("realm"));
    const QString service = challenge.param(QStringLiteral("service"));
    auto authResult = authFor(call.host);
    if (!authResult)
        return done(authResult.error());
    const AuthConfig auth = *authResult;
    const QString key = TokenCache::key(realm, service, scope, auth.username);
    if (auto cached = m_tokens.token(key))
        return done(*cached);

    const QUrl realmUrl(realm);
    if (!realmUrl.isValid() ||
        (realmUrl.scheme() != QLatin1String("https") && realmUrl.scheme() != QLatin1String("http")))
        return done(
            Error{ErrorCode::Auth,
                  tr("cannot %1: the registry's token server \"%2\" is not an http(s) URL").arg(call.what, realm)});

    Call tokenCall;
    tokenCall.host = call.host;
    tokenCall.what = call.what;
    tokenCall.authenticate = false;
    tokenCall.maxBytes = 1024 * 1024;

    auto accept = [this, key, realm, call, done](const RegistryResponse &response) {
        auto reply = TokenCache::parseReply(response.body, realm);
        if (!reply)
            return done(Error{reply.error().code, tr("cannot %1: %2").arg(call.what, reply.error().message)});
        m_tokens.insert(key, reply->token, reply->expiresIn);
        done(reply->token);
    };
    // The token server refused: try once without the plugin class, else report it.
    auto refuse = [this, challenge, call, scope, mayDropClass, context, done, realm,
                   auth](const RegistryResponse &response) {
        if ((response.status == 401 || response.status == 403) && mayDropClass &&
            scope.startsWith(QLatin1String("repository(plugin):"))) {
            m_realmsWithoutPluginClass.insert(realm);
            return requestToken(challenge, call, scopeFor(call.repository, call.actions, realm), false, context, done);
        }
        RegistryResponse described = response;
        done(auth.isEmpty() || response.status != 401
                 ? (response.status == 401 || response.status == 403 ? authError(call, described)
                                                                     : statusError(call, described, realm))
                 : authError(call, described));
    };

    QUrlQuery query;
    if (!service.isEmpty())
        query.addQueryItem(QStringLiteral("service"), service);
    if (!scope.isEmpty())
        query.addQueryItem(QStringLiteral("scope"), scope);
    QUrl getUrl = realmUrl;
    {
        QUrlQuery merged(realmUrl);
        for (const auto &item : query.queryItems())
            merged.addQueryItem(item.first, item.second);
        getUrl.setQuery(merged);
    }

    auto getToken = [this, tokenCall, getUrl, auth, context, accept, refuse, done](bool withBasic) mutable {
        tokenCall.verb = "GET";
        tokenCall.url = getUrl;
        tokenCall.headers.clear();
        if (withBasic)
            tokenCall.headers.append(
                {"Authorization", "Basic " + (auth.username + QLatin1Char(':') + auth.password).toUtf8().toBase64()});
        send(tokenCall, context, [accept, refuse, done](Result<RegistryResponse> response) {
            if (!response)
                return done(response.error());
            if (response->status == 200)
                return accept(*response);
            refuse(*response);
        });
    };

    const bool hasSecret = !auth.password.isEmpty() || !auth.identityToken.isEmpty();
    if (!hasSecret)
        return getToken(false);

    QUrlQuery form;
    if (!auth.identityToken.isEmpty()) {
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("refresh_token"));
        form.addQueryItem(QStringLiteral("refresh_token"), auth.identityToken);
    } else {
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("password"));
        form.addQueryItem(QStringLiteral("username"), auth.username);
        form.addQueryItem(QStringLiteral("password"), auth.password);
    }
    if (!service.isEmpty())
        form.addQueryItem(QStringLiteral("service"), service);
    if (!scope.isEmpty())
        form.addQueryItem(QStringLiteral("scope"), scope);
    form.addQueryItem(QStringLiteral("client_id"), QStringLiteral("plugdesk"));
    // QUrlQuery leaves '+' and '&' inside values alone; a form body needs them encoded.
    QByteArray body;
    for (const auto &item : form.queryItems(QUrl::FullyDecoded)) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(item.first) + '=' + QUrl::toPercentEncoding(item.second);
    }
    Call post = tokenCall;
    post.verb = "POST";
    post.url = realmUrl;
    post.body = body;
    post.headers.append({QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded; charset=utf-8")});
    const bool canBasic = !auth.username.isEmpty();
    send(post, context, [accept, refuse, getToken, canBasic, done](Result<RegistryResponse> response) mutable {
        if (!response)
            return done(response.error());
        if (response->status == 200)
            return accept(*response);
        const int status = response->status;
        if (canBasic && (status == 404 || status == 401 || status == 400 || status == 405))
            return getToken(true);
        refuse(*response);
    });
}

Error RegistryClient::authError(const Call &call, const RegistryResponse &response)
{
    const AuthConfig auth = m_auth.value(call.host);
    const QString detail = registryMessage(response.body);
    const QString code =
        detail.isEmpty() ? QString::number(response.status) : QStringLiteral("%1: %2").arg(response.status).arg(detail);
    if (auth.isEmpty())
        return Error{ErrorCode::Auth, tr("cannot %1: the registry requires a login (%2) — run plugdeskctl login %3")
                                          .arg(call.what, code, call.host)};
    return Error{ErrorCode::Auth,
                 tr("cannot %1: the registry refused the login for %2 (%3) — check that the repository exists and "
                    "that this login may use it, or run plugdeskctl login %2 again")
                     .arg(call.what, call.host, code)};
}

Error RegistryClient::statusError(const Call &call, const RegistryResponse &response, const QString &subject)
{
    const QString text = statusText(response.status, response.body);
    if (response.status == 404)
        return Error{ErrorCode::NotFound,
                     tr("cannot %1: %2 was not found in the registry (%3) — check the name and the tag")
                         .arg(call.what, subject, text)};
    if (response.status == 401 || response.status == 403)
        return authError(call, response);
    if (response.status == 429 || response.status >= 500)
        return Error{ErrorCode::Registry, tr("cannot %1: the registry answered %2 after %n tries — try again later",
                                             nullptr, m_options.attempts)
                                              .arg(call.what, text)};
    return Error{ErrorCode::Registry, tr("cannot %1: the registry answered %2").arg(call.what, text)};
}

void RegistryClient::ping(const QString &host, QObject *context, std::function<void(Status)> done)
{
    Call call;
    call.host = host;
    call.url = endpoint(host).baseUrl().resolved(QUrl(QStringLiteral("/v2/")));
    call.what = tr("reach the registry %1").arg(host);
    send(call, context, [this, call, done](Result<RegistryResponse> response) {
        if (!response)
            return done(response.error());
        if (response->status == 200)
            return done(Status());
        if (response->status == 404)
            return done(Error{ErrorCode::Registry, tr("cannot %1: %2 does not speak the registry API v2 (404 on /v2/)")
                                                       .arg(call.what, endpoint(call.host).baseUrl().toString())});
        done(statusError(call, *response, call.url.toString()));
    });
}

void RegistryClient::fetchManifest(const Reference &reference, QObject *context,
                                   std::function<void(Result<Manifest>)> done)
{
    const Reference full = reference.withDefaultTag();
    fetchManifestBy(full, full.hasDigest() ? full.digest() : full.tag(), 0, context, std::move(done));
}

void RegistryClient::fetchManifestBy(const Reference &reference, const QString &tagOrDigest, int depth,
                                     QObject *context, std::function<void(Result<Manifest>)> done)
{
    Call call;
    call.host = reference.domain();
    call.repository = reference.path();
    call.url = endpoint(call.host).baseUrl().resolved(
        QUrl(QStringLiteral("/v2/%1/manifests/%2").arg(reference.path(), tagOrDigest)));
    call.headers.append({"Accept", (QStringList{Manifest::DockerManifest, Manifest::DockerList, Manifest::OciManifest,
                                                Manifest::OciIndex})
                                       .join(QStringLiteral(", "))
                                       .toLatin1()});
    call.maxBytes = m_options.maxManifestBytes;
    call.what = tr("fetch the manifest of %1").arg(reference.toString());
    const bool byDigest = tagOrDigest.startsWith(QLatin1String("sha256:"));
    send(call, context,
         [this, call, reference, tagOrDigest, byDigest, depth, context, done](Result<RegistryResponse> response) {
             if (!response)
                 return done(response.error());
             if (response->status != 200)
                 return done(statusError(call, *response, reference.toString()));
             const QString digest = Manifest::digestOf(response->body);
             const QString announced = QString::fromLatin1(response->header("Docker-Content-Digest")).trimmed();
             if (byDigest && digest != tagOrDigest)
                 return done(
                     Error{ErrorCode::DigestMismatch,
                           tr("cannot %1: the registry sent a manifest whose digest is %2, not %3 — the registry "
                              "or something between is corrupting data")
                               .arg(call.what, digest, tagOrDigest)});
             if (announced.startsWith(QLatin1String("sha256:")) && announced != digest)
                 return done(Error{ErrorCode::DigestMismatch,
                                   tr("cannot %1: the manifest's digest is %2 but the registry announced %3")
                                       .arg(call.what, digest, announced)});
             auto manifest = Manifest::parse(response->body, QString::fromLatin1(response->header("Content-Type")));
             if (!manifest)
                 return done(manifest.error().prefixed(tr("cannot %1").arg(call.what)));
             if (!manifest->isList())
                 return done(*manifest);
             if (depth > 0)
                 return done(Error{ErrorCode::Unsupported,
                                   tr("cannot %1: a manifest list points at another list").arg(call.what)});
             const Descriptor *entry = manifest->entryFor(m_options.os, m_options.architecture, m_options.variant);
             if (!entry) {
                 QStringList platforms;
                 for (const Descriptor &candidate : manifest->entries)
                     platforms.append(QStringList{candidate.os, candidate.architecture, candidate.variant}
                                          .filter(QRegularExpression(QStringLiteral(".")))
                                          .join(QLatin1Char('/')));
                 return done(Error{ErrorCode::NotFound, tr("cannot %1: it has no manifest for %2/%3 (it has: %4)")
                                                            .arg(call.what, m_options.os, m_options.architecture,
                                                                 platforms.join(QStringLiteral(", ")))});
             }
             fetchManifestBy(reference, entry->digest, depth + 1, context, done);
         });
}

void RegistryClient::fetchBlob(const Reference &repository, const Descriptor &blob, QObject *context, BlobSink sink,
                               std::function<void(Status)> done)
{
    struct State
    {
        QCryptographicHash hash{QCryptographicHash::Sha256};
        qint64 received = 0;
    };
    auto state = std::make_shared<State>();
    Call call;
    call.host = repository.domain();
    call.repository = repository.path();
    call.url = endpoint(call.host).baseUrl().resolved(
        QUrl(QStringLiteral("/v2/%1/blobs/%2").arg(repository.path(), blob.digest)));
    call.what = tr("fetch blob %1 of %2").arg(shortDigest(blob.digest), repository.name());
    const QString what = call.what;
    call.sink = [state, blob, sink, what](const char *data, qsizetype size) -> Status {
        state->received += size;
        if (state->received > blob.size)
            return Error{
                ErrorCode::DigestMismatch,
                tr("cannot %1: the registry sent more than the %2 bytes the manifest gives").arg(what).arg(blob.size)};
        state->hash.addData(QByteArrayView(data, size));
        return sink ? sink(data, size) : Status();
    };
    send(call, context, [this, call, blob, state, done](Result<RegistryResponse> response) {
        if (!response)
            return done(response.error());
        if (response->status != 200 && response->status != 206)
            return done(statusError(call, *response, blob.digest));
        if (state->received != blob.size)
            return done(
                Error{ErrorCode::DigestMismatch, tr("cannot %1: the registry sent %2 bytes, the manifest gives %3")
                                                     .arg(call.what)
                                                     .arg(state->received)
                                                     .arg(blob.size)});
        const QString digest = QStringLiteral("sha256:") + QString::fromLatin1(state->hash.result().toHex());
        if (digest != blob.digest)
            return done(Error{ErrorCode::DigestMismatch,
                              tr("cannot %1: its content has digest %2, not %3 — the registry or something between "
                                 "is corrupting data; nothing was kept")
                                  .arg(call.what, digest, blob.digest)});
        done(Status());
    });
}

void RegistryClient::fetchConfig(const Reference &repository, const Descriptor &config, QObject *context,
                                 std::function<void(Result<QByteArray>)> done)
{
    if (config.size > m_options.maxConfigBytes)
        return done(Error{ErrorCode::Registry,
                          tr("cannot fetch the config of %1: its manifest gives %2 bytes, more than the %3 allowed")
                              .arg(repository.name())
                              .arg(config.size)
                              .arg(m_options.maxConfigBytes)});
    auto bytes = std::make_shared<QByteArray>();
    fetchBlob(
        repository, config, context,
        [bytes](const char *data, qsizetype size) -> Status {
            bytes->append(data, size);
            return {};
        },
        [bytes, done](Status status) {
            if (!status)
                return done(status.error());
            done(*bytes);
        });
}

void RegistryClient::blobExists(const Reference &repository, const QString &digest, QObject *context,
                                std::function<void(Result<bool>)> done)
{
    Call call;
    call.verb = "HEAD";
    call.host = repository.domain();
    call.repository = repository.path();
    call.actions = QStringLiteral("pull,push");
    call.url =
        endpoint(call.host).baseUrl().resolved(QUrl(QStringLiteral("/v2/%1/blobs/%2").arg(repository.path(), digest)));
    call.what = tr("check blob %1 in %2").arg(shortDigest(digest), repository.name());
    send(call, context, [this, call, digest, done](Result<RegistryResponse> response) {
        if (!response)
            return done(response.error());
        if (response->status == 200)
            return done(true);
        if (response->status == 404)
            return done(false);
        done(statusError(call, *response, digest));
    });
}

void RegistryClient::uploadBlob(const Reference &repository, const QByteArray &data, QObject *context,
                                std::function<void(Result<QString>)> done)
{
    Call put;
    put.body = data;
    upload(repository, Manifest::digestOf(data), put, context, std::move(done));
}

void RegistryClient::uploadBlobFile(const Reference &repository, const QString &path, const QString &digest,
                                    QObject *context, std::function<void(qint64)> progress,
                                    std::function<void(Result<QString>)> done)
{
    Call put;
    put.bodyFile = path;
    put.uploadProgress = std::move(progress);
    upload(repository, digest, put, context, std::move(done));
}

void RegistryClient::upload(const Reference &repository, const QString &digest, const Call &body, QObject *context,
                            std::function<void(Result<QString>)> done)
{
    Call start;
    start.verb = "POST";
    start.host = repository.domain();
    start.repository = repository.path();
    start.actions = QStringLiteral("pull,push");
    start.url =
        endpoint(start.host).baseUrl().resolved(QUrl(QStringLiteral("/v2/%1/blobs/uploads/").arg(repository.path())));
    start.headers.append({QByteArray("Content-Length"), QByteArray("0")});
    start.what = tr("upload blob %1 to %2").arg(shortDigest(digest), repository.name());
    send(start, context, [this, start, repository, body, digest, context, done](Result<RegistryResponse> response) {
        if (!response)
            return done(response.error());
        if (response->status != 202)
            return done(statusError(start, *response, repository.name()));
        const QByteArray location = response->header("Location");
        if (location.isEmpty())
            return done(Error{ErrorCode::Registry,
                              tr("cannot %1: the registry started an upload without a Location").arg(start.what)});
        QUrl target = response->url.resolved(QUrl::fromEncoded(location));
        QUrlQuery query(target);
        query.addQueryItem(QStringLiteral("digest"), digest);
        target.setQuery(query);
        Call put = start;
        put.verb = "PUT";
        put.url = target;
        put.body = body.body;
        put.bodyFile = body.bodyFile;
        put.uploadProgress = body.uploadProgress;
        put.retry = false; // an upload session is not replayable
        put.headers = {{QByteArray("Content-Type"), QByteArray("application/octet-stream")}};
        send(put, context, [this, put, digest, done](Result<RegistryResponse> response) {
            if (!response)
                return done(response.error());
            if (response->status != 201 && response->status != 204)
                return done(statusError(put, *response, digest));
            done(digest);
        });
    });
}

void RegistryClient::putManifest(const Reference &reference, const QString &mediaType, const QByteArray &bytes,
                                 QObject *context, std::function<void(Result<QString>)> done)
{
    const QString digest = Manifest::digestOf(bytes);
    const Reference full = reference.withDefaultTag();
    Call call;
    call.verb = "PUT";
    call.host = full.domain();
    call.repository = full.path();
    call.actions = QStringLiteral("pull,push");
    call.url = endpoint(call.host).baseUrl().resolved(
        QUrl(QStringLiteral("/v2/%1/manifests/%2").arg(full.path(), full.hasTag() ? full.tag() : full.digest())));
    call.body = bytes;
    call.headers.append({"Content-Type", mediaType.toLatin1()});
    call.what = tr("push the manifest of %1").arg(full.toString());
    send(call, context, [this, call, digest, done](Result<RegistryResponse> response) {
        if (!response)
            return done(response.error());
        if (response->status != 201 && response->status != 200)
            return done(statusError(call, *response, digest));
        const QString announced = QString::fromLatin1(response->header("Docker-Content-Digest")).trimmed();
        if (!announced.isEmpty() && announced != digest)
            return done(
                Error{ErrorCode::DigestMismatch, tr("cannot %1: the registry filed it as %2, but its bytes hash to %3")
                                                     .arg(call.what, announced, digest)});
        done(digest);
    });
}

void RegistryClient::listTags(const Reference &repository, QObject *context,
                              std::function<void(Result<QStringList>)> done)
{
    const QUrl url = endpoint(repository.domain())
                         .baseUrl()
                         .resolved(QUrl(QStringLiteral("/v2/%1/tags/list").arg(repository.path())));
    fetchTagsPage(repository, url, {}, 0, context, std::move(done));
}

void RegistryClient::fetchTagsPage(const Reference &repository, const QUrl &url, QStringList collected, int pages,
                                   QObject *context, std::function<void(Result<QStringList>)> done)
{
    Call call;
    call.host = repository.domain();
    call.repository = repository.path();
    call.url = url;
    call.maxBytes = m_options.maxManifestBytes;
    call.what = tr("list the tags of %1").arg(repository.name());
    send(call, context, [this, call, repository, collected, pages, context, done](Result<RegistryResponse> response) {
        if (!response)
            return done(response.error());
        if (response->status != 200)
            return done(statusError(call, *response, repository.name()));
        QStringList tags = collected;
        for (const QJsonValue &tag :
             QJsonDocument::fromJson(response->body).object().value(QStringLiteral("tags")).toArray())
            tags.append(tag.toString());
        // Link: </v2/name/tags/list?last=x&n=y>; rel="next"
        static const QRegularExpression next(QStringLiteral("<([^>]+)>\\s*;\\s*rel=\"?next\"?"));
        const auto match = next.match(QString::fromLatin1(response->header("Link")));
        if (!match.hasMatch() || pages >= 100)
            return done(tags);
        fetchTagsPage(repository, response->url.resolved(QUrl(match.captured(1))), tags, pages + 1, context, done);
    });
}

} // namespace core
