#pragma once

#include "core/base/result.h"

#include <QCoreApplication>
#include <QString>
#include <functional>

namespace core {

// Writes a folder as one gzip-compressed tar layer (application/vnd.docker.image.rootfs.diff.tar.gzip), the way
// `docker plugin create` makes a plugin's single layer. Entries are sorted by name, as Go's filepath.Walk does,
// so the same tree gives the same digests; hard links, symlinks, devices, FIFOs, modes, numeric owners, mtimes and
// extended attributes are kept. Hashes both streams in the same pass: the compressed digest names the blob, the
// uncompressed one is the layer's diff_id. Owns nothing beyond the output file it is given.
class LayerWriter final
{
    Q_DECLARE_TR_FUNCTIONS(LayerWriter)

public:
    struct Layer
    {
        QString digest;     // sha256 of the gzip stream: the blob's name
        QString diffId;     // sha256 of the tar stream
        qint64 size = 0;    // bytes of the gzip stream
        qint64 tarSize = 0; // bytes of the tar stream
        qint64 entries = 0;
    };

    // `cancelled` is polled between entries; when it returns true the write stops with ErrorCode::Cancelled.
    static Result<Layer> write(const QString &directory, const QString &outputFile,
                               const std::function<bool()> &cancelled = {});

    // A plugin folder as `plugin create` hands it over, in the same format: `config.json`, then `rootfs` and the
    // tree below it as `rootfs/...`. `configFile` and `rootfs` are followed if they are symlinks (they are read
    // with the rights of whoever calls this); everything below `rootfs` is kept as it is, links included.
    static Result<Layer> writeContext(const QString &configFile, const QString &rootfs, const QString &outputFile,
                                      const std::function<bool()> &cancelled = {});
};

} // namespace core
