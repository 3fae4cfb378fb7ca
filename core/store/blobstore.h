#pragma once

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

    // Stores bytes; returns their digest ("sha256:...").
    Result<QString> put(const QByteArray &data) const;
    // Moves a finished file (in the same file system) into the store under `digest`, after checking its sha256.
    Status adopt(const QString &file, const QString &digest) const;
    Result<QByteArray> read(const QString &digest, qint64 maxSize) const;
    // Removes every blob whose digest is not in `keep`; returns how many were removed.
    Result<int> collectGarbage(const QSet<QString> &keep) const;

    static bool isDigest(const QString &digest);

private:
    QString m_directory;
};

} // namespace core
