#pragma once

#include "core/plugin/pluginconfig.h"
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

    // The local name, "vieux/sshfs:latest".
    QString name() const { return repository + QLatin1Char(':') + tag; }
    // The first 12 characters of the id, as `ls` prints it.
    QString shortId() const { return id.left(12); }

    // Docker's Plugin object (SPEC §2.2): Id, Name, Enabled, PluginReference (omitted if empty), Settings, Config.
    QJsonObject toApiJson() const;
};

} // namespace core
