#include "core/archive/layerdecoder.h"

#include <cstring>
#include <zstd.h>

#ifdef PLUGDESK_HAVE_ISAL
#include <isa-l/igzip_lib.h>
#else
#include <zlib.h>
#endif

namespace core {

namespace {

constexpr unsigned char GzipMagic[] = {0x1f, 0x8b};
constexpr unsigned char ZstdMagic[] = {0x28, 0xb5, 0x2f, 0xfd};

// The most one inflate or decompress call is given: ISA-L and zlib count in 32 bits.
constexpr qsizetype MaxStep = qsizetype(1) << 30;

bool startsWith(QByteArrayView head, const unsigned char *magic, qsizetype size)
{
    return head.size() >= size && std::memcmp(head.data(), magic, size_t(size)) == 0;
}

Error corrupt(const QString &why)
{
    return Error{ErrorCode::Corrupt, LayerDecoder::tr("layer is not a valid tar archive: %1").arg(why)};
}

} // namespace

class LayerDecoder::Private
{
public:
    // gzip: where the stream is between two members.
    enum class Gzip { InMember, BetweenMembers };
    Gzip gzip = Gzip::InMember;
    unsigned char magic[2] = {}; // the next member's first bytes while they arrive one at a time
    qsizetype magicSize = 0;
#ifdef PLUGDESK_HAVE_ISAL
    std::unique_ptr<inflate_state> inflate;
#else
    z_stream inflate{};
    bool inflateReady = false;
#endif
    ZSTD_DStream *zstd = nullptr;
    bool zstdFrameOpen = false;

    void startMember()
    {
#ifdef PLUGDESK_HAVE_ISAL
        if (!inflate)
            inflate = std::make_unique<inflate_state>();
        isal_inflate_init(inflate.get());
        inflate->crc_flag = ISAL_GZIP; // parses the header, checks the CRC-32 and length in the trailer
#else
        if (inflateReady)
            inflateReset(&inflate);
        else
            inflateReady = inflateInit2(&inflate, 16 + MAX_WBITS) == Z_OK;
#endif
        gzip = Gzip::InMember;
    }

    // Inflates one member's bytes; `memberEnded` is set at its trailer.
    Status inflateStep(const char *&input, qsizetype &inputSize, char *&output, qsizetype &outputSize,
                       bool &memberEnded)
    {
        const qsizetype in = std::min(inputSize, MaxStep);
        const qsizetype out = std::min(outputSize, MaxStep);
#ifdef PLUGDESK_HAVE_ISAL
        inflate_state &s = *inflate;
        s.next_in = reinterpret_cast<uint8_t *>(const_cast<char *>(input));
        s.avail_in = uint32_t(in);
        s.next_out = reinterpret_cast<uint8_t *>(output);
        s.avail_out = uint32_t(out);
        const int r = isal_inflate(&s);
        const qsizetype consumed = in - qsizetype(s.avail_in);
        const qsizetype produced = out - qsizetype(s.avail_out);
        if (r < 0) {
            switch (r) {
            case ISAL_INCORRECT_CHECKSUM:
                return corrupt(LayerDecoder::tr("the gzip data does not match its checksum"));
            case ISAL_INVALID_WRAPPER:
            case ISAL_UNSUPPORTED_METHOD:
                return corrupt(LayerDecoder::tr("invalid gzip header"));
            default:
                return corrupt(LayerDecoder::tr("the gzip data is damaged (ISA-L error %1)").arg(r));
            }
        }
        memberEnded = s.block_state == ISAL_BLOCK_FINISH;
#else
        z_stream &z = inflate;
        if (!inflateReady)
            return Error{ErrorCode::Internal, LayerDecoder::tr("cannot start zlib's inflate")};
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input));
        z.avail_in = uInt(in);
        z.next_out = reinterpret_cast<Bytef *>(output);
        z.avail_out = uInt(out);
        const int r = ::inflate(&z, Z_NO_FLUSH);
        const qsizetype consumed = in - qsizetype(z.avail_in);
        const qsizetype produced = out - qsizetype(z.avail_out);
        if (r == Z_DATA_ERROR || r == Z_NEED_DICT)
            return corrupt(LayerDecoder::tr("the gzip data is damaged (%1)")
                               .arg(QString::fromLatin1(z.msg ? z.msg : "zlib error")));
        if (r == Z_MEM_ERROR || r == Z_STREAM_ERROR)
            return Error{ErrorCode::Internal, LayerDecoder::tr("zlib's inflate failed (%1)").arg(r)};
        memberEnded = r == Z_STREAM_END;
#endif
        input += consumed;
        inputSize -= consumed;
        output += produced;
        outputSize -= produced;
        return {};
    }

    ~Private()
    {
#ifndef PLUGDESK_HAVE_ISAL
        if (inflateReady)
            inflateEnd(&inflate);
#endif
        ZSTD_freeDStream(zstd);
    }
};

LayerDecoder::Kind LayerDecoder::kindOf(QByteArrayView head)
{
    if (startsWith(head, GzipMagic, sizeof GzipMagic))
        return Kind::Gzip;
    if (startsWith(head, ZstdMagic, sizeof ZstdMagic))
        return Kind::Zstd;
    return Kind::Plain;
}

const char *LayerDecoder::gzipEngine()
{
#ifdef PLUGDESK_HAVE_ISAL
    return "isa-l";
#else
    return "zlib";
#endif
}

LayerDecoder::LayerDecoder(Kind kind)
    : m_kind(kind)
    , d(std::make_unique<Private>())
{
    if (kind == Kind::Gzip)
        d->startMember();
    if (kind == Kind::Zstd) {
        d->zstd = ZSTD_createDStream();
        if (d->zstd)
            ZSTD_initDStream(d->zstd);
    }
}

LayerDecoder::~LayerDecoder() = default;

Status LayerDecoder::decode(const char *&input, qsizetype &inputSize, char *&output, qsizetype &outputSize)
{
    if (m_ended) {
        input += inputSize;
        inputSize = 0;
        return {};
    }
    switch (m_kind) {
    case Kind::Plain: {
        const qsizetype n = std::min(inputSize, outputSize);
        // memcpy with a null pointer is undefined even for 0 bytes (the fuzzer's UBSan found an empty input).
        if (n > 0)
            std::memcpy(output, input, size_t(n));
        input += n;
        inputSize -= n;
        output += n;
        outputSize -= n;
        return {};
    }
    case Kind::Gzip:
        // Also with no input left: the inflater may still hold output that did not fit before.
        while (outputSize > 0 && !m_ended) {
            if (d->gzip == Private::Gzip::BetweenMembers) {
                if (inputSize == 0)
                    return {};
                // Another member starts with the magic; anything else after a member is ignored.
                while (d->magicSize < 2 && inputSize > 0) {
                    d->magic[d->magicSize++] = static_cast<unsigned char>(*input++);
                    --inputSize;
                }
                if (d->magic[0] != GzipMagic[0] || (d->magicSize == 2 && d->magic[1] != GzipMagic[1])) {
                    m_ended = true;
                    input += inputSize;
                    inputSize = 0;
                    return {};
                }
                if (d->magicSize < 2)
                    return {};
                d->startMember();
                d->magicSize = 0;
                const char *magic = reinterpret_cast<const char *>(GzipMagic);
                qsizetype magicSize = 2;
                bool ended = false;
                // Two header bytes can neither end a member nor produce output.
                if (Status s = d->inflateStep(magic, magicSize, output, outputSize, ended); !s)
                    return s;
                continue;
            }
            const qsizetype inputBefore = inputSize;
            const qsizetype outputBefore = outputSize;
            bool memberEnded = false;
            if (Status s = d->inflateStep(input, inputSize, output, outputSize, memberEnded); !s)
                return s;
            if (memberEnded)
                d->gzip = Private::Gzip::BetweenMembers;
            else if (inputSize == inputBefore && outputSize == outputBefore)
                break; // needs more input
        }
        return {};
    case Kind::Zstd:
        if (!d->zstd)
            return Error{ErrorCode::Internal, tr("cannot start zstd's decompressor")};
        while (outputSize > 0) {
            ZSTD_inBuffer in{input, size_t(std::min(inputSize, MaxStep)), 0};
            ZSTD_outBuffer out{output, size_t(std::min(outputSize, MaxStep)), 0};
            const size_t r = ZSTD_decompressStream(d->zstd, &out, &in);
            if (ZSTD_isError(r))
                return corrupt(tr("the zstd data is damaged (%1)").arg(QString::fromLatin1(ZSTD_getErrorName(r))));
            if (in.pos == 0 && out.pos == 0)
                break; // needs more input (its answer then is a size hint, not whether a frame is open)
            d->zstdFrameOpen = r != 0;
            input += in.pos;
            inputSize -= qsizetype(in.pos);
            output += out.pos;
            outputSize -= qsizetype(out.pos);
        }
        return {};
    }
    return {};
}

Status LayerDecoder::finish() const
{
    switch (m_kind) {
    case Kind::Plain:
        return {};
    case Kind::Gzip:
        if (!m_ended && d->gzip == Private::Gzip::InMember)
            return corrupt(tr("truncated gzip input"));
        return {};
    case Kind::Zstd:
        if (d->zstdFrameOpen)
            return corrupt(tr("truncated zstd input"));
        return {};
    }
    return {};
}

} // namespace core
