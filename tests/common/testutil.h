#pragma once

// Helpers shared by the tests: copying fixtures, snapshotting a tree to prove it did not change.
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QString>

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

// Path -> sha256 of contents ("dir" for folders), plus the mode: equal snapshots mean byte-identical trees.
inline QMap<QString, QString> snapshot(const QString &root)
{
    QMap<QString, QString> result;
    QDirIterator it(root, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        const QFileInfo info = it.fileInfo();
        QString value = QString::number(static_cast<int>(info.permissions()), 16) + QLatin1Char(' ');
        if (info.isSymLink()) {
            value += QStringLiteral("link:") + info.symLinkTarget();
        } else if (info.isDir()) {
            value += QStringLiteral("dir");
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
