#pragma once

#include "core/base/result.h"
#include "core/helper/helpermethods.h"
#include "core/plugin/plugin.h"

#include <QCoreApplication>
#include <QDBusMessage>
#include <QList>
#include <QString>
#include <QVariantList>
#include <functional>
#include <optional>
#include <tuple>

namespace core {

class HelperService;
class LocalEngine;

// What a handler gets besides its typed arguments: the engine, the message, and the plugin the call names
// (looked up before polkit was asked, so the `plugin` detail is the canonical name, and the handler acts on that
// id even if names changed meanwhile).
struct HelperCall
{
    HelperService &service;
    LocalEngine &engine;
    QDBusMessage message;
    QVariantList arguments;
    std::optional<Plugin> plugin;
    // The caller holds the verb's secretsAction already: its answer may carry secret values (Secrets).
    bool revealSecrets = false;

    QString caller() const { return message.service(); }
};

// One method the helper serves, made from its row in the `methods` table (helpermethods.h) by serve<>(): the
// member, the arguments (for the signature check, validation and introspection), the polkit action, and `run`,
// which decodes the typed arguments and calls the handler.
struct HelperVerb
{
    QString member; // "SetPlugin"
    QList<HelperArgument> in;
    QList<HelperArgument> out;
    QString action;                // "org.plugdesk.manage"
    std::function<QString()> what; // translated phrase for refusals: "change plugin settings"
    std::function<Result<QVariantList>(HelperCall &)> run;
    // Decodes the arguments without acting: what validate() runs before polkit is asked.
    std::function<Status(const QVariantList &)> check;
    // For a verb whose answer may carry secrets (settings values, volume options): the action a caller must hold
    // already, without being asked for a password, to get them in clear (HelperCall::revealSecrets). Empty: none.
    QString secretsAction = {};

    QString inSignature() const;
    QString outSignature() const;
};

// A row of the table served: `handler(call, typed arguments…, options)` returns the method's reply type
// (std::monostate for none).
template<typename M, typename Handler>
HelperVerb serve(std::function<QString()> what, Handler handler, HelperAction secrets = HelperAction::None)
{
    HelperVerb verb;
    verb.member = M::member();
    verb.in = M::inArguments();
    verb.out = M::outArguments();
    verb.action = helperActionId(M::action);
    verb.what = std::move(what);
    verb.secretsAction = helperActionId(secrets);
    verb.check = [](const QVariantList &arguments) -> Status {
        auto decoded = M::decode(arguments);
        if (!decoded)
            return decoded.error();
        return {};
    };
    verb.run = [handler](HelperCall &call) -> Result<QVariantList> {
        auto decoded = M::decode(call.arguments);
        if (!decoded)
            return decoded.error();
        Result<typename M::ReplyType> reply = std::apply(
            [&](const auto &...values) { return handler(call, values..., decoded->options); }, decoded->values);
        if (!reply)
            return reply.error();
        return M::encodeReply(*reply);
    };
    return verb;
}

// The table of helper verbs, and the argument rules every verb shares.
class HelperVerbs final
{
    Q_DECLARE_TR_FUNCTIONS(HelperVerbs)

public:
    static constexpr int kMaxName = 512;   // references are at most 255 per name part; generous, still bounded
    static constexpr int kMaxText = 4096;  // one KEY=VALUE, one path
    static constexpr int kMaxItems = 1024; // one list argument

    static const QList<HelperVerb> &all();
    // Polkit details of `verb` besides `plugin` and `remote`, from the validated arguments and the plugin the call
    // names (null when none or not found). Runs before polkit is asked, so it reads nothing but those: GrantPlugin's
    // "privileges" (what the plugin will have) and "new_privileges" (what nobody approved yet).
    static void addDetails(const HelperVerb &verb, const QVariantList &arguments, const Plugin *plugin,
                           QMap<QString, QString> &details);
    static const HelperVerb *find(const QString &member);

    // The locale a call asks to be answered in (its options' "locale"), when it names a valid one.
    static std::optional<QString> callerLocale(const QDBusMessage &message);

    // Checks the shape of a call's arguments against the verb, before anyone is asked whether the caller may make
    // it: the signature, then each argument's rule (lengths, NUL, emptiness, entries), then the typed decoding
    // (options' keys and types, the privileges' JSON). Touches no path and no descriptor, so its answer tells an
    // unauthorised caller nothing about files. The error names the argument and what is wrong with it.
    static Status validate(const HelperVerb &verb, const QDBusMessage &message);

    // Whether the verb has arguments that checkDescriptors must look at once the call is authorised.
    static bool hasDescriptors(const HelperVerb &verb);

    // Checks the descriptor arguments (a regular file, opened the way the verb needs). Only for an authorised
    // call, and never on the helper's main thread: fstat on a file of a stalled file system (FUSE, NFS) waits.
    static Status checkDescriptors(const HelperVerb &verb, const QVariantList &arguments);
};

} // namespace core
