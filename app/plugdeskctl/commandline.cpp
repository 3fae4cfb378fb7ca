#include "commandline.h"

#include "completion.h"
#include "core/connection/connectionstore.h"
#include "core/helper/enginefactory.h"
#include "core/helper/helperengine.h"
#include "manpage.h"
#include "terminalagent.h"

#include <QRegularExpression>
#include <algorithm>

namespace cli {

namespace {

const QString kProgram = QStringLiteral("plugdeskctl");

} // namespace

QString optionLabel(const Option &option)
{
    QString label = option.shortName.isNull() ? QStringLiteral("    ") : QStringLiteral("-%1, ").arg(option.shortName);
    label += QStringLiteral("--") + option.longName;
    if (!option.valueName.isEmpty())
        label += QLatin1Char(' ') + option.valueName;
    return label;
}

QList<Option> commandOptions(const Command &command)
{
    QList<Option> options = command.options;
    options.append({QStringLiteral("help"), QLatin1Char('h'), QString(), CommandLine::tr("Print usage")});
    return options;
}

QList<ArgumentKind> argumentKinds(const QString &usage, bool *repeats)
{
    QList<ArgumentKind> kinds;
    *repeats = false;
    for (QString word : usage.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (word == QLatin1String("[OPTIONS]"))
            continue;
        *repeats = word.endsWith(QLatin1String("...]")) || word.endsWith(QLatin1String("..."));
        if (word.startsWith(QLatin1Char('[')))
            word = word.mid(1);
        // PLUGIN[:TAG], PLUGIN...]: the name is what comes before the first bracket, colon or dot.
        const qsizetype end = word.indexOf(QRegularExpression(QStringLiteral("[\\[\\]:.]")));
        if (end >= 0)
            word = word.left(end);
        if (word == QLatin1String("PLUGIN"))
            kinds.append(ArgumentKind::Plugin);
        else if (word == QLatin1String("VOLUME"))
            kinds.append(ArgumentKind::Volume);
        else if (word == QLatin1String("FILE") || word.endsWith(QLatin1String("-DIR")))
            kinds.append(ArgumentKind::File);
        else
            kinds.append(ArgumentKind::Other);
        // A repeated argument of the same kind as the one before it ("PLUGIN [PLUGIN...]") is that one again.
        if (*repeats && kinds.size() > 1 && kinds.constLast() == kinds.at(kinds.size() - 2))
            kinds.removeLast();
    }
    return kinds;
}

namespace {

void printOptions(QTextStream &out, const QList<Option> &options)
{
    int width = 0;
    for (const Option &option : options)
        width = qMax(width, static_cast<int>(optionLabel(option).size()));
    for (const Option &option : options)
        out << QStringLiteral("  ") << optionLabel(option).leftJustified(width + 3) << option.help << '\n';
}

} // namespace

// "plugdeskctl plugin ls", or "plugdeskctl login" for a top-level verb.
QString commandPath(const Command &command)
{
    return command.group.isEmpty() ? QStringLiteral("%1 %2").arg(kProgram, command.name)
                                   : QStringLiteral("%1 %2 %3").arg(kProgram, command.group, command.name);
}

int reportError(Context &context, const QString &message)
{
    context.err << CommandLine::tr("Error: %1").arg(message) << '\n';
    context.err.flush();
    return 1;
}

// -H VALUE (else $PLUGDESK_HOST, else the connection `plugdeskctl connection use` chose, else plugdesk://): a URL,
// a saved connection's name, `local`, or one of Docker's contexts (core::resolveConnection).
core::Result<core::ConnectionUrl> connectionFor(const QString &host)
{
    const QString text = host.isEmpty() ? qEnvironmentVariable("PLUGDESK_HOST") : host;
    const core::Result<core::ConnectionEntry> entry = core::resolveConnection(text);
    if (!entry)
        return entry.error();
    return entry->parsedUrl();
}

core::Engine *readyEngine(Context &context)
{
    core::Engine *engine = context.engine();
    if (engine->readiness() != core::Engine::Readiness::Ready)
        waitFor(engine->reload())->deleteLater();
    return engine;
}

core::Job *waitFor(core::Job *job)
{
    job->waitForFinished();
    return job;
}

CommandLine::CommandLine()
{
    m_groupSummaries.insert(QStringLiteral("plugin"), tr("Manage plugins"));
    m_groupSummaries.insert(QStringLiteral("volume"), tr("Manage volumes"));
}

void CommandLine::add(Command command)
{
    if (command.arguments.isEmpty())
        command.arguments = argumentKinds(command.usage, &command.argumentsRepeat);
    m_commands.append(std::move(command));
}

QStringList CommandLine::groups() const
{
    QStringList groups = m_groupSummaries.keys();
    std::sort(groups.begin(), groups.end());
    return groups;
}

QList<Option> CommandLine::globalOptions()
{
    return {
        {QStringLiteral("root"), QChar(), QStringLiteral("dir"),
         tr("Store root (default $PLUGDESK_ROOT, else /var/lib/plugdesk)")},
        {QStringLiteral("run"), QChar(), QStringLiteral("dir"),
         tr("Run root (default $PLUGDESK_RUN, else /run/plugdesk)")},
        {QStringLiteral("host"), QLatin1Char('H'), QStringLiteral("url"),
         tr("Where the plugins live: plugdesk:// (this computer), unix:///SOCKET or ssh://[USER@]HOST[:PORT] (a "
            "Docker Engine), or a connection's name; default $PLUGDESK_HOST, else the connection `connection use` "
            "chose, else plugdesk://")},
        {QStringLiteral("no-ask-password"), QChar(), QString(),
         tr("Do not ask for a password: refuse what polkit would ask one for")},
        {QStringLiteral("help"), QLatin1Char('h'), QString(), tr("Print usage")},
        {QStringLiteral("version"), QLatin1Char('v'), QString(), tr("Print version information")},
    };
}

QString CommandLine::description()
{
    return tr("Manage Docker managed plugins with Plugdesk, the way `docker plugin` does.");
}

const Command *CommandLine::find(const QString &group, const QString &name) const
{
    for (const Command &command : m_commands) {
        if (command.group == group && (command.name == name || command.aliases.contains(name)))
            return &command;
    }
    return nullptr;
}

int CommandLine::usageError(QTextStream &err, const QString &message, const QString &usage,
                            const QString &helpCommand) const
{
    err << kProgram << QStringLiteral(": ") << message << '\n';
    err << tr("Usage:  %1").arg(usage) << '\n';
    err << tr("Run '%1 --help' for more information.").arg(helpCommand) << '\n';
    err.flush();
    return 2;
}

void CommandLine::printTopHelp(QTextStream &out) const
{
    out << tr("Usage:  %1 [OPTIONS] COMMAND").arg(kProgram) << "\n\n";
    out << description() << "\n\n";
    out << tr("Options:") << '\n';
    printOptions(out, globalOptions());
    // One column for the group and command names, at least two spaces wider than the longest ("connection").
    qsizetype width = 8;
    for (const QString &group : groups())
        width = qMax(width, group.size());
    for (const Command &command : m_commands) {
        if (command.group.isEmpty())
            width = qMax(width, command.name.size());
    }
    out << '\n' << tr("Management Commands:") << '\n';
    for (const QString &group : groups())
        out << QStringLiteral("  ") << group.leftJustified(width + 2) << m_groupSummaries.value(group) << '\n';
    bool anyTopLevel = false;
    for (const Command &command : m_commands) {
        if (!command.group.isEmpty())
            continue;
        if (!anyTopLevel)
            out << '\n' << tr("Commands:") << '\n';
        anyTopLevel = true;
        out << QStringLiteral("  ") << command.name.leftJustified(width + 2)
            << command.summary.section(QLatin1Char('\n'), 0, 0) << '\n';
    }
    out << '\n' << tr("Run '%1 COMMAND --help' for more information on a command.").arg(kProgram) << '\n';
}

void CommandLine::printGroupHelp(QTextStream &out, const QString &group) const
{
    out << tr("Usage:  %1 %2 COMMAND").arg(kProgram, group) << "\n\n";
    out << m_groupSummaries.value(group) << "\n\n" << tr("Commands:") << '\n';
    for (const Command &command : m_commands) {
        if (command.group == group)
            out << QStringLiteral("  ") << command.name.leftJustified(12)
                << command.summary.section(QLatin1Char('\n'), 0, 0) << '\n';
    }
    out << '\n' << tr("Run '%1 %2 COMMAND --help' for more information on a command.").arg(kProgram, group) << '\n';
}

void CommandLine::printCommandHelp(QTextStream &out, const Command &command) const
{
    out << tr("Usage:  %1 %2").arg(commandPath(command), command.usage).trimmed() << "\n\n";
    out << command.summary << '\n';
    if (!command.description.isEmpty())
        out << '\n' << command.description << '\n';
    if (!command.aliases.isEmpty()) {
        QStringList names{commandPath(command)};
        for (const QString &alias : command.aliases)
            names.append(commandPath(command).section(QLatin1Char(' '), 0, -2) + QLatin1Char(' ') + alias);
        out << '\n' << tr("Aliases:") << "\n  " << names.join(QStringLiteral(", ")) << '\n';
    }
    out << '\n' << tr("Options:") << '\n';
    printOptions(out, commandOptions(command));
}

int CommandLine::run(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QString topUsage = tr("%1 [OPTIONS] COMMAND").arg(kProgram);
    Context context{out, err, {}, {}, {}, {}};
    core::ConnectionUrl connection;
    std::unique_ptr<TerminalAgent> agent; // outlives the engine
    std::unique_ptr<core::Engine> engine;
    // core::makeEngine decides: LocalEngine for root or an explicit store, else HelperEngine (enginefactory.h),
    // which asks polkit; on a terminal, the password is asked there (TerminalAgent).
    context.engine = [&]() -> core::Engine * {
        if (!engine) {
            engine = core::makeEngine({context.root, context.runRoot, false, connection});
            if (auto *helper = qobject_cast<core::HelperEngine *>(engine.get())) {
                agent = std::make_unique<TerminalAgent>(context.askPassword, err);
                helper->setAuthorisationPrompt(agent.get());
            }
        }
        return engine.get();
    };

    // Hidden verbs for the build and the shells: the man pages (manpage.h) and completion (completion.h).
    if (arguments.value(0) == QLatin1String("__man"))
        return writeManPages(*this, arguments.mid(1), out, err);
    if (arguments.value(0) == QLatin1String("__complete"))
        return printCompletion(*this, arguments.mid(1), out);

    // Global options come before the group.
    qsizetype index = 0;
    for (; index < arguments.size(); ++index) {
        const QString &argument = arguments[index];
        if (!argument.startsWith(QLatin1Char('-')))
            break;
        if (argument == QLatin1String("-h") || argument == QLatin1String("--help")) {
            printTopHelp(out);
            return 0;
        }
        if (argument == QLatin1String("-v") || argument == QLatin1String("--version")) {
            out << tr("Plugdesk version %1").arg(QStringLiteral(PLUGDESK_VERSION)) << '\n';
            return 0;
        }
        if (argument == QLatin1String("--no-ask-password")) {
            context.askPassword = false;
            continue;
        }
        // -H URL, -HURL (as docker takes its -H).
        if (argument.startsWith(QLatin1String("-H"))) {
            if (argument.size() > 2) {
                context.host = argument.mid(argument.at(2) == QLatin1Char('=') ? 3 : 2);
            } else {
                if (index + 1 >= arguments.size())
                    return usageError(err, tr("flag needs an argument: 'H' in -H"), topUsage, kProgram);
                context.host = arguments[++index];
            }
            if (context.host.isEmpty())
                return usageError(err, tr("flag -H needs a URL or a connection name, not an empty string"), topUsage,
                                  kProgram);
            continue;
        }
        QString name = argument.mid(2);
        QString value;
        const qsizetype equals = name.indexOf(QLatin1Char('='));
        const bool inlineValue = equals >= 0;
        if (inlineValue) {
            value = name.mid(equals + 1);
            name = name.left(equals);
        }
        if (!argument.startsWith(QStringLiteral("--")) ||
            (name != QLatin1String("root") && name != QLatin1String("run") && name != QLatin1String("host")))
            return usageError(err, tr("unknown flag: %1").arg(argument), topUsage, kProgram);
        if (!inlineValue) {
            if (index + 1 >= arguments.size())
                return usageError(err, tr("flag needs an argument: --%1").arg(name), topUsage, kProgram);
            value = arguments[++index];
        }
        if (value.isEmpty() && name == QLatin1String("host"))
            return usageError(err, tr("flag --host needs a URL or a connection name, not an empty string"), topUsage,
                              kProgram);
        if (value.isEmpty())
            return usageError(err, tr("flag --%1 needs a folder, not an empty string").arg(name), topUsage, kProgram);
        (name == QLatin1String("host")   ? context.host
         : name == QLatin1String("root") ? context.root
                                         : context.runRoot) = value;
    }
    const bool hostNamed = !context.host.isEmpty() || !qEnvironmentVariableIsEmpty("PLUGDESK_HOST");
    if (hostNamed) {
        if (auto url = connectionFor(context.host); url)
            connection = *url;
        else
            return usageError(err, url.error().message, topUsage, kProgram);
    } else if (context.root.isEmpty() && context.runRoot.isEmpty() &&
               !QStringList{QStringLiteral("connection"), QStringLiteral("help")}.contains(arguments.value(index))) {
        // The default `connection use` saved. Not read for --root/--run (this computer's store by definition) nor for
        // the `connection` verbs, which must work to mend a broken connections file.
        if (auto url = connectionFor(QString()); url)
            connection = *url;
        else
            return reportError(context, url.error().message);
    }
    if (connection.isDocker() && (!context.root.isEmpty() || !context.runRoot.isEmpty()))
        return usageError(
            err,
            tr("--root and --run name this computer's store; they do not apply to the Docker Engine at %1")
                .arg(connection.toString()),
            topUsage, kProgram);
    if (index >= arguments.size()) {
        printTopHelp(err);
        return 2;
    }
    const QString &group = arguments[index++];
    if (group == QLatin1String("help")) {
        printTopHelp(out);
        return 0;
    }
    // A top-level verb (`login`, `logout`) is a Command with an empty group.
    const Command *command = find(QString(), group);
    if (!command) {
        if (!m_groupSummaries.contains(group))
            return usageError(err, tr("unknown command: %1").arg(group), topUsage, kProgram);
        const QString groupHelp = QStringLiteral("%1 %2").arg(kProgram, group);
        if (index >= arguments.size()) {
            printGroupHelp(err, group);
            return 2;
        }
        const QString &verb = arguments[index++];
        if (verb == QLatin1String("-h") || verb == QLatin1String("--help") || verb == QLatin1String("help")) {
            printGroupHelp(out, group);
            return 0;
        }
        command = find(group, verb);
        if (!command)
            return usageError(err, tr("unknown command: %1 %2").arg(group, verb), tr("%1 COMMAND").arg(groupHelp),
                              groupHelp);
    }

    const QString helpCommand = commandPath(*command);
    const QString usage = QStringLiteral("%1 %2").arg(helpCommand, command->usage).trimmed();
    auto findLong = [&](const QString &name) -> const Option * {
        for (const Option &option : command->options) {
            if (option.longName == name)
                return &option;
        }
        return nullptr;
    };
    auto findShort = [&](QChar name) -> const Option * {
        for (const Option &option : command->options) {
            if (option.shortName == name)
                return &option;
        }
        return nullptr;
    };

    Arguments parsed;
    bool flagsEnded = false;
    for (; index < arguments.size(); ++index) {
        const QString &argument = arguments[index];
        if (flagsEnded || argument == QLatin1String("-") || !argument.startsWith(QLatin1Char('-'))) {
            parsed.positional.append(argument);
            continue;
        }
        if (argument == QLatin1String("--")) {
            flagsEnded = true;
            continue;
        }
        if (argument == QLatin1String("--help") || argument == QLatin1String("-h")) {
            printCommandHelp(out, *command);
            return 0;
        }
        if (argument.startsWith(QStringLiteral("--"))) {
            QString name = argument.mid(2);
            std::optional<QString> value;
            if (const qsizetype equals = name.indexOf(QLatin1Char('=')); equals >= 0) {
                value = name.mid(equals + 1);
                name = name.left(equals);
            }
            const Option *option = findLong(name);
            if (!option)
                return usageError(err, tr("unknown flag: --%1").arg(name), usage, helpCommand);
            if (option->valueName.isEmpty()) {
                if (value && *value != QLatin1String("true") && *value != QLatin1String("false"))
                    return usageError(
                        err, tr("invalid argument \"%1\" for \"--%2\" flag: expected true or false").arg(*value, name),
                        usage, helpCommand);
                if (value && *value == QLatin1String("false"))
                    parsed.values.remove(name);
                else
                    parsed.values[name] = {QStringLiteral("true")};
                continue;
            }
            if (!value) {
                if (index + 1 >= arguments.size())
                    return usageError(err, tr("flag needs an argument: --%1").arg(name), usage, helpCommand);
                value = arguments[++index];
            }
            parsed.values[name].append(*value);
            continue;
        }
        // Short flags, possibly grouped: -q, -qa, -f value, -fvalue.
        for (qsizetype position = 1; position < argument.size(); ++position) {
            const QChar letter = argument[position];
            if (letter == QLatin1Char('h')) {
                printCommandHelp(out, *command);
                return 0;
            }
            const Option *option = findShort(letter);
            if (!option)
                return usageError(err, tr("unknown shorthand flag: '%1' in %2").arg(letter).arg(argument), usage,
                                  helpCommand);
            if (option->valueName.isEmpty()) {
                parsed.values[option->longName] = {QStringLiteral("true")};
                continue;
            }
            QString value = argument.mid(position + 1);
            if (value.startsWith(QLatin1Char('=')))
                value = value.mid(1);
            if (value.isEmpty()) {
                if (index + 1 >= arguments.size())
                    return usageError(err, tr("flag needs an argument: '%1' in -%1").arg(letter), usage, helpCommand);
                value = arguments[++index];
            }
            parsed.values[option->longName].append(value);
            break;
        }
    }

    const int count = static_cast<int>(parsed.positional.size());
    if (count < command->minArgs || (command->maxArgs >= 0 && count > command->maxArgs)) {
        QString message;
        if (command->maxArgs == 0)
            message = tr("\"%1\" accepts no arguments.").arg(helpCommand);
        else if (command->minArgs == command->maxArgs)
            message = command->minArgs == 1
                          ? tr("\"%1\" requires exactly 1 argument.").arg(helpCommand)
                          : tr("\"%1\" requires exactly %2 arguments.").arg(helpCommand).arg(command->minArgs);
        else if (count < command->minArgs)
            message = command->minArgs == 1
                          ? tr("\"%1\" requires at least 1 argument.").arg(helpCommand)
                          : tr("\"%1\" requires at least %2 arguments.").arg(helpCommand).arg(command->minArgs);
        else
            message = command->maxArgs == 1
                          ? tr("\"%1\" accepts at most 1 argument.").arg(helpCommand)
                          : tr("\"%1\" accepts at most %2 arguments.").arg(helpCommand).arg(command->maxArgs);
        return usageError(err, message, usage, helpCommand);
    }
    const int status = command->run(context, parsed);
    out.flush();
    err.flush();
    return status;
}

} // namespace cli
