#pragma once

#include "core/base/result.h"
#include "core/plugin/plugin.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <optional>

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

    // Several names make one file name ("acme/vol", "acme-vol" and "acme:vol" all publish acme-vol.sock): a Conflict
    // naming the other plugin when one of `plugins` other than `id` publishes under the name that `repository` and
    // `tag` would. With `enabledOnly`, only enabled plugins count (enable time; install and create count all).
    static Status checkNameFree(const QList<Plugin> &plugins, const QString &repository, const QString &tag,
                                const QString &id = {}, bool enabledOnly = false);

    // True when `path` is a unix socket (not a link, not a file).
    static bool isSocket(const QString &path);

    // What Plugdesk published, remembered in the plugin's state folder (RunLayout::publishedPath) so that only
    // that socket is ever removed, never one of the same name that another program made.
    struct Record
    {
        QString path;
        quint64 device = 0;
        quint64 inode = 0;
    };
    static Status writeRecord(const QString &recordPath, const Record &record);
    static std::optional<Record> readRecord(const QString &recordPath);
    // True when `path` is the very socket the record at `recordPath` names (same path, device and inode).
    static bool isRecorded(const QString &path, const QString &recordPath);
    // Removes the socket at `path` when it is the one recorded at `recordPath` and nobody serves it any longer
    // (its monitor was killed), then the record; a socket Plugdesk did not make is left alone.
    static void unpublish(const QString &path, const QString &recordPath);
};

} // namespace core
