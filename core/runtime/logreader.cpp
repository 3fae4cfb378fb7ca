#include "core/runtime/logreader.h"

#include <QFile>
#include <sys/stat.h>

namespace core {

namespace {

quint64 inodeOf(const QString &path, qint64 *size = nullptr)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return 0;
    if (size)
        *size = st.st_size;
    return st.st_ino;
}

QStringList splitLines(const QByteArray &data)
{
    QStringList lines;
    for (const QByteArray &line : data.split('\n'))
        lines.append(QString::fromUtf8(line));
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

} // namespace

LogReader::LogReader(QString path, int files)
    : m_path(std::move(path))
    , m_files(qMax(1, files))
{}

QStringList LogReader::tail(const QString &path, int count, int files)
{
    QStringList lines;
    for (int index = qMax(1, files) - 1; index >= 0; --index) {
        QFile file(index == 0 ? path : path + QLatin1Char('.') + QString::number(index));
        if (file.open(QIODevice::ReadOnly))
            lines += splitLines(file.readAll());
    }
    if (count >= 0 && lines.size() > count)
        lines = lines.mid(lines.size() - count);
    return lines;
}

void LogReader::seekToEnd()
{
    qint64 size = 0;
    m_inode = inodeOf(m_path, &size);
    m_offset = size;
    m_partial.clear();
}

QStringList LogReader::readNew()
{
    QByteArray data;
    qint64 size = 0;
    const quint64 inode = inodeOf(m_path, &size);
    if (inode != m_inode && m_inode != 0) {
        // Rotated: finish the old file (now <path>.1), then start the new one from its beginning.
        QFile old(m_path + QStringLiteral(".1"));
        if (m_files > 1 && inodeOf(old.fileName()) == m_inode && old.open(QIODevice::ReadOnly) && old.seek(m_offset))
            data += old.readAll();
        m_offset = 0;
    } else if (size < m_offset) {
        m_offset = 0; // truncated
    }
    m_inode = inode;
    QFile file(m_path);
    if (inode != 0 && file.open(QIODevice::ReadOnly) && file.seek(m_offset)) {
        const QByteArray added = file.readAll();
        m_offset += added.size();
        data += added;
    }
    m_partial += data;
    const qsizetype end = m_partial.lastIndexOf('\n');
    if (end < 0)
        return {};
    QStringList lines = splitLines(m_partial.left(end + 1));
    m_partial.remove(0, end + 1);
    return lines;
}

} // namespace core
