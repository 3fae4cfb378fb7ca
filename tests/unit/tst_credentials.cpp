// Credentials: the docker CLI's config.json (auths, credsStore, credHelpers) read and written the way Docker does,
// with a real credential helper executable written by the test into a PATH folder.
#include "common/testutil.h"
#include "core/registry/credentials.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

using core::AuthConfig;
using core::Credentials;
using core::ErrorCode;

namespace {

QByteArray b64(const char *text)
{
    return QByteArray(text).toBase64();
}

} // namespace

class TestCredentials : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_bin.isValid());
        for (const char *name : {"docker-credential-fake", "docker-credential-other"}) {
            const QString path = m_bin.filePath(QString::fromLatin1(name));
            QVERIFY(testutil::writeFile(
                path, testutil::readFile(testutil::sourcePath(u"tests/data/docker-credential-fake"_s))));
            QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        }
        qputenv("PATH", m_bin.path().toLocal8Bit() + ':' + qgetenv("PATH"));
    }

    void keys_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("key");
        QTest::newRow("docker.io") << "docker.io"
                                   << "https://index.docker.io/v1/";
        QTest::newRow("index.docker.io") << "index.docker.io"
                                         << "https://index.docker.io/v1/";
        QTest::newRow("registry-1") << "registry-1.docker.io"
                                    << "https://index.docker.io/v1/";
        QTest::newRow("private") << "reg.example:5000"
                                 << "reg.example:5000";
        QTest::newRow("loopback") << "127.0.0.1:5000"
                                  << "127.0.0.1:5000";
    }

    void keys()
    {
        QFETCH(QString, host);
        QFETCH(QString, key);
        QCOMPARE(Credentials::serverKey(host), key);
    }

    void lookup_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("error"); // 0: success
        QTest::addColumn<QString>("username");
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("identityToken");

        QTest::newRow("no file") << QByteArray() << "docker.io" << 0 << ""
                                 << ""
                                 << "";
        QTest::newRow("empty object") << QByteArray("{}") << "docker.io" << 0 << ""
                                      << ""
                                      << "";
        QTest::newRow("hub entry") << ("{\"auths\":{\"https://index.docker.io/v1/\":{\"auth\":\"" +
                                       b64("alice:s3cr:et") + "\"}}}")
                                   << "docker.io" << 0 << "alice"
                                   << "s3cr:et"
                                   << "";
        QTest::newRow("private entry by host")
            << ("{\"auths\":{\"reg.example:5000\":{\"auth\":\"" + b64("bob:pw") + "\"}}}") << "reg.example:5000" << 0
            << "bob"
            << "pw"
            << "";
        QTest::newRow("entry keyed by URL matches the host")
            << ("{\"auths\":{\"https://reg.example:5000/v1/\":{\"auth\":\"" + b64("carol:pw") + "\"}}}")
            << "reg.example:5000" << 0 << "carol"
            << "pw"
            << "";
        QTest::newRow("other host is not used")
            << ("{\"auths\":{\"reg.example:5000\":{\"auth\":\"" + b64("bob:pw") + "\"}}}") << "reg.example:5001" << 0
            << ""
            << ""
            << "";
        QTest::newRow("identity token") << QByteArray(R"({"auths":{"reg.example":{"identitytoken":"idt"}}})")
                                        << "reg.example" << 0 << ""
                                        << ""
                                        << "idt";
        QTest::newRow("auth not base64") << QByteArray(R"({"auths":{"reg.example":{"auth":"!!!"}}})") << "reg.example"
                                         << int(ErrorCode::Corrupt) << ""
                                         << ""
                                         << "";
        QTest::newRow("auth without colon") << ("{\"auths\":{\"reg.example\":{\"auth\":\"" + b64("nocolon") + "\"}}}")
                                            << "reg.example" << int(ErrorCode::Corrupt) << ""
                                            << ""
                                            << "";
        QTest::newRow("not json") << QByteArray("{oops") << "docker.io" << int(ErrorCode::Corrupt) << ""
                                  << ""
                                  << "";
        QTest::newRow("json array") << QByteArray("[]") << "docker.io" << int(ErrorCode::Corrupt) << ""
                                    << ""
                                    << "";
        QTest::newRow("helper not installed")
            << QByteArray(R"({"credsStore":"absent-helper-xyz"})") << "docker.io" << int(ErrorCode::Auth) << ""
            << ""
            << "";
        QTest::newRow("store without an entry is no login")
            << QByteArray(R"({"credsStore":"fake"})") << "nobody.example" << 0 << ""
            << ""
            << "";
    }

    void lookup()
    {
        QFETCH(QByteArray, config);
        QFETCH(QString, host);
        QFETCH(int, error);
        QFETCH(QString, username);
        QFETCH(QString, password);
        QFETCH(QString, identityToken);
        QTemporaryDir dir;
        if (!config.isNull())
            QVERIFY(testutil::writeFile(dir.filePath(u"config.json"_s), config));
        const auto auth = Credentials(dir.path()).lookup(host);
        if (error) {
            QVERIFY(!auth);
            QCOMPARE(int(auth.error().code), error);
            QVERIFY(!auth.error().message.isEmpty());
            return;
        }
        QVERIFY2(auth.ok(), auth.ok() ? "" : qPrintable(auth.error().message));
        QCOMPARE(auth->username, username);
        QCOMPARE(auth->password, password);
        QCOMPARE(auth->identityToken, identityToken);
    }

    void storeAndEraseInFile()
    {
        QTemporaryDir dir;
        const QString configDir = dir.filePath(u"nested/.docker"_s);
        QVERIFY(testutil::writeFile(configDir + u"/config.json"_s, R"({"psFormat":"table {{.ID}}"})"));
        Credentials credentials(configDir);
        QVERIFY(credentials.store(u"docker.io"_s, AuthConfig{u"alice"_s, u"pw"_s, {}}).ok());
        QVERIFY(credentials.store(u"127.0.0.1:5000"_s, AuthConfig{u"bob"_s, u"x"_s, {}}).ok());

        const QJsonObject written = QJsonDocument::fromJson(testutil::readFile(configDir + u"/config.json"_s)).object();
        QCOMPARE(written.value(u"psFormat"_s).toString(), QStringLiteral("table {{.ID}}")); // unknown keys kept
        QCOMPARE(written.value(u"auths"_s)
                     .toObject()
                     .value(u"https://index.docker.io/v1/"_s)
                     .toObject()
                     .value(u"auth"_s)
                     .toString(),
                 QString::fromLatin1(b64("alice:pw")));
        QCOMPARE(QFile::permissions(configDir + u"/config.json"_s) & 0x0FFF,
                 QFile::ReadUser | QFile::WriteUser); // 0600: no group or other bits

        QCOMPARE(credentials.lookup(u"docker.io"_s)->username, QStringLiteral("alice"));
        auto erased = credentials.erase(u"docker.io"_s);
        QVERIFY(erased.ok() && *erased);
        QVERIFY(credentials.lookup(u"docker.io"_s)->isEmpty());
        QCOMPARE(credentials.lookup(u"127.0.0.1:5000"_s)->username, QStringLiteral("bob"));
        erased = credentials.erase(u"docker.io"_s);
        QVERIFY(erased.ok() && !*erased); // nothing left to forget
    }

    void helperRoundTrip()
    {
        QTemporaryDir dir;
        QVERIFY(testutil::writeFile(dir.filePath(u"config.json"_s),
                                    R"({"credsStore":"fake","credHelpers":{"special.example":"other"}})"));
        Credentials credentials(dir.path());
        QVERIFY(credentials.lookup(u"docker.io"_s)->isEmpty());
        QVERIFY(credentials.store(u"docker.io"_s, AuthConfig{u"dave"_s, u"hub-pw"_s, {}}).ok());
        QVERIFY(credentials.store(u"special.example"_s, AuthConfig{{}, {}, u"refresh-me"_s}).ok());

        auto hub = credentials.lookup(u"docker.io"_s);
        QVERIFY(hub.ok());
        QCOMPARE(hub->username, QStringLiteral("dave"));
        QCOMPARE(hub->password, QStringLiteral("hub-pw"));
        // The store got the secret, the file only an empty entry.
        const QJsonObject auths = QJsonDocument::fromJson(testutil::readFile(dir.filePath(u"config.json"_s)))
                                      .object()
                                      .value(u"auths"_s)
                                      .toObject();
        QVERIFY(auths.contains(u"https://index.docker.io/v1/"_s));
        QVERIFY(auths.value(u"https://index.docker.io/v1/"_s).toObject().isEmpty());
        QVERIFY(QFile::exists(m_bin.filePath(u"state-docker-credential-fake/https___index.docker.io_v1_"_s)));

        // credHelpers[host] wins over credsStore, and "<token>" means an identity token.
        auto special = credentials.lookup(u"special.example"_s);
        QVERIFY(special.ok());
        QCOMPARE(special->identityToken, QStringLiteral("refresh-me"));
        QVERIFY(special->username.isEmpty());
        QVERIFY(QFile::exists(m_bin.filePath(u"state-docker-credential-other/special.example"_s)));

        auto erased = credentials.erase(u"docker.io"_s);
        QVERIFY(erased.ok() && *erased);
        QVERIFY(credentials.lookup(u"docker.io"_s)->isEmpty());
    }

    void helperFailureIsReported()
    {
        QTemporaryDir dir;
        const QString broken = m_bin.filePath(u"docker-credential-broken"_s);
        QVERIFY(testutil::writeFile(broken, QByteArray("#!/bin/sh\necho 'keychain locked' >&2\nexit 3\n")));
        QVERIFY(QFile::setPermissions(broken, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QVERIFY(testutil::writeFile(dir.filePath(u"config.json"_s), R"({"credsStore":"broken"})"));
        const auto auth = Credentials(dir.path()).lookup(u"docker.io"_s);
        QVERIFY(!auth);
        QCOMPARE(auth.error().code, ErrorCode::Auth);
        QVERIFY2(auth.error().message.contains(u"keychain locked"_s), qPrintable(auth.error().message));
        QVERIFY(auth.error().message.contains(u"docker-credential-broken"_s));
    }

private:
    QTemporaryDir m_bin;
};

QTEST_GUILESS_MAIN(TestCredentials)
#include "tst_credentials.moc"
