// HttpAnswerReader (what DockerClient reads from a Docker daemon, over a unix socket or ssh): the first byte picks the
// size of the pieces the rest is fed in (1 to 256 bytes). The answer read in pieces must be the very answer read
// whole (progress, status, headers, body, error), then again after the stream closes; the body handed out is never
// longer than the bytes fed.
#include "core/base/httpanswerreader.h"
#include "fuzz/fuzzcommon.h"

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialise(argc, argv);
    return 0;
}

namespace {

struct Read
{
    core::HttpAnswerReader::Progress progress = core::HttpAnswerReader::Progress::NeedMore;
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QString error;
    bool operator==(const Read &) const = default;
};

Read read(QByteArrayView input, qsizetype piece, bool close)
{
    core::HttpAnswerReader reader(QStringLiteral("the daemon"), false);
    Read result;
    const auto sink = [&](QByteArrayView part) { result.body.append(part); };
    for (qsizetype at = 0; at < input.size(); at += piece)
        result.progress = reader.feed(input.sliced(at, qMin(piece, input.size() - at)), sink);
    if (close)
        result.progress = reader.close();
    result.status = reader.status();
    result.headers = reader.headers();
    result.error = reader.error();
    return result;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const qsizetype piece = qsizetype(data[0]) + 1;
    const QByteArrayView input(reinterpret_cast<const char *>(data) + 1, qsizetype(size) - 1);
    for (bool close : {false, true}) {
        const Read whole = read(input, qMax<qsizetype>(1, input.size()), close);
        const Read pieces = read(input, piece, close);
        if (!(whole == pieces))
            fuzz::fail("the answer read in pieces differs from the answer read whole",
                       QStringLiteral("piece %1, close %2: %3/%4 vs %5/%6")
                           .arg(piece)
                           .arg(close)
                           .arg(int(whole.progress))
                           .arg(whole.error)
                           .arg(int(pieces.progress))
                           .arg(pieces.error));
        if (whole.body.size() > input.size())
            fuzz::fail("more body than bytes fed");
        if ((whole.progress == core::HttpAnswerReader::Progress::Failed) == whole.error.isEmpty())
            fuzz::fail("a failure without a reason, or a reason without a failure", whole.error);
    }
    return 0;
}
