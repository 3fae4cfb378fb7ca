#include "core/runtime/ocispec.h"

#include "core/plugin/privileges.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <sys/stat.h>
#include <sys/sysmacros.h>

namespace core {

namespace {

QJsonObject mount(const QString &destination, const QString &type, const QString &source, const QStringList &options)
{
    QJsonObject object;
    object.insert(QStringLiteral("destination"), destination);
    object.insert(QStringLiteral("type"), type);
    object.insert(QStringLiteral("source"), source);
    object.insert(QStringLiteral("options"), QJsonArray::fromStringList(options));
    return object;
}

// moby's oci.DefaultLinuxSpec mounts, in its order.
QList<QJsonObject> defaultMounts()
{
    return {
        mount(QStringLiteral("/proc"), QStringLiteral("proc"), QStringLiteral("proc"),
              {QStringLiteral("nosuid"), QStringLiteral("noexec"), QStringLiteral("nodev")}),
        mount(QStringLiteral("/dev"), QStringLiteral("tmpfs"), QStringLiteral("tmpfs"),
              {QStringLiteral("nosuid"), QStringLiteral("strictatime"), QStringLiteral("mode=755"),
               QStringLiteral("size=65536k")}),
        mount(QStringLiteral("/dev/pts"), QStringLiteral("devpts"), QStringLiteral("devpts"),
              {QStringLiteral("nosuid"), QStringLiteral("noexec"), QStringLiteral("newinstance"),
               QStringLiteral("ptmxmode=0666"), QStringLiteral("mode=0620"), QStringLiteral("gid=5")}),
        mount(QStringLiteral("/sys"), QStringLiteral("sysfs"), QStringLiteral("sysfs"),
              {QStringLiteral("nosuid"), QStringLiteral("noexec"), QStringLiteral("nodev"), QStringLiteral("ro")}),
        mount(QStringLiteral("/sys/fs/cgroup"), QStringLiteral("cgroup"), QStringLiteral("cgroup"),
              {QStringLiteral("ro"), QStringLiteral("nosuid"), QStringLiteral("noexec"), QStringLiteral("nodev")}),
        mount(QStringLiteral("/dev/mqueue"), QStringLiteral("mqueue"), QStringLiteral("mqueue"),
              {QStringLiteral("nosuid"), QStringLiteral("noexec"), QStringLiteral("nodev")}),
        mount(QStringLiteral("/dev/shm"), QStringLiteral("tmpfs"), QStringLiteral("shm"),
              {QStringLiteral("nosuid"), QStringLiteral("noexec"), QStringLiteral("nodev"), QStringLiteral("mode=1777"),
               QStringLiteral("size=65536k")}),
    };
}

QJsonObject deviceRule(bool allow, const QString &type, qint64 major, qint64 minor, const QString &access)
{
    QJsonObject rule;
    rule.insert(QStringLiteral("allow"), allow);
    if (!type.isEmpty())
        rule.insert(QStringLiteral("type"), type);
    if (major >= 0)
        rule.insert(QStringLiteral("major"), major);
    if (minor >= 0)
        rule.insert(QStringLiteral("minor"), minor);
    rule.insert(QStringLiteral("access"), access);
    return rule;
}

// Deny everything, then allow the standard character devices every container gets.
QJsonArray defaultDeviceRules()
{
    const QString c = QStringLiteral("c");
    const QString rwm = QStringLiteral("rwm");
    return {
        deviceRule(false, {}, -1, -1, rwm), deviceRule(true, c, 1, 3, rwm), // /dev/null
        deviceRule(true, c, 1, 5, rwm),                                     // /dev/zero
        deviceRule(true, c, 1, 7, rwm),                                     // /dev/full
        deviceRule(true, c, 1, 8, rwm),                                     // /dev/random
        deviceRule(true, c, 1, 9, rwm),                                     // /dev/urandom
        deviceRule(true, c, 5, 0, rwm),                                     // /dev/tty
        deviceRule(true, c, 5, 2, rwm),                                     // /dev/ptmx
        deviceRule(true, c, 136, -1, rwm),                                  // /dev/pts/*
    };
}

QStringList withPrefix(const QStringList &capabilities)
{
    QStringList result;
    for (const QString &capability : capabilities) {
        const QString upper = capability.trimmed().toUpper();
        result.append(upper.startsWith(QLatin1String("CAP_")) ? upper : QStringLiteral("CAP_") + upper);
    }
    return result;
}

} // namespace

const QString &OciSpec::defaultPath()
{
    static const QString path = QStringLiteral("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    return path;
}

QStringList OciSpec::defaultCapabilities()
{
    return {QStringLiteral("CAP_CHOWN"),
            QStringLiteral("CAP_DAC_OVERRIDE"),
            QStringLiteral("CAP_FSETID"),
            QStringLiteral("CAP_FOWNER"),
            QStringLiteral("CAP_MKNOD"),
            QStringLiteral("CAP_NET_RAW"),
            QStringLiteral("CAP_SETGID"),
            QStringLiteral("CAP_SETUID"),
            QStringLiteral("CAP_SETFCAP"),
            QStringLiteral("CAP_SETPCAP"),
            QStringLiteral("CAP_NET_BIND_SERVICE"),
            QStringLiteral("CAP_SYS_CHROOT"),
            QStringLiteral("CAP_KILL"),
            QStringLiteral("CAP_AUDIT_WRITE")};
}

Result<QList<DeviceNode>> OciSpec::hostDevices(const QString &hostPath)
{
    auto nodeAt = [](const QString &path) -> std::optional<DeviceNode> {
        struct stat st
        {};
        if (::stat(QFile::encodeName(path).constData(), &st) != 0)
            return std::nullopt;
        if (!S_ISCHR(st.st_mode) && !S_ISBLK(st.st_mode))
            return std::nullopt;
        DeviceNode node;
        node.path = path;
        node.type = S_ISCHR(st.st_mode) ? QStringLiteral("c") : QStringLiteral("b");
        node.major = major(st.st_rdev);
        node.minor = minor(st.st_rdev);
        node.fileMode = st.st_mode & 07777;
        node.uid = st.st_uid;
        node.gid = st.st_gid;
        return node;
    };
    const QFileInfo info(hostPath);
    if (!info.exists())
        return Error{ErrorCode::NotFound, tr("error gathering device information while adding device \"%1\": "
                                             "no such file or directory")
                                              .arg(hostPath)};
    if (auto node = nodeAt(hostPath))
        return QList<DeviceNode>{*node};
    if (info.isDir()) {
        QList<DeviceNode> nodes;
        QDirIterator it(hostPath, QDir::System | QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            if (auto node = nodeAt(it.next()))
                nodes.append(*node);
        }
        return nodes;
    }
    return Error{ErrorCode::InvalidArgument, tr("error gathering device information while adding device \"%1\": "
                                                "not a device node")
                                                 .arg(hostPath)};
}

Result<QJsonObject> OciSpec::generate(const Inputs &inputs, const DeviceResolver &resolveDevices)
{
    const PluginConfig &config = inputs.plugin.config;
    const Settings &settings = inputs.plugin.settings;

    // Namespaces: moby's default set; host network, pid and ipc remove theirs.
    QJsonArray namespaces;
    auto addNamespace = [&namespaces](const QString &type) {
        namespaces.append(QJsonObject{{QStringLiteral("type"), type}});
    };
    addNamespace(QStringLiteral("mount"));
    if (config.networkType != QLatin1String("host"))
        addNamespace(QStringLiteral("network"));
    if (inputs.timeNamespace)
        addNamespace(QStringLiteral("time"));
    addNamespace(QStringLiteral("uts"));
    if (!config.pidHost)
        addNamespace(QStringLiteral("pid"));
    if (!config.ipcHost)
        addNamespace(QStringLiteral("ipc"));

    // Mounts: defaults, the propagated mount, config/settings mounts, the socket folder, /etc files.
    QList<QJsonObject> mounts = defaultMounts();
    if (!config.propagatedMount.isEmpty()) {
        mounts.append(mount(config.propagatedMount, QStringLiteral("bind"), inputs.propagatedMount,
                            {QStringLiteral("rbind"), QStringLiteral("rw"), QStringLiteral("rshared")}));
    }
    QList<PluginMount> added = settings.effectiveMounts(config);
    if (auto refused = Privileges::refuseKernelMounts(added, inputs.plugin.name()); !refused)
        return refused.error();
    PluginMount socketMount;
    socketMount.source = inputs.socketDir;
    socketMount.destination = QStringLiteral("/run/docker/plugins");
    socketMount.type = QStringLiteral("bind");
    socketMount.options = {QStringLiteral("rbind"), QStringLiteral("rshared")};
    added.append(socketMount);
    if (!config.networkType.isEmpty()) {
        for (const QString &file : {QStringLiteral("/etc/hosts"), QStringLiteral("/etc/resolv.conf")}) {
            PluginMount etc;
            etc.source = file;
            etc.destination = file;
            etc.type = QStringLiteral("bind");
            etc.options = {QStringLiteral("rbind"), QStringLiteral("ro")};
            added.append(etc);
        }
    }
    QSet<QString> userDevMounts;
    for (const PluginMount &m : added) {
        if (!m.source.has_value())
            return Error{ErrorCode::InvalidArgument, tr("mount source is not specified")};
        if (m.destination.startsWith(QLatin1String("/dev/")))
            userDevMounts.insert(m.destination);
    }
    // A plugin mount under /dev/ replaces the default mount at that place.
    mounts.erase(std::remove_if(mounts.begin(), mounts.end(),
                                [&](const QJsonObject &m) {
                                    return userDevMounts.contains(m.value(QStringLiteral("destination")).toString()) &&
                                           m.value(QStringLiteral("type")).toString() != QLatin1String("bind");
                                }),
                 mounts.end());
    for (const PluginMount &m : added) {
        QJsonObject object = mount(m.destination, m.type, *m.source, m.options);
        mounts.append(object);
    }
    QJsonArray mountArray;
    for (const QJsonObject &m : mounts)
        mountArray.append(m);

    // Devices.
    QJsonArray deviceRules = defaultDeviceRules();
    if (config.allowAllDevices)
        deviceRules = QJsonArray{deviceRule(true, {}, -1, -1, QStringLiteral("rwm"))};
    QJsonArray devices;
    const DeviceResolver resolver = resolveDevices ? resolveDevices : DeviceResolver(&OciSpec::hostDevices);
    for (const PluginDevice &device : settings.devices) {
        if (!device.path.has_value() || device.path->isEmpty())
            return Error{ErrorCode::InvalidArgument, tr("device path is not specified")};
        auto nodes = resolver(*device.path);
        if (!nodes)
            return nodes.error();
        for (const DeviceNode &node : *nodes) {
            QJsonObject object;
            object.insert(QStringLiteral("path"), node.path);
            object.insert(QStringLiteral("type"), node.type);
            object.insert(QStringLiteral("major"), node.major);
            object.insert(QStringLiteral("minor"), node.minor);
            object.insert(QStringLiteral("fileMode"), qint64(node.fileMode));
            object.insert(QStringLiteral("uid"), qint64(node.uid));
            object.insert(QStringLiteral("gid"), qint64(node.gid));
            devices.append(object);
            deviceRules.append(deviceRule(true, node.type, node.major, node.minor, QStringLiteral("rwm")));
        }
    }

    // Process.
    QStringList env{QStringLiteral("PATH=") + defaultPath()};
    env += settings.env;
    const QStringList args = config.entrypoint + settings.args;
    const QStringList capabilities = defaultCapabilities() + withPrefix(config.capabilities);
    const QJsonArray capabilityArray = QJsonArray::fromStringList(capabilities);
    QJsonObject process;
    process.insert(QStringLiteral("terminal"), false);
    process.insert(QStringLiteral("user"), QJsonObject{{QStringLiteral("uid"), 0}, {QStringLiteral("gid"), 0}});
    process.insert(QStringLiteral("args"), QJsonArray::fromStringList(args));
    process.insert(QStringLiteral("env"), QJsonArray::fromStringList(env));
    process.insert(QStringLiteral("cwd"), config.workDir.isEmpty() ? QStringLiteral("/") : config.workDir);
    process.insert(QStringLiteral("capabilities"), QJsonObject{{QStringLiteral("bounding"), capabilityArray},
                                                               {QStringLiteral("permitted"), capabilityArray},
                                                               {QStringLiteral("inheritable"), capabilityArray},
                                                               {QStringLiteral("effective"), capabilityArray}});

    QJsonObject linuxSection;
    linuxSection.insert(QStringLiteral("namespaces"), namespaces);
    linuxSection.insert(QStringLiteral("resources"), QJsonObject{{QStringLiteral("devices"), deviceRules}});
    if (!devices.isEmpty())
        linuxSection.insert(QStringLiteral("devices"), devices);
    linuxSection.insert(QStringLiteral("maskedPaths"),
                        QJsonArray{QStringLiteral("/proc/asound"), QStringLiteral("/proc/acpi"),
                                   QStringLiteral("/proc/kcore"), QStringLiteral("/proc/keys"),
                                   QStringLiteral("/proc/latency_stats"), QStringLiteral("/proc/timer_list"),
                                   QStringLiteral("/proc/timer_stats"), QStringLiteral("/proc/sched_debug"),
                                   QStringLiteral("/proc/scsi"), QStringLiteral("/sys/firmware"),
                                   QStringLiteral("/sys/devices/virtual/powercap")});
    linuxSection.insert(QStringLiteral("readonlyPaths"),
                        QJsonArray{QStringLiteral("/proc/bus"), QStringLiteral("/proc/fs"), QStringLiteral("/proc/irq"),
                                   QStringLiteral("/proc/sys"), QStringLiteral("/proc/sysrq-trigger")});
    if (!config.propagatedMount.isEmpty())
        linuxSection.insert(QStringLiteral("rootfsPropagation"), QStringLiteral("rshared"));

    QJsonObject spec;
    spec.insert(QStringLiteral("ociVersion"), QStringLiteral("1.0.2-dev"));
    spec.insert(QStringLiteral("root"),
                QJsonObject{{QStringLiteral("path"), inputs.rootfs}, {QStringLiteral("readonly"), false}});
    spec.insert(QStringLiteral("process"), process);
    spec.insert(QStringLiteral("mounts"), mountArray);
    spec.insert(QStringLiteral("linux"), linuxSection);
    return spec;
}

} // namespace core
