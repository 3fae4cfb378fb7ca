// plugin push against real docker-registry processes on loopback: create -> push -> the manifest, config and layer
// read back with RegistryClient; a second push only HEADs; htpasswd auth with a DOCKER_CONFIG the test writes;
// refusals (no login, a seed plugin without blobs, a missing name, a digest reference) leave the store as it was;
// plugdeskctl's Docker-shaped output; and PushPlugin through plugdesk-helper, which uses the caller's login and
// never root's.
#include "common/enginewait.h"
#include "common/pluginfixture.h"
#include "common/privatebus.h"
#include "common/testregistry.h"
#include "common/testutil.h"
#include "common/waitfor.h"
#include "core/engine/createplugin.h"
#include "core/engine/localengine.h"
#include "core/helper/helperengine.h"
#include "core/helper/helpermethods.h"
#include "core/helper/helperprotocol.h"
#include "core/helper/remotejob.h"
#include "core/plugin/manifest.h"
#include "core/registry/registryclient.h"
#include "core/store/blobstore.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDBusMessage>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>
#include <optional>

using namespace Qt::StringLiterals;

using namespace core;

Q_DECLARE_METATYPE(core::ErrorCode)

using testutil::waitFor;

namespace {

// A plugin folder as `docker plugin create` takes it: config.json and a rootfs with a few files.
bool writePluginFolder(const QString &folder, const QByteArray &marker)
{
    const QByteArray config = R"({"description": "push test",
        "entrypoint": ["/plugin"], "interface": {"types": ["docker.volumedriver/1.0"], "socket": "pt.sock"},
        "env": [{"name": "DEBUG", "settable": ["value"], "value": "0"}]})";
    return testutil::writeFile(folder + u"/config.json"_s, config) &&
           testutil::writeFile(folder + u"/rootfs/plugin"_s, "#!/bin/sh\necho " + marker + "\n") &&
           testutil::writeFile(folder + u"/rootfs/etc/data.bin"_s, QByteArray(200000, 'x') + marker);
}

struct PushOutcome
{
    std::optional<Error> error;
    QVariantMap result;
    QList<JobProgress> progress;
};

PushOutcome runPush(Engine &engine, const QString &name)
{
    Job *job = engine.push(name);
    PushOutcome outcome;
    QObject::connect(job, &Job::progressed, job, [&outcome](const JobProgress &p) { outcome.progress.append(p); });
    job->waitForFinished();
    outcome.error = job->error();
    outcome.result = job->result().toMap();
    delete job;
    return outcome;
}

QStringList phasesOf(const PushOutcome &outcome)
{
    QStringList phases;
    for (const JobProgress &p : outcome.progress) {
        if (!p.item.isEmpty())
            phases.append(p.item + QStringLiteral(": ") + p.phase);
    }
    return phases;
}

} // namespace

class TestPushPlugin : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    testutil::TestRegistry m_registry;
    testutil::TestRegistry m_authRegistry;
    QString m_noLogins;

    QString storeRoot() const { return m_dir.path() + QStringLiteral("/store"); }

    std::unique_ptr<LocalEngine> newEngine() const
    {
        return std::make_unique<LocalEngine>(LocalEngine::Options{storeRoot(), m_dir.path() + u"/run"_s, false});
    }

    // Creates a plugin named `name` from a fresh folder; the plugin as the store has it.
    Plugin create(const QString &name, const QByteArray &marker)
    {
        const QString folder = m_dir.path() + u"/src-"_s + QString::fromLatin1(marker);
        if (!writePluginFolder(folder, marker))
            qFatal("cannot write the plugin folder");
        auto plugin = createPlugin(Store(storeRoot()), name, folder, nullptr);
        if (!plugin)
            qFatal("%s", qPrintable(plugin.error().message));
        return *plugin;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Never root's own logins: every engine made here reads this (empty) folder unless a test says otherwise.
        m_noLogins = m_dir.path() + u"/no-logins"_s;
        QDir().mkpath(m_noLogins);
        qputenv("DOCKER_CONFIG", m_noLogins.toLocal8Bit());
        QString error;
        QVERIFY2(m_registry.start({}, &error), qPrintable(error));
        QVERIFY2(m_authRegistry.start({u"pushuser"_s, u"push-pass"_s, {}, {}, {}, {}}, &error), qPrintable(error));
    }

    void pushThenReadBack()
    {
        const QString name = m_registry.host() + u"/acme/vol"_s;
        const Plugin plugin = create(name, "first");
        auto engine = newEngine();
        const PushOutcome pushed = runPush(*engine, name);
        QVERIFY2(!pushed.error, qPrintable(pushed.error ? pushed.error->message : QString()));
        QCOMPARE(pushed.result.value(u"tag"_s).toString(), QStringLiteral("latest"));
        QCOMPARE(pushed.result.value(u"repository"_s).toString(), name);
        const QString digest = pushed.result.value(u"digest"_s).toString();
        QVERIFY(digest.startsWith(u"sha256:"_s));
        // The stored manifest went up as it is.
        QCOMPARE(digest, plugin.manifestDigest);
        QVERIFY(pushed.progress.first().text.contains(u"The push refers to repository ["_s + name + u"]"_s));
        const QString layer = plugin.blobsums.first().mid(7, 12);
        const QStringList phases = phasesOf(pushed);
        QVERIFY2(phases.contains(layer + u": Preparing"_s), qPrintable(phases.join(QLatin1Char('\n'))));
        QVERIFY2(phases.contains(layer + u": Pushing"_s), qPrintable(phases.join(QLatin1Char('\n'))));
        QVERIFY2(phases.contains(layer + u": Pushed"_s), qPrintable(phases.join(QLatin1Char('\n'))));
        QVERIFY(!phases.contains(layer + u": Layer already exists"_s));

        RegistryClient::Options options;
        options.credentialsDir = m_noLogins;
        RegistryClient client(options);
        const Reference reference = *Reference::parse(name + u":latest"_s);
        auto manifest =
            waitFor<Result<Manifest>>([&](QObject *c, auto done) { client.fetchManifest(reference, c, done); });
        QVERIFY2(manifest.ok(), qPrintable(manifest.ok() ? QString() : manifest.error().message));
        QCOMPARE(manifest->digest, digest);
        QCOMPARE(manifest->mediaType, Manifest::DockerManifest);
        QCOMPARE(manifest->config.mediaType, QStringLiteral("application/vnd.docker.plugin.v1+json"));
        QCOMPARE(manifest->config.digest, plugin.configDigest);
        QCOMPARE(manifest->layers.size(), 1);
        QCOMPARE(manifest->layers.first().mediaType,
                 QStringLiteral("application/vnd.docker.image.rootfs.diff.tar.gzip"));
        QCOMPARE(manifest->layers.first().digest, plugin.blobsums.first());

        const BlobStore blobs(Store(storeRoot()).blobsDir());
        auto config = waitFor<Result<QByteArray>>(
            [&](QObject *c, auto done) { client.fetchConfig(reference, manifest->config, c, done); });
        QVERIFY(config.ok());
        QCOMPARE(*config, *blobs.read(plugin.configDigest, 1 << 20));
        QByteArray layerBytes;
        auto fetched = waitFor<Status>([&](QObject *c, auto done) {
            client.fetchBlob(
                reference, manifest->layers.first(), c,
                [&](const char *data, qsizetype size) -> Status {
                    layerBytes.append(data, size);
                    return {};
                },
                done);
        });
        QVERIFY2(fetched.ok(), qPrintable(fetched.ok() ? QString() : fetched.error().message));
        QCOMPARE(layerBytes, *blobs.read(plugin.blobsums.first(), 1 << 30));
    }

    // A layer of many MB goes up from its file, with byte progress while it is sent, and arrives intact.
    void largeLayerStreamsWithProgress()
    {
        const QString name = m_registry.host() + u"/acme/big"_s;
        const QString folder = m_dir.path() + u"/src-big"_s;
        QVERIFY(writePluginFolder(folder, "big"));
        QByteArray noise(24 * 1024 * 1024, Qt::Uninitialized);
        quint32 x = 2463534242u; // xorshift: incompressible, so the gzip layer stays ~24 MB
        for (qsizetype i = 0; i < noise.size(); ++i) {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            noise[i] = char(x);
        }
        QVERIFY(testutil::writeFile(folder + u"/rootfs/var/noise.bin"_s, noise));
        auto plugin = createPlugin(Store(storeRoot()), name, folder, nullptr);
        QVERIFY2(plugin.ok(), qPrintable(plugin.ok() ? QString() : plugin.error().message));
        const QString layer = plugin->blobsums.first();
        const qint64 layerSize = QFileInfo(BlobStore(Store(storeRoot()).blobsDir()).pathFor(layer)).size();
        QVERIFY(layerSize > 20 * 1024 * 1024);

        auto engine = newEngine();
        const PushOutcome pushed = runPush(*engine, name);
        QVERIFY2(!pushed.error, qPrintable(pushed.error ? pushed.error->message : QString()));
        qint64 lastSent = -1;
        bool sawPartial = false;
        for (const JobProgress &p : pushed.progress) {
            if (p.item != layer.mid(7, 12) || p.phase != QStringLiteral("Pushing"))
                continue;
            QVERIFY(p.bytesDone >= lastSent);
            QCOMPARE(p.bytesTotal, layerSize);
            sawPartial = sawPartial || (p.bytesDone > 0 && p.bytesDone < layerSize);
            lastSent = p.bytesDone;
        }
        QVERIFY2(sawPartial, "no progress while the layer was sent");

        RegistryClient::Options options;
        options.credentialsDir = m_noLogins;
        RegistryClient client(options);
        const Reference reference = *Reference::parse(name + u":latest"_s);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        qint64 received = 0;
        Descriptor descriptor;
        descriptor.mediaType = QStringLiteral("application/vnd.docker.image.rootfs.diff.tar.gzip");
        descriptor.digest = layer;
        descriptor.size = layerSize;
        auto fetched = waitFor<Status>([&](QObject *c, auto done) {
            client.fetchBlob(
                reference, descriptor, c,
                [&](const char *data, qsizetype size) -> Status {
                    hash.addData(QByteArrayView(data, size));
                    received += size;
                    return {};
                },
                done);
        });
        QVERIFY2(fetched.ok(), qPrintable(fetched.ok() ? QString() : fetched.error().message));
        QCOMPARE(received, layerSize);
        QCOMPARE(QStringLiteral("sha256:") + QString::fromLatin1(hash.result().toHex()), layer);
    }

    void secondPushOnlyChecks()
    {
        const QString name = m_registry.host() + u"/acme/again:1.0"_s;
        const Plugin plugin = create(name, "again");
        auto engine = newEngine();
        const PushOutcome first = runPush(*engine, name);
        QVERIFY2(!first.error, qPrintable(first.error ? first.error->message : QString()));
        const PushOutcome second = runPush(*engine, name);
        QVERIFY2(!second.error, qPrintable(second.error ? second.error->message : QString()));
        QCOMPARE(second.result.value(u"digest"_s), first.result.value(u"digest"_s));
        QCOMPARE(second.result.value(u"tag"_s).toString(), QStringLiteral("1.0"));
        const QStringList phases = phasesOf(second);
        for (const QString &digest : plugin.blobsums + QStringList{plugin.configDigest}) {
            QVERIFY2(phases.contains(digest.mid(7, 12) + u": Layer already exists"_s),
                     qPrintable(phases.join(QLatin1Char('\n'))));
            QVERIFY(!phases.contains(digest.mid(7, 12) + u": Pushing"_s));
        }
    }

    void manifestRebuiltWhenCollected()
    {
        // Docker's GC collects manifests; push then rebuilds one from config and blobsums
        // (docs/docker-compat.md §4.3, §7.3).
        const QString name = m_registry.host() + u"/acme/rebuilt"_s;
        const Plugin plugin = create(name, "rebuilt");
        QVERIFY(QFile::remove(BlobStore(Store(storeRoot()).blobsDir()).pathFor(plugin.manifestDigest)));
        auto engine = newEngine();
        const PushOutcome pushed = runPush(*engine, name);
        QVERIFY2(!pushed.error, qPrintable(pushed.error ? pushed.error->message : QString()));
        const BlobStore blobs(Store(storeRoot()).blobsDir());
        const QByteArray expected =
            pluginManifest(plugin.configDigest, QFileInfo(blobs.pathFor(plugin.configDigest)).size(), plugin.blobsums,
                           {QFileInfo(blobs.pathFor(plugin.blobsums.first())).size()});
        QCOMPARE(pushed.result.value(u"digest"_s).toString(), Manifest::digestOf(expected));
        QCOMPARE(pushed.result.value(u"size"_s).toLongLong(), qint64(expected.size()));
    }

    void pushWithLogin()
    {
        const QString name = m_authRegistry.host() + u"/acme/private"_s;
        create(name, "private");
        QTemporaryDir logins;
        const QJsonObject config{
            {u"auths"_s,
             QJsonObject{
                 {m_authRegistry.host(),
                  QJsonObject{{u"auth"_s, QString::fromLatin1(QByteArray("pushuser:push-pass").toBase64())}}}}}};
        QVERIFY(testutil::writeFile(logins.filePath(u"config.json"_s), QJsonDocument(config).toJson()));
        qputenv("DOCKER_CONFIG", logins.path().toLocal8Bit());
        auto engine = newEngine();
        const PushOutcome pushed = runPush(*engine, name);
        qputenv("DOCKER_CONFIG", m_noLogins.toLocal8Bit());
        QVERIFY2(!pushed.error, qPrintable(pushed.error ? pushed.error->message : QString()));

        RegistryClient::Options options;
        options.credentialsDir = logins.path();
        RegistryClient client(options);
        auto manifest = waitFor<Result<Manifest>>(
            [&](QObject *c, auto done) { client.fetchManifest(*Reference::parse(name), c, done); });
        QVERIFY2(manifest.ok(), qPrintable(manifest.ok() ? QString() : manifest.error().message));
        QCOMPARE(manifest->digest, pushed.result.value(u"digest"_s).toString());
    }

    void refused_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<core::ErrorCode>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing") << "x" << ErrorCode::NotFound << "plugin \"x\" not found";
        QTest::newRow("digest") << u"REG/acme/vol@sha256:"_s + QString(64, QLatin1Char('a'))
                                << ErrorCode::InvalidArgument << u"invalid name: REG/acme/vol@sha256:"_s;
        QTest::newRow("seed plugin without blobs")
            << "acme/seed" << ErrorCode::NotFound << "plugin acme/seed:latest has no layers to push";
        QTest::newRow("no login") << "AUTH/acme/nologin" << ErrorCode::Auth << "run plugdeskctl login AUTH";
    }

    void refused()
    {
        QFETCH(QString, name);
        QFETCH(core::ErrorCode, code);
        QFETCH(QString, message);
        name.replace(u"REG"_s, m_registry.host()).replace(u"AUTH"_s, m_authRegistry.host());
        message.replace(u"REG"_s, m_registry.host()).replace(u"AUTH"_s, m_authRegistry.host());
        if (name == u"acme/seed"_s) {
            // A plugin as a hand-made seed store has it: no config, manifest or layer blobs.
            Plugin seed = testutil::makeTestPlugin({u"5eed"_s, u"acme/seed"_s, u"latest"_s, {}, {}, {}, {}});
            auto inventory = Store(storeRoot()).load();
            QVERIFY(inventory.ok());
            if (!Store::find(inventory->plugins, u"5eed"_s).ok())
                QVERIFY(testutil::writeTestPlugins(storeRoot(), QCoreApplication::applicationFilePath(),
                                                   inventory->plugins + QList<Plugin>{seed}));
        } else if (name.endsWith(u"/acme/nologin"_s)) {
            if (!Store::find(Store(storeRoot()).load()->plugins, name).ok())
                create(name, "nologin");
        }
        const auto before = testutil::snapshot(storeRoot());
        auto engine = newEngine();
        const PushOutcome pushed = runPush(*engine, name);
        QVERIFY(pushed.error.has_value());
        QCOMPARE(pushed.error->code, code);
        QVERIFY2(pushed.error->message.contains(message), qPrintable(pushed.error->message));
        if (name == u"acme/seed"_s)
            QVERIFY2(pushed.error->message.contains(u"plugdeskctl plugin create"_s), qPrintable(pushed.error->message));
        QCOMPARE(testutil::snapshot(storeRoot()), before);
    }

    void pushThroughTheHelperUsesTheCallersLogin()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: the helper's name is root's on the bus");
        const QString name = m_authRegistry.host() + u"/acme/viahelper"_s;
        create(name, "viahelper");
        QTemporaryDir logins;
        const QJsonObject config{
            {u"auths"_s,
             QJsonObject{
                 {m_authRegistry.host(),
                  QJsonObject{{u"auth"_s, QString::fromLatin1(QByteArray("pushuser:push-pass").toBase64())}}}}}};
        QVERIFY(testutil::writeFile(logins.filePath(u"config.json"_s), QJsonDocument(config).toJson()));

        testutil::PrivateBus bus;
        const QString why = bus.start(m_dir.path());
        QVERIFY2(why.isEmpty(), qPrintable(why));
        // The helper (root) has a login for the registry; the caller at first has none.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"DOCKER_CONFIG"_s, logins.path());
        testutil::HelperProcess helper;
        QVERIFY(helper.start(QStringLiteral(PLUGDESK_HELPER), bus.address(), storeRoot(), m_dir.path() + u"/run"_s, {},
                             environment));

        HelperEngine engine({bus.address(), {}});

        QCOMPARE(testutil::ready(engine), QString());
        PushOutcome pushed = runPush(engine, name);
        QVERIFY2(pushed.error.has_value(), "root's login must not be used for the caller");
        QCOMPARE(pushed.error->code, ErrorCode::Auth);
        QVERIFY2(pushed.error->message.contains(u"plugdeskctl login "_s + m_authRegistry.host()),
                 qPrintable(pushed.error->message));

        // A login sent for another registry is not used for this one.
        QDBusConnection raw = QDBusConnection::connectToBus(bus.address(), u"tst-push-raw"_s);
        const HelperMessage push = methods::PushPlugin::call(
            name, QStringLiteral(R"({"serveraddress":"elsewhere.example:5000","username":"pushuser",)"
                                 R"("password":"push-pass"})"));
        QDBusMessage call = QDBusMessage::createMethodCall(HelperProtocol::serviceName(), HelperProtocol::objectPath(),
                                                           HelperProtocol::interfaceName(), push.member);
        call.setArguments(push.arguments);
        const QDBusMessage reply = raw.call(call, QDBus::Block, 30000);
        QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
        {
            // Followed on the connection that started it: a job's signals go to its owner only.
            Job *job = RemoteJob::adopt(raw, HelperProtocol::serviceName(),
                                        reply.arguments().value(0).value<QDBusObjectPath>().path(), u"push"_s);
            job->waitForFinished();
            QVERIFY(job->error().has_value());
            QCOMPARE(job->error()->code, ErrorCode::Auth);
            delete job;
        }
        raw = QDBusConnection(QString());
        QDBusConnection::disconnectFromBus(u"tst-push-raw"_s);

        // The caller's own login travels with the call.
        qputenv("DOCKER_CONFIG", logins.path().toLocal8Bit());
        pushed = runPush(engine, name);
        qputenv("DOCKER_CONFIG", m_noLogins.toLocal8Bit());
        QVERIFY2(!pushed.error, qPrintable(pushed.error ? pushed.error->message : QString()));
        QVERIFY(pushed.result.value(u"digest"_s).toString().startsWith(u"sha256:"_s));
        QCOMPARE(pushed.result.value(u"tag"_s).toString(), QStringLiteral("latest"));
    }

    void plugdeskctlPrintsDockersLines()
    {
        const QString name = m_registry.host() + u"/acme/cli"_s;
        const Plugin plugin = create(name, "cli");
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"LC_ALL"_s, u"C"_s);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(PLUGDESKCTL),
                      {u"--root"_s, storeRoot(), u"--run"_s, m_dir.path() + u"/run"_s, u"plugin"_s, u"push"_s, name});
        QVERIFY(process.waitForFinished(120000));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.first(), u"The push refers to repository ["_s + name + u"]"_s);
        const QString layer = plugin.blobsums.first().mid(7, 12);
        QVERIFY2(lines.contains(layer + u": Preparing"_s), qPrintable(out));
        QVERIFY2(lines.contains(layer + u": Pushing"_s), qPrintable(out));
        QVERIFY2(lines.contains(layer + u": Pushed"_s), qPrintable(out));
        const QByteArray manifest = *BlobStore(Store(storeRoot()).blobsDir()).read(plugin.manifestDigest, 1 << 22);
        QCOMPARE(lines.last(),
                 QStringLiteral("latest: digest: %1 size: %2").arg(plugin.manifestDigest).arg(manifest.size()));

        // Docker's CLI refuses a digest reference itself.
        process.start(QStringLiteral(PLUGDESKCTL), {u"--root"_s, storeRoot(), u"plugin"_s, u"push"_s,
                                                    name + u"@sha256:"_s + QString(64, QLatin1Char('b'))});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 1);
        QCOMPARE(QString::fromUtf8(process.readAllStandardError()),
                 u"Error: invalid name: "_s + name + u"@sha256:"_s + QString(64, QLatin1Char('b')) + u"\n"_s);
    }
};

QTEST_GUILESS_MAIN(TestPushPlugin)
#include "tst_pushplugin.moc"
