#pragma once

#include "core/base/result.h"
#include "core/docker/dockerclient.h"
#include "core/plugin/privileges.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <functional>

namespace core {

// What GET /info says about Swarm on the connection, and whether the daemon runs with --experimental.
struct SwarmState
{
    QString localNodeState;        // Swarm.LocalNodeState: "inactive", "pending", "active", "error", "locked"
    bool controlAvailable = false; // Swarm.ControlAvailable: this node is a manager
    bool experimental = false;     // ExperimentalBuild (dockerd --experimental)
    QString nodeId;
    QString swarmError; // Swarm.Error, when the node is in an error state
    int nodes = 0;
    int managers = 0;
    QString serverVersion; // "20.10.24+dfsg1"

    bool isManager() const { return localNodeState == QLatin1String("active") && controlAvailable; }
    // Empty when plugin services can be used here; else, in words, why not (not in a Swarm, a worker, no
    // --experimental).
    QString problem(const QString &connection) const;
};

// What "Install on the cluster" creates: a global service with the plugin runtime.
struct PluginServiceSpec
{
    QString serviceName; // the Swarm service's name: letters, digits, '-', '_', '.', at most 63 characters
    QString pluginName;  // the plugin's name on each node (PluginSpec.Name); empty: the remote reference
    QString remote;      // the reference each node pulls: "registry:5000/acme/volplugin:1"
    bool disabled = false;
    Privileges privileges;   // what the person approved; each node refuses a plugin wanting something else
    QStringList constraints; // Placement.Constraints ("node.hostname==a", "node.labels.k!=v"); empty: every node
};

// One plugin service as GET /services lists it.
struct PluginService
{
    QString id;
    quint64 version = 0; // Version.Index, for the update
    QString name;
    QString pluginName;
    QString remote;
    bool disabled = false;
    Privileges privileges;
    QStringList constraints;
    QString updateState;   // UpdateStatus.State: "updating", "completed", "paused", "rollback_..."; empty: none yet
    QString updateMessage; // UpdateStatus.Message
    QDateTime createdAt;
    QDateTime updatedAt;
};

// One task of a plugin service: the plugin on one node.
struct PluginTask
{
    QString id;
    QString serviceId;
    QString nodeId;
    QString nodeHostname; // from GET /nodes; empty when the node is gone
    QString desiredState; // "running", "shutdown", ...
    QString state;        // Status.State: "new", "pending", "preparing", "running", "rejected", "failed", ...
    QString message;      // Status.Message
    QString error;        // Status.Err
    QString remote;       // the reference this task installs
    QDateTime createdAt;
    QDateTime timestamp; // Status.Timestamp
};

// A Swarm rollout of managed plugins over a DockerClient (issue 14, item 4): whether the connection is a Swarm
// manager with --experimental, and the plugin services (TaskTemplate.Runtime = "plugin") with their tasks: create
// (global, or on the nodes constraints pick), list, each node's task, update to another reference (rolling, one node
// at a time) and remove. Swarm's plugin controller installs, enables and upgrades the plugin on each node itself;
// registry logins are not passed (Docker's controller pulls anonymously).
//
// Every call is asynchronous: `done` runs later (never inside the call) on this object's thread, unless `context` is
// gone by then. Owns nothing but the requests in flight; the client outlives it.
class SwarmPlugins final : public QObject
{
    Q_OBJECT

public:
    explicit SwarmPlugins(DockerClient *client, QObject *parent = nullptr);

    DockerClient *client() const { return m_client; }

    void state(QObject *context, const std::function<void(Result<SwarmState>)> &done);
    // GET /plugins/privileges?remote=...: what the plugin wants, for the privilege dialog.
    void privileges(const QString &remote, QObject *context, const std::function<void(Result<Privileges>)> &done);
    // The new service's ID.
    void create(const PluginServiceSpec &spec, QObject *context, const std::function<void(Result<QString>)> &done);
    void list(QObject *context, const std::function<void(Result<QList<PluginService>>)> &done);
    // The service's tasks (history included), with the nodes' host names.
    void tasks(const QString &serviceId, QObject *context, const std::function<void(Result<QList<PluginTask>>)> &done);
    // Points the service at `remote` with the privileges approved for it, rolled out one node at a time.
    void update(const QString &serviceId, const QString &remote, const Privileges &privileges, QObject *context,
                const std::function<void(Status)> &done);
    void remove(const QString &serviceId, QObject *context, const std::function<void(Status)> &done);

    // The request body for `spec` (checked by validate first).
    static QJsonObject serviceSpec(const PluginServiceSpec &spec);
    // Errors naming the bad field: service name, reference, constraint.
    static Status validate(const PluginServiceSpec &spec);
    static Status validateConstraint(const QString &constraint);
    // A service name from a reference: "127.0.0.1:5000/acme/volplugin:1" gives "volplugin".
    static QString serviceNameFor(const QString &remote);
    // Docker's answer for a plugin service, in words: the missing --experimental, a node that is no manager. The
    // message Docker sent is kept in the text.
    static Error explain(const Error &dockerError, const QString &connection);
    static Result<PluginService> serviceFromJson(const QJsonObject &object);
    static PluginTask taskFromJson(const QJsonObject &object);
    // PluginSpec privileges as Docker's swarm runtime spells them: [{"name","description","value":[...]}].
    static QJsonArray privilegesToSpecJson(const Privileges &privileges);

private:
    void get(const QString &path, const QUrlQuery &query, QObject *context,
             const std::function<void(Result<QJsonDocument>)> &done);
    // Sends, and hands the result to `done` unless `context` died; the call is deleted either way.
    void send(const DockerRequest &request, QObject *context, const std::function<void(Result<DockerResponse>)> &done);

    QPointer<DockerClient> m_client;
};

} // namespace core
