#include "core/engine/pluginstaging.h"

#include "core/base/atomicfile.h"
#include "core/base/crashpoint.h"
#include "core/base/removetree.h"
#include "core/engine/installplugin.h"
#include "core/plugin/reference.h"
#include "core/runtime/pluginrunner.h"
#include "core/runtime/socketpublisher.h"
#include "core/store/blobstore.h"
#include "core/store/storelock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <algorithm>
#include <cstdio>

namespace core {

namespace {

// The texts install had before import shared them: same context, so their translations stay.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PluginInstaller)
};

bool renamePath(const QString &from, const QString &to)
{
    return ::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

Status checkNameFree(const QList<Plugin> &plugins, const PluginStaging::Identity &identity)
{
    for (const Plugin &existing : plugins) {
        if (existing.name() == identity.localName)
            return Error{ErrorCode::Conflict, Tr::tr("plugin \"%1\" already exists").arg(identity.localName)};
    }
    // Another name may publish the same socket file for other engines ("acme/vol" and "acme-vol").
    return SocketPublisher::checkNameFree(plugins, identity.repository, identity.tag);
}

QStringList layerDigests(const Manifest &manifest)
{
    QStringList digests;
    for (const Descriptor &layer : manifest.layers)
        digests.append(layer.digest);
    return digests;
}

} // namespace

Result<std::unique_ptr<PluginStaging>> PluginStaging::begin(const Store &store, const QString &purpose,
                                                            const QString &kind)
{
    std::unique_ptr<PluginStaging> staging(new PluginStaging);
    staging->m_store = store;
    auto lock = StoreLock::acquire(store.root(), purpose);
    if (!lock)
        return lock.error();
    staging->m_lock = *lock;
    staging->m_madeTmp = !QFileInfo::exists(store.tmpDir());
    if (!QDir().mkpath(store.tmpDir()))
        return Error{ErrorCode::Io, Tr::tr("cannot create %1").arg(store.tmpDir())};
    staging->m_staging =
        std::make_unique<QTemporaryDir>(store.tmpDir() + QLatin1Char('/') + kind + QStringLiteral("-XXXXXX"));
    if (!staging->m_staging->isValid())
        return Error{
            ErrorCode::Io,
            Tr::tr("cannot create a staging folder in %1: %2").arg(store.tmpDir(), staging->m_staging->errorString())};
    if (!QDir().mkpath(staging->rootfs()))
        return Error{ErrorCode::Io, Tr::tr("cannot create %1").arg(staging->rootfs())};
    return staging;
}

PluginStaging::~PluginStaging()
{
    close();
}

void PluginStaging::close()
{
    m_staging.reset();
    // A store that had no tmp/ before gets none left behind: a refused import leaves it byte for byte.
    if (m_madeTmp)
        QDir().rmdir(m_store.tmpDir());
    m_madeTmp = false;
    m_lock.reset();
}

QString PluginStaging::rootfs() const
{
    return filePath(QStringLiteral("rootfs"));
}

QString PluginStaging::filePath(const QString &name) const
{
    return m_staging ? m_staging->filePath(name) : QString();
}

Status PluginStaging::storeBlobs(const Content &content, QStringList &added) const
{
    const BlobStore blobs(m_store.blobsDir());
    // The config and the manifest, with no fsync each: the syncfs below puts them on disk.
    for (const QByteArray &bytes : {content.configBytes, content.manifest.bytes}) {
        const QString digest = Manifest::digestOf(bytes);
        const bool known = blobs.contains(digest);
        auto put = blobs.put(bytes, AtomicFile::Sync::Later);
        if (!put)
            return put.error();
        if (!known)
            added.append(digest);
        crashPoint("staging.blob-stored");
    }
    // One syncfs puts those, the staged layer files and the rootfs on disk (the writeback of the layer files and the
    // rootfs began as they were written) before anything names them: the layer blobs' names next, then the inventory.
    // No fsync per file.
    if (Status synced = AtomicFile::syncFileSystem(m_store.root()); !synced)
        return synced;
    for (qsizetype i = 0; i < content.manifest.layers.size(); ++i) {
        const Descriptor &layer = content.manifest.layers.at(i);
        const QString digest = layer.digest;
        const bool known = blobs.contains(digest);
        if (auto adopted = blobs.adoptChecked(content.layerFiles.value(i), digest, layer.size); !adopted)
            return adopted.error();
        if (!known)
            added.append(digest);
        crashPoint("staging.layer-blob-stored");
    }
    return blobs.syncDirectory();
}

Result<Plugin> PluginStaging::commitNew(const Content &content, const Identity &identity)
{
    auto inventory = m_store.load();
    if (!inventory)
        return inventory.error();
    if (auto free = checkNameFree(inventory->plugins, identity); !free)
        return free.error();
    const BlobStore blobs(m_store.blobsDir());
    QStringList added;
    auto removeBlobs = qScopeGuard([&] {
        for (const QString &digest : std::as_const(added))
            QFile::remove(blobs.pathFor(digest));
    });
    if (auto stored = storeBlobs(content, added); !stored)
        return stored.error();

    Plugin plugin;
    plugin.id = Store::newId();
    plugin.repository = identity.repository;
    plugin.tag = identity.tag;
    plugin.enabled = false;
    plugin.pluginReference = identity.pluginReference;
    plugin.config = content.config;
    plugin.settings = identity.settings;
    // Install and import compared these with what the person accepted before anything was written.
    plugin.approved = plugin.effectivePrivileges();
    plugin.configDigest = content.manifest.config.digest;
    plugin.manifestDigest = content.manifest.digest;
    plugin.blobsums = layerDigests(content.manifest);

    const QString pluginDir = m_store.pluginDir(plugin.id);
    if (!QDir().mkpath(pluginDir))
        return Error{ErrorCode::Io, Tr::tr("cannot create %1").arg(pluginDir)};
    crashPoint("staging.plugin-folder-made");
    auto removePluginDir = qScopeGuard([&] { (void)removeTree(pluginDir); });
    if (!renamePath(rootfs(), m_store.rootfsDir(plugin.id)))
        return Error{ErrorCode::Io, Tr::tr("cannot move the rootfs into %1").arg(pluginDir)};
    crashPoint("staging.rootfs-moved");
    QList<Plugin> plugins = inventory->plugins;
    plugins.append(plugin);
    if (auto saved = m_store.save(plugins); !saved)
        return saved.error();
    removePluginDir.dismiss();
    removeBlobs.dismiss();
    crashPoint("staging.committed");
    return plugin;
}

Result<Plugin> PluginStaging::commitUpgrade(const Content &content, const QString &targetId, const QString &name,
                                            const QString &pluginReference)
{
    auto inventory = m_store.load();
    if (!inventory)
        return inventory.error();
    QList<Plugin> plugins = inventory->plugins;
    auto target =
        std::find_if(plugins.begin(), plugins.end(), [&](const Plugin &plugin) { return plugin.id == targetId; });
    if (target == plugins.end())
        return Error{ErrorCode::NotFound, Tr::tr("plugin \"%1\" not found").arg(name)};
    if (target->enabled)
        return Error{ErrorCode::Conflict,
                     Tr::tr("plugin must be disabled before upgrading: plugin %1 is enabled").arg(target->name())};
    const BlobStore blobs(m_store.blobsDir());
    QStringList added;
    auto removeBlobs = qScopeGuard([&] {
        for (const QString &digest : std::as_const(added))
            QFile::remove(blobs.pathFor(digest));
    });
    if (auto stored = storeBlobs(content, added); !stored)
        return stored.error();

    const QString rootfs = m_store.rootfsDir(target->id);
    const QString old = m_store.pluginDir(target->id) + QStringLiteral("/rootfs-old");
    const QString marker = m_store.upgradeMarkerPath(target->id);
    if (!removeTree(old))
        return Error{ErrorCode::Io, Tr::tr("cannot remove the leftover %1").arg(old)};
    // The marker names the manifest this upgrade commits: a sweep after a crash compares it with the inventory to
    // decide whether rootfs-old goes back (not committed) or goes (committed). Store::finishUpgrade.
    if (auto marked = AtomicFile::write(marker, content.manifest.digest.toLatin1()); !marked)
        return marked.error();
    crashPoint("staging.upgrade-marked");
    const bool hadRootfs = QFileInfo::exists(rootfs);
    if (hadRootfs && !renamePath(rootfs, old)) {
        QFile::remove(marker);
        return Error{ErrorCode::Io, Tr::tr("cannot move %1 aside").arg(rootfs)};
    }
    crashPoint("staging.upgrade-rootfs-aside");
    auto restore = [&] {
        (void)removeTree(rootfs); // best effort: the sweep removes what is left
        if (hadRootfs)
            renamePath(old, rootfs);
        QFile::remove(marker);
    };
    if (!renamePath(this->rootfs(), rootfs)) {
        restore();
        return Error{ErrorCode::Io, Tr::tr("cannot move the new rootfs into %1").arg(rootfs)};
    }
    crashPoint("staging.upgrade-rootfs-moved");
    const PluginConfig oldConfig = target->config;
    const Privileges wasApproved = target->approvedPrivileges();
    target->settings = carrySettings(target->settings, oldConfig, content.config);
    target->config = content.config;
    // Approved now: what the person accepted for the new config, plus what a setting carried over gives that was
    // approved before. Anything else a carried setting gives stays unapproved, and enable names it.
    QList<Privilege> approved = Privileges::fromConfig(content.config).items();
    const Privileges configured(approved);
    const Privileges carried = target->effectivePrivileges().notIn(configured);
    for (const Privilege &item : carried.items()) {
        if (wasApproved.contains(item))
            approved.append(item);
    }
    target->approved = Privileges(approved);
    target->configDigest = content.manifest.config.digest;
    target->manifestDigest = content.manifest.digest;
    target->blobsums = layerDigests(content.manifest);
    target->pluginReference = pluginReference;
    if (auto saved = m_store.save(plugins); !saved) {
        restore();
        return saved.error();
    }
    removeBlobs.dismiss();
    crashPoint("staging.upgrade-saved");
    (void)removeTree(old); // what a failure leaves goes at the next sweep (a rootfs and no marker: committed)
    crashPoint("staging.upgrade-old-removed");
    QFile::remove(marker);
    (void)AtomicFile::syncDirectory(m_store.pluginDir(target->id));
    // The old version's blobs no plugin refers to any more; as rm, nothing when an entry does not read.
    if (inventory->problems.isEmpty()) {
        if (auto collected = blobs.collectGarbage(Store::referencedBlobs(plugins)); !collected)
            qWarning("%s", qPrintable(collected.error().message));
    }
    crashPoint("staging.upgrade-collected");
    return *target;
}

Result<PluginStaging::Identity> PluginStaging::identityFor(const QList<Plugin> &plugins, const Reference &source,
                                                           const QString &alias)
{
    Reference local = source;
    if (!alias.isEmpty()) {
        auto parsed = Reference::parse(alias);
        if (!parsed)
            return parsed.error();
        if (parsed->hasDigest())
            return Error{ErrorCode::InvalidArgument, QStringLiteral("cannot use digest in plugin tag")};
        local = *parsed;
    }
    local = local.withDefaultTag();
    Identity identity;
    identity.localName = local.localName();
    identity.repository = local.familiarName();
    identity.tag = identity.localName.mid(identity.localName.lastIndexOf(QLatin1Char(':')) + 1);
    if (auto free = checkNameFree(plugins, identity); !free)
        return free.error();
    return identity;
}

Result<QString> PluginStaging::enableInstalled(const Store &store, const QString &runRoot, const Plugin &plugin,
                                               Job *job)
{
    job->reportProgress({Tr::tr("Enabling"), QString(), 0, 0, Tr::tr("enabling %1").arg(plugin.name())});
    PluginRunner runner(store.root(), runRoot);
    auto enabled = runner.enable(
        plugin.id, 0,
        [job](const QString &text) {
            job->reportProgress({Tr::tr("Enabling"), QString(), 0, 0, text});
        },
        [job] { return job->isCancelRequested(); });
    if (!enabled)
        return Error{enabled.error().code,
                     Tr::tr("plugin %1 was installed but could not be enabled: %2 — it stays installed and disabled; "
                            "see plugdeskctl plugin logs %1, then plugdeskctl plugin enable %1")
                         .arg(plugin.name(), enabled.error().message)};
    return plugin.name();
}

} // namespace core
