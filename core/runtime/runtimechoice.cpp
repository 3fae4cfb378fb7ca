#include "core/runtime/runtimechoice.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace core {

namespace {

constexpr qint64 kMaxSettingsBytes = qint64(64) * 1024;

// The folders from "/" down to `path` itself, each as an absolute path.
QStringList selfAndParents(const QString &path)
{
    QStringList chain{QStringLiteral("/")};
    QString current;
    for (const QString &part : QDir::cleanPath(path).split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        current += QLatin1Char('/') + part;
        chain.append(current);
    }
    return chain;
}

} // namespace

QString RuntimeChoice::settingsPath(const QString &storeRoot)
{
    return QDir(storeRoot).absoluteFilePath(QStringLiteral("engine.json"));
}

QStringList RuntimeChoice::knownNames()
{
    return {QStringLiteral("runc"), QStringLiteral("crun")};
}

QStringList RuntimeChoice::systemFolders()
{
    // root's PATH as Debian sets it, fixed: a PATH of whoever started the process never picks the program root runs.
    return {QStringLiteral("/usr/local/sbin"), QStringLiteral("/usr/local/bin"), QStringLiteral("/usr/sbin"),
            QStringLiteral("/usr/bin"),        QStringLiteral("/sbin"),          QStringLiteral("/bin")};
}

Status RuntimeChoice::checkOwnership(const QString &path)
{
    const uid_t self = ::geteuid();
    QStringList chain = selfAndParents(path);
    // A symbolic link on the way is checked where it points to as well.
    const QString canonical = QFileInfo(path).canonicalFilePath();
    if (!canonical.isEmpty() && canonical != QDir::cleanPath(path))
        chain += selfAndParents(canonical);
    for (const QString &entry : std::as_const(chain)) {
        struct stat st
        {};
        if (::lstat(QFile::encodeName(entry).constData(), &st) != 0)
            return Error{ErrorCode::NotFound, tr("cannot check %1: %2").arg(entry, errnoText(errno))};
        if (st.st_uid != 0 && st.st_uid != self)
            return Error{
                ErrorCode::PermissionDenied,
                tr("%1 belongs to user %2, not to root: a program root runs must be root's").arg(entry).arg(st.st_uid)};
        if (!S_ISLNK(st.st_mode) && (st.st_mode & (S_IWGRP | S_IWOTH)) != 0)
            return Error{ErrorCode::PermissionDenied,
                         tr("%1 may be written by others (mode %2): a program root runs must be replaceable by root "
                            "alone")
                             .arg(entry)
                             .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0'))};
    }
    return {};
}

Result<RuntimeChoice> RuntimeChoice::byName(const QString &name, const QString &source)
{
    for (const QString &folder : systemFolders()) {
        const QString candidate = folder + QLatin1Char('/') + name;
        const QFileInfo info(candidate);
        if (!info.isFile() || !info.isExecutable())
            continue;
        if (auto owned = checkOwnership(candidate); !owned)
            return owned.error();
        return RuntimeChoice{name, candidate, source};
    }
    const QString where = systemFolders().join(QLatin1Char(':'));
    if (source.isEmpty())
        return Error{ErrorCode::NotFound, tr("%1 was not found in %2; install the %1 package").arg(name, where)};
    return Error{ErrorCode::NotFound,
                 tr("%1 (the runtime %2 names) was not found in %3; install the %1 package").arg(name, source, where)};
}

Result<RuntimeChoice> RuntimeChoice::byDefault()
{
    auto runc = byName(QStringLiteral("runc"));
    if (runc || runc.error().code != ErrorCode::NotFound)
        return runc;
    // The package depends on "runc | crun": with crun alone, crun it is.
    auto crun = byName(QStringLiteral("crun"));
    if (crun || crun.error().code != ErrorCode::NotFound)
        return crun;
    return Error{ErrorCode::NotFound, tr("neither runc nor crun was found in %1; install the runc package")
                                          .arg(systemFolders().join(QLatin1Char(':')))};
}

Result<RuntimeChoice> RuntimeChoice::parse(const QByteArray &content, const QString &path)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(content, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{
            ErrorCode::Corrupt,
            tr("%1 is not valid JSON: %2 at byte %3").arg(path, parseError.errorString()).arg(parseError.offset)};
    if (!document.isObject())
        return Error{ErrorCode::Corrupt, tr("%1 must hold a JSON object such as {\"runtime\": \"crun\"}").arg(path)};
    const QJsonObject object = document.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key() != QLatin1String("runtime"))
            return Error{ErrorCode::InvalidArgument,
                         tr("%1: unknown setting \"%2\"; the only one is \"runtime\"").arg(path, it.key())};
    }
    if (!object.contains(QStringLiteral("runtime")))
        return byDefault();
    const QJsonValue value = object.value(QStringLiteral("runtime"));
    const QString text = value.toString();
    // A value of another type is shown as written: 12, true, ["crun"].
    const QString shown =
        value.isString()
            ? text
            : QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact).chopped(1).mid(1));
    auto refuse = [&](const QString &why) {
        return Error{ErrorCode::InvalidArgument, tr("%1: the runtime \"%2\" is refused: %3").arg(path, shown, why)};
    };
    if (!value.isString())
        return refuse(tr("it must be \"runc\" or \"crun\", or the absolute path of one of them"));
    if (knownNames().contains(text))
        return byName(text, path);
    if (!text.startsWith(QLatin1Char('/')))
        return refuse(tr("it must be \"runc\" or \"crun\", or the absolute path of one of them"));
    const QString fileName = QFileInfo(text).fileName();
    if (!knownNames().contains(fileName) || QDir::cleanPath(text) != text)
        return refuse(tr("an absolute path must be a clean path that ends in /runc or /crun"));
    const QFileInfo info(text);
    if (!info.isFile() || !info.isExecutable())
        return refuse(tr("it is not an executable file"));
    if (auto owned = checkOwnership(text); !owned)
        return refuse(owned.error().message);
    return RuntimeChoice{fileName, text, path};
}

Result<RuntimeChoice> RuntimeChoice::forStore(const QString &storeRoot)
{
    const QString path = settingsPath(storeRoot);
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
    if (fd < 0) {
        if (errno == ENOENT)
            return byDefault();
        return Error{ErrorCode::Io, tr("cannot read %1: %2").arg(path, errnoText(errno))};
    }
    QFile file;
    struct stat st
    {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return Error{ErrorCode::Corrupt, tr("%1 is not a regular file").arg(path)};
    }
    // Whoever may write this file chooses the program root runs.
    if (st.st_uid != 0 && st.st_uid != ::geteuid()) {
        ::close(fd);
        return Error{
            ErrorCode::PermissionDenied,
            tr("%1 belongs to user %2; it must belong to root, who runs what it names").arg(path).arg(st.st_uid)};
    }
    if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
        ::close(fd);
        return Error{ErrorCode::PermissionDenied,
                     tr("%1 may be written by others (mode %2); make it writable by its owner alone (chmod 600)")
                         .arg(path)
                         .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0'))};
    }
    if (st.st_size > kMaxSettingsBytes) {
        ::close(fd);
        return Error{ErrorCode::Corrupt, tr("%1 is larger than %2 bytes").arg(path).arg(kMaxSettingsBytes)};
    }
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle))
        return Error{ErrorCode::Io, tr("cannot read %1: %2").arg(path, file.errorString())};
    return parse(file.read(kMaxSettingsBytes + 1), path);
}

} // namespace core
