#pragma once

// Helpers shared by the tests: copying fixtures, snapshotting a tree to prove it did not change.
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QString>
#include <sys/stat.h>
#include <unistd.h>

namespace testutil {

inline QString sourcePath(const QString &relative)
{
    return QStringLiteral(PLUGDESK_SOURCE_DIR "/") + relative;
}

// Copies a folder recursively (files keep their permissions).
inline bool copyTree(const QString &from, const QString &to)
{
    QDir().mkpath(to);
    QDirIterator it(from, QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QString target = to + QLatin1Char('/') + QDir(from).relativeFilePath(it.filePath());
        if (it.fileInfo().isDir()) {
            if (!QDir().mkpath(target))
                return false;
        } else {
            QDir().mkpath(QFileInfo(target).absolutePath());
            if (!QFile::copy(it.filePath(), target))
                return false;
        }
    }
    return true;
}

// Path -> mode, then sha256 of contents, link target, "dir" or device number: equal snapshots mean identical trees.
inline QMap<QString, QString> snapshot(const QString &root)
{
    QMap<QString, QString> result;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        struct stat st
        {};
        if (::lstat(QFile::encodeName(info.filePath()).constData(), &st) != 0)
            continue;
        // Type and permission bits (setuid, setgid and sticky included), then what the entry holds.
        QString value = QString::number(st.st_mode, 8) + QLatin1Char(' ');
        if (S_ISLNK(st.st_mode)) {
            char target[4096];
            const ssize_t n = ::readlink(QFile::encodeName(info.filePath()).constData(), target, sizeof(target));
            value += QStringLiteral("link:") + QString::fromLocal8Bit(target, n < 0 ? 0 : n);
        } else if (S_ISDIR(st.st_mode)) {
            value += QStringLiteral("dir");
        } else if (!S_ISREG(st.st_mode)) {
            value += QStringLiteral("special:") + QString::number(st.st_rdev);
        } else {
            QFile file(info.filePath());
            if (file.open(QIODevice::ReadOnly))
                value +=
                    QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
        }
        result.insert(QDir(root).relativeFilePath(info.filePath()), value);
    }
    return result;
}

inline bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(data) == data.size();
}

inline QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace testutil
