#include "core/archive/layerwriter.h"

#include "core/base/digest.h"
#include "core/base/sha256.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <archive.h>
#include <archive_entry.h>
#include <memory>
#include <unistd.h>
#include <zlib.h>

namespace core {

namespace {

// The output side: tar bytes from libarchive -> sha256 (diff_id) -> gzip -> sha256 (digest) -> file.
struct Sink
{
    QFile *file = nullptr;
    z_stream zip{};
    Sha256 tarHash;
    Sha256 blobHash;
    qint64 tarSize = 0;
    qint64 blobSize = 0;
    QString error;

    bool deflateChunk(const char *data, size_t size, int flush)
    {
        zip.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data));
        zip.avail_in = static_cast<uInt>(size);
        char out[64 * 1024];
        do {
            zip.next_out = reinterpret_cast<Bytef *>(out);
            zip.avail_out = sizeof(out);
            const int rc = deflate(&zip, flush);
            if (rc == Z_STREAM_ERROR) {
                error = QStringLiteral("gzip: stream error");
                return false;
            }
            const qint64 produced = static_cast<qint64>(sizeof(out) - zip.avail_out);
            if (produced > 0) {
                if (file->write(out, produced) != produced) {
                    error = file->errorString();
                    return false;
                }
                blobHash.addData(QByteArrayView(out, produced));
                blobSize += produced;
            }
        } while (zip.avail_out == 0);
        return true;
    }
};

la_ssize_t writeCallback(struct archive *, void *context, const void *buffer, size_t length)
{
    auto *sink = static_cast<Sink *>(context);
    sink->tarHash.addData(QByteArrayView(static_cast<const char *>(buffer), static_cast<qsizetype>(length)));
    sink->tarSize += static_cast<qint64>(length);
    if (!sink->deflateChunk(static_cast<const char *>(buffer), length, Z_NO_FLUSH))
        return -1;
    return static_cast<la_ssize_t>(length);
}

struct ArchiveDeleter
{
    void operator()(struct archive *a) const { archive_write_free(a); }
};
struct DiskDeleter
{
    void operator()(struct archive *a) const { archive_read_free(a); }
};
struct ResolverDeleter
{
    void operator()(struct archive_entry_linkresolver *r) const { archive_entry_linkresolver_free(r); }
};

// Every path below `root`, depth first, each folder's entries sorted by name. A folder that cannot be read is an
// error (named in `unreadable`), never a silently empty one.
bool collect(const QString &root, const QString &relative, QStringList &out, QString &unreadable)
{
    const QString path = relative.isEmpty() ? root : root + QLatin1Char('/') + relative;
    QDir directory(path);
    if (!directory.isReadable()) {
        unreadable = path;
        return false;
    }
    const QStringList names =
        directory.entryList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString &name : names) {
        const QString entry = relative.isEmpty() ? name : relative + QLatin1Char('/') + name;
        out.append(entry);
        const QFileInfo info(root + QLatin1Char('/') + entry);
        if (info.isDir() && !info.isSymLink() && !collect(root, entry, out, unreadable))
            return false;
    }
    return true;
}

// One entry to write: the file on disk, and its name in the archive.
struct Part
{
    QString path;
    QString name;
};

Result<LayerWriter::Layer> writeParts(const QList<Part> &parts, const QString &outputFile,
                                      const std::function<bool()> &cancelled)
{
    QFile file(outputFile);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error{ErrorCode::Io, LayerWriter::tr("cannot write %1: %2").arg(outputFile, file.errorString())};

    Sink sink;
    sink.file = &file;
    // windowBits 15 + 16: a gzip header and trailer, as Go's gzip writer produces.
    if (deflateInit2(&sink.zip, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return Error{ErrorCode::Internal, LayerWriter::tr("cannot start gzip compression")};
    auto endZip = qScopeGuard([&sink] { deflateEnd(&sink.zip); });

    std::unique_ptr<struct archive, ArchiveDeleter> writer(archive_write_new());
    archive_write_set_format_pax_restricted(writer.get());
    archive_write_set_bytes_per_block(writer.get(), 0);
    if (archive_write_open2(writer.get(), &sink, nullptr, writeCallback, nullptr, nullptr) != ARCHIVE_OK)
        return Error{ErrorCode::Io, LayerWriter::tr("cannot start the layer %1: %2")
                                        .arg(outputFile, QString::fromLocal8Bit(archive_error_string(writer.get())))};
    std::unique_ptr<struct archive, DiskDeleter> disk(archive_read_disk_new());
    archive_read_disk_set_symlink_physical(disk.get());
    archive_read_disk_set_behavior(disk.get(), ARCHIVE_READDISK_NO_TRAVERSE_MOUNTS);
    std::unique_ptr<struct archive_entry_linkresolver, ResolverDeleter> resolver(archive_entry_linkresolver_new());
    archive_entry_linkresolver_set_strategy(resolver.get(), ARCHIVE_FORMAT_TAR_PAX_RESTRICTED);

    auto writeError = [&](const QString &path) {
        const QString reason =
            !sink.error.isEmpty() ? sink.error : QString::fromLocal8Bit(archive_error_string(writer.get()));
        return Error{ErrorCode::Io, LayerWriter::tr("cannot add %1 to the layer: %2").arg(path, reason)};
    };

    LayerWriter::Layer layer;
    for (const Part &part : parts) {
        if (cancelled && cancelled())
            return Error{ErrorCode::Cancelled, LayerWriter::tr("cancelled")};
        const QString &full = part.path;
        const QString &relative = part.name;
        const QByteArray fullName = QFile::encodeName(full);
        struct archive_entry *entry = archive_entry_new();
        auto freeEntry = qScopeGuard([&entry] {
            if (entry)
                archive_entry_free(entry);
        });
        archive_entry_copy_sourcepath(entry, fullName.constData());
        if (archive_read_disk_entry_from_file(disk.get(), entry, -1, nullptr) != ARCHIVE_OK)
            return Error{ErrorCode::Io, LayerWriter::tr("cannot read %1: %2")
                                            .arg(full, QString::fromLocal8Bit(archive_error_string(disk.get())))};
        archive_entry_copy_pathname(entry, QFile::encodeName(relative).constData());
        archive_entry_set_uname(entry, nullptr);
        archive_entry_set_gname(entry, nullptr);
        archive_entry_acl_clear(entry);

        struct archive_entry *sparse = nullptr;
        archive_entry_linkify(resolver.get(), &entry, &sparse);
        if (!entry)
            continue; // held back by the resolver (not for the tar strategy, but be safe)
        if (archive_write_header(writer.get(), entry) < ARCHIVE_WARN)
            return writeError(relative);
        ++layer.entries;
        if (archive_entry_filetype(entry) == AE_IFREG && archive_entry_size(entry) > 0 &&
            !archive_entry_hardlink(entry)) {
            QFile content(full);
            if (!content.open(QIODevice::ReadOnly))
                return Error{ErrorCode::Io, LayerWriter::tr("cannot read %1: %2").arg(full, content.errorString())};
            char buffer[128 * 1024];
            qint64 n = 0;
            while ((n = content.read(buffer, sizeof(buffer))) > 0) {
                if (archive_write_data(writer.get(), buffer, static_cast<size_t>(n)) < 0)
                    return writeError(relative);
            }
            if (n < 0)
                return Error{ErrorCode::Io, LayerWriter::tr("cannot read %1: %2").arg(full, content.errorString())};
        }
    }
    if (archive_write_close(writer.get()) != ARCHIVE_OK)
        return writeError(outputFile);
    if (!sink.deflateChunk(nullptr, 0, Z_FINISH))
        return writeError(outputFile);
    if (!file.flush() || ::fsync(file.handle()) != 0)
        return Error{ErrorCode::Io, LayerWriter::tr("cannot write %1: %2").arg(outputFile, file.errorString())};
    file.close();

    layer.digest = sha256DigestOf(sink.blobHash.result());
    layer.diffId = sha256DigestOf(sink.tarHash.result());
    layer.size = sink.blobSize;
    layer.tarSize = sink.tarSize;
    return layer;
}

} // namespace

Result<LayerWriter::Layer> LayerWriter::write(const QString &directory, const QString &outputFile,
                                              const std::function<bool()> &cancelled)
{
    if (!QFileInfo(directory).isDir())
        return Error{ErrorCode::NotFound, tr("%1 is not a folder").arg(directory)};
    QStringList paths;
    if (QString unreadable; !collect(directory, QString(), paths, unreadable))
        return Error{ErrorCode::PermissionDenied, tr("cannot read the folder %1").arg(unreadable)};
    QList<Part> parts;
    parts.reserve(paths.size());
    for (const QString &relative : std::as_const(paths))
        parts.append({directory + QLatin1Char('/') + relative, relative});
    return writeParts(parts, outputFile, cancelled);
}

Result<LayerWriter::Layer> LayerWriter::writeContext(const QString &configFile, const QString &rootfs,
                                                     const QString &outputFile, const std::function<bool()> &cancelled)
{
    const QFileInfo config(configFile);
    if (!config.isFile())
        return Error{ErrorCode::NotFound, tr("%1 is not a file").arg(configFile)};
    const QFileInfo tree(rootfs);
    if (!tree.isDir())
        return Error{ErrorCode::NotFound, tr("%1 is not a folder").arg(rootfs)};
    const QString treePath = tree.canonicalFilePath();
    QStringList paths;
    if (QString unreadable; !collect(treePath, QString(), paths, unreadable))
        return Error{ErrorCode::PermissionDenied, tr("cannot read the folder %1").arg(unreadable)};
    QList<Part> parts{{config.canonicalFilePath(), QStringLiteral("config.json")},
                      {treePath, QStringLiteral("rootfs")}};
    parts.reserve(paths.size() + 2);
    for (const QString &relative : std::as_const(paths))
        parts.append({treePath + QLatin1Char('/') + relative, QStringLiteral("rootfs/") + relative});
    return writeParts(parts, outputFile, cancelled);
}

} // namespace core
