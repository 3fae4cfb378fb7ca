// Mountpoints from the plugin's view to the host's (moby's ScopedPath), the proxy's rewrite of answers, and the
// volume list's round trip through a Job result.
#include "core/helper/helperprotocol.h"
#include "core/runtime/socketproxy.h"
#include "core/volume/volume.h"
#include "core/volume/volumedriverclient.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <optional>

using namespace Qt::StringLiterals;

class TestVolumeMapping : public QObject
{
    Q_OBJECT

private:
    static core::VolumeDriverInfo mapping(const QString &propagatedMount)
    {
        core::VolumeDriverInfo info;
        info.propagatedMount = propagatedMount;
        info.hostPropagatedMount = QStringLiteral("/var/lib/plugdesk/plugins/ID/propagated-mount");
        info.rootfs = QStringLiteral("/var/lib/plugdesk/plugins/ID/rootfs");
        return info;
    }

    // A plugin's folders on disk, for what is resolved on the filesystem: propagated-mount/ holding a/, inner -> a,
    // out -> / (the attack: a symlink out of the propagated mount), up -> ../../.. ; rootfs/.
    QTemporaryDir m_tree;
    core::VolumeDriverInfo onDisk() const
    {
        core::VolumeDriverInfo info;
        info.name = QStringLiteral("acme/hostile:latest");
        info.propagatedMount = QStringLiteral("/vols");
        info.hostPropagatedMount = m_tree.path() + QStringLiteral("/propagated-mount");
        info.rootfs = m_tree.path() + QStringLiteral("/rootfs");
        return info;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tree.isValid());
        const QString pm = m_tree.path() + QStringLiteral("/propagated-mount");
        QVERIFY(QDir().mkpath(pm + QStringLiteral("/a")));
        QVERIFY(QDir().mkpath(m_tree.path() + QStringLiteral("/rootfs")));
        QVERIFY(QFile::link(QStringLiteral("a"), pm + QStringLiteral("/inner")));
        QVERIFY(QFile::link(QStringLiteral("/"), pm + QStringLiteral("/out")));
        QVERIFY(QFile::link(QStringLiteral("../../.."), pm + QStringLiteral("/up")));
    }

    void hostPath_data()
    {
        QTest::addColumn<QString>("propagatedMount");
        QTest::addColumn<QString>("pluginPath");
        QTest::addColumn<QString>("hostPath");
        const QString pm = QStringLiteral("/var/lib/plugdesk/plugins/ID/propagated-mount");
        const QString rootfs = QStringLiteral("/var/lib/plugdesk/plugins/ID/rootfs");
        QTest::newRow("under the propagated mount") << "/vols"
                                                    << "/vols/v1" << pm + u"/v1"_s;
        QTest::newRow("deeper") << "/vols"
                                << "/vols/a/b/" << pm + u"/a/b"_s;
        QTest::newRow("the propagated mount itself") << "/vols"
                                                     << "/vols" << pm;
        QTest::newRow("trailing slash in the config") << "/vols/"
                                                      << "/vols/v1" << pm + u"/v1"_s;
        QTest::newRow("a sibling with the same prefix") << "/vols"
                                                        << "/volsx/v1" << rootfs + u"/volsx/v1"_s;
        QTest::newRow("outside: into the rootfs") << "/vols"
                                                  << "/data/v1" << rootfs + u"/data/v1"_s;
        QTest::newRow("no propagated mount") << ""
                                             << "/vols/v1" << rootfs + u"/vols/v1"_s;
        QTest::newRow("dot-dot cannot climb out") << "/vols"
                                                  << "/vols/../../etc" << rootfs + u"/etc"_s;
        QTest::newRow("relative is taken from /") << "/vols"
                                                  << "vols/v1" << pm + u"/v1"_s;
        QTest::newRow("empty stays empty") << "/vols"
                                           << ""
                                           << "";
    }

    void hostPath()
    {
        QFETCH(QString, propagatedMount);
        QFETCH(QString, pluginPath);
        QFETCH(QString, hostPath);
        QCOMPARE(mapping(propagatedMount).hostPath(pluginPath), hostPath);
    }

    void rewrite_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("expected");
        const QByteArray pm = "@PM@";
        QTest::newRow("Mount answer") << QByteArray(R"({"Mountpoint":"/vols/a","Err":""})")
                                      << QByteArray(R"({"Err":"","Mountpoint":")" + pm + R"(/a"})");
        QTest::newRow("Get answer") << QByteArray(R"({"Volume":{"Name":"a","Mountpoint":"/vols/a"},"Err":""})")
                                    << QByteArray(R"({"Err":"","Volume":{"Mountpoint":")" + pm + R"(/a","Name":"a"}})");
        QTest::newRow("List answer") << QByteArray(R"({"Volumes":[{"Name":"a","Mountpoint":"/vols/a"},{"Name":"b"}]})")
                                     << QByteArray(R"({"Volumes":[{"Mountpoint":")" + pm +
                                                   R"(/a","Name":"a"},{"Name":"b"}]})");
        QTest::newRow("empty Mountpoint kept")
            << QByteArray(R"({"Mountpoint":"","Err":"x"})") << QByteArray(R"({"Err":"x","Mountpoint":""})");
        QTest::newRow("not JSON: unchanged")
            << QByteArray("404 page not found\n") << QByteArray("404 page not found\n");
        QTest::newRow("a non-string Mountpoint: unchanged")
            << QByteArray(R"({"Mountpoint":3})") << QByteArray(R"({"Mountpoint":3})");
        QTest::newRow("a symlink inside is followed") << QByteArray(R"({"Mountpoint":"/vols/inner","Err":""})")
                                                      << QByteArray(R"({"Err":"","Mountpoint":")" + pm + R"(/a"})");
    }

    void rewrite()
    {
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, expected);
        expected.replace("@PM@", QFile::encodeName(onDisk().hostPropagatedMount));
        const auto rewritten = core::SocketProxy::rewriteMountpoints(body, onDisk());
        QVERIFY2(rewritten.ok(), qPrintable(rewritten.ok() ? QString() : rewritten.error().message));
        QCOMPARE(rewritten->trimmed(), expected.trimmed());
    }

    // A Mount, Get or List answer naming a symlink out of the propagated mount never reaches dockerd.
    void rewriteRefusesAnEscape_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("Mount answer") << QByteArray(R"({"Mountpoint":"/vols/out","Err":""})");
        QTest::newRow("Get answer") << QByteArray(R"({"Volume":{"Name":"out","Mountpoint":"/vols/out"},"Err":""})");
        QTest::newRow("List answer") << QByteArray(
            R"({"Volumes":[{"Name":"a","Mountpoint":"/vols/a"},{"Name":"out","Mountpoint":"/vols/out"}]})");
    }

    void rewriteRefusesAnEscape()
    {
        QFETCH(QByteArray, body);
        const auto rewritten = core::SocketProxy::rewriteMountpoints(body, onDisk());
        QVERIFY(!rewritten.ok());
        QVERIFY2(rewritten.error().message.contains(QStringLiteral("acme/hostile:latest")),
                 qPrintable(rewritten.error().message));
        QVERIFY2(rewritten.error().message.contains(QStringLiteral("/vols/out")),
                 qPrintable(rewritten.error().message));
    }

    void resolveHostPath_data()
    {
        QTest::addColumn<QString>("pluginPath");
        QTest::addColumn<QString>("expected"); // @PM@ and @ROOTFS@ stand for the folders; empty: refused
        QTest::newRow("a folder") << "/vols/a"
                                  << "@PM@/a";
        QTest::newRow("the propagated mount") << "/vols"
                                              << "@PM@";
        QTest::newRow("a symlink that stays inside") << "/vols/inner"
                                                     << "@PM@/a";
        QTest::newRow("below a symlink that stays inside") << "/vols/inner/new"
                                                           << "@PM@/a/new";
        QTest::newRow("not there yet") << "/vols/missing/x"
                                       << "@PM@/missing/x";
        QTest::newRow("into the rootfs") << "/data/v"
                                         << "@ROOTFS@/data/v";
        QTest::newRow("dot-dot stays in the rootfs") << "/vols/../../../etc"
                                                     << "@ROOTFS@/etc";
        QTest::newRow("a symlink to /") << "/vols/out"
                                        << "";
        QTest::newRow("below a symlink to /") << "/vols/out/etc"
                                              << "";
        QTest::newRow("a relative symlink that climbs out") << "/vols/up"
                                                            << "";
    }

    void resolveHostPath()
    {
        QFETCH(QString, pluginPath);
        QFETCH(QString, expected);
        const core::VolumeDriverInfo info = onDisk();
        const auto resolved = info.resolveHostPath(pluginPath);
        if (expected.isEmpty()) {
            QVERIFY(!resolved.ok());
            QCOMPARE(resolved.error().code, core::ErrorCode::Runtime);
            QVERIFY2(resolved.error().message.contains(info.name), qPrintable(resolved.error().message));
            QVERIFY2(resolved.error().message.contains(pluginPath), qPrintable(resolved.error().message));
            return;
        }
        expected.replace(QStringLiteral("@PM@"), info.hostPropagatedMount);
        expected.replace(QStringLiteral("@ROOTFS@"), info.rootfs);
        QVERIFY2(resolved.ok(), qPrintable(resolved.ok() ? QString() : resolved.error().message));
        QCOMPARE(*resolved, expected);
    }

    // async(): the call runs on a thread of its own, the answer arrives on the context's thread; a socket nobody
    // serves is a connection error, retried with backoff until the retry budget is spent.
    void clientRunsOffTheCallersThread()
    {
        QTemporaryDir dir;
        core::VolumeDriverClient::Timeouts timeouts;
        timeouts.retryBudgetMs = 300;
        timeouts.firstBackoffMs = 100;
        QObject context;
        Qt::HANDLE worker = nullptr;
        std::optional<core::Result<QList<core::Volume>>> answer;
        QElapsedTimer timer;
        timer.start();
        core::VolumeDriverClient::async<core::Result<QList<core::Volume>>>(
            &context,
            [&worker, socket = QString(dir.path() + QStringLiteral("/none.sock")), timeouts] {
                worker = QThread::currentThreadId();
                return core::VolumeDriverClient(socket, timeouts).list();
            },
            [&answer](core::Result<QList<core::Volume>> result) { answer = result; });
        QVERIFY(!answer); // not on the caller's thread
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 5000);
        QVERIFY(worker != QThread::currentThreadId());
        QVERIFY(!answer->ok());
        QCOMPARE(answer->error().code, core::ErrorCode::Network);
        QVERIFY2(answer->error().message.startsWith(QStringLiteral("/VolumeDriver.List: ")),
                 qPrintable(answer->error().message));
        // Attempts at 0 and 100 ms; the next, at 300 ms, would reach the 300 ms budget, so it gives up.
        QVERIFY2(timer.elapsed() >= 100 && timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
    }

    // The published socket's request parser (SocketProxy::parseRequest) on bytes as they arrive from dockerd.
    void parseRequest_data()
    {
        QTest::addColumn<QByteArray>("received");
        QTest::addColumn<int>("state");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        using P = core::SocketProxy::Parsed;
        QTest::newRow("content-length") << QByteArray(
                                               "POST /VolumeDriver.Get HTTP/1.1\r\nContent-Length: 4\r\n\r\nabcdEXTRA")
                                        << int(P::Complete) << 0 << QByteArray("abcd");
        QTest::newRow("body not yet whole")
            << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 9\r\n\r\nabc") << int(P::NeedMore) << 0 << QByteArray();
        QTest::newRow("headers not yet whole")
            << QByteArray("POST /x HTTP/1.1\r\nHost: a\r\n") << int(P::NeedMore) << 0 << QByteArray();
        QTest::newRow("headers over 64 KiB") << QByteArray(65 * 1024, 'a') << int(P::Drop) << 0 << QByteArray();
        QTest::newRow("chunked") << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                               "3;e=1\r\nabc\r\n2\r\nde\r\n0\r\n\r\n")
                                 << int(P::Complete) << 0 << QByteArray("abcde");
        QTest::newRow("chunk size not hex")
            << QByteArray("POST /x HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n") << int(P::Refuse) << 400
            << QByteArray();
        QTest::newRow("no target") << QByteArray("POST\r\n\r\n") << int(P::Refuse) << 400 << QByteArray();
        QTest::newRow("negative length") << QByteArray("POST /x HTTP/1.1\r\nContent-Length: -1\r\n\r\n")
                                         << int(P::Refuse) << 413 << QByteArray();
        QTest::newRow("length over 16 MiB") << QByteArray("POST /x HTTP/1.1\r\nContent-Length: 99999999999\r\n\r\n")
                                            << int(P::Refuse) << 413 << QByteArray();
    }

    void parseRequest()
    {
        QFETCH(QByteArray, received);
        QFETCH(int, state);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        const core::SocketProxy::Parsed parsed = core::SocketProxy::parseRequest(received);
        QCOMPARE(int(parsed.state), state);
        QCOMPARE(parsed.status, status);
        QCOMPARE(parsed.state == core::SocketProxy::Parsed::Refuse, !parsed.message.isEmpty());
        if (state == core::SocketProxy::Parsed::Complete) {
            QCOMPARE(parsed.request.method, QByteArray("POST"));
            QCOMPARE(parsed.request.body, body);
        }
    }

    // A volume plugin's answer after the Err rules (VolumeDriverClient::decodeAnswer): Err wins whatever the status,
    // a non-200 status without Err carries the raw body, anything else must be a JSON object.
    void decodeAnswer_data()
    {
        QTest::addColumn<long>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("error"); // empty: accepted
        QTest::newRow("ok") << 200L << QByteArray(R"({"Mountpoint": "/v", "Err": ""})") << QString();
        QTest::newRow("err with 200") << 200L << QByteArray(R"({"Err": "busy"})") << u"busy"_s;
        QTest::newRow("err with 500") << 500L << QByteArray(R"({"Err": "broken"})") << u"broken"_s;
        QTest::newRow("500 without err") << 500L << QByteArray("internal error\n") << u"internal error"_s;
        QTest::newRow("not json") << 200L << QByteArray("<html>")
                                  << u"/VolumeDriver.Get: the plugin's answer is not a JSON object: <html>"_s;
        QTest::newRow("json array") << 200L << QByteArray("[]")
                                    << u"/VolumeDriver.Get: the plugin's answer is not a JSON object: []"_s;
    }

    void decodeAnswer()
    {
        QFETCH(long, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, error);
        const auto answer = core::VolumeDriverClient::decodeAnswer(u"/VolumeDriver.Get"_s, status, body);
        QCOMPARE(answer.ok(), error.isEmpty());
        if (!answer.ok())
            QCOMPARE(answer.error().message, error);
    }

    void decodeParts()
    {
        const QJsonObject get = QJsonDocument::fromJson(R"({"Volume": {"Name": "v", "Mountpoint": "/m"}})").object();
        QCOMPARE(core::VolumeDriverClient::volumeOf(get)->mountpoint, u"/m"_s);
        QVERIFY(!core::VolumeDriverClient::volumeOf(QJsonObject{{u"Volume"_s, QJsonValue()}}));
        const QJsonObject list = QJsonDocument::fromJson(R"({"Volumes": [{"Name": "a"}, 3, {"Name": "b"}]})").object();
        QCOMPARE(core::VolumeDriverClient::volumesOf(list).size(), 3);
        QCOMPARE(core::VolumeDriverClient::volumesOf(list).at(2).name, u"b"_s);
        const QJsonObject global = QJsonDocument::fromJson(R"({"Capabilities": {"Scope": "GLOBAL"}})").object();
        QCOMPARE(core::VolumeDriverClient::scopeOf(global), u"global"_s);
        QCOMPARE(core::VolumeDriverClient::scopeOf(QJsonObject{}), u"local"_s);
    }

    void listRoundTrip()
    {
        core::VolumeList list;
        core::Volume volume;
        volume.name = QStringLiteral("v1");
        volume.driver = QStringLiteral("acme/testvol:latest");
        volume.mountpoint = QStringLiteral("/vols/v1");
        volume.hostMountpoint = QStringLiteral("/host/v1");
        volume.options = QMap<QString, QString>{{QStringLiteral("k"), QStringLiteral("v")}};
        volume.mounts = 2;
        list.volumes.append(volume);
        list.errors.append(
            {QStringLiteral("acme/hang:latest"), {core::ErrorCode::Timeout, QStringLiteral("timed out after 10 s")}});
        // In process (typed), as JSON, and as the QVariantMap a remote job delivers: the same list.
        const QList<QVariant> forms{list.toVariant(), QVariant(list.toJson()), QVariant(list.toJson().toVariantMap())};
        for (const QVariant &form : forms) {
            const core::VolumeList back = core::VolumeList::fromVariant(form);
            QCOMPARE(back.volumes.size(), 1);
            QCOMPARE(back.volumes.at(0).toJson(), volume.toJson());
            QCOMPARE(back.volumes.at(0).toJson().value(QStringLiteral("Mountpoint")).toString(),
                     QStringLiteral("/host/v1"));
            QCOMPARE(back.errors.size(), 1);
            QCOMPARE(back.errors.at(0).driver, QStringLiteral("acme/hang:latest"));
            QCOMPARE(back.errors.at(0).error.code, core::ErrorCode::Timeout);
        }
        QCOMPARE(list.toJson().value(QStringLiteral("Warnings")).toArray(),
                 QJsonArray{QStringLiteral("acme/hang:latest: timed out after 10 s")});
        // What the helper sends for it is that JSON.
        QCOMPARE(QJsonDocument::fromJson(core::HelperProtocol::encodeResult(list.toVariant()).toUtf8()).object(),
                 list.toJson());
        // A volume not created through Plugdesk has unknown options: null, as Docker prints them.
        core::Volume foreign;
        foreign.name = QStringLiteral("x");
        QVERIFY(foreign.toJson().value(QStringLiteral("Options")).isNull());
        QVERIFY(!core::Volume::fromJson(foreign.toJson()).options.has_value());
    }
};

QTEST_GUILESS_MAIN(TestVolumeMapping)
#include "tst_volumemapping.moc"
