#include "core/registry/registryauth.h"

#include "core/registry/credentials.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace core {

QString RegistryAuth::encode(const AuthConfig &auth, const QString &serverAddress)
{
    if (auth.isEmpty())
        return {};
    QJsonObject object;
    object.insert(QStringLiteral("username"), auth.username);
    object.insert(QStringLiteral("password"), auth.password);
    if (!auth.identityToken.isEmpty())
        object.insert(QStringLiteral("identitytoken"), auth.identityToken);
    object.insert(QStringLiteral("serveraddress"), serverAddress);
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

Result<AuthConfig> RegistryAuth::decode(const QString &json, const QString &forHost)
{
    if (json.trimmed().isEmpty())
        return AuthConfig{};
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return Error{ErrorCode::InvalidArgument, tr("the registry login sent with the call is not a JSON object")};
    // Go's decoder matches keys case-insensitively.
    QJsonObject object;
    const QJsonObject raw = document.object();
    for (auto it = raw.begin(); it != raw.end(); ++it)
        object.insert(it.key().toLower(), it.value());
    // A login the caller meant for another registry is never sent to this one.
    const QString server = object.value(QStringLiteral("serveraddress")).toString();
    if (!forHost.isEmpty() && !server.isEmpty() && server != forHost && server != Credentials::serverKey(forHost))
        return AuthConfig{};
    AuthConfig auth;
    auth.username = object.value(QStringLiteral("username")).toString();
    auth.password = object.value(QStringLiteral("password")).toString();
    auth.identityToken = object.value(QStringLiteral("identitytoken")).toString();
    const QString encoded = object.value(QStringLiteral("auth")).toString();
    if (auth.username.isEmpty() && auth.password.isEmpty() && !encoded.isEmpty()) {
        const QString decoded = QString::fromUtf8(QByteArray::fromBase64(encoded.toLatin1()));
        const qsizetype colon = decoded.indexOf(QLatin1Char(':'));
        if (colon > 0) {
            auth.username = decoded.left(colon);
            auth.password = decoded.mid(colon + 1);
        }
    }
    return auth;
}

} // namespace core
