#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QString>

namespace core {

// A directory opened as the root of a file tree that must be written only from the inside, the way a chroot sees
// it. Owns the root's file descriptor and the walks below it: every component is opened relative to its parent
// with O_NOFOLLOW, symbolic links are read and resolved by hand (absolute targets restart at the root), and a
// ".." that would climb above the root fails the walk instead of being followed. Knows nothing of tar or layers;
// the caller turns failures into messages.
class RootfsDir final
{
public:
    // Owns one file descriptor, closed on destruction.
    class Fd final
    {
    public:
        Fd() = default;
        explicit Fd(int fd)
            : m_fd(fd)
        {}
        Fd(Fd &&other) noexcept
            : m_fd(other.release())
        {}
        Fd &operator=(Fd &&other) noexcept;
        ~Fd();
        Q_DISABLE_COPY(Fd)

        int get() const { return m_fd; }
        bool isValid() const { return m_fd >= 0; }
        int release();

    private:
        int m_fd = -1;
    };

    // Why a walk failed. `link` is the root-relative path of the symbolic link that led out or looped.
    struct Failure
    {
        enum Kind { Escape, Loop, System };
        Kind kind = System;
        int error = 0; // errno for System
        QByteArray link;
    };

    // Where a name lives: its parent directory (an O_PATH descriptor), its last component, and the physical path
    // of the name relative to the root with every symbolic link resolved ("a/b/c"; never starts with "/").
    struct Location
    {
        Fd parent;
        QByteArray name;
        QByteArray path;
    };

    RootfsDir() = default;
    RootfsDir(RootfsDir &&) = default;
    RootfsDir &operator=(RootfsDir &&) = default;
    Q_DISABLE_COPY(RootfsDir)

    // Opens (and first creates, if missing) the directory at `path`. Returns errno, or 0.
    int open(const QString &path);
    int fd() const { return m_root.get(); }

    // Resolves the parent of `components` (a cleaned name: no "", "." or ".." parts, at least one part).
    // With `createParents`, missing directories on the way are created with mode 0755, as Docker does.
    bool locate(const QByteArrayList &components, bool createParents, Location *location, Failure *failure) const;

    // Opens the directory at a physical path (as in Location::path; "" is the root) without following any link.
    // `flags` are added to O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC. Returns the descriptor or -errno.
    int openPhysical(const QByteArray &path, int flags) const;

    // Removes `name` in `dirFd`, recursively for a directory, never following a symbolic link.
    // A missing name is not an error. Returns 0 or an errno.
    static int removeTree(int dirFd, const QByteArray &name);

    // Lists a directory's entries (without "." and ".."). Returns 0 or an errno.
    static int list(int dirFd, QByteArrayList *names);

    // Go's filepath.Clean of `name` joined below "/": "" and "." parts dropped, ".." applied, a leading "/"
    // ignored ("/a/../b" -> {"b"}, "/../a" -> {"a"}). Returns false when a relative name climbs above its start.
    static bool cleanName(const QByteArray &name, QByteArrayList *components);

    // The deepest chain of symbolic links followed in one walk, like the kernel's MAXSYMLINKS.
    static constexpr int MaxSymlinks = 40;

private:
    Fd m_root;
};

} // namespace core
