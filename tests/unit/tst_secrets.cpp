// Secrets: which names look secret, and what inspect, list and volume answers keep of them for a caller who may
// read but not manage.
#include "core/helper/secrets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

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
            {u"Name"_s, u"acme/x:latest"_s},
            {u"Settings"_s, QJsonObject{{u"Env"_s, QJsonArray{u"DB_PASSWORD=hunter2"_s, u"LOG_LEVEL=debug"_s,
                                                              u"API_TOKEN="_s, u"NOEQUALS"_s}},
                                        {u"Args"_s, QJsonArray{}}}},
            {u"Config"_s,
             QJsonObject{{u"Env"_s, QJsonArray{QJsonObject{{u"Name"_s, u"DB_PASSWORD"_s}, {u"Value"_s, u""_s}}}}}}};
        const QJsonObject shown = Secrets::redactPlugin(plugin);
        QCOMPARE(
            shown.value(u"Settings"_s).toObject().value(u"Env"_s).toArray(),
            (QJsonArray{u"DB_PASSWORD=<redacted>"_s, u"LOG_LEVEL=debug"_s, u"API_TOKEN=<redacted>"_s, u"NOEQUALS"_s}));
        QCOMPARE(shown.value(u"Config"_s), plugin.value(u"Config"_s));
        QCOMPARE(shown.value(u"Name"_s), plugin.value(u"Name"_s));

        const QByteArray list =
            QJsonDocument(QJsonObject{{u"plugins"_s, QJsonArray{plugin}}, {u"problems"_s, QJsonArray{}}}).toJson();
        const QByteArray redacted = Secrets::redactPluginList(list);
        QVERIFY(!redacted.contains("hunter2"));
        QVERIFY(redacted.contains("LOG_LEVEL=debug"));
        QVERIFY(redacted.contains("\"problems\""));
    }

    void volumeOptionsAreRedacted()
    {
        const QVariantMap volume{{u"Name"_s, u"v"_s},
                                 {u"Options"_s, QVariantMap{{u"password"_s, u"hunter2"_s}, {u"size"_s, u"1"_s}}},
                                 {u"Status"_s, QVariantMap{{u"password"_s, u"not an option"_s}}}};
        const QVariantMap one = Secrets::redactVolumes(volume).toMap();
        QCOMPARE(one.value(u"Options"_s).toMap().value(u"password"_s).toString(), Secrets::placeholder());
        QCOMPARE(one.value(u"Options"_s).toMap().value(u"size"_s).toString(), QStringLiteral("1"));
        // A driver's Status may echo the options: hidden there too.
        QCOMPARE(one.value(u"Status"_s).toMap().value(u"password"_s).toString(), Secrets::placeholder());
        QCOMPARE(one.value(u"Name"_s).toString(), QStringLiteral("v"));

        const QVariant list =
            QJsonObject{{u"Volumes"_s, QJsonArray{QJsonObject::fromVariantMap(volume)}}}.toVariantMap();
        const QByteArray shown = QJsonDocument::fromVariant(Secrets::redactVolumes(list)).toJson();
        QVERIFY2(!shown.contains("hunter2"), shown.constData());
        QVERIFY2(shown.contains("\"size\""), shown.constData());
    }
};

QTEST_GUILESS_MAIN(TestSecrets)
#include "tst_secrets.moc"
