#include "core/engine/createplugin.h"

#include "core/archive/layerextractor.h"
#include "core/archive/layerwriter.h"
#include "core/base/atomicfile.h"
#include "core/base/crashpoint.h"
#include "core/base/digest.h"
#include "core/base/removetree.h"
#include "core/engine/unpackbudget.h"
#include "core/plugin/reference.h"
#include "core/runtime/socketpublisher.h"
#include "core/store/blobstore.h"
#include "core/store/storelock.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <sys/stat.h>
#include <unistd.h>

namespace core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(CreatePlugin)
};

} // namespace

Result<PluginFolderToPack> pluginFolderToPack(const QString &folder)
{
    PluginFolderToPack folderToPack;
    folderToPack.source = QFileInfo(folder).absoluteFilePath();
    if (!QFileInfo(folderToPack.source).isDir())
        return Error{ErrorCode::NotFound, Tr::tr("%1: no such folder").arg(folderToPack.source)};
    folderToPack.config = folderToPack.source + QStringLiteral("/config.json");
    if (!QFileInfo(folderToPack.config).isFile())
        return Error{
            ErrorCode::NotFound,
            Tr::tr("%1: no such file (a plugin folder holds config.json and rootfs/)").arg(folderToPack.config)};
    folderToPack.rootfs = folderToPack.source + QStringLiteral("/rootfs");
    if (!QFileInfo(folderToPack.rootfs).isDir())
        return Error{
            ErrorCode::NotFound,
            Tr::tr("%1: no such folder (a plugin folder holds config.json and rootfs/)").arg(folderToPack.rootfs)};
    folderToPack.packed =
        std::make_shared<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/plugdesk-create-XXXXXX.tar.gz"));
    if (!folderToPack.packed->open())
        return Error{ErrorCode::Io,
                     Tr::tr("cannot pack %1: cannot create a temp file in %2: %3")
                         .arg(folderToPack.source, QDir::tempPath(), folderToPack.packed->errorString())};
    folderToPack.packed->close();
    return folderToPack;
}

QByteArray pluginManifest(const QString &configDigest, qint64 configSize, const QStringList &layerDigests,
                          const QList<qint64> &layerSizes)
{
    QJsonArray layers;
    for (qsizetype i = 0; i < layerDigests.size(); ++i)
        layers.append(QJsonObject{
            {QStringLiteral("mediaType"), QStringLiteral("application/vnd.docker.image.rootfs.diff.tar.gzip")},
            {QStringLiteral("size"), layerSizes.value(i)},
            {QStringLiteral("digest"), layerDigests.at(i)}});
    const QJsonObject manifest{
        {QStringLiteral("schemaVersion"), 2},
        {QStringLiteral("mediaType"), QStringLiteral("application/vnd.docker.distribution.manifest.v2+json")},
        {QStringLiteral("config"),
         QJsonObject{{QStringLiteral("mediaType"), QStringLiteral("application/vnd.docker.plugin.v1+json")},
                     {QStringLiteral("size"), configSize},
                     {QStringLiteral("digest"), configDigest}}},
        {QStringLiteral("layers"), layers}};
    return QJsonDocument(manifest).toJson(QJsonDocument::Compact);
}

Result<Plugin> createPlugin(const Store &store, const QString &name, const QString &folder, Job *job)
{
    // What `docker plugin create` checks before it sends anything.
    auto reference = Reference::parse(name);
    if (!reference)
        return reference.error();
    if (reference->hasDigest())
        return Error{ErrorCode::InvalidArgument,
                     Tr::tr("invalid name: %1: a plugin name cannot carry a digest").arg(name)};
    const Reference tagged = reference->withDefaultTag();
    const QFileInfo folderInfo(folder);
    if (!folderInfo.exists())
        return Error{ErrorCode::NotFound, Tr::tr("%1: no such folder").arg(folder)};
    if (!folderInfo.isDir())
        return Error{ErrorCode::InvalidArgument, Tr::tr("%1: context must be a directory").arg(folder)};
    const QString configPath = folderInfo.absoluteFilePath() + QStringLiteral("/config.json");
    QFile configFile(configPath);
    if (!configFile.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound, Tr::tr("%1: cannot read: %2 (a plugin folder holds config.json and rootfs/)")
                                              .arg(configPath, configFile.errorString())};
    auto config = PluginConfig::fromJson(configFile.readAll());
    if (!config)
        return config.error().prefixed(configPath);
    if (config->version != PluginConfig::Version::V1)
        return Error{
            ErrorCode::Unsupported,
            Tr::tr("%1: a v0 manifest cannot be pushed to a registry; write a v1 config.json").arg(configPath)};
    if (auto valid = config->validate(); !valid)
        return valid.error().prefixed(configPath);
    // A plugin that could never be enabled is never made, nor pushed for others to install.
    if (auto refused = Privileges::refuseKernelMounts(config->mounts, name); !refused)
        return refused.error().prefixed(configPath);
    const QString rootfs = folderInfo.absoluteFilePath() + QStringLiteral("/rootfs");
    if (!QFileInfo(rootfs).isDir())
        return Error{ErrorCode::NotFound,
                     Tr::tr("%1: no such folder (a plugin folder holds config.json and rootfs/)").arg(rootfs)};

    auto lock = StoreLock::acquire(store.root(), Tr::tr("create plugin %1").arg(tagged.localName()));
    if (!lock)
        return lock.error();
    auto inventory = store.load();
    if (!inventory)
        return inventory.error();
    for (const Plugin &existing : inventory->plugins) {
        if (existing.name() == tagged.localName())
            return Error{ErrorCode::Conflict, Tr::tr("plugin \"%1\" already exists").arg(tagged.localName())};
    }
    if (auto free = SocketPublisher::checkNameFree(inventory->plugins, tagged.familiarName(), tagged.tag()); !free)
        return free.error();

    if (!QDir().mkpath(store.tmpDir()))
        return Error{ErrorCode::Io, Tr::tr("cannot create %1").arg(store.tmpDir())};
    QTemporaryDir staging(store.tmpDir() + QStringLiteral("/create-XXXXXX"));
    if (!staging.isValid())
        return Error{ErrorCode::Io,
                     Tr::tr("cannot create a staging folder in %1: %2").arg(store.tmpDir(), staging.errorString())};
    const BlobStore blobs(store.blobsDir());
    QStringList newBlobs;
    auto removeNewBlobs = qScopeGuard([&] {
        for (const QString &digest : std::as_const(newBlobs))
            QFile::remove(blobs.pathFor(digest));
    });
    auto cancelled = [job] { return job && job->isCancelRequested(); };

    if (job)
        job->reportProgress({Tr::tr("Compressing"), QString(), 0, 0, Tr::tr("packing %1").arg(rootfs)});
    const QString layerFile = staging.filePath(QStringLiteral("layer.tar.gz"));
    auto layer = LayerWriter::write(rootfs, layerFile, cancelled);
    if (!layer)
        return layer.error();
    crashPoint("create.layer-packed");
    if (!blobs.contains(layer->digest))
        newBlobs.append(layer->digest);
    if (auto adopted = blobs.adopt(layerFile, layer->digest); !adopted)
        return adopted.error();
    crashPoint("create.layer-stored");

    if (job)
        job->reportProgress({Tr::tr("Extracting"), layer->digest.mid(7, 12), 0, layer->size, QString()});
    const QString stagedRootfs = staging.filePath(QStringLiteral("rootfs"));
    QDir().mkpath(stagedRootfs);
    // The rootfs limit holds here too: a sparse file of a terabyte packs to a few kilobytes of gzip.
    auto limits = StoreLimits::fromEnvironment();
    if (!limits)
        return limits.error();
    const UnpackBudget budget(*limits, store.root());
    const Descriptor descriptor{Manifest::LayerGzip, layer->digest, layer->size, {}, {}, {}};
    QFile packed(blobs.pathFor(layer->digest));
    if (!packed.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, Tr::tr("cannot read %1: %2").arg(packed.fileName(), packed.errorString())};
    LayerExtractor extractor(stagedRootfs, budget.optionsFor(descriptor));
    if (auto applied = extractor.apply(&packed); !applied) {
        if (auto limit = budget.limitError(descriptor, extractor, applied.error()))
            return limit->prefixed(Tr::tr("cannot create plugin %1 from %2").arg(tagged.localName(), folder));
        return applied.error();
    }
    if (cancelled())
        return Error{ErrorCode::Cancelled, Tr::tr("cancelled")};
    crashPoint("create.extracted");

    PluginConfig finalConfig = *config;
    finalConfig.rootfsType = QStringLiteral("layers");
    finalConfig.rootfsDiffIds = {layer->diffId};
    const QByteArray configBlob = QJsonDocument(finalConfig.toJson()).toJson(QJsonDocument::Compact);
    const bool configKnown = blobs.contains(sha256Digest(configBlob));
    auto configDigest = blobs.put(configBlob);
    if (!configDigest)
        return configDigest.error();
    if (!configKnown)
        newBlobs.append(*configDigest);
    const QByteArray manifest = pluginManifest(*configDigest, configBlob.size(), {layer->digest}, {layer->size});
    const bool manifestKnown = blobs.contains(sha256Digest(manifest));
    auto manifestDigest = blobs.put(manifest);
    if (!manifestDigest)
        return manifestDigest.error();
    if (!manifestKnown)
        newBlobs.append(*manifestDigest);
    crashPoint("create.blobs-stored");
    // The rootfs's files are about to be named by the inventory: they must be on disk before it is.
    if (auto synced = AtomicFile::syncFileSystem(store.root()); !synced)
        return synced.error();

    Plugin plugin;
    plugin.id = Store::newId();
    plugin.repository = tagged.familiarName();
    plugin.tag = tagged.tag();
    plugin.enabled = false;
    plugin.pluginReference = tagged.familiarString();
    plugin.config = finalConfig;
    plugin.settings = Settings::initial(finalConfig);
    plugin.configDigest = *configDigest;
    plugin.manifestDigest = *manifestDigest;
    plugin.blobsums = {layer->digest};

    const QString pluginDir = store.pluginDir(plugin.id);
    if (!QDir().mkpath(pluginDir))
        return Error{ErrorCode::Io, Tr::tr("cannot create %1").arg(pluginDir)};
    auto removePluginDir = qScopeGuard([&] { (void)removeTree(pluginDir); });
    if (::rename(QFile::encodeName(stagedRootfs).constData(),
                 QFile::encodeName(store.rootfsDir(plugin.id)).constData()) != 0)
        return Error{ErrorCode::Io, Tr::tr("cannot move the rootfs into %1").arg(pluginDir)};
    crashPoint("create.rootfs-moved");
    QList<Plugin> plugins = inventory->plugins;
    plugins.append(plugin);
    if (auto saved = store.save(plugins); !saved)
        return saved.error();
    removePluginDir.dismiss();
    removeNewBlobs.dismiss();
    return plugin;
}

Result<Plugin> createPluginFromContext(const Store &store, const QString &name, int fd, const QString &folder, Job *job)
{
    QFile context;
    if (!context.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return Error{ErrorCode::Io, Tr::tr("cannot read the packed folder %1: %2").arg(folder, context.errorString())};
    }
    auto reference = Reference::parse(name);
    if (!reference)
        return reference.error();
    // A store that had no tmp/ gets none left behind: a refused create leaves it byte for byte.
    const bool madeTmp = !QFileInfo::exists(store.tmpDir());
    if (!QDir().mkpath(store.tmpDir()))
        return Error{ErrorCode::Io, Tr::tr("cannot create %1").arg(store.tmpDir())};
    auto dropTmp = qScopeGuard([&] {
        if (madeTmp)
            QDir().rmdir(store.tmpDir());
    });
    QTemporaryDir staging(store.tmpDir() + QStringLiteral("/context-XXXXXX"));
    if (!staging.isValid())
        return Error{ErrorCode::Io,
                     Tr::tr("cannot create a staging folder in %1: %2").arg(store.tmpDir(), staging.errorString())};
    // Messages name the caller's folder, not the staging folder it was unpacked into.
    auto named = [&staging, &folder](Error error) {
        error.message.replace(staging.path(), folder);
        return error;
    };
    if (job)
        job->reportProgress({Tr::tr("Receiving"), QString(), 0, 0, Tr::tr("unpacking %1").arg(folder)});
    // The caller's stream is capped like a layer: a few kilobytes of gzip may say terabytes of zeros.
    auto limits = StoreLimits::fromEnvironment();
    if (!limits)
        return limits.error();
    const UnpackBudget budget(*limits, store.root());
    const QString what = Tr::tr("the plugin folder %1").arg(folder);
    LayerExtractor extractor(staging.path(), budget.optionsFor(what));
    if (auto applied = extractor.apply(&context); !applied) {
        if (auto limit = budget.limitError(what, extractor, applied.error()))
            return named(limit->prefixed(Tr::tr("cannot create plugin %1").arg(name)));
        return named(applied.error().prefixed(Tr::tr("cannot unpack the plugin folder %1").arg(folder)));
    }
    context.close();
    if (job && job->isCancelRequested())
        return Error{ErrorCode::Cancelled, Tr::tr("cancelled")};

    // What the caller packed decides nothing outside the staging: config.json must be a file and rootfs a folder
    // of their own, not links that createPlugin would follow.
    struct stat status
    {};
    const QByteArray config = QFile::encodeName(staging.filePath(QStringLiteral("config.json")));
    if (::lstat(config.constData(), &status) != 0 || !S_ISREG(status.st_mode))
        return Error{ErrorCode::NotFound, Tr::tr("%1/config.json: not a file (a plugin folder holds config.json and "
                                                 "rootfs/)")
                                              .arg(folder)};
    const QByteArray rootfs = QFile::encodeName(staging.filePath(QStringLiteral("rootfs")));
    if (::lstat(rootfs.constData(), &status) != 0 || !S_ISDIR(status.st_mode))
        return Error{ErrorCode::NotFound,
                     Tr::tr("%1/rootfs: no such folder (a plugin folder holds config.json and rootfs/)").arg(folder)};
    auto plugin = createPlugin(store, name, staging.path(), job);
    if (!plugin)
        return named(plugin.error());
    return plugin;
}

} // namespace core
