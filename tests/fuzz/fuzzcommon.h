#pragma once

// Shared by the libFuzzer targets: one QCoreApplication for the process (some parsers translate messages or use
// Qt's file engines), byte helpers and a private temporary folder that is removed at exit.

#include <QByteArray>
#include <QCoreApplication>
#include <QDir>
#include <QString>
#include <QTemporaryDir>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace fuzz {

// Never destroyed: ~QCoreApplication at exit runs after Qt's own globals are gone (a crash). Reachable from a static,
// so LeakSanitizer does not count it.
inline void initialise(int *argc, char ***argv)
{
    static int count = 1;
    static char *arguments[] = {(*argv)[0], nullptr};
    static QCoreApplication *app = nullptr;
    if (!app)
        app = new QCoreApplication(count, arguments);
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// A fuzz target's own assertion: prints why and aborts, so libFuzzer records the input as a crash.
[[noreturn]] inline void fail(const char *what, const QString &detail = {})
{
    std::fprintf(stderr, "fuzz assertion failed: %s %s\n", what, qPrintable(detail));
    std::abort();
}

// A temporary folder for the whole run (removed when the process ends normally).
inline const QString &scratch()
{
    static QTemporaryDir dir(QDir::tempPath() + QStringLiteral("/plugdesk-fuzz-XXXXXX"));
    if (!dir.isValid())
        fail("cannot make a temporary folder");
    static const QString path = dir.path();
    return path;
}

} // namespace fuzz
