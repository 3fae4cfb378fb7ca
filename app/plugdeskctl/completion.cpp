#include "completion.h"

#include <QProcess>

namespace cli {

namespace {

QStringList optionWords(const QList<Option> &options)
{
    QStringList words;
    for (const Option &option : options) {
        words.append(QStringLiteral("--") + option.longName);
        if (!option.shortName.isNull())
            words.append(QStringLiteral("-") + option.shortName);
    }
    return words;
}

const Option *findOption(const QList<Option> &options, const QString &word)
{
    for (const Option &option : options) {
        if (word == QStringLiteral("--") + option.longName ||
            (!option.shortName.isNull() && word == QStringLiteral("-") + option.shortName))
            return &option;
    }
    return nullptr;
}

// The completion of a flag's value: its fixed values, or paths for a file or folder.
Completion valueCompletion(const Option &option, const QString &prefix)
{
    Completion completion;
    for (const QString &value : option.values)
        completion.candidates.append(prefix + value);
    if (option.values.isEmpty()) {
        if (option.valueName == QLatin1String("dir"))
            completion.directive = QStringLiteral("dirs");
        else if (option.valueName == QLatin1String("file"))
            completion.directive = QStringLiteral("files");
    }
    return completion;
}

// Completes `current` as a flag (`--fo`, `--format=j`) or returns nothing when it is no flag.
std::optional<Completion> flagCompletion(const QList<Option> &options, const QString &current)
{
    if (!current.startsWith(QLatin1Char('-')))
        return std::nullopt;
    if (const qsizetype equals = current.indexOf(QLatin1Char('=')); equals >= 0 && current.startsWith(u"--")) {
        if (const Option *option = findOption(options, current.left(equals)); option && !option->valueName.isEmpty())
            return valueCompletion(*option, current.left(equals + 1));
        return Completion{};
    }
    return Completion{optionWords(options), {}, {}, {}};
}

Completion completeUnfiltered(const CommandLine &commandLine, const QStringList &words)
{
    const QString current = words.isEmpty() ? QString() : words.constLast();
    const QStringList before = words.mid(0, words.size() - 1);
    Completion completion;
    const QList<Option> globals = CommandLine::globalOptions();

    // The global options, up to the group or top-level verb.
    qsizetype index = 0;
    QStringList globalArguments;
    for (; index < before.size(); ++index) {
        const QString &word = before[index];
        if (!word.startsWith(QLatin1Char('-')))
            break;
        globalArguments.append(word);
        const Option *option = findOption(globals, word);
        if (option && !option->valueName.isEmpty() && index + 1 < before.size())
            globalArguments.append(before[++index]);
        else if (option && !option->valueName.isEmpty())
            return valueCompletion(*option, QString()); // `--root <TAB>`
    }

    if (index >= before.size()) {
        if (auto flags = flagCompletion(globals, current))
            completion = *flags;
        else {
            completion.candidates = commandLine.groups();
            for (const Command &command : commandLine.commands()) {
                if (command.group.isEmpty())
                    completion.candidates << command.name << command.aliases;
            }
            completion.candidates.append(QStringLiteral("help"));
        }
    } else {
        QString group = before[index++];
        const Command *command = nullptr;
        for (const Command &candidate : commandLine.commands()) {
            if (candidate.group.isEmpty() && (candidate.name == group || candidate.aliases.contains(group)))
                command = &candidate;
        }
        if (!command && index >= before.size()) {
            // `plugdeskctl plugin <TAB>`: its verbs and their aliases.
            for (const Command &candidate : commandLine.commands()) {
                if (candidate.group == group)
                    completion.candidates << candidate.name << candidate.aliases;
            }
            if (current.startsWith(QLatin1Char('-')))
                completion.candidates = {QStringLiteral("--help"), QStringLiteral("-h")};
        } else {
            if (!command) {
                const QString verb = before[index++];
                for (const Command &candidate : commandLine.commands()) {
                    if (candidate.group == group && (candidate.name == verb || candidate.aliases.contains(verb)))
                        command = &candidate;
                }
            }
            if (!command)
                return {};
            const QList<Option> options = commandOptions(*command);
            // Count the positional arguments before the current word; a flag that takes a value eats the next.
            int position = 0;
            bool flagsEnded = false;
            const Option *pending = nullptr;
            for (; index < before.size(); ++index) {
                const QString &word = before[index];
                if (pending) {
                    pending = nullptr;
                    continue;
                }
                if (!flagsEnded && word == QLatin1String("--")) {
                    flagsEnded = true;
                } else if (!flagsEnded && word.startsWith(QLatin1Char('-')) && word != QLatin1String("-")) {
                    const Option *option = findOption(options, word);
                    if (!option && word.size() > 2 && !word.startsWith(u"--")) // -qf: the last letter may take a value
                        option = findOption(options, QStringLiteral("-") + word.back());
                    if (option && !option->valueName.isEmpty() && !word.contains(QLatin1Char('=')))
                        pending = option;
                } else {
                    ++position;
                }
            }
            if (pending)
                return valueCompletion(*pending, QString());
            if (!flagsEnded) {
                if (auto flags = flagCompletion(options, current)) {
                    completion = *flags;
                    position = -1;
                }
            }
            if (position >= 0 && !command->arguments.isEmpty() &&
                (position < command->arguments.size() || command->argumentsRepeat)) {
                const ArgumentKind kind = command->arguments.value(position, command->arguments.constLast());
                if (kind == ArgumentKind::File)
                    completion.directive = QStringLiteral("files");
                else if (kind == ArgumentKind::Connection)
                    completion.names = kind;
                else if (kind == ArgumentKind::Plugin || kind == ArgumentKind::Volume) {
                    completion.names = kind;
                    completion.globalArguments = globalArguments;
                }
            }
        }
    }
    return completion;
}

} // namespace

Completion complete(const CommandLine &commandLine, const QStringList &words)
{
    const QString current = words.isEmpty() ? QString() : words.constLast();
    Completion completion = completeUnfiltered(commandLine, words);
    QStringList filtered;
    for (const QString &candidate : std::as_const(completion.candidates)) {
        if (candidate.startsWith(current) && !filtered.contains(candidate))
            filtered.append(candidate);
    }
    completion.candidates = filtered;
    return completion;
}

int printCompletion(const CommandLine &commandLine, const QStringList &words, QTextStream &out)
{
    Completion completion = complete(commandLine, words);
    if (completion.names != ArgumentKind::Other) {
        QStringList arguments = completion.globalArguments;
        if (completion.names == ArgumentKind::Connection)
            arguments = {QStringLiteral("connection"), QStringLiteral("ls"), QStringLiteral("-q")};
        else if (completion.names == ArgumentKind::Plugin)
            arguments << QStringLiteral("plugin") << QStringLiteral("ls") << QStringLiteral("--format")
                      << QStringLiteral("{{.Name}}");
        else
            arguments << QStringLiteral("volume") << QStringLiteral("ls") << QStringLiteral("-q");
        QProcess list;
        list.setStandardErrorFile(QProcess::nullDevice());
        list.setStandardInputFile(QProcess::nullDevice());
        list.start(QCoreApplication::applicationFilePath(), arguments);
        // A helper that does not answer must not hang the shell: a completion gives up after a few seconds.
        if (list.waitForFinished(5000) && list.exitStatus() == QProcess::NormalExit && list.exitCode() == 0) {
            const QString current = words.isEmpty() ? QString() : words.constLast();
            const QStringList names = QString::fromUtf8(list.readAllStandardOutput()).split(QLatin1Char('\n'));
            for (const QString &name : names) {
                if (!name.isEmpty() && name.startsWith(current))
                    completion.candidates.append(name);
            }
        } else {
            list.kill();
            list.waitForFinished(1000);
        }
    }
    for (const QString &candidate : std::as_const(completion.candidates))
        out << candidate << '\n';
    out << ':' << completion.directive << '\n';
    out.flush();
    return 0;
}

} // namespace cli
