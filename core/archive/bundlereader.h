#pragma once

#include "core/archive/bundleheader.h"
#include "core/base/result.h"
#include "core/plugin/manifest.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <functional>
#include <memory>

class QIODevice;
class QuaZip;

namespace core {

// Reads a plugin bundle (BundleHeader describes the layout) from a seekable device open for reading, with QuaZip.
// open() refuses, before anything is extracted, a file that is not a zip (or is cut short), an entry whose name is
// not a safe relative path (zip slip: absolute, "..", backslashes) or is not part of the format, an entry that
// appears twice, a header that does not read, a manifest.json whose digest is not the header's, a manifest whose
// config is not a plugin's (NotAPlugin, Docker's text), a blob the manifest lists that is missing or has another
// size, entries that hold more than `maxBytes` together (uncompressed, as the zip declares them: readBlob() never
// gives more than that), and a config blob whose sha256 differs. readBlob() then streams one blob, checking its size
// and sha256 as it goes. Every error names the entry ("blobs/sha256/<hex>: ..."); the caller names the file. Does not
// own the device; knows nothing of plugins beyond the manifest, nor of the store.
class BundleReader final
{
    Q_DECLARE_TR_FUNCTIONS(BundleReader)

public:
    static constexpr int MaxEntries = 4096;

    // `maxBytes`: the most the bundle's entries may hold together, uncompressed; -1 for no limit.
    explicit BundleReader(QIODevice *device, qint64 maxBytes = -1);
    ~BundleReader();
    Q_DISABLE_COPY_MOVE(BundleReader)

    Status open();

    const BundleHeader &header() const { return m_header; }
    const Manifest &manifest() const { return m_manifest; }
    const QByteArray &config() const { return m_config; }
    // Whether open() refused the bundle for holding more than `maxBytes`.
    bool tooLarge() const { return m_tooLarge; }

    // Streams the blob `blob` (a descriptor of manifest()) to `sink` in chunks. Fails with DigestMismatch when its
    // bytes are not `blob.size` long or their sha256 is not `blob.digest`: the sink may then have had bytes that
    // are wrong, and must drop them. `progress` gets the bytes read so far; `cancelled` is polled between chunks.
    Status readBlob(const Descriptor &blob, const std::function<Status(const char *, qsizetype)> &sink,
                    const std::function<void(qint64)> &progress = {}, const std::function<bool()> &cancelled = {});

    // Why `name` cannot be an entry of a bundle, or an empty string when it can (one of the format's names).
    static QString entryProblem(const QString &name, ErrorCode *code = nullptr);

private:
    Result<QByteArray> readSmall(const QString &entry, qint64 maxBytes);

    QIODevice *m_device;
    qint64 m_maxBytes = -1;
    bool m_tooLarge = false;
    std::unique_ptr<QuaZip> m_zip;
    QHash<QString, qint64> m_entries; // name -> uncompressed size, files only
    BundleHeader m_header;
    Manifest m_manifest;
    QByteArray m_config;
};

} // namespace core
