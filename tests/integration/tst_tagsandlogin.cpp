// Engine::tags and Engine::login against real docker-registry processes on loopback, for both engines (they run
// in the caller's process, so a HelperEngine needs no helper for them): the tags of a pushed repository, an unknown
// repository, a bad reference, cancelling; a login with a wrong and a right password against an htpasswd registry,
// saved only when right, in the DOCKER_CONFIG the test points at, and used at once by the same engine.
#include "common/enginewait.h"
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

using namespace Qt::StringLiterals;

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
                LocalEngine::Options{m_dir.filePath(u"store"_s), m_dir.filePath(u"run"_s), false});
        // No helper runs on this bus: tags and login must not need one.
        return std::make_unique<HelperEngine>(
            HelperEngine::Options{QStringLiteral("unix:path=") + m_dir.filePath(u"no-bus"_s), {}});
    }

    QString configPath() const { return m_home->filePath(u"docker/config.json"_s); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_registry.start({}, &error), qPrintable(error));
        QVERIFY2(m_htpasswd.start({u"taguser"_s, u"tag-pass"_s, {}, {}, {}, {}}, &error), qPrintable(error));
        RegistryClient client;
        for (const char *tag : {"1.0", "2.0", "latest"})
            QCOMPARE(pushPlugin(client, *Reference::parse(m_registry.host() + u"/acme/vol:"_s + QLatin1String(tag))),
                     QString());
        QCOMPARE(pushPlugin(client, *Reference::parse(m_registry.host() + u"/acme/other:x"_s)), QString());
        RegistryClient secret;
        secret.setAuth(m_htpasswd.host(), AuthConfig{u"taguser"_s, u"tag-pass"_s, {}});
        QCOMPARE(pushPlugin(secret, *Reference::parse(m_htpasswd.host() + u"/team/secret:3.0"_s)), QString());
    }

    // Every test starts with no logins at all: HOME and DOCKER_CONFIG point at a fresh folder.
    void init()
    {
        m_home = std::make_unique<QTemporaryDir>();
        QVERIFY(m_home->isValid());
        qputenv("HOME", m_home->path().toLocal8Bit());
        qputenv("DOCKER_CONFIG", m_home->filePath(u"docker"_s).toLocal8Bit());
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
        for (const QString &typed :
             QStringList{m_registry.host() + u"/acme/vol"_s, m_registry.host() + u"/acme/vol:2.0"_s}) {
            const Outcome outcome = finish(engine->tags(typed));
            QVERIFY2(!outcome.error, qPrintable(messageOf(outcome)));
            QStringList tags = outcome.result.toStringList();
            tags.sort();
            QCOMPARE(tags, (QStringList{u"1.0"_s, u"2.0"_s, u"latest"_s}));
        }
        QCOMPARE(finish(engine->tags(m_registry.host() + u"/acme/other"_s)).result.toStringList(), QStringList{u"x"_s});
        QCOMPARE(announced.count(), 0);
    }

    void tagErrors_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("repository");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("text");
        for (const QString &kind : {u"local"_s, u"helper"_s}) {
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
            s->replace(u"HOST"_s, m_registry.host());
            s->replace(u"SECRET"_s, m_htpasswd.host());
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
        auto engine = this->engine(u"local"_s);
        Job *job = engine->tags(m_registry.host() + u"/acme/vol"_s);
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
        Outcome outcome = finish(engine->tags(host + u"/team/secret"_s));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, ErrorCode::Auth);

        outcome = finish(engine->login(host, u"taguser"_s, u"wrong"_s));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, ErrorCode::Auth);
        QVERIFY2(outcome.error->message.contains(u"the registry refused the login for "_s + host),
                 qPrintable(outcome.error->message));
        QVERIFY(!QFile::exists(configPath()));

        outcome = finish(engine->login(host, u""_s, u"x"_s));
        QCOMPARE(outcome.error->code, ErrorCode::InvalidArgument);
        QCOMPARE(outcome.error->message, QStringLiteral("Username cannot be empty"));
        outcome = finish(engine->login(host, u"taguser"_s, u""_s));
        QCOMPARE(outcome.error->message, QStringLiteral("Password Required"));
        QVERIFY(!QFile::exists(configPath()));

        outcome = finish(engine->login(u"https://"_s + host + u"/v2/"_s, u"taguser"_s, u"tag-pass"_s));
        QVERIFY2(!outcome.error, qPrintable(messageOf(outcome)));
        QCOMPARE(outcome.result.toString(), host);
        const QJsonObject auths =
            QJsonDocument::fromJson(testutil::readFile(configPath())).object().value(u"auths"_s).toObject();
        QCOMPARE(auths.value(host).toObject().value(u"auth"_s).toString(),
                 QString::fromLatin1(QByteArray("taguser:tag-pass").toBase64()));
        QCOMPARE(QFile::permissions(configPath()) & 0x0FFF, QFile::ReadUser | QFile::WriteUser);
        QCOMPARE(announced.count(), 4);

        // The same engine, which had looked up "no login" for this registry before, now uses the saved one.
        outcome = finish(engine->tags(host + u"/team/secret"_s));
        QVERIFY2(!outcome.error, qPrintable(messageOf(outcome)));
        QCOMPARE(outcome.result.toStringList(), QStringList{u"3.0"_s});
        // And so does a new one, from config.json.
        auto another = this->engine(kind);
        outcome = finish(another->tags(host + u"/team/secret"_s));
        QVERIFY2(!outcome.error, qPrintable(messageOf(outcome)));

        // The saved logins list it; logout erases it, and the engine stops using it at once.
        auto saved = engine->registryLogins();
        QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        QCOMPARE(*saved, QStringList{host});
        QVERIFY(testutil::finished(engine->logout(host)).ok());
        QVERIFY(engine->registryLogins()->isEmpty());
        QVERIFY(!QJsonDocument::fromJson(testutil::readFile(configPath()))
                     .object()
                     .value(u"auths"_s)
                     .toObject()
                     .contains(host));
        outcome = finish(engine->tags(host + u"/team/secret"_s));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, ErrorCode::Auth);
        // Twice: there is nothing left to erase.
        const auto again = testutil::finished(engine->logout(host));
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, ErrorCode::NotFound);
        QCOMPARE(again.error().message, u"not logged in to "_s + host);
    }

    // A registry that is not there: Network, and nothing saved.
    void loginUnreachable()
    {
        auto engine = this->engine(u"local"_s);
        const Outcome outcome =
            finish(engine->login(QStringLiteral("127.0.0.1:%1").arg(testutil::freeLoopbackPort()), u"u"_s, u"p"_s));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, ErrorCode::Network);
        QVERIFY(!QFile::exists(configPath()));
    }
};

QTEST_GUILESS_MAIN(TestTagsAndLogin)
#include "tst_tagsandlogin.moc"
