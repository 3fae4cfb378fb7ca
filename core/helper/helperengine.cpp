#include "core/helper/helperengine.h"

#include "core/archive/layerwriter.h"
#include "core/base/pendingfile.h"
#include "core/engine/importplugin.h"
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
#include <QDBusUnixFileDescriptor>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryFile>
#include <QThread>
#include <QTimer>
#include <atomic>
#include <memory>
#include <optional>

namespace core {

namespace {

// A person may take a while to answer a polkit agent's password dialog.
constexpr int kCallTimeoutMs = 10 * 60 * 1000;

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
    if (m_bus.isConnected())
        m_bus.connect(m_service, HelperProtocol::objectPath(), HelperProtocol::interfaceName(),
                      QStringLiteral("PluginsChanged"), this, SLOT(onPluginsChanged()));
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

void HelperEngine::onPluginsChanged()
{
    Q_EMIT pluginsReloaded();
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

Result<QDBusMessage> HelperEngine::call(const QString &member, const QVariantList &arguments)
{
    if (!m_bus.isConnected())
        return Error{ErrorCode::Network,
                     tr("cannot connect to the bus of the Plugdesk helper (%1): %2")
                         .arg(m_address.isEmpty() ? tr("the system bus") : m_address, m_bus.lastError().message())};
    QDBusMessage message = QDBusMessage::createMethodCall(m_service, HelperProtocol::objectPath(),
                                                          HelperProtocol::interfaceName(), member);
    message.setArguments(arguments);
    message.setInteractiveAuthorizationAllowed(true);
    // BlockWithGui keeps a window painting while polkit's agent asks for a password.
    const QDBusMessage reply = m_bus.call(message, QDBus::BlockWithGui, kCallTimeoutMs);
    if (reply.type() == QDBusMessage::ErrorMessage)
        return errorFromReply(reply);
    if (reply.type() != QDBusMessage::ReplyMessage)
        return Error{ErrorCode::Internal, tr("the Plugdesk helper sent no reply to %1").arg(member)};
    return reply;
}

Result<PluginList> HelperEngine::plugins()
{
    auto reply = call(QStringLiteral("ListPlugins"), {});
    if (!reply)
        return reply.error();
    return HelperProtocol::decodePluginList(reply->arguments().value(0).toString().toUtf8());
}

Result<Plugin> HelperEngine::plugin(const QString &nameOrId)
{
    auto reply = call(QStringLiteral("InspectPlugin"), {nameOrId});
    if (!reply)
        return reply.error();
    const QJsonDocument document = QJsonDocument::fromJson(reply->arguments().value(0).toString().toUtf8());
    if (!document.isObject())
        return Error{ErrorCode::Internal, tr("the Plugdesk helper sent a plugin that is not JSON")};
    return HelperProtocol::decodePlugin(document.object());
}

Status HelperEngine::set(const QString &nameOrId, const QStringList &arguments)
{
    auto reply = call(QStringLiteral("SetPlugin"), {nameOrId, arguments});
    if (!reply)
        return reply.error();
    return {};
}

Status HelperEngine::grant(const QString &nameOrId, const QStringList &arguments, const Privileges &accepted)
{
    auto reply =
        call(QStringLiteral("GrantPlugin"),
             {nameOrId, arguments, QString::fromUtf8(QJsonDocument(accepted.toJson()).toJson(QJsonDocument::Compact))});
    if (!reply)
        return reply.error();
    return {};
}

Job *HelperEngine::startJob(const QString &member, const QVariantList &arguments, const QString &title)
{
    auto reply = call(member, arguments);
    if (!reply) {
        auto *failed = new Job(title, this);
        Q_EMIT jobStarted(failed);
        failed->failWith(reply.error());
        return failed;
    }
    const QVariant path = reply->arguments().value(0);
    return adoptJob(path.value<QDBusObjectPath>().path(), title);
}

Job *HelperEngine::create(const QString &name, const QString &folder)
{
    const QString title = tr("Create %1").arg(name);
    if (!m_bus.isConnected())
        return startJob(QStringLiteral("CreatePlugin"), {}, title); // says why the bus is not there
    if (auto passing = checkDescriptorPassing(tr("create plugins")); !passing)
        return failedJob(title, passing.error());
    // Packed here, with this user's rights: the helper reads the packed file, never the folder itself.
    const QString source = QFileInfo(folder).absoluteFilePath();
    if (!QFileInfo(source).isDir())
        return failedJob(title, Error{ErrorCode::NotFound, tr("%1: no such folder").arg(source)});
    const QString config = source + QStringLiteral("/config.json");
    if (!QFileInfo(config).isFile())
        return failedJob(title,
                         Error{ErrorCode::NotFound,
                               tr("%1: no such file (a plugin folder holds config.json and rootfs/)").arg(config)});
    const QString rootfs = source + QStringLiteral("/rootfs");
    if (!QFileInfo(rootfs).isDir())
        return failedJob(title,
                         Error{ErrorCode::NotFound,
                               tr("%1: no such folder (a plugin folder holds config.json and rootfs/)").arg(rootfs)});
    auto packed = std::make_shared<QTemporaryFile>(QDir::tempPath() + QStringLiteral("/plugdesk-create-XXXXXX.tar.gz"));
    if (!packed->open())
        return failedJob(title, Error{ErrorCode::Io, tr("cannot pack %1: cannot create a temp file in %2: %3")
                                                         .arg(source, QDir::tempPath(), packed->errorString())});
    packed->close();

    // Packing a large rootfs takes a while: on a thread of its own, so the window keeps painting.
    auto *job = new Job(title, this);
    Q_EMIT jobStarted(job);
    job->reportProgress({tr("Packing"), QString(), 0, 0, tr("packing %1").arg(source)});
    auto cancelled = std::make_shared<std::atomic_bool>(false);
    connect(job, &Job::cancelRequested, job, [cancelled] { cancelled->store(true); });
    auto written = std::make_shared<std::optional<Result<LayerWriter::Layer>>>();
    QThread *worker = QThread::create([packed, config, rootfs, cancelled, written] {
        *written =
            LayerWriter::writeContext(config, rootfs, packed->fileName(), [cancelled] { return cancelled->load(); });
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    connect(worker, &QThread::finished, job, [this, job, packed, written, name, source, title]() mutable {
        // Released here, not with the job: the temp file goes as soon as the helper holds its own descriptor.
        const std::shared_ptr<QTemporaryFile> file = std::move(packed);
        if (!written->has_value() || !**written)
            return job->failWith(written->has_value() ? (**written).error().prefixed(tr("cannot pack %1").arg(source))
                                                      : Error{ErrorCode::Internal, tr("cannot pack %1").arg(source)});
        QFile context(file->fileName());
        if (!context.open(QIODevice::ReadOnly))
            return job->failWith({ErrorCode::Io, tr("cannot pack %1: %2").arg(source, context.errorString())});
        // The descriptor is duplicated into the message; the helper holds its own copy once the call returned.
        auto reply = call(QStringLiteral("CreatePlugin"),
                          {name, QVariant::fromValue(QDBusUnixFileDescriptor(context.handle())), source});
        if (!reply)
            return job->failWith(reply.error());
        Job *remote =
            RemoteJob::adopt(m_bus, m_service, reply->arguments().value(0).value<QDBusObjectPath>().path(), title, job);
        connect(remote, &Job::progressed, job, [job](const JobProgress &progress) { job->reportProgress(progress); });
        connect(job, &Job::cancelRequested, remote, &Job::cancel);
        auto end = [job, remote] {
            if (const auto error = remote->error())
                return job->failWith(*error);
            job->finishWith(remote->result());
        };
        if (remote->isFinished())
            QTimer::singleShot(0, job, end);
        else
            connect(remote, &Job::finished, job, end);
    });
    worker->start();
    return job;
}

Job *HelperEngine::enable(const QString &nameOrId, int timeoutSeconds)
{
    return startJob(QStringLiteral("EnablePlugin"), {nameOrId, timeoutSeconds}, tr("Enable %1").arg(nameOrId));
}

Job *HelperEngine::disable(const QString &nameOrId, bool force)
{
    return startJob(QStringLiteral("DisablePlugin"), {nameOrId, force}, tr("Disable %1").arg(nameOrId));
}

Result<QStringList> HelperEngine::logs(const QString &nameOrId, int tail)
{
    auto reply = call(QStringLiteral("PluginLogs"), {nameOrId, tail});
    if (!reply)
        return reply.error();
    return reply->arguments().value(0).toStringList();
}

Result<QString> HelperEngine::logFile(const QString &nameOrId)
{
    Q_UNUSED(nameOrId);
    return Error{ErrorCode::Unsupported,
                 tr("following a log (-f) needs read access to the plugin's log file, which the helper keeps under its "
                    "run root; run plugdeskctl as root to follow it, or read it again without -f")};
}

Result<PluginRuntimeState> HelperEngine::runtimeState(const QString &nameOrId)
{
    auto reply = call(QStringLiteral("PluginRuntimeState"), {nameOrId});
    if (!reply)
        return reply.error();
    const QJsonObject object = QJsonDocument::fromJson(reply->arguments().value(0).toString().toUtf8()).object();
    if (object.isEmpty())
        return Error{ErrorCode::Internal, tr("the helper answered PluginRuntimeState with something that is not JSON")};
    PluginRuntimeState state = PluginRuntimeState::fromJson(object);
    state.monitorAlive = object.value(QStringLiteral("MonitorAlive")).toBool();
    state.socketPath = object.value(QStringLiteral("SocketPath")).toString();
    state.publishedSocketPath = object.value(QStringLiteral("PublishedSocketPath")).toString();
    for (const QJsonValue &value : object.value(QStringLiteral("Implements")).toArray())
        state.implements.append(value.toString());
    return state;
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

Status HelperEngine::logout(const QString &server)
{
    return logoutOfRegistry(server, registry());
}

Job *HelperEngine::push(const QString &name)
{
    const QString title = tr("Push %1").arg(name);
    auto fail = [this, title](const Error &error) {
        auto *failed = new Job(title, this);
        Q_EMIT jobStarted(failed);
        failed->failWith(error);
        return failed;
    };
    if (auto reference = Reference::parse(name); reference && reference->hasDigest())
        return fail(Error{ErrorCode::InvalidArgument, tr("invalid name: %1").arg(name)});
    // The target registry is the one the plugin's own name names: ask the helper for that name first.
    auto found = plugin(name);
    if (!found)
        return fail(found.error());
    auto target = Reference::parse(found->name());
    if (!target)
        return fail(target.error());
    auto login = Credentials().lookup(target->domain());
    if (!login)
        return fail(login.error());
    const QJsonObject auth{{QStringLiteral("ServerAddress"), target->domain()},
                           {QStringLiteral("Username"), login->username},
                           {QStringLiteral("Password"), login->password},
                           {QStringLiteral("IdentityToken"), login->identityToken}};
    return startJob(QStringLiteral("PushPlugin"),
                    {found->name(), QString::fromUtf8(QJsonDocument(auth).toJson(QJsonDocument::Compact))}, title);
}

Job *HelperEngine::remove(const QString &nameOrId, bool force)
{
    return startJob(QStringLiteral("RemovePlugin"), {nameOrId, force}, tr("Remove %1").arg(nameOrId));
}

Job *HelperEngine::adoptJob(const QString &path, const QString &title)
{
    Job *job = RemoteJob::adopt(m_bus, m_service, path, title, this);
    Q_EMIT jobStarted(job);
    return job;
}

Result<QString> HelperEngine::registryAuthFor(const QString &reference) const
{
    auto parsed = Reference::parse(reference);
    if (!parsed)
        return parsed.error();
    auto auth = Credentials().lookup(parsed->domain());
    if (!auth)
        return auth.error();
    return RegistryAuth::encode(*auth, Credentials::serverKey(parsed->domain()));
}

Job *HelperEngine::install(const QString &reference, const Privileges &accepted, const InstallOptions &options)
{
    const QString title = tr("Install %1").arg(reference);
    auto auth = registryAuthFor(reference);
    if (!auth) {
        auto *failed = new Job(title, this);
        Q_EMIT jobStarted(failed);
        failed->failWith(auth.error());
        return failed;
    }
    const QString privileges = QString::fromUtf8(QJsonDocument(accepted.toJson()).toJson(QJsonDocument::Compact));
    return startJob(QStringLiteral("InstallPlugin"),
                    {reference, privileges, options.alias, options.disable, options.settings, *auth}, title);
}

Job *HelperEngine::upgrade(const QString &nameOrId, const QString &reference, const Privileges &accepted)
{
    const QString title = tr("Upgrade %1").arg(nameOrId);
    auto auth = registryAuthFor(reference);
    if (!auth) {
        auto *failed = new Job(title, this);
        Q_EMIT jobStarted(failed);
        failed->failWith(auth.error());
        return failed;
    }
    const QString privileges = QString::fromUtf8(QJsonDocument(accepted.toJson()).toJson(QJsonDocument::Compact));
    return startJob(QStringLiteral("UpgradePlugin"), {nameOrId, reference, privileges, *auth}, title);
}

Job *HelperEngine::failedJob(const QString &title, const Error &error)
{
    auto *failed = new Job(title, this);
    Q_EMIT jobStarted(failed);
    failed->failWith(error);
    return failed;
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
    const QString title = tr("Export %1").arg(nameOrId);
    if (!m_bus.isConnected())
        return startJob(QStringLiteral("ExportPlugin"), {}, title); // says why the bus is not there
    if (auto passing = checkDescriptorPassing(tr("export plugins")); !passing)
        return failedJob(title, passing.error());
    // Found first, so that a missing plugin is told as such and no temp file is made for it.
    auto found = plugin(nameOrId);
    if (!found)
        return failedJob(title, found.error());
    auto pending = PendingFile::create(file);
    if (!pending)
        return failedJob(title, pending.error().prefixed(tr("cannot export plugin %1").arg(found->name())));
    std::shared_ptr<PendingFile> target(std::move(*pending));
    auto reply = call(QStringLiteral("ExportPlugin"),
                      {found->id, QVariant::fromValue(QDBusUnixFileDescriptor(target->handle())), target->path()});
    if (!reply)
        return failedJob(title, reply.error());
    // The helper's job writes into the temp file; this one renames it into place once that succeeded, and only
    // then ends, so whoever waits for it finds FILE complete.
    auto *job = new Job(title, this);
    Job *remote =
        RemoteJob::adopt(m_bus, m_service, reply->arguments().value(0).value<QDBusObjectPath>().path(), title, job);
    connect(remote, &Job::progressed, job, [job](const JobProgress &progress) { job->reportProgress(progress); });
    connect(job, &Job::cancelRequested, remote, &Job::cancel);
    auto end = [job, remote, target, name = found->name()]() mutable {
        // Released here, not with the job: a failed export's temp file goes at once.
        const std::shared_ptr<PendingFile> file = std::move(target);
        if (!file)
            return;
        if (const auto error = remote->error())
            return job->failWith(*error);
        if (auto committed = file->commit(); !committed)
            return job->failWith(committed.error().prefixed(tr("cannot export plugin %1").arg(name)));
        job->finishWith(remote->result());
    };
    if (remote->isFinished())
        QTimer::singleShot(0, job, end);
    else
        connect(remote, &Job::finished, job, end);
    Q_EMIT jobStarted(job);
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
        return startJob(QStringLiteral("ImportPlugin"), {}, title); // says why the bus is not there
    if (auto passing = checkDescriptorPassing(tr("import plugins")); !passing)
        return failedJob(title, passing.error());
    const QString source = QFileInfo(file).absoluteFilePath();
    if (!QFileInfo(source).isFile())
        return failedJob(title, Error{ErrorCode::NotFound, tr("cannot import %1: no such file").arg(source)});
    QFile bundle(source);
    if (!bundle.open(QIODevice::ReadOnly))
        return failedJob(
            title, Error{ErrorCode::PermissionDenied, tr("cannot import %1: %2").arg(source, bundle.errorString())});
    const QString privileges = QString::fromUtf8(QJsonDocument(accepted.toJson()).toJson(QJsonDocument::Compact));
    // The descriptor is duplicated into the message; the helper holds its own copy once the call returned.
    return startJob(QStringLiteral("ImportPlugin"),
                    {QVariant::fromValue(QDBusUnixFileDescriptor(bundle.handle())), source, privileges, options.alias,
                     options.disable, options.settings},
                    title);
}

Result<QList<VolumeDriverInfo>> HelperEngine::volumeDrivers()
{
    auto reply = call(QStringLiteral("VolumeDrivers"), {});
    if (!reply)
        return reply.error();
    const QJsonDocument document = QJsonDocument::fromJson(reply->arguments().value(0).toString().toUtf8());
    if (!document.isArray())
        return Error{ErrorCode::Internal, tr("the helper answered VolumeDrivers with something that is not JSON")};
    QList<VolumeDriverInfo> drivers;
    for (const QJsonValue &value : document.array())
        drivers.append(VolumeDriverInfo::fromJson(value.toObject()));
    return drivers;
}

Job *HelperEngine::volumes(const QString &driver)
{
    return startJob(QStringLiteral("ListVolumes"), {driver}, tr("List volumes"));
}

Job *HelperEngine::inspectVolume(const QString &name)
{
    return startJob(QStringLiteral("InspectVolume"), {name}, tr("Inspect volume %1").arg(name));
}

Job *HelperEngine::createVolume(const QString &driver, const QString &name, const QMap<QString, QString> &options)
{
    QStringList list;
    for (auto it = options.constBegin(); it != options.constEnd(); ++it)
        list.append(it.key() + QLatin1Char('=') + it.value());
    return startJob(QStringLiteral("CreateVolume"), {driver, name, list}, tr("Create volume %1").arg(name));
}

Job *HelperEngine::removeVolume(const QString &name, bool force)
{
    return startJob(QStringLiteral("RemoveVolume"), {name, force}, tr("Remove volume %1").arg(name));
}

Job *HelperEngine::mountVolume(const QString &name)
{
    return startJob(QStringLiteral("MountVolume"), {name}, tr("Mount volume %1").arg(name));
}

Job *HelperEngine::unmountVolume(const QString &name)
{
    return startJob(QStringLiteral("UnmountVolume"), {name}, tr("Unmount volume %1").arg(name));
}

} // namespace core
