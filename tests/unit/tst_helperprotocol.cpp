// HelperProtocol: what the helper and HelperEngine agree on must survive the trip unchanged.
#include "common/testutil.h"
#include "core/helper/helperprotocol.h"
#include "core/helper/secrets.h"
#include "core/helper/snapshotcodec.h"
#include "core/store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QTimeZone>

Q_DECLARE_METATYPE(core::ErrorCode)

namespace {

// A plugin with every field set to something other than its default (both optional forms where there are two).
core::Plugin everyFieldPlugin()
{
    using namespace core;
    Plugin plugin;
    plugin.id = QString(64, QLatin1Char('e'));
    plugin.repository = QStringLiteral("acme/every");
    plugin.tag = QStringLiteral("1.2");
    plugin.enabled = true;
    plugin.pluginReference = QStringLiteral("registry.example:5000/acme/every:1.2");
    PluginConfig &config = plugin.config;
    config.version = PluginConfig::Version::V1;
    config.description = QStringLiteral("every field, \u00fcml\u00e4ut and \U0001F600");
    config.documentation = QStringLiteral("https://example.org/doc");
    config.interfaceTypes = {QStringLiteral("docker.volumedriver/1.0"), QStringLiteral("docker.authz/1.0")};
    config.interfaceSocket = QStringLiteral("e.sock");
    config.protocolScheme = QStringLiteral("moby.plugins.http/v1");
    config.entrypoint = {QStringLiteral("/bin/e"), QStringLiteral("--flag")};
    config.workDir = QStringLiteral("/work");
    config.userUid = 1000;
    config.userGid = 0;
    config.networkType = QStringLiteral("host");
    config.capabilities = {QStringLiteral("CAP_SYS_ADMIN")};
    config.allowAllDevices = true;
    config.devices = {{QStringLiteral("fuse"),
                       QStringLiteral("the fuse device"),
                       {QStringLiteral("path")},
                       QStringLiteral("/dev/fuse")},
                      {QStringLiteral("none"), QString(), {}, std::nullopt}};
    config.mounts = {
        {QStringLiteral("state"),
         QStringLiteral("where it keeps state"),
         {QStringLiteral("source")},
         QStringLiteral("/var/lib/e"),
         QStringLiteral("/state"),
         QStringLiteral("bind"),
         {QStringLiteral("rbind"), QStringLiteral("rw")}},
        {QStringLiteral("nosource"), QString(), {}, std::nullopt, QStringLiteral("/x"), QStringLiteral("tmpfs"), {}}};
    config.env = {
        {QStringLiteral("DEBUG"), QStringLiteral("debug level"), {QStringLiteral("value")}, QStringLiteral("0")},
        {QStringLiteral("UNSET"), QString(), {}, std::nullopt}};
    config.args = {QStringLiteral("args"),
                   QStringLiteral("extra arguments"),
                   {QStringLiteral("value")},
                   {QStringLiteral("-v"), QStringLiteral("--x")}};
    config.propagatedMount = QStringLiteral("/mnt/volumes");
    config.ipcHost = true;
    config.pidHost = true;
    config.rootfsType = QStringLiteral("layers");
    config.rootfsDiffIds = {QStringLiteral("sha256:") + QString(64, QLatin1Char('1'))};
    plugin.settings.mounts = {config.mounts.first()};
    plugin.settings.mounts.first().source = QStringLiteral("/srv/e");
    plugin.settings.env = {QStringLiteral("DEBUG=1"), QStringLiteral("API_TOKEN=s3cret"),
                           QStringLiteral("PASSWORD_FILE=/run/p")};
    plugin.settings.args = {QStringLiteral("-v")};
    plugin.settings.devices = {config.devices.first()};
    plugin.configDigest = QStringLiteral("sha256:") + QString(64, QLatin1Char('2'));
    plugin.manifestDigest = QStringLiteral("sha256:") + QString(64, QLatin1Char('3'));
    plugin.blobsums = {QStringLiteral("sha256:") + QString(64, QLatin1Char('4')),
                       QStringLiteral("sha256:") + QString(64, QLatin1Char('5'))};
    plugin.approved = Privileges({{QStringLiteral("mount"),
                                   QStringLiteral("host path to mount"),
                                   {QStringLiteral("/var/lib/e")},
                                   QStringLiteral("bind"),
                                   {QStringLiteral("rbind")}},
                                  {QStringLiteral("network"),
                                   QStringLiteral("permissions to access a network"),
                                   {QStringLiteral("host")},
                                   QString(),
                                   {}}});
    plugin.raw = QJsonObject{
        {QStringLiteral("Id"), plugin.id},
        {QStringLiteral("Settings"), QJsonObject{{QStringLiteral("Env"), QJsonArray{QStringLiteral("SECRET_KEY=k")}}}}};
    return plugin;
}

void compareRuntimeStates(const core::PluginRuntimeState &a, const core::PluginRuntimeState &b)
{
    QCOMPARE(a.status, b.status);
    QCOMPARE(a.monitorPid, b.monitorPid);
    QCOMPARE(a.containerPid, b.containerPid);
    QCOMPARE(a.restarts, b.restarts);
    QCOMPARE(a.lastExitStatus, b.lastExitStatus);
    QCOMPARE(a.lastStart, b.lastStart);
    QCOMPARE(a.lastExit, b.lastExit);
    QCOMPARE(a.message, b.message);
    QCOMPARE(a.nextRestart, b.nextRestart);
    QCOMPARE(a.monitorAlive, b.monitorAlive);
    QCOMPARE(a.socketPath, b.socketPath);
    QCOMPARE(a.publishedSocketPath, b.publishedSocketPath);
    QCOMPARE(a.implements, b.implements);
    QCOMPARE(a.reason, b.reason);
}

void comparePlugins(const core::Plugin &a, const core::Plugin &b)
{
    QCOMPARE(a.id, b.id);
    QCOMPARE(a.repository, b.repository);
    QCOMPARE(a.tag, b.tag);
    QCOMPARE(a.enabled, b.enabled);
    QCOMPARE(a.pluginReference, b.pluginReference);
    QCOMPARE(a.config, b.config);
    QCOMPARE(a.settings, b.settings);
    QCOMPARE(a.configDigest, b.configDigest);
    QCOMPARE(a.manifestDigest, b.manifestDigest);
    QCOMPARE(a.blobsums, b.blobsums);
    QCOMPARE(a.approved.has_value(), b.approved.has_value());
    if (a.approved)
        QCOMPARE(a.approved->items(), b.approved->items());
    QCOMPARE(a.raw, b.raw);
}

// Every field of everything a snapshot carries, with the second plugin (v0, nothing optional set) beside it.
core::HelperSnapshot everyFieldSnapshot()
{
    using namespace core;
    HelperSnapshot snapshot;
    Plugin v0;
    v0.id = QStringLiteral("a1b2c3");
    v0.repository = QStringLiteral("vieux/sshfs");
    v0.tag = QStringLiteral("latest");
    v0.config.version = PluginConfig::Version::V0;
    snapshot.list.plugins = {everyFieldPlugin(), v0};
    snapshot.list.problems = {{ErrorCode::Corrupt, QStringLiteral("entry \"x\" is broken")},
                              {ErrorCode::Io, QStringLiteral("cannot read y")}};
    PluginRuntimeState state;
    state.status = PluginRuntimeState::Status::Restarting;
    state.monitorPid = 41;
    state.containerPid = 4200000000LL;
    state.restarts = 3;
    state.lastExitStatus = 137;
    state.lastStart = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);
    state.lastExit = QDateTime::fromMSecsSinceEpoch(1700000100123, Qt::UTC);
    state.message = QStringLiteral("exited with status 137");
    state.nextRestart = QDateTime::fromMSecsSinceEpoch(1700000104250, Qt::UTC);
    state.monitorAlive = true;
    state.socketPath = QStringLiteral("/run/plugdesk/plugins/e/e.sock");
    state.publishedSocketPath = QStringLiteral("/run/docker/plugins/e.sock");
    state.implements = {QStringLiteral("VolumeDriver")};
    state.reason = QStringLiteral("its entrypoint /x does not exist");
    snapshot.states.insert(snapshot.list.plugins.first().id, state);
    snapshot.states.insert(v0.id, PluginRuntimeState());
    VolumeDriverInfo driver;
    driver.name = QStringLiteral("acme/every:1.2");
    driver.pluginId = snapshot.list.plugins.first().id;
    driver.scope = QStringLiteral("global");
    driver.socketPath = state.socketPath;
    driver.propagatedMount = QStringLiteral("/mnt/volumes");
    driver.hostPropagatedMount = QStringLiteral("/var/lib/plugdesk/plugins/e/propagated-mount");
    driver.rootfs = QStringLiteral("/var/lib/plugdesk/plugins/e/rootfs");
    snapshot.drivers = {driver, VolumeDriverInfo()};
    return snapshot;
}

} // namespace

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

    // The window's compact snapshot gives back every field of every plugin, state and driver.
    void compactSnapshotRoundTripsEveryField()
    {
        const core::HelperSnapshot snapshot = everyFieldSnapshot();
        auto back = core::SnapshotCodec::decode(core::SnapshotCodec::encode(snapshot, true));
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().message));
        QCOMPARE(back->list.plugins.size(), snapshot.list.plugins.size());
        for (qsizetype index = 0; index < snapshot.list.plugins.size(); ++index)
            comparePlugins(back->list.plugins.at(index), snapshot.list.plugins.at(index));
        QCOMPARE(back->list.problems.size(), 2);
        for (qsizetype index = 0; index < 2; ++index) {
            QCOMPARE(back->list.problems.at(index).code, snapshot.list.problems.at(index).code);
            QCOMPARE(back->list.problems.at(index).message, snapshot.list.problems.at(index).message);
        }
        QCOMPARE(back->states.keys(), snapshot.states.keys());
        for (auto it = snapshot.states.constBegin(); it != snapshot.states.constEnd(); ++it)
            compareRuntimeStates(back->states.value(it.key()), it.value());
        QCOMPARE(back->drivers.size(), 2);
        for (qsizetype index = 0; index < 2; ++index) {
            const core::VolumeDriverInfo &a = back->drivers.at(index);
            const core::VolumeDriverInfo &b = snapshot.drivers.at(index);
            QCOMPARE(a.name, b.name);
            QCOMPARE(a.pluginId, b.pluginId);
            QCOMPARE(a.scope, b.scope);
            QCOMPARE(a.socketPath, b.socketPath);
            QCOMPARE(a.propagatedMount, b.propagatedMount);
            QCOMPARE(a.hostPropagatedMount, b.hostPropagatedMount);
            QCOMPARE(a.rootfs, b.rootfs);
        }
        // What the JSON Snapshot says of the same, the compact one says too (without Docker's raw object, which the
        // JSON form sends in the plugin's place and does not give back).
        core::HelperSnapshot plain = snapshot;
        plain.list.plugins.first().raw = {};
        back = core::SnapshotCodec::decode(core::SnapshotCodec::encode(plain, true));
        QVERIFY(back.ok());
        auto json = core::HelperProtocol::decodeSnapshot(
            core::HelperProtocol::encodeSnapshot(core::HelperProtocol::encodePluginListObject(plain.list), plain));
        QVERIFY(json.ok());
        QCOMPARE(core::HelperProtocol::encodePluginList(back->list),
                 core::HelperProtocol::encodePluginList(json->list));
        QCOMPARE(core::HelperProtocol::encodeDrivers(back->drivers),
                 core::HelperProtocol::encodeDrivers(json->drivers));
        for (auto it = json->states.constBegin(); it != json->states.constEnd(); ++it)
            QCOMPARE(core::HelperProtocol::encodeRuntimeState(back->states.value(it.key())),
                     core::HelperProtocol::encodeRuntimeState(it.value()));
    }

    // A caller that may not see secrets gets from the compact snapshot exactly what the JSON one gives it.
    void compactSnapshotRedactsAsTheJsonOne()
    {
        const core::HelperSnapshot snapshot = everyFieldSnapshot();
        auto back = core::SnapshotCodec::decode(core::SnapshotCodec::encode(snapshot, false));
        QVERIFY(back.ok());
        const core::Plugin &plugin = back->list.plugins.first();
        QCOMPARE(plugin.settings.env, (QStringList{QStringLiteral("DEBUG=1"), QStringLiteral("API_TOKEN=<redacted>"),
                                                   QStringLiteral("PASSWORD_FILE=<redacted>")}));
        QVERIFY(!QJsonDocument(plugin.raw).toJson().contains("SECRET_KEY=k"));
        const QJsonObject redactedJson =
            core::Secrets::redactPluginList(core::HelperProtocol::encodePluginListObject(snapshot.list));
        QCOMPARE(core::HelperProtocol::encodePluginListObject(back->list), redactedJson);
        // Nothing else changed, and the config (as its author published it) not at all.
        QCOMPARE(plugin.config, snapshot.list.plugins.first().config);
        QCOMPARE(plugin.settings.args, snapshot.list.plugins.first().settings.args);
    }

    // Bytes that are not this format's, or cut anywhere, or with more after the end, are an error, never a guess.
    void compactSnapshotRefusesWhatItDidNotWrite()
    {
        const QByteArray data = core::SnapshotCodec::encode(everyFieldSnapshot(), true);
        for (qsizetype size = 0; size < data.size(); ++size) {
            auto cut = core::SnapshotCodec::decode(data.left(size));
            QVERIFY2(!cut.ok(),
                     qPrintable(QStringLiteral("a snapshot cut to %1 of %2 bytes decoded").arg(size).arg(data.size())));
            QCOMPARE(cut.error().code, core::ErrorCode::Internal);
        }
        auto longer = core::SnapshotCodec::decode(data + QByteArray(1, '\0'));
        QVERIFY(!longer.ok());
        QCOMPARE(longer.error().message, QStringLiteral("the helper sent a snapshot with 1 bytes after its end"));
        QByteArray otherFormat = data;
        otherFormat[3] = char(otherFormat[3] + 1);
        auto other = core::SnapshotCodec::decode(otherFormat);
        QVERIFY(!other.ok());
        QVERIFY2(other.error().message.contains(QStringLiteral("of another format")),
                 qPrintable(other.error().message));
        // A plugin without an id is refused as the JSON decoder refuses it.
        core::HelperSnapshot noId;
        noId.list.plugins = {core::Plugin()};
        auto anonymous = core::SnapshotCodec::decode(core::SnapshotCodec::encode(noId, true));
        QVERIFY(!anonymous.ok());
        QCOMPARE(anonymous.error().message,
                 QStringLiteral("the helper sent a plugin without an id, repository or tag"));
        // An empty snapshot is one.
        auto empty = core::SnapshotCodec::decode(core::SnapshotCodec::encode(core::HelperSnapshot(), false));
        QVERIFY(empty.ok());
        QVERIFY(empty->list.plugins.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHelperProtocol)
#include "tst_helperprotocol.moc"
