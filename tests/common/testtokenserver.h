#pragma once

// A registry token server (distribution's token auth spec) on loopback, issuing RS256 JWTs whose header carries
// the signing certificate in `x5c`, which distribution verifies against its rootcertbundle. Link OpenSSL::Crypto.
#include "common/testhttpserver.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSslCertificate>
#include <QUuid>
#include <memory>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace testutil {

class TestTokenServer final
{
public:
    struct Seen
    {
        QByteArray method;
        QString scope;
        QString grantType;
        bool basic = false;
        int status = 0;
    };

    QString user = QStringLiteral("tokenuser");
    QString password = QStringLiteral("tokenpass");
    bool requireLogin = true;
    bool refusePluginClass = false; // 403 for `repository(plugin):` scopes, as some token servers do
    bool acceptPost = true;         // false: POST answers 404, so clients fall back to GET with Basic
    QList<Seen> seen;

    static constexpr QLatin1StringView Issuer{"plugdesk-test-issuer"};
    static constexpr QLatin1StringView Service{"plugdesk-test-registry"};

    // Makes an RSA key and a self-signed certificate in `dir` with the openssl CLI, and starts listening.
    bool start(const QString &dir, QString *error)
    {
        m_certPath = dir + QStringLiteral("/token-cert.pem");
        const QString keyPath = dir + QStringLiteral("/token-key.pem");
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"),
                      {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                       QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), keyPath,
                       QStringLiteral("-out"), m_certPath, QStringLiteral("-days"), QStringLiteral("2"),
                       QStringLiteral("-subj"), QStringLiteral("/CN=plugdesk-test-token")});
        if (!openssl.waitForFinished(60000) || openssl.exitCode() != 0) {
            *error = QStringLiteral("openssl failed: ") + QString::fromUtf8(openssl.readAllStandardError());
            return false;
        }
        QFile keyFile(keyPath);
        if (!keyFile.open(QIODevice::ReadOnly)) {
            *error = keyFile.errorString();
            return false;
        }
        const QByteArray keyPem = keyFile.readAll();
        BIO *bio = BIO_new_mem_buf(keyPem.constData(), int(keyPem.size()));
        m_key.reset(PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr));
        BIO_free(bio);
        const auto certs = QSslCertificate::fromPath(m_certPath);
        if (!m_key || certs.isEmpty()) {
            *error = QStringLiteral("cannot read the generated key or certificate");
            return false;
        }
        m_certDer = certs.first().toDer();
        m_server = std::make_unique<TestHttpServer>([this](const HttpRequest &request) { return answer(request); });
        if (!m_server->isListening()) {
            *error = QStringLiteral("cannot listen on loopback");
            return false;
        }
        return true;
    }

    QString certPath() const { return m_certPath; }
    QString realm() const { return QStringLiteral("http://%1/token").arg(m_server->authority()); }

private:
    struct KeyFree
    {
        void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
    };

    static QByteArray b64url(const QByteArray &data)
    {
        return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    }

    QByteArray sign(const QByteArray &input) const
    {
        EVP_MD_CTX *ctx = EVP_MD_CTX_new();
        size_t length = 0;
        QByteArray signature;
        if (EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, m_key.get()) == 1 &&
            EVP_DigestSign(ctx, nullptr, &length, reinterpret_cast<const unsigned char *>(input.constData()),
                           size_t(input.size())) == 1) {
            signature.resize(qsizetype(length));
            if (EVP_DigestSign(ctx, reinterpret_cast<unsigned char *>(signature.data()), &length,
                               reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size())) != 1)
                signature.clear();
            signature.resize(qsizetype(length));
        }
        EVP_MD_CTX_free(ctx);
        return signature;
    }

    QByteArray jwt(const QString &subject, const QString &scope) const
    {
        const QJsonObject header{{QStringLiteral("typ"), QStringLiteral("JWT")},
                                 {QStringLiteral("alg"), QStringLiteral("RS256")},
                                 {QStringLiteral("x5c"), QJsonArray{QString::fromLatin1(m_certDer.toBase64())}}};
        QJsonArray access;
        if (!scope.isEmpty()) {
            // "repository(plugin):name:pull,push" -> type repository, class plugin
            const QStringList parts = scope.split(QLatin1Char(':'));
            QString type = parts.value(0);
            QString resourceClass;
            if (const qsizetype open = type.indexOf(QLatin1Char('(')); open > 0) {
                resourceClass = type.mid(open + 1).chopped(1);
                type = type.left(open);
            }
            QJsonObject entry{
                {QStringLiteral("type"), type},
                {QStringLiteral("name"), parts.value(1)},
                {QStringLiteral("actions"), QJsonArray::fromStringList(parts.value(2).split(QLatin1Char(',')))}};
            if (!resourceClass.isEmpty())
                entry.insert(QStringLiteral("class"), resourceClass);
            access.append(entry);
        }
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QJsonObject claims{{QStringLiteral("iss"), Issuer},
                                 {QStringLiteral("sub"), subject},
                                 {QStringLiteral("aud"), Service},
                                 {QStringLiteral("exp"), now + 300},
                                 {QStringLiteral("nbf"), now - 60},
                                 {QStringLiteral("iat"), now},
                                 {QStringLiteral("jti"), QUuid::createUuid().toString(QUuid::WithoutBraces)},
                                 {QStringLiteral("access"), access}};
        const QByteArray input = b64url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.' +
                                 b64url(QJsonDocument(claims).toJson(QJsonDocument::Compact));
        return input + '.' + b64url(sign(input));
    }

    HttpReply answer(const HttpRequest &request)
    {
        Seen entry;
        entry.method = request.method;
        QString givenUser;
        QString givenPassword;
        bool credentialsGiven = false;
        if (request.method == "POST") {
            const QUrlQuery form(QString::fromUtf8(request.body));
            entry.scope = form.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded);
            entry.grantType = form.queryItemValue(QStringLiteral("grant_type"), QUrl::FullyDecoded);
            givenUser = form.queryItemValue(QStringLiteral("username"), QUrl::FullyDecoded);
            givenPassword = form.queryItemValue(QStringLiteral("password"), QUrl::FullyDecoded);
            credentialsGiven = entry.grantType == QLatin1String("password");
        } else {
            const QUrlQuery query(request.url);
            entry.scope = query.queryItemValue(QStringLiteral("scope"), QUrl::FullyDecoded);
            const QByteArray authorization = request.headers.value("authorization");
            if (authorization.startsWith("Basic ")) {
                entry.basic = true;
                credentialsGiven = true;
                const QByteArray decoded = QByteArray::fromBase64(authorization.mid(6));
                givenUser = QString::fromUtf8(decoded.left(decoded.indexOf(':')));
                givenPassword = QString::fromUtf8(decoded.mid(decoded.indexOf(':') + 1));
            }
        }
        auto finish = [this, &entry](int status, const QByteArray &body) {
            entry.status = status;
            seen.append(entry);
            return httpReply(status, body, {{"Content-Type", "application/json"}});
        };
        if (request.method == "POST" && !acceptPost)
            return finish(404, "{\"details\":\"POST not supported\"}");
        if (credentialsGiven && (givenUser != user || givenPassword != password))
            return finish(401, "{\"details\":\"incorrect username or password\"}");
        if (!credentialsGiven && requireLogin)
            return finish(401, "{\"details\":\"login required\"}");
        if (refusePluginClass && entry.scope.startsWith(QLatin1String("repository(plugin):")))
            return finish(403, "{\"details\":\"resource class not supported\"}");
        const QByteArray token = jwt(credentialsGiven ? givenUser : QString(), entry.scope);
        return finish(200, QJsonDocument(QJsonObject{{QStringLiteral("token"), QString::fromLatin1(token)},
                                                     {QStringLiteral("expires_in"), 300}})
                               .toJson(QJsonDocument::Compact));
    }

    QString m_certPath;
    QByteArray m_certDer;
    std::unique_ptr<EVP_PKEY, KeyFree> m_key;
    std::unique_ptr<TestHttpServer> m_server;
};

} // namespace testutil
