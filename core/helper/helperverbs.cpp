// Over 600 lines: the table of every helper method, each entry with its arguments, polkit action and handler, so
// that a verb is one place on the server side.
#include "core/helper/helperverbs.h"

#include "core/engine/localengine.h"
#include "core/helper/helperprotocol.h"
#include "core/helper/helperservice.h"
#include "core/helper/secrets.h"
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

QString HelperArgument::signature() const
{
    switch (kind) {
    case Kind::Text:
    case Kind::PluginName:
    case Kind::Remote:
        return QStringLiteral("s");
    case Kind::Int:
        return QStringLiteral("i");
    case Kind::Bool:
        return QStringLiteral("b");
    case Kind::TextList:
        return QStringLiteral("as");
    case Kind::Path:
        return QStringLiteral("o");
    case Kind::WritableFile:
    case Kind::ReadableFile:
        return QStringLiteral("h");
    }
    return QStringLiteral("s");
}

QString HelperVerb::inSignature() const
{
    QString signature;
    for (const HelperArgument &argument : in)
        signature += argument.signature();
    return signature;
}

QString HelperVerb::outSignature() const
{
    QString signature;
    for (const HelperArgument &argument : out)
        signature += argument.signature();
    return signature;
}

namespace {

// A verb that started a job answers with the job's object path; the caller follows it there.
Result<QVariantList> jobReply(HelperCall &call, Job *job, const QString &operation)
{
    const QString path = call.service.exportJob(job, operation, call.caller());
    if (path.isEmpty())
        return Error{ErrorCode::Internal, HelperVerbs::tr("cannot publish the %1 job on the bus").arg(operation)};
    return QVariantList{QVariant::fromValue(QDBusObjectPath(path))};
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

// The accepted privileges as they travel: Docker's JSON array.
Result<Privileges> privilegesArgument(const QString &json)
{
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return Error{ErrorCode::InvalidArgument, HelperVerbs::tr("argument \"privileges\" is not a JSON array")};
    return Privileges::fromJson(document.array());
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
QByteArray pluginListJson(const HelperCall &call, const PluginList &list)
{
    const QByteArray json = HelperProtocol::encodePluginList(list);
    return call.revealSecrets ? json : Secrets::redactPluginList(json);
}

// A descriptor argument as one this process owns (validate() checked it is a regular file opened the right way).
Result<int> takeDescriptor(const QVariant &argument, const QString &name)
{
    const int fd = ::fcntl(argument.value<QDBusUnixFileDescriptor>().fileDescriptor(), F_DUPFD_CLOEXEC, 0);
    if (fd < 0)
        return Error{ErrorCode::Io, HelperVerbs::tr("cannot take the file of argument \"%1\"").arg(name)};
    return fd;
}

} // namespace

const QList<HelperVerb> &HelperVerbs::all()
{
    using Kind = HelperArgument::Kind;
    // One entry per verb. `plugin` arrives looked up (HelperCall::plugin); handlers act on its id.
    static const QList<HelperVerb> verbs{
        {
            QStringLiteral("ListPlugins"),
            {},
            {{QStringLiteral("json"), Kind::Text}},
            readAction(),
            [] { return tr("list plugins"); },
            [](HelperCall &call) -> Result<QVariantList> {
                auto list = call.engine.plugins();
                if (!list)
                    return list.error();
                return QVariantList{QString::fromUtf8(pluginListJson(call, *list))};
            },
            manageAction(),
        },
        {
            // What a window shows, in one answer: the plugins, each one's run state, the volume drivers. The
            // window reads it once and then only after a change the helper announced.
            QStringLiteral("Snapshot"),
            {},
            {{QStringLiteral("json"), Kind::Text}},
            readAction(),
            [] { return tr("list plugins"); },
            [](HelperCall &call) -> Result<QVariantList> {
                auto list = call.engine.plugins();
                if (!list)
                    return list.error();
                HelperProtocol::Snapshot snapshot;
                for (const Plugin &plugin : list->plugins) {
                    if (auto state = call.engine.runtimeState(plugin.id))
                        snapshot.states.insert(plugin.id, *state);
                }
                snapshot.drivers = call.engine.volumeDrivers().valueOr({});
                return QVariantList{
                    QString::fromUtf8(HelperProtocol::encodeSnapshot(pluginListJson(call, *list), snapshot))};
            },
            manageAction(),
        },
        {
            QStringLiteral("InspectPlugin"),
            {{QStringLiteral("name"), Kind::PluginName}},
            {{QStringLiteral("json"), Kind::Text}},
            readAction(),
            [] { return tr("inspect plugins"); },
            [](HelperCall &call) -> Result<QVariantList> {
                // Read again: the answer must be what the store holds now, not before polkit answered.
                auto plugin = call.engine.plugin(call.plugin->id);
                if (!plugin)
                    return plugin.error();
                const QJsonObject json = HelperProtocol::encodePlugin(*plugin);
                return QVariantList{
                    QString::fromUtf8(QJsonDocument(call.revealSecrets ? json : Secrets::redactPlugin(json))
                                          .toJson(QJsonDocument::Compact))};
            },
            manageAction(),
        },
        {
            QStringLiteral("SetPlugin"),
            {{QStringLiteral("name"), Kind::PluginName}, {QStringLiteral("args"), Kind::TextList}},
            {},
            manageAction(),
            [] { return tr("change plugin settings"); },
            [](HelperCall &call) -> Result<QVariantList> {
                if (auto set =
                        call.engine.applySettings(call.plugin->id, call.arguments.at(1).toStringList(), std::nullopt);
                    !set)
                    return set.error();
                return QVariantList{};
            },
        },
        {
            // A `set` that gives the plugin host privileges it did not have. Its own action, asked every time: holding
            // org.plugdesk.manage (enable, disable, plain settings) must not be enough to mount the host's / into a
            // root process. The details name the privileges the plugin will have, and the new ones.
            QStringLiteral("GrantPlugin"),
            {{QStringLiteral("name"), Kind::PluginName},
             {QStringLiteral("args"), Kind::TextList},
             {QStringLiteral("privileges"), Kind::Text}},
            {},
            grantAction(),
            [] { return tr("grant plugins new privileges"); },
            [](HelperCall &call) -> Result<QVariantList> {
                auto accepted = privilegesArgument(call.arguments.at(2).toString());
                if (!accepted)
                    return accepted.error();
                if (auto granted =
                        call.engine.applySettings(call.plugin->id, call.arguments.at(1).toStringList(), *accepted);
                    !granted)
                    return granted.error();
                return QVariantList{};
            },
        },
        {
            QStringLiteral("EnablePlugin"),
            {{QStringLiteral("name"), Kind::PluginName}, {QStringLiteral("timeout"), Kind::Int}},
            {{QStringLiteral("job"), Kind::Path}},
            manageAction(),
            [] { return tr("enable plugins"); },
            [](HelperCall &call) -> Result<QVariantList> {
                const int timeout = call.arguments.at(1).toInt();
                if (timeout < 0)
                    return Error{ErrorCode::InvalidArgument, tr("negative timeout %1 is invalid").arg(timeout)};
                Job *job = call.engine.enable(call.plugin->id, timeout);
                return jobReply(call, job, QStringLiteral("enable"));
            },
        },
        {
            QStringLiteral("DisablePlugin"),
            {{QStringLiteral("name"), Kind::PluginName}, {QStringLiteral("force"), Kind::Bool}},
            {{QStringLiteral("job"), Kind::Path}},
            manageAction(),
            [] { return tr("disable plugins"); },
            [](HelperCall &call) -> Result<QVariantList> {
                Job *job = call.engine.disable(call.plugin->id, call.arguments.at(1).toBool());
                return jobReply(call, job, QStringLiteral("disable"));
            },
        },
        {
            // The caller packed its folder with its own rights (LayerWriter::writeContext) and passes the packed
            // file: the helper never opens a path the caller named, so a folder (or a rootfs symlink) the caller
            // cannot read stays unread. `folder` is the caller's path, for messages only.
            QStringLiteral("CreatePlugin"),
            {{QStringLiteral("name"), Kind::Text},
             {QStringLiteral("context"), Kind::ReadableFile},
             {QStringLiteral("folder"), Kind::Text}},
            {{QStringLiteral("job"), Kind::Path}},
            installAction(),
            [] { return tr("create plugins"); },
            [](HelperCall &call) -> Result<QVariantList> {
                auto fd = takeDescriptor(call.arguments.at(1), QStringLiteral("context"));
                if (!fd)
                    return fd.error();
                Job *job =
                    call.engine.createFrom(call.arguments.at(0).toString(), *fd, call.arguments.at(2).toString());
                return jobReply(call, job, QStringLiteral("create"));
            },
        },
        {
            QStringLiteral("PushPlugin"),
            {{QStringLiteral("name"), Kind::PluginName}, {QStringLiteral("auth"), Kind::Text}},
            {{QStringLiteral("job"), Kind::Path}},
            installAction(),
            [] { return tr("push plugins"); },
            [](HelperCall &call) -> Result<QVariantList> {
                // The caller's own login for the target registry, never root's, in the same RegistryAuth JSON as
                // install's; empty means anonymous.
                const QString name = call.plugin->name();
                auto target = Reference::parse(name);
                if (!target)
                    return target.error();
                auto login = RegistryAuth::decode(call.arguments.at(1).toString(), target->domain());
                if (!login)
                    return login.error();
                Job *job = call.engine.push(name, *login);
                return jobReply(call, job, QStringLiteral("push"));
            },
        },
        {
            // The caller opened the file (a temp file beside its target) and the helper writes into it with the
            // caller's rights: no path is ever opened as root. Same action as push: the plugin leaves the store.
            QStringLiteral("ExportPlugin"),
            {{QStringLiteral("name"), Kind::PluginName},
             {QStringLiteral("bundle"), Kind::WritableFile},
             {QStringLiteral("file"), Kind::Text}},
            {{QStringLiteral("job"), Kind::Path}},
            installAction(),
            [] { return tr("export plugins"); },
            [](HelperCall &call) -> Result<QVariantList> {
                auto fd = takeDescriptor(call.arguments.at(1), QStringLiteral("bundle"));
                if (!fd)
                    return fd.error();
                Job *job = call.engine.exportPluginTo(call.plugin->id, *fd, call.arguments.at(2).toString());
                return jobReply(call, job, QStringLiteral("export"));
            },
        },
        {
            // The caller opened the bundle; the helper reads only what the caller could read.
            QStringLiteral("ImportPlugin"),
            {{QStringLiteral("bundle"), Kind::ReadableFile},
             {QStringLiteral("file"), Kind::Text},
             {QStringLiteral("privileges"), Kind::Text},
             {QStringLiteral("alias"), Kind::Text},
             {QStringLiteral("disable"), Kind::Bool},
             {QStringLiteral("settings"), Kind::TextList}},
            {{QStringLiteral("job"), Kind::Path}},
            installAction(),
            [] { return tr("import plugins"); },
            [](HelperCall &call) -> Result<QVariantList> {
                auto accepted = privilegesArgument(call.arguments.at(2).toString());
                if (!accepted)
                    return accepted.error();
                auto fd = takeDescriptor(call.arguments.at(0), QStringLiteral("bundle"));
                if (!fd)
                    return fd.error();
                InstallOptions options;
                options.alias = call.arguments.at(3).toString();
                options.disable = call.arguments.at(4).toBool();
                options.settings = call.arguments.at(5).toStringList();
                Job *job = call.engine.importPluginFrom(*fd, call.arguments.at(1).toString(), *accepted, options);
                return jobReply(call, job, QStringLiteral("import"));
            },
        },
        {
            QStringLiteral("RemovePlugin"),
            {{QStringLiteral("name"), Kind::PluginName}, {QStringLiteral("force"), Kind::Bool}},
            {{QStringLiteral("job"), Kind::Path}},
            removeAction(),
            [] { return tr("remove plugins"); },
            [](HelperCall &call) -> Result<QVariantList> {
                Job *job = call.engine.remove(call.plugin->id, call.arguments.at(1).toBool());
                return jobReply(call, job, QStringLiteral("remove"));
            },
        },
        {
            QStringLiteral("InstallPlugin"),
            {{QStringLiteral("remote"), Kind::Remote},
             {QStringLiteral("privileges"), Kind::Text},
             {QStringLiteral("alias"), Kind::Text},
             {QStringLiteral("disable"), Kind::Bool},
             {QStringLiteral("settings"), Kind::TextList},
             {QStringLiteral("auth"), Kind::Text}},
            {{QStringLiteral("job"), Kind::Path}},
            installAction(),
            [] { return tr("install plugins"); },
            [](HelperCall &call) -> Result<QVariantList> {
                const QString remote = call.arguments.at(0).toString();
                auto accepted = privilegesArgument(call.arguments.at(1).toString());
                if (!accepted)
                    return accepted.error();
                auto client = callerRegistry(remote, call.arguments.at(5).toString());
                if (!client)
                    return client.error();
                InstallOptions options;
                options.alias = call.arguments.at(2).toString();
                options.disable = call.arguments.at(3).toBool();
                options.settings = call.arguments.at(4).toStringList();
                Job *job = call.engine.installUsing(*client, remote, *accepted, options);
                (*client)->setParent(job);
                return jobReply(call, job, QStringLiteral("install"));
            },
        },
        {
            QStringLiteral("UpgradePlugin"),
            {{QStringLiteral("name"), Kind::PluginName},
             {QStringLiteral("remote"), Kind::Remote},
             {QStringLiteral("privileges"), Kind::Text},
             {QStringLiteral("auth"), Kind::Text}},
            {{QStringLiteral("job"), Kind::Path}},
            installAction(),
            [] { return tr("upgrade plugins"); },
            [](HelperCall &call) -> Result<QVariantList> {
                const QString remote = call.arguments.at(1).toString();
                auto accepted = privilegesArgument(call.arguments.at(2).toString());
                if (!accepted)
                    return accepted.error();
                auto client = callerRegistry(remote, call.arguments.at(3).toString());
                if (!client)
                    return client.error();
                Job *job = call.engine.upgradeUsing(*client, call.plugin->id, remote, *accepted);
                (*client)->setParent(job);
                return jobReply(call, job, QStringLiteral("upgrade"));
            },
        },
        {
            QStringLiteral("PluginLogs"),
            {{QStringLiteral("name"), Kind::PluginName}, {QStringLiteral("tail"), Kind::Int}},
            {{QStringLiteral("lines"), Kind::TextList}},
            // A plugin's output may print its settings, passwords included: logs are for who may manage it.
            manageAction(),
            [] { return tr("read plugin logs"); },
            [](HelperCall &call) -> Result<QVariantList> {
                auto lines = call.engine.logTail(call.plugin->id, call.arguments.at(1).toInt());
                if (!lines)
                    return lines.error();
                return QVariantList{*lines};
            },
        },
        {
            QStringLiteral("PluginRuntimeState"),
            {{QStringLiteral("name"), Kind::PluginName}},
            {{QStringLiteral("json"), Kind::Text}},
            readAction(),
            [] { return tr("read plugin state"); },
            [](HelperCall &call) -> Result<QVariantList> {
                auto state = call.engine.runtimeState(call.plugin->id);
                if (!state)
                    return state.error();
                return QVariantList{QString::fromUtf8(
                    QJsonDocument(HelperProtocol::encodeRuntimeState(*state)).toJson(QJsonDocument::Compact))};
            },
        },
        {
            QStringLiteral("VolumeDrivers"),
            {},
            {{QStringLiteral("json"), Kind::Text}},
            readAction(),
            [] { return tr("list volume drivers"); },
            [](HelperCall &call) -> Result<QVariantList> {
                auto drivers = call.engine.volumeDrivers();
                if (!drivers)
                    return drivers.error();
                return QVariantList{QString::fromUtf8(
                    QJsonDocument(HelperProtocol::encodeDrivers(*drivers)).toJson(QJsonDocument::Compact))};
            },
        },
        {
            QStringLiteral("ListVolumes"),
            {{QStringLiteral("driver"), Kind::Text}},
            {{QStringLiteral("job"), Kind::Path}},
            readAction(),
            [] { return tr("list volumes"); },
            [](HelperCall &call) -> Result<QVariantList> {
                Job *job = call.engine.volumes(call.arguments.at(0).toString());
                return jobReply(call, call.revealSecrets ? job : withoutSecrets(job), QStringLiteral("volumes"));
            },
            volumesAction(),
        },
        {
            QStringLiteral("InspectVolume"),
            {{QStringLiteral("name"), Kind::Text}},
            {{QStringLiteral("job"), Kind::Path}},
            readAction(),
            [] { return tr("inspect volumes"); },
            [](HelperCall &call) -> Result<QVariantList> {
                Job *job = call.engine.inspectVolume(call.arguments.at(0).toString());
                return jobReply(call, call.revealSecrets ? job : withoutSecrets(job), QStringLiteral("inspect-volume"));
            },
            volumesAction(),
        },
        {
            QStringLiteral("CreateVolume"),
            {{QStringLiteral("driver"), Kind::PluginName},
             {QStringLiteral("name"), Kind::Text},
             {QStringLiteral("options"), Kind::TextList}},
            {{QStringLiteral("job"), Kind::Path}},
            volumesAction(),
            [] { return tr("create volumes"); },
            [](HelperCall &call) -> Result<QVariantList> {
                QMap<QString, QString> options;
                for (const QString &option : call.arguments.at(2).toStringList()) {
                    const qsizetype equals = option.indexOf(QLatin1Char('='));
                    if (equals <= 0)
                        return Error{ErrorCode::InvalidArgument, tr("invalid option \"%1\": KEY=VALUE").arg(option)};
                    options.insert(option.left(equals), option.mid(equals + 1));
                }
                return jobReply(call,
                                call.engine.createVolume(call.plugin->id, call.arguments.at(1).toString(), options),
                                QStringLiteral("create-volume"));
            },
        },
        {
            QStringLiteral("RemoveVolume"),
            {{QStringLiteral("name"), Kind::Text}, {QStringLiteral("force"), Kind::Bool}},
            {{QStringLiteral("job"), Kind::Path}},
            volumesAction(),
            [] { return tr("remove volumes"); },
            [](HelperCall &call) -> Result<QVariantList> {
                return jobReply(
                    call, call.engine.removeVolume(call.arguments.at(0).toString(), call.arguments.at(1).toBool()),
                    QStringLiteral("remove-volume"));
            },
        },
        {
            QStringLiteral("MountVolume"),
            {{QStringLiteral("name"), Kind::Text}},
            {{QStringLiteral("job"), Kind::Path}},
            volumesAction(),
            [] { return tr("mount volumes"); },
            [](HelperCall &call) -> Result<QVariantList> {
                return jobReply(call, call.engine.mountVolume(call.arguments.at(0).toString()),
                                QStringLiteral("mount-volume"));
            },
        },
        {
            QStringLiteral("UnmountVolume"),
            {{QStringLiteral("name"), Kind::Text}},
            {{QStringLiteral("job"), Kind::Path}},
            volumesAction(),
            [] { return tr("unmount volumes"); },
            [](HelperCall &call) -> Result<QVariantList> {
                return jobReply(call, call.engine.unmountVolume(call.arguments.at(0).toString()),
                                QStringLiteral("unmount-volume"));
            },
        },
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
    for (qsizetype index = 0; index < verb.in.size(); ++index) {
        const HelperArgument &argument = verb.in.at(index);
        switch (argument.kind) {
        case HelperArgument::Kind::Text:
            if (auto ok = checkText(arguments.at(index).toString(), argument.name, kMaxText); !ok)
                return ok;
            break;
        case HelperArgument::Kind::PluginName:
        case HelperArgument::Kind::Remote: {
            const QString text = arguments.at(index).toString();
            if (text.trimmed().isEmpty())
                return Error{ErrorCode::InvalidArgument, tr("argument \"%1\" must not be empty").arg(argument.name)};
            if (auto ok = checkText(text, argument.name, kMaxName); !ok)
                return ok;
            break;
        }
        case HelperArgument::Kind::TextList: {
            const QStringList items = arguments.at(index).toStringList();
            if (items.size() > kMaxItems)
                return Error{ErrorCode::InvalidArgument, tr("argument \"%1\" has %2 entries, at most %3")
                                                             .arg(argument.name)
                                                             .arg(items.size())
                                                             .arg(kMaxItems)};
            for (const QString &item : items) {
                if (auto ok = checkText(item, argument.name, kMaxText); !ok)
                    return ok;
            }
            break;
        }
        case HelperArgument::Kind::Path:
        case HelperArgument::Kind::Int:
        case HelperArgument::Kind::Bool:
            break; // the bus already checked the type
        case HelperArgument::Kind::WritableFile:
        case HelperArgument::Kind::ReadableFile:
            break; // the bus checked it is a descriptor; checkDescriptors looks at it once the call is authorised
        }
    }
    return {};
}

bool HelperVerbs::hasDescriptors(const HelperVerb &verb)
{
    return std::any_of(verb.in.cbegin(), verb.in.cend(), [](const HelperArgument &argument) {
        return argument.kind == HelperArgument::Kind::WritableFile ||
               argument.kind == HelperArgument::Kind::ReadableFile;
    });
}

Status HelperVerbs::checkDescriptors(const HelperVerb &verb, const QVariantList &arguments)
{
    for (qsizetype index = 0; index < verb.in.size() && index < arguments.size(); ++index) {
        const HelperArgument &argument = verb.in.at(index);
        if (argument.kind != HelperArgument::Kind::WritableFile && argument.kind != HelperArgument::Kind::ReadableFile)
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
        const bool writing = argument.kind == HelperArgument::Kind::WritableFile;
        if (writing ? (mode != O_WRONLY && mode != O_RDWR) : (mode != O_RDONLY && mode != O_RDWR))
            return Error{ErrorCode::InvalidArgument,
                         writing ? tr("argument \"%1\" is not open for writing").arg(argument.name)
                                 : tr("argument \"%1\" is not open for reading").arg(argument.name)};
    }
    return {};
}

} // namespace core
