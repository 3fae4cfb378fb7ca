// Job objects on the bus: a core::Job exported by an in-process HelperService on a private dbus-daemon, and
// mirrored by RemoteJob on a second connection, as HelperEngine does for long verbs.
#include "common/privatebus.h"
#include "common/testutil.h"
#include "core/engine/localengine.h"
#include "core/helper/helperprotocol.h"
#include "core/helper/helperservice.h"
#include "core/helper/remotejob.h"

#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <unistd.h>

Q_DECLARE_METATYPE(core::ErrorCode)

class TestHelperJobs : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<testutil::PrivateBus> m_bus;
    std::unique_ptr<core::LocalEngine> m_engine;
    std::unique_ptr<core::HelperService> m_service;
    QDBusConnection m_server{QString()};
    QDBusConnection m_client{QString()};

    static void waitFinished(core::Job *job)
    {
        QSignalSpy finished(job, &core::Job::finished);
        if (!job->isFinished())
            QVERIFY(finished.wait(10000));
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("needs root: the helper's name is root's on the bus");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        m_bus = std::make_unique<testutil::PrivateBus>();
        const QString why = m_bus->start(m_dir->path());
        QVERIFY2(why.isEmpty(), qPrintable(why));
        m_server = QDBusConnection::connectToBus(m_bus->address(), QStringLiteral("server"));
        m_client = QDBusConnection::connectToBus(m_bus->address(), QStringLiteral("client"));
        QVERIFY(m_server.isConnected() && m_client.isConnected());
        m_engine = std::make_unique<core::LocalEngine>(core::LocalEngine::Options{
            m_dir->path() + QStringLiteral("/store"), m_dir->path() + QStringLiteral("/run")});
        m_service = std::make_unique<core::HelperService>(m_server, m_engine.get());
        auto started = m_service->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().message));
    }

    void cleanup()
    {
        m_service.reset();
        m_engine.reset();
        m_server = QDBusConnection(QString());
        m_client = QDBusConnection(QString());
        QDBusConnection::disconnectFromBus(QStringLiteral("server"));
        QDBusConnection::disconnectFromBus(QStringLiteral("client"));
        m_bus.reset();
        m_dir.reset();
    }

    void progressArrivesAndResultTravels()
    {
        core::Job job(QStringLiteral("install"));
        const QString path = m_service->exportJob(&job, QStringLiteral("install"), m_client.baseService());
        QVERIFY(path.startsWith(core::HelperProtocol::jobPathPrefix()));
        QCOMPARE(m_service->runningJobs(), 1);
        core::Job *mirror = core::RemoteJob::adopt(m_client, core::HelperProtocol::serviceName(), path,
                                                   QStringLiteral("install"), this);
        QSignalSpy progressed(mirror, &core::Job::progressed);
        // Let the mirror subscribe before the first report (a late subscriber is covered below).
        QTest::qWait(200);
        const QList<core::JobProgress> sent{
            {QStringLiteral("download"), QStringLiteral("sha256:aaaa"), 0, 300, QStringLiteral("Downloading")},
            {QStringLiteral("download"), QStringLiteral("sha256:aaaa"), 150, 300, QStringLiteral("Downloading")},
            {QStringLiteral("extract"), QString(), 300, 300, QStringLiteral("Extracting")},
        };
        for (const core::JobProgress &progress : sent)
            job.reportProgress(progress);
        QTRY_COMPARE_WITH_TIMEOUT(progressed.size(), sent.size(), 10000);
        for (qsizetype index = 0; index < sent.size(); ++index) {
            const auto got = progressed.at(index).at(0).value<core::JobProgress>();
            QCOMPARE(got.phase, sent.at(index).phase);
            QCOMPARE(got.item, sent.at(index).item);
            QCOMPARE(got.bytesDone, sent.at(index).bytesDone);
            QCOMPARE(got.bytesTotal, sent.at(index).bytesTotal);
            QCOMPARE(got.text, sent.at(index).text);
        }
        // The Progress property, (ssxxs), holds the last report.
        QDBusMessage get =
            QDBusMessage::createMethodCall(core::HelperProtocol::serviceName(), path,
                                           QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
        get << core::HelperProtocol::jobInterfaceName() << QStringLiteral("Progress");
        // BlockWithGui: the service answers on this very thread.
        const QDBusMessage reply = m_client.call(get, QDBus::BlockWithGui);
        core::JobProgress last;
        reply.arguments().value(0).value<QDBusVariant>().variant().value<QDBusArgument>() >> last;
        QCOMPARE(last.phase, QStringLiteral("extract"));
        QCOMPARE(last.bytesDone, 300);

        const QVariantMap result{{QStringLiteral("Id"), QStringLiteral("abc")}, {QStringLiteral("Layers"), 3}};
        job.finishWith(result);
        waitFinished(mirror);
        QVERIFY(mirror->succeeded());
        QCOMPARE(mirror->result().toMap(), result);
        QCOMPARE(m_service->runningJobs(), 0);
    }

    void failureCarriesCodeAndMessage_data()
    {
        QTest::addColumn<core::ErrorCode>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("not found") << core::ErrorCode::NotFound << "plugin \"x\" not found";
        QTest::newRow("digest") << core::ErrorCode::DigestMismatch << "layer sha256:abc: size 3, expected 4";
        QTest::newRow("runtime") << core::ErrorCode::Runtime << "runc: exit status 1";
        QTest::newRow("unsupported (last code)") << core::ErrorCode::Unsupported << "media type x";
    }

    void failureCarriesCodeAndMessage()
    {
        QFETCH(core::ErrorCode, code);
        QFETCH(QString, message);
        core::Job job(QStringLiteral("enable"));
        const QString path = m_service->exportJob(&job, QStringLiteral("enable"), m_client.baseService());
        core::Job *mirror =
            core::RemoteJob::adopt(m_client, core::HelperProtocol::serviceName(), path, QStringLiteral("enable"), this);
        QTest::qWait(200);
        job.failWith({code, message});
        waitFinished(mirror);
        QVERIFY(!mirror->succeeded());
        QCOMPARE(mirror->error()->code, code);
        QCOMPARE(mirror->error()->message, message);
    }

    // A client that subscribes after the job ended reads the end from the properties.
    void lateSubscriberSeesTheEnd()
    {
        core::Job job(QStringLiteral("push"));
        const QString path = m_service->exportJob(&job, QStringLiteral("push"), m_client.baseService());
        job.failWith({core::ErrorCode::Auth, QStringLiteral("unauthorized")});
        QTRY_VERIFY(job.isFinished());
        QTest::qWait(100);
        core::Job *mirror =
            core::RemoteJob::adopt(m_client, core::HelperProtocol::serviceName(), path, QStringLiteral("push"), this);
        waitFinished(mirror);
        QCOMPARE(mirror->error()->code, core::ErrorCode::Auth);
        QCOMPARE(mirror->error()->message, QStringLiteral("unauthorized"));
    }

    // The owner cancels through the mirror; the worker sees cancelRequested and ends the job as cancelled.
    void ownerCancels()
    {
        core::Job job(QStringLiteral("install"));
        connect(&job, &core::Job::cancelRequested, &job, [&job] {
            job.failWith({core::ErrorCode::Cancelled, QStringLiteral("install cancelled")});
        });
        const QString path = m_service->exportJob(&job, QStringLiteral("install"), m_client.baseService());
        core::Job *mirror = core::RemoteJob::adopt(m_client, core::HelperProtocol::serviceName(), path,
                                                   QStringLiteral("install"), this);
        QTest::qWait(200);
        mirror->cancel();
        waitFinished(mirror);
        QVERIFY(job.isCancelRequested());
        QCOMPARE(mirror->error()->code, core::ErrorCode::Cancelled);
        QCOMPARE(mirror->error()->message, QStringLiteral("install cancelled"));
    }

    // Cancel from someone else: root may, nobody may not.
    void cancelByOthers_data()
    {
        QTest::addColumn<bool>("asNobody");
        QTest::newRow("root, not the owner") << false;
        QTest::newRow("nobody") << true;
    }

    void cancelByOthers()
    {
        QFETCH(bool, asNobody);
        if (QStandardPaths::findExecutable(QStringLiteral("dbus-send")).isEmpty())
            QSKIP("dbus-send is not installed (dbus-bin)");
        core::Job job(QStringLiteral("install"));
        const QString path = m_service->exportJob(&job, QStringLiteral("install"), m_client.baseService());
        QStringList arguments{QStringLiteral("dbus-send"),
                              QStringLiteral("--bus=") + m_bus->address(),
                              QStringLiteral("--print-reply"),
                              QStringLiteral("--dest=org.plugdesk.Helper1"),
                              path,
                              QStringLiteral("org.plugdesk.Helper1.Job.Cancel")};
        if (asNobody)
            arguments = QStringList{QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                                    QStringLiteral("--clear-groups"), QStringLiteral("--")} +
                        arguments;
        QProcess process;
        process.start(asNobody ? QStringLiteral("setpriv") : arguments.takeFirst(), arguments);
        // The helper answers on this thread's event loop: keep it turning while dbus-send waits.
        QTRY_VERIFY_WITH_TIMEOUT(process.state() == QProcess::NotRunning, 10000);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        if (asNobody) {
            QCOMPARE(process.exitCode(), 1);
            QVERIFY2(err.contains(QStringLiteral("org.plugdesk.Error.PermissionDenied: not authorized to cancel this "
                                                 "job: only the caller that started it, or root, may cancel it")),
                     qPrintable(err));
            QVERIFY(!job.isCancelRequested());
        } else {
            QCOMPARE(process.exitCode(), 0);
            QVERIFY(job.isCancelRequested());
        }
    }

    // The helper leaving the bus ends a mirrored job instead of leaving its client waiting.
    void helperLeavingFailsTheMirror()
    {
        core::Job job(QStringLiteral("install"));
        const QString path = m_service->exportJob(&job, QStringLiteral("install"), m_client.baseService());
        core::Job *mirror = core::RemoteJob::adopt(m_client, core::HelperProtocol::serviceName(), path,
                                                   QStringLiteral("install"), this);
        QTest::qWait(200);
        QVERIFY(m_server.unregisterService(core::HelperProtocol::serviceName()));
        waitFinished(mirror);
        QCOMPARE(mirror->error()->code, core::ErrorCode::Runtime);
        QCOMPARE(mirror->error()->message, QStringLiteral("the Plugdesk helper left the bus before the job finished"));
    }

    // A running job keeps the helper from its idle exit; its end lets the idle clock run again.
    void runningJobHoldsOffIdle()
    {
        QSignalSpy idle(m_service.get(), &core::HelperService::idle);
        core::Job job(QStringLiteral("install"));
        m_service->exportJob(&job, QStringLiteral("install"), m_client.baseService());
        m_service->setIdleTimeout(1);
        QVERIFY(!idle.wait(2500));
        job.finishWith();
        QVERIFY(idle.wait(5000));
    }
};

QTEST_GUILESS_MAIN(TestHelperJobs)
#include "tst_helperjobs.moc"
