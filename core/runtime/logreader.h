#pragma once

#include <QString>
#include <QStringList>

namespace core {

// Reads a plugin's rotated log (<path>, <path>.1, ...): the last lines for `plugin logs --tail`, and the lines
// added since the last call for `plugin logs -f` and the window's Logs tab, across rotations. Owns a read
// position, not the file.
class LogReader final
{
public:
    explicit LogReader(QString path, int files = 3);

    // The last `count` lines across the rotated files, oldest first; count < 0: all of them.
    static QStringList tail(const QString &path, int count, int files = 3);

    // Starts following at the current end of the log.
    void seekToEnd();
    // The complete lines written since the last call (or since seekToEnd), in order.
    QStringList readNew();

private:
    QString m_path;
    int m_files;
    quint64 m_inode = 0;
    qint64 m_offset = 0;
    QByteArray m_partial;
};

} // namespace core
