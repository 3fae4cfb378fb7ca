#pragma once

#include "core/base/result.h"
#include "core/plugin/pluginruntimestate.h"

#include <QCoreApplication>
#include <QString>

namespace core {

// The monitor's state file, <run>/state/<id>/state.json (RunLayout::statePath): PluginRuntimeState's JSON form,
// written atomically by the monitor and read by the runner and the engine. Owns nothing between calls.
class RuntimeStateFile final
{
    Q_DECLARE_TR_FUNCTIONS(RuntimeStateFile)

public:
    // A missing file reads as Stopped; a file that does not parse is ErrorCode::Corrupt.
    static Result<PluginRuntimeState> read(const QString &path);
    static Status write(const QString &path, const PluginRuntimeState &state);
};

} // namespace core
