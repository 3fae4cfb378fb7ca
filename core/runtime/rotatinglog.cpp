#include "core/runtime/rotatinglog.h"

#include <QDateTime>
#include <QFile>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace core {

RotatingLog::RotatingLog(QString path, qint64 maxBytes, int files)
    : m_path(std::move(path))
    , m_maxBytes(qMax<qint64>(1024, maxBytes))
    , m_files(qMax(1, files))
{
    open();
}

RotatingLog::~RotatingLog()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void RotatingLog::open()
{
    m_fd = ::open(QFile::encodeName(m_path).constData(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
    struct stat st
    {};
    m_size = (m_fd >= 0 && ::fstat(m_fd, &st) == 0) ? st.st_size : 0;
}

void RotatingLog::rotate()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    auto name = [this](int index) { return index == 0 ? m_path : m_path + QLatin1Char('.') + QString::number(index); };
    QFile::remove(name(m_files - 1));
    for (int index = m_files - 2; index >= 0; --index)
        QFile::rename(name(index), name(index + 1));
    if (m_files == 1)
        QFile::remove(m_path);
    open();
}

void RotatingLog::append(const QByteArray &stream, const QByteArray &text)
{
    if (m_size >= m_maxBytes)
        rotate();
    if (m_fd < 0)
        return;
    QByteArray line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1();
    line += ' ';
    line += stream;
    line += ' ';
    line += text;
    line += '\n';
    writeAll(line);
}

void RotatingLog::appendLines(const QByteArray &stream, const QList<QByteArray> &lines)
{
    const QByteArray prefix =
        QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toLatin1() + ' ' + stream + ' ';
    QByteArray batch;
    for (const QByteArray &text : lines) {
        // Rotate where a single append would have: once the file (with what is batched) has reached the cap.
        if (m_size + batch.size() >= m_maxBytes) {
            writeAll(batch);
            batch.clear();
            rotate();
        }
        batch += prefix;
        batch += text;
        batch += '\n';
    }
    writeAll(batch);
}

void RotatingLog::writeAll(const QByteArray &bytes)
{
    if (m_fd < 0 || bytes.isEmpty())
        return;
    const char *data = bytes.constData();
    qsizetype left = bytes.size();
    while (left > 0) {
        const ssize_t n = ::write(m_fd, data, left);
        if (n <= 0)
            break;
        data += n;
        left -= n;
    }
    m_size += bytes.size() - left;
}

} // namespace core
