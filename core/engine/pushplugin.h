#pragma once

#include "core/base/job.h"
#include "core/registry/credentials.h"
#include "core/store/store.h"

#include <optional>

namespace core {

class RegistryClient;

// `plugin push NAME[:TAG]` (docs/docker-compat.md §1.6, §7.3): finds the plugin (a digest reference is refused with
// `invalid name: NAME`), then pushes its blobs from the store's BlobStore to the repository its local name names:
// per layer and the config, HEAD (present: "Layer already exists"), else POST + one monolithic PUT; then PUT the
// manifest with media type application/vnd.docker.distribution.manifest.v2+json — the stored manifest blob when
// present, else one rebuilt with pluginManifest() from the config and blobsums (sizes from the blob files).
// Driven by `client`'s callbacks on the calling thread; never takes the store lock (Docker pushes enabled
// plugins too). `auth`, when given, is the login to use for the target registry instead of the one the client
// would look up (the helper passes the caller's own; an empty AuthConfig means anonymous): the push then gets a
// client of its own, so one caller's login is never cached for another. The Job (a child of `parent`) ends
// with a QVariantMap {repository, tag, digest, size}; Engine::push documents progress and errors.
Job *pushPlugin(RegistryClient *client, const Store &store, const QString &name, const std::optional<AuthConfig> &auth,
                QObject *parent);

} // namespace core
