// Faults from the outside (issue 11, item 3), each with real parts: a size-limited tmpfs as the store (a full disk
// during an install and during the inventory write), a loopback registry that stops sending mid-blob and keeps the
// connection open, a plugin under runc that never answers /Plugin.Activate, and one that writes 1 GB to stdout.
// After every fault the store (and any plugin that ran) is as it was, and the error names what failed.
#include "common/pluginfixture.h"
#include "common/testhttpserver.h"
#include "common/testutil.h"
#include "core/engine/createplugin.h"
#include "core/engine/localengine.h"
#include "core/plugin/manifest.h"
#include "core/runtime/monitorlauncher.h"
#include "core/runtime/pluginhttpclient.h"
#include "core/runtime/runcruntime.h"
#include "core/volume/volume.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>
#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <sys/mount.h>
#include <sys/statvfs.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace core;
using testutil::HttpReply;
using testutil::httpReply;
using testutil::HttpRequest;
using testutil::TestHttpServer;

namespace {

const QString kPluginBinary = QStringLiteral(TEST_PLUGIN_BINARY);
const QString kMonitorBinary = QStringLiteral(PLUGDESK_MONITOR_BINARY);
const InstallOptions kDisabled{{}, true, {}};

QByteArray configJson()
{
    const QJsonObject config{
        {u"description"_s, u"fault test plugin"_s},
        {u"interface"_s,
         QJsonObject{{u"types"_s, QJsonArray{u"docker.volumedriver/1.0"_s}}, {u"socket"_s, u"tv.sock"_s}}},
        {u"entrypoint"_s, QJsonArray{u"/plugin"_s}},
        {u"network"_s, QJsonObject{{u"type"_s, u""_s}}},
        {u"env"_s, QJsonArray{QJsonObject{
                       {u"name"_s, u"DEBUG"_s}, {u"value"_s, u"0"_s}, {u"settable"_s, QJsonArray{u"value"_s}}}}},
    };
    return QJsonDocument(config).toJson(QJsonDocument::Compact);
}

// One regular file in a gzip'd tar (gzip cannot shrink random bytes, so the layer is as big as `data`).
QByteArray layerWith(const QByteArray &name, const QByteArray &data)
{
    QByteArray out;
    archive *a = archive_write_new();
    archive_write_set_format_pax(a);
    archive_write_add_filter_gzip(a);
    archive_write_set_bytes_in_last_block(a, 1);
    archive_write_open(
        a, &out, nullptr,
        [](archive *, void *client, const void *buffer, size_t length) -> la_ssize_t {
            static_cast<QByteArray *>(client)->append(static_cast<const char *>(buffer), qsizetype(length));
            return la_ssize_t(length);
        },
        nullptr);
    archive_entry *entry = archive_entry_new();
    archive_entry_set_pathname(entry, name.constData());
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_perm(entry, 0755);
    archive_entry_set_size(entry, data.size());
    archive_write_header(a, entry);
    archive_write_data(a, data.constData(), size_t(data.size()));
    archive_entry_free(entry);
    archive_write_close(a);
    archive_write_free(a);
    return out;
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), size / 4);
    return bytes;
}

// A registry on loopback serving plugins by repository ("/v2/<repository>/manifests/<tag>", any tag). A blob listed
// in `stalling` gets its headers and its first half, then nothing more while the connection stays open.
class FakeRegistry
{
public:
    FakeRegistry()
        : m_server([this](const HttpRequest &request) { return answer(request); })
    {}

    QString authority() const { return m_server.authority(); }

    void add(const QString &repository, const QByteArray &layer)
    {
        const QByteArray config = configJson();
        const QString layerDigest = Manifest::digestOf(layer);
        m_blobs.insert(Manifest::digestOf(config), config);
        m_blobs.insert(layerDigest, layer);
        m_manifests.insert(repository,
                           pluginManifest(Manifest::digestOf(config), config.size(), {layerDigest}, {layer.size()}));
        m_layerOf.insert(repository, layerDigest);
    }
    QString layerDigest(const QString &repository) const { return m_layerOf.value(repository); }
    QSet<QString> stalling;

private:
    HttpReply answer(const HttpRequest &request)
    {
        const QString path = request.url.path();
        if (path == u"/v2/"_s)
            return httpReply(200, "{}");
        for (auto it = m_manifests.constBegin(); it != m_manifests.constEnd(); ++it) {
            if (path.startsWith(u"/v2/"_s + it.key() + u"/manifests/"_s))
                return httpReply(200, it.value(),
                                 {{"Content-Type", Manifest::DockerManifest.toUtf8()},
                                  {"Docker-Content-Digest", Manifest::digestOf(it.value()).toUtf8()}});
        }
        const QString digest = path.section(u'/', -1);
        if (!path.contains(u"/blobs/"_s) || !m_blobs.contains(digest))
            return httpReply(404, R"({"errors":[{"code":"BLOB_UNKNOWN"}]})");
        const QByteArray blob = m_blobs.value(digest);
        if (!stalling.contains(digest))
            return httpReply(200, blob);
        HttpReply reply =
            httpReply(200, blob.left(blob.size() / 2), {{"Content-Length", QByteArray::number(blob.size())}});
        reply.stallAfter = true;
        return reply;
    }

    TestHttpServer m_server;
    QHash<QString, QByteArray> m_blobs;
    QHash<QString, QByteArray> m_manifests;
    QHash<QString, QString> m_layerOf;
};

QString errorText(Job *job)
{
    return job->error() ? job->error()->message : QStringLiteral("(no error)");
}

Job *finished(Job *job)
{
    job->waitForFinished();
    return job;
}

// Every file under `root` whose name says it is a temp file of an atomic write.
QStringList tempFiles(const QString &root)
{
    QStringList found;
    QDirIterator it(root, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (it.fileName().contains(u".tmp-"_s))
            found.append(path);
    }
    return found;
}

qint64 statusField(qint64 pid, const QByteArray &field)
{
    QFile file(QStringLiteral("/proc/%1/status").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (line.startsWith(QByteArray(field + ':')))
            return line.mid(field.size() + 1).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

} // namespace

class TestFaults : public QObject, private testutil::RuntimeFolders
{
    Q_OBJECT

private:
    QString m_tmpfs; // mounted while a disk-full test runs

    // A tmpfs of `size` ("4m") at a new folder; the store goes in its "store" folder.
    bool mountTmpfs(const QString &size)
    {
        m_tmpfs = m_dir->path() + u"/small"_s;
        QDir().mkpath(m_tmpfs);
        const QByteArray options = "size=" + size.toLatin1() + ",mode=0700";
        if (::mount("tmpfs", QFile::encodeName(m_tmpfs).constData(), "tmpfs", 0, options.constData()) != 0) {
            qWarning("mount tmpfs: %s", std::strerror(errno));
            m_tmpfs.clear();
            return false;
        }
        return true;
    }
    bool resizeTmpfs(const QString &size)
    {
        const QByteArray options = "size=" + size.toLatin1() + ",mode=0700";
        return ::mount("tmpfs", QFile::encodeName(m_tmpfs).constData(), "tmpfs", MS_REMOUNT, options.constData()) == 0;
    }
    // Fills the tmpfs with a file outside the store until the disk is full: every byte of a new file fails.
    QString fillTmpfs()
    {
        const QString filler = m_tmpfs + u"/filler"_s;
        QFile file(filler);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
            return {};
        const QByteArray block(4096, 'f');
        while (file.write(block) == block.size()) {
        }
        // The last partial block may have fit; a byte at a time until nothing does.
        while (file.write("f", 1) == 1) {
        }
        return filler;
    }

    void install(const QList<testutil::TestPluginSpec> &specs)
    {
        QList<core::Plugin> plugins;
        for (const auto &spec : specs) {
            plugins.append(testutil::makeTestPlugin(spec));
            m_ids.append(spec.id);
        }
        QVERIFY(testutil::writeTestPlugins(storeRoot(), kPluginBinary, plugins));
    }
    QStringList containers() const
    {
        auto ids = runtime().list();
        return ids ? *ids : QStringList{QStringLiteral("<runc list failed: %1>").arg(ids.error().message)};
    }
    QPair<int, QString> ctl(const QStringList &arguments, const QString &root) const
    {
        QProcess process;
        process.start(QStringLiteral(PLUGDESKCTL),
                      QStringList{QStringLiteral("--root"), root, QStringLiteral("--run"), runRoot()} + arguments);
        process.waitForFinished(60000);
        return {process.exitCode(),
                QString::fromUtf8(process.readAllStandardOutput() + process.readAllStandardError())};
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: tmpfs mounts, runc");
        QVERIFY(QFileInfo(kPluginBinary).isExecutable());
        QVERIFY(QFileInfo(kMonitorBinary).isExecutable());
        qputenv("PLUGDESK_MONITOR", kMonitorBinary.toLocal8Bit());
        qputenv("DOCKER_CONFIG", "/nonexistent-plugdesk-faults");
    }

    void init() { QVERIFY(openRuntimeFolder(QStringLiteral("/tmp/pdft-XXXXXX"))); }

    void cleanup()
    {
        if (!m_tmpfs.isEmpty())
            ::umount2(QFile::encodeName(m_tmpfs).constData(), MNT_DETACH);
        m_tmpfs.clear();
        closeRuntimeFolder();
        qunsetenv("PLUGDESK_REGISTRY_TIMEOUT_MS");
        qunsetenv("PLUGDESK_LOG_MAX_BYTES");
        qunsetenv("PLUGDESK_STORE_RESERVE_BYTES");
    }

    // A plugin bigger than the free space: the install fails saying the disk is full and where, the store is
    // byte-identical to before (no staging, blob or plugin folder left), and with more room the same install works.
    void diskFullDuringInstall()
    {
        // 6 MB of layer fit in 8 MB, so the check of the declared sizes lets it through; the blob and the rootfs it
        // unpacks to (12 MB) do not.
        qputenv("PLUGDESK_STORE_RESERVE_BYTES", "0");
        QVERIFY(mountTmpfs(u"8m"_s));
        FakeRegistry registry;
        registry.add(u"acme/small"_s, layerWith("plugin", "#!/bin/sh\n"));
        registry.add(u"acme/big"_s, layerWith("plugin", randomBytes(6 * 1024 * 1024)));
        const QString root = m_tmpfs + u"/store"_s;
        const Privileges none;
        {
            LocalEngine engine({root, runRoot(), false});
            Job *small = finished(engine.install(registry.authority() + u"/acme/small:1"_s, none, kDisabled));
            QVERIFY2(small->succeeded(), qPrintable(errorText(small)));
        }
        const auto before = testutil::snapshot(root);
        QVERIFY(before.contains(u"plugins/plugins.json"_s));

        // With a reserve (PLUGDESK_STORE_RESERVE_BYTES) the declared layer sizes are refused before a byte is pulled.
        LocalEngine engine({root, runRoot(), false});
        const QString remote = registry.authority() + u"/acme/big:1"_s;
        qputenv("PLUGDESK_STORE_RESERVE_BYTES", "4M");
        Job *job = finished(engine.install(remote, none, kDisabled));
        QVERIFY(job->error());
        QVERIFY2(job->error()->message.contains(u"not enough free space in "_s + root), qPrintable(errorText(job)));
        QCOMPARE(testutil::snapshot(root), before);

        // Without one, the declared sizes fit but blob and rootfs together do not: a write meets ENOSPC.
        qputenv("PLUGDESK_STORE_RESERVE_BYTES", "0");
        job = finished(engine.install(remote, none, kDisabled));
        QVERIFY(job->error());
        QCOMPARE(job->error()->code, ErrorCode::Io);
        const QString message = job->error()->message;
        QVERIFY2(message.contains(u"no space left on device while writing "_s + root + u"/tmp/"_s),
                 qPrintable(message));
        QVERIFY2(message.contains(u"free some space on the file system mounted at "_s + m_tmpfs + u" and try again"_s),
                 qPrintable(message));
        QCOMPARE(testutil::snapshot(root), before);
        QCOMPARE(engine.plugins()->plugins.size(), 1);

        QVERIFY(resizeTmpfs(u"64m"_s));
        job = finished(engine.install(remote, none, kDisabled));
        QVERIFY2(job->succeeded(), qPrintable(errorText(job)));
        QCOMPARE(engine.plugins()->plugins.size(), 2);
        QVERIFY(tempFiles(root).isEmpty());
    }

    // The inventory write meets a full disk (`set`, and an install whose blobs fit but whose plugins.json does not):
    // the error names plugins.json's folder, plugins.json and the plugin's settings keep their old bytes, no temp
    // file is left, and once there is room again the same verb works.
    void diskFullDuringInventoryWrite()
    {
        qputenv("PLUGDESK_STORE_RESERVE_BYTES", "0");
        QVERIFY(mountTmpfs(u"4m"_s));
        FakeRegistry registry;
        registry.add(u"acme/small"_s, layerWith("plugin", "#!/bin/sh\n"));
        const QString root = m_tmpfs + u"/store"_s;
        const QString small = registry.authority() + u"/acme/small:1"_s;
        LocalEngine engine({root, runRoot(), false});
        Job *job = finished(engine.install(small, {}, kDisabled));
        QVERIFY2(job->succeeded(), qPrintable(errorText(job)));
        const QString inventory = engine.store().inventoryPath();
        const QByteArray inventoryBefore = testutil::readFile(inventory);
        const auto before = testutil::snapshot(root);

        const QString filler = fillTmpfs();
        QVERIFY(!filler.isEmpty());
        struct statvfs fs
        {};
        QVERIFY(::statvfs(QFile::encodeName(m_tmpfs).constData(), &fs) == 0);
        QVERIFY2(fs.f_bavail == 0, qPrintable(QString::number(fs.f_bavail)));

        job = finished(engine.set(small, {u"DEBUG=1"_s}));
        QVERIFY(job->error());
        QCOMPARE(job->error()->code, ErrorCode::Io);
        QVERIFY2(job->error()->message.contains(u"no space left on device while writing "_s + root + u"/plugins/"_s),
                 qPrintable(errorText(job)));
        QCOMPARE(testutil::snapshot(root), before);
        QCOMPARE(testutil::readFile(inventory), inventoryBefore);
        QVERIFY(QJsonDocument::fromJson(inventoryBefore).isObject());
        QCOMPARE(engine.plugin(small)->settings.env, QStringList{u"DEBUG=0"_s});

        // The command line says the same.
        const auto refused = ctl({u"plugin"_s, u"set"_s, small, u"DEBUG=2"_s}, root);
        QCOMPARE(refused.first, 1);
        QVERIFY2(refused.second.startsWith(u"Error: "_s) && refused.second.contains(u"no space left on device"_s),
                 qPrintable(refused.second));
        QCOMPARE(testutil::snapshot(root), before);

        // An alias install of a plugin whose blobs are already in the store: refused before it writes, as the disk
        // has not the bytes its layer declares.
        job = finished(engine.install(small, {}, {u"alias/small"_s, true, {}}));
        QVERIFY(job->error());
        QVERIFY2(job->error()->message.contains(u"not enough free space in "_s + root), qPrintable(errorText(job)));
        QCOMPARE(testutil::snapshot(root), before);

        QVERIFY(QFile::remove(filler));
        job = finished(engine.set(small, {u"DEBUG=1"_s}));
        QVERIFY2(job->succeeded(), qPrintable(errorText(job)));
        QCOMPARE(engine.plugin(small)->settings.env, QStringList{u"DEBUG=1"_s});
        job = finished(engine.install(small, {}, {u"alias/small"_s, true, {}}));
        QVERIFY2(job->succeeded(), qPrintable(errorText(job)));
        QVERIFY(tempFiles(root).isEmpty());
    }

    // A registry that sends the headers and half a blob, then nothing, holding the connection open: the install
    // gives up after the idle time-out (PLUGDESK_REGISTRY_TIMEOUT_MS, once per try) saying the registry stopped
    // sending, naming the blob and the registry; the store is as it was.
    void registryStallsMidBlob()
    {
        qputenv("PLUGDESK_REGISTRY_TIMEOUT_MS", "1500");
        FakeRegistry registry;
        registry.add(u"acme/small"_s, layerWith("plugin", "#!/bin/sh\n"));
        registry.add(u"acme/stall"_s, layerWith("plugin", randomBytes(300000)));
        registry.stalling.insert(registry.layerDigest(u"acme/stall"_s));
        const QString root = storeRoot();
        LocalEngine engine({root, runRoot(), false});
        Job *small = finished(engine.install(registry.authority() + u"/acme/small:1"_s, {}, kDisabled));
        QVERIFY2(small->succeeded(), qPrintable(errorText(small)));
        const auto before = testutil::snapshot(root);

        QElapsedTimer timer;
        timer.start();
        Job *job = finished(engine.install(registry.authority() + u"/acme/stall:1"_s, {}, kDisabled));
        const qint64 elapsed = timer.elapsed();
        QVERIFY(job->error());
        QCOMPARE(job->error()->code, ErrorCode::Timeout);
        const QString message = job->error()->message;
        QVERIFY2(message.contains(u"cannot fetch blob "_s + registry.layerDigest(u"acme/stall"_s).mid(7, 12)),
                 qPrintable(message));
        QVERIFY2(message.contains(registry.authority() + u" stopped sending after "_s), qPrintable(message));
        QVERIFY2(message.contains(u"sent nothing more for 1.5 seconds after 3 tries"_s), qPrintable(message));
        // Three tries of 1.5 s each and the back-off between them (0.5 s, 1 s): well under the 30 s default.
        QVERIFY2(elapsed >= 3 * 1500 && elapsed < 15000, qPrintable(QString::number(elapsed)));
        QCOMPARE(testutil::snapshot(root), before);
    }

    // A plugin that accepts connections but never answers /Plugin.Activate: enable fails after its time-out with a
    // cause that says so, nothing of the plugin runs on (no container, no monitor), it stays disabled, a plugin that
    // was running keeps running, and listing volumes does not wait for it.
    void pluginNeverAnswersActivate()
    {
        PLUGDESK_REQUIRE_TEST_RUNTIME();
        const QString healthy = u"a1b2c3d4e5f6"_s;
        const QString silent = u"f6e5d4c3b2a1"_s;
        install({{healthy, u"acme/healthy"_s, u"latest"_s, {}, {}, {}, {}},
                 {silent, u"acme/silent"_s, u"latest"_s, {u"TEST_PLUGIN_MODE=hang-activate"_s}, {}, {}, {}}});
        auto engine = newEngine();
        Job *job = finished(engine->enable(healthy, 20));
        QVERIFY2(job->succeeded(), qPrintable(errorText(job)));
        const qint64 healthyPid = engine->runtimeState(healthy)->containerPid;
        const auto before = testutil::snapshot(storeRoot());

        QElapsedTimer timer;
        timer.start();
        job = finished(engine->enable(silent, 3));
        const qint64 elapsed = timer.elapsed();
        QVERIFY(job->error());
        QVERIFY2(elapsed >= 2500 && elapsed < 3000 + 5000, qPrintable(QString::number(elapsed)));
        const QString message = job->error()->message;
        QCOMPARE(job->error()->code, ErrorCode::Timeout);
        QVERIFY2(message.contains(u"did not answer /Plugin.Activate"_s), qPrintable(message));
        QVERIFY2(message.startsWith(u"acme/silent:latest started but did not activate: the plugin did not answer "_s),
                 qPrintable(message));
        QVERIFY(!engine->plugin(silent)->enabled);
        QCOMPARE(containers(), QStringList{healthy});
        QCOMPARE(core::MonitorLauncher::lockHolder(layout().lockPath(silent)), 0);
        // What runc adds to a rootfs the first time it starts it (empty mount points such as dev/ and proc/) aside,
        // the store is as it was.
        auto after = testutil::snapshot(storeRoot());
        for (auto it = after.begin(); it != after.end();) {
            if (!before.contains(it.key()) && it.key().startsWith(u"plugins/"_s + silent + u"/rootfs/"_s) &&
                it.value().endsWith(u" dir"_s))
                it = after.erase(it);
            else
                ++it;
        }
        QCOMPARE(after, before);

        timer.restart();
        job = finished(engine->volumes());
        QVERIFY2(job->succeeded(), qPrintable(errorText(job)));
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(core::VolumeList::fromVariant(job->result()).errors.isEmpty());
        QCOMPARE(engine->runtimeState(healthy)->containerPid, healthyPid);
        core::PluginHttpClient client(layout().socketPath(healthy, u"testvol.sock"_s));
        QCOMPARE(client.post(u"/Plugin.Activate"_s)->status, 200);
    }

    // A plugin that writes 1 GB to stdout: every byte goes through the monitor into a log that rotates within its
    // cap, the monitor's memory stays flat, the plugin still answers, and `plugin logs` shows the tail.
    void pluginFloodsStdout()
    {
        PLUGDESK_REQUIRE_TEST_RUNTIME();
        const qint64 flood = qEnvironmentVariableIntValue("PLUGDESK_FLOOD_BYTES") > 0
                                 ? qEnvironmentVariableIntValue("PLUGDESK_FLOOD_BYTES")
                                 : qint64(1) << 30;
        const qint64 cap = 1024 * 1024;
        qputenv("PLUGDESK_LOG_MAX_BYTES", QByteArray::number(cap));
        const QString id = u"f100d0000001"_s;
        install({{id,
                  u"acme/flood"_s,
                  u"latest"_s,
                  {u"TEST_PLUGIN_MODE=flood-stdout="_s + QString::number(flood)},
                  {},
                  {},
                  {}}});
        auto engine = newEngine();
        QElapsedTimer timer;
        timer.start();
        Job *job = finished(engine->enable(id, 20));
        QVERIFY2(job->succeeded(), qPrintable(errorText(job)));
        const QString done = u"testvolumeplugin: flooded "_s + QString::number(flood) + u" bytes to stdout"_s;
        auto flooded = [&] {
            auto tail = engine->logTail(id, 5);
            return tail && tail->join(u'\n').contains(done);
        };
        QTRY_VERIFY_WITH_TIMEOUT(flooded(), 120000);
        const qint64 seconds = timer.elapsed() / 1000;
        qInfo("%lld bytes through the monitor in %lld s", flood, seconds);

        const qint64 monitor = core::MonitorLauncher::lockHolder(layout().lockPath(id));
        QVERIFY(monitor > 0);
        const qint64 peakKiB = statusField(monitor, "VmHWM");
        qInfo("monitor VmHWM %lld KiB", peakKiB);
#ifdef PLUGDESK_SANITIZED
        // Under ASan freed memory waits in its quarantine (256 MB by default) and the shadow memory counts too: a
        // sanitized monitor's peak says nothing about the monitor (391 MB seen), so only the plain build checks it.
        QVERIFY(peakKiB > 0);
#else
        QVERIFY2(peakKiB > 0 && peakKiB < 64 * 1024, qPrintable(QString::number(peakKiB)));
#endif

        // The log and its rotations, each within the cap (plus the one line that crossed it).
        const QString log = layout().logPath(id);
        QStringList files{log, log + u".1"_s, log + u".2"_s};
        for (const QString &file : files) {
            QVERIFY2(QFileInfo::exists(file), qPrintable(file));
            QVERIFY2(QFileInfo(file).size() <= cap + 70 * 1024, qPrintable(file));
        }
        QVERIFY(!QFileInfo::exists(log + u".3"_s));

        core::PluginHttpClient client(layout().socketPath(id, u"testvol.sock"_s));
        client.setTimeoutMs(5000);
        auto answer = client.post(u"/VolumeDriver.List"_s);
        QVERIFY2(answer.ok(), answer.ok() ? "" : qPrintable(answer.error().message));
        QCOMPARE(answer->status, 200);
        QCOMPARE(core::MonitorLauncher::lockHolder(layout().lockPath(id)), monitor);

        const auto logs = ctl({u"plugin"_s, u"logs"_s, u"--tail"_s, u"3"_s, u"acme/flood"_s}, storeRoot());
        QCOMPARE(logs.first, 0);
        QCOMPARE(logs.second.count(u'\n'), 3);
        QVERIFY2(logs.second.contains(done), qPrintable(logs.second));
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
