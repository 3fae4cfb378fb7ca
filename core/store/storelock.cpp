#include "core/store/storelock.h"

#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QThread>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace core {

namespace {

QString lockPath(const QString &root) { return root + QStringLiteral("/lock"); }

int defaultTimeoutMs()
{
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("PLUGDESK_LOCK_TIMEOUT", &ok);
    return ok && seconds >= 0 ? seconds * 1000 : 30000;
}

void recordHolder(int fd, const QString &purpose)
{
    QJsonObject holder;
    holder.insert(QStringLiteral("pid"), static_cast<qint64>(::getpid()));
    holder.insert(QStringLiteral("program"), QCoreApplication::applicationName());
    holder.insert(QStringLiteral("purpose"), purpose);
    holder.insert(QStringLiteral("since"), QDateTime::currentDateTime().toString(Qt::ISODate));
    const QByteArray data = QJsonDocument(holder).toJson(QJsonDocument::Compact) + '\n';
    if (::ftruncate(fd, 0) == 0 && ::pwrite(fd, data.constData(), static_cast<size_t>(data.size()), 0) >= 0)
        ::fsync(fd);
}

// Opens (creating) the lock file; -1 with errno set on failure.
int openLockFile(const QString &root)
{
    QDir().mkpath(root);
    return ::open(QFile::encodeName(lockPath(root)).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
}

} // namespace

StoreLock::~StoreLock()
{
    if (m_fd >= 0) {
        if (::ftruncate(m_fd, 0) != 0) {
            // Nothing to do: a stale description is harmless, the flock below is what counts.
        }
        ::flock(m_fd, LOCK_UN);
        ::close(m_fd);
    }
}

QString StoreLock::describeHolder(const QString &root)
{
    QFile file(lockPath(root));
    if (!file.open(QIODevice::ReadOnly))
        return tr("another process");
    const QJsonObject holder = QJsonDocument::fromJson(file.readAll()).object();
    if (holder.isEmpty())
        return tr("another process");
    const QString program = holder.value(QStringLiteral("program")).toString();
    const QString purpose = holder.value(QStringLiteral("purpose")).toString();
    const qint64 pid = holder.value(QStringLiteral("pid")).toInteger();
    const QString since = holder.value(QStringLiteral("since")).toString();
    return tr("%1 (pid %2, %3, since %4)").arg(program.isEmpty() ? tr("a process") : program).arg(pid).arg(purpose, since);
}

std::shared_ptr<StoreLock> StoreLock::tryAcquire(const QString &root, const QString &purpose)
{
    const int fd = openLockFile(root);
    if (fd < 0)
        return {};
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return {};
    }
    recordHolder(fd, purpose);
    return std::shared_ptr<StoreLock>(new StoreLock(fd));
}

Result<std::shared_ptr<StoreLock>> StoreLock::acquire(const QString &root, const QString &purpose, int timeoutMs)
{
    if (timeoutMs < 0)
        timeoutMs = defaultTimeoutMs();
    const int fd = openLockFile(root);
    if (fd < 0) {
        const int error = errno;
        const ErrorCode code = error == EACCES || error == EPERM || error == EROFS ? ErrorCode::PermissionDenied
                                                                                   : ErrorCode::Io;
        return Error{code, tr("cannot lock the store %1: %2").arg(root, QString::fromLocal8Bit(std::strerror(error)))};
    }
    QElapsedTimer timer;
    timer.start();
    int delayMs = 20;
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            const int error = errno;
            ::close(fd);
            return Error{ErrorCode::Io,
                         tr("cannot lock the store %1: %2").arg(root, QString::fromLocal8Bit(std::strerror(error)))};
        }
        if (timer.elapsed() >= timeoutMs) {
            ::close(fd);
            return Error{ErrorCode::Locked, tr("the store %1 is busy: %2 holds its lock; try again when it has finished")
                                                .arg(root, describeHolder(root))};
        }
        QThread::msleep(static_cast<unsigned long>(delayMs));
        delayMs = qMin(delayMs * 2, 250);
    }
    recordHolder(fd, purpose);
    return std::shared_ptr<StoreLock>(new StoreLock(fd));
}

} // namespace core
