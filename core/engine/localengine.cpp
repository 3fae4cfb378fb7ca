#include "core/engine/localengine.h"

#include "core/registry/registryclient.h"
#include "core/store/storelock.h"

#include <QDir>
#include <QFileInfo>

namespace core {

LocalEngine::LocalEngine(const Options &options, QObject *parent)
    : Engine(parent)
    , m_store(options.root.isEmpty() ? Store::defaultRoot() : options.root)
    , m_runRoot(options.runRoot.isEmpty() ? defaultRunRoot() : options.runRoot)
{
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
    if (!QFileInfo(m_store.root()).isWritable())
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

RegistryClient *LocalEngine::registry()
{
    if (!m_registry)
        m_registry = new RegistryClient(this);
    return m_registry;
}

Job *LocalEngine::privileges(const QString &reference)
{
    auto *job = new Job(tr("Read the privileges of %1").arg(reference), this);
    Q_EMIT jobStarted(job);
    auto parsed = Reference::parse(reference);
    if (!parsed) {
        job->failWith(parsed.error());
        return job;
    }
    const Reference full = parsed->withDefaultTag();
    // Transfers are bound to this context: deleting it on cancel aborts them and drops their callbacks.
    auto *context = new QObject(job);
    connect(job, &Job::cancelRequested, context, [job, context, full] {
        delete context;
        job->failWith(
            Error{ErrorCode::Cancelled, tr("reading the privileges of %1 was cancelled").arg(full.toString())});
    });
    RegistryClient *client = registry();
    client->fetchManifest(full, context, [job, context, client, full](Result<Manifest> manifest) {
        if (!manifest)
            return job->failWith(manifest.error());
        if (!manifest->isPluginConfigType())
            return job->failWith(
                Error{ErrorCode::NotAPlugin,
                      QStringLiteral("did not find plugin config for specified reference %1").arg(full.toString())});
        client->fetchConfig(full.trimmed(), manifest->config, context, [job, full](Result<QByteArray> bytes) {
            if (!bytes)
                return job->failWith(bytes.error());
            auto config = PluginConfig::fromJson(*bytes);
            if (!config)
                return job->failWith(
                    config.error().prefixed(tr("cannot read the plugin config of %1").arg(full.toString())));
            job->finishWith(QVariant::fromValue(Privileges::fromConfig(*config)));
        });
    });
    return job;
}

} // namespace core
