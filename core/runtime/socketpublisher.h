#pragma once

#include "core/engine/result.h"
#include "core/plugin/plugin.h"

#include <QCoreApplication>
#include <QString>

namespace core {

// Publishes an enabled plugin's socket where other engines look for plugins: a symlink
// DIR/<publish-name>.sock -> <run>/plugins/<id>/<socket>, DIR = PLUGDESK_DOCKER_PLUGINS_DIR, else
// /run/docker/plugins. Owns the name rule and the link; never replaces a file it did not make.
class SocketPublisher final
{
    Q_DECLARE_TR_FUNCTIONS(SocketPublisher)

public:
    static QString directory();

    // The plugin's name made file-safe: "vieux/sshfs:latest" -> "vieux-sshfs", "vieux/sshfs:1.2" ->
    // "vieux-sshfs-1.2", "localhost:5000/acme/vol:latest" -> "localhost-5000-acme-vol".
    static QString publishName(const QString &repository, const QString &tag);
    static QString linkPath(const Plugin &plugin);

    // Creates or refreshes the link. Fails with Conflict when something else already owns that name.
    static Status publish(const QString &linkPath, const QString &socketPath);
    // Removes the link if it still points at `socketPath`.
    static void unpublish(const QString &linkPath, const QString &socketPath);
};

} // namespace core
