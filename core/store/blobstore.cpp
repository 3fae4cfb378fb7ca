#include "core/store/blobstore.h"

#include "core/base/atomicfile.h"
#include "core/base/crashpoint.h"
#include "core/base/digest.h"
#include "core/base/sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace core {

namespace {

Result<QString> sha256OfFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, BlobStore::tr("cannot read %1: %2").arg(path, file.errorString())};
    Sha256 hash;
    if (!hash.addData(&file))
        return Error{ErrorCode::Io, BlobStore::tr("cannot read %1: %2").arg(path, file.errorString())};
    return sha256DigestOf(hash.result());
}

// The blob folders, private to the store's owner: blobs are the plugins' files.
bool makeBlobDirectory(const QString &directory)
{
    if (QFileInfo(directory).isDir())
        return true;
    const QString parent = QFileInfo(directory).absolutePath();
    if (!QFileInfo(parent).isDir()) {
        if (!QDir().mkpath(QFileInfo(parent).absolutePath()))
            return false;
        if (::mkdir(QFile::encodeName(parent).constData(), 0700) != 0 && errno != EEXIST)
            return false;
    }
    return ::mkdir(QFile::encodeName(directory).constData(), 0700) == 0 || errno == EEXIST;
}

} // namespace

BlobStore::BlobStore(QString directory)
    : m_directory(std::move(directory))
{}

bool BlobStore::isDigest(const QString &digest)
{
    return isSha256Digest(digest);
}

QString BlobStore::pathFor(const QString &digest) const
{
    if (!isDigest(digest))
        return {};
    return m_directory + QLatin1Char('/') + digest.mid(7);
}

bool BlobStore::contains(const QString &digest) const
{
    const QString path = pathFor(digest);
    return !path.isEmpty() && QFileInfo::exists(path);
}

Result<QString> BlobStore::put(const QByteArray &data, AtomicFile::Sync sync) const
{
    QString digest = sha256Digest(data);
    if (contains(digest))
        return digest;
    if (!makeBlobDirectory(m_directory))
        return Error{ErrorCode::Io, tr("cannot create %1").arg(m_directory)};
    if (auto written = AtomicFile::write(pathFor(digest), data, 0600, sync); !written)
        return written.error();
    return digest;
}

Status BlobStore::adopt(const QString &file, const QString &digest) const
{
    if (!isDigest(digest))
        return Error{ErrorCode::InvalidArgument, tr("\"%1\" is not a sha256 digest").arg(digest)};
    auto actual = sha256OfFile(file);
    if (!actual)
        return actual.error();
    if (*actual != digest)
        return Error{ErrorCode::DigestMismatch, tr("blob %1 has digest %2").arg(digest, *actual)};
    return moveIn(file, digest, true);
}

Status BlobStore::adoptChecked(const QString &file, const QString &digest, qint64 size) const
{
    if (!isDigest(digest))
        return Error{ErrorCode::InvalidArgument, tr("\"%1\" is not a sha256 digest").arg(digest)};
    const qint64 actual = QFileInfo(file).size();
    if (actual != size)
        return Error{ErrorCode::DigestMismatch,
                     tr("blob %1 should be %2 bytes, but %3 holds %4").arg(digest).arg(size).arg(file).arg(actual)};
    return moveIn(file, digest, false);
}

Status BlobStore::moveIn(const QString &file, const QString &digest, bool syncFile) const
{
    if (!makeBlobDirectory(m_directory))
        return Error{ErrorCode::Io, tr("cannot create %1").arg(m_directory)};
    const QString target = pathFor(digest);
    if (QFileInfo::exists(target)) {
        QFile::remove(file);
        return {};
    }
    if (::chmod(QFile::encodeName(file).constData(), 0600) != 0)
        return Error{ErrorCode::Io, tr("cannot make %1 private").arg(file)};
    // Its bytes on disk before its name is: a blob is referenced as soon as the inventory is written.
    if (syncFile) {
        const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY | O_CLOEXEC);
        const bool synced = fd >= 0 && ::fsync(fd) == 0;
        if (fd >= 0)
            ::close(fd);
        if (!synced)
            return Error{ErrorCode::Io, tr("cannot write %1 to disk").arg(file)};
    }
    crashPoint("blobstore.adopt-synced");
    if (::rename(QFile::encodeName(file).constData(), QFile::encodeName(target).constData()) != 0)
        return Error{ErrorCode::Io, tr("cannot move %1 to %2").arg(file, target)};
    return syncFile ? syncDirectory() : Status();
}

Status BlobStore::syncDirectory() const
{
    return AtomicFile::syncDirectory(m_directory);
}

Result<QByteArray> BlobStore::read(const QString &digest, qint64 maxSize) const
{
    const QString path = pathFor(digest);
    if (path.isEmpty())
        return Error{ErrorCode::InvalidArgument, tr("\"%1\" is not a sha256 digest").arg(digest)};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound, tr("blob %1 is not in the store").arg(digest)};
    if (file.size() > maxSize)
        return Error{ErrorCode::Corrupt,
                     tr("blob %1 is %2 bytes, more than the %3 allowed").arg(digest).arg(file.size()).arg(maxSize)};
    return file.readAll();
}

Result<int> BlobStore::collectGarbage(const QSet<QString> &keep) const
{
    QDir directory(m_directory);
    if (!directory.exists())
        return 0;
    int removed = 0;
    static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
    for (const QString &name : directory.entryList(QDir::Files | QDir::Hidden)) {
        if (!hex.match(name).hasMatch() || keep.contains(QStringLiteral("sha256:") + name))
            continue;
        if (!directory.remove(name))
            return Error{ErrorCode::Io, tr("cannot remove blob %1").arg(directory.filePath(name))};
        ++removed;
    }
    return removed;
}

} // namespace core
