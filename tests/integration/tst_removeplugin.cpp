// plugin rm [-f] end to end: a disabled plugin removed with its folder, inventory entry and the blobs nobody else
// refers to (shared ones kept); an enabled plugin refused without -f with the store byte-identical, and with -f
// disabled first through the runtime with nothing left (container, monitor, mount, socket, link); a symbolic
// link in the rootfs is removed, never followed; plugdeskctl rm of several names with one missing; RemovePlugin
// through plugdesk-helper on a private bus.
#include "common/enginewait.h"
#include "common/pluginfixture.h"
#include "common/privatebus.h"
#include "common/testutil.h"
#include "core/engine/createplugin.h"
#include "core/engine/localengine.h"
#include "core/helper/helperengine.h"
#include "core/helper/helperprotocol.h"
#include "core/runtime/monitorlauncher.h"
#include "core/runtime/pluginmonitor.h"
#include "core/runtime/runcruntime.h"
#include "core/runtime/runlayout.h"
#include "core/runtime/socketpublisher.h"
#include "core/store/blobstore.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;

using namespace core;

namespace {

const QString kPluginBinary = QStringLiteral(TEST_PLUGIN_BINARY);

QString mountinfo()
{
    QFile file(QStringLiteral("/proc/self/mountinfo"));
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

bool writePluginFolder(const QString &folder, const QByteArray &marker)
{
    const QByteArray config = R"({"description": "rm test", "entrypoint": ["/plugin"],
        "interface": {"types": ["docker.volumedriver/1.0"], "socket": "rm.sock"}})";
    return testutil::writeFile(folder + u"/config.json"_s, config) &&
           testutil::writeFile(folder + u"/rootfs/plugin"_s, "#!/bin/sh\necho " + marker + "\n");
}

struct JobOutcome
{
    std::optional<Error> error;
    QString result;
};

JobOutcome finish(Job *job)
{
    job->waitForFinished();
    JobOutcome outcome{job->error(), job->result().toString()};
    delete job;
    return outcome;
}

} // namespace

class TestRemovePlugin : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QStringList m_ids;

    QString storeRoot() const { return m_dir->path() + QStringLiteral("/store"); }
    QString runRoot() const { return m_dir->path() + QStringLiteral("/run"); }
    Store store() const { return Store(storeRoot()); }
    RunLayout layout() const { return RunLayout(runRoot()); }

    std::unique_ptr<LocalEngine> newEngine() const
    {
        return std::make_unique<LocalEngine>(LocalEngine::Options{storeRoot(), runRoot(), false});
    }

    Plugin create(const QString &name, const QString &folder)
    {
        auto plugin = createPlugin(store(), name, folder, nullptr);
        if (!plugin)
            qFatal("%s", qPrintable(plugin.error().message));
        m_ids.append(plugin->id);
        return *plugin;
    }

    QStringList blobsOf(const Plugin &plugin) const
    {
        return plugin.blobsums + QStringList{plugin.configDigest, plugin.manifestDigest};
    }

    bool hasBlob(const QString &digest) const { return BlobStore(store().blobsDir()).contains(digest); }

private Q_SLOTS:
    void initTestCase() { qputenv("PLUGDESK_MONITOR", QByteArray(PLUGDESK_MONITOR_BINARY)); }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/pdrm-XXXXXX"));
        QVERIFY(m_dir->isValid());
        m_ids.clear();
        qputenv("PLUGDESK_DOCKER_PLUGINS_DIR", (m_dir->path() + u"/docker-plugins"_s).toLocal8Bit());
    }

    // Runs even when a test failed: no monitor, container or mount may outlive the test.
    void cleanup()
    {
        // Without runc there is nothing to stop.
        if (!RuncRuntime::findRunc().isEmpty()) {
            for (const QString &id : std::as_const(m_ids))
                testutil::stopTestPlugin(runRoot(), id);
        }
        RuncRuntime::releaseMountsUnder(m_dir->path());
        m_dir.reset();
    }

    void disabledPluginIsRemovedSharedBlobsKept()
    {
        const QString shared = m_dir->path() + u"/shared"_s;
        const QString other = m_dir->path() + u"/other"_s;
        QVERIFY(writePluginFolder(shared, "shared"));
        QVERIFY(writePluginFolder(other, "other"));
        const Plugin first = create(u"acme/first"_s, shared);
        const Plugin second = create(u"acme/second:2.0"_s, shared);
        const Plugin third = create(u"acme/third"_s, other);
        // The same folder makes the same layer: the two plugins share their blobs.
        QCOMPARE(second.blobsums, first.blobsums);
        QVERIFY(third.blobsums != first.blobsums);
        // A link out of the plugin's folder: removing the plugin removes the link, never what it points at.
        const QString outside = m_dir->path() + u"/outside"_s;
        QVERIFY(testutil::writeFile(outside + u"/keep.txt"_s, "keep"));
        QVERIFY(QFile::link(outside, store().rootfsDir(third.id) + u"/escape"_s));
        QVERIFY(QFile::link(outside + u"/keep.txt"_s, store().rootfsDir(third.id) + u"/escape-file"_s));

        auto engine = newEngine();
        QSignalSpy removed(engine.get(), &Engine::pluginRemoved);
        JobOutcome outcome = finish(engine->remove(u"acme/third"_s));
        QVERIFY2(!outcome.error, qPrintable(outcome.error ? outcome.error->message : QString()));
        QCOMPARE(outcome.result, QStringLiteral("acme/third:latest"));
        QVERIFY(!QFileInfo::exists(store().pluginDir(third.id)));
        QVERIFY(!QFileInfo::exists(store().pluginDir(third.id) + u"-removing"_s));
        QCOMPARE(testutil::readFile(outside + u"/keep.txt"_s), QByteArray("keep"));
        for (const QString &digest : blobsOf(third))
            QVERIFY2(!hasBlob(digest), qPrintable(digest));
        QTRY_COMPARE(removed.size(), 1);
        QCOMPARE(removed.first().first().toString(), third.id);

        outcome = finish(engine->remove(first.id.left(12)));
        QVERIFY2(!outcome.error, qPrintable(outcome.error ? outcome.error->message : QString()));
        QCOMPARE(outcome.result, QStringLiteral("acme/first:latest"));
        for (const QString &digest : blobsOf(second))
            QVERIFY2(hasBlob(digest), qPrintable(u"shared blob collected: "_s + digest));
        auto inventory = store().load();
        QVERIFY(inventory.ok());
        QCOMPARE(inventory->plugins.size(), 1);
        QCOMPARE(inventory->plugins.first().id, second.id);
        QVERIFY(QFileInfo::exists(store().rootfsDir(second.id) + u"/plugin"_s));

        outcome = finish(engine->remove(u"acme/second:2.0"_s));
        QVERIFY(!outcome.error);
        for (const QString &digest : blobsOf(second))
            QVERIFY(!hasBlob(digest));
        QVERIFY(store().load()->plugins.isEmpty());
        const QStringList left = QDir(store().pluginsDir()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
        QCOMPARE(left, QStringList{u"plugins.json"_s});
    }

    void leftoverOfACrashIsSweptWithoutFollowingLinks()
    {
        // A remove that died after the rename: the next engine start deletes `<id>-removing` (Store::sweep, which
        // uses QDir::removeRecursively: links are removed, not followed).
        const QString folder = m_dir->path() + u"/crashed"_s;
        QVERIFY(writePluginFolder(folder, "crashed"));
        const Plugin plugin = create(u"acme/crashed"_s, folder);
        const QString outside = m_dir->path() + u"/outside"_s;
        QVERIFY(testutil::writeFile(outside + u"/keep.txt"_s, "keep"));
        QVERIFY(QFile::link(outside, store().rootfsDir(plugin.id) + u"/escape"_s));
        QVERIFY(QFile::link(outside + u"/keep.txt"_s, store().rootfsDir(plugin.id) + u"/escape-file"_s));
        const QString removing = store().pluginDir(plugin.id) + u"-removing"_s;
        QVERIFY(QDir().rename(store().pluginDir(plugin.id), removing));
        QVERIFY(store().save({}).ok());

        auto engine = newEngine();
        QVERIFY(!QFileInfo::exists(removing));
        QCOMPARE(testutil::readFile(outside + u"/keep.txt"_s), QByteArray("keep"));
        QVERIFY(engine->plugins()->plugins.isEmpty());
    }

    void missingPluginIsNotFound()
    {
        auto engine = newEngine();
        const JobOutcome outcome = finish(engine->remove(u"x"_s));
        QVERIFY(outcome.error.has_value());
        QCOMPARE(outcome.error->code, ErrorCode::NotFound);
        QCOMPARE(outcome.error->message, QStringLiteral("plugin \"x\" not found"));
    }

    void enabledPluginNeedsForce()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: runc creates namespaces and mounts");
        if (RuncRuntime::findRunc().isEmpty())
            QSKIP("runc is not installed (apt-get install runc)");
        const QString id = QStringLiteral("f0ce11aa22bb");
        m_ids.append(id);
        QVERIFY(testutil::writeTestPlugins(
            storeRoot(), kPluginBinary,
            {testutil::makeTestPlugin({id, u"acme/testvol"_s, u"latest"_s, {}, {}, {}, QStringLiteral("/vols")})}));
        auto engine = newEngine();
        JobOutcome outcome = finish(engine->enable(u"acme/testvol"_s, 20));
        QVERIFY2(!outcome.error, qPrintable(outcome.error ? outcome.error->message : QString()));
        QVERIFY2(mountinfo().contains(storeRoot()), "the propagated mount is there while the plugin runs");
        const QString link = m_dir->path() + u"/docker-plugins/acme-testvol.sock"_s;
        // The published socket is the monitor's proxy (volumes issue), served while the plugin runs.
        QTRY_VERIFY_WITH_TIMEOUT(core::SocketPublisher::isSocket(link), 5000);

        const auto before = testutil::snapshot(storeRoot());
        outcome = finish(engine->remove(u"acme/testvol"_s));
        QVERIFY(outcome.error.has_value());
        QCOMPARE(outcome.error->code, ErrorCode::Conflict);
        QCOMPARE(outcome.error->message, QStringLiteral("plugin acme/testvol:latest is enabled"));
        QCOMPARE(testutil::snapshot(storeRoot()), before);
        QVERIFY(MonitorLauncher::lockHolder(layout().lockPath(id)) != 0);

        outcome = finish(engine->remove(u"acme/testvol"_s, true));
        QVERIFY2(!outcome.error, qPrintable(outcome.error ? outcome.error->message : QString()));
        QCOMPARE(outcome.result, QStringLiteral("acme/testvol:latest"));
        QCOMPARE(MonitorLauncher::lockHolder(layout().lockPath(id)), 0);
        auto containers = RuncRuntime(runRoot()).list();
        QVERIFY(containers.ok());
        QVERIFY2(!containers->contains(id), qPrintable(containers->join(QLatin1Char(' '))));
        QVERIFY2(!mountinfo().contains(m_dir->path()), qPrintable(mountinfo()));
        QVERIFY(!QFileInfo::exists(layout().socketPath(id, u"testvol.sock"_s)));
        QVERIFY(!QFileInfo::exists(link) && !QFileInfo(link).isSymLink());
        QVERIFY(!QFileInfo::exists(store().pluginDir(id)));
        QVERIFY(!QFileInfo::exists(layout().stateDir(id)));
        QVERIFY(store().load()->plugins.isEmpty());
    }

    void plugdeskctlRemovesSeveral()
    {
        const QString folder = m_dir->path() + u"/cli"_s;
        QVERIFY(writePluginFolder(folder, "cli"));
        const Plugin one = create(u"acme/one"_s, folder);
        const Plugin two = create(u"acme/two"_s, folder);
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"LC_ALL"_s, u"C"_s);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(PLUGDESKCTL), {u"--root"_s, storeRoot(), u"--run"_s, runRoot(), u"plugin"_s,
                                                    u"rm"_s, u"acme/one"_s, u"missing"_s, u"acme/two"_s});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 1);
        QCOMPARE(QString::fromUtf8(process.readAllStandardOutput()), QStringLiteral("acme/one\nacme/two\n"));
        QCOMPARE(QString::fromUtf8(process.readAllStandardError()),
                 QStringLiteral("Error: plugin \"missing\" not found\n"));
        QVERIFY(store().load()->plugins.isEmpty());
        QVERIFY(!QFileInfo::exists(store().pluginDir(one.id)));
        QVERIFY(!QFileInfo::exists(store().pluginDir(two.id)));

        // `remove` is the alias, -f the flag; a missing name alone exits 1.
        process.start(QStringLiteral(PLUGDESKCTL),
                      {u"--root"_s, storeRoot(), u"plugin"_s, u"remove"_s, u"-f"_s, u"acme/one"_s});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 1);
        QCOMPARE(QString::fromUtf8(process.readAllStandardError()),
                 QStringLiteral("Error: plugin \"acme/one\" not found\n"));
    }

    void removeThroughTheHelper()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: the helper's name is root's on the bus");
        const QString folder = m_dir->path() + u"/helper"_s;
        QVERIFY(writePluginFolder(folder, "helper"));
        const Plugin plugin = create(u"acme/viahelper"_s, folder);
        testutil::PrivateBus bus;
        const QString why = bus.start(m_dir->path());
        QVERIFY2(why.isEmpty(), qPrintable(why));
        testutil::HelperProcess helper;
        QVERIFY(helper.start(QStringLiteral(PLUGDESK_HELPER), bus.address(), storeRoot(), runRoot()));
        {
            HelperEngine engine({bus.address(), {}});
            QCOMPARE(testutil::ready(engine), QString());
            JobOutcome outcome = finish(engine.remove(u"acme/viahelper"_s, false));
            QVERIFY2(!outcome.error, qPrintable(outcome.error ? outcome.error->message : QString()));
            QCOMPARE(outcome.result, QStringLiteral("acme/viahelper:latest"));
            outcome = finish(engine.remove(u"acme/viahelper"_s, false));
            QVERIFY(outcome.error.has_value());
            QCOMPARE(outcome.error->code, ErrorCode::NotFound);
            QCOMPARE(outcome.error->message, QStringLiteral("plugin \"acme/viahelper\" not found"));
        }
        QVERIFY(store().load()->plugins.isEmpty());
        QVERIFY(!QFileInfo::exists(store().pluginDir(plugin.id)));
        for (const QString &digest : blobsOf(plugin))
            QVERIFY(!hasBlob(digest));
    }
};

QTEST_GUILESS_MAIN(TestRemovePlugin)
#include "tst_removeplugin.moc"
