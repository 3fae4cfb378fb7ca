// Issue 10, item 8: limits. Each test performs the attack and checks that it is refused and that the store is as
// it was (byte for byte, no staging left):
//  - a plugin in a real docker-registry on loopback whose small gzip layer inflates past the rootfs limit
//    (PLUGDESK_MAX_ROOTFS_BYTES, lowered so that the test is fast), installed through LocalEngine and, as nobody
//    holding only org.plugdesk.install, through plugdeskctl and the real helper; the limit counted across layers,
//    and held on upgrade and on create (a sparse file);
//  - a store on a small tmpfs: layers that declare more than is free, and a bomb that would fill it while it
//    unpacks (PLUGDESK_STORE_RESERVE_BYTES);
//  - a bundle whose few kilobytes of zip inflate past PLUGDESK_MAX_BUNDLE_BYTES, and one whose layer is a gzip bomb;
//  - export onto a descriptor of a procfs or sysfs file: through the helper, where nobody passes the descriptor
//    (this binary, started again as nobody with --export-client, is that client), and through the engine.
// On the code before the limits each of them is not refused: the bombs install, the full file system ends in
// "No space left on device", and the export writes into the kernel's file.
#include "common/privatebus.h"
#include "common/securityenv.h"
#include "common/testregistry.h"
#include "common/testutil.h"
#include "common/waitfor.h"
#include "core/archive/bundleheader.h"
#include "core/base/units.h"
#include "core/engine/createplugin.h"
#include "core/engine/localengine.h"
#include "core/helper/helpermethods.h"
#include "core/helper/helperprotocol.h"
#include "core/helper/remotejob.h"
#include "core/plugin/manifest.h"
#include "core/registry/registryclient.h"
#include "core/store/blobstore.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusUnixFileDescriptor>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <archive.h>
#include <archive_entry.h>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>
#include <sys/mount.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

using namespace core;
using testutil::waitFor;

namespace {

QByteArray configJson()
{
    const QJsonObject config{
        {u"description"_s, u"limits test plugin"_s},
        {u"interface"_s,
         QJsonObject{{u"types"_s, QJsonArray{u"docker.volumedriver/1.0"_s}}, {u"socket"_s, u"tv.sock"_s}}},
        {u"entrypoint"_s, QJsonArray{u"/plugin"_s}},
        {u"network"_s, QJsonObject{{u"type"_s, u""_s}}},
    };
    return QJsonDocument(config).toJson(QJsonDocument::Compact);
}

Privileges privilegesOf(const QByteArray &config)
{
    return Privileges::fromConfig(*PluginConfig::fromJson(config));
}

// A tar layer with one regular file `name` of `size` bytes (zeros, or random when asked), gzip or plain.
QByteArray layer(const QByteArray &name, qint64 size, bool gzip = true, bool random = false)
{
    QByteArray out;
    archive *a = archive_write_new();
    archive_write_set_format_pax_restricted(a);
    if (gzip)
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
    archive_entry_set_perm(entry, 0644);
    archive_entry_set_size(entry, size);
    archive_write_header(a, entry);
    QByteArray chunk(MiB, '\0');
    for (qint64 written = 0; written < size; written += chunk.size()) {
        if (random) {
            for (char &byte : chunk)
                byte = char(QRandomGenerator::global()->generate());
        }
        archive_write_data(a, chunk.constData(), size_t(qMin<qint64>(chunk.size(), size - written)));
    }
    archive_entry_free(entry);
    archive_write_close(a);
    archive_write_free(a);
    return out;
}

struct Artifact
{
    QByteArray config;
    QList<QByteArray> layers;
    QByteArray manifest;
    QStringList layerDigests;
};

Artifact artifact(const QByteArray &config, const QList<QByteArray> &layers)
{
    Artifact a;
    a.config = config;
    a.layers = layers;
    QList<qint64> sizes;
    for (const QByteArray &l : layers) {
        a.layerDigests.append(Manifest::digestOf(l));
        sizes.append(l.size());
    }
    a.manifest = pluginManifest(Manifest::digestOf(config), config.size(), a.layerDigests, sizes);
    return a;
}

QString push(const QString &remote, const Artifact &a)
{
    RegistryClient client;
    const Reference reference = *Reference::parse(remote);
    for (const QByteArray &blob : QList<QByteArray>{a.config} + a.layers) {
        auto digest = waitFor<Result<QString>>(
            [&](QObject *context, auto done) { client.uploadBlob(reference.trimmed(), blob, context, done); });
        if (!digest)
            return digest.error().message;
    }
    auto digest = waitFor<Result<QString>>([&](QObject *context, auto done) {
        client.putManifest(reference, Manifest::DockerManifest, a.manifest, context, done);
    });
    return digest ? QString() : digest.error().message;
}

// A bundle made by hand: the header, the manifest and the blobs, each deflated (as any zip tool would).
bool writeBundle(const QString &path, const QString &name, const Artifact &a)
{
    BundleHeader header;
    header.name = name;
    header.tag = QStringLiteral("latest");
    header.manifestDigest = Manifest::digestOf(a.manifest);
    QList<QPair<QString, QByteArray>> entries{{BundleHeader::headerEntry(), header.toJson()},
                                              {BundleHeader::manifestEntry(), a.manifest},
                                              {BundleHeader::blobEntry(Manifest::digestOf(a.config)), a.config}};
    for (const QByteArray &l : a.layers)
        entries.append({BundleHeader::blobEntry(Manifest::digestOf(l)), l});
    QuaZip zip(path);
    if (!zip.open(QuaZip::mdCreate))
        return false;
    for (const auto &[entry, data] : std::as_const(entries)) {
        QuaZipFile file(&zip);
        if (!file.open(QIODevice::WriteOnly, QuaZipNewInfo(entry)) || file.write(data) != data.size())
            return false;
        file.close();
    }
    zip.close();
    return zip.getZipError() == 0;
}

Job *finished(Job *job)
{
    job->waitForFinished();
    return job;
}

QString errorText(Job *job)
{
    return job->error() ? job->error()->message : QStringLiteral("(no error: the attack went through)");
}

// Sets an environment variable for one scope.
class ScopedEnv final
{
public:
    ScopedEnv(const char *name, const QByteArray &value)
        : m_name(name)
        , m_had(qEnvironmentVariableIsSet(name))
        , m_old(qgetenv(name))
    {
        qputenv(name, value);
    }
    ~ScopedEnv()
    {
        if (m_had)
            qputenv(m_name, m_old);
        else
            qunsetenv(m_name);
    }

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

// A tmpfs of `size` mounted at `at` (a folder that exists), or at a temp folder, for one test; unmounted when it
// goes.
class SmallFileSystem final
{
public:
    explicit SmallFileSystem(qint64 size, const QString &at = QString())
        : m_path(at.isEmpty() ? m_dir.path() : at)
    {
        const QByteArray options = "size=" + QByteArray::number(size) + ",mode=0700";
        m_mounted = ::mount("tmpfs", QFile::encodeName(m_path).constData(), "tmpfs", MS_NOSUID | MS_NODEV,
                            options.constData()) == 0;
        m_error = m_mounted ? 0 : errno;
    }
    ~SmallFileSystem()
    {
        if (m_mounted)
            ::umount2(QFile::encodeName(m_path).constData(), MNT_DETACH);
    }
    bool mounted() const { return m_mounted; }
    QString error() const { return QString::fromLocal8Bit(strerror(m_error)); }
    QString path() const { return m_path; }

private:
    QTemporaryDir m_dir;
    QString m_path;
    bool m_mounted = false;
    int m_error = 0;
};

// --export-client BUS PLUGIN FILE: as whoever runs it, opens FILE for writing and asks the helper to export PLUGIN
// into that descriptor; prints "OK" or "ERROR <code>: <message>", and the file's first bytes after ("AFTER <hex>").
int exportClient(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 5)
        return 2;
    const QString address = QString::fromLocal8Bit(argv[2]);
    const QString plugin = QString::fromLocal8Bit(argv[3]);
    const QString file = QString::fromLocal8Bit(argv[4]);
    QTextStream out(stdout);
    const int fd = ::open(QFile::encodeName(file).constData(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        out << "OPEN FAILED " << strerror(errno) << Qt::endl;
        return 3;
    }
    QDBusConnection bus = QDBusConnection::connectToBus(address, QStringLiteral("export-client"));
    const HelperMessage exported = methods::ExportPlugin::call(plugin, WritableFile{QDBusUnixFileDescriptor(fd)}, file);
    QDBusMessage call = QDBusMessage::createMethodCall(HelperProtocol::serviceName(), HelperProtocol::objectPath(),
                                                       HelperProtocol::interfaceName(), exported.member);
    call.setArguments(exported.arguments);
    const QDBusMessage reply = bus.call(call, QDBus::Block, 120000);
    ::close(fd);
    if (reply.type() == QDBusMessage::ErrorMessage) {
        out << "ERROR " << reply.errorName() << ": " << reply.errorMessage() << Qt::endl;
        return 0;
    }
    const QString path = reply.arguments().value(0).value<QDBusObjectPath>().path();
    Job *job = RemoteJob::adopt(bus, HelperProtocol::serviceName(), path, QStringLiteral("export"), &app);
    job->waitForFinished();
    if (job->error())
        out << "ERROR " << int(job->error()->code) << ": " << job->error()->message << Qt::endl;
    else
        out << "OK" << Qt::endl;
    return 0;
}

} // namespace

class TestSecurityLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("PLUGDESK_LOCK_TIMEOUT", "5");
        qunsetenv("PLUGDESK_MAX_ROOTFS_BYTES");
        qunsetenv("PLUGDESK_MAX_BUNDLE_BYTES");
        qunsetenv("PLUGDESK_STORE_RESERVE_BYTES");
        QString error;
        QVERIFY2(m_registry.start({}, &error), qPrintable(error));
        m_good = artifact(configJson(), {layer("plugin", 1000)});
        QCOMPARE(push(m_registry.host() + u"/acme/good:1"_s, m_good), QString());
        // 64 MiB of zeros in a file: about 64 KiB of gzip.
        m_bomb = layer("zeros", 64 * MiB);
        QVERIFY(m_bomb.size() < 256 * 1024);
        m_bombs = artifact(configJson(), {layer("plugin", 1000), m_bomb});
        QCOMPARE(push(m_registry.host() + u"/hostile/bomb:1"_s, m_bombs), QString());
        // Two layers of 5 MiB each: each fits an 8 MiB limit alone, not together.
        m_split = artifact(configJson(), {layer("a", 5 * MiB), layer("b", 5 * MiB)});
        QCOMPARE(push(m_registry.host() + u"/hostile/split:1"_s, m_split), QString());
    }

    // The gzip bomb through the engine, and the limit counted across the layers of one install.
    void rootfsLimitThroughEngine_data()
    {
        QTest::addColumn<QString>("repository");
        QTest::addColumn<int>("layer"); // the one that must be named
        QTest::newRow("gzip bomb") << "hostile/bomb" << 1;
        QTest::newRow("across layers") << "hostile/split" << 1;
    }

    void rootfsLimitThroughEngine()
    {
        QFETCH(QString, repository);
        QFETCH(int, layer);
        const Artifact &a = repository == u"hostile/bomb"_s ? m_bombs : m_split;
        ScopedEnv limit("PLUGDESK_MAX_ROOTFS_BYTES", "8M");
        QTemporaryDir outer;
        const QString root = outer.filePath(u"store"_s);
        LocalEngine engine({root, outer.filePath(u"run"_s), false});
        Job *base = finished(engine.install(m_registry.host() + u"/acme/good:1"_s, privilegesOf(configJson()),
                                            InstallOptions{{}, true, {}}));
        QVERIFY2(base->succeeded(), qPrintable(errorText(base)));
        const auto before = testutil::snapshot(outer.path());

        Job *job = finished(engine.install(m_registry.host() + u"/"_s + repository + u":1"_s,
                                           privilegesOf(configJson()), InstallOptions{{}, true, {}}));
        QVERIFY2(job->error(), qPrintable(errorText(job)));
        qInfo("refused: %s", qPrintable(errorText(job)));
        QCOMPARE(job->error()->code, ErrorCode::UnsafeArchive);
        QVERIFY2(job->error()->message.contains(a.layerDigests.at(layer)), qPrintable(errorText(job)));
        QVERIFY2(job->error()->message.contains(u"PLUGDESK_MAX_ROOTFS_BYTES"_s), qPrintable(errorText(job)));
        QCOMPARE(testutil::snapshot(outer.path()), before);
        QVERIFY(!QFileInfo::exists(root + u"/tmp"_s));

        // The same plugin installs under a limit it fits: the limit is what refused it.
        ScopedEnv enough("PLUGDESK_MAX_ROOTFS_BYTES", "80M");
        job = finished(engine.install(m_registry.host() + u"/"_s + repository + u":1"_s, privilegesOf(configJson()),
                                      InstallOptions{u"fits"_s, true, {}}));
        QVERIFY2(job->succeeded(), qPrintable(errorText(job)));
    }

    // Upgrade goes through the same budget, and a refused upgrade keeps the old rootfs.
    void rootfsLimitOnUpgrade()
    {
        ScopedEnv limit("PLUGDESK_MAX_ROOTFS_BYTES", "8M");
        QTemporaryDir outer;
        LocalEngine engine({outer.filePath(u"store"_s), outer.filePath(u"run"_s), false});
        const QString name = m_registry.host() + u"/acme/good:1"_s;
        QVERIFY(finished(engine.install(name, privilegesOf(configJson()), InstallOptions{{}, true, {}}))->succeeded());
        const auto before = testutil::snapshot(outer.path());
        Job *job = finished(engine.upgrade(name, m_registry.host() + u"/hostile/bomb:1"_s, privilegesOf(configJson())));
        QVERIFY2(job->error(), qPrintable(errorText(job)));
        qInfo("refused: %s", qPrintable(errorText(job)));
        QVERIFY2(job->error()->message.contains(m_bombs.layerDigests.at(1)), qPrintable(errorText(job)));
        QCOMPARE(testutil::snapshot(outer.path()), before);
    }

    // create packs a folder and unpacks it into the store: a sparse file of 64 MiB packs to a few kilobytes.
    void rootfsLimitOnCreate()
    {
        ScopedEnv limit("PLUGDESK_MAX_ROOTFS_BYTES", "8M");
        QTemporaryDir outer;
        const Store store(outer.filePath(u"store"_s));
        auto folder = [&](const QString &name, qint64 sparse) {
            const QString path = outer.filePath(name);
            testutil::writeFile(path + u"/config.json"_s, configJson());
            testutil::writeFile(path + u"/rootfs/plugin"_s, "#!/bin/sh\n");
            if (sparse > 0) {
                QFile file(path + u"/rootfs/sparse"_s);
                file.open(QIODevice::WriteOnly);
                file.resize(sparse);
            }
            return path;
        };
        auto good = createPlugin(store, u"acme/good"_s, folder(u"good"_s, 0), nullptr);
        QVERIFY2(good, good ? "" : qPrintable(good.error().message));
        const auto before = testutil::snapshot(store.root());
        auto created = createPlugin(store, u"hostile/sparse"_s, folder(u"hostile"_s, 64 * MiB), nullptr);
        QVERIFY2(!created, "the sparse file was unpacked in full");
        const QString message = created.error().message;
        qInfo("refused: %s", qPrintable(message));
        QCOMPARE(created.error().code, ErrorCode::UnsafeArchive);
        QVERIFY2(message.contains(u"\"sparse\""_s), qPrintable(message));
        QVERIFY2(message.contains(u"PLUGDESK_MAX_ROOTFS_BYTES"_s), qPrintable(message));
        QCOMPARE(testutil::snapshot(store.root()), before);
    }

    // A store on a 16 MiB tmpfs: layers that declare more than is free are refused before one byte is downloaded;
    // a bomb that would fill the file system stops while the reserve is still free. Both name the layer and folder.
    void freeSpace_data()
    {
        QTest::addColumn<QString>("scene");
        QTest::newRow("declared sizes above the free space") << "declared";
        QTest::newRow("bomb filling the file system") << "bomb";
    }

    void freeSpace()
    {
        QFETCH(QString, scene);
        if (::geteuid() != 0)
            QSKIP("mounting a tmpfs needs root");
        SmallFileSystem small(16 * MiB);
        if (!small.mounted())
            QSKIP(qPrintable(u"cannot mount a tmpfs here: "_s + small.error()));
        ScopedEnv reserve("PLUGDESK_STORE_RESERVE_BYTES", "2M");
        const QString root = small.path() + u"/store"_s;
        LocalEngine engine({root, small.path() + u"/run"_s, false});
        QVERIFY(finished(engine.install(m_registry.host() + u"/acme/good:1"_s, privilegesOf(configJson()),
                                        InstallOptions{{}, true, {}}))
                    ->succeeded());
        const auto before = testutil::snapshot(small.path());

        Artifact a;
        QString remote;
        if (scene == u"declared"_s) {
            // 24 MiB that gzip cannot shrink.
            a = artifact(configJson(), {layer("random", 24 * MiB, true, true)});
            remote = m_registry.host() + u"/hostile/large:1"_s;
            QCOMPARE(push(remote, a), QString());
        } else {
            a = m_bombs;
            remote = m_registry.host() + u"/hostile/bomb:1"_s;
        }
        Job *job = finished(engine.install(remote, privilegesOf(configJson()), InstallOptions{{}, true, {}}));
        QVERIFY2(job->error(), qPrintable(errorText(job)));
        qInfo("refused: %s", qPrintable(errorText(job)));
        const QString message = job->error()->message;
        QVERIFY2(message.contains(u"not enough free space in "_s + root), qPrintable(message));
        QVERIFY2(message.contains(a.layerDigests.last()), qPrintable(message));
        QVERIFY2(!message.contains(u"No space left"_s), qPrintable(message));
        QCOMPARE(testutil::snapshot(small.path()), before);
        QVERIFY(!QFileInfo::exists(root + u"/tmp"_s));
    }

    // Bundles on import: a few kilobytes of zip that declare 64 MiB, and a layer that is a gzip bomb.
    void bundleImport_data()
    {
        QTest::addColumn<QString>("scene");
        QTest::newRow("zip bomb past PLUGDESK_MAX_BUNDLE_BYTES") << "bundle";
        QTest::newRow("gzip bomb layer past PLUGDESK_MAX_ROOTFS_BYTES") << "rootfs";
    }

    void bundleImport()
    {
        QFETCH(QString, scene);
        QTemporaryDir outer;
        const QString file = outer.filePath(u"hostile.zip"_s);
        Artifact a;
        if (scene == u"bundle"_s)
            a = artifact(configJson(), {layer("zeros", 64 * MiB, false)}); // a plain tar: the zip deflates it
        else
            a = m_bombs;
        QVERIFY(writeBundle(file, u"hostile/bundle:latest"_s, a));
        QVERIFY(QFileInfo(file).size() < 512 * 1024);
        ScopedEnv bundleLimit("PLUGDESK_MAX_BUNDLE_BYTES", "8M");
        ScopedEnv rootfsLimit("PLUGDESK_MAX_ROOTFS_BYTES", "8M");

        const QString root = outer.filePath(u"store"_s);
        LocalEngine engine({root, outer.filePath(u"run"_s), false});
        QVERIFY(finished(engine.install(m_registry.host() + u"/acme/good:1"_s, privilegesOf(configJson()),
                                        InstallOptions{{}, true, {}}))
                    ->succeeded());
        const auto before = testutil::snapshot(root);
        Job *job = finished(engine.importPlugin(file, privilegesOf(configJson()), InstallOptions{{}, true, {}}));
        QVERIFY2(job->error(), qPrintable(errorText(job)));
        qInfo("refused: %s", qPrintable(errorText(job)));
        QCOMPARE(job->error()->code, ErrorCode::UnsafeArchive);
        const QString message = job->error()->message;
        QVERIFY2(message.startsWith(u"cannot import "_s + file), qPrintable(message));
        QVERIFY2(message.contains(scene == u"bundle"_s ? BundleHeader::blobEntry(a.layerDigests.last())
                                                       : a.layerDigests.last()),
                 qPrintable(message));
        QVERIFY2(
            message.contains(scene == u"bundle"_s ? u"PLUGDESK_MAX_BUNDLE_BYTES"_s : u"PLUGDESK_MAX_ROOTFS_BYTES"_s),
            qPrintable(message));
        QCOMPARE(testutil::snapshot(root), before);
        QVERIFY(!QFileInfo::exists(root + u"/tmp"_s));
    }

    // nobody, allowed org.plugdesk.install, installs the bomb with plugdeskctl through the real helper, whose
    // limit is lowered; and imports the zip bomb the same way.
    void throughHelper()
    {
        if (const QString why = testutil::SecurityEnv::unavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
        testutil::SecurityEnv env;
        if (const QString why = env.start({u"org.plugdesk.install"_s, u"org.plugdesk.read"_s}); !why.isEmpty())
            QSKIP(qPrintable(why));
        {
            LocalEngine engine({env.store(), env.run(), false});
            QVERIFY(finished(engine.install(m_registry.host() + u"/acme/good:1"_s, privilegesOf(configJson()),
                                            InstallOptions{{}, true, {}}))
                        ->succeeded());
        }
        const auto before = testutil::snapshot(env.store());
        {
            ScopedEnv limit("PLUGDESK_MAX_ROOTFS_BYTES", "8M");
            ScopedEnv bundleLimit("PLUGDESK_MAX_BUNDLE_BYTES", "8M");
            QVERIFY(env.startHelper(QStringLiteral(PLUGDESK_HELPER)));
        }
        // The client's own setting is not the helper's: nobody cannot raise the limit.
        QProcessEnvironment raise;
        raise.insert(u"PLUGDESK_MAX_ROOTFS_BYTES"_s, u"1T"_s);
        raise.insert(u"PLUGDESK_MAX_BUNDLE_BYTES"_s, u"1T"_s);
        const QString remote = m_registry.host() + u"/hostile/bomb:1"_s;
        testutil::CommandRun run =
            env.ctl(QStringLiteral(PLUGDESKCTL),
                    {u"plugin"_s, u"install"_s, u"--grant-all-permissions"_s, u"--disable"_s, remote}, true, raise);
        QVERIFY2(run.status == 1, qPrintable(run.out + run.err));
        qInfo("refused: %s", qPrintable(run.err.trimmed()));
        QVERIFY2(run.err.contains(m_bombs.layerDigests.at(1)), qPrintable(run.err));
        QVERIFY2(run.err.contains(u"PLUGDESK_MAX_ROOTFS_BYTES"_s), qPrintable(run.err));
        QCOMPARE(testutil::snapshot(env.store()), before);

        const QString file = env.folder() + u"/home/hostile.zip"_s;
        QVERIFY(
            writeBundle(file, u"hostile/bundle:latest"_s, artifact(configJson(), {layer("zeros", 64 * MiB, false)})));
        QVERIFY(::chown(QFile::encodeName(file).constData(), 65534, 65534) == 0);
        run = env.ctl(QStringLiteral(PLUGDESKCTL),
                      {u"plugin"_s, u"import"_s, u"--grant-all-permissions"_s, u"--disable"_s, file}, true, raise);
        QVERIFY2(run.status == 1, qPrintable(run.out + run.err));
        qInfo("refused: %s", qPrintable(run.err.trimmed()));
        QVERIFY2(run.err.contains(u"PLUGDESK_MAX_BUNDLE_BYTES"_s), qPrintable(run.err));
        QCOMPARE(testutil::snapshot(env.store()), before);
    }

    // nobody, allowed org.plugdesk.install, creates a plugin from a folder holding 64 MiB of zeros: plugdeskctl
    // packs them into kilobytes of gzip, and the helper unpacks what nobody sent into a store on a 16 MiB tmpfs.
    // The limit stops it at the entry's header, not the full disk.
    void createThroughHelper()
    {
        if (const QString why = testutil::SecurityEnv::unavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
        testutil::SecurityEnv env;
        if (const QString why = env.start({u"org.plugdesk.install"_s, u"org.plugdesk.read"_s}); !why.isEmpty())
            QSKIP(qPrintable(why));
        QDir().mkpath(env.store());
        SmallFileSystem small(16 * MiB, env.store());
        if (!small.mounted())
            QSKIP(qPrintable(u"cannot mount a tmpfs here: "_s + small.error()));
        {
            ScopedEnv limit("PLUGDESK_MAX_ROOTFS_BYTES", "8M");
            ScopedEnv reserve("PLUGDESK_STORE_RESERVE_BYTES", "1M");
            QVERIFY(env.startHelper(QStringLiteral(PLUGDESK_HELPER)));
        }
        const QString folder = env.home() + u"/zeros"_s;
        testutil::writeFile(folder + u"/config.json"_s, configJson());
        testutil::writeFile(folder + u"/rootfs/plugin"_s, "#!/bin/sh\n");
        {
            QFile zeros(folder + u"/rootfs/zeros"_s);
            QVERIFY(zeros.open(QIODevice::WriteOnly));
            const QByteArray chunk(MiB, '\0');
            for (int i = 0; i < 64; ++i)
                QCOMPARE(zeros.write(chunk), chunk.size());
        }
        const auto before = testutil::snapshot(env.store());
        const testutil::CommandRun run =
            env.ctl(QStringLiteral(PLUGDESKCTL), {u"plugin"_s, u"create"_s, u"hostile/zeros"_s, folder});
        QVERIFY2(run.status == 1, qPrintable(run.out + run.err));
        qInfo("refused: %s", qPrintable(run.err.trimmed()));
        QVERIFY2(run.err.contains(u"PLUGDESK_MAX_ROOTFS_BYTES"_s), qPrintable(run.err));
        QVERIFY2(run.err.contains(folder), qPrintable(run.err));
        QVERIFY2(!run.err.contains(u"No space left"_s), qPrintable(run.err));
        QCOMPARE(testutil::snapshot(env.store()), before);
    }

    // nobody, allowed to export, hands the helper a descriptor of its own /proc/self/comm: refused, naming the
    // file, before anything is written into it.
    void exportToProcThroughHelper()
    {
        if (const QString why = testutil::SecurityEnv::unavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
        testutil::SecurityEnv env;
        if (const QString why = env.start({u"org.plugdesk.install"_s, u"org.plugdesk.read"_s}); !why.isEmpty())
            QSKIP(qPrintable(why));
        {
            LocalEngine engine({env.store(), env.run(), false});
            QVERIFY(finished(engine.install(m_registry.host() + u"/acme/good:1"_s, privilegesOf(configJson()),
                                            InstallOptions{{}, true, {}}))
                        ->succeeded());
        }
        QVERIFY(env.startHelper(QStringLiteral(PLUGDESK_HELPER)));
        const QString client = env.reachable(QCoreApplication::applicationFilePath());
        const QString plugin = m_registry.host() + u"/acme/good:1"_s;
        const testutil::CommandRun run =
            env.runAs(true, client, {u"--export-client"_s, env.busAddress(), plugin, u"/proc/self/comm"_s});
        QVERIFY2(run.status == 0, qPrintable(run.out + run.err));
        QVERIFY2(run.out.startsWith(u"ERROR"_s), qPrintable(run.out + run.err));
        qInfo("refused: %s", qPrintable(run.out.trimmed()));
        QVERIFY2(run.out.contains(u"/proc/self/comm (/proc/"_s), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"on a proc file system"_s), qPrintable(run.out));
    }

    // The engine (what the helper runs for ExportPlugin) onto descriptors of kernel files: refused, naming them,
    // and the files keep what they held.
    void exportToPseudoFiles_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("kind");
        QTest::newRow("procfs") << "/proc/self/oom_score_adj"
                                << "proc";
        QTest::newRow("sysfs") << "/sys/kernel/mm/transparent_hugepage/enabled"
                               << "sysfs";
    }

    void exportToPseudoFiles()
    {
        QFETCH(QString, path);
        QFETCH(QString, kind);
        if (!QFileInfo(path).isWritable())
            QSKIP(qPrintable(path + u" is not writable here"_s));
        QTemporaryDir outer;
        LocalEngine engine({outer.filePath(u"store"_s), outer.filePath(u"run"_s), false});
        const QString plugin = m_registry.host() + u"/acme/good:1"_s;
        QVERIFY(
            finished(engine.install(plugin, privilegesOf(configJson()), InstallOptions{{}, true, {}}))->succeeded());
        const QByteArray held = testutil::readFile(path);
        const int fd = ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CLOEXEC);
        QVERIFY2(fd >= 0, strerror(errno));
        Job *job = finished(engine.exportPluginTo(plugin, fd, path));
        QVERIFY2(job->error(), "the bundle was written into a kernel file");
        qInfo("refused: %s", qPrintable(errorText(job)));
        const QString message = job->error()->message;
        QVERIFY2(message.contains(u"to "_s + path + u": "_s + path), qPrintable(message));
        QVERIFY2(message.contains(u"on a "_s + kind + u" file system"_s), qPrintable(message));
        QCOMPARE(testutil::readFile(path), held);
    }

private:
    testutil::TestRegistry m_registry;
    Artifact m_good;
    Artifact m_bombs;
    QByteArray m_bomb;
    Artifact m_split;
};

int main(int argc, char **argv)
{
    if (argc > 1 && qstrcmp(argv[1], "--export-client") == 0)
        return exportClient(argc, argv);
    QCoreApplication app(argc, argv);
    TestSecurityLimits test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_sec_limits.moc"
