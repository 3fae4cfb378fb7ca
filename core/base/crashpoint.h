#pragma once

#include <QtGlobal>

namespace core {

// Kill-at-any-point hooks for the crash-consistency test (tests/integration/tst_crashconsistency), in the manner of
// SQLite's crash tests. Only test builds have them: CMake defines PLUGDESK_CRASH_POINTS when BUILD_TESTING is ON,
// and without it both calls are empty inline functions, so a shipped package holds no such hook.
//
// PLUGDESK_CRASH_AT=<point>[:<N>] (read once) arms one point: crashPoint() sends the process SIGKILL at the Nth time
// (default 1) it passes <point>; crashPointBytes() sends it once the bytes it was given at <point> add up to N or
// more. No clean-up and no atexit handler runs. PLUGDESK_CRASH_TRACE=1 prints every point passed to stderr, so a
// test can see which points a verb passes and how often.
#ifdef PLUGDESK_CRASH_POINTS
void crashPoint(const char *point);
void crashPointBytes(const char *point, qint64 bytes);
#else
inline void crashPoint(const char *) {}
inline void crashPointBytes(const char *, qint64) {}
#endif

} // namespace core
