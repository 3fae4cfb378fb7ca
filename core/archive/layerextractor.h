#pragma once

#include "core/base/result.h"
#include "core/base/units.h"

#include <QCoreApplication>
#include <QString>
#include <functional>
#include <memory>

class QIODevice;

namespace core {

// Applies one image layer (a tar stream, gzip/zstd/xz/bzip2 compressed or not) onto a rootfs directory with
// Docker's layer semantics: whiteouts, opaque directories, hard and symbolic links, device nodes, FIFOs,
// numeric ownership, modes, mtimes and extended attributes; a later entry replaces an earlier one of another type.
//
// Path safety: every entry is created with *at() calls on a parent directory that was reached from the rootfs
// one component at a time with O_NOFOLLOW. Symbolic links met on the way are resolved the way a chroot would
// (absolute targets start again at the rootfs), and a resolution that would climb above the rootfs refuses the
// entry with ErrorCode::UnsafeArchive. Nothing is ever written outside the rootfs.
//
// Two ways in, both one pass with no temporary copy of the compressed blob:
//  - push: feed() bytes as they arrive (e.g. from a network reply, after hashing them), then finish().
//  - pull: apply(device) reads a blocking QIODevice (QFile, QProcess, a socket) to its end on the calling thread.
// Either way the work is split over two threads: the calling thread undoes the compression (LayerDecoder: gzip with
// ISA-L or zlib, zstd) into a bounded pool of blocks, and a worker thread reads them as tar (libarchive) and writes
// the entries; feed() blocks while the pool is full, so memory stays flat for any layer size.
// One extractor applies one layer, once. Owns the worker thread and the libarchive reader; does not own the rootfs (the
// caller stages and renames it), does not hash, and does not know about registries or the store.
class LayerExtractor final
{
    Q_DECLARE_TR_FUNCTIONS(LayerExtractor)

public:
    struct Progress
    {
        qint64 tarBytes = 0;      // uncompressed tar bytes consumed so far
        qint64 entries = 0;       // tar entries applied so far (whiteouts included)
        qint64 unpackedBytes = 0; // what the entries so far count against Options::maxUnpackedBytes
    };

    struct Options
    {
        // lchown entries to the uid/gid in the tar. Only takes effect when running as root; skipped quietly otherwise.
        bool applyOwnership = true;
        // Set extended attributes (security.capability, user.*, ...). Unsupported by the file system is ignored.
        bool applyXattrs = true;
        // Upper bound of decompressed bytes feed() holds before it blocks until the extractor catches up (at least
        // two blocks of 4 KiB).
        qsizetype bufferSize = 4 * MiB;
        // Start writing each regular file to disk once its data is written (sync_file_range, which does not wait),
        // so that a syncfs at the commit finds little left to do.
        bool startWriteback = false;
        // Called after each entry and once at the end; from the worker thread when the push API is used.
        std::function<void(const Progress &)> progress;
        // The most this layer may unpack, in bytes, or -1 for no limit. Each entry counts EntryBytes plus the size
        // its header declares for a regular file (a sparse file counts whole), before anything of it is written; an
        // entry that would pass the limit fails the layer with ErrorCode::UnsafeArchive and limitReached() is true.
        qint64 maxUnpackedBytes = -1;
        // Called on the extracting thread after about every `checkpointBytes` written (file data, and EntryBytes for
        // each entry); an error stops the layer with that error. The store checks its free space here.
        std::function<Status(qint64 unpackedBytes)> checkpoint;
        qint64 checkpointBytes = MiB;
    };

    // Longest entry or link name accepted, in bytes (PATH_MAX).
    static constexpr qsizetype MaxNameLength = 4096;
    // What every entry counts against Options::maxUnpackedBytes besides its data: its tar header, an inode.
    static constexpr qint64 EntryBytes = 512;

    explicit LayerExtractor(const QString &rootfs);
    LayerExtractor(const QString &rootfs, Options options);
    ~LayerExtractor(); // cancels and joins a push extraction that was not finished
    Q_DISABLE_COPY_MOVE(LayerExtractor)

    // Push API. feed() returns the extraction's error as soon as it is known, so the producer can stop early;
    // bytes fed after the end of the tar are accepted and ignored. finish() marks the end of input and returns
    // the result of the whole layer. Neither may be called after apply().
    Status feed(const char *data, qsizetype size);
    Status feed(const QByteArray &data) { return feed(data.constData(), data.size()); }
    Status finish();

    // Pull API: reads `device` (already open) until its end and applies the layer.
    Status apply(QIODevice *device);

    // Stops a running extraction from another thread; it then ends with ErrorCode::Cancelled.
    void cancel();

    Progress progress() const;
    // Whether the layer failed because it would unpack to more than Options::maxUnpackedBytes.
    bool limitReached() const;

    // Applies the layer file at `layerPath` onto `rootfs`.
    static Status applyFile(const QString &layerPath, const QString &rootfs);
    static Status applyFile(const QString &layerPath, const QString &rootfs, Options options);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace core
