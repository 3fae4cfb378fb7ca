#pragma once

#include "core/base/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QString>

namespace core {

// Writes a whole file so that a crash leaves either the old bytes or the new ones, never a mix:
// a temp file beside the target, fsync, rename over the target, fsync the directory.
class AtomicFile final
{
    Q_DECLARE_TR_FUNCTIONS(AtomicFile)

public:
    // Later: no fsync of the file nor of its folder; the caller syncs the whole file system (syncFileSystem) before
    // anything names the file. A crash before that may leave the name with none or some of the bytes.
    enum class Sync { Now, Later };

    static Status write(const QString &path, const QByteArray &data, int mode = 0600, Sync sync = Sync::Now);
    // Several files, all or none as far as the disk allows: every temp file is written and synced first, and only
    // when all of them are (a full disk fails here, and the temp files go) are they renamed over their targets.
    // A file whose current bytes are already `data` is not written again.
    static Status writeAll(const QList<QPair<QString, QByteArray>> &files, int mode = 0600);
    // fsync a directory so that a rename or unlink in it is durable.
    static Status syncDirectory(const QString &path);
    // syncfs(2) the file system holding `path`: for a tree of many files (an unpacked rootfs) that must be on disk
    // before a file names it.
    static Status syncFileSystem(const QString &path);
};

// The message for a write to `path` that failed with `error` (an errno): "cannot write <path>: <why>", and for a
// full disk (ENOSPC, EDQUOT) one that says so and names the file system's mount point to free space on.
QString writeErrorText(const QString &path, int error);

} // namespace core
