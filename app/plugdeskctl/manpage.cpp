#include "manpage.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace cli {

namespace {

// Text as roff shows it literally: backslashes and hyphens escaped, no line starting with a control character.
QString escaped(const QString &text)
{
    QString result = text;
    result.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    result.replace(QLatin1Char('-'), QStringLiteral("\\-"));
    QStringList lines = result.split(QLatin1Char('\n'));
    for (QString &line : lines) {
        if (line.startsWith(QLatin1Char('.')) || line.startsWith(QLatin1Char('\'')))
            line.prepend(QStringLiteral("\\&"));
    }
    return lines.join(QLatin1Char('\n'));
}

// Paragraphs separated by blank lines become .PP; the line breaks within one are kept, as --help keeps them.
QString paragraphs(const QString &text)
{
    QString result;
    const QStringList parts = text.split(QStringLiteral("\n\n"), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (!result.isEmpty())
            result += QStringLiteral(".PP\n");
        const QStringList lines = escaped(part).split(QLatin1Char('\n'));
        result += lines.join(QStringLiteral("\n.br\n")) + QLatin1Char('\n');
    }
    return result;
}

QString header(const QString &name)
{
    return QStringLiteral(".TH \"%1\" \"1\" \"\" \"Plugdesk %2\" \"Plugdesk Manual\"\n")
        .arg(name.toUpper(), QStringLiteral(PLUGDESK_VERSION));
}

// An option as --help labels it, bold names and an italic value: `-f, --filter filter`.
QString optionItem(const Option &option)
{
    QString item = QStringLiteral(".TP\n");
    if (!option.shortName.isNull())
        item += QStringLiteral("\\fB\\-%1\\fR, ").arg(option.shortName);
    item += QStringLiteral("\\fB\\-\\-%1\\fR").arg(escaped(option.longName));
    if (!option.valueName.isEmpty())
        item += QStringLiteral(" \\fI%1\\fR").arg(escaped(option.valueName));
    item += QLatin1Char('\n') + escaped(option.help) + QLatin1Char('\n');
    if (!option.values.isEmpty())
        item +=
            CommandLine::tr("One of: %1.").arg(escaped(option.values.join(QStringLiteral(", ")))) + QLatin1Char('\n');
    return item;
}

QString seeAlsoItem(const QString &name, bool last)
{
    return QStringLiteral(".BR %1 (1)%2\n").arg(escaped(name), last ? QString() : QStringLiteral(","));
}

} // namespace

QString manPageName(const Command &command)
{
    return commandPath(command).replace(QLatin1Char(' '), QLatin1Char('-'));
}

QString topManPage(const CommandLine &commandLine)
{
    const QString program = QStringLiteral("plugdeskctl");
    QString page = header(program);
    page +=
        QStringLiteral(".SH NAME\n%1 \\- %2\n").arg(program, escaped(CommandLine::tr("Manage Docker managed plugins")));
    page += QStringLiteral(".SH SYNOPSIS\n.B %1\n[\\fIOPTIONS\\fR] \\fICOMMAND\\fR\n").arg(program);
    page += QStringLiteral(".SH DESCRIPTION\n") + paragraphs(CommandLine::description());
    page += QStringLiteral(".SH OPTIONS\n");
    for (const Option &option : CommandLine::globalOptions())
        page += optionItem(option);
    page += QStringLiteral(".SH COMMANDS\n");
    QStringList names;
    for (const Command &command : commandLine.commands()) {
        page += QStringLiteral(".TP\n.B %1\n%2\nSee \\fB%3\\fR(1).\n")
                    .arg(escaped(commandPath(command).mid(program.size() + 1)),
                         escaped(command.summary.section(QLatin1Char('\n'), 0, 0)), escaped(manPageName(command)));
        names.append(manPageName(command));
    }
    page += QStringLiteral(".SH SEE ALSO\n");
    for (qsizetype i = 0; i < names.size(); ++i)
        page += seeAlsoItem(names[i], i == names.size() - 1);
    return page;
}

QString commandManPage(const CommandLine &commandLine, const Command &command)
{
    const QString name = manPageName(command);
    QString page = header(name);
    page += QStringLiteral(".SH NAME\n%1 \\- %2\n")
                .arg(escaped(name), escaped(command.summary.section(QLatin1Char('\n'), 0, 0)));
    page += QStringLiteral(".SH SYNOPSIS\n.B %1\n%2\n").arg(escaped(commandPath(command)), escaped(command.usage));
    QString description = command.summary;
    if (!command.description.isEmpty())
        description += QStringLiteral("\n\n") + command.description;
    page += QStringLiteral(".SH DESCRIPTION\n") + paragraphs(description);
    if (!command.aliases.isEmpty()) {
        page += QStringLiteral(".SH ALIASES\n");
        const QString parent = commandPath(command).section(QLatin1Char(' '), 0, -2);
        QStringList aliases;
        for (const QString &alias : command.aliases)
            aliases.append(QStringLiteral("\\fB%1 %2\\fR").arg(escaped(parent), escaped(alias)));
        page += aliases.join(QStringLiteral(", ")) + QLatin1Char('\n');
    }
    page += QStringLiteral(".SH OPTIONS\n");
    for (const Option &option : commandOptions(command))
        page += optionItem(option);
    page += QStringLiteral(".SH SEE ALSO\n");
    QStringList related{QStringLiteral("plugdeskctl")};
    for (const Command &other : commandLine.commands()) {
        if (&other != &command && other.group == command.group)
            related.append(manPageName(other));
    }
    for (qsizetype i = 0; i < related.size(); ++i)
        page += seeAlsoItem(related[i], i == related.size() - 1);
    return page;
}

int writeManPages(const CommandLine &commandLine, const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    if (arguments.size() != 1 || arguments.first().isEmpty()) {
        err << CommandLine::tr("Usage:  plugdeskctl __man DIR") << '\n';
        return 2;
    }
    QDir dir(arguments.first());
    if (!dir.mkpath(QStringLiteral("."))) {
        err << CommandLine::tr("Error: cannot create the folder %1").arg(dir.path()) << '\n';
        return 1;
    }
    for (const QString &stale : dir.entryList({QStringLiteral("*.1"), QStringLiteral("*.1.gz")}, QDir::Files))
        dir.remove(stale);
    QList<std::pair<QString, QString>> pages{{QStringLiteral("plugdeskctl"), topManPage(commandLine)}};
    for (const Command &command : commandLine.commands())
        pages.append({manPageName(command), commandManPage(commandLine, command)});
    for (const auto &[name, text] : pages) {
        QSaveFile file(dir.filePath(name + QStringLiteral(".1")));
        if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit()) {
            err << CommandLine::tr("Error: cannot write %1: %2").arg(file.fileName(), file.errorString()) << '\n';
            return 1;
        }
    }
    out.flush();
    return 0;
}

} // namespace cli
