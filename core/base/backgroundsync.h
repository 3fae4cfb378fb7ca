#pragma once

#include "core/base/result.h"
#include "core/base/units.h"

#include <QCoreApplication>
#include <QString>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

namespace core {

// Puts a file system's written data on disk while a long write to it goes on, so that the syncfs that must come
// before a commit finds little left to wait for.
//
// An install writes a layer blob and a rootfs (105 MB for a 52 MB layer) and then makes them durable with one syncfs
// before anything names them. sync_file_range hints start the writeback as the files are written, but on a virtual
// disk the device flush that syncfs ends with is where the host writes the bytes out, and that wait came all at the
// end (40-70 ms for 105 MB on the CI machine). Here a thread of its own calls syncfs each time `step` more bytes
// were written since its last syncfs began, so the flushes overlap the download and the extraction; each one only
// waits in the kernel (no CPU).
//
// This is only a head start: durability still comes from the caller's own syncfs before the commit. stop() returns
// the first error a background syncfs met, because a writeback error it saw may not be reported again to the
// caller's syncfs on another descriptor; the caller must not commit when stop() fails.
class BackgroundSync final
{
    Q_DECLARE_TR_FUNCTIONS(BackgroundSync)

public:
    // Starts the thread; `path` is any folder on the file system to sync. A path that cannot be opened makes every
    // call a no-op and stop() report it.
    explicit BackgroundSync(const QString &path, qint64 step = 4 * MiB);
    ~BackgroundSync(); // stop(), with its result dropped
    Q_DISABLE_COPY_MOVE(BackgroundSync)

    // From any thread: `bytes` more were written to the file system.
    void wrote(qint64 bytes);
    // Waits for a syncfs in flight and ends the thread; the first error any syncfs met. Idempotent.
    Status stop();

    // How many syncfs calls the thread made so far (for tests).
    int syncs() const;

private:
    void run();

    const QString m_path;
    const qint64 m_step;
    int m_fd = -1;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    qint64 m_pending = 0; // bytes written since the last syncfs began
    bool m_stopping = false;
    int m_syncs = 0;
    std::optional<Error> m_error;
    std::thread m_thread;
};

} // namespace core
