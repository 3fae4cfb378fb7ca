#pragma once

#include "core/base/result.h"

#include <QByteArray>
#include <QString>

namespace core {

// Replaces a file under the run root atomically (a temp file beside it, renamed over it) without fsync: /run is a
// tmpfs that every boot empties, so nothing there has to survive a power loss, and enable waits on these writes (the
// bundle, state.json, activate.json). Files that must survive (the store's) go through AtomicFile.
Status writeRunFile(const QString &path, const QByteArray &data, int mode);

} // namespace core
