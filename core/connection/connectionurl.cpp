#include "core/connection/connectionurl.h"

#include <QCoreApplication>
#include <QUrl>

namespace core {

namespace {

Error badUrl(const QString &text, const QString &why)
{
    return {ErrorCode::InvalidArgument,
            QCoreApplication::translate("core::ConnectionUrl", "invalid connection URL \"%1\": %2").arg(text, why)};
}

} // namespace

Result<ConnectionUrl> ConnectionUrl::parse(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return ConnectionUrl{};
    const qsizetype schemeEnd = trimmed.indexOf(QLatin1String("://"));
    if (schemeEnd <= 0)
        return badUrl(text,
                      QCoreApplication::translate("core::ConnectionUrl",
                                                  "expected plugdesk://, unix:///PATH or ssh://[USER@]HOST[:PORT]"));
    const QString scheme = trimmed.left(schemeEnd).toLower();
    const QString rest = trimmed.mid(schemeEnd + 3);

    ConnectionUrl url;
    if (scheme == QLatin1String("plugdesk")) {
        if (!rest.isEmpty() && !rest.startsWith(QLatin1Char('/')))
            return badUrl(text,
                          QCoreApplication::translate("core::ConnectionUrl",
                                                      "a plugdesk URL names no host; a store is plugdesk:///PATH"));
        url.path = rest.size() > 1 ? rest : QString();
        return url;
    }
    if (scheme == QLatin1String("unix")) {
        if (!rest.startsWith(QLatin1Char('/')) || rest.size() < 2)
            return badUrl(text, QCoreApplication::translate("core::ConnectionUrl",
                                                            "a unix URL needs an absolute socket path, as in "
                                                            "unix:///var/run/docker.sock"));
        url.kind = Kind::DockerUnix;
        url.path = rest;
        return url;
    }
    if (scheme == QLatin1String("ssh")) {
        const QUrl parsed(trimmed, QUrl::StrictMode);
        if (!parsed.isValid() || parsed.host().isEmpty())
            return badUrl(text,
                          QCoreApplication::translate("core::ConnectionUrl", "expected ssh://[USER@]HOST[:PORT]"));
        if (!parsed.password().isEmpty())
            return badUrl(text, QCoreApplication::translate("core::ConnectionUrl",
                                                            "a password does not belong in the URL; ssh asks for it "
                                                            "or uses your keys"));
        if (!parsed.path().isEmpty() && parsed.path() != QLatin1String("/"))
            return badUrl(text, QCoreApplication::translate("core::ConnectionUrl", "an ssh URL takes no path"));
        if (parsed.hasQuery() || parsed.hasFragment())
            return badUrl(text,
                          QCoreApplication::translate("core::ConnectionUrl", "an ssh URL takes no query or fragment"));
        url.kind = Kind::DockerSsh;
        url.user = parsed.userName();
        url.host = parsed.host();
        url.port = parsed.port(0);
        return url;
    }
    return badUrl(text, QCoreApplication::translate("core::ConnectionUrl",
                                                    "unknown scheme \"%1\": use plugdesk://, unix:// or ssh://")
                            .arg(scheme));
}

QString ConnectionUrl::toString() const
{
    switch (kind) {
    case Kind::Plugdesk:
        return QStringLiteral("plugdesk://") + path;
    case Kind::DockerUnix:
        return QStringLiteral("unix://") + path;
    case Kind::DockerSsh: {
        QString text = QStringLiteral("ssh://");
        if (!user.isEmpty())
            text += user + QLatin1Char('@');
        text += host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
        if (port > 0)
            text += QLatin1Char(':') + QString::number(port);
        return text;
    }
    }
    return {};
}

} // namespace core
