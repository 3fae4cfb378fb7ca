// Settings: the first byte picks the reader. 0..127: Settings::fromJson on the rest (plugin-config.json, the
// inventory's "Settings"). 128..255: the rest is `plugdeskctl set` arguments, one per line, applied with
// Settings::apply to the settings of a fixed config that has settable env, mounts, devices and args; the result must
// write out and read back.
#include "core/plugin/settings.h"
#include "fuzz/fuzzcommon.h"

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialise(argc, argv);
    return 0;
}

namespace {

const core::PluginConfig &config()
{
    static const core::PluginConfig config = [] {
        auto parsed = core::PluginConfig::fromJson(R"({
            "Description": "fuzz", "Documentation": "", "Entrypoint": ["/plugin"], "WorkDir": "",
            "Interface": {"Types": ["docker.volumedriver/1.0"], "Socket": "fuzz.sock"},
            "Network": {"Type": "host"}, "Linux": {"Capabilities": ["CAP_SYS_ADMIN"], "AllowAllDevices": false,
                "Devices": [{"Name": "fuse", "Description": "", "Settable": ["path"], "Path": "/dev/fuse"}]},
            "Mounts": [{"Name": "state", "Description": "", "Settable": ["source"], "Source": "/var/lib/x",
                        "Destination": "/state", "Type": "bind", "Options": ["rbind"]},
                       {"Name": "fixed", "Description": "", "Settable": [], "Source": "/etc",
                        "Destination": "/etc2", "Type": "bind", "Options": ["rbind", "ro"]},
                       {"Name": "nosource", "Description": "", "Settable": ["source"],
                        "Destination": "/ns", "Type": "bind", "Options": ["rbind"]}],
            "Env": [{"Name": "DEBUG", "Description": "", "Settable": ["value"], "Value": "0"},
                    {"Name": "LOCKED", "Description": "", "Settable": [], "Value": "1"},
                    {"Name": "ANY", "Description": "", "Settable": null}],
            "Args": {"Name": "args", "Description": "", "Settable": ["value"], "Value": ["-v"]},
            "PropagatedMount": "/data"})");
        if (!parsed)
            fuzz::fail("the fixed config does not parse:", parsed.error().message);
        return *parsed;
    }();
    return config;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray rest = fuzz::bytes(data + 1, size - 1);
    if (data[0] < 128) {
        auto settings = core::Settings::fromJson(rest);
        if (settings) {
            (void)settings->effectiveMounts(config());
            (void)settings->envValue(QStringLiteral("DEBUG"));
            if (!core::Settings::fromJsonObject(settings->toJson()))
                fuzz::fail("settings that read do not read back");
        }
        return 0;
    }
    QStringList arguments;
    for (const QByteArray &line : rest.split('\n'))
        arguments.append(QString::fromUtf8(line));
    core::Settings settings = core::Settings::initial(config());
    const core::Settings before = settings;
    if (auto applied = settings.apply(config(), arguments); !applied) {
        if (!(settings == before))
            fuzz::fail("a failed set changed the settings");
        return 0;
    }
    (void)settings.effectiveMounts(config());
    auto again = core::Settings::fromJsonObject(settings.toJson());
    if (!again)
        fuzz::fail("applied settings do not read back:", again.error().message);
    if (!(*again == settings))
        fuzz::fail("applied settings change when written and read back");
    return 0;
}
