#include "core/base/atomicfile.h"

#include "core/base/crashpoint.h"

#include <QFile>
#include <QFileInfo>
#include <QStringList>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace core {

namespace {

// The folder a file system is mounted at: the highest existing ancestor of `path` on the same device.
QString mountPointOf(QString path)
{
    struct stat own
    {};
    while (::stat(QFile::encodeName(path).constData(), &own) != 0 && path.size() > 1)
        path = QFileInfo(path).absolutePath();
    for (;;) {
        const QString parent = QFileInfo(path).absolutePath();
        struct stat above
        {};
        if (parent == path || ::stat(QFile::encodeName(parent).constData(), &above) != 0 || above.st_dev != own.st_dev)
            return path;
        path = parent;
    }
}

} // namespace

QString writeErrorText(const QString &path, int error)
{
    if (error == ENOSPC || error == EDQUOT)
        return AtomicFile::tr("no space left on device while writing %1 — free some space on the file system mounted "
                              "at %2 and try again")
            .arg(path, mountPointOf(QFileInfo(path).absolutePath()));
    return AtomicFile::tr("cannot write %1: %2").arg(path, errnoText(error));
}

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

Status AtomicFile::write(const QString &path, const QByteArray &data, int mode, Sync sync)
{
    const QFileInfo info(path);
    const QString directory = info.absolutePath();
    const QByteArray target = QFile::encodeName(info.absoluteFilePath());
    QByteArray temp =
        QFile::encodeName(directory + QStringLiteral("/.") + info.fileName() + QStringLiteral(".tmp-XXXXXX"));

    const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0)
        return Error{ErrorCode::Io, writeErrorText(path, errno)};
    auto fail = [&](int error) {
        ::close(fd);
        ::unlink(temp.constData());
        return Error{ErrorCode::Io, writeErrorText(path, error)};
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
    if (sync == Sync::Now && ::fsync(fd) != 0)
        return fail(errno);
    if (::close(fd) != 0) {
        const int error = errno;
        ::unlink(temp.constData());
        return Error{ErrorCode::Io, writeErrorText(path, error)};
    }
    crashPoint("atomicfile.temp-written");
    if (::rename(temp.constData(), target.constData()) != 0) {
        const int error = errno;
        ::unlink(temp.constData());
        return Error{ErrorCode::Io, tr("cannot replace %1: %2").arg(path, errnoText(error))};
    }
    crashPoint("atomicfile.renamed");
    return sync == Sync::Now ? syncDirectory(directory) : Status();
}

Status AtomicFile::writeAll(const QList<QPair<QString, QByteArray>> &files, int mode)
{
    struct Prepared
    {
        QString path;
        QByteArray temp;
    };
    QList<Prepared> prepared;
    auto discard = [&prepared] {
        for (const Prepared &file : std::as_const(prepared))
            ::unlink(file.temp.constData());
    };
    for (const auto &[path, data] : files) {
        QFile current(path);
        if (current.open(QIODevice::ReadOnly) && current.size() == data.size() && current.readAll() == data)
            continue;
        const QFileInfo info(path);
        QByteArray temp = QFile::encodeName(info.absolutePath() + QStringLiteral("/.") + info.fileName() +
                                            QStringLiteral(".tmp-XXXXXX"));
        const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
        if (fd < 0) {
            const int error = errno;
            discard();
            return Error{ErrorCode::Io, writeErrorText(path, error)};
        }
        prepared.append({info.absoluteFilePath(), temp});
        int error = ::fchmod(fd, static_cast<mode_t>(mode)) != 0 ? errno : 0;
        for (qsizetype done = 0; error == 0 && done < data.size();) {
            const ssize_t n = ::write(fd, data.constData() + done, static_cast<size_t>(data.size() - done));
            if (n < 0 && errno != EINTR)
                error = errno;
            else if (n > 0)
                done += n;
        }
        if (error == 0 && ::fsync(fd) != 0)
            error = errno;
        if (::close(fd) != 0 && error == 0)
            error = errno;
        if (error != 0) {
            discard();
            return Error{ErrorCode::Io, writeErrorText(path, error)};
        }
        crashPoint("atomicfile.temp-written");
    }
    QStringList directories;
    for (qsizetype i = 0; i < prepared.size(); ++i) {
        const Prepared &file = prepared.at(i);
        if (::rename(file.temp.constData(), QFile::encodeName(file.path).constData()) != 0) {
            const int error = errno;
            for (qsizetype j = i; j < prepared.size(); ++j)
                ::unlink(prepared.at(j).temp.constData());
            return Error{ErrorCode::Io, tr("cannot replace %1: %2").arg(file.path, errnoText(error))};
        }
        crashPoint("atomicfile.renamed");
        const QString directory = QFileInfo(file.path).absolutePath();
        if (!directories.contains(directory))
            directories.append(directory);
    }
    for (const QString &directory : std::as_const(directories)) {
        if (auto synced = syncDirectory(directory); !synced)
            return synced;
    }
    return {};
}

} // namespace core
