#pragma once

#include "core/base/result.h"
#include "core/plugin/plugin.h"
#include "core/store/store.h"

namespace core {

// `plugin rm [-f]` with Docker's rules (docs/docker-compat.md §5.5, §1.7): without `force` an enabled plugin is refused
// with `plugin <name> is enabled` (Conflict) and nothing is written; with it the plugin is first disabled through the
// runtime (PluginRunner, waiting for it to stop). Then, under the StoreLock: every mount below the plugin's
// folder is released (a mount that stays refuses the remove), the folder is renamed to `<id>-removing`, the
// inventory saved without the plugin (atomically; on failure the folder is renamed back), the folder deleted
// without following a symbolic link or crossing into another file system, the plugin's run-root leftovers
// (state, log, socket folder) deleted, and blobs no remaining plugin refers to (config, manifest, blobsums)
// collected. A crash after the rename leaves `<id>-removing`, which Store::sweep removes at the next start.
// Blocking (a worker thread). Returns the removed plugin.
Result<Plugin> removePlugin(const Store &store, const QString &runRoot, const QString &nameOrId, bool force);

} // namespace core
