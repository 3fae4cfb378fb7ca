// Offline bundles (docs/docker-compat.md §9 "Offline machines"), with real files, a real docker-registry, real runc as
// root and a private bus with the real plugdesk-helper: create from the test plugin folder -> export -> import into a
// second store under another name -> the same digests, rootfs and blobs, and a push from there; the imported plugin
// enables; every malformed bundle, a wrong approval and a taken name leave the store byte for byte and say which
// file and which entry; export refusals leave no file; plugdeskctl's texts; export and import through the helper,
// which writes and reads only through descriptors the caller opened.
#include "common/enginewait.h"
#include "common/pluginfixture.h"
#include "common/privatebus.h"
#include "common/testregistry.h"
#include "common/testutil.h"
#include "core/archive/bundleheader.h"
#include "core/engine/createplugin.h"
#include "core/engine/localengine.h"
#include "core/helper/helperengine.h"
#include "core/helper/helpermethods.h"
#include "core/helper/helperprotocol.h"
#include "core/plugin/manifest.h"
#include "core/registry/registryclient.h"
#include "core/runtime/monitorlauncher.h"
#include "core/runtime/pluginmonitor.h"
#include "core/runtime/runcruntime.h"
#include "core/runtime/runlayout.h"
#include "core/store/blobstore.h"

#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusUnixFileDescriptor>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <csignal>
#include <memory>
#include <optional>
#include <pwd.h>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

using namespace core;

Q_DECLARE_METATYPE(core::ErrorCode)

namespace {

const QString kPluginBinary = QStringLiteral(TEST_PLUGIN_BINARY);
const QString kSourceName = QStringLiteral("acme/testvol:latest");
const QString kPolicyTarget = QStringLiteral("/usr/share/polkit-1/actions/org.plugdesk.policy");
const QString kRulesTarget = QStringLiteral("/etc/polkit-1/rules.d/49-plugdesk-exportimport-test.rules");

using Entries = QList<QPair<QString, QByteArray>>;

Entries readZip(const QString &path)
{
    Entries entries;
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdUnzip))
        return entries;
    for (bool more = zip.goToFirstFile(); more; more = zip.goToNextFile()) {
        QuaZipFile file(&zip);
        file.open(QIODevice::ReadOnly);
        entries.append({zip.getCurrentFileName(), file.readAll()});
    }
    return entries;
}

bool writeZip(const QString &path, const Entries &entries)
{
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdCreate))
        return false;
    for (const auto &[name, data] : entries) {
        QuaZipFile file(&zip);
        if (!file.open(QIODevice::WriteOnly, QuaZipNewInfo(name)) || file.write(data) != data.size())
            return false;
        file.close();
    }
    zip.close();
    return zip.getZipError() == 0;
}

QByteArray entry(const Entries &entries, const QString &name)
{
    for (const auto &[entryName, data] : entries) {
        if (entryName == name)
            return data;
    }
    return {};
}

Entries replaced(Entries entries, const QString &name, const QByteArray &data)
{
    for (auto &[entryName, bytes] : entries) {
        if (entryName == name)
            bytes = data;
    }
    return entries;
}

Entries without(Entries entries, const QString &name)
{
    entries.removeIf([&](const QPair<QString, QByteArray> &e) { return e.first == name; });
    return entries;
}

// Entries with a new manifest, and a header that names it.
Entries withManifest(const Entries &entries, const QByteArray &manifest)
{
    QJsonObject header = QJsonDocument::fromJson(entry(entries, BundleHeader::headerEntry())).object();
    header.insert(QStringLiteral("Manifest"), Manifest::digestOf(manifest));
    return replaced(replaced(entries, BundleHeader::manifestEntry(), manifest), BundleHeader::headerEntry(),
                    QJsonDocument(header).toJson());
}

Job *finished(Job *job)
{
    job->waitForFinished();
    return job;
}

QString errorText(Job *job)
{
    return job->error() ? job->error()->message : QStringLiteral("(no error)");
}

// Files in a folder other than the ones named: a failed export leaves no temp file behind.
QStringList strays(const QString &folder, const QStringList &expected)
{
    QStringList found = QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &name : expected)
        found.removeAll(name);
    return found;
}

} // namespace

class TestExportImport : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int status = -1;
        QString out;
        QString err;
    };

    std::unique_ptr<QTemporaryDir> m_dir;
    testutil::TestRegistry m_registry;
    QString m_folder;   // the plugin folder made from the test plugin
    QString m_template; // a store holding acme/testvol:latest, created from the folder
    Plugin m_source;    // that plugin
    QString m_bundle;   // its bundle
    QString m_noLogins;

    QString path(const QString &name) const { return m_dir->filePath(name); }

    // A copy of the template store.
    QString freshStore(const QString &name) const
    {
        const QString root = path(QStringLiteral("stores/") + name);
        QDir(root).removeRecursively();
        if (!testutil::copyTree(m_template, root))
            qFatal("cannot copy the template store");
        return root;
    }

    Privileges sourcePrivileges() const { return Privileges::fromConfig(m_source.config); }

    Run ctl(const QStringList &arguments, const QByteArray &input = {}, const QString &storeRoot = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("PLUGDESK_ROOT"));
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        process.setProcessEnvironment(environment);
        const QStringList global = storeRoot.isEmpty()
                                       ? QStringList()
                                       : QStringList{QStringLiteral("--root"), storeRoot, QStringLiteral("--run"),
                                                     path(QStringLiteral("run"))};
        process.start(QStringLiteral(PLUGDESKCTL), global + arguments);
        process.write(input);
        process.closeWriteChannel();
        if (!process.waitForFinished(120000))
            qFatal("plugdeskctl did not finish");
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

private Q_SLOTS:
    void initTestCase()
    {
        // Short: runc's socket paths must stay under 108 bytes. Every user may traverse it (nobody runs below).
        m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/pdei-XXXXXX"));
        QVERIFY(m_dir->isValid());
        testutil::openForEveryone(m_dir->path());
        m_noLogins = path(QStringLiteral("no-logins"));
        QDir().mkpath(m_noLogins);
        qputenv("DOCKER_CONFIG", m_noLogins.toLocal8Bit());
        qputenv("PLUGDESK_LOCK_TIMEOUT", "5");
        qputenv("PLUGDESK_MONITOR", PLUGDESK_MONITOR_BINARY);
        qputenv("PLUGDESK_DOCKER_PLUGINS_DIR", path(QStringLiteral("docker-plugins")).toLocal8Bit());
        QString error;
        QVERIFY2(m_registry.start({}, &error), qPrintable(error));

        // The test volume plugin as a plugin folder: config.json and a rootfs with the static binary.
        m_folder = path(QStringLiteral("folder"));
        QVERIFY(testutil::writeFile(m_folder + QStringLiteral("/config.json"),
                                    R"({"description": "Plugdesk test volume plugin", "entrypoint": ["/plugin"],
                "interface": {"types": ["docker.volumedriver/1.0"], "socket": "testvol.sock"},
                "network": {"type": "host"},
                "env": [{"name": "VOLUME_ROOT", "settable": ["value"], "value": "/vols"},
                        {"name": "TOKEN", "settable": ["value"], "value": "public"}]})"));
        QVERIFY(QDir().mkpath(m_folder + QStringLiteral("/rootfs/run/docker/plugins")));
        QVERIFY(QDir().mkpath(m_folder + QStringLiteral("/rootfs/vols")));
        QVERIFY(QFile::copy(kPluginBinary, m_folder + QStringLiteral("/rootfs/plugin")));
        QVERIFY(testutil::writeFile(m_folder + QStringLiteral("/rootfs/etc/motd"), "offline\n"));
        ::symlink("../plugin", QFile::encodeName(m_folder + QStringLiteral("/rootfs/etc/link")).constData());

        m_template = path(QStringLiteral("template"));
        auto created = createPlugin(Store(m_template), QStringLiteral("acme/testvol"), m_folder, nullptr);
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));
        m_source = *created;

        m_bundle = path(QStringLiteral("testvol.zip"));
        LocalEngine engine({m_template, path(QStringLiteral("run")), false});
        Job *job = finished(engine.exportPlugin(kSourceName, m_bundle));
        QVERIFY2(job->succeeded(), qPrintable(errorText(job)));
    }

    // The bundle holds the manifest as stored and exactly the blobs it names.
    void bundleLayout()
    {
        const Entries entries = readZip(m_bundle);
        QStringList names;
        for (const auto &e : entries)
            names.append(e.first);
        const QStringList expected{BundleHeader::headerEntry(), BundleHeader::manifestEntry(),
                                   BundleHeader::blobEntry(m_source.configDigest),
                                   BundleHeader::blobEntry(m_source.blobsums.first())};
        QCOMPARE(names, expected);
        const BlobStore blobs(Store(m_template).blobsDir());
        QCOMPARE(entry(entries, BundleHeader::manifestEntry()), *blobs.read(m_source.manifestDigest, 1 << 22));
        QCOMPARE(entry(entries, BundleHeader::blobEntry(m_source.configDigest)),
                 *blobs.read(m_source.configDigest, 1 << 20));
        QCOMPARE(entry(entries, BundleHeader::blobEntry(m_source.blobsums.first())),
                 *blobs.read(m_source.blobsums.first(), 1 << 30));
        const QJsonObject header = QJsonDocument::fromJson(entry(entries, BundleHeader::headerEntry())).object();
        QCOMPARE(header.value(u"Format"_s).toString(), QStringLiteral("plugdesk-bundle"));
        QCOMPARE(header.value(u"Version"_s).toInt(), 1);
        QCOMPARE(header.value(u"Name"_s).toString(), kSourceName);
        QCOMPARE(header.value(u"Tag"_s).toString(), QStringLiteral("latest"));
        QCOMPARE(header.value(u"Manifest"_s).toString(), m_source.manifestDigest);
    }

    // create -> set -> export -> import elsewhere under an alias -> same plugin, no local settings carried, and a
    // push from the importing store reaches a real registry with the same manifest.
    void roundTrip()
    {
        const QString sourceRoot = freshStore(QStringLiteral("roundtrip-source"));
        LocalEngine source({sourceRoot, path(QStringLiteral("run")), false});
        // A local setting must not travel: a bundle is what a push sends.
        QVERIFY(source.applySettings(kSourceName, {QStringLiteral("TOKEN=secret-value")}, std::nullopt).ok());
        const QString file = path(QStringLiteral("out/roundtrip.zip"));
        QDir().mkpath(path(QStringLiteral("out")));
        QList<JobProgress> exportProgress;
        Job *exported = source.exportPlugin(QStringLiteral("acme/testvol"), file);
        connect(exported, &Job::progressed, this, [&](const JobProgress &p) { exportProgress.append(p); });
        finished(exported);
        QVERIFY2(exported->succeeded(), qPrintable(errorText(exported)));
        const QVariantMap result = exported->result().toMap();
        QCOMPARE(result.value(u"name"_s).toString(), kSourceName);
        QCOMPARE(result.value(u"file"_s).toString(), file);
        QCOMPARE(result.value(u"digest"_s).toString(), m_source.manifestDigest);
        QCOMPARE(result.value(u"size"_s).toLongLong(), QFileInfo(file).size());
        QCOMPARE(strays(path(QStringLiteral("out")), {QStringLiteral("roundtrip.zip")}), QStringList());
        QCOMPARE(QFileInfo(file).permissions() & 0x7777, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                             QFileDevice::ReadUser | QFileDevice::WriteUser |
                                                             QFileDevice::ReadGroup | QFileDevice::ReadOther);
        QVERIFY(!readZip(file).isEmpty());
        for (const Entries::value_type &e : readZip(file))
            QVERIFY2(!e.second.contains("secret-value"), qPrintable(e.first));
        QStringList phases;
        const QString layerItem = m_source.blobsums.first().mid(7, 12);
        for (const JobProgress &p : exportProgress) {
            if (p.item == layerItem && (phases.isEmpty() || phases.last() != p.phase))
                phases.append(p.phase);
        }
        QCOMPARE(phases, (QStringList{u"Preparing"_s, u"Exporting"_s, u"Exported"_s}));

        // The approval step reads only header, manifest and config.
        const QString target = path(QStringLiteral("stores/roundtrip-target"));
        LocalEngine engine({target, path(QStringLiteral("run")), false});
        Job *read = finished(engine.bundlePrivileges(file));
        QVERIFY2(read->succeeded(), qPrintable(errorText(read)));
        const BundleInfo info = read->result().value<BundleInfo>();
        QCOMPARE(info.name, kSourceName);
        QCOMPARE(info.manifestDigest, m_source.manifestDigest);
        QCOMPARE(info.config.description, QStringLiteral("Plugdesk test volume plugin"));
        QVERIFY(info.privileges.sameAs(sourcePrivileges()));
        QCOMPARE(info.privileges.promptLines(), QStringList{QStringLiteral(" - network: [host]")});

        const QString alias = m_registry.host() + QStringLiteral("/offline/testvol:1.0");
        QList<JobProgress> importProgress;
        Job *imported =
            engine.importPlugin(file, info.privileges, InstallOptions{alias, true, {u"VOLUME_ROOT=/data"_s}});
        connect(imported, &Job::progressed, this, [&](const JobProgress &p) { importProgress.append(p); });
        finished(imported);
        QVERIFY2(imported->succeeded(), qPrintable(errorText(imported)));
        QCOMPARE(imported->result().toString(), alias);

        auto plugin = engine.plugin(alias);
        QVERIFY2(plugin.ok(), plugin.ok() ? "" : qPrintable(plugin.error().message));
        QVERIFY(!plugin->enabled);
        QVERIFY(plugin->id != m_source.id);
        QCOMPARE(plugin->configDigest, m_source.configDigest);
        QCOMPARE(plugin->manifestDigest, m_source.manifestDigest);
        QCOMPARE(plugin->blobsums, m_source.blobsums);
        QCOMPARE(plugin->pluginReference, m_source.pluginReference);
        QCOMPARE(plugin->settings.env, (QStringList{u"VOLUME_ROOT=/data"_s, u"TOKEN=public"_s}));
        // Against the template's rootfs: copying a store for a test turns its symlinks into files.
        QCOMPARE(testutil::snapshot(engine.store().rootfsDir(plugin->id)),
                 testutil::snapshot(Store(m_template).rootfsDir(m_source.id)));
        const BlobStore blobs(engine.store().blobsDir());
        for (const QString &digest : m_source.blobsums + QStringList{m_source.configDigest, m_source.manifestDigest})
            QVERIFY2(blobs.contains(digest), qPrintable(digest));
        QVERIFY(QDir(engine.store().tmpDir()).isEmpty());
        phases.clear();
        for (const JobProgress &p : importProgress) {
            if (p.item == layerItem && (phases.isEmpty() || phases.last() != p.phase))
                phases.append(p.phase);
        }
        QCOMPARE(phases, (QStringList{u"Extracting"_s, u"Complete"_s}));

        // The blobs came along: the imported plugin pushes, with the very manifest that was exported.
        Job *pushed = finished(engine.push(alias));
        QVERIFY2(pushed->succeeded(), qPrintable(errorText(pushed)));
        QCOMPARE(pushed->result().toMap().value(u"digest"_s).toString(), m_source.manifestDigest);
        RegistryClient::Options options;
        options.credentialsDir = m_noLogins;
        RegistryClient client(options);
        std::optional<Result<Manifest>> manifest;
        QEventLoop loop;
        client.fetchManifest(*Reference::parse(alias), this, [&](Result<Manifest> fetched) {
            manifest.emplace(std::move(fetched));
            loop.quit();
        });
        if (!manifest) {
            QTimer::singleShot(60000, &loop, &QEventLoop::quit);
            loop.exec();
        }
        QVERIFY(manifest && manifest->ok());
        QCOMPARE((*manifest)->digest, m_source.manifestDigest);
        QCOMPARE((*manifest)->config.digest, m_source.configDigest);

        // And it exports again, byte for byte the same blobs.
        const QString again = path(QStringLiteral("out/again.zip"));
        Job *reexported = finished(engine.exportPlugin(alias, again));
        QVERIFY2(reexported->succeeded(), qPrintable(errorText(reexported)));
        const Entries first = readZip(file);
        const Entries second = readZip(again);
        QCOMPARE(entry(second, BundleHeader::manifestEntry()), entry(first, BundleHeader::manifestEntry()));
        QCOMPARE(entry(second, BundleHeader::blobEntry(m_source.blobsums.first())),
                 entry(first, BundleHeader::blobEntry(m_source.blobsums.first())));
        QCOMPARE(
            QJsonDocument::fromJson(entry(second, BundleHeader::headerEntry())).object().value(u"Name"_s).toString(),
            alias);
    }

    // As root with runc: an import without --disable ends with the plugin running.
    void importedPluginEnables()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: runc creates namespaces and mounts");
        if (RuncRuntime::findRunc().isEmpty())
            QSKIP("runc is not installed (apt-get install runc)");
        const QString root = path(QStringLiteral("stores/enable"));
        // Short: <run>/plugins/<64-hex id>/testvol.sock must fit the 108 bytes of a socket address.
        const QString runRoot = path(QStringLiteral("r"));
        LocalEngine engine({root, runRoot, false});
        Job *job = finished(engine.importPlugin(m_bundle, sourcePrivileges(), InstallOptions{}));
        auto stop = qScopeGuard([&] {
            auto plugin = engine.plugin(kSourceName);
            if (!plugin)
                return;
            finished(engine.disable(kSourceName, true));
            if (const qint64 monitor = MonitorLauncher::lockHolder(RunLayout(runRoot).lockPath(plugin->id)))
                ::kill(pid_t(monitor), SIGKILL);
            (void)RuncRuntime(runRoot).kill(plugin->id, QStringLiteral("KILL"));
            (void)RuncRuntime(runRoot).remove(plugin->id);
        });
        QVERIFY2(job->succeeded(), qPrintable(errorText(job)));
        QCOMPARE(job->result().toString(), kSourceName);
        auto plugin = engine.plugin(kSourceName);
        QVERIFY(plugin.ok());
        QVERIFY(plugin->enabled);
        auto state = engine.runtimeState(kSourceName);
        QVERIFY(state.ok());
        QVERIFY2(QFileInfo::exists(state->socketPath), qPrintable(state->socketPath));
        Job *disabled = finished(engine.disable(kSourceName));
        QVERIFY2(disabled->succeeded(), qPrintable(errorText(disabled)));
    }

    // Each bad bundle, a wrong approval and a taken name: refused, naming the file (and the entry), and the
    // store is byte for byte what it was. The approval step (bundlePrivileges) refuses the broken bundles too.
    void refusals_data()
    {
        QTest::addColumn<QByteArray>("content"); // the file's bytes; empty: no file at all
        QTest::addColumn<QString>("alias");
        QTest::addColumn<bool>("approve");         // accept the bundle's own privileges (else none)
        QTest::addColumn<bool>("approvalRefuses"); // bundlePrivileges fails as well
        QTest::addColumn<core::ErrorCode>("code");
        QTest::addColumn<QString>("message");

        const QString other = QStringLiteral("other/testvol");
        const QByteArray good = testutil::readFile(m_bundle);
        const Entries entries = readZip(m_bundle);
        const QString layerEntry = BundleHeader::blobEntry(m_source.blobsums.first());
        const QString configEntry = BundleHeader::blobEntry(m_source.configDigest);
        auto zipped = [this](const Entries &e) {
            const QString file = path(QStringLiteral("scratch.zip"));
            QFile::remove(file);
            if (!writeZip(file, e))
                qFatal("cannot write a test zip");
            return testutil::readFile(file);
        };
        // The gzip header's MTIME (bytes 4-7) does not change what the layer holds, only its digest.
        QByteArray layer = entry(entries, layerEntry);
        QByteArray retimed = layer;
        retimed[5] = char(retimed[5] ^ 0x5a);
        QJsonObject manifest = QJsonDocument::fromJson(entry(entries, BundleHeader::manifestEntry())).object();
        QJsonObject config = manifest.value(u"config"_s).toObject();
        config.insert(u"mediaType"_s, u"application/vnd.docker.container.image.v1+json"_s);
        manifest.insert(u"config"_s, config);
        const QByteArray imageManifest = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
        QJsonObject header = QJsonDocument::fromJson(entry(entries, BundleHeader::headerEntry())).object();
        header.insert(u"Version"_s, 2);

        QTest::newRow("no such file") << QByteArray() << other << true << true << ErrorCode::NotFound << "no such file";
        QTest::newRow("not a zip") << QByteArray("this is a plain text file\n") << other << true << true
                                   << ErrorCode::Corrupt << "not a zip archive";
        QTest::newRow("truncated zip") << good.left(good.size() / 2) << other << true << true << ErrorCode::Corrupt
                                       << "cut short";
        QTest::newRow("missing blob") << zipped(without(entries, layerEntry)) << other << true << true
                                      << ErrorCode::Corrupt << layerEntry + u": missing"_s;
        QTest::newRow("missing config") << zipped(without(entries, configEntry)) << other << true << true
                                        << ErrorCode::Corrupt << configEntry + u": missing"_s;
        QTest::newRow("missing manifest") << zipped(without(entries, BundleHeader::manifestEntry())) << other << true
                                          << true << ErrorCode::Corrupt << "manifest.json: missing";
        QTest::newRow("layer digest mismatch")
            << zipped(replaced(entries, layerEntry, retimed)) << other << true << false << ErrorCode::DigestMismatch
            << layerEntry + u": digest mismatch"_s;
        QTest::newRow("layer size mismatch") << zipped(replaced(entries, layerEntry, layer + "x")) << other << true
                                             << true << ErrorCode::DigestMismatch << layerEntry + u": is "_s;
        QTest::newRow("config digest mismatch")
            << zipped(replaced(entries, configEntry,
                               QByteArray(entry(entries, configEntry)).replace("Plugdesk", "Plugdisk")))
            << other << true << true << ErrorCode::DigestMismatch << configEntry + u": digest mismatch"_s;
        QTest::newRow("manifest not the header's")
            << zipped(replaced(entries, BundleHeader::manifestEntry(),
                               entry(entries, BundleHeader::manifestEntry()) + " "))
            << other << true << true << ErrorCode::DigestMismatch << "manifest.json: has digest";
        QTest::newRow("zip slip") << zipped(entries + Entries{{QStringLiteral("../../etc/evil"), "x"}}) << other << true
                                  << true << ErrorCode::UnsafeArchive << "\"../../etc/evil\"";
        QTest::newRow("absolute entry") << zipped(entries + Entries{{QStringLiteral("/etc/evil"), "x"}}) << other
                                        << true << true << ErrorCode::UnsafeArchive << "\"/etc/evil\"";
        QTest::newRow("blob climbing out")
            << zipped(entries + Entries{{QStringLiteral("blobs/sha256/../../x"), "x"}}) << other << true << true
            << ErrorCode::UnsafeArchive << "\"blobs/sha256/../../x\" is not a relative path";
        QTest::newRow("foreign entry") << zipped(entries + Entries{{QStringLiteral("notes.txt"), "x"}}) << other << true
                                       << true << ErrorCode::Corrupt << "\"notes.txt\" is not an entry";
        QTest::newRow("entry twice") << zipped(entries + Entries{{BundleHeader::manifestEntry(), "{}"}}) << other
                                     << true << true << ErrorCode::Corrupt << "manifest.json: the entry appears twice";
        QTest::newRow("not a plugin") << zipped(withManifest(entries, imageManifest)) << other << true << true
                                      << ErrorCode::NotAPlugin
                                      << "did not find plugin config for specified reference acme/testvol:latest";
        QTest::newRow("newer format") << zipped(replaced(entries, BundleHeader::headerEntry(),
                                                         QJsonDocument(header).toJson()))
                                      << other << true << true << ErrorCode::Unsupported
                                      << "plugdesk-bundle.json: bundle format version 2";
        QTest::newRow("wrong privileges")
            << good << other << false << false << ErrorCode::PermissionDenied << "incorrect privileges";
        QTest::newRow("name conflict") << good << QString() << true << false << ErrorCode::Conflict
                                       << "plugin \"acme/testvol:latest\" already exists";
        QTest::newRow("digest alias") << good << u"other/testvol@sha256:"_s + QString(64, QLatin1Char('a')) << true
                                      << false << ErrorCode::InvalidArgument << u"cannot use digest in plugin tag"_s;
    }

    void refusals()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, alias);
        QFETCH(bool, approve);
        QFETCH(bool, approvalRefuses);
        QFETCH(core::ErrorCode, code);
        QFETCH(QString, message);

        const QString file =
            path(QStringLiteral("rows/") +
                 QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-')) +
                 QStringLiteral(".zip"));
        QFile::remove(file);
        if (!content.isEmpty())
            QVERIFY(testutil::writeFile(file, content));
        const QString root = freshStore(QStringLiteral("refusals"));
        const auto before = testutil::snapshot(root);
        LocalEngine engine({root, path(QStringLiteral("run")), false});

        Job *read = finished(engine.bundlePrivileges(file));
        QCOMPARE(read->succeeded(), !approvalRefuses);
        if (approvalRefuses) {
            QCOMPARE(read->error()->code, code);
            QVERIFY2(read->error()->message.contains(file), qPrintable(errorText(read)));
            QVERIFY2(read->error()->message.contains(message), qPrintable(errorText(read)));
        }

        Job *job = finished(
            engine.importPlugin(file, approve ? sourcePrivileges() : Privileges(), InstallOptions{alias, true, {}}));
        QVERIFY(job->error().has_value());
        QCOMPARE(job->error()->code, code);
        QVERIFY2(job->error()->message.contains(message), qPrintable(errorText(job)));
        // Docker's own texts stay as they are; every other refusal names the file.
        if (code != ErrorCode::PermissionDenied && code != ErrorCode::Conflict && code != ErrorCode::InvalidArgument)
            QVERIFY2(job->error()->message.startsWith(u"cannot import "_s + file + u": "_s),
                     qPrintable(errorText(job)));
        QCOMPARE(testutil::snapshot(root), before);
    }

    // A refusal after staging began leaves no tmp/ either when the store had none.
    void refusedImportLeavesNoTmp()
    {
        const QString root = freshStore(QStringLiteral("no-tmp"));
        QVERIFY(QDir(Store(root).tmpDir()).removeRecursively());
        const Entries entries = readZip(m_bundle);
        const QString layerEntry = BundleHeader::blobEntry(m_source.blobsums.first());
        QByteArray retimed = entry(entries, layerEntry);
        retimed[6] = char(retimed[6] ^ 0x33);
        const QString file = path(QStringLiteral("retimed.zip"));
        QVERIFY(writeZip(file, replaced(entries, layerEntry, retimed)));
        const auto before = testutil::snapshot(root);
        LocalEngine engine({root, path(QStringLiteral("run")), false});
        Job *job = finished(engine.importPlugin(file, sourcePrivileges(), InstallOptions{u"other/x"_s, true, {}}));
        QVERIFY(job->error().has_value());
        QCOMPARE(job->error()->code, ErrorCode::DigestMismatch);
        QCOMPARE(testutil::snapshot(root), before);
        QVERIFY(!QFileInfo::exists(Store(root).tmpDir()));
    }

    // Cancelled at once, both stop at their next chunk: no plugin, no file, no temp file, the store as it was.
    void cancel()
    {
        const QString root = freshStore(QStringLiteral("cancel"));
        const auto before = testutil::snapshot(root);
        LocalEngine engine({root, path(QStringLiteral("run")), false});
        Job *imported = engine.importPlugin(m_bundle, sourcePrivileges(), InstallOptions{u"other/cancel"_s, true, {}});
        imported->cancel();
        finished(imported);
        QVERIFY(imported->error().has_value());
        QCOMPARE(imported->error()->code, ErrorCode::Cancelled);
        QCOMPARE(testutil::snapshot(root), before);

        const QString folder = path(QStringLiteral("cancelled"));
        QVERIFY(QDir().mkpath(folder));
        Job *exported = engine.exportPlugin(kSourceName, folder + QStringLiteral("/x.zip"));
        exported->cancel();
        finished(exported);
        QVERIFY(exported->error().has_value());
        QCOMPARE(exported->error()->code, ErrorCode::Cancelled);
        QCOMPARE(strays(folder, {}), QStringList());
        QCOMPARE(testutil::snapshot(root), before);
    }

    void exportRefusals_data()
    {
        QTest::addColumn<QString>("store"); // "template", "seed" or "damaged"
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("file"); // relative to the test folder
        QTest::addColumn<core::ErrorCode>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("no such plugin") << "template"
                                        << "nope"
                                        << "out/nope.zip" << ErrorCode::NotFound << "plugin \"nope\" not found";
        QTest::newRow("hand-made plugin") << "seed"
                                          << "vieux/sshfs"
                                          << "out/sshfs.zip" << ErrorCode::NotFound << "has no layers to export";
        QTest::newRow("no such folder") << "template"
                                        << "acme/testvol"
                                        << "nowhere/x.zip" << ErrorCode::NotFound << "nowhere: no such folder";
        QTest::newRow("a folder") << "template"
                                  << "acme/testvol"
                                  << "out" << ErrorCode::InvalidArgument << "is a folder";
        QTest::newRow("damaged blob") << "damaged"
                                      << "acme/testvol"
                                      << "out/damaged.zip" << ErrorCode::DigestMismatch
                                      << "the blob in the store is damaged";
    }

    void exportRefusals()
    {
        QFETCH(QString, store);
        QFETCH(QString, name);
        QFETCH(QString, file);
        QFETCH(core::ErrorCode, code);
        QFETCH(QString, message);
        QString root;
        if (store == QLatin1String("seed")) {
            root = path(QStringLiteral("stores/seed"));
            QDir(root).removeRecursively();
            QVERIFY(testutil::copyTree(testutil::sourcePath(QStringLiteral("tests/data/seed-store")), root));
        } else {
            root = freshStore(store);
        }
        if (store == QLatin1String("damaged")) {
            const QString blob = BlobStore(Store(root).blobsDir()).pathFor(m_source.blobsums.first());
            QByteArray bytes = testutil::readFile(blob);
            bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01);
            QVERIFY(testutil::writeFile(blob, bytes));
        }
        const QString out = path(QStringLiteral("out"));
        QDir().mkpath(out);
        // An older bundle at the target stays as it was when the export fails.
        const QString target = path(file);
        const bool keeps = !QFileInfo(target).isDir() && QFileInfo(target).absoluteDir().exists();
        if (keeps)
            QVERIFY(testutil::writeFile(target, "older bundle"));
        const QStringList before = QDir(out).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
        const auto storeBefore = testutil::snapshot(root);

        LocalEngine engine({root, path(QStringLiteral("run")), false});
        Job *job = finished(engine.exportPlugin(name, target));
        QVERIFY(job->error().has_value());
        QCOMPARE(job->error()->code, code);
        QVERIFY2(job->error()->message.contains(message), qPrintable(errorText(job)));
        if (name == QLatin1String("vieux/sshfs"))
            QVERIFY2(job->error()->message.contains(u"plugdeskctl plugin create"_s), qPrintable(errorText(job)));
        if (keeps)
            QCOMPARE(testutil::readFile(target), QByteArray("older bundle"));
        QCOMPARE(QDir(out).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot), before);
        QCOMPARE(testutil::snapshot(root), storeBefore);
        if (keeps)
            QFile::remove(target);
    }

    void plugdeskctl()
    {
        const QString root = freshStore(QStringLiteral("cli"));
        const QString file = path(QStringLiteral("out/cli.zip"));
        QFile::remove(file);

        const Run exported = ctl({u"plugin"_s, u"export"_s, u"acme/testvol"_s, file}, {}, root);
        QVERIFY2(exported.status == 0, qPrintable(exported.err));
        const QStringList lines = exported.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), u"Exporting plugin acme/testvol:latest to "_s + file);
        const QString layer = m_source.blobsums.first().mid(7, 12);
        QVERIFY2(lines.contains(layer + u": Preparing"_s), qPrintable(exported.out));
        QVERIFY2(lines.contains(layer + u": Exported"_s), qPrintable(exported.out));
        QCOMPARE(lines.last(), u"Exported plugin acme/testvol:latest to "_s + file);
        QVERIFY(QFileInfo(file).isFile());

        // The prompt as install shows it; "n" refuses and nothing changes.
        const auto before = testutil::snapshot(root);
        const Run refused = ctl({u"plugin"_s, u"import"_s, u"--alias"_s, u"other/testvol"_s, file}, "n\n", root);
        QCOMPARE(refused.status, 1);
        QCOMPARE(refused.out, QStringLiteral("Plugin \"acme/testvol:latest\" is requesting the following privileges:\n"
                                             " - network: [host]\n"
                                             "Do you grant the above permissions? [y/N] "));
        QCOMPARE(refused.err,
                 u"Error: permission denied while importing plugin acme/testvol:latest from "_s + file + u"\n"_s);
        QCOMPARE(testutil::snapshot(root), before);

        const Run conflict =
            ctl({u"plugin"_s, u"import"_s, u"--grant-all-permissions"_s, u"--disable"_s, file}, {}, root);
        QCOMPARE(conflict.status, 1);
        QCOMPARE(conflict.err, QStringLiteral("Error: plugin \"acme/testvol:latest\" already exists\n"));

        const Run imported =
            ctl({u"plugin"_s, u"import"_s, u"--disable"_s, u"--alias"_s, u"other/testvol"_s, file, u"TOKEN=x"_s}, "y\n",
                root);
        QVERIFY2(imported.status == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.endsWith(u"Imported plugin other/testvol:latest from "_s + file + u"\n"_s),
                 qPrintable(imported.out));
        QVERIFY2(imported.out.contains(layer + u": Complete"_s), qPrintable(imported.out));
        const Run list = ctl({u"plugin"_s, u"ls"_s, u"--format"_s, u"{{.Name}} {{.Enabled}}"_s}, {}, root);
        QCOMPARE(list.out, QStringLiteral("acme/testvol:latest false\nother/testvol:latest false\n"));
        const Run inspect =
            ctl({u"plugin"_s, u"inspect"_s, u"--format"_s, u"{{json .Settings.Env}}"_s, u"other/testvol"_s}, {}, root);
        QCOMPARE(inspect.out.trimmed(), QStringLiteral("[\"VOLUME_ROOT=/vols\",\"TOKEN=x\"]"));

        const Run broken =
            ctl({u"plugin"_s, u"import"_s, u"--grant-all-permissions"_s, path(QStringLiteral("folder/config.json"))},
                {}, root);
        QCOMPARE(broken.status, 1);
        QVERIFY2(broken.err.startsWith(u"Error: cannot import "_s + path(QStringLiteral("folder/config.json")) +
                                       u": not a plugin bundle"_s),
                 qPrintable(broken.err));
        const Run toStdout = ctl({u"plugin"_s, u"export"_s, u"acme/testvol"_s, u"-"_s}, {}, root);
        QCOMPARE(toStdout.status, 1);
        QVERIFY2(toStdout.err.contains(u"standard output"_s), qPrintable(toStdout.err));
    }

    void plugdeskctlUsage_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("usage");
        QTest::newRow("export without file") << QStringList{u"plugin"_s, u"export"_s, u"acme/testvol"_s}
                                             << u"Usage:  plugdeskctl plugin export PLUGIN FILE"_s;
        QTest::newRow("export too many") << QStringList{u"plugin"_s, u"export"_s, u"a"_s, u"b"_s, u"c"_s}
                                         << "Usage:  plugdeskctl plugin export PLUGIN FILE";
        QTest::newRow("import without file") << QStringList{u"plugin"_s, u"import"_s}
                                             << u"Usage:  plugdeskctl plugin import [OPTIONS] FILE [KEY=VALUE...]"_s;
        QTest::newRow("import unknown flag") << QStringList{u"plugin"_s, u"import"_s, u"--force"_s, u"x.zip"_s}
                                             << "Usage:  plugdeskctl plugin import [OPTIONS] FILE [KEY=VALUE...]";
    }

    void plugdeskctlUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, usage);
        const Run run = ctl(arguments, {}, freshStore(QStringLiteral("usage")));
        QCOMPARE(run.status, 2);
        QVERIFY2(run.err.contains(usage), qPrintable(run.err));
        QCOMPARE(run.out, QString());
    }

    void plugdeskctlHelp()
    {
        const Run group = ctl({u"plugin"_s, u"--help"_s});
        QCOMPARE(group.status, 0);
        QVERIFY2(group.out.contains(QRegularExpression(u"\\n  export +Export a plugin to a bundle file"_s)),
                 qPrintable(group.out));
        QVERIFY2(group.out.contains(QRegularExpression(u"\\n  import +Import a plugin from a bundle file"_s)),
                 qPrintable(group.out));
        const Run exportHelp = ctl({u"plugin"_s, u"export"_s, u"--help"_s});
        QCOMPARE(exportHelp.status, 0);
        QVERIFY2(exportHelp.out.contains(u"always a zip archive"_s), qPrintable(exportHelp.out));
        const Run importHelp = ctl({u"plugin"_s, u"import"_s, u"--help"_s});
        QCOMPARE(importHelp.status, 0);
        for (const char *flag : {"--alias string", "--disable", "--grant-all-permissions"})
            QVERIFY2(importHelp.out.contains(QLatin1String(flag)), qPrintable(importHelp.out));
    }

    // Through plugdesk-helper on a private bus: the caller opens the files and passes descriptors; the helper
    // refuses descriptors that are not regular files opened the right way.
    void throughTheHelper()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: the helper's name is root's on the bus");
        const QString busFolder = path(QStringLiteral("bus"));
        QDir().mkpath(busFolder);
        testutil::PrivateBus bus;
        const QString why = bus.start(busFolder);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const QString root = freshStore(QStringLiteral("helper"));
        testutil::HelperProcess helper;
        QVERIFY(helper.start(QStringLiteral(PLUGDESK_HELPER), bus.address(), root, path(u"run-helper"_s),
                             {u"--no-restore"_s}));

        HelperEngine engine({bus.address(), {}});

        QCOMPARE(testutil::ready(engine), QString());
        const QString file = path(QStringLiteral("out/helper.zip"));
        QFile::remove(file);
        Job *exported = finished(engine.exportPlugin(QStringLiteral("acme/testvol"), file));
        QVERIFY2(exported->succeeded(), qPrintable(errorText(exported)));
        QCOMPARE(exported->result().toMap().value(u"file"_s).toString(), file);
        QCOMPARE(exported->result().toMap().value(u"digest"_s).toString(), m_source.manifestDigest);
        QCOMPARE(readZip(file), readZip(m_bundle));
        QCOMPARE(strays(path(QStringLiteral("out")), {}).filter(u".helper.zip"_s), QStringList());

        Job *read = finished(engine.bundlePrivileges(file));
        QVERIFY2(read->succeeded(), qPrintable(errorText(read)));
        Job *wrong = finished(engine.importPlugin(file, Privileges(), InstallOptions{u"via/helper"_s, true, {}}));
        QVERIFY(wrong->error().has_value());
        QCOMPARE(wrong->error()->code, ErrorCode::PermissionDenied);
        QCOMPARE(wrong->error()->message, QStringLiteral("incorrect privileges"));
        Job *imported = finished(engine.importPlugin(file, read->result().value<BundleInfo>().privileges,
                                                     InstallOptions{u"via/helper"_s, true, {}}));
        QVERIFY2(imported->succeeded(), qPrintable(errorText(imported)));
        QCOMPARE(imported->result().toString(), QStringLiteral("via/helper:latest"));
        auto plugin = engine.plugin(QStringLiteral("via/helper"));
        QVERIFY(plugin.ok());
        QCOMPARE(plugin->manifestDigest, m_source.manifestDigest);

        // A failing export through the helper leaves neither the file nor a temp file.
        Job *missing = finished(engine.exportPlugin(QStringLiteral("nope"), path(QStringLiteral("out/nope.zip"))));
        QVERIFY(missing->error().has_value());
        QCOMPARE(missing->error()->code, ErrorCode::NotFound);
        QVERIFY(!QFileInfo::exists(path(QStringLiteral("out/nope.zip"))));

        // Raw calls with descriptors the helper must refuse.
        QDBusConnection raw = QDBusConnection::connectToBus(bus.address(), QStringLiteral("tst-exportimport-raw"));
        auto rawCall = [&](const HelperMessage &message) {
            QDBusMessage call =
                QDBusMessage::createMethodCall(HelperProtocol::serviceName(), HelperProtocol::objectPath(),
                                               HelperProtocol::interfaceName(), message.member);
            call.setArguments(message.arguments);
            return raw.call(call, QDBus::Block, 30000);
        };
        QFile readOnly(m_bundle);
        QVERIFY(readOnly.open(QIODevice::ReadOnly));
        // A file opened for reading, passed where the helper writes.
        QDBusMessage reply = rawCall(methods::ExportPlugin::call(
            kSourceName, WritableFile{QDBusUnixFileDescriptor(readOnly.handle())}, QStringLiteral("x.zip")));
        QCOMPARE(reply.type(), QDBusMessage::ErrorMessage);
        QCOMPARE(reply.errorName(), HelperProtocol::errorName(ErrorCode::InvalidArgument));
        QVERIFY2(reply.errorMessage().contains(u"not open for writing"_s), qPrintable(reply.errorMessage()));
        int pipe[2];
        QCOMPARE(::pipe(pipe), 0);
        reply = rawCall(methods::ImportPlugin::call(ReadableFile{QDBusUnixFileDescriptor(pipe[0])}, QStringLiteral("p"),
                                                    Privileges(), InstallOptions{QString(), true, {}}));
        ::close(pipe[0]);
        ::close(pipe[1]);
        QCOMPARE(reply.type(), QDBusMessage::ErrorMessage);
        QVERIFY2(reply.errorMessage().contains(u"not a regular file"_s), qPrintable(reply.errorMessage()));
        raw = QDBusConnection(QString());
        QDBusConnection::disconnectFromBus(QStringLiteral("tst-exportimport-raw"));
    }

    // With polkitd and a rule letting nobody install: plugdeskctl run as nobody exports through the root helper,
    // and the bundle is nobody's file (the helper wrote into the descriptor nobody opened, never a path as root);
    // nobody then imports it.
    void nobodyExportsThroughTheHelper()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: the helper's name is root's on the bus, and the test switches to nobody");
        if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
            QSKIP("setpriv is not installed (util-linux)");
        const struct passwd *nobody = ::getpwnam("nobody");
        QVERIFY(nobody);
        const QString backup = path(QStringLiteral("policy-backup"));
        const bool hadPolicy = QFile::exists(kPolicyTarget);
        if (hadPolicy)
            QVERIFY(QFile::copy(kPolicyTarget, backup));
        const auto restore = qScopeGuard([&] {
            QFile::remove(kRulesTarget);
            QFile::remove(kPolicyTarget);
            if (hadPolicy)
                QFile::copy(backup, kPolicyTarget);
        });
        QFile::remove(kPolicyTarget);
        QVERIFY(QFile::copy(testutil::sourcePath(QStringLiteral("resources/org.plugdesk.policy")), kPolicyTarget));
        testutil::openForEveryone(kPolicyTarget, 0644);
        QVERIFY(testutil::writeFile(kRulesTarget, R"(/* Installed by tst_exportimport; removed when it ends. */
polkit.addRule(function(action, subject) {
    if (subject.user == "nobody" && (action.id == "org.plugdesk.read" || action.id == "org.plugdesk.install"))
        return polkit.Result.YES;
});
)"));
        testutil::openForEveryone(kRulesTarget, 0644);

        const QString busFolder = path(QStringLiteral("bus-nobody"));
        QDir().mkpath(busFolder);
        testutil::PrivateBus bus;
        QString why = bus.start(busFolder);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        why = bus.startPolkitd();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        const QString root = freshStore(QStringLiteral("nobody"));
        testutil::HelperProcess helper;
        QVERIFY(helper.start(QStringLiteral(PLUGDESK_HELPER), bus.address(), root, path(u"run-nobody"_s),
                             {u"--no-restore"_s}));

        // nobody's own folder, and a copy of plugdeskctl nobody may run.
        const QString home = path(QStringLiteral("nobody-home"));
        QVERIFY(QDir().mkpath(home));
        QCOMPARE(::chown(QFile::encodeName(home).constData(), nobody->pw_uid, nobody->pw_gid), 0);
        testutil::openForEveryone(home, 0700);
        const QString bin = path(QStringLiteral("bin"));
        QVERIFY(QDir().mkpath(bin));
        testutil::openForEveryone(bin, 0755);
        const QString ctlCopy = bin + QStringLiteral("/plugdeskctl");
        QFile::remove(ctlCopy);
        QVERIFY(QFile::copy(QStringLiteral(PLUGDESKCTL), ctlCopy));
        testutil::openForEveryone(ctlCopy, 0755);
        auto asNobody = [&](const QStringList &arguments) {
            QProcess process;
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.remove(QStringLiteral("PLUGDESK_ROOT"));
            environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
            environment.insert(QStringLiteral("HOME"), home);
            environment.insert(QStringLiteral("DOCKER_CONFIG"), home);
            environment.insert(QStringLiteral("PLUGDESK_HELPER_BUS"), bus.address());
            process.setProcessEnvironment(environment);
            process.start(QStringLiteral("setpriv"),
                          QStringList{QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                                      QStringLiteral("--clear-groups"), QStringLiteral("--"), ctlCopy} +
                              arguments);
            if (!process.waitForFinished(120000))
                qFatal("plugdeskctl did not finish");
            return Run{process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                       QString::fromUtf8(process.readAllStandardError())};
        };

        const QString file = home + QStringLiteral("/testvol.zip");
        const Run exported = asNobody({u"plugin"_s, u"export"_s, u"acme/testvol"_s, file});
        QVERIFY2(exported.status == 0, qPrintable(exported.err));
        QVERIFY2(exported.out.endsWith(u"Exported plugin acme/testvol:latest to "_s + file + u"\n"_s),
                 qPrintable(exported.out));
        struct stat status
        {};
        QCOMPARE(::stat(QFile::encodeName(file).constData(), &status), 0);
        QCOMPARE(status.st_uid, nobody->pw_uid);
        QCOMPARE(readZip(file), readZip(m_bundle));
        QCOMPARE(QDir(home).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
                 QStringList{u"testvol.zip"_s});

        const Run imported = asNobody({u"plugin"_s, u"import"_s, u"--grant-all-permissions"_s, u"--disable"_s,
                                       u"--alias"_s, u"nobody/testvol"_s, file});
        QVERIFY2(imported.status == 0, qPrintable(imported.err));
        QVERIFY2(imported.out.endsWith(u"Imported plugin nobody/testvol:latest from "_s + file + u"\n"_s),
                 qPrintable(imported.out));
        LocalEngine engine({root, path(QStringLiteral("run-nobody")), false});
        auto plugin = engine.plugin(QStringLiteral("nobody/testvol"));
        QVERIFY(plugin.ok());
        QCOMPARE(plugin->configDigest, m_source.configDigest);
    }
};

QTEST_GUILESS_MAIN(TestExportImport)
#include "tst_exportimport.moc"
