#pragma once

#include "core/base/result.h"
#include "core/plugin/plugin.h"
#include "core/plugin/pluginruntimestate.h"
#include "core/volume/volume.h"
#include "core/volume/volumedriverclient.h"
#include "core/volume/volumerecords.h"

#include <QCoreApplication>
#include <QMap>
#include <QString>
#include <functional>

namespace core {

// Limits of VolumeService.
struct VolumeServiceOptions
{
    int perDriverTimeoutMs = 10000; // List (and lookups across drivers) per driver, in parallel
    VolumeDriverClient::Timeouts timeouts;
};

// The volume verbs of an engine, blocking (LocalEngine runs them on its job workers): finds the enabled volume
// drivers, talks to them with VolumeDriverClient, keeps names unique across drivers as Docker's volume store does,
// maps mountpoints to host paths, and keeps VolumeRecords (created options, mounts in use). Never holds the store
// lock while waiting for a plugin. Owns no thread beyond the ones a call starts and joins.
class VolumeService final
{
    Q_DECLARE_TR_FUNCTIONS(VolumeService)

public:
    using Options = VolumeServiceOptions;
    // Defaults, with PLUGDESK_VOLUME_LIST_TIMEOUT_MS overriding the per-driver time-out.
    static Options defaultOptions();

    VolumeService(QString storeRoot, QString runRoot, Options options = defaultOptions());

    void setCancelled(std::function<bool()> cancelled) { m_cancelled = std::move(cancelled); }

    // Enabled plugins whose types include docker.volumedriver, with their scope (asked once per enable, then read
    // from <run>/state/<id>/capabilities.json; a driver that is not running is not asked and reads "local").
    Result<QList<VolumeDriverInfo>> drivers();
    // The same drivers with whether each can be asked: nullopt when its plugin runs (runtime state Running with a
    // live monitor), else why not ("not running: <cause>"). A driver that is not running is never asked anything:
    // it could only make the caller wait for its time-out.
    struct DriverState
    {
        VolumeDriverInfo info;
        std::optional<QString> notRunning;
    };
    Result<QList<DriverState>> driverStates();
    // "not running: <cause>" for a plugin whose runtime state is not Running or whose monitor is not alive, nullopt
    // when it runs. The cause is the state's message, else its status name.
    static std::optional<QString> notRunningReason(const PluginRuntimeState &state);
    // Every running driver (or the one named) asked in parallel, each within the per-driver time-out: what answered,
    // plus one error per driver that failed, timed out (Timeout) or is not running (Conflict, not asked).
    Result<VolumeList> list(const QString &driver = {});
    Result<Volume> inspect(const QString &name);
    // An empty name gets a generated one (64 hex). A name that another driver has is refused.
    Result<Volume> create(const QString &driver, const QString &name, const QMap<QString, QString> &options);
    // A volume mounted through Plugdesk is refused without `force`; with it, it is unmounted first. `force` also
    // makes a missing volume no error.
    Status remove(const QString &name, bool force);
    // Mount with a new id, recorded in VolumeRecords; the result carries both mountpoints.
    Result<Volume> mount(const QString &name);
    // Unmounts the latest mount made through Plugdesk.
    Result<Volume> unmount(const QString &name);

    // For disable and remove of a plugin (docs/docker-compat.md §9): refused with InUse naming the volumes mounted
    // through it, unless `force`, in which case those mount records are dropped (the plugin's mounts go with it).
    static Status checkDriverNotInUse(const QString &storeRoot, const Plugin &plugin, bool force);
    static QString generateName();

private:
    struct Found
    {
        VolumeDriverInfo driver;
        Volume volume;
    };
    // The driver Plugdesk recorded for `name` is asked first (and only: when it is not running, that is the
    // error); a name not recorded is looked for on the running drivers only.
    Result<Found> find(const QString &name);
    // An enabled volume driver by name; Conflict "... is not running: <cause>" unless its plugin runs.
    Result<VolumeDriverInfo> driverNamed(const QString &name);
    VolumeDriverClient client(const VolumeDriverInfo &driver) const;
    VolumeDriverClient boundedClient(const VolumeDriverInfo &driver) const;
    Result<Volume> completed(Volume volume, const VolumeDriverInfo &driver, const VolumeRecords::Data &records) const;

    QString m_storeRoot;
    QString m_runRoot;
    Options m_options;
    VolumeRecords m_records;
    std::function<bool()> m_cancelled;
};

} // namespace core
