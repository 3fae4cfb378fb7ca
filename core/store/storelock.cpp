#include "core/store/storelock.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <cerrno>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace core {

namespace {

int defaultTimeoutMs()
{
    bool ok = false;
    const int seconds = qEnvironmentVariableIntValue("PLUGDESK_LOCK_TIMEOUT", &ok);
    return ok && seconds >= 0 ? seconds * 1000 : 30000;
}

// Opens the root folder (creating it when it does not exist yet); -1 with errno set on failure.
int openRoot(const QString &root)
{
    // A new store is private to its owner from the start: it holds plugins' settings and files.
    if (!QFileInfo::exists(root)) {
        QDir().mkpath(QFileInfo(root).absolutePath());
        ::mkdir(QFile::encodeName(root).constData(), 0700);
    }
    return ::open(QFile::encodeName(root).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
}

} // namespace

StoreLock::~StoreLock()
{
    if (m_fd >= 0) {
        ::flock(m_fd, LOCK_UN);
        ::close(m_fd);
    }
}

QString StoreLock::describeHolder(const QString &root)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(root).constData(), &st) != 0)
        return tr("another process");
    // /proc/locks: "1: FLOCK  ADVISORY  WRITE 1234 fd:01:567 0 EOF" (pid, then major:minor:inode in hex/hex/dec).
    QFile locks(QStringLiteral("/proc/locks"));
    if (!locks.open(QIODevice::ReadOnly | QIODevice::Text))
        return tr("another process");
    const QString inode = QString::number(static_cast<qulonglong>(st.st_ino));
    qint64 pid = -1;
    for (const QByteArray &line : locks.readAll().split('\n')) {
        const QList<QByteArray> fields = line.simplified().split(' ');
        if (fields.size() < 6 || fields.at(1) != "FLOCK" || fields.at(3) != "WRITE")
            continue;
        const QList<QByteArray> device = fields.at(5).split(':');
        if (device.size() == 3 && QString::fromLatin1(device.at(2)) == inode &&
            device.at(0).toUInt(nullptr, 16) == major(st.st_dev) &&
            device.at(1).toUInt(nullptr, 16) == minor(st.st_dev)) {
            pid = fields.at(4).toLongLong();
            break;
        }
    }
    if (pid <= 0)
        return tr("another process");
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    QString command;
    if (cmdline.open(QIODevice::ReadOnly)) {
        QList<QByteArray> arguments = cmdline.readAll().split('\0');
        while (!arguments.isEmpty() && arguments.constLast().isEmpty())
            arguments.removeLast();
        QStringList words;
        for (const QByteArray &argument : arguments)
            words.append(QString::fromLocal8Bit(argument));
        if (!words.isEmpty())
            words.first() = QFileInfo(words.first()).fileName();
        command = words.join(QLatin1Char(' '));
    }
    if (command.isEmpty())
        return tr("process %1").arg(pid);
    return tr("\"%1\" (pid %2)").arg(command).arg(pid);
}

std::shared_ptr<StoreLock> StoreLock::tryAcquire(const QString &root, const QString &purpose)
{
    Q_UNUSED(purpose);
    const int fd = openRoot(root);
    if (fd < 0)
        return {};
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return {};
    }
    return std::shared_ptr<StoreLock>(new StoreLock(fd));
}

Result<std::shared_ptr<StoreLock>> StoreLock::acquire(const QString &root, const QString &purpose, int timeoutMs)
{
    if (timeoutMs < 0)
        timeoutMs = defaultTimeoutMs();
    const int fd = openRoot(root);
    if (fd < 0) {
        const int error = errno;
        const ErrorCode code =
            error == EACCES || error == EPERM || error == EROFS ? ErrorCode::PermissionDenied : ErrorCode::Io;
        return Error{code, tr("cannot %1: cannot open the store %2: %3").arg(purpose, root, errnoText(error))};
    }
    QElapsedTimer timer;
    timer.start();
    int delayMs = 20;
    while (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        if (errno != EWOULDBLOCK && errno != EINTR) {
            const int error = errno;
            ::close(fd);
            return Error{ErrorCode::Io,
                         tr("cannot %1: cannot lock the store %2: %3").arg(purpose, root, errnoText(error))};
        }
        if (timer.elapsed() >= timeoutMs) {
            ::close(fd);
            return Error{ErrorCode::Locked,
                         tr("cannot %1: the store %2 is busy: %3 is changing it; try again when it has finished")
                             .arg(purpose, root, describeHolder(root))};
        }
        QThread::msleep(static_cast<unsigned long>(delayMs));
        delayMs = qMin(delayMs * 2, 250);
    }
    return std::shared_ptr<StoreLock>(new StoreLock(fd));
}

} // namespace core
