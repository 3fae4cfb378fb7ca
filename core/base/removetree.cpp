#include "core/base/removetree.h"

#include "core/base/crashpoint.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RemoveTree)
};

class Descriptor final
{
public:
    explicit Descriptor(int fd)
        : m_fd(fd)
    {}
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor &) = delete;
    Descriptor &operator=(const Descriptor &) = delete;
    int get() const { return m_fd; }
    bool isValid() const { return m_fd >= 0; }

private:
    int m_fd;
};

} // namespace

int listDirectoryNames(int dirFd, QByteArrayList *names)
{
    const int fd = ::openat(dirFd, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return errno;
    DIR *dir = ::fdopendir(fd);
    if (!dir) {
        const int error = errno;
        ::close(fd);
        return error;
    }
    errno = 0;
    while (const dirent *entry = ::readdir(dir)) {
        const QByteArray name(entry->d_name);
        if (name != "." && name != "..")
            names->append(name);
        errno = 0;
    }
    const int error = errno;
    ::closedir(dir);
    return error;
}

namespace {

int removeAt(int dirFd, const QByteArray &name, dev_t device, const char *crashPointName)
{
    struct stat st;
    if (::fstatat(dirFd, name.constData(), &st, AT_SYMLINK_NOFOLLOW) != 0)
        return errno == ENOENT ? 0 : errno;
    if (!S_ISDIR(st.st_mode)) {
        if (crashPointName)
            crashPoint(crashPointName);
        return ::unlinkat(dirFd, name.constData(), 0) == 0 || errno == ENOENT ? 0 : errno;
    }
    if (st.st_dev != device)
        return EXDEV;
    // Root may enter any folder; anyone else first makes a read-only one (a lower layer's) writable. Not as root: a
    // chmod follows a symlink swapped in meanwhile.
    if (::geteuid() != 0 && (st.st_mode & 0700) != 0700)
        ::fchmodat(dirFd, name.constData(), (st.st_mode & 07777) | 0700, 0);
    const Descriptor dir(::openat(dirFd, name.constData(), O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!dir.isValid())
        return errno;
    QByteArrayList children;
    if (const int error = listDirectoryNames(dir.get(), &children))
        return error;
    for (const QByteArray &child : std::as_const(children)) {
        if (const int error = removeAt(dir.get(), child, device, crashPointName))
            return error;
    }
    return ::unlinkat(dirFd, name.constData(), AT_REMOVEDIR) == 0 || errno == ENOENT ? 0 : errno;
}

} // namespace

Status removeTree(const QString &path, const char *crashPointName)
{
    const QFileInfo info(path);
    const Descriptor parent(
        ::open(QFile::encodeName(info.absolutePath()).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    struct stat st;
    if (!parent.isValid() || ::fstat(parent.get(), &st) != 0) {
        if (errno == ENOENT)
            return {};
        return Error{
            ErrorCode::Io,
            Tr::tr("cannot open %1: %2").arg(info.absolutePath(), QString::fromLocal8Bit(std::strerror(errno)))};
    }
    if (const int error = removeAt(parent.get(), QFile::encodeName(info.fileName()), st.st_dev, crashPointName))
        return Error{ErrorCode::Io, Tr::tr("cannot delete %1: %2")
                                        .arg(path, error == EXDEV ? Tr::tr("a folder below it is still mounted")
                                                                  : QString::fromLocal8Bit(std::strerror(error)))};
    return {};
}

} // namespace core
