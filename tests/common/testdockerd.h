#pragma once

// A real dockerd (Debian's docker.io, /usr/sbin/dockerd) of a test's own: its own --data-root, --exec-root, --pidfile
// and unix socket under a folder the test names, no bridge and no iptables, so several can run beside the machine's
// own. Started with extra arguments where a test needs them (--experimental for Swarm's plugin runtime). Also runs
// Debian's docker client (/usr/bin/docker, made for this dockerd; a newer client elsewhere on PATH speaks another
// dialect) against it.
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLocalSocket>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QThread>

namespace testutil {

class TestDockerd final
{
public:
    struct Run
    {
        int exitCode = -1;
        QString out;
        QString err;
    };

    TestDockerd() = default;
    TestDockerd(const TestDockerd &) = delete;
    TestDockerd &operator=(const TestDockerd &) = delete;
    ~TestDockerd() { stop(); }

    // Debian's dockerd, or empty when docker.io is not installed (a test QSKIPs then).
    static QString dockerdProgram()
    {
        if (QFileInfo(QStringLiteral("/usr/sbin/dockerd")).isExecutable())
            return QStringLiteral("/usr/sbin/dockerd");
        return QStandardPaths::findExecutable(QStringLiteral("dockerd"));
    }
    // Debian's docker client, the one made for that dockerd.
    static QString clientProgram()
    {
        if (QFileInfo(QStringLiteral("/usr/bin/docker")).isExecutable())
            return QStringLiteral("/usr/bin/docker");
        return QStandardPaths::findExecutable(QStringLiteral("docker"));
    }

    // Starts dockerd with its state under `base` (made if missing; keep it short: the socket path must fit in
    // sun_path) and waits up to 60 s until its socket answers /_ping. False with `error` saying why (dockerd's last
    // stderr lines) when it did not come up.
    bool start(const QString &base, QString *error, const QStringList &extraArguments = {})
    {
        m_base = base;
        QDir().mkpath(base);
        const QString program = dockerdProgram();
        if (program.isEmpty()) {
            *error = QStringLiteral("dockerd is not installed (apt-get install docker.io)");
            return false;
        }
        m_daemon.setProcessChannelMode(QProcess::SeparateChannels);
        m_daemon.setStandardOutputFile(base + QStringLiteral("/dockerd.out"));
        m_daemon.setStandardErrorFile(base + QStringLiteral("/dockerd.log"));
        m_daemon.start(program, QStringList{QStringLiteral("--data-root"), base + QStringLiteral("/data"),
                                            QStringLiteral("--exec-root"), base + QStringLiteral("/exec"),
                                            QStringLiteral("--pidfile"), base + QStringLiteral("/dockerd.pid"),
                                            QStringLiteral("-H"), url(), QStringLiteral("--bridge=none"),
                                            QStringLiteral("--iptables=false"), QStringLiteral("--ip6tables=false")} +
                                    extraArguments);
        if (!m_daemon.waitForStarted(10000)) {
            *error = QStringLiteral("dockerd did not start: ") + m_daemon.errorString();
            return false;
        }
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 60000 && m_daemon.state() == QProcess::Running) {
            if (ping())
                return true;
            QThread::msleep(200);
        }
        *error = QStringLiteral("dockerd did not answer on ") + url() + QStringLiteral(": ") + logTail();
        stop();
        return false;
    }

    // SIGTERM, up to 30 s for dockerd to stop its plugins and containerd, then SIGKILL.
    void stop()
    {
        if (m_daemon.state() == QProcess::NotRunning)
            return;
        m_daemon.terminate();
        if (!m_daemon.waitForFinished(30000)) {
            m_daemon.kill();
            m_daemon.waitForFinished(5000);
        }
    }

    bool isRunning() const { return m_daemon.state() == QProcess::Running; }
    QString socket() const { return m_base + QStringLiteral("/docker.sock"); }
    QString url() const { return QStringLiteral("unix://") + socket(); }
    QString base() const { return m_base; }
    // The last lines dockerd logged, for a failure message.
    QString logTail(int bytes = 1500) const
    {
        QFile log(m_base + QStringLiteral("/dockerd.log"));
        if (!log.open(QIODevice::ReadOnly))
            return {};
        return QString::fromUtf8(log.readAll().right(bytes));
    }

    // Debian's docker client against this daemon (`-H unix://...`), `input` on its stdin.
    Run client(const QStringList &arguments, const QByteArray &input = {}, int timeoutMs = 120000) const
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("DOCKER_HOST"));
        environment.remove(QStringLiteral("DOCKER_CONTEXT"));
        process.setProcessEnvironment(environment);
        process.start(clientProgram(), QStringList{QStringLiteral("-H"), url()} + arguments);
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(timeoutMs))
            process.kill();
        process.waitForFinished(5000);
        return Run{process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                   QString::fromUtf8(process.readAllStandardOutput()),
                   QString::fromUtf8(process.readAllStandardError())};
    }

private:
    // One blocking GET /_ping on the socket (a test fixture, never the product's code path).
    bool ping() const
    {
        QLocalSocket connection;
        connection.connectToServer(socket());
        if (!connection.waitForConnected(1000))
            return false;
        connection.write("GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n");
        QByteArray answer;
        while (connection.waitForReadyRead(2000)) {
            answer += connection.readAll();
            if (answer.contains("\r\n\r\nOK"))
                return answer.startsWith("HTTP/1.1 200");
        }
        return false;
    }
    QString m_base;
    QProcess m_daemon;
};

} // namespace testutil
