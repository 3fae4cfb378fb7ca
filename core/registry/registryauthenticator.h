#pragma once

#include "core/base/result.h"
#include "core/registry/authchallenge.h"
#include "core/registry/credentials.h"
#include "core/registry/registryclient.h"
#include "core/registry/tokencache.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QSet>
#include <QString>
#include <functional>

namespace core {

// The auth flow of one RegistryClient (docs/docker-compat.md §7.4): keeps each host's last challenge and answers the
// Authorization header of a request from it, Basic from the login, or a Bearer token from the token server (POST
// form, fallback GET with Basic, anonymous GET, `repository(plugin):` scope with one retry without the class). Owns
// the token cache and the logins given or looked up through Credentials; sends its token requests through the
// client, and words the errors of a refused login. Messages keep RegistryClient's translation context.
class RegistryAuthenticator final
{
    Q_DECLARE_TR_FUNCTIONS(RegistryClient)

public:
    // `readCredentials` false: logins come only from setAuth(), never from a config.json.
    RegistryAuthenticator(RegistryClient *client, Credentials credentials, bool readCredentials);

    // Uses `auth` for `host` instead of what Credentials holds; forgets every token.
    void setAuth(const QString &host, const AuthConfig &auth);
    // The Authorization header for `call` from what we know of its host's challenge (empty when none is known).
    void authorization(const RegistryClient::Call &call, QObject *context,
                       const std::function<void(Result<QByteArray>)> &done);
    // On a 401: records the challenge; false when no usable challenge was offered.
    bool recordChallenge(const QString &host, const RegistryResponse &response);
    // Drops the cached token `call` used, so that the next authorization() asks the token server again.
    void forgetToken(const QString &host, const RegistryClient::Call &call);
    // "the registry requires a login" or "refused the login", with what to do.
    Error authError(const RegistryClient::Call &call, const RegistryResponse &response);

private:
    Result<AuthConfig> authFor(const QString &host);
    QString scopeFor(const QString &repository, const QString &actions, const QString &realm) const;
    void requestToken(const AuthChallenge &challenge, const RegistryClient::Call &call, const QString &scope,
                      bool mayDropClass, QObject *context, const std::function<void(Result<QString>)> &done);

    RegistryClient *m_client;
    Credentials m_credentials;
    bool m_readCredentials = true;
    TokenCache m_tokens;
    QHash<QString, AuthChallenge> m_challenges; // per registry host: the last challenge it sent
    QHash<QString, AuthConfig> m_auth;          // per host: logins given or looked up
    QSet<QString> m_realmsWithoutPluginClass;   // token servers that refused `repository(plugin):`
};

} // namespace core
