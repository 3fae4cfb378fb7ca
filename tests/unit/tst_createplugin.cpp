// `plugin create`: folder -> one gzip layer + config + manifest blobs -> a disabled plugin whose rootfs is the layer.
#include "common/testutil.h"
#include "core/archive/layerwriter.h"
#include "core/engine/createplugin.h"
#include "core/store/blobstore.h"
#include "core/store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace core;

namespace {

const char *const kConfig = "{\"description\": \"Test volume plugin\", \"entrypoint\": [\"/plugin\"],"
                            " \"interface\": {\"types\": [\"docker.volumedriver/1.0\"], \"socket\": \"t.sock\"},"
                            " \"linux\": {\"capabilities\": [\"CAP_SYS_ADMIN\"]},"
                            " \"env\": [{\"name\": \"DEBUG\", \"value\": \"0\", \"settable\": [\"value\"]}]}";

// A plugin folder with files of several kinds, modes and sizes.
QString makeFolder(const QString &base)
{
    const QString folder = base + QStringLiteral("/plugin");
    const QString rootfs = folder + QStringLiteral("/rootfs");
    testutil::writeFile(folder + QStringLiteral("/config.json"), kConfig);
    QDir().mkpath(rootfs + QStringLiteral("/run/docker/plugins"));
    QDir().mkpath(rootfs + QStringLiteral("/empty"));
    testutil::writeFile(rootfs + QStringLiteral("/plugin"), QByteArray(300000, 'x') + "end");
    ::chmod(QFile::encodeName(rootfs + QStringLiteral("/plugin")).constData(), 04755);
    testutil::writeFile(rootfs + QStringLiteral("/etc/conf"), "key=value\n");
    ::chmod(QFile::encodeName(rootfs + QStringLiteral("/etc/conf")).constData(), 0600);
    testutil::writeFile(rootfs + QStringLiteral("/etc/empty-file"), QByteArray());
    ::symlink("../plugin", QFile::encodeName(rootfs + QStringLiteral("/etc/link")).constData());
    ::symlink("/nowhere/at/all", QFile::encodeName(rootfs + QStringLiteral("/dangling")).constData());
    ::link(QFile::encodeName(rootfs + QStringLiteral("/plugin")).constData(),
           QFile::encodeName(rootfs + QStringLiteral("/plugin-hard")).constData());
    ::mkfifo(QFile::encodeName(rootfs + QStringLiteral("/fifo")).constData(), 0640);
    testutil::writeFile(rootfs + QStringLiteral("/.hidden"), "h");
    return folder;
}

QByteArray gunzip(const QString &path)
{
    QProcess gzip;
    gzip.start(QStringLiteral("gzip"), {QStringLiteral("-dc"), path});
    gzip.waitForFinished(30000);
    return gzip.readAllStandardOutput();
}

} // namespace

class TestCreatePlugin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void createsAPluginWhoseRootfsIsItsLayer()
    {
        QTemporaryDir dir;
        const QString folder = makeFolder(dir.path());
        const Store store(dir.path() + QStringLiteral("/store"));
        auto plugin = createPlugin(store, QStringLiteral("localhost:5000/acme/testvol"), folder, nullptr);
        QVERIFY2(plugin.ok(), qPrintable(plugin.ok() ? QString() : plugin.error().message));
        QCOMPARE(plugin->name(), QStringLiteral("localhost:5000/acme/testvol:latest"));
        QVERIFY(!plugin->enabled);
        QCOMPARE(plugin->pluginReference, QStringLiteral("localhost:5000/acme/testvol:latest"));

        // The rootfs is identical to the folder's: paths, types, modes, contents, link targets, hard links.
        QCOMPARE(testutil::snapshot(store.rootfsDir(plugin->id)),
                 testutil::snapshot(folder + QStringLiteral("/rootfs")));
        struct stat st
        {};
        QCOMPARE(
            ::stat(QFile::encodeName(store.rootfsDir(plugin->id) + QStringLiteral("/plugin-hard")).constData(), &st),
            0);
        QCOMPARE(st.st_nlink, nlink_t(2));

        // Blobs: the layer (its diff_id is the uncompressed digest), the config, the manifest.
        const BlobStore blobs(store.blobsDir());
        QCOMPARE(plugin->blobsums.size(), 1);
        const QString layer = plugin->blobsums.first();
        QVERIFY(blobs.contains(layer));
        const QByteArray tar = gunzip(blobs.pathFor(layer));
        QVERIFY(!tar.isEmpty());
        QCOMPARE(plugin->config.rootfsDiffIds,
                 QStringList{QStringLiteral("sha256:") +
                             QString::fromLatin1(QCryptographicHash::hash(tar, QCryptographicHash::Sha256).toHex())});
        auto manifest = blobs.read(plugin->manifestDigest, 4 << 20);
        QVERIFY(manifest.ok());
        const QJsonObject m = QJsonDocument::fromJson(*manifest).object();
        QCOMPARE(m.value(QStringLiteral("schemaVersion")).toInt(), 2);
        QCOMPARE(m.value(QStringLiteral("mediaType")).toString(),
                 QStringLiteral("application/vnd.docker.distribution.manifest.v2+json"));
        QCOMPARE(m.value(QStringLiteral("config")).toObject().value(QStringLiteral("mediaType")).toString(),
                 QStringLiteral("application/vnd.docker.plugin.v1+json"));
        QCOMPARE(m.value(QStringLiteral("config")).toObject().value(QStringLiteral("digest")).toString(),
                 plugin->configDigest);
        const QJsonObject layerDescriptor = m.value(QStringLiteral("layers")).toArray().first().toObject();
        QCOMPARE(layerDescriptor.value(QStringLiteral("digest")).toString(), layer);
        QCOMPARE(layerDescriptor.value(QStringLiteral("mediaType")).toString(),
                 QStringLiteral("application/vnd.docker.image.rootfs.diff.tar.gzip"));
        QCOMPARE(qint64(layerDescriptor.value(QStringLiteral("size")).toInteger()),
                 QFileInfo(blobs.pathFor(layer)).size());
        auto config = blobs.read(plugin->configDigest, 1 << 20);
        QVERIFY(config.ok());
        auto parsed = PluginConfig::fromJson(*config);
        QVERIFY(parsed.ok());
        QCOMPARE(*parsed, plugin->config);

        // The store lists it, and the staging folder is gone.
        auto inventory = store.load();
        QVERIFY(inventory.ok());
        QCOMPARE(inventory->plugins.size(), 1);
        QCOMPARE(inventory->plugins.first().settings.env, QStringList{QStringLiteral("DEBUG=0")});
        QVERIFY(QDir(store.tmpDir()).isEmpty());
    }

    void sameFolderSameDigests()
    {
        QTemporaryDir dir;
        const QString folder = makeFolder(dir.path());
        auto first = LayerWriter::write(folder + QStringLiteral("/rootfs"), dir.filePath(QStringLiteral("a.tgz")));
        auto second = LayerWriter::write(folder + QStringLiteral("/rootfs"), dir.filePath(QStringLiteral("b.tgz")));
        QVERIFY(first.ok() && second.ok());
        QCOMPARE(first->digest, second->digest);
        QCOMPARE(first->diffId, second->diffId);
        QVERIFY(first->digest != first->diffId);
        QCOMPARE(first->entries, qint64(13));
    }

    // What the helper gets from a caller (the folder packed with LayerWriter::writeContext, read from a descriptor)
    // makes the same plugin as the folder itself: the same layer, config and manifest digests.
    void packedFolderMakesTheSamePlugin()
    {
        QTemporaryDir dir;
        const QString folder = makeFolder(dir.path());
        auto direct =
            createPlugin(Store(dir.filePath(QStringLiteral("direct"))), QStringLiteral("acme/packed"), folder, nullptr);
        QVERIFY2(direct.ok(), qPrintable(direct ? QString() : direct.error().message));
        const QString packed = dir.filePath(QStringLiteral("context.tar.gz"));
        auto written = LayerWriter::writeContext(folder + QStringLiteral("/config.json"),
                                                 folder + QStringLiteral("/rootfs"), packed);
        QVERIFY2(written.ok(), qPrintable(written ? QString() : written.error().message));
        const int fd = ::open(QFile::encodeName(packed).constData(), O_RDONLY | O_CLOEXEC);
        QVERIFY(fd >= 0);
        auto received = createPluginFromContext(Store(dir.filePath(QStringLiteral("received"))),
                                                QStringLiteral("acme/packed"), fd, folder, nullptr);
        QVERIFY2(received.ok(), qPrintable(received ? QString() : received.error().message));
        QCOMPARE(received->blobsums, direct->blobsums);
        QCOMPARE(received->configDigest, direct->configDigest);
        QCOMPARE(received->manifestDigest, direct->manifestDigest);
        // Nothing of the staging is left.
        QVERIFY(QDir(Store(dir.filePath(QStringLiteral("received"))).tmpDir())
                    .entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)
                    .isEmpty());
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("breakWhat"); // how to damage the folder
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("existing name") << QStringLiteral("acme/first") << QString() << int(ErrorCode::Conflict)
                                       << QStringLiteral("plugin \"acme/first:latest\" already exists");
        QTest::newRow("bad name") << QStringLiteral("acme//x") << QString() << int(ErrorCode::InvalidArgument)
                                  << QStringLiteral("acme//x");
        QTest::newRow("digest name") << QStringLiteral("acme/x@sha256:") + QString(64, QLatin1Char('a')) << QString()
                                     << int(ErrorCode::InvalidArgument) << QStringLiteral("digest");
        QTest::newRow("no config.json") << QStringLiteral("acme/x") << QStringLiteral("no-config")
                                        << int(ErrorCode::NotFound) << QStringLiteral("config.json");
        QTest::newRow("config without entrypoint") << QStringLiteral("acme/x") << QStringLiteral("no-entrypoint")
                                                   << int(ErrorCode::Corrupt) << QStringLiteral("entrypoint");
        QTest::newRow("config not JSON") << QStringLiteral("acme/x") << QStringLiteral("not-json")
                                         << int(ErrorCode::Corrupt) << QStringLiteral("config.json");
        QTest::newRow("no rootfs") << QStringLiteral("acme/x") << QStringLiteral("no-rootfs")
                                   << int(ErrorCode::NotFound) << QStringLiteral("rootfs");
        QTest::newRow("folder is a file")
            << QStringLiteral("acme/x") << QStringLiteral("file") << int(ErrorCode::InvalidArgument)
            << QStringLiteral("context must be a directory");
    }

    void refusals()
    {
        QFETCH(QString, name);
        QFETCH(QString, breakWhat);
        QFETCH(int, code);
        QFETCH(QString, message);
        QTemporaryDir dir;
        QString folder = makeFolder(dir.path());
        const Store store(dir.path() + QStringLiteral("/store"));
        QVERIFY(createPlugin(store, QStringLiteral("acme/first"), folder, nullptr).ok());
        if (breakWhat == QLatin1String("no-config"))
            QFile::remove(folder + QStringLiteral("/config.json"));
        else if (breakWhat == QLatin1String("no-entrypoint"))
            testutil::writeFile(folder + QStringLiteral("/config.json"),
                                "{\"interface\": {\"types\": [\"docker.volumedriver/1.0\"], \"socket\": \"t.sock\"}}");
        else if (breakWhat == QLatin1String("not-json"))
            testutil::writeFile(folder + QStringLiteral("/config.json"), "{\"entrypoint\": ");
        else if (breakWhat == QLatin1String("no-rootfs"))
            QDir(folder + QStringLiteral("/rootfs")).removeRecursively();
        else if (breakWhat == QLatin1String("file"))
            folder += QStringLiteral("/config.json");
        const auto before = testutil::snapshot(store.root());
        auto plugin = createPlugin(store, name, folder, nullptr);
        QVERIFY(!plugin.ok());
        QCOMPARE(int(plugin.error().code), code);
        QVERIFY2(plugin.error().message.contains(message), qPrintable(plugin.error().message));
        QCOMPARE(testutil::snapshot(store.root()), before);
    }
};

QTEST_GUILESS_MAIN(TestCreatePlugin)
#include "tst_createplugin.moc"
