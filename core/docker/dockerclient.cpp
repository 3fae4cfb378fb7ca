#include "core/docker/dockerclient.h"

#include <QCoreApplication>
#include <QJsonParseError>
#include <QLocalSocket>
#include <QProcess>
#include <QTimer>

namespace core {

namespace {

// After a request's answer, the ssh process gets this long to exit on its own once its stdin closed.
constexpr int kSshExitGraceMs = 3000;

} // namespace

// The byte stream of one request: a local socket or an ssh process.
struct DockerCall::Transport
{
    QLocalSocket *socket = nullptr;
    QProcess *process = nullptr;
    QByteArray sshErrors; // ssh's stderr, for the error when it fails
    QTimer *deadline = nullptr;

    QIODevice *device() const { return socket ? static_cast<QIODevice *>(socket) : process; }
};

QByteArray DockerResponse::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

Result<QJsonDocument> DockerResponse::json() const
{
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{ErrorCode::Corrupt,
                     QCoreApplication::translate("core::DockerClient",
                                                 "the Docker daemon answered something that is not JSON (%1): %2")
                         .arg(parseError.errorString(), QString::fromUtf8(body.left(200)))};
    return document;
}

DockerCall::DockerCall(DockerClient *client, DockerRequest request)
    : QObject(client)
    , m_client(client)
    , m_request(std::move(request))
{}

DockerCall::~DockerCall()
{
    if (!m_transport)
        return;
    // An ssh process is left to exit on its own (stdin closed), never waited for here: QProcess's destructor would.
    if (QProcess *process = m_transport->process) {
        process->disconnect(this);
        if (process->state() != QProcess::NotRunning) {
            process->setParent(nullptr);
            process->closeWriteChannel();
            QObject::connect(process, &QProcess::finished, process, &QObject::deleteLater);
            QTimer::singleShot(kSshExitGraceMs, process, [process] { process->kill(); });
        } else {
            delete process;
        }
    }
    if (QLocalSocket *socket = m_transport->socket) {
        socket->disconnect(this);
        socket->abort();
        delete socket;
    }
}

Result<DockerResponse> DockerCall::result() const
{
    if (!m_result)
        return Error{ErrorCode::Internal, tr("the Docker request has not finished")};
    return *m_result;
}

void DockerCall::abort()
{
    if (!isFinished())
        fail({ErrorCode::Cancelled, tr("cancelled")});
}

void DockerCall::start(const QString &prefix)
{
    if (isFinished())
        return;
    const ConnectionUrl &url = m_client->url();
    QByteArray target = (prefix + m_request.path).toUtf8();
    // Each key and value percent-encoded as Go's url.Values.Encode does it, whatever QUrlQuery would leave ('+').
    QByteArrayList items;
    for (const auto &[key, value] : m_request.query.queryItems(QUrl::FullyDecoded))
        items.append(QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value));
    if (!items.isEmpty())
        target += '?' + items.join('&');
    QByteArray head = m_request.method + ' ' + target + " HTTP/1.1\r\nHost: api.moby.localhost\r\n" +
                      "User-Agent: Plugdesk/" + QCoreApplication::applicationVersion().toUtf8() + "\r\n";
    if (!m_request.contentType.isEmpty())
        head += "Content-Type: " + m_request.contentType + "\r\n";
    if (!m_request.body.isEmpty() || m_request.method == "POST" || m_request.method == "PUT")
        head += "Content-Length: " + QByteArray::number(m_request.body.size()) + "\r\n";
    for (const auto &[name, value] : m_request.headers)
        head += name + ": " + value + "\r\n";
    head += "\r\n";
    const QByteArray bytes = head + m_request.body;

    m_reader.emplace(tr("the Docker daemon at %1").arg(m_client->describe()), m_request.method == "HEAD");
    m_transport = std::make_unique<Transport>();
    if (m_request.timeoutMs > 0) {
        m_transport->deadline = new QTimer(this);
        m_transport->deadline->setSingleShot(true);
        connect(m_transport->deadline, &QTimer::timeout, this, [this] {
            fail({ErrorCode::Timeout, tr("the Docker daemon at %1 did not answer %2 %3 within %4 s")
                                          .arg(m_client ? m_client->describe() : QString(),
                                               QString::fromLatin1(m_request.method), m_request.path)
                                          .arg(m_request.timeoutMs / 1000.0)});
        });
        m_transport->deadline->start(m_request.timeoutMs);
    }

    if (url.kind == ConnectionUrl::Kind::DockerUnix) {
        auto *socket = new QLocalSocket;
        m_transport->socket = socket;
        connect(socket, &QLocalSocket::connected, this, [socket, bytes] { socket->write(bytes); });
        connect(socket, &QLocalSocket::readyRead, this, [this, socket] { onBytes(socket->readAll()); });
        connect(socket, &QLocalSocket::disconnected, this, [this, socket] {
            onBytes(socket->readAll());
            onClosed(std::nullopt);
        });
        connect(socket, &QLocalSocket::errorOccurred, this,
                [this, socket, path = url.path](QLocalSocket::LocalSocketError code) {
                    if (code == QLocalSocket::PeerClosedError)
                        return; // disconnected() follows
                    QString why;
                    switch (code) {
                    case QLocalSocket::ServerNotFoundError:
                        why = tr("no such socket (is dockerd running, and is this its -H socket?)");
                        break;
                    case QLocalSocket::ConnectionRefusedError:
                        why = tr("connection refused (is dockerd running?)");
                        break;
                    case QLocalSocket::SocketAccessError:
                        why = tr("permission denied (the socket belongs to root and the docker group)");
                        break;
                    default:
                        why = socket->errorString();
                    }
                    onClosed(Error{ErrorCode::Network,
                                   tr("cannot connect to the Docker daemon at unix://%1: %2").arg(path, why)});
                });
        socket->connectToServer(url.path);
        return;
    }
    if (url.kind == ConnectionUrl::Kind::DockerSsh) {
        const DockerClient::Options &options = m_client->m_options;
        QStringList arguments;
        if (options.batchMode)
            arguments << QStringLiteral("-o") << QStringLiteral("BatchMode=yes");
        arguments << options.sshOptions;
        if (!url.user.isEmpty())
            arguments << QStringLiteral("-l") << url.user;
        if (url.port > 0)
            arguments << QStringLiteral("-p") << QString::number(url.port);
        arguments << QStringLiteral("--") << url.host << QStringLiteral("docker") << QStringLiteral("system")
                  << QStringLiteral("dial-stdio");
        auto *process = new QProcess;
        m_transport->process = process;
        process->setReadChannel(QProcess::StandardOutput);
        connect(process, &QProcess::started, this, [process, bytes] { process->write(bytes); });
        connect(process, &QProcess::readyReadStandardOutput, this,
                [this, process] { onBytes(process->readAllStandardOutput()); });
        connect(process, &QProcess::readyReadStandardError, this, [this, process] {
            m_transport->sshErrors += process->readAllStandardError();
            if (m_transport->sshErrors.size() > 8192)
                m_transport->sshErrors = m_transport->sshErrors.right(8192);
        });
        connect(process, &QProcess::errorOccurred, this, [this, process, options](QProcess::ProcessError code) {
            if (code != QProcess::FailedToStart)
                return; // finished() follows
            onClosed(Error{ErrorCode::Network,
                           tr("cannot run %1 to reach %2: %3")
                               .arg(options.ssh, m_client ? m_client->describe() : QString(), process->errorString())});
        });
        connect(process, &QProcess::finished, this, [this, process](int exitCode, QProcess::ExitStatus status) {
            onBytes(process->readAllStandardOutput());
            m_transport->sshErrors += process->readAllStandardError();
            if (isFinished() || (m_reader && m_reader->readsUntilClose()))
                return onClosed(std::nullopt);
            const QString where = m_client ? m_client->describe() : QString();
            const QString errors = QString::fromUtf8(m_transport->sshErrors).trimmed();
            if (status == QProcess::NormalExit &&
                (exitCode == 127 || errors.contains(QLatin1String("command not found")) ||
                 errors.contains(QLatin1String("docker: not found")))) {
                return onClosed(
                    Error{ErrorCode::Unsupported,
                          tr("%1 has no docker command: `docker system dial-stdio` was not found on the remote host "
                             "(install Docker there, or put docker on the PATH of that account's non-interactive "
                             "shell)%2")
                              .arg(where, errors.isEmpty() ? QString() : QStringLiteral(": ") + errors)});
            }
            if (status == QProcess::NormalExit && exitCode == 255) {
                return onClosed(
                    Error{ErrorCode::Network,
                          tr("ssh to %1 failed: %2").arg(where, errors.isEmpty() ? tr("exit status 255") : errors)});
            }
            onClosed(Error{
                ErrorCode::Network,
                tr("the connection to the Docker daemon at %1 ended before it answered (%2)%3")
                    .arg(where,
                         status == QProcess::NormalExit ? tr("exit status %1").arg(exitCode) : tr("ssh was killed"),
                         errors.isEmpty() ? QString() : QStringLiteral(": ") + errors)});
        });
        process->start(options.ssh, arguments);
        return;
    }
    fail({ErrorCode::InvalidArgument,
          tr("%1 is not a Docker Engine URL (expected unix:///PATH or ssh://[USER@]HOST[:PORT])").arg(url.toString())});
}

void DockerCall::fail(const Error &error)
{
    if (isFinished())
        return;
    m_result = error;
    if (m_transport && m_transport->deadline)
        m_transport->deadline->stop();
    if (m_transport && m_transport->socket)
        m_transport->socket->abort();
    if (m_transport && m_transport->process)
        m_transport->process->closeWriteChannel();
    Q_EMIT finished();
}

void DockerCall::succeed()
{
    if (isFinished())
        return;
    QPointer<DockerCall> alive(this);
    emitLines(true);
    if (!alive || isFinished())
        return;
    if (m_transport && m_transport->deadline)
        m_transport->deadline->stop();
    if (m_response.status >= 400)
        m_result = DockerClient::errorFor(m_response);
    else
        m_result = m_response;
    // Done with the stream: the socket is closed, dial-stdio ends when its stdin does.
    if (m_transport && m_transport->socket) {
        m_transport->socket->disconnect(this);
        m_transport->socket->abort();
    }
    if (m_transport && m_transport->process)
        m_transport->process->closeWriteChannel();
    Q_EMIT finished();
}

void DockerCall::onBytes(const QByteArray &bytes)
{
    if (isFinished() || bytes.isEmpty() || !m_reader)
        return;
    afterBytes(m_reader->feed(bytes, [this](QByteArrayView piece) { bodyBytes(piece); }));
}

// What the reader made of the bytes: the head into m_response, then fail, hand out lines, or succeed.
void DockerCall::afterBytes(HttpAnswerReader::Progress progress)
{
    takeHead();
    if (m_bodyError)
        return fail(*m_bodyError);
    if (progress == HttpAnswerReader::Progress::Failed)
        return fail({ErrorCode::Network, m_reader->error()});
    QPointer<DockerCall> alive(this);
    emitLines(false);
    if (!alive || isFinished())
        return;
    if (progress == HttpAnswerReader::Progress::Complete)
        succeed();
}

void DockerCall::onClosed(const std::optional<Error> &transportError)
{
    if (isFinished())
        return;
    if (m_reader && m_reader->readsUntilClose())
        return afterBytes(m_reader->close());
    if (transportError)
        return fail(*transportError);
    fail({ErrorCode::Network, tr("the Docker daemon at %1 closed the connection before it answered %2 %3")
                                  .arg(m_client ? m_client->describe() : QString(),
                                       QString::fromLatin1(m_request.method), m_request.path)});
}

void DockerCall::takeHead()
{
    if (m_reader->hasHead() && m_response.status == 0) {
        m_response.status = m_reader->status();
        m_response.headers = m_reader->headers();
    }
}

// Runs inside the reader: keeps what is to be kept, within bounds, and hands nothing out (afterBytes does).
void DockerCall::bodyBytes(QByteArrayView bytes)
{
    if (m_bodyError)
        return;
    takeHead(); // the status decides what is kept
    if (m_request.streamJsonLines && m_response.status < 400) {
        m_lines.append(bytes);
        const qsizetype lastNewline = m_lines.lastIndexOf('\n');
        if (m_lines.size() - (lastNewline + 1) > DockerClient::kMaxLine)
            m_bodyError =
                Error{ErrorCode::Network, tr("the Docker daemon at %1 sent a progress line of over %2 MiB for %3 %4")
                                              .arg(m_client ? m_client->describe() : QString())
                                              .arg(DockerClient::kMaxLine / MiB)
                                              .arg(QString::fromLatin1(m_request.method), m_request.path)};
        return;
    }
    if (m_response.body.size() + bytes.size() > DockerClient::kMaxBody) {
        m_bodyError = Error{ErrorCode::Network, tr("the Docker daemon at %1 answered %2 %3 with over %4 MiB")
                                                    .arg(m_client ? m_client->describe() : QString(),
                                                         QString::fromLatin1(m_request.method), m_request.path)
                                                    .arg(DockerClient::kMaxBody / MiB)};
        return;
    }
    m_response.body.append(bytes);
}

void DockerCall::emitLines(bool atEnd)
{
    if (!m_request.streamJsonLines || m_lines.isEmpty())
        return;
    // Only successful answers stream progress; an error's body is one JSON object read by errorFor.
    if (m_response.status >= 400) {
        m_lines.clear();
        return;
    }
    qsizetype start = 0;
    while (true) {
        qsizetype end = m_lines.indexOf('\n', start);
        if (end < 0) {
            if (!atEnd)
                break;
            end = m_lines.size();
        }
        const QByteArray line = m_lines.mid(start, end - start).trimmed();
        start = end + 1;
        if (!line.isEmpty()) {
            const QJsonDocument document = QJsonDocument::fromJson(line);
            if (document.isObject()) {
                const QJsonObject object = document.object();
                if (const QJsonValue aux = object.value(QStringLiteral("aux")); aux.isObject())
                    m_response.aux = aux.toObject();
                QPointer<DockerCall> alive(this);
                Q_EMIT jsonLine(object);
                if (!alive)
                    return;
            }
        }
        if (start >= m_lines.size())
            break;
    }
    m_lines = start >= m_lines.size() ? QByteArray() : m_lines.mid(start);
}

DockerClient::DockerClient(const ConnectionUrl &url, const Options &options, QObject *parent)
    : QObject(parent)
    , m_url(url)
    , m_options(options)
{}

DockerClient::~DockerClient() = default;

DockerCall *DockerClient::send(const DockerRequest &request)
{
    auto *call = new DockerCall(this, request);
    if (!request.versioned) {
        QMetaObject::invokeMethod(
            call, [call] { call->start({}); }, Qt::QueuedConnection);
        return call;
    }
    if (m_negotiation == Negotiation::Done) {
        QMetaObject::invokeMethod(
            call, [this, call] { call->start(QStringLiteral("/v") + m_apiVersion); }, Qt::QueuedConnection);
        return call;
    }
    m_waiting.append(call);
    if (m_negotiation == Negotiation::NotStarted)
        negotiate();
    return call;
}

void DockerClient::resetNegotiation()
{
    if (m_negotiation == Negotiation::Done)
        m_negotiation = Negotiation::NotStarted;
}

void DockerClient::negotiate()
{
    m_negotiation = Negotiation::InFlight;
    DockerRequest ping;
    ping.path = QStringLiteral("/_ping");
    ping.versioned = false;
    ping.timeoutMs = 60000;
    DockerCall *pinged = send(ping);
    connect(pinged, &DockerCall::finished, this, [this, pinged] {
        pinged->deleteLater();
        auto answer = pinged->result();
        if (!answer)
            return negotiated(answer.error());
        const QString pingVersion = QString::fromLatin1(answer->header("API-Version"));
        DockerRequest version;
        version.path = QStringLiteral("/version");
        version.versioned = false;
        version.timeoutMs = 60000;
        DockerCall *asked = send(version);
        connect(asked, &DockerCall::finished, this, [this, asked, pingVersion] {
            asked->deleteLater();
            auto versionAnswer = asked->result();
            if (!versionAnswer)
                return negotiated(versionAnswer.error());
            auto json = versionAnswer->json();
            if (!json)
                return negotiated(json.error());
            m_serverVersion = json->object();
            QString server = m_serverVersion.value(QStringLiteral("ApiVersion")).toString();
            if (server.isEmpty())
                server = pingVersion;
            if (server.isEmpty())
                return negotiated(
                    Error{ErrorCode::Unsupported, tr("the Docker daemon at %1 did not say which API version it speaks "
                                                     "(no API-Version from /_ping, no ApiVersion from /version)")
                                                      .arg(describe())});
            const QString minimum = QStringLiteral("1.%1").arg(kMinimumApiMinor);
            if (compareVersions(server, minimum) < 0)
                return negotiated(
                    Error{ErrorCode::Unsupported,
                          tr("the Docker daemon at %1 (Docker %2) speaks API %3; Plugdesk needs API %4 "
                             "or later (Docker 20.10 or later)")
                              .arg(describe(), m_serverVersion.value(QStringLiteral("Version")).toString(), server,
                                   minimum)});
            const QString maximum = QStringLiteral("1.%1").arg(kMaximumApiMinor);
            negotiated(compareVersions(server, maximum) > 0 ? maximum : server);
        });
    });
}

void DockerClient::negotiated(const Result<QString> &version)
{
    const QList<QPointer<DockerCall>> waiting = std::exchange(m_waiting, {});
    if (!version) {
        m_negotiation = Negotiation::NotStarted;
        for (const QPointer<DockerCall> &call : waiting) {
            if (call)
                call->fail(version.error());
        }
        return;
    }
    m_negotiation = Negotiation::Done;
    m_apiVersion = *version;
    for (const QPointer<DockerCall> &call : waiting) {
        if (call)
            call->start(QStringLiteral("/v") + m_apiVersion);
    }
}

Error DockerClient::errorFor(const DockerResponse &response)
{
    QString message;
    const QJsonDocument document = QJsonDocument::fromJson(response.body);
    if (document.isObject())
        message = document.object().value(QStringLiteral("message")).toString();
    if (message.isEmpty())
        message = QString::fromUtf8(response.body.trimmed().left(1000));
    if (message.isEmpty())
        message = tr("the Docker daemon answered HTTP status %1").arg(response.status);
    ErrorCode code = ErrorCode::Runtime;
    switch (response.status) {
    case 400:
        code = ErrorCode::InvalidArgument;
        break;
    case 401:
        code = ErrorCode::Auth;
        break;
    case 403:
        code = ErrorCode::PermissionDenied;
        break;
    case 404:
        code = ErrorCode::NotFound;
        break;
    case 409:
        code = ErrorCode::Conflict;
        break;
    case 501:
        code = ErrorCode::Unsupported;
        break;
    case 503:
        code = ErrorCode::Network;
        break;
    default:
        break;
    }
    return {code, message};
}

std::optional<Error> DockerClient::streamError(const QJsonObject &line)
{
    const QJsonValue error = line.value(QStringLiteral("error"));
    const QString detail =
        line.value(QStringLiteral("errorDetail")).toObject().value(QStringLiteral("message")).toString();
    if (error.isUndefined() && detail.isEmpty())
        return std::nullopt;
    const QString message = detail.isEmpty() ? error.toString() : detail;
    return Error{ErrorCode::Runtime, message.isEmpty() ? tr("the Docker daemon reported an error") : message};
}

int DockerClient::compareVersions(const QString &a, const QString &b)
{
    const QStringList left = a.split(QLatin1Char('.'));
    const QStringList right = b.split(QLatin1Char('.'));
    for (qsizetype i = 0; i < std::max(left.size(), right.size()); ++i) {
        const int x = left.value(i).toInt();
        const int y = right.value(i).toInt();
        if (x != y)
            return x < y ? -1 : 1;
    }
    return 0;
}

} // namespace core
