#include "core/runtime/volumebind.h"

#include "core/base/sha256.h"
#include "core/runtime/runcruntime.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <cerrno>
#include <cstring>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

namespace core {

QString VolumeBind::target(const QString &bindRoot, const QString &name, const QString &mountId)
{
    const QByteArray key = name.toUtf8() + '\0' + mountId.toUtf8();
    return bindRoot + QLatin1Char('/') + QString::fromLatin1(Sha256::hash(key).toHex().left(32));
}

Result<QString> VolumeBind::bind(const VolumeDriverInfo &driver, const QString &pluginPath, const QString &bindRoot,
                                 const QString &name, const QString &mountId)
{
    auto folder = driver.openHostPath(pluginPath);
    if (!folder)
        return folder.error();
    const auto closeFolder = qScopeGuard([fd = *folder] { ::close(fd); });
    if (!QDir().mkpath(bindRoot) || ::chmod(QFile::encodeName(bindRoot).constData(), 0700) != 0)
        return Error{ErrorCode::Io, tr("cannot create %1").arg(bindRoot)};
    QString path = target(bindRoot, name, mountId);
    release(bindRoot, path); // the same mount asked again: the newest answer wins
    const QByteArray native = QFile::encodeName(path);
    const QByteArray source = "/proc/self/fd/" + QByteArray::number(*folder);
    if (::mkdir(native.constData(), 0700) != 0 ||
        ::mount(source.constData(), native.constData(), nullptr, MS_BIND | MS_REC, nullptr) != 0) {
        const QString why = QString::fromLocal8Bit(strerror(errno));
        ::rmdir(native.constData());
        return Error{ErrorCode::Io,
                     tr("cannot bind the mountpoint %1 of volume plugin %2 to %3: %4")
                         .arg(pluginPath, driver.name.isEmpty() ? driver.pluginId : driver.name, path, why)};
    }
    return path;
}

void VolumeBind::release(const QString &bindRoot, const QString &target)
{
    // Mounts recorded before binds existed name the store's own folders: never those.
    if (bindRoot.isEmpty() || QFileInfo(target).absolutePath() != QDir::cleanPath(bindRoot))
        return;
    RuncRuntime::releaseMount(target);
    ::rmdir(QFile::encodeName(target).constData());
}

void VolumeBind::releaseAll(const QString &bindRoot)
{
    if (bindRoot.isEmpty() || !QFileInfo(bindRoot).isDir())
        return;
    const QStringList entries = QDir(bindRoot).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot);
    for (const QString &entry : entries)
        release(bindRoot, bindRoot + QLatin1Char('/') + entry);
    ::rmdir(QFile::encodeName(bindRoot).constData());
}

} // namespace core
