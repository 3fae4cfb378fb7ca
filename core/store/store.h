#pragma once

#include "core/base/result.h"
#include "core/plugin/plugin.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace core {

// The store on disk (docs/architecture.md §6):
//   <root>/plugins/plugins.json              the inventory, in the seed's shape
//   <root>/plugins/<id>/rootfs/              the plugin's filesystem
//   <root>/plugins/<id>/config.json          config v1 (or manifest.json for a v0 plugin)
//   <root>/plugins/<id>/plugin-config.json   the settings
//   <root>/blobs/sha256/<hex>                content-addressed blobs
//   <root>/tmp/                              staging, swept at start
// Owns the layout, reading and writing the inventory, lookup by name or id, and the start-up sweep.
// Does not own locking policy (callers take a StoreLock around writes) nor what a plugin's state means.
class Store final
{
    Q_DECLARE_TR_FUNCTIONS(Store)

public:
    explicit Store(QString root);

    // PLUGDESK_ROOT, else /var/lib/plugdesk.
    static QString defaultRoot();

    QString root() const { return m_root; }
    // <root>/plugins; or <root> itself when it holds a plugins.json and no plugins/plugins.json, so a folder laid
    // out exactly like the seed's /var/lib/docker/plugins can be given as --root too.
    QString pluginsDir() const { return m_pluginsDir; }
    QString inventoryPath() const { return pluginsDir() + QStringLiteral("/plugins.json"); }
    QString pluginDir(const QString &id) const { return pluginsDir() + QLatin1Char('/') + id; }
    QString rootfsDir(const QString &id) const { return pluginDir(id) + QStringLiteral("/rootfs"); }
    QString blobsDir() const { return m_root + QStringLiteral("/blobs/sha256"); }
    QString tmpDir() const { return m_root + QStringLiteral("/tmp"); }

    struct Inventory
    {
        QList<Plugin> plugins; // the plugins that read and validated, in inventory order
        QList<Error> problems; // one error per plugin that did not, naming the file and field
    };

    // Reads the inventory. A missing store or plugins.json is an empty inventory. A plugins.json that is not
    // JSON fails as a whole; a plugin entry that is broken is left out and reported in `problems`.
    // Reading never writes.
    Result<Inventory> load() const;

    // Writes every plugin's config.json (or manifest.json) and plugin-config.json, then plugins.json, each
    // atomically. Inventory entries that do not read are kept as they are. The caller holds the StoreLock.
    Status save(const QList<Plugin> &plugins) const;

    // Removes staging leftovers: everything in tmp/ and plugins/<id>-removing. The caller holds the StoreLock.
    Status sweep() const;

    // Makes the store private to its owner: the root (created when missing), plugins/, blobs/ and tmp/ 0700, every
    // blob 0600. The helper calls it at start, so a store made by an older version or by hand (0755 folders, 0644
    // blobs) no longer lets other users read plugins' files, settings or blobs. Never follows a symlink.
    Status makePrivate() const;

    // Docker's lookup (docs/docker-compat.md §1.2): a full id; else a reference that parses (no digest), with ":latest"
    // implied, compared with the local name; else a unique id prefix. Errors: `plugin "x" not found` (NotFound),
    // `multiple plugins found for "x"` (Ambiguous).
    static Result<Plugin> find(const QList<Plugin> &plugins, const QString &nameOrId);

    // A new id: 64 hex characters whose first 12 are not all digits (Docker's GenerateRandomID).
    static QString newId();

private:
    Result<Plugin> readEntry(const QString &id, const QJsonObject &entry) const;

    QString m_root;
    QString m_pluginsDir;
};

} // namespace core
