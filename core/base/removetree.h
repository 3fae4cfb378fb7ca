#pragma once

#include "core/base/result.h"

#include <QByteArrayList>
#include <QString>

namespace core {

// Deletes the file or folder at `path` and everything below it. Works on the bytes of names through descriptors, so
// names that are not UTF-8 (a layer may hold any byte) go too, which QDir::removeRecursively cannot do. Never
// follows a symbolic link (the link itself is removed), and never descends into a folder on another device than
// `path`'s parent: the contents of a mount that could not be released are left alone (the error says so).
// A read-only folder is made writable for its owner first. A missing `path` is not an error.
// `crashPointName`, when set, is a crash point (core/base/crashpoint.h) passed before each file is unlinked.
Status removeTree(const QString &path, const char *crashPointName = nullptr);

// Appends the names in the folder `dirFd` to `names`, as bytes, without "." and "..". Returns 0 or an errno.
int listDirectoryNames(int dirFd, QByteArrayList *names);

} // namespace core
