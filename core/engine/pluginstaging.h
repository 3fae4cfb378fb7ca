#pragma once

#include "core/base/job.h"
#include "core/base/result.h"
#include "core/plugin/manifest.h"
#include "core/plugin/plugin.h"
#include "core/store/store.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <memory>

class QTemporaryDir;

namespace core {

class Reference;
class StoreLock;

// The store side that install, upgrade and import share (docs/architecture.md §4, steps 4-6): the store lock,
// held as long as a staging folder exists under <root>/tmp so that no other process sweeps it; the staged rootfs
// and layer files in that folder; and the commit, which syncs the file system once, adopts the layer files into the
// BlobStore, stores the config and manifest blobs, renames the rootfs into place and writes the inventory atomically.
// A commit that fails removes what it added, so the store is as it was; so does destroying the staging without a
// commit (the folder goes, and tmp/ too when this staging created it). Also the two steps around it: the name a
// new plugin gets, and the install-time enable.
// Owns the lock and the staging folder; does not own what fills the folder (LayerExtractor does), nor the job.
class PluginStaging final
{
    Q_DECLARE_TR_FUNCTIONS(PluginStaging)

public:
    // What a plugin is made of in the store besides its rootfs.
    struct Content
    {
        Manifest manifest; // bytes stored as a blob; its config and layers become the plugin's digests
        QByteArray configBytes;
        PluginConfig config;
        // The staged file of each of manifest.layers, in order, whose sha256 its writer checked as it wrote it
        // (RegistryClient::fetchBlob, BundleReader::readBlob): the commit checks only their sizes.
        QStringList layerFiles;
    };

    // Who a new plugin is (install, import).
    struct Identity
    {
        QString localName;  // "acme/vol:latest"
        QString repository; // "acme/vol"
        QString tag;        // "latest"
        QString pluginReference;
        Settings settings;
    };

    // Takes the store lock for `purpose` ("install plugin x", shown to a process that waits for it) and makes a
    // staging folder <root>/tmp/<kind>-XXXXXX with an empty rootfs/ in it.
    static Result<std::unique_ptr<PluginStaging>> begin(const Store &store, const QString &purpose,
                                                        const QString &kind);
    ~PluginStaging();
    Q_DISABLE_COPY_MOVE(PluginStaging)

    QString rootfs() const;
    // A file in the staging folder (a layer's download, for instance).
    QString filePath(const QString &name) const;

    // Adds a new plugin, disabled, with a new id. Conflict `plugin "<name>" already exists` when the name was taken
    // since it was checked.
    Result<Plugin> commitNew(const Content &content, const Identity &identity);
    // Swaps the rootfs of the disabled plugin `targetId` (rolled back on failure) and takes the new config, digests
    // and reference, carrying its settings over (carrySettings in installplugin.h).
    Result<Plugin> commitUpgrade(const Content &content, const QString &targetId, const QString &name,
                                 const QString &pluginReference);
    // Removes the staging folder and lets other writers in. The destructor does the same.
    void close();

    // The identity of a new plugin from `source` (the reference pulled, or a bundle's name): named `alias` when
    // given (":latest" implied; a digest refused with Docker's `cannot use digest in plugin tag`), else `source`'s
    // local name. Conflict `plugin "<name>" already exists` when `plugins` has that name. No settings yet.
    static Result<Identity> identityFor(const QList<Plugin> &plugins, const Reference &source, const QString &alias);

    // The install-time enable (docs/docker-compat.md §9). On failure the plugin stays installed and disabled, and the
    // error says so and where to look. Returns the plugin's name.
    static Result<QString> enableInstalled(const Store &store, const QString &runRoot, const Plugin &plugin, Job *job);

private:
    PluginStaging() = default;
    // Adopts the layer files and puts the config and manifest; `added` gets the digests that were new.
    Status storeBlobs(const Content &content, QStringList &added) const;

    Store m_store{QString()};
    std::shared_ptr<StoreLock> m_lock;
    std::unique_ptr<QTemporaryDir> m_staging;
    bool m_madeTmp = false;
};

} // namespace core
