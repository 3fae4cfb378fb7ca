#include "core/engine/unpackbudget.h"

#include <QDir>
#include <QFileInfo>

namespace core {

namespace {

// The store's root, or the nearest folder above it that exists (a store not made yet): the file system it will be on.
QString existingFolder(const QString &folder)
{
    QString path = QDir::cleanPath(QDir(folder).absolutePath());
    while (!QFileInfo(path).isDir() && path != QLatin1String("/"))
        path = QFileInfo(path).absolutePath();
    return path;
}

} // namespace

UnpackBudget::UnpackBudget(const StoreLimits &limits, const QString &folder)
    : m_limits(limits)
    , m_folder(folder)
{}

Status UnpackBudget::checkDeclared(const QList<Descriptor> &layers) const
{
    qint64 total = 0;
    for (const Descriptor &layer : layers) {
        total += std::max<qint64>(layer.size, 0);
        // A compressed layer is smaller than what it unpacks to: more than the limit cannot fit either.
        if (total > m_limits.maxRootfsBytes)
            return Error{ErrorCode::UnsafeArchive,
                         tr("layer %1: the manifest declares %2 of layers up to it, more than the %3 a plugin's "
                            "rootfs may take (%4)")
                             .arg(layer.digest, StoreLimits::formatSize(total),
                                  StoreLimits::formatSize(m_limits.maxRootfsBytes),
                                  QLatin1String(StoreLimits::MaxRootfsVariable))};
    }
    const QString folder = existingFolder(m_folder);
    auto free = StoreLimits::freeBytes(folder);
    if (!free)
        return free.error();
    qint64 needed = m_limits.reserveBytes;
    for (const Descriptor &layer : layers) {
        needed += std::max<qint64>(layer.size, 0);
        if (needed > *free)
            return Error{ErrorCode::Io,
                         tr("not enough free space in %1 for layer %2: the layers up to it are %3 and %4 stays free "
                            "(%5), but only %6 is free")
                             .arg(folder, layer.digest, StoreLimits::formatSize(needed - m_limits.reserveBytes),
                                  StoreLimits::formatSize(m_limits.reserveBytes),
                                  QLatin1String(StoreLimits::ReserveVariable), StoreLimits::formatSize(*free))};
    }
    return {};
}

LayerExtractor::Options UnpackBudget::optionsFor(const Descriptor &layer) const
{
    return optionsFor(tr("layer %1").arg(layer.digest));
}

LayerExtractor::Options UnpackBudget::optionsFor(const QString &what) const
{
    LayerExtractor::Options options;
    options.maxUnpackedBytes = std::max<qint64>(m_limits.maxRootfsBytes - m_used, 0);
    options.checkpoint = [folder = existingFolder(m_folder), reserve = m_limits.reserveBytes, what](qint64) -> Status {
        auto free = StoreLimits::freeBytes(folder);
        if (!free)
            return free.error();
        if (*free < reserve)
            return Error{ErrorCode::Io,
                         tr("not enough free space in %1 to unpack %2: %3 is left, and %4 stays free (%5)")
                             .arg(folder, what, StoreLimits::formatSize(*free), StoreLimits::formatSize(reserve),
                                  QLatin1String(StoreLimits::ReserveVariable))};
        return {};
    };
    return options;
}

void UnpackBudget::add(const LayerExtractor &extractor)
{
    m_used += extractor.progress().unpackedBytes;
}

std::optional<Error> UnpackBudget::limitError(const Descriptor &layer, const LayerExtractor &extractor,
                                              const Error &error) const
{
    return limitError(tr("layer %1").arg(layer.digest), extractor, error);
}

std::optional<Error> UnpackBudget::limitError(const QString &what, const LayerExtractor &extractor,
                                              const Error &error) const
{
    if (!extractor.limitReached())
        return std::nullopt;
    return Error{ErrorCode::UnsafeArchive, tr("%1 unpacks to more than the %2 a plugin's rootfs may take (%3): %4")
                                               .arg(what, StoreLimits::formatSize(m_limits.maxRootfsBytes),
                                                    QLatin1String(StoreLimits::MaxRootfsVariable), error.message)};
}

} // namespace core
