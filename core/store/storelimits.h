#pragma once

#include "core/base/result.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace core {

// The limits that keep one install, upgrade or import from filling the store's file system with what a registry or
// a bundle declares or unpacks to, read from the environment of the process that owns the store (the helper's,
// not a client's):
//  - PLUGDESK_MAX_ROOTFS_BYTES: the most a plugin's rootfs may unpack to, across all its layers (default 4 GiB);
//    the layers as downloaded may not declare more either;
//  - PLUGDESK_MAX_BUNDLE_BYTES: the most the entries of a bundle may hold, uncompressed (default 4 GiB);
//  - PLUGDESK_STORE_RESERVE_BYTES: the free space an operation leaves on the store's file system (default 256 MiB).
// Sizes are bytes, or a number with K, M, G or T (powers of 1024; "KiB", "MB" and the like are read the same way).
// Owns only the numbers and the free-space question; the engine applies them.
class StoreLimits final
{
    Q_DECLARE_TR_FUNCTIONS(StoreLimits)

public:
    static constexpr qint64 DefaultMaxRootfsBytes = qint64(4) << 30;
    static constexpr qint64 DefaultMaxBundleBytes = qint64(4) << 30;
    static constexpr qint64 DefaultReserveBytes = qint64(256) << 20;

    static constexpr const char *MaxRootfsVariable = "PLUGDESK_MAX_ROOTFS_BYTES";
    static constexpr const char *MaxBundleVariable = "PLUGDESK_MAX_BUNDLE_BYTES";
    static constexpr const char *ReserveVariable = "PLUGDESK_STORE_RESERVE_BYTES";

    qint64 maxRootfsBytes = DefaultMaxRootfsBytes;
    qint64 maxBundleBytes = DefaultMaxBundleBytes;
    qint64 reserveBytes = DefaultReserveBytes;

    // The defaults with what the environment sets; InvalidArgument naming the variable when one is not a size.
    static Result<StoreLimits> fromEnvironment();

    // "4G", "512 MiB", "1048576" -> bytes; nullopt for anything else (negative, empty, overflowing).
    static std::optional<qint64> parseSize(const QString &text);
    // 4294967296 -> "4 GiB", 1500 -> "1500 bytes": for messages.
    static QString formatSize(qint64 bytes);

    // Bytes an unprivileged writer may still use on the file system that holds `folder` (statvfs f_bavail).
    static Result<qint64> freeBytes(const QString &folder);
};

} // namespace core
