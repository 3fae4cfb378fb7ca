#pragma once

#include "core/base/result.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <memory>

namespace core {

// Undoes a layer's outer compression as its bytes stream in, so that LayerExtractor's tar thread reads plain tar and
// the inflating runs on the thread that feeds it (one core each). gzip through ISA-L's isal_inflate where Plugdesk was
// built with it (several times zlib's speed), else zlib; zstd through libzstd; anything else passes through unchanged
// (plain tar, and xz or bzip2, which libarchive undoes on the tar thread as before). A gzip stream may hold several
// members; bytes after the last member that do not start another are ignored, as gzip(1) and libarchive do. Each
// gzip member's CRC-32 and length are checked.
// One decoder per layer, used by one thread. Owns the decompression state; does not own any buffer it is given.
class LayerDecoder final
{
    Q_DECLARE_TR_FUNCTIONS(LayerDecoder)

public:
    enum class Kind { Plain, Gzip, Zstd };

    // How many leading bytes kindOf() needs to decide (fewer only at the end of the input).
    static constexpr qsizetype MagicBytes = 4;
    // The compression the stream starting with `head` uses.
    static Kind kindOf(QByteArrayView head);
    // "isa-l" or "zlib": what inflates gzip in this build.
    static const char *gzipEngine();

    explicit LayerDecoder(Kind kind);
    ~LayerDecoder();
    Q_DISABLE_COPY_MOVE(LayerDecoder)

    Kind kind() const { return m_kind; }

    // Decodes from `input` into `output`, advancing both past what was consumed and produced. Returns when the output
    // is full, or when the input is used up and all it gave is out. So a caller decodes again, with more room, for
    // as long as a call filled the output, even with no input left. Corrupt when the data is not valid; its message
    // reads "layer is not a valid tar archive: ...".
    Status decode(const char *&input, qsizetype &inputSize, char *&output, qsizetype &outputSize);
    // The input ended: Corrupt when it stopped inside a compressed stream.
    Status finish() const;
    // Whether the compressed stream is over (what follows is ignored).
    bool ended() const { return m_ended; }

private:
    class Private;
    Kind m_kind;
    bool m_ended = false;
    std::unique_ptr<Private> d;
};

} // namespace core
