#pragma once

#include "core/base/result.h"

#include <QCoreApplication>
#include <QString>
#include <functional>
#include <memory>

class QIODevice;
class QuaZip;

namespace core {

// Writes a plugin bundle (BundleHeader describes the layout) as a zip, with QuaZip, onto a device that is open for
// writing and empty (a file, or a file descriptor another process opened). Blobs are stored, not deflated: layers
// are gzip already. Every blob is hashed while it is copied and must have the digest it is filed under, so a
// damaged store blob never leaves in a bundle. Zip64 is on, so blobs above 4 GiB fit. Errors name the entry.
// Does not own the device (close() flushes it but leaves it open), and does not know the store.
class BundleWriter final
{
    Q_DECLARE_TR_FUNCTIONS(BundleWriter)

public:
    explicit BundleWriter(QIODevice *device);
    ~BundleWriter();
    Q_DISABLE_COPY_MOVE(BundleWriter)

    Status open();
    // A small entry (header, manifest) written from memory.
    Status addBytes(const QString &entry, const QByteArray &data);
    // The blob `digest` ("sha256:...", `size` bytes) copied from `source` (open for reading) into
    // blobs/sha256/<hex>. `progress` gets the bytes copied so far; `cancelled` is polled between chunks.
    Status addBlob(const QString &digest, qint64 size, QIODevice *source, const std::function<void(qint64)> &progress,
                   const std::function<bool()> &cancelled);
    // Writes the central directory. The bundle is complete only when this succeeded.
    Status close();

private:
    QIODevice *m_device;
    std::unique_ptr<QuaZip> m_zip;
};

} // namespace core
