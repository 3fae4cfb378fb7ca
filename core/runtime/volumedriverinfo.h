#pragma once

#include "core/base/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QMetaType>
#include <QString>

namespace core {

// An enabled plugin that implements docker.volumedriver, with what is needed to talk to it and to map its paths.
// Here, below core/volume/, because the runtime maps paths with it too: the monitor's SocketProxy rewrites the
// mountpoints it forwards and VolumeBind binds what they name.
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
