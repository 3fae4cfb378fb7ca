// StoreLimits: the sizes the environment may give, the defaults, and refusals naming the variable.
#include "core/store/storelimits.h"

#include <QTemporaryDir>
#include <QTest>

using core::ErrorCode;
using core::StoreLimits;

class TestStoreLimits : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseSize_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("bytes"); // -1: refused
        QTest::newRow("bytes") << "1048576" << qint64(1048576);
        QTest::newRow("zero") << "0" << qint64(0);
        QTest::newRow("K") << "4K" << qint64(4096);
        QTest::newRow("M") << "8M" << qint64(8) * 1024 * 1024;
        QTest::newRow("GiB with a space") << "4 GiB" << (qint64(4) << 30);
        QTest::newRow("lower case gb") << "2gb" << (qint64(2) << 30);
        QTest::newRow("T") << "1T" << (qint64(1) << 40);
        QTest::newRow("B") << "512B" << qint64(512);
        QTest::newRow("negative") << "-1" << qint64(-1);
        QTest::newRow("fraction") << "1.5G" << qint64(-1);
        QTest::newRow("word") << "lots" << qint64(-1);
        QTest::newRow("unknown unit") << "3P" << qint64(-1);
        QTest::newRow("overflow") << "99999999999T" << qint64(-1);
        QTest::newRow("empty") << "" << qint64(-1);
    }

    void parseSize()
    {
        QFETCH(QString, text);
        QFETCH(qint64, bytes);
        const auto parsed = StoreLimits::parseSize(text);
        if (bytes < 0) {
            QVERIFY(!parsed);
            return;
        }
        QVERIFY(parsed);
        QCOMPARE(*parsed, bytes);
    }

    void formatSize()
    {
        QCOMPARE(StoreLimits::formatSize(qint64(4) << 30), QStringLiteral("4 GiB"));
        QCOMPARE(StoreLimits::formatSize(256 << 20), QStringLiteral("256 MiB"));
        QCOMPARE(StoreLimits::formatSize(1000), QStringLiteral("1000 bytes"));
        QCOMPARE(StoreLimits::formatSize(3072), QStringLiteral("3 KiB"));
        QCOMPARE(StoreLimits::formatSize(16356 * 1024), QStringLiteral("16.0 MiB (16748544 bytes)"));
        QCOMPARE(StoreLimits::formatSize(1536 * 1024 + 1), QStringLiteral("1.5 MiB (1572865 bytes)"));
    }

    void environment()
    {
        qunsetenv(StoreLimits::MaxRootfsVariable);
        qunsetenv(StoreLimits::MaxBundleVariable);
        qunsetenv(StoreLimits::ReserveVariable);
        auto defaults = StoreLimits::fromEnvironment();
        QVERIFY(defaults);
        QCOMPARE(defaults->maxRootfsBytes, StoreLimits::DefaultMaxRootfsBytes);
        QCOMPARE(defaults->maxBundleBytes, StoreLimits::DefaultMaxBundleBytes);
        QCOMPARE(defaults->reserveBytes, StoreLimits::DefaultReserveBytes);

        qputenv(StoreLimits::MaxRootfsVariable, "8M");
        qputenv(StoreLimits::ReserveVariable, "");
        auto set = StoreLimits::fromEnvironment();
        QVERIFY(set);
        QCOMPARE(set->maxRootfsBytes, qint64(8) << 20);
        QCOMPARE(set->reserveBytes, StoreLimits::DefaultReserveBytes);

        qputenv(StoreLimits::MaxBundleVariable, "big");
        auto bad = StoreLimits::fromEnvironment();
        QVERIFY(!bad);
        QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(bad.error().message.startsWith(QStringLiteral("PLUGDESK_MAX_BUNDLE_BYTES=big is not a size")),
                 qPrintable(bad.error().message));
        qunsetenv(StoreLimits::MaxRootfsVariable);
        qunsetenv(StoreLimits::MaxBundleVariable);
        qunsetenv(StoreLimits::ReserveVariable);
    }

    void freeBytes()
    {
        QTemporaryDir dir;
        auto free = StoreLimits::freeBytes(dir.path());
        QVERIFY2(free, free ? "" : qPrintable(free.error().message));
        QVERIFY(*free >= 0);
        auto missing = StoreLimits::freeBytes(dir.filePath(QStringLiteral("no/such/folder")));
        QVERIFY(!missing);
        QCOMPARE(missing.error().code, ErrorCode::Io);
        QVERIFY(missing.error().message.contains(QStringLiteral("no/such/folder")));
    }
};

QTEST_GUILESS_MAIN(TestStoreLimits)
#include "tst_storelimits.moc"
