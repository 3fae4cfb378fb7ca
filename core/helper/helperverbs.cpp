// The server's side of the method table (helpermethods.h): each row served by a handler that gets the typed
// arguments and calls the LocalEngine, and the checks every call passes before polkit is asked.
#include "core/helper/helperverbs.h"

#include "core/base/calllocale.h"
#include "core/engine/localengine.h"
#include "core/helper/helperprotocol.h"
#include "core/helper/helperservice.h"
#include "core/helper/secrets.h"
#include "core/helper/snapshotcodec.h"
#include "core/plugin/reference.h"
#include "core/registry/credentials.h"
#include "core/registry/registryauth.h"
#include "core/registry/registryclient.h"

#include <QDBusObjectPath>
#include <QDBusUnixFileDescriptor>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace core {

QString HelperVerb::inSignature() const
{
    QString signature;
    for (const HelperArgument &argument : in)
        signature += argument.signature;
    return signature;
}

QString HelperVerb::outSignature() const
{
    QString signature;
    for (const HelperArgument &argument : out)
        signature += argument.signature;
    return signature;
}

namespace {

// A verb that started a job answers with the job's object path; the caller follows it there.
Result<QDBusObjectPath> jobReply(HelperCall &call, Job *job, const QString &operation)
{
    const QString path = call.service.exportJob(job, operation, call.caller());
    if (path.isEmpty())
        return Error{ErrorCode::Internal, HelperVerbs::tr("cannot publish the %1 job on the bus").arg(operation)};
    return QDBusObjectPath(path);
}

// A volume job for a caller that does not hold the volumes action already: the same job, its result with the
// values of secret-looking options hidden (Secrets). Owned by the engine's job.
Job *withoutSecrets(Job *job)
{
    auto *shown = new Job(job->title(), job);
    QObject::connect(job, &Job::progressed, shown,
                     [shown](const JobProgress &progress) { shown->reportProgress(progress); });
    QObject::connect(shown, &Job::cancelRequested, job, &Job::cancel);
    auto end = [shown, job] {
        if (const auto error = job->error())
            shown->failWith(*error);
        else
            shown->finishWith(Secrets::redactVolumes(job->result()));
    };
    if (job->isFinished())
        end();
    else
        QObject::connect(job, &Job::finished, shown, end);
    return shown;
}

// A registry client for one call, with the caller's login and never root's own (docs/docker-compat.md §7.4).
Result<RegistryClient *> callerRegistry(const QString &remote, const QString &authJson)
{
    auto reference = Reference::parse(remote);
    if (!reference)
        return reference.error();
    auto auth = RegistryAuth::decode(authJson, reference->domain());
    if (!auth)
        return auth.error();
    RegistryClient::Options options;
    options.readCredentials = false;
    auto *client = new RegistryClient(options);
    if (!auth->isEmpty())
        client->setAuth(reference->domain(), *auth);
    return client;
}

// The plugin list as JSON, its settings' secret values redacted unless the caller may see them.
QJsonObject pluginListObject(const HelperCall &call, const PluginList &list)
{
    const QJsonObject object = HelperProtocol::encodePluginListObject(list);
    return call.revealSecrets ? object : Secrets::redactPluginList(object);
}

QByteArray pluginListJson(const HelperCall &call, const PluginList &list)
{
    return QJsonDocument(pluginListObject(call, list)).toJson(QJsonDocument::Compact);
}

// A descriptor argument as one this process owns (validate() checked it is a regular file opened the right way).
Result<int> takeDescriptor(const QDBusUnixFileDescriptor &argument, const QString &name)
{
    const int fd = ::fcntl(argument.fileDescriptor(), F_DUPFD_CLOEXEC, 0);
    if (fd < 0)
        return Error{ErrorCode::Io, HelperVerbs::tr("cannot take the file of argument \"%1\"").arg(name)};
    return fd;
}

// What a window shows, in one piece: the plugins, each one's run state, the volume drivers (Snapshot, CompactSnapshot).
Result<HelperSnapshot> snapshotOf(HelperCall &call)
{
    auto list = call.engine.plugins();
    if (!list)
        return list.error();
    HelperSnapshot snapshot;
    snapshot.states = call.engine.runtimeStates(list->plugins);
    snapshot.drivers = call.engine.volumeDrivers().valueOr({});
    snapshot.list = std::move(*list);
    return snapshot;
}

} // namespace

const QList<HelperVerb> &HelperVerbs::all()
{
    namespace m = methods;
    using Job_ = Result<QDBusObjectPath>;
    using Done = Result<std::monostate>;
    // One entry per row of the table; `name` arrives looked up (HelperCall::plugin) and handlers act on its id.
    static const QList<HelperVerb> verbs{
        serve<m::ListPlugins>([] { return tr("list plugins"); },
                              [](HelperCall &call, const NoOptions &) -> Result<JsonOf<PluginList>> {
                                  auto list = call.engine.plugins();
                                  if (!list)
                                      return list.error();
                                  return JsonOf<PluginList>{pluginListJson(call, *list)};
                              },
                              HelperAction::Manage),
        // What a window shows, in one answer: the plugins, each one's run state, the volume drivers. The window
        // reads it once and then only after a change the helper announced.
        serve<m::Snapshot>([] { return tr("list plugins"); },
                           [](HelperCall &call, const NoOptions &) -> Result<JsonOf<HelperSnapshot>> {
                               auto snapshot = snapshotOf(call);
                               if (!snapshot)
                                   return snapshot.error();
                               return JsonOf<HelperSnapshot>{
                                   HelperProtocol::encodeSnapshot(pluginListObject(call, snapshot->list), *snapshot)};
                           },
                           HelperAction::Manage),
        // The same, in SnapshotCodec's binary form: the window's first read, and each after a pushed change.
        serve<m::CompactSnapshot>([] { return tr("list plugins"); },
                                  [](HelperCall &call, const NoOptions &) -> Result<BinaryOf<HelperSnapshot>> {
                                      auto snapshot = snapshotOf(call);
                                      if (!snapshot)
                                          return snapshot.error();
                                      return BinaryOf<HelperSnapshot>{
                                          SnapshotCodec::encode(*snapshot, call.revealSecrets)};
                                  },
                                  HelperAction::Manage),
        serve<m::InspectPlugin>([] { return tr("inspect plugins"); },
                                [](HelperCall &call, const QString &, const NoOptions &) -> Result<JsonOf<Plugin>> {
                                    // Read again: the answer must be what the store holds now, not before polkit
                                    // answered.
                                    auto plugin = call.engine.plugin(call.plugin->id);
                                    if (!plugin)
                                        return plugin.error();
                                    const QJsonObject json = HelperProtocol::encodePlugin(*plugin);
                                    return JsonOf<Plugin>{
                                        QJsonDocument(call.revealSecrets ? json : Secrets::redactPlugin(json))
                                            .toJson(QJsonDocument::Compact)};
                                },
                                HelperAction::Manage),
        serve<m::SetPlugin>([] { return tr("change plugin settings"); },
                            [](HelperCall &call, const QString &, const QStringList &args, const NoOptions &) -> Done {
                                if (auto set = call.engine.applySettings(call.plugin->id, args, std::nullopt); !set)
                                    return set.error();
                                return std::monostate{};
                            }),
        // A `set` that gives the plugin host privileges it did not have. Its own action, asked every time: holding
        // org.plugdesk.manage (enable, disable, plain settings) must not be enough to mount the host's / into a root
        // process. The details name the privileges the plugin will have, and the new ones (addDetails).
        serve<m::GrantPlugin>([] { return tr("grant plugins new privileges"); },
                              [](HelperCall &call, const QString &, const QStringList &args, const Privileges &accepted,
                                 const NoOptions &) -> Done {
                                  if (auto granted = call.engine.applySettings(call.plugin->id, args, accepted);
                                      !granted)
                                      return granted.error();
                                  return std::monostate{};
                              }),
        serve<m::EnablePlugin>([] { return tr("enable plugins"); },
                               [](HelperCall &call, const QString &, const EnableOptions &options) -> Job_ {
                                   return jobReply(call, call.engine.enable(call.plugin->id, options.timeout),
                                                   QStringLiteral("enable"));
                               }),
        serve<m::StartPlugin>([] { return tr("start plugins"); },
                              [](HelperCall &call, const QString &, const EnableOptions &options) -> Job_ {
                                  return jobReply(call, call.engine.start(call.plugin->id, options.timeout),
                                                  QStringLiteral("start"));
                              }),
        serve<m::DisablePlugin>([] { return tr("disable plugins"); },
                                [](HelperCall &call, const QString &, const ForceOption &options) -> Job_ {
                                    return jobReply(call, call.engine.disable(call.plugin->id, options.force),
                                                    QStringLiteral("disable"));
                                }),
        // The caller packed its folder with its own rights (LayerWriter::writeContext) and passes the packed file:
        // the helper never opens a path the caller named, so a folder (or a rootfs symlink) the caller cannot read
        // stays unread. `folder` is the caller's path, for messages only.
        serve<m::CreatePlugin>([] { return tr("create plugins"); },
                               [](HelperCall &call, const QString &name, const ReadableFile &context,
                                  const QString &folder, const NoOptions &) -> Job_ {
                                   auto fd = takeDescriptor(context.descriptor, QStringLiteral("context"));
                                   if (!fd)
                                       return fd.error();
                                   return jobReply(call, call.engine.createFrom(name, *fd, folder),
                                                   QStringLiteral("create"));
                               }),
        serve<m::PushPlugin>([] { return tr("push plugins"); },
                             [](HelperCall &call, const QString &, const QString &auth, const NoOptions &) -> Job_ {
                                 // The caller's own login for the target registry, never root's, in the same
                                 // RegistryAuth JSON as install's; empty means anonymous.
                                 const QString name = call.plugin->name();
                                 auto target = Reference::parse(name);
                                 if (!target)
                                     return target.error();
                                 auto login = RegistryAuth::decode(auth, target->domain());
                                 if (!login)
                                     return login.error();
                                 return jobReply(call, call.engine.push(name, *login), QStringLiteral("push"));
                             }),
        // The caller opened the file (a temp file beside its target) and the helper writes into it with the caller's
        // rights: no path is ever opened as root. Same action as push: the plugin leaves the store.
        serve<m::ExportPlugin>([] { return tr("export plugins"); },
                               [](HelperCall &call, const QString &, const WritableFile &bundle, const QString &file,
                                  const NoOptions &) -> Job_ {
                                   auto fd = takeDescriptor(bundle.descriptor, QStringLiteral("bundle"));
                                   if (!fd)
                                       return fd.error();
                                   return jobReply(call, call.engine.exportPluginTo(call.plugin->id, *fd, file),
                                                   QStringLiteral("export"));
                               }),
        // The caller opened the bundle; the helper reads only what the caller could read.
        serve<m::ImportPlugin>([] { return tr("import plugins"); },
                               [](HelperCall &call, const ReadableFile &bundle, const QString &file,
                                  const Privileges &accepted, const InstallOptions &options) -> Job_ {
                                   auto fd = takeDescriptor(bundle.descriptor, QStringLiteral("bundle"));
                                   if (!fd)
                                       return fd.error();
                                   return jobReply(call, call.engine.importPluginFrom(*fd, file, accepted, options),
                                                   QStringLiteral("import"));
                               }),
        serve<m::RemovePlugin>([] { return tr("remove plugins"); },
                               [](HelperCall &call, const QString &, const ForceOption &options) -> Job_ {
                                   return jobReply(call, call.engine.remove(call.plugin->id, options.force),
                                                   QStringLiteral("remove"));
                               }),
        serve<m::InstallPlugin>([] { return tr("install plugins"); },
                                [](HelperCall &call, const QString &remote, const Privileges &accepted,
                                   const QString &auth, const InstallOptions &options) -> Job_ {
                                    auto client = callerRegistry(remote, auth);
                                    if (!client)
                                        return client.error();
                                    Job *job = call.engine.installUsing(*client, remote, accepted, options);
                                    (*client)->setParent(job);
                                    return jobReply(call, job, QStringLiteral("install"));
                                }),
        serve<m::UpgradePlugin>([] { return tr("upgrade plugins"); },
                                [](HelperCall &call, const QString &, const QString &remote, const Privileges &accepted,
                                   const QString &auth, const NoOptions &) -> Job_ {
                                    auto client = callerRegistry(remote, auth);
                                    if (!client)
                                        return client.error();
                                    Job *job = call.engine.upgradeUsing(*client, call.plugin->id, remote, accepted);
                                    (*client)->setParent(job);
                                    return jobReply(call, job, QStringLiteral("upgrade"));
                                }),
        serve<m::PluginLogs>([] { return tr("read plugin logs"); },
                             [](HelperCall &call, const QString &, const LogOptions &options) -> Result<QStringList> {
                                 return call.engine.logTail(call.plugin->id, options.tail);
                             }),
        serve<m::PluginRuntimeStateOf>(
            [] { return tr("read plugin state"); },
            [](HelperCall &call, const QString &, const NoOptions &) -> Result<JsonOf<PluginRuntimeState>> {
                auto state = call.engine.runtimeState(call.plugin->id);
                if (!state)
                    return state.error();
                return JsonOf<PluginRuntimeState>{
                    QJsonDocument(HelperProtocol::encodeRuntimeState(*state)).toJson(QJsonDocument::Compact)};
            }),
        serve<m::VolumeDrivers>(
            [] { return tr("list volume drivers"); },
            [](HelperCall &call, const NoOptions &) -> Result<JsonOf<QList<VolumeDriverInfo>>> {
                auto drivers = call.engine.volumeDrivers();
                if (!drivers)
                    return drivers.error();
                return JsonOf<QList<VolumeDriverInfo>>{
                    QJsonDocument(HelperProtocol::encodeDrivers(*drivers)).toJson(QJsonDocument::Compact)};
            }),
        serve<m::ListVolumes>([] { return tr("list volumes"); },
                              [](HelperCall &call, const QString &driver, const NoOptions &) -> Job_ {
                                  Job *job = call.engine.volumes(driver);
                                  return jobReply(call, call.revealSecrets ? job : withoutSecrets(job),
                                                  QStringLiteral("volumes"));
                              },
                              HelperAction::Volumes),
        serve<m::InspectVolume>([] { return tr("inspect volumes"); },
                                [](HelperCall &call, const QString &name, const NoOptions &) -> Job_ {
                                    Job *job = call.engine.inspectVolume(name);
                                    return jobReply(call, call.revealSecrets ? job : withoutSecrets(job),
                                                    QStringLiteral("inspect-volume"));
                                },
                                HelperAction::Volumes),
        serve<m::CreateVolume>(
            [] { return tr("create volumes"); },
            [](HelperCall &call, const QString &, const QString &name, const QMap<QString, QString> &driverOptions,
               const NoOptions &) -> Job_ {
                for (auto it = driverOptions.constBegin(); it != driverOptions.constEnd(); ++it) {
                    if (it.key().isEmpty() || it.key().contains(QLatin1Char('=')))
                        return Error{ErrorCode::InvalidArgument, tr("invalid option name \"%1\"").arg(it.key())};
                }
                return jobReply(call, call.engine.createVolume(call.plugin->id, name, driverOptions),
                                QStringLiteral("create-volume"));
            }),
        serve<m::RemoveVolume>([] { return tr("remove volumes"); },
                               [](HelperCall &call, const QString &name, const ForceOption &options) -> Job_ {
                                   return jobReply(call, call.engine.removeVolume(name, options.force),
                                                   QStringLiteral("remove-volume"));
                               }),
        serve<m::MountVolume>([] { return tr("mount volumes"); },
                              [](HelperCall &call, const QString &name, const NoOptions &) -> Job_ {
                                  return jobReply(call, call.engine.mountVolume(name), QStringLiteral("mount-volume"));
                              }),
        serve<m::UnmountVolume>([] { return tr("unmount volumes"); },
                                [](HelperCall &call, const QString &name, const NoOptions &) -> Job_ {
                                    return jobReply(call, call.engine.unmountVolume(name),
                                                    QStringLiteral("unmount-volume"));
                                }),
    };
    return verbs;
}

void HelperVerbs::addDetails(const HelperVerb &verb, const QVariantList &arguments, const Plugin *plugin,
                             QMap<QString, QString> &details)
{
    if (verb.member != QLatin1String("GrantPlugin") || !plugin)
        return;
    // What the person is asked to approve: computed here from the plugin and the arguments, never taken from the
    // caller's own list (the engine then requires the two to be the same).
    Plugin next = *plugin;
    if (!next.settings.apply(next.config, arguments.at(1).toStringList()))
        return;
    const Privileges effective = next.effectivePrivileges();
    details.insert(QStringLiteral("privileges"), effective.promptLines().join(QLatin1Char('\n')));
    details.insert(QStringLiteral("new_privileges"),
                   effective.notIn(plugin->approvedPrivileges()).promptLines().join(QLatin1Char('\n')));
}

const HelperVerb *HelperVerbs::find(const QString &member)
{
    for (const HelperVerb &verb : all()) {
        if (verb.member == member)
            return &verb;
    }
    return nullptr;
}

std::optional<QString> HelperVerbs::callerLocale(const QDBusMessage &message)
{
    const QVariantList arguments = message.arguments();
    if (arguments.isEmpty())
        return std::nullopt;
    auto options = HelperOptions::map(arguments.constLast(), QStringLiteral("options"));
    if (!options)
        return std::nullopt;
    const QVariant locale = options->value(QStringLiteral("locale"));
    if (locale.metaType().id() != QMetaType::QString || !CallLocale::isValidName(locale.toString()))
        return std::nullopt;
    return locale.toString();
}

Status HelperVerbs::validate(const HelperVerb &verb, const QDBusMessage &message)
{
    if (message.signature() != verb.inSignature())
        return Error{ErrorCode::InvalidArgument,
                     tr("%1 takes arguments (%2), not (%3)").arg(verb.member, verb.inSignature(), message.signature())};
    const QVariantList arguments = message.arguments();
    auto checkText = [](const QString &text, const QString &name, int limit) -> Status {
        if (text.size() > limit)
            return Error{
                ErrorCode::InvalidArgument,
                tr("argument \"%1\" is too long: %2 characters, at most %3").arg(name).arg(text.size()).arg(limit)};
        if (text.contains(QChar(0)))
            return Error{ErrorCode::InvalidArgument, tr("argument \"%1\" must not contain a NUL character").arg(name)};
        return {};
    };
    auto checkCount = [](qsizetype count, const QString &name) -> Status {
        if (count > kMaxItems)
            return Error{ErrorCode::InvalidArgument,
                         tr("argument \"%1\" has %2 entries, at most %3").arg(name).arg(count).arg(kMaxItems)};
        return {};
    };
    auto checkList = [&](const QStringList &items, const QString &name) -> Status {
        if (auto ok = checkCount(items.size(), name); !ok)
            return ok;
        for (const QString &item : items) {
            if (auto ok = checkText(item, name, kMaxText); !ok)
                return ok;
        }
        return {};
    };
    for (qsizetype index = 0; index < verb.in.size(); ++index) {
        const HelperArgument &argument = verb.in.at(index);
        const QVariant &value = arguments.at(index);
        switch (argument.rule) {
        case ArgumentRule::Text:
        case ArgumentRule::Privileges:
            if (auto ok = checkText(value.toString(), argument.name,
                                    argument.rule == ArgumentRule::Text ? kMaxText : kMaxText * 16);
                !ok)
                return ok;
            break;
        case ArgumentRule::PluginName:
        case ArgumentRule::Remote: {
            const QString text = value.toString();
            if (text.trimmed().isEmpty())
                return Error{ErrorCode::InvalidArgument, tr("argument \"%1\" must not be empty").arg(argument.name)};
            if (auto ok = checkText(text, argument.name, kMaxName); !ok)
                return ok;
            break;
        }
        case ArgumentRule::TextList:
            if (auto ok = checkList(value.toStringList(), argument.name); !ok)
                return ok;
            break;
        case ArgumentRule::TextMap: {
            auto map = Codec<QMap<QString, QString>>::decode(value, argument.name);
            if (!map)
                return map.error();
            if (auto ok = checkCount(map->size(), argument.name); !ok)
                return ok;
            if (auto ok = checkList(map->keys() + map->values(), argument.name); !ok)
                return ok;
            break;
        }
        case ArgumentRule::Options: {
            // Bounded like any list; each value's type is the method's Codec's business (check, below).
            auto map = HelperOptions::map(value, argument.name);
            if (!map)
                return map.error();
            if (auto ok = checkCount(map->size(), argument.name); !ok)
                return ok;
            for (auto it = map->constBegin(); it != map->constEnd(); ++it) {
                if (auto ok = checkText(it.key(), argument.name, kMaxName); !ok)
                    return ok;
                const QString name = argument.name + QLatin1Char('.') + it.key().left(64);
                if (it->metaType().id() == QMetaType::QString) {
                    if (auto ok = checkText(it->toString(), name, kMaxText); !ok)
                        return ok;
                } else if (it->metaType().id() == QMetaType::QStringList) {
                    if (auto ok = checkList(it->toStringList(), name); !ok)
                        return ok;
                }
            }
            break;
        }
        case ArgumentRule::Path:
        case ArgumentRule::Int:
        case ArgumentRule::Bool:
        case ArgumentRule::WritableFile:
        case ArgumentRule::ReadableFile:
            // The bus already checked the type; for a descriptor, checkDescriptors looks at what it opens once the
            // call is authorised.
            break;
        }
    }
    // The typed decoding: options' keys and types, the privileges' JSON. Reads no file.
    return verb.check(arguments);
}

bool HelperVerbs::hasDescriptors(const HelperVerb &verb)
{
    return std::any_of(verb.in.cbegin(), verb.in.cend(), [](const HelperArgument &argument) {
        return argument.rule == ArgumentRule::WritableFile || argument.rule == ArgumentRule::ReadableFile;
    });
}

Status HelperVerbs::checkDescriptors(const HelperVerb &verb, const QVariantList &arguments)
{
    for (qsizetype index = 0; index < verb.in.size() && index < arguments.size(); ++index) {
        const HelperArgument &argument = verb.in.at(index);
        if (argument.rule != ArgumentRule::WritableFile && argument.rule != ArgumentRule::ReadableFile)
            continue;
        const auto descriptor = arguments.at(index).value<QDBusUnixFileDescriptor>();
        struct stat status
        {};
        if (!descriptor.isValid() || ::fstat(descriptor.fileDescriptor(), &status) != 0)
            return Error{ErrorCode::InvalidArgument,
                         tr("argument \"%1\" is not an open file descriptor").arg(argument.name)};
        if (!S_ISREG(status.st_mode))
            return Error{ErrorCode::InvalidArgument, tr("argument \"%1\" is not a regular file").arg(argument.name)};
        const int mode = ::fcntl(descriptor.fileDescriptor(), F_GETFL) & O_ACCMODE;
        const bool writing = argument.rule == ArgumentRule::WritableFile;
        if (writing ? (mode != O_WRONLY && mode != O_RDWR) : (mode != O_RDONLY && mode != O_RDWR))
            return Error{ErrorCode::InvalidArgument,
                         writing ? tr("argument \"%1\" is not open for writing").arg(argument.name)
                                 : tr("argument \"%1\" is not open for reading").arg(argument.name)};
    }
    return {};
}

} // namespace core
