#pragma once

#include "core/base/result.h"
#include "core/plugin/plugin.h"
#include "core/store/store.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace core {

// A plugin as a registry holds it: a schema2 manifest and the blobs it names, found in the store's BlobStore.
// Push sends exactly this and export writes exactly this, so a bundle is what a push would send (never the local
// settings). The manifest is the stored one when its blob is still there; Docker's GC may have collected it, and
// then one is rebuilt with pluginManifest() from the config and blobsums (docs/docker-compat.md §7.3).
struct PluginArtifact
{
    struct Blob
    {
        QString digest;
        qint64 size = 0;
    };

    // What the artifact is wanted for, for the wording of a refusal.
    enum class Purpose { Push, Export };

    QByteArray manifest;
    QList<Blob> layers; // in order
    Blob config;

    QString manifestDigest() const;

    // Errors: NotFound for a plugin whose blobs are not in the store (a plugin from a hand-made store), saying how
    // to make one that has them; Corrupt/Io when the stored manifest cannot be read.
    static Result<PluginArtifact> of(const Store &store, const Plugin &plugin, Purpose purpose);
};

} // namespace core
