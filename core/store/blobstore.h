#pragma once

#include "core/base/atomicfile.h"
#include "core/base/result.h"

#include <QCoreApplication>
#include <QSet>
#include <QString>

namespace core {

// Content-addressed blobs under `<root>/blobs/sha256/<hex>` (layers, configs, manifests), kept for push,
// upgrade and export. A blob is written to a temp file in the same folder, checked, then renamed into place, so
// a blob file that exists is always complete. Owns that folder only.
class BlobStore final
{
    Q_DECLARE_TR_FUNCTIONS(BlobStore)

public:
    explicit BlobStore(QString directory);

    QString directory() const { return m_directory; }
    // "sha256:<64 hex>" -> the blob's path; empty for a digest that is not sha256 or malformed.
    QString pathFor(const QString &digest) const;
    bool contains(const QString &digest) const;

    // Stores bytes; returns their digest ("sha256:..."). With Sync::Later the caller syncs the file system before
    // anything names the blob (AtomicFile::Sync).
    Result<QString> put(const QByteArray &data, AtomicFile::Sync sync = AtomicFile::Sync::Now) const;
    // Moves a finished file (in the same file system) into the store under `digest`, after checking its sha256.
    Status adopt(const QString &file, const QString &digest) const;
    // The same for a file whose sha256 its writer checked as it wrote it (install, import) and that a syncfs already
    // put on disk: checks its size only, and syncs neither the file nor the folder; syncDirectory() after the last.
    Status adoptChecked(const QString &file, const QString &digest, qint64 size) const;
    // fsync the blob folder, so that the names adopted into it are durable.
    Status syncDirectory() const;
    Result<QByteArray> read(const QString &digest, qint64 maxSize) const;
    // Removes every blob whose digest is not in `keep`; returns how many were removed.
    Result<int> collectGarbage(const QSet<QString> &keep) const;

    static bool isDigest(const QString &digest);

private:
    // Renames `file` to `digest`'s path; with `syncFile`, fsyncs it before and the folder after.
    Status moveIn(const QString &file, const QString &digest, bool syncFile) const;

    QString m_directory;
};

} // namespace core
