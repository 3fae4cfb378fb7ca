#include "core/store/storelimits.h"

#include <QFile>
#include <QRegularExpression>
#include <cerrno>
#include <cstring>
#include <limits>
#include <sys/statvfs.h>

namespace core {

std::optional<qint64> StoreLimits::parseSize(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral("^\\s*([0-9]+)\\s*(?:([KMGT])(?:i?B)?|B|bytes)?\\s*$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 number = match.captured(1).toLongLong(&ok);
    if (!ok)
        return std::nullopt;
    int shift = 0;
    const QString unit = match.captured(2).toUpper();
    switch (unit.isEmpty() ? 0 : unit.at(0).unicode()) {
    case 'K':
        shift = 10;
        break;
    case 'M':
        shift = 20;
        break;
    case 'G':
        shift = 30;
        break;
    case 'T':
        shift = 40;
        break;
    default:
        break;
    }
    if (number > (std::numeric_limits<qint64>::max() >> shift))
        return std::nullopt;
    return number << shift;
}

QString StoreLimits::formatSize(qint64 bytes)
{
    static const char *const units[] = {"KiB", "MiB", "GiB", "TiB"};
    if (bytes < 1024)
        return tr("%1 bytes").arg(bytes);
    int unit = 0;
    while (unit < 3 && bytes >= (qint64(1024) << (10 * (unit + 1))))
        ++unit;
    const qint64 scale = qint64(1024) << (10 * unit);
    if (bytes % scale == 0)
        return tr("%1 %2").arg(bytes / scale).arg(QLatin1String(units[unit]));
    // Not a whole number of units: one decimal is enough to read, and the bytes follow.
    return tr("%1 %2 (%3 bytes)")
        .arg(double(bytes) / double(scale), 0, 'f', 1)
        .arg(QLatin1String(units[unit]))
        .arg(bytes);
}

Result<StoreLimits> StoreLimits::fromEnvironment()
{
    StoreLimits limits;
    struct Setting
    {
        const char *variable;
        qint64 *value;
    };
    for (const Setting &setting :
         {Setting{MaxRootfsVariable, &limits.maxRootfsBytes}, Setting{MaxBundleVariable, &limits.maxBundleBytes},
          Setting{ReserveVariable, &limits.reserveBytes}}) {
        if (!qEnvironmentVariableIsSet(setting.variable))
            continue;
        const QString text = qEnvironmentVariable(setting.variable);
        if (text.trimmed().isEmpty())
            continue; // set but empty: the default, as for the other PLUGDESK_ variables
        const auto parsed = parseSize(text);
        if (!parsed)
            return Error{ErrorCode::InvalidArgument,
                         tr("%1=%2 is not a size: give bytes, or a number with K, M, G or T (4G, 512M)")
                             .arg(QLatin1String(setting.variable), text)};
        *setting.value = *parsed;
    }
    return limits;
}

Result<qint64> StoreLimits::freeBytes(const QString &folder)
{
    struct statvfs status
    {};
    if (::statvfs(QFile::encodeName(folder).constData(), &status) != 0) {
        const int error = errno;
        return Error{
            ErrorCode::Io,
            tr("cannot tell the free space in %1: %2").arg(folder, QString::fromLocal8Bit(std::strerror(error)))};
    }
    const auto blocks = quint64(status.f_bavail);
    const auto size = quint64(status.f_frsize ? status.f_frsize : status.f_bsize);
    if (size != 0 && blocks > quint64(std::numeric_limits<qint64>::max()) / size)
        return std::numeric_limits<qint64>::max();
    return qint64(blocks * size);
}

} // namespace core
