// HelperProtocol: what the helper and HelperEngine agree on must survive the trip unchanged.
#include "common/testutil.h"
#include "core/helper/helperprotocol.h"
#include "core/store/store.h"

#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

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
        QTest::newRow("unsupported") << core::ErrorCode::Unsupported << "org.plugdesk.Error.Unsupported";
        QTest::newRow("last") << core::ErrorCode::AuthorizationRequired << "org.plugdesk.Error.AuthorizationRequired";
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

    // A run state, the drivers and the snapshot that carries them with the plugin list: what the window shows
    // through the helper must be what the engine read.
    void runtimeStatesRoundTrip()
    {
        core::PluginRuntimeState state;
        state.status = core::PluginRuntimeState::Status::Restarting;
        state.monitorPid = 41;
        state.containerPid = 42;
        state.restarts = 3;
        state.lastExitStatus = 137;
        state.lastStart = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
        state.lastExit = QDateTime::fromSecsSinceEpoch(1700000100, Qt::UTC);
        state.message = QStringLiteral("the plugin exited with status 137");
        state.monitorAlive = true;
        state.socketPath = QStringLiteral("/run/plugdesk/plugins/abc/t.sock");
        state.publishedSocketPath = QStringLiteral("/run/docker/plugins/t.sock");
        state.implements = {QStringLiteral("VolumeDriver")};
        state.nextRestart = QDateTime::fromMSecsSinceEpoch(1700000104250, Qt::UTC);
        state.reason = QStringLiteral("vieux/sshfs:latest cannot start: its entrypoint /x does not exist");
        const core::PluginRuntimeState back =
            core::HelperProtocol::decodeRuntimeState(core::HelperProtocol::encodeRuntimeState(state));
        QCOMPARE(core::HelperProtocol::encodeRuntimeState(back), core::HelperProtocol::encodeRuntimeState(state));
        QCOMPARE(back.status, state.status);
        QCOMPARE(back.containerPid, state.containerPid);
        QCOMPARE(back.lastExitStatus, state.lastExitStatus);
        QCOMPARE(back.lastExit, state.lastExit);
        QCOMPARE(back.monitorAlive, true);
        QCOMPARE(back.publishedSocketPath, state.publishedSocketPath);
        QCOMPARE(back.implements, state.implements);
        QCOMPARE(back.nextRestart, state.nextRestart);
        QCOMPARE(back.reason, state.reason);
        // What the window and plugdeskctl print is derived from these fields alone, so it survives the trip too.
        const QDateTime now = QDateTime::fromMSecsSinceEpoch(1700000101000, Qt::UTC);
        QCOMPARE(core::PluginRuntimeState::summary(true, back, now),
                 QStringLiteral("restarting (attempt 4, next try in 4 s)"));
        core::PluginRuntimeState notRunning;
        notRunning.reason = state.reason;
        const core::PluginRuntimeState notRunningBack =
            core::HelperProtocol::decodeRuntimeState(core::HelperProtocol::encodeRuntimeState(notRunning));
        QCOMPARE(core::PluginRuntimeState::summary(true, notRunningBack),
                 QStringLiteral("not running: ") + state.reason);
        QCOMPARE(core::PluginRuntimeState::summary(false, notRunningBack), QStringLiteral("disabled"));
    }

    void snapshotRoundTrip()
    {
        auto inventory = core::Store(testutil::sourcePath(QStringLiteral("tests/data/seed-store"))).load();
        QVERIFY(inventory.ok());
        core::HelperProtocol::Snapshot snapshot;
        snapshot.list = {inventory->plugins, {core::Error{core::ErrorCode::Corrupt, QStringLiteral("entry \"x\"")}}};
        QVERIFY(!snapshot.list.plugins.isEmpty());
        core::PluginRuntimeState running;
        running.status = core::PluginRuntimeState::Status::Running;
        running.containerPid = 7;
        snapshot.states.insert(snapshot.list.plugins.first().id, running);
        core::VolumeDriverInfo driver;
        driver.name = QStringLiteral("vieux/sshfs:latest");
        driver.pluginId = snapshot.list.plugins.first().id;
        driver.scope = QStringLiteral("global");
        driver.socketPath = QStringLiteral("/run/plugdesk/plugins/x/sshfs.sock");
        snapshot.drivers = {driver};

        const QByteArray json =
            core::HelperProtocol::encodeSnapshot(core::HelperProtocol::encodePluginList(snapshot.list), snapshot);
        auto back = core::HelperProtocol::decodeSnapshot(json);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QCOMPARE(core::HelperProtocol::encodePluginList(back->list),
                 core::HelperProtocol::encodePluginList(snapshot.list));
        QCOMPARE(back->states.size(), 1);
        QCOMPARE(back->states.value(snapshot.list.plugins.first().id).containerPid, 7);
        QCOMPARE(core::HelperProtocol::encodeDrivers(back->drivers),
                 core::HelperProtocol::encodeDrivers(snapshot.drivers));
        // Again through its own encoding: a second trip changes nothing.
        QCOMPARE(core::HelperProtocol::encodeSnapshot(core::HelperProtocol::encodePluginList(back->list), *back), json);

        QVERIFY(!core::HelperProtocol::decodeSnapshot("not json").ok());
        QVERIFY(!core::HelperProtocol::decodeSnapshot("{\"list\": 3}").ok());
    }
};

QTEST_GUILESS_MAIN(TestHelperProtocol)
#include "tst_helperprotocol.moc"
