#include "core/base/backgroundsync.h"

#include <QFile>
#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace core {

BackgroundSync::BackgroundSync(const QString &path, qint64 step)
    : m_path(path)
    , m_step(qMax<qint64>(step, 1))
{
    m_fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (m_fd < 0) {
        m_error = Error{ErrorCode::Io, tr("cannot open directory %1: %2").arg(path, errnoText(errno))};
        return;
    }
    m_thread = std::thread([this] { run(); });
}

BackgroundSync::~BackgroundSync()
{
    (void)stop();
}

void BackgroundSync::wrote(qint64 bytes)
{
    if (bytes <= 0)
        return;
    std::lock_guard locker(m_mutex);
    m_pending += bytes;
    if (m_pending >= m_step)
        m_changed.notify_one();
}

Status BackgroundSync::stop()
{
    {
        std::lock_guard locker(m_mutex);
        m_stopping = true;
        m_changed.notify_one();
    }
    if (m_thread.joinable())
        m_thread.join();
    if (m_fd >= 0) {
        ::close(m_fd);
        m_fd = -1;
    }
    std::lock_guard locker(m_mutex);
    if (m_error)
        return *m_error;
    return {};
}

int BackgroundSync::syncs() const
{
    std::lock_guard locker(m_mutex);
    return m_syncs;
}

void BackgroundSync::run()
{
    std::unique_lock locker(m_mutex);
    for (;;) {
        m_changed.wait(locker, [this] { return m_stopping || m_pending >= m_step; });
        if (m_stopping)
            return;
        m_pending = 0;
        locker.unlock();
        const int rc = ::syncfs(m_fd);
        const int error = errno;
        locker.lock();
        ++m_syncs;
        if (rc != 0 && !m_error)
            m_error = Error{ErrorCode::Io, tr("cannot sync the file system of %1: %2").arg(m_path, errnoText(error))};
    }
}

} // namespace core
