// Secrets: which names look secret, and what inspect, list and volume answers keep of them for a caller who may
// read but not manage.
#include "core/helper/secrets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using core::Secrets;

class TestSecrets final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void looksSecret_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("secret");
        QTest::newRow("password") << "password" << true;
        QTest::newRow("DB_PASSWORD") << "DB_PASSWORD" << true;
        QTest::newRow("passwd") << "smb_passwd" << true;
        QTest::newRow("secret") << "AWS_SECRET_ACCESS_KEY" << true;
        QTest::newRow("token") << "GITHUB_TOKEN" << true;
        QTest::newRow("key") << "sshkey" << true;
        QTest::newRow("credential") << "credentials" << true;
        QTest::newRow("auth") << "Authorization" << true;
        QTest::newRow("private") << "PRIVATE_KEY_FILE" << true;
        QTest::newRow("passphrase") << "passphrase" << true;
        QTest::newRow("size") << "size" << false;
        QTest::newRow("VOLUME_ROOT") << "VOLUME_ROOT" << false;
        QTest::newRow("LOG_LEVEL") << "LOG_LEVEL" << false;
        QTest::newRow("empty") << "" << false;
    }
    void looksSecret()
    {
        QFETCH(QString, name);
        QFETCH(bool, secret);
        QCOMPARE(Secrets::looksSecret(name), secret);
    }

    void pluginSettingsEnvIsRedacted()
    {
        const QJsonObject plugin{
            {"Name", "acme/x:latest"},
            {"Settings",
             QJsonObject{{"Env", QJsonArray{"DB_PASSWORD=hunter2", "LOG_LEVEL=debug", "API_TOKEN=", "NOEQUALS"}},
                         {"Args", QJsonArray{}}}},
            {"Config", QJsonObject{{"Env", QJsonArray{QJsonObject{{"Name", "DB_PASSWORD"}, {"Value", ""}}}}}}};
        const QJsonObject shown = Secrets::redactPlugin(plugin);
        QCOMPARE(shown.value("Settings").toObject().value("Env").toArray(),
                 (QJsonArray{"DB_PASSWORD=<redacted>", "LOG_LEVEL=debug", "API_TOKEN=<redacted>", "NOEQUALS"}));
        QCOMPARE(shown.value("Config"), plugin.value("Config"));
        QCOMPARE(shown.value("Name"), plugin.value("Name"));

        const QByteArray list =
            QJsonDocument(QJsonObject{{"plugins", QJsonArray{plugin}}, {"problems", QJsonArray{}}}).toJson();
        const QByteArray redacted = Secrets::redactPluginList(list);
        QVERIFY(!redacted.contains("hunter2"));
        QVERIFY(redacted.contains("LOG_LEVEL=debug"));
        QVERIFY(redacted.contains("\"problems\""));
    }

    void volumeOptionsAreRedacted()
    {
        const QVariantMap volume{{"Name", "v"},
                                 {"Options", QVariantMap{{"password", "hunter2"}, {"size", "1"}}},
                                 {"Status", QVariantMap{{"password", "not an option"}}}};
        const QVariantMap one = Secrets::redactVolumes(volume).toMap();
        QCOMPARE(one.value("Options").toMap().value("password").toString(), Secrets::placeholder());
        QCOMPARE(one.value("Options").toMap().value("size").toString(), QStringLiteral("1"));
        // A driver's Status may echo the options: hidden there too.
        QCOMPARE(one.value("Status").toMap().value("password").toString(), Secrets::placeholder());
        QCOMPARE(one.value("Name").toString(), QStringLiteral("v"));

        const QVariant list = QJsonObject{{"Volumes", QJsonArray{QJsonObject::fromVariantMap(volume)}}}.toVariantMap();
        const QByteArray shown = QJsonDocument::fromVariant(Secrets::redactVolumes(list)).toJson();
        QVERIFY2(!shown.contains("hunter2"), shown.constData());
        QVERIFY2(shown.contains("\"size\""), shown.constData());
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
