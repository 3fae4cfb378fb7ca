// PluginConfig: reading v1 and v0 configs with Go's key matching, validation, serialisation and round trips.
#include "core/plugin/pluginconfig.h"

#include <QJsonDocument>
#include <QTest>

// GCC 12 warns about designated initialisers that leave members at their defaults, which is their point here.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

using namespace Qt::StringLiterals;
using core::ErrorCode;
using core::PluginConfig;

// The error message of a failed result, for QVERIFY2 (which evaluates its message even on success).
template<typename R>
QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

class TestPluginConfig : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsMixedCaseV1();
    void prefersExactKey_data();
    void prefersExactKey();
    void readsSshfsExample();
    void readsSeedV0_data();
    void readsSeedV0();
    void nullableStrings_data();
    void nullableStrings();
    void nullListsAreEmpty();
    void wrongTypes_data();
    void wrongTypes();
    void badDocuments_data();
    void badDocuments();
    void validate_data();
    void validate();
    void toJsonShape();
    void toManifestV0Shape();
    void roundTripV1_data();
    void roundTripV1();
    void roundTripV0_data();
    void roundTripV0();
    void interfaceType_data();
    void interfaceType();
    void parsedTypesSkipsMalformed();
    void hasCapability_data();
    void hasCapability();
};

namespace {

// vieux/docker-volume-sshfs config.json (docs/docker-compat.md §2.2), as the repository ships it.
const QByteArray sshfsConfig = R"({
  "description": "sshFS plugin for Docker",
  "documentation": "https://docs.docker.com/engine/extend/plugins/",
  "entrypoint": ["/docker-volume-sshfs"],
  "env": [{"name": "DEBUG", "settable": ["value"], "value": "0"}],
  "interface": {"socket": "sshfs.sock", "types": ["docker.volumedriver/1.0"]},
  "linux": {"capabilities": ["CAP_SYS_ADMIN"], "devices": [{"path": "/dev/fuse"}]},
  "mounts": [{"destination": "/mnt/state", "options": ["rbind"], "name": "state",
              "source": "/var/lib/docker/plugins/", "settable": ["source"], "type": "bind"}],
  "network": {"type": "host"},
  "propagatedmount": "/mnt/volumes"
})";

// The seed's v0 manifest.json (Docker 1.12 docs).
const QByteArray seedManifestV0 = R"({
  "manifestVersion": "v0",
  "description": "sshFS plugin for Docker",
  "documentation": "https://docs.docker.com/engine/extend/plugins/",
  "entrypoint": ["/go/bin/docker-volume-sshfs"],
  "network": {"type": "host"},
  "interface" : {"types": ["docker.volumedriver/1.0"], "socket": "sshfs.sock"},
  "capabilities": ["CAP_SYS_ADMIN"]
})";

// The seed's plugins.json "Manifest" object: the same manifest with Go's capitalised keys and nulls.
const QByteArray seedInventoryManifest = R"({
  "Args": {"Value": null, "Settable": null, "Description": "", "Name": ""},
  "Env": null,
  "Devices": null,
  "Mounts": null,
  "Capabilities": ["CAP_SYS_ADMIN"],
  "ManifestVersion": "v0",
  "Description": "sshFS plugin for Docker",
  "Documentation": "https://docs.docker.com/engine/extend/plugins/",
  "Interface": {"Socket": "sshfs.sock", "Types": ["docker.volumedriver/1.0"]},
  "Entrypoint": ["/go/bin/docker-volume-sshfs"],
  "Workdir": "",
  "User": {},
  "Network": {"Type": "host"}
})";

// A v1 config using every field, with keys in mixed case at every level.
const QByteArray mixedCaseConfig = R"({
  "Description": "every field",
  "DOCUMENTATION": "https://example.org/doc",
  "Interface": {"tYpEs": ["docker.volumedriver/1.0", "docker.authz/1.0"], "SOCKET": "p.sock",
                "protocolScheme": "moby.plugins.http/v1"},
  "EntryPoint": ["/bin/plugin", "--serve"],
  "workdir": "/srv",
  "user": {"uid": 1000, "GID": 0},
  "NETWORK": {"TYPE": "none"},
  "Linux": {"CAPABILITIES": ["CAP_SYS_ADMIN", "CAP_NET_ADMIN"], "allowAllDevices": true,
            "Devices": [{"Name": "fuse", "DESCRIPTION": "the fuse device", "settable": ["path"], "PATH": "/dev/fuse"},
                        {"name": "nopath"}]},
  "mounts": [{"NAME": "state", "description": "state dir", "SETTABLE": ["source"], "Source": "/var/lib/x",
              "destination": "/mnt/state", "TYPE": "bind", "options": ["rbind", "ro"]},
             {"name": "empty", "source": "", "destination": "/mnt/empty"},
             {"name": "nosource", "Source": null, "destination": "/mnt/none"}],
  "ENV": [{"Name": "DEBUG", "Settable": ["value"], "VALUE": "1"}, {"name": "EMPTY", "value": ""},
          {"name": "UNSET", "value": null}],
  "ARGS": {"NAME": "myargs", "Description": "extra args", "SETTABLE": ["value"], "value": ["-v", "--x"]},
  "propagatedMount": "/mnt/volumes",
  "IPCHOST": true,
  "pidhost": true,
  "ROOTFS": {"Type": "layers", "DIFF_IDS": ["sha256:aaaa", "sha256:bbbb"]}
})";

PluginConfig parse(const QByteArray &json)
{
    auto result = PluginConfig::fromJson(json);
    if (!result)
        qWarning("parse failed: %s", why(result).constData());
    return result.ok() ? *result : PluginConfig{};
}

// A valid minimal config, changed by `edit`, for validation rows.
template<typename Edit>
PluginConfig edited(Edit edit)
{
    PluginConfig config;
    config.entrypoint = {u"/plugin"_s};
    config.interfaceTypes = {u"docker.volumedriver/1.0"_s};
    config.interfaceSocket = u"plugin.sock"_s;
    edit(config);
    return config;
}

} // namespace

void TestPluginConfig::readsMixedCaseV1()
{
    const auto result = PluginConfig::fromJson(mixedCaseConfig);
    QVERIFY2(result.ok(), why(result).constData());
    const PluginConfig &c = *result;
    QCOMPARE(c.version, PluginConfig::Version::V1);
    QCOMPARE(c.description, u"every field"_s);
    QCOMPARE(c.documentation, u"https://example.org/doc"_s);
    QCOMPARE(c.interfaceTypes, QStringList({u"docker.volumedriver/1.0"_s, u"docker.authz/1.0"_s}));
    QCOMPARE(c.interfaceSocket, u"p.sock"_s);
    QCOMPARE(c.protocolScheme, u"moby.plugins.http/v1"_s);
    QCOMPARE(c.entrypoint, QStringList({u"/bin/plugin"_s, u"--serve"_s}));
    QCOMPARE(c.workDir, u"/srv"_s);
    QCOMPARE(c.userUid, std::optional<int>(1000));
    QCOMPARE(c.userGid, std::optional<int>(0));
    QCOMPARE(c.networkType, u"none"_s);
    QCOMPARE(c.capabilities, QStringList({u"CAP_SYS_ADMIN"_s, u"CAP_NET_ADMIN"_s}));
    QVERIFY(c.allowAllDevices);
    QCOMPARE(c.devices.size(), 2);
    QCOMPARE(c.devices[0].name, u"fuse"_s);
    QCOMPARE(c.devices[0].description, u"the fuse device"_s);
    QCOMPARE(c.devices[0].settable, QStringList{u"path"_s});
    QCOMPARE(c.devices[0].path, std::optional<QString>(u"/dev/fuse"_s));
    QCOMPARE(c.devices[1].path, std::nullopt);
    QCOMPARE(c.mounts.size(), 3);
    QCOMPARE(c.mounts[0].name, u"state"_s);
    QCOMPARE(c.mounts[0].description, u"state dir"_s);
    QCOMPARE(c.mounts[0].settable, QStringList{u"source"_s});
    QCOMPARE(c.mounts[0].source, std::optional<QString>(u"/var/lib/x"_s));
    QCOMPARE(c.mounts[0].destination, u"/mnt/state"_s);
    QCOMPARE(c.mounts[0].type, u"bind"_s);
    QCOMPARE(c.mounts[0].options, QStringList({u"rbind"_s, u"ro"_s}));
    QCOMPARE(c.env.size(), 3);
    QCOMPARE(c.env[0].name, u"DEBUG"_s);
    QCOMPARE(c.env[0].settable, QStringList{u"value"_s});
    QCOMPARE(c.env[0].value, std::optional<QString>(u"1"_s));
    QCOMPARE(c.args.name, u"myargs"_s);
    QCOMPARE(c.args.description, u"extra args"_s);
    QCOMPARE(c.args.settable, QStringList{u"value"_s});
    QCOMPARE(c.args.value, QStringList({u"-v"_s, u"--x"_s}));
    QCOMPARE(c.propagatedMount, u"/mnt/volumes"_s);
    QVERIFY(c.ipcHost);
    QVERIFY(c.pidHost);
    QCOMPARE(c.rootfsType, u"layers"_s);
    QCOMPARE(c.rootfsDiffIds, QStringList({u"sha256:aaaa"_s, u"sha256:bbbb"_s}));
    QVERIFY2(c.validate().ok(), why(c.validate()).constData());
}

void TestPluginConfig::prefersExactKey_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("description");
    QTest::addColumn<QString>("socket");

    QTest::newRow("exact after folded") << QByteArray(R"({"description": "folded", "Description": "exact"})")
                                        << u"exact"_s << QString();
    QTest::newRow("exact before folded") << QByteArray(R"({"Description": "exact", "DESCRIPTION": "folded"})")
                                         << u"exact"_s << QString();
    QTest::newRow("only folded") << QByteArray(R"({"dEsCrIpTiOn": "folded"})") << u"folded"_s << QString();
    QTest::newRow("nested exact") << QByteArray(R"({"interface": {"socket": "a.sock", "Socket": "b.sock"}})")
                                  << QString() << u"b.sock"_s;
    QTest::newRow("unknown keys ignored")
        << QByteArray(R"({"descriptions": "x", "Socket": "y"})") << QString() << QString();
}

void TestPluginConfig::prefersExactKey()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, description);
    QFETCH(QString, socket);
    const auto result = PluginConfig::fromJson(json);
    QVERIFY2(result.ok(), why(result).constData());
    QCOMPARE(result->description, description);
    QCOMPARE(result->interfaceSocket, socket);
}

void TestPluginConfig::readsSshfsExample()
{
    const auto result = PluginConfig::fromJson(sshfsConfig);
    QVERIFY2(result.ok(), why(result).constData());
    const PluginConfig &c = *result;
    QCOMPARE(c.version, PluginConfig::Version::V1);
    QCOMPARE(c.entrypoint, QStringList{u"/docker-volume-sshfs"_s});
    QCOMPARE(c.interfaceSocket, u"sshfs.sock"_s);
    QCOMPARE(c.interfaceTypes, QStringList{u"docker.volumedriver/1.0"_s});
    QCOMPARE(c.env.size(), 1);
    QCOMPARE(c.env[0].name, u"DEBUG"_s);
    QCOMPARE(c.env[0].value, std::optional<QString>(u"0"_s));
    QCOMPARE(c.capabilities, QStringList{u"CAP_SYS_ADMIN"_s});
    QCOMPARE(c.devices.size(), 1);
    QCOMPARE(c.devices[0].path, std::optional<QString>(u"/dev/fuse"_s));
    QCOMPARE(c.devices[0].name, QString());
    QCOMPARE(c.mounts.size(), 1);
    QCOMPARE(c.mounts[0].name, u"state"_s);
    QCOMPARE(c.mounts[0].source, std::optional<QString>(u"/var/lib/docker/plugins/"_s));
    QCOMPARE(c.mounts[0].destination, u"/mnt/state"_s);
    QCOMPARE(c.networkType, u"host"_s);
    QCOMPARE(c.propagatedMount, u"/mnt/volumes"_s);
    QCOMPARE(c.userUid, std::nullopt);
    QCOMPARE(c.args, core::PluginArgs{});
    QVERIFY(c.validate().ok());
    QVERIFY(c.hasCapability(u"volumedriver"_s));
}

void TestPluginConfig::readsSeedV0_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("manifest.json") << seedManifestV0;
    QTest::newRow("plugins.json Manifest") << seedInventoryManifest;
}

void TestPluginConfig::readsSeedV0()
{
    QFETCH(QByteArray, json);
    const auto result = PluginConfig::fromJson(json);
    QVERIFY2(result.ok(), why(result).constData());
    const PluginConfig &c = *result;
    QCOMPARE(c.version, PluginConfig::Version::V0);
    QCOMPARE(c.description, u"sshFS plugin for Docker"_s);
    QCOMPARE(c.documentation, u"https://docs.docker.com/engine/extend/plugins/"_s);
    QCOMPARE(c.entrypoint, QStringList{u"/go/bin/docker-volume-sshfs"_s});
    QCOMPARE(c.networkType, u"host"_s);
    QCOMPARE(c.interfaceTypes, QStringList{u"docker.volumedriver/1.0"_s});
    QCOMPARE(c.interfaceSocket, u"sshfs.sock"_s);
    QCOMPARE(c.capabilities, QStringList{u"CAP_SYS_ADMIN"_s});
    QVERIFY(c.mounts.isEmpty());
    QVERIFY(c.devices.isEmpty());
    QVERIFY(c.env.isEmpty());
    QCOMPARE(c.args, core::PluginArgs{});
    QCOMPARE(c.userUid, std::nullopt);
    QCOMPARE(c.userGid, std::nullopt);
    QVERIFY(c.validate().ok());
}

void TestPluginConfig::nullableStrings_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("hasValue");
    QTest::addColumn<QString>("value");

    QTest::newRow("mount source null") << QByteArray(R"({"mounts": [{"source": null}]})") << false << QString();
    QTest::newRow("mount source absent") << QByteArray(R"({"mounts": [{}]})") << false << QString();
    QTest::newRow("mount source empty") << QByteArray(R"({"mounts": [{"source": ""}]})") << true << QString();
    QTest::newRow("mount source set") << QByteArray(R"({"mounts": [{"source": "/x"}]})") << true << u"/x"_s;
    QTest::newRow("env value null") << QByteArray(R"({"env": [{"value": null}]})") << false << QString();
    QTest::newRow("env value empty") << QByteArray(R"({"env": [{"value": ""}]})") << true << QString();
    QTest::newRow("env value set") << QByteArray(R"({"env": [{"value": "1"}]})") << true << u"1"_s;
    QTest::newRow("device path null") << QByteArray(R"({"linux": {"devices": [{"path": null}]}})") << false
                                      << QString();
    QTest::newRow("device path empty") << QByteArray(R"({"linux": {"devices": [{"path": ""}]}})") << true << QString();
    QTest::newRow("v0 device path set") << QByteArray(R"({"manifestVersion": "v0", "devices": [{"path": "/d"}]})")
                                        << true << u"/d"_s;
}

void TestPluginConfig::nullableStrings()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, hasValue);
    QFETCH(QString, value);
    const auto result = PluginConfig::fromJson(json);
    QVERIFY2(result.ok(), why(result).constData());
    std::optional<QString> actual;
    if (!result->mounts.isEmpty())
        actual = result->mounts[0].source;
    else if (!result->env.isEmpty())
        actual = result->env[0].value;
    else if (!result->devices.isEmpty())
        actual = result->devices[0].path;
    else
        QFAIL("no entry read");
    QCOMPARE(actual.has_value(), hasValue);
    if (hasValue)
        QCOMPARE(*actual, value);
}

void TestPluginConfig::nullListsAreEmpty()
{
    const auto result = PluginConfig::fromJson(R"({"entrypoint": null, "mounts": null, "env": null,
        "interface": {"types": null}, "linux": {"capabilities": null, "devices": null},
        "args": {"settable": null, "value": null}, "rootfs": null, "user": null, "network": null,
        "description": null, "ipchost": null})");
    QVERIFY2(result.ok(), why(result).constData());
    QCOMPARE(*result, PluginConfig{});
}

void TestPluginConfig::wrongTypes_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");

    QTest::newRow("types string") << QByteArray(R"({"interface": {"types": "docker.volumedriver/1.0"}})")
                                  << uR"(field "interface.types" must be a list of strings)"_s;
    QTest::newRow("types element number") << QByteArray(R"({"interface": {"types": ["a.b/1", 2]}})")
                                          << uR"(field "interface.types" must be a list of strings)"_s;
    QTest::newRow("interface string") << QByteArray(R"({"Interface": "x"})")
                                      << uR"(field "interface" must be an object)"_s;
    QTest::newRow("socket number") << QByteArray(R"({"interface": {"socket": 1}})")
                                   << uR"(field "interface.socket" must be a string)"_s;
    QTest::newRow("protocolscheme bool") << QByteArray(R"({"interface": {"protocolscheme": true}})")
                                         << uR"(field "interface.protocolscheme" must be a string)"_s;
    QTest::newRow("description number") << QByteArray(R"({"description": 3})")
                                        << uR"(field "description" must be a string)"_s;
    QTest::newRow("entrypoint string") << QByteArray(R"({"Entrypoint": "/bin/x"})")
                                       << uR"(field "entrypoint" must be a list of strings)"_s;
    QTest::newRow("workdir list") << QByteArray(R"({"workdir": ["/"]})") << uR"(field "workdir" must be a string)"_s;
    QTest::newRow("user uid negative") << QByteArray(R"({"user": {"uid": -1}})")
                                       << uR"(field "user.uid" must be a whole number from 0 to 2147483647)"_s;
    QTest::newRow("user gid string") << QByteArray(R"({"user": {"gid": "0"}})")
                                     << uR"(field "user.gid" must be a whole number from 0 to 2147483647)"_s;
    QTest::newRow("user uid fraction") << QByteArray(R"({"user": {"UID": 1.5}})")
                                       << uR"(field "user.uid" must be a whole number from 0 to 2147483647)"_s;
    QTest::newRow("network string") << QByteArray(R"({"network": "host"})")
                                    << uR"(field "network" must be an object)"_s;
    QTest::newRow("network type number") << QByteArray(R"({"network": {"type": 1}})")
                                         << uR"(field "network.type" must be a string)"_s;
    QTest::newRow("linux capabilities string") << QByteArray(R"({"linux": {"capabilities": "CAP_SYS_ADMIN"}})")
                                               << uR"(field "linux.capabilities" must be a list of strings)"_s;
    QTest::newRow("linux allowalldevices string") << QByteArray(R"({"linux": {"allowAllDevices": "true"}})")
                                                  << uR"(field "linux.allowalldevices" must be true or false)"_s;
    QTest::newRow("linux devices object")
        << QByteArray(R"({"linux": {"devices": {}}})") << uR"(field "linux.devices" must be a list)"_s;
    QTest::newRow("device path number") << QByteArray(R"({"linux": {"devices": [{}, {"path": 1}]}})")
                                        << uR"(field "linux.devices[1].path" must be a string or null)"_s;
    QTest::newRow("mounts object") << QByteArray(R"({"mounts": {"name": "x"}})")
                                   << uR"(field "mounts" must be a list)"_s;
    QTest::newRow("mount element string")
        << QByteArray(R"({"mounts": [{}, "x"]})") << uR"(field "mounts[1]" must be an object)"_s;
    QTest::newRow("mount source number") << QByteArray(R"({"mounts": [{"source": 1}]})")
                                         << uR"(field "mounts[0].source" must be a string or null)"_s;
    QTest::newRow("mount options string") << QByteArray(R"({"mounts": [{"options": "rbind"}]})")
                                          << uR"(field "mounts[0].options" must be a list of strings)"_s;
    QTest::newRow("mount settable string") << QByteArray(R"({"mounts": [{"settable": "source"}]})")
                                           << uR"(field "mounts[0].settable" must be a list of strings)"_s;
    QTest::newRow("env value bool") << QByteArray(R"({"env": [{"name": "A", "value": true}]})")
                                    << uR"(field "env[0].value" must be a string or null)"_s;
    QTest::newRow("env name number") << QByteArray(R"({"env": [{"name": 1}]})")
                                     << uR"(field "env[0].name" must be a string)"_s;
    QTest::newRow("args value string") << QByteArray(R"({"args": {"value": "a b"}})")
                                       << uR"(field "args.value" must be a list of strings)"_s;
    QTest::newRow("args list") << QByteArray(R"({"args": []})") << uR"(field "args" must be an object)"_s;
    QTest::newRow("ipchost string") << QByteArray(R"({"IpcHost": "yes"})")
                                    << uR"(field "ipchost" must be true or false)"_s;
    QTest::newRow("pidhost number") << QByteArray(R"({"pidhost": 1})") << uR"(field "pidhost" must be true or false)"_s;
    QTest::newRow("propagatedmount bool")
        << QByteArray(R"({"propagatedMount": false})") << uR"(field "propagatedmount" must be a string)"_s;
    QTest::newRow("rootfs diff_ids string") << QByteArray(R"({"rootfs": {"type": "layers", "diff_ids": "x"}})")
                                            << uR"(field "rootfs.diff_ids" must be a list of strings)"_s;
    QTest::newRow("manifestversion number")
        << QByteArray(R"({"manifestVersion": 0})") << uR"(field "manifestversion" must be a string)"_s;
    QTest::newRow("v0 capabilities string") << QByteArray(R"({"manifestVersion": "v0", "capabilities": "X"})")
                                            << uR"(field "capabilities" must be a list of strings)"_s;
    QTest::newRow("v0 devices path") << QByteArray(R"({"manifestVersion": "v0", "devices": [{"path": []}]})")
                                     << uR"(field "devices[0].path" must be a string or null)"_s;
    QTest::newRow("first error wins") << QByteArray(R"({"description": 1, "mounts": 2})")
                                      << uR"(field "description" must be a string)"_s;
}

void TestPluginConfig::wrongTypes()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const auto result = PluginConfig::fromJson(json);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Corrupt);
    QCOMPARE(result.error().message, message);
}

void TestPluginConfig::badDocuments_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("start");

    QTest::newRow("not json") << QByteArray("{\"description\": ") << u"plugin config is not valid JSON: "_s;
    QTest::newRow("empty") << QByteArray() << u"plugin config is not valid JSON: "_s;
    QTest::newRow("array") << QByteArray("[]") << u"plugin config must be a JSON object"_s;
}

void TestPluginConfig::badDocuments()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, start);
    const auto result = PluginConfig::fromJson(json);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Corrupt);
    QVERIFY2(result.error().message.startsWith(start), why(result).constData());
}

void TestPluginConfig::validate_data()
{
    QTest::addColumn<PluginConfig>("config");
    QTest::addColumn<QString>("message"); // empty: valid

    QTest::newRow("minimal") << edited([](PluginConfig &) {}) << QString();
    QTest::newRow("sshfs") << parse(sshfsConfig) << QString();
    QTest::newRow("seed v0") << parse(seedManifestV0) << QString();
    QTest::newRow("everything") << parse(mixedCaseConfig) << QString();
    QTest::newRow("network host") << edited([](PluginConfig &c) { c.networkType = u"host"_s; }) << QString();
    QTest::newRow("network bridge") << edited([](PluginConfig &c) { c.networkType = u"bridge"_s; }) << QString();
    QTest::newRow("network none") << edited([](PluginConfig &c) { c.networkType = u"none"_s; }) << QString();
    QTest::newRow("protocol http v1") << edited([](PluginConfig &c) { c.protocolScheme = u"moby.plugins.http/v1"_s; })
                                      << QString();
    QTest::newRow("prefix with dots") << edited([](PluginConfig &c) { c.interfaceTypes = {u"com.x.y.cap/1.0"_s}; })
                                      << QString();
    QTest::newRow("mount without source")
        << edited([](PluginConfig &c) { c.mounts = {core::PluginMount{.destination = u"/mnt"_s}}; }) << QString();

    QTest::newRow("no entrypoint") << edited([](PluginConfig &c) { c.entrypoint.clear(); })
                                   << uR"(field "entrypoint" must not be empty)"_s;
    QTest::newRow("empty program") << edited([](PluginConfig &c) {
        c.entrypoint = {QString(), u"-x"_s};
    }) << uR"(field "entrypoint[0]" must not be empty)"_s;
    QTest::newRow("no types") << edited([](PluginConfig &c) { c.interfaceTypes.clear(); })
                              << uR"(field "interface.types" must not be empty)"_s;
    QTest::newRow("type without slash") << edited([](PluginConfig &c) {
        c.interfaceTypes = {u"docker.volumedriver"_s};
    }) << uR"(field "interface.types[0]" must have the form <prefix>.<capability>/<version>, not "docker.volumedriver")"_s;
    QTest::newRow("type without dot") << edited([](PluginConfig &c) {
        c.interfaceTypes << u"volumedriver/1.0"_s;
    }) << uR"(field "interface.types[1]" must have the form <prefix>.<capability>/<version>, not "volumedriver/1.0")"_s;
    QTest::newRow("type empty prefix") << edited([](PluginConfig &c) {
        c.interfaceTypes = {u".x/1"_s};
    }) << uR"(field "interface.types[0]" must have the form <prefix>.<capability>/<version>, not ".x/1")"_s;
    QTest::newRow("type empty capability")
        << edited([](PluginConfig &c) { c.interfaceTypes = {u"docker./1"_s}; })
        << uR"(field "interface.types[0]" must have the form <prefix>.<capability>/<version>, not "docker./1")"_s;
    QTest::newRow("type empty version") << edited([](PluginConfig &c) {
        c.interfaceTypes = {u"docker.x/"_s};
    }) << uR"(field "interface.types[0]" must have the form <prefix>.<capability>/<version>, not "docker.x/")"_s;
    QTest::newRow("no socket") << edited([](PluginConfig &c) { c.interfaceSocket.clear(); })
                               << uR"(field "interface.socket" must not be empty)"_s;
    QTest::newRow("socket path") << edited([](PluginConfig &c) { c.interfaceSocket = u"../x.sock"_s; })
                                 << uR"(field "interface.socket" must be a plain file name, not "../x.sock")"_s;
    QTest::newRow("socket absolute") << edited([](PluginConfig &c) { c.interfaceSocket = u"/run/x.sock"_s; })
                                     << uR"(field "interface.socket" must be a plain file name, not "/run/x.sock")"_s;
    QTest::newRow("socket dot") << edited([](PluginConfig &c) { c.interfaceSocket = u"."_s; })
                                << uR"(field "interface.socket" must be a plain file name, not ".")"_s;
    QTest::newRow("socket dotdot") << edited([](PluginConfig &c) { c.interfaceSocket = u".."_s; })
                                   << uR"(field "interface.socket" must be a plain file name, not "..")"_s;
    QTest::newRow("network unknown") << edited([](PluginConfig &c) {
        c.networkType = u"overlay"_s;
    }) << uR"(field "network.type" must be "host", "bridge", "none" or empty, not "overlay")"_s;
    QTest::newRow("network case") << edited([](PluginConfig &c) { c.networkType = u"Host"_s; })
                                  << uR"(field "network.type" must be "host", "bridge", "none" or empty, not "Host")"_s;
    QTest::newRow("protocol unknown") << edited([](PluginConfig &c) { c.protocolScheme = u"grpc"_s; })
                                      << uR"(field "interface.protocolscheme": plugin protocol not supported: grpc)"_s;
    QTest::newRow("mount without destination") << edited([](PluginConfig &c) {
        c.mounts = {core::PluginMount{.destination = u"/a"_s}, core::PluginMount{.name = u"b"_s}};
    }) << uR"(field "mounts[1].destination" must not be empty)"_s;
    QTest::newRow("env without name") << edited([](PluginConfig &c) { c.env = {core::PluginEnv{.value = u"x"_s}}; })
                                      << uR"(field "env[0].name" must not be empty)"_s;
}

void TestPluginConfig::validate()
{
    QFETCH(PluginConfig, config);
    QFETCH(QString, message);
    const core::Status status = config.validate();
    if (message.isEmpty()) {
        QVERIFY2(status.ok(), why(status).constData());
    } else {
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, ErrorCode::Corrupt);
        QCOMPARE(status.error().message, message);
    }
}

void TestPluginConfig::toJsonShape()
{
    // Docker's Plugin.Config for vieux/sshfs, keys capitalised, lists as arrays, User and rootfs omitted.
    const QJsonObject expected = QJsonDocument::fromJson(R"({
      "Description": "sshFS plugin for Docker",
      "Documentation": "https://docs.docker.com/engine/extend/plugins/",
      "Interface": {"Types": ["docker.volumedriver/1.0"], "Socket": "sshfs.sock"},
      "Entrypoint": ["/docker-volume-sshfs"],
      "WorkDir": "",
      "Network": {"Type": "host"},
      "Linux": {"Capabilities": ["CAP_SYS_ADMIN"], "AllowAllDevices": false,
                "Devices": [{"Name": "", "Description": "", "Settable": [], "Path": "/dev/fuse"}]},
      "PropagatedMount": "/mnt/volumes",
      "IpcHost": false,
      "PidHost": false,
      "Mounts": [{"Name": "state", "Description": "", "Settable": ["source"], "Source": "/var/lib/docker/plugins/",
                  "Destination": "/mnt/state", "Type": "bind", "Options": ["rbind"]}],
      "Env": [{"Name": "DEBUG", "Description": "", "Settable": ["value"], "Value": "0"}],
      "Args": {"Name": "", "Description": "", "Settable": [], "Value": []}
    })")
                                     .object();
    QCOMPARE(parse(sshfsConfig).toJson(), expected);

    // Optional parts appear when set; a null source stays null.
    const QJsonObject full = parse(mixedCaseConfig).toJson();
    QCOMPARE(full.value(u"User"_s).toObject(), QJsonObject({{u"UID"_s, 1000}, {u"GID"_s, 0}}));
    QCOMPARE(full.value(u"rootfs"_s).toObject(),
             QJsonObject({{u"type"_s, u"layers"_s}, {u"diff_ids"_s, QJsonArray{u"sha256:aaaa"_s, u"sha256:bbbb"_s}}}));
    QCOMPARE(full.value(u"Interface"_s).toObject().value(u"ProtocolScheme"_s).toString(), u"moby.plugins.http/v1"_s);
    QVERIFY(full.value(u"Mounts"_s).toArray().at(2).toObject().value(u"Source"_s).isNull());
    QCOMPARE(full.value(u"Mounts"_s).toArray().at(1).toObject().value(u"Source"_s), QJsonValue(u""_s));
    QVERIFY(full.value(u"Env"_s).toArray().at(2).toObject().value(u"Value"_s).isNull());
    QVERIFY(full.value(u"Linux"_s).toObject().value(u"Devices"_s).toArray().at(1).toObject().value(u"Path"_s).isNull());
}

void TestPluginConfig::toManifestV0Shape()
{
    const QJsonObject expected = QJsonDocument::fromJson(R"({
      "manifestVersion": "v0",
      "description": "sshFS plugin for Docker",
      "documentation": "https://docs.docker.com/engine/extend/plugins/",
      "entrypoint": ["/go/bin/docker-volume-sshfs"],
      "workdir": "",
      "network": {"type": "host"},
      "interface": {"types": ["docker.volumedriver/1.0"], "socket": "sshfs.sock"},
      "capabilities": ["CAP_SYS_ADMIN"],
      "mounts": [], "devices": [], "env": [],
      "args": {"name": "", "description": "", "settable": [], "value": []}
    })")
                                     .object();
    QCOMPARE(parse(seedManifestV0).toManifestV0Json(), expected);
    QCOMPARE(parse(seedInventoryManifest).toManifestV0Json(), expected);

    PluginConfig withUser = parse(seedManifestV0);
    withUser.userUid = 0;
    withUser.userGid = 42;
    QCOMPARE(withUser.toManifestV0Json().value(u"user"_s).toObject(), QJsonObject({{u"Uid"_s, 0}, {u"Gid"_s, 42}}));
}

void TestPluginConfig::roundTripV1_data()
{
    QTest::addColumn<PluginConfig>("config");
    QTest::newRow("empty") << PluginConfig{};
    QTest::newRow("sshfs") << parse(sshfsConfig);
    QTest::newRow("every field") << parse(mixedCaseConfig);
    QTest::newRow("uid only") << edited([](PluginConfig &c) { c.userUid = 0; });
    QTest::newRow("gid only") << edited([](PluginConfig &c) { c.userGid = 7; });
    QTest::newRow("rootfs type only") << edited([](PluginConfig &c) { c.rootfsType = u"layers"_s; });
    QTest::newRow("diff ids only") << edited([](PluginConfig &c) { c.rootfsDiffIds = {u"sha256:1"_s}; });
}

void TestPluginConfig::roundTripV1()
{
    QFETCH(PluginConfig, config);
    QCOMPARE(config.version, PluginConfig::Version::V1);
    const QByteArray text = QJsonDocument(config.toJson()).toJson();
    const auto again = PluginConfig::fromJson(text);
    QVERIFY2(again.ok(), why(again).constData());
    QVERIFY2(*again == config, text.constData());
    QCOMPARE(again->toJson(), config.toJson());
}

void TestPluginConfig::roundTripV0_data()
{
    QTest::addColumn<PluginConfig>("config");
    QTest::newRow("seed manifest") << parse(seedManifestV0);
    QTest::newRow("seed inventory manifest") << parse(seedInventoryManifest);
    PluginConfig everything = parse(mixedCaseConfig);
    everything.version = PluginConfig::Version::V0;
    QTest::newRow("every field as v0") << everything;
}

void TestPluginConfig::roundTripV0()
{
    QFETCH(PluginConfig, config);
    QCOMPARE(config.version, PluginConfig::Version::V0);
    const QByteArray text = QJsonDocument(config.toManifestV0Json()).toJson();
    const auto again = PluginConfig::fromJson(text);
    QVERIFY2(again.ok(), why(again).constData());
    QVERIFY2(*again == config, text.constData());
}

void TestPluginConfig::interfaceType_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("capability");
    QTest::addColumn<QString>("version");

    QTest::newRow("volumedriver") << u"docker.volumedriver/1.0"_s << true << u"docker"_s << u"volumedriver"_s
                                  << u"1.0"_s;
    QTest::newRow("dotted prefix") << u"com.example.foo/2"_s << true << u"com.example"_s << u"foo"_s << u"2"_s;
    QTest::newRow("dot in version") << u"docker.authz/1.0.1"_s << true << u"docker"_s << u"authz"_s << u"1.0.1"_s;
    QTest::newRow("slash in version") << u"docker.x/1/2"_s << true << u"docker"_s << u"x"_s << u"1/2"_s;
    QTest::newRow("no slash") << u"docker.volumedriver"_s << false << QString() << QString() << QString();
    QTest::newRow("no dot") << u"volumedriver/1.0"_s << false << QString() << QString() << QString();
    QTest::newRow("dot only after slash") << u"docker/1.0"_s << false << QString() << QString() << QString();
    QTest::newRow("empty prefix") << u".volumedriver/1.0"_s << false << QString() << QString() << QString();
    QTest::newRow("empty capability") << u"docker./1.0"_s << false << QString() << QString() << QString();
    QTest::newRow("empty version") << u"docker.volumedriver/"_s << false << QString() << QString() << QString();
    QTest::newRow("empty") << QString() << false << QString() << QString() << QString();
}

void TestPluginConfig::interfaceType()
{
    QFETCH(QString, text);
    QFETCH(bool, valid);
    const auto type = core::PluginInterfaceType::parse(text);
    QCOMPARE(type.has_value(), valid);
    if (!valid)
        return;
    QFETCH(QString, prefix);
    QFETCH(QString, capability);
    QFETCH(QString, version);
    QCOMPARE(type->prefix, prefix);
    QCOMPARE(type->capability, capability);
    QCOMPARE(type->version, version);
    QCOMPARE(type->toString(), text);
}

void TestPluginConfig::parsedTypesSkipsMalformed()
{
    PluginConfig config;
    config.interfaceTypes = {u"docker.volumedriver/1.0"_s, u"broken"_s, u"docker.authz/1.0"_s};
    const auto types = config.parsedTypes();
    QCOMPARE(types.size(), 2);
    QCOMPARE(types[0].capability, u"volumedriver"_s);
    QCOMPARE(types[1].capability, u"authz"_s);
}

void TestPluginConfig::hasCapability_data()
{
    QTest::addColumn<QStringList>("types");
    QTest::addColumn<QString>("capability");
    QTest::addColumn<bool>("expected");

    const QStringList both{u"docker.volumedriver/1.0"_s, u"docker.authz/1.0"_s};
    QTest::newRow("first") << both << u"volumedriver"_s << true;
    QTest::newRow("second") << both << u"authz"_s << true;
    QTest::newRow("query lower-cased") << both << u"VolumeDriver"_s << true;
    QTest::newRow("absent") << both << u"networkdriver"_s << false;
    QTest::newRow("no regex or prefix match") << both << u"volume"_s << false;
    QTest::newRow("other prefix") << QStringList{u"moby.volumedriver/1.0"_s} << u"volumedriver"_s << false;
    QTest::newRow("declared capability not lower-cased")
        << QStringList{u"docker.VolumeDriver/1.0"_s} << u"volumedriver"_s << false;
    QTest::newRow("version not checked") << QStringList{u"docker.volumedriver/9.9"_s} << u"volumedriver"_s << true;
    QTest::newRow("malformed skipped") << QStringList{u"docker.volumedriver"_s} << u"volumedriver"_s << false;
    QTest::newRow("no types") << QStringList{} << u"volumedriver"_s << false;
}

void TestPluginConfig::hasCapability()
{
    QFETCH(QStringList, types);
    QFETCH(QString, capability);
    QFETCH(bool, expected);
    PluginConfig config;
    config.interfaceTypes = types;
    QCOMPARE(config.hasCapability(capability), expected);
}

QTEST_GUILESS_MAIN(TestPluginConfig)
#include "tst_pluginconfig.moc"
