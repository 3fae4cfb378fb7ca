#pragma once

#include "core/base/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace core {

// What a registry login is made of. `identityToken` replaces the password when a helper answered with
// Username "<token>" or config.json holds "identitytoken"; it is sent to token servers as a refresh token.
struct AuthConfig
{
    QString username;
    QString password;
    QString identityToken;
    bool isEmpty() const { return username.isEmpty() && password.isEmpty() && identityToken.isEmpty(); }
};

// The calling user's registry logins, kept the way the docker CLI keeps them (docs/docker-compat.md §7.4) so that
// `docker login` and `plugdeskctl login` share them: <dir>/config.json where dir is $DOCKER_CONFIG, else
// ~/.docker. Lookup order: credHelpers[host], then credsStore, then auths[key].auth (base64 user:pass).
// Helpers are `docker-credential-NAME get|store|erase` found on PATH, talking JSON on stdin/stdout.
// Owns reading and writing that file (atomically, mode 0600, keeping every key it does not know) and running
// the helpers; does not talk to registries. Helpers run synchronously with a time-out: they answer at once or
// fail, and login/lookup happen before any long transfer.
class Credentials final
{
    Q_DECLARE_TR_FUNCTIONS(Credentials)

public:
    // `configDir` empty: $DOCKER_CONFIG, else ~/.docker.
    explicit Credentials(QString configDir = {});

    static QString defaultConfigDir();
    QString configDir() const { return m_dir; }
    QString configPath() const;

    // The key Docker files a login under: "https://index.docker.io/v1/" for Docker Hub (docker.io,
    // index.docker.io, registry-1.docker.io), else the host[:port] itself.
    static QString serverKey(const QString &host);
    // "https://host:5000/v1/" -> "host:5000" (Docker's ConvertToHostname).
    static QString hostnameOf(const QString &serverAddress);
    static bool isDockerHub(const QString &host);

    // The login for `host`, or an empty AuthConfig when there is none. A helper that fails for another reason
    // than "not found", or a config.json that does not parse, is an error naming the helper or the file.
    Result<AuthConfig> lookup(const QString &host) const;
    // Saves a login for `host` through the configured helper or store, else in auths[key].auth.
    Status store(const QString &host, const AuthConfig &auth) const;
    // Forgets the login for `host` (helper and file). Returns false when there was nothing to forget.
    Result<bool> erase(const QString &host) const;
    // The credential helper a login for `host` is stored with (credHelpers[host], else credsStore), or empty when
    // it would be stored in config.json itself, only base64-encoded, as `docker login` does.
    Result<QString> storeHelper(const QString &host) const;
    // The server keys config.json has logins for (its `auths`, where credential helpers leave entries too).
    Result<QStringList> servers() const;

private:
    Result<QJsonObject> readConfig() const;
    Status writeConfig(const QJsonObject &config) const;
    // The helper name for `host`, from credHelpers or credsStore; empty when none is configured.
    static QString helperFor(const QJsonObject &config, const QString &host);
    static Result<QByteArray> runHelper(const QString &helper, const QString &action, const QByteArray &input,
                                        bool *notFound = nullptr);

    QString m_dir;
};

} // namespace core
