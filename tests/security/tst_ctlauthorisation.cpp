// Issue 16, items 2, 3 and 5: how plugdeskctl takes part in polkit's authorisation. As `nobody` against the real
// plugdesk-helper on a private bus with the real polkitd (tests/common/securityenv.h): on a terminal it starts
// pkttyagent, which asks there, and which ends with it; --no-ask-password refuses at once and starts nothing;
// without a terminal the refusal says how to get one; an authorisation nobody answers ends after the helper's
// time-out with a message naming the action and the time, after a progress line; and every verb's refusal is one
// line on stderr and nothing on stdout.
//
// What cannot be shown here: answering the password. pkttyagent hands it to the setuid polkit-agent-helper-1,
// which ignores DBUS_SYSTEM_BUS_ADDRESS and reports to the machine's own system bus, not to this test's polkitd.
#include "common/pluginfixture.h"
#include "common/securityenv.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QTest>
#include <algorithm>
#include <csignal>
#include <poll.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using testutil::CommandRun;
using testutil::SecurityEnv;

namespace {

// Polkit asks nobody for nobody's own password for every Plugdesk action.
const QString kAuthSelfRule = QStringLiteral(R"(
polkit.addRule(function(action, subject) {
    if (subject.user == "nobody" && action.id.indexOf("org.plugdesk.") == 0)
        return polkit.Result.AUTH_SELF;
});
)");

// Polkit thinks for 6 seconds about nobody's reads, then says yes: longer than the helper's time-out in the test.
const QString kSlowReadRule = QStringLiteral(R"(
polkit.addRule(function(action, subject) {
    if (subject.user == "nobody" && action.id == "org.plugdesk.read") {
        polkit.spawn(["/bin/sleep", "6"]);
        return polkit.Result.YES;
    }
});
)");

// The pids of the pkttyagent processes `parent` started.
QList<int> agentsOf(qint64 parent)
{
    QList<int> found;
    const QDir proc(QStringLiteral("/proc"));
    for (const QString &entry : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool number = false;
        const int candidate = entry.toInt(&number);
        if (!number)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(entry));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        // "pid (comm) state ppid …"
        const QByteArray line = stat.readAll();
        const qsizetype open = line.indexOf('(');
        const qsizetype close = line.lastIndexOf(')');
        if (open < 0 || close < 0 || line.mid(open + 1, close - open - 1) != "pkttyagent")
            continue;
        const QList<QByteArray> rest = line.mid(close + 2).split(' ');
        if (rest.size() > 1 && rest.at(1).toLongLong() == parent)
            found.append(candidate);
    }
    return found;
}

// Whether process `pid` has ended (gone, or a zombie nobody reaped).
bool ended(int pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray line = stat.readAll();
    const qsizetype close = line.lastIndexOf(')');
    return close < 0 || line.mid(close + 2, 1) == "Z";
}

// plugdeskctl run as nobody on a pseudo-terminal of the test's own (stdin, stdout and stderr all on it).
class PtyRun final
{
public:
    PtyRun(SecurityEnv &env, const QString &program, const QStringList &arguments,
           const QMap<QString, QString> &extraEnvironment = {})
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("PLUGDESK_ROOT"));
        environment.remove(QStringLiteral("DISPLAY")); // a console: no desktop agent to leave the asking to
        environment.remove(QStringLiteral("WAYLAND_DISPLAY"));
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        environment.insert(QStringLiteral("HOME"), env.home());
        environment.insert(QStringLiteral("PLUGDESK_HELPER_BUS"), env.busAddress());
        environment.insert(QStringLiteral("DBUS_SYSTEM_BUS_ADDRESS"), env.busAddress());
        for (auto it = extraEnvironment.constBegin(); it != extraEnvironment.constEnd(); ++it)
            environment.insert(it.key(), it.value());
        // Everything the child needs, made before fork.
        QByteArrayList argv{"setpriv", "--reuid=nobody",          "--regid=nogroup", "--clear-groups",
                            "--",      QFile::encodeName(program)};
        for (const QString &argument : arguments)
            argv.append(argument.toUtf8());
        const QByteArrayList envp = [&] {
            QByteArrayList list;
            for (const QString &entry : environment.toStringList())
                list.append(entry.toUtf8());
            return list;
        }();
        std::vector<char *> argvPointers;
        for (const QByteArray &argument : argv)
            argvPointers.push_back(const_cast<char *>(argument.constData()));
        argvPointers.push_back(nullptr);
        std::vector<char *> envPointers;
        for (const QByteArray &entry : envp)
            envPointers.push_back(const_cast<char *>(entry.constData()));
        envPointers.push_back(nullptr);
        const QByteArray setpriv = QFile::encodeName(QStandardPaths::findExecutable(QStringLiteral("setpriv")));
        const QByteArray folder = QFile::encodeName(env.folder());

        m_pid = ::forkpty(&m_master, nullptr, nullptr, nullptr);
        if (m_pid == 0) {
            // None of the test's open files (a lock a runner holds, the bus) goes to plugdeskctl and its agent.
            ::close_range(3, ~0U, 0);
            if (::chdir(folder.constData()) != 0)
                ::_exit(126);
            ::execve(setpriv.constData(), argvPointers.data(), envPointers.data());
            ::_exit(127);
        }
    }
    ~PtyRun()
    {
        if (m_pid > 0 && !m_status) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        closeTerminal();
    }
    PtyRun(const PtyRun &) = delete;
    PtyRun &operator=(const PtyRun &) = delete;

    bool started() const { return m_pid > 0 && m_master >= 0; }
    qint64 pid() const { return m_pid; }
    // All the terminal showed so far.
    QString output() const { return QString::fromUtf8(m_output); }

    // Reads the terminal until it shows `text` (true), or `timeoutMs` passed or it closed (false).
    bool waitForText(const QString &text, int timeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        while (!output().contains(text)) {
            const int left = timeoutMs - int(clock.elapsed());
            if (left <= 0 || !readSome(left))
                return output().contains(text);
        }
        return true;
    }
    // Reads until the program ended and hands back its wait status, or -1 after `timeoutMs`.
    int waitForExit(int timeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        while (!m_status) {
            int status = 0;
            if (::waitpid(m_pid, &status, WNOHANG) == m_pid) {
                m_status = status;
                break;
            }
            const int left = timeoutMs - int(clock.elapsed());
            if (left <= 0)
                return -1;
            if (!readSome(qMin(left, 100)))
                QTest::qWait(20); // the terminal closed: the program is about to be reaped
        }
        while (readSome(50)) {
        }
        return *m_status;
    }
    void type(const QByteArray &keys)
    {
        [[maybe_unused]] const ssize_t written = ::write(m_master, keys.constData(), size_t(keys.size()));
    }
    // As a terminal emulator whose window is closed: the program gets SIGHUP.
    void closeTerminal()
    {
        if (m_master >= 0)
            ::close(m_master);
        m_master = -1;
    }

private:
    bool readSome(int timeoutMs)
    {
        if (m_master < 0)
            return false;
        pollfd watch{m_master, POLLIN, 0};
        if (::poll(&watch, 1, timeoutMs) <= 0)
            return false;
        char buffer[4096];
        const ssize_t n = ::read(m_master, buffer, sizeof buffer);
        if (n <= 0)
            return false; // EIO: no process holds the terminal any more
        m_output.append(buffer, n);
        return true;
    }

    pid_t m_pid = -1;
    int m_master = -1;
    QByteArray m_output;
    std::optional<int> m_status;
};

// Waits up to `timeoutMs` until all of `pids` have ended.
bool allEnded(const QList<int> &pids, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!std::all_of(pids.begin(), pids.end(), ended)) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QTest::qWait(50);
    }
    return true;
}

} // namespace

class TestCtlAuthorisation final : public QObject
{
    Q_OBJECT

    QString ctl(SecurityEnv &env)
    {
        return env.reachable(SecurityEnv::override(QStringLiteral(PLUGDESKCTL), "PLUGDESK_SECURITY_CTL"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = SecurityEnv::unavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
    }

    // On a terminal, a verb polkit wants a password for starts pkttyagent for plugdeskctl's own process, which
    // asks on that terminal; Ctrl-C, or closing the terminal, ends plugdeskctl and its agent.
    void terminalAgentAsks_data()
    {
        QTest::addColumn<bool>("hangUp");
        QTest::newRow("Ctrl-C") << false;
        QTest::newRow("terminal closed") << true;
    }
    void terminalAgentAsks()
    {
        QFETCH(bool, hangUp);
        if (QStandardPaths::findExecutable(QStringLiteral("pkttyagent")).isEmpty())
            QSKIP("pkttyagent is not installed (polkitd)");
        SecurityEnv env;
        const QString why = env.start({}, kAuthSelfRule);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QVERIFY(env.startHelper(QStringLiteral(PLUGDESK_HELPER)));

        PtyRun run(env, ctl(env), {QStringLiteral("plugin"), QStringLiteral("ls")});
        QVERIFY(run.started());
        QVERIFY2(run.waitForText(QStringLiteral("AUTHENTICATING FOR org.plugdesk.read"), 30000),
                 qPrintable(run.output()));
        QVERIFY2(run.waitForText(QStringLiteral("Password:"), 30000), qPrintable(run.output()));
        const QList<int> agents = agentsOf(run.pid());
        QCOMPARE(agents.size(), 1);
        // Its own agent asks: no progress line besides it.
        QVERIFY2(!run.output().contains(QStringLiteral("waiting for authorisation")), qPrintable(run.output()));

        if (hangUp)
            run.closeTerminal();
        else
            run.type("\x03");
        const int status = run.waitForExit(15000);
        QVERIFY2(status != -1, "plugdeskctl did not end");
        QVERIFY2(WIFSIGNALED(status), qPrintable(run.output()));
        QCOMPARE(WTERMSIG(status), hangUp ? SIGHUP : SIGINT);
        QVERIFY2(allEnded(agents, 5000), "a pkttyagent outlived plugdeskctl");
    }

    // --no-ask-password: polkit's question is refused at once, and no agent is started.
    void noAskPasswordRefusesAtOnce()
    {
        SecurityEnv env;
        const QString why = env.start({}, kAuthSelfRule);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QVERIFY(env.startHelper(QStringLiteral(PLUGDESK_HELPER)));

        QElapsedTimer clock;
        clock.start();
        PtyRun run(env, ctl(env),
                   {QStringLiteral("--no-ask-password"), QStringLiteral("volume"), QStringLiteral("create"),
                    QStringLiteral("--driver"), QStringLiteral("acme/none"), QStringLiteral("v1")});
        QVERIFY(run.started());
        bool agentSeen = false;
        while (!run.waitForText(QStringLiteral("Error:"), 100) && clock.elapsed() < 20000)
            agentSeen = agentSeen || !agentsOf(run.pid()).isEmpty();
        const int status = run.waitForExit(15000);
        QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 1, qPrintable(run.output()));
        QVERIFY(!agentSeen);
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        const QString output = run.output();
        QVERIFY2(!output.contains(QStringLiteral("AUTHENTICATING")), qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("org.plugdesk.read")) ||
                     output.contains(QStringLiteral("org.plugdesk.volumes")),
                 qPrintable(output));
        QVERIFY2(output.contains(QStringLiteral("did not allow asking")), qPrintable(output));
    }

    // Without a terminal, the refusal says how to get a password asked, names the action, and does not send the
    // person to pkexec (which would run plugdeskctl as root, past the helper).
    void withoutTerminalSaysHow()
    {
        SecurityEnv env;
        const QString why = env.start({}, kAuthSelfRule);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QVERIFY(env.startHelper(QStringLiteral(PLUGDESK_HELPER)));

        const CommandRun run = env.ctl(QStringLiteral(PLUGDESKCTL), {QStringLiteral("plugin"), QStringLiteral("ls")});
        QCOMPARE(run.status, 1);
        QCOMPARE(run.out, QString());
        QVERIFY2(run.err.contains(QStringLiteral("(org.plugdesk.read)")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("run plugdeskctl on a terminal")), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("desktop session")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QStringLiteral("pkexec")), qPrintable(run.err));
    }

    // Polkit that never answers in time: the helper gives up after PLUGDESK_AUTH_TIMEOUT_MS, saying which action
    // and how long; meanwhile the terminal showed what plugdeskctl waits for, and that line was erased after.
    void unansweredAuthorisationTimesOut()
    {
        SecurityEnv env;
        const QString why = env.start({}, kSlowReadRule);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        qputenv("PLUGDESK_AUTH_TIMEOUT_MS", "2000");
        const bool started = env.startHelper(QStringLiteral(PLUGDESK_HELPER));
        qunsetenv("PLUGDESK_AUTH_TIMEOUT_MS");
        QVERIFY(started);

        QElapsedTimer clock;
        clock.start();
        PtyRun run(env, ctl(env), {QStringLiteral("plugin"), QStringLiteral("ls")});
        QVERIFY(run.started());
        const int status = run.waitForExit(30000);
        QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 1, qPrintable(run.output()));
        const QString output = run.output();
        const QString waiting = QStringLiteral("waiting for authorisation (org.plugdesk.read)…");
        const QString error =
            QStringLiteral("(org.plugdesk.read): the authorisation was not answered within 2 seconds");
        QVERIFY2(output.contains(waiting + QStringLiteral("\r\x1b[K")), qPrintable(output));
        QVERIFY2(output.contains(error), qPrintable(output));
        QVERIFY2(output.indexOf(waiting) < output.indexOf(error), qPrintable(output));
        // The helper's answer, not polkit's (6 s) nor the bus's.
        QVERIFY2(clock.elapsed() < 5800, qPrintable(QString::number(clock.elapsed())));
    }

    // Every verb refused (nobody, to whom polkit grants nothing, without a terminal): one line on stderr, the
    // error, and nothing on stdout.
    void refusalIsOneLine_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const auto row = [](const char *name, const QStringList &arguments) { QTest::newRow(name) << arguments; };
        const QString folder = QStringLiteral("@FOLDER@");
        row("plugin ls", {u"plugin"_s, u"ls"_s});
        row("plugin ls -q", {u"plugin"_s, u"ls"_s, u"-q"_s});
        row("plugin inspect", {u"plugin"_s, u"inspect"_s, u"acme/x"_s});
        row("plugin inspect --format", {u"plugin"_s, u"inspect"_s, u"--format"_s, u"{{.Name}}"_s, u"acme/x"_s});
        row("plugin install", {u"plugin"_s, u"install"_s, u"--grant-all-permissions"_s, u"127.0.0.1:1/acme/x"_s});
        row("plugin enable", {u"plugin"_s, u"enable"_s, u"acme/x"_s});
        row("plugin disable", {u"plugin"_s, u"disable"_s, u"acme/x"_s});
        row("plugin rm", {u"plugin"_s, u"rm"_s, u"acme/x"_s});
        row("plugin set", {u"plugin"_s, u"set"_s, u"acme/x"_s, u"DEBUG=1"_s});
        row("plugin upgrade",
            {u"plugin"_s, u"upgrade"_s, u"--grant-all-permissions"_s, u"acme/x"_s, u"127.0.0.1:1/acme/x"_s});
        row("plugin push", {u"plugin"_s, u"push"_s, u"127.0.0.1:1/acme/x"_s});
        row("plugin create", {u"plugin"_s, u"create"_s, u"acme/new"_s, folder + u"/plugin"_s});
        row("plugin export", {u"plugin"_s, u"export"_s, u"acme/x"_s, folder + u"/x.zip"_s});
        row("plugin import", {u"plugin"_s, u"import"_s, u"--grant-all-permissions"_s, folder + u"/none.zip"_s});
        row("plugin logs", {u"plugin"_s, u"logs"_s, u"acme/x"_s});
        row("volume ls", {u"volume"_s, u"ls"_s});
        row("volume ls -q", {u"volume"_s, u"ls"_s, u"-q"_s});
        row("volume inspect", {u"volume"_s, u"inspect"_s, u"v1"_s});
        row("volume create", {u"volume"_s, u"create"_s, u"--driver"_s, u"acme/x"_s, u"v1"_s});
        row("volume rm", {u"volume"_s, u"rm"_s, u"v1"_s});
        row("volume mount", {u"volume"_s, u"mount"_s, u"v1"_s});
        row("volume unmount", {u"volume"_s, u"unmount"_s, u"v1"_s});
        row("login", {u"login"_s, u"-u"_s, u"someone"_s, u"--password-stdin"_s, u"127.0.0.1:1"_s});
    }
    void refusalIsOneLine()
    {
        QFETCH(QStringList, arguments);
        if (!m_refusing) {
            m_refusing = std::make_unique<SecurityEnv>();
            const QString why = m_refusing->start({});
            QVERIFY2(why.isEmpty(), qPrintable(why));
            QVERIFY(m_refusing->startHelper(QStringLiteral(PLUGDESK_HELPER)));
            const QString pluginFolder = m_refusing->home() + QStringLiteral("/plugin");
            QVERIFY(testutil::writeTestPluginFolder(pluginFolder, QStringLiteral(TEST_PLUGIN_BINARY)));
            QDirIterator it(pluginFolder, QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden,
                            QDirIterator::Subdirectories);
            ::chown(QFile::encodeName(pluginFolder).constData(), 65534, 65534);
            while (it.hasNext())
                ::lchown(QFile::encodeName(it.next()).constData(), 65534, 65534);
        }
        arguments.replaceInStrings(QStringLiteral("@FOLDER@"), m_refusing->home());
        const CommandRun run = m_refusing->ctl(QStringLiteral(PLUGDESKCTL), arguments);
        QVERIFY2(run.status != 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.isEmpty(), qPrintable(u"stdout: "_s + run.out + u"\nstderr: "_s + run.err));
        QVERIFY2(run.err.startsWith(QStringLiteral("Error: ")), qPrintable(run.err));
        QVERIFY2(run.err.endsWith(QLatin1Char('\n')) && run.err.count(QLatin1Char('\n')) == 1, qPrintable(run.err));
    }

    void cleanupTestCase() { m_refusing.reset(); }

private:
    std::unique_ptr<SecurityEnv> m_refusing;
};

QTEST_GUILESS_MAIN(TestCtlAuthorisation)
#include "tst_ctlauthorisation.moc"
