#pragma once

#include "core/plugin/pluginconfig.h"
#include "core/plugin/privileges.h"
#include "core/plugin/settings.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace core {

// One installed plugin as the store keeps it: identity, state, config, settings and the digests that tie it
// to its blobs. A plain record; the store reads and writes it, the engine decides what it means.
struct Plugin
{
    QString id;         // 64 hex for plugins Plugdesk made; a short id for a seed-layout store made by hand
    QString repository; // familiar repository, "vieux/sshfs" (the seed's "Name")
    QString tag;        // "latest"
    bool enabled = false;
    QString pluginReference; // full remote reference, "docker.io/vieux/sshfs:latest"; empty for created plugins
    PluginConfig config;
    Settings settings;
    QString configDigest;   // "sha256:..." of the config blob, when known
    QString manifestDigest; // "sha256:..." of the manifest, when known
    QStringList blobsums;   // layer digests, in order
    // The privileges a person approved for this plugin (at install, upgrade, import, create, or a `set` that changed
    // them), as the store records them. None recorded (a store made by hand, or by an older Plugdesk): the config's
    // own privileges count as approved, never what the settings added.
    std::optional<Privileges> approved;
    // Docker's own Plugin object when the plugin came from a Docker Engine (DockerEngine), as dockerd sent it, so that
    // `inspect` prints what `docker plugin inspect` prints; empty for plugins of a Plugdesk store.
    QJsonObject raw;

    // What was approved (see `approved`).
    Privileges approvedPrivileges() const { return approved.value_or(Privileges::fromConfig(config)); }
    // What the plugin gets when it runs with its current settings.
    Privileges effectivePrivileges() const { return Privileges::effective(config, settings); }
    // The privileges it would run with that nobody approved: enable refuses the plugin while this is not empty.
    Privileges unapprovedPrivileges() const { return effectivePrivileges().notIn(approvedPrivileges()); }

    // The local name, "vieux/sshfs:latest".
    QString name() const { return repository + QLatin1Char(':') + tag; }
    // The first 12 characters of the id, as `ls` prints it.
    QString shortId() const { return id.left(12); }

    // Docker's Plugin object (docs/docker-compat.md §2.1): Id, Name, Enabled, PluginReference (omitted if empty),
    // Settings, Config; `raw` when there is one.
    QJsonObject toApiJson() const;
};

} // namespace core
