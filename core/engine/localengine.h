#pragma once

#include "core/engine/engine.h"
#include "core/registry/credentials.h"
#include "core/store/store.h"

#include <QFileSystemWatcher>
#include <QList>
#include <QThread>
#include <functional>

class QIODevice;

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

    // Removes staging leftovers of an interrupted write (tmp/, <id>-removing), if no other process holds the
    // lock right now. Called at construction; does nothing to a store that does not exist or is read-only.
    void recover();

    // Reads the store again and emits pluginsReloaded; the job ends through the event loop.
    Job *reload() override;
    Result<PluginList> plugins() override;
    Result<Plugin> plugin(const QString &nameOrId) override;
    // set and grant as jobs: the work (changeSettings) runs on a worker thread, since the store lock may be held by
    // another writer for a while.
    Job *set(const QString &nameOrId, const QStringList &arguments) override;
    Job *grant(const QString &nameOrId, const QStringList &arguments, const Privileges &accepted) override;
    // set (accepted empty: refuses new privileges) and grant (accepted: must equal the new effective privileges),
    // at once: for the helper, whose own reply carries the answer.
    Status applySettings(const QString &nameOrId, const QStringList &arguments,
                         const std::optional<Privileges> &accepted);
    Job *create(const QString &name, const QString &folder) override;
    Job *enable(const QString &nameOrId, int timeoutSeconds = 30) override;
    Job *disable(const QString &nameOrId, bool force = false) override;
    Job *start(const QString &nameOrId, int timeoutSeconds = 30) override;
    Job *logs(const QString &nameOrId, int tail = -1) override;
    // The same at once, for the helper.
    Result<QStringList> logTail(const QString &nameOrId, int tail);
    Result<QString> logFile(const QString &nameOrId) override;
    Result<PluginRuntimeState> runtimeState(const QString &nameOrId) override;
    QHash<QString, PluginRuntimeState> runtimeStates(const QList<Plugin> &plugins) override;

    // After a reboot or a helper restart: every enabled plugin gets a monitor unless it has a live one; a monitor
    // adopts a container that still runs (docs/docker-compat.md §4.4, live-restore). Never starts a plugin twice.
    Status restore();

    // Waits for the workers of running jobs.
    ~LocalEngine() override;
    Job *privileges(const QString &reference, const QStringList &settings = {}) override;
    Job *tags(const QString &repository) override;
    Job *login(const QString &server, const QString &user, const QString &password) override;
    Result<QStringList> registryLogins() override;
    Job *logout(const QString &server) override;
    Job *push(const QString &name) override;
    // The helper's push: `auth` is the caller's login for the target registry (empty: anonymous), used instead
    // of this process's own logins (pushplugin.h).
    Job *push(const QString &name, const std::optional<AuthConfig> &auth);
    Job *remove(const QString &nameOrId, bool force = false) override;

    Job *install(const QString &reference, const Privileges &accepted, const InstallOptions &options = {}) override;
    Job *upgrade(const QString &nameOrId, const QString &reference, const Privileges &accepted) override;
    // The same through another registry client: the helper's, which holds the caller's login for this call.
    // `client` must outlive the job (make it a child of the job).
    Job *installUsing(RegistryClient *client, const QString &reference, const Privileges &accepted,
                      const InstallOptions &options);
    Job *upgradeUsing(RegistryClient *client, const QString &nameOrId, const QString &reference,
                      const Privileges &accepted);

    Job *exportPlugin(const QString &nameOrId, const QString &file) override;
    Job *bundlePrivileges(const QString &file) override;
    Job *importPlugin(const QString &file, const Privileges &accepted, const InstallOptions &options = {}) override;
    // The helper's export and import: through a file descriptor the caller opened (for writing, or reading), which
    // this engine takes over and closes; `name` is the caller's path of that file, for messages. Export writes
    // the whole bundle into it and syncs it; the caller renames its temp file into place.
    Job *exportPluginTo(const QString &nameOrId, int fd, const QString &name);
    Job *importPluginFrom(int fd, const QString &name, const Privileges &accepted, const InstallOptions &options);
    // The helper's create: the plugin folder arrives packed by the caller (LayerWriter::writeContext) through a
    // file descriptor it opened, which this engine takes over and closes; `folder` is the caller's path of the
    // folder, for messages. The caller's folder is never opened here.
    Job *createFrom(const QString &name, int fd, const QString &folder);

    Result<QList<VolumeDriverInfo>> volumeDrivers() override;
    Job *volumes(const QString &driver = {}) override;
    Job *inspectVolume(const QString &name) override;
    Job *createVolume(const QString &driver, const QString &name, const QMap<QString, QString> &options) override;
    Job *removeVolume(const QString &name, bool force = false) override;
    Job *mountVolume(const QString &name) override;
    Job *unmountVolume(const QString &name) override;

    // The registry client this engine uses (made on first use), with the calling user's logins.
    RegistryClient *registry();

protected:
    // The first connection to runtimeStateChanged starts watching the monitors' state folders (inotify).
    void connectNotify(const QMetaMethod &signal) override;

private:
    void watchInventory();
    // Watches <run>/state/ and each plugin's folder in it: a monitor rewriting state.json (by rename) becomes
    // runtimeStateChanged(id), whoever started the plugin and whether or not this process did.
    void watchRuntime();
    // set (accepted empty) and grant.
    Job *grant(const QString &nameOrId, const QStringList &arguments, const std::optional<Privileges> &accepted);
    // What set and grant do: changes the settings of the plugin under the store lock and returns its id.
    static Result<QString> changeSettings(const Store &store, const QString &nameOrId, const QStringList &arguments,
                                          const std::optional<Privileges> &accepted);
    // A job already decided: it ends with `result` through the event loop, never inside this call.
    Job *decidedJob(const QString &title, const Result<QVariant> &result);
    // Runs `work` on a worker thread and ends `job` with its result.
    void runJob(Job *job, std::function<Result<QString>(Job *)> work);
    // Starts an install or upgrade (PluginInstaller): the registry half here, the rest on a worker.
    Job *startInstaller(RegistryClient *client, const QString &title, const QString &reference,
                        const Privileges &accepted, const InstallOptions &options, const QString &upgrade);
    // The same for work whose result is any (JSON-shaped) value.
    void runValueJob(Job *job, std::function<Result<QVariant>(Job *)> work);
    // Imports from an open bundle and reports the plugin it added.
    Result<QString> importAndReport(QIODevice *device, const QString &source, const Privileges &accepted,
                                    const InstallOptions &options, Job *job);

    Store m_store;
    QString m_runRoot;
    QFileSystemWatcher *m_watcher = nullptr;
    QFileSystemWatcher *m_runtimeWatcher = nullptr;
    QList<QThread *> m_workers;
    RegistryClient *m_registry = nullptr;
};

} // namespace core
