#pragma once

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace core {

// Stable codes: tests and the CLI's exit status depend on them, so only append.
enum class ErrorCode {
    InvalidArgument = 1,   // bad input from the user: a reference, a KEY=VALUE, a flag value
    NotFound,              // no such plugin, volume, file, tag
    Ambiguous,             // a prefix that matches several plugins
    Conflict,              // already exists, is enabled, is disabled
    InUse,                 // volumes still mounted
    PermissionDenied,      // refused by polkit, by a prompt, or by the file system
    Io,                    // the file system failed us
    Corrupt,               // a file in the store that does not parse or validate
    Locked,                // another process holds the store lock
    Network,               // connection refused, reset, timed out
    Auth,                  // the registry refused the credentials
    Registry,              // the registry answered something unexpected
    NotAPlugin,            // the image exists but carries no plugin config
    DigestMismatch,        // a blob whose size or sha256 is not what the manifest says
    UnsafeArchive,         // a tar entry that would land outside the rootfs
    Runtime,               // runc or the plugin process failed
    Timeout,               // a deadline passed
    Cancelled,             // the user cancelled a job
    Internal,              // a bug: a state we believed impossible
    Unsupported,           // a format or protocol we do not handle
    AuthorizationRequired, // polkit wants a password, and this call was not allowed to ask for one
};

// A failure as a value: a stable code plus a translated message that names what failed, why, and what to do.
struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;

    // The message with a context in front: "cannot install X: <message>".
    Error prefixed(const QString &context) const { return {code, context + QStringLiteral(": ") + message}; }
};

// "InvalidArgument" for ErrorCode::InvalidArgument: the stable text of a code, as the bus (org.plugdesk.Error.<name>)
// and the JSON answers carry it. Unknown codes read "Internal".
QString errorCodeName(ErrorCode code);

// The system's words for an errno value ("No such file or directory"), for error texts that name a file.
QString errnoText(int error);
std::optional<ErrorCode> errorCodeFromName(const QString &name);

// Exit status used by the CLI for an error code (1 for everything but usage errors, which exit 2).
inline int exitStatusFor(const Error &)
{
    return 1;
}

} // namespace core
