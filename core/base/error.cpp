#include "core/base/error.h"

#include <array>
#include <cstring>

namespace core {

namespace {

// In ErrorCode order: the enum only ever grows at the end, and so does this list.
constexpr std::array kCodeNames{
    "InvalidArgument", "NotFound", "Ambiguous", "Conflict",  "InUse",    "PermissionDenied", "Io",
    "Corrupt",         "Locked",   "Network",   "Auth",      "Registry", "NotAPlugin",       "DigestMismatch",
    "UnsafeArchive",   "Runtime",  "Timeout",   "Cancelled", "Internal", "Unsupported",      "AuthorizationRequired",
};
static_assert(kCodeNames.size() == static_cast<size_t>(ErrorCode::AuthorizationRequired),
              "every ErrorCode needs a name");

} // namespace

QString errorCodeName(ErrorCode code)
{
    const auto index = static_cast<size_t>(code) - 1;
    return index < kCodeNames.size() ? QString::fromLatin1(kCodeNames[index]) : QStringLiteral("Internal");
}

std::optional<ErrorCode> errorCodeFromName(const QString &name)
{
    for (size_t index = 0; index < kCodeNames.size(); ++index) {
        if (name == QLatin1String(kCodeNames[index]))
            return static_cast<ErrorCode>(index + 1);
    }
    return std::nullopt;
}

QString errnoText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace core
