#pragma once

#include "core/base/job.h"
#include "core/base/result.h"
#include "core/store/store.h"

#include <QString>
#include <QVariantMap>

class QIODevice;

namespace core {

// `plugin export NAME FILE` (docs/docker-compat.md §9 "Offline machines"): writes the plugin's bundle (BundleHeader) —
// its manifest and the config and layer blobs, exactly what a push would send (PluginArtifact), never the local
// settings — as a zip. Finds the plugin by name or id, enabled or not; a plugin without blobs (hand-made store) is
// refused with NotFound saying how to make one. Every blob is hashed on the way out, so a damaged store blob fails the
// export. Never takes the store lock (as push does). Progress per blob: phase Preparing / Exporting / Exported, item
// the 12-hex short digest, bytes. The result is {"name": local name, "file": `target`, "digest": manifest digest,
// "size": bytes written}. Runs on the calling (worker) thread.

// Onto `device`, open for writing and empty; `target` names it in messages. The caller commits or drops the file.
Result<QVariantMap> exportPlugin(const Store &store, const QString &nameOrId, QIODevice *device, const QString &target,
                                 Job *job);
// Refuses to write a bundle through `fd` (`target` names it) unless it is a regular file on a real file system:
// procfs, sysfs and the other kernel file systems are refused, naming the file the descriptor reaches.
Status checkExportTarget(int fd, const QString &target);

// Into `file` atomically (PendingFile): the bundle appears complete, or nothing appears.
Result<QVariantMap> exportPluginToFile(const Store &store, const QString &nameOrId, const QString &file, Job *job);

} // namespace core
