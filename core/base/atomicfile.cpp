#include "core/base/atomicfile.h"

#include "core/base/crashpoint.h"

#include <QFileInfo>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace core {

namespace {

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

Status AtomicFile::syncDirectory(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return Error{ErrorCode::Io, tr("cannot open directory %1: %2").arg(path, errnoText(errno))};
    const int rc = ::fsync(fd);
    const int error = errno;
    ::close(fd);
    if (rc != 0)
        return Error{ErrorCode::Io, tr("cannot sync directory %1: %2").arg(path, errnoText(error))};
    return {};
}

Status AtomicFile::syncFileSystem(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return Error{ErrorCode::Io, tr("cannot open directory %1: %2").arg(path, errnoText(errno))};
    const int rc = ::syncfs(fd);
    const int error = errno;
    ::close(fd);
    if (rc != 0)
        return Error{ErrorCode::Io, tr("cannot sync the file system of %1: %2").arg(path, errnoText(error))};
    return {};
}

Status AtomicFile::write(const QString &path, const QByteArray &data, int mode)
{
    const QFileInfo info(path);
    const QString directory = info.absolutePath();
    const QByteArray target = QFile::encodeName(info.absoluteFilePath());
    QByteArray temp =
        QFile::encodeName(directory + QStringLiteral("/.") + info.fileName() + QStringLiteral(".tmp-XXXXXX"));

    const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0)
        return Error{ErrorCode::Io, tr("cannot write %1: %2").arg(path, errnoText(errno))};
    auto fail = [&](int error) {
        ::close(fd);
        ::unlink(temp.constData());
        return Error{ErrorCode::Io, tr("cannot write %1: %2").arg(path, errnoText(error))};
    };
    crashPoint("atomicfile.temp-created");
    if (::fchmod(fd, static_cast<mode_t>(mode)) != 0)
        return fail(errno);
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.constData() + done, static_cast<size_t>(data.size() - done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail(errno);
        }
        done += n;
    }
    if (::fsync(fd) != 0)
        return fail(errno);
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temp.constData());
        return Error{ErrorCode::Io, tr("cannot write %1: %2").arg(path, errnoText(error))};
    }
    crashPoint("atomicfile.temp-written");
    if (::rename(temp.constData(), target.constData()) != 0) {
        const int error = errno;
        ::unlink(temp.constData());
        return Error{ErrorCode::Io, tr("cannot replace %1: %2").arg(path, errnoText(error))};
    }
    crashPoint("atomicfile.renamed");
    return syncDirectory(directory);
}

} // namespace core
