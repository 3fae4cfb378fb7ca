// HelperProtocol: what the helper and HelperEngine agree on must survive the trip unchanged.
#include "common/testutil.h"
#include "core/helper/helperprotocol.h"
#include "core/store/store.h"

#include <QJsonDocument>
#include <QTest>

Q_DECLARE_METATYPE(core::ErrorCode)

class TestHelperProtocol : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyErrorCodeHasAnErrorName_data()
    {
        QTest::addColumn<core::ErrorCode>("code");
        QTest::addColumn<QString>("name");
        QTest::newRow("first") << core::ErrorCode::InvalidArgument << "org.plugdesk.Error.InvalidArgument";
        QTest::newRow("permission") << core::ErrorCode::PermissionDenied << "org.plugdesk.Error.PermissionDenied";
        QTest::newRow("cancelled") << core::ErrorCode::Cancelled << "org.plugdesk.Error.Cancelled";
        QTest::newRow("last") << core::ErrorCode::Unsupported << "org.plugdesk.Error.Unsupported";
    }

    void everyErrorCodeHasAnErrorName()
    {
        QFETCH(core::ErrorCode, code);
        QFETCH(QString, name);
        QCOMPARE(core::HelperProtocol::errorName(code), name);
        QCOMPARE(core::HelperProtocol::codeFromErrorName(name), std::optional<core::ErrorCode>(code));
        // And every code maps to a distinct name that maps back.
        QSet<QString> names;
        for (int value = int(core::ErrorCode::InvalidArgument); value <= int(core::ErrorCode::Unsupported); ++value) {
            const auto each = static_cast<core::ErrorCode>(value);
            names.insert(core::HelperProtocol::errorName(each));
            QCOMPARE(core::HelperProtocol::codeFromErrorName(core::HelperProtocol::errorName(each)),
                     std::optional<core::ErrorCode>(each));
        }
        QCOMPARE(names.size(), int(core::ErrorCode::Unsupported));
    }

    void foreignErrorNamesHaveNoCode_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("bus error") << "org.freedesktop.DBus.Error.ServiceUnknown";
        QTest::newRow("unknown code") << "org.plugdesk.Error.Nope";
        QTest::newRow("prefix only") << "org.plugdesk.Error.";
        QTest::newRow("case differs") << "org.plugdesk.Error.notfound";
    }

    void foreignErrorNamesHaveNoCode()
    {
        QFETCH(QString, name);
        QCOMPARE(core::HelperProtocol::codeFromErrorName(name), std::nullopt);
    }

    // The seed's v0 plugin and a v1 plugin with settings come back equal, field by field.
    void pluginsRoundTrip()
    {
        const core::Store store(testutil::sourcePath(QStringLiteral("tests/data/seed-store")));
        auto inventory = store.load();
        QVERIFY(inventory.ok());
        QList<core::Plugin> plugins = inventory->plugins;
        QCOMPARE(plugins.size(), 1);
        core::Plugin v1 = plugins.first();
        v1.id = QString(64, QLatin1Char('a'));
        v1.config.version = core::PluginConfig::Version::V1;
        v1.pluginReference = QStringLiteral("docker.io/vieux/sshfs:latest");
        v1.configDigest = QStringLiteral("sha256:") + QString(64, QLatin1Char('b'));
        v1.manifestDigest = QStringLiteral("sha256:") + QString(64, QLatin1Char('c'));
        v1.blobsums = {QStringLiteral("sha256:") + QString(64, QLatin1Char('d'))};
        v1.settings.env = {QStringLiteral("DEBUG=1")};
        v1.settings.args = {QStringLiteral("-v")};
        plugins.append(v1);

        const core::PluginList list{plugins, {{core::ErrorCode::Corrupt, QStringLiteral("plugins.json: broken")}}};
        auto decoded = core::HelperProtocol::decodePluginList(core::HelperProtocol::encodePluginList(list));
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->plugins.size(), plugins.size());
        for (qsizetype index = 0; index < plugins.size(); ++index) {
            const core::Plugin &a = plugins.at(index);
            const core::Plugin &b = decoded->plugins.at(index);
            QCOMPARE(b.id, a.id);
            QCOMPARE(b.repository, a.repository);
            QCOMPARE(b.tag, a.tag);
            QCOMPARE(b.enabled, a.enabled);
            QCOMPARE(b.pluginReference, a.pluginReference);
            QCOMPARE(b.config, a.config);
            QCOMPARE(b.settings, a.settings);
            QCOMPARE(b.configDigest, a.configDigest);
            QCOMPARE(b.manifestDigest, a.manifestDigest);
            QCOMPARE(b.blobsums, a.blobsums);
            // Docker's object is the plugin's own, with the Plugdesk extras beside it.
            QJsonObject docker = core::HelperProtocol::encodePlugin(a);
            docker.remove(QStringLiteral("Plugdesk"));
            QCOMPARE(docker, a.toApiJson());
        }
        QCOMPARE(decoded->problems.size(), 1);
        QCOMPARE(decoded->problems.at(0).code, core::ErrorCode::Corrupt);
        QCOMPARE(decoded->problems.at(0).message, QStringLiteral("plugins.json: broken"));
    }

    void badPluginListsAreErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << QByteArray("{")
                                  << "the helper sent a plugin list that is not JSON: unterminated object";
        QTest::newRow("array") << QByteArray("[]") << "the helper sent a plugin list that is not a JSON object";
        QTest::newRow("plugin without id") << QByteArray(R"({"plugins":[{"Name":"a:latest"}]})")
                                           << "the helper sent a plugin without an id, repository or tag";
        QTest::newRow("config of the wrong shape")
            << QByteArray(R"({"plugins":[{"Id":"ab","Config":{"Entrypoint":"x"},)"
                          R"("Plugdesk":{"Repository":"a","Tag":"latest"}}]})")
            << "the helper sent a plugin config that does not parse: field \"entrypoint\" must be a list of strings";
        QTest::newRow("settings of the wrong shape")
            << QByteArray(R"({"plugins":[{"Id":"ab","Config":{},"Settings":{"Env":"x"},)"
                          R"("Plugdesk":{"Repository":"a","Tag":"latest"}}]})")
            << "the helper sent plugin settings that do not parse: ";
    }

    void badPluginListsAreErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, message);
        auto decoded = core::HelperProtocol::decodePluginList(json);
        QVERIFY(!decoded.ok());
        // A malformed answer is a bug between the two sides.
        QCOMPARE(decoded.error().code, core::ErrorCode::Internal);
        QVERIFY2(decoded.error().message.startsWith(message), qPrintable(decoded.error().message));
    }

    void resultsRoundTrip_data()
    {
        QTest::addColumn<QVariant>("value");
        QTest::newRow("none") << QVariant();
        QTest::newRow("string") << QVariant(QStringLiteral("sha256:abc"));
        QTest::newRow("number") << QVariant(42.0);
        QTest::newRow("bool") << QVariant(true);
        QTest::newRow("list") << QVariant(QVariantList{QStringLiteral("a"), 1.0});
        QTest::newRow("map") << QVariant(
            QVariantMap{{QStringLiteral("Id"), QStringLiteral("x")}, {QStringLiteral("Layers"), 3.0}});
    }

    void resultsRoundTrip()
    {
        QFETCH(QVariant, value);
        const QString json = core::HelperProtocol::encodeResult(value);
        QCOMPARE(json.isEmpty(), !value.isValid());
        QCOMPARE(core::HelperProtocol::decodeResult(json), value);
    }
};

QTEST_GUILESS_MAIN(TestHelperProtocol)
#include "tst_helperprotocol.moc"
