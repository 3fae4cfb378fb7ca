// Engine::tags and Engine::login against real docker-registry processes on loopback, for both engines (they run
// in the caller's process, so a HelperEngine needs no helper for them): the tags of a pushed repository, an unknown
// repository, a bad reference, cancelling; a login with a wrong and a right password against an htpasswd registry,
// saved only when right, in the DOCKER_CONFIG the test points at, and used at once by the same engine.
#include "common/testregistry.h"
#include "common/testutil.h"
#include "common/waitfor.h"
#include "core/engine/createplugin.h"
#include "core/engine/localengine.h"
#include "core/helper/helperengine.h"
#include "core/plugin/manifest.h"
#include "core/registry/registryclient.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>

using namespace core;

using testutil::waitFor;

namespace {

// Pushes a tiny plugin (config and one layer) as `reference`; empty on success.
QString pushPlugin(RegistryClient &client, const Reference &reference)
{
    const QByteArray config = R"({"description": "tags test", "entrypoint": ["/plugin"],
        "interface": {"types": ["docker.volumedriver/1.0"], "socket": "t.sock"}})";
    const QByteArray layer = "not really a tar, the registry does not look";
    for (const QByteArray &blob : {config, layer}) {
        auto digest = waitFor<Result<QString>>(
            [&](QObject *context, auto done) { client.uploadBlob(reference.trimmed(), blob, context, done); });
        if (!digest)
            return digest.error().message;
    }
    const QByteArray manifest =
        pluginManifest(Manifest::digestOf(config), config.size(), {Manifest::digestOf(layer)}, {layer.size()});
    auto digest = waitFor<Result<QString>>([&](QObject *context, auto done) {
        client.putManifest(reference, Manifest::DockerManifest, manifest, context, done);
    });
    return digest ? QString() : digest.error().message;
}

struct Outcome
{
    std::optional<Error> error;
    QVariant result;
};

Outcome finish(Job *job)
{
    job->waitForFinished();
    Outcome outcome{job->error(), job->result()};
    delete job;
    return outcome;
}

QString messageOf(const Outcome &outcome)
{
    return outcome.error ? outcome.error->message : QStringLiteral("(no error)");
}

} // namespace

class TestTagsAndLogin : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    testutil::TestRegistry m_registry;
    testutil::TestRegistry m_htpasswd;
    std::unique_ptr<QTemporaryDir> m_home;

    std::unique_ptr<Engine> engine(const QString &kind) const
    {
        if (kind == QLatin1String("local"))
            return std::make_unique<LocalEngine>(
                LocalEngine::Options{m_dir.filePath("store"), m_dir.filePath("run"), false});
        // No helper runs on this bus: tags and login must not need one.
        return std::make_unique<HelperEngine>(
            HelperEngine::Options{QStringLiteral("unix:path=") + m_dir.filePath("no-bus"), {}});
    }

    QString configPath() const { return m_home->filePath("docker/config.json"); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_registry.start({}, &error), qPrintable(error));
        QVERIFY2(m_htpasswd.start({"taguser", "tag-pass", {}, {}, {}, {}}, &error), qPrintable(error));
        RegistryClient client;
        for (const char *tag : {"1.0", "2.0", "latest"})
            QCOMPARE(pushPlugin(client, *Reference::parse(m_registry.host() + "/acme/vol:" + QLatin1String(tag))),
                     QString());
        QCOMPARE(pushPlugin(client, *Reference::parse(m_registry.host() + "/acme/other:x")), QString());
        RegistryClient secret;
        secret.setAuth(m_htpasswd.host(), AuthConfig{"taguser", "tag-pass", {}});
        QCOMPARE(pushPlugin(secret, *Reference::parse(m_htpasswd.host() + "/team/secret:3.0")), QString());
    }

    // Every test starts with no logins at all: HOME and DOCKER_CONFIG point at a fresh folder.
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        qputenv("HOME", m_home->path().toLocal8Bit());
        qputenv("DOCKER_CONFIG", m_home->filePath("docker").toLocal8Bit());
    }

    void tags_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("LocalEngine") << "local";
        QTest::newRow("HelperEngine") << "helper";
    }

    // The tags of the repository, whatever tag the reference carries; a background query, not announced.
    void tags()
    {
        QFETCH(QString, kind);
        auto engine = this->engine(kind);
        QSignalSpy announced(engine.get(), &Engine::jobStarted);
        for (const QString &typed : {m_registry.host() + "/acme/vol", m_registry.host() + "/acme/vol:2.0"}) {
            const Outcome outcome = finish(engine->tags(typed));
            QVERIFY2(!outcome.error, qPrintable(messageOf(outcome)));
            QStringList tags = outcome.result.toStringList();
            tags.sort();
            QCOMPARE(tags, (QStringList{"1.0", "2.0", "latest"}));
        }
        QCOMPARE(finish(engine->tags(m_registry.host() + "/acme/other")).result.toStringList(), QStringList{"x"});
        QCOMPARE(announced.count(), 0);
    }

    void tagErrors_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("repository");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("text");
        for (const QString kind : {"local", "helper"}) {
            QTest::addRow("%s unknown repository", qPrintable(kind))
                << kind << "HOST/acme/nope" << int(ErrorCode::NotFound)
                << "cannot list the tags of HOST/acme/nope: HOST/acme/nope was not found in the registry";
            QTest::addRow("%s bad reference", qPrintable(kind))
                << kind << "HOST/Acme/Vol" << int(ErrorCode::InvalidArgument) << "must be lowercase";
            QTest::addRow("%s login needed", qPrintable(kind))
                << kind << "SECRET/team/secret" << int(ErrorCode::Auth) << "run plugdeskctl login SECRET";
        }
    }

    void tagErrors()
    {
        QFETCH(QString, kind);
        QFETCH(QString, repository);
        QFETCH(int, code);
        QFETCH(QString, text);
        for (QString *s : {&repository, &text}) {
            s->replace("HOST", m_registry.host());
            s->replace("SECRET", m_htpasswd.host());
        }
        auto engine = this->engine(kind);
        const Outcome outcome = finish(engine->tags(repository));
        QVERIFY(outcome.error);
        QCOMPARE(int(outcome.error->code), code);
        QVERIFY2(outcome.error->message.contains(text), qPrintable(outcome.error->message));
    }

    // Cancelling ends the job at once with Cancelled and no answer comes after it.
    void cancelTags()
    {
        auto engine = this->engine("local");
        Job *job = engine->tags(m_registry.host() + "/acme/vol");
        QVERIFY(!job->isFinished());
        QSignalSpy finished(job, &Job::finished);
        job->cancel();
        // Ends through the event loop, never inside the call.
        QVERIFY(!job->isFinished());
        QTRY_VERIFY(job->isFinished());
        QCOMPARE(job->error()->code, ErrorCode::Cancelled);
        QTest::qWait(300);
        QCOMPARE(finished.count(), 1);
        delete job;
    }

    void login_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("LocalEngine") << "local";
        QTest::newRow("HelperEngine") << "helper";
    }

    // A wrong password is refused by the registry and nothing is saved; the right one is saved as the docker CLI
    // saves it (auths[host].auth, mode 0600), and the same engine uses it at once.
    void login()
    {
        QFETCH(QString, kind);
        auto engine = this->engine(kind);
        const QString host = m_htpasswd.host();
        QSignalSpy announced(engine.get(), &Engine::jobStarted);

        // Before: the tags of the private repository need a login (and the engine remembers there is none).
        Outcome outcome = finish(engine->tags(host + "/team/secret"));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, ErrorCode::Auth);

        outcome = finish(engine->login(host, "taguser", "wrong"));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, ErrorCode::Auth);
        QVERIFY2(outcome.error->message.contains("the registry refused the login for " + host),
                 qPrintable(outcome.error->message));
        QVERIFY(!QFile::exists(configPath()));

        outcome = finish(engine->login(host, "", "x"));
        QCOMPARE(outcome.error->code, ErrorCode::InvalidArgument);
        QCOMPARE(outcome.error->message, QStringLiteral("Username cannot be empty"));
        outcome = finish(engine->login(host, "taguser", ""));
        QCOMPARE(outcome.error->message, QStringLiteral("Password Required"));
        QVERIFY(!QFile::exists(configPath()));

        outcome = finish(engine->login("https://" + host + "/v2/", "taguser", "tag-pass"));
        QVERIFY2(!outcome.error, qPrintable(messageOf(outcome)));
        QCOMPARE(outcome.result.toString(), host);
        const QJsonObject auths =
            QJsonDocument::fromJson(testutil::readFile(configPath())).object().value("auths").toObject();
        QCOMPARE(auths.value(host).toObject().value("auth").toString(),
                 QString::fromLatin1(QByteArray("taguser:tag-pass").toBase64()));
        QCOMPARE(QFile::permissions(configPath()) & 0x0FFF, QFile::ReadUser | QFile::WriteUser);
        QCOMPARE(announced.count(), 4);

        // The same engine, which had looked up "no login" for this registry before, now uses the saved one.
        outcome = finish(engine->tags(host + "/team/secret"));
        QVERIFY2(!outcome.error, qPrintable(messageOf(outcome)));
        QCOMPARE(outcome.result.toStringList(), QStringList{"3.0"});
        // And so does a new one, from config.json.
        auto another = this->engine(kind);
        outcome = finish(another->tags(host + "/team/secret"));
        QVERIFY2(!outcome.error, qPrintable(messageOf(outcome)));

        // The saved logins list it; logout erases it, and the engine stops using it at once.
        auto saved = engine->registryLogins();
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        QCOMPARE(*saved, QStringList{host});
        QVERIFY(engine->logout(host).ok());
        QVERIFY(engine->registryLogins()->isEmpty());
        QVERIFY(!QJsonDocument::fromJson(testutil::readFile(configPath()))
                     .object()
                     .value("auths")
                     .toObject()
                     .contains(host));
        outcome = finish(engine->tags(host + "/team/secret"));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, ErrorCode::Auth);
        // Twice: there is nothing left to erase.
        const Status again = engine->logout(host);
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::NotFound);
        QCOMPARE(again.error().message, "not logged in to " + host);
    }

    // A registry that is not there: Network, and nothing saved.
    void loginUnreachable()
    {
        auto engine = this->engine("local");
        const Outcome outcome =
            finish(engine->login(QStringLiteral("127.0.0.1:%1").arg(testutil::freeLoopbackPort()), "u", "p"));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, ErrorCode::Network);
        QVERIFY(!QFile::exists(configPath()));
    }
};

QTEST_GUILESS_MAIN(TestTagsAndLogin)
#include "tst_tagsandlogin.moc"
