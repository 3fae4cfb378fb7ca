#pragma once

// A minimal HTTP/1.1 server on 127.0.0.1 for tests: one handler answers each request with raw bytes, so a test can
// misbehave on purpose (wrong bytes, a connection cut mid-body, 503s). Connections close after each answer.
#include <QByteArray>
#include <QHash>
#include <QList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>
#include <QUrlQuery>
#include <functional>

namespace testutil {

struct HttpRequest
{
    QByteArray method;
    QUrl url;                              // path and query
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray body;
};

struct HttpReply
{
    QByteArray raw;          // written as is
    bool cutAfter = false;   // close the connection right after `raw`, even if it announced a longer body
    bool stallAfter = false; // send nothing after `raw` and keep the connection open until the client closes it
};

inline HttpReply httpReply(int status, const QByteArray &body, const QList<QPair<QByteArray, QByteArray>> &headers = {},
                           const QByteArray &reason = "X")
{
    QByteArray raw = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    bool hasLength = false;
    for (const auto &header : headers) {
        raw += header.first + ": " + header.second + "\r\n";
        hasLength = hasLength || header.first.compare("Content-Length", Qt::CaseInsensitive) == 0;
    }
    if (!hasLength)
        raw += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    raw += "Connection: close\r\n\r\n" + body;
    return {raw, false};
}

class TestHttpServer final : public QTcpServer
{
public:
    using Handler = std::function<HttpReply(const HttpRequest &)>;

    explicit TestHttpServer(Handler handler, QObject *parent = nullptr)
        : QTcpServer(parent)
        , m_handler(std::move(handler))
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = nextPendingConnection())
                serve(socket);
        });
        listen(QHostAddress::LocalHost, 0);
    }

    QString authority() const { return QStringLiteral("127.0.0.1:%1").arg(serverPort()); }
    QList<HttpRequest> requests; // every request seen, in order

private:
    void serve(QTcpSocket *socket)
    {
        auto *buffer = new QByteArray;
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, socket, [buffer] { delete buffer; });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const qsizetype end = buffer->indexOf("\r\n\r\n");
            if (end < 0)
                return;
            HttpRequest request;
            const QList<QByteArray> lines = buffer->left(end).split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            request.url = QUrl::fromEncoded(first.value(1));
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    request.headers.insert(lines[i].left(colon).trimmed().toLower(), lines[i].mid(colon + 1).trimmed());
            }
            const qsizetype length = request.headers.value("content-length").toLongLong();
            if (buffer->size() < end + 4 + length)
                return;
            request.body = buffer->mid(end + 4, length);
            buffer->clear();
            requests.append(request);
            const HttpReply reply = m_handler(request);
            socket->write(reply.raw);
            if (reply.stallAfter)
                return;
            // A graceful close after the bytes (not a reset, which could discard them before the client read them).
            socket->disconnectFromHost();
        });
    }

    Handler m_handler;
};

} // namespace testutil
