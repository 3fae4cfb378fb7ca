#include "core/archive/bundlereader.h"

#include "core/base/digest.h"
#include "core/base/sha256.h"
#include "core/base/units.h"

#include <QIODevice>
#include <QRegularExpression>
#include <QSet>
#include <limits>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipfileinfo.h>

namespace core {

namespace {

constexpr qint64 kChunk = MiB;

} // namespace

BundleReader::BundleReader(QIODevice *device, qint64 maxBytes)
    : m_device(device)
    , m_maxBytes(maxBytes)
{}

BundleReader::~BundleReader() = default;

QString BundleReader::entryProblem(const QString &name, ErrorCode *code)
{
    auto unsafe = [&](const QString &why) {
        if (code)
            *code = ErrorCode::UnsafeArchive;
        return why;
    };
    if (name.isEmpty())
        return unsafe(tr("an entry has an empty name"));
    if (name.startsWith(QLatin1Char('/')) || name.contains(QLatin1Char('\\')) || name.contains(QChar(0)) ||
        (name.size() >= 2 && name.at(1) == QLatin1Char(':')))
        return unsafe(tr("\"%1\" is not a relative path inside the bundle (zip slip)").arg(name));
    const QStringList parts = name.split(QLatin1Char('/'));
    for (qsizetype i = 0; i < parts.size(); ++i) {
        const QString &part = parts.at(i);
        if (part == QLatin1String("..") || part == QLatin1String(".") || (part.isEmpty() && i != parts.size() - 1))
            return unsafe(tr("\"%1\" is not a relative path inside the bundle (zip slip)").arg(name));
    }
    static const QRegularExpression blob(QStringLiteral("^blobs/sha256/[0-9a-f]{64}$"));
    if (name == BundleHeader::headerEntry() || name == BundleHeader::manifestEntry() ||
        name == QLatin1String("blobs/") || name == QLatin1String("blobs/sha256/") || blob.match(name).hasMatch())
        return {};
    if (code)
        *code = ErrorCode::Corrupt;
    return tr("\"%1\" is not an entry of a plugin bundle").arg(name);
}

Status BundleReader::open()
{
    m_zip = std::make_unique<QuaZip>(m_device);
    m_zip->setAutoClose(false);
    if (!m_zip->open(QuaZip::mdUnzip))
        return Error{ErrorCode::Corrupt,
                     tr("not a plugin bundle: not a zip archive, or one that was cut short (zip error %1)")
                         .arg(m_zip->getZipError())};
    if (m_zip->getEntriesCount() > MaxEntries)
        return Error{ErrorCode::Corrupt,
                     tr("not a plugin bundle: %1 entries, at most %2").arg(m_zip->getEntriesCount()).arg(MaxEntries)};
    QSet<QString> seen;
    qint64 total = 0;
    for (bool more = m_zip->goToFirstFile(); more; more = m_zip->goToNextFile()) {
        QuaZipFileInfo64 info;
        if (!m_zip->getCurrentFileInfo(&info))
            return Error{ErrorCode::Corrupt,
                         tr("cannot read the zip's list of entries (zip error %1)").arg(m_zip->getZipError())};
        ErrorCode code = ErrorCode::Corrupt;
        if (const QString problem = entryProblem(info.name, &code); !problem.isEmpty())
            return Error{code, problem};
        if (seen.contains(info.name))
            return Error{ErrorCode::Corrupt, tr("%1: the entry appears twice").arg(info.name)};
        seen.insert(info.name);
        if (info.flags & 0x1)
            return Error{ErrorCode::Unsupported, tr("%1: the entry is encrypted").arg(info.name)};
        if (info.uncompressedSize > quint64(std::numeric_limits<qint64>::max() / 2))
            return Error{ErrorCode::Corrupt, tr("%1: the entry declares an impossible size").arg(info.name)};
        total += qint64(info.uncompressedSize);
        // Refused from the zip's directory, before one byte is inflated: a few kilobytes of zip can declare
        // gigabytes of zeros.
        if (m_maxBytes >= 0 && total > m_maxBytes) {
            m_tooLarge = true;
            return Error{ErrorCode::UnsafeArchive,
                         tr("%1: the bundle's entries up to this one hold %2 bytes uncompressed, more than the %3 "
                            "bytes a bundle may hold")
                             .arg(info.name)
                             .arg(total)
                             .arg(m_maxBytes)};
        }
        if (!info.name.endsWith(QLatin1Char('/')))
            m_entries.insert(info.name, qint64(info.uncompressedSize));
    }
    if (m_zip->getZipError() != UNZ_OK)
        return Error{ErrorCode::Corrupt,
                     tr("cannot read the zip's list of entries (zip error %1)").arg(m_zip->getZipError())};

    auto headerBytes = readSmall(BundleHeader::headerEntry(), BundleHeader::MaxHeaderBytes);
    if (!headerBytes)
        return headerBytes.error();
    auto header = BundleHeader::fromJson(*headerBytes);
    if (!header)
        return header.error().prefixed(BundleHeader::headerEntry());
    m_header = *header;

    const QString manifestEntry = BundleHeader::manifestEntry();
    auto manifestBytes = readSmall(manifestEntry, BundleHeader::MaxManifestBytes);
    if (!manifestBytes)
        return manifestBytes.error();
    if (const QString digest = sha256Digest(*manifestBytes); digest != m_header.manifestDigest)
        return Error{ErrorCode::DigestMismatch,
                     tr("%1: has digest %2, but %3 names %4")
                         .arg(manifestEntry, digest, BundleHeader::headerEntry(), m_header.manifestDigest)};
    auto manifest = Manifest::parse(*manifestBytes, QString());
    if (!manifest)
        return manifest.error().prefixed(manifestEntry);
    if (manifest->isList())
        return Error{ErrorCode::Unsupported,
                     tr("%1: is a manifest list; a bundle holds the manifest of one plugin").arg(manifestEntry)};
    if (!manifest->isPluginConfigType())
        return Error{
            ErrorCode::NotAPlugin,
            QStringLiteral("%1: did not find plugin config for specified reference %2")
                .arg(manifestEntry, m_header.pluginReference.isEmpty() ? m_header.name : m_header.pluginReference)};
    m_manifest = *manifest;

    // Every blob the manifest lists is there with its size; nothing else is.
    QSet<QString> listed;
    auto checkBlob = [&](const Descriptor &blob, const QString &role) -> Status {
        const QString entry = BundleHeader::blobEntry(blob.digest);
        listed.insert(entry);
        if (!m_entries.contains(entry))
            return Error{ErrorCode::Corrupt, tr("%1: missing; %2 lists it as %3").arg(entry, manifestEntry, role)};
        if (m_entries.value(entry) != blob.size)
            return Error{ErrorCode::DigestMismatch, tr("%1: is %2 bytes, but %3 says %4")
                                                        .arg(entry)
                                                        .arg(m_entries.value(entry))
                                                        .arg(manifestEntry)
                                                        .arg(blob.size)};
        return {};
    };
    if (auto checked = checkBlob(m_manifest.config, tr("the config")); !checked)
        return checked;
    for (qsizetype i = 0; i < m_manifest.layers.size(); ++i) {
        if (auto checked = checkBlob(m_manifest.layers.at(i), tr("layer %1").arg(i + 1)); !checked)
            return checked;
    }
    for (auto it = m_entries.constBegin(); it != m_entries.constEnd(); ++it) {
        if (it.key().startsWith(QLatin1String("blobs/")) && !listed.contains(it.key()))
            return Error{ErrorCode::Corrupt, tr("%1: %2 does not list this blob").arg(it.key(), manifestEntry)};
    }

    const QString configEntry = BundleHeader::blobEntry(m_manifest.config.digest);
    if (m_manifest.config.size > BundleHeader::MaxConfigBytes)
        return Error{ErrorCode::Corrupt, tr("%1: the config is %2 bytes, more than the %3 allowed")
                                             .arg(configEntry)
                                             .arg(m_manifest.config.size)
                                             .arg(BundleHeader::MaxConfigBytes)};
    QByteArray config;
    auto read = readBlob(m_manifest.config, [&config](const char *data, qsizetype size) -> Status {
        config.append(data, size);
        return {};
    });
    if (!read)
        return read;
    m_config = config;
    return {};
}

Result<QByteArray> BundleReader::readSmall(const QString &entry, qint64 maxBytes)
{
    if (!m_entries.contains(entry))
        return Error{ErrorCode::Corrupt, tr("%1: missing; this is not a plugin bundle").arg(entry)};
    if (m_entries.value(entry) > maxBytes)
        return Error{ErrorCode::Corrupt,
                     tr("%1: %2 bytes, more than the %3 allowed").arg(entry).arg(m_entries.value(entry)).arg(maxBytes)};
    if (!m_zip->setCurrentFile(entry, QuaZip::csSensitive))
        return Error{ErrorCode::Corrupt,
                     tr("%1: cannot find the entry (zip error %2)").arg(entry).arg(m_zip->getZipError())};
    QuaZipFile file(m_zip.get());
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Corrupt,
                     tr("%1: cannot open the entry (zip error %2)").arg(entry).arg(file.getZipError())};
    // One byte more than allowed tells a size field that lies.
    QByteArray data = file.read(maxBytes + 1);
    const int readError = file.getZipError();
    file.close();
    if (readError != UNZ_OK || file.getZipError() != UNZ_OK)
        return Error{ErrorCode::Corrupt, tr("%1: the entry is damaged (zip error %2)")
                                             .arg(entry)
                                             .arg(readError != UNZ_OK ? readError : file.getZipError())};
    if (data.size() > maxBytes)
        return Error{ErrorCode::Corrupt, tr("%1: more than the %2 bytes allowed").arg(entry).arg(maxBytes)};
    return data;
}

Status BundleReader::readBlob(const Descriptor &blob, const std::function<Status(const char *, qsizetype)> &sink,
                              const std::function<void(qint64)> &progress, const std::function<bool()> &cancelled)
{
    const QString entry = BundleHeader::blobEntry(blob.digest);
    if (!m_entries.contains(entry))
        return Error{ErrorCode::Corrupt, tr("%1: missing").arg(entry)};
    if (!m_zip->setCurrentFile(entry, QuaZip::csSensitive))
        return Error{ErrorCode::Corrupt,
                     tr("%1: cannot find the entry (zip error %2)").arg(entry).arg(m_zip->getZipError())};
    QuaZipFile file(m_zip.get());
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Corrupt,
                     tr("%1: cannot open the entry (zip error %2)").arg(entry).arg(file.getZipError())};
    Sha256 hash;
    QByteArray buffer;
    qint64 total = 0;
    for (;;) {
        if (cancelled && cancelled())
            return Error{ErrorCode::Cancelled, tr("cancelled")};
        buffer.resize(kChunk);
        const qint64 read = file.read(buffer.data(), buffer.size());
        if (read < 0 || file.getZipError() != UNZ_OK)
            return Error{ErrorCode::Corrupt,
                         tr("%1: the entry is damaged (zip error %2)").arg(entry).arg(file.getZipError())};
        if (read == 0)
            break;
        total += read;
        if (total > blob.size)
            return Error{ErrorCode::DigestMismatch,
                         tr("%1: holds more than the %2 bytes the manifest says").arg(entry).arg(blob.size)};
        hash.addData(QByteArrayView(buffer.constData(), read));
        if (auto taken = sink(buffer.constData(), read); !taken)
            return taken;
        if (progress)
            progress(total);
    }
    file.close();
    if (file.getZipError() != UNZ_OK)
        return Error{
            ErrorCode::Corrupt,
            tr("%1: the entry is damaged (zip error %2: a CRC or length error)").arg(entry).arg(file.getZipError())};
    const QString digest = sha256DigestOf(hash.result());
    if (total != blob.size || digest != blob.digest)
        return Error{ErrorCode::DigestMismatch, tr("%1: digest mismatch: %2 bytes with %3, the manifest says %4 bytes "
                                                   "with %5")
                                                    .arg(entry)
                                                    .arg(total)
                                                    .arg(digest)
                                                    .arg(blob.size)
                                                    .arg(blob.digest)};
    return {};
}

} // namespace core
