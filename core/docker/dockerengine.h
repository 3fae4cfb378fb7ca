#pragma once

#include "core/docker/dockerclient.h"
#include "core/engine/engine.h"

#include <QJsonObject>
#include <functional>

namespace core {

class RegistryClient;

// The engine of a Docker Engine connection (unix://, ssh://; issue 14): every plugin and volume verb is a request
// to dockerd's API through DockerClient, so dockerd does the work and keeps the state, and Docker's own messages
// are what a person reads. Nothing blocks: each verb sends its request and returns a Job.
//
// The reads (plugins, plugin, volumeDrivers) answer from the last GET /plugins: Loading until the first answer
// (the constructor asks for it), Failed with readError() when dockerd cannot be reached or refused, and reload()
// asks again. Every verb that changes plugins reads the list again before its job ends, so `job finished →
// plugins()` holds as with the other engines. Docker pushes nothing to an API client that does not follow its event
// stream, so a change another client made shows after the next reload().
//
// In the caller's process as with HelperEngine: tags, login, logout and the registry logins (the caller's own
// ~/.docker/config.json), and X-Registry-Auth for install, upgrade, push and privileges, taken from those logins
// for the reference's registry (Credentials, on a worker thread: a credential helper may take its time).
//
// What Docker's API does not offer returns ErrorCode::Unsupported saying where to look instead: logs and logFile
// (dockerd writes a plugin's output into its own log), exportPlugin, bundlePrivileges and importPlugin (Docker has
// no plugin bundles), mountVolume and unmountVolume (dockerd mounts volumes for containers only). runtimeState is
// Docker's Enabled (running, dockerd supervising it) or not (stopped): Docker reports nothing finer, and without it
// the window would call every enabled Docker plugin "not running" and its Volumes page would never ask its driver.
// start() is a disable and an enable, Docker's way to restart a plugin: unlike the other engines, a failed start
// leaves the plugin disabled (in Docker, enabled means running).
class DockerEngine final : public Engine
{
    Q_OBJECT

public:
    explicit DockerEngine(const ConnectionUrl &url, const DockerClientOptions &options = {}, QObject *parent = nullptr);
    ~DockerEngine() override;

    DockerClient *client() const { return m_client; }

    // "Docker Engine at unix:///var/run/docker.sock".
    QString location() const override;

    Readiness readiness() const override { return m_readiness; }
    std::optional<Error> readError() const override { return m_readError; }
    Job *reload() override;

    Result<PluginList> plugins() override;
    Result<Plugin> plugin(const QString &nameOrId) override;
    // POST /plugins/{name}/set. Docker itself allows any setting on a disabled plugin; as the other engines, one that
    // gives the plugin host privileges its config does not ask for (Plugin::unapprovedPrivileges, checked here) is
    // refused with PermissionDenied, so that a person approves it (grant).
    Job *set(const QString &nameOrId, const QStringList &arguments) override;
    // The same set after a person approved the privileges: `accepted` must be the plugin's privileges after the
    // change. Docker records no approvals, so nothing but the setting is kept.
    Job *grant(const QString &nameOrId, const QStringList &arguments, const Privileges &accepted) override;
    // POST /plugins/create?name=NAME with FOLDER (config.json and rootfs/) as a tar (gzip) body, packed in this
    // process with the caller's rights on a worker thread.
    Job *create(const QString &name, const QString &folder) override;
    Job *enable(const QString &nameOrId, int timeoutSeconds = 30) override;
    Job *disable(const QString &nameOrId, bool force = false) override;
    // Disable, then enable: Docker has no restart of its own for a plugin.
    Job *start(const QString &nameOrId, int timeoutSeconds = 30) override;
    Job *logs(const QString &nameOrId, int tail = -1) override;
    Result<QString> logFile(const QString &nameOrId) override;
    Result<PluginRuntimeState> runtimeState(const QString &nameOrId) override;
    // GET /plugins/privileges?remote=: dockerd reads the registry. `settings` are not applied (Docker compares the
    // config's own privileges at install).
    Job *privileges(const QString &reference, const QStringList &settings = {}) override;
    Job *tags(const QString &repository) override;
    Job *login(const QString &server, const QString &user, const QString &password) override;
    Result<QStringList> registryLogins() override;
    Job *logout(const QString &server) override;
    // POST /plugins/{name}/push; result from the stream's last "aux" line {Tag, Digest, Size}.
    Job *push(const QString &name) override;
    Job *remove(const QString &nameOrId, bool force = false) override;
    // POST /plugins/pull with the accepted privileges as body, progress per layer from the stream; then
    // options.settings through /plugins/{name}/set, then enable unless options.disable.
    Job *install(const QString &reference, const Privileges &accepted, const InstallOptions &options = {}) override;
    Job *upgrade(const QString &nameOrId, const QString &reference, const Privileges &accepted) override;
    Job *exportPlugin(const QString &nameOrId, const QString &file) override;
    Job *bundlePrivileges(const QString &file) override;
    Job *importPlugin(const QString &file, const Privileges &accepted, const InstallOptions &options = {}) override;

    // The enabled plugins that implement docker.volumedriver (scope "local": Docker's plugin list does not say).
    Result<QList<VolumeDriverInfo>> volumeDrivers() override;
    // GET /volumes: every volume of the daemon, the local driver's too. Docker's warnings become errors per driver.
    Job *volumes(const QString &driver = {}) override;
    // Docker's Volume object as it sent it.
    Job *inspectVolume(const QString &name) override;
    Job *createVolume(const QString &driver, const QString &name, const QMap<QString, QString> &options) override;
    Job *removeVolume(const QString &name, bool force = false) override;
    Job *mountVolume(const QString &name) override;
    Job *unmountVolume(const QString &name) override;

    // A plugin of Docker's GET /plugins answer as core::Plugin, with `raw` holding the object as Docker sent it.
    static Result<Plugin> pluginFromJson(const QJsonObject &object);

private:
    using Done = std::function<void(const Result<DockerResponse> &)>;
    // Sends `request` for `job`: `done` gets the answer, unless the job is gone or ended meanwhile; cancelling the job
    // aborts the request. Progress lines (streamJsonLines) are mapped to the job's progress; an error line fails it.
    void call(Job *job, const DockerRequest &request, const Done &done);
    // Reads the plugin list again, then ends `job` with `result`.
    void endWhenCurrent(Job *job, const Result<QVariant> &result);
    void refresh(const std::function<void()> &then = {});
    Job *newJob(const QString &title);
    Job *failedJob(const QString &title, const Error &error);
    Job *unsupported(const QString &title, const Error &error);
    // The caller's login for `reference`'s registry as X-Registry-Auth (base64url JSON; empty when none), looked up
    // on a worker thread, then `done` on this thread unless `job` is gone.
    void withRegistryAuth(Job *job, const QString &reference, const std::function<void(const QByteArray &)> &done);
    // A simple POST to /plugins/{name}/VERB that changes the plugin: the job ends with `result` once listed again.
    Job *pluginAction(const QString &title, const QString &nameOrId, const QString &verb, const QUrlQuery &query,
                      const QByteArray &body = {});
    void setReadiness(Readiness readiness, const std::optional<Error> &error);
    RegistryClient *registry();

    DockerClient *m_client = nullptr;
    RegistryClient *m_registry = nullptr;
    Readiness m_readiness = Readiness::Loading;
    std::optional<Error> m_readError;
    PluginList m_list;
    bool m_refreshing = false;
    QList<std::function<void()>> m_current; // run when the list read in flight has answered
    QList<std::function<void()>> m_next;    // run after a read that starts once that one ended
};

} // namespace core
