#include "httpserver.h"

#include "log.h"

#include <cerrno>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <thread>
#include <unistd.h>

namespace testplugin {

namespace {

constexpr size_t MaxHeaderBytes = 64 * 1024;
constexpr size_t MaxBodyBytes = 4 * 1024 * 1024;

const char *reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 400:
        return "Bad Request";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 413:
        return "Payload Too Large";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Unknown";
    }
}

std::string lower(std::string text)
{
    for (char &c : text) {
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
}

std::string trim(const std::string &text)
{
    size_t begin = 0;
    size_t end = text.size();
    while (begin < end && (text[begin] == ' ' || text[begin] == '\t'))
        ++begin;
    while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t'))
        --end;
    return text.substr(begin, end - begin);
}

bool mkdirs(const std::string &dir, std::string *error)
{
    if (dir.empty())
        return true;
    std::string partial;
    size_t pos = 0;
    while (pos != std::string::npos) {
        pos = dir.find('/', pos + 1);
        partial = dir.substr(0, pos);
        if (partial.empty())
            continue;
        if (::mkdir(partial.c_str(), 0755) != 0 && errno != EEXIST) {
            *error = "cannot create directory " + partial + ": " + std::strerror(errno);
            return false;
        }
    }
    struct stat st
    {};
    if (::stat(dir.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) {
        *error = dir + " is not a directory";
        return false;
    }
    return true;
}

bool sendAll(int fd, const std::string &data)
{
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        done += static_cast<size_t>(n);
    }
    return true;
}

// Reads from one connection into a buffer and hands out lines and byte counts from it.
class Reader final
{
public:
    explicit Reader(int fd)
        : m_fd(fd)
    {}

    // false on EOF or error
    bool fill()
    {
        char chunk[16 * 1024];
        for (;;) {
            const ssize_t n = ::recv(m_fd, chunk, sizeof chunk, 0);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0)
                return false;
            m_buffer.append(chunk, static_cast<size_t>(n));
            return true;
        }
    }

    // A line without its CRLF (a bare LF is tolerated). Fails when the line grows beyond `limit`.
    enum class LineResult { Ok, Closed, TooLong };
    LineResult readLine(std::string *line, size_t limit)
    {
        for (;;) {
            const size_t nl = m_buffer.find('\n', m_pos);
            if (nl != std::string::npos) {
                if (nl - m_pos > limit)
                    return LineResult::TooLong;
                size_t end = nl;
                if (end > m_pos && m_buffer[end - 1] == '\r')
                    --end;
                *line = m_buffer.substr(m_pos, end - m_pos);
                m_pos = nl + 1;
                return LineResult::Ok;
            }
            if (m_buffer.size() - m_pos > limit)
                return LineResult::TooLong;
            compact();
            if (!fill())
                return LineResult::Closed;
        }
    }

    bool readBytes(std::string *out, size_t count)
    {
        while (m_buffer.size() - m_pos < count) {
            compact();
            if (!fill())
                return false;
        }
        out->append(m_buffer, m_pos, count);
        m_pos += count;
        return true;
    }

    bool hasBufferedData() const { return m_pos < m_buffer.size(); }

private:
    void compact()
    {
        if (m_pos > 0) {
            m_buffer.erase(0, m_pos);
            m_pos = 0;
        }
    }

    int m_fd;
    std::string m_buffer;
    size_t m_pos = 0;
};

std::string formatResponse(const HttpResponse &response, bool close)
{
    std::string out = "HTTP/1.1 " + std::to_string(response.status) + " " + reasonPhrase(response.status) + "\r\n";
    out += "Content-Type: " + response.contentType + "\r\n";
    out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
    if (close)
        out += "Connection: close\r\n";
    out += "\r\n";
    out += response.body;
    return out;
}

HttpResponse errorResponse(int status, const std::string &message)
{
    HttpResponse response;
    response.status = status;
    response.contentType = "text/plain; charset=utf-8";
    response.body = message + "\n";
    return response;
}

// Reads a chunked body; returns 0 on success or the HTTP status to fail with (-1: connection lost).
int readChunkedBody(Reader &reader, std::string *body)
{
    for (;;) {
        std::string line;
        const Reader::LineResult r = reader.readLine(&line, 1024);
        if (r == Reader::LineResult::Closed)
            return -1;
        if (r == Reader::LineResult::TooLong)
            return 400;
        const std::string sizeText = trim(line.substr(0, line.find(';')));
        if (sizeText.empty() || sizeText.size() > 8)
            return 400;
        size_t size = 0;
        for (const char c : sizeText) {
            size <<= 4;
            if (c >= '0' && c <= '9')
                size |= static_cast<size_t>(c - '0');
            else if (c >= 'a' && c <= 'f')
                size |= static_cast<size_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F')
                size |= static_cast<size_t>(c - 'A' + 10);
            else
                return 400;
        }
        if (size == 0)
            break;
        if (body->size() + size > MaxBodyBytes)
            return 413;
        if (!reader.readBytes(body, size))
            return -1;
        std::string crlf;
        if (reader.readLine(&crlf, 2) != Reader::LineResult::Ok || !crlf.empty())
            return 400;
    }
    // Trailers, up to the empty line.
    size_t trailerBytes = 0;
    for (;;) {
        std::string line;
        const Reader::LineResult r = reader.readLine(&line, MaxHeaderBytes);
        if (r == Reader::LineResult::Closed)
            return -1;
        trailerBytes += line.size();
        if (r == Reader::LineResult::TooLong || trailerBytes > MaxHeaderBytes)
            return 431;
        if (line.empty())
            return 0;
    }
}

} // namespace

bool HttpServer::listen(const std::string &path, std::string *error)
{
    const size_t slash = path.rfind('/');
    if (slash != std::string::npos && slash > 0 && !mkdirs(path.substr(0, slash), error))
        return false;

    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (path.size() >= sizeof address.sun_path) {
        *error = "socket path too long (" + std::to_string(path.size()) + " bytes): " + path;
        return false;
    }
    std::memcpy(address.sun_path, path.c_str(), path.size() + 1);

    // A socket file left by a crashed run would make bind fail; anything else at that path is not ours to delete.
    struct stat st
    {};
    if (::lstat(path.c_str(), &st) == 0) {
        if (!S_ISSOCK(st.st_mode)) {
            *error = path + " exists and is not a socket";
            return false;
        }
        ::unlink(path.c_str());
    }

    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0) {
        *error = std::string("socket: ") + std::strerror(errno);
        return false;
    }
    if (::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0) {
        *error = "bind " + path + ": " + std::strerror(errno);
        ::close(fd);
        return false;
    }
    if (::listen(fd, 128) != 0) {
        *error = "listen " + path + ": " + std::strerror(errno);
        ::close(fd);
        ::unlink(path.c_str());
        return false;
    }
    m_path = path;
    m_listenFd = fd;
    return true;
}

void HttpServer::run()
{
    for (;;) {
        const int listenFd = m_listenFd.load();
        if (listenFd < 0 || m_stopping)
            return;
        const int fd = ::accept4(listenFd, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) {
            if (m_stopping)
                return;
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                logErr(std::string("testvolumeplugin: accept: ") + std::strerror(errno));
                ::usleep(100 * 1000);
                continue;
            }
            logErr(std::string("testvolumeplugin: accept: ") + std::strerror(errno));
            return;
        }
        try {
            std::thread([this, fd] { serveConnection(fd); }).detach();
        } catch (const std::exception &e) {
            logErr(std::string("testvolumeplugin: cannot start a connection thread: ") + e.what());
            ::close(fd);
        }
    }
}

void HttpServer::shutdown()
{
    m_stopping = true;
    const int fd = m_listenFd.exchange(-1);
    if (fd >= 0) {
        // Wakes a blocked accept() on Linux; the fd itself is closed by the exit that follows.
        ::shutdown(fd, SHUT_RDWR);
    }
    if (!m_path.empty())
        ::unlink(m_path.c_str());
}

void HttpServer::waitForPeerClose(int fd)
{
    for (;;) {
        pollfd p{fd, POLLIN | POLLRDHUP, 0};
        const int n = ::poll(&p, 1, 1000);
        if (n < 0 && errno != EINTR)
            return;
        if (n <= 0)
            continue;
        if (p.revents & (POLLRDHUP | POLLHUP | POLLERR | POLLNVAL))
            return;
        if (p.revents & POLLIN) {
            char c;
            const ssize_t r = ::recv(fd, &c, 1, MSG_PEEK | MSG_DONTWAIT);
            if (r == 0 || (r < 0 && errno != EAGAIN && errno != EINTR))
                return;
            // More pipelined data: it will never be read either; just keep waiting without spinning.
            ::usleep(100 * 1000);
        }
    }
}

void HttpServer::serveConnection(int fd)
{
    Reader reader(fd);
    for (;;) {
        HttpRequest request;
        request.connectionFd = fd;
        std::string line;

        // Request line; tolerate empty lines before it (RFC 9112 §2.2).
        Reader::LineResult r;
        do {
            r = reader.readLine(&line, MaxHeaderBytes);
        } while (r == Reader::LineResult::Ok && line.empty());
        if (r == Reader::LineResult::Closed)
            break;
        auto fail = [&](int status, const std::string &message) {
            sendAll(fd, formatResponse(errorResponse(status, message), true));
        };
        if (r == Reader::LineResult::TooLong) {
            fail(431, "request line too long");
            break;
        }
        const size_t sp1 = line.find(' ');
        const size_t sp2 = sp1 == std::string::npos ? std::string::npos : line.find(' ', sp1 + 1);
        if (sp1 == std::string::npos || sp2 == std::string::npos || line.find(' ', sp2 + 1) != std::string::npos ||
            sp1 == 0 || sp2 == sp1 + 1) {
            fail(400, "malformed request line");
            break;
        }
        request.method = line.substr(0, sp1);
        request.target = line.substr(sp1 + 1, sp2 - sp1 - 1);
        request.version = line.substr(sp2 + 1);
        if (request.version != "HTTP/1.1" && request.version != "HTTP/1.0") {
            fail(505, "unsupported HTTP version");
            break;
        }

        // Headers.
        size_t headerBytes = line.size();
        bool headersOk = true;
        bool connectionLost = false;
        for (;;) {
            r = reader.readLine(&line, MaxHeaderBytes);
            if (r == Reader::LineResult::Closed) {
                connectionLost = true;
                break;
            }
            headerBytes += line.size();
            if (r == Reader::LineResult::TooLong || headerBytes > MaxHeaderBytes) {
                fail(431, "request headers too large");
                headersOk = false;
                break;
            }
            if (line.empty())
                break;
            const size_t colon = line.find(':');
            if (colon == std::string::npos || colon == 0 || line[0] == ' ' || line[0] == '\t') {
                fail(400, "malformed header line");
                headersOk = false;
                break;
            }
            request.headers.emplace_back(lower(line.substr(0, colon)), trim(line.substr(colon + 1)));
        }
        if (connectionLost || !headersOk)
            break;

        bool close = request.version == "HTTP/1.0";
        bool chunked = false;
        bool haveLength = false;
        bool expectContinue = false;
        size_t contentLength = 0;
        bool bad = false;
        for (const auto &[name, value] : request.headers) {
            if (name == "connection") {
                const std::string v = lower(value);
                if (v.find("close") != std::string::npos)
                    close = true;
                else if (v.find("keep-alive") != std::string::npos)
                    close = false;
            } else if (name == "transfer-encoding") {
                if (lower(value) != "chunked") {
                    fail(501, "unsupported transfer encoding");
                    bad = true;
                    break;
                }
                chunked = true;
            } else if (name == "content-length") {
                if (value.empty() || value.size() > 12 || value.find_first_not_of("0123456789") != std::string::npos) {
                    fail(400, "invalid Content-Length");
                    bad = true;
                    break;
                }
                const size_t length = std::stoull(value);
                if (haveLength && length != contentLength) {
                    fail(400, "conflicting Content-Length headers");
                    bad = true;
                    break;
                }
                haveLength = true;
                contentLength = length;
            } else if (name == "expect") {
                expectContinue = lower(value) == "100-continue";
            }
        }
        if (bad)
            break;
        if (chunked && haveLength) {
            fail(400, "both Content-Length and chunked encoding");
            break;
        }
        if (contentLength > MaxBodyBytes) {
            fail(413, "request body too large");
            break;
        }
        if (expectContinue && (chunked || contentLength > 0) && !sendAll(fd, "HTTP/1.1 100 Continue\r\n\r\n"))
            break;
        if (chunked) {
            const int status = readChunkedBody(reader, &request.body);
            if (status < 0)
                break;
            if (status > 0) {
                fail(status, "malformed chunked body");
                break;
            }
        } else if (contentLength > 0 && !reader.readBytes(&request.body, contentLength)) {
            break;
        }

        // Origin-form path; an absolute-form target keeps only its path.
        std::string path = request.target;
        if (path.rfind("http://", 0) == 0 || path.rfind("https://", 0) == 0) {
            const size_t slash = path.find('/', path.find("//") + 2);
            path = slash == std::string::npos ? "/" : path.substr(slash);
        }
        request.path = path.substr(0, path.find('?'));

        HttpResponse response;
        try {
            response = m_handler(request);
        } catch (const std::exception &e) {
            logErr(std::string("testvolumeplugin: handler failed: ") + e.what());
            response = errorResponse(500, "internal error");
        }
        if (response.noReply)
            break;
        if (!sendAll(fd, formatResponse(response, close)) || close)
            break;
    }
    ::close(fd);
}

} // namespace testplugin
