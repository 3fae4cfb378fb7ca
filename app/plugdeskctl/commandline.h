#pragma once

#include "core/base/result.h"
#include "core/connection/connectionurl.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <functional>
#include <memory>

namespace core {
class Engine;
class Job;
} // namespace core

namespace cli {

// One flag of a verb, spelled as Docker spells it: `-f, --filter filter`.
struct Option
{
    QString longName;
    QChar shortName;
    QString valueName; // empty: a boolean flag
    QString help;
    QStringList values = {}; // the values it takes when they are fixed ("table", "json"), for completion
};

// The arguments of one verb after parsing: flag values and positional arguments.
struct Arguments
{
    QHash<QString, QStringList> values; // long name -> values, in order; booleans hold "true"
    QStringList positional;

    bool isSet(const QString &name) const { return values.contains(name); }
    QString value(const QString &name, const QString &fallback = {}) const
    {
        return values.contains(name) ? values.value(name).constLast() : fallback;
    }
    QStringList all(const QString &name) const { return values.value(name); }
};

// What every verb gets: output streams, the global options, and the engine (made on first use).
struct Context
{
    QTextStream &out;
    QTextStream &err;
    QString root;    // --root, empty for the default
    QString runRoot; // --run, empty for the default
    QString host;    // -H/--host, else $PLUGDESK_HOST; empty: plugdesk://, this computer
    std::function<core::Engine *()> engine;
    bool askPassword = true; // false: --no-ask-password (TerminalAgent)
};

// What a positional argument names, so completion can offer it.
enum class ArgumentKind {
    Other,      // free text: a remote reference, KEY=VALUE, a new name
    Plugin,     // an installed plugin (`plugin ls`)
    Volume,     // an existing volume (`volume ls -q`)
    File,       // a path
    Connection, // a connection's name (`connection ls -q`)
};

// A verb: `plugin ls`. `run` returns the exit status.
struct Command
{
    QString group; // "plugin"; empty for a top-level verb ("login")
    QString name;  // "ls"
    QStringList aliases;
    QString usage; // "[OPTIONS]"
    QString summary;
    QList<Option> options;
    int minArgs = 0;
    int maxArgs = -1; // -1: any number
    std::function<int(Context &, const Arguments &)> run;
    // Longer text after the summary, in --help and in the man page's DESCRIPTION.
    QString description = {};
    // What each positional argument names, for completion; the last one repeats when the usage ends in "...".
    // Left empty, CommandLine::add derives it from the usage: PLUGIN, VOLUME, FILE, ...-DIR (see argumentKinds).
    QList<ArgumentKind> arguments = {};
    bool argumentsRepeat = false;
};

// Parses and dispatches `plugdeskctl [GLOBAL OPTIONS] GROUP VERB [OPTIONS] [ARGS]` (or `plugdeskctl VERB ...` for
// a top-level verb), with pflag's rules
// (`--flag value`, `--flag=value`, `-f value`, `-fvalue`, `-qa`, `--` ends the flags, flags may follow
// arguments). Unknown verbs and flags print a usage line and exit 2.
class CommandLine final
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    CommandLine();
    void add(Command command);
    // A group of verbs (`connection`) and its one-line summary, for --help, the man pages and completion.
    void addGroup(const QString &group, const QString &summary) { m_groupSummaries.insert(group, summary); }
    int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

    // The table, for the man pages and completion (manpage.h, completion.h): never a second copy of it.
    const QList<Command> &commands() const { return m_commands; }
    QStringList groups() const;
    QString groupSummary(const QString &group) const { return m_groupSummaries.value(group); }
    // --root, --run, --help, --version: the options before the group.
    static QList<Option> globalOptions();
    // "Manage Docker managed plugins with Plugdesk, ...": the top --help's and plugdeskctl(1)'s description.
    static QString description();

private:
    const Command *find(const QString &group, const QString &name) const;
    void printTopHelp(QTextStream &out) const;
    void printGroupHelp(QTextStream &out, const QString &group) const;
    void printCommandHelp(QTextStream &out, const Command &command) const;
    int usageError(QTextStream &err, const QString &message, const QString &usage, const QString &helpCommand) const;

    QList<Command> m_commands;
    QHash<QString, QString> m_groupSummaries;
};

// "-f, --filter filter" (or "    --root dir"), as --help and the man pages show a flag.
QString optionLabel(const Option &option);
// A verb's flags as --help lists them: its own, then --help.
QList<Option> commandOptions(const Command &command);
// The kinds of the positional arguments a usage names: "[OPTIONS] PLUGIN FILE" -> {Plugin, File}; sets *repeats
// when the last one ends in "...".
QList<ArgumentKind> argumentKinds(const QString &usage, bool *repeats);

// The verbs, one function per group.
void addPluginCommands(CommandLine &commandLine);
// `plugin install` and `plugin upgrade`.
void addInstallCommands(CommandLine &commandLine);
// `plugin set`: plain settings through Engine::set; a change that gives the plugin host privileges nobody approved
// shows them, marks the new ones and asks [y/N] (--grant-all-permissions: no question), then Engine::grant.
int setPluginSettings(Context &context, const Arguments &arguments);
// Top-level `login` and `logout` (registry logins in the docker CLI's config.json).
void addLoginCommands(CommandLine &commandLine);
// `volume ls|create|inspect|rm|mount|unmount`.
void addVolumeCommands(CommandLine &commandLine);
// `connection add|ls|rm|use`: the caller's saved connections (core/connection/connectionstore.h).
void addConnectionCommands(CommandLine &commandLine);

// "plugdeskctl plugin ls", or "plugdeskctl login" for a top-level verb.
QString commandPath(const Command &command);

// Prints an engine error the way the CLI does everywhere: "Error: <message>".
int reportError(Context &context, const QString &message);

// Where the engine lives: `host` (-H/--host, else $PLUGDESK_HOST) read as a connection URL (plugdesk://, the
// default, unix:///SOCKET, ssh://[USER@]HOST[:PORT]). The one place a saved connection's name will be resolved.
// Errors name the URL (InvalidArgument).
core::Result<core::ConnectionUrl> connectionFor(const QString &host);

// The engine, with its reads (plugins, plugin, runtimeState, volumeDrivers) answered: through the helper, the
// first use reads the helper's snapshot (Engine::reload), waiting at plugdeskctl's top level. A failed read shows
// in the reads' own errors.
core::Engine *readyEngine(Context &context);
// Waits for `job` (plugdeskctl's top level has no other event loop running) and hands it back, ended.
core::Job *waitFor(core::Job *job);

} // namespace cli
