#pragma once

#include "core/engine/error.h"
#include "core/engine/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QVariant>

namespace core {

// One volume as Plugdesk reports it: what the driver said (name, mountpoint as the plugin sees it, status,
// creation time), the options recorded when it was created through Plugdesk, and the mountpoint mapped to the
// host (docs/docker-compat.md §6, ScopedPath). A value; owns nothing.
struct Volume
{
    QString name;
    QString driver; // the plugin's name, "acme/testvol:latest"
    QString pluginId;
    QString mountpoint;     // as the plugin reports it, inside the plugin
    QString hostMountpoint; // the same place seen from the host
    QString createdAt;
    QString scope = QStringLiteral("local");
    QJsonObject status;
    std::optional<QMap<QString, QString>> options; // nullopt: not created through Plugdesk, unknown
    int mounts = 0;                                // mounts through Plugdesk without an unmount yet

    // Docker's Volume object (Name, Driver, Mountpoint, Status, Options, Scope, CreatedAt, Labels), with Mountpoint
    // the host path as dockerd reports it for managed plugins, plus "Plugdesk": {PluginMountpoint, HostMountpoint,
    // PluginId, Mounts}.
    QJsonObject toJson() const;
    static Volume fromJson(const QJsonObject &object);
};

// A driver's failure while listing: its name and the error.
struct VolumeDriverError
{
    QString driver;
    Error error;
};

// The answer of volumes(): what every driver that answered listed, plus one error per driver that did not.
struct VolumeList
{
    QList<Volume> volumes;
    QList<VolumeDriverError> errors;

    // {"Volumes": [...], "Warnings": ["<driver>: <message>"], "Plugdesk": {"Errors": [{Driver, Code, Message}]}}:
    // Docker's list answer, the shape the list has on D-Bus.
    QJsonObject toJson() const;
    static VolumeList fromJson(const QJsonObject &object);
    // As a Job result: the typed value in process (HelperProtocol::encodeResult turns it into toJson() for the bus;
    // converting 10,000 volumes to JSON and back would cost more than asking the drivers). fromVariant takes the
    // typed value, a QJsonObject or the QVariantMap a remote job delivers.
    QVariant toVariant() const;
    static VolumeList fromVariant(const QVariant &variant);
};

// An enabled plugin that implements docker.volumedriver, with what is needed to talk to it and to map its paths.
struct VolumeDriverInfo
{
    Q_DECLARE_TR_FUNCTIONS(VolumeDriverInfo)

public:
    QString name; // "acme/testvol:latest"
    QString pluginId;
    QString scope = QStringLiteral("local"); // from /VolumeDriver.Capabilities, lower-cased
    QString socketPath;
    QString propagatedMount;     // inside the plugin, empty when none
    QString hostPropagatedMount; // <store>/plugins/<id>/propagated-mount
    QString rootfs;              // <store>/plugins/<id>/rootfs

    // moby's ScopedPath, lexically: a path under PropagatedMount maps into the host's propagated-mount folder, any
    // other path into the rootfs. Says nothing of what is at that place: see resolveHostPath.
    QString hostPath(const QString &pluginPath) const;
    // The host path of a mountpoint the plugin answered, resolved on the filesystem inside the folder hostPath
    // chose without ever leaving it (openat2 with RESOLVE_BENEATH, no magic links): a symlink the plugin planted
    // that points out of its propagated mount or rootfs ("ln -s / /vols/v") is an error naming the plugin and the
    // path, one that stays inside is replaced by what it points at. Parts that do not exist yet are kept as they
    // are, below the deepest part that does. Empty stays empty.
    Result<QString> resolveHostPath(const QString &pluginPath) const;
    // The same resolution, as an O_PATH descriptor of the folder the mountpoint names (the caller closes it), so
    // that what is bound is what was checked, whatever the plugin renames afterwards. An error when it does not
    // exist.
    Result<int> openHostPath(const QString &pluginPath) const;

    QJsonObject toJson() const;
    static VolumeDriverInfo fromJson(const QJsonObject &object);

private:
    // Sets *fullFd (when given) to an O_PATH descriptor of the whole path when it exists.
    Result<QString> resolve(const QString &pluginPath, int *fullFd) const;
};

} // namespace core

Q_DECLARE_METATYPE(core::VolumeDriverInfo)
Q_DECLARE_METATYPE(core::VolumeList)
