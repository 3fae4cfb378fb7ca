#include "core/registry/tokencache.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace core {

TokenCache::TokenCache(Clock clock)
    : m_clock(clock ? std::move(clock) : Clock([] { return QDateTime::currentDateTimeUtc(); }))
{}

QString TokenCache::key(const QString &realm, const QString &service, const QString &scope, const QString &user)
{
    return realm + QLatin1Char('\n') + service + QLatin1Char('\n') + scope + QLatin1Char('\n') + user;
}

std::optional<QString> TokenCache::token(const QString &key) const
{
    const auto it = m_entries.constFind(key);
    if (it == m_entries.constEnd() || m_clock() >= it->expiry)
        return std::nullopt;
    return it->token;
}

void TokenCache::insert(const QString &key, const QString &token, int expiresInSeconds)
{
    if (expiresInSeconds <= 0)
        expiresInSeconds = DefaultExpiry;
    const int lifetime = expiresInSeconds > 2 * Margin ? expiresInSeconds - Margin : expiresInSeconds;
    m_entries.insert(key, Entry{token, m_clock().addSecs(lifetime)});
}

Result<TokenCache::Reply> TokenCache::parseReply(const QByteArray &body, const QString &realm)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (!document.isObject())
        return Error{ErrorCode::Auth, tr("the token server %1 answered something that is not a JSON object (%2)")
                                          .arg(realm, parseError.errorString())};
    const QJsonObject object = document.object();
    Reply reply;
    reply.token = object.value(QStringLiteral("token")).toString();
    if (reply.token.isEmpty())
        reply.token = object.value(QStringLiteral("access_token")).toString();
    if (reply.token.isEmpty())
        return Error{ErrorCode::Auth, tr("the token server %1 answered without a token").arg(realm)};
    const int expiresIn = object.value(QStringLiteral("expires_in")).toInt(0);
    reply.expiresIn = expiresIn > 0 ? expiresIn : DefaultExpiry;
    reply.refreshToken = object.value(QStringLiteral("refresh_token")).toString();
    return reply;
}

} // namespace core
