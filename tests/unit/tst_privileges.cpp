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
    // vieux/sshfs (SPEC §3.1)
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
}

void TestPrivileges::promptLines()
{
    QFETCH(QList<Privilege>, privileges);
    QFETCH(QStringList, lines);
    QCOMPARE(Privileges(privileges).promptLines(), lines);
}

QTEST_GUILESS_MAIN(TestPrivileges)
#include "tst_privileges.moc"
