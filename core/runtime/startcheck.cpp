#include "core/runtime/startcheck.h"

#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace core {

namespace {

const QString kDefaultPath = QStringLiteral("/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");

// stat of `name` (root-relative, no leading "/") below the directory `root`, resolved as chroot would.
int statInRoot(int root, const QByteArray &name, struct stat *st)
{
    open_how how{};
    how.flags = O_PATH | O_CLOEXEC;
    how.resolve = RESOLVE_IN_ROOT | RESOLVE_NO_MAGICLINKS | RESOLVE_NO_XDEV;
    const int fd = int(::syscall(SYS_openat2, root, name.isEmpty() ? "." : name.constData(), &how, sizeof how));
    if (fd < 0)
        return errno;
    const int result = ::fstat(fd, st) == 0 ? 0 : errno;
    ::close(fd);
    return result;
}

StartCheck::Entrypoint classify(int root, const QString &name)
{
    struct stat st
    {};
    QByteArray relative = QFile::encodeName(name);
    while (relative.startsWith('/'))
        relative.remove(0, 1);
    if (statInRoot(root, relative, &st) != 0)
        return StartCheck::Entrypoint::Missing;
    if (!S_ISREG(st.st_mode))
        return StartCheck::Entrypoint::NotAFile;
    if (!(st.st_mode & (S_IXUSR | S_IXGRP | S_IXOTH)))
        return StartCheck::Entrypoint::NotExecutable;
    return StartCheck::Entrypoint::Executable;
}

QString joined(const QString &dir, const QString &name)
{
    QString base = dir.isEmpty() ? QStringLiteral("/") : dir;
    if (!base.endsWith(QLatin1Char('/')))
        base += QLatin1Char('/');
    return base + name;
}

} // namespace

StartCheck::Resolved StartCheck::resolveEntrypoint(const QString &rootfs, const QString &program,
                                                   const QString &workDir, const QString &path)
{
    const int root = ::open(QFile::encodeName(rootfs).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (root < 0)
        return {Entrypoint::RootfsMissing, program};
    Resolved resolved{Entrypoint::Missing, program};
    if (program.startsWith(QLatin1Char('/'))) {
        resolved.kind = classify(root, program);
    } else if (program.contains(QLatin1Char('/'))) {
        resolved.path = joined(workDir, program);
        resolved.kind = classify(root, resolved.path);
    } else if (!program.isEmpty()) {
        // As execvp: the first PATH entry holding an executable file wins; else the first one holding the name
        // says why it cannot run.
        const QStringList dirs = (path.isEmpty() ? kDefaultPath : path).split(QLatin1Char(':'));
        std::optional<Resolved> firstFound;
        for (const QString &dir : dirs) {
            const QString candidate = joined(dir.isEmpty() ? workDir : dir, program);
            const Entrypoint kind = classify(root, candidate);
            if (kind == Entrypoint::Executable) {
                firstFound = Resolved{kind, candidate};
                break;
            }
            if (kind != Entrypoint::Missing && !firstFound)
                firstFound = Resolved{kind, candidate};
        }
        if (firstFound)
            resolved = *firstFound;
    }
    ::close(root);
    return resolved;
}

std::optional<Error> StartCheck::problem(const Plugin &plugin, const QString &rootfs)
{
    if (!plugin.config.entrypoint.isEmpty()) {
        QString path = plugin.settings.envValue(QStringLiteral("PATH"));
        if (path.isNull()) {
            for (const PluginEnv &env : plugin.config.env) {
                if (env.name == QLatin1String("PATH") && env.value)
                    path = *env.value;
            }
        }
        const QString program = plugin.config.entrypoint.constFirst();
        const Resolved resolved = resolveEntrypoint(rootfs, program, plugin.config.workDir, path);
        switch (resolved.kind) {
        case Entrypoint::Executable:
            break;
        case Entrypoint::RootfsMissing:
            return Error{
                ErrorCode::NotFound,
                tr("its rootfs %1 is missing; reinstall the plugin").arg(QFileInfo(rootfs).absoluteFilePath())};
        case Entrypoint::Missing:
            return Error{ErrorCode::NotFound,
                         tr("its entrypoint %1 does not exist in the plugin's rootfs").arg(program)};
        case Entrypoint::NotAFile:
            return Error{ErrorCode::NotFound,
                         tr("its entrypoint %1 is not a file in the plugin's rootfs").arg(resolved.path)};
        case Entrypoint::NotExecutable:
            return Error{ErrorCode::PermissionDenied, tr("its entrypoint %1 is not executable").arg(resolved.path)};
        }
    }
    for (const PluginMount &mount : plugin.settings.effectiveMounts(plugin.config)) {
        const bool bind = mount.type == QLatin1String("bind") || mount.options.contains(QLatin1String("bind")) ||
                          mount.options.contains(QLatin1String("rbind"));
        if (!bind || !mount.source || mount.source->isEmpty())
            continue;
        if (!QFileInfo::exists(*mount.source))
            return Error{ErrorCode::NotFound, tr("the source %1 of its mount %2 does not exist on this machine")
                                                  .arg(*mount.source, mount.destination)};
    }
    return std::nullopt;
}

Status StartCheck::check(const Plugin &plugin, const QString &rootfs)
{
    if (auto found = problem(plugin, rootfs))
        return Error{found->code, tr("%1 cannot start: %2").arg(plugin.name(), found->message)};
    return {};
}

} // namespace core
