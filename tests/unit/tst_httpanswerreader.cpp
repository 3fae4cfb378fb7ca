// HttpAnswerReader (an HTTP/1.1 answer read as its bytes arrive) and the bounds DockerClient keeps on what a Docker
// daemon sends: a body over DockerClient::kMaxBody, a progress line over kMaxLine, and a streamed answer that keeps
// only its last "aux" object. A real dockerd does not misbehave on demand, so the daemon here is a loopback unix
// socket server (QLocalServer) that answers the version negotiation like dockerd and then the test's bytes.
#include "core/base/httpanswerreader.h"
#include "core/docker/dockerclient.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using core::DockerClient;
using core::HttpAnswerReader;
using Progress = HttpAnswerReader::Progress;

namespace {

struct Outcome
{
    Progress progress = Progress::NeedMore;
    int status = 0;
    QByteArray body;
    QString error;
};

// Feeds `bytes` in pieces of `piece` bytes (0: all at once), then closes the stream when `close` says so.
Outcome read(const QByteArray &bytes, qsizetype piece, bool close, bool head = false)
{
    HttpAnswerReader reader(QStringLiteral("the peer"), head);
    Outcome outcome;
    const auto sink = [&](QByteArrayView part) { outcome.body.append(part); };
    const qsizetype step = piece > 0 ? piece : qMax<qsizetype>(1, bytes.size());
    for (qsizetype at = 0; at < bytes.size(); at += step)
        outcome.progress = reader.feed(QByteArrayView(bytes).sliced(at, qMin(step, bytes.size() - at)), sink);
    if (close)
        outcome.progress = reader.close();
    outcome.status = reader.status();
    outcome.error = reader.error();
    return outcome;
}

// A daemon that answers /_ping and /version as dockerd 20.10 does, and any other request with `answer` (raw bytes,
// sent in one write, then the connection is closed when `closeAfter`).
class FakeDaemon : public QObject
{
public:
    explicit FakeDaemon(const QString &path)
    {
        QLocalServer::removeServer(path);
        m_server.listen(path);
        connect(&m_server, &QLocalServer::newConnection, this, [this] {
            while (QLocalSocket *socket = m_server.nextPendingConnection()) {
                connect(socket, &QLocalSocket::readyRead, socket, [this, socket] {
                    m_request += socket->readAll();
                    if (!m_request.contains("\r\n\r\n"))
                        return;
                    const QByteArray line = m_request.left(m_request.indexOf("\r\n"));
                    m_request.clear();
                    if (line.contains("/_ping")) {
                        socket->write("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n\r\nOK");
                    } else if (line.contains("/version")) {
                        const QByteArray body = R"({"Version":"20.10.24","ApiVersion":"1.41"})";
                        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                                      QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    } else {
                        writeAnswer(socket);
                        return;
                    }
                });
                connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    bool listening() const { return m_server.isListening(); }
    std::function<void(QLocalSocket *)> writeAnswer;

private:
    QLocalServer m_server;
    QByteArray m_request;
};

} // namespace

class TestHttpAnswerReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void reads_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("close");
        QTest::addColumn<int>("progress");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        const int complete = int(Progress::Complete);
        const int needMore = int(Progress::NeedMore);
        QTest::newRow("content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello") << false
                                        << complete << 200 << QByteArray("hello");
        QTest::newRow("content-length, bytes after are ignored")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhiHTTP/1.1 500") << false << complete << 200
            << QByteArray("hi");
        QTest::newRow("content-length, short, still open")
            << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nhello") << false << needMore << 200
            << QByteArray("hello");
        QTest::newRow("chunked, extensions and trailers")
            << QByteArray("HTTP/1.1 201 Created\r\ntransfer-encoding: Chunked\r\n\r\n"
                          "3;name=x\r\nabc\r\n0A\r\n0123456789\r\n0\r\nX-Trailer: 1\r\n\r\n")
            << false << complete << 201 << QByteArray("abc0123456789");
        QTest::newRow("until close") << QByteArray("HTTP/1.1 200 OK\r\n\r\nall of it") << true << complete << 200
                                     << QByteArray("all of it");
        QTest::newRow("100 continue first")
            << QByteArray("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 2\r\n\r\n{}") << false
            << complete << 404 << QByteArray("{}");
        QTest::newRow("204 has no body") << QByteArray("HTTP/1.1 204 No Content\r\nContent-Length: 7\r\n\r\n") << false
                                         << complete << 204 << QByteArray();
        QTest::newRow("zero length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n") << false << complete
                                     << 200 << QByteArray();
    }
    void reads()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, close);
        QFETCH(int, progress);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        // Whole, a byte at a time, and in pieces of 3 and 7: always the same answer.
        for (qsizetype piece : {qsizetype(0), qsizetype(1), qsizetype(3), qsizetype(7)}) {
            const Outcome outcome = read(bytes, piece, close);
            QCOMPARE(int(outcome.progress), progress);
            QCOMPARE(outcome.status, status);
            QCOMPARE(outcome.body, body);
            QVERIFY2(outcome.error.isEmpty(), qPrintable(outcome.error));
        }
    }

    void headAnswerHasNoBody()
    {
        const Outcome outcome = read("HTTP/1.1 200 OK\r\nContent-Length: 40\r\n\r\n", 0, false, /*head=*/true);
        QCOMPARE(int(outcome.progress), int(Progress::Complete));
        QVERIFY(outcome.body.isEmpty());
    }

    void refuses_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("close");
        QTest::addColumn<QString>("error");
        QTest::newRow("not HTTP") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n") << false
                                  << "the peer did not answer in HTTP: SSH-2.0-OpenSSH_9.2";
        QTest::newRow("status not a number")
            << QByteArray("HTTP/1.1 OK\r\n\r\n") << false << "the peer did not answer in HTTP: HTTP/1.1 OK";
        QTest::newRow("bad content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -4\r\n\r\n") << false
                                            << "the peer sent a bad Content-Length: -4";
        QTest::newRow("bad chunk size") << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                        << false << "the peer sent a bad chunk size: zz";
        QTest::newRow("chunk longer than its size")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n") << false
            << "the peer sent a chunk that does not end where its size says";
        QTest::newRow("head over 64 KiB") << QByteArray("HTTP/1.1 200 OK\r\nX: " + QByteArray(70000, 'a')) << false
                                          << "the peer sent an HTTP header of over 64 KiB";
        QTest::newRow("endless chunk-size line")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + QByteArray(5000, '1')) << false
            << "the peer sent a chunk-size line of over 4096 bytes";
        QTest::newRow("closed mid-body") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nhello") << true
                                         << "the peer closed the connection before its answer was whole";
        QTest::newRow("closed before the head")
            << QByteArray("HTTP/1.1 200") << true << "the peer closed the connection before its answer was whole";
    }
    void refuses()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, close);
        QFETCH(QString, error);
        for (qsizetype piece : {qsizetype(0), qsizetype(1), qsizetype(5)}) {
            const Outcome outcome = read(bytes, piece, close);
            QCOMPARE(int(outcome.progress), int(Progress::Failed));
            QCOMPARE(outcome.error, error);
        }
    }

    // A piece that arrives while nothing is buffered goes to the sink as it is, without being gathered first.
    void bigBodyPassesThroughInPieces()
    {
        HttpAnswerReader reader(QStringLiteral("the peer"), false);
        const qsizetype size = 8 * 1024 * 1024;
        qsizetype received = 0;
        int pieces = 0;
        const auto sink = [&](QByteArrayView part) {
            received += part.size();
            ++pieces;
        };
        const QByteArray head = "HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(size) + "\r\n\r\n";
        QCOMPARE(reader.feed(head, sink), Progress::NeedMore);
        const QByteArray block(64 * 1024, 'x');
        Progress progress = Progress::NeedMore;
        for (qsizetype sent = 0; sent < size; sent += block.size())
            progress = reader.feed(block, sink);
        QCOMPARE(progress, Progress::Complete);
        QCOMPARE(received, size);
        QCOMPARE(pieces, int(size / block.size()));
    }

    void dockerClientBoundsWhatItKeeps_data()
    {
        QTest::addColumn<bool>("stream");
        QTest::addColumn<QString>("error");
        QTest::newRow("an answer over 64 MiB")
            << false << "the Docker daemon at unix://%1 answered GET /plugins with over 64 MiB";
        QTest::newRow("a progress line over 1 MiB")
            << true << "the Docker daemon at unix://%1 sent a progress line of over 1 MiB for POST /plugins/pull";
    }
    void dockerClientBoundsWhatItKeeps()
    {
        QFETCH(bool, stream);
        QFETCH(QString, error);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("docker.sock"));
        FakeDaemon daemon(path);
        QVERIFY(daemon.listening());
        // An endless chunked answer: a line with no newline, or plain bytes, 1 MiB a write until the client hangs up.
        daemon.writeAnswer = [](QLocalSocket *socket) {
            socket->write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
            auto *timer = new QTimer(socket);
            QObject::connect(timer, &QTimer::timeout, socket, [socket] {
                if (socket->bytesToWrite() < 4 * 1024 * 1024)
                    socket->write("100000\r\n" + QByteArray(0x100000, 'a') + "\r\n");
            });
            timer->start(0);
        };
        DockerClient client(*core::ConnectionUrl::parse(QStringLiteral("unix://") + path));
        core::DockerRequest request;
        request.method = stream ? "POST" : "GET";
        request.path = stream ? QStringLiteral("/plugins/pull") : QStringLiteral("/plugins");
        request.streamJsonLines = stream;
        core::DockerCall *call = client.send(request);
        QSignalSpy finished(call, &core::DockerCall::finished);
        QVERIFY(finished.wait(60000));
        QVERIFY(!call->result());
        QCOMPARE(call->result().error().message, error.arg(path));
        // Nothing of the stream's body was kept, and the kept body stayed within its bound.
        QVERIFY(call->response().body.size() <= DockerClient::kMaxBody);
        if (stream)
            QVERIFY(call->response().body.isEmpty());
    }

    // A streamed answer keeps no body, only its last "aux" object; every line still reaches jsonLine.
    void dockerClientKeepsTheLastAuxOfAStream()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("docker.sock"));
        FakeDaemon daemon(path);
        QVERIFY(daemon.listening());
        daemon.writeAnswer = [](QLocalSocket *socket) {
            QByteArray body;
            for (int i = 0; i < 1000; ++i)
                body += R"({"status":"Pushing","progressDetail":{"current":)" + QByteArray::number(i) + "}}\r\n";
            body += R"({"aux":{"Tag":"1.0","Digest":"sha256:aa","Size":1}})"
                    "\n";
            body += R"({"aux":{"Tag":"latest","Digest":"sha256:bb","Size":2}})"
                    "\n";
            socket->write("HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n");
            socket->write(body);
        };
        DockerClient client(*core::ConnectionUrl::parse(QStringLiteral("unix://") + path));
        core::DockerRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/plugins/x/push");
        request.streamJsonLines = true;
        core::DockerCall *call = client.send(request);
        int lines = 0;
        connect(call, &core::DockerCall::jsonLine, this, [&lines] { ++lines; });
        QSignalSpy finished(call, &core::DockerCall::finished);
        QVERIFY(finished.wait(10000));
        QVERIFY2(call->result(), qPrintable(call->result() ? QString() : call->result().error().message));
        QCOMPARE(lines, 1002);
        QVERIFY(call->result()->body.isEmpty());
        QCOMPARE(call->result()->aux.value(QStringLiteral("Tag")).toString(), QStringLiteral("latest"));
        QCOMPARE(call->result()->aux.value(QStringLiteral("Size")).toInt(), 2);
    }
    // A streamed call that Docker refuses: its error body is kept, and Docker's own words are the error.
    void dockerClientStreamedErrorKeepsDockerWords()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("docker.sock"));
        FakeDaemon daemon(path);
        QVERIFY(daemon.listening());
        daemon.writeAnswer = [](QLocalSocket *socket) {
            socket->write("HTTP/1.1 500 Internal Server Error\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "30\r\n{\"message\":\"manifest for x:nosuchtag not found\"}\r\n0\r\n\r\n");
        };
        DockerClient client(*core::ConnectionUrl::parse(QStringLiteral("unix://") + path));
        core::DockerRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/plugins/pull");
        request.streamJsonLines = true;
        core::DockerCall *call = client.send(request);
        QSignalSpy finished(call, &core::DockerCall::finished);
        QVERIFY(finished.wait(10000));
        QVERIFY(!call->result());
        QCOMPARE(call->result().error().message, QStringLiteral("manifest for x:nosuchtag not found"));
    }
};

QTEST_MAIN(TestHttpAnswerReader)
#include "tst_httpanswerreader.moc"
