#pragma once

#include "core/base/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace core {

// Writes a whole file so that a crash leaves either the old bytes or the new ones, never a mix:
// a temp file beside the target, fsync, rename over the target, fsync the directory.
class AtomicFile final
{
    Q_DECLARE_TR_FUNCTIONS(AtomicFile)

public:
    static Status write(const QString &path, const QByteArray &data, int mode = 0600);
    // fsync a directory so that a rename or unlink in it is durable.
    static Status syncDirectory(const QString &path);
    // syncfs(2) the file system holding `path`: for a tree of many files (an unpacked rootfs) that must be on disk
    // before a file names it.
    static Status syncFileSystem(const QString &path);
};

} // namespace core
