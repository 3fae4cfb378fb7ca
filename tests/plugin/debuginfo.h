#pragma once

// What the process looks like from inside: capabilities, namespaces, ids, environment and arguments. Served by
// /Plugdesk.Debug so tests can check what a runtime really granted the plugin.

#include "json.h"
#include "options.h"

#include <cstdint>
#include <string>

namespace testplugin {

JsonValue collectDebugInfo(const Options &options);

// Names of the bits set in a capability mask, e.g. CAP_SYS_ADMIN; unknown bits come out as CAP_<n>.
JsonValue capabilityNames(uint64_t mask);

} // namespace testplugin
