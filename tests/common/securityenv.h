#pragma once

// The attacker's seat for the `security` tests: a private system-like bus with the real polkitd, the repository's
// polkit policy installed, a rule that grants `nobody` exactly the actions a test names (every other action falls
// to its default, which needs an admin password that no agent gives), a real plugdesk-helper serving a store in a
// temp folder, and ways to act as `nobody`: plugdeskctl, dbus-send, and a dbus-monitor that records every signal
// nobody's connection is sent.
#include "common/privatebus.h"
#include "common/testutil.h"

#include <QProcess>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <memory>
#include <unistd.h>

namespace testutil {

struct CommandRun
{
    int status = -1;
    QString out;
    QString err;
};

class SecurityEnv final
{
public:
    static QString policyTarget() { return QStringLiteral("/usr/share/polkit-1/actions/org.plugdesk.policy"); }
    // One rules file per environment (named after its folder), so that environments never remove each other's.
    QString rulesTarget() const
    {
        return QStringLiteral("/etc/polkit-1/rules.d/48-plugdesk-security-%1.rules")
            .arg(QFileInfo(m_dir.path()).fileName());
    }

    SecurityEnv() = default;
    SecurityEnv(const SecurityEnv &) = delete;
    SecurityEnv &operator=(const SecurityEnv &) = delete;
    ~SecurityEnv()
    {
        stopMonitor();
        m_helper.reset();
        m_bus.reset();
        QFile::remove(rulesTarget());
        QFile::remove(policyTarget());
        if (m_hadPolicy)
            QFile::copy(m_dir.path() + QStringLiteral("/policy-backup"), policyTarget());
    }

    // Why the environment cannot be had here (for QSKIP), or empty.
    static QString unavailable()
    {
        if (::geteuid() != 0)
            return QStringLiteral("needs root: the helper owns its name as root, and the test acts as nobody");
        if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
            return QStringLiteral("setpriv is not installed (util-linux)");
        if (!QFileInfo(QStringLiteral("/usr/lib/polkit-1/polkitd")).isExecutable())
            return QStringLiteral("polkitd is not installed");
        return {};
    }

    // The bus, polkitd with a rule granting nobody `nobodyActions`, and a store folder (`store()`, empty, 0700 like
    // the real one would be made by the helper). `moreRules`: JavaScript appended to the rules file (further
    // polkit.addRule calls, asked after the one granting nobodyActions). Empty on success, else why not.
    QString start(const QStringList &nobodyActions, const QString &moreRules = {})
    {
        if (!m_dir.isValid())
            return QStringLiteral("no temp folder");
        openForEveryone(m_dir.path());
        m_bus = std::make_unique<PrivateBus>();
        if (!m_activatedHelper.isEmpty())
            m_bus->setActivation(core::HelperProtocol::serviceName(),
                                 {m_activatedHelper, QStringLiteral("--bus"),
                                  QStringLiteral("unix:path=%1/bus").arg(m_dir.path()), QStringLiteral("--root"),
                                  store(), QStringLiteral("--run"), run(), QStringLiteral("--no-restore")});
        if (QString why = m_bus->start(m_dir.path()); !why.isEmpty())
            return why;
        m_hadPolicy = QFile::exists(policyTarget());
        if (m_hadPolicy)
            QFile::copy(policyTarget(), m_dir.path() + QStringLiteral("/policy-backup"));
        QFile::remove(policyTarget());
        if (!QFile::copy(sourcePath(QStringLiteral("resources/org.plugdesk.policy")), policyTarget()))
            return QStringLiteral("cannot install the polkit policy");
        openForEveryone(policyTarget(), 0644);
        QString condition = QStringLiteral("false");
        for (const QString &action : nobodyActions)
            condition += QStringLiteral(" || action.id == \"%1\"").arg(action);
        const QString rules = QStringLiteral("/* Installed by a Plugdesk security test; removed when it ends. */\n"
                                             "polkit.addRule(function(action, subject) {\n"
                                             "    if (subject.user == \"nobody\" && (%1))\n"
                                             "        return polkit.Result.YES;\n"
                                             "});\n")
                                  .arg(condition) +
                              moreRules;
        if (!writeFile(rulesTarget(), rules.toUtf8()))
            return QStringLiteral("cannot write %1").arg(rulesTarget());
        openForEveryone(rulesTarget(), 0644);
        if (QString why = m_bus->startPolkitd(); !why.isEmpty())
            return why;
        m_bin = m_dir.path() + QStringLiteral("/bin");
        QDir().mkpath(m_bin);
        openForEveryone(m_bin, 0755);
        m_home = m_dir.path() + QStringLiteral("/home");
        QDir().mkpath(m_home);
        ::chown(QFile::encodeName(m_home).constData(), 65534, 65534);
        return {};
    }

    // The binary a test names, or the one PLUGDESK_SECURITY_<NAME> names instead: set PLUGDESK_SECURITY_HELPER and
    // PLUGDESK_SECURITY_CTL to the binaries of another build (an older commit's) to see its attacks succeed there.
    static QString override(const QString &binary, const char *variable)
    {
        const QString other = qEnvironmentVariable(variable);
        return other.isEmpty() ? binary : other;
    }

    // Before start(): the bus starts `binary` for `store()` and `run()` (`--no-restore`) when a client first asks for
    // the helper, as the system bus does (D-Bus activation), instead of startHelper().
    void activateHelper(const QString &binary) { m_activatedHelper = override(binary, "PLUGDESK_SECURITY_HELPER"); }
    // The pid of the helper serving the bus now (started or activated), 0 when none does.
    qint64 helperPid() const { return m_bus ? m_bus->ownerPid(core::HelperProtocol::serviceName()) : 0; }

    // Starts plugdesk-helper on the bus for `store()` and `run()` (`--no-restore` unless asked).
    bool startHelper(const QString &binary, const QStringList &extra = {}, bool restore = false)
    {
        m_helper = std::make_unique<HelperProcess>();
        return m_helper->start(override(binary, "PLUGDESK_SECURITY_HELPER"), m_bus->address(), store(), run(),
                               (restore ? QStringList() : QStringList{QStringLiteral("--no-restore")}) + extra);
    }
    void stopHelper() { m_helper.reset(); }

    QString folder() const { return m_dir.path(); }
    QString store() const { return m_dir.path() + QStringLiteral("/store"); }
    // Short: a plugin's socket path must fit a unix socket address.
    QString run() const { return m_dir.path() + QStringLiteral("/run"); }
    QString busAddress() const { return m_bus->address(); }
    // A home folder that nobody owns (HOME for nobody's plugdeskctl).
    QString home() const { return m_home; }

    // A copy of `binary` that nobody may execute (the build folder may not be reachable for nobody).
    QString reachable(const QString &binary)
    {
        const QString to = m_bin + QLatin1Char('/') + QFileInfo(binary).fileName();
        if (!QFile::exists(to)) {
            QFile::copy(binary, to);
            openForEveryone(to, 0755);
        }
        return to;
    }

    // Runs `program arguments` as nobody (or as root), with the helper's bus as the system bus.
    CommandRun runAs(bool asNobody, const QString &program, const QStringList &arguments,
                     const QProcessEnvironment &extra = {}, int timeoutMs = 120000)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("PLUGDESK_ROOT"));
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        environment.insert(QStringLiteral("HOME"), asNobody ? m_home : m_dir.path());
        environment.insert(QStringLiteral("PLUGDESK_HELPER_BUS"), m_bus->address());
        environment.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), m_bus->address());
        for (const QString &key : extra.keys())
            environment.insert(key, extra.value(key));
        process.setProcessEnvironment(environment);
        process.setWorkingDirectory(m_dir.path());
        if (asNobody)
            process.start(QStringLiteral("setpriv"),
                          QStringList{QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                                      QStringLiteral("--clear-groups"), QStringLiteral("--"), program} +
                              arguments);
        else
            process.start(program, arguments);
        process.closeWriteChannel();
        if (!process.waitForFinished(timeoutMs)) {
            process.kill();
            process.waitForFinished(5000);
        }
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
    }

    // plugdeskctl as nobody (through the helper) or as root.
    CommandRun ctl(const QString &binary, const QStringList &arguments, bool asNobody = true,
                   const QProcessEnvironment &extra = {})
    {
        return runAs(asNobody, reachable(override(binary, "PLUGDESK_SECURITY_CTL")), arguments, extra);
    }

    // A raw method call as nobody, with dbus-send's argument syntax ("string:x", "boolean:true", "array:string:a,b").
    // (`--bus=`, not `--address=`: that one is a peer connection that never says Hello to the bus.)
    CommandRun nobodyCall(const QString &path, const QString &interfaceAndMember, const QStringList &arguments)
    {
        return runAs(true, QStandardPaths::findExecutable(QStringLiteral("dbus-send")),
                     QStringList{QStringLiteral("--bus=") + m_bus->address(), QStringLiteral("--print-reply"),
                                 QStringLiteral("--reply-timeout=60000"), QStringLiteral("--dest=org.plugdesk.Helper1"),
                                 path, interfaceAndMember} +
                         arguments);
    }

    // A helper method called as nobody with busctl, which (unlike dbus-send) can send the a{sv} options every
    // method ends with. Arguments in busctl's syntax: the signature, then the values ("sa{sv}", "acme/x", "0").
    // busctl prints the error's message, not its name.
    CommandRun nobodyMethod(const QString &member, const QStringList &signatureAndValues)
    {
        return runAs(true, QStandardPaths::findExecutable(QStringLiteral("busctl")),
                     QStringList{QStringLiteral("--address=") + m_bus->address(), QStringLiteral("call"),
                                 QStringLiteral("org.plugdesk.Helper1"), QStringLiteral("/org/plugdesk/Helper1"),
                                 QStringLiteral("org.plugdesk.Helper1"), member} +
                         signatureAndValues);
    }

    // A dbus-monitor run by nobody: records every message nobody's connection may receive. Without the
    // bus's monitoring right it falls back to match rules, which is what a hostile local user gets.
    bool startNobodyMonitor()
    {
        m_monitor = std::make_unique<QProcess>();
        m_monitor->setProcessChannelMode(QProcess::MergedChannels);
        m_monitor->start(QStringLiteral("setpriv"),
                         {QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                          QStringLiteral("--clear-groups"), QStringLiteral("--"),
                          QStandardPaths::findExecutable(QStringLiteral("dbus-monitor")), QStringLiteral("--address"),
                          m_bus->address(), QStringLiteral("type='signal'")});
        if (!m_monitor->waitForStarted(5000))
            return false;
        QTest::qWait(500); // its match rules are in place
        return m_monitor->state() == QProcess::Running;
    }
    // What the monitor has seen so far.
    QString monitorOutput()
    {
        if (m_monitor)
            m_monitorText += QString::fromUtf8(m_monitor->readAll());
        return m_monitorText;
    }
    void stopMonitor()
    {
        if (!m_monitor)
            return;
        monitorOutput();
        m_monitor->kill();
        m_monitor->waitForFinished(5000);
        m_monitor.reset();
    }

private:
    QTemporaryDir m_dir{QStringLiteral("/tmp/plugdesk-sec-XXXXXX")};
    std::unique_ptr<PrivateBus> m_bus;
    std::unique_ptr<HelperProcess> m_helper;
    std::unique_ptr<QProcess> m_monitor;
    QString m_monitorText;
    QString m_bin;
    QString m_home;
    QString m_activatedHelper;
    bool m_hadPolicy = false;
};

} // namespace testutil
