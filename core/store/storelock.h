#pragma once

#include "core/base/result.h"

#include <QCoreApplication>
#include <QString>
#include <memory>

namespace core {

// The store's writer lock: an exclusive flock(2) on the store's root folder itself, so two processes never
// write at once, and taking the lock writes nothing into the store. A writer that gives up names the holder
// from the kernel's own record (/proc/locks gives its pid, /proc/<pid>/cmdline what it runs).
// Released when the object is destroyed (or when the process dies: the kernel drops flocks).
class StoreLock final
{
    Q_DECLARE_TR_FUNCTIONS(StoreLock)

public:
    ~StoreLock();
    StoreLock(const StoreLock &) = delete;
    StoreLock &operator=(const StoreLock &) = delete;

    // Waits up to `timeoutMs` for the lock (default: PLUGDESK_LOCK_TIMEOUT in seconds, else 30 s).
    // `purpose` is what this process is about to do, for messages about this lock.
    static Result<std::shared_ptr<StoreLock>> acquire(const QString &root, const QString &purpose, int timeoutMs = -1);
    // Takes the lock only if it is free at once; a null pointer when another process holds it.
    static std::shared_ptr<StoreLock> tryAcquire(const QString &root, const QString &purpose);

    // Who holds the lock at `root`: "plugdeskctl --root /x plugin set p DEBUG=1 (pid 12)".
    static QString describeHolder(const QString &root);

private:
    explicit StoreLock(int fd)
        : m_fd(fd)
    {}
    int m_fd = -1;
};

} // namespace core
