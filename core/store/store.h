#pragma once

#include "core/base/result.h"
#include "core/plugin/plugin.h"

#include <QCoreApplication>
#include <QList>
#include <QSet>
#include <QString>

namespace core {

// What a file looked like (absent, or its device, inode, size and change times): equal stamps, same contents.
struct FileStamp
{
    QString path;
    bool exists = false;
    quint64 device = 0;
    quint64 inode = 0;
    qint64 size = 0;
    qint64 modifiedNs = 0;
    qint64 changedNs = 0;
    bool operator==(const FileStamp &) const = default;
};

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
    // A save's new inventory, written before the per-plugin files (see save()).
    QString journalPath() const { return pluginsDir() + QStringLiteral("/.plugins.json.next"); }
    // An upgrade in progress names its new manifest digest here (see finishUpgrade()).
    QString upgradeMarkerPath(const QString &id) const { return pluginDir(id) + QStringLiteral("/.upgrade-to"); }
    QString blobsDir() const { return m_root + QStringLiteral("/blobs/sha256"); }
    QString tmpDir() const { return m_root + QStringLiteral("/tmp"); }

    struct Inventory
    {
        QList<Plugin> plugins; // the plugins that read and validated, in inventory order
        QList<Error> problems; // one error per plugin that did not, naming the file and field
        // Every key and "Id" the inventory names, whether its entry reads or not: the plugin folders the sweep keeps.
        QStringList names;
    };

    // Reads the inventory. A missing store or plugins.json is an empty inventory. A plugins.json that is not
    // JSON fails as a whole; a plugin entry that is broken is left out and reported in `problems`.
    // Reading never writes the store (only the load cache file, when one is set, which is outside it) and takes no
    // lock; it never mixes two saves: while a save's journal is there, the journal is what is read (it is what the
    // save or the next sweep makes of the store).
    Result<Inventory> load() const;

    // A file (outside the store) where load() also keeps its last result with the stamps of every file it read, for
    // the next process: plugdesk-helper keeps it in its run root, so a helper started again (by D-Bus activation,
    // for a window's first read) answers after one stat per file instead of parsing thousands of JSON files. It is
    // used only when every stamp is still the same, as the in-process cache; one that does not decode, or is of
    // another store or format, is ignored and replaced. Written 0600 without fsync (a cache: a torn one is ignored).
    // Empty (the default): none. Process-wide; set it before the first load.
    static void setLoadCacheFile(const QString &path);
    // Forgets every load this process kept in memory: the next load finds what a new process would (tests).
    static void forgetLoads();

    // Writes the new inventory as a journal (journalPath()), then every plugin's config.json (or manifest.json) and
    // plugin-config.json, then renames the journal to plugins.json; each file atomically. A save killed before the
    // journal is durable changed nothing, one killed after it is finished by the next sweep(). Inventory entries
    // that do not read are kept as they are. The caller holds the StoreLock.
    Status save(const QList<Plugin> &plugins) const;

    // Brings a store back to the last state a verb committed after a crash: finishes a save killed after its journal;
    // removes everything in tmp/, AtomicFile temp files, plugin folders no inventory entry names (a new id whose
    // save never happened); moves plugins/<id>-removing back when the inventory still names <id> and removes it
    // otherwise; finishes or undoes an upgrade by its marker; collects blobs no plugin refers to (only when every
    // entry reads). The caller holds the StoreLock.
    Status sweep() const;

    // Makes the store private to its owner: the root (created when missing), plugins/, blobs/ and tmp/ 0700, every
    // blob 0600. The helper calls it at start, so a store made by an older version or by hand (0755 folders, 0644
    // blobs) no longer lets other users read plugins' files, settings or blobs. Never follows a symlink.
    Status makePrivate() const;

    // Docker's lookup (docs/docker-compat.md §1.2): a full id; else a reference that parses (no digest), with ":latest"
    // implied, compared with the local name; else a unique id prefix. Errors: `plugin "x" not found` (NotFound),
    // `multiple plugins found for "x"` (Ambiguous).
    static Result<Plugin> find(const QList<Plugin> &plugins, const QString &nameOrId);

    // The blobs the plugins refer to: garbage collection keeps exactly these (docs/docker-compat.md §4.3; Plugdesk
    // keeps manifests too).
    static QSet<QString> referencedBlobs(const QList<Plugin> &plugins);

    // A new id: 64 hex characters whose first 12 are not all digits (Docker's GenerateRandomID).
    static QString newId();

private:
    Status writePluginFiles(const QJsonObject &inventory, bool createFolders) const;
    Status replayJournal() const;
    Status finishUpgrade(const QString &id, const QJsonObject &inventory) const;
    // `stamps`, when given, receives what each file read looked like before it was read (Store::load's cache).
    // `journalled`: the entry comes from a save's journal, so what the save writes into the plugin's files is taken
    // from the entry itself (see load()).
    Result<Plugin> readEntry(const QString &id, const QJsonObject &entry, QList<FileStamp> *stamps = nullptr,
                             bool journalled = false) const;

    QString m_root;
    QString m_pluginsDir;
};

} // namespace core
