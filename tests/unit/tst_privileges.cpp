// Privileges: Docker's computePrivileges rules and order, JSON, the order-insensitive check and the prompt.
#include "core/plugin/privileges.h"

#include <QJsonDocument>
#include <QTest>

// GCC 12 warns about designated initialisers that leave members at their defaults, which is their point here.
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"

using namespace Qt::StringLiterals;
using core::PluginConfig;
using core::Privilege;
using core::Privileges;

namespace {

template<typename Edit>
PluginConfig configWith(Edit edit)
{
    PluginConfig config;
    edit(config);
    return config;
}

Privilege network(const QString &type)
{
    return {u"network"_s, u"permissions to access a network"_s, {type}};
}
const Privilege ipc{u"host ipc namespace"_s, u"allow access to host ipc namespace"_s, {u"true"_s}};
const Privilege pid{u"host pid namespace"_s, u"allow access to host pid namespace"_s, {u"true"_s}};
Privilege mount(const QString &source)
{
    return {u"mount"_s, u"host path to mount"_s, {source}};
}
Privilege typedMount(const QString &source, const QString &type, const QStringList &options)
{
    return {u"mount"_s, u"host path to mount"_s, {source}, type, options};
}
Privilege device(const QString &path)
{
    return {u"device"_s, u"host device to access"_s, {path}};
}
const Privilege allDevices{u"allow-all-devices"_s, u"allow 'rwm' access to all devices"_s, {u"true"_s}};
Privilege capabilities(const QStringList &list)
{
    return {u"capabilities"_s, u"list of additional capabilities required"_s, list};
}

} // namespace

// The error message of a failed result, for QVERIFY2 (which evaluates its message even on success).
template<typename R>
QByteArray why(const R &result)
{
    return result.ok() ? QByteArray() : result.error().message.toUtf8();
}

class TestPrivileges : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fromConfig_data();
    void fromConfig();
    void fromJson_data();
    void fromJson();
    void fromJsonErrors_data();
    void fromJsonErrors();
    void toJsonRoundTrip();
    void sameAs_data();
    void sameAs();
    void promptLines_data();
    void promptLines();
    void effective_data();
    void effective();
    void notIn_data();
    void notIn();
    void kernelMounts_data();
    void kernelMounts();
    void typeAndOptionsTravel();
};

void TestPrivileges::fromConfig_data()
{
    QTest::addColumn<PluginConfig>("config");
    QTest::addColumn<QList<Privilege>>("expected");

    QTest::newRow("nothing") << PluginConfig{} << QList<Privilege>{};
    // network
    QTest::newRow("network host") << configWith([](PluginConfig &c) { c.networkType = u"host"_s; })
                                  << QList<Privilege>{network(u"host"_s)};
    QTest::newRow("network none counts") << configWith([](PluginConfig &c) { c.networkType = u"none"_s; })
                                         << QList<Privilege>{network(u"none"_s)};
    QTest::newRow("network bridge does not")
        << configWith([](PluginConfig &c) { c.networkType = u"bridge"_s; }) << QList<Privilege>{};
    QTest::newRow("network empty does not")
        << configWith([](PluginConfig &c) { c.networkType = QString(); }) << QList<Privilege>{};
    QTest::newRow("network \"null\" does not")
        << configWith([](PluginConfig &c) { c.networkType = u"null"_s; }) << QList<Privilege>{};
    // namespaces
    QTest::newRow("ipc host") << configWith([](PluginConfig &c) { c.ipcHost = true; }) << QList<Privilege>{ipc};
    QTest::newRow("pid host") << configWith([](PluginConfig &c) { c.pidHost = true; }) << QList<Privilege>{pid};
    // mounts
    QTest::newRow("mount with source") << configWith([](PluginConfig &c) {
        c.mounts = {core::PluginMount{.source = u"/var/lib/x"_s, .destination = u"/mnt"_s}};
    }) << QList<Privilege>{mount(u"/var/lib/x"_s)};
    QTest::newRow("mount with empty source") << configWith([](PluginConfig &c) {
        c.mounts = {core::PluginMount{.source = u""_s, .destination = u"/mnt"_s}};
    }) << QList<Privilege>{mount(QString())};
    QTest::newRow("mount with null source")
        << configWith([](PluginConfig &c) { c.mounts = {core::PluginMount{.destination = u"/mnt"_s}}; })
        << QList<Privilege>{};
    QTest::newRow("mount keeps type and options") << configWith([](PluginConfig &c) {
        c.mounts = {core::PluginMount{.source = u"lowerdir=/"_s,
                                      .destination = u"/hp"_s,
                                      .type = u"overlay"_s,
                                      .options = {u"lowerdir=/"_s, u"upperdir=/u"_s}}};
    }) << QList<Privilege>{typedMount(u"lowerdir=/"_s, u"overlay"_s, {u"lowerdir=/"_s, u"upperdir=/u"_s})};
    QTest::newRow("one per mount") << configWith([](PluginConfig &c) {
        c.mounts = {core::PluginMount{.source = u"/a"_s}, core::PluginMount{}, core::PluginMount{.source = u"/b"_s}};
    }) << QList<Privilege>{mount(u"/a"_s), mount(u"/b"_s)};
    // devices
    QTest::newRow("device with path") << configWith([](PluginConfig &c) {
        c.devices = {core::PluginDevice{.path = u"/dev/fuse"_s}};
    }) << QList<Privilege>{device(u"/dev/fuse"_s)};
    QTest::newRow("device with null path")
        << configWith([](PluginConfig &c) { c.devices = {core::PluginDevice{.name = u"d"_s}}; }) << QList<Privilege>{};
    QTest::newRow("one per device") << configWith([](PluginConfig &c) {
        c.devices = {core::PluginDevice{.path = u"/dev/a"_s}, core::PluginDevice{.path = u""_s}};
    }) << QList<Privilege>{device(u"/dev/a"_s), device(QString())};
    // all devices
    QTest::newRow("allow all devices") << configWith([](PluginConfig &c) { c.allowAllDevices = true; })
                                       << QList<Privilege>{allDevices};
    // capabilities
    QTest::newRow("capabilities") << configWith([](PluginConfig &c) {
        c.capabilities = {u"CAP_SYS_ADMIN"_s, u"CAP_NET_ADMIN"_s};
    }) << QList<Privilege>{capabilities({u"CAP_SYS_ADMIN"_s, u"CAP_NET_ADMIN"_s})};
    QTest::newRow("no capabilities") << configWith([](PluginConfig &c) { c.capabilities.clear(); })
                                     << QList<Privilege>{};
    // order: everything at once, declared in a different order
    QTest::newRow("order") << configWith([](PluginConfig &c) {
        c.capabilities = {u"CAP_SYS_ADMIN"_s};
        c.allowAllDevices = true;
        c.devices = {core::PluginDevice{.path = u"/dev/fuse"_s}};
        c.mounts = {core::PluginMount{.source = u"/src"_s}};
        c.pidHost = true;
        c.ipcHost = true;
        c.networkType = u"host"_s;
    }) << QList<Privilege>{network(u"host"_s),
                           ipc,
                           pid,
                           mount(u"/src"_s),
                           device(u"/dev/fuse"_s),
                           allDevices,
                           capabilities({u"CAP_SYS_ADMIN"_s})};
    // vieux/sshfs (docs/docker-compat.md §2.2)
    QTest::newRow("sshfs") << configWith([](PluginConfig &c) {
        c.networkType = u"host"_s;
        c.mounts = {core::PluginMount{.name = u"state"_s, .source = u"/var/lib/docker/plugins/"_s}};
        c.devices = {core::PluginDevice{.path = u"/dev/fuse"_s}};
        c.capabilities = {u"CAP_SYS_ADMIN"_s};
    })
                           << QList<Privilege>{network(u"host"_s), mount(u"/var/lib/docker/plugins/"_s),
                                               device(u"/dev/fuse"_s), capabilities({u"CAP_SYS_ADMIN"_s})};
}

void TestPrivileges::fromConfig()
{
    QFETCH(PluginConfig, config);
    QFETCH(QList<Privilege>, expected);
    const Privileges privileges = Privileges::fromConfig(config);
    QCOMPARE(privileges.size(), expected.size());
    for (qsizetype i = 0; i < expected.size(); ++i) {
        QCOMPARE(privileges.items()[i].name, expected[i].name);
        QCOMPARE(privileges.items()[i].description, expected[i].description);
        QCOMPARE(privileges.items()[i].value, expected[i].value);
    }
    QCOMPARE(privileges.isEmpty(), expected.isEmpty());
}

void TestPrivileges::fromJson_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QList<Privilege>>("expected");

    QTest::newRow("empty") << QByteArray("[]") << QList<Privilege>{};
    QTest::newRow("docker keys")
        << QByteArray(R"([{"Name": "network", "Description": "permissions to access a network", "Value": ["host"]}])")
        << QList<Privilege>{network(u"host"_s)};
    QTest::newRow("keys in any case")
        << QByteArray(R"([{"name": "mount", "DESCRIPTION": "host path to mount", "vAlUe": ["/x"]}])")
        << QList<Privilege>{mount(u"/x"_s)};
    QTest::newRow("empty string value") << QByteArray(R"([{"Name": "mount", "Value": [""]}])")
                                        << QList<Privilege>{{u"mount"_s, QString(), {QString()}}};
    QTest::newRow("null value") << QByteArray(R"([{"Name": "x", "Value": null}])")
                                << QList<Privilege>{{u"x"_s, QString(), {}}};
}

void TestPrivileges::fromJson()
{
    QFETCH(QByteArray, json);
    QFETCH(QList<Privilege>, expected);
    const auto result = Privileges::fromJson(QJsonDocument::fromJson(json).array());
    QVERIFY2(result.ok(), why(result).constData());
    QCOMPARE(result->items(), expected);
}

void TestPrivileges::fromJsonErrors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("message");

    QTest::newRow("element string") << QByteArray(R"([{"Name": "a"}, "network"])")
                                    << uR"(field "privileges[1]" must be an object)"_s;
    QTest::newRow("name number") << QByteArray(R"([{"Name": 1}])")
                                 << uR"(field "privileges[0].name" must be a string)"_s;
    QTest::newRow("description list") << QByteArray(R"([{"Name": "a", "Description": []}])")
                                      << uR"(field "privileges[0].description" must be a string)"_s;
    QTest::newRow("value string") << QByteArray(R"([{}, {}, {"Name": "network", "Value": "host"}])")
                                  << uR"(field "privileges[2].value" must be a list of strings)"_s;
    QTest::newRow("value numbers") << QByteArray(R"([{"Name": "network", "Value": [1]}])")
                                   << uR"(field "privileges[0].value" must be a list of strings)"_s;
}

void TestPrivileges::fromJsonErrors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, message);
    const auto result = Privileges::fromJson(QJsonDocument::fromJson(json).array());
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, core::ErrorCode::Corrupt);
    QCOMPARE(result.error().message, message);
}

void TestPrivileges::toJsonRoundTrip()
{
    const Privileges privileges({network(u"host"_s), mount(QString()), capabilities({u"A"_s, u"B"_s})});
    const QJsonArray json = privileges.toJson();
    const QJsonArray expected = QJsonDocument::fromJson(R"([
        {"Name": "network", "Description": "permissions to access a network", "Value": ["host"]},
        {"Name": "mount", "Description": "host path to mount", "Value": [""]},
        {"Name": "capabilities", "Description": "list of additional capabilities required", "Value": ["A", "B"]}
    ])")
                                    .array();
    QCOMPARE(json, expected);
    const auto again = Privileges::fromJson(json);
    QVERIFY(again.ok());
    QCOMPARE(again->items(), privileges.items());
    QCOMPARE(Privileges().toJson(), QJsonArray());
}

void TestPrivileges::sameAs_data()
{
    QTest::addColumn<QList<Privilege>>("left");
    QTest::addColumn<QList<Privilege>>("right");
    QTest::addColumn<bool>("same");

    const QList<Privilege> sshfs{network(u"host"_s), mount(u"/a"_s), device(u"/dev/fuse"_s),
                                 capabilities({u"CAP_SYS_ADMIN"_s, u"CAP_NET_ADMIN"_s})};
    QTest::newRow("identical") << sshfs << sshfs << true;
    QTest::newRow("both empty") << QList<Privilege>{} << QList<Privilege>{} << true;
    QTest::newRow("list order") << sshfs
                                << QList<Privilege>{capabilities({u"CAP_SYS_ADMIN"_s, u"CAP_NET_ADMIN"_s}),
                                                    device(u"/dev/fuse"_s), network(u"host"_s), mount(u"/a"_s)}
                                << true;
    QTest::newRow("value order") << sshfs
                                 << QList<Privilege>{network(u"host"_s), mount(u"/a"_s), device(u"/dev/fuse"_s),
                                                     capabilities({u"CAP_NET_ADMIN"_s, u"CAP_SYS_ADMIN"_s})}
                                 << true;
    QTest::newRow("same name, order of mounts")
        << QList<Privilege>{mount(u"/a"_s), mount(u"/b"_s)} << QList<Privilege>{mount(u"/b"_s), mount(u"/a"_s)} << true;
    QTest::newRow("description ignored") << QList<Privilege>{network(u"host"_s)}
                                         << QList<Privilege>{{u"network"_s, QString(), {u"host"_s}}} << true;
    QTest::newRow("empty against some") << QList<Privilege>{} << QList<Privilege>{network(u"host"_s)} << false;
    QTest::newRow("missing one") << sshfs << sshfs.mid(1) << false;
    QTest::newRow("first differs") << QList<Privilege>{network(u"host"_s), mount(u"/a"_s)}
                                   << QList<Privilege>{network(u"none"_s), mount(u"/a"_s)} << false;
    QTest::newRow("other value") << QList<Privilege>{mount(u"/a"_s), mount(u"/b"_s)}
                                 << QList<Privilege>{mount(u"/a"_s), mount(u"/c"_s)} << false;
    QTest::newRow("other name") << QList<Privilege>{ipc} << QList<Privilege>{pid} << false;
    QTest::newRow("extra capability") << QList<Privilege>{capabilities({u"A"_s})}
                                      << QList<Privilege>{capabilities({u"A"_s, u"B"_s})} << false;
    QTest::newRow("duplicates count") << QList<Privilege>{mount(u"/a"_s), mount(u"/a"_s)}
                                      << QList<Privilege>{mount(u"/a"_s), mount(u"/b"_s)} << false;
    // A proc mount must not pass for the bind mount a person approved: the type is part of the privilege.
    QTest::newRow("mount type counts") << QList<Privilege>{typedMount(u"proc"_s, u"bind"_s, {u"rbind"_s})}
                                       << QList<Privilege>{typedMount(u"proc"_s, u"proc"_s, {u"rbind"_s})} << false;
    QTest::newRow("mount options count") << QList<Privilege>{typedMount(u"/a"_s, u"bind"_s, {u"rbind"_s, u"ro"_s})}
                                         << QList<Privilege>{typedMount(u"/a"_s, u"bind"_s, {u"rbind"_s})} << false;
    QTest::newRow("mount option order ignored")
        << QList<Privilege>{typedMount(u"/a"_s, u"bind"_s, {u"rbind"_s, u"ro"_s})}
        << QList<Privilege>{typedMount(u"/a"_s, u"bind"_s, {u"ro"_s, u"rbind"_s})} << true;
}

void TestPrivileges::sameAs()
{
    QFETCH(QList<Privilege>, left);
    QFETCH(QList<Privilege>, right);
    QFETCH(bool, same);
    QCOMPARE(Privileges(left).sameAs(Privileges(right)), same);
    QCOMPARE(Privileges(right).sameAs(Privileges(left)), same);
}

void TestPrivileges::promptLines_data()
{
    QTest::addColumn<QList<Privilege>>("privileges");
    QTest::addColumn<QStringList>("lines");

    QTest::newRow("none") << QList<Privilege>{} << QStringList{};
    QTest::newRow("seed sshfs") << QList<Privilege>{network(u"host"_s), capabilities({u"CAP_SYS_ADMIN"_s})}
                                << QStringList{u" - network: [host]"_s, u" - capabilities: [CAP_SYS_ADMIN]"_s};
    QTest::newRow("two capabilities") << QList<Privilege>{capabilities({u"CAP_SYS_ADMIN"_s, u"CAP_NET_ADMIN"_s})}
                                      << QStringList{u" - capabilities: [CAP_SYS_ADMIN CAP_NET_ADMIN]"_s};
    QTest::newRow("empty mount source") << QList<Privilege>{mount(QString())} << QStringList{u" - mount: []"_s};
    QTest::newRow("namespaces") << QList<Privilege>{ipc, pid, allDevices}
                                << QStringList{u" - host ipc namespace: [true]"_s, u" - host pid namespace: [true]"_s,
                                               u" - allow-all-devices: [true]"_s};
    QTest::newRow("rclone docs") << QList<Privilege>{network(u"host"_s),
                                                     mount(u"/var/lib/docker-plugins/rclone/config"_s),
                                                     mount(u"/var/lib/docker-plugins/rclone/cache"_s),
                                                     device(u"/dev/fuse"_s), capabilities({u"CAP_SYS_ADMIN"_s})}
                                 << QStringList{u" - network: [host]"_s,
                                                u" - mount: [/var/lib/docker-plugins/rclone/config]"_s,
                                                u" - mount: [/var/lib/docker-plugins/rclone/cache]"_s,
                                                u" - device: [/dev/fuse]"_s, u" - capabilities: [CAP_SYS_ADMIN]"_s};
    // Docker's line for the mounts it describes fully; type and options after the ones it does not.
    QTest::newRow("plain bind as Docker")
        << QList<Privilege>{typedMount(u"/var/lib/docker/plugins/"_s, u"bind"_s, {u"rbind"_s})}
        << QStringList{u" - mount: [/var/lib/docker/plugins/]"_s};
    QTest::newRow("read-only bind as Docker")
        << QList<Privilege>{typedMount(u"/etc/x"_s, QString(), {u"bind"_s, u"ro"_s})}
        << QStringList{u" - mount: [/etc/x]"_s};
    QTest::newRow("proc shows its type") << QList<Privilege>{typedMount(u"proc"_s, u"proc"_s, {})}
                                         << QStringList{u" - mount: [proc] (type proc)"_s};
    QTest::newRow("overlay shows its options")
        << QList<Privilege>{typedMount(u"overlay"_s, u"overlay"_s, {u"lowerdir=/"_s, u"upperdir=/u"_s})}
        << QStringList{u" - mount: [overlay] (type overlay, options lowerdir=/,upperdir=/u)"_s};
    QTest::newRow("bind with an odd option") << QList<Privilege>{typedMount(u"/a"_s, u"bind"_s, {u"rbind"_s, u"x"_s})}
                                             << QStringList{u" - mount: [/a] (type bind, options rbind,x)"_s};
}

void TestPrivileges::promptLines()
{
    QFETCH(QList<Privilege>, privileges);
    QFETCH(QStringList, lines);
    QCOMPARE(Privileges(privileges).promptLines(), lines);
}

void TestPrivileges::effective_data()
{
    QTest::addColumn<QStringList>("set");
    QTest::addColumn<QStringList>("lines");

    // vieux/sshfs's config: a settable state mount, a settable fuse device.
    QTest::newRow("as configured") << QStringList{}
                                   << QStringList{u" - network: [host]"_s, u" - mount: [/var/lib/docker/plugins/]"_s,
                                                  u" - device: [/dev/fuse]"_s, u" - capabilities: [CAP_SYS_ADMIN]"_s};
    QTest::newRow("mount source set to /")
        << QStringList{u"state.source=/"_s}
        << QStringList{u" - network: [host]"_s, u" - mount: [/]"_s, u" - device: [/dev/fuse]"_s,
                       u" - capabilities: [CAP_SYS_ADMIN]"_s};
    QTest::newRow("device path set to /dev")
        << QStringList{u"fuse.path=/dev"_s}
        << QStringList{u" - network: [host]"_s, u" - mount: [/var/lib/docker/plugins/]"_s, u" - device: [/dev]"_s,
                       u" - capabilities: [CAP_SYS_ADMIN]"_s};
    QTest::newRow("env changes nothing") << QStringList{u"DEBUG=1"_s}
                                         << QStringList{
                                                u" - network: [host]"_s, u" - mount: [/var/lib/docker/plugins/]"_s,
                                                u" - device: [/dev/fuse]"_s, u" - capabilities: [CAP_SYS_ADMIN]"_s};
}

PluginConfig sshfsConfig()
{
    PluginConfig config;
    config.networkType = u"host"_s;
    config.mounts = {core::PluginMount{.name = u"state"_s,
                                       .settable = {u"source"_s},
                                       .source = u"/var/lib/docker/plugins/"_s,
                                       .destination = u"/mnt/state"_s,
                                       .type = u"bind"_s,
                                       .options = {u"rbind"_s}}};
    config.devices = {core::PluginDevice{.name = u"fuse"_s, .settable = {u"path"_s}, .path = u"/dev/fuse"_s}};
    config.env = {core::PluginEnv{.name = u"DEBUG"_s, .settable = {u"value"_s}, .value = u"0"_s}};
    config.capabilities = {u"CAP_SYS_ADMIN"_s};
    return config;
}

void TestPrivileges::effective()
{
    QFETCH(QStringList, set);
    QFETCH(QStringList, lines);
    const PluginConfig config = sshfsConfig();
    core::Settings settings = core::Settings::initial(config);
    QVERIFY2(settings.apply(config, set).ok(), "set");
    const Privileges effective = Privileges::effective(config, settings);
    QCOMPARE(effective.promptLines(), lines);
    // Nothing set: what the config asks for, which install approved.
    if (set.isEmpty())
        QVERIFY(effective.sameAs(Privileges::fromConfig(config)));
}

void TestPrivileges::notIn_data()
{
    QTest::addColumn<QList<Privilege>>("wanted");
    QTest::addColumn<QList<Privilege>>("approved");
    QTest::addColumn<QList<Privilege>>("missing");

    QTest::newRow("all approved") << QList<Privilege>{network(u"host"_s), mount(u"/a"_s)}
                                  << QList<Privilege>{mount(u"/a"_s), network(u"host"_s)} << QList<Privilege>{};
    QTest::newRow("fewer than approved") << QList<Privilege>{mount(u"/a"_s)}
                                         << QList<Privilege>{mount(u"/a"_s), network(u"host"_s)} << QList<Privilege>{};
    QTest::newRow("new source") << QList<Privilege>{mount(u"/"_s)} << QList<Privilege>{mount(u"/a"_s)}
                                << QList<Privilege>{mount(u"/"_s)};
    QTest::newRow("each counted") << QList<Privilege>{mount(u"/a"_s), mount(u"/a"_s)}
                                  << QList<Privilege>{mount(u"/a"_s)} << QList<Privilege>{mount(u"/a"_s)};
    QTest::newRow("type differs") << QList<Privilege>{typedMount(u"/a"_s, u"proc"_s, {})}
                                  << QList<Privilege>{typedMount(u"/a"_s, u"bind"_s, {})}
                                  << QList<Privilege>{typedMount(u"/a"_s, u"proc"_s, {})};
    QTest::newRow("more capabilities") << QList<Privilege>{capabilities({u"A"_s, u"B"_s})}
                                       << QList<Privilege>{capabilities({u"A"_s})}
                                       << QList<Privilege>{capabilities({u"A"_s, u"B"_s})};
}

void TestPrivileges::notIn()
{
    QFETCH(QList<Privilege>, wanted);
    QFETCH(QList<Privilege>, approved);
    QFETCH(QList<Privilege>, missing);
    QCOMPARE(Privileges(wanted).notIn(Privileges(approved)).items(), missing);
}

void TestPrivileges::kernelMounts_data()
{
    QTest::addColumn<QString>("type");
    QTest::addColumn<bool>("refused");

    for (const char *type : {"proc", "sysfs", "cgroup", "cgroup2", "debugfs", "tracefs", "securityfs", "bpf",
                             "configfs", "devtmpfs", "efivarfs", "Proc"})
        QTest::newRow(type) << QString::fromLatin1(type) << true;
    for (const char *type : {"bind", "", "tmpfs", "overlay", "fuse.sshfs", "nfs"})
        QTest::newRow(*type ? type : "no type") << QString::fromLatin1(type) << false;
}

void TestPrivileges::kernelMounts()
{
    QFETCH(QString, type);
    QFETCH(bool, refused);
    const QList<core::PluginMount> mounts{
        core::PluginMount{.source = u"/a"_s, .destination = u"/a"_s, .type = u"bind"_s},
        core::PluginMount{.name = u"hp"_s, .source = u"x"_s, .destination = u"/hp"_s, .type = type}};
    const core::Status status = Privileges::refuseKernelMounts(mounts, u"acme/evil:latest"_s);
    QCOMPARE(!status.ok(), refused);
    if (refused) {
        QCOMPARE(status.error().code, core::ErrorCode::PermissionDenied);
        // Names the plugin, the type, the destination and the mount.
        for (const QString &part : {u"acme/evil:latest"_s, type, u"/hp"_s, u"\"hp\""_s})
            QVERIFY2(status.error().message.contains(part), qPrintable(status.error().message));
    }
}

void TestPrivileges::typeAndOptionsTravel()
{
    const Privileges privileges({typedMount(u"proc"_s, u"proc"_s, {u"nosuid"_s}), network(u"host"_s)});
    auto back = Privileges::fromJson(privileges.toJson());
    QVERIFY(back.ok());
    QCOMPARE(back->items(), privileges.items());
    // Docker's shape for everything else: no Type or Options keys on a network privilege.
    QVERIFY(!privileges.toJson().at(1).toObject().contains(u"Type"_s));
}

QTEST_GUILESS_MAIN(TestPrivileges)
#include "tst_privileges.moc"
