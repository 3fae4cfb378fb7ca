// Issue 16, "Must show": Plugdesk as a Debian administrator gets it, on this machine's real system bus. As root
// (skips otherwise): builds the package with scripts/package in a folder beside the build folder and prints what
// lintian says, installs it with `apt-get install ./plugdesk_*.deb`, starts the system dbus-daemon and polkitd
// when they do not run, and makes two users: `alice` (in sudo, an administrator for polkit's default rules) and
// `bob`. Alice answers pkttyagent's password prompt on a pseudo-terminal for install, enable, volume create, volume
// rm, disable and rm, each asked by the D-Bus-activated /usr/libexec/plugdesk-helper; bob, without a terminal, is
// refused every change with a message naming the action, and nothing changes. Then `apt-get remove plugdesk` leaves
// no helper activatable and no plugin running. Everything the test found (the bus, polkitd, the users, the store
// /var/lib/plugdesk and the run root /run/plugdesk) is as it was afterwards, also when a check failed.
//
// The password can be answered only on the real bus: the setuid polkit-agent-helper-1 reports to
// /run/dbus/system_bus_socket whatever DBUS_SYSTEM_BUS_ADDRESS says (see tests/security/tst_ctlauthorisation.cpp).
// PLUGDESK_SYSTEM_DEB=path uses that package instead of building one.
#include "common/pluginfixture.h"
#include "common/testregistry.h"
#include "common/testutil.h"
#include "core/engine/createplugin.h"
#include "core/engine/localengine.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <csignal>
#include <optional>
#include <poll.h>
#include <pty.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QString kHelper = u"/usr/libexec/plugdesk-helper"_s;
const QString kMonitor = u"/usr/libexec/plugdesk/plugdesk-monitor"_s;
const QString kCtl = u"/usr/bin/plugdeskctl"_s;
const QString kStore = u"/var/lib/plugdesk"_s;
const QString kRun = u"/run/plugdesk"_s;
const QString kBusSocket = u"/run/dbus/system_bus_socket"_s;
const QString kBusPidFile = u"/run/dbus/pid"_s;
const QString kPolkitd = u"/usr/lib/polkit-1/polkitd"_s;
const QString kHelperName = u"org.plugdesk.Helper1"_s;
// The GECOS field of the users this test makes: a user of that name without it is someone's, and never touched.
const QString kUserComment = u"Plugdesk system test"_s;
// Says that a run of this test installed the package (a run that was killed leaves it behind).
const QString kMarker = u"/var/tmp/plugdesk-system-test.installed"_s;
const QString kBackupSuffix = u".plugdesk-system-test-backup"_s;

struct Run
{
    int status = -1;
    QString out;
    QString err;
    QString all() const { return out + err; }
};

// The environment root's commands get: none of the test's private buses or stores.
QProcessEnvironment cleanEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"DBUS_SYSTEM_BUS_ADDRESS", "DBUS_SESSION_BUS_ADDRESS", "PLUGDESK_HELPER_BUS",
                             "PLUGDESK_ROOT", "PLUGDESK_RUN", "PLUGDESK_MONITOR", "PLUGDESK_DOCKER_PLUGINS_DIR"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    environment.insert(u"DEBIAN_FRONTEND"_s, u"noninteractive"_s);
    return environment;
}

Run run(const QString &program, const QStringList &arguments, int timeoutMs = 120000, const QByteArray &input = {},
        const QProcessEnvironment &environment = cleanEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return {-1, {}, u"cannot start %1: %2"_s.arg(program, process.errorString())};
    if (!input.isEmpty())
        process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

Run systemBusCall(const QStringList &arguments)
{
    return run(u"dbus-send"_s, QStringList{u"--system"_s, u"--print-reply"_s, u"--reply-timeout=10000"_s} + arguments,
               20000);
}

bool systemBusAnswers()
{
    return QFile::exists(kBusSocket) &&
           systemBusCall({u"--dest=org.freedesktop.DBus"_s, u"/"_s, u"org.freedesktop.DBus.GetId"_s}).status == 0;
}

bool nameHasOwner(const QString &name)
{
    const Run reply = systemBusCall(
        {u"--dest=org.freedesktop.DBus"_s, u"/"_s, u"org.freedesktop.DBus.NameHasOwner"_s, u"string:"_s + name});
    return reply.status == 0 && reply.out.contains(u"boolean true"_s);
}

bool activatable(const QString &name)
{
    const Run reply =
        systemBusCall({u"--dest=org.freedesktop.DBus"_s, u"/"_s, u"org.freedesktop.DBus.ListActivatableNames"_s});
    return reply.status == 0 && reply.out.contains(u'"' + name + u'"');
}

// Waits up to `timeoutMs` for `condition`.
template<typename Condition>
bool waitUntil(Condition condition, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    while (!condition()) {
        if (clock.elapsed() > timeoutMs)
            return false;
        QTest::qWait(100);
    }
    return true;
}

// The pids of the processes running `executable` (also once the file was removed by dpkg).
QList<qint64> pidsOf(const QString &executable)
{
    QList<qint64> found;
    const QDir proc(u"/proc"_s);
    for (const QString &entry : proc.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        bool number = false;
        const qint64 pid = entry.toLongLong(&number);
        if (!number)
            continue;
        char buffer[4096];
        const ssize_t n =
            ::readlink(QFile::encodeName(u"/proc/%1/exe"_s.arg(entry)).constData(), buffer, sizeof buffer);
        const QString link = n > 0 ? QString::fromLocal8Bit(buffer, n) : QString();
        if (link == executable || link == executable + u" (deleted)"_s)
            found.append(pid);
    }
    return found;
}

bool processGone(qint64 pid)
{
    return ::kill(pid_t(pid), 0) != 0;
}

void stopProcess(qint64 pid)
{
    if (pid <= 0 || processGone(pid))
        return;
    ::kill(pid_t(pid), SIGTERM);
    if (!waitUntil([pid] { return processGone(pid); }, 5000))
        ::kill(pid_t(pid), SIGKILL);
}

// plugdeskctl run as `user` on a pseudo-terminal of the test's own: stdin, stdout and stderr all on it, as in a
// console or an SSH session (no DISPLAY: no desktop agent to leave the asking to).
class Terminal final
{
public:
    Terminal(const QString &user, const QString &home, const QStringList &arguments)
    {
        QByteArrayList argv{"setpriv", "--reuid=" + user.toUtf8(), "--regid=" + user.toUtf8(), "--init-groups",
                            "--",      QFile::encodeName(kCtl)};
        for (const QString &argument : arguments)
            argv.append(argument.toUtf8());
        const QByteArrayList envp{"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                                  "LC_ALL=C.UTF-8",
                                  "TERM=xterm",
                                  "HOME=" + QFile::encodeName(home),
                                  "USER=" + user.toUtf8(),
                                  "LOGNAME=" + user.toUtf8()};
        std::vector<char *> argvPointers;
        for (const QByteArray &argument : argv)
            argvPointers.push_back(const_cast<char *>(argument.constData()));
        argvPointers.push_back(nullptr);
        std::vector<char *> envPointers;
        for (const QByteArray &entry : envp)
            envPointers.push_back(const_cast<char *>(entry.constData()));
        envPointers.push_back(nullptr);
        const QByteArray setpriv = QFile::encodeName(QStandardPaths::findExecutable(u"setpriv"_s));
        const QByteArray folder = QFile::encodeName(home);

        m_pid = ::forkpty(&m_master, nullptr, nullptr, nullptr);
        if (m_pid == 0) {
            // Nothing of the test's (ctest's log, the polkit lock flock holds) for the user's processes.
            ::close_range(3, ~0U, 0);
            if (::chdir(folder.constData()) != 0)
                ::_exit(126);
            ::execve(setpriv.constData(), argvPointers.data(), envPointers.data());
            ::_exit(127);
        }
    }
    ~Terminal()
    {
        if (m_pid > 0 && !m_status) {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        if (m_master >= 0)
            ::close(m_master);
    }
    Terminal(const Terminal &) = delete;
    Terminal &operator=(const Terminal &) = delete;

    bool started() const { return m_pid > 0 && m_master >= 0; }
    QString output() const { return QString::fromUtf8(m_output); }

    // Reads the terminal until the text after `from` matches `pattern` (its match), or `timeoutMs` passed or the
    // terminal closed (nullopt).
    std::optional<QRegularExpressionMatch> waitFor(const QRegularExpression &pattern, qsizetype from, int timeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        for (;;) {
            const QRegularExpressionMatch match = pattern.match(output().mid(from));
            if (match.hasMatch())
                return match;
            const int left = timeoutMs - int(clock.elapsed());
            if (left <= 0 || !readSome(left))
                return std::nullopt;
        }
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
                QTest::qWait(20);
        }
        while (readSome(50)) {
        }
        return *m_status;
    }
    // Waits until the program on the terminal has turned echo off (as a password prompt does), so that what is
    // typed next is not discarded by its tcsetattr(TCSAFLUSH): pkttyagent prints "Password:" before it does that.
    bool waitForEchoOff(int timeoutMs)
    {
        QElapsedTimer clock;
        clock.start();
        termios modes{};
        while (::tcgetattr(m_master, &modes) == 0 && (modes.c_lflag & ECHO)) {
            if (clock.elapsed() > timeoutMs)
                return false;
            readSome(20);
        }
        return true;
    }
    void type(const QByteArray &keys)
    {
        [[maybe_unused]] const ssize_t written = ::write(m_master, keys.constData(), size_t(keys.size()));
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
            return false; // EIO: nobody holds the terminal any more
        m_output.append(buffer, n);
        return true;
    }

    pid_t m_pid = -1;
    int m_master = -1;
    QByteArray m_output;
    std::optional<int> m_status;
};

struct TestUser
{
    QString name;
    QString password;
    QString home;
    bool made = false; // by this test (or by an earlier run of it): removed at the end
};

} // namespace

class TestSystem final : public QObject
{
    Q_OBJECT

    QString reference() const { return m_registry.host() + u"/acme/testvol:1.0"_s; }

    void step(const char *what) { qInfo("[%6.1f s] %s", double(m_clock.elapsed()) / 1000.0, what); }

    // Root's view of the store, through plugdeskctl's local engine (root never goes through the helper).
    Run rootCtl(const QStringList &arguments) { return run(kCtl, arguments); }

    // plugdeskctl as `user` without a terminal (stdin closed, no agent): what a script or a cron job gets.
    Run userCtl(const TestUser &user, const QStringList &arguments)
    {
        QProcessEnvironment environment;
        environment.insert(u"PATH"_s, u"/usr/sbin:/usr/bin:/sbin:/bin"_s);
        environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
        environment.insert(u"HOME"_s, user.home);
        return run(
            u"setpriv"_s,
            QStringList{u"--reuid="_s + user.name, u"--regid="_s + user.name, u"--init-groups"_s, u"--"_s, kCtl} +
                arguments,
            120000, {}, environment);
    }

    // Alice runs plugdeskctl on a terminal and answers pkttyagent's prompt for `action` with her password (choosing
    // herself first when polkit offers several administrators). Fails the test when anything else happens.
    void asAdmin(const QStringList &arguments, const QString &action)
    {
        const QString command = arguments.join(u' ');
        Terminal terminal(m_alice.name, m_alice.home, arguments);
        QVERIFY(terminal.started());
        const auto asked = terminal.waitFor(QRegularExpression(u"AUTHENTICATING FOR (\\S+) ===="_s), 0, 60000);
        QVERIFY2(asked, qPrintable(command + u": no authentication asked:\n"_s + terminal.output()));
        QCOMPARE(asked->captured(1), action);
        const qsizetype after = terminal.output().indexOf(asked->captured(0));
        const auto prompt = terminal.waitFor(
            QRegularExpression(u"Password: ?$|Choose identity[^\\n]*: ?$"_s, QRegularExpression::MultilineOption),
            after, 30000);
        QVERIFY2(prompt, qPrintable(command + u": no password prompt:\n"_s + terminal.output()));
        if (prompt->captured(0).startsWith(u"Choose"_s)) {
            const auto choice = QRegularExpression(u"(\\d+)\\. [^\\n]*\\b%1\\b"_s.arg(m_alice.name))
                                    .match(terminal.output().mid(after));
            QVERIFY2(choice.hasMatch(), qPrintable(terminal.output()));
            terminal.type(choice.captured(1).toUtf8() + '\n');
            QVERIFY2(terminal.waitFor(QRegularExpression(u"Password: ?$"_s, QRegularExpression::MultilineOption),
                                      terminal.output().size(), 30000),
                     qPrintable(terminal.output()));
        }
        QVERIFY2(terminal.waitForEchoOff(10000), qPrintable(command + u": echo stays on:\n"_s + terminal.output()));
        terminal.type(m_alice.password.toUtf8() + '\n');
        const int status = terminal.waitForExit(180000);
        const QString output = terminal.output();
        qInfo("alice$ plugdeskctl %s\n%s", qPrintable(command), qPrintable(output.trimmed()));
        QVERIFY2(status != -1, qPrintable(command + u": did not end:\n"_s + output));
        QVERIFY2(WIFEXITED(status) && WEXITSTATUS(status) == 0, qPrintable(command + u":\n"_s + output));
        QVERIFY2(output.contains(u"AUTHENTICATION COMPLETE"_s), qPrintable(output));
        QVERIFY2(!output.contains(u"Error"_s), qPrintable(output));
    }

    QString inspect(const QString &format)
    {
        const Run inspected = rootCtl({u"plugin"_s, u"inspect"_s, u"--format"_s, format, reference()});
        return inspected.status == 0 ? inspected.out.trimmed() : u"<error> "_s + inspected.err.trimmed();
    }

    // Whether `path` holds a runc container of Plugdesk's.
    QStringList containers()
    {
        if (!QFileInfo::exists(kRun + u"/runc"_s))
            return {};
        const Run listed = run(u"runc"_s, {u"--root"_s, kRun + u"/runc"_s, u"list"_s, u"-q"_s});
        return listed.out.split(u'\n', Qt::SkipEmptyParts);
    }

    static bool packageInstalled()
    {
        const Run status = run(u"dpkg-query"_s, {u"-W"_s, u"-f=${Status}"_s, u"plugdesk"_s});
        return status.status == 0 && status.out.contains(u"install ok installed"_s);
    }

    // Makes `name` (when absent; an earlier run's is taken over) with a fresh password. Empty, or why not.
    QString makeUser(TestUser &user, const QString &name, bool admin)
    {
        user.name = name;
        user.password = u"pw-"_s + QUuid::createUuid().toString(QUuid::Id128).left(16);
        if (const passwd *entry = ::getpwnam(name.toUtf8().constData())) {
            if (QString::fromLocal8Bit(entry->pw_gecos) != kUserComment)
                return u"user %1 exists already: the test makes its own %1 and does not touch yours"_s.arg(name);
        } else {
            QStringList arguments{u"-M"_s, u"-U"_s, u"-s"_s, u"/bin/sh"_s, u"-c"_s, kUserComment};
            if (admin)
                arguments += {u"-G"_s, u"sudo"_s};
            const Run added = run(u"useradd"_s, arguments + QStringList{name});
            if (added.status != 0)
                return u"useradd %1: %2"_s.arg(name, added.all());
        }
        user.made = true;
        const Run set = run(u"chpasswd"_s, {}, 30000, (name + u':' + user.password + u'\n').toUtf8());
        if (set.status != 0)
            return u"chpasswd %1: %2"_s.arg(name, set.all());
        user.home = m_work.filePath(name);
        QDir().mkpath(user.home);
        const passwd *entry = ::getpwnam(name.toUtf8().constData());
        if (!entry || ::chown(QFile::encodeName(user.home).constData(), entry->pw_uid, entry->pw_gid) != 0)
            return u"cannot give %1 its home %2"_s.arg(name, user.home);
        return {};
    }

    // Moves a folder of the real installation aside for the test (restored at the end).
    void setAside(const QString &path)
    {
        const QString backup = path + kBackupSuffix;
        if (QFileInfo::exists(backup)) {
            // An earlier run died before it restored: what is at `path` now is that run's.
            run(u"rm"_s, {u"-rf"_s, u"--one-file-system"_s, path});
            return;
        }
        if (QFileInfo::exists(path))
            QDir().rename(path, backup);
    }
    void restore(const QString &path)
    {
        run(u"rm"_s, {u"-rf"_s, u"--one-file-system"_s, path});
        if (QFileInfo::exists(path + kBackupSuffix))
            QDir().rename(path + kBackupSuffix, path);
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: installs a package, takes over the system bus and makes users");
        for (const char *tool : {"apt-get", "dpkg-query", "dbus-daemon", "dbus-send", "pkttyagent", "setpriv",
                                 "useradd", "userdel", "chpasswd", "runc", "lintian"}) {
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
                QSKIP(qPrintable(u"%1 is not installed (scripts/setup installs it)"_s.arg(QLatin1String(tool))));
        }
        if (!QFileInfo(kPolkitd).isExecutable())
            QSKIP("polkitd is not installed (scripts/setup installs it)");
        if (packageInstalled() && !QFile::exists(kMarker))
            QSKIP("the package plugdesk is installed on this machine: the test installs and removes its own, and "
                  "does not replace yours (apt-get remove plugdesk first)");
        QVERIFY(m_work.isValid());
        m_work.setAutoRemove(true);
        ::chmod(QFile::encodeName(m_work.path()).constData(), 0755); // the users' homes are in it
        m_clock.start();

        // The package, built in its own folder so the test binaries of this build keep their paths.
        const QString given = qEnvironmentVariable("PLUGDESK_SYSTEM_DEB");
        if (!given.isEmpty()) {
            m_deb = QFileInfo(given).absoluteFilePath();
            QVERIFY2(QFile::exists(m_deb), qPrintable(m_deb));
        } else {
            step("building the package: scripts/package in " PLUGDESK_PACKAGE_BUILD_DIR);
            QProcessEnvironment environment = cleanEnvironment();
            environment.insert(u"PLUGDESK_BUILD_DIR"_s, QStringLiteral(PLUGDESK_PACKAGE_BUILD_DIR));
            environment.insert(u"PLUGDESK_PACKAGE_DIR"_s, m_work.filePath(u"deb"_s));
            const Run packaged =
                run(QStringLiteral(PLUGDESK_SOURCE_DIR "/scripts/package"), {}, 1800000, {}, environment);
            const qsizetype lintian = packaged.err.lastIndexOf(u"\nlintian "_s);
            qInfo("%s", qPrintable(lintian < 0 ? packaged.err : packaged.err.mid(lintian + 1)));
            QVERIFY2(packaged.status == 0, qPrintable(packaged.err.right(6000)));
            m_deb = packaged.out.trimmed().split(u'\n').last();
            QVERIFY2(m_deb.endsWith(u".deb"_s) && QFile::exists(m_deb), qPrintable(packaged.out));
        }
        step(qPrintable(u"package: "_s + m_deb));

        // The plugin alice installs, from a registry on loopback.
        qputenv("DOCKER_CONFIG", m_work.filePath(u"docker"_s).toLocal8Bit());
        QString error;
        QVERIFY2(m_registry.start({}, &error), qPrintable(error));
        const QString folder = m_work.filePath(u"folder"_s);
        QVERIFY(testutil::writeTestPluginFolder(folder, QStringLiteral(TEST_PLUGIN_BINARY)));
        const QString source = m_work.filePath(u"source"_s);
        auto created = core::createPlugin(core::Store(source), reference(), folder, nullptr);
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        {
            core::LocalEngine publisher({source, m_work.filePath(u"source-run"_s), false});
            core::Job *push = publisher.push(reference());
            push->waitForFinished();
            QVERIFY2(push->succeeded(), qPrintable(push->error() ? push->error()->message : QString()));
        }
        step(qPrintable(u"pushed "_s + reference()));

        // The machine's store and run root, set aside.
        m_hadPublishDir = QFileInfo::exists(u"/run/docker/plugins"_s);
        setAside(kStore);
        setAside(kRun);

        // The system bus and polkitd, started when they do not run.
        if (!systemBusAnswers()) {
            QVERIFY2(::getpwnam("messagebus"), "no messagebus user: install the package dbus");
            // A bus that does not answer left its socket and pid file: dbus-daemon refuses to start beside them.
            QFile::remove(kBusSocket);
            QFile::remove(kBusPidFile);
            QDir().mkpath(u"/run/dbus"_s);
            const Run started = run(u"dbus-daemon"_s, {u"--system"_s, u"--fork"_s, u"--print-pid=1"_s});
            QVERIFY2(started.status == 0, qPrintable(started.all()));
            m_startedBus = started.out.trimmed().toLongLong();
            QVERIFY2(m_startedBus > 0, qPrintable(started.all()));
            QVERIFY2(waitUntil(systemBusAnswers, 10000), "the system bus does not answer");
            step(qPrintable(u"started the system bus (dbus-daemon %1)"_s.arg(m_startedBus)));
        }
        if (!nameHasOwner(u"org.freedesktop.PolicyKit1"_s)) {
            m_polkitd = std::make_unique<QProcess>();
            m_polkitd->setProcessEnvironment(cleanEnvironment());
            m_polkitd->setProcessChannelMode(QProcess::ForwardedChannels);
            m_polkitd->start(kPolkitd, {u"--no-debug"_s});
            QVERIFY2(m_polkitd->waitForStarted(5000), qPrintable(m_polkitd->errorString()));
            QVERIFY2(waitUntil([] { return nameHasOwner(u"org.freedesktop.PolicyKit1"_s); }, 15000),
                     "polkitd did not take its name on the system bus");
            step("started polkitd");
        }

        if (const QString why = makeUser(m_alice, u"alice"_s, true); !why.isEmpty())
            QSKIP(qPrintable(why));
        if (const QString why = makeUser(m_bob, u"bob"_s, false); !why.isEmpty())
            QSKIP(qPrintable(why));
        step("users alice (sudo) and bob are there");
    }

    // apt-get installs the local package with its dependencies; postinst has the bus reload its configuration, so
    // the helper is activatable at once, and no helper runs before somebody calls.
    void installPackage()
    {
        QVERIFY(!activatable(kHelperName));
        testutil::writeFile(kMarker, m_deb.toUtf8() + '\n');
        m_installedByTest = true;
        const Run installed = run(u"apt-get"_s, {u"install"_s, u"-y"_s, m_deb}, 600000);
        qInfo("apt-get install -y %s\n%s", qPrintable(m_deb), qPrintable(installed.all().trimmed()));
        QCOMPARE(installed.status, 0);
        QVERIFY(packageInstalled());
        QVERIFY(QFileInfo(kHelper).isExecutable());
        QVERIFY(QFileInfo(kMonitor).isExecutable());
        QVERIFY2(activatable(kHelperName), "postinst did not make the helper activatable (ReloadConfig)");
        QVERIFY(pidsOf(kHelper).isEmpty());
        step("installed");
    }

    // Alice, an administrator, installs (disabled), enables, makes a volume: polkit asks her password for each, on
    // her terminal, through the pkttyagent plugdeskctl starts.
    void adminInstallsEnablesAndMakesAVolume()
    {
        asAdmin({u"plugin"_s, u"install"_s, u"--disable"_s, u"--grant-all-permissions"_s, reference()},
                u"org.plugdesk.install"_s);
        QCOMPARE(inspect(u"{{.Enabled}}"_s), u"false"_s);
        QVERIFY2(pidsOf(kHelper).size() == 1, "the bus did not start the installed helper");
        step("alice installed");

        asAdmin({u"plugin"_s, u"enable"_s, reference()}, u"org.plugdesk.manage"_s);
        QCOMPARE(inspect(u"{{.Enabled}}"_s), u"true"_s);
        QCOMPARE(pidsOf(kMonitor).size(), 1);
        QCOMPARE(containers().size(), 1);
        step("alice enabled");

        asAdmin({u"volume"_s, u"create"_s, u"-d"_s, reference(), u"--name"_s, u"v1"_s}, u"org.plugdesk.volumes"_s);
        const Run volumes = rootCtl({u"volume"_s, u"ls"_s, u"-q"_s});
        QCOMPARE(volumes.status, 0);
        QCOMPARE(volumes.out.split(u'\n', Qt::SkipEmptyParts), QStringList{u"v1"_s});
        step("alice made volume v1");
    }

    // Bob is no administrator: every change is refused, naming the action polkit was asked about, with nothing on
    // stdout, and the store and the running plugin are as they were.
    void otherUserIsRefused_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("action");
        const QString ref = reference();
        QTest::newRow("install") << QStringList{u"plugin"_s,
                                                u"install"_s,
                                                u"--grant-all-permissions"_s,
                                                m_registry.host() + u"/acme/testvol:1.0"_s,
                                                u"--alias"_s,
                                                u"bob/testvol"_s}
                                 << u"org.plugdesk.install"_s;
        QTest::newRow("disable") << QStringList{u"plugin"_s, u"disable"_s, ref} << u"org.plugdesk.manage"_s;
        QTest::newRow("set") << QStringList{u"plugin"_s, u"set"_s, ref, u"TEST_PLUGIN_MODE=crash"_s}
                             << u"org.plugdesk.manage"_s;
        QTest::newRow("rm") << QStringList{u"plugin"_s, u"rm"_s, u"-f"_s, ref} << u"org.plugdesk.remove"_s;
        QTest::newRow("volume create") << QStringList{u"volume"_s, u"create"_s, u"-d"_s, ref, u"--name"_s, u"v2"_s}
                                       << u"org.plugdesk.volumes"_s;
        QTest::newRow("volume rm") << QStringList{u"volume"_s, u"rm"_s, u"v1"_s} << u"org.plugdesk.volumes"_s;
    }
    void otherUserIsRefused()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, action);
        const auto store = testutil::snapshot(kStore);
        const QList<qint64> monitors = pidsOf(kMonitor);
        const Run refused = userCtl(m_bob, arguments);
        qInfo("bob$ plugdeskctl %s\n%s", qPrintable(arguments.join(u' ')), qPrintable(refused.all().trimmed()));
        QCOMPARE(refused.status, 1);
        QCOMPARE(refused.out, QString());
        QVERIFY2(refused.err.startsWith(u"Error: "_s), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(u'(' + action + u')'), qPrintable(refused.err));
        QCOMPARE(refused.err.count(u'\n'), 1);
        QCOMPARE(testutil::snapshot(kStore), store);
        QCOMPARE(pidsOf(kMonitor), monitors);
        QCOMPARE(inspect(u"{{.Enabled}}"_s), u"true"_s);
    }

    // Alice removes the volume, disables (the monitor and the container go) and removes the plugin.
    void adminDisablesAndRemoves()
    {
        asAdmin({u"volume"_s, u"rm"_s, u"v1"_s}, u"org.plugdesk.volumes"_s);
        QCOMPARE(rootCtl({u"volume"_s, u"ls"_s, u"-q"_s}).out.trimmed(), QString());
        asAdmin({u"plugin"_s, u"disable"_s, reference()}, u"org.plugdesk.manage"_s);
        QCOMPARE(inspect(u"{{.Enabled}}"_s), u"false"_s);
        QVERIFY(waitUntil([] { return pidsOf(kMonitor).isEmpty(); }, 15000));
        QCOMPARE(containers(), QStringList());
        step("alice disabled");
        asAdmin({u"plugin"_s, u"rm"_s, reference()}, u"org.plugdesk.remove"_s);
        const Run listed = rootCtl({u"plugin"_s, u"ls"_s, u"-q"_s});
        QCOMPARE(listed.status, 0);
        QCOMPARE(listed.out.trimmed(), QString());
        step("alice removed");
    }

    // With a plugin running (installed and enabled again), `apt-get remove plugdesk`: postrm stops it, and the
    // helper is neither running nor activatable.
    void removeLeavesNothing()
    {
        asAdmin({u"plugin"_s, u"install"_s, u"--grant-all-permissions"_s, reference()}, u"org.plugdesk.install"_s);
        QCOMPARE(inspect(u"{{.Enabled}}"_s), u"true"_s);
        QCOMPARE(pidsOf(kMonitor).size(), 1);
        QCOMPARE(containers().size(), 1);
        step("alice installed and enabled again");

        const Run removed = run(u"apt-get"_s, {u"remove"_s, u"-y"_s, u"plugdesk"_s}, 600000);
        qInfo("apt-get remove -y plugdesk\n%s", qPrintable(removed.all().trimmed()));
        QCOMPARE(removed.status, 0);
        QFile::remove(kMarker);
        QVERIFY(!packageInstalled());
        QVERIFY(!QFileInfo::exists(kHelper));
        QCOMPARE(pidsOf(kMonitor), QList<qint64>());
        QCOMPARE(containers(), QStringList());
        QVERIFY(waitUntil([] { return pidsOf(kHelper).isEmpty(); }, 5000));
        QVERIFY(!activatable(kHelperName));
        const Run ping = systemBusCall(
            {u"--dest="_s + kHelperName, u"/org/plugdesk/Helper1"_s, u"org.freedesktop.DBus.Peer.Ping"_s});
        QVERIFY2(ping.status != 0, qPrintable(ping.all()));
        QVERIFY2(ping.err.contains(u"org.freedesktop.DBus.Error.ServiceUnknown"_s), qPrintable(ping.all()));
        step("removed: no helper activatable, no plugin running");
    }

    // Also after a failed check: the package goes, then what the test started and made, and what it set aside
    // comes back.
    void cleanupTestCase()
    {
        if (!m_clock.isValid())
            return;
        if (packageInstalled() && QFile::exists(kMarker)) {
            const Run removed = run(u"apt-get"_s, {u"remove"_s, u"-y"_s, u"plugdesk"_s}, 600000);
            if (removed.status != 0)
                qWarning("apt-get remove -y plugdesk failed:\n%s", qPrintable(removed.all()));
        }
        // `remove` keeps the conffiles (the bus policy in /etc): purged, so dpkg forgets the package as before.
        if (m_installedByTest)
            run(u"dpkg"_s, {u"--purge"_s, u"plugdesk"_s}, 120000);
        QFile::remove(kMarker);
        for (const QString &binary : {kMonitor, kHelper}) {
            for (const qint64 pid : pidsOf(binary))
                stopProcess(pid);
        }
        for (const QString &id : containers()) {
            run(u"runc"_s, {u"--root"_s, kRun + u"/runc"_s, u"kill"_s, id, u"KILL"_s});
            run(u"runc"_s, {u"--root"_s, kRun + u"/runc"_s, u"delete"_s, u"-f"_s, id});
        }
        restore(kStore);
        restore(kRun);
        if (!m_hadPublishDir)
            QDir().rmdir(u"/run/docker/plugins"_s);
        for (const TestUser *user : {&m_alice, &m_bob}) {
            if (user->made) {
                const Run deleted = run(u"userdel"_s, {user->name});
                if (deleted.status != 0)
                    qWarning("userdel %s: %s", qPrintable(user->name), qPrintable(deleted.all()));
            }
        }
        if (m_polkitd) {
            m_polkitd->terminate();
            if (!m_polkitd->waitForFinished(5000))
                m_polkitd->kill();
            m_polkitd->waitForFinished(5000);
            m_polkitd.reset();
        }
        if (m_startedBus > 0) {
            stopProcess(m_startedBus);
            QFile::remove(kBusSocket);
            QFile::remove(kBusPidFile);
        }
        m_registry.stop();
        step("cleaned up");
    }

private:
    QTemporaryDir m_work{u"/tmp/pdsys-XXXXXX"_s};
    testutil::TestRegistry m_registry;
    QElapsedTimer m_clock;
    QString m_deb;
    TestUser m_alice;
    TestUser m_bob;
    qint64 m_startedBus = 0;
    std::unique_ptr<QProcess> m_polkitd;
    bool m_hadPublishDir = true;
    bool m_installedByTest = false;
};

QTEST_GUILESS_MAIN(TestSystem)
#include "tst_system.moc"
