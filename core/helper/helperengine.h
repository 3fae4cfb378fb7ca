#pragma once

#include "core/engine/engine.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusServiceWatcher>
#include <QHash>
#include <QPointer>
#include <functional>

namespace core {

class AuthorisationPrompt;
class RegistryClient;
struct HelperMessage;

// The engine of an unprivileged window or plugdeskctl: every verb is a call to plugdesk-helper
// (org.plugdesk.Helper1) on the system bus, or on the bus at an explicit address (tests). It never waits: each
// method sends its call and returns at once, a Job that ends when the reply (and, for a long operation, the
// helper's job) has come, or an answer from what the helper last sent. No nested event loop, no blocking call:
// replies arrive through QDBusPendingCallWatcher, credentials are read on a worker thread.
//
// What the reads return (plugins, plugin, runtimeState, volumeDrivers) is a copy of the helper's snapshot (read with
// CompactSnapshot, SnapshotCodec's binary form),
// taken by reload() (which may ask for a password) and then kept current from what the helper pushes:
// PluginChanged/PluginRemoved/PluginsChanged read a new snapshot, RuntimeStateChanged the one plugin's state,
// VolumesChanged is passed on. Those reads after a push never ask for a password: if polkit wants one, the copy
// stays as it was and readError() says AuthorizationRequired, until the person chooses to reload. The helper exits
// when idle and cannot know what changed while it was away: whenever its name gets a new owner (it was started
// again, e.g. by a plugin's monitor that recorded a new state, see HelperWakeup), a new snapshot is read the same way.
// A job that changed the store ends only once the copy shows the change, so `job finished → plugins()` holds.
//
// D-Bus errors `org.plugdesk.Error.<Code>` come back as core::Error with that code and the helper's message;
// other bus failures (helper missing, bus refused, no reply) get a code and a message of their own. Calls that a
// person started allow interactive authorization, so a polkit agent may ask for a password; meanwhile the Job
// reports the phase "authorising". Owns its bus connection when it opened one by address.
class HelperEngine final : public Engine
{
    Q_OBJECT

public:
    struct Options
    {
        QString busAddress; // empty: $PLUGDESK_HELPER_BUS, else the system bus ($DBUS_SYSTEM_BUS_ADDRESS honoured)
        QString service;    // empty: org.plugdesk.Helper1
    };

    explicit HelperEngine(const Options &options = {}, QObject *parent = nullptr);
    ~HelperEngine() override;

    QString location() const override;

    Readiness readiness() const override { return m_readiness; }
    std::optional<Error> readError() const override { return m_readError; }
    Job *reload() override;

    Result<PluginList> plugins() override;
    Result<Plugin> plugin(const QString &nameOrId) override;
    Job *set(const QString &nameOrId, const QStringList &arguments) override;
    Job *grant(const QString &nameOrId, const QStringList &arguments, const Privileges &accepted) override;
    // Packs FOLDER's config.json and rootfs in this process, with the caller's rights (LayerWriter::writeContext),
    // into a temp file and passes it to the helper as a descriptor: the helper never opens the folder, so what the
    // caller cannot read never becomes a plugin. Refused (Unsupported) on a bus that cannot pass descriptors.
    Job *create(const QString &name, const QString &folder) override;
    Job *enable(const QString &nameOrId, int timeoutSeconds = 30) override;
    Job *disable(const QString &nameOrId, bool force = false) override;
    Job *start(const QString &nameOrId, int timeoutSeconds = 30) override;
    Job *logs(const QString &nameOrId, int tail = -1) override;
    // The log file lives under the helper's run root, which a desktop user may not read: following a log
    // through the helper is refused with a message that says so.
    Result<QString> logFile(const QString &nameOrId) override;
    Result<PluginRuntimeState> runtimeState(const QString &nameOrId) override;
    QHash<QString, PluginRuntimeState> runtimeStates(const QList<Plugin> &plugins) override;
    // Read in this process with the user's own logins: the privileges step needs no privilege.
    Job *privileges(const QString &reference, const QStringList &settings = {}) override;
    // Also in this process with the user's own logins and files.
    Job *tags(const QString &repository) override;
    Job *login(const QString &server, const QString &user, const QString &password) override;
    Result<QStringList> registryLogins() override;
    Job *logout(const QString &server) override;
    // Sends the caller's own login for the target registry (from this user's ~/.docker/config.json, helpers
    // included, read on a worker thread) with the call, as RegistryAuth; the helper uses it instead of root's
    // logins, and only for that registry.
    Job *push(const QString &name) override;
    Job *remove(const QString &nameOrId, bool force = false) override;

    // Sent to the helper with the login for the reference's registry from this user's own config.json
    // (RegistryAuth, read on a worker thread), so the helper never uses root's logins.
    Job *install(const QString &reference, const Privileges &accepted, const InstallOptions &options = {}) override;
    Job *upgrade(const QString &nameOrId, const QString &reference, const Privileges &accepted) override;

    // Export and import pass the file as a descriptor this process opened (D-Bus fd passing), so the helper writes
    // and reads with the caller's own rights and never opens a path as root. Export opens a temp file beside FILE
    // and renames it into place once the helper's job succeeded; a bus that cannot pass descriptors is refused
    // (Unsupported) saying what to do instead.
    Job *exportPlugin(const QString &nameOrId, const QString &file) override;
    // Read in this process, with the caller's rights: the approval step needs no privilege.
    Job *bundlePrivileges(const QString &file) override;
    Job *importPlugin(const QString &file, const Privileges &accepted, const InstallOptions &options = {}) override;

    Result<QList<VolumeDriverInfo>> volumeDrivers() override;
    Job *volumes(const QString &driver = {}) override;
    Job *inspectVolume(const QString &name) override;
    Job *createVolume(const QString &driver, const QString &name, const QMap<QString, QString> &options) override;
    Job *removeVolume(const QString &name, bool force = false) override;
    Job *mountVolume(const QString &name) override;
    Job *unmountVolume(const QString &name) override;

    // A prompt (not owned; it outlives this engine) that takes part in the authorisation of the calls a person
    // made: with one, such a call is sent first without interaction; when polkit wants a password, the prompt
    // starts its agent and the call is sent again allowing interaction (so no agent is started when none is
    // needed). It is told when a call has not been answered after kWaitingNoticeMs, and when it has.
    void setAuthorisationPrompt(AuthorisationPrompt *prompt) { m_prompt = prompt; }
    static constexpr int kWaitingNoticeMs = 500;

    // Method calls this engine sent since it was made: a window at rest makes none (tests count them).
    quint64 callCount() const { return m_calls; }

    // A D-Bus error reply as the Error the helper meant, or as a bus failure named plainly.
    static Error errorFromReply(const QDBusMessage &reply);

private Q_SLOTS:
    void onPluginsChanged();
    void onRuntimeStateChanged(const QString &id);
    void onVolumesChanged();
    // The helper's name got an owner: a helper (re)started, by activation too, after a monitor woke it for a state
    // it recorded while none ran. It pushes only what changes from now on, so the copy is read afresh, unless the
    // snapshot in flight is answered by that very owner (a first read that activated it): it answers after it started.
    void onHelperOwnerChanged(const QString &service, const QString &oldOwner, const QString &newOwner);

private:
    using Reply = std::function<void(const Result<QVariantList> &arguments)>;
    // The same with the unique bus name that sent the reply (empty for an error made in this process).
    using ReplyFrom = std::function<void(const Result<QVariantList> &arguments, const QString &sender)>;
    // Sends one method call (built by its row of the method table: `methods::X::call(…)`); `done` gets the reply's
    // arguments or the Error, on this thread, later (never inside this call), unless `context` is gone. `interactive`:
    // polkit may ask the person for a password.
    void callAsync(const HelperMessage &call, bool interactive, QObject *context, const Reply &done);
    void callAsync(const HelperMessage &call, bool interactive, QObject *context, const ReplyFrom &done);
    // One attempt of callAsync; `agentRetry`: on AuthorizationRequired, start the prompt's agent and send again.
    void send(const HelperMessage &call, bool interactive, bool agentRetry, const QPointer<QObject> &guard,
              const ReplyFrom &done);
    // A verb that answers with a job path: the returned Job waits (phase "authorising") for the reply, then
    // mirrors the helper's job. Cancelled while waiting, it ends at once and cancels the helper's job when the
    // path comes. `ending` as in RemoteJob::attach.
    Job *startJob(const HelperMessage &call, const QString &title);
    void callIntoJob(Job *job, const HelperMessage &call,
                     const std::function<void(const Result<QVariant> &)> &ending = {});
    // Ends `job` with `result` once the copy of the helper's state reflects the changes pushed so far.
    void endWhenCurrent(Job *job, const Result<QVariant> &result);
    // Asks the helper for the plugin `nameOrId` (InspectPlugin, may ask for a password) and hands it to `found`, or
    // ends `job` with the error.
    void inspectInto(Job *job, const QString &nameOrId, const std::function<void(const Plugin &plugin)> &found);
    // SetPlugin or GrantPlugin: the helper answers at once, the job ends once the copy shows the change.
    Job *changeSettings(const HelperMessage &call, const QString &nameOrId);
    // The phase a job is in until the helper answered a call a person made (polkit may be asking for a password);
    // JobWatcher shows it where the action was started.
    static void reportAuthorising(Job *job);
    // A job announced with jobStarted.
    Job *newJob(const QString &title);
    // A job that failed before it started.
    Job *failedJob(const QString &title, const Error &error);
    // Unsupported, naming `verb`, when the bus cannot carry file descriptors.
    Status checkDescriptorPassing(const QString &verb) const;
    // Runs `lookup` on a worker thread and hands its answer to `done` on this thread, unless `job` is gone.
    void offThread(Job *job, const std::function<Result<QString>()> &lookup,
                   const std::function<void(const Result<QString> &)> &done);
    // The client for the verbs run in this process (made on first use).
    RegistryClient *registry();

    // The copy of the helper's state.
    // Asks for a snapshot after `delayMs` (pushes come in bursts), or once more after the one in flight.
    void requestSnapshot(bool interactive, int delayMs);
    void sendSnapshot();
    void applySnapshot(const Result<QVariantList> &reply, const QString &sender);
    bool snapshotPending() const { return m_snapshotInFlight || m_snapshotScheduled; }
    void setReadiness(Readiness readiness, const std::optional<Error> &error);
    void flushWaiters();

    RegistryClient *m_registry = nullptr;
    AuthorisationPrompt *m_prompt = nullptr;
    QDBusConnection m_bus;
    QDBusServiceWatcher *m_helperWatcher = nullptr; // the helper's name on m_bus, for onHelperOwnerChanged
    QString m_address;
    QString m_service;
    QString m_connectionName; // set when this engine opened the connection by address
    quint64 m_calls = 0;

    Readiness m_readiness = Readiness::Loading;
    std::optional<Error> m_readError;
    bool m_wanted = false;            // reload() was asked once: the copy is kept current from then on
    bool m_snapshotInFlight = false;  // a Snapshot call is on its way
    bool m_snapshotScheduled = false; // one will be sent shortly
    bool m_snapshotAgain = false;     // a change arrived while one was in flight: read once more
    QString m_againUnlessFrom;        // the helper got this owner while one was in flight: read once more unless
                                      // this owner answered it
    bool m_nextInteractive = false;   // the next one may ask for a password (a reload() asked for it)
    PluginList m_list;
    QHash<QString, PluginRuntimeState> m_states;
    QList<VolumeDriverInfo> m_drivers;
    QList<Job *> m_reloads;                 // reload() jobs waiting for the snapshot in flight
    QList<std::function<void()>> m_waiters; // endWhenCurrent, waiting for the same
};

} // namespace core
