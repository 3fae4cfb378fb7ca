// BackgroundSync: a syncfs each time `step` more bytes were reported, none below it, every reporting thread counted,
// stop() that waits and is idempotent, and a folder that cannot be opened reported by stop() with its path.
#include "core/base/backgroundsync.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <thread>
#include <vector>

using core::BackgroundSync;
using core::ErrorCode;

class TestBackgroundSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nothingBelowTheStep()
    {
        QTemporaryDir dir;
        BackgroundSync sync(dir.path(), 1024);
        sync.wrote(1023);
        sync.wrote(0);
        sync.wrote(-5);
        QTest::qWait(50);
        QCOMPARE(sync.syncs(), 0);
        QVERIFY(sync.stop().ok());
        QCOMPARE(sync.syncs(), 0);
    }

    void aSyncOncePastTheStep()
    {
        QTemporaryDir dir;
        QFile file(dir.filePath(QStringLiteral("data")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write(QByteArray(64 * 1024, 'x')) == 64 * 1024);
        file.close();
        BackgroundSync sync(dir.path(), 64 * 1024);
        sync.wrote(32 * 1024);
        sync.wrote(32 * 1024);
        QTRY_COMPARE(sync.syncs(), 1);
        // What was counted went with that syncfs: nothing is pending, so no second one comes.
        QTest::qWait(50);
        QCOMPARE(sync.syncs(), 1);
        sync.wrote(64 * 1024);
        QTRY_COMPARE(sync.syncs(), 2);
        QVERIFY(sync.stop().ok());
    }

    // Bytes reported from several threads at once all count; the syncs never exceed what the reports allow.
    void reportsFromManyThreads()
    {
        QTemporaryDir dir;
        constexpr qint64 step = 4096;
        BackgroundSync sync(dir.path(), step);
        std::vector<std::thread> writers;
        for (int t = 0; t < 4; ++t) {
            writers.emplace_back([&sync] {
                for (int i = 0; i < 1000; ++i)
                    sync.wrote(64);
            });
        }
        for (std::thread &writer : writers)
            writer.join();
        // 256,000 bytes reported: at least one syncfs, at most one per whole step.
        QTRY_VERIFY(sync.syncs() >= 1);
        QVERIFY(sync.stop().ok());
        QVERIFY2(sync.syncs() <= 4 * 1000 * 64 / step, qPrintable(QString::number(sync.syncs())));
    }

    void stopIsIdempotentAndEndsTheSyncs()
    {
        QTemporaryDir dir;
        BackgroundSync sync(dir.path(), 1);
        sync.wrote(10);
        QVERIFY(sync.stop().ok());
        const int after = sync.syncs();
        QVERIFY(sync.stop().ok());
        sync.wrote(1000); // after stop: ignored
        QTest::qWait(20);
        QCOMPARE(sync.syncs(), after);
    }

    void aFolderThatCannotBeOpened()
    {
        QTemporaryDir dir;
        const QString missing = dir.filePath(QStringLiteral("not-here"));
        BackgroundSync sync(missing, 1);
        sync.wrote(100);
        QTest::qWait(20);
        QCOMPARE(sync.syncs(), 0);
        const core::Status stopped = sync.stop();
        QVERIFY(!stopped);
        QCOMPARE(stopped.error().code, ErrorCode::Io);
        QVERIFY2(stopped.error().message.contains(missing), qPrintable(stopped.error().message));
        // Still the same answer the second time.
        QVERIFY(!sync.stop());
    }
};

QTEST_GUILESS_MAIN(TestBackgroundSync)
#include "tst_backgroundsync.moc"
