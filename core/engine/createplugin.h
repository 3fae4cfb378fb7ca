#pragma once

#include "core/base/job.h"
#include "core/base/result.h"
#include "core/plugin/plugin.h"
#include "core/store/store.h"

#include <QTemporaryFile>
#include <memory>

namespace core {

// `plugin create NAME FOLDER`, as `docker plugin create` does it: FOLDER holds config.json and rootfs/; the rootfs
// becomes one gzip layer blob, config.rootfs gets {type: layers, diff_ids: [<uncompressed digest>]}
// (docs/docker-compat.md §9), the config and a schema2 manifest are stored as blobs, and the plugin is added to the
// store disabled, its rootfs extracted from the very layer that push will send, under the rootfs limit (StoreLimits).
// Runs on the calling (worker) thread, takes the store lock, and on any failure leaves the store as it was (staging
// removed, new blobs removed).
Result<Plugin> createPlugin(const Store &store, const QString &name, const QString &folder, Job *job);

// The same from a plugin folder packed by the caller (LayerWriter::writeContext: config.json, rootfs/...) and read
// from `fd`, which this takes over and closes: the packed folder is unpacked into the store's private staging with
// the layer extractor's path safety, and must hold a regular config.json and a real rootfs folder (no symlink), so
// nothing outside the staging is read. `folder` is the caller's path of the folder, for messages only.
Result<Plugin> createPluginFromContext(const Store &store, const QString &name, int fd, const QString &folder,
                                       Job *job);

// The caller's side of `plugin create` through an engine that sends the folder packed (HelperEngine: to the helper
// as a descriptor; DockerEngine: to dockerd as the request body): FOLDER made absolute, its config.json a file and its
// rootfs/ a folder, and an empty temp file to pack it into with LayerWriter::writeContext. Errors name the path.
struct PluginFolderToPack
{
    QString source; // the folder, absolute
    QString config; // source/config.json
    QString rootfs; // source/rootfs
    std::shared_ptr<QTemporaryFile> packed;
};
Result<PluginFolderToPack> pluginFolderToPack(const QString &folder);

// The schema2 manifest Docker pushes for a plugin: config media type application/vnd.docker.plugin.v1+json,
// gzip layers.
QByteArray pluginManifest(const QString &configDigest, qint64 configSize, const QStringList &layerDigests,
                          const QList<qint64> &layerSizes);

} // namespace core
