// Issue 10, item 7: published socket names collide. "acme/vol", "acme-vol" and "acme:vol" all publish
// acme-vol.sock for other engines; whoever starts first would win, and the proxy used to delete any socket of that
// name nobody served, another program's included. Through the engine with real runc and the static test plugin
// (no bus is involved):
// - create, import with an alias, and enable refuse a name whose socket another plugin publishes, naming it, and
//   leave the store byte-identical;
// - another program's socket of that name (not served at the moment: the program is restarting) survives a
//   plugin's enable and disable with the same inode.
#include "common/pluginfixture.h"
#include "common/testutil.h"
#include "core/engine/engine.h"
#include "core/engine/localengine.h"
#include "core/runtime/monitorlauncher.h"
#include "core/runtime/pluginmonitor.h"
#include "core/runtime/runcruntime.h"
#include "core/runtime/runlayout.h"
#include "core/store/store.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace {

const QString kPluginBinary = QStringLiteral(TEST_PLUGIN_BINARY);
const QString kMonitorBinary = QStringLiteral(PLUGDESK_MONITOR_BINARY);

// Binds a unix socket at `path` and closes it: the file stays, nobody serves it. 0 on failure, else its inode.
quint64 foreignSocket(const QString &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray native = QFile::encodeName(path);
    memcpy(address.sun_path, native.constData(), size_t(native.size()));
    const bool bound = fd >= 0 && ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    if (fd >= 0)
        ::close(fd);
    struct stat st
    {};
    return bound && ::lstat(native.constData(), &st) == 0 && S_ISSOCK(st.st_mode) ? quint64(st.st_ino) : 0;
}

quint64 inodeOf(const QString &path)
{
    struct stat st
    {};
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 ? quint64(st.st_ino) : 0;
}

} // namespace

class TestPublishedSockets : public QObject, private testutil::RuntimeFolders
{
    Q_OBJECT

private:
    QString published() const { return publishDir() + QStringLiteral("/acme-vol.sock"); }

    static QString finish(core::Job *job)
    {
        job->waitForFinished();
        return job->error() ? job->error()->message : QString();
    }

    // Plugins written into the store by hand, as a store from before the check would hold them.
    void writePlugins(const QList<QPair<QString, QString>> &idsAndRepositories)
    {
        QList<core::Plugin> plugins;
        for (const auto &[id, repository] : idsAndRepositories) {
            testutil::TestPluginSpec spec;
            spec.id = id;
            spec.repository = repository.section(QLatin1Char(':'), 0, 0);
            if (repository.contains(QLatin1Char(':')))
                spec.tag = repository.section(QLatin1Char(':'), 1);
            spec.propagatedMount = QStringLiteral("/vols");
            plugins.append(testutil::makeTestPlugin(spec));
            m_ids.append(id);
        }
        QVERIFY(testutil::writeTestPlugins(storeRoot(), kPluginBinary, plugins));
    }

private Q_SLOTS:
    void initTestCase()
    {
        PLUGDESK_REQUIRE_TEST_RUNTIME();
        qputenv("PLUGDESK_MONITOR", kMonitorBinary.toLocal8Bit());
    }

    void init()
    {
        QVERIFY(openRuntimeFolder(QStringLiteral("/tmp/pdpub-XXXXXX")));
        QVERIFY(QDir().mkpath(publishDir()));
    }

    void cleanup() { closeRuntimeFolder(); }

    // create and import --alias: a second name for acme-vol.sock is refused before anything is written.
    void collidingNamesRefusedAtCreateAndImport()
    {
        const QString folder = m_dir->path() + QStringLiteral("/plugin-folder");
        QVERIFY(testutil::writeTestPluginFolder(folder, kPluginBinary));
        auto engine = newEngine();
        QCOMPARE(finish(engine->create(QStringLiteral("acme/vol"), folder)), QString());
        const QString bundle = m_dir->path() + QStringLiteral("/acme-vol.zip");
        QCOMPARE(finish(engine->exportPlugin(QStringLiteral("acme/vol"), bundle)), QString());
        core::Job *read = engine->bundlePrivileges(bundle);
        QCOMPARE(finish(read), QString());
        const core::BundleInfo info = read->result().value<core::BundleInfo>();
        const auto before = testutil::snapshot(storeRoot());

        for (const QString &name : {QStringLiteral("acme-vol"), QStringLiteral("acme:vol")}) {
            const QString error = finish(engine->create(name, folder));
            QVERIFY2(!error.isEmpty(), qPrintable(name + QStringLiteral(" was created")));
            QVERIFY2(error.contains(QStringLiteral("acme/vol:latest")), qPrintable(error));
            QVERIFY2(error.contains(QStringLiteral("acme-vol.sock")), qPrintable(error));
        }
        const QString error = finish(
            engine->importPlugin(bundle, info.privileges, core::InstallOptions{QStringLiteral("acme-vol"), true, {}}));
        QVERIFY2(!error.isEmpty(), "imported as acme-vol");
        QVERIFY2(error.contains(QStringLiteral("acme/vol:latest")), qPrintable(error));
        QCOMPARE(testutil::snapshot(storeRoot()), before);
        QCOMPARE(engine->plugins()->plugins.size(), 1);
    }

    // A store that already holds both names: the second enable is refused, naming the first, and starts nothing.
    void collidingNameRefusedAtEnable()
    {
        const QString first = QStringLiteral("aaa111bbb222");
        const QString second = QStringLiteral("ccc333ddd444");
        writePlugins({{first, QStringLiteral("acme/vol")}, {second, QStringLiteral("acme-vol")}});
        auto engine = newEngine();
        QCOMPARE(finish(engine->enable(first, 20)), QString());
        const quint64 ours = inodeOf(published());
        QVERIFY(ours != 0);

        const QString error = finish(engine->enable(second, 20));
        QVERIFY2(!error.isEmpty(), "the second plugin publishing acme-vol.sock was enabled");
        QVERIFY2(error.contains(QStringLiteral("acme/vol:latest")), qPrintable(error));
        QVERIFY(!engine->plugin(second)->enabled);
        QCOMPARE(core::MonitorLauncher::lockHolder(core::RunLayout(runRoot()).lockPath(second)), qint64(0));
        QCOMPARE(inodeOf(published()), ours);
        QCOMPARE(finish(engine->disable(first)), QString());
    }

    // Another program's socket named acme-vol.sock, not served right now: never Plugdesk's to delete or replace.
    void foreignSocketLeftAlone()
    {
        const QString id = QStringLiteral("eee555fff666");
        writePlugins({{id, QStringLiteral("acme/vol")}});
        const quint64 foreign = foreignSocket(published());
        QVERIFY(foreign != 0);
        auto engine = newEngine();
        // Publishing is a courtesy to other engines: the plugin runs, unpublished.
        QCOMPARE(finish(engine->enable(id, 20)), QString());
        QTest::qWait(500); // the monitor starts its proxy after the plugin
        QCOMPARE(inodeOf(published()), foreign);
        QCOMPARE(engine->runtimeState(id)->publishedSocketPath, QString());
        QCOMPARE(finish(engine->disable(id)), QString());
        QCOMPARE(inodeOf(published()), foreign);

        // Killed monitor: the clean-up after it removes only what Plugdesk published.
        QCOMPARE(finish(engine->enable(id, 20)), QString());
        testutil::stopTestPlugin(runRoot(), id, storeRoot());
        QCOMPARE(finish(engine->disable(id, true)), QString());
        QCOMPARE(inodeOf(published()), foreign);
    }

    // What Plugdesk did publish is still cleaned up after a killed monitor: the record names its inode.
    void ownLeftoverRemoved()
    {
        const QString id = QStringLiteral("abc123def456");
        writePlugins({{id, QStringLiteral("acme/vol")}});
        auto engine = newEngine();
        QCOMPARE(finish(engine->enable(id, 20)), QString());
        QTRY_VERIFY_WITH_TIMEOUT(inodeOf(published()) != 0, 5000);
        testutil::stopTestPlugin(runRoot(), id, storeRoot());
        QVERIFY(inodeOf(published()) != 0); // nobody serves it any longer
        QCOMPARE(finish(engine->disable(id, true)), QString());
        QCOMPARE(inodeOf(published()), quint64(0));
    }
};

QTEST_GUILESS_MAIN(TestPublishedSockets)
#include "tst_publishedsockets.moc"
