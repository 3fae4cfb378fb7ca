#include "core/runtime/socketproxy.h"

#include "core/base/units.h"
#include "core/runtime/pluginhttpclient.h"
#include "core/runtime/pluginsocket.h"
#include "core/runtime/socketpublisher.h"
#include "core/runtime/volumebind.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cerrno>
#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace core {

namespace {

constexpr qsizetype kMaxHeaderBytes = 64 * KiB;
constexpr qsizetype kMaxBodyBytes = 16 * MiB;
constexpr int kIdleMs = 30 * 1000;               // a client that sends nothing for this long is dropped
constexpr int kForwardTimeoutMs = 3 * 60 * 1000; // above the longest volume call (Create, Mount: 2 min)

bool fillAddress(const QString &path, sockaddr_un &address)
{
    const QByteArray native = QFile::encodeName(path);
    if (native.size() >= qsizetype(sizeof address.sun_path))
        return false;
    address = {};
    address.sun_family = AF_UNIX;
    memcpy(address.sun_path, native.constData(), native.size());
    return true;
}

bool readMore(int fd, QByteArray &buffer)
{
    pollfd wait{fd, POLLIN, 0};
    if (::poll(&wait, 1, kIdleMs) <= 0)
        return false;
    char chunk[16384];
    const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0)
        return false;
    buffer.append(chunk, n);
    return true;
}

void writeAll(int fd, const QByteArray &data)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::send(fd, data.constData() + done, size_t(data.size() - done), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return;
        done += n;
    }
}

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Request Entity Too Large";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    default:
        return "Status";
    }
}

void respond(int fd, int status, const QByteArray &body)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason(status) + "\r\n";
    head += "Content-Type: application/vnd.docker.plugins.v1+json\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    head += "Connection: close\r\n\r\n";
    writeAll(fd, head + body);
}

QByteArray errBody(const QString &message)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("Err"), message}}).toJson(QJsonDocument::Compact);
}

// Decodes a chunked body that is complete in `data`; nullopt while more is needed.
std::optional<QByteArray> dechunk(const QByteArray &data, bool &malformed)
{
    QByteArray body;
    qsizetype at = 0;
    for (;;) {
        const qsizetype lineEnd = data.indexOf("\r\n", at);
        if (lineEnd < 0)
            return std::nullopt;
        bool ok = false;
        const qlonglong size = data.mid(at, lineEnd - at).split(';').first().trimmed().toLongLong(&ok, 16);
        if (!ok || size < 0 || size > kMaxBodyBytes) {
            malformed = true;
            return std::nullopt;
        }
        at = lineEnd + 2;
        if (size == 0)
            return body; // trailers, if any, are ignored
        if (data.size() < at + size + 2)
            return std::nullopt;
        body += data.mid(at, size);
        at += size + 2;
    }
}

// The first mountpoint that cannot be resolved inside the plugin's folders stops the rewrite: dockerd gets an
// error instead of a path to bind-mount.
QJsonValue rewrite(const QJsonValue &value, const VolumeDriverInfo &mapping, std::optional<Error> &failed)
{
    if (value.isArray()) {
        QJsonArray array;
        for (const QJsonValue item : value.toArray())
            array.append(rewrite(item, mapping, failed));
        return array;
    }
    if (!value.isObject() || failed)
        return value;
    QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end() && !failed; ++it) {
        if (it.key() == QLatin1String("Mountpoint") && it.value().isString() && !it.value().toString().isEmpty()) {
            auto host = mapping.resolveHostPath(it.value().toString());
            if (host)
                it.value() = *host;
            else
                failed = host.error();
        } else if (it.value().isObject() || it.value().isArray()) {
            it.value() = rewrite(it.value(), mapping, failed);
        }
    }
    return object;
}

// A Mount answer made safe for dockerd: the answer names a bind of the folder that was checked (VolumeBind), so a
// plugin that swaps the folder for a symlink after answering changes nothing for the engine that mounts it.
Result<QByteArray> bindMountAnswer(const QByteArray &answer, const QByteArray &requestBody,
                                   const VolumeDriverInfo &mapping, const QString &bindRoot)
{
    QJsonObject object = QJsonDocument::fromJson(answer).object();
    const QString mountpoint = object.value(QStringLiteral("Mountpoint")).toString();
    if (!object.value(QStringLiteral("Err")).toString().isEmpty() || mountpoint.isEmpty())
        return SocketProxy::rewriteMountpoints(answer, mapping);
    const QJsonObject request = QJsonDocument::fromJson(requestBody).object();
    auto bound = VolumeBind::bind(mapping, mountpoint, bindRoot, request.value(QStringLiteral("Name")).toString(),
                                  request.value(QStringLiteral("ID")).toString());
    if (!bound)
        return bound.error();
    object.insert(QStringLiteral("Mountpoint"), *bound);
    return QByteArray(QJsonDocument(object).toJson(QJsonDocument::Compact) + '\n');
}

void serve(int fd, const QString &pluginSocket, const VolumeDriverInfo &mapping, const QString &bindRoot)
{
    QByteArray buffer;
    SocketProxy::Parsed parsed;
    for (;;) {
        parsed = SocketProxy::parseRequest(buffer);
        if (parsed.state == SocketProxy::Parsed::Complete)
            break;
        if (parsed.state == SocketProxy::Parsed::Drop)
            return;
        if (parsed.state == SocketProxy::Parsed::Refuse) {
            respond(fd, parsed.status, errBody(parsed.message));
            return;
        }
        if (!readMore(fd, buffer))
            return;
    }
    const QByteArray body = parsed.request.body;
    if (parsed.request.method != "POST") {
        respond(fd, 405, errBody(SocketProxy::tr("plugin calls are POST requests")));
        return;
    }
    const QString method = QString::fromUtf8(parsed.request.target);
    const bool mount = method == QLatin1String("/VolumeDriver.Mount") && !bindRoot.isEmpty();
    if (method == QLatin1String("/VolumeDriver.Unmount") && !bindRoot.isEmpty()) {
        const QJsonObject request = QJsonDocument::fromJson(body).object();
        VolumeBind::release(bindRoot, VolumeBind::target(bindRoot, request.value(QStringLiteral("Name")).toString(),
                                                         request.value(QStringLiteral("ID")).toString()));
    }
    PluginHttpClient client(pluginSocket);
    client.setTimeoutMs(kForwardTimeoutMs);
    client.setMaxBodyBytes(64 * MiB);
    auto answer = client.post(method, body);
    if (!answer) {
        respond(fd, 502, errBody(answer.error().message));
        return;
    }
    auto rewritten = mount && answer->status == 200 ? bindMountAnswer(answer->body, body, mapping, bindRoot)
                                                    : SocketProxy::rewriteMountpoints(answer->body, mapping);
    if (!rewritten) {
        // The plugin counts the mount it answered; nobody will unmount a mount that was refused, so end it here.
        if (mount)
            (void)client.post(QStringLiteral("/VolumeDriver.Unmount"), body);
        respond(fd, 500, errBody(rewritten.error().message));
        return;
    }
    respond(fd, answer->status, *rewritten);
}

} // namespace

SocketProxy::Parsed SocketProxy::parseRequest(const QByteArray &received)
{
    Parsed parsed;
    const qsizetype headerEnd = received.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        parsed.state = received.size() > kMaxHeaderBytes ? Parsed::Drop : Parsed::NeedMore;
        return parsed;
    }
    auto refuse = [&parsed](int status, const QString &message) {
        parsed.state = Parsed::Refuse;
        parsed.status = status;
        parsed.message = message;
        return parsed;
    };
    const QList<QByteArray> lines = received.left(headerEnd).split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() < 2)
        return refuse(400, tr("malformed request line"));
    qlonglong contentLength = 0;
    bool chunked = false;
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QByteArray key = line.left(colon).trimmed().toLower();
        const QByteArray value = line.mid(colon + 1).trimmed();
        if (key == "content-length")
            contentLength = value.toLongLong();
        else if (key == "transfer-encoding" && value.toLower().contains("chunked"))
            chunked = true;
    }
    if (contentLength < 0 || contentLength > kMaxBodyBytes)
        return refuse(413, tr("request body too large"));
    const qsizetype bodyStart = headerEnd + 4;
    if (chunked) {
        const QByteArray rest = received.mid(bodyStart);
        bool malformed = false;
        auto complete = dechunk(rest, malformed);
        if (!complete) {
            if (malformed || rest.size() > kMaxBodyBytes + kMaxHeaderBytes)
                return refuse(400, tr("malformed chunked body"));
            return parsed; // NeedMore
        }
        parsed.request.body = *complete;
    } else {
        if (received.size() - bodyStart < contentLength)
            return parsed; // NeedMore
        parsed.request.body = received.mid(bodyStart, contentLength);
    }
    parsed.state = Parsed::Complete;
    parsed.request.method = requestLine.at(0);
    parsed.request.target = requestLine.at(1);
    return parsed;
}

SocketProxy::SocketProxy(QString listenPath, QString pluginSocket, VolumeDriverInfo mapping, QString recordPath,
                         QString bindRoot)
    : m_listenPath(std::move(listenPath))
    , m_pluginSocket(std::move(pluginSocket))
    , m_mapping(std::move(mapping))
    , m_recordPath(std::move(recordPath))
    , m_bindRoot(std::move(bindRoot))
{}

SocketProxy::~SocketProxy()
{
    stop();
}

Result<QByteArray> SocketProxy::rewriteMountpoints(const QByteArray &body, const VolumeDriverInfo &mapping)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !(document.isObject() || document.isArray()))
        return body;
    std::optional<Error> failed;
    const QJsonValue rewritten =
        rewrite(document.isObject() ? QJsonValue(document.object()) : QJsonValue(document.array()), mapping, failed);
    if (failed)
        return *failed;
    const QJsonDocument out =
        rewritten.isObject() ? QJsonDocument(rewritten.toObject()) : QJsonDocument(rewritten.toArray());
    return QByteArray(out.toJson(QJsonDocument::Compact) + '\n');
}

Status SocketProxy::start()
{
    const QFileInfo existing(m_listenPath);
    if (existing.isSymLink()) {
        // The symlink earlier versions published: ours to replace only when it points at this plugin's socket.
        if (existing.symLinkTarget() != m_pluginSocket)
            return Error{ErrorCode::Conflict, tr("cannot publish the socket as %1: it already points at %2")
                                                  .arg(m_listenPath, existing.symLinkTarget())};
        QFile::remove(m_listenPath);
    } else if (struct stat st{}; ::lstat(QFile::encodeName(m_listenPath).constData(), &st) == 0) {
        if (!S_ISSOCK(st.st_mode))
            return Error{ErrorCode::Conflict,
                         tr("cannot publish the socket as %1: a file of that name exists").arg(m_listenPath)};
        // Only the very socket this plugin published before (its monitor was killed) is a leftover of ours.
        if (!SocketPublisher::isRecorded(m_listenPath, m_recordPath))
            return Error{ErrorCode::Conflict, tr("cannot publish the socket as %1: another program's socket has that "
                                                 "name; it is left alone")
                                                  .arg(m_listenPath)};
        if (PluginSocket::serves(m_listenPath))
            return Error{ErrorCode::Conflict,
                         tr("cannot publish the socket as %1: another process serves it").arg(m_listenPath)};
        QFile::remove(m_listenPath);
    }
    if (!QDir().mkpath(QFileInfo(m_listenPath).absolutePath()))
        return Error{ErrorCode::Io, tr("cannot create %1").arg(QFileInfo(m_listenPath).absolutePath())};
    sockaddr_un address{};
    if (!fillAddress(m_listenPath, address))
        return Error{ErrorCode::InvalidArgument, tr("the socket path %1 is too long").arg(m_listenPath)};
    m_listenFd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (m_listenFd < 0 || ::bind(m_listenFd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 ||
        ::listen(m_listenFd, 64) != 0) {
        const QString why = QString::fromLocal8Bit(strerror(errno));
        if (m_listenFd >= 0)
            ::close(m_listenFd);
        m_listenFd = -1;
        return Error{ErrorCode::Io, tr("cannot publish the socket as %1: %2").arg(m_listenPath, why)};
    }
    ::chmod(QFile::encodeName(m_listenPath).constData(), 0660);
    struct stat st
    {};
    Status recorded = Error{ErrorCode::Io, tr("cannot publish the socket as %1: it vanished").arg(m_listenPath)};
    if (::lstat(QFile::encodeName(m_listenPath).constData(), &st) == 0) {
        m_device = st.st_dev;
        m_inode = st.st_ino;
        recorded = SocketPublisher::writeRecord(m_recordPath, {m_listenPath, m_device, m_inode});
    }
    if (!recorded) {
        // A socket we could not remember is one we could never tell from another program's: do not publish it.
        if (m_inode != 0)
            QFile::remove(m_listenPath);
        ::close(m_listenFd);
        m_listenFd = -1;
        return recorded;
    }
    m_wakeFd = ::eventfd(0, EFD_CLOEXEC);
    m_stopping = false;
    m_thread = std::thread([this] { acceptLoop(); });
    return {};
}

void SocketProxy::acceptLoop()
{
    for (;;) {
        pollfd fds[2] = {{m_listenFd, POLLIN, 0}, {m_wakeFd, POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        if (m_stopping || fds[1].revents)
            return;
        const int client = ::accept4(m_listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0)
            continue;
        // Each request on its own thread: a slow Mount must not hold a List. The thread owns copies only.
        std::thread([client, socket = m_pluginSocket, mapping = m_mapping, bindRoot = m_bindRoot] {
            serve(client, socket, mapping, bindRoot);
            ::close(client);
        }).detach();
    }
}

void SocketProxy::stop()
{
    if (m_thread.joinable()) {
        m_stopping = true;
        const quint64 one = 1;
        (void)::write(m_wakeFd, &one, sizeof one);
        m_thread.join();
    }
    if (m_listenFd >= 0) {
        struct stat st
        {};
        if (::lstat(QFile::encodeName(m_listenPath).constData(), &st) == 0 && st.st_ino == m_inode &&
            st.st_dev == m_device)
            QFile::remove(m_listenPath);
        if (const auto record = SocketPublisher::readRecord(m_recordPath);
            record && record->inode == m_inode && record->device == m_device)
            QFile::remove(m_recordPath);
        ::close(m_listenFd);
        m_listenFd = -1;
    }
    if (m_wakeFd >= 0) {
        ::close(m_wakeFd);
        m_wakeFd = -1;
    }
}

} // namespace core
