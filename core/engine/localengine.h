#pragma once

#include "core/engine/engine.h"
#include "core/store/store.h"

#include <QFileSystemWatcher>

namespace core {

class RegistryClient;

// The engine in this process: owns the store at `root` directly. Used by the helper, by root users of
// plugdeskctl and the window, and by tests. Every write takes the store's lock (StoreLock), so a second
// process writing at the same time waits, then fails naming the holder.
class LocalEngine final : public Engine
{
    Q_OBJECT

public:
    struct Options
    {
        QString root;       // store root; empty: Store::defaultRoot()
        QString runRoot;    // run root; empty: PLUGDESK_RUN, else /run/plugdesk
        bool watch = false; // watch plugins.json and emit pluginsReloaded when another process changes it
    };

    explicit LocalEngine(const Options &options, QObject *parent = nullptr);

    static QString defaultRunRoot();

    QString location() const override { return m_store.root(); }
    QString runRoot() const { return m_runRoot; }
    const Store &store() const { return m_store; }

    // Removes staging leftovers of an interrupted write, if no other process holds the lock right now.
    // Called by the helper at start, and before every write.
    void recover();

    Result<PluginList> plugins() override;
    Result<Plugin> plugin(const QString &nameOrId) override;
    Status set(const QString &nameOrId, const QStringList &arguments) override;
    Job *privileges(const QString &reference) override;

    // The registry client this engine uses (made on first use), with the calling user's logins.
    RegistryClient *registry();

private:
    void watchInventory();

    Store m_store;
    QString m_runRoot;
    QFileSystemWatcher *m_watcher = nullptr;
    RegistryClient *m_registry = nullptr;
};

} // namespace core
