#pragma once

#include "core/engine/engine.h"
#include "core/store/store.h"

#include <QString>

class QIODevice;

namespace core {

// `plugin import FILE` (docs/docker-compat.md §9 "Offline machines"), the other end of exportPlugin: a plugin from a
// bundle (BundleHeader) instead of a registry, with install's checks and install's store side (PluginStaging).

// The approval step: the bundle's header, manifest and config (BundleReader::open, which checks the whole
// structure), the config parsed and validated, and its privileges. Errors name the bundle (`source`) and the entry.
Result<BundleInfo> readBundleInfo(QIODevice *device, const QString &source);
Result<BundleInfo> readBundleInfo(const QString &file);
// Engine::bundlePrivileges for both engines (it runs in the caller's process): readBundleInfo(file) as a Job, a
// child of `parent`, ending from the event loop so that whoever connects to it after this returns sees it end.
Job *readBundleInfoJob(const QString &file, QObject *parent);

// The whole import, on the calling (worker) thread; Engine::importPlugin says what is checked when. `device` is
// open for reading and seekable; `source` names it in messages. Progress per layer: Extracting (bytes), Complete;
// then Committing and, unless options.disable, Enabling. Returns the new plugin's local name. `addedId`, when given,
// gets the new plugin's id as soon as it is in the store, also when the enable then fails.
Result<QString> importPlugin(const Store &store, QIODevice *device, const QString &source, const Privileges &accepted,
                             const InstallOptions &options, const QString &runRoot, Job *job,
                             QString *addedId = nullptr);

} // namespace core
