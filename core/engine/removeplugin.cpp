#include "core/engine/removeplugin.h"

#include "core/base/crashpoint.h"
#include "core/base/removetree.h"
#include "core/runtime/monitorlauncher.h"
#include "core/runtime/pluginrunner.h"
#include "core/runtime/runcruntime.h"
#include "core/runtime/runlayout.h"
#include "core/store/blobstore.h"
#include "core/store/storelock.h"
#include "core/volume/volumeservice.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RemovePlugin)
};

bool renamePath(const QString &from, const QString &to)
{
    return ::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

} // namespace

Result<Plugin> removePlugin(const Store &store, const QString &runRoot, const QString &nameOrId, bool force)
{
    Plugin plugin;
    {
        auto inventory = store.load();
        if (!inventory)
            return inventory.error();
        auto found = Store::find(inventory->plugins, nameOrId);
        if (!found)
            return found.error();
        plugin = *found;
    }
    const RunLayout layout(runRoot);

    // Volumes mounted through Plugdesk make an unforced remove fail with InUse naming them (docs/docker-compat.md §9);
    // a forced one goes ahead and drops their mount records (Docker's rule).
    if (auto free = VolumeService::checkDriverNotInUse(store.root(), plugin, force); !free)
        return free.error();

    const bool monitorAlive = MonitorLauncher::lockHolder(layout.lockPath(plugin.id)) != 0;
    if (plugin.enabled && !force)
        return Error{ErrorCode::Conflict, Tr::tr("plugin %1 is enabled").arg(plugin.name())};
    // A disabled plugin with a live monitor (a stop that was interrupted) is stopped too: nothing may run from a
    // folder that is about to be deleted.
    if (plugin.enabled || monitorAlive) {
        auto disabled = PluginRunner(store.root(), runRoot).disable(plugin.id);
        if (!disabled)
            return disabled.error().prefixed(Tr::tr("cannot remove plugin %1").arg(plugin.name()));
    }

    auto lock = StoreLock::acquire(store.root(), Tr::tr("remove plugin %1").arg(plugin.name()));
    if (!lock)
        return lock.error();
    auto inventory = store.load();
    if (!inventory)
        return inventory.error();
    QList<Plugin> remaining;
    bool present = false;
    for (const Plugin &entry : std::as_const(inventory->plugins)) {
        if (entry.id != plugin.id) {
            remaining.append(entry);
            continue;
        }
        present = true;
        // Enabled again by another process while we waited for the lock.
        if (entry.enabled)
            return Error{ErrorCode::Conflict, Tr::tr("plugin %1 is enabled").arg(entry.name())};
    }
    if (!present)
        return Error{ErrorCode::NotFound, Tr::tr("plugin \"%1\" not found").arg(nameOrId)};

    const QString pluginDir = store.pluginDir(plugin.id);
    const QString removing = pluginDir + QStringLiteral("-removing");
    const bool hasFolder = QFileInfo(pluginDir).isDir() && !QFileInfo(pluginDir).isSymLink();
    if (hasFolder) {
        const QStringList stuck = RuncRuntime::releaseMountsUnder(QFileInfo(pluginDir).canonicalFilePath());
        if (!stuck.isEmpty())
            return Error{ErrorCode::InUse,
                         Tr::tr("cannot remove plugin %1: %2 is still mounted and cannot be unmounted")
                             .arg(plugin.name(), stuck.join(QStringLiteral(", ")))};
        // A leftover of an earlier interrupted remove of the same id.
        if (QFileInfo::exists(removing)) {
            if (auto swept = removeTree(removing, "remove.delete-entry"); !swept)
                return swept.error().prefixed(Tr::tr("cannot remove plugin %1").arg(plugin.name()));
        }
        if (!renamePath(pluginDir, removing))
            return Error{ErrorCode::Io,
                         Tr::tr("cannot remove plugin %1: cannot rename %2: %3")
                             .arg(plugin.name(), pluginDir, QString::fromLocal8Bit(std::strerror(errno)))};
        crashPoint("remove.renamed");
    }
    if (auto saved = store.save(remaining); !saved) {
        if (hasFolder)
            renamePath(removing, pluginDir);
        return saved.error().prefixed(Tr::tr("cannot remove plugin %1").arg(plugin.name()));
    }

    crashPoint("remove.saved");
    // From here on the plugin is gone; what cannot be deleted now is swept at the next start.
    if (hasFolder) {
        if (auto deleted = removeTree(removing, "remove.delete-entry"); !deleted)
            qWarning("%s", qPrintable(deleted.error().message));
    }
    if (MonitorLauncher::lockHolder(layout.lockPath(plugin.id)) == 0) {
        for (const QString &folder : {layout.stateDir(plugin.id), layout.socketDir(plugin.id)}) {
            if (QFileInfo(folder).isDir())
                (void)removeTree(folder, "remove.delete-entry");
        }
    }
    crashPoint("remove.deleted");
    // Entries that did not read (inventory->problems) may refer to blobs too: collect nothing then rather than
    // delete what a broken-but-repairable plugin needs.
    if (inventory->problems.isEmpty()) {
        if (auto collected = BlobStore(store.blobsDir()).collectGarbage(Store::referencedBlobs(remaining)); !collected)
            qWarning("%s", qPrintable(collected.error().message));
    }
    return plugin;
}

} // namespace core
