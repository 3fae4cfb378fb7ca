// One request (or a short chain of them) per Engine verb, over DockerClient; the plugin list is read again after each
// change so that the reads stay current.
#include "core/docker/dockerengine.h"

#include "core/archive/layerwriter.h"
#include "core/engine/createplugin.h"
#include "core/plugin/reference.h"
#include "core/registry/credentials.h"
#include "core/registry/registryauth.h"
#include "core/registry/registryclient.h"
#include "core/registry/registrylogin.h"
#include "core/registry/remotetags.h"
#include "core/store/store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPointer>
#include <QTemporaryFile>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <memory>
#include <zlib.h>

namespace core {

namespace {

// Short requests (lists, inspect, set, remove) get a deadline; pulls, pushes and creates take as long as they take.
constexpr int kQuickRequestMs = 60 * 1000;
// Enable waits for the plugin's socket up to its own timeout: the request gets that plus this.
constexpr int kEnableSlackMs = 30 * 1000;

QByteArray jsonBody(const QJsonValue &value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

DockerRequest request(const QByteArray &method, const QString &path, const QUrlQuery &query = {},
                      const QByteArray &body = {}, int timeoutMs = kQuickRequestMs)
{
    DockerRequest request;
    request.method = method;
    request.path = path;
    request.query = query;
    request.body = body;
    if (!body.isEmpty())
        request.contentType = "application/json";
    request.timeoutMs = timeoutMs;
    return request;
}

// "/plugins/<name>/<verb>": Docker's router takes the name as it is, slashes and colons included, as its CLI sends it.
QString pluginPath(const QString &nameOrId, const QString &verb = {})
{
    QString path = QStringLiteral("/plugins/") + QString::fromUtf8(QUrl::toPercentEncoding(nameOrId, "/:@"));
    if (!verb.isEmpty())
        path += QLatin1Char('/') + verb;
    return path;
}

QUrlQuery query(std::initializer_list<std::pair<QString, QString>> items)
{
    QUrlQuery query;
    for (const auto &[key, value] : items)
        query.addQueryItem(key, value);
    return query;
}

// The local name Docker gives a plugin installed from `reference` without an alias: the familiar name with ":latest"
// added when no tag is given.
QString localNameOf(const QString &reference)
{
    auto parsed = Reference::parse(reference);
    if (!parsed)
        return reference;
    return parsed->withDefaultTag().familiarString();
}

// The tar inside a gzip file: Docker's /plugins/create reads the body with Go's tar reader, uncompressed (its CLI
// sends `docker plugin create` contexts as plain tar), while LayerWriter writes a gzip layer.
Result<QByteArray> gunzipFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, file.errorString()};
    z_stream stream{};
    if (inflateInit2(&stream, 15 + 32) != Z_OK)
        return Error{ErrorCode::Internal, QCoreApplication::translate("core::DockerEngine", "cannot start gunzip")};
    QByteArray tar;
    QByteArray output(qsizetype(256) * 1024, Qt::Uninitialized);
    int status = Z_OK;
    while (status != Z_STREAM_END) {
        QByteArray input = file.read(qint64(256) * 1024);
        if (input.isEmpty())
            break;
        stream.next_in = reinterpret_cast<Bytef *>(input.data());
        stream.avail_in = static_cast<uInt>(input.size());
        while (stream.avail_in > 0 && status != Z_STREAM_END) {
            stream.next_out = reinterpret_cast<Bytef *>(output.data());
            stream.avail_out = static_cast<uInt>(output.size());
            status = inflate(&stream, Z_NO_FLUSH);
            if (status != Z_OK && status != Z_STREAM_END && status != Z_BUF_ERROR) {
                inflateEnd(&stream);
                return Error{ErrorCode::Corrupt,
                             QCoreApplication::translate("core::DockerEngine", "%1: not a gzip stream").arg(path)};
            }
            tar.append(output.constData(), output.size() - stream.avail_out);
        }
    }
    inflateEnd(&stream);
    if (status != Z_STREAM_END)
        return Error{ErrorCode::Corrupt,
                     QCoreApplication::translate("core::DockerEngine", "%1: the gzip stream is cut short").arg(path)};
    return tar;
}

} // namespace

DockerEngine::DockerEngine(const ConnectionUrl &url, const DockerClientOptions &options, QObject *parent)
    : Engine(parent)
    , m_client(new DockerClient(url, options, this))
{
    // The first read: Loading until it answers.
    QMetaObject::invokeMethod(
        this, [this] { refresh(); }, Qt::QueuedConnection);
}

DockerEngine::~DockerEngine() = default;

QString DockerEngine::location() const
{
    return tr("Docker Engine at %1").arg(m_client->describe());
}

Result<Plugin> DockerEngine::pluginFromJson(const QJsonObject &object)
{
    Plugin plugin;
    plugin.raw = object;
    plugin.id = object.value(QStringLiteral("Id")).toString();
    const QString name = object.value(QStringLiteral("Name")).toString();
    if (plugin.id.isEmpty() || name.isEmpty())
        return Error{ErrorCode::Corrupt, tr("the Docker daemon listed a plugin without an Id or Name: %1")
                                             .arg(QString::fromUtf8(jsonBody(object).left(200)))};
    auto reference = Reference::parse(name);
    if (reference && !reference->hasDigest()) {
        const Reference tagged = reference->withDefaultTag();
        plugin.repository = tagged.familiarName();
        plugin.tag = tagged.tag();
    } else {
        // Docker accepted it, so show it as Docker names it.
        const qsizetype colon = name.lastIndexOf(QLatin1Char(':'));
        plugin.repository = colon > 0 ? name.left(colon) : name;
        plugin.tag = colon > 0 ? name.mid(colon + 1) : QStringLiteral("latest");
    }
    plugin.enabled = object.value(QStringLiteral("Enabled")).toBool();
    plugin.pluginReference = object.value(QStringLiteral("PluginReference")).toString();
    auto config = PluginConfig::fromJsonObject(object.value(QStringLiteral("Config")).toObject());
    if (!config)
        return config.error().prefixed(tr("plugin \"%1\": Config").arg(name));
    plugin.config = std::move(*config);
    auto settings = Settings::fromJsonObject(object.value(QStringLiteral("Settings")).toObject());
    if (!settings)
        return settings.error().prefixed(tr("plugin \"%1\": Settings").arg(name));
    plugin.settings = std::move(*settings);
    return plugin;
}

void DockerEngine::setReadiness(Readiness readiness, const std::optional<Error> &error)
{
    const bool changed = readiness != m_readiness || error.has_value() != m_readError.has_value() ||
                         (error && m_readError && error->message != m_readError->message);
    m_readiness = readiness;
    m_readError = error;
    if (changed)
        Q_EMIT readinessChanged();
}

void DockerEngine::refresh(const std::function<void()> &then)
{
    if (m_refreshing) {
        if (then)
            m_next.append(then);
        else if (m_next.isEmpty())
            m_next.append([] {});
        return;
    }
    if (then)
        m_current.append(then);
    m_refreshing = true;
    if (m_readiness == Readiness::Failed)
        m_client->resetNegotiation(); // the daemon may have been restarted meanwhile
    DockerCall *listed = m_client->send(request("GET", QStringLiteral("/plugins")));
    connect(listed, &DockerCall::finished, this, [this, listed] {
        listed->deleteLater();
        auto answer = listed->result();
        Result<QJsonDocument> document = answer ? answer->json() : Result<QJsonDocument>(answer.error());
        if (document && !document->isArray())
            document =
                Error{ErrorCode::Corrupt,
                      tr("the Docker daemon at %1 answered GET /plugins with no list").arg(m_client->describe())};
        if (document) {
            PluginList list;
            for (const QJsonValue value : document->array()) {
                auto plugin = pluginFromJson(value.toObject());
                if (plugin)
                    list.plugins.append(std::move(*plugin));
                else
                    list.problems.append(plugin.error());
            }
            m_list = std::move(list);
            setReadiness(Readiness::Ready, std::nullopt);
            Q_EMIT pluginsReloaded();
        } else {
            setReadiness(Readiness::Failed, document.error());
        }
        m_refreshing = false;
        const QList<std::function<void()>> waiting = std::exchange(m_current, {});
        if (!m_next.isEmpty()) {
            m_current = std::exchange(m_next, {});
            refresh();
        }
        for (const auto &waiter : waiting)
            waiter();
    });
}

Job *DockerEngine::reload()
{
    auto *job = new Job(tr("Reload %1").arg(m_client->describe()), this);
    QPointer<Job> guard(job);
    refresh([this, guard] {
        if (!guard || guard->isFinished())
            return;
        if (m_readiness == Readiness::Ready)
            guard->finishWith();
        else
            guard->failWith(m_readError.value_or(Error{ErrorCode::Internal, tr("the plugin list was not read")}));
    });
    return job;
}

Result<PluginList> DockerEngine::plugins()
{
    if (m_readiness == Readiness::Failed && m_readError)
        return *m_readError;
    if (m_readiness == Readiness::Loading)
        return Error{ErrorCode::Network,
                     tr("the plugins of the Docker daemon at %1 have not been read yet").arg(m_client->describe())};
    return m_list;
}

Result<Plugin> DockerEngine::plugin(const QString &nameOrId)
{
    auto list = plugins();
    if (!list)
        return list.error();
    auto found = list->find(nameOrId);
    // dockerd looks names up as given: one that is no valid reference is simply not found there.
    if (!found && found.error().code == ErrorCode::InvalidArgument)
        return Error{ErrorCode::NotFound, tr("plugin \"%1\" not found").arg(nameOrId)};
    return found;
}

Job *DockerEngine::newJob(const QString &title)
{
    auto *job = new Job(title, this);
    Q_EMIT jobStarted(job);
    return job;
}

Job *DockerEngine::failedJob(const QString &title, const Error &error)
{
    Job *job = newJob(title);
    job->failWith(error);
    return job;
}

Job *DockerEngine::unsupported(const QString &title, const Error &error)
{
    auto *job = new Job(title, this);
    job->failWith(error);
    return job;
}

void DockerEngine::call(Job *job, const DockerRequest &dockerRequest, const Done &done)
{
    DockerCall *sent = m_client->send(dockerRequest);
    QPointer<Job> guard(job);
    QPointer<DockerCall> callGuard(sent);
    connect(job, &Job::cancelRequested, sent, [callGuard] {
        if (callGuard)
            callGuard->abort();
    });
    connect(job, &QObject::destroyed, sent, [callGuard] {
        if (callGuard)
            callGuard->abort();
    });
    if (dockerRequest.streamJsonLines) {
        connect(sent, &DockerCall::jsonLine, job, [guard, callGuard](const QJsonObject &line) {
            if (!guard || guard->isFinished())
                return;
            if (auto error = DockerClient::streamError(line)) {
                guard->failWith(*error);
                if (callGuard)
                    callGuard->abort();
                return;
            }
            JobProgress progress;
            progress.phase = line.value(QStringLiteral("status")).toString();
            progress.item = line.value(QStringLiteral("id")).toString().left(12);
            const QJsonObject detail = line.value(QStringLiteral("progressDetail")).toObject();
            progress.bytesDone = detail.value(QStringLiteral("current")).toInteger();
            progress.bytesTotal = detail.value(QStringLiteral("total")).toInteger();
            progress.text = line.value(QStringLiteral("progress")).toString();
            if (!progress.phase.isEmpty())
                guard->reportProgress(progress);
        });
    }
    connect(sent, &DockerCall::finished, this, [guard, sent, done] {
        sent->deleteLater();
        if (!guard || guard->isFinished())
            return;
        done(sent->result());
    });
}

void DockerEngine::endWhenCurrent(Job *job, const Result<QVariant> &result)
{
    QPointer<Job> guard(job);
    refresh([guard, result] {
        if (!guard || guard->isFinished())
            return;
        if (result)
            guard->finishWith(*result);
        else
            guard->failWith(result.error());
    });
}

Job *DockerEngine::pluginAction(const QString &title, const QString &nameOrId, const QString &verb,
                                const QUrlQuery &parameters, const QByteArray &body)
{
    Job *job = newJob(title);
    DockerRequest sent = request("POST", pluginPath(nameOrId, verb), parameters, body);
    if (verb == QLatin1String("enable"))
        sent.timeoutMs = parameters.queryItemValue(QStringLiteral("timeout")).toInt() * 1000 + kEnableSlackMs;
    const QString name = displayName(nameOrId);
    call(job, sent, [this, job, name](const Result<DockerResponse> &answer) {
        if (!answer)
            return endWhenCurrent(job, answer.error());
        endWhenCurrent(job, QVariant(name));
    });
    return job;
}

Job *DockerEngine::set(const QString &nameOrId, const QStringList &arguments)
{
    const QString title = tr("Set %1").arg(displayName(nameOrId));
    // The approval Plugdesk asks for before a setting gives host access; Docker itself would not ask.
    if (auto found = plugin(nameOrId)) {
        Plugin changed = *found;
        if (changed.settings.apply(changed.config, arguments)) {
            if (const Privileges unapproved = changed.unapprovedPrivileges(); !unapproved.isEmpty())
                return failedJob(title, Error{ErrorCode::PermissionDenied,
                                              tr("this setting gives plugin %1 privileges nobody approved: %2; "
                                                 "approve them (plugdeskctl plugin set asks) to apply it")
                                                  .arg(found->name(),
                                                       unapproved.promptLines().join(QStringLiteral("; ")).trimmed())});
        }
    }
    QJsonArray body;
    for (const QString &argument : arguments)
        body.append(argument);
    return pluginAction(title, nameOrId, QStringLiteral("set"), {}, jsonBody(body));
}

Job *DockerEngine::grant(const QString &nameOrId, const QStringList &arguments, const Privileges &accepted)
{
    const QString title = tr("Set %1").arg(displayName(nameOrId));
    auto found = plugin(nameOrId);
    if (!found)
        return failedJob(title, found.error());
    Plugin changed = *found;
    if (auto applied = changed.settings.apply(changed.config, arguments); !applied)
        return failedJob(title, applied.error());
    if (!changed.effectivePrivileges().sameAs(accepted))
        return failedJob(title, Error{ErrorCode::PermissionDenied, tr("incorrect privileges")});
    QJsonArray body;
    for (const QString &argument : arguments)
        body.append(argument);
    return pluginAction(title, nameOrId, QStringLiteral("set"), {}, jsonBody(body));
}

Job *DockerEngine::create(const QString &name, const QString &folder)
{
    const QString title = tr("Create %1").arg(name);
    Result<PluginFolderToPack> toPack = pluginFolderToPack(folder);
    if (!toPack)
        return failedJob(title, toPack.error());
    const QString source = toPack->source;
    const QString config = toPack->config;
    const QString rootfs = toPack->rootfs;
    const std::shared_ptr<QTemporaryFile> packed = toPack->packed;

    Job *job = newJob(title);
    job->reportProgress({tr("Packing"), QString(), 0, 0, tr("packing %1").arg(source)});
    auto cancelled = std::make_shared<std::atomic_bool>(false);
    connect(job, &Job::cancelRequested, job, [cancelled] { cancelled->store(true); });
    auto written = std::make_shared<Result<QByteArray>>(QByteArray());
    QThread *worker = QThread::create([packed, config, rootfs, cancelled, written] {
        auto layer =
            LayerWriter::writeContext(config, rootfs, packed->fileName(), [cancelled] { return cancelled->load(); });
        if (!layer)
            *written = layer.error();
        else
            *written = gunzipFile(packed->fileName());
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    QPointer<Job> guard(job);
    connect(worker, &QThread::finished, this, [this, guard, packed, written, name, source] {
        packed->remove();
        if (!guard || guard->isFinished())
            return;
        if (!*written)
            return guard->failWith(written->error().prefixed(tr("cannot pack %1").arg(source)));
        DockerRequest sent =
            request("POST", QStringLiteral("/plugins/create"), query({{QStringLiteral("name"), name}}), **written, 0);
        sent.contentType = "application/x-tar";
        guard->reportProgress({tr("Sending"), QString(), 0, sent.body.size(), tr("sending %1").arg(source)});
        call(guard, sent, [this, guard, name](const Result<DockerResponse> &answer) {
            if (!answer)
                return guard->failWith(answer.error());
            endWhenCurrent(guard, QVariant(localNameOf(name)));
        });
    });
    worker->start();
    return job;
}

Job *DockerEngine::enable(const QString &nameOrId, int timeoutSeconds)
{
    const int timeout = timeoutSeconds > 0 ? timeoutSeconds : 30;
    return pluginAction(tr("Enable %1").arg(displayName(nameOrId)), nameOrId, QStringLiteral("enable"),
                        query({{QStringLiteral("timeout"), QString::number(timeout)}}));
}

Job *DockerEngine::disable(const QString &nameOrId, bool force)
{
    QUrlQuery parameters;
    if (force)
        parameters.addQueryItem(QStringLiteral("force"), QStringLiteral("1"));
    return pluginAction(tr("Disable %1").arg(displayName(nameOrId)), nameOrId, QStringLiteral("disable"), parameters);
}

Job *DockerEngine::start(const QString &nameOrId, int timeoutSeconds)
{
    const QString title = tr("Start %1").arg(displayName(nameOrId));
    auto found = plugin(nameOrId);
    if (!found)
        return failedJob(title, found.error());
    if (!found->enabled)
        return failedJob(
            title, Error{ErrorCode::Conflict, tr("plugin %1 is not enabled: enable it instead").arg(found->name())});
    Job *job = newJob(title);
    const QString name = found->name();
    const int timeout = timeoutSeconds > 0 ? timeoutSeconds : 30;
    call(job, request("POST", pluginPath(name, QStringLiteral("disable"))),
         [this, job, name, timeout](const Result<DockerResponse> &disabled) {
             if (!disabled)
                 return endWhenCurrent(job, disabled.error());
             DockerRequest enable = request("POST", pluginPath(name, QStringLiteral("enable")),
                                            query({{QStringLiteral("timeout"), QString::number(timeout)}}));
             enable.timeoutMs = timeout * 1000 + kEnableSlackMs;
             call(job, enable, [this, job, name](const Result<DockerResponse> &enabled) {
                 if (!enabled)
                     return endWhenCurrent(
                         job, enabled.error().prefixed(tr("plugin %1 was disabled to restart it, and enabling it again "
                                                          "failed")
                                                           .arg(name)));
                 endWhenCurrent(job, QVariant(name));
             });
         });
    return job;
}

Job *DockerEngine::logs(const QString &nameOrId, int tail)
{
    Q_UNUSED(tail);
    return unsupported(tr("Logs of %1").arg(displayName(nameOrId)),
                       Error{ErrorCode::Unsupported,
                             tr("the Docker Engine API has no plugin logs: dockerd writes a plugin's output into its "
                                "own log (on %1: `journalctl -u docker.service`, lines with plugin=<id>)")
                                 .arg(m_client->describe())});
}

Result<QString> DockerEngine::logFile(const QString &nameOrId)
{
    Q_UNUSED(nameOrId);
    return Error{ErrorCode::Unsupported,
                 tr("the Docker Engine API has no plugin logs: dockerd writes a plugin's output into its own log (on "
                    "%1: `journalctl -u docker.service -f`)")
                     .arg(m_client->describe())};
}

Result<PluginRuntimeState> DockerEngine::runtimeState(const QString &nameOrId)
{
    auto found = plugin(nameOrId);
    if (!found)
        return found.error();
    // Docker's only state: dockerd enables a plugin by starting its process and waiting for its activation, and
    // supervises it while enabled (the "monitor" here is dockerd). Nothing finer is reported.
    PluginRuntimeState state;
    state.status = found->enabled ? PluginRuntimeState::Status::Running : PluginRuntimeState::Status::Stopped;
    state.monitorAlive = found->enabled;
    return state;
}

void DockerEngine::withRegistryAuth(Job *job, const QString &reference,
                                    const std::function<void(const QByteArray &)> &done)
{
    auto answer = std::make_shared<Result<QString>>(QString());
    QThread *worker = QThread::create([answer, reference] {
        auto parsed = Reference::parse(reference);
        if (!parsed) {
            *answer = parsed.error();
            return;
        }
        auto auth = Credentials().lookup(parsed->domain());
        if (!auth) {
            *answer = auth.error();
            return;
        }
        *answer = RegistryAuth::encode(*auth, Credentials::serverKey(parsed->domain()));
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    QPointer<Job> guard(job);
    connect(worker, &QThread::finished, this, [guard, answer, done] {
        if (!guard || guard->isFinished())
            return;
        if (!*answer)
            return guard->failWith(answer->error());
        // Docker's X-Registry-Auth: the JSON, base64url-encoded.
        done((*answer)->isEmpty() ? QByteArray() : (*answer)->toUtf8().toBase64(QByteArray::Base64UrlEncoding));
    });
    worker->start();
}

Job *DockerEngine::privileges(const QString &reference, const QStringList &settings)
{
    Q_UNUSED(settings);
    Job *job = newJob(tr("Privileges of %1").arg(reference));
    withRegistryAuth(job, reference, [this, job, reference](const QByteArray &auth) {
        DockerRequest sent = request("GET", QStringLiteral("/plugins/privileges"),
                                     query({{QStringLiteral("remote"), reference}}), {}, 0);
        if (!auth.isEmpty())
            sent.headers.append({"X-Registry-Auth", auth});
        call(job, sent, [job](const Result<DockerResponse> &answer) {
            if (!answer)
                return job->failWith(answer.error());
            // Docker answers `null` for a plugin that wants none (and for a tag its registry lacks, which only the
            // pull then says), which QJsonDocument does not take as a document.
            if (answer->body.trimmed() == "null")
                return job->finishWith(QVariant::fromValue(Privileges{}));
            auto document = answer->json();
            if (!document)
                return job->failWith(document.error());
            auto privileges = Privileges::fromJson(document->array());
            if (!privileges)
                return job->failWith(privileges.error());
            job->finishWith(QVariant::fromValue(*privileges));
        });
    });
    return job;
}

RegistryClient *DockerEngine::registry()
{
    if (!m_registry)
        m_registry = new RegistryClient(this);
    return m_registry;
}

Job *DockerEngine::tags(const QString &repository)
{
    return readTags(registry(), repository, this);
}

Job *DockerEngine::login(const QString &server, const QString &user, const QString &password)
{
    auto *job = loginToRegistry(server, AuthConfig{user, password, {}}, registry(), this);
    Q_EMIT jobStarted(job);
    return job;
}

Result<QStringList> DockerEngine::registryLogins()
{
    return savedRegistryLogins();
}

Job *DockerEngine::logout(const QString &server)
{
    return logoutOfRegistry(server, registry(), this);
}

Job *DockerEngine::push(const QString &name)
{
    const QString title = tr("Push %1").arg(name);
    if (auto reference = Reference::parse(name); reference && reference->hasDigest())
        return failedJob(title, Error{ErrorCode::InvalidArgument, tr("invalid name: %1").arg(name)});
    auto found = plugin(name);
    if (!found)
        return failedJob(title, found.error());
    const QString target = found->name();
    Job *job = newJob(title);
    withRegistryAuth(job, target, [this, job, target](const QByteArray &auth) {
        DockerRequest sent = request("POST", pluginPath(target, QStringLiteral("push")), {}, {}, 0);
        sent.streamJsonLines = true;
        // Docker wants the header on a push, empty or not.
        sent.headers.append({"X-Registry-Auth", auth.isEmpty() ? QByteArray("e30=") : auth});
        call(job, sent, [job, target](const Result<DockerResponse> &answer) {
            if (!answer)
                return job->failWith(answer.error());
            // The last "aux" line carries Tag, Digest and Size.
            const QJsonObject *aux = &answer->aux;
            auto reference = Reference::parse(target);
            QVariantMap result;
            result.insert(QStringLiteral("repository"), reference ? reference->familiarName() : target);
            result.insert(QStringLiteral("tag"), aux->value(QStringLiteral("Tag")).toString());
            result.insert(QStringLiteral("digest"), aux->value(QStringLiteral("Digest")).toString());
            result.insert(QStringLiteral("size"), aux->value(QStringLiteral("Size")).toInteger());
            job->finishWith(result);
        });
    });
    return job;
}

Job *DockerEngine::remove(const QString &nameOrId, bool force)
{
    Job *job = newJob(tr("Remove %1").arg(displayName(nameOrId)));
    QUrlQuery parameters;
    if (force)
        parameters.addQueryItem(QStringLiteral("force"), QStringLiteral("1"));
    auto found = plugin(nameOrId);
    const QString id = found ? found->id : QString();
    const QString name = found ? found->name() : nameOrId;
    call(job, request("DELETE", pluginPath(nameOrId), parameters),
         [this, job, id, name](const Result<DockerResponse> &answer) {
             if (!answer)
                 return endWhenCurrent(job, answer.error());
             if (!id.isEmpty())
                 Q_EMIT pluginRemoved(id);
             endWhenCurrent(job, QVariant(name));
         });
    return job;
}

Job *DockerEngine::install(const QString &reference, const Privileges &accepted, const InstallOptions &options)
{
    const QString title = tr("Install %1").arg(reference);
    auto parsed = Reference::parse(reference);
    if (!parsed)
        return failedJob(title, parsed.error());
    const QString name = options.alias.isEmpty() ? localNameOf(reference) : localNameOf(options.alias);
    Job *job = newJob(title);
    withRegistryAuth(job, reference, [this, job, reference, name, accepted, options](const QByteArray &auth) {
        DockerRequest pull = request("POST", QStringLiteral("/plugins/pull"),
                                     query({{QStringLiteral("remote"), reference}, {QStringLiteral("name"), name}}),
                                     jsonBody(accepted.toJson()), 0);
        pull.streamJsonLines = true;
        if (!auth.isEmpty())
            pull.headers.append({"X-Registry-Auth", auth});
        call(job, pull, [this, job, name, options](const Result<DockerResponse> &pulled) {
            if (!pulled)
                return endWhenCurrent(job, pulled.error());
            auto enableStep = [this, job, name, options] {
                if (options.disable)
                    return endWhenCurrent(job, QVariant(name));
                DockerRequest enable = request("POST", pluginPath(name, QStringLiteral("enable")),
                                               query({{QStringLiteral("timeout"), QStringLiteral("30")}}));
                enable.timeoutMs = 30 * 1000 + kEnableSlackMs;
                job->reportProgress({tr("Enabling"), QString(), 0, 0, tr("enabling %1").arg(name)});
                call(job, enable, [this, job, name](const Result<DockerResponse> &enabled) {
                    if (!enabled)
                        return endWhenCurrent(
                            job, enabled.error().prefixed(tr("plugin %1 was installed but stays disabled").arg(name)));
                    endWhenCurrent(job, QVariant(name));
                });
            };
            if (options.settings.isEmpty())
                return enableStep();
            QJsonArray body;
            for (const QString &setting : options.settings)
                body.append(setting);
            call(job, request("POST", pluginPath(name, QStringLiteral("set")), {}, jsonBody(body)),
                 [this, job, name, enableStep](const Result<DockerResponse> &set) {
                     if (!set)
                         return endWhenCurrent(
                             job, set.error().prefixed(
                                      tr("plugin %1 was installed but its settings were refused").arg(name)));
                     enableStep();
                 });
        });
    });
    return job;
}

Job *DockerEngine::upgrade(const QString &nameOrId, const QString &reference, const Privileges &accepted)
{
    const QString title = tr("Upgrade %1").arg(displayName(nameOrId));
    auto parsed = Reference::parse(reference);
    if (!parsed)
        return failedJob(title, parsed.error());
    const QString name = displayName(nameOrId);
    Job *job = newJob(title);
    withRegistryAuth(job, reference, [this, job, nameOrId, name, reference, accepted](const QByteArray &auth) {
        DockerRequest sent = request("POST", pluginPath(nameOrId, QStringLiteral("upgrade")),
                                     query({{QStringLiteral("remote"), reference}}), jsonBody(accepted.toJson()), 0);
        sent.streamJsonLines = true;
        if (!auth.isEmpty())
            sent.headers.append({"X-Registry-Auth", auth});
        call(job, sent, [this, job, name](const Result<DockerResponse> &answer) {
            if (!answer)
                return endWhenCurrent(job, answer.error());
            endWhenCurrent(job, QVariant(name));
        });
    });
    return job;
}

Job *DockerEngine::exportPlugin(const QString &nameOrId, const QString &file)
{
    Q_UNUSED(file);
    return unsupported(tr("Export %1").arg(displayName(nameOrId)),
                       Error{ErrorCode::Unsupported,
                             tr("Docker has no plugin bundles: push the plugin to a registry instead (plugin push), or "
                                "export it from a Plugdesk store (plugdesk://)")});
}

Job *DockerEngine::bundlePrivileges(const QString &file)
{
    return unsupported(tr("Import %1").arg(file),
                       Error{ErrorCode::Unsupported,
                             tr("Docker has no plugin bundles: import the bundle into a Plugdesk store (plugdesk://), "
                                "push it to a registry from there, and install it from the registry")});
}

Job *DockerEngine::importPlugin(const QString &file, const Privileges &accepted, const InstallOptions &options)
{
    Q_UNUSED(accepted);
    Q_UNUSED(options);
    return bundlePrivileges(file);
}

Result<QList<VolumeDriverInfo>> DockerEngine::volumeDrivers()
{
    auto list = plugins();
    if (!list)
        return list.error();
    QList<VolumeDriverInfo> drivers;
    for (const Plugin &plugin : list->plugins) {
        if (!plugin.enabled || !plugin.config.hasCapability(QStringLiteral("volumedriver")))
            continue;
        VolumeDriverInfo driver;
        driver.name = plugin.name();
        driver.pluginId = plugin.id;
        driver.propagatedMount = plugin.config.propagatedMount;
        drivers.append(driver);
    }
    return drivers;
}

Job *DockerEngine::volumes(const QString &driver)
{
    Job *job = newJob(tr("List volumes"));
    QUrlQuery parameters;
    if (!driver.isEmpty()) {
        QJsonObject filters;
        filters.insert(QStringLiteral("driver"), QJsonArray{driver});
        parameters.addQueryItem(QStringLiteral("filters"), QString::fromUtf8(jsonBody(filters)));
    }
    call(job, request("GET", QStringLiteral("/volumes"), parameters), [job](const Result<DockerResponse> &answer) {
        if (!answer)
            return job->failWith(answer.error());
        auto document = answer->json();
        if (!document)
            return job->failWith(document.error());
        VolumeList list;
        for (const QJsonValue value : document->object().value(QStringLiteral("Volumes")).toArray())
            list.volumes.append(Volume::fromJson(value.toObject()));
        // Docker says which driver failed only in the warning's text.
        for (const QJsonValue warning : document->object().value(QStringLiteral("Warnings")).toArray())
            list.errors.append({QString(), Error{ErrorCode::Runtime, warning.toString()}});
        job->finishWith(list.toVariant());
    });
    return job;
}

Job *DockerEngine::inspectVolume(const QString &name)
{
    Job *job = newJob(tr("Inspect volume %1").arg(name));
    call(job, request("GET", QStringLiteral("/volumes/") + QString::fromUtf8(QUrl::toPercentEncoding(name))),
         [job](const Result<DockerResponse> &answer) {
             if (!answer)
                 return job->failWith(answer.error());
             auto document = answer->json();
             if (!document)
                 return job->failWith(document.error());
             job->finishWith(document->object().toVariantMap());
         });
    return job;
}

Job *DockerEngine::createVolume(const QString &driver, const QString &name, const QMap<QString, QString> &options)
{
    Job *job = newJob(tr("Create volume %1").arg(name));
    QJsonObject body;
    body.insert(QStringLiteral("Name"), name);
    body.insert(QStringLiteral("Driver"), driver);
    QJsonObject driverOptions;
    for (auto it = options.constBegin(); it != options.constEnd(); ++it)
        driverOptions.insert(it.key(), it.value());
    body.insert(QStringLiteral("DriverOpts"), driverOptions);
    call(job, request("POST", QStringLiteral("/volumes/create"), {}, jsonBody(body)),
         [this, job](const Result<DockerResponse> &answer) {
             if (!answer)
                 return job->failWith(answer.error());
             auto document = answer->json();
             if (!document)
                 return job->failWith(document.error());
             Q_EMIT volumesChanged();
             job->finishWith(document->object().toVariantMap());
         });
    return job;
}

Job *DockerEngine::removeVolume(const QString &name, bool force)
{
    Job *job = newJob(tr("Remove volume %1").arg(name));
    QUrlQuery parameters;
    if (force)
        parameters.addQueryItem(QStringLiteral("force"), QStringLiteral("1"));
    call(job,
         request("DELETE", QStringLiteral("/volumes/") + QString::fromUtf8(QUrl::toPercentEncoding(name)), parameters),
         [this, job, name](const Result<DockerResponse> &answer) {
             if (!answer)
                 return job->failWith(answer.error());
             Q_EMIT volumesChanged();
             job->finishWith(name);
         });
    return job;
}

Job *DockerEngine::mountVolume(const QString &name)
{
    return unsupported(
        tr("Mount volume %1").arg(name),
        Error{ErrorCode::Unsupported,
              tr("Docker mounts volumes only for containers: run a container with the volume (docker run "
                 "--mount type=volume,source=%1,target=/data ...) on %2")
                  .arg(name, m_client->describe())});
}

Job *DockerEngine::unmountVolume(const QString &name)
{
    return unsupported(tr("Unmount volume %1").arg(name),
                       Error{ErrorCode::Unsupported,
                             tr("Docker mounts volumes only for containers: a volume is unmounted when the last "
                                "container using it on %1 stops")
                                 .arg(m_client->describe())});
}

} // namespace core
