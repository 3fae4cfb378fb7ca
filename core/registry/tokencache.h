#pragma once

#include "core/base/result.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <functional>
#include <optional>

namespace core {

// Bearer tokens from a registry's token server, kept per (realm, service, scope, user) until they expire
// (docs/docker-compat.md §7.4: `expires_in`, 60 s when absent). A token is dropped a few seconds early so that it does
// not expire between our check and the registry's. Owns the cache and the token server's reply format; does not do
// HTTP. The clock is injectable so tests can move time.
class TokenCache final
{
    Q_DECLARE_TR_FUNCTIONS(TokenCache)

public:
    using Clock = std::function<QDateTime()>;

    // A token server's answer: {"token" | "access_token", "expires_in", "refresh_token"}.
    struct Reply
    {
        QString token;
        int expiresIn = DefaultExpiry;
        QString refreshToken;
    };

    static constexpr int DefaultExpiry = 60;
    // Seconds before expiry at which a token counts as expired already (only for tokens living > 2× this).
    static constexpr int Margin = 5;

    explicit TokenCache(Clock clock = {});

    static QString key(const QString &realm, const QString &service, const QString &scope, const QString &user);

    // The token cached for `key`, if it has not expired.
    std::optional<QString> token(const QString &key) const;
    void insert(const QString &key, const QString &token, int expiresInSeconds);
    void remove(const QString &key) { m_entries.remove(key); }
    void clear() { m_entries.clear(); }

    // Parses a token server reply; an answer without a token is ErrorCode::Auth naming the realm.
    static Result<Reply> parseReply(const QByteArray &body, const QString &realm);

private:
    struct Entry
    {
        QString token;
        QDateTime expiry;
    };

    Clock m_clock;
    QHash<QString, Entry> m_entries;
};

} // namespace core
