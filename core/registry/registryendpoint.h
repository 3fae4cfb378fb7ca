#pragma once

#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace core {

// Where and how to reach one registry host (docs/docker-compat.md §7.5): docker.io (and index.docker.io) ->
// https://registry-1.docker.io; any other host -> https://HOST. Plain http only for loopback hosts
// (127.0.0.0/8, ::1, localhost) and hosts listed as insecure ($PLUGDESK_INSECURE_REGISTRIES, comma-separated,
// and "insecure-registries" of /etc/docker/daemon.json; entries are host[:port] or CIDR). Docker tries https
// before http for an insecure host; Plugdesk goes straight to http there, which is what such registries serve.
// TLS: the system CAs plus /etc/docker/certs.d/HOST/*.crt, and a client certificate from a *.cert/*.key pair.
// Owns that mapping; does no I/O beyond reading those files, and that only when TLS material is asked for: an http://
// registry never loads a TLS backend or the system CAs.
class RegistryEndpoint final
{
public:
    struct Sources
    {
        QStringList insecureRegistries; // host[:port] or CIDR
        QString certsDir;               // holds one folder per host, like /etc/docker/certs.d
    };

    // Reads the environment, /etc/docker/daemon.json and /etc/docker/certs.d.
    static Sources systemSources();
    static RegistryEndpoint forHost(const QString &host);
    static RegistryEndpoint forHost(const QString &host, const Sources &sources);

    static bool isLoopback(const QString &host);

    QString host() const { return m_host; }    // as in the reference: "docker.io", "127.0.0.1:5000"
    QUrl baseUrl() const { return m_baseUrl; } // "https://registry-1.docker.io"
    bool isPlainHttp() const { return m_baseUrl.scheme() == QLatin1String("http"); }
    // Qt's TLS configuration for this host: the system CAs, the certs.d CAs and client certificate. Built on each call.
    QSslConfiguration sslConfiguration() const;
    // The same material as files, for libcurl: the certs.d CA files (empty: the system CAs alone) and the client
    // certificate and key (empty when there is none, or no usable pair).
    QStringList caFiles() const;
    struct ClientCertificate
    {
        QString certificate;
        QString key;
    };
    ClientCertificate clientCertificate() const;
    // "host:port" of the base URL, for messages about connections.
    QString authority() const;

private:
    QString m_host;
    QUrl m_baseUrl;
    QString m_certsDir; // certs.d/HOST, empty when there is none
};

} // namespace core
