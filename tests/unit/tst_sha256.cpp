// core::Sha256 (OpenSSL EVP): the standard's test vectors, streamed in odd pieces equals one-shot, a device read to
// its end, and agreement with QCryptographicHash on random data of many lengths.
#include "core/base/digest.h"
#include "core/base/sha256.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

using core::Sha256;

class TestSha256 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vectors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("hex");
        QTest::newRow("empty") << QByteArray()
                               << QByteArray("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::newRow("abc") << QByteArray("abc")
                             << QByteArray("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                    << QByteArray("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        QTest::newRow("a million a") << QByteArray(1000000, 'a')
                                     << QByteArray("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    }
    void vectors()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, hex);
        QCOMPARE(Sha256::hash(input).toHex(), hex);
        QCOMPARE(core::sha256Digest(input), QStringLiteral("sha256:") + QString::fromLatin1(hex));
    }

    void streamedEqualsOneShot()
    {
        QByteArray data(3 * 1024 * 1024 + 17, Qt::Uninitialized);
        QRandomGenerator random(42);
        random.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        Sha256 streamed;
        qsizetype at = 0;
        // Pieces of 1, 4, 13, ... bytes, modulo 70001 (kept reduced, so the sequence never overflows: UBSan).
        for (qsizetype piece = 1; at < data.size(); piece = (piece * 3 + 1) % 70001) {
            const qsizetype take = qMin(piece, data.size() - at);
            streamed.addData(QByteArrayView(data.constData() + at, take));
            at += take;
        }
        const QByteArray expected = QCryptographicHash::hash(data, QCryptographicHash::Sha256);
        QCOMPARE(streamed.result(), expected);
        // result() ends the stream: asked again it answers the same, and more data changes nothing.
        streamed.addData("more");
        QCOMPARE(streamed.result(), expected);

        QBuffer device(&data);
        QVERIFY(device.open(QIODevice::ReadOnly));
        Sha256 fromDevice;
        QVERIFY(fromDevice.addData(&device));
        QCOMPARE(fromDevice.result(), expected);
    }

    void agreesWithQtOnEveryLength()
    {
        QRandomGenerator random(7);
        for (int length = 0; length < 300; ++length) {
            QByteArray data(length, Qt::Uninitialized);
            for (char &c : data)
                c = char(random.bounded(256));
            QCOMPARE(Sha256::hash(data), QCryptographicHash::hash(data, QCryptographicHash::Sha256));
        }
    }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "tst_sha256.moc"
