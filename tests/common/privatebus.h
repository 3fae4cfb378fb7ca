#pragma once

// A private system-like bus for helper tests: a dbus-daemon with a generated config (the repository's own
// bus policy for org.plugdesk.Helper1 included, plus the standard one for polkit), and optionally a real polkitd
// on it. Everything lives in one folder that every user can reach, because polkitd drops to its own user and
// unprivileged clients run as `nobody`.
#include "common/testutil.h"
#include "core/helper/helperprotocol.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTest>
#include <QThread>
#include <csignal>
#include <sys/stat.h>

namespace testutil {

// Opens the folder and its parents up to /tmp for traversal by other users (polkitd, nobody).
inline void openForEveryone(const QString &path, mode_t mode = 0755)
{
    ::chmod(QFile::encodeName(path).constData(), mode);
}

// Waits until `name` has an owner on the bus at `address`.
inline bool waitForName(const QString &address, const QString &name, int timeoutMs = 10000)
{
    static int counter = 0;
    const QString connectionName = QStringLiteral("testutil-wait-%1").arg(++counter);
    bool owned = false;
    {
        QDBusConnection bus = QDBusConnection::connectToBus(address, connectionName);
        QDeadlineTimer deadline(timeoutMs);
        while (bus.isConnected() && !deadline.hasExpired()) {
            if (bus.interface()->isServiceRegistered(name).value()) {
                owned = true;
                break;
            }
            QTest::qWait(50);
        }
    }
    QDBusConnection::disconnectFromBus(connectionName);
    return owned;
}

class PrivateBus final
{
public:
    PrivateBus() = default;
    PrivateBus(const PrivateBus &) = delete;
    PrivateBus &operator=(const PrivateBus &) = delete;
    ~PrivateBus()
    {
        // A service the bus started lives on after it: stopped here, before the bus goes.
        if (!m_activatedName.isEmpty() && !m_address.isEmpty()) {
            if (const qint64 pid = ownerPid(m_activatedName))
                ::kill(pid_t(pid), SIGTERM);
        }
        stopPolkitd();
        if (m_daemon.state() != QProcess::NotRunning) {
            m_daemon.terminate();
            if (!m_daemon.waitForFinished(5000))
                m_daemon.kill();
            m_daemon.waitForFinished(5000);
        }
    }

    // Before start(): the bus starts `command` when a client asks for `name` (D-Bus activation, as the system bus
    // starts plugdesk-helper). A plain <servicedir>: the daemon runs as root and starts the service as itself, with
    // its own environment plus DBUS_STARTER_ADDRESS, where the system bus would go through its <servicehelper>.
    void setActivation(const QString &name, const QStringList &command)
    {
        m_activatedName = name;
        m_activatedCommand = command;
    }

    // Starts dbus-daemon listening on `folder`/bus. Returns an empty string on success, else why not.
    QString start(const QString &folder)
    {
        m_folder = folder;
        openForEveryone(folder);
        const QString config = folder + QStringLiteral("/bus.conf");
        QString serviceDir;
        if (!m_activatedName.isEmpty()) {
            const QString services = folder + QStringLiteral("/services");
            QDir().mkpath(services);
            QStringList quoted;
            for (const QString &argument : std::as_const(m_activatedCommand))
                quoted.append(QLatin1Char('\'') + argument + QLatin1Char('\''));
            const QString file = services + QLatin1Char('/') + m_activatedName + QStringLiteral(".service");
            const QString text = QStringLiteral("[D-BUS Service]\nName=%1\nExec=%2\nUser=root\n")
                                     .arg(m_activatedName, quoted.join(QLatin1Char(' ')));
            if (!writeFile(file, text.toUtf8()))
                return QStringLiteral("cannot write %1").arg(file);
            serviceDir = QStringLiteral("<servicedir>%1</servicedir>").arg(services);
        }
        // No double slash inside the raw string: moc would read it as a comment.
        const QByteArray doctype =
            "<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-BUS Bus Configuration 1.0//EN\"\n"
            " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n";
        const QByteArray text =
            doctype + QStringLiteral(R"(<busconfig>
  <type>system</type>
  <listen>unix:path=%1/bus</listen>
  <auth>EXTERNAL</auth>
  %3
  <policy context="default">
    <allow user="*"/>
    <deny own="*"/>
    <deny send_type="method_call"/>
    <allow send_type="signal"/>
    <allow send_requested_reply="true" send_type="method_return"/>
    <allow send_requested_reply="true" send_type="error"/>
    <allow receive_type="method_call"/>
    <allow receive_type="method_return"/>
    <allow receive_type="error"/>
    <allow receive_type="signal"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus"/>
    <allow send_destination="org.freedesktop.DBus" send_interface="org.freedesktop.DBus.Introspectable"/>
  </policy>
  <include>%2</include>
  <include ignore_missing="yes">/usr/share/dbus-1/system.d/org.freedesktop.PolicyKit1.conf</include>
</busconfig>
)")
                          .arg(folder, sourcePath(QStringLiteral("resources/org.plugdesk.Helper1.conf")), serviceDir)
                          .toUtf8();
        if (!writeFile(config, text))
            return QStringLiteral("cannot write %1").arg(config);
        const QString daemon = QStandardPaths::findExecutable(QStringLiteral("dbus-daemon"));
        if (daemon.isEmpty())
            return QStringLiteral("dbus-daemon is not installed");
        m_daemon.setProgram(daemon);
        m_daemon.setArguments({QStringLiteral("--config-file=") + config, QStringLiteral("--nofork"),
                               QStringLiteral("--print-address=1")});
        m_daemon.start();
        if (!m_daemon.waitForStarted(5000))
            return QStringLiteral("dbus-daemon did not start: %1").arg(m_daemon.errorString());
        QDeadlineTimer deadline(10000);
        while (!m_daemon.canReadLine() && !deadline.hasExpired() && m_daemon.state() == QProcess::Running)
            m_daemon.waitForReadyRead(100);
        m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
        if (m_address.isEmpty())
            return QStringLiteral("dbus-daemon printed no address: %1")
                .arg(QString::fromUtf8(m_daemon.readAllStandardError()));
        openForEveryone(folder + QStringLiteral("/bus"), 0777);
        return {};
    }

    QString address() const { return m_address; }
    QString folder() const { return m_folder; }

    // The pid of the process that owns `name` on this bus, 0 when nobody does.
    qint64 ownerPid(const QString &name) const
    {
        static int counter = 0;
        const QString connectionName = QStringLiteral("testutil-owner-%1").arg(++counter);
        qint64 pid = 0;
        {
            QDBusConnection bus = QDBusConnection::connectToBus(m_address, connectionName);
            if (bus.isConnected() && bus.interface()->isServiceRegistered(name).value())
                pid = bus.interface()->servicePid(name).value();
        }
        QDBusConnection::disconnectFromBus(connectionName);
        return pid;
    }

    // Starts the real polkitd on this bus. Returns an empty string on success, else why not (for QSKIP).
    QString startPolkitd()
    {
        const QString polkitd = QStringLiteral("/usr/lib/polkit-1/polkitd");
        if (!QFileInfo(polkitd).isExecutable())
            return QStringLiteral("polkitd is not installed (%1)").arg(polkitd);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), m_address);
        m_polkitd.setProcessEnvironment(environment);
        m_polkitd.setProcessChannelMode(QProcess::MergedChannels);
        m_polkitd.start(polkitd, {QStringLiteral("--no-debug")});
        if (!m_polkitd.waitForStarted(5000))
            return QStringLiteral("polkitd did not start: %1").arg(m_polkitd.errorString());
        if (!waitForName(m_address, QStringLiteral("org.freedesktop.PolicyKit1"), 15000)) {
            const QString output = QString::fromUtf8(m_polkitd.readAll());
            stopPolkitd();
            return QStringLiteral("polkitd did not take its name on the private bus: %1").arg(output);
        }
        return {};
    }

    void stopPolkitd()
    {
        if (m_polkitd.state() == QProcess::NotRunning)
            return;
        m_polkitd.terminate();
        if (!m_polkitd.waitForFinished(5000))
            m_polkitd.kill();
        m_polkitd.waitForFinished(5000);
    }

private:
    QString m_folder;
    QString m_address;
    QString m_activatedName;
    QStringList m_activatedCommand;
    QProcess m_daemon;
    QProcess m_polkitd;
};

// A plugdesk-helper serving a private bus (`--bus ADDRESS --root ROOT --run RUN` plus `extra`), its output
// forwarded; start() waits until it owns its bus name. Stopped (TERM, then KILL) when it goes out of scope, also
// when a check failed.
class HelperProcess final
{
public:
    HelperProcess() = default;
    HelperProcess(const HelperProcess &) = delete;
    HelperProcess &operator=(const HelperProcess &) = delete;
    ~HelperProcess() { stop(); }

    bool start(const QString &binary, const QString &busAddress, const QString &root, const QString &run,
               const QStringList &extra = {},
               const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
    {
        m_process.setProcessEnvironment(environment);
        m_process.setProcessChannelMode(QProcess::ForwardedChannels);
        m_process.start(binary, QStringList{QStringLiteral("--bus"), busAddress, QStringLiteral("--root"), root,
                                            QStringLiteral("--run"), run} +
                                    extra);
        return m_process.waitForStarted(5000) && waitForName(busAddress, core::HelperProtocol::serviceName());
    }

    // Whether the helper still runs (it exits by itself when idle).
    bool running() const { return m_process.state() != QProcess::NotRunning; }

    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(5000);
    }

private:
    QProcess m_process;
};

} // namespace testutil
