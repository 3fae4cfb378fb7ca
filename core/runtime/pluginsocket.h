#pragma once

#include "core/base/error.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace core {

// A plugin's socket as root may connect to it. The socket lives in a folder the plugin writes to, so the name may
// hold anything the plugin put there: a symlink to another program's socket (the Docker daemon's, the system
// bus), a FIFO, a device node. This opens the name itself with O_PATH|O_NOFOLLOW, checks with fstat that it is a
// unix socket, and hands out /proc/self/fd/N, a path that reaches that very socket and nothing else, for connect()
// and for libcurl's CURLOPT_UNIX_SOCKET_PATH. Owns the descriptor for as long as it lives.
class PluginSocket final
{
    Q_DECLARE_TR_FUNCTIONS(PluginSocket)

public:
    explicit PluginSocket(const QString &path);
    ~PluginSocket();
    PluginSocket(const PluginSocket &) = delete;
    PluginSocket &operator=(const PluginSocket &) = delete;

    // Set when the name is missing (errno ENOENT) or is no socket; nullopt when connectPath() may be used.
    const std::optional<Error> &error() const { return m_error; }
    // True when the name did not exist at all: the plugin may not have made its socket yet.
    bool missing() const { return m_missing; }
    // "/proc/self/fd/N", valid while this object lives.
    QString connectPath() const;

    // True when `path` is a unix socket (not a symlink to one) that accepts a connection now.
    static bool acceptsConnection(const QString &path);
    // True when something accepts a connection at `path`, followed as it is: only for paths in folders root owns
    // (the published sockets), never for a name inside a plugin's folder (acceptsConnection is for those).
    static bool serves(const QString &path);

private:
    int m_fd = -1;
    bool m_missing = false;
    std::optional<Error> m_error;
};

} // namespace core
