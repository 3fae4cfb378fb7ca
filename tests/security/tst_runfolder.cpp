// Issue 10, item 6: the run folder a plugin sees. Its socket folder <run>/plugins/<id> is bound into the plugin as
// /run/docker/plugins, the one folder of the plugin the host sees and root's code connects in. Two attacks, with
// real runc and the static test plugin, through the engine (no bus is involved):
// - plant-run-files: the plugin leaves /dev/mem's device node (mode 0666) and a setuid-root copy of itself there
//   and opens its folder to all; no host user (nobody) may reach any of it.
// - socket-symlink: the plugin's socket is a symlink to another program's socket (here a victim socket the test
//   listens on); neither the readiness probe nor Activate, the volume client or the published socket's proxy may
//   ever connect to the victim, so root never talks to it on the plugin's behalf.
#include "common/pluginfixture.h"
#include "common/testutil.h"
#include "core/engine/localengine.h"
#include "core/runtime/pluginhttpclient.h"
#include "core/runtime/runcruntime.h"
#include "core/runtime/runlayout.h"
#include "core/store/store.h"
#include "core/volume/volumedriverclient.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <memory>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

const QString kPluginBinary = QStringLiteral(TEST_PLUGIN_BINARY);
const QString kMonitorBinary = QStringLiteral(PLUGDESK_MONITOR_BINARY);

// Another program's socket: it listens, never accepts, and counts who connected.
class VictimSocket final
{
public:
    explicit VictimSocket(const QString &path)
        : m_path(path)
    {
        m_fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray native = QFile::encodeName(path);
        memcpy(address.sun_path, native.constData(), size_t(native.size()));
        m_listening = m_fd >= 0 && ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0 &&
                      ::listen(m_fd, 64) == 0;
    }
    ~VictimSocket()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        QFile::remove(m_path);
    }
    bool listening() const { return m_listening; }
    // Connections made so far (each is taken off the queue and closed).
    int connections()
    {
        for (;;) {
            const int client = ::accept4(m_fd, nullptr, nullptr, SOCK_CLOEXEC);
            if (client < 0)
                return m_count;
            ::close(client);
            ++m_count;
        }
    }

private:
    QString m_path;
    int m_fd = -1;
    bool m_listening = false;
    int m_count = 0;
};

} // namespace

class TestRunFolder : public QObject, private testutil::RuntimeFolders
{
    Q_OBJECT

private:
    static QString finish(core::Job *job)
    {
        job->waitForFinished();
        return job->error() ? job->error()->message : QString();
    }

    void addPlugin(const QString &id, const QString &repository, const QString &mode)
    {
        testutil::TestPluginSpec spec;
        spec.id = id;
        spec.repository = repository;
        spec.propagatedMount = QStringLiteral("/vols");
        if (!mode.isEmpty())
            spec.env = {QStringLiteral("TEST_PLUGIN_MODE=") + mode};
        m_ids.append(id);
        auto inventory = core::Store(storeRoot()).load();
        QList<core::Plugin> plugins = inventory ? inventory->plugins : QList<core::Plugin>();
        plugins.append(testutil::makeTestPlugin(spec));
        QVERIFY(testutil::writeTestPlugins(storeRoot(), kPluginBinary, plugins));
    }

    // True when `nobody` can so much as see `path` (stat does not follow a final symlink).
    static bool nobodyReaches(const QString &path)
    {
        QProcess process;
        process.start(QStringLiteral("setpriv"),
                      {QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                       QStringLiteral("--clear-groups"), QStringLiteral("stat"), QStringLiteral("--"), path});
        process.waitForFinished(10000);
        return process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

    bool logContains(const QString &id, const QString &text) const
    {
        return testutil::readFile(layout().logPath(id)).contains(text.toUtf8());
    }

private Q_SLOTS:
    void initTestCase()
    {
        PLUGDESK_REQUIRE_TEST_RUNTIME();
        if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
            QSKIP("setpriv is not installed (util-linux)");
        qputenv("PLUGDESK_MONITOR", kMonitorBinary.toLocal8Bit());
    }

    void init()
    {
        QVERIFY(openRuntimeFolder(QStringLiteral("/tmp/pdrun-XXXXXX")));
        // Like /run, where the run root lives: any user may walk through it.
        QVERIFY(QFile::setPermissions(m_dir->path(), QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                         QFileDevice::ExeOwner | QFileDevice::ReadGroup |
                                                         QFileDevice::ExeGroup | QFileDevice::ReadOther |
                                                         QFileDevice::ExeOther));
        // The run root made ahead of Plugdesk, as a package, tmpfiles.d or an admin's mkdir -p makes /run/plugdesk:
        // 0755. (Left to itself it would be made 0700, by runc, as the parent of runc's own root, by chance.)
        QVERIFY(QDir().mkpath(runRoot()));
        QVERIFY(QFile::setPermissions(runRoot(), QFile::permissions(m_dir->path())));
    }

    void cleanup() { closeRuntimeFolder(); }

    void plantedFilesStayPrivate()
    {
        const QString id = QStringLiteral("91a47f11e500");
        addPlugin(id, QStringLiteral("acme/planter"), QStringLiteral("plant-run-files"));
        auto engine = newEngine();
        QCOMPARE(finish(engine->enable(id, 20)), QString());
        // The plugin has done what it could once it says it opened its folder.
        QTRY_VERIFY_WITH_TIMEOUT(logContains(id, QStringLiteral("plant-run-files: chmod 0755")), 10000);
        qInfo().noquote() << testutil::readFile(layout().logPath(id));

        const QString folder = layout().socketDir(id);
        QVERIFY(QFileInfo::exists(folder + QStringLiteral("/testvol.sock")));
        // Nothing in the plugin's socket folder, nor the folder itself, is within a host user's reach.
        QStringList reached;
        QStringList entries{folder, folder + QStringLiteral("/mem"), folder + QStringLiteral("/suid")};
        QDirIterator it(folder, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        while (it.hasNext())
            entries.append(it.next());
        entries.removeDuplicates();
        for (const QString &entry : std::as_const(entries)) {
            if (nobodyReaches(entry))
                reached.append(entry);
        }
        QVERIFY2(reached.isEmpty(),
                 qPrintable(QStringLiteral("nobody reaches: ") + reached.join(QStringLiteral(", "))));
        struct stat st
        {};
        QCOMPARE(::stat(QFile::encodeName(runRoot() + QStringLiteral("/plugins")).constData(), &st), 0);
        QCOMPARE(st.st_mode & 07777, mode_t(0700));

        // The runtime spec asks for no wildcard mknod: dockerd's plugin spec has none.
        const QJsonObject spec =
            QJsonDocument::fromJson(testutil::readFile(layout().bundleDir(id) + QStringLiteral("/config.json")))
                .object();
        const QJsonArray rules = spec.value(QStringLiteral("linux"))
                                     .toObject()
                                     .value(QStringLiteral("resources"))
                                     .toObject()
                                     .value(QStringLiteral("devices"))
                                     .toArray();
        QVERIFY(!rules.isEmpty());
        for (const QJsonValue &value : rules) {
            const QJsonObject rule = value.toObject();
            const bool wildcard = !rule.contains(QStringLiteral("major")); // any device of the type
            QVERIFY2(!(rule.value(QStringLiteral("allow")).toBool() && wildcard &&
                       rule.value(QStringLiteral("access")).toString().contains(QLatin1Char('m'))),
                     QJsonDocument(rule).toJson(QJsonDocument::Compact).constData());
        }
        QCOMPARE(finish(engine->disable(id)), QString());
    }

    // The plugin's socket is a symlink from the start: enable must fail without ever reaching the victim.
    void enableNeverFollowsASymlinkedSocket()
    {
        const QString id = QStringLiteral("5e1f1e55a1b2");
        VictimSocket victim(m_dir->path() + QStringLiteral("/victim.sock"));
        QVERIFY(victim.listening());
        addPlugin(id, QStringLiteral("acme/linker"),
                  QStringLiteral("socket-symlink=") + m_dir->path() + QStringLiteral("/victim.sock"));
        auto engine = newEngine();
        const QString error = finish(engine->enable(id, 5));
        QVERIFY2(!error.isEmpty(), "enable succeeded through a symlinked socket");
        QCOMPARE(victim.connections(), 0);
        QVERIFY2(error.contains(QStringLiteral("symbolic link")), qPrintable(error));
        QVERIFY(!engine->plugin(id)->enabled);
    }

    // The plugin answered at enable, then swapped its socket for a symlink to another program's (its folder is its
    // own: rename and symlink are all it takes; the test does here, as root on the host, exactly what the plugin
    // does from inside). Root's volume client, plain HTTP client and the published socket's proxy must not follow.
    void clientsNeverFollowASymlinkedSocket()
    {
        const QString id = QStringLiteral("5a4b0c1d2e3f");
        VictimSocket victim(m_dir->path() + QStringLiteral("/victim.sock"));
        QVERIFY(victim.listening());
        addPlugin(id, QStringLiteral("acme/swapper"), QString());
        auto engine = newEngine();
        QCOMPARE(finish(engine->enable(id, 20)), QString());
        const QString socket = layout().socketPath(id, QStringLiteral("testvol.sock"));
        QVERIFY(QFile::rename(socket, socket + QStringLiteral(".real")));
        QVERIFY(QFile::link(m_dir->path() + QStringLiteral("/victim.sock"), socket));

        core::VolumeDriverClient::Timeouts timeouts;
        timeouts.otherMs = 2000;
        timeouts.retryBudgetMs = 500;
        core::VolumeDriverClient volumes(socket, timeouts);
        QVERIFY(!volumes.list().ok());
        QCOMPARE(victim.connections(), 0);

        core::PluginHttpClient http(socket);
        http.setTimeoutMs(2000);
        auto answer = http.post(QStringLiteral("/VolumeDriver.List"));
        QVERIFY(!answer.ok() || answer->status != 200);
        QCOMPARE(victim.connections(), 0);

        // dockerd's way in: the published socket, served by the plugin's monitor, forwards to the plugin's socket.
        QLocalSocket published;
        published.connectToServer(publishDir() + QStringLiteral("/acme-swapper.sock"));
        QVERIFY(published.waitForConnected(5000));
        published.write("POST /VolumeDriver.List HTTP/1.1\r\nHost: plugin\r\nContent-Length: 2\r\n\r\n{}");
        QVERIFY(published.waitForBytesWritten(5000));
        QByteArray reply;
        QElapsedTimer waited;
        waited.start();
        while (published.state() == QLocalSocket::ConnectedState && waited.elapsed() < 8000 &&
               published.waitForReadyRead(2000))
            reply += published.readAll();
        QCOMPARE(victim.connections(), 0);
        QVERIFY2(!reply.startsWith("HTTP/1.1 200"), reply.constData());
        published.abort();

        QFile::remove(socket);
        QVERIFY(QFile::rename(socket + QStringLiteral(".real"), socket));
        QCOMPARE(finish(engine->disable(id)), QString());
    }
};

QTEST_GUILESS_MAIN(TestRunFolder)
#include "tst_runfolder.moc"
