#include "core/registry/registryendpoint.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSslCertificate>
#include <QSslKey>

namespace core {

namespace {

// "host:port" -> "host"; "[::1]:5000" -> "::1".
QString hostOnly(const QString &authority)
{
    if (authority.startsWith(QLatin1Char('['))) {
        const qsizetype close = authority.indexOf(QLatin1Char(']'));
        return close > 0 ? authority.mid(1, close - 1) : authority;
    }
    if (authority.count(QLatin1Char(':')) > 1)
        return authority; // a bare IPv6 address
    return authority.section(QLatin1Char(':'), 0, 0);
}

bool matchesInsecure(const QString &host, const QStringList &entries)
{
    const QHostAddress address(hostOnly(host));
    for (const QString &raw : entries) {
        const QString entry = raw.trimmed();
        if (entry.isEmpty())
            continue;
        if (entry.contains(QLatin1Char('/'))) {
            const auto subnet = QHostAddress::parseSubnet(entry);
            if (!address.isNull() && subnet.first.protocol() != QAbstractSocket::UnknownNetworkLayerProtocol &&
                address.isInSubnet(subnet))
                return true;
            continue;
        }
        if (entry == host || entry == hostOnly(host))
            return true;
    }
    return false;
}

} // namespace

RegistryEndpoint::Sources RegistryEndpoint::systemSources()
{
    Sources sources;
    sources.insecureRegistries =
        qEnvironmentVariable("PLUGDESK_INSECURE_REGISTRIES").split(QLatin1Char(','), Qt::SkipEmptyParts);
    QFile daemon(QStringLiteral("/etc/docker/daemon.json"));
    if (daemon.open(QIODevice::ReadOnly)) {
        const QJsonArray list =
            QJsonDocument::fromJson(daemon.readAll()).object().value(QStringLiteral("insecure-registries")).toArray();
        for (const QJsonValue value : list)
            sources.insecureRegistries.append(value.toString());
    }
    sources.certsDir = QStringLiteral("/etc/docker/certs.d");
    return sources;
}

RegistryEndpoint RegistryEndpoint::forHost(const QString &host)
{
    return forHost(host, systemSources());
}

bool RegistryEndpoint::isLoopback(const QString &host)
{
    const QString name = hostOnly(host);
    if (name == QLatin1String("localhost"))
        return true;
    const QHostAddress address(name);
    return !address.isNull() && address.isLoopback();
}

RegistryEndpoint RegistryEndpoint::forHost(const QString &host, const Sources &sources)
{
    RegistryEndpoint endpoint;
    endpoint.m_host = host;
    const bool hub = host == QLatin1String("docker.io") || host == QLatin1String("index.docker.io");
    const bool plain = !hub && (isLoopback(host) || matchesInsecure(host, sources.insecureRegistries));
    endpoint.m_baseUrl = QUrl((plain ? QStringLiteral("http://") : QStringLiteral("https://")) +
                              (hub ? QStringLiteral("registry-1.docker.io") : host));

    if (!sources.certsDir.isEmpty()) {
        const QString dir = sources.certsDir + QLatin1Char('/') + host;
        if (QDir(dir).exists())
            endpoint.m_certsDir = dir;
    }
    return endpoint;
}

QStringList RegistryEndpoint::caFiles() const
{
    QStringList files;
    if (m_certsDir.isEmpty())
        return files;
    const QDir dir(m_certsDir);
    for (const QString &name : dir.entryList({QStringLiteral("*.crt")}, QDir::Files))
        files.append(dir.filePath(name));
    return files;
}

RegistryEndpoint::ClientCertificate RegistryEndpoint::clientCertificate() const
{
    if (m_certsDir.isEmpty())
        return {};
    const QDir dir(m_certsDir);
    for (const QString &name : dir.entryList({QStringLiteral("*.cert")}, QDir::Files)) {
        const QString keyPath = dir.filePath(name.chopped(5) + QStringLiteral(".key"));
        if (QFileInfo(keyPath).isFile())
            return {dir.filePath(name), keyPath};
    }
    return {};
}

QSslConfiguration RegistryEndpoint::sslConfiguration() const
{
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    if (m_certsDir.isEmpty())
        return ssl;
    QList<QSslCertificate> cas = ssl.caCertificates();
    for (const QString &path : caFiles())
        cas += QSslCertificate::fromPath(path, QSsl::Pem);
    ssl.setCaCertificates(cas);
    const QDir dir(m_certsDir);
    for (const QString &name : dir.entryList({QStringLiteral("*.cert")}, QDir::Files)) {
        const QString keyPath = dir.filePath(name.chopped(5) + QStringLiteral(".key"));
        const auto certs = QSslCertificate::fromPath(dir.filePath(name), QSsl::Pem);
        QFile keyFile(keyPath);
        if (certs.isEmpty() || !keyFile.open(QIODevice::ReadOnly))
            continue;
        const QByteArray keyData = keyFile.readAll();
        QSslKey key(keyData, QSsl::Rsa);
        if (key.isNull())
            key = QSslKey(keyData, QSsl::Ec);
        if (key.isNull())
            continue;
        ssl.setLocalCertificate(certs.first());
        ssl.setPrivateKey(key);
        break;
    }
    return ssl;
}

QString RegistryEndpoint::authority() const
{
    const int port = m_baseUrl.port(m_baseUrl.scheme() == QLatin1String("http") ? 80 : 443);
    QString hostName = m_baseUrl.host();
    if (hostName.contains(QLatin1Char(':')))
        hostName = QLatin1Char('[') + hostName + QLatin1Char(']');
    return hostName + QLatin1Char(':') + QString::number(port);
}

} // namespace core
