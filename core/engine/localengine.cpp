#include "core/engine/localengine.h"

#include "core/base/calllocale.h"
#include "core/base/crashpoint.h"
#include "core/engine/createplugin.h"
#include "core/engine/exportplugin.h"
#include "core/engine/importplugin.h"
#include "core/engine/installplugin.h"
#include "core/engine/pushplugin.h"
#include "core/engine/removeplugin.h"
#include "core/registry/registryclient.h"
#include "core/registry/registrylogin.h"
#include "core/registry/remoteprivileges.h"
#include "core/registry/remotetags.h"
#include "core/runtime/monitorlauncher.h"
#include "core/runtime/pluginrunner.h"
#include "core/runtime/runlayout.h"
#include "core/store/storelock.h"
#include "core/volume/volumeservice.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QMetaMethod>
#include <QPointer>
#include <QThread>
#include <QTimer>
#include <unistd.h>

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
    auto list = plugins();
    if (!list)
        return list.error();
    return list->find(nameOrId);
}

Job *LocalEngine::decidedJob(const QString &title, const Result<QVariant> &result)
{
    auto *job = new Job(title, this);
    Q_EMIT jobStarted(job);
    if (result)
        job->finishWith(*result);
    else
        job->failWith(result.error());
    return job;
}

Job *LocalEngine::reload()
{
    QMetaObject::invokeMethod(this, &LocalEngine::pluginsReloaded, Qt::QueuedConnection);
    auto *job = new Job(tr("Read the plugins"), this);
    job->finishWith();
    return job;
}

Job *LocalEngine::set(const QString &nameOrId, const QStringList &arguments)
{
    return grant(nameOrId, arguments, std::nullopt);
}

Job *LocalEngine::grant(const QString &nameOrId, const QStringList &arguments, const Privileges &accepted)
{
    return grant(nameOrId, arguments, std::optional<Privileges>(accepted));
}

Job *LocalEngine::grant(const QString &nameOrId, const QStringList &arguments,
                        const std::optional<Privileges> &accepted)
{
    auto *job = new Job(tr("Set %1").arg(displayName(nameOrId)), this);
    runValueJob(job, [this, store = m_store, nameOrId, arguments, accepted](Job *) -> Result<QVariant> {
        auto changed = changeSettings(store, nameOrId, arguments, accepted);
        if (!changed)
            return changed.error();
        QMetaObject::invokeMethod(this, [this, id = *changed] { Q_EMIT pluginChanged(id); });
        return QVariant(nameOrId);
    });
    return job;
}

Status LocalEngine::applySettings(const QString &nameOrId, const QStringList &arguments,
                                  const std::optional<Privileges> &accepted)
{
    auto changed = changeSettings(m_store, nameOrId, arguments, accepted);
    if (!changed)
        return changed.error();
    Q_EMIT pluginChanged(*changed);
    return {};
}

Result<QString> LocalEngine::changeSettings(const Store &store, const QString &nameOrId, const QStringList &arguments,
                                            const std::optional<Privileges> &accepted)
{
    auto lock = StoreLock::acquire(store.root(), tr("change the settings of %1").arg(nameOrId));
    if (!lock)
        return lock.error();
    auto inventory = store.load();
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
        Plugin next = plugin;
        if (auto applied = next.settings.apply(next.config, arguments); !applied)
            return applied.error();
        if (auto refused = Privileges::refuseKernelMounts(next.settings.effectiveMounts(next.config), next.name());
            !refused)
            return refused.error();
        const Privileges effective = next.effectivePrivileges();
        if (accepted) {
            // As install: what the person approved must be exactly what the plugin will run with.
            if (!effective.sameAs(*accepted))
                return Error{ErrorCode::PermissionDenied, QStringLiteral("incorrect privileges")};
            next.approved = effective;
        } else if (const Privileges added = effective.notIn(plugin.approvedPrivileges()); !added.isEmpty()) {
            // A mount source or device path is a host privilege: changing it is approved like an install.
            return Error{ErrorCode::PermissionDenied,
                         tr("this setting gives %1 privileges that were not approved:\n%2\nApprove them with "
                            "plugdeskctl plugin set, which asks, or in the Settings tab of the window")
                             .arg(plugin.name(), added.promptLines().join(QLatin1Char('\n')))};
        }
        plugin = std::move(next);
    }
    crashPoint("set.checked");
    if (auto saved = store.save(plugins); !saved)
        return saved.error();
    crashPoint("set.saved");
    return found->id;
}

LocalEngine::~LocalEngine()
{
    // An install's worker waits for transfers that only this thread drives: stop them first, or the wait below
    // would never end.
    for (Job *job : findChildren<Job *>(Qt::FindDirectChildrenOnly)) {
        if (job->findChild<PluginInstaller *>())
            job->cancel();
    }
    // A worker deletes itself from its finished() slot, which never runs once this engine is gone: the workers of
    // the last jobs before the helper's idle exit leaked (LeakSanitizer, scripts/sanitize). Delete them here.
    for (QThread *worker : std::as_const(m_workers)) {
        worker->wait();
        delete worker;
    }
}

void LocalEngine::runJob(Job *job, std::function<Result<QString>(Job *)> work)
{
    runValueJob(job, [work = std::move(work)](Job *job) -> Result<QVariant> {
        auto result = work(job);
        if (!result)
            return result.error();
        return QVariant(*result);
    });
}

Job *LocalEngine::enable(const QString &nameOrId, int timeoutSeconds)
{
    auto *job = new Job(tr("Enable %1").arg(displayName(nameOrId)), this);
    const QString root = m_store.root();
    const QString runRoot = m_runRoot;
    runJob(job, [this, root, runRoot, nameOrId, timeoutSeconds](Job *job) -> Result<QString> {
        PluginRunner runner(root, runRoot);
        auto progress = [job](const QString &text) { job->reportProgress({QStringLiteral("enable"), {}, 0, 0, text}); };
        auto enabled = runner.enable(nameOrId, timeoutSeconds, progress, [job] { return job->isCancelRequested(); });
        if (enabled) {
            if (auto plugin = Store::find(m_store.load().valueOr({}).plugins, *enabled))
                QMetaObject::invokeMethod(this, [this, id = plugin->id] { Q_EMIT pluginChanged(id); });
        }
        return enabled;
    });
    return job;
}

Job *LocalEngine::start(const QString &nameOrId, int timeoutSeconds)
{
    auto *job = new Job(tr("Start %1").arg(displayName(nameOrId)), this);
    const QString root = m_store.root();
    const QString runRoot = m_runRoot;
    runJob(job, [this, root, runRoot, nameOrId, timeoutSeconds](Job *job) -> Result<QString> {
        PluginRunner runner(root, runRoot);
        auto progress = [job](const QString &text) { job->reportProgress({QStringLiteral("start"), {}, 0, 0, text}); };
        auto started = runner.start(nameOrId, timeoutSeconds, progress, [job] { return job->isCancelRequested(); });
        // Success or not, the state changed (running, or failed with its cause).
        if (auto plugin = Store::find(m_store.load().valueOr({}).plugins, nameOrId))
            QMetaObject::invokeMethod(this, [this, id = plugin->id] { Q_EMIT runtimeStateChanged(id); });
        return started;
    });
    return job;
}

Job *LocalEngine::disable(const QString &nameOrId, bool force)
{
    auto *job = new Job(tr("Disable %1").arg(displayName(nameOrId)), this);
    const QString root = m_store.root();
    const QString runRoot = m_runRoot;
    runJob(job, [this, root, runRoot, nameOrId, force](Job *) -> Result<QString> {
        // Volumes mounted through Plugdesk make a running plugin "in use" (docs/docker-compat.md §9). A plugin that
        // is not found, or is disabled with no monitor left, is the runner's to report.
        if (auto plugin = Store::find(m_store.load().valueOr({}).plugins, nameOrId);
            plugin && (plugin->enabled || MonitorLauncher::lockHolder(RunLayout(runRoot).lockPath(plugin->id)) != 0)) {
            if (auto free = VolumeService::checkDriverNotInUse(root, *plugin, force); !free)
                return free.error();
        }
        PluginRunner runner(root, runRoot);
        auto disabled = runner.disable(nameOrId);
        if (disabled) {
            if (auto plugin = Store::find(m_store.load().valueOr({}).plugins, *disabled))
                QMetaObject::invokeMethod(this, [this, id = plugin->id] { Q_EMIT pluginChanged(id); });
        }
        return disabled;
    });
    return job;
}

Job *LocalEngine::logs(const QString &nameOrId, int tail)
{
    auto lines = logTail(nameOrId, tail);
    auto *job = new Job(tr("Logs of %1").arg(displayName(nameOrId)), this);
    if (lines)
        job->finishWith(*lines);
    else
        job->failWith(lines.error());
    return job;
}

Result<QStringList> LocalEngine::logTail(const QString &nameOrId, int tail)
{
    auto found = plugin(nameOrId);
    if (!found)
        return found.error();
    return PluginRunner(m_store.root(), m_runRoot).logTail(*found, tail);
}

Result<QString> LocalEngine::logFile(const QString &nameOrId)
{
    auto found = plugin(nameOrId);
    if (!found)
        return found.error();
    return PluginRunner(m_store.root(), m_runRoot).logPath(*found);
}

Result<PluginRuntimeState> LocalEngine::runtimeState(const QString &nameOrId)
{
    auto found = plugin(nameOrId);
    if (!found)
        return found.error();
    return PluginRunner(m_store.root(), m_runRoot).runtimeState(*found);
}

QHash<QString, PluginRuntimeState> LocalEngine::runtimeStates(const QList<Plugin> &plugins)
{
    // The plugins as given: each runtimeState(id) would read the whole store again to find its plugin.
    return PluginRunner(m_store.root(), m_runRoot).runtimeStates(plugins);
}

Status LocalEngine::restore()
{
    return PluginRunner(m_store.root(), m_runRoot).restore();
}

Job *LocalEngine::create(const QString &name, const QString &folder)
{
    auto *job = new Job(tr("Create %1").arg(name), this);
    const Store store = m_store;
    runJob(job, [this, store, name, folder](Job *job) -> Result<QString> {
        auto plugin = createPlugin(store, name, folder, job);
        if (!plugin)
            return plugin.error();
        QMetaObject::invokeMethod(this, [this, id = plugin->id] { Q_EMIT pluginChanged(id); });
        return plugin->name();
    });
    return job;
}

Job *LocalEngine::createFrom(const QString &name, int fd, const QString &folder)
{
    auto *job = new Job(tr("Create %1").arg(name), this);
    const Store store = m_store;
    runJob(job, [this, store, name, fd, folder](Job *job) -> Result<QString> {
        auto plugin = createPluginFromContext(store, name, fd, folder, job);
        if (!plugin)
            return plugin.error();
        QMetaObject::invokeMethod(this, [this, id = plugin->id] { Q_EMIT pluginChanged(id); });
        return plugin->name();
    });
    return job;
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

void LocalEngine::connectNotify(const QMetaMethod &signal)
{
    if (signal == QMetaMethod::fromSignal(&Engine::runtimeStateChanged) && !m_runtimeWatcher)
        QMetaObject::invokeMethod(this, &LocalEngine::watchRuntime, Qt::QueuedConnection);
    Engine::connectNotify(signal);
}

void LocalEngine::watchRuntime()
{
    if (m_runtimeWatcher)
        return;
    m_runtimeWatcher = new QFileSystemWatcher(this);
    const QString stateRoot = m_runRoot + QStringLiteral("/state");
    // Each plugin's folder, plus the root for folders that come and go (a plugin first enabled, removed).
    auto rearm = [this, stateRoot] {
        if (QFileInfo(stateRoot).isDir() && !m_runtimeWatcher->directories().contains(stateRoot))
            m_runtimeWatcher->addPath(stateRoot);
        const QStringList ids = QDir(stateRoot).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QStringList missing;
        for (const QString &id : ids) {
            const QString folder = stateRoot + QLatin1Char('/') + id;
            if (!m_runtimeWatcher->directories().contains(folder))
                missing.append(folder);
        }
        if (!missing.isEmpty())
            m_runtimeWatcher->addPaths(missing);
    };
    rearm();
    connect(m_runtimeWatcher, &QFileSystemWatcher::directoryChanged, this,
            [this, stateRoot, rearm](const QString &path) {
                if (path == stateRoot) {
                    rearm();
                    return;
                }
                Q_EMIT runtimeStateChanged(QFileInfo(path).fileName());
            });
    // The run root may not exist before the first plugin is enabled: its creation shows up in pluginChanged.
    connect(this, &Engine::pluginChanged, m_runtimeWatcher, rearm);
}

RegistryClient *LocalEngine::registry()
{
    if (!m_registry)
        m_registry = new RegistryClient(this);
    return m_registry;
}

Job *LocalEngine::privileges(const QString &reference, const QStringList &settings)
{
    auto *job = readPrivileges(registry(), reference, settings, this);
    Q_EMIT jobStarted(job);
    return job;
}

Job *LocalEngine::tags(const QString &repository)
{
    return readTags(registry(), repository, this);
}

Job *LocalEngine::login(const QString &server, const QString &user, const QString &password)
{
    auto *job = loginToRegistry(server, AuthConfig{user, password, {}}, registry(), this);
    Q_EMIT jobStarted(job);
    return job;
}

Result<QStringList> LocalEngine::registryLogins()
{
    return savedRegistryLogins();
}

Job *LocalEngine::logout(const QString &server)
{
    return logoutOfRegistry(server, registry(), this);
}

Job *LocalEngine::push(const QString &name)
{
    return push(name, std::nullopt);
}

Job *LocalEngine::push(const QString &name, const std::optional<AuthConfig> &auth)
{
    auto *job = pushPlugin(registry(), m_store, name, auth, this);
    Q_EMIT jobStarted(job);
    return job;
}

Job *LocalEngine::remove(const QString &nameOrId, bool force)
{
    auto *job = new Job(tr("Remove %1").arg(displayName(nameOrId)), this);
    const Store store = m_store;
    const QString runRoot = m_runRoot;
    runJob(job, [this, store, runRoot, nameOrId, force](Job *) -> Result<QString> {
        auto removed = removePlugin(store, runRoot, nameOrId, force);
        if (!removed)
            return removed.error();
        QMetaObject::invokeMethod(this, [this, id = removed->id] { Q_EMIT pluginRemoved(id); });
        return removed->name();
    });
    return job;
}

void LocalEngine::runValueJob(Job *job, std::function<Result<QVariant>(Job *)> work)
{
    Q_EMIT jobStarted(job);
    // In the helper, the job speaks the language of the call that started it (CallLocale).
    QThread *worker = QThread::create([job, work = std::move(work), locale = CallLocale::capture()] {
        CallLocale::Scope language(locale);
        auto result = work(job);
        if (result)
            job->finishWith(*result);
        else
            job->failWith(result.error());
    });
    m_workers.append(worker);
    connect(worker, &QThread::finished, this, [this, worker] {
        m_workers.removeOne(worker);
        worker->deleteLater();
    });
    worker->start();
}

Result<QList<VolumeDriverInfo>> LocalEngine::volumeDrivers()
{
    return VolumeService(m_store.root(), m_runRoot).drivers();
}

namespace {

// A volume service whose waits end when the job is cancelled.
VolumeService volumeService(const QString &root, const QString &runRoot, Job *job)
{
    VolumeService service(root, runRoot);
    service.setCancelled([job] { return job->isCancelRequested(); });
    return service;
}

} // namespace

Job *LocalEngine::volumes(const QString &driver)
{
    auto *job = new Job(tr("List volumes"), this);
    runValueJob(job, [root = m_store.root(), runRoot = m_runRoot, driver](Job *job) -> Result<QVariant> {
        auto list = volumeService(root, runRoot, job).list(driver);
        if (!list)
            return list.error();
        return list->toVariant();
    });
    return job;
}

Job *LocalEngine::inspectVolume(const QString &name)
{
    auto *job = new Job(tr("Inspect volume %1").arg(name), this);
    runValueJob(job, [root = m_store.root(), runRoot = m_runRoot, name](Job *job) -> Result<QVariant> {
        auto volume = volumeService(root, runRoot, job).inspect(name);
        if (!volume)
            return volume.error();
        return QVariant(volume->toJson().toVariantMap());
    });
    return job;
}

Job *LocalEngine::createVolume(const QString &driver, const QString &name, const QMap<QString, QString> &options)
{
    auto *job = new Job(tr("Create volume %1").arg(name), this);
    runValueJob(job, [root = m_store.root(), runRoot = m_runRoot, driver, name, options](Job *job) -> Result<QVariant> {
        auto volume = volumeService(root, runRoot, job).create(driver, name, options);
        if (!volume)
            return volume.error();
        return QVariant(volume->toJson().toVariantMap());
    });
    connect(job, &Job::finished, this, [this, job] {
        if (job->succeeded())
            Q_EMIT volumesChanged();
    });
    return job;
}

Job *LocalEngine::removeVolume(const QString &name, bool force)
{
    auto *job = new Job(tr("Remove volume %1").arg(name), this);
    runValueJob(job, [root = m_store.root(), runRoot = m_runRoot, name, force](Job *job) -> Result<QVariant> {
        if (auto removed = volumeService(root, runRoot, job).remove(name, force); !removed)
            return removed.error();
        return QVariant(name);
    });
    connect(job, &Job::finished, this, [this, job] {
        if (job->succeeded())
            Q_EMIT volumesChanged();
    });
    return job;
}

Job *LocalEngine::install(const QString &reference, const Privileges &accepted, const InstallOptions &options)
{
    return installUsing(registry(), reference, accepted, options);
}

Job *LocalEngine::upgrade(const QString &nameOrId, const QString &reference, const Privileges &accepted)
{
    return upgradeUsing(registry(), nameOrId, reference, accepted);
}

Job *LocalEngine::installUsing(RegistryClient *client, const QString &reference, const Privileges &accepted,
                               const InstallOptions &options)
{
    return startInstaller(client, tr("Install %1").arg(reference), reference, accepted, options, QString());
}

Job *LocalEngine::upgradeUsing(RegistryClient *client, const QString &nameOrId, const QString &reference,
                               const Privileges &accepted)
{
    return startInstaller(client, tr("Upgrade %1").arg(displayName(nameOrId)), reference, accepted, {}, nameOrId);
}

Job *LocalEngine::startInstaller(RegistryClient *client, const QString &title, const QString &reference,
                                 const Privileges &accepted, const InstallOptions &options, const QString &upgrade)
{
    auto *job = new Job(title, this);
    auto *installer = new PluginInstaller(
        client, m_store, PluginInstaller::Request{reference, accepted, options, upgrade, m_runRoot}, job);
    if (Status started = installer->start(); !started) {
        Q_EMIT jobStarted(job);
        delete installer;
        job->failWith(started.error());
        return job;
    }
    const QString name = installer->localName();
    runJob(job, [this, state = installer->state(), name](Job *job) -> Result<QString> {
        auto result = PluginInstaller::work(state, job);
        // An install whose enable failed still added the plugin: say so too.
        if (auto plugin = Store::find(m_store.load().valueOr({}).plugins, name))
            QMetaObject::invokeMethod(this, [this, id = plugin->id] { Q_EMIT pluginChanged(id); });
        return result;
    });
    return job;
}

Job *LocalEngine::exportPlugin(const QString &nameOrId, const QString &file)
{
    auto *job = new Job(tr("Export %1").arg(displayName(nameOrId)), this);
    const QString target = file.isEmpty() ? file : QFileInfo(file).absoluteFilePath();
    runValueJob(job, [store = m_store, nameOrId, target](Job *job) -> Result<QVariant> {
        auto exported = exportPluginToFile(store, nameOrId, target, job);
        if (!exported)
            return exported.error();
        return QVariant(*exported);
    });
    return job;
}

Job *LocalEngine::exportPluginTo(const QString &nameOrId, int fd, const QString &name)
{
    auto *job = new Job(tr("Export %1").arg(displayName(nameOrId)), this);
    runValueJob(job, [store = m_store, nameOrId, fd, name](Job *job) -> Result<QVariant> {
        QFile device;
        if (!device.open(fd, QIODevice::WriteOnly, QFileDevice::AutoCloseHandle)) {
            ::close(fd);
            return Error{ErrorCode::Io, tr("cannot write %1: %2").arg(name, device.errorString())};
        }
        auto exported = core::exportPlugin(store, nameOrId, &device, name, job);
        if (!exported)
            return exported.error();
        if (::fsync(device.handle()) != 0)
            return Error{ErrorCode::Io, tr("cannot write %1: %2").arg(name, QString::fromLocal8Bit(strerror(errno)))};
        return QVariant(*exported);
    });
    return job;
}

Job *LocalEngine::bundlePrivileges(const QString &file)
{
    Job *job = readBundleInfoJob(file, this);
    Q_EMIT jobStarted(job);
    return job;
}

Job *LocalEngine::importPlugin(const QString &file, const Privileges &accepted, const InstallOptions &options)
{
    const QString source = file.isEmpty() ? file : QFileInfo(file).absoluteFilePath();
    auto *job = new Job(tr("Import %1").arg(file), this);
    runJob(job, [this, source, accepted, options](Job *job) -> Result<QString> {
        if (!QFileInfo(source).isFile())
            return Error{ErrorCode::NotFound, tr("cannot import %1: no such file").arg(source)};
        QFile device(source);
        if (!device.open(QIODevice::ReadOnly))
            return Error{ErrorCode::PermissionDenied, tr("cannot import %1: %2").arg(source, device.errorString())};
        return importAndReport(&device, source, accepted, options, job);
    });
    return job;
}

Job *LocalEngine::importPluginFrom(int fd, const QString &name, const Privileges &accepted,
                                   const InstallOptions &options)
{
    auto *job = new Job(tr("Import %1").arg(name), this);
    runJob(job, [this, fd, name, accepted, options](Job *job) -> Result<QString> {
        QFile device;
        if (!device.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
            ::close(fd);
            return Error{ErrorCode::Io, tr("cannot import %1: %2").arg(name, device.errorString())};
        }
        return importAndReport(&device, name, accepted, options, job);
    });
    return job;
}

Result<QString> LocalEngine::importAndReport(QIODevice *device, const QString &source, const Privileges &accepted,
                                             const InstallOptions &options, Job *job)
{
    QString added;
    auto imported = core::importPlugin(m_store, device, source, accepted, options, m_runRoot, job, &added);
    // An import whose enable failed still added the plugin: say so too.
    if (!added.isEmpty())
        QMetaObject::invokeMethod(this, [this, added] { Q_EMIT pluginChanged(added); });
    return imported;
}

Job *LocalEngine::mountVolume(const QString &name)
{
    auto *job = new Job(tr("Mount volume %1").arg(name), this);
    runValueJob(job, [root = m_store.root(), runRoot = m_runRoot, name](Job *job) -> Result<QVariant> {
        auto volume = volumeService(root, runRoot, job).mount(name);
        if (!volume)
            return volume.error();
        return QVariant(volume->toJson().toVariantMap());
    });
    connect(job, &Job::finished, this, [this, job] {
        if (job->succeeded())
            Q_EMIT volumesChanged();
    });
    return job;
}

Job *LocalEngine::unmountVolume(const QString &name)
{
    auto *job = new Job(tr("Unmount volume %1").arg(name), this);
    runValueJob(job, [root = m_store.root(), runRoot = m_runRoot, name](Job *job) -> Result<QVariant> {
        auto volume = volumeService(root, runRoot, job).unmount(name);
        if (!volume)
            return volume.error();
        return QVariant(volume->toJson().toVariantMap());
    });
    connect(job, &Job::finished, this, [this, job] {
        if (job->succeeded())
            Q_EMIT volumesChanged();
    });
    return job;
}

} // namespace core
