#pragma once

#include "core/engine/result.h"
#include "core/plugin/plugin.h"

#include <QCoreApplication>
#include <QString>

namespace core {

// Where an enabled plugin's socket is published for other engines: DIR/<publish-name>.sock, DIR =
// PLUGDESK_DOCKER_PLUGINS_DIR, else /run/docker/plugins. The plugin's monitor serves it (SocketProxy); this class
// owns the name rule and the clean-up of a socket whose monitor died.
class SocketPublisher final
{
    Q_DECLARE_TR_FUNCTIONS(SocketPublisher)

public:
    static QString directory();

    // The plugin's name made file-safe: "vieux/sshfs:latest" -> "vieux-sshfs", "vieux/sshfs:1.2" ->
    // "vieux-sshfs-1.2", "localhost:5000/acme/vol:latest" -> "localhost-5000-acme-vol".
    static QString publishName(const QString &repository, const QString &tag);
    static QString linkPath(const Plugin &plugin);

    // True when `path` is a unix socket (not a link, not a file).
    static bool isSocket(const QString &path);
    // Removes a socket at `path` that nobody serves any longer (its monitor was killed).
    static void unpublish(const QString &path);
};

} // namespace core
