#include "core/registry/registryauthenticator.h"

#include "core/base/units.h"

#include <QUrl>
#include <QUrlQuery>

namespace core {

RegistryAuthenticator::RegistryAuthenticator(RegistryClient *client, Credentials credentials, bool readCredentials)
    : m_client(client)
    , m_credentials(std::move(credentials))
    , m_readCredentials(readCredentials)
{}

void RegistryAuthenticator::setAuth(const QString &host, const AuthConfig &auth)
{
    m_auth.insert(host, auth);
    m_tokens.clear();
}

Result<AuthConfig> RegistryAuthenticator::authFor(const QString &host)
{
    if (auto it = m_auth.constFind(host); it != m_auth.constEnd())
        return *it;
    if (!m_readCredentials)
        return AuthConfig{};
    auto auth = m_credentials.lookup(host);
    if (!auth)
        return auth.error();
    m_auth.insert(host, *auth);
    return auth;
}

QString RegistryAuthenticator::scopeFor(const QString &repository, const QString &actions, const QString &realm) const
{
    if (repository.isEmpty())
        return {};
    // moby forces the plugin class: "the auth scope for plugin repos is different than a normal repo".
    const QString type = m_realmsWithoutPluginClass.contains(realm) ? QStringLiteral("repository")
                                                                    : QStringLiteral("repository(plugin)");
    return type + QLatin1Char(':') + repository + QLatin1Char(':') + actions;
}

void RegistryAuthenticator::authorization(const RegistryClient::Call &call, QObject *context,
                                          const std::function<void(Result<QByteArray>)> &done)
{
    const auto known = m_challenges.constFind(call.host);
    if (known == m_challenges.constEnd())
        return done(QByteArray());
    const AuthChallenge &challenge = *known;
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

bool RegistryAuthenticator::recordChallenge(const QString &host, const RegistryResponse &response)
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

void RegistryAuthenticator::forgetToken(const QString &host, const RegistryClient::Call &call)
{
    const auto known = m_challenges.constFind(host);
    if (known == m_challenges.constEnd() || known->scheme != QLatin1String("bearer"))
        return;
    const QString realm = known->param(QStringLiteral("realm"));
    const QString service = known->param(QStringLiteral("service"));
    const QString user = m_auth.value(host).username;
    m_tokens.remove(TokenCache::key(realm, service, scopeFor(call.repository, call.actions, realm), user));
}

void RegistryAuthenticator::requestToken(const AuthChallenge &challenge, const RegistryClient::Call &call,
                                         const QString &scope, bool mayDropClass, QObject *context,
                                         const std::function<void(Result<QString>)> &done)
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

    RegistryClient::Call tokenCall;
    tokenCall.host = call.host;
    tokenCall.what = call.what;
    tokenCall.authenticate = false;
    tokenCall.maxBytes = MiB;

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
                                                                     : m_client->statusError(call, described, realm))
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
        m_client->send(tokenCall, context, [accept, refuse, done](Result<RegistryResponse> response) {
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
    RegistryClient::Call post = tokenCall;
    post.verb = "POST";
    post.url = realmUrl;
    post.body = body;
    post.headers.append({QByteArray("Content-Type"), QByteArray("application/x-www-form-urlencoded; charset=utf-8")});
    const bool canBasic = !auth.username.isEmpty();
    m_client->send(post, context,
                   [accept, refuse, getToken, canBasic, done](Result<RegistryResponse> response) mutable {
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

Error RegistryAuthenticator::authError(const RegistryClient::Call &call, const RegistryResponse &response)
{
    const AuthConfig auth = m_auth.value(call.host);
    const QString detail = response.errorMessage();
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

} // namespace core
