#pragma once

#include "core/base/result.h"
#include "core/plugin/plugin.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>
#include <functional>
#include <optional>

namespace core {

// A host device node as the device cgroup and the spec's linux.devices need it.
struct DeviceNode
{
    QString path;
    QString type; // "c" or "b"
    qint64 major = 0;
    qint64 minor = 0;
    quint32 fileMode = 0;
    quint32 uid = 0;
    quint32 gid = 0;
};

// Builds the OCI runtime spec (config.json of a runc bundle) for one plugin the way moby's InitSpec does on top of
// its default Linux spec (docs/docker-compat.md §5.1). Pure: it reads no plugin files; host device nodes are resolved
// through a function the caller may replace. Owns neither the bundle folder nor the rootfs.
class OciSpec final
{
    Q_DECLARE_TR_FUNCTIONS(OciSpec)

public:
    struct Inputs
    {
        Plugin plugin;
        QString rootfs;          // absolute host path of the plugin's rootfs
        QString propagatedMount; // host folder backing config.PropagatedMount (<store>/plugins/<id>/propagated-mount)
        QString socketDir;       // host folder bound to /run/docker/plugins (<run>/plugins/<id>)
        bool timeNamespace = false;
    };

    using DeviceResolver = std::function<Result<QList<DeviceNode>>(const QString &hostPath)>;

    static const QString &defaultPath();
    static QStringList defaultCapabilities();

    // The spec; errors: `mount source is not specified` for a mount without source, device paths that are not
    // device nodes.
    static Result<QJsonObject> generate(const Inputs &inputs, const DeviceResolver &resolveDevices = {});

    // Resolves a host path to device nodes: the node itself, or every node below a folder (as Docker's
    // devices.HostDevices). Errors name the path.
    static Result<QList<DeviceNode>> hostDevices(const QString &hostPath);
};

} // namespace core
