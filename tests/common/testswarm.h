#pragma once

// A Swarm for tests: Debian's /usr/sbin/dockerd started in a temporary folder (its own --data-root, --exec-root,
// --pidfile and unix socket, no bridge, no iptables), optionally with --experimental, made a single-node Swarm with
// Debian's client (`docker swarm init`, listening on a free loopback port), and the static test volume plugin pushed
// to a loopback docker-registry under several tags with `docker plugin create` and `docker plugin push`.
//
// The same minimal daemon start as tst_volumes' dockerd walkthrough; the docker-engine branch factors that into
// tests/common/testdockerd.h, which this can use once both are merged.
#include "common/pluginfixture.h"
#include "common/testregistry.h"
#include "common/testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

namespace testutil {

struct CliRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

class TestSwarmDaemon final
{
public:
    // A short folder: dockerd puts each plugin's socket at EXEC-ROOT/plugins/<64-hex id>/SOCKET, and a unix socket
    // path has 108 bytes at most.
    TestSwarmDaemon()
        : m_dir(QStringLiteral("/tmp/pds-XXXXXX"))
    {}
    ~TestSwarmDaemon() { stop(); }

    QString base() const { return m_dir.path(); }
    QString socket() const { return m_dir.path() + QStringLiteral("/d.sock"); }
    QString url() const { return QStringLiteral("unix://") + socket(); }
    QString log() const { return QString::fromUtf8(testutil::readFile(m_dir.path() + QStringLiteral("/dockerd.log"))); }

    // Empty when dockerd is up and answers; else why not.
    QString start(bool experimental)
    {
        const QString dockerd = QStringLiteral("/usr/sbin/dockerd");
        if (!QFileInfo(dockerd).isExecutable())
            return QStringLiteral("Debian's dockerd (docker.io) is not installed: /usr/sbin/dockerd is missing");
        if (!m_dir.isValid())
            return QStringLiteral("no temporary folder");
        QStringList arguments{QStringLiteral("--data-root"),
                              base() + QStringLiteral("/data"),
                              QStringLiteral("--exec-root"),
                              base() + QStringLiteral("/x"),
                              QStringLiteral("--pidfile"),
                              base() + QStringLiteral("/pid"),
                              QStringLiteral("-H"),
                              url(),
                              QStringLiteral("--bridge=none"),
                              QStringLiteral("--iptables=false")};
        if (experimental)
            arguments.append(QStringLiteral("--experimental"));
        m_daemon.setStandardOutputFile(base() + QStringLiteral("/dockerd.log"));
        m_daemon.setStandardErrorFile(base() + QStringLiteral("/dockerd.log"), QIODevice::Append);
        m_daemon.start(dockerd, arguments);
        if (!m_daemon.waitForStarted(5000))
            return QStringLiteral("cannot start dockerd: ") + m_daemon.errorString();
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 30000 && m_daemon.state() == QProcess::Running) {
            if (QFileInfo::exists(socket()) && cli({QStringLiteral("version")}).exitCode == 0)
                return {};
            QTest::qWait(200);
        }
        return QStringLiteral("dockerd did not start here: ") + log().right(800);
    }

    // `docker swarm init` on a free loopback port; empty or why not.
    QString initSwarm()
    {
        const QString address = QStringLiteral("127.0.0.1:%1").arg(freeLoopbackPort());
        const CliRun run = cli({QStringLiteral("swarm"), QStringLiteral("init"), QStringLiteral("--advertise-addr"),
                                address, QStringLiteral("--listen-addr"), address});
        return run.exitCode == 0 ? QString() : QStringLiteral("docker swarm init failed: ") + run.err;
    }

    void stop()
    {
        if (m_daemon.state() == QProcess::NotRunning)
            return;
        m_daemon.terminate();
        if (!m_daemon.waitForFinished(30000))
            m_daemon.kill();
        m_daemon.waitForFinished(5000);
    }

    // Debian's client, made for this dockerd (a newer /usr/local/bin/docker may speak another dialect).
    CliRun cli(const QStringList &arguments, int timeoutMs = 120000) const
    {
        QProcess client;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DOCKER_HOST"), url());
        client.setProcessEnvironment(environment);
        client.start(QStringLiteral("/usr/bin/docker"), arguments);
        client.closeWriteChannel();
        client.waitForFinished(timeoutMs);
        return CliRun{client.exitStatus() == QProcess::NormalExit ? client.exitCode() : -1,
                      QString::fromUtf8(client.readAllStandardOutput()),
                      QString::fromUtf8(client.readAllStandardError())};
    }

    // Makes the test volume plugin `reference` with `docker plugin create` from a folder (a file naming the tag
    // makes each tag's layer its own: dockerd 20.10 refuses a second create of identical content), pushes it and
    // removes it from this daemon again. Empty or why not.
    QString pushTestPlugin(const QString &reference, const QString &pluginBinary, const QStringList &capabilities = {})
    {
        const QString folder = base() + QStringLiteral("/folder-") + QString::number(++m_folders);
        if (!writeTestPluginFolder(folder, pluginBinary, capabilities) ||
            !writeFile(folder + QStringLiteral("/rootfs/tag"), reference.toUtf8()))
            return QStringLiteral("cannot write the plugin folder ") + folder;
        for (const QStringList &arguments :
             {QStringList{QStringLiteral("plugin"), QStringLiteral("create"), reference, folder},
              QStringList{QStringLiteral("plugin"), QStringLiteral("push"), reference},
              QStringList{QStringLiteral("plugin"), QStringLiteral("rm"), reference}}) {
            const CliRun run = cli(arguments);
            if (run.exitCode != 0)
                return QStringLiteral("docker %1 failed: %2").arg(arguments.join(QLatin1Char(' ')), run.err);
        }
        return {};
    }

    // `docker plugin inspect NAME --format FORMAT`, trimmed; empty when there is no such plugin.
    QString pluginField(const QString &name, const QString &format) const
    {
        const CliRun run =
            cli({QStringLiteral("plugin"), QStringLiteral("inspect"), QStringLiteral("--format"), format, name});
        return run.exitCode == 0 ? run.out.trimmed() : QString();
    }

private:
    QTemporaryDir m_dir;
    QProcess m_daemon;
    int m_folders = 0;
};

} // namespace testutil
