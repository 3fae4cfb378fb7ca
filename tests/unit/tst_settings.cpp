// Settings: InitEmptySettings, plugin-config.json, and Docker's `set` rules with their exact error texts.
#include "core/plugin/settings.h"

#include <QJsonDocument>
#include <QTest>

// GCC 12 warns about designated initialisers that leave members at their defaults, which is their point here.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

using namespace Qt::StringLiterals;
using core::PluginArgs;
using core::PluginConfig;
using core::PluginDevice;
using core::PluginEnv;
using core::PluginMount;
using core::Settings;

namespace {

// A config with one entry for each `set` rule.
PluginConfig setConfig()
{
    PluginConfig c;
    c.entrypoint = {u"/plugin"_s};
    c.interfaceTypes = {u"docker.volumedriver/1.0"_s};
    c.interfaceSocket = u"p.sock"_s;
    c.env = {
        PluginEnv{.name = u"DEBUG"_s, .settable = {u"value"_s}, .value = u"0"_s},
        PluginEnv{.name = u"OPT"_s, .settable = {u"value"_s}},              // null value: not in Settings at first
        PluginEnv{.name = u"LOCKED"_s, .value = u"1"_s},                    // not settable
        PluginEnv{.name = u"MULTI"_s, .settable = {u"value"_s, u"path"_s}}, // two settable fields
        PluginEnv{.name = u"WEIRD"_s, .settable = {u"source"_s}},           // settable field not allowed for env
        PluginEnv{.name = u"a.b"_s, .settable = {u"value"_s}},              // a dot in the name
        PluginEnv{.name = u".hidden"_s, .settable = {u"value"_s}},          // a leading dot is not a field
        PluginEnv{.name = u"shared"_s, .settable = {u"value"_s}, .value = u"e"_s}, // also a mount name
    };
    c.mounts = {
        PluginMount{
            .name = u"state"_s, .settable = {u"source"_s}, .source = u"/var/lib/x"_s, .destination = u"/mnt/state"_s},
        PluginMount{.name = u"fixed"_s, .source = u"/etc"_s, .destination = u"/mnt/etc"_s},
        PluginMount{.name = u"nosource"_s, .settable = {u"source"_s}, .destination = u"/mnt/none"_s},
        PluginMount{.name = u"shared"_s, .settable = {u"source"_s}, .source = u"/s"_s, .destination = u"/mnt/s"_s},
        PluginMount{.name = u"both"_s, .settable = {u"source"_s}, .source = u"/m"_s, .destination = u"/mnt/b"_s},
    };
    c.devices = {
        PluginDevice{.name = u"mydevice"_s, .settable = {u"path"_s}, .path = u"/dev/foo"_s},
        PluginDevice{.name = u"nopath"_s, .settable = {u"path"_s}},
        PluginDevice{.name = u"both"_s, .settable = {u"path"_s}, .path = u"/dev/both"_s},
        PluginDevice{.name = u"myargs"_s, .settable = {u"path"_s}, .path = u"/dev/args"_s},
    };
    c.args = PluginArgs{.name = u"myargs"_s, .settable = {u"value"_s}, .value = {u"-v"_s}};
    return c;
}

template<typename Edit>
Settings settingsWith(const Settings &start, Edit edit)
{
    Settings settings = start;
    edit(settings);
    return settings;
}

} // namespace

// The error message of a failed result, for QVERIFY2 (which evaluates its message even on success).
template<typename R>
QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

class TestSettings : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initial_data();
    void initial();
    void fromJson_data();
    void fromJson();
    void fromJsonErrors_data();
    void fromJsonErrors();
    void toJson();
    void apply_data();
    void apply();
    void applyLeavesConfigAlone();
    void envValue_data();
    void envValue();
};

void TestSettings::initial_data()
{
    QTest::addColumn<PluginConfig>("config");
    QTest::addColumn<Settings>("expected");

    QTest::newRow("empty config") << PluginConfig{} << Settings{};

    PluginConfig c;
    c.mounts = {PluginMount{.name = u"m"_s, .source = u"/a"_s, .destination = u"/b"_s},
                PluginMount{.name = u"nosource"_s, .destination = u"/c"_s}};
    c.devices = {PluginDevice{.name = u"d"_s, .path = u"/dev/fuse"_s}, PluginDevice{.name = u"nopath"_s}};
    c.env = {PluginEnv{.name = u"DEBUG"_s, .value = u"0"_s}, PluginEnv{.name = u"UNSET"_s},
             PluginEnv{.name = u"EMPTY"_s, .value = u""_s}};
    c.args = PluginArgs{.name = u"args"_s, .value = {u"-a"_s, u"b"_s}};
    Settings expected;
    expected.mounts = c.mounts;
    expected.devices = c.devices;
    expected.env = {u"DEBUG=0"_s, u"EMPTY="_s};
    expected.args = {u"-a"_s, u"b"_s};
    QTest::newRow("every part") << c << expected;

    PluginConfig sshfs;
    sshfs.env = {PluginEnv{.name = u"DEBUG"_s, .settable = {u"value"_s}, .value = u"0"_s}};
    sshfs.mounts = {PluginMount{.name = u"state"_s,
                                .settable = {u"source"_s},
                                .source = u"/var/lib/docker/plugins/"_s,
                                .destination = u"/mnt/state"_s,
                                .type = u"bind"_s,
                                .options = {u"rbind"_s}}};
    sshfs.devices = {PluginDevice{.path = u"/dev/fuse"_s}};
    Settings sshfsSettings;
    sshfsSettings.env = {u"DEBUG=0"_s};
    sshfsSettings.mounts = sshfs.mounts;
    sshfsSettings.devices = sshfs.devices;
    QTest::newRow("sshfs") << sshfs << sshfsSettings;
}

void TestSettings::initial()
{
    QFETCH(PluginConfig, config);
    QFETCH(Settings, expected);
    QCOMPARE(Settings::initial(config), expected);
}

void TestSettings::fromJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<Settings>("expected");

    // The seed's plugin-config.json.
    QTest::newRow("seed") << QByteArray(R"({"Devices": null, "Args": null, "Env": [], "Mounts": []})") << Settings{};
    QTest::newRow("empty object") << QByteArray("{}") << Settings{};

    Settings full;
    full.mounts = {PluginMount{.name = u"state"_s,
                               .description = u"d"_s,
                               .settable = {u"source"_s},
                               .source = u"/x"_s,
                               .destination = u"/mnt/state"_s,
                               .type = u"bind"_s,
                               .options = {u"rbind"_s}},
                   PluginMount{.name = u"n"_s, .destination = u"/n"_s}};
    full.env = {u"DEBUG=1"_s, u"A=b=c"_s};
    full.args = {u"-v"_s, QString()};
    full.devices = {PluginDevice{.name = u"fuse"_s, .settable = {u"path"_s}, .path = u"/dev/fuse"_s},
                    PluginDevice{.path = u""_s}};
    QTest::newRow("docker keys") << QByteArray(R"({
        "Mounts": [{"Name": "state", "Description": "d", "Settable": ["source"], "Source": "/x",
                    "Destination": "/mnt/state", "Type": "bind", "Options": ["rbind"]},
                   {"Name": "n", "Source": null, "Destination": "/n"}],
        "Env": ["DEBUG=1", "A=b=c"], "Args": ["-v", ""],
        "Devices": [{"Name": "fuse", "Settable": ["path"], "Path": "/dev/fuse"}, {"Path": ""}]})")
                                 << full;
    QTest::newRow("keys in any case") << QByteArray(R"({
        "mounts": [{"NAME": "state", "description": "d", "settable": ["source"], "SOURCE": "/x",
                    "destination": "/mnt/state", "type": "bind", "OPTIONS": ["rbind"]},
                   {"name": "n", "destination": "/n"}],
        "ENV": ["DEBUG=1", "A=b=c"], "args": ["-v", ""],
        "devices": [{"name": "fuse", "settable": ["path"], "path": "/dev/fuse"}, {"path": ""}]})")
                                      << full;
}

void TestSettings::fromJson()
{
    QFETCH(QByteArray, json);
    QFETCH(Settings, expected);
    const auto result = Settings::fromJson(json);
    QVERIFY2(result.ok(), why(result).constData());
    QCOMPARE(*result, expected);
}

void TestSettings::fromJsonErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");

    QTest::newRow("mounts object") << QByteArray(R"({"Mounts": {}})") << uR"(field "mounts" must be a list)"_s;
    QTest::newRow("mount element string")
        << QByteArray(R"({"Mounts": ["x"]})") << uR"(field "mounts[0]" must be an object)"_s;
    QTest::newRow("mount source number") << QByteArray(R"({"Mounts": [{}, {"Source": 1}]})")
                                         << uR"(field "mounts[1].source" must be a string or null)"_s;
    QTest::newRow("env string") << QByteArray(R"({"Env": "DEBUG=1"})") << uR"(field "env" must be a list of strings)"_s;
    QTest::newRow("env objects (1.12 to 1.13)")
        << QByteArray(R"({"Env": [{"Name": "DEBUG"}]})") << uR"(field "env" must be a list of strings)"_s;
    QTest::newRow("args string") << QByteArray(R"({"Args": "-v"})") << uR"(field "args" must be a list of strings)"_s;
    QTest::newRow("device path bool") << QByteArray(R"({"Devices": [{"Path": false}]})")
                                      << uR"(field "devices[0].path" must be a string or null)"_s;
    QTest::newRow("not json") << QByteArray("{") << u"plugin settings are not valid JSON: "_s;
    QTest::newRow("not an object") << QByteArray("[]") << u"plugin settings must be a JSON object"_s;
}

void TestSettings::fromJsonErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const auto result = Settings::fromJson(json);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, core::ErrorCode::Corrupt);
    QVERIFY2(result.error().message.startsWith(message), why(result).constData());
    if (!message.endsWith(u' '))
        QCOMPARE(result.error().message, message);
}

void TestSettings::toJson()
{
    QCOMPARE(Settings{}.toJson(),
             QJsonDocument::fromJson(R"({"Mounts": [], "Env": [], "Args": [], "Devices": []})").object());

    const Settings settings = Settings::initial(setConfig());
    const QJsonObject json = settings.toJson();
    QCOMPARE(json.keys(), QStringList({u"Args"_s, u"Devices"_s, u"Env"_s, u"Mounts"_s}));
    QCOMPARE(json.value(u"Mounts"_s).toArray().at(0).toObject(),
             QJsonDocument::fromJson(R"({"Name": "state", "Description": "", "Settable": ["source"],
                 "Source": "/var/lib/x", "Destination": "/mnt/state", "Type": "", "Options": []})")
                 .object());
    QVERIFY(json.value(u"Mounts"_s).toArray().at(2).toObject().value(u"Source"_s).isNull());
    QCOMPARE(json.value(u"Devices"_s).toArray().at(0).toObject(),
             QJsonDocument::fromJson(R"({"Name": "mydevice", "Description": "", "Settable": ["path"],
                 "Path": "/dev/foo"})")
                 .object());
    QCOMPARE(json.value(u"Env"_s).toArray(), QJsonArray({u"DEBUG=0"_s, u"LOCKED=1"_s, u"shared=e"_s}));

    const auto again = Settings::fromJsonObject(json);
    QVERIFY(again.ok());
    QCOMPARE(*again, settings);
}

void TestSettings::apply_data()
{
    QTest::addColumn<PluginConfig>("config");
    QTest::addColumn<Settings>("start");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<Settings>("expected");
    QTest::addColumn<QString>("message"); // empty: success

    const PluginConfig config = setConfig();
    const Settings start = Settings::initial(config);
    const QString ok;
    auto row = [&](const char *name, const QStringList &arguments, const Settings &expected, const QString &message) {
        QTest::newRow(name) << config << start << arguments << expected << message;
    };
    auto fails = [&](const char *name, const QStringList &arguments, const QString &message) {
        row(name, arguments, start, message);
    };

    // env
    row("env replaces", {u"DEBUG=1"_s}, settingsWith(start, [](Settings &s) { s.env[0] = u"DEBUG=1"_s; }), ok);
    row("env with field", {u"DEBUG.value=2"_s}, settingsWith(start, [](Settings &s) { s.env[0] = u"DEBUG=2"_s; }), ok);
    row("env appends", {u"OPT=x"_s}, settingsWith(start, [](Settings &s) { s.env.append(u"OPT=x"_s); }), ok);
    row("no '=' means empty value", {u"DEBUG"_s}, settingsWith(start, [](Settings &s) { s.env[0] = u"DEBUG="_s; }), ok);
    row("value keeps later '='", {u"DEBUG=a=b"_s}, settingsWith(start, [](Settings &s) { s.env[0] = u"DEBUG=a=b"_s; }),
        ok);
    row("field split at last dot", {u"a.b.value=1"_s},
        settingsWith(start, [](Settings &s) { s.env.append(u"a.b=1"_s); }), ok);
    row("leading dot is part of the name", {u".hidden=1"_s},
        settingsWith(start, [](Settings &s) { s.env.append(u".hidden=1"_s); }), ok);
    row("trailing dot means the default field", {u"DEBUG.=3"_s},
        settingsWith(start, [](Settings &s) { s.env[0] = u"DEBUG=3"_s; }), ok);
    row("field named among several", {u"MULTI.value=1"_s},
        settingsWith(start, [](Settings &s) { s.env.append(u"MULTI=1"_s); }), ok);
    row("same name twice, last wins", {u"DEBUG=1"_s, u"DEBUG=2"_s},
        settingsWith(start, [](Settings &s) { s.env[0] = u"DEBUG=2"_s; }), ok);
    row("no arguments", {}, start, ok);
    // mounts
    row("mount source", {u"state.source=/x"_s}, settingsWith(start, [](Settings &s) { s.mounts[0].source = u"/x"_s; }),
        ok);
    row("mount default field", {u"state=/x"_s}, settingsWith(start, [](Settings &s) { s.mounts[0].source = u"/x"_s; }),
        ok);
    row("mount empty source", {u"state"_s}, settingsWith(start, [](Settings &s) { s.mounts[0].source = u""_s; }), ok);
    // devices
    row("device path", {u"mydevice.path=/dev/bar"_s},
        settingsWith(start, [](Settings &s) { s.devices[0].path = u"/dev/bar"_s; }), ok);
    row("device default field", {u"mydevice=/dev/bar"_s},
        settingsWith(start, [](Settings &s) { s.devices[0].path = u"/dev/bar"_s; }), ok);
    // args (with the device named like them removed, so that the args are reached)
    PluginConfig argsConfig = config;
    argsConfig.devices.removeLast();
    auto argsRow = [&](const char *name, const QString &argument, const QStringList &args) {
        QTest::newRow(name) << argsConfig << start << QStringList{argument}
                            << settingsWith(start, [&](Settings &s) { s.args = args; }) << ok;
    };
    argsRow("args split on spaces", u"myargs=a b c"_s, {u"a"_s, u"b"_s, u"c"_s});
    argsRow("args keep empty parts", u"myargs.value=a  b"_s, {u"a"_s, QString(), u"b"_s});
    argsRow("args empty value", u"myargs="_s, {QString()});
    argsRow("args no '='", u"myargs"_s, {QString()});
    // search order
    row("env before mount", {u"shared=1"_s}, settingsWith(start, [](Settings &s) { s.env[2] = u"shared=1"_s; }), ok);
    row("mount before device", {u"both=/y"_s}, settingsWith(start, [](Settings &s) { s.mounts[4].source = u"/y"_s; }),
        ok);
    row("device before args", {u"myargs=/dev/z"_s},
        settingsWith(start, [](Settings &s) { s.devices[3].path = u"/dev/z"_s; }), ok);
    row("several at once", {u"DEBUG=1"_s, u"state=/x"_s, u"mydevice=/dev/y"_s},
        settingsWith(start,
                     [](Settings &s) {
                         s.env[0] = u"DEBUG=1"_s;
                         s.mounts[0].source = u"/x"_s;
                         s.devices[0].path = u"/dev/y"_s;
                     }),
        ok);

    // errors, each leaving the settings unchanged
    const QString invalidFormat = u"invalid format, must be <name>[.<field>][=<value>]"_s;
    fails("leading '='", {u"=1"_s}, invalidFormat);
    fails("only '='", {u"="_s}, invalidFormat);
    fails("format checked before anything is set", {u"DEBUG=1"_s, u"=x"_s}, invalidFormat);
    fails("env not settable", {u"LOCKED=0"_s}, uR"("LOCKED" is not settable)"_s);
    fails("env field not allowed", {u"DEBUG.path=1"_s}, uR"("DEBUG.path" is not settable)"_s);
    fails("env default field not allowed", {u"WEIRD=1"_s}, uR"("WEIRD.source" is not settable)"_s);
    fails("env field allowed but not declared", {u"LOCKED.value=0"_s}, uR"("LOCKED.value" is not settable)"_s);
    fails("multiple settable", {u"MULTI=1"_s}, u"multiple fields are settable, one must be specified"_s);
    fails("env shadows mount", {u"shared.source=/x"_s}, uR"("shared.source" is not settable)"_s);
    fails("mount field not allowed", {u"state.path=/x"_s}, uR"("state.path" is not settable)"_s);
    fails("mount not settable", {u"fixed=/x"_s}, uR"("fixed" is not settable)"_s);
    fails("mount without source", {u"nosource=/x"_s}, u"Plugin config has no mount source"_s);
    fails("device field not allowed", {u"mydevice.source=/x"_s}, uR"("mydevice.source" is not settable)"_s);
    fails("device without path", {u"nopath=/dev/x"_s}, u"Plugin config has no device path"_s);
    fails("not found", {u"NOPE=1"_s}, uR"(setting "NOPE" not found in the plugin configuration)"_s);
    fails("not found with field", {u"NOPE.value=1"_s}, uR"(setting "NOPE" not found in the plugin configuration)"_s);
    fails("name split at last dot", {u"a.b=1"_s}, uR"(setting "a" not found in the plugin configuration)"_s);
    fails("env names are case-sensitive", {u"debug=1"_s},
          uR"(setting "debug" not found in the plugin configuration)"_s);
    fails("name quoted as Go does", {u"a\"b\tc=1"_s}, uR"(setting "a\"b\tc" not found in the plugin configuration)"_s);
    fails("all or nothing", {u"DEBUG=1"_s, u"state=/x"_s, u"myargs=a"_s, u"NOPE=2"_s},
          uR"(setting "NOPE" not found in the plugin configuration)"_s);

    // args rules with a config where the args are not settable
    PluginConfig fixedArgs = argsConfig;
    fixedArgs.args.settable.clear();
    QTest::newRow("args not settable") << fixedArgs << start << QStringList{u"myargs=x"_s} << start
                                       << uR"("myargs" is not settable)"_s;
    QTest::newRow("args field not allowed")
        << fixedArgs << start << QStringList{u"myargs.path=x"_s} << start << uR"("myargs.path" is not settable)"_s;

    // Settings that lack a config entry get it copied from the config before the change.
    const Settings bare;
    Settings copied;
    copied.mounts = {config.mounts[0]};
    copied.mounts[0].source = u"/new"_s;
    QTest::newRow("mount copied into settings") << config << bare << QStringList{u"state=/new"_s} << copied << ok;
    Settings copiedDevice;
    copiedDevice.devices = {config.devices[0]};
    copiedDevice.devices[0].path = u"/dev/new"_s;
    QTest::newRow("device copied into settings")
        << config << bare << QStringList{u"mydevice=/dev/new"_s} << copiedDevice << ok;
}

void TestSettings::apply()
{
    QFETCH(PluginConfig, config);
    QFETCH(Settings, start);
    QFETCH(QStringList, arguments);
    QFETCH(Settings, expected);
    QFETCH(QString, message);

    Settings settings = start;
    const core::Status status = settings.apply(config, arguments);
    if (message.isEmpty()) {
        QVERIFY2(status.ok(), why(status).constData());
    } else {
        QVERIFY(!status.ok());
        QCOMPARE(status.error().code, core::ErrorCode::InvalidArgument);
        QCOMPARE(status.error().message, message);
    }
    QCOMPARE(settings, expected);
}

void TestSettings::applyLeavesConfigAlone()
{
    const PluginConfig config = setConfig();
    PluginConfig copy = config;
    Settings settings = Settings::initial(copy);
    QVERIFY(settings.apply(copy, {u"state=/x"_s, u"mydevice=/dev/y"_s, u"myargs=a b"_s, u"DEBUG=9"_s}).ok());
    QCOMPARE(copy, config);
    QCOMPARE(settings.mounts[0].source, std::optional<QString>(u"/x"_s));
    QCOMPARE(settings.envValue(u"DEBUG"_s), u"9"_s);
}

void TestSettings::envValue_data()
{
    QTest::addColumn<QStringList>("env");
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("isNull");
    QTest::addColumn<QString>("value");

    QTest::newRow("present") << QStringList{u"A=1"_s, u"DEBUG=0"_s} << u"DEBUG"_s << false << u"0"_s;
    QTest::newRow("empty value") << QStringList{u"DEBUG="_s} << u"DEBUG"_s << false << QString();
    QTest::newRow("value with '='") << QStringList{u"X=a=b"_s} << u"X"_s << false << u"a=b"_s;
    QTest::newRow("absent") << QStringList{u"A=1"_s} << u"DEBUG"_s << true << QString();
    QTest::newRow("prefix is not a match") << QStringList{u"DEBUGX=1"_s} << u"DEBUG"_s << true << QString();
    QTest::newRow("case-sensitive") << QStringList{u"debug=1"_s} << u"DEBUG"_s << true << QString();
}

void TestSettings::envValue()
{
    QFETCH(QStringList, env);
    QFETCH(QString, name);
    QFETCH(bool, isNull);
    QFETCH(QString, value);
    Settings settings;
    settings.env = env;
    const QString actual = settings.envValue(name);
    QCOMPARE(actual.isNull(), isNull);
    QCOMPARE(actual, value);
}

QTEST_GUILESS_MAIN(TestSettings)
#include "tst_settings.moc"
