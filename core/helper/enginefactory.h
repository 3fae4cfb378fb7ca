#pragma once

#include "core/connection/connectionurl.h"
#include "core/engine/engine.h"

#include <memory>

namespace core {

// Which engine the window and plugdeskctl use (docs/architecture.md §3), in one place for both mains:
// - a non-root user who gave no --root and has no PLUGDESK_ROOT set gets HelperEngine: the store belongs to root,
//   so every verb goes through plugdesk-helper and polkit ($PLUGDESK_HELPER_BUS points it at another bus);
// - root, or anyone naming a store explicitly (--root, PLUGDESK_ROOT: a store of their own, or a test's), gets
//   LocalEngine on that store, in process.
struct EngineChoice
{
    QString root;       // --root; empty: none given
    QString runRoot;    // --run; empty: the default (LocalEngine only; the helper has its own)
    bool watch = false; // LocalEngine: watch the inventory for other writers (the window wants this)
    // Where the engine lives (-H, a saved connection): plugdesk:// is this computer as above (plugdesk:///PATH is
    // --root PATH); unix:// and ssh:// are a Docker Engine (DockerEngine).
    ConnectionUrl connection;
};

bool shouldUseHelper(const EngineChoice &choice);
std::unique_ptr<Engine> makeEngine(const EngineChoice &choice);

} // namespace core
