#pragma once

#include "core/base/result.h"
#include "core/plugin/plugin.h"

#include <QCoreApplication>
#include <QDBusMessage>
#include <QList>
#include <QString>
#include <QVariantList>
#include <functional>
#include <optional>

namespace core {

class HelperService;
class LocalEngine;

// One argument of a helper method: its name (for introspection), D-Bus type, and how it is validated.
struct HelperArgument
{
    enum class Kind {
        Text,         // s: at most kMaxText characters, no NUL; may be empty
        PluginName,   // s: non-empty, at most kMaxName; looked up in the store; polkit detail `plugin`
        Remote,       // s: a remote reference, non-empty, at most kMaxName; polkit detail `remote`
        TextList,     // as: at most kMaxItems entries, each a Text
        Path,         // o: an object path (a job's, for instance)
        Int,          // i: a number, checked by the handler
        Bool,         // b
        WritableFile, // h: a descriptor of a regular file the caller opened for writing (export writes into it)
        ReadableFile, // h: a descriptor of a regular file the caller opened for reading (import, create read it)
    };
    QString name;
    Kind kind = Kind::Text;

    QString signature() const;
};

// What a handler gets: the engine, the validated arguments in order, and the plugin the call names (looked up
// before polkit was asked, so the `plugin` detail is the canonical name, and the handler acts on that id even if
// names changed meanwhile).
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

// One verb the helper exports: method name, arguments, polkit action, and the handler that runs it on the
// LocalEngine. Adding a verb to core::Engine and to the helper is one entry in HelperVerbs::all() plus the
// matching call in HelperEngine.
struct HelperVerb
{
    QString member; // "SetPlugin"
    QList<HelperArgument> in;
    QList<HelperArgument> out;     // "s" results are JSON text; "o" a job path
    QString action;                // "org.plugdesk.manage"
    std::function<QString()> what; // translated phrase for refusals: "change plugin settings"
    std::function<Result<QVariantList>(HelperCall &)> run;
    // For a verb whose answer may carry secrets (settings values, volume options): the action a caller must hold
    // already, without being asked for a password, to get them in clear (HelperCall::revealSecrets). Empty: none.
    QString secretsAction = {};

    QString inSignature() const;
    QString outSignature() const;
};

// The table of helper verbs, and the argument rules every verb shares.
class HelperVerbs final
{
    Q_DECLARE_TR_FUNCTIONS(HelperVerbs)

public:
    static constexpr int kMaxName = 512;   // references are at most 255 per name part; generous, still bounded
    static constexpr int kMaxText = 4096;  // one KEY=VALUE, one path
    static constexpr int kMaxItems = 1024; // one list argument

    // The polkit actions (resources/org.plugdesk.policy).
    static QString readAction() { return QStringLiteral("org.plugdesk.read"); }
    static QString manageAction() { return QStringLiteral("org.plugdesk.manage"); }
    static QString installAction() { return QStringLiteral("org.plugdesk.install"); }
    static QString removeAction() { return QStringLiteral("org.plugdesk.remove"); }
    static QString volumesAction() { return QStringLiteral("org.plugdesk.volumes"); }
    // Giving a plugin host privileges it did not have (a `set` of a mount source or device path): auth_admin, never
    // kept, with the new privileges in the details.
    static QString grantAction() { return QStringLiteral("org.plugdesk.grant"); }

    static const QList<HelperVerb> &all();
    // Polkit details of `verb` besides `plugin` and `remote`, from the validated arguments and the plugin the call
    // names (null when none or not found). Runs before polkit is asked, so it reads nothing but those: GrantPlugin's
    // "privileges" (what the plugin will have) and "new_privileges" (what nobody approved yet).
    static void addDetails(const HelperVerb &verb, const QVariantList &arguments, const Plugin *plugin,
                           QMap<QString, QString> &details);
    static const HelperVerb *find(const QString &member);

    // Checks the shape of a call's arguments against the verb, before anyone is asked whether the caller may make
    // it: the signature, then each argument's rule (lengths, NUL, emptiness, entries). Touches no path and no
    // descriptor, so its answer tells an unauthorised caller nothing about files. The error names the argument
    // and what is wrong with it.
    static Status validate(const HelperVerb &verb, const QDBusMessage &message);

    // Whether the verb has arguments that checkDescriptors must look at once the call is authorised.
    static bool hasDescriptors(const HelperVerb &verb);

    // Checks the descriptor arguments (a regular file, opened the way the verb needs). Only for an authorised
    // call, and never on the helper's main thread: fstat on a file of a stalled file system (FUSE, NFS) waits.
    static Status checkDescriptors(const HelperVerb &verb, const QVariantList &arguments);
};

} // namespace core
