#include "core/archive/bundlewriter.h"

#include "core/archive/bundleheader.h"
#include "core/base/digest.h"
#include "core/base/sha256.h"
#include "core/base/units.h"

#include <QDateTime>
#include <QIODevice>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipnewinfo.h>

namespace core {

namespace {

constexpr qint64 kChunk = MiB;

QuaZipNewInfo entryInfo(const QString &entry, qint64 size)
{
    QuaZipNewInfo info(entry);
    // A fixed time: the same plugin gives the same bundle bytes.
    info.dateTime = QDateTime(QDate(1980, 1, 1), QTime(0, 0), Qt::UTC);
    info.externalAttr = quint32(0100644) << 16; // a regular file, rw-r--r--
    info.uncompressedSize = ulong(size);
    return info;
}

} // namespace

BundleWriter::BundleWriter(QIODevice *device)
    : m_device(device)
{}

BundleWriter::~BundleWriter() = default;

Status BundleWriter::open()
{
    m_zip = std::make_unique<QuaZip>(m_device);
    m_zip->setAutoClose(false);
    m_zip->setZip64Enabled(true);
    m_zip->setUtf8Enabled(true);
    // Sizes and CRCs go into the local headers when the device can seek back, which every unzip reads.
    m_zip->setDataDescriptorWritingEnabled(m_device->isSequential());
    if (!m_zip->open(QuaZip::mdCreate))
        return Error{ErrorCode::Io, tr("cannot start the zip archive (zip error %1): %2")
                                        .arg(m_zip->getZipError())
                                        .arg(m_device->errorString())};
    return {};
}

Status BundleWriter::addBytes(const QString &entry, const QByteArray &data)
{
    QuaZipFile file(m_zip.get());
    if (!file.open(QIODevice::WriteOnly, entryInfo(entry, data.size()), nullptr, 0, 0, 0))
        return Error{ErrorCode::Io, tr("%1: cannot add the entry (zip error %2)").arg(entry).arg(file.getZipError())};
    const qint64 written = file.write(data);
    file.close();
    if (written != data.size() || file.getZipError() != 0)
        return Error{ErrorCode::Io, tr("%1: cannot write the entry (zip error %2): %3")
                                        .arg(entry)
                                        .arg(file.getZipError())
                                        .arg(m_device->errorString())};
    return {};
}

Status BundleWriter::addBlob(const QString &digest, qint64 size, QIODevice *source,
                             const std::function<void(qint64)> &progress, const std::function<bool()> &cancelled)
{
    const QString entry = BundleHeader::blobEntry(digest);
    QuaZipFile file(m_zip.get());
    if (!file.open(QIODevice::WriteOnly, entryInfo(entry, size), nullptr, 0, 0, 0))
        return Error{ErrorCode::Io, tr("%1: cannot add the entry (zip error %2)").arg(entry).arg(file.getZipError())};
    Sha256 hash;
    QByteArray buffer;
    qint64 copied = 0;
    for (;;) {
        if (cancelled && cancelled())
            return Error{ErrorCode::Cancelled, tr("cancelled")};
        buffer.resize(kChunk);
        const qint64 read = source->read(buffer.data(), buffer.size());
        if (read < 0)
            return Error{ErrorCode::Io, tr("%1: cannot read the blob: %2").arg(entry, source->errorString())};
        if (read == 0)
            break;
        hash.addData(QByteArrayView(buffer.constData(), read));
        if (file.write(buffer.constData(), read) != read)
            return Error{ErrorCode::Io, tr("%1: cannot write the entry (zip error %2): %3")
                                            .arg(entry)
                                            .arg(file.getZipError())
                                            .arg(m_device->errorString())};
        copied += read;
        if (progress)
            progress(copied);
    }
    file.close();
    if (file.getZipError() != 0)
        return Error{ErrorCode::Io, tr("%1: cannot finish the entry (zip error %2): %3")
                                        .arg(entry)
                                        .arg(file.getZipError())
                                        .arg(m_device->errorString())};
    const QString actual = sha256DigestOf(hash.result());
    if (copied != size || actual != digest)
        return Error{ErrorCode::DigestMismatch,
                     tr("%1: the blob in the store is damaged: %2 bytes with digest %3, expected %4 bytes with %5")
                         .arg(entry)
                         .arg(copied)
                         .arg(actual)
                         .arg(size)
                         .arg(digest)};
    return {};
}

Status BundleWriter::close()
{
    m_zip->close();
    if (m_zip->getZipError() != 0)
        return Error{ErrorCode::Io, tr("cannot finish the zip archive (zip error %1): %2")
                                        .arg(m_zip->getZipError())
                                        .arg(m_device->errorString())};
    return {};
}

} // namespace core
