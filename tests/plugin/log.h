#pragma once

// Line logging for the test plugin. Tests read these lines through the engine's log file, so every line is written
// whole and flushed at once (stdout is a pipe under runc and would otherwise be block-buffered).

#include <string>

namespace testplugin {

void logOut(const std::string &line);
void logErr(const std::string &line);

} // namespace testplugin
