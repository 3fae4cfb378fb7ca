#include "core/engine/exportplugin.h"

#include "core/archive/bundleheader.h"
#include "core/archive/bundlewriter.h"
#include "core/base/digest.h"
#include "core/base/pendingfile.h"
#include "core/engine/pluginartifact.h"
#include "core/plugin/reference.h"
#include "core/store/blobstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <linux/magic.h>
#include <sys/stat.h>
#include <sys/vfs.h>

namespace core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ExportPlugin)
};

constexpr int kProgressIntervalMs = 100;

// Not in <linux/magic.h>: the kernel defines them in the file systems' own sources.
constexpr __fsword_t kConfigFsMagic = 0x62656570;
constexpr __fsword_t kFuseCtlMagic = 0x65735543;

// Kernel file systems whose files are interfaces, not storage: what root writes there is an act on the system
// (written with the helper's rights, not the caller's), so a bundle never goes there, whoever opened the file.
const char *pseudoFileSystem(__fsword_t type)
{
    switch (type) {
    case PROC_SUPER_MAGIC:
        return "proc";
    case SYSFS_MAGIC:
        return "sysfs";
    case DEBUGFS_MAGIC:
        return "debugfs";
    case TRACEFS_MAGIC:
        return "tracefs";
    case SECURITYFS_MAGIC:
        return "securityfs";
    case CGROUP_SUPER_MAGIC:
        return "cgroup";
    case CGROUP2_SUPER_MAGIC:
        return "cgroup2";
    case BPF_FS_MAGIC:
        return "bpf";
    case kConfigFsMagic:
        return "configfs";
    case EFIVARFS_MAGIC:
        return "efivarfs";
    case PSTOREFS_MAGIC:
        return "pstore";
    case SELINUX_MAGIC:
        return "selinuxfs";
    case SMACK_MAGIC:
        return "smackfs";
    case BINFMTFS_MAGIC:
        return "binfmt_misc";
    case kFuseCtlMagic:
        return "fusectl";
    case DEVPTS_SUPER_MAGIC:
        return "devpts";
    case HUGETLBFS_MAGIC:
        return "hugetlbfs";
    case NSFS_MAGIC:
        return "nsfs";
    default:
        return nullptr;
    }
}

// The file an open descriptor writes to, by the kernel's name for it.
QString descriptorPath(int fd)
{
    const QString path = QFile::symLinkTarget(QStringLiteral("/proc/self/fd/%1").arg(fd));
    return path.isEmpty() ? Tr::tr("file descriptor %1").arg(fd) : path;
}

} // namespace

Status checkExportTarget(int fd, const QString &target)
{
    struct statfs fileSystem
    {};
    struct stat status
    {};
    if (::fstatfs(fd, &fileSystem) != 0 || ::fstat(fd, &status) != 0)
        return Error{ErrorCode::Io,
                     Tr::tr("cannot tell what %1 is: %2").arg(target, QString::fromLocal8Bit(std::strerror(errno)))};
    // The kernel's name for the file, when it is not the one the caller gave.
    const QString path = descriptorPath(fd);
    const QString file = path == target ? target : Tr::tr("%1 (%2)").arg(target, path);
    if (const char *name = pseudoFileSystem(fileSystem.f_type))
        return Error{
            ErrorCode::PermissionDenied,
            Tr::tr("%1 is on a %2 file system, which holds kernel settings, not files: choose a file on a disk")
                .arg(file, QLatin1String(name))};
    if (!S_ISREG(status.st_mode))
        return Error{ErrorCode::PermissionDenied,
                     Tr::tr("%1 is not a regular file: choose a file on a disk").arg(file)};
    return {};
}

Result<QVariantMap> exportPlugin(const Store &store, const QString &nameOrId, QIODevice *device, const QString &target,
                                 Job *job)
{
    auto inventory = store.load();
    if (!inventory)
        return inventory.error();
    auto plugin = Store::find(inventory->plugins, nameOrId);
    if (!plugin)
        return plugin.error();
    const QString context = Tr::tr("cannot export plugin %1 to %2").arg(plugin->name(), target);
    if (auto *file = qobject_cast<QFileDevice *>(device); file && file->handle() >= 0) {
        if (Status usable = checkExportTarget(file->handle(), target); !usable)
            return usable.error().prefixed(context);
    }
    auto artifact = PluginArtifact::of(store, *plugin, PluginArtifact::Purpose::Export);
    if (!artifact)
        return artifact.error();

    BundleHeader header;
    header.name = plugin->name();
    header.tag = plugin->tag;
    header.pluginReference = plugin->pluginReference;
    header.manifestDigest = artifact->manifestDigest();

    QList<PluginArtifact::Blob> blobs = artifact->layers;
    blobs.prepend(artifact->config);
    if (job) {
        job->reportProgress(
            {QString(), QString(), 0, 0, Tr::tr("Exporting plugin %1 to %2").arg(plugin->name(), target)});
        for (const PluginArtifact::Blob &blob : std::as_const(blobs))
            job->reportProgress({Tr::tr("Preparing"), shortDigest(blob.digest), 0, blob.size, QString()});
    }

    BundleWriter writer(device);
    if (auto opened = writer.open(); !opened)
        return opened.error().prefixed(context);
    if (auto added = writer.addBytes(BundleHeader::headerEntry(), header.toJson()); !added)
        return added.error().prefixed(context);
    if (auto added = writer.addBytes(BundleHeader::manifestEntry(), artifact->manifest); !added)
        return added.error().prefixed(context);
    const BlobStore blobStore(store.blobsDir());
    auto cancelled = [job] { return job && job->isCancelRequested(); };
    for (const PluginArtifact::Blob &blob : std::as_const(blobs)) {
        const QString item = shortDigest(blob.digest);
        QFile source(blobStore.pathFor(blob.digest));
        if (!source.open(QIODevice::ReadOnly))
            return Error{
                ErrorCode::NotFound,
                Tr::tr("%1: blob %2 is not readable in the store: %3").arg(context, blob.digest, source.errorString())};
        if (job)
            job->reportProgress({Tr::tr("Exporting"), item, 0, blob.size, QString()});
        QElapsedTimer timer;
        timer.start();
        auto progress = [&](qint64 done) {
            if (job && timer.elapsed() >= kProgressIntervalMs && done < blob.size) {
                timer.restart();
                job->reportProgress({Tr::tr("Exporting"), item, done, blob.size, QString()});
            }
        };
        if (auto added = writer.addBlob(blob.digest, blob.size, &source, progress, cancelled); !added)
            return added.error().code == ErrorCode::Cancelled ? added.error() : added.error().prefixed(context);
        if (job)
            job->reportProgress({Tr::tr("Exported"), item, blob.size, blob.size, QString()});
    }
    if (auto closed = writer.close(); !closed)
        return closed.error().prefixed(context);
    if (auto *file = qobject_cast<QFileDevice *>(device); file && !file->flush())
        return Error{ErrorCode::Io, Tr::tr("%1: %2").arg(context, file->errorString())};
    return QVariantMap{{QStringLiteral("name"), plugin->name()},
                       {QStringLiteral("file"), target},
                       {QStringLiteral("digest"), header.manifestDigest},
                       {QStringLiteral("size"), device->size()}};
}

Result<QVariantMap> exportPluginToFile(const Store &store, const QString &nameOrId, const QString &file, Job *job)
{
    // Found first, so that a missing plugin is told as such and no temp file is made for it.
    auto inventory = store.load();
    if (!inventory)
        return inventory.error();
    auto plugin = Store::find(inventory->plugins, nameOrId);
    if (!plugin)
        return plugin.error();
    auto pending = PendingFile::create(file);
    if (!pending)
        return pending.error().prefixed(Tr::tr("cannot export plugin %1").arg(plugin->name()));
    QFile device;
    if (!device.open((*pending)->handle(), QIODevice::WriteOnly, QFileDevice::DontCloseHandle))
        return Error{
            ErrorCode::Io,
            Tr::tr("cannot export plugin %1: cannot write %2: %3").arg(plugin->name(), file, device.errorString())};
    auto exported = exportPlugin(store, plugin->id, &device, (*pending)->path(), job);
    if (!exported)
        return exported.error();
    if (!device.flush())
        return Error{
            ErrorCode::Io,
            Tr::tr("cannot export plugin %1: cannot write %2: %3").arg(plugin->name(), file, device.errorString())};
    device.close();
    if (auto committed = (*pending)->commit(); !committed)
        return committed.error().prefixed(Tr::tr("cannot export plugin %1").arg(plugin->name()));
    return exported;
}

} // namespace core
