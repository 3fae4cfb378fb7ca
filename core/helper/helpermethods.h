#pragma once

// The helper's bus interface in one table (the `methods` namespace below): each method's name, polkit action,
// typed arguments, options and result. Both ends are made from it:
//   - the client (HelperEngine) builds a call as `methods::EnablePlugin::call(name, EnableOptions{timeout})`,
//     which only compiles with the argument types the table names, and reads the reply with `decodeReply`;
//   - the server (HelperVerbs) serves each method with a handler that receives the decoded, typed arguments
//     (`serve<methods::EnablePlugin>(…)`), and its dispatch and introspection XML come from the same rows.
// Every method ends with `a{sv} options`: the method's own optional arguments (InstallOptions' alias, a force
// flag…) plus the caller's locale ("locale"), in which the helper answers (CallLocale). Each type crosses the bus
// through one Codec (encode/decode), tested by a round trip over a real bus (tests/unit/tst_helpermethods).
//
// Adding a verb: Engine (the seam), LocalEngine (the work), one row here, its handler in HelperVerbs::all(),
// and the one-line call in HelperEngine; the compiler checks that the two ends agree.
#include "core/base/result.h"
#include "core/engine/engine.h"
#include "core/helper/helperprotocol.h"
#include "core/plugin/privileges.h"

#include <QCoreApplication>
#include <QDBusObjectPath>
#include <QDBusUnixFileDescriptor>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <algorithm>
#include <cstddef>
#include <tuple>
#include <variant>

namespace core {

// A method or argument name as a template argument.
template<std::size_t N>
struct BusName
{
    char text[N]{};
    constexpr BusName(const char (&name)[N]) { std::copy_n(name, N, text); }
    QString toString() const { return QString::fromLatin1(text, qsizetype(N - 1)); }
};

// The polkit action a method needs (resources/org.plugdesk.policy).
enum class HelperAction {
    None,    // no second action (HelperVerb::secretsAction)
    Read,    // org.plugdesk.read: list and inspect
    Manage,  // org.plugdesk.manage: enable, disable, plain settings, logs
    Install, // org.plugdesk.install: install, upgrade, create, push, export, import
    Remove,  // org.plugdesk.remove
    Volumes, // org.plugdesk.volumes: volume changes, secret volume options
    Grant,   // org.plugdesk.grant: settings that give a plugin host privileges it did not have
};
QString helperActionId(HelperAction action);

// How the server checks an argument before polkit is asked (HelperVerbs::validate) and what the dispatch does
// with it: a PluginName is looked up and becomes polkit's `plugin` detail, a Remote its `remote` detail.
enum class ArgumentRule {
    Text,         // s: at most kMaxText characters, no NUL; may be empty
    PluginName,   // s: non-empty, at most kMaxName
    Remote,       // s: a remote reference, non-empty, at most kMaxName
    TextList,     // as: at most kMaxItems entries, each a Text
    TextMap,      // a{ss}: at most kMaxItems entries, keys and values Text
    Privileges,   // s: Docker's privilege JSON array, at most 16 × kMaxText characters (Codec checks the JSON)
    Path,         // o
    Int,          // i
    Bool,         // b
    WritableFile, // h: a regular file the caller opened for writing
    ReadableFile, // h: a regular file the caller opened for reading
    Options,      // a{sv}: the method's options and the caller's locale
};

// A descriptor the caller opened, for reading or for writing: the direction is part of the type.
struct ReadableFile
{
    QDBusUnixFileDescriptor descriptor;
};
struct WritableFile
{
    QDBusUnixFileDescriptor descriptor;
};

// A result that travels as JSON text, read by the client into T (HelperProtocol's decoder for T).
template<typename T>
struct JsonOf
{
    using Type = T;
    QByteArray json;
};

// A result that travels as bytes (D-Bus `ay`), read by the client into T (its decodeBinary<T>): for an answer that
// is large and read first, where building and parsing JSON would cost the window its start (CompactSnapshot).
template<typename T>
struct BinaryOf
{
    using Type = T;
    QByteArray data;
};

// Methods' options (the a{sv} argument besides the locale). Unknown keys and wrong types are refused.
struct NoOptions
{};
struct ForceOption
{
    bool force = false;
};
struct EnableOptions
{
    int timeout = 30; // seconds to wait for the plugin's socket
};
struct LogOptions
{
    int tail = -1; // the last N lines; -1 all
};

// What travels with every call, in the options: the caller's locale ("de_DE"), in which the helper answers.
struct CallContext
{
    QString locale;
    static CallContext ofThisProcess();
};

// One type on the bus: its D-Bus signature, and the one encode/decode pair. decode() names the argument in
// its error and accepts what QtDBus delivers for the signature (a QDBusArgument for a{ss}, for instance).
template<typename T>
struct Codec;

#define PLUGDESK_CODEC(Type)                                                                                           \
    template<>                                                                                                         \
    struct Codec<Type>                                                                                                 \
    {                                                                                                                  \
        static QString signature();                                                                                    \
        static QVariant encode(const Type &value);                                                                     \
        static Result<Type> decode(const QVariant &value, const QString &name);                                        \
    };
PLUGDESK_CODEC(QString)
PLUGDESK_CODEC(QByteArray)
PLUGDESK_CODEC(QStringList)
PLUGDESK_CODEC(bool)
PLUGDESK_CODEC(int)
PLUGDESK_CODEC(QDBusObjectPath)
PLUGDESK_CODEC(ReadableFile)
PLUGDESK_CODEC(WritableFile)
PLUGDESK_CODEC(Privileges)
#undef PLUGDESK_CODEC

template<>
struct Codec<QMap<QString, QString>>
{
    static QString signature();
    static QVariant encode(const QMap<QString, QString> &value);
    static Result<QMap<QString, QString>> decode(const QVariant &value, const QString &name);
};

// Options: a map of the method's own keys; `keys` lists them (for the check of unknown keys and for tests).
#define PLUGDESK_OPTIONS_CODEC(Type)                                                                                   \
    template<>                                                                                                         \
    struct Codec<Type>                                                                                                 \
    {                                                                                                                  \
        static QStringList keys();                                                                                     \
        static QVariantMap encode(const Type &value);                                                                  \
        static Result<Type> decode(const QVariantMap &map);                                                            \
    };
PLUGDESK_OPTIONS_CODEC(NoOptions)
PLUGDESK_OPTIONS_CODEC(ForceOption)
PLUGDESK_OPTIONS_CODEC(EnableOptions)
PLUGDESK_OPTIONS_CODEC(LogOptions)
PLUGDESK_OPTIONS_CODEC(InstallOptions)
PLUGDESK_OPTIONS_CODEC(CallContext)
#undef PLUGDESK_OPTIONS_CODEC

// JSON results: the client's decoder for each T that travels as JsonOf<T> (helperprotocol.cpp).
template<typename T>
Result<T> decodeJson(const QByteArray &json);
template<>
Result<PluginList> decodeJson<PluginList>(const QByteArray &json);
template<>
Result<HelperSnapshot> decodeJson<HelperSnapshot>(const QByteArray &json);
template<>
Result<Plugin> decodeJson<Plugin>(const QByteArray &json);
template<>
Result<PluginRuntimeState> decodeJson<PluginRuntimeState>(const QByteArray &json);
template<>
Result<QList<VolumeDriverInfo>> decodeJson<QList<VolumeDriverInfo>>(const QByteArray &json);

// Binary results: the client's decoder for each T that travels as BinaryOf<T>.
template<typename T>
Result<T> decodeBinary(const QByteArray &data);
template<>
Result<HelperSnapshot> decodeBinary<HelperSnapshot>(const QByteArray &data);

template<typename T>
struct Codec<BinaryOf<T>>
{
    static QString signature() { return Codec<QByteArray>::signature(); }
    static QVariant encode(const BinaryOf<T> &value) { return Codec<QByteArray>::encode(value.data); }
    static Result<BinaryOf<T>> decode(const QVariant &value, const QString &name)
    {
        auto data = Codec<QByteArray>::decode(value, name);
        if (!data)
            return data.error();
        return BinaryOf<T>{std::move(*data)};
    }
};

template<typename T>
struct Codec<JsonOf<T>>
{
    static QString signature() { return QStringLiteral("s"); }
    static QVariant encode(const JsonOf<T> &value) { return QString::fromUtf8(value.json); }
    static Result<JsonOf<T>> decode(const QVariant &value, const QString &name)
    {
        auto text = Codec<QString>::decode(value, name);
        if (!text)
            return text.error();
        return JsonOf<T>{text->toUtf8()};
    }
};

// Splits the options argument into the caller's context and the method's options. Unknown keys are refused,
// naming the key and the method.
class HelperOptions final
{
    Q_DECLARE_TR_FUNCTIONS(HelperOptions)

public:
    static Status checkKeys(const QVariantMap &map, const QStringList &known, const QString &argument);
    // The a{sv} argument as a map (QtDBus delivers it as a QVariantMap, or as a QDBusArgument).
    static Result<QVariantMap> map(const QVariant &value, const QString &argument);
};

// One argument in a method row: its name, C++ type and rule.
template<BusName Name, typename T, ArgumentRule Rule>
struct Arg
{
    using Type = T;
    static QString name() { return Name.toString(); }
    static constexpr ArgumentRule rule = Rule;
};
template<BusName Name>
using PluginNameArg = Arg<Name, QString, ArgumentRule::PluginName>;
template<BusName Name>
using TextArg = Arg<Name, QString, ArgumentRule::Text>;

// What a method answers: nothing, or one value.
struct ReturnsNothing
{
    using Type = std::monostate;
};
template<BusName Name, typename T, ArgumentRule Rule>
using Returns = Arg<Name, T, Rule>; // a result is described as an argument is
template<typename T>
using ReturnsJson = Returns<"json", JsonOf<T>, ArgumentRule::Text>;
template<typename T>
using ReturnsBinary = Returns<"data", BinaryOf<T>, ArgumentRule::Text>;
using ReturnsJob = Returns<"job", QDBusObjectPath, ArgumentRule::Path>;

// An argument as the server and introspection see it.
struct HelperArgument
{
    QString name;
    QString signature;
    ArgumentRule rule = ArgumentRule::Text;
};

// A call ready to send.
struct HelperMessage
{
    QString member;
    QVariantList arguments;
    HelperAction action = HelperAction::None; // what polkit is asked (the client names it while it waits)
};

// One row: the method, its action, what it answers, its options, its arguments in order.
template<BusName Member, HelperAction Action, typename Reply, typename Options, typename... Args>
struct Method
{
    using ReplyType = typename Reply::Type;
    using OptionsType = Options;
    using Values = std::tuple<typename Args::Type...>;
    static constexpr HelperAction action = Action;
    static QString member() { return Member.toString(); }

    static QList<HelperArgument> inArguments()
    {
        QList<HelperArgument> list{{Args::name(), Codec<typename Args::Type>::signature(), Args::rule}...};
        list.append({QStringLiteral("options"), QStringLiteral("a{sv}"), ArgumentRule::Options});
        return list;
    }
    static QList<HelperArgument> outArguments()
    {
        if constexpr (std::is_same_v<Reply, ReturnsNothing>)
            return {};
        else
            return {{Reply::name(), Codec<ReplyType>::signature(), Reply::rule}};
    }

    // The client's side: the call with these arguments, its options and this process's locale.
    static HelperMessage call(const typename Args::Type &...values, const Options &options = Options{},
                              const CallContext &context = CallContext::ofThisProcess())
    {
        QVariantMap map = Codec<Options>::encode(options);
        const QVariantMap common = Codec<CallContext>::encode(context);
        for (auto it = common.constBegin(); it != common.constEnd(); ++it)
            map.insert(it.key(), it.value());
        return {member(), QVariantList{Codec<typename Args::Type>::encode(values)..., QVariant(map)}, Action};
    }
    static Result<ReplyType> decodeReply(const QVariantList &arguments)
    {
        if constexpr (std::is_same_v<Reply, ReturnsNothing>)
            return ReplyType{};
        else
            return Codec<ReplyType>::decode(arguments.value(0), Reply::name());
    }

    // The server's side: the arguments (already checked against inArguments' signature), typed.
    struct Decoded
    {
        Values values;
        Options options;
        CallContext context;
    };
    static Result<Decoded> decode(const QVariantList &arguments)
    {
        Decoded decoded;
        std::optional<Error> failure;
        decodeInto<0, Args...>(arguments, decoded.values, failure);
        if (failure)
            return *failure;
        auto map = HelperOptions::map(arguments.value(qsizetype(sizeof...(Args))), QStringLiteral("options"));
        if (!map)
            return map.error();
        if (auto known = HelperOptions::checkKeys(*map, Codec<Options>::keys() + Codec<CallContext>::keys(), member());
            !known)
            return known.error();
        auto context = Codec<CallContext>::decode(*map);
        if (!context)
            return context.error();
        for (const QString &key : Codec<CallContext>::keys())
            map->remove(key);
        auto options = Codec<Options>::decode(*map);
        if (!options)
            return options.error();
        decoded.options = std::move(*options);
        decoded.context = std::move(*context);
        return decoded;
    }
    static QVariantList encodeReply(const ReplyType &value)
    {
        if constexpr (std::is_same_v<Reply, ReturnsNothing>)
            return {};
        else
            return {Codec<ReplyType>::encode(value)};
    }

private:
    template<std::size_t Index, typename First, typename... Rest>
    static void decodeInto(const QVariantList &arguments, Values &values, std::optional<Error> &failure)
    {
        auto value = Codec<typename First::Type>::decode(arguments.value(qsizetype(Index)), First::name());
        if (!value) {
            failure = value.error();
            return;
        }
        std::get<Index>(values) = std::move(*value);
        if constexpr (sizeof...(Rest) > 0)
            decodeInto<Index + 1, Rest...>(arguments, values, failure);
    }
    template<std::size_t Index>
    static void decodeInto(const QVariantList &, Values &, std::optional<Error> &)
    {}
};

// The signals the helper sends. They carry a plugin id or nothing, so that a signal tells a listener nothing a
// `read` would guard; the client reads the news through a method.
enum class HelperSignal {
    PluginsChanged,      // another writer changed plugins.json
    PluginChanged,       // (id) a plugin was added or changed
    PluginRemoved,       // (id)
    RuntimeStateChanged, // (id) a monitor wrote a new state
    VolumesChanged,
};
inline constexpr HelperSignal kHelperSignals[] = {HelperSignal::PluginsChanged, HelperSignal::PluginChanged,
                                                  HelperSignal::PluginRemoved, HelperSignal::RuntimeStateChanged,
                                                  HelperSignal::VolumesChanged};
QString helperSignalName(HelperSignal signal);
// "s" for the signals that carry an id, "" for the others.
QString helperSignalSignature(HelperSignal signal);

// The table. `name` arguments are looked up in the store before polkit is asked (HelperCall::plugin).
namespace methods {
using A = HelperAction;
using R = ArgumentRule;

using ListPlugins = Method<"ListPlugins", A::Read, ReturnsJson<PluginList>, NoOptions>;
// What a window shows, in one answer: the plugins, each one's run state, the volume drivers.
using Snapshot = Method<"Snapshot", A::Read, ReturnsJson<HelperSnapshot>, NoOptions>;
// The same in SnapshotCodec's binary form: what the window reads (the JSON one stays for other clients).
using CompactSnapshot = Method<"CompactSnapshot", A::Read, ReturnsBinary<HelperSnapshot>, NoOptions>;
using InspectPlugin = Method<"InspectPlugin", A::Read, ReturnsJson<Plugin>, NoOptions, PluginNameArg<"name">>;
using SetPlugin = Method<"SetPlugin", A::Manage, ReturnsNothing, NoOptions, PluginNameArg<"name">,
                         Arg<"args", QStringList, R::TextList>>;
// A `set` that gives the plugin host privileges it did not have: its own action, asked every time.
using GrantPlugin = Method<"GrantPlugin", A::Grant, ReturnsNothing, NoOptions, PluginNameArg<"name">,
                           Arg<"args", QStringList, R::TextList>, Arg<"privileges", Privileges, R::Privileges>>;
using EnablePlugin = Method<"EnablePlugin", A::Manage, ReturnsJob, EnableOptions, PluginNameArg<"name">>;
// Runs an enabled plugin again without touching its enabled flag (Engine::start).
using StartPlugin = Method<"StartPlugin", A::Manage, ReturnsJob, EnableOptions, PluginNameArg<"name">>;
using DisablePlugin = Method<"DisablePlugin", A::Manage, ReturnsJob, ForceOption, PluginNameArg<"name">>;
// The caller packed its folder with its own rights and passes the packed file; `folder` is for messages only.
using CreatePlugin = Method<"CreatePlugin", A::Install, ReturnsJob, NoOptions, TextArg<"name">,
                            Arg<"context", ReadableFile, R::ReadableFile>, TextArg<"folder">>;
// `auth`: the caller's own login for the target registry (RegistryAuth JSON), never root's; "" anonymous.
using PushPlugin = Method<"PushPlugin", A::Install, ReturnsJob, NoOptions, PluginNameArg<"name">, TextArg<"auth">>;
using ExportPlugin = Method<"ExportPlugin", A::Install, ReturnsJob, NoOptions, PluginNameArg<"name">,
                            Arg<"bundle", WritableFile, R::WritableFile>, TextArg<"file">>;
using ImportPlugin =
    Method<"ImportPlugin", A::Install, ReturnsJob, InstallOptions, Arg<"bundle", ReadableFile, R::ReadableFile>,
           TextArg<"file">, Arg<"privileges", Privileges, R::Privileges>>;
using RemovePlugin = Method<"RemovePlugin", A::Remove, ReturnsJob, ForceOption, PluginNameArg<"name">>;
using InstallPlugin = Method<"InstallPlugin", A::Install, ReturnsJob, InstallOptions, Arg<"remote", QString, R::Remote>,
                             Arg<"privileges", Privileges, R::Privileges>, TextArg<"auth">>;
using UpgradePlugin =
    Method<"UpgradePlugin", A::Install, ReturnsJob, NoOptions, PluginNameArg<"name">, Arg<"remote", QString, R::Remote>,
           Arg<"privileges", Privileges, R::Privileges>, TextArg<"auth">>;
// A plugin's output may print its settings, passwords included: logs are for who may manage it.
using PluginLogs =
    Method<"PluginLogs", A::Manage, Returns<"lines", QStringList, R::TextList>, LogOptions, PluginNameArg<"name">>;
using PluginRuntimeStateOf =
    Method<"PluginRuntimeState", A::Read, ReturnsJson<PluginRuntimeState>, NoOptions, PluginNameArg<"name">>;
using VolumeDrivers = Method<"VolumeDrivers", A::Read, ReturnsJson<QList<VolumeDriverInfo>>, NoOptions>;
using ListVolumes = Method<"ListVolumes", A::Read, ReturnsJob, NoOptions, TextArg<"driver">>;
using InspectVolume = Method<"InspectVolume", A::Read, ReturnsJob, NoOptions, TextArg<"name">>;
using CreateVolume = Method<"CreateVolume", A::Volumes, ReturnsJob, NoOptions, PluginNameArg<"driver">, TextArg<"name">,
                            Arg<"driverOptions", QMap<QString, QString>, R::TextMap>>;
using RemoveVolume = Method<"RemoveVolume", A::Volumes, ReturnsJob, ForceOption, TextArg<"name">>;
using MountVolume = Method<"MountVolume", A::Volumes, ReturnsJob, NoOptions, TextArg<"name">>;
using UnmountVolume = Method<"UnmountVolume", A::Volumes, ReturnsJob, NoOptions, TextArg<"name">>;
} // namespace methods

} // namespace core
