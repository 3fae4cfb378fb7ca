#include "core/runtime/pluginsocket.h"

#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

namespace core {

PluginSocket::PluginSocket(const QString &path)
{
    m_fd = ::open(QFile::encodeName(path).constData(), O_PATH | O_NOFOLLOW | O_CLOEXEC);
    if (m_fd < 0) {
        m_missing = errno == ENOENT;
        m_error = Error{ErrorCode::Network,
                        tr("cannot open the plugin socket %1: %2").arg(path, QString::fromLocal8Bit(strerror(errno)))};
        return;
    }
    struct stat st
    {};
    if (::fstat(m_fd, &st) != 0 || !S_ISSOCK(st.st_mode)) {
        const bool link = S_ISLNK(st.st_mode);
        ::close(m_fd);
        m_fd = -1;
        m_error = Error{ErrorCode::Network,
                        link ? tr("refusing the plugin socket %1: it is a symbolic link, not a socket").arg(path)
                             : tr("refusing the plugin socket %1: it is not a socket").arg(path)};
    }
}

PluginSocket::~PluginSocket()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

QString PluginSocket::connectPath() const
{
    return m_fd < 0 ? QString() : QStringLiteral("/proc/self/fd/%1").arg(m_fd);
}

bool PluginSocket::acceptsConnection(const QString &path)
{
    const PluginSocket socket(path);
    return !socket.error() && serves(socket.connectPath());
}

bool PluginSocket::serves(const QString &path)
{
    const QByteArray native = QFile::encodeName(path);
    sockaddr_un address{};
    if (native.isEmpty() || native.size() >= qsizetype(sizeof address.sun_path))
        return false;
    address.sun_family = AF_UNIX;
    memcpy(address.sun_path, native.constData(), size_t(native.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return ok;
}

} // namespace core
