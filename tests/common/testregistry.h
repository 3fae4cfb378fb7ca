#pragma once

// A real `docker-registry` (distribution 2.8) process on a free loopback port with a temporary storage folder,
// for integration tests. Auth: none, htpasswd (bcrypt, made with `htpasswd -Bbn`), or token against a realm URL.
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QThread>

namespace testutil {

inline quint16 freeLoopbackPort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

class TestRegistry final
{
public:
    struct Auth
    {
        QString htpasswdUser; // non-empty: htpasswd auth with this user...
        QString htpasswdPassword;
        QString tokenRealm; // non-empty: token auth against this realm
        QString tokenService;
        QString tokenIssuer;
        QString tokenRootCertBundle; // PEM file with the certificate the token signer's key belongs to
    };

    ~TestRegistry() { stop(); }

    // Starts the registry and waits until it accepts connections; the error says why not.
    bool start(const Auth &auth, QString *error)
    {
        if (!m_dir.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        m_port = freeLoopbackPort();
        QByteArray config = "version: 0.1\n"
                            "log:\n  level: error\n  accesslog:\n    disabled: true\n"
                            "storage:\n  filesystem:\n    rootdirectory: " +
                            m_dir.filePath(QStringLiteral("storage")).toUtf8() +
                            "\n  delete:\n    enabled: true\n"
                            "http:\n  addr: 127.0.0.1:" +
                            QByteArray::number(m_port) + "\n";
        if (!auth.htpasswdUser.isEmpty()) {
            QProcess htpasswd;
            htpasswd.start(QStringLiteral("htpasswd"),
                           {QStringLiteral("-Bbn"), auth.htpasswdUser, auth.htpasswdPassword});
            if (!htpasswd.waitForFinished(30000) || htpasswd.exitCode() != 0) {
                *error = QStringLiteral("htpasswd failed (apt-get install apache2-utils)");
                return false;
            }
            const QString path = m_dir.filePath(QStringLiteral("htpasswd"));
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly)) {
                *error = file.errorString();
                return false;
            }
            file.write(htpasswd.readAllStandardOutput().trimmed() + '\n');
            file.close();
            config += "auth:\n  htpasswd:\n    realm: plugdesk-test\n    path: " + path.toUtf8() + "\n";
        } else if (!auth.tokenRealm.isEmpty()) {
            config += "auth:\n  token:\n    realm: " + auth.tokenRealm.toUtf8() +
                      "\n    service: " + auth.tokenService.toUtf8() + "\n    issuer: " + auth.tokenIssuer.toUtf8() +
                      "\n    rootcertbundle: " + auth.tokenRootCertBundle.toUtf8() + "\n";
        }
        const QString configPath = m_dir.filePath(QStringLiteral("config.yml"));
        QFile file(configPath);
        if (!file.open(QIODevice::WriteOnly)) {
            *error = file.errorString();
            return false;
        }
        file.write(config);
        file.close();

        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(QStringLiteral("/usr/bin/docker-registry"), {QStringLiteral("serve"), configPath});
        if (!m_process.waitForStarted(10000)) {
            *error = QStringLiteral("cannot start docker-registry: ") + m_process.errorString();
            return false;
        }
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 20000) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_port);
            if (probe.waitForConnected(200))
                return true;
            if (m_process.state() == QProcess::NotRunning) {
                *error = QStringLiteral("docker-registry exited: ") + QString::fromUtf8(m_process.readAll());
                return false;
            }
            QThread::msleep(50);
        }
        *error =
            QStringLiteral("docker-registry did not listen within 20 s: ") + QString::fromUtf8(m_process.readAll());
        return false;
    }

    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000)) {
                m_process.kill();
                m_process.waitForFinished(5000);
            }
        }
    }

    QString host() const { return QStringLiteral("127.0.0.1:%1").arg(m_port); }
    QString output() { return QString::fromUtf8(m_process.readAll()); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace testutil
