#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace core {

// The plugin's log file: one line per write, "<UTC time> <stream> <text>", rotated by size into
// <path>.1 ... <path>.<files-1> (the oldest is dropped). Owns the open file; used by the monitor only.
class RotatingLog final
{
public:
    RotatingLog(QString path, qint64 maxBytes, int files);
    ~RotatingLog();
    RotatingLog(const RotatingLog &) = delete;
    RotatingLog &operator=(const RotatingLog &) = delete;

    // Writes one line; `text` holds no newline. Rotates first when the file has reached maxBytes.
    void append(const QByteArray &stream, const QByteArray &text);
    // Several lines at once, stamped with one time and written with as few writes as the rotation allows (a
    // plugin flooding its output costs one write per read, not one per line). Each file stays within maxBytes
    // plus the one line that crossed it.
    void appendLines(const QByteArray &stream, const QList<QByteArray> &lines);

    QString path() const { return m_path; }

private:
    void open();
    void rotate();
    void writeAll(const QByteArray &bytes);

    QString m_path;
    qint64 m_maxBytes;
    int m_files;
    int m_fd = -1;
    qint64 m_size = 0;
};

} // namespace core
