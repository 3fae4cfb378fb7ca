#include "core/archive/rootfsdir.h"

#include "core/base/removetree.h"

#include <QDir>
#include <QFile>
#include <cerrno>
#include <deque>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace core {

RootfsDir::Fd &RootfsDir::Fd::operator=(Fd &&other) noexcept
{
    if (this != &other) {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = other.release();
    }
    return *this;
}

RootfsDir::Fd::~Fd()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

int RootfsDir::Fd::release()
{
    const int fd = m_fd;
    m_fd = -1;
    return fd;
}

int RootfsDir::open(const QString &path)
{
    QDir().mkpath(path);
    const int fd = ::open(QFile::encodeName(path).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    m_root = Fd(fd);
    return 0;
}

bool RootfsDir::cleanName(const QByteArray &name, QByteArrayList *components)
{
    components->clear();
    for (const QByteArray &part : name.split('/')) {
        if (part.isEmpty() || part == ".")
            continue;
        if (part == "..") {
            if (!components->isEmpty())
                components->removeLast();
            else if (!name.startsWith('/'))
                return false; // "/.." is "/" for Go's Clean; "../x" climbs out
            continue;
        }
        components->append(part);
    }
    return true;
}

int RootfsDir::openPhysical(const QByteArray &path, int flags) const
{
    const QByteArrayList parts = path.split('/');
    Fd current(::openat(m_root.get(), ".", O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!current.isValid())
        return -errno;
    for (qsizetype i = 0; i < parts.size(); ++i) {
        if (parts[i].isEmpty())
            continue;
        const bool last = i == parts.size() - 1;
        const int fd = ::openat(current.get(), parts[i].constData(),
                                (last ? flags : O_PATH) | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0)
            return -errno;
        current = Fd(fd);
    }
    if (path.isEmpty() || path.endsWith('/')) {
        // The root (or a trailing slash): reopen with the wanted flags.
        const int fd = ::openat(current.get(), ".", flags | O_DIRECTORY | O_CLOEXEC);
        return fd < 0 ? -errno : fd;
    }
    return current.release();
}

bool RootfsDir::locate(const QByteArrayList &components, bool createParents, Location *location, Failure *failure) const
{
    Fd current(::openat(m_root.get(), ".", O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (!current.isValid()) {
        *failure = {Failure::System, errno, {}};
        return false;
    }
    QByteArrayList physical; // components of `current` below the root, all real directories
    // Each pending part remembers the symbolic link whose target it came from, to name the culprit of an escape.
    std::deque<std::pair<QByteArray, QByteArray>> pending;
    for (auto it = components.begin(); it != components.end() - 1; ++it)
        pending.emplace_back(*it, QByteArray());
    int links = 0;

    while (!pending.empty()) {
        const auto [part, origin] = pending.front();
        pending.pop_front();
        if (part.isEmpty() || part == ".")
            continue;
        if (part == "..") {
            if (physical.isEmpty()) {
                // Only a symbolic link's target can bring us here: the entry names were cleaned.
                *failure = {Failure::Escape, 0, origin};
                return false;
            }
            physical.removeLast();
            // Reopen from the root rather than trusting "..": the walk never uses a name it did not check.
            const int fd = openPhysical(physical.join('/'), O_PATH);
            if (fd < 0) {
                *failure = {Failure::System, -fd, {}};
                return false;
            }
            current = Fd(fd);
            continue;
        }

        struct stat st;
        if (::fstatat(current.get(), part.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0) {
            const int error = errno;
            if (error != ENOENT || !createParents) {
                *failure = {Failure::System, error, {}};
                return false;
            }
            if (::mkdirat(current.get(), part.constData(), 0755) != 0 && errno != EEXIST) {
                *failure = {Failure::System, errno, {}};
                return false;
            }
        } else if (S_ISLNK(st.st_mode)) {
            if (++links > MaxSymlinks) {
                *failure = {Failure::Loop, ELOOP, (physical + QByteArrayList{part}).join('/')};
                return false;
            }
            QByteArray target(st.st_size > 0 ? st.st_size + 1 : 4097, Qt::Uninitialized);
            const ssize_t n = ::readlinkat(current.get(), part.constData(), target.data(), target.size());
            if (n < 0) {
                *failure = {Failure::System, errno, {}};
                return false;
            }
            target.truncate(n);
            const QByteArray link = (physical + QByteArrayList{part}).join('/');
            if (target.startsWith('/')) {
                physical.clear();
                current = Fd(::openat(m_root.get(), ".", O_PATH | O_DIRECTORY | O_CLOEXEC));
                if (!current.isValid()) {
                    *failure = {Failure::System, errno, {}};
                    return false;
                }
            }
            const QByteArrayList targetParts = target.split('/');
            for (auto it = targetParts.crbegin(); it != targetParts.crend(); ++it)
                pending.emplace_front(*it, link);
            continue;
        } else if (!S_ISDIR(st.st_mode)) {
            *failure = {Failure::System, ENOTDIR, {}};
            return false;
        }

        const int fd = ::openat(current.get(), part.constData(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) {
            *failure = {Failure::System, errno, {}};
            return false;
        }
        current = Fd(fd);
        physical.append(part);
    }

    location->parent = std::move(current);
    location->name = components.last();
    physical.append(components.last());
    location->path = physical.join('/');
    return true;
}

int RootfsDir::list(int dirFd, QByteArrayList *names)
{
    names->clear();
    return listDirectoryNames(dirFd, names);
}

int RootfsDir::removeTree(int dirFd, const QByteArray &name)
{
    struct stat st;
    if (::fstatat(dirFd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return errno == ENOENT ? 0 : errno;
    if (!S_ISDIR(st.st_mode))
        return ::unlinkat(dirFd, name.constData(), 0) == 0 || errno == ENOENT ? 0 : errno;

    if (::geteuid() != 0 && (st.st_mode & 0700) != 0700)
        ::fchmodat(dirFd, name.constData(), (st.st_mode & 07777) | 0700, 0); // a read-only lower directory
    Fd dir(::openat(dirFd, name.constData(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!dir.isValid())
        return errno;
    QByteArrayList children;
    if (const int error = list(dir.get(), &children))
        return error;
    for (const QByteArray &child : std::as_const(children)) {
        if (const int error = removeTree(dir.get(), child))
            return error;
    }
    return ::unlinkat(dirFd, name.constData(), AT_REMOVEDIR) == 0 || errno == ENOENT ? 0 : errno;
}

} // namespace core
