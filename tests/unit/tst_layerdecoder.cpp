// LayerDecoder: a layer's gzip (ISA-L or zlib, whichever this build has) and zstd undone as bytes stream in, in any
// piece sizes on either side; members and frames one after another; bytes after the last gzip member ignored; and
// every way the data can be wrong reported as Corrupt with the extractor's wording.
#include "core/archive/layerdecoder.h"

#include <QRandomGenerator>
#include <QTest>
#include <archive.h>
#include <archive_entry.h>

using namespace core;

namespace {

enum class Filter { Gzip, Zstd };

la_ssize_t appendTo(archive *, void *client, const void *buffer, size_t length)
{
    static_cast<QByteArray *>(client)->append(static_cast<const char *>(buffer), qsizetype(length));
    return la_ssize_t(length);
}

// `data` compressed as one gzip member or one zstd frame (libarchive's raw format: no tar around it).
QByteArray compress(const QByteArray &data, Filter filter)
{
    QByteArray out;
    archive *a = archive_write_new();
    archive_write_set_format_raw(a);
    if (filter == Filter::Gzip)
        archive_write_add_filter_gzip(a);
    else
        archive_write_add_filter_zstd(a);
    archive_write_set_bytes_in_last_block(a, 1);
    archive_write_open(a, &out, nullptr, &appendTo, nullptr);
    archive_entry *entry = archive_entry_new();
    archive_entry_set_pathname(entry, "data");
    archive_entry_set_filetype(entry, AE_IFREG);
    archive_entry_set_size(entry, data.size());
    archive_write_header(a, entry);
    archive_write_data(a, data.constData(), size_t(data.size()));
    archive_entry_free(entry);
    archive_write_close(a);
    archive_write_free(a);
    return out;
}

QByteArray randomBytes(qsizetype size, quint32 seed)
{
    QByteArray data(size, Qt::Uninitialized);
    QRandomGenerator random(seed);
    for (qsizetype i = 0; i < size; ++i)
        data[i] = char(random.bounded(256));
    return data;
}

// Half random, half repetitive: deflate uses both stored and Huffman blocks, and back references.
QByteArray sample()
{
    return randomBytes(300'000, 7) + QByteArray("a line that repeats itself over and over\n").repeated(20'000);
}

// Decodes `input` in pieces of `in` bytes into room of `out` bytes at a time, as LayerExtractor does: again while a
// call filled the room, even with no input left. The decoded bytes, or the first error.
Result<QByteArray> decodeAll(const QByteArray &input, qsizetype in, qsizetype out)
{
    LayerDecoder decoder(LayerDecoder::kindOf(input));
    QByteArray decoded;
    QByteArray room(out, Qt::Uninitialized);
    auto drain = [&](const char *data, qsizetype size) -> Status {
        for (;;) {
            char *target = room.data();
            qsizetype space = room.size();
            if (Status s = decoder.decode(data, size, target, space); !s)
                return s;
            decoded.append(room.constData(), room.size() - space);
            if (space > 0) {
                if (size > 0)
                    return Error{ErrorCode::Internal, QStringLiteral("stopped with input left")};
                return {};
            }
        }
    };
    for (qsizetype at = 0; at < input.size(); at += in) {
        if (Status s = drain(input.constData() + at, std::min(in, input.size() - at)); !s)
            return s.error();
    }
    if (Status s = drain(nullptr, 0); !s)
        return s.error();
    if (Status s = decoder.finish(); !s)
        return s.error();
    return decoded;
}

} // namespace

class TestLayerDecoder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kinds()
    {
        QCOMPARE(LayerDecoder::kindOf(compress("x", Filter::Gzip)), LayerDecoder::Kind::Gzip);
        QCOMPARE(LayerDecoder::kindOf(compress("x", Filter::Zstd)), LayerDecoder::Kind::Zstd);
        QCOMPARE(LayerDecoder::kindOf(QByteArray("etc/passwd")), LayerDecoder::Kind::Plain);
        QCOMPARE(LayerDecoder::kindOf(QByteArray("\x1f")), LayerDecoder::Kind::Plain);
        QCOMPARE(LayerDecoder::kindOf(QByteArray()), LayerDecoder::Kind::Plain);
        qInfo("gzip is inflated with %s in this build", LayerDecoder::gzipEngine());
    }

    void streams_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray data = sample();
        const QByteArray head = data.left(123'457);
        const QByteArray tail = data.mid(123'457);
        QTest::newRow("gzip") << compress(data, Filter::Gzip) << data;
        QTest::newRow("gzip in two members") << compress(head, Filter::Gzip) + compress(tail, Filter::Gzip) << data;
        QTest::newRow("gzip, then bytes that start no member")
            << compress(data, Filter::Gzip) + QByteArray("not gzip at all") << data;
        QTest::newRow("gzip, then zeros") << compress(data, Filter::Gzip) + QByteArray(1024, '\0') << data;
        QTest::newRow("gzip, then a lone 0x1f") << compress(data, Filter::Gzip) + QByteArray("\x1f") << data;
        QTest::newRow("gzip of nothing") << compress(QByteArray(), Filter::Gzip) << QByteArray();
        QTest::newRow("zstd") << compress(data, Filter::Zstd) << data;
        QTest::newRow("zstd in two frames") << compress(head, Filter::Zstd) + compress(tail, Filter::Zstd) << data;
        QTest::newRow("plain") << data << data;
    }

    void streams()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        // Pieces on both sides: large, odd, and one byte at a time.
        for (const auto &[in, out] :
             {std::pair<qsizetype, qsizetype>{1 << 20, 256 << 10}, {4093, 1000}, {1, 64 << 10}, {65536, 1}}) {
            auto decoded = decodeAll(input, in, out);
            if (!decoded)
                QFAIL(qPrintable(decoded.error().message));
            if (*decoded != expected)
                QFAIL(qPrintable(QStringLiteral("input in %1, output in %2: %3 bytes, not the %4 expected")
                                     .arg(in)
                                     .arg(out)
                                     .arg(decoded->size())
                                     .arg(expected.size())));
        }
    }

    void corrupt_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("detail");
        const QByteArray gzip = compress(sample(), Filter::Gzip);
        const QByteArray zstd = compress(sample(), Filter::Zstd);
        QTest::newRow("gzip cut short") << gzip.left(gzip.size() / 2) << QStringLiteral("truncated gzip input");
        QTest::newRow("gzip without its trailer")
            << gzip.left(gzip.size() - 8) << QStringLiteral("truncated gzip input");
        QTest::newRow("gzip whose checksum is wrong") << [&] {
            QByteArray broken = gzip;
            broken[broken.size() - 8] = char(broken[broken.size() - 8] ^ 0x01);
            return broken;
        }() << QString();
        QTest::newRow("gzip whose length is wrong") << [&] {
            QByteArray broken = gzip;
            broken[broken.size() - 4] = char(broken[broken.size() - 4] ^ 0x01);
            return broken;
        }() << QString();
        QTest::newRow("gzip with a damaged body") << [&] {
            QByteArray broken = gzip;
            for (qsizetype i = 20; i < broken.size() - 20; i += 7)
                broken[i] = char(broken[i] ^ 0x5a);
            return broken;
        }() << QString();
        QTest::newRow("gzip whose method is not deflate") << [&] {
            QByteArray broken = gzip;
            broken[2] = char(7);
            return broken;
        }() << QString();
        QTest::newRow("zstd cut short") << zstd.left(zstd.size() / 2) << QStringLiteral("truncated zstd input");
        QTest::newRow("zstd with a damaged body") << [&] {
            QByteArray broken = zstd;
            for (qsizetype i = 20; i < broken.size() - 20; i += 7)
                broken[i] = char(broken[i] ^ 0x5a);
            return broken;
        }() << QString();
    }

    void corrupt()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, detail);
        for (qsizetype in : {qsizetype(1 << 20), qsizetype(1000)}) {
            auto decoded = decodeAll(input, in, 64 << 10);
            if (decoded)
                QFAIL(qPrintable(QStringLiteral("decoded %1 bytes with no error").arg(decoded->size())));
            QCOMPARE(decoded.error().code, ErrorCode::Corrupt);
            QVERIFY2(decoded.error().message.startsWith(QStringLiteral("layer is not a valid tar archive: ")),
                     qPrintable(decoded.error().message));
            if (!detail.isEmpty())
                QVERIFY2(decoded.error().message.contains(detail), qPrintable(decoded.error().message));
        }
    }
};

QTEST_GUILESS_MAIN(TestLayerDecoder)
#include "tst_layerdecoder.moc"
