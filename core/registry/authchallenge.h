#pragma once

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>

namespace core {

// One challenge of a WWW-Authenticate header (RFC 7235): `Bearer realm="https://auth.docker.io/token",
// service="registry.docker.io",scope="repository:samalba/my-app:pull"`. A header may carry several challenges,
// and parameters may be quoted strings holding commas, equals signs and backslash escapes.
// Owns parsing only; what to do with a challenge is the RegistryClient's business.
struct AuthChallenge
{
    QString scheme;                // lower case: "basic", "bearer"
    QMap<QString, QString> params; // keys lower case; values as sent, unquoted and unescaped

    QString param(const QString &key) const { return params.value(key.toLower()); }

    // Every challenge in `header`, in order. Malformed parts are skipped rather than failing the whole header:
    // a registry's header is advice, and the caller reports "no usable challenge" when nothing is left.
    static QList<AuthChallenge> parse(const QByteArray &header);
    // All headers of a reply (a reply may repeat WWW-Authenticate).
    static QList<AuthChallenge> parse(const QList<QByteArray> &headers);
};

} // namespace core
