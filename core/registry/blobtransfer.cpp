#include "core/registry/blobtransfer.h"

#include "core/base/libcurl.h"
#include "core/base/units.h"

#include <QElapsedTimer>
#include <QFile>
#include <mutex>
#include <pthread.h>

namespace core {

namespace {

constexpr qint64 kMaxErrorBody = 64 * KiB;
// libcurl's receive buffer: big enough that a fast link costs few reads of the socket, small enough to not matter.
constexpr long kReceiveBuffer = 512L * 1024;
// libcurl hands a body to its write callback in pieces of at most CURL_MAX_WRITE_SIZE (16 KiB), whatever its receive
// buffer: they are gathered up to this before the sink sees them, so that a 52 MB layer costs the sink 100 calls (file
// writes, wake-ups of the extracting thread) rather than 3,200.
constexpr qsizetype kSinkPiece = 512 * KiB;
// How long the transfer's loop sleeps at most before it looks at the idle clock again.
constexpr int kPollMs = 1000;

QNetworkReply::NetworkError networkErrorOf(CURLcode code)
{
    switch (code) {
    case CURLE_OK:
        return QNetworkReply::NoError;
    case CURLE_COULDNT_CONNECT:
        return QNetworkReply::ConnectionRefusedError;
    case CURLE_COULDNT_RESOLVE_HOST:
        return QNetworkReply::HostNotFoundError;
    case CURLE_COULDNT_RESOLVE_PROXY:
        return QNetworkReply::ProxyNotFoundError;
    case CURLE_OPERATION_TIMEDOUT:
        return QNetworkReply::TimeoutError;
    case CURLE_PARTIAL_FILE: // the body ended before its Content-Length
    case CURLE_RECV_ERROR:
    case CURLE_SEND_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
        return QNetworkReply::RemoteHostClosedError;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_CLIENTCERT:
        return QNetworkReply::SslHandshakeFailedError;
    case CURLE_UNSUPPORTED_PROTOCOL:
        return QNetworkReply::ProtocolUnknownError;
    case CURLE_WEIRD_SERVER_REPLY:
        return QNetworkReply::ProtocolFailure;
    default:
        return QNetworkReply::UnknownNetworkError;
    }
}

} // namespace

QByteArray RegistryAttempt::header(const QByteArray &name) const
{
    QList<QByteArray> values;
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            values.append(pair.second);
    }
    return values.join(", ");
}

struct BlobTransfer::Run
{
    Request request;
    std::function<void(RegistryAttempt)> done;
    std::atomic<bool> cancelled{false};
    std::mutex multiMutex; // guards `multi` for the wake-up from another thread
    CURLM *multi = nullptr;
    const LibCurl *lib = nullptr; // set before `multi`

    // Used by the transfer's thread only.
    CURL *easy = nullptr;
    RegistryAttempt attempt;
    bool statusKnown = false;
    bool success = false;
    qint64 skip = 0;
    QByteArray gathered; // 2xx body bytes not yet given to the sink
    QElapsedTimer idle;

    void run();
    void configure(curl_slist *headers, char *errors);
    size_t onBody(const char *data, size_t size);
    size_t onHeader(const char *data, size_t size);
    bool deliver(const char *data, qsizetype size);
    bool flush();

    static size_t bodyThunk(char *data, size_t size, size_t count, void *run)
    {
        return static_cast<Run *>(run)->onBody(data, size * count);
    }
    static size_t headerThunk(char *data, size_t size, size_t count, void *run)
    {
        return static_cast<Run *>(run)->onHeader(data, size * count);
    }
};

BlobTransfer::BlobTransfer(Request request, std::function<void(RegistryAttempt)> done)
    : m_run(std::make_shared<Run>())
{
    m_run->request = std::move(request);
    m_run->done = std::move(done);
    m_thread = std::thread([run = m_run] {
        pthread_setname_np(pthread_self(), "blob-fetch"); // for top and perf
        run->run();
    });
}

BlobTransfer::~BlobTransfer()
{
    m_run->cancelled = true;
    {
        std::lock_guard locker(m_run->multiMutex);
        if (m_run->multi)
            m_run->lib->multiWakeup(m_run->multi);
    }
    m_thread.join();
}

size_t BlobTransfer::Run::onHeader(const char *data, size_t size)
{
    idle.restart();
    if (cancelled)
        return 0;
    QByteArray line(data, qsizetype(size));
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    // A new status line (an interim 1xx answer came first): only the last answer's headers count.
    if (line.startsWith("HTTP/")) {
        attempt.headers.clear();
        return size;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon > 0)
        attempt.headers.append({line.left(colon).trimmed(), line.mid(colon + 1).trimmed()});
    return size;
}

size_t BlobTransfer::Run::onBody(const char *data, size_t size)
{
    idle.restart();
    if (cancelled)
        return 0;
    if (!statusKnown) {
        statusKnown = true;
        long code = 0;
        lib->easyGetinfo(easy, CURLINFO_RESPONSE_CODE, &code);
        attempt.status = int(code);
        success = code >= 200 && code < 300;
        // A server that ignored our Range resends from the start: skip what the sink already has.
        if (success && attempt.delivered > 0 && code != 206)
            skip = attempt.delivered;
    }
    attempt.bodyBytes += qint64(size);
    if (!success) {
        if (attempt.body.size() < kMaxErrorBody)
            attempt.body.append(data, qMin<qsizetype>(qsizetype(size), kMaxErrorBody - attempt.body.size()));
        return size;
    }
    qint64 offset = 0;
    if (skip > 0) {
        offset = qMin<qint64>(skip, qint64(size));
        skip -= offset;
    }
    if (offset >= qint64(size))
        return size;
    if (!deliver(data + offset, qsizetype(qint64(size) - offset)))
        return 0; // libcurl stops the transfer
    return size;
}

// Gathers `size` bytes, giving the sink each whole piece of kSinkPiece bytes; false when the sink refused.
bool BlobTransfer::Run::deliver(const char *data, qsizetype size)
{
    if (gathered.capacity() < kSinkPiece)
        gathered.reserve(kSinkPiece);
    while (size > 0) {
        const qsizetype taken = qMin(size, kSinkPiece - gathered.size());
        gathered.append(data, taken);
        data += taken;
        size -= taken;
        if (gathered.size() == kSinkPiece && !flush())
            return false;
    }
    return true;
}

// Gives the sink what was gathered; false when it refused.
bool BlobTransfer::Run::flush()
{
    if (gathered.isEmpty())
        return true;
    attempt.delivered += gathered.size();
    const Status fed = request.sink(gathered.constData(), gathered.size());
    gathered.resize(0);
    if (!fed) {
        attempt.sinkFailure = fed.error();
        return false;
    }
    return true;
}

void BlobTransfer::Run::configure(curl_slist *headers, char *errors)
{
    const QByteArray url = request.url.toEncoded();
    lib->easySetopt(easy, CURLOPT_URL, url.constData()); // libcurl copies strings it is given
    lib->easySetopt(easy, CURLOPT_HTTPGET, 1L);
    lib->easySetopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    lib->easySetopt(easy, CURLOPT_HTTPHEADER, headers);
    lib->easySetopt(easy, CURLOPT_NOSIGNAL, 1L);
    lib->easySetopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(request.timeoutMs));
    lib->easySetopt(easy, CURLOPT_BUFFERSIZE, kReceiveBuffer);
    // The proxy RegistryExchange found the way Qt's own requests do; never libcurl's own reading of http_proxy.
    lib->easySetopt(easy, CURLOPT_PROXY, request.proxy.constData());
    if (!request.proxyUser.isEmpty()) {
        lib->easySetopt(easy, CURLOPT_PROXYUSERNAME, request.proxyUser.constData());
        lib->easySetopt(easy, CURLOPT_PROXYPASSWORD, request.proxyPassword.constData());
    }
    lib->easySetopt(easy, CURLOPT_WRITEFUNCTION, &Run::bodyThunk);
    lib->easySetopt(easy, CURLOPT_WRITEDATA, this);
    lib->easySetopt(easy, CURLOPT_HEADERFUNCTION, &Run::headerThunk);
    lib->easySetopt(easy, CURLOPT_HEADERDATA, this);
    lib->easySetopt(easy, CURLOPT_ERRORBUFFER, errors);
    if (request.url.scheme() != QLatin1String("https"))
        return;
    if (!request.caFiles.isEmpty()) {
        // The system's CAs and the registry's own (certs.d), as one PEM bundle: libcurl takes one or the other.
        QByteArray bundle;
        char *systemBundle = nullptr;
        if (lib->easyGetinfo(easy, CURLINFO_CAINFO, &systemBundle) == CURLE_OK && systemBundle) {
            QFile file(QString::fromLocal8Bit(systemBundle));
            if (file.open(QIODevice::ReadOnly))
                bundle = file.readAll() + '\n';
        }
        for (const QString &path : std::as_const(request.caFiles)) {
            QFile file(path);
            if (file.open(QIODevice::ReadOnly))
                bundle += file.readAll() + '\n';
        }
        curl_blob blob{bundle.data(), size_t(bundle.size()), CURL_BLOB_COPY};
        lib->easySetopt(easy, CURLOPT_CAINFO_BLOB, &blob);
    }
    if (!request.clientCertificate.isEmpty() && !request.clientKey.isEmpty()) {
        lib->easySetopt(easy, CURLOPT_SSLCERTTYPE, "PEM");
        lib->easySetopt(easy, CURLOPT_SSLCERT, QFile::encodeName(request.clientCertificate).constData());
        lib->easySetopt(easy, CURLOPT_SSLKEY, QFile::encodeName(request.clientKey).constData());
    }
}

void BlobTransfer::Run::run()
{
    attempt.delivered = request.delivered;
    auto loaded = LibCurl::get();
    if (!loaded) {
        // Not the network's fault, and no retry will help: the exchange ends with these words.
        attempt.sinkFailure = loaded.error();
        if (!cancelled)
            done(std::move(attempt));
        return;
    }
    lib = *loaded;
    easy = lib->easyInit();
    {
        std::lock_guard locker(multiMutex);
        multi = easy ? lib->multiInit() : nullptr;
    }
    if (!easy || !multi) {
        if (easy)
            lib->easyCleanup(easy);
        attempt.error = QNetworkReply::UnknownNetworkError;
        attempt.errorString = QStringLiteral("libcurl could not start a transfer");
        if (!cancelled)
            done(std::move(attempt));
        return;
    }
    curl_slist *headers = nullptr;
    for (const auto &header : std::as_const(request.headers))
        headers = lib->slistAppend(headers, QByteArray(header.first + ": " + header.second).constData());
    char errors[CURL_ERROR_SIZE] = {};
    configure(headers, errors);
    lib->multiAddHandle(multi, easy);

    idle.start();
    bool timedOut = false;
    int running = 1;
    while (!cancelled) {
        lib->multiPerform(multi, &running);
        if (running == 0)
            break;
        const qint64 left = request.timeoutMs - idle.elapsed();
        if (left <= 0) {
            timedOut = true;
            break;
        }
        lib->multiPoll(multi, nullptr, 0, int(qMin<qint64>(left, kPollMs)), nullptr);
    }

    CURLcode result = CURLE_OK;
    int pending = 0;
    while (CURLMsg *message = lib->multiInfoRead(multi, &pending)) {
        if (message->msg == CURLMSG_DONE)
            result = message->data.result;
    }
    // What arrived before the end, a failure or a time-out is the sink's too: a resumed request starts after it.
    if (!cancelled && !flush() && result == CURLE_OK)
        result = CURLE_WRITE_ERROR;
    long code = 0;
    lib->easyGetinfo(easy, CURLINFO_RESPONSE_CODE, &code);
    lib->multiRemoveHandle(multi, easy);
    lib->easyCleanup(easy);
    easy = nullptr;
    lib->slistFreeAll(headers);
    {
        std::lock_guard locker(multiMutex);
        lib->multiCleanup(multi);
        multi = nullptr;
    }
    if (cancelled)
        return;

    attempt.status = int(code);
    if (timedOut) {
        attempt.error = QNetworkReply::TimeoutError;
        attempt.errorString = QStringLiteral("no data for %1 ms").arg(request.timeoutMs);
    } else if (!attempt.sinkFailure) {
        attempt.error = networkErrorOf(result);
        if (result != CURLE_OK)
            attempt.errorString = QString::fromLocal8Bit(errors[0] ? errors : lib->easyStrerror(result)).trimmed();
    }
    done(std::move(attempt));
}

} // namespace core
