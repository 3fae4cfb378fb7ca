#pragma once

// An HTTP/1.1 server on a unix socket, one thread per connection. It owns the listening socket and the socket file;
// what requests mean is up to the handler. Supports keep-alive, Connection: close, Content-Length and chunked bodies.

#include <atomic>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace testplugin {

struct HttpRequest
{
    std::string method;
    std::string target; // as sent
    std::string path;   // target without query, origin-form
    std::string version;
    std::vector<std::pair<std::string, std::string>> headers; // names lower-cased
    std::string body;
    int connectionFd = -1; // for handlers that must watch the peer (hang-list)
};

struct HttpResponse
{
    int status = 200;
    std::string contentType = "application/vnd.docker.plugins.v1+json";
    std::string body;
    bool noReply = false; // the handler already gave up on the connection: close it without writing
};

class HttpServer final
{
public:
    using Handler = std::function<HttpResponse(const HttpRequest &)>;

    explicit HttpServer(Handler handler)
        : m_handler(std::move(handler))
    {}
    HttpServer(const HttpServer &) = delete;
    HttpServer &operator=(const HttpServer &) = delete;

    // Creates the socket directory if needed, replaces a stale socket file, binds and listens.
    bool listen(const std::string &path, std::string *error);
    // Accepts connections until shutdown(); call from its own thread.
    void run();
    // Stops accepting and removes the socket file. Open connections are left to the process exit.
    void shutdown();

    // Blocks until the peer closes `fd` (or the process ends); used to never answer a request.
    static void waitForPeerClose(int fd);

private:
    void serveConnection(int fd);

    Handler m_handler;
    std::string m_path;
    std::atomic<int> m_listenFd{-1};
    std::atomic<bool> m_stopping{false};
};

} // namespace testplugin
