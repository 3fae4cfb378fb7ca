#include "core/engine/pluginartifact.h"

#include "core/base/units.h"
#include "core/engine/createplugin.h"
#include "core/plugin/manifest.h"
#include "core/store/blobstore.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace core {

namespace {

// The texts push had before export shared them: same context, so their translations stay.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PushPlugin)
};

constexpr qint64 kMaxManifestBytes = 4 * MiB;

// A plugin whose blobs are not in the store (a hand-made seed plugin) cannot leave the machine: say how to make one.
Error noLayers(const Plugin &plugin, PluginArtifact::Purpose purpose, const QString &why)
{
    const QString text = purpose == PluginArtifact::Purpose::Push
                             ? Tr::tr("plugin %1 has no layers to push: %2; a plugin from a hand-made store "
                                      "carries none. Make a pushable plugin with plugdeskctl plugin create "
                                      "NAME FOLDER (FOLDER holds config.json and rootfs/)")
                             : Tr::tr("plugin %1 has no layers to export: %2; a plugin from a hand-made "
                                      "store carries none. Make an exportable plugin with plugdeskctl "
                                      "plugin create NAME FOLDER (FOLDER holds config.json and rootfs/)");
    return Error{ErrorCode::NotFound, text.arg(plugin.name(), why)};
}

} // namespace

QString PluginArtifact::manifestDigest() const
{
    return Manifest::digestOf(manifest);
}

Result<PluginArtifact> PluginArtifact::of(const Store &store, const Plugin &plugin, Purpose purpose)
{
    if (plugin.blobsums.isEmpty())
        return noLayers(plugin, purpose, Tr::tr("the store records no layer for it"));
    if (plugin.configDigest.isEmpty())
        return noLayers(plugin, purpose, Tr::tr("the store records no config blob for it"));
    const BlobStore blobs(store.blobsDir());
    auto blobFor = [&](const QString &digest) -> Result<Blob> {
        const QFileInfo file(blobs.pathFor(digest));
        if (!file.isFile())
            return noLayers(plugin, purpose, Tr::tr("blob %1 is not in %2").arg(digest, store.blobsDir()));
        return Blob{digest, file.size()};
    };
    PluginArtifact artifact;
    QList<qint64> layerSizes;
    for (const QString &digest : plugin.blobsums) {
        auto blob = blobFor(digest);
        if (!blob)
            return blob.error();
        artifact.layers.append(*blob);
        layerSizes.append(blob->size);
    }
    auto config = blobFor(plugin.configDigest);
    if (!config)
        return config.error();
    artifact.config = *config;

    if (!plugin.manifestDigest.isEmpty() && blobs.contains(plugin.manifestDigest)) {
        auto stored = blobs.read(plugin.manifestDigest, kMaxManifestBytes);
        if (!stored)
            return stored.error();
        artifact.manifest = *stored;
    } else {
        artifact.manifest = pluginManifest(plugin.configDigest, artifact.config.size, plugin.blobsums, layerSizes);
    }
    return artifact;
}

} // namespace core
