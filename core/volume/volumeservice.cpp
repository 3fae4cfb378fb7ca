#include "core/volume/volumeservice.h"

#include "core/base/atomicfile.h"
#include "core/base/calllocale.h"
#include "core/runtime/pluginrunner.h"
#include "core/runtime/runlayout.h"
#include "core/runtime/volumebind.h"
#include "core/store/store.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <algorithm>
#include <thread>
#include <vector>

namespace core {

namespace {

bool isVolumeDriver(const Plugin &plugin)
{
    for (const QString &type : plugin.config.interfaceTypes) {
        if (type.startsWith(QLatin1String("docker.volumedriver")))
            return true;
    }
    return false;
}

// Runs `work` for every driver on a thread of its own and returns the results in the drivers' order.
template<typename T>
QList<T> forEachInParallel(const QList<VolumeDriverInfo> &drivers,
                           const std::function<T(const VolumeDriverInfo &)> &work)
{
    std::vector<std::optional<T>> results(drivers.size());
    std::vector<std::thread> threads;
    threads.reserve(drivers.size());
    for (qsizetype index = 0; index < drivers.size(); ++index)
        threads.emplace_back([&, index, locale = CallLocale::capture()] {
            CallLocale::Scope language(locale); // a driver's error in the caller's language (helper)
            results[index] = work(drivers.at(index));
        });
    for (std::thread &thread : threads)
        thread.join();
    QList<T> ordered;
    for (auto &result : results)
        ordered.append(std::move(*result));
    return ordered;
}

QString secondsText(int ms)
{
    return ms % 1000 == 0 ? QString::number(ms / 1000) : QString::number(ms / 1000.0, 'f', 1);
}

} // namespace

VolumeService::Options VolumeService::defaultOptions()
{
    Options options;
    bool ok = false;
    const int listMs = qEnvironmentVariableIntValue("PLUGDESK_VOLUME_LIST_TIMEOUT_MS", &ok);
    if (ok && listMs > 0)
        options.perDriverTimeoutMs = listMs;
    return options;
}

VolumeService::VolumeService(QString storeRoot, QString runRoot, Options options)
    : m_storeRoot(std::move(storeRoot))
    , m_runRoot(std::move(runRoot))
    , m_options(options)
    , m_records(m_storeRoot)
{}

QString VolumeService::generateName()
{
    QString name;
    for (int i = 0; i < 8; ++i)
        name += QStringLiteral("%1").arg(QRandomGenerator::system()->generate(), 8, 16, QLatin1Char('0'));
    return name;
}

VolumeDriverClient VolumeService::client(const VolumeDriverInfo &driver) const
{
    VolumeDriverClient client(driver.socketPath, m_options.timeouts);
    client.setCancelled(m_cancelled);
    return client;
}

// For calls made to every driver at once: none may hold the others longer than the per-driver time-out.
VolumeDriverClient VolumeService::boundedClient(const VolumeDriverInfo &driver) const
{
    VolumeDriverClient::Timeouts timeouts = m_options.timeouts;
    timeouts.otherMs = m_options.perDriverTimeoutMs;
    timeouts.retryBudgetMs = qMin(timeouts.retryBudgetMs, m_options.perDriverTimeoutMs);
    VolumeDriverClient client(driver.socketPath, timeouts);
    client.setCancelled(m_cancelled);
    return client;
}

std::optional<QString> VolumeService::notRunningReason(const PluginRuntimeState &state)
{
    if (state.status == PluginRuntimeState::Status::Running && state.monitorAlive)
        return std::nullopt;
    // The plugin state's own words (PluginRuntimeState::cause: the start check's refusal, the recorded failure, "it
    // was not started"), translated; else the phase ("restarting (attempt 2, next try in 3 s)").
    QString cause = PluginRuntimeState::cause(true, state).trimmed();
    if (cause.isEmpty() && state.status == PluginRuntimeState::Status::Running)
        cause = tr("its monitor is not alive");
    if (cause.isEmpty())
        cause = PluginRuntimeState::phaseText(true, state);
    // One line: a message may carry a log tail.
    cause = cause.section(QLatin1Char('\n'), 0, 0).trimmed();
    return tr("not running: %1").arg(cause);
}

Result<QList<VolumeService::DriverState>> VolumeService::driverStates()
{
    const Store store(m_storeRoot);
    auto inventory = store.load();
    if (!inventory)
        return inventory.error();
    const RunLayout layout(m_runRoot);
    const PluginRunner runner(m_storeRoot, m_runRoot);
    QList<DriverState> drivers;
    for (const Plugin &plugin : inventory->plugins) {
        if (!plugin.enabled || !isVolumeDriver(plugin))
            continue;
        DriverState state;
        VolumeDriverInfo &info = state.info;
        info.name = plugin.name();
        info.pluginId = plugin.id;
        info.socketPath = layout.socketPath(plugin.id, plugin.config.interfaceSocket);
        info.propagatedMount = plugin.config.propagatedMount;
        info.hostPropagatedMount =
            QFileInfo(store.pluginDir(plugin.id) + QStringLiteral("/propagated-mount")).absoluteFilePath();
        info.rootfs = QFileInfo(store.rootfsDir(plugin.id)).absoluteFilePath();
        auto runtime = runner.runtimeState(plugin);
        if (runtime)
            state.notRunning = notRunningReason(*runtime);
        else
            state.notRunning = tr("not running: %1").arg(runtime.error().message);
        drivers.append(state);
    }
    // The scope is asked once per enable (enable removes the cache file); all unknown ones of the running drivers in
    // parallel.
    QList<VolumeDriverInfo> unknown;
    for (DriverState &driver : drivers) {
        QFile cache(layout.stateDir(driver.info.pluginId) + QStringLiteral("/capabilities.json"));
        if (cache.open(QIODevice::ReadOnly)) {
            const QString scope =
                QJsonDocument::fromJson(cache.readAll()).object().value(QStringLiteral("Scope")).toString();
            if (!scope.isEmpty()) {
                driver.info.scope = scope;
                continue;
            }
        }
        if (!driver.notRunning)
            unknown.append(driver.info);
    }
    const QList<QString> scopes = forEachInParallel<QString>(
        unknown, [this](const VolumeDriverInfo &driver) { return boundedClient(driver).capabilities(); });
    for (qsizetype index = 0; index < unknown.size(); ++index) {
        const QString &id = unknown.at(index).pluginId;
        for (DriverState &driver : drivers) {
            if (driver.info.pluginId == id)
                driver.info.scope = scopes.at(index);
        }
        if (QFileInfo(layout.stateDir(id)).isDir())
            (void)AtomicFile::write(layout.stateDir(id) + QStringLiteral("/capabilities.json"),
                                    QJsonDocument(QJsonObject{{QStringLiteral("Scope"), scopes.at(index)}}).toJson(),
                                    0644);
    }
    return drivers;
}

Result<QList<VolumeDriverInfo>> VolumeService::drivers()
{
    auto states = driverStates();
    if (!states)
        return states.error();
    QList<VolumeDriverInfo> drivers;
    for (const DriverState &state : *states)
        drivers.append(state.info);
    return drivers;
}

Result<VolumeDriverInfo> VolumeService::driverNamed(const QString &name)
{
    const QString context = tr("error looking up volume plugin %1").arg(name);
    auto inventory = Store(m_storeRoot).load();
    if (!inventory)
        return inventory.error();
    auto plugin = Store::find(inventory->plugins, name);
    if (!plugin)
        return Error{plugin.error().code, context + QStringLiteral(": ") + plugin.error().message};
    if (!isVolumeDriver(*plugin))
        return Error{ErrorCode::InvalidArgument,
                     context + QStringLiteral(": ") +
                         tr("plugin %1 does not implement docker.volumedriver").arg(plugin->name())};
    if (!plugin->enabled)
        return Error{ErrorCode::Conflict,
                     context + QStringLiteral(": ") + tr("plugin %1 found but disabled").arg(plugin->name())};
    auto all = driverStates();
    if (!all)
        return all.error();
    for (const DriverState &driver : *all) {
        if (driver.info.pluginId != plugin->id)
            continue;
        if (driver.notRunning)
            return Error{ErrorCode::Conflict, context + QStringLiteral(": ") +
                                                  tr("plugin %1 is %2").arg(plugin->name(), *driver.notRunning)};
        return driver.info;
    }
    return Error{ErrorCode::Internal, context};
}

Result<Volume> VolumeService::completed(Volume volume, const VolumeDriverInfo &driver,
                                        const VolumeRecords::Data &records) const
{
    volume.driver = driver.name;
    volume.pluginId = driver.pluginId;
    volume.scope = driver.scope;
    auto host = driver.resolveHostPath(volume.mountpoint);
    if (!host)
        return host.error();
    volume.hostMountpoint = *host;
    if (auto created = records.createdNamed(volume.name); created && created->pluginId == driver.pluginId)
        volume.options = created->options;
    volume.mounts = int(records.mountsOf(volume.name).size());
    return volume;
}

Result<VolumeList> VolumeService::list(const QString &driver)
{
    QList<VolumeDriverInfo> drivers;
    VolumeList result;
    auto all = driverStates();
    if (!all)
        return all.error();
    if (!driver.isEmpty()) {
        // Looked up as driverNamed does (names, ids, errors), but a driver that is not running is its row's error,
        // not the call's.
        auto inventory = Store(m_storeRoot).load();
        if (!inventory)
            return inventory.error();
        auto plugin = Store::find(inventory->plugins, driver);
        if (!plugin)
            return driverNamed(driver).error();
        const auto named = std::find_if(all->cbegin(), all->cend(), [&plugin](const DriverState &state) {
            return state.info.pluginId == plugin->id;
        });
        if (named == all->cend())
            return driverNamed(driver).error();
        *all = {*named};
    }
    for (const DriverState &state : std::as_const(*all)) {
        if (state.notRunning)
            result.errors.append({state.info.name, Error{ErrorCode::Conflict, *state.notRunning}});
        else
            drivers.append(state.info);
    }
    using Answer = Result<QList<Volume>>;
    const QList<Answer> answers = forEachInParallel<Answer>(
        drivers, [this](const VolumeDriverInfo &info) -> Answer { return boundedClient(info).list(); });
    const VolumeRecords::Data records = m_records.load().valueOr({});
    for (qsizetype index = 0; index < drivers.size(); ++index) {
        const Answer &answer = answers.at(index);
        if (!answer) {
            Error error = answer.error();
            if (error.code == ErrorCode::Timeout)
                error.message = tr("timed out after %1 s").arg(secondsText(m_options.perDriverTimeoutMs));
            result.errors.append({drivers.at(index).name, error});
            continue;
        }
        for (const Volume &volume : *answer) {
            // A volume whose mountpoint leaves the plugin's folders is not listed; its driver's error says why.
            auto completedVolume = completed(volume, drivers.at(index), records);
            if (completedVolume)
                result.volumes.append(*completedVolume);
            else
                result.errors.append({drivers.at(index).name, completedVolume.error()});
        }
    }
    return result;
}

Result<VolumeService::Found> VolumeService::find(const QString &name)
{
    auto all = driverStates();
    if (!all)
        return all.error();
    const VolumeRecords::Data records = m_records.load().valueOr({});
    // As Docker's volume store: the driver recorded for the name is the one asked (one call); only a name it does
    // not know is looked for on the other drivers, and never on one that is not running.
    QString hint;
    if (auto created = records.createdNamed(name))
        hint = created->pluginId;
    else if (const auto mounts = records.mountsOf(name); !mounts.isEmpty())
        hint = mounts.constLast().pluginId;
    QList<VolumeDriverInfo> running;
    for (const DriverState &driver : std::as_const(*all)) {
        if (driver.info.pluginId == hint) {
            if (driver.notRunning)
                return Error{
                    ErrorCode::Conflict,
                    tr("volume %1 belongs to driver %2, which is %3").arg(name, driver.info.name, *driver.notRunning)};
            auto got = client(driver.info).get(name);
            if (!got)
                return Error{got.error().code, tr("get %1: VolumeDriver.Get: %2").arg(name, got.error().message)};
            if (*got) {
                auto volume = completed(**got, driver.info, records);
                if (!volume)
                    return volume.error();
                return Found{driver.info, *volume};
            }
            continue; // gone from its driver: maybe another one has it now
        }
        if (!driver.notRunning)
            running.append(driver.info);
    }
    using Answer = Result<std::optional<Volume>>;
    const QList<Answer> answers = forEachInParallel<Answer>(
        running, [this, &name](const VolumeDriverInfo &driver) -> Answer { return boundedClient(driver).get(name); });
    for (qsizetype index = 0; index < running.size(); ++index) {
        const Answer &answer = answers.at(index);
        if (answer && *answer) {
            auto volume = completed(**answer, running.at(index), records);
            if (!volume)
                return volume.error();
            return Found{running.at(index), *volume};
        }
    }
    return Error{ErrorCode::NotFound, tr("get %1: no such volume").arg(name)};
}

Result<Volume> VolumeService::inspect(const QString &name)
{
    auto found = find(name);
    if (!found)
        return found.error();
    return found->volume;
}

Result<Volume> VolumeService::create(const QString &driverName, const QString &requestedName,
                                     const QMap<QString, QString> &options)
{
    const QString name = requestedName.isEmpty() ? generateName() : requestedName;
    auto driver = driverNamed(driverName.isEmpty() ? QStringLiteral("local") : driverName);
    if (!driver)
        return driver.error();
    // Docker's volume store keeps names unique across drivers; a create on the same driver goes to the plugin,
    // which answers for itself.
    // Docker checks the names it recorded, and asks only the driver recorded for the name whether it still has it
    // (moby volume/service/store.go checkConflict): a create never waits on the other drivers.
    if (!requestedName.isEmpty()) {
        const VolumeRecords::Data known = m_records.load().valueOr({});
        QString recordedId;
        if (auto created = known.createdNamed(name))
            recordedId = created->pluginId;
        else if (const auto mounts = known.mountsOf(name); !mounts.isEmpty())
            recordedId = mounts.constLast().pluginId;
        if (!recordedId.isEmpty() && recordedId != driver->pluginId) {
            auto existing = find(name);
            if (existing && existing->driver.pluginId != driver->pluginId)
                return Error{ErrorCode::Conflict,
                             tr("create %1: driver '%2' already has volume '%1': volume name must be unique")
                                 .arg(name, existing->driver.name)};
            if (!existing && existing.error().code != ErrorCode::NotFound)
                return Error{
                    existing.error().code,
                    tr("create %1: cannot check that the name is unique: %2").arg(name, existing.error().message)};
        }
    }
    if (auto created = client(*driver).create(name, options); !created)
        return Error{created.error().code, tr("create %1: VolumeDriver.Create: %2").arg(name, created.error().message)};
    const VolumeRecords::Created record{name, driver->pluginId, driver->name, options};
    if (auto saved = m_records.update(tr("record volume %1").arg(name),
                                      [&record](VolumeRecords::Data &data) {
                                          data.created.removeIf([&record](const VolumeRecords::Created &entry) {
                                              return entry.name == record.name;
                                          });
                                          data.created.append(record);
                                      });
        !saved)
        return saved.error();
    const VolumeRecords::Data records = m_records.load().valueOr({});
    auto got = client(*driver).get(name);
    Volume volume;
    volume.name = name;
    if (got && *got)
        volume = **got;
    return completed(volume, *driver, records);
}

Status VolumeService::remove(const QString &name, bool force)
{
    auto found = find(name);
    if (!found) {
        if (force && found.error().code == ErrorCode::NotFound)
            return {};
        return found.error();
    }
    auto records = m_records.load();
    if (!records)
        return records.error();
    const QList<VolumeRecords::Mount> mounts = records->mountsOf(name);
    if (!mounts.isEmpty()) {
        if (!force) {
            QStringList ids;
            for (const VolumeRecords::Mount &mount : mounts)
                ids.append(mount.id.left(12));
            return Error{ErrorCode::InUse,
                         tr("remove %1: volume is in use - [%2]").arg(name, ids.join(QStringLiteral(", ")))};
        }
        for (qsizetype i = 0; i < mounts.size(); ++i) {
            if (auto unmounted = unmount(name); !unmounted)
                return unmounted.error();
        }
    }
    if (auto removed = client(found->driver).remove(name); !removed)
        return Error{removed.error().code, tr("remove %1: VolumeDriver.Remove: %2").arg(name, removed.error().message)};
    return m_records.update(tr("forget volume %1").arg(name), [&name](VolumeRecords::Data &data) {
        data.created.removeIf([&name](const VolumeRecords::Created &entry) { return entry.name == name; });
        data.mounts.removeIf([&name](const VolumeRecords::Mount &mount) { return mount.name == name; });
    });
}

Result<Volume> VolumeService::mount(const QString &name)
{
    auto found = find(name);
    if (!found)
        return found.error();
    const QString id = generateName();
    auto mountpoint = client(found->driver).mount(name, id);
    if (!mountpoint)
        return Error{mountpoint.error().code,
                     tr("mount %1: VolumeDriver.Mount: %2").arg(name, mountpoint.error().message)};
    // What a person is handed is a bind of the folder that was checked: the plugin cannot point it elsewhere later.
    const QString bindRoot = RunLayout(m_runRoot).bindDir(found->driver.pluginId);
    auto hostMountpoint = VolumeBind::bind(found->driver, *mountpoint, bindRoot, name, id);
    if (!hostMountpoint) {
        // Nobody will use that mount: end it at the driver, and record nothing.
        (void)client(found->driver).unmount(name, id);
        return Error{hostMountpoint.error().code,
                     tr("mount %1: VolumeDriver.Mount: %2").arg(name, hostMountpoint.error().message)};
    }
    const VolumeRecords::Mount record{id,
                                      name,
                                      found->driver.pluginId,
                                      found->driver.name,
                                      *mountpoint,
                                      *hostMountpoint,
                                      QDateTime::currentDateTimeUtc().toString(Qt::ISODate)};
    auto saved = m_records.update(tr("record the mount of volume %1").arg(name),
                                  [&record](VolumeRecords::Data &data) { data.mounts.append(record); });
    if (!saved) {
        // Not recorded means not accounted: undo it rather than leave a mount nobody counts.
        VolumeBind::release(bindRoot, *hostMountpoint);
        (void)client(found->driver).unmount(name, id);
        return saved.error();
    }
    Volume volume = found->volume;
    volume.mountpoint = record.mountpoint;
    volume.hostMountpoint = record.hostMountpoint;
    volume.mounts += 1;
    return volume;
}

Result<Volume> VolumeService::unmount(const QString &name)
{
    auto records = m_records.load();
    if (!records)
        return records.error();
    const QList<VolumeRecords::Mount> mounts = records->mountsOf(name);
    if (mounts.isEmpty())
        return Error{ErrorCode::Conflict, tr("volume %1 is not mounted through Plugdesk").arg(name)};
    const VolumeRecords::Mount &mount = mounts.constLast();
    auto all = drivers();
    if (!all)
        return all.error();
    std::optional<VolumeDriverInfo> driver;
    for (const VolumeDriverInfo &info : *all) {
        if (info.pluginId == mount.pluginId)
            driver = info;
    }
    if (!driver)
        return Error{ErrorCode::Conflict, tr("unmount %1: the driver %2 is not enabled").arg(name, mount.driver)};
    VolumeBind::release(RunLayout(m_runRoot).bindDir(driver->pluginId), mount.hostMountpoint);
    if (auto unmounted = client(*driver).unmount(name, mount.id); !unmounted)
        return Error{unmounted.error().code,
                     tr("unmount %1: VolumeDriver.Unmount: %2").arg(name, unmounted.error().message)};
    if (auto saved = m_records.update(tr("record the unmount of volume %1").arg(name),
                                      [&mount](VolumeRecords::Data &data) {
                                          data.mounts.removeIf(
                                              [&mount](const VolumeRecords::Mount &m) { return m.id == mount.id; });
                                      });
        !saved)
        return saved.error();
    Volume volume;
    volume.name = name;
    volume.driver = driver->name;
    volume.pluginId = driver->pluginId;
    volume.scope = driver->scope;
    volume.mountpoint = mount.mountpoint;
    volume.hostMountpoint = mount.hostMountpoint;
    volume.mounts = int(mounts.size()) - 1;
    return volume;
}

Status VolumeService::checkDriverNotInUse(const QString &storeRoot, const Plugin &plugin, bool force)
{
    const VolumeRecords records(storeRoot);
    auto data = records.load();
    if (!data)
        return data.error();
    const QList<VolumeRecords::Mount> mounts = data->mountsByPlugin(plugin.id);
    if (mounts.isEmpty())
        return {};
    if (!force) {
        QStringList names;
        for (const VolumeRecords::Mount &mount : mounts) {
            if (!names.contains(mount.name))
                names.append(mount.name);
        }
        return Error{ErrorCode::InUse, tr("plugin %1 is in use: volumes mounted through Plugdesk: %2; unmount them or "
                                          "use --force")
                                           .arg(plugin.name(), names.join(QStringLiteral(", ")))};
    }
    // Forced: the plugin stops and its mounts with it; counting them any longer would block the next disable.
    return records.update(tr("forget the mounts of plugin %1").arg(plugin.name()), [&plugin](VolumeRecords::Data &d) {
        d.mounts.removeIf([&plugin](const VolumeRecords::Mount &mount) { return mount.pluginId == plugin.id; });
    });
}

} // namespace core
