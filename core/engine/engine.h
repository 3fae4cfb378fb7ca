#pragma once

#include "core/base/job.h"
#include "core/base/result.h"
#include "core/plugin/plugin.h"
#include "core/plugin/pluginruntimestate.h"
#include "core/plugin/privileges.h"
#include "core/volume/volume.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <optional>

namespace core {

// The plugins an engine knows, plus one error per inventory entry it could not read (so that a broken
// entry is shown, never silently dropped).
struct PluginList
{
    QList<Plugin> plugins;
    QList<Error> problems;

    // By name, full name, name without tag, or unique id prefix (docs/docker-compat.md §1.2); a broken entry
    // that matches by id or name is reported as the problem it is, not as "not found".
    Result<Plugin> find(const QString &nameOrId) const;
};

// What `plugin install` takes besides the reference and the accepted privileges (docs/docker-compat.md §1.1, §1.4).
struct InstallOptions
{
    QString alias;        // the local name instead of the reference's (":latest" added); no digest
    bool disable = false; // leave the plugin disabled instead of enabling it
    QStringList settings; // KEY=VALUE with `set` rules, applied before the plugin is first enabled
};

// What `plugin import` shows a person before anything is written (Engine::bundlePrivileges): which plugin a bundle
// holds and what it asks for, read from the bundle's header, manifest and config only.
struct BundleInfo
{
    QString name;            // the exported plugin's local name, "acme/vol:latest": the name it gets without alias
    QString pluginReference; // where it came from; may be empty
    QString manifestDigest;  // "sha256:..."
    PluginConfig config;
    Privileges privileges; // docs/docker-compat.md §3, from the config
};

// The seam (docs/architecture.md §3): every operation a person can ask for. The window and plugdeskctl use nothing
// else. Cheap queries answer directly; long operations return a Job. Implementations: LocalEngine (in-process,
// owns the store), and HelperEngine (D-Bus proxy to plugdesk-helper).
// Verbs are added here as they are implemented end to end; none is declared before it works.
class Engine : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~Engine() override = default;

    // Where this engine keeps its state, for display ("/var/lib/plugdesk", "helper on the system bus").
    virtual QString location() const = 0;

    // Whether the reads below (plugins, plugin, runtimeState, volumeDrivers) can answer. They never wait: a local
    // engine reads its files (Ready at once); the helper's client answers from what the helper last sent, so it is
    // Loading until the first answer came and Failed when the helper refused or could not be reached (readError()
    // says why; ErrorCode::AuthorizationRequired when only a password is missing). Changes are pushed: the engine
    // emits pluginChanged/pluginRemoved/pluginsReloaded, runtimeStateChanged and volumesChanged as they happen,
    // so a window never polls.
    enum class Readiness { Loading, Ready, Failed };
    virtual Readiness readiness() const { return Readiness::Ready; }
    virtual std::optional<Error> readError() const { return std::nullopt; }
    // Reads the plugins, their run states and the volume drivers again. The job (a child of the engine) ends once
    // the reads reflect the new answer (result none), or with the error readError() then holds. Through the
    // helper this may ask for a password (org.plugdesk.read), which a pushed change never does.
    virtual Job *reload() = 0;

    virtual Result<PluginList> plugins() = 0;
    // The plugin's name for job titles ("Remove acme/vol:latest" rather than an id), or `nameOrId` as given when
    // the reads do not know it.
    QString displayName(const QString &nameOrId);
    // Lookup by name, full name, name without tag, or unique id prefix (docs/docker-compat.md §1.2).
    virtual Result<Plugin> plugin(const QString &nameOrId) = 0;
    // `plugin set`: the plugin must be disabled; Docker's rules and texts. A setting that gives the plugin a host
    // privilege nobody approved (a mount source, a device path: Plugin::unapprovedPrivileges after the change) is
    // refused with PermissionDenied naming them: that takes grant(). The job's result is the plugin's name.
    virtual Job *set(const QString &nameOrId, const QStringList &arguments) = 0;
    // `plugin set` that changes the plugin's privileges, approved by a person: `accepted` must be exactly the
    // privileges the plugin has after the change (Privileges::effective), else PermissionDenied
    // `incorrect privileges`; they are recorded as approved. Through the helper this takes the polkit action
    // org.plugdesk.grant, asked every time. The job's result is the plugin's name.
    virtual Job *grant(const QString &nameOrId, const QStringList &arguments, const Privileges &accepted) = 0;
    // `plugin create NAME FOLDER`: FOLDER holds config.json and rootfs/. The job's result is the new plugin's
    // local name ("vieux/sshfs:latest"); the plugin is disabled.
    virtual Job *create(const QString &name, const QString &folder) = 0;

    // `plugin enable`: starts the plugin and marks it enabled once its socket accepts connections within
    // `timeoutSeconds` (docs/docker-compat.md §9; 0 means the default 30) and /Plugin.Activate was answered. The job's
    // result is the plugin's name. On failure the plugin stays disabled and the error carries its last log lines.
    virtual Job *enable(const QString &nameOrId, int timeoutSeconds = 30) = 0;
    // Start (and Restart) of an enabled plugin that is not running, failed, or should be started afresh: whatever
    // runs is stopped, then the plugin is started and waited for as enable does. The enabled flag never changes: on
    // failure the plugin stays enabled and runtimeState says why (failed with the cause). Conflict for a disabled
    // plugin (that takes enable). Through the helper: org.plugdesk.manage. The job's result is the plugin's name.
    virtual Job *start(const QString &nameOrId, int timeoutSeconds = 30) = 0;
    // `plugin disable`: SIGTERM, 10 s, SIGKILL; no container, mount, socket or published link left behind.
    virtual Job *disable(const QString &nameOrId, bool force = false) = 0;
    // The last `tail` lines of the plugin's log (stdout and stderr, timestamped); tail < 0: all of them. The job's
    // result is a QStringList.
    virtual Job *logs(const QString &nameOrId, int tail = -1) = 0;
    // The log file itself, for following it (core::LogReader); empty when this engine cannot read it directly.
    virtual Result<QString> logFile(const QString &nameOrId) = 0;
    // What the plugin's process is doing (running, restarting, failed ...), its socket and published socket.
    virtual Result<PluginRuntimeState> runtimeState(const QString &nameOrId) = 0;
    // runtimeState of each of `plugins` (as plugins() listed them) by id, at once; a plugin whose state cannot be
    // read is left out. A list's states without looking each plugin up again: LocalEngine reads the store once, not
    // once per plugin.
    virtual QHash<QString, PluginRuntimeState> runtimeStates(const QList<Plugin> &plugins);

    // The privileges the plugin at `reference` asks for (docs/docker-compat.md §3), from its registry manifest and
    // config blob only, no layers; nothing is written. Never blocks: the Job (a child of the engine; the caller may
    // delete it once finished) ends with QVariant::fromValue(core::Privileges), or with the fetch's error, reported as
    // it is (docs/docker-compat.md §9): InvalidArgument (bad reference), NotFound, Auth, Network, Timeout,
    // DigestMismatch, and NotAPlugin with Docker's `did not find plugin config for specified reference <full ref>`.
    // Cancelling the job stops the transfer. `settings` are install's KEY=VALUE arguments: the privileges are those
    // the plugin will run with once they are applied (a mount source is a host path), as install compares them.
    virtual Job *privileges(const QString &reference, const QStringList &settings = {}) = 0;

    // The tags of `repository` (a reference; a tag or digest in it is ignored), from the registry's
    // /v2/NAME/tags/list with the registry auth flow, for completing a reference as it is typed. Like
    // privileges(), needs no privilege and runs in the caller's process with the caller's own logins. The Job (a
    // child of the engine; the caller may delete it once finished) ends with a QStringList in the registry's
    // order, or with NotFound (unknown repository), InvalidArgument, Auth, Network ... A background query: not
    // announced with jobStarted. Cancelling stops the transfer.
    virtual Job *tags(const QString &repository) = 0;
    // `plugdeskctl login SERVER` (docs/docker-compat.md §7.4): checks the login against the registry `server` names
    // (empty: docker.io) and, if the registry accepts it, saves it in the caller's own docker config (credential
    // helper, else config.json), where install, upgrade, push and `docker login` find it. In the caller's process, like
    // privileges(). The Job (a child of the engine, announced with jobStarted) ends with the registry host, or with
    // InvalidArgument (no user or password), Auth (the registry refused the login), Network, or the saving error.
    virtual Job *login(const QString &server, const QString &user, const QString &password) = 0;
    // The registries the user has a saved login for, as hosts, sorted; and `plugdeskctl logout SERVER`, which erases
    // one (NotFound when there was none). In the caller's process, like login.
    virtual Result<QStringList> registryLogins() = 0;
    // Where login(server, ...) would keep the password, in the caller's process as login itself: the credential
    // helper's name, or empty when it goes into config.json (whose path `configFile` receives), only base64-encoded.
    Result<QString> loginStore(const QString &server, QString *configFile = nullptr) const;
    // A job (a credential helper may take seconds to erase the login); its result is the registry host.
    virtual Job *logout(const QString &server) = 0;

    // `plugin push NAME[:TAG]` (docs/docker-compat.md §1.6, §7.3): pushes the plugin to the repository its local
    // name names ("localhost:5000/acme/vol:latest" -> that registry, repository acme/vol, tag latest; ":latest"
    // implied), enabled or not. Per blob HEAD (skip when present), else POST + one PUT; then the schema2 manifest (the
    // stored one, else rebuilt from config and blobsums). Progress per blob: phase Preparing / Pushing / Pushed /
    // "Layer already exists", item the 12-hex short digest, bytes. The job's result is a QVariantMap
    // {"repository": familiar name, "tag", "digest": "sha256:...", "size": manifest bytes}. Errors:
    // InvalidArgument `invalid name: X` for a digest reference, NotFound `plugin "x" not found`, NotFound for a
    // plugin without blobs (hand-made store), Auth saying how to log in, Network, Registry.
    virtual Job *push(const QString &name) = 0;

    // `plugin rm [-f]` (docs/docker-compat.md §5.5, §1.7). A Job, because a forced remove first disables the plugin,
    // which may wait for it to stop (up to the stop time-out). Without `force` an enabled plugin gives Conflict `plugin
    // <name> is enabled`; with it the plugin is disabled first. Then its folder is unmounted, renamed to
    // `<id>-removing`, dropped from the inventory, deleted, and blobs no remaining plugin refers to are removed.
    // The job's result is the plugin's name; pluginRemoved(id) is emitted.
    virtual Job *remove(const QString &nameOrId, bool force = false) = 0;

    // `plugin install`: pulls `reference` (":latest" implied) and adds it as a new plugin named options.alias or
    // the reference's local name. Refuses a name that exists (Conflict, `plugin "<name>" already exists`) before any
    // download, an image whose config is not a plugin's (NotAPlugin), and a config whose privileges differ from
    // `accepted` (PermissionDenied, `incorrect privileges`) before any layer is fetched. Layers are verified and
    // extracted into staging; any failure leaves the store as it was. Unless options.disable, the plugin is then
    // enabled; if that fails it stays installed and disabled and the job fails saying so (docs/docker-compat.md §9).
    // Progress: one JobProgress per layer (item = 12-hex short digest). The job's result is the local name.
    virtual Job *install(const QString &reference, const Privileges &accepted, const InstallOptions &options = {}) = 0;
    // `plugin upgrade`: the plugin must be disabled; pulls `reference` with the same checks as install, swaps the
    // rootfs (rolled back on failure) and replaces config, digests and PluginReference; keeps the id, the
    // propagated mount, and every setting whose name the new config still declares (docs/docker-compat.md §5.5, §9).
    // The job's result is the plugin's name.
    virtual Job *upgrade(const QString &nameOrId, const QString &reference, const Privileges &accepted) = 0;

    // Offline bundles (docs/docker-compat.md §9 "Offline machines"): a zip holding a plugin's manifest and blobs
    // (BundleHeader). `plugin export NAME FILE`: writes the bundle of the plugin (enabled or not) into FILE, atomically
    // (a temp file beside it, renamed when complete), with the caller's own rights on FILE: through the helper, the
    // caller opens the temp file and passes its descriptor. The bundle holds what a push would send, never the
    // settings. A plugin without blobs (hand-made store) is refused with NotFound. Progress per blob (item = 12-hex
    // short digest). Result: QVariantMap {"name", "file", "digest": manifest digest, "size": bytes}.
    virtual Job *exportPlugin(const QString &nameOrId, const QString &file) = 0;
    // The approval step of `plugin import FILE`: reads the bundle's header, manifest and config only, in the
    // caller's process with the caller's rights (no privilege needed); nothing is written. The Job (a child of the
    // engine) ends with QVariant::fromValue(core::BundleInfo), or with the error naming FILE and the bad entry:
    // NotFound (no such file), Corrupt (not a zip, cut short, missing entry), UnsafeArchive (zip slip),
    // DigestMismatch, Unsupported (newer format), NotAPlugin (Docker's `did not find plugin config ...`).
    virtual Job *bundlePrivileges(const QString &file) = 0;
    // `plugin import FILE`: as install, from a bundle instead of a registry. Checks the whole bundle's structure and
    // the config's privileges against `accepted` (PermissionDenied `incorrect privileges`), and the name
    // (options.alias, else the bundle's; Conflict `plugin "<name>" already exists`) before anything is extracted;
    // then verifies each layer's size and sha256 while it is extracted into staging, and commits through the same
    // staging and commit as install (PluginStaging): blobs kept in the store so that push and export work, the
    // plugin enabled unless options.disable. Any failure leaves the store as it was. Through the helper, the caller
    // opens FILE and passes its descriptor, so the helper reads only what the caller may read. Progress per layer.
    // Result: the local name.
    virtual Job *importPlugin(const QString &file, const Privileges &accepted, const InstallOptions &options = {}) = 0;

    // Volumes (docs/docker-compat.md §6, §9). Every volume verb but volumeDrivers() talks to plugins, so it returns a
    // Job (a child of the engine) whose result is JSON-shaped, so that it travels over D-Bus unchanged.
    // The enabled plugins that implement docker.volumedriver, with their scope.
    virtual Result<QList<VolumeDriverInfo>> volumeDrivers() = 0;
    // Result: VolumeList::toVariant(); all drivers (or the one named) queried in parallel, each within its
    // time-out (default 10 s): partial results plus one error per failing driver.
    virtual Job *volumes(const QString &driver = {}) = 0;
    // Result: Volume::toJson() as a QVariantMap. Names are unique across drivers.
    virtual Job *inspectVolume(const QString &name) = 0;
    // Result: the new Volume (QVariantMap); an empty `name` gets a generated one.
    virtual Job *createVolume(const QString &driver, const QString &name, const QMap<QString, QString> &options) = 0;
    // Result: the name. A volume mounted through Plugdesk is refused without `force`.
    virtual Job *removeVolume(const QString &name, bool force = false) = 0;
    // Result: the Volume with both mountpoints; the mount is counted until unmountVolume (persisted).
    virtual Job *mountVolume(const QString &name) = 0;
    virtual Job *unmountVolume(const QString &name) = 0;

Q_SIGNALS:
    // A plugin was added or changed; `id` is its full id.
    void pluginChanged(const QString &id);
    void pluginRemoved(const QString &id);
    // Emitted when the set of plugins may have changed in ways not reported one by one (another process wrote).
    void pluginsReloaded();
    // What a plugin's process does changed (started, crashed, restarting, stopped): runtimeState(id) has the news.
    void runtimeStateChanged(const QString &id);
    // Volumes were created, removed, mounted or unmounted through this engine (drivers come with pluginChanged).
    void volumesChanged();
    void readinessChanged();
    void jobStarted(core::Job *job);
};

} // namespace core

Q_DECLARE_METATYPE(core::Privileges)
Q_DECLARE_METATYPE(core::BundleInfo)
