#include "core/runtime/pluginhttpclient.h"

#include "core/base/libcurl.h"
#include "core/runtime/pluginsocket.h"

#include <QFile>

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

PluginHttpClient::Transfer PluginHttpClient::transfer(const QString &socketPath, const QString &path,
                                                      const QByteArray &body, int timeoutMs, qint64 maxBodyBytes)
{
    Transfer result;
    // Never the name itself: the plugin may have swapped its socket for a symlink to another program's.
    const PluginSocket pluginSocket(socketPath);
    if (pluginSocket.error()) {
        result.outcome = pluginSocket.missing() ? Transfer::Outcome::ConnectFailed : Transfer::Outcome::Failed;
        result.errorText = pluginSocket.error()->message;
        return result;
    }
    auto loaded = LibCurl::get();
    if (!loaded) {
        result.outcome = Transfer::Outcome::NoCurl;
        result.errorText = loaded.error().message;
        return result;
    }
    const LibCurl *lib = *loaded;
    CURL *curl = lib->easyInit();
    if (!curl) {
        result.outcome = Transfer::Outcome::NoCurl;
        return result;
    }
    const QByteArray socket = QFile::encodeName(pluginSocket.connectPath());
    const QByteArray url = "http://plugin.moby.localhost" + path.toUtf8();
    Sink sink;
    sink.limit = maxBodyBytes;
    char errors[CURL_ERROR_SIZE] = {};

    curl_slist *headers = nullptr;
    headers = lib->slistAppend(headers, "Accept: application/vnd.docker.plugins.v1.2+json");
    headers = lib->slistAppend(headers, "Content-Type: application/json");
    headers = lib->slistAppend(headers, "Expect:");
    lib->easySetopt(curl, CURLOPT_UNIX_SOCKET_PATH, socket.constData());
    lib->easySetopt(curl, CURLOPT_URL, url.constData());
    lib->easySetopt(curl, CURLOPT_HTTPHEADER, headers);
    lib->easySetopt(curl, CURLOPT_POST, 1L);
    lib->easySetopt(curl, CURLOPT_POSTFIELDS, body.constData());
    lib->easySetopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
    lib->easySetopt(curl, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_1_1);
    lib->easySetopt(curl, CURLOPT_TIMEOUT_MS, long(timeoutMs));
    lib->easySetopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(qMin(timeoutMs, 10000)));
    lib->easySetopt(curl, CURLOPT_NOSIGNAL, 1L);
    lib->easySetopt(curl, CURLOPT_WRITEFUNCTION, collect);
    lib->easySetopt(curl, CURLOPT_WRITEDATA, &sink);
    lib->easySetopt(curl, CURLOPT_ERRORBUFFER, errors);
    const CURLcode code = lib->easyPerform(curl);
    long status = 0;
    lib->easyGetinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    lib->slistFreeAll(headers);
    lib->easyCleanup(curl);

    result.errorText = QString::fromUtf8(errors[0] ? errors : lib->easyStrerror(code));
    if (sink.overflow)
        result.outcome = Transfer::Outcome::TooLarge;
    else if (code == CURLE_OPERATION_TIMEDOUT)
        result.outcome = Transfer::Outcome::TimedOut;
    else if (code == CURLE_COULDNT_CONNECT)
        result.outcome = Transfer::Outcome::ConnectFailed;
    else if (code != CURLE_OK)
        result.outcome = Transfer::Outcome::Failed;
    else
        result.outcome = Transfer::Outcome::Answered;
    result.status = int(status);
    result.body = sink.body;
    return result;
}

Result<PluginHttpResponse> PluginHttpClient::post(const QString &path, const QByteArray &body) const
{
    const Transfer done =
        transfer(m_socketPath, path, body.isEmpty() ? QByteArray("{}") : body, m_timeoutMs, m_maxBodyBytes);
    switch (done.outcome) {
    case Transfer::Outcome::Answered:
        return PluginHttpResponse{done.status, done.body};
    case Transfer::Outcome::NoCurl:
        return Error{ErrorCode::Internal, done.errorText.isEmpty() ? tr("cannot initialise libcurl") : done.errorText};
    case Transfer::Outcome::TooLarge:
        return Error{ErrorCode::Network,
                     tr("the plugin's answer to %1 is larger than %2 bytes").arg(path).arg(m_maxBodyBytes)};
    case Transfer::Outcome::TimedOut:
        return Error{ErrorCode::Timeout,
                     tr("the plugin did not answer %1 on %2 within %3 ms").arg(path, m_socketPath).arg(m_timeoutMs)};
    case Transfer::Outcome::ConnectFailed:
    case Transfer::Outcome::Failed:
        break;
    }
    return Error{ErrorCode::Network, tr("%1 on %2 failed: %3").arg(path, m_socketPath, done.errorText)};
}

} // namespace core
