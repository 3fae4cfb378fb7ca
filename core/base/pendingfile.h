#pragma once

#include "core/base/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>
#include <QString>
#include <memory>

namespace core {

// A file that appears at `path` all at once, for outputs too big to hold in memory (a plugin bundle): a hidden
// temp file beside `path` (".<name>.tmp-XXXXXX", O_RDWR), that commit() fsyncs, gives its mode, and renames over
// `path`, then fsyncs the folder. Destroyed without a commit, the temp file goes, so a failed write leaves nothing.
// The descriptor may be written by someone else meanwhile (plugdesk-helper writes an export into the caller's own
// temp file through D-Bus), so the file is created with the rights of the process that makes the PendingFile.
// Owns the temp file and its descriptor.
class PendingFile final
{
    Q_DECLARE_TR_FUNCTIONS(PendingFile)

public:
    // Refuses a `path` that is a folder (InvalidArgument) or whose folder does not exist (NotFound).
    static Result<std::unique_ptr<PendingFile>> create(const QString &path, int mode = 0644);
    ~PendingFile();
    PendingFile(const PendingFile &) = delete;
    PendingFile &operator=(const PendingFile &) = delete;

    QString path() const { return m_path; }
    QString tempPath() const { return QFile::decodeName(m_temp); }
    // Open for reading and writing, positioned at the start; stays owned by this object.
    int handle() const { return m_fd; }

    Status commit();

private:
    PendingFile(QString path, QByteArray temp, int fd, int mode);

    QString m_path;
    QByteArray m_temp;
    int m_fd = -1;
    int m_mode = 0644;
    bool m_committed = false;
};

} // namespace core
