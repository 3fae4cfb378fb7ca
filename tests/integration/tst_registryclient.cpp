// RegistryClient and LocalEngine::privileges against real registries on loopback: a docker-registry process
// (anonymous, htpasswd Basic auth, token auth with a test token server issuing signed JWTs), and a misbehaving
// server of our own for corrupt blobs, cut connections, 503s and oversized manifests.
#include "common/testhttpserver.h"
#include "common/testregistry.h"
#include "common/testtokenserver.h"
#include "common/testutil.h"
#include "common/waitfor.h"
#include "core/engine/localengine.h"
#include "core/registry/registryclient.h"

#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSslCertificate>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <atomic>

using namespace Qt::StringLiterals;

using namespace core;
using testutil::HttpReply;
using testutil::httpReply;
using testutil::HttpRequest;
using testutil::TestHttpServer;

using testutil::waitFor;

namespace {

const QByteArray kPluginConfig =
    "{\"description\":\"registry test plugin\",\"interface\":{\"types\":[\"docker.volumedriver/1.0\"],"
    "\"socket\":\"tv.sock\"},\"entrypoint\":[\"/plugin\"],\"network\":{\"type\":\"host\"},"
    "\"linux\":{\"capabilities\":[\"CAP_SYS_ADMIN\"],\"devices\":[{\"name\":\"fuse\",\"path\":\"/dev/fuse\"}]},"
    "\"mounts\":[{\"name\":\"state\",\"source\":\"/var/lib/plugdesk-test\",\"destination\":\"/state\","
    "\"type\":\"bind\",\"options\":[\"rbind\"]}],\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]}}";

Reference ref(const QString &text)
{
    return *Reference::parse(text);
}

QByteArray randomBytes(qsizetype size)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), size / 4);
    return data;
}

RegistryClient::Options fastOptions(const QString &credentialsDir)
{
    RegistryClient::Options options;
    options.timeoutMs = 5000;
    options.backoffMs = {20, 40, 80};
    options.maxRetryAfterMs = 200;
    options.credentialsDir = credentialsDir;
    options.os = QStringLiteral("linux");
    options.architecture = QStringLiteral("amd64");
    options.endpointSources = RegistryEndpoint::Sources{};
    return options;
}

// Runs openssl with `arguments` in `dir`; its error output when it fails, else empty.
QString openssl(const QString &dir, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(dir);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        return QStringLiteral("openssl %1: %2")
            .arg(arguments.join(u' '), QString::fromLocal8Bit(process.readAllStandardError()));
    return {};
}

// A CA, a server certificate for 127.0.0.1 and a client certificate, both signed by the CA, as PEM files in `dir`
// (ca.crt, server.crt/.key, client.cert/.key); an error text on failure.
QString makeCertificates(const QString &dir)
{
    const QStringList ec{u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:prime256v1"_s, u"-nodes"_s};
    QFile extensions(QDir(dir).filePath(u"server.ext"_s));
    if (!extensions.open(QIODevice::WriteOnly) || extensions.write("subjectAltName=IP:127.0.0.1\n") < 0)
        return u"cannot write server.ext"_s;
    extensions.close();
    for (const QStringList &arguments : {
             QStringList{u"req"_s, u"-x509"_s} + ec +
                 QStringList{u"-keyout"_s, u"ca.key"_s, u"-out"_s, u"ca.crt"_s, u"-subj"_s, u"/CN=plugdesk test CA"_s,
                             u"-days"_s, u"2"_s},
             QStringList{u"req"_s} + ec +
                 QStringList{u"-keyout"_s, u"server.key"_s, u"-out"_s, u"server.csr"_s, u"-subj"_s, u"/CN=127.0.0.1"_s},
             QStringList{u"x509"_s, u"-req"_s, u"-in"_s, u"server.csr"_s, u"-CA"_s, u"ca.crt"_s, u"-CAkey"_s,
                         u"ca.key"_s, u"-CAcreateserial"_s, u"-out"_s, u"server.crt"_s, u"-days"_s, u"2"_s,
                         u"-extfile"_s, u"server.ext"_s},
             QStringList{u"req"_s} + ec +
                 QStringList{u"-keyout"_s, u"client.key"_s, u"-out"_s, u"client.csr"_s, u"-subj"_s,
                             u"/CN=plugdesk client"_s},
             QStringList{u"x509"_s, u"-req"_s, u"-in"_s, u"client.csr"_s, u"-CA"_s, u"ca.crt"_s, u"-CAkey"_s,
                         u"ca.key"_s, u"-CAcreateserial"_s, u"-out"_s, u"client.cert"_s, u"-days"_s, u"2"_s},
         }) {
        if (QString error = openssl(dir, arguments); !error.isEmpty())
            return error;
    }
    return {};
}

// An https blob store on 127.0.0.1 (what a registry backed by object storage redirects blobs to): answers every GET
// with `body` over TLS with the certificates of makeCertificates, and requires a client certificate signed by its CA.
class TlsBlobStore final : public QSslServer
{
public:
    TlsBlobStore(const QString &dir, QByteArray body)
        : m_body(std::move(body))
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setLocalCertificate(QSslCertificate::fromPath(QDir(dir).filePath(u"server.crt"_s)).value(0));
        QFile key(QDir(dir).filePath(u"server.key"_s));
        if (key.open(QIODevice::ReadOnly))
            tls.setPrivateKey(QSslKey(key.readAll(), QSsl::Ec));
        tls.setCaCertificates(QSslCertificate::fromPath(QDir(dir).filePath(u"ca.crt"_s)));
        tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
        setSslConfiguration(tls);
        connect(this, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (auto *socket = qobject_cast<QSslSocket *>(nextPendingConnection())) {
                connect(socket, &QSslSocket::disconnected, socket, &QObject::deleteLater);
                clientNames.append(socket->peerCertificate().subjectInfo(QSslCertificate::CommonName).value(0));
                auto *request = new QByteArray;
                connect(socket, &QObject::destroyed, socket, [request] { delete request; });
                connect(socket, &QSslSocket::readyRead, socket, [this, socket, request] {
                    request->append(socket->readAll());
                    if (!request->contains("\r\n\r\n"))
                        return;
                    ++requests;
                    socket->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(m_body.size()) +
                                  "\r\nConnection: close\r\n\r\n" + m_body);
                    socket->disconnectFromHost();
                });
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }

    QString authority() const { return QStringLiteral("127.0.0.1:%1").arg(serverPort()); }
    QStringList clientNames; // the common name of each client certificate seen
    int requests = 0;

private:
    QByteArray m_body;
};

struct Pushed
{
    QString manifestDigest;
    Descriptor config;
    Descriptor layer;
    QByteArray layerBytes;
};

// Pushes config + one layer + a schema2 manifest with `client`; the result's digest is empty on failure.
Pushed push(RegistryClient &client, const Reference &reference, const QString &configType, const QByteArray &config,
            QString *error)
{
    Pushed pushed;
    pushed.layerBytes = randomBytes(300 * 1024);
    for (const auto &[bytes, descriptor, type] : {std::tuple{config, &pushed.config, configType},
                                                  std::tuple{pushed.layerBytes, &pushed.layer, Manifest::LayerGzip}}) {
        auto digest = waitFor<Result<QString>>(
            [&](QObject *context, auto done) { client.uploadBlob(reference.trimmed(), bytes, context, done); });
        if (!digest) {
            *error = digest.error().message;
            return {};
        }
        *descriptor = Descriptor{type, *digest, bytes.size(), {}, {}, {}};
    }
    const QByteArray manifest = Manifest::schema2(pushed.config, {pushed.layer});
    auto digest = waitFor<Result<QString>>([&](QObject *context, auto done) {
        client.putManifest(reference, Manifest::DockerManifest, manifest, context, done);
    });
    if (!digest) {
        *error = digest.error().message;
        return {};
    }
    pushed.manifestDigest = *digest;
    return pushed;
}

void writeLogin(const QString &dir, const QString &host, const QString &user, const QString &password)
{
    const QJsonObject config{
        {u"auths"_s,
         QJsonObject{{host, QJsonObject{{u"auth"_s, QString::fromLatin1(
                                                        (user + QLatin1Char(':') + password).toUtf8().toBase64())}}}}}};
    testutil::writeFile(dir + u"/config.json"_s, QJsonDocument(config).toJson());
}

} // namespace

class TestRegistryClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("PLUGDESK_INSECURE_REGISTRIES", "");
        QString error;
        QVERIFY2(m_anonymous.start({}, &error), qPrintable(error));
        QVERIFY2(m_basic.start({u"basicuser"_s, u"basic pass:word"_s, {}, {}, {}, {}}, &error), qPrintable(error));
        QVERIFY2(m_tokens.start(m_dir.path(), &error), qPrintable(error));
        QVERIFY2(m_token.start({{},
                                {},
                                m_tokens.realm(),
                                testutil::TestTokenServer::Service,
                                testutil::TestTokenServer::Issuer,
                                m_tokens.certPath()},
                               &error),
                 qPrintable(error));
    }

    void cleanup()
    {
        m_tokens.requireLogin = true;
        m_tokens.refusePluginClass = false;
        m_tokens.acceptPost = true;
    }

    // Push with the client, read everything back: manifest, config, streamed blob, tags, HEAD.
    void pushAndReadBack_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("anonymous") << "anonymous";
        QTest::newRow("htpasswd basic") << "basic";
        QTest::newRow("token, password grant") << "token";
        QTest::newRow("token, GET with basic fallback") << "token-get";
        QTest::newRow("token server refusing the plugin class") << "token-noclass";
    }

    void pushAndReadBack()
    {
        QFETCH(QString, which);
        QTemporaryDir credentials;
        QString host = m_anonymous.host();
        if (which == u"basic"_s) {
            host = m_basic.host();
            writeLogin(credentials.path(), host, u"basicuser"_s, u"basic pass:word"_s);
        } else if (which.startsWith(u"token"_s)) {
            host = m_token.host();
            writeLogin(credentials.path(), host, m_tokens.user, m_tokens.password);
            m_tokens.acceptPost = which != u"token-get"_s;
            m_tokens.refusePluginClass = which == u"token-noclass"_s;
        }
        m_tokens.seen.clear();
        RegistryClient client(fastOptions(credentials.path()));
        const Reference reference = ref(host + u"/test/"_s + which + u":1.0"_s);
        QString error;
        const Pushed pushed = push(client, reference, Manifest::PluginConfigV1, kPluginConfig, &error);
        QVERIFY2(!pushed.manifestDigest.isEmpty(), qPrintable(error));

        auto ping = waitFor<Status>([&](QObject *context, auto done) { client.ping(host, context, done); });
        QVERIFY2(ping.ok(), ping.ok() ? "" : qPrintable(ping.error().message));

        auto manifest =
            waitFor<Result<Manifest>>([&](QObject *c, auto done) { client.fetchManifest(reference, c, done); });
        QVERIFY2(manifest.ok(), manifest.ok() ? "" : qPrintable(manifest.error().message));
        QCOMPARE(manifest->digest, pushed.manifestDigest);
        QCOMPARE(manifest->mediaType, Manifest::DockerManifest);
        QCOMPARE(manifest->config.mediaType, Manifest::PluginConfigV1);
        QCOMPARE(manifest->layers.size(), 1);
        QCOMPARE(manifest->layers[0].digest, pushed.layer.digest);

        // By digest too.
        auto byDigest = waitFor<Result<Manifest>>([&](QObject *c, auto done) {
            client.fetchManifest(ref(host + u"/test/"_s + which + u"@"_s + pushed.manifestDigest), c, done);
        });
        QVERIFY(byDigest.ok());
        QCOMPARE(byDigest->bytes, manifest->bytes);

        auto config = waitFor<Result<QByteArray>>(
            [&](QObject *c, auto done) { client.fetchConfig(reference.trimmed(), manifest->config, c, done); });
        QVERIFY(config.ok());
        QCOMPARE(*config, kPluginConfig);

        QByteArray streamed;
        int chunks = 0;
        auto blob = waitFor<Status>([&](QObject *c, auto done) {
            client.fetchBlob(
                reference.trimmed(), pushed.layer, c,
                [&](const char *data, qsizetype size) {
                    streamed.append(data, size);
                    ++chunks;
                    return Status();
                },
                done);
        });
        QVERIFY2(blob.ok(), blob.ok() ? "" : qPrintable(blob.error().message));
        QCOMPARE(streamed, pushed.layerBytes);
        QVERIFY(chunks >= 1);

        auto tags =
            waitFor<Result<QStringList>>([&](QObject *c, auto done) { client.listTags(reference.trimmed(), c, done); });
        QVERIFY(tags.ok());
        QCOMPARE(*tags, QStringList{u"1.0"_s});

        auto exists = waitFor<Result<bool>>(
            [&](QObject *c, auto done) { client.blobExists(reference.trimmed(), pushed.layer.digest, c, done); });
        QVERIFY(exists.ok() && *exists);
        auto absent = waitFor<Result<bool>>([&](QObject *c, auto done) {
            client.blobExists(reference.trimmed(), Manifest::digestOf("not there"), c, done);
        });
        QVERIFY(absent.ok() && !*absent);

        if (which.startsWith(u"token"_s)) {
            bool sawPost = false, sawBasicGet = false, sawPluginScope = false, sawPlainScope = false;
            for (const auto &seen : m_tokens.seen) {
                sawPost = sawPost || (seen.method == "POST" && seen.grantType == u"password"_s && seen.status == 200);
                sawBasicGet = sawBasicGet || (seen.method == "GET" && seen.basic && seen.status == 200);
                sawPluginScope = sawPluginScope || seen.scope.startsWith(u"repository(plugin):test/"_s);
                sawPlainScope = sawPlainScope || (seen.scope.startsWith(u"repository:test/"_s) && seen.status == 200);
            }
            QVERIFY(sawPluginScope);
            if (which == u"token"_s)
                QVERIFY(sawPost && !sawPlainScope);
            if (which == u"token-get"_s)
                QVERIFY(sawBasicGet);
            if (which == u"token-noclass"_s)
                QVERIFY(sawPlainScope);
        }
    }

    void privileges_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("anonymous") << "anonymous";
        QTest::newRow("htpasswd basic") << "basic";
        QTest::newRow("token") << "token";
    }

    // LocalEngine::privileges reads the manifest and the config only, with the user's login from DOCKER_CONFIG.
    void privileges()
    {
        QFETCH(QString, which);
        QTemporaryDir credentials;
        const QString host = which == u"basic"_s   ? m_basic.host()
                             : which == u"token"_s ? m_token.host()
                                                   : m_anonymous.host();
        if (which == u"basic"_s)
            writeLogin(credentials.path(), host, u"basicuser"_s, u"basic pass:word"_s);
        if (which == u"token"_s)
            writeLogin(credentials.path(), host, m_tokens.user, m_tokens.password);
        RegistryClient client(fastOptions(credentials.path()));
        const Reference reference = ref(host + u"/priv/"_s + which + u":latest"_s);
        QString error;
        const Pushed pushed = push(client, reference, Manifest::PluginConfigV1, kPluginConfig, &error);
        QVERIFY2(!pushed.manifestDigest.isEmpty(), qPrintable(error));

        qputenv("DOCKER_CONFIG", credentials.path().toLocal8Bit());
        QTemporaryDir root;
        LocalEngine engine({root.path(), root.filePath(u"run"_s), false});
        Job *job = engine.privileges(host + u"/priv/"_s + which);
        job->waitForFinished();
        QVERIFY2(job->succeeded(), job->error() ? qPrintable(job->error()->message) : "");
        const Privileges privileges = job->result().value<Privileges>();
        QStringList lines;
        for (const Privilege &privilege : privileges.items())
            lines.append(privilege.name + u"="_s + privilege.value.join(u","_s));
        QCOMPARE(lines, (QStringList{u"network=host"_s, u"mount=/var/lib/plugdesk-test"_s, u"device=/dev/fuse"_s,
                                     u"capabilities=CAP_SYS_ADMIN"_s}));
        // Nothing was written into the store.
        QVERIFY(QDir(root.path()).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).isEmpty());
        qunsetenv("DOCKER_CONFIG");
    }

    void notAPlugin()
    {
        QTemporaryDir credentials;
        RegistryClient client(fastOptions(credentials.path()));
        const QString host = m_anonymous.host();
        QString error;
        const Pushed pushed =
            push(client, ref(host + u"/library/busybox:latest"_s), u"application/vnd.docker.container.image.v1+json"_s,
                 "{\"architecture\":\"amd64\"}", &error);
        QVERIFY2(!pushed.manifestDigest.isEmpty(), qPrintable(error));
        QTemporaryDir root;
        LocalEngine engine({root.path(), root.filePath(u"run"_s), false});
        Job *job = engine.privileges(host + u"/library/busybox"_s);
        job->waitForFinished();
        QVERIFY(job->error());
        QCOMPARE(job->error()->code, ErrorCode::NotAPlugin);
        QCOMPARE(job->error()->message,
                 u"did not find plugin config for specified reference "_s + host + u"/library/busybox:latest"_s);
    }

    void missingTag()
    {
        QTemporaryDir credentials;
        RegistryClient client(fastOptions(credentials.path()));
        const QString text = m_anonymous.host() + u"/nobody/nothing:nope"_s;
        auto manifest =
            waitFor<Result<Manifest>>([&](QObject *c, auto done) { client.fetchManifest(ref(text), c, done); });
        QVERIFY(!manifest);
        QCOMPARE(manifest.error().code, ErrorCode::NotFound);
        QVERIFY2(manifest.error().message.contains(text), qPrintable(manifest.error().message));

        QTemporaryDir root;
        LocalEngine engine({root.path(), root.filePath(u"run"_s), false});
        Job *job = engine.privileges(text);
        job->waitForFinished();
        QVERIFY(job->error());
        QCOMPARE(job->error()->code, ErrorCode::NotFound);
    }

    void withoutLogin_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("htpasswd basic") << "basic";
        QTest::newRow("token") << "token";
    }

    // A 401 without credentials: the message says how to log in, naming the registry.
    void withoutLogin()
    {
        QFETCH(QString, which);
        const QString host = which == u"basic"_s ? m_basic.host() : m_token.host();
        QTemporaryDir credentials;
        qputenv("DOCKER_CONFIG", credentials.path().toLocal8Bit());
        QTemporaryDir root;
        LocalEngine engine({root.path(), root.filePath(u"run"_s), false});
        Job *job = engine.privileges(host + u"/secret/plugin:latest"_s);
        job->waitForFinished();
        qunsetenv("DOCKER_CONFIG");
        QVERIFY(job->error());
        QCOMPARE(job->error()->code, ErrorCode::Auth);
        QVERIFY2(job->error()->message.startsWith(u"cannot fetch the manifest of "_s + host +
                                                  "/secret/plugin:latest: "
                                                  u"the registry requires a login (401"_s),
                 qPrintable(job->error()->message));
        QVERIFY2(job->error()->message.endsWith(u"run plugdeskctl login "_s + host), qPrintable(job->error()->message));
    }

    void wrongPassword_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("htpasswd basic") << "basic";
        QTest::newRow("token") << "token";
    }

    void wrongPassword()
    {
        QFETCH(QString, which);
        const QString host = which == u"basic"_s ? m_basic.host() : m_token.host();
        QTemporaryDir credentials;
        writeLogin(credentials.path(), host, which == u"basic"_s ? u"basicuser"_s : m_tokens.user, u"wrong"_s);
        RegistryClient client(fastOptions(credentials.path()));
        auto ping = waitFor<Status>([&](QObject *c, auto done) { client.ping(host, c, done); });
        QVERIFY(!ping);
        QCOMPARE(ping.error().code, ErrorCode::Auth);
        QVERIFY2(ping.error().message.contains(u"refused the login for "_s + host), qPrintable(ping.error().message));
    }

    // A manifest list / OCI index is resolved to the configured platform.
    void indexResolvedToPlatform()
    {
        QTemporaryDir credentials;
        RegistryClient client(fastOptions(credentials.path()));
        const QString host = m_anonymous.host();
        QString error;
        const Pushed amd =
            push(client, ref(host + u"/multi/plugin:amd64"_s), Manifest::PluginConfigV1, kPluginConfig, &error);
        const Pushed arm =
            push(client, ref(host + u"/multi/plugin:arm64"_s), Manifest::PluginConfigV1, kPluginConfig, &error);
        QVERIFY2(!amd.manifestDigest.isEmpty() && !arm.manifestDigest.isEmpty(), qPrintable(error));
        auto entry = [](const Pushed &p, const QString &arch) {
            const QByteArray bytes = Manifest::schema2(p.config, {p.layer});
            return QJsonObject{{u"mediaType"_s, Manifest::DockerManifest},
                               {u"digest"_s, p.manifestDigest},
                               {u"size"_s, bytes.size()},
                               {u"platform"_s, QJsonObject{{u"os"_s, u"linux"_s}, {u"architecture"_s, arch}}}};
        };
        const QByteArray index =
            QJsonDocument(QJsonObject{{u"schemaVersion"_s, 2},
                                      {u"mediaType"_s, Manifest::OciIndex},
                                      {u"manifests"_s, QJsonArray{entry(arm, u"arm64"_s), entry(amd, u"amd64"_s)}}})
                .toJson(QJsonDocument::Compact);
        auto put = waitFor<Result<QString>>([&](QObject *c, auto done) {
            client.putManifest(ref(host + u"/multi/plugin:multi"_s), Manifest::OciIndex, index, c, done);
        });
        QVERIFY2(put.ok(), put.ok() ? "" : qPrintable(put.error().message));
        auto manifest = waitFor<Result<Manifest>>(
            [&](QObject *c, auto done) { client.fetchManifest(ref(host + u"/multi/plugin:multi"_s), c, done); });
        QVERIFY2(manifest.ok(), manifest.ok() ? "" : qPrintable(manifest.error().message));
        QCOMPARE(manifest->digest, amd.manifestDigest);

        RegistryClient::Options riscv = fastOptions(credentials.path());
        riscv.architecture = u"riscv64"_s;
        RegistryClient other(riscv);
        auto none = waitFor<Result<Manifest>>(
            [&](QObject *c, auto done) { other.fetchManifest(ref(host + u"/multi/plugin:multi"_s), c, done); });
        QVERIFY(!none);
        QCOMPARE(none.error().code, ErrorCode::NotFound);
        QVERIFY2(none.error().message.contains(u"linux/arm64, linux/amd64"_s), qPrintable(none.error().message));
    }

    void connectionRefused()
    {
        const quint16 port = testutil::freeLoopbackPort();
        QTemporaryDir credentials;
        RegistryClient client(fastOptions(credentials.path()));
        auto manifest = waitFor<Result<Manifest>>([&](QObject *c, auto done) {
            client.fetchManifest(ref(QStringLiteral("127.0.0.1:%1/a/b").arg(port)), c, done);
        });
        QVERIFY(!manifest);
        QCOMPARE(manifest.error().code, ErrorCode::Network);
        QVERIFY2(manifest.error().message.contains(QStringLiteral("cannot connect to 127.0.0.1:%1").arg(port)),
                 qPrintable(manifest.error().message));
    }

    // The misbehaving server: each row names what it does to a blob request.
    void misbehavingBlob_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<int>("expectedCode"); // 0: success
        QTest::addColumn<QString>("expectedText");
        QTest::addColumn<int>("expectedRequests"); // blob requests the client makes
        QTest::newRow("wrong bytes, right size")
            << "corrupt" << int(ErrorCode::DigestMismatch) << "its content has digest" << 1;
        QTest::newRow("too many bytes") << "long" << int(ErrorCode::DigestMismatch) << "more than the" << 1;
        QTest::newRow("too few bytes") << "short" << int(ErrorCode::DigestMismatch) << "the manifest gives" << 1;
        QTest::newRow("cut every time") << "cut" << int(ErrorCode::Network) << "closed the connection" << 3;
        QTest::newRow("cut once, resumed with Range") << "cut-once-range" << 0 << "" << 2;
        QTest::newRow("cut once, server ignores Range") << "cut-once-norange" << 0 << "" << 2;
        QTest::newRow("503 then success") << "503-once" << 0 << "" << 2;
        QTest::newRow("429 with Retry-After then success") << "429-once" << 0 << "" << 2;
        QTest::newRow("503 every time") << "503" << int(ErrorCode::Registry) << "answered 503" << 3;
        QTest::newRow("redirect to another host") << "redirect" << 0 << "" << 2;
        QTest::newRow("Basic challenge, then a redirect to another host") << "challenge-redirect" << 0 << "" << 3;
    }

    void misbehavingBlob()
    {
        QFETCH(QString, mode);
        QFETCH(int, expectedCode);
        QFETCH(QString, expectedText);
        QFETCH(int, expectedRequests);
        const QByteArray blob = randomBytes(256 * 1024);
        const QString digest = Manifest::digestOf(blob);
        int blobRequests = 0;
        bool sawAuthorizationOnOtherHost = false;
        QByteArray registryAuthorization; // what the registry got with the blob request it redirected
        TestHttpServer other([&](const HttpRequest &request) {
            ++blobRequests;
            sawAuthorizationOnOtherHost = request.headers.contains("authorization");
            return httpReply(200, blob);
        });
        TestHttpServer server([&](const HttpRequest &request) -> HttpReply {
            if (request.url.path() == u"/v2/"_s)
                return httpReply(200, "{}");
            ++blobRequests;
            const bool first = blobRequests == 1;
            if (mode == u"corrupt"_s) {
                QByteArray bad = blob;
                bad[1000] = char(bad[1000] ^ 0x55);
                return httpReply(200, bad);
            }
            if (mode == u"long"_s)
                return httpReply(200, blob + "extra");
            if (mode == u"short"_s)
                return httpReply(200, blob.left(blob.size() - 10));
            if (mode == u"cut"_s || (mode.startsWith(u"cut-once"_s) && first)) {
                HttpReply reply =
                    httpReply(200, blob.left(100 * 1024), {{"Content-Length", QByteArray::number(blob.size())}});
                reply.cutAfter = true;
                return reply;
            }
            if (mode == u"cut-once-range"_s) {
                const QByteArray range = request.headers.value("range");
                const qsizetype from = range.mid(6, range.indexOf('-') - 6).toLongLong();
                return httpReply(
                    206, blob.mid(from),
                    {{"Content-Range", "bytes " + QByteArray::number(from) + '-' + QByteArray::number(blob.size() - 1) +
                                           '/' + QByteArray::number(blob.size())}});
            }
            if ((mode == u"503-once"_s && first) || mode == u"503"_s)
                return httpReply(503, "{\"errors\":[{\"code\":\"UNAVAILABLE\",\"message\":\"try later\"}]}");
            if (mode == u"429-once"_s && first)
                return httpReply(429, "{}", {{"Retry-After", "1"}});
            if (mode == u"challenge-redirect"_s && !request.headers.contains("authorization"))
                return httpReply(401, "{}", {{"WWW-Authenticate", "Basic realm=\"test\""}});
            if (mode.endsWith(u"redirect"_s)) {
                registryAuthorization = request.headers.value("authorization");
                return httpReply(
                    307, {}, {{"Location", QStringLiteral("http://%1/blob-store/x").arg(other.authority()).toUtf8()}});
            }
            return httpReply(200, blob);
        });
        QTemporaryDir credentials;
        writeLogin(credentials.path(), server.authority(), u"u"_s, u"p"_s);
        RegistryClient client(fastOptions(credentials.path()));
        QByteArray received;
        const Descriptor descriptor{Manifest::LayerGzip, digest, blob.size(), {}, {}, {}};
        auto status = waitFor<Status>([&](QObject *c, auto done) {
            client.fetchBlob(
                ref(server.authority() + u"/bad/plugin"_s), descriptor, c,
                [&](const char *data, qsizetype size) {
                    received.append(data, size);
                    return Status();
                },
                done);
        });
        // At least: Qt itself may re-send a request whose connection closed before any of the answer was read.
        QVERIFY2(blobRequests >= expectedRequests && blobRequests <= 3 * expectedRequests,
                 qPrintable(QString::number(blobRequests)));
        if (expectedCode == 0) {
            QVERIFY2(status.ok(), status.ok() ? "" : qPrintable(status.error().message));
            QCOMPARE(received, blob);
            QVERIFY(!sawAuthorizationOnOtherHost);
            if (mode == u"challenge-redirect"_s)
                QCOMPARE(registryAuthorization, "Basic " + QByteArray("u:p").toBase64());
            return;
        }
        QVERIFY(!status);
        QVERIFY2(int(status.error().code) == expectedCode, qPrintable(status.error().message));
        QVERIFY2(status.error().message.contains(expectedText), qPrintable(status.error().message));
        QVERIFY2(status.error().message.contains(u"blob "_s + digest.mid(7, 12)), qPrintable(status.error().message));
    }

    void oversizedManifest_data()
    {
        QTest::addColumn<bool>("announced");
        QTest::newRow("Content-Length says 5 MiB") << true;
        QTest::newRow("5 MiB sent without a length") << false;
    }

    void oversizedManifest()
    {
        QFETCH(bool, announced);
        const QByteArray huge = "{\"schemaVersion\":2,\"pad\":\"" + QByteArray(5 * 1024 * 1024, 'x') + "\"}";
        TestHttpServer server([&](const HttpRequest &) {
            if (announced)
                return httpReply(200, huge, {{"Content-Type", Manifest::DockerManifest.toLatin1()}});
            // HTTP/1.0-style body ended by closing the connection.
            return HttpReply{"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n" + huge};
        });
        QTemporaryDir credentials;
        RegistryClient client(fastOptions(credentials.path()));
        auto manifest = waitFor<Result<Manifest>>(
            [&](QObject *c, auto done) { client.fetchManifest(ref(server.authority() + u"/big/plugin"_s), c, done); });
        QVERIFY(!manifest);
        QCOMPARE(manifest.error().code, ErrorCode::Registry);
        QVERIFY2(manifest.error().message.contains(u"4194304 bytes allowed"_s), qPrintable(manifest.error().message));
        QCOMPARE(server.requests.size(), 1); // refused, not retried
    }

    // A config is its digest: fetched once per repository by one client, however often it is asked for (the privileges
    // step and the pull after it); another repository asks the registry again, and a wrong one is never kept.
    void aConfigIsFetchedOncePerRepository()
    {
        const QByteArray config = R"({"description":"kept","interface":{"types":["docker.volumedriver/1.0"]}})";
        TestHttpServer server([&](const HttpRequest &request) {
            if (request.url.path().contains(u"/broken/"_s))
                return httpReply(200, "not the config");
            return httpReply(200, config);
        });
        QTemporaryDir credentials;
        RegistryClient client(fastOptions(credentials.path()));
        const Descriptor descriptor{Manifest::PluginConfigV1, Manifest::digestOf(config), config.size(), {}, {}, {}};
        auto fetch = [&](const QString &repository) {
            return waitFor<Result<QByteArray>>([&](QObject *c, auto done) {
                client.fetchConfig(ref(server.authority() + repository), descriptor, c, done);
            });
        };
        for (int i = 0; i < 3; ++i) {
            const auto bytes = fetch(u"/acme/plugin"_s);
            QVERIFY2(bytes, qPrintable(bytes ? QString() : bytes.error().message));
            QCOMPARE(*bytes, config);
        }
        QCOMPARE(server.requests.size(), 1);
        QVERIFY(fetch(u"/acme/other"_s));
        QCOMPARE(server.requests.size(), 2);
        for (int i = 0; i < 2; ++i) {
            const auto wrong = fetch(u"/acme/broken/plugin"_s);
            QVERIFY(!wrong);
            QCOMPARE(wrong.error().code, ErrorCode::DigestMismatch);
        }
        QCOMPARE(server.requests.size(), 4);
    }

    // The pull right after a privileges check takes the manifest that check fetched through the same client, within
    // the age given; an older one, another tag, or one from a repository this client pushed to since is fetched again.
    // A manifest that failed to fetch is never remembered.
    void aRecentManifestIsTakenFromMemory()
    {
        QByteArray bytes =
            Manifest::schema2(Descriptor{Manifest::PluginConfigV1, Manifest::digestOf("c"), 1, {}, {}, {}}, {});
        int manifestGets = 0;
        bool failNext = false;
        TestHttpServer server([&](const HttpRequest &request) -> HttpReply {
            if (request.url.path() == u"/v2/"_s)
                return httpReply(200, "{}");
            if (request.method == "PUT")
                return httpReply(201, {}, {{"Docker-Content-Digest", Manifest::digestOf(request.body).toLatin1()}});
            ++manifestGets;
            if (failNext) {
                failNext = false;
                return httpReply(404, R"({"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]})");
            }
            return httpReply(200, bytes, {{"Content-Type", Manifest::DockerManifest.toLatin1()}});
        });
        QTemporaryDir credentials;
        RegistryClient client(fastOptions(credentials.path()));
        const Reference tagged = ref(server.authority() + u"/acme/plugin:1.0"_s);
        auto recent = [&](const Reference &reference, int maxAgeMs) {
            return waitFor<Result<Manifest>>(
                [&](QObject *c, auto done) { client.fetchRecentManifest(reference, maxAgeMs, c, done); });
        };
        auto first = waitFor<Result<Manifest>>([&](QObject *c, auto done) { client.fetchManifest(tagged, c, done); });
        QVERIFY(first);
        QCOMPARE(manifestGets, 1);
        auto again = recent(tagged, 10000);
        QVERIFY(again);
        QCOMPARE(again->digest, first->digest);
        QCOMPARE(manifestGets, 1);
        // Another tag of the same repository is another manifest.
        QVERIFY(recent(ref(server.authority() + u"/acme/plugin:2.0"_s), 10000));
        QCOMPARE(manifestGets, 2);
        // Too old.
        QTest::qWait(60);
        QVERIFY(recent(tagged, 50));
        QCOMPARE(manifestGets, 3);
        // A push to the repository: what was remembered of it may be stale.
        auto pushed = waitFor<Result<QString>>([&](QObject *c, auto done) {
            client.putManifest(ref(server.authority() + u"/acme/plugin:3.0"_s), Manifest::DockerManifest, bytes, c,
                               done);
        });
        QVERIFY2(pushed, qPrintable(pushed ? QString() : pushed.error().message));
        QVERIFY(recent(tagged, 10000));
        QCOMPARE(manifestGets, 4);
        // A failed fetch leaves nothing behind: the next ask goes to the registry, and that answer is remembered.
        const Reference other = ref(server.authority() + u"/acme/other:1.0"_s);
        failNext = true;
        QVERIFY(!recent(other, 10000));
        QCOMPARE(manifestGets, 5);
        QVERIFY(recent(other, 10000));
        QCOMPARE(manifestGets, 6);
        QVERIFY(recent(other, 10000));
        QCOMPARE(manifestGets, 6);
    }

    void manifestDigestChecks()
    {
        const QByteArray bytes =
            Manifest::schema2(Descriptor{Manifest::PluginConfigV1, Manifest::digestOf("c"), 1, {}, {}, {}}, {});
        TestHttpServer server([&](const HttpRequest &) {
            return httpReply(200, bytes,
                             {{"Content-Type", Manifest::DockerManifest.toLatin1()},
                              {"Docker-Content-Digest", Manifest::digestOf("something else").toLatin1()}});
        });
        QTemporaryDir credentials;
        RegistryClient client(fastOptions(credentials.path()));
        auto byTag = waitFor<Result<Manifest>>(
            [&](QObject *c, auto done) { client.fetchManifest(ref(server.authority() + u"/d/p:t"_s), c, done); });
        QVERIFY(!byTag);
        QCOMPARE(byTag.error().code, ErrorCode::DigestMismatch);
        const QString wanted = Manifest::digestOf("wanted");
        auto byDigest = waitFor<Result<Manifest>>([&](QObject *c, auto done) {
            client.fetchManifest(ref(server.authority() + u"/d/p@"_s + wanted), c, done);
        });
        QVERIFY(!byDigest);
        QCOMPARE(byDigest.error().code, ErrorCode::DigestMismatch);
        QVERIFY(byDigest.error().message.contains(wanted));
    }

    // A registry redirecting a blob to an https blob store: the download (libcurl) trusts the store's CA from
    // certs.d/HOST:PORT/*.crt besides the system's and presents the client certificate of a *.cert/*.key pair there;
    // Authorization stays with the registry. Without the CA the handshake fails with a message naming certs.d.
    void blobOverTlsWithCertsDir_data()
    {
        QTest::addColumn<bool>("withCa");
        QTest::newRow("CA and client certificate in certs.d") << true;
        QTest::newRow("no CA for the blob store") << false;
    }

    void blobOverTlsWithCertsDir()
    {
        QFETCH(bool, withCa);
        QTemporaryDir pki;
        const QString made = makeCertificates(pki.path());
        QVERIFY2(made.isEmpty(), qPrintable(made));
        const QByteArray blob = randomBytes(3 * 1024 * 1024);
        const QString digest = Manifest::digestOf(blob);
        TlsBlobStore store(pki.path(), blob);
        QVERIFY(store.isListening());
        QTemporaryDir certs;
        const QString hostDir = certs.filePath(store.authority());
        QVERIFY(QDir().mkpath(hostDir));
        if (withCa)
            QVERIFY(QFile::copy(pki.filePath(u"ca.crt"_s), hostDir + u"/ca.crt"_s));
        QVERIFY(QFile::copy(pki.filePath(u"client.cert"_s), hostDir + u"/client.cert"_s));
        QVERIFY(QFile::copy(pki.filePath(u"client.key"_s), hostDir + u"/client.key"_s));
        TestHttpServer registry([&](const HttpRequest &request) -> HttpReply {
            if (request.url.path() == u"/v2/"_s)
                return httpReply(200, "{}");
            return httpReply(307, {},
                             {{"Location", QStringLiteral("https://%1/store/blob").arg(store.authority()).toUtf8()}});
        });
        QTemporaryDir credentials;
        writeLogin(credentials.path(), registry.authority(), u"u"_s, u"p"_s);
        RegistryClient::Options options = fastOptions(credentials.path());
        options.attempts = 1;
        options.endpointSources->certsDir = certs.path();
        RegistryClient client(options);
        QByteArray received;
        const Descriptor descriptor{Manifest::LayerGzip, digest, blob.size(), {}, {}, {}};
        auto status = waitFor<Status>([&](QObject *c, auto done) {
            client.fetchBlob(
                ref(registry.authority() + u"/tls/plugin"_s), descriptor, c,
                [&](const char *data, qsizetype size) {
                    received.append(data, size);
                    return Status();
                },
                done);
        });
        if (withCa) {
            QVERIFY2(status.ok(), status.ok() ? "" : qPrintable(status.error().message));
            QCOMPARE(received.size(), blob.size());
            QVERIFY(received == blob);
            QCOMPARE(store.clientNames, QStringList{u"plugdesk client"_s});
            return;
        }
        QVERIFY(!status);
        QCOMPARE(status.error().code, ErrorCode::Network);
        QVERIFY2(status.error().message.contains(u"TLS handshake with "_s + store.authority() + u" failed"_s),
                 qPrintable(status.error().message));
        QVERIFY2(status.error().message.contains(u"/etc/docker/certs.d/"_s), qPrintable(status.error().message));
        QCOMPARE(store.requests, 0);
        QVERIFY(received.isEmpty());
    }

    // With a proxy set the way Qt's requests find theirs, the blob download (libcurl) goes through it too, as an
    // absolute-URI request for the registry. (Qt never proxies a loopback host, so the registry has a name the proxy
    // alone knows; nothing resolves it.)
    void blobThroughProxy()
    {
        const QByteArray blob = randomBytes(700 * 1024);
        QList<QUrl> proxied;
        TestHttpServer proxy([&](const HttpRequest &request) -> HttpReply {
            proxied.append(request.url);
            if (request.url.path() == u"/v2/"_s)
                return httpReply(200, "{}");
            return httpReply(200, blob);
        });
        QNetworkProxy::setApplicationProxy(QNetworkProxy(QNetworkProxy::HttpProxy, u"127.0.0.1"_s, proxy.serverPort()));
        auto restore = qScopeGuard([] { QNetworkProxyFactory::setUseSystemConfiguration(true); });
        QTemporaryDir credentials;
        const QString registry = u"registry.plugdesk.test:5000"_s;
        RegistryClient::Options options = fastOptions(credentials.path());
        options.endpointSources->insecureRegistries = {registry};
        RegistryClient client(options);
        QByteArray received;
        const Descriptor descriptor{Manifest::LayerGzip, Manifest::digestOf(blob), blob.size(), {}, {}, {}};
        auto status = waitFor<Status>([&](QObject *c, auto done) {
            client.fetchBlob(
                ref(registry + u"/via/proxy"_s), descriptor, c,
                [&](const char *data, qsizetype size) {
                    received.append(data, size);
                    return Status();
                },
                done);
        });
        QVERIFY2(status.ok(), status.ok() ? "" : qPrintable(status.error().message));
        QVERIFY(received == blob);
        QVERIFY(!proxied.isEmpty());
        const QUrl last = proxied.constLast();
        QCOMPARE(last.toString(), QStringLiteral("http://%1/v2/via/proxy/blobs/%2").arg(registry, descriptor.digest));
    }

    // Destroying the context mid-blob stops the download thread at once: the sink hears nothing more and the
    // callback never runs.
    void contextDestroyedMidBlob()
    {
        const QByteArray blob = randomBytes(1024 * 1024);
        const qsizetype sent = 512 * 1024;
        TestHttpServer server([&](const HttpRequest &request) -> HttpReply {
            if (request.url.path() == u"/v2/"_s)
                return httpReply(200, "{}");
            HttpReply reply = httpReply(200, blob.left(sent), {{"Content-Length", QByteArray::number(blob.size())}});
            reply.stallAfter = true;
            return reply;
        });
        QTemporaryDir credentials;
        RegistryClient client(fastOptions(credentials.path()));
        std::atomic<qint64> received{0};
        bool called = false;
        auto *context = new QObject;
        const Descriptor descriptor{Manifest::LayerGzip, Manifest::digestOf(blob), blob.size(), {}, {}, {}};
        client.fetchBlob(
            ref(server.authority() + u"/stall/plugin"_s), descriptor, context,
            [&](const char *, qsizetype size) {
                received += size;
                return Status();
            },
            [&](Status) { called = true; });
        QTRY_COMPARE(received.load(), qint64(sent));
        QElapsedTimer timer;
        timer.start();
        delete context;
        QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
        QTest::qWait(200);
        QCOMPARE(received.load(), qint64(sent));
        QVERIFY(!called);
    }

    // libcurl hands a body over in 16 KiB pieces; the sink gets them gathered into pieces of 512 KiB (the last one
    // shorter), each byte once and in order.
    void aLargeBlobReachesTheSinkInWholePieces()
    {
        const QByteArray blob = randomBytes(3 * 1024 * 1024 + 7);
        TestHttpServer server([&](const HttpRequest &request) -> HttpReply {
            if (request.url.path() == u"/v2/"_s)
                return httpReply(200, "{}");
            return httpReply(200, blob);
        });
        QTemporaryDir credentials;
        RegistryClient client(fastOptions(credentials.path()));
        QByteArray received;
        QList<qsizetype> pieces;
        const Descriptor descriptor{Manifest::LayerGzip, Manifest::digestOf(blob), blob.size(), {}, {}, {}};
        auto status = waitFor<Status>([&](QObject *c, auto done) {
            client.fetchBlob(
                ref(server.authority() + u"/big/plugin"_s), descriptor, c,
                [&](const char *data, qsizetype size) {
                    received.append(data, size);
                    pieces.append(size);
                    return Status();
                },
                done);
        });
        QVERIFY2(status.ok(), status.ok() ? "" : qPrintable(status.error().message));
        QCOMPARE(received, blob);
        QCOMPARE(pieces.size(), 7);
        for (qsizetype i = 0; i + 1 < pieces.size(); ++i)
            QCOMPARE(pieces.at(i), qsizetype(512 * 1024));
        QCOMPARE(pieces.last(), qsizetype(7));
    }

    // Destroying the context aborts the transfer and the callback never runs.
    void contextDestroyedAbandons()
    {
        TestHttpServer server([&](const HttpRequest &) { return httpReply(503, "{}"); });
        QTemporaryDir credentials;
        RegistryClient client(fastOptions(credentials.path()));
        bool called = false;
        auto *context = new QObject;
        client.ping(server.authority(), context, [&](Status) { called = true; });
        QTRY_VERIFY(server.requests.size() >= 1);
        delete context;
        QTest::qWait(400);
        QVERIFY(!called);
        QVERIFY(server.requests.size() < 3);
    }

private:
    QTemporaryDir m_dir;
    testutil::TestRegistry m_anonymous;
    testutil::TestRegistry m_basic;
    testutil::TestRegistry m_token;
    testutil::TestTokenServer m_tokens;
};

QTEST_GUILESS_MAIN(TestRegistryClient)
#include "tst_registryclient.moc"
