#include "core/engine/localengine.h"

#include "core/engine/createplugin.h"
#include "core/store/storelock.h"

#include <QDir>
#include <QFileInfo>
#include <QPointer>
#include <QThread>

namespace core {

LocalEngine::LocalEngine(const Options &options, QObject *parent)
    : Engine(parent)
    , m_store(options.root.isEmpty() ? Store::defaultRoot() : options.root)
    , m_runRoot(options.runRoot.isEmpty() ? defaultRunRoot() : options.runRoot)
{
    recover();
    if (options.watch)
        watchInventory();
}

QString LocalEngine::defaultRunRoot()
{
    const QString fromEnvironment = qEnvironmentVariable("PLUGDESK_RUN");
    return fromEnvironment.isEmpty() ? QStringLiteral("/run/plugdesk") : fromEnvironment;
}

void LocalEngine::recover()
{
    // Only an existing store we may write to: reading a store must never create or change it.
    const QFileInfo root(m_store.root());
    if (!root.isDir() || !root.isWritable())
        return;
    if (auto lock = StoreLock::tryAcquire(m_store.root(), tr("recover the store")))
        (void)m_store.sweep();
}

Result<PluginList> LocalEngine::plugins()
{
    auto inventory = m_store.load();
    if (!inventory)
        return inventory.error();
    return PluginList{std::move(inventory->plugins), std::move(inventory->problems)};
}

Result<Plugin> LocalEngine::plugin(const QString &nameOrId)
{
    auto inventory = m_store.load();
    if (!inventory)
        return inventory.error();
    auto found = Store::find(inventory->plugins, nameOrId);
    if (!found && found.error().code == ErrorCode::NotFound) {
        // A broken entry that matches by id or name is reported as what it is, not as "not found".
        for (const Error &problem : inventory->problems) {
            if (problem.message.contains(QLatin1Char('"') + nameOrId.trimmed() + QLatin1Char('"')))
                return problem;
        }
    }
    return found;
}

Status LocalEngine::set(const QString &nameOrId, const QStringList &arguments)
{
    auto lock = StoreLock::acquire(m_store.root(), tr("change the settings of %1").arg(nameOrId));
    if (!lock)
        return lock.error();
    auto inventory = m_store.load();
    if (!inventory)
        return inventory.error();
    auto found = Store::find(inventory->plugins, nameOrId);
    if (!found)
        return found.error();
    if (found->enabled)
        return Error{ErrorCode::Conflict, tr("cannot set on an active plugin, disable plugin before setting")};
    QList<Plugin> plugins = inventory->plugins;
    for (Plugin &plugin : plugins) {
        if (plugin.id != found->id)
            continue;
        if (auto applied = plugin.settings.apply(plugin.config, arguments); !applied)
            return applied;
    }
    if (auto saved = m_store.save(plugins); !saved)
        return saved;
    Q_EMIT pluginChanged(found->id);
    return {};
}

Job *LocalEngine::runJob(const QString &title, std::function<Result<QString>(Job *, QString *)> work)
{
    auto *job = new Job(title, this);
    Q_EMIT jobStarted(job);
    QPointer<LocalEngine> self(this);
    QThread *worker = QThread::create([job, work = std::move(work), self] {
        QString changedId;
        auto result = work(job, &changedId);
        if (!changedId.isEmpty() && self)
            QMetaObject::invokeMethod(self, [self, changedId] {
                if (self)
                    Q_EMIT self->pluginChanged(changedId);
            });
        if (result)
            job->finishWith(*result);
        else
            job->failWith(result.error());
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    worker->start();
    return job;
}

Job *LocalEngine::create(const QString &name, const QString &folder)
{
    const Store store = m_store;
    return runJob(tr("Create %1").arg(name), [store, name, folder](Job *job, QString *changedId) -> Result<QString> {
        auto plugin = createPlugin(store, name, folder, job);
        if (!plugin)
            return plugin.error();
        *changedId = plugin->id;
        return plugin->name();
    });
}

void LocalEngine::watchInventory()
{
    m_watcher = new QFileSystemWatcher(this);
    auto rearm = [this] {
        // plugins.json is replaced by rename, which drops the watch on the old inode: watch the folder too.
        QDir().mkpath(m_store.pluginsDir());
        if (!m_watcher->directories().contains(m_store.pluginsDir()))
            m_watcher->addPath(m_store.pluginsDir());
        if (QFileInfo::exists(m_store.inventoryPath()) && !m_watcher->files().contains(m_store.inventoryPath()))
            m_watcher->addPath(m_store.inventoryPath());
    };
    rearm();
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, [this, rearm] {
        rearm();
        Q_EMIT pluginsReloaded();
    });
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this, [this, rearm] {
        rearm();
        Q_EMIT pluginsReloaded();
    });
}

} // namespace core
