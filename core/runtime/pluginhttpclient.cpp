#include "core/runtime/pluginhttpclient.h"

#include <QFile>
#include <curl/curl.h>
#include <mutex>

namespace core {

namespace {

struct Sink
{
    QByteArray body;
    qint64 limit = 0;
    bool overflow = false;
};

size_t collect(char *data, size_t size, size_t count, void *user)
{
    auto *sink = static_cast<Sink *>(user);
    const size_t bytes = size * count;
    if (sink->body.size() + qint64(bytes) > sink->limit) {
        sink->overflow = true;
        return 0; // aborts the transfer
    }
    sink->body.append(data, qsizetype(bytes));
    return bytes;
}

} // namespace

Result<PluginHttpResponse> PluginHttpClient::post(const QString &path, const QByteArray &body) const
{
    static std::once_flag initialised;
    std::call_once(initialised, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });

    CURL *curl = curl_easy_init();
    if (!curl)
        return Error{ErrorCode::Internal, tr("cannot initialise libcurl")};
    const QByteArray socket = QFile::encodeName(m_socketPath);
    const QByteArray url = "http://plugin.moby.localhost" + path.toUtf8();
    const QByteArray payload = body.isEmpty() ? QByteArray("{}") : body;
    Sink sink;
    sink.limit = m_maxBodyBytes;
    char errors[CURL_ERROR_SIZE] = {};

    curl_slist *headers = nullptr;
    headers = curl_slist_append(headers, "Accept: application/vnd.docker.plugins.v1.2+json");
    headers = curl_slist_append(headers, "Content-Type: application/json");
    headers = curl_slist_append(headers, "Expect:");
    curl_easy_setopt(curl, CURLOPT_UNIX_SOCKET_PATH, socket.constData());
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_POST, 1L);
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, payload.constData());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(payload.size()));
    curl_easy_setopt(curl, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(m_timeoutMs));
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(qMin(m_timeoutMs, 10000)));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &sink);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errors);
    const CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);

    if (sink.overflow)
        return Error{ErrorCode::Network,
                     tr("the plugin's answer to %1 is larger than %2 bytes").arg(path).arg(m_maxBodyBytes)};
    if (code == CURLE_OPERATION_TIMEDOUT)
        return Error{ErrorCode::Timeout,
                     tr("the plugin did not answer %1 on %2 within %3 ms").arg(path, m_socketPath).arg(m_timeoutMs)};
    if (code != CURLE_OK)
        return Error{ErrorCode::Network,
                     tr("%1 on %2 failed: %3")
                         .arg(path, m_socketPath, QString::fromUtf8(errors[0] ? errors : curl_easy_strerror(code)))};
    return PluginHttpResponse{int(status), sink.body};
}

} // namespace core
