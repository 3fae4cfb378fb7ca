#pragma once

#include "core/base/httpanswerreader.h"
#include "core/base/result.h"
#include "core/base/units.h"
#include "core/connection/connectionurl.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QPointer>
#include <QString>
#include <QUrlQuery>
#include <memory>
#include <optional>

namespace core {

// One HTTP request to the Docker Engine API. `path` is the endpoint without the version prefix ("/plugins",
// "/volumes/create"); DockerClient puts "/v1.NN" in front unless `versioned` is false (/_ping).
struct DockerRequest
{
    QByteArray method = "GET";
    QString path;
    QUrlQuery query; // decoded keys and values (addQueryItem("remote", "localhost:5000/a/b")); encoded when sent
    QByteArray body;
    QByteArray contentType;                       // "application/json", "application/x-tar"; empty: no body type
    QList<QPair<QByteArray, QByteArray>> headers; // extra headers, e.g. X-Registry-Auth
    bool versioned = true;
    // The body is a stream of JSON objects, one a line (pull, push, create progress): each complete line is handed
    // to DockerCall::jsonLine as it arrives, and only the last "aux" object is kept (DockerResponse::aux), so a long
    // stream costs no memory. An error answer (status >= 400) is kept whole in DockerResponse::body.
    bool streamJsonLines = false;
    int timeoutMs = 0; // 0: no deadline (a pull may take long); else Timeout when no complete answer by then
};

// Docker's answer: status, headers (names as sent), body (de-chunked; at most DockerClient::kMaxBody bytes, else the
// call fails), and for a streamed answer the last {"aux": ...} object of its lines (push's Tag, Digest and Size).
struct DockerResponse
{
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    QJsonObject aux;

    // The first header of that name (case-insensitive), or a null QByteArray.
    QByteArray header(const QByteArray &name) const;
    // The body as JSON; InvalidArgument-free: Corrupt naming the endpoint's answer when it does not parse.
    Result<QJsonDocument> json() const;
};

// One request in flight: made by DockerClient::send, which owns it until it ends; the caller may delete it
// earlier (that aborts it) or keep it. finished() is emitted exactly once, never inside send().
class DockerCall final : public QObject
{
    Q_OBJECT

public:
    ~DockerCall() override;

    bool isFinished() const { return m_result.has_value(); }
    // The response, or an Error: a transport failure (socket missing or refused, ssh failed, no docker on the remote,
    // the daemon hung up), or Docker's own error for a status >= 400 (errorFor). Only valid once finished.
    Result<DockerResponse> result() const;
    // The response whatever its status (status 0 and an empty body when the transport failed).
    const DockerResponse &response() const { return m_response; }
    // Stops the request: finished() follows with ErrorCode::Cancelled.
    void abort();

Q_SIGNALS:
    // DockerRequest::streamJsonLines: one JSON object of the body, as it came.
    void jsonLine(const QJsonObject &line);
    void finished();

private:
    friend class DockerClient;
    struct Transport;
    DockerCall(class DockerClient *client, DockerRequest request);
    void start(const QString &prefix);
    void fail(const Error &error);
    void succeed();
    void onBytes(const QByteArray &bytes);
    void onClosed(const std::optional<Error> &transportError);
    void afterBytes(HttpAnswerReader::Progress progress);
    void takeHead();
    void bodyBytes(QByteArrayView bytes);
    void emitLines(bool atEnd);

    QPointer<DockerClient> m_client;
    DockerRequest m_request;
    std::unique_ptr<Transport> m_transport;
    DockerResponse m_response;
    std::optional<Result<DockerResponse>> m_result;
    std::optional<HttpAnswerReader> m_reader; // made when the request is sent
    std::optional<Error> m_bodyError;         // the body broke a bound: the call fails once the reader returns
    QByteArray m_lines;                       // the part of a JSON-lines body not yet handed out
};

// How DockerClient reaches an ssh:// URL (outside the class so that `= {}` works as a default argument).
struct DockerClientOptions
{
    QString ssh = QStringLiteral("ssh"); // the ssh program (a test may point it elsewhere)
    bool batchMode = false;              // ssh -o BatchMode=yes: never ask for a password or passphrase
    QStringList sshOptions;              // more ssh arguments put before `--`, e.g. {"-F", "/path/config"}
};

// A client of the Docker Engine API over the byte stream a ConnectionUrl names, as the docker CLI reaches it:
//   unix:///PATH             QLocalSocket to dockerd's socket
//   ssh://[USER@]HOST[:PORT] a QProcess running `ssh [-l USER] [-p PORT] -- HOST docker system dial-stdio`, the
//                            HTTP conversation over its stdin/stdout. Plain ssh: ~/.ssh/config, the agent and
//                            known_hosts apply; Options::batchMode adds `-o BatchMode=yes` for callers that cannot
//                            answer a prompt (the window), so ssh fails with its own message instead of waiting.
// Every request opens its own stream (one ssh process each for ssh://, as the docker CLI does) and is read
// asynchronously on the client's thread: nothing here blocks. HTTP/1.1 with Content-Length, chunked and
// read-until-close bodies; streamed JSON-lines bodies (DockerRequest::streamJsonLines).
//
// The API version is negotiated before the first request: GET /_ping (its API-Version header) and GET /version
// (ApiVersion); below kMinimumApiVersion is refused (Unsupported), above kMaximumApiVersion the client speaks
// kMaximumApiVersion. Requests sent meanwhile wait; a failed negotiation fails them all and is tried again with the
// next request (so a window's Retry works once dockerd is up).
//
// Owns the calls in flight and nothing else: no cache, no state of the daemon's. Docker's objects are handed out as
// Docker sends them; DockerEngine (plugins, volumes) and the Swarm code map them.
class DockerClient final : public QObject
{
    Q_OBJECT

public:
    using Options = DockerClientOptions;

    // The most of an answer's body kept (an API answer, an error's text); a streamed line may be up to kMaxLine.
    static constexpr qint64 kMaxBody = 64 * MiB;
    static constexpr qint64 kMaxLine = 1 * MiB;
    static constexpr int kMinimumApiMinor = 41; // API 1.41: Docker 20.10
    static constexpr int kMaximumApiMinor = 45; // the newest this client was written against (Docker 26)

    // `url` must be a Docker URL (unix:// or ssh://); a plugdesk:// URL fails every request with InvalidArgument.
    explicit DockerClient(const ConnectionUrl &url, const Options &options = {}, QObject *parent = nullptr);
    ~DockerClient() override;

    const ConnectionUrl &url() const { return m_url; }
    // "unix:///var/run/docker.sock", "ssh://root@host": for messages.
    QString describe() const { return m_url.toString(); }
    // "1.41" once negotiated, else empty.
    QString apiVersion() const { return m_apiVersion; }
    // GET /version's answer from the negotiation (Version, ApiVersion, Os, Arch, KernelVersion, Experimental...).
    QJsonObject serverVersion() const { return m_serverVersion; }

    // Sends `request` (after the negotiation when it has not happened yet). The call is a child of this client.
    DockerCall *send(const DockerRequest &request);
    // Forgets the negotiated version, so the next request negotiates again (after the daemon was restarted).
    void resetNegotiation();

    // Docker's error for a status >= 400: the text of its {"message": ...} (else the body, else the status line),
    // with a code from the status: 400 InvalidArgument, 401 Auth, 403 PermissionDenied, 404 NotFound, 409 Conflict,
    // 501 Unsupported, 503 Network, others Runtime.
    static Error errorFor(const DockerResponse &response);
    // The error a streamed progress line carries ({"error": "...", "errorDetail": {"message": ...}}), if any.
    static std::optional<Error> streamError(const QJsonObject &line);
    // The Docker API version texts compared numerically ("1.9" < "1.41"); -1, 0, 1.
    static int compareVersions(const QString &a, const QString &b);

private:
    friend class DockerCall;
    enum class Negotiation { NotStarted, InFlight, Done };
    void negotiate();
    void negotiated(const Result<QString> &version);

    ConnectionUrl m_url;
    Options m_options;
    Negotiation m_negotiation = Negotiation::NotStarted;
    QString m_apiVersion;
    QJsonObject m_serverVersion;
    QList<QPointer<DockerCall>> m_waiting; // sent before the negotiation ended
};

} // namespace core
