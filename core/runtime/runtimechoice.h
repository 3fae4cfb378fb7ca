#pragma once

#include "core/base/result.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace core {

// The OCI runtime that runs plugins: runc (the default; crun where runc is not installed) or crun. Root runs it, so
// only root chooses it: the choice is the file <store root>/engine.json, {"runtime": "crun"}, which must belong to the
// user reading it (root for the helper) and be writable by nobody else. It accepts the names runc and crun, found in
// the system's program folders only (never through PATH), or an absolute path whose file name is runc or crun and whose
// every folder belongs to root (or to the user reading it) and is writable by nobody else. There is no environment
// variable and no helper method for it. A bad file or value is an error naming the value and the file. Owns no process;
// RuncRuntime runs it.
class RuntimeChoice final
{
    Q_DECLARE_TR_FUNCTIONS(RuntimeChoice)

public:
    // "runc" or "crun": the command-line dialect, and the name of its state folder under the run root.
    QString name;
    QString binary; // absolute path
    QString source; // the file the choice came from; empty for the default

    // <storeRoot>/engine.json
    static QString settingsPath(const QString &storeRoot);
    // The choice for a store: its engine.json, else byDefault(). Errors name the file and the value.
    static Result<RuntimeChoice> forStore(const QString &storeRoot);
    // Parses the content of a settings file (`path` is for messages); the value's binary is located and checked.
    static Result<RuntimeChoice> parse(const QByteArray &content, const QString &path);
    // The runtime `name` ("runc" or "crun") in the system's program folders; NotFound names the package.
    static Result<RuntimeChoice> byName(const QString &name, const QString &source = {});
    // Without a choice: runc, or crun where runc is not installed (the package depends on "runc | crun").
    static Result<RuntimeChoice> byDefault();
    // Where byName looks, in order.
    static QStringList systemFolders();
    // The names a choice may give.
    static QStringList knownNames();

    // PermissionDenied unless `path` and every folder above it belong to root or to this process's user and no one
    // else may write to them (a program root runs must not be replaceable by anyone else).
    static Status checkOwnership(const QString &path);
};

} // namespace core
