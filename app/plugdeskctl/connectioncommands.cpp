// `connection add|ls|rm|use`: the caller's saved connections (core/connection/connectionstore.h), in the shape of
// `docker context create|ls|rm|use` (cli/command/context/): the name on stdout, the news on stderr, errors naming
// the input, exit 1 for a refusal and 2 for a usage error.
#include "commandline.h"
#include "core/connection/connectionstore.h"
#include "textformat.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionCommands)
};

// The caller's store, loaded; reports the error and returns false when the file does not parse.
bool loadStore(Context &context, core::ConnectionStore &store)
{
    if (const core::Status loaded = store.load(); !loaded) {
        reportError(context, loaded.error().message);
        return false;
    }
    return true;
}

QString sourceText(const core::ConnectionEntry &entry)
{
    switch (entry.source) {
    case core::ConnectionSource::ThisComputer:
        return Tr::tr("this computer");
    case core::ConnectionSource::Saved:
        return Tr::tr("saved");
    case core::ConnectionSource::DockerContext:
        return entry.dockerCurrent ? Tr::tr("docker context (current)") : Tr::tr("docker context");
    case core::ConnectionSource::Url:
        break;
    }
    return {};
}

// The stable, untranslated word for --format json.
QString sourceKey(core::ConnectionSource source)
{
    switch (source) {
    case core::ConnectionSource::ThisComputer:
        return QStringLiteral("local");
    case core::ConnectionSource::Saved:
        return QStringLiteral("saved");
    case core::ConnectionSource::DockerContext:
        return QStringLiteral("docker");
    case core::ConnectionSource::Url:
        break;
    }
    return QStringLiteral("url");
}

int add(Context &context, const Arguments &arguments)
{
    core::ConnectionStore store;
    if (!loadStore(context, store))
        return 1;
    const QString name = arguments.positional.at(0);
    if (const core::Status added = store.add(name, arguments.positional.at(1)); !added)
        return reportError(context, added.error().message);
    context.out << name << '\n';
    context.err << Tr::tr("Successfully added connection \"%1\"").arg(name) << '\n';
    return 0;
}

int list(Context &context, const Arguments &arguments)
{
    const QString format = arguments.value(QStringLiteral("format")).trimmed();
    if (!format.isEmpty() && format != QLatin1String("json") && format != QLatin1String("table"))
        return reportError(context, Tr::tr("unsupported format \"%1\": use \"table\" or \"json\"").arg(format));
    core::ConnectionStore store;
    if (!loadStore(context, store))
        return 1;
    const QList<core::ConnectionEntry> entries = store.entries();
    if (arguments.isSet(QStringLiteral("quiet"))) {
        for (const core::ConnectionEntry &entry : entries)
            context.out << entry.name << '\n';
    } else if (format == QLatin1String("json")) {
        for (const core::ConnectionEntry &entry : entries) {
            const QJsonObject object{{QStringLiteral("Name"), entry.name},
                                     {QStringLiteral("URL"), entry.url},
                                     {QStringLiteral("Source"), sourceKey(entry.source)},
                                     {QStringLiteral("Current"), entry.isDefault}};
            context.out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact)) << '\n';
        }
    } else {
        // docker context ls: the current one's name gets " *".
        QList<QStringList> rows{{QStringLiteral("NAME"), QStringLiteral("URL"), QStringLiteral("SOURCE")}};
        for (const core::ConnectionEntry &entry : entries)
            rows.append(
                {entry.isDefault ? entry.name + QStringLiteral(" *") : entry.name, entry.url, sourceText(entry)});
        context.out << tabulate(rows);
    }
    return 0;
}

int remove(Context &context, const Arguments &arguments)
{
    core::ConnectionStore store;
    if (!loadStore(context, store))
        return 1;
    // Like `docker context rm A B`: each one is tried, the failures are named, the status says whether any failed.
    int status = 0;
    for (const QString &name : arguments.positional) {
        if (const core::Status removed = store.remove(name, arguments.isSet(QStringLiteral("force"))); !removed) {
            status = reportError(context, removed.error().message);
            continue;
        }
        context.out << name << '\n';
    }
    return status;
}

int use(Context &context, const Arguments &arguments)
{
    core::ConnectionStore store;
    if (!loadStore(context, store))
        return 1;
    const QString name = arguments.positional.at(0);
    if (const core::Status used = store.use(name); !used)
        return reportError(context, used.error().message);
    context.out << name << '\n';
    context.err << Tr::tr("The default connection is now \"%1\"").arg(name) << '\n';
    return 0;
}

} // namespace

void addConnectionCommands(CommandLine &commandLine)
{
    const QString group = QStringLiteral("connection");
    commandLine.addGroup(group, Tr::tr("Manage connections"));
    const QString where = Tr::tr("Saved connections live in $XDG_CONFIG_HOME/plugdesk/connections.json (else "
                                 "~/.config/plugdesk/connections.json). URLs: plugdesk:// (this computer), "
                                 "plugdesk:///STORE (the store at STORE), unix:///SOCKET and ssh://[USER@]HOST[:PORT] "
                                 "(a Docker Engine).");
    commandLine.add({group,
                     QStringLiteral("add"),
                     {QStringLiteral("create")},
                     QStringLiteral("NAME URL"),
                     Tr::tr("Save a connection"),
                     {},
                     2,
                     2,
                     add,
                     where,
                     {ArgumentKind::Other, ArgumentKind::Other}});
    commandLine.add({group,
                     QStringLiteral("ls"),
                     {QStringLiteral("list")},
                     QStringLiteral("[OPTIONS]"),
                     Tr::tr("List connections"),
                     {
                         {QStringLiteral("format"),
                          QChar(),
                          QStringLiteral("string"),
                          Tr::tr("Format output: \"table\" (the default) or \"json\""),
                          {QStringLiteral("table"), QStringLiteral("json")}},
                         {QStringLiteral("quiet"), QLatin1Char('q'), QString(), Tr::tr("Only show connection names")},
                     },
                     0,
                     0,
                     list,
                     Tr::tr("Lists this computer (\"local\"), the saved connections and Docker's contexts (read from "
                            "~/.docker/contexts, never written). The default connection, used when no -H is given, "
                            "is marked with *.")});
    commandLine.add({group,
                     QStringLiteral("rm"),
                     {QStringLiteral("remove")},
                     QStringLiteral("[OPTIONS] NAME [NAME...]"),
                     Tr::tr("Remove one or more saved connections"),
                     {
                         {QStringLiteral("force"), QLatin1Char('f'), QString(),
                          Tr::tr("Remove the default connection too (the default goes back to \"local\")")},
                     },
                     1,
                     -1,
                     remove,
                     where,
                     {ArgumentKind::Connection},
                     true});
    commandLine.add({group,
                     QStringLiteral("use"),
                     {},
                     QStringLiteral("NAME"),
                     Tr::tr("Set the default connection"),
                     {},
                     1,
                     1,
                     use,
                     Tr::tr("The default connection is the one used when no -H is given: a saved connection, "
                            "\"local\" (this computer) or a Docker context."),
                     {ArgumentKind::Connection}});
}

} // namespace cli
