#include "core/base/pendingfile.h"

#include "core/base/atomicfile.h"

#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace core {

PendingFile::PendingFile(QString path, QByteArray temp, int fd, int mode)
    : m_path(std::move(path))
    , m_temp(std::move(temp))
    , m_fd(fd)
    , m_mode(mode)
{}

Result<std::unique_ptr<PendingFile>> PendingFile::create(const QString &path, int mode)
{
    const QFileInfo info(path);
    if (path.isEmpty() || info.fileName().isEmpty())
        return Error{ErrorCode::InvalidArgument, tr("\"%1\" does not name a file").arg(path)};
    if (info.isDir())
        return Error{ErrorCode::InvalidArgument, tr("%1 is a folder; name a file to write").arg(path)};
    const QString directory = info.absolutePath();
    if (!QFileInfo(directory).isDir())
        return Error{ErrorCode::NotFound, tr("%1: no such folder").arg(directory)};
    QByteArray temp =
        QFile::encodeName(directory + QStringLiteral("/.") + info.fileName() + QStringLiteral(".tmp-XXXXXX"));
    const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
    if (fd < 0)
        return Error{ErrorCode::Io, writeErrorText(path, errno)};
    return std::unique_ptr<PendingFile>(new PendingFile(info.absoluteFilePath(), temp, fd, mode));
}

PendingFile::~PendingFile()
{
    if (m_fd >= 0)
        ::close(m_fd);
    if (!m_committed)
        ::unlink(m_temp.constData());
}

Status PendingFile::commit()
{
    if (m_committed || m_fd < 0)
        return Error{ErrorCode::Internal, tr("%1 was already written").arg(m_path)};
    auto fail = [&](const QString &what, int error) {
        return Error{ErrorCode::Io, what.arg(m_path, errnoText(error))};
    };
    if (::fchmod(m_fd, static_cast<mode_t>(m_mode)) != 0 || ::fsync(m_fd) != 0)
        return Error{ErrorCode::Io, writeErrorText(m_path, errno)};
    const int closed = ::close(m_fd);
    m_fd = -1;
    if (closed != 0)
        return Error{ErrorCode::Io, writeErrorText(m_path, errno)};
    if (::rename(m_temp.constData(), QFile::encodeName(m_path).constData()) != 0)
        return fail(tr("cannot replace %1: %2"), errno);
    m_committed = true;
    return AtomicFile::syncDirectory(QFileInfo(m_path).absolutePath());
}

} // namespace core
