// Over 600 lines on purpose: one pimpl whose *at() path resolution, whiteouts and entry kinds share private state.

#include "core/archive/layerextractor.h"

#include "core/archive/layerdecoder.h"
#include "core/archive/rootfsdir.h"
#include "core/base/atomicfile.h"
#include "core/base/calllocale.h"
#include "core/base/units.h"

#include <QFile>
#include <QIODevice>
#include <QSet>
#include <algorithm>
#include <archive.h>
#include <archive_entry.h>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <fcntl.h>
#include <mutex>
#include <optional>
#include <pthread.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace core {

namespace {

const QByteArray WhiteoutPrefix = QByteArrayLiteral(".wh.");
const QByteArray WhiteoutMetaPrefix = QByteArrayLiteral(".wh..wh.");
const QByteArray WhiteoutOpaqueDir = QByteArrayLiteral(".wh..wh..opq");

// Shown in messages: names are bytes, usually UTF-8; very long ones are cut.
QString displayName(const QByteArray &name)
{
    constexpr qsizetype Shown = 200;
    if (name.size() <= Shown)
        return QString::fromUtf8(name);
    return QString::fromUtf8(name.left(Shown)) + QStringLiteral("…");
}

bool ignorableXattrError(int error)
{
    // Like Docker: file systems without xattrs, and namespaces we may not write (trusted.* unprivileged,
    // user.* on a symlink or device) are skipped.
    return error == ENOTSUP || error == EOPNOTSUPP || error == EPERM;
}

} // namespace

class LayerExtractor::Private
{
public:
    Private(const QString &rootfs, Options options)
        : rootfsPath(rootfs)
        , options(std::move(options))
    {}

    Status run(archive_read_callback *reader, void *client);
    Status applyEntry(archive *a, archive_entry *entry);
    Status applyWhiteout(const QByteArrayList &components, const QByteArray &raw);
    Status applyRoot(archive_entry *entry, const QByteArray &raw);
    Status writeData(archive *a, int fd, archive_entry *entry, const QByteArray &raw);
    Status applyMetadata(archive_entry *entry, int fd, int parentFd, const QByteArray &name, mode_t type,
                         const QByteArray &raw);
    Status makeOpaque(int dirFd, const QByteArray &dirPath, const QByteArray &raw);
    Status applyDirectoryTimes();
    Error archiveError(archive *a) const;
    Error walkError(const RootfsDir::Failure &failure, const QByteArray &raw, const QByteArray &linkTarget = {}) const;
    Error ioError(const QByteArray &raw, int error) const;
    void markUnpacked(const QByteArray &path);
    Status charge(archive_entry *entry);
    Status wrote(qint64 bytes);
    void reportProgress(archive *a);

    // The producer's side of the push model (feed(), finish(), apply()).
    void startWorker();
    Status feedBytes(const char *data, qsizetype size);
    Status decodeInput(const char *input, qsizetype size);
    bool takeBlock(Status *stop);
    void failInput(const Error &error);
    Status finishInput();
    Status result() const;

    static la_ssize_t readBlocks(archive *a, void *client, const void **buffer);

    QString rootfsPath;
    Options options;
    RootfsDir root;
    bool isRoot = ::geteuid() == 0;

    std::atomic<qint64> tarBytes = 0;
    std::atomic<qint64> entries = 0;
    std::atomic<qint64> unpackedBytes = 0;
    std::atomic<bool> limitReached = false;
    std::atomic<bool> cancelled = false;
    qint64 sinceCheckpoint = 0;

    // Paths this layer created (and their parents): an opaque directory keeps them.
    QSet<QByteArray> unpacked;
    // Directory mtimes are set last, so that creating their children does not move them again.
    struct DirectoryTimes
    {
        QByteArray path;
        timespec times[2];
    };
    std::vector<DirectoryTimes> directoryTimes;

    // Push model: feed() undoes the compression on the caller's thread (LayerDecoder) into blocks of a bounded pool;
    // the worker thread reads them as plain tar and writes the entries. Inflating and writing use a core each.
    struct Block
    {
        std::unique_ptr<char[]> data;
        qsizetype size = 0;
    };
    std::mutex mutex;
    std::condition_variable changed;
    qsizetype blockSize = 0;
    int maxBlocks = 0;
    int blocksMade = 0;
    std::vector<std::unique_ptr<char[]>> freeBlocks;
    std::deque<Block> ready; // decoded, for the worker in order
    Block reading;           // the block libarchive is reading; must outlive the next callback
    bool endOfInput = false;
    bool inputFailed = false;
    bool workerDone = false;
    Status workerStatus;
    std::thread worker;
    bool started = false;
    bool finished = false;
    // Only the producer's thread touches these.
    Block filling;
    QByteArray head; // the first bytes, until there are enough to tell the compression
    std::unique_ptr<LayerDecoder> decoder;
    std::optional<Error> inputError;

    // Pull model: apply() reads the device and feeds.
    QIODevice *device = nullptr;
};

la_ssize_t LayerExtractor::Private::readBlocks(archive *a, void *client, const void **buffer)
{
    auto *self = static_cast<Private *>(client);
    std::unique_lock lock(self->mutex);
    if (self->reading.data) {
        self->freeBlocks.push_back(std::move(self->reading.data));
        self->reading = {};
        self->changed.notify_all();
    }
    self->changed.wait(
        lock, [self] { return !self->ready.empty() || self->endOfInput || self->inputFailed || self->cancelled; });
    if (self->cancelled) {
        archive_set_error(a, ECANCELED, "cancelled");
        return -1;
    }
    if (self->inputFailed) {
        archive_set_error(a, EIO, "the layer's compressed data is not valid");
        return -1;
    }
    if (self->ready.empty())
        return 0;
    self->reading = std::move(self->ready.front());
    self->ready.pop_front();
    *buffer = self->reading.data.get();
    return self->reading.size;
}

void LayerExtractor::Private::startWorker()
{
    started = true;
    blockSize = std::clamp<qsizetype>(options.bufferSize / 4, 4 * KiB, 256 * KiB);
    maxBlocks = int(std::max<qsizetype>(2, options.bufferSize / blockSize));
    worker = std::thread([this, locale = CallLocale::capture()] {
        CallLocale::Scope language(locale);                  // its errors in the language of the call (helper)
        ::pthread_setname_np(::pthread_self(), "layer-tar"); // for top and perf
        Status status = run(&Private::readBlocks, this);
        std::lock_guard lock(mutex);
        workerStatus = status;
        workerDone = true;
        ready.clear();
        reading = {};
        changed.notify_all();
    });
}

// Waits for a block to fill. False when the producer is to stop: then `stop` is what to return (an error, or success
// after the end of the tar, whose later bytes are ignored).
bool LayerExtractor::Private::takeBlock(Status *stop)
{
    std::unique_lock lock(mutex);
    changed.wait(lock, [this] { return !freeBlocks.empty() || blocksMade < maxBlocks || workerDone || cancelled; });
    if (workerDone) {
        *stop = workerStatus;
        return false;
    }
    if (cancelled) {
        *stop = Error{ErrorCode::Cancelled, tr("extracting the layer was cancelled")};
        return false;
    }
    if (!freeBlocks.empty()) {
        filling.data = std::move(freeBlocks.back());
        freeBlocks.pop_back();
    } else {
        filling.data = std::make_unique_for_overwrite<char[]>(size_t(blockSize));
        ++blocksMade;
    }
    filling.size = 0;
    return true;
}

void LayerExtractor::Private::failInput(const Error &error)
{
    inputError = error;
    std::lock_guard lock(mutex);
    inputFailed = true;
    changed.notify_all();
}

Status LayerExtractor::Private::decodeInput(const char *input, qsizetype size)
{
    for (;;) {
        if (!filling.data) {
            Status stop;
            if (!takeBlock(&stop))
                return stop;
        }
        char *out = filling.data.get() + filling.size;
        qsizetype room = blockSize - filling.size;
        const qsizetype roomBefore = room;
        if (Status decoded = decoder->decode(input, size, out, room); !decoded) {
            failInput(decoded.error());
            return decoded;
        }
        filling.size += roomBefore - room;
        if (room > 0) {
            if (size == 0)
                return {};
            Error stalled{ErrorCode::Internal, tr("the layer's decompressor stopped with input left")};
            failInput(stalled);
            return stalled;
        }
        std::lock_guard lock(mutex);
        ready.push_back(std::move(filling));
        filling = {};
        changed.notify_all();
    }
}

Status LayerExtractor::Private::feedBytes(const char *data, qsizetype size)
{
    if (!started)
        startWorker();
    if (inputError)
        return *inputError;
    {
        std::lock_guard lock(mutex);
        if (workerDone)
            return workerStatus; // an error stops the producer; after a good end, extra bytes are ignored
        if (cancelled)
            return Error{ErrorCode::Cancelled, tr("extracting the layer was cancelled")};
    }
    if (size <= 0)
        return {};
    if (!decoder) {
        if (head.isEmpty() && size >= LayerDecoder::MagicBytes) {
            decoder = std::make_unique<LayerDecoder>(LayerDecoder::kindOf(QByteArrayView(data, size)));
            return decodeInput(data, size);
        }
        const qsizetype taken = std::min(size, LayerDecoder::MagicBytes - head.size());
        head.append(data, taken);
        data += taken;
        size -= taken;
        if (head.size() < LayerDecoder::MagicBytes)
            return {};
        decoder = std::make_unique<LayerDecoder>(LayerDecoder::kindOf(head));
        const QByteArray first = std::exchange(head, QByteArray());
        if (Status s = decodeInput(first.constData(), first.size()); !s || size == 0)
            return s;
    }
    return decodeInput(data, size);
}

// The end of the input: what the decoder still holds, then the end for the worker, whose result it waits for.
Status LayerExtractor::Private::finishInput()
{
    if (!started)
        startWorker();
    if (!finished) {
        if (!inputError) {
            Status flushed;
            if (!decoder && !head.isEmpty()) {
                decoder = std::make_unique<LayerDecoder>(LayerDecoder::kindOf(head));
                const QByteArray first = std::exchange(head, QByteArray());
                flushed = decodeInput(first.constData(), first.size());
            } else if (decoder) {
                flushed = decodeInput(nullptr, 0);
            }
            if (flushed && decoder && !inputError) {
                if (Status ended = decoder->finish(); !ended)
                    failInput(ended.error());
            }
        }
        {
            std::lock_guard lock(mutex);
            if (filling.size > 0 && !inputFailed)
                ready.push_back(std::move(filling));
            filling = {};
            endOfInput = true;
            changed.notify_all();
        }
        worker.join();
        finished = true;
    }
    return result();
}

// The layer's result. A tar that was whole is applied, whatever came after it (as libarchive reading the compressed
// stream itself did). Otherwise the worker's error, unless the input failed: an entry refused before the input broke
// keeps its own error (a limit, an unsafe path), but the worker's complaint about input that stopped is the input's.
Status LayerExtractor::Private::result() const
{
    if (workerStatus || !inputError || workerStatus.error().code != ErrorCode::Corrupt)
        return workerStatus;
    return *inputError;
}

Error LayerExtractor::Private::archiveError(archive *a) const
{
    if (cancelled)
        return {ErrorCode::Cancelled, tr("extracting the layer was cancelled")};
    const char *text = archive_error_string(a);
    return {ErrorCode::Corrupt,
            tr("layer is not a valid tar archive: %1").arg(text ? QString::fromLocal8Bit(text) : tr("unknown error"))};
}

Error LayerExtractor::Private::walkError(const RootfsDir::Failure &failure, const QByteArray &raw,
                                         const QByteArray &linkTarget) const
{
    const QString entry = displayName(raw);
    const QString link = displayName(failure.link);
    switch (failure.kind) {
    case RootfsDir::Failure::Escape:
        if (!linkTarget.isNull())
            return {ErrorCode::UnsafeArchive,
                    tr("layer entry \"%1\" is a hard link to \"%2\", which would be outside the rootfs: the symbolic "
                       "link \"%3\" leads out")
                        .arg(entry, displayName(linkTarget), link)};
        return {ErrorCode::UnsafeArchive,
                tr("layer entry \"%1\" would land outside the rootfs: the symbolic link \"%2\" leads out")
                    .arg(entry, link)};
    case RootfsDir::Failure::Loop:
        return {
            ErrorCode::UnsafeArchive,
            tr("layer entry \"%1\" cannot be placed: too many levels of symbolic links at \"%2\"").arg(entry, link)};
    case RootfsDir::Failure::System:
        break;
    }
    if (!linkTarget.isNull())
        return {ErrorCode::Io, tr("cannot create layer entry \"%1\" as a hard link to \"%2\": %3")
                                   .arg(entry, displayName(linkTarget), errnoText(failure.error))};
    return ioError(raw, failure.error);
}

Error LayerExtractor::Private::ioError(const QByteArray &raw, int error) const
{
    if (error == ENOSPC || error == EDQUOT)
        return {ErrorCode::Io, writeErrorText(rootfsPath + QLatin1Char('/') + displayName(raw), error)};
    return {ErrorCode::Io,
            tr("cannot create layer entry \"%1\" in %2: %3").arg(displayName(raw), rootfsPath, errnoText(error))};
}

void LayerExtractor::Private::markUnpacked(const QByteArray &path)
{
    QByteArray p = path;
    while (!p.isEmpty() && !unpacked.contains(p)) {
        unpacked.insert(p);
        const qsizetype slash = p.lastIndexOf('/');
        p.truncate(slash < 0 ? 0 : slash);
    }
}

void LayerExtractor::Private::reportProgress(archive *a)
{
    tarBytes = archive_filter_bytes(a, 0);
    if (options.progress)
        options.progress(Progress{tarBytes, entries, unpackedBytes});
}

// Counts an entry against the limit before anything of it is written: a gzip bomb stops at its first entry that
// does not fit, however little of it was read.
Status LayerExtractor::Private::charge(archive_entry *entry)
{
    qint64 size = 0;
    if (!archive_entry_hardlink(entry) && archive_entry_filetype(entry) == AE_IFREG && archive_entry_size_is_set(entry))
        size = std::max<qint64>(archive_entry_size(entry), 0);
    const qint64 total = unpackedBytes + EntryBytes + size;
    if (options.maxUnpackedBytes >= 0 && total > options.maxUnpackedBytes) {
        limitReached = true;
        const char *pathname = archive_entry_pathname(entry);
        return Error{ErrorCode::UnsafeArchive, tr("layer entry \"%1\" (%2 bytes) does not fit in the %3 bytes left")
                                                   .arg(displayName(QByteArray(pathname ? pathname : "")))
                                                   .arg(size)
                                                   .arg(options.maxUnpackedBytes - unpackedBytes)};
    }
    unpackedBytes = total;
    return wrote(EntryBytes);
}

Status LayerExtractor::Private::wrote(qint64 bytes)
{
    sinceCheckpoint += bytes;
    if (!options.checkpoint || sinceCheckpoint < options.checkpointBytes)
        return {};
    sinceCheckpoint = 0;
    return options.checkpoint(unpackedBytes);
}

Status LayerExtractor::Private::run(archive_read_callback *reader, void *client)
{
    if (const int error = root.open(rootfsPath))
        return Error{ErrorCode::Io, tr("cannot open the rootfs %1: %2").arg(rootfsPath, errnoText(error))};
    if (options.checkpoint) {
        if (Status s = options.checkpoint(unpackedBytes); !s)
            return s;
    }

    std::unique_ptr<archive, decltype(&archive_read_free)> holder(archive_read_new(), &archive_read_free);
    archive *a = holder.get();
    // The compressions Docker's DecompressStream knows; no external programs are ever started.
    archive_read_support_filter_gzip(a);
    archive_read_support_filter_zstd(a);
    archive_read_support_filter_xz(a);
    archive_read_support_filter_bzip2(a);
    archive_read_support_format_tar(a);   // ustar, pax and GNU tar
    archive_read_support_format_empty(a); // a zero-byte layer is an empty layer, as for Docker
    if (archive_read_open(a, client, nullptr, reader, nullptr) != ARCHIVE_OK)
        return archiveError(a);

    for (;;) {
        archive_entry *entry = nullptr;
        const int r = archive_read_next_header(a, &entry);
        if (r == ARCHIVE_EOF)
            break;
        if (r == ARCHIVE_RETRY)
            continue;
        if (r < ARCHIVE_WARN)
            return archiveError(a);
        if (cancelled)
            return archiveError(a);
        if (Status s = charge(entry); !s)
            return s;
        if (Status s = applyEntry(a, entry); !s)
            return s;
        ++entries;
        reportProgress(a);
    }
    reportProgress(a);
    return applyDirectoryTimes();
}

Status LayerExtractor::Private::applyEntry(archive *a, archive_entry *entry)
{
    const char *pathname = archive_entry_pathname(entry);
    if (!pathname)
        pathname = archive_entry_pathname_utf8(entry);
    if (!pathname)
        return Error{ErrorCode::Corrupt, tr("layer is not a valid tar archive: an entry has no name")};
    const QByteArray raw(pathname);
    if (raw.size() > MaxNameLength)
        return Error{ErrorCode::UnsafeArchive, tr("layer entry \"%1\" has a name of %2 bytes; the limit is %3")
                                                   .arg(displayName(raw))
                                                   .arg(raw.size())
                                                   .arg(MaxNameLength)};
    QByteArrayList components;
    if (!RootfsDir::cleanName(raw, &components))
        return Error{ErrorCode::UnsafeArchive,
                     tr("layer entry \"%1\" would land outside the rootfs").arg(displayName(raw))};
    if (components.isEmpty())
        return applyRoot(entry, raw);

    // AUFS metadata at the top (".wh..wh.plnk", ".wh..wh.aufs"): Docker skips it, and so do we.
    if (components.first().startsWith(WhiteoutMetaPrefix) &&
        !(components.size() == 1 && components.first() == WhiteoutOpaqueDir))
        return {};
    if (components.last().startsWith(WhiteoutPrefix))
        return applyWhiteout(components, raw);

    const char *hardlink = archive_entry_hardlink(entry);
    const mode_t type = hardlink ? 0 : archive_entry_filetype(entry);

    RootfsDir::Location location;
    RootfsDir::Failure failure;
    if (!root.locate(components, true, &location, &failure))
        return walkError(failure, raw);
    const int parent = location.parent.get();
    const char *name = location.name.constData();

    // Resolve a hard link's target before anything is removed: it may be the very file this entry replaces.
    RootfsDir::Location target;
    if (hardlink) {
        const QByteArray link(hardlink);
        if (link.size() > MaxNameLength)
            return Error{ErrorCode::UnsafeArchive, tr("layer entry \"%1\" links to a name of %2 bytes; the limit is %3")
                                                       .arg(displayName(raw))
                                                       .arg(link.size())
                                                       .arg(MaxNameLength)};
        QByteArrayList linkComponents;
        if (!RootfsDir::cleanName(link, &linkComponents) || linkComponents.isEmpty())
            return Error{ErrorCode::UnsafeArchive,
                         tr("layer entry \"%1\" is a hard link to \"%2\", which is outside the rootfs")
                             .arg(displayName(raw), displayName(link))};
        if (!root.locate(linkComponents, false, &target, &failure))
            return walkError(failure, raw, link);
    }

    struct stat existing;
    if (::fstatat(parent, name, &existing, AT_SYMLINK_NOFOLLOW) == 0) {
        if (hardlink) {
            struct stat targetStat;
            if (::fstatat(target.parent.get(), target.name.constData(), &targetStat, AT_SYMLINK_NOFOLLOW) == 0 &&
                targetStat.st_dev == existing.st_dev && targetStat.st_ino == existing.st_ino) {
                markUnpacked(location.path);
                return {}; // already that file
            }
        }
        // Replace anything but a directory that stays a directory: that one is merged, like Docker does.
        if (!(S_ISDIR(existing.st_mode) && type == AE_IFDIR)) {
            if (const int error = RootfsDir::removeTree(parent, location.name))
                return ioError(raw, error);
        }
    }

    if (hardlink) {
        if (::linkat(target.parent.get(), target.name.constData(), parent, name, 0) != 0)
            return walkError({RootfsDir::Failure::System, errno, {}}, raw, QByteArray(hardlink));
        markUnpacked(location.path);
        return {}; // the inode's metadata came with its first name
    }

    switch (type) {
    case AE_IFREG: {
        RootfsDir::Fd fd(::openat(parent, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600));
        if (!fd.isValid())
            return ioError(raw, errno);
        if (Status s = writeData(a, fd.get(), entry, raw); !s)
            return s;
        if (Status s = applyMetadata(entry, fd.get(), parent, location.name, type, raw); !s)
            return s;
        if (options.startWriteback)
            (void)::sync_file_range(fd.get(), 0, 0, SYNC_FILE_RANGE_WRITE); // a hint: the commit's syncfs decides
        break;
    }
    case AE_IFDIR: {
        if (::mkdirat(parent, name, 0700) != 0 && errno != EEXIST)
            return ioError(raw, errno);
        RootfsDir::Fd fd(::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
        if (!fd.isValid())
            return ioError(raw, errno);
        if (Status s = applyMetadata(entry, fd.get(), parent, location.name, type, raw); !s)
            return s;
        DirectoryTimes times{location.path, {}};
        times.times[0] = {archive_entry_atime(entry), archive_entry_atime_nsec(entry)};
        times.times[1] = {archive_entry_mtime(entry), archive_entry_mtime_nsec(entry)};
        if (!archive_entry_atime_is_set(entry) || times.times[0].tv_sec < times.times[1].tv_sec)
            times.times[0] = times.times[1];
        directoryTimes.push_back(times);
        break;
    }
    case AE_IFLNK: {
        const char *linkTarget = archive_entry_symlink(entry);
        if (!linkTarget)
            linkTarget = archive_entry_symlink_utf8(entry);
        if (!linkTarget)
            return Error{
                ErrorCode::Corrupt,
                tr("layer is not a valid tar archive: the symbolic link \"%1\" has no target").arg(displayName(raw))};
        if (qstrlen(linkTarget) > size_t(MaxNameLength))
            return Error{ErrorCode::UnsafeArchive, tr("layer entry \"%1\" links to a name of %2 bytes; the limit is %3")
                                                       .arg(displayName(raw))
                                                       .arg(qstrlen(linkTarget))
                                                       .arg(MaxNameLength)};
        // The target is only data: it is resolved inside the rootfs whenever a later entry walks through it.
        if (::symlinkat(linkTarget, parent, name) != 0)
            return ioError(raw, errno);
        if (Status s = applyMetadata(entry, -1, parent, location.name, type, raw); !s)
            return s;
        break;
    }
    case AE_IFCHR:
    case AE_IFBLK:
    case AE_IFIFO: {
        const dev_t device =
            type == AE_IFIFO ? 0 : makedev(archive_entry_rdevmajor(entry), archive_entry_rdevminor(entry));
        if (::mknodat(parent, name, type | 0600, device) != 0) {
            if (errno == EPERM && !isRoot && type != AE_IFIFO)
                return {}; // device nodes need root; like rootless Docker, leave them out
            return ioError(raw, errno);
        }
        if (Status s = applyMetadata(entry, -1, parent, location.name, type, raw); !s)
            return s;
        break;
    }
    default:
        return Error{ErrorCode::Unsupported,
                     tr("layer entry \"%1\" has a file type this extractor does not handle (%2)")
                         .arg(displayName(raw))
                         .arg(type, 0, 8)};
    }
    markUnpacked(location.path);
    return {};
}

Status LayerExtractor::Private::applyRoot(archive_entry *entry, const QByteArray &raw)
{
    if (archive_entry_hardlink(entry) || archive_entry_filetype(entry) != AE_IFDIR)
        return Error{ErrorCode::UnsafeArchive,
                     tr("layer entry \"%1\" would replace the rootfs itself").arg(displayName(raw))};
    RootfsDir::Fd fd(root.openPhysical({}, O_RDONLY));
    if (!fd.isValid())
        return ioError(raw, -fd.release());
    if (Status s = applyMetadata(entry, fd.get(), -1, {}, AE_IFDIR, raw); !s)
        return s;
    DirectoryTimes times{QByteArray(), {}};
    times.times[1] = {archive_entry_mtime(entry), archive_entry_mtime_nsec(entry)};
    times.times[0] = times.times[1];
    directoryTimes.push_back(times);
    return {};
}

Status LayerExtractor::Private::applyWhiteout(const QByteArrayList &components, const QByteArray &raw)
{
    RootfsDir::Location location;
    RootfsDir::Failure failure;
    if (!root.locate(components, true, &location, &failure))
        return walkError(failure, raw);
    const int parent = location.parent.get();
    if (location.name == WhiteoutOpaqueDir) {
        const qsizetype slash = location.path.lastIndexOf('/');
        return makeOpaque(parent, slash < 0 ? QByteArray() : location.path.left(slash), raw);
    }
    const QByteArray victim = location.name.mid(WhiteoutPrefix.size());
    if (victim.isEmpty() || victim == "." || victim == "..")
        return Error{ErrorCode::UnsafeArchive,
                     tr("layer entry \"%1\" is a whiteout for an invalid name").arg(displayName(raw))};
    if (const int error = RootfsDir::removeTree(parent, victim))
        return ioError(raw, error);
    return {};
}

Status LayerExtractor::Private::makeOpaque(int dirFd, const QByteArray &dirPath, const QByteArray &raw)
{
    QByteArrayList children;
    if (const int error = RootfsDir::list(dirFd, &children))
        return ioError(raw, error);
    for (const QByteArray &child : std::as_const(children)) {
        const QByteArray childPath = dirPath.isEmpty() ? child : dirPath + '/' + child;
        if (!unpacked.contains(childPath)) {
            if (const int error = RootfsDir::removeTree(dirFd, child))
                return ioError(raw, error);
            continue;
        }
        // Ours, but a directory of ours may still hold entries from lower layers: those go too.
        struct stat st;
        if (::fstatat(dirFd, child.constData(), &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode)) {
            RootfsDir::Fd fd(::openat(dirFd, child.constData(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
            if (!fd.isValid())
                return ioError(raw, errno);
            if (Status s = makeOpaque(fd.get(), childPath, raw); !s)
                return s;
        }
    }
    return {};
}

Status LayerExtractor::Private::writeData(archive *a, int fd, archive_entry *entry, const QByteArray &raw)
{
    qint64 end = 0;
    for (;;) {
        const void *block = nullptr;
        size_t size = 0;
        la_int64_t offset = 0;
        const int r = archive_read_data_block(a, &block, &size, &offset);
        if (r == ARCHIVE_EOF)
            break;
        if (r < ARCHIVE_WARN)
            return archiveError(a);
        // The limit counted the size the header declares; a sparse map that writes past it is not a layer.
        if (archive_entry_size_is_set(entry) && offset + la_int64_t(size) > archive_entry_size(entry))
            return Error{ErrorCode::UnsafeArchive,
                         tr("layer entry \"%1\" holds more than the %2 bytes its header declares")
                             .arg(displayName(raw))
                             .arg(archive_entry_size(entry))};
        if (Status s = wrote(qint64(size)); !s)
            return s;
        const char *data = static_cast<const char *>(block);
        while (size > 0) {
            const ssize_t n = ::pwrite(fd, data, size, offset);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return ioError(raw, errno);
            }
            data += n;
            size -= size_t(n);
            offset += n;
        }
        end = std::max<qint64>(end, offset);
        tarBytes = archive_filter_bytes(a, 0);
    }
    // A sparse file may end in a hole.
    if (archive_entry_size_is_set(entry) && end < archive_entry_size(entry) &&
        ::ftruncate(fd, archive_entry_size(entry)) != 0)
        return ioError(raw, errno);
    return {};
}

// Ownership, then mode (chown clears set-id bits), then xattrs (chown clears security.capability), then times.
// `fd` is the open entry when there is one; otherwise the entry is `name` in `parentFd`, never followed.
Status LayerExtractor::Private::applyMetadata(archive_entry *entry, int fd, int parentFd, const QByteArray &name,
                                              mode_t type, const QByteArray &raw)
{
    if (options.applyOwnership && isRoot) {
        const uid_t uid = uid_t(archive_entry_uid(entry));
        const gid_t gid = gid_t(archive_entry_gid(entry));
        const int r =
            fd >= 0 ? ::fchown(fd, uid, gid) : ::fchownat(parentFd, name.constData(), uid, gid, AT_SYMLINK_NOFOLLOW);
        if (r != 0)
            return ioError(raw, errno);
    }

    if (type != AE_IFLNK) {
        const mode_t mode = archive_entry_perm(entry) & 07777;
        // Without fd the entry is a node this call just made with mknodat, so following it is following nothing.
        const int r = fd >= 0 ? ::fchmod(fd, mode) : ::fchmodat(parentFd, name.constData(), mode, 0);
        if (r != 0)
            return ioError(raw, errno);
    }

    if (options.applyXattrs) {
        // Symbolic links and nodes cannot be opened safely; /proc/self/fd/<parent>/<name> reaches them by name.
        const QByteArray procPath =
            fd >= 0 ? QByteArray() : "/proc/self/fd/" + QByteArray::number(parentFd) + '/' + name;
        const char *key = nullptr;
        const void *value = nullptr;
        size_t size = 0;
        archive_entry_xattr_reset(entry);
        while (archive_entry_xattr_next(entry, &key, &value, &size) == ARCHIVE_OK) {
            const int r =
                fd >= 0 ? ::fsetxattr(fd, key, value, size, 0) : ::lsetxattr(procPath.constData(), key, value, size, 0);
            if (r != 0 && !ignorableXattrError(errno))
                return Error{ErrorCode::Io, tr("cannot set the extended attribute %1 on layer entry \"%2\": %3")
                                                .arg(QString::fromUtf8(key), displayName(raw), errnoText(errno))};
        }
    }

    if (type != AE_IFDIR) {
        timespec times[2];
        times[1] = {archive_entry_mtime(entry), archive_entry_mtime_nsec(entry)};
        times[0] = {archive_entry_atime(entry), archive_entry_atime_nsec(entry)};
        if (!archive_entry_atime_is_set(entry) || times[0].tv_sec < times[1].tv_sec)
            times[0] = times[1];
        const int r =
            fd >= 0 ? ::futimens(fd, times) : ::utimensat(parentFd, name.constData(), times, AT_SYMLINK_NOFOLLOW);
        if (r != 0)
            return ioError(raw, errno);
    }
    return {};
}

Status LayerExtractor::Private::applyDirectoryTimes()
{
    for (const DirectoryTimes &entry : directoryTimes) {
        RootfsDir::Fd fd(root.openPhysical(entry.path, O_RDONLY));
        if (!fd.isValid())
            continue; // whited out or replaced later in this layer
        if (::futimens(fd.get(), entry.times) != 0)
            return ioError(entry.path, errno);
    }
    return {};
}

LayerExtractor::LayerExtractor(const QString &rootfs)
    : LayerExtractor(rootfs, Options{})
{}

LayerExtractor::LayerExtractor(const QString &rootfs, Options options)
    : d(std::make_unique<Private>(rootfs, std::move(options)))
{}

LayerExtractor::~LayerExtractor()
{
    if (d->worker.joinable()) {
        cancel();
        d->worker.join();
    }
}

Status LayerExtractor::feed(const char *data, qsizetype size)
{
    if (d->finished || d->device)
        return Error{ErrorCode::Internal, tr("LayerExtractor::feed() called after the layer was finished")};
    return d->feedBytes(data, size);
}

Status LayerExtractor::finish()
{
    if (d->device)
        return Error{ErrorCode::Internal, tr("LayerExtractor::finish() called after apply()")};
    return d->finishInput();
}

Status LayerExtractor::apply(QIODevice *device)
{
    if (d->started || d->device)
        return Error{ErrorCode::Internal, tr("LayerExtractor::apply() called on a used extractor")};
    if (!device || !device->isOpen() || !device->isReadable())
        return Error{ErrorCode::InvalidArgument, tr("cannot read the layer: the device is not open for reading")};
    d->device = device;
    QByteArray buffer(qsizetype(256 * KiB), Qt::Uninitialized);
    for (;;) {
        if (d->cancelled)
            break; // the worker ends with Cancelled
        const qint64 n = device->read(buffer.data(), buffer.size());
        if (n > 0) {
            if (!d->feedBytes(buffer.constData(), n))
                break; // finishInput() below returns why
            continue;
        }
        if (n < 0) {
            d->failInput(Error{ErrorCode::Io, tr("cannot read the layer: %1").arg(device->errorString())});
            break;
        }
        if (!device->isSequential() || device->atEnd())
            break;
        if (!device->waitForReadyRead(-1))
            break; // closed, or a device that cannot block: its end
    }
    return d->finishInput();
}

void LayerExtractor::cancel()
{
    std::lock_guard lock(d->mutex);
    d->cancelled = true;
    d->changed.notify_all();
}

LayerExtractor::Progress LayerExtractor::progress() const
{
    return {d->tarBytes, d->entries, d->unpackedBytes};
}

bool LayerExtractor::limitReached() const
{
    return d->limitReached;
}

Status LayerExtractor::applyFile(const QString &layerPath, const QString &rootfs)
{
    return applyFile(layerPath, rootfs, Options{});
}

Status LayerExtractor::applyFile(const QString &layerPath, const QString &rootfs, Options options)
{
    QFile file(layerPath);
    if (!file.open(QIODevice::ReadOnly))
        return Error{file.error() == QFileDevice::OpenError && !file.exists() ? ErrorCode::NotFound : ErrorCode::Io,
                     tr("cannot open the layer %1: %2").arg(layerPath, file.errorString())};
    LayerExtractor extractor(rootfs, std::move(options));
    return extractor.apply(&file);
}

} // namespace core
