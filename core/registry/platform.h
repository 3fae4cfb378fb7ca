#pragma once

#include "core/plugin/manifest.h"

#include <QString>

namespace core {

// This machine in OCI platform terms, which RegistryClient matches the entries of a manifest list against
// (Manifest::entryFor). Owns nothing.
class Platform final
{
public:
    static QString machineOs();           // "linux"
    static QString machineArchitecture(); // "amd64", "arm64", "arm", ...
    static QString machineVariant();      // "v7" for arm, "v8" for arm64, else empty
    // "linux/arm/v7": an entry's platform for messages.
    static QString describe(const Descriptor &entry);
};

} // namespace core
