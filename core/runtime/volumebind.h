#pragma once

#include "core/base/result.h"
#include "core/runtime/volumedriverinfo.h"

#include <QCoreApplication>
#include <QString>

namespace core {

// A volume folder handed to someone outside the plugin (dockerd through the published socket, a person through
// `volume mount`) as a bind of Plugdesk's own: the folder the plugin answered is resolved inside its folders
// (VolumeDriverInfo::openHostPath) and bound, by that very descriptor, to <run>/binds/<id>/<hash of name and mount
// id>. Whatever the plugin renames or symlinks afterwards, the bind stays the folder that was checked. Owns
// nothing between calls: the binds are kernel state, ended by release() or releaseAll().
class VolumeBind final
{
    Q_DECLARE_TR_FUNCTIONS(VolumeBind)

public:
    static QString target(const QString &bindRoot, const QString &name, const QString &mountId);
    // Binds the folder `pluginPath` names to target(); the bind's path.
    static Result<QString> bind(const VolumeDriverInfo &driver, const QString &pluginPath, const QString &bindRoot,
                                const QString &name, const QString &mountId);
    // Ends the bind at `target` when it is one below `bindRoot`; anything else is left alone.
    static void release(const QString &bindRoot, const QString &target);
    static void releaseAll(const QString &bindRoot);
};

} // namespace core
