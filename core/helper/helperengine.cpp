// Over 600 lines: one asynchronous client method per Engine verb (each call built by its row of the method
// table, helpermethods.h), plus the copy of the helper's state that the reads answer from.
#include "core/helper/helperengine.h"

#include "core/archive/layerwriter.h"
#include "core/base/pendingfile.h"
#include "core/engine/createplugin.h"
#include "core/engine/importplugin.h"
#include "core/helper/authorisationprompt.h"
#include "core/helper/helpermethods.h"
#include "core/helper/helperprotocol.h"
#include "core/helper/remotejob.h"
#include "core/plugin/reference.h"
#include "core/registry/credentials.h"
#include "core/registry/registryauth.h"
#include "core/registry/registryclient.h"
#include "core/registry/registrylogin.h"
#include "core/registry/remoteprivileges.h"
#include "core/registry/remotetags.h"

#include <QAtomicInteger>
#include <QDBusError>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusUnixFileDescriptor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QTemporaryFile>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <memory>
#include <optional>

namespace core {

namespace {

// Longer than the helper's own limit for an unanswered authorisation (PolkitAuthority, 5 minutes), so that its
// message, naming the action and the time, is what the person reads.
constexpr int kCallTimeoutMs = 10 * 60 * 1000;
// Pushed changes come in bursts (an install changes the plugin, then its state): read once per burst.
constexpr int kPushCoalesceMs = 50;

// A reply of a method that answers JSON, read into its type.
template<typename M>
Result<typename M::ReplyType::Type> jsonReply(const Result<QVariantList> &reply)
{
    if (!reply)
        return reply.error();
    auto json = M::decodeReply(*reply);
    if (!json)
        return json.error();
    return decodeJson<typename M::ReplyType::Type>(json->json);
}

// A reply of a method that answers bytes, read into its type.
template<typename M>
Result<typename M::ReplyType::Type> binaryReply(const Result<QVariantList> &reply)
{
    if (!reply)
        return reply.error();
    auto data = M::decodeReply(*reply);
    if (!data)
        return data.error();
    return decodeBinary<typename M::ReplyType::Type>(data->data);
}

QDBusConnection openBus(const QString &address, QString &connectionName)
{
    if (address.isEmpty())
        return QDBusConnection::systemBus();
    static QAtomicInteger<quint64> counter = 0;
    connectionName = QStringLiteral("plugdesk-helper-engine-%1").arg(++counter);
    return QDBusConnection::connectToBus(address, connectionName);
}

} // namespace

HelperEngine::HelperEngine(const Options &options, QObject *parent)
    : Engine(parent)
    , m_bus(QDBusConnection(QString()))
    , m_address(options.busAddress.isEmpty() ? qEnvironmentVariable("PLUGDESK_HELPER_BUS") : options.busAddress)
    , m_service(options.service.isEmpty() ? HelperProtocol::serviceName() : options.service)
{
    HelperProtocol::registerTypes();
    m_bus = openBus(m_address, m_connectionName);
    if (m_bus.isConnected()) {
        const QString path = HelperProtocol::objectPath();
        const QString iface = HelperProtocol::interfaceName();
        for (const HelperSignal which :
             {HelperSignal::PluginsChanged, HelperSignal::PluginChanged, HelperSignal::PluginRemoved})
            m_bus.connect(m_service, path, iface, helperSignalName(which), this, SLOT(onPluginsChanged()));
        m_bus.connect(m_service, path, iface, helperSignalName(HelperSignal::RuntimeStateChanged), this,
                      SLOT(onRuntimeStateChanged(QString)));
        m_bus.connect(m_service, path, iface, helperSignalName(HelperSignal::VolumesChanged), this,
                      SLOT(onVolumesChanged()));
        m_helperWatcher = new QDBusServiceWatcher(m_service, m_bus, QDBusServiceWatcher::WatchForRegistration, this);
        connect(m_helperWatcher, &QDBusServiceWatcher::serviceOwnerChanged, this, &HelperEngine::onHelperOwnerChanged);
    }
}

HelperEngine::~HelperEngine()
{
    if (!m_connectionName.isEmpty()) {
        m_bus = QDBusConnection(QString());
        QDBusConnection::disconnectFromBus(m_connectionName);
    }
}

QString HelperEngine::location() const
{
    return m_address.isEmpty() ? tr("plugdesk-helper on the system bus") : tr("plugdesk-helper on %1").arg(m_address);
}

Error HelperEngine::errorFromReply(const QDBusMessage &reply)
{
    const QString name = reply.errorName();
    if (const auto code = HelperProtocol::codeFromErrorName(name))
        return {*code, reply.errorMessage()};
    const QDBusError error(reply);
    if (name == QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner"))
        return {ErrorCode::Network, tr("cannot reach the Plugdesk helper (%1): %2; is plugdesk-helper installed?")
                                        .arg(HelperProtocol::serviceName(), reply.errorMessage())};
    switch (error.type()) {
    case QDBusError::ServiceUnknown:
    case QDBusError::Disconnected:
        return {ErrorCode::Network, tr("cannot reach the Plugdesk helper (%1): %2; is plugdesk-helper installed?")
                                        .arg(HelperProtocol::serviceName(), reply.errorMessage())};
    case QDBusError::AccessDenied:
        return {ErrorCode::PermissionDenied,
                tr("the bus refused the call to the Plugdesk helper: %1").arg(reply.errorMessage())};
    case QDBusError::NoReply:
    case QDBusError::Timeout:
    case QDBusError::TimedOut:
        return {ErrorCode::Timeout, tr("the Plugdesk helper did not answer: %1").arg(reply.errorMessage())};
    default:
        break;
    }
    return {ErrorCode::Internal, tr("the Plugdesk helper failed: %1: %2").arg(name, reply.errorMessage())};
}

void HelperEngine::callAsync(const HelperMessage &call, bool interactive, QObject *context, const Reply &done)
{
    callAsync(call, interactive, context,
              ReplyFrom([done](const Result<QVariantList> &reply, const QString &) { done(reply); }));
}

void HelperEngine::callAsync(const HelperMessage &call, bool interactive, QObject *context, const ReplyFrom &done)
{
    QPointer<QObject> guard(context);
    if (!m_bus.isConnected()) {
        const Error error{ErrorCode::Network, tr("cannot connect to the bus of the Plugdesk helper (%1): %2")
                                                  .arg(m_address.isEmpty() ? tr("the system bus") : m_address,
                                                       m_bus.lastError().message())};
        QMetaObject::invokeMethod(
            this,
            [guard, done, error] {
                if (guard)
                    done(error, QString());
            },
            Qt::QueuedConnection);
        return;
    }
    // With a prompt, a call a person made first goes without interaction unless the prompt's agent is up already;
    // --no-ask-password (mayAsk false) never allows it.
    bool agentRetry = false;
    if (interactive && m_prompt) {
        if (!m_prompt->mayAsk())
            interactive = false;
        else if (!m_prompt->agentReady()) {
            interactive = false;
            agentRetry = true;
        }
    }
    send(call, interactive, agentRetry, guard, done);
}

void HelperEngine::send(const HelperMessage &call, bool interactive, bool agentRetry, const QPointer<QObject> &guard,
                        const ReplyFrom &done)
{
    QDBusMessage message = QDBusMessage::createMethodCall(m_service, HelperProtocol::objectPath(),
                                                          HelperProtocol::interfaceName(), call.member);
    message.setArguments(call.arguments);
    message.setInteractiveAuthorizationAllowed(interactive);
    ++m_calls;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(message, kCallTimeoutMs), this);
    // A person waiting for an answer is told what for (the prompt prints "waiting for authorisation (…)").
    QPointer<QTimer> notice;
    const QString action = helperActionId(call.action);
    if (m_prompt && (interactive || agentRetry) && !action.isEmpty()) {
        notice = new QTimer(watcher);
        notice->setSingleShot(true);
        connect(notice, &QTimer::timeout, this, [this, action, notice] {
            notice->setProperty("told", true);
            m_prompt->waiting(action);
        });
        notice->start(kWaitingNoticeMs);
    }
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, watcher, guard, done, call, agentRetry, action, notice] {
                watcher->deleteLater();
                if (notice && notice->property("told").toBool())
                    m_prompt->answered();
                if (!guard)
                    return;
                const QDBusMessage reply = watcher->reply();
                if (reply.type() == QDBusMessage::ErrorMessage) {
                    Error error = errorFromReply(reply);
                    if (agentRetry && error.code == ErrorCode::AuthorizationRequired) {
                        m_prompt->startAgent(action, m_bus.baseService());
                        send(call, true, false, guard, done);
                        return;
                    }
                    return done(error, reply.service());
                }
                if (reply.type() != QDBusMessage::ReplyMessage)
                    return done(
                        Error{ErrorCode::Internal, tr("the Plugdesk helper sent no reply to %1").arg(call.member)},
                        reply.service());
                done(reply.arguments(), reply.service());
            });
}

// --- the copy of the helper's state ---

Job *HelperEngine::reload()
{
    m_wanted = true;
    auto *job = new Job(tr("Read the plugins"), this);
    m_reloads.append(job);
    requestSnapshot(true, 0);
    return job;
}

void HelperEngine::requestSnapshot(bool interactive, int delayMs)
{
    m_nextInteractive = m_nextInteractive || interactive;
    if (m_snapshotInFlight) {
        m_snapshotAgain = true;
        return;
    }
    if (m_snapshotScheduled)
        return;
    m_snapshotScheduled = true;
    QTimer::singleShot(delayMs, this, [this] {
        m_snapshotScheduled = false;
        sendSnapshot();
    });
}

void HelperEngine::sendSnapshot()
{
    const bool interactive = std::exchange(m_nextInteractive, false);
    m_snapshotInFlight = true;
    m_snapshotAgain = false;
    m_againUnlessFrom.clear();
    callAsync(
        methods::CompactSnapshot::call(), interactive, this,
        ReplyFrom([this](const Result<QVariantList> &reply, const QString &sender) { applySnapshot(reply, sender); }));
}

void HelperEngine::applySnapshot(const Result<QVariantList> &reply, const QString &sender)
{
    m_snapshotInFlight = false;
    // The helper got a new owner while this was on its way: an answer from that owner came after it started, so it
    // is as new as a second read would be; from anyone else (the owner before it) it may miss what changed meanwhile.
    if (!m_againUnlessFrom.isEmpty() && sender != m_againUnlessFrom)
        m_snapshotAgain = true;
    m_againUnlessFrom.clear();
    std::optional<Error> failure;
    if (!reply) {
        failure = reply.error();
    } else {
        auto snapshot = binaryReply<methods::CompactSnapshot>(reply);
        if (!snapshot) {
            failure = snapshot.error();
        } else {
            m_list = std::move(snapshot->list);
            m_states = std::move(snapshot->states);
            m_drivers = std::move(snapshot->drivers);
        }
    }
    if (m_snapshotAgain) {
        // Something changed while this answer was on its way: it may be old already.
        sendSnapshot();
        return;
    }
    if (failure) {
        // A copy that was good stays on show when only a password is missing to refresh it.
        const bool keep = m_readiness == Readiness::Ready && failure->code == ErrorCode::AuthorizationRequired;
        setReadiness(keep ? Readiness::Ready : Readiness::Failed, failure);
    } else {
        setReadiness(Readiness::Ready, std::nullopt);
        Q_EMIT pluginsReloaded();
    }
    const QList<Job *> reloads = std::exchange(m_reloads, {});
    for (Job *job : reloads) {
        if (failure)
            job->failWith(*failure);
        else
            job->finishWith();
    }
    flushWaiters();
}

void HelperEngine::setReadiness(Readiness readiness, const std::optional<Error> &error)
{
    const bool changed = readiness != m_readiness || error.has_value() != m_readError.has_value() ||
                         (error && (error->code != m_readError->code || error->message != m_readError->message));
    m_readiness = readiness;
    m_readError = error;
    if (changed)
        Q_EMIT readinessChanged();
}

void HelperEngine::flushWaiters()
{
    if (snapshotPending())
        return;
    const QList<std::function<void()>> waiters = std::exchange(m_waiters, {});
    for (const auto &waiter : waiters)
        waiter();
}

void HelperEngine::endWhenCurrent(Job *job, const Result<QVariant> &result)
{
    QPointer<Job> guard(job);
    auto end = [guard, result] {
        if (!guard)
            return;
        if (result)
            guard->finishWith(*result);
        else
            guard->failWith(result.error());
    };
    // The helper pushed its change before the job's end: a snapshot for it is on its way (or none is kept).
    if (m_wanted && snapshotPending())
        m_waiters.append(end);
    else
        end();
}

void HelperEngine::onPluginsChanged()
{
    if (m_wanted)
        requestSnapshot(false, kPushCoalesceMs);
}

void HelperEngine::onHelperOwnerChanged(const QString &service, const QString &oldOwner, const QString &newOwner)
{
    Q_UNUSED(service);
    if (!m_wanted || newOwner.isEmpty() || !oldOwner.isEmpty())
        return;
    // A first read sent while no helper ran started it (activation) and is answered by it: no second read for that.
    // (The bus tells of the new owner before it hands it the queued call, so the answer comes after this.)
    if (m_snapshotInFlight && !m_snapshotAgain) {
        m_againUnlessFrom = newOwner;
        return;
    }
    requestSnapshot(false, kPushCoalesceMs);
}

void HelperEngine::onRuntimeStateChanged(const QString &id)
{
    if (!m_wanted)
        return;
    callAsync(methods::PluginRuntimeStateOf::call(id), false, this, [this, id](const Result<QVariantList> &reply) {
        auto state = jsonReply<methods::PluginRuntimeStateOf>(reply);
        if (!state) {
            if (state.error().code == ErrorCode::AuthorizationRequired)
                setReadiness(m_readiness, state.error());
            else if (state.error().code == ErrorCode::NotFound)
                m_states.remove(id);
            return;
        }
        m_states.insert(id, *state);
        Q_EMIT runtimeStateChanged(id);
    });
}

void HelperEngine::onVolumesChanged()
{
    Q_EMIT volumesChanged();
}

Result<PluginList> HelperEngine::plugins()
{
    if (m_readiness == Readiness::Ready)
        return m_list;
    if (m_readError)
        return *m_readError;
    return Error{ErrorCode::Timeout, tr("the plugins have not been read from the Plugdesk helper yet")};
}

Result<Plugin> HelperEngine::plugin(const QString &nameOrId)
{
    auto list = plugins();
    if (!list)
        return list.error();
    return list->find(nameOrId);
}

Result<PluginRuntimeState> HelperEngine::runtimeState(const QString &nameOrId)
{
    auto found = plugin(nameOrId);
    if (!found)
        return found.error();
    return m_states.value(found->id);
}

QHash<QString, PluginRuntimeState> HelperEngine::runtimeStates(const QList<Plugin> &plugins)
{
    // From the snapshot's states by id: runtimeState(id) would look each plugin up in the list first.
    QHash<QString, PluginRuntimeState> states;
    if (m_readiness != Readiness::Ready)
        return states;
    QSet<QString> listed;
    listed.reserve(m_list.plugins.size());
    for (const Plugin &plugin : std::as_const(m_list.plugins))
        listed.insert(plugin.id);
    states.reserve(plugins.size());
    for (const Plugin &plugin : plugins) {
        if (listed.contains(plugin.id))
            states.insert(plugin.id, m_states.value(plugin.id));
    }
    return states;
}

Result<QList<VolumeDriverInfo>> HelperEngine::volumeDrivers()
{
    auto list = plugins();
    if (!list)
        return list.error();
    return m_drivers;
}

// --- calls ---

void HelperEngine::reportAuthorising(Job *job)
{
    job->reportProgress({JobProgress::authorisingPhase(), QString(), 0, 0, tr("Waiting for authorisation…")});
}

Job *HelperEngine::newJob(const QString &title)
{
    auto *job = new Job(title, this);
    Q_EMIT jobStarted(job);
    return job;
}

Job *HelperEngine::failedJob(const QString &title, const Error &error)
{
    Job *job = newJob(title);
    job->failWith(error);
    return job;
}

void HelperEngine::callIntoJob(Job *job, const HelperMessage &call,
                               const std::function<void(const Result<QVariant> &)> &ending)
{
    reportAuthorising(job);
    QPointer<Job> guard(job);
    // Cancelled before the helper answered: the job ends now, and a helper job that starts anyway is cancelled.
    // Once the helper's job runs, cancelling is its business (it rolls back, then ends).
    auto started = std::make_shared<bool>(false);
    auto cancelled = std::make_shared<bool>(false);
    connect(job, &Job::cancelRequested, this, [guard, started, cancelled] {
        if (*started)
            return;
        *cancelled = true;
        if (guard)
            guard->failWith({ErrorCode::Cancelled, tr("cancelled while waiting for authorisation")});
    });
    callAsync(call, true, this, [this, guard, started, cancelled, ending](const Result<QVariantList> &reply) {
        *started = true;
        // Every job method answers ReturnsJob: the path of the helper's job.
        auto helperJob = reply ? Codec<QDBusObjectPath>::decode(reply->value(0), QStringLiteral("job"))
                               : Result<QDBusObjectPath>(reply.error());
        if (!helperJob) {
            if (guard && !*cancelled)
                guard->failWith(helperJob.error());
            return;
        }
        const QString path = helperJob->path();
        if (*cancelled || !guard) {
            auto *orphan = new Job(QString(), this);
            RemoteJob::attach(m_bus, m_service, path, orphan,
                              [orphan](const Result<QVariant> &) { orphan->deleteLater(); });
            orphan->cancel();
            return;
        }
        guard->reportProgress({QStringLiteral("started"), QString(), 0, 0, QString()});
        Job *job = guard.data();
        RemoteJob::attach(m_bus, m_service, path, job, [this, guard, ending](const Result<QVariant> &result) {
            if (!guard)
                return;
            if (ending)
                return ending(result);
            endWhenCurrent(guard.data(), result);
        });
    });
}

Job *HelperEngine::startJob(const HelperMessage &call, const QString &title)
{
    Job *job = newJob(title);
    callIntoJob(job, call);
    return job;
}

Job *HelperEngine::set(const QString &nameOrId, const QStringList &arguments)
{
    return changeSettings(methods::SetPlugin::call(nameOrId, arguments), nameOrId);
}

Job *HelperEngine::grant(const QString &nameOrId, const QStringList &arguments, const Privileges &accepted)
{
    return changeSettings(methods::GrantPlugin::call(nameOrId, arguments, accepted), nameOrId);
}

Job *HelperEngine::changeSettings(const HelperMessage &call, const QString &nameOrId)
{
    Job *job = newJob(tr("Set %1").arg(displayName(nameOrId)));
    reportAuthorising(job);
    callAsync(call, true, job, [this, job, nameOrId](const Result<QVariantList> &reply) {
        endWhenCurrent(job, reply ? Result<QVariant>(QVariant(nameOrId)) : Result<QVariant>(reply.error()));
    });
    return job;
}

Job *HelperEngine::logs(const QString &nameOrId, int tail)
{
    auto *job = new Job(tr("Logs of %1").arg(displayName(nameOrId)), this);
    callAsync(methods::PluginLogs::call(nameOrId, LogOptions{tail}), true, job,
              [job](const Result<QVariantList> &reply) {
                  auto lines = reply ? methods::PluginLogs::decodeReply(*reply) : Result<QStringList>(reply.error());
                  if (!lines)
                      return job->failWith(lines.error());
                  job->finishWith(*lines);
              });
    return job;
}

Result<QString> HelperEngine::logFile(const QString &nameOrId)
{
    Q_UNUSED(nameOrId);
    return Error{ErrorCode::Unsupported,
                 tr("following a log (-f) needs read access to the plugin's log file, which the helper keeps under its "
                    "run root; run plugdeskctl as root to follow it, or read it again without -f")};
}

void HelperEngine::offThread(Job *job, const std::function<Result<QString>()> &lookup,
                             const std::function<void(const Result<QString> &)> &done)
{
    auto answer = std::make_shared<std::optional<Result<QString>>>();
    QThread *worker = QThread::create([answer, lookup] { *answer = lookup(); });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    QPointer<Job> guard(job);
    connect(worker, &QThread::finished, this, [guard, answer, done] {
        if (guard && !guard->isFinished() && answer->has_value())
            done(**answer);
    });
    worker->start();
}

Job *HelperEngine::create(const QString &name, const QString &folder)
{
    const QString title = tr("Create %1").arg(name);
    if (!m_bus.isConnected())
        return startJob({methods::CreatePlugin::member(), {}}, title); // says why the bus is not there
    if (auto passing = checkDescriptorPassing(tr("create plugins")); !passing)
        return failedJob(title, passing.error());
    // Packed here, with this user's rights: the helper reads the packed file, never the folder itself.
    Result<PluginFolderToPack> toPack = pluginFolderToPack(folder);
    if (!toPack)
        return failedJob(title, toPack.error());
    const QString source = toPack->source;
    const QString config = toPack->config;
    const QString rootfs = toPack->rootfs;
    const std::shared_ptr<QTemporaryFile> packed = toPack->packed;

    // Packing a large rootfs takes a while: on a thread of its own, so the window keeps painting.
    Job *job = newJob(title);
    job->reportProgress({tr("Packing"), QString(), 0, 0, tr("packing %1").arg(source)});
    auto cancelled = std::make_shared<std::atomic_bool>(false);
    connect(job, &Job::cancelRequested, job, [cancelled] { cancelled->store(true); });
    offThread(
        job,
        [packed, config, rootfs, cancelled]() -> Result<QString> {
            auto written = LayerWriter::writeContext(config, rootfs, packed->fileName(),
                                                     [cancelled] { return cancelled->load(); });
            if (!written)
                return written.error();
            return packed->fileName();
        },
        [this, job, packed, name, source](const Result<QString> &written) {
            if (!written)
                return job->failWith(written.error().prefixed(tr("cannot pack %1").arg(source)));
            QFile context(*written);
            if (!context.open(QIODevice::ReadOnly))
                return job->failWith({ErrorCode::Io, tr("cannot pack %1: %2").arg(source, context.errorString())});
            // The descriptor is duplicated into the message as it is sent; the temp file may go with the job.
            callIntoJob(job, methods::CreatePlugin::call(name, ReadableFile{QDBusUnixFileDescriptor(context.handle())},
                                                         source));
            connect(job, &Job::finished, job, [packed] { packed->remove(); });
        });
    return job;
}

Job *HelperEngine::enable(const QString &nameOrId, int timeoutSeconds)
{
    return startJob(methods::EnablePlugin::call(nameOrId, EnableOptions{timeoutSeconds}),
                    tr("Enable %1").arg(displayName(nameOrId)));
}

Job *HelperEngine::start(const QString &nameOrId, int timeoutSeconds)
{
    return startJob(methods::StartPlugin::call(nameOrId, EnableOptions{timeoutSeconds}),
                    tr("Start %1").arg(displayName(nameOrId)));
}

Job *HelperEngine::disable(const QString &nameOrId, bool force)
{
    return startJob(methods::DisablePlugin::call(nameOrId, ForceOption{force}),
                    tr("Disable %1").arg(displayName(nameOrId)));
}

RegistryClient *HelperEngine::registry()
{
    if (!m_registry)
        m_registry = new RegistryClient(this);
    return m_registry;
}

Job *HelperEngine::privileges(const QString &reference, const QStringList &settings)
{
    auto *job = readPrivileges(registry(), reference, settings, this);
    Q_EMIT jobStarted(job);
    return job;
}

Job *HelperEngine::tags(const QString &repository)
{
    return readTags(registry(), repository, this);
}

Job *HelperEngine::login(const QString &server, const QString &user, const QString &password)
{
    auto *job = loginToRegistry(server, AuthConfig{user, password, {}}, registry(), this);
    Q_EMIT jobStarted(job);
    return job;
}

Result<QStringList> HelperEngine::registryLogins()
{
    return savedRegistryLogins();
}

Job *HelperEngine::logout(const QString &server)
{
    return logoutOfRegistry(server, registry(), this);
}

namespace {

// The user's login for the registry of `reference`, as RegistryAuth JSON ("" when none). May run a credential
// helper: call it on a worker thread.
Result<QString> registryAuthFor(const QString &reference)
{
    auto parsed = Reference::parse(reference);
    if (!parsed)
        return parsed.error();
    auto auth = Credentials().lookup(parsed->domain());
    if (!auth)
        return auth.error();
    return RegistryAuth::encode(*auth, Credentials::serverKey(parsed->domain()));
}

} // namespace

void HelperEngine::inspectInto(Job *job, const QString &nameOrId,
                               const std::function<void(const Plugin &plugin)> &found)
{
    callAsync(methods::InspectPlugin::call(nameOrId), true, job, [job, found](const Result<QVariantList> &reply) {
        auto plugin = jsonReply<methods::InspectPlugin>(reply);
        if (!plugin)
            return job->failWith(plugin.error());
        found(*plugin);
    });
}

Job *HelperEngine::push(const QString &name)
{
    const QString title = tr("Push %1").arg(name);
    if (auto reference = Reference::parse(name); reference && reference->hasDigest())
        return failedJob(title, Error{ErrorCode::InvalidArgument, tr("invalid name: %1").arg(name)});
    Job *job = newJob(title);
    reportAuthorising(job);
    // The target registry is the one the plugin's own name names: ask the helper for that name first.
    inspectInto(job, name, [this, job](const Plugin &found) {
        const QString target = found.name();
        offThread(
            job, [target] { return registryAuthFor(target); },
            [this, job, target](const Result<QString> &auth) {
                if (!auth)
                    return job->failWith(auth.error());
                callIntoJob(job, methods::PushPlugin::call(target, *auth));
            });
    });
    return job;
}

Job *HelperEngine::remove(const QString &nameOrId, bool force)
{
    return startJob(methods::RemovePlugin::call(nameOrId, ForceOption{force}),
                    tr("Remove %1").arg(displayName(nameOrId)));
}

Job *HelperEngine::install(const QString &reference, const Privileges &accepted, const InstallOptions &options)
{
    Job *job = newJob(tr("Install %1").arg(reference));
    offThread(
        job, [reference] { return registryAuthFor(reference); },
        [this, job, reference, accepted, options](const Result<QString> &auth) {
            if (!auth)
                return job->failWith(auth.error());
            callIntoJob(job, methods::InstallPlugin::call(reference, accepted, *auth, options));
        });
    return job;
}

Job *HelperEngine::upgrade(const QString &nameOrId, const QString &reference, const Privileges &accepted)
{
    Job *job = newJob(tr("Upgrade %1").arg(displayName(nameOrId)));
    offThread(
        job, [reference] { return registryAuthFor(reference); },
        [this, job, nameOrId, reference, accepted](const Result<QString> &auth) {
            if (!auth)
                return job->failWith(auth.error());
            callIntoJob(job, methods::UpgradePlugin::call(nameOrId, reference, accepted, *auth));
        });
    return job;
}

Status HelperEngine::checkDescriptorPassing(const QString &verb) const
{
    if (QDBusUnixFileDescriptor::isSupported() &&
        m_bus.connectionCapabilities().testFlag(QDBusConnection::UnixFileDescriptorPassing))
        return {};
    return Error{ErrorCode::Unsupported,
                 tr("cannot %1 through the Plugdesk helper: the bus connection cannot pass the file to it (no file "
                    "descriptor passing); run the command as root, which needs no helper")
                     .arg(verb)};
}

Job *HelperEngine::exportPlugin(const QString &nameOrId, const QString &file)
{
    const QString title = tr("Export %1").arg(displayName(nameOrId));
    if (!m_bus.isConnected())
        return startJob({methods::ExportPlugin::member(), {}}, title); // says why the bus is not there
    if (auto passing = checkDescriptorPassing(tr("export plugins")); !passing)
        return failedJob(title, passing.error());
    Job *job = newJob(title);
    reportAuthorising(job);
    // Found first, so that a missing plugin is told as such and no temp file is made for it.
    inspectInto(job, nameOrId, [this, job, file](const Plugin &plugin) {
        const std::optional<Plugin> found = plugin;
        auto pending = PendingFile::create(file);
        if (!pending)
            return job->failWith(pending.error().prefixed(tr("cannot export plugin %1").arg(found->name())));
        std::shared_ptr<PendingFile> target(std::move(*pending));
        // The helper's job writes into the temp file; this one renames it into place once that succeeded, and
        // only then ends, so whoever waits for it finds FILE complete.
        callIntoJob(job,
                    methods::ExportPlugin::call(found->id, WritableFile{QDBusUnixFileDescriptor(target->handle())},
                                                target->path()),
                    [job, target, name = found->name()](const Result<QVariant> &result) mutable {
                        // Released here, not with the job: a failed export's temp file goes at once.
                        const std::shared_ptr<PendingFile> file = std::move(target);
                        if (!result)
                            return job->failWith(result.error());
                        if (auto committed = file->commit(); !committed)
                            return job->failWith(committed.error().prefixed(tr("cannot export plugin %1").arg(name)));
                        job->finishWith(*result);
                    });
    });
    return job;
}

Job *HelperEngine::bundlePrivileges(const QString &file)
{
    Job *job = readBundleInfoJob(file, this);
    Q_EMIT jobStarted(job);
    return job;
}

Job *HelperEngine::importPlugin(const QString &file, const Privileges &accepted, const InstallOptions &options)
{
    const QString title = tr("Import %1").arg(file);
    if (!m_bus.isConnected())
        return startJob({methods::ImportPlugin::member(), {}}, title); // says why the bus is not there
    if (auto passing = checkDescriptorPassing(tr("import plugins")); !passing)
        return failedJob(title, passing.error());
    const QString source = QFileInfo(file).absoluteFilePath();
    if (!QFileInfo(source).isFile())
        return failedJob(title, Error{ErrorCode::NotFound, tr("cannot import %1: no such file").arg(source)});
    QFile bundle(source);
    if (!bundle.open(QIODevice::ReadOnly))
        return failedJob(
            title, Error{ErrorCode::PermissionDenied, tr("cannot import %1: %2").arg(source, bundle.errorString())});
    // The descriptor is duplicated into the message as it is sent; this process's copy closes with `bundle`.
    return startJob(
        methods::ImportPlugin::call(ReadableFile{QDBusUnixFileDescriptor(bundle.handle())}, source, accepted, options),
        title);
}

Job *HelperEngine::volumes(const QString &driver)
{
    return startJob(methods::ListVolumes::call(driver), tr("List volumes"));
}

Job *HelperEngine::inspectVolume(const QString &name)
{
    return startJob(methods::InspectVolume::call(name), tr("Inspect volume %1").arg(name));
}

Job *HelperEngine::createVolume(const QString &driver, const QString &name, const QMap<QString, QString> &options)
{
    return startJob(methods::CreateVolume::call(driver, name, options), tr("Create volume %1").arg(name));
}

Job *HelperEngine::removeVolume(const QString &name, bool force)
{
    return startJob(methods::RemoveVolume::call(name, ForceOption{force}), tr("Remove volume %1").arg(name));
}

Job *HelperEngine::mountVolume(const QString &name)
{
    return startJob(methods::MountVolume::call(name), tr("Mount volume %1").arg(name));
}

Job *HelperEngine::unmountVolume(const QString &name)
{
    return startJob(methods::UnmountVolume::call(name), tr("Unmount volume %1").arg(name));
}

} // namespace core
