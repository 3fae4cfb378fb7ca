#pragma once

#include <QtGlobal>

// Byte sizes as 64-bit constants, so that `4 * MiB` is computed in qint64 rather than in int and widened.
namespace core {

inline constexpr qint64 KiB = 1024;
inline constexpr qint64 MiB = 1024 * KiB;

} // namespace core
