// OciSpec: the runc config.json a plugin gets (docs/docker-compat.md §5.1), one data row per rule; plus the
// publish-name rule.
#include "core/runtime/ocispec.h"
#include "core/runtime/socketpublisher.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Qt::StringLiterals;

using core::OciSpec;

namespace {

core::Plugin basePlugin()
{
    core::Plugin plugin;
    plugin.id = QStringLiteral("abc123");
    plugin.repository = QStringLiteral("acme/vol");
    plugin.tag = QStringLiteral("latest");
    plugin.config.interfaceSocket = QStringLiteral("vol.sock");
    plugin.config.interfaceTypes = {QStringLiteral("docker.volumedriver/1.0")};
    plugin.config.entrypoint = {QStringLiteral("/plugin"), QStringLiteral("--serve")};
    return plugin;
}

OciSpec::Inputs inputsFor(const core::Plugin &plugin)
{
    OciSpec::Inputs inputs;
    inputs.plugin = plugin;
    inputs.rootfs = QStringLiteral("/store/plugins/abc123/rootfs");
    inputs.propagatedMount = QStringLiteral("/store/plugins/abc123/propagated-mount");
    inputs.socketDir = QStringLiteral("/run/plugdesk/plugins/abc123");
    return inputs;
}

QStringList namespacesOf(const QJsonObject &spec)
{
    QStringList types;
    for (const QJsonValue &ns : spec[QStringLiteral("linux")][QStringLiteral("namespaces")].toArray())
        types.append(ns[QStringLiteral("type")].toString());
    return types;
}

QJsonObject mountAt(const QJsonObject &spec, const QString &destination)
{
    for (const QJsonValue &m : spec[QStringLiteral("mounts")].toArray()) {
        if (m[QStringLiteral("destination")].toString() == destination)
            return m.toObject();
    }
    return {};
}

QStringList strings(const QJsonValue &value)
{
    QStringList list;
    for (const QJsonValue &v : value.toArray())
        list.append(v.toString());
    return list;
}

// A resolver with fixed answers, so device rows do not depend on the machine.
core::Result<QList<core::DeviceNode>> fakeDevices(const QString &path)
{
    if (path == QLatin1String("/dev/fuse"))
        return QList<core::DeviceNode>{{path, QStringLiteral("c"), 10, 229, 0666, 0, 0}};
    return core::Error{core::ErrorCode::NotFound, QStringLiteral("no device %1").arg(path)};
}

} // namespace

class TestOciSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namespaces_data()
    {
        QTest::addColumn<QString>("network");
        QTest::addColumn<bool>("pidHost");
        QTest::addColumn<bool>("ipcHost");
        QTest::addColumn<bool>("time");
        QTest::addColumn<QStringList>("expected");
        const QString m = QStringLiteral("mount"), n = QStringLiteral("network"), u = QStringLiteral("uts"),
                      p = QStringLiteral("pid"), i = QStringLiteral("ipc"), t = QStringLiteral("time");
        QTest::newRow("defaults") << QString() << false << false << false << QStringList{m, n, u, p, i};
        QTest::newRow("time namespace when the runtime has it")
            << QString() << false << false << true << QStringList{m, n, t, u, p, i};
        QTest::newRow("host network drops netns")
            << QStringLiteral("host") << false << false << false << QStringList{m, u, p, i};
        QTest::newRow("bridge keeps netns")
            << QStringLiteral("bridge") << false << false << false << QStringList{m, n, u, p, i};
        QTest::newRow("pidHost drops pid") << QString() << true << false << false << QStringList{m, n, u, i};
        QTest::newRow("ipcHost drops ipc") << QString() << false << true << false << QStringList{m, n, u, p};
        QTest::newRow("all host") << QStringLiteral("host") << true << true << false << QStringList{m, u};
    }
    void namespaces()
    {
        QFETCH(QString, network);
        QFETCH(bool, pidHost);
        QFETCH(bool, ipcHost);
        QFETCH(bool, time);
        QFETCH(QStringList, expected);
        core::Plugin plugin = basePlugin();
        plugin.config.networkType = network;
        plugin.config.pidHost = pidHost;
        plugin.config.ipcHost = ipcHost;
        auto inputs = inputsFor(plugin);
        inputs.timeNamespace = time;
        auto spec = OciSpec::generate(inputs, fakeDevices);
        QVERIFY2(spec.ok(), qPrintable(spec.ok() ? QString() : spec.error().message));
        QCOMPARE(namespacesOf(*spec), expected);
    }

    void capabilities_data()
    {
        QTest::addColumn<QStringList>("requested");
        QTest::addColumn<QStringList>("added");
        QTest::newRow("none") << QStringList() << QStringList();
        QTest::newRow("sys_admin") << QStringList{QStringLiteral("CAP_SYS_ADMIN")}
                                   << QStringList{QStringLiteral("CAP_SYS_ADMIN")};
        QTest::newRow("without prefix, lower case")
            << QStringList{QStringLiteral("net_admin")} << QStringList{QStringLiteral("CAP_NET_ADMIN")};
    }
    void capabilities()
    {
        QFETCH(QStringList, requested);
        QFETCH(QStringList, added);
        core::Plugin plugin = basePlugin();
        plugin.config.capabilities = requested;
        auto spec = OciSpec::generate(inputsFor(plugin), fakeDevices);
        QVERIFY(spec.ok());
        QCOMPARE(OciSpec::defaultCapabilities().size(), 14);
        const QJsonObject caps = (*spec)[QStringLiteral("process")][QStringLiteral("capabilities")].toObject();
        for (const char *set : {"bounding", "permitted", "inheritable", "effective"})
            QCOMPARE(strings(caps[QLatin1String(set)]), OciSpec::defaultCapabilities() + added);
    }

    void mounts_data()
    {
        QTest::addColumn<QString>("destination");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("options");
        QTest::newRow("/proc") << "/proc"
                               << "proc"
                               << "proc" << QStringList{u"nosuid"_s, u"noexec"_s, u"nodev"_s};
        QTest::newRow("/dev tmpfs 64 MiB")
            << "/dev"
            << "tmpfs"
            << "tmpfs" << QStringList{u"nosuid"_s, u"strictatime"_s, u"mode=755"_s, u"size=65536k"_s};
        QTest::newRow("/dev/pts") << "/dev/pts"
                                  << "devpts"
                                  << "devpts" << QStringList{u"nosuid"_s,        u"noexec"_s,    u"newinstance"_s,
                                                             u"ptmxmode=0666"_s, u"mode=0620"_s, u"gid=5"_s};
        QTest::newRow("/dev/shm") << "/dev/shm"
                                  << "tmpfs"
                                  << "shm"
                                  << QStringList{u"nosuid"_s, u"noexec"_s, u"nodev"_s, u"mode=1777"_s,
                                                 u"size=65536k"_s};
        QTest::newRow("/dev/mqueue") << "/dev/mqueue"
                                     << "mqueue"
                                     << "mqueue" << QStringList{u"nosuid"_s, u"noexec"_s, u"nodev"_s};
        QTest::newRow("/sys ro") << "/sys"
                                 << "sysfs"
                                 << "sysfs" << QStringList{u"nosuid"_s, u"noexec"_s, u"nodev"_s, u"ro"_s};
        QTest::newRow("/sys/fs/cgroup ro") << "/sys/fs/cgroup"
                                           << "cgroup"
                                           << "cgroup" << QStringList{u"ro"_s, u"nosuid"_s, u"noexec"_s, u"nodev"_s};
        QTest::newRow("propagated mount")
            << "/data"
            << "bind"
            << "/store/plugins/abc123/propagated-mount" << QStringList{u"rbind"_s, u"rw"_s, u"rshared"_s};
        QTest::newRow("config mount with a set source") << "/state"
                                                        << "bind"
                                                        << "/srv/state" << QStringList{u"rbind"_s};
        QTest::newRow("socket folder") << "/run/docker/plugins"
                                       << "bind"
                                       << "/run/plugdesk/plugins/abc123" << QStringList{u"rbind"_s, u"rshared"_s};
        QTest::newRow("/etc/hosts ro") << "/etc/hosts"
                                       << "bind"
                                       << "/etc/hosts" << QStringList{u"rbind"_s, u"ro"_s};
        QTest::newRow("/etc/resolv.conf ro") << "/etc/resolv.conf"
                                             << "bind"
                                             << "/etc/resolv.conf" << QStringList{u"rbind"_s, u"ro"_s};
    }
    void mounts()
    {
        QFETCH(QString, destination);
        QFETCH(QString, type);
        QFETCH(QString, source);
        QFETCH(QStringList, options);
        core::Plugin plugin = basePlugin();
        plugin.config.propagatedMount = QStringLiteral("/data");
        plugin.config.networkType = QStringLiteral("host");
        core::PluginMount state;
        state.name = QStringLiteral("state");
        state.settable = {QStringLiteral("source")};
        state.source = QStringLiteral("/var/lib/x");
        state.destination = QStringLiteral("/state");
        state.type = QStringLiteral("bind");
        state.options = {QStringLiteral("rbind")};
        plugin.config.mounts = {state};
        state.source = QStringLiteral("/srv/state"); // what `set state.source=/srv/state` wrote
        plugin.settings.mounts = {state};
        auto spec = OciSpec::generate(inputsFor(plugin), fakeDevices);
        QVERIFY(spec.ok());
        const QJsonObject m = mountAt(*spec, destination);
        QVERIFY2(!m.isEmpty(), qPrintable(destination));
        QCOMPARE(m[QStringLiteral("type")].toString(), type);
        QCOMPARE(m[QStringLiteral("source")].toString(), source);
        QCOMPARE(strings(m[QStringLiteral("options")]), options);
        QCOMPARE((*spec)[QStringLiteral("linux")][QStringLiteral("rootfsPropagation")].toString(),
                 QStringLiteral("rshared"));
    }

    void mountsAbsent_data()
    {
        QTest::addColumn<QString>("destination");
        QTest::newRow("no /etc/hosts without a network type") << QStringLiteral("/etc/hosts");
        QTest::newRow("no /etc/resolv.conf without a network type") << QStringLiteral("/etc/resolv.conf");
    }
    void mountsAbsent()
    {
        QFETCH(QString, destination);
        auto spec = OciSpec::generate(inputsFor(basePlugin()), fakeDevices);
        QVERIFY(spec.ok());
        QVERIFY(mountAt(*spec, destination).isEmpty());
        QVERIFY(!(*spec)[QStringLiteral("linux")].toObject().contains(QStringLiteral("rootfsPropagation")));
    }

    void userDevMountReplacesDefault()
    {
        core::Plugin plugin = basePlugin();
        core::PluginMount shm;
        shm.source = QStringLiteral("/dev/shm");
        shm.destination = QStringLiteral("/dev/shm");
        shm.type = QStringLiteral("bind");
        shm.options = {QStringLiteral("rbind")};
        plugin.settings.mounts = {shm};
        auto spec = OciSpec::generate(inputsFor(plugin), fakeDevices);
        QVERIFY(spec.ok());
        int count = 0;
        for (const QJsonValue &m : (*spec)[QStringLiteral("mounts")].toArray())
            count += m[QStringLiteral("destination")].toString() == QLatin1String("/dev/shm");
        QCOMPARE(count, 1);
        QCOMPARE(mountAt(*spec, QStringLiteral("/dev/shm"))[QStringLiteral("type")].toString(), QStringLiteral("bind"));
    }

    void errors_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("message");
        QTest::newRow("mount without source") << "mount"
                                              << "mount source is not specified";
        QTest::newRow("device that does not exist") << "device"
                                                    << "no device /dev/nope";
        QTest::newRow("device without path") << "nopath"
                                             << "device path is not specified";
    }
    void errors()
    {
        QFETCH(QString, kind);
        QFETCH(QString, message);
        core::Plugin plugin = basePlugin();
        if (kind == QLatin1String("mount")) {
            core::PluginMount m;
            m.name = QStringLiteral("data");
            m.destination = QStringLiteral("/data");
            m.type = QStringLiteral("bind");
            plugin.config.mounts = {m};
        } else {
            core::PluginDevice d;
            d.name = QStringLiteral("dev");
            if (kind == QLatin1String("device"))
                d.path = QStringLiteral("/dev/nope");
            plugin.settings.devices = {d};
        }
        auto spec = OciSpec::generate(inputsFor(plugin), fakeDevices);
        QVERIFY(!spec.ok());
        QCOMPARE(spec.error().message, message);
    }

    void devices()
    {
        core::Plugin plugin = basePlugin();
        core::PluginDevice fuse;
        fuse.path = QStringLiteral("/dev/fuse");
        plugin.settings.devices = {fuse};
        auto spec = OciSpec::generate(inputsFor(plugin), fakeDevices);
        QVERIFY(spec.ok());
        const QJsonArray devices = (*spec)[QStringLiteral("linux")][QStringLiteral("devices")].toArray();
        QCOMPARE(devices.size(), 1);
        QCOMPARE(devices[0][QStringLiteral("path")].toString(), QStringLiteral("/dev/fuse"));
        QCOMPARE(devices[0][QStringLiteral("major")].toInt(), 10);
        QCOMPARE(devices[0][QStringLiteral("minor")].toInt(), 229);
        const QJsonArray rules =
            (*spec)[QStringLiteral("linux")][QStringLiteral("resources")][QStringLiteral("devices")].toArray();
        QCOMPARE(rules.first()[QStringLiteral("allow")].toBool(), false); // deny all first
        const QJsonObject last = rules.last().toObject();
        QCOMPARE(last[QStringLiteral("type")].toString(), QStringLiteral("c"));
        QCOMPARE(last[QStringLiteral("major")].toInt(), 10);
        QCOMPARE(last[QStringLiteral("minor")].toInt(), 229);
        QCOMPARE(last[QStringLiteral("access")].toString(), QStringLiteral("rwm"));
    }

    // Deny all, then the standard character devices by number: no wildcard rule, so the spec grants no mknod of
    // any device (dockerd's plugin spec has none either).
    void defaultDeviceRulesHaveNoWildcard()
    {
        auto spec = OciSpec::generate(inputsFor(basePlugin()), fakeDevices);
        QVERIFY(spec.ok());
        const QJsonArray rules =
            (*spec)[QStringLiteral("linux")][QStringLiteral("resources")][QStringLiteral("devices")].toArray();
        QCOMPARE(rules.size(), 9);
        QCOMPARE(rules.first().toObject(),
                 (QJsonObject{{QStringLiteral("allow"), false}, {QStringLiteral("access"), QStringLiteral("rwm")}}));
        for (qsizetype i = 1; i < rules.size(); ++i) {
            const QJsonObject rule = rules.at(i).toObject();
            QCOMPARE(rule[QStringLiteral("type")].toString(), QStringLiteral("c"));
            QVERIFY2(rule.contains(QStringLiteral("major")), QJsonDocument(rule).toJson().constData());
        }
    }

    void allowAllDevices()
    {
        core::Plugin plugin = basePlugin();
        plugin.config.allowAllDevices = true;
        auto spec = OciSpec::generate(inputsFor(plugin), fakeDevices);
        QVERIFY(spec.ok());
        const QJsonArray rules =
            (*spec)[QStringLiteral("linux")][QStringLiteral("resources")][QStringLiteral("devices")].toArray();
        QCOMPARE(rules.size(), 1);
        QCOMPARE(rules[0].toObject(),
                 (QJsonObject{{QStringLiteral("allow"), true}, {QStringLiteral("access"), QStringLiteral("rwm")}}));
    }

    void hostDevicesResolvesDevNull()
    {
        auto nodes = OciSpec::hostDevices(QStringLiteral("/dev/null"));
        QVERIFY(nodes.ok());
        QCOMPARE(nodes->size(), 1);
        QCOMPARE(nodes->first().type, QStringLiteral("c"));
        QCOMPARE(nodes->first().major, 1);
        QCOMPARE(nodes->first().minor, 3);
        QVERIFY(!OciSpec::hostDevices(QStringLiteral("/etc/hostname-not-there")).ok());
        QVERIFY(!OciSpec::hostDevices(QStringLiteral("/etc/passwd")).ok());
    }

    void process_data()
    {
        QTest::addColumn<QString>("workDir");
        QTest::addColumn<QStringList>("env");
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("cwd");
        QTest::addColumn<QStringList>("expectedEnv");
        QTest::addColumn<QStringList>("expectedArgs");
        const QString path = QStringLiteral("PATH=") + OciSpec::defaultPath();
        QTest::newRow("defaults") << QString() << QStringList() << QStringList() << "/" << QStringList{path}
                                  << QStringList{u"/plugin"_s, u"--serve"_s};
        QTest::newRow("workdir, env after PATH, args appended")
            << "/work" << QStringList{u"DEBUG=1"_s, u"A=b"_s} << QStringList{u"-v"_s, u"x"_s} << "/work"
            << QStringList{path, u"DEBUG=1"_s, u"A=b"_s} << QStringList{u"/plugin"_s, u"--serve"_s, u"-v"_s, u"x"_s};
    }
    void process()
    {
        QFETCH(QString, workDir);
        QFETCH(QStringList, env);
        QFETCH(QStringList, args);
        QFETCH(QString, cwd);
        QFETCH(QStringList, expectedEnv);
        QFETCH(QStringList, expectedArgs);
        core::Plugin plugin = basePlugin();
        plugin.config.workDir = workDir;
        plugin.settings.env = env;
        plugin.settings.args = args;
        auto spec = OciSpec::generate(inputsFor(plugin), fakeDevices);
        QVERIFY(spec.ok());
        const QJsonObject process = (*spec)[QStringLiteral("process")].toObject();
        QCOMPARE(strings(process[QStringLiteral("env")]), expectedEnv);
        QCOMPARE(strings(process[QStringLiteral("args")]), expectedArgs);
        QCOMPARE(process[QStringLiteral("cwd")].toString(), cwd);
        QCOMPARE(process[QStringLiteral("terminal")].toBool(true), false);
        const QJsonObject root = (*spec)[QStringLiteral("root")].toObject();
        QCOMPARE(root[QStringLiteral("path")].toString(), QStringLiteral("/store/plugins/abc123/rootfs"));
        QCOMPARE(root[QStringLiteral("readonly")].toBool(true), false);
        QVERIFY(strings((*spec)[QStringLiteral("linux")][QStringLiteral("maskedPaths")]).contains(u"/proc/kcore"_s));
        QVERIFY(strings((*spec)[QStringLiteral("linux")][QStringLiteral("readonlyPaths")]).contains(u"/proc/sys"_s));
    }

    void publishName_data()
    {
        QTest::addColumn<QString>("repository");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("expected");
        QTest::newRow("latest is dropped") << "vieux/sshfs"
                                           << "latest"
                                           << "vieux-sshfs";
        QTest::newRow("other tag appended") << "vieux/sshfs"
                                            << "1.2"
                                            << "vieux-sshfs-1.2";
        QTest::newRow("registry host kept") << "localhost:5000/acme/vol"
                                            << "latest"
                                            << "localhost-5000-acme-vol";
        QTest::newRow("official image") << "sshfs"
                                        << "latest"
                                        << "sshfs";
        QTest::newRow("no hidden file") << ".x/y"
                                        << "latest"
                                        << "x-y";
    }
    void publishName()
    {
        QFETCH(QString, repository);
        QFETCH(QString, tag);
        QFETCH(QString, expected);
        QCOMPARE(core::SocketPublisher::publishName(repository, tag), expected);
    }
};

QTEST_GUILESS_MAIN(TestOciSpec)
#include "tst_ocispec.moc"
