#include "core/docker/swarmplugins.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>
#include <QUrlQuery>

namespace core {

namespace {

QString str(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

// Docker's PluginSpec is a protobuf message whose JSON keys are lower case ("name", "remote", "privileges"); Go reads
// them case-insensitively, so a value in either spelling is taken.
QJsonValue anyCase(const QJsonObject &object, const QString &key)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        if (it.key().compare(key, Qt::CaseInsensitive) == 0)
            return it.value();
    }
    return {};
}

// Docker's times carry nanoseconds; Qt reads milliseconds.
QDateTime parseTime(const QString &text)
{
    static const QRegularExpression fraction(QStringLiteral("\\.(\\d{1,3})\\d*"));
    QString trimmed = text;
    trimmed.replace(fraction, QStringLiteral(".\\1"));
    return QDateTime::fromString(trimmed, Qt::ISODateWithMs);
}

QString filters(const QJsonObject &object)
{
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

QString SwarmState::problem(const QString &connection) const
{
    if (localNodeState == QLatin1String("inactive") || localNodeState.isEmpty())
        return SwarmPlugins::tr("%1 is not part of a Swarm: start one there with `docker swarm init` (or join one and "
                                "connect to a manager) to install plugins on the cluster.")
            .arg(connection);
    if (localNodeState == QLatin1String("locked"))
        return SwarmPlugins::tr("The Swarm manager %1 is locked: unlock it with `docker swarm unlock`.")
            .arg(connection);
    if (localNodeState != QLatin1String("active"))
        return SwarmPlugins::tr("%1 is not an active Swarm node (its state is \"%2\"%3).")
            .arg(connection, localNodeState,
                 swarmError.isEmpty() ? QString() : SwarmPlugins::tr(": %1").arg(swarmError));
    if (!controlAvailable)
        return SwarmPlugins::tr("%1 is a Swarm worker, not a manager: plugin services are created and watched on a "
                                "manager. Connect to a manager of this Swarm instead.")
            .arg(connection);
    if (!experimental)
        return SwarmPlugins::tr("Swarm's plugin runtime needs dockerd started with --experimental: the manager %1 runs "
                                "without it, so it refuses plugin services. Start dockerd there with --experimental "
                                "(or \"experimental\": true in /etc/docker/daemon.json) and try again.")
            .arg(connection);
    return {};
}

SwarmPlugins::SwarmPlugins(DockerClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

void SwarmPlugins::send(const DockerRequest &request, QObject *context,
                        const std::function<void(Result<DockerResponse>)> &done)
{
    QPointer<QObject> guard(context);
    if (!m_client) {
        QTimer::singleShot(0, this, [guard, done] {
            if (guard)
                done(Error{ErrorCode::Internal, tr("the Docker connection is gone")});
        });
        return;
    }
    DockerCall *call = m_client->send(request);
    // A context that dies first takes the request with it.
    if (context)
        connect(context, &QObject::destroyed, call, &QObject::deleteLater);
    connect(call, &DockerCall::finished, this, [call, guard, done] {
        call->deleteLater();
        if (guard)
            done(call->result());
    });
}

void SwarmPlugins::get(const QString &path, const QUrlQuery &query, QObject *context,
                       const std::function<void(Result<QJsonDocument>)> &done)
{
    DockerRequest request;
    request.path = path;
    request.query = query;
    request.timeoutMs = 30000;
    send(request, context, [done](Result<DockerResponse> response) {
        if (!response)
            return done(response.error());
        done(response->json());
    });
}

void SwarmPlugins::state(QObject *context, const std::function<void(Result<SwarmState>)> &done)
{
    const QString connection = m_client ? m_client->describe() : QString();
    get(QStringLiteral("/info"), {}, context, [done, connection](Result<QJsonDocument> document) {
        if (!document)
            return done(document.error());
        const QJsonObject info = document->object();
        const QJsonObject swarm = info.value(QLatin1String("Swarm")).toObject();
        SwarmState state;
        state.localNodeState = str(swarm, "LocalNodeState");
        state.controlAvailable = swarm.value(QLatin1String("ControlAvailable")).toBool();
        state.nodeId = str(swarm, "NodeID");
        state.swarmError = str(swarm, "Error");
        state.nodes = swarm.value(QLatin1String("Nodes")).toInt();
        state.managers = swarm.value(QLatin1String("Managers")).toInt();
        state.experimental = info.value(QLatin1String("ExperimentalBuild")).toBool();
        state.serverVersion = str(info, "ServerVersion");
        done(state);
    });
}

void SwarmPlugins::privileges(const QString &remote, QObject *context,
                              const std::function<void(Result<Privileges>)> &done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("remote"), remote);
    DockerRequest request;
    request.path = QStringLiteral("/plugins/privileges");
    request.query = query;
    request.timeoutMs = 60000;
    send(request, context, [done, remote](Result<DockerResponse> response) {
        if (!response)
            return done(response.error().prefixed(tr("cannot read the privileges of %1").arg(remote)));
        // Docker answers `null` when the plugin wants none, which QJsonDocument does not take as a document.
        if (response->body.trimmed() == "null")
            return done(Privileges());
        Result<QJsonDocument> document = response->json();
        if (!document)
            return done(document.error().prefixed(tr("cannot read the privileges of %1").arg(remote)));
        Result<Privileges> privileges = Privileges::fromJson(document->array());
        if (!privileges)
            return done(privileges.error().prefixed(tr("Docker's privileges of %1").arg(remote)));
        done(*privileges);
    });
}

Status SwarmPlugins::validateConstraint(const QString &constraint)
{
    // Docker's grammar: KEY==VALUE or KEY!=VALUE, KEY of letters, digits, '.', '-', '_'.
    static const QRegularExpression form(QStringLiteral("^\\s*[A-Za-z0-9_.\\-]+\\s*(==|!=)\\s*\\S.*$"));
    if (!form.match(constraint).hasMatch())
        return Error{ErrorCode::InvalidArgument,
                     tr("\"%1\" is not a placement constraint: write KEY==VALUE or KEY!=VALUE, e.g. "
                        "node.hostname==host1 or node.labels.zone!=edge")
                         .arg(constraint)};
    return {};
}

Status SwarmPlugins::validate(const PluginServiceSpec &spec)
{
    static const QRegularExpression serviceName(QStringLiteral("^[A-Za-z0-9](?:[A-Za-z0-9_.\\-]*[A-Za-z0-9])?$"));
    if (spec.serviceName.isEmpty())
        return Error{ErrorCode::InvalidArgument, tr("the service needs a name")};
    if (spec.serviceName.size() > 63 || !serviceName.match(spec.serviceName).hasMatch())
        return Error{ErrorCode::InvalidArgument,
                     tr("\"%1\" is not a service name: use at most 63 letters, digits, '-', '_' and '.', beginning and "
                        "ending with a letter or digit")
                         .arg(spec.serviceName)};
    if (spec.remote.trimmed().isEmpty())
        return Error{ErrorCode::InvalidArgument, tr("the service needs the plugin's reference")};
    if (spec.remote.contains(QRegularExpression(QStringLiteral("\\s"))))
        return Error{ErrorCode::InvalidArgument, tr("\"%1\" is not a reference: it contains a space").arg(spec.remote)};
    if (spec.pluginName.contains(QRegularExpression(QStringLiteral("\\s"))))
        return Error{ErrorCode::InvalidArgument,
                     tr("\"%1\" is not a plugin name: it contains a space").arg(spec.pluginName)};
    for (const QString &constraint : spec.constraints) {
        if (Status checked = validateConstraint(constraint); !checked)
            return checked;
    }
    return {};
}

QString SwarmPlugins::serviceNameFor(const QString &remote)
{
    QString last = remote.section(QLatin1Char('/'), -1);
    last = last.section(QLatin1Char('@'), 0, 0).section(QLatin1Char(':'), 0, 0);
    last.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.\\-]")), QStringLiteral("-"));
    while (!last.isEmpty() && !last.front().isLetterOrNumber())
        last.remove(0, 1);
    while (!last.isEmpty() && !last.back().isLetterOrNumber())
        last.chop(1);
    return last.left(63);
}

QJsonArray SwarmPlugins::privilegesToSpecJson(const Privileges &privileges)
{
    QJsonArray array;
    for (const Privilege &privilege : privileges.items())
        array.append(QJsonObject{{QStringLiteral("name"), privilege.name},
                                 {QStringLiteral("description"), privilege.description},
                                 {QStringLiteral("value"), QJsonArray::fromStringList(privilege.value)}});
    return array;
}

QJsonObject SwarmPlugins::serviceSpec(const PluginServiceSpec &spec)
{
    // PluginSpec's keys as Docker's runtime.PluginSpec marshals them (its JSON tags are lower case). Docker's API
    // reference spells the privileges "PluginPrivilege", which the daemon does not read: it then installs with no
    // privileges approved and every node rejects the task ("incorrect privileges").
    QJsonObject pluginSpec{{QStringLiteral("name"), spec.pluginName.isEmpty() ? spec.remote : spec.pluginName},
                           {QStringLiteral("remote"), spec.remote},
                           {QStringLiteral("disabled"), spec.disabled}};
    if (!spec.privileges.isEmpty())
        pluginSpec.insert(QStringLiteral("privileges"), privilegesToSpecJson(spec.privileges));
    QJsonObject taskTemplate{{QStringLiteral("Runtime"), QStringLiteral("plugin")},
                             {QStringLiteral("PluginSpec"), pluginSpec}};
    if (!spec.constraints.isEmpty()) {
        QStringList constraints;
        for (const QString &constraint : spec.constraints)
            constraints.append(constraint.trimmed());
        taskTemplate.insert(QStringLiteral("Placement"),
                            QJsonObject{{QStringLiteral("Constraints"), QJsonArray::fromStringList(constraints)}});
    }
    // A managed plugin is one per node: Swarm's plugin services are global (on every node the constraints allow), and
    // an update stops the old version before the new one starts, one node at a time, pausing at a failure.
    return QJsonObject{
        {QStringLiteral("Name"), spec.serviceName},
        {QStringLiteral("Labels"), QJsonObject{{QStringLiteral("org.plugdesk.plugin"), QStringLiteral("true")}}},
        {QStringLiteral("TaskTemplate"), taskTemplate},
        {QStringLiteral("Mode"), QJsonObject{{QStringLiteral("Global"), QJsonObject{}}}},
        {QStringLiteral("UpdateConfig"), QJsonObject{{QStringLiteral("Parallelism"), 1},
                                                     {QStringLiteral("FailureAction"), QStringLiteral("pause")},
                                                     {QStringLiteral("Order"), QStringLiteral("stop-first")}}},
    };
}

Error SwarmPlugins::explain(const Error &dockerError, const QString &connection)
{
    const QString said = dockerError.message;
    if (said.contains(QLatin1String("only supported in experimental")))
        return Error{ErrorCode::Unsupported,
                     tr("Swarm's plugin runtime needs dockerd started with --experimental, and the manager %1 runs "
                        "without it. Start dockerd there with --experimental (or \"experimental\": true in "
                        "/etc/docker/daemon.json). Docker said: %2")
                         .arg(connection, said)};
    if (said.contains(QLatin1String("not a swarm manager"), Qt::CaseInsensitive))
        return Error{dockerError.code, tr("%1 is not a Swarm manager: plugin services are created and watched on a "
                                          "manager (`docker swarm init` makes one). Docker said: %2")
                                           .arg(connection, said)};
    return dockerError;
}

void SwarmPlugins::create(const PluginServiceSpec &spec, QObject *context,
                          const std::function<void(Result<QString>)> &done)
{
    if (Status checked = validate(spec); !checked) {
        QPointer<QObject> guard(context);
        QTimer::singleShot(0, this, [guard, done, checked] {
            if (guard)
                done(checked.error());
        });
        return;
    }
    DockerRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/services/create");
    request.body = QJsonDocument(serviceSpec(spec)).toJson(QJsonDocument::Compact);
    request.contentType = "application/json";
    request.timeoutMs = 60000;
    const QString connection = m_client ? m_client->describe() : QString();
    const QString name = spec.serviceName;
    send(request, context, [done, connection, name](Result<DockerResponse> response) {
        if (!response)
            return done(explain(response.error(), connection).prefixed(tr("cannot create the service %1").arg(name)));
        Result<QJsonDocument> document = response->json();
        if (!document)
            return done(document.error());
        const QString id = str(document->object(), "ID");
        if (id.isEmpty())
            return done(Error{ErrorCode::Corrupt, tr("Docker created the service %1 but gave no ID").arg(name)});
        done(id);
    });
}

Result<PluginService> SwarmPlugins::serviceFromJson(const QJsonObject &object)
{
    PluginService service;
    service.id = str(object, "ID");
    service.version = static_cast<quint64>(
        object.value(QLatin1String("Version")).toObject().value(QLatin1String("Index")).toDouble());
    const QJsonObject spec = object.value(QLatin1String("Spec")).toObject();
    service.name = str(spec, "Name");
    const QJsonObject task = spec.value(QLatin1String("TaskTemplate")).toObject();
    const QJsonObject plugin = task.value(QLatin1String("PluginSpec")).toObject();
    service.pluginName = anyCase(plugin, QStringLiteral("name")).toString();
    service.remote = anyCase(plugin, QStringLiteral("remote")).toString();
    service.disabled = anyCase(plugin, QStringLiteral("disabled")).toBool();
    Result<Privileges> privileges = Privileges::fromJson(anyCase(plugin, QStringLiteral("privileges")).toArray());
    if (!privileges)
        return privileges.error().prefixed(tr("the service %1").arg(service.name));
    service.privileges = *privileges;
    const QJsonArray constraints =
        task.value(QLatin1String("Placement")).toObject().value(QLatin1String("Constraints")).toArray();
    for (const auto &constraint : constraints)
        service.constraints.append(constraint.toString());
    const QJsonObject update = object.value(QLatin1String("UpdateStatus")).toObject();
    service.updateState = str(update, "State");
    service.updateMessage = str(update, "Message");
    service.createdAt = parseTime(str(object, "CreatedAt"));
    service.updatedAt = parseTime(str(object, "UpdatedAt"));
    return service;
}

PluginTask SwarmPlugins::taskFromJson(const QJsonObject &object)
{
    PluginTask task;
    task.id = str(object, "ID");
    task.serviceId = str(object, "ServiceID");
    task.nodeId = str(object, "NodeID");
    task.desiredState = str(object, "DesiredState");
    const QJsonObject status = object.value(QLatin1String("Status")).toObject();
    task.state = str(status, "State");
    task.message = str(status, "Message");
    task.error = str(status, "Err");
    task.timestamp = parseTime(str(status, "Timestamp"));
    task.createdAt = parseTime(str(object, "CreatedAt"));
    const QJsonObject plugin =
        object.value(QLatin1String("Spec")).toObject().value(QLatin1String("PluginSpec")).toObject();
    task.remote = anyCase(plugin, QStringLiteral("remote")).toString();
    return task;
}

void SwarmPlugins::list(QObject *context, const std::function<void(Result<QList<PluginService>>)> &done)
{
    // Docker lists container services unless asked for another runtime.
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filters"),
                       filters({{QStringLiteral("runtime"), QJsonArray{QStringLiteral("plugin")}}}));
    const QString connection = m_client ? m_client->describe() : QString();
    get(QStringLiteral("/services"), query, context, [done, connection](Result<QJsonDocument> document) {
        if (!document)
            return done(explain(document.error(), connection));
        QList<PluginService> services;
        for (const auto &value : document->array()) {
            Result<PluginService> service = serviceFromJson(value.toObject());
            if (!service)
                return done(service.error());
            services.append(*service);
        }
        std::sort(services.begin(), services.end(),
                  [](const PluginService &a, const PluginService &b) { return a.name < b.name; });
        done(services);
    });
}

void SwarmPlugins::tasks(const QString &serviceId, QObject *context,
                         const std::function<void(Result<QList<PluginTask>>)> &done)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filters"),
                       filters({{QStringLiteral("service"), QJsonArray{serviceId}},
                                {QStringLiteral("runtime"), QJsonArray{QStringLiteral("plugin")}}}));
    const QString connection = m_client ? m_client->describe() : QString();
    QPointer<SwarmPlugins> self(this);
    QPointer<QObject> guard(context);
    get(QStringLiteral("/tasks"), query, context, [self, guard, done, connection](Result<QJsonDocument> document) {
        if (!document)
            return done(explain(document.error(), connection));
        QList<PluginTask> tasks;
        for (const auto &value : document->array())
            tasks.append(taskFromJson(value.toObject()));
        if (!self || !guard)
            return;
        self->get(QStringLiteral("/nodes"), {}, guard, [done, tasks, connection](Result<QJsonDocument> nodes) {
            if (!nodes)
                return done(explain(nodes.error(), connection));
            QHash<QString, QString> hostnames;
            for (const auto &value : nodes->array()) {
                const QJsonObject node = value.toObject();
                hostnames.insert(str(node, "ID"), str(node.value(QLatin1String("Description")).toObject(), "Hostname"));
            }
            QList<PluginTask> named = tasks;
            for (PluginTask &task : named)
                task.nodeHostname = hostnames.value(task.nodeId);
            // Newest first on each node.
            std::sort(named.begin(), named.end(), [](const PluginTask &a, const PluginTask &b) {
                if (a.nodeHostname != b.nodeHostname)
                    return a.nodeHostname < b.nodeHostname;
                return a.createdAt > b.createdAt;
            });
            done(named);
        });
    });
}

void SwarmPlugins::update(const QString &serviceId, const QString &remote, const Privileges &privileges,
                          QObject *context, const std::function<void(Status)> &done)
{
    const QString connection = m_client ? m_client->describe() : QString();
    if (remote.trimmed().isEmpty() || remote.contains(QRegularExpression(QStringLiteral("\\s")))) {
        QPointer<QObject> guard(context);
        QTimer::singleShot(0, this, [guard, done, remote] {
            if (guard)
                done(Error{ErrorCode::InvalidArgument, tr("\"%1\" is not a reference").arg(remote)});
        });
        return;
    }
    QPointer<SwarmPlugins> self(this);
    QPointer<QObject> guard(context);
    // Docker updates a service from its whole spec, at the version it was read at (a concurrent change fails).
    get(QStringLiteral("/services/") + serviceId, {}, context,
        [self, guard, done, connection, serviceId, remote, privileges](Result<QJsonDocument> document) {
            if (!document)
                return done(explain(document.error(), connection));
            if (!self || !guard)
                return;
            const QJsonObject service = document->object();
            const auto version = static_cast<quint64>(
                service.value(QLatin1String("Version")).toObject().value(QLatin1String("Index")).toDouble());
            QJsonObject spec = service.value(QLatin1String("Spec")).toObject();
            QJsonObject task = spec.value(QLatin1String("TaskTemplate")).toObject();
            const QJsonObject oldPlugin = task.value(QLatin1String("PluginSpec")).toObject();
            // The plugin keeps its name on the nodes: each node's controller upgrades it in place.
            QJsonObject plugin{{QStringLiteral("name"), anyCase(oldPlugin, QStringLiteral("name"))},
                               {QStringLiteral("remote"), remote},
                               {QStringLiteral("disabled"), anyCase(oldPlugin, QStringLiteral("disabled")).toBool()}};
            if (const QJsonValue env = anyCase(oldPlugin, QStringLiteral("env")); env.isArray())
                plugin.insert(QStringLiteral("env"), env);
            if (!privileges.isEmpty())
                plugin.insert(QStringLiteral("privileges"), privilegesToSpecJson(privileges));
            task.insert(QStringLiteral("PluginSpec"), plugin);
            spec.insert(QStringLiteral("TaskTemplate"), task);
            spec.insert(QStringLiteral("UpdateConfig"),
                        QJsonObject{{QStringLiteral("Parallelism"), 1},
                                    {QStringLiteral("FailureAction"), QStringLiteral("pause")},
                                    {QStringLiteral("Order"), QStringLiteral("stop-first")}});
            DockerRequest request;
            request.method = "POST";
            request.path = QStringLiteral("/services/%1/update").arg(serviceId);
            request.query.addQueryItem(QStringLiteral("version"), QString::number(version));
            request.body = QJsonDocument(spec).toJson(QJsonDocument::Compact);
            request.contentType = "application/json";
            request.timeoutMs = 60000;
            const QString name = str(spec, "Name");
            self->send(request, guard, [done, connection, name, remote](const Result<DockerResponse> &response) {
                if (!response)
                    return done(explain(response.error(), connection)
                                    .prefixed(tr("cannot update the service %1 to %2").arg(name, remote)));
                done({});
            });
        });
}

void SwarmPlugins::remove(const QString &serviceId, QObject *context, const std::function<void(Status)> &done)
{
    DockerRequest request;
    request.method = "DELETE";
    request.path = QStringLiteral("/services/") + serviceId;
    request.timeoutMs = 60000;
    const QString connection = m_client ? m_client->describe() : QString();
    send(request, context, [done, connection, serviceId](const Result<DockerResponse> &response) {
        if (!response)
            return done(
                explain(response.error(), connection).prefixed(tr("cannot remove the service %1").arg(serviceId)));
        done({});
    });
}

} // namespace core
