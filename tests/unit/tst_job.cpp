#include "core/base/job.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace core;

class TestJob : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reportsProgressFromAWorkerThreadAndFinishesOnce()
    {
        Job job(QStringLiteral("install"));
        QSignalSpy progressed(&job, &Job::progressed);
        QSignalSpy finished(&job, &Job::finished);
        QThread *worker = QThread::create([&job] {
            for (int i = 1; i <= 3; ++i)
                job.reportProgress({QStringLiteral("download"), QStringLiteral("abc"), i * 10, 30, QString()});
            job.finishWith(QStringLiteral("done"));
            job.failWith({ErrorCode::Internal, QStringLiteral("too late")}); // ignored: a job ends once
        });
        worker->start();
        job.waitForFinished();
        worker->wait();
        delete worker;
        QCoreApplication::processEvents();
        QVERIFY(job.isFinished());
        QVERIFY(job.succeeded());
        QCOMPARE(job.result().toString(), QStringLiteral("done"));
        QCOMPARE(finished.count(), 1);
        QCOMPARE(progressed.count(), 3);
        QCOMPARE(job.lastProgress().bytesDone, 30);
        QCOMPARE(job.lastProgress().phase, QStringLiteral("download"));
    }

    void failureCarriesTheError()
    {
        Job job(QStringLiteral("enable"));
        job.failWith({ErrorCode::Timeout, QStringLiteral("the plugin did not answer")});
        job.waitForFinished();
        QVERIFY(!job.succeeded());
        QVERIFY(job.error().has_value());
        QCOMPARE(job.error()->code, ErrorCode::Timeout);
        QCOMPARE(job.error()->message, QStringLiteral("the plugin did not answer"));
        // Progress after the end is dropped.
        QSignalSpy progressed(&job, &Job::progressed);
        job.reportProgress({QStringLiteral("late"), {}, 1, 1, {}});
        QCoreApplication::processEvents();
        QCOMPARE(progressed.count(), 0);
    }

    void cancelIsRequestedOnce()
    {
        Job job(QStringLiteral("push"));
        QSignalSpy requested(&job, &Job::cancelRequested);
        QVERIFY(!job.isCancelRequested());
        job.cancel();
        job.cancel();
        QVERIFY(job.isCancelRequested());
        QCOMPARE(requested.count(), 1);
        job.failWith({ErrorCode::Cancelled, QStringLiteral("cancelled")});
        job.waitForFinished();
        QCOMPARE(job.error()->code, ErrorCode::Cancelled);
        // Cancelling a finished job does nothing.
        Job done(QStringLiteral("x"));
        done.finishWith();
        done.waitForFinished();
        QSignalSpy none(&done, &Job::cancelRequested);
        done.cancel();
        QCOMPARE(none.count(), 0);
    }
};

QTEST_GUILESS_MAIN(TestJob)
#include "tst_job.moc"
