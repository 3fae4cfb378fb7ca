// The `plugin` verbs: the same names, flags, columns and texts as `docker plugin` (docs/docker-compat.md §1).
#include "commandline.h"
#include "core/engine/engine.h"
#include "core/plugin/pluginfilter.h"
#include "core/plugin/reference.h"
#include "core/runtime/logreader.h"
#include "gotemplate.h"
#include "textformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QThread>
#include <QVariantMap>
#include <algorithm>

namespace cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PluginCommands)
};

// The fields `plugin ls` knows, with their table headers (cli formatter.go).
QString headerFor(const QString &field)
{
    if (field == QLatin1String("ID"))
        return QStringLiteral("ID");
    if (field == QLatin1String("Name"))
        return QStringLiteral("NAME");
    if (field == QLatin1String("Description"))
        return QStringLiteral("DESCRIPTION");
    if (field == QLatin1String("Enabled"))
        return QStringLiteral("ENABLED");
    if (field == QLatin1String("PluginReference"))
        return QStringLiteral("IMAGE");
    if (field == QLatin1String("State"))
        return QStringLiteral("STATE");
    if (field == QLatin1String("StateReason"))
        return QStringLiteral("REASON");
    return field.toUpper();
}

// What the plugin's process does, in the words the window uses (core::PluginRuntimeState::summary): the phase
// ("running", "restarting (attempt 2, next try in 4 s)", "not running") and the cause, for `ls --format` templates
// (.State, .StateReason) and for `inspect`'s PlugdeskState. Not in Docker's default table nor in `--format json`,
// whose columns and keys stay Docker's.
struct StateFields
{
    QString phase;
    QString text;
    QString reason;
    std::optional<core::PluginRuntimeState> state;
};

StateFields stateOf(core::Engine *engine, const core::Plugin &plugin)
{
    StateFields fields;
    if (auto state = engine->runtimeState(plugin.id))
        fields.state = *state;
    fields.phase = core::PluginRuntimeState::phaseName(core::PluginRuntimeState::phase(plugin.enabled, fields.state));
    fields.text = core::PluginRuntimeState::phaseText(plugin.enabled, fields.state);
    fields.reason = core::PluginRuntimeState::cause(plugin.enabled, fields.state);
    return fields;
}

QJsonObject stateJson(const StateFields &fields)
{
    QJsonObject object;
    object.insert(QStringLiteral("Phase"), fields.phase);
    object.insert(QStringLiteral("Text"), fields.text);
    object.insert(QStringLiteral("Reason"), fields.reason);
    if (fields.state) {
        object.insert(QStringLiteral("Restarts"), fields.state->restarts);
        if (fields.state->lastExitStatus)
            object.insert(QStringLiteral("LastExitStatus"), *fields.state->lastExitStatus);
        if (fields.state->nextRestart.isValid())
            object.insert(QStringLiteral("NextRestart"), fields.state->nextRestart.toUTC().toString(Qt::ISODateWithMs));
        if (!fields.state->message.isEmpty())
            object.insert(QStringLiteral("Message"), fields.state->message);
    }
    return object;
}

// One `ls` row as Docker's pluginContext presents it; `truncate` cuts the id to 12 and the description to 45.
QJsonObject listContext(const core::Plugin &plugin, bool truncate)
{
    QString description = plugin.config.description;
    description.remove(QLatin1Char('\n')).remove(QLatin1Char('\r'));
    QJsonObject row;
    row.insert(QStringLiteral("ID"), truncate ? plugin.shortId() : plugin.id);
    row.insert(QStringLiteral("Name"), plugin.name());
    row.insert(QStringLiteral("Description"), truncate ? ellipsis(description, 45) : description);
    row.insert(QStringLiteral("Enabled"), plugin.enabled);
    row.insert(QStringLiteral("PluginReference"), plugin.pluginReference);
    return row;
}

int reportProblems(Context &context, const QList<core::Error> &problems)
{
    for (const core::Error &problem : problems)
        reportError(context, problem.message);
    return problems.isEmpty() ? 0 : 1;
}

int list(Context &context, const Arguments &arguments)
{
    auto filter = core::PluginFilter::parse(arguments.all(QStringLiteral("filter")));
    if (!filter)
        return reportError(context, filter.error().message);
    auto result = readyEngine(context)->plugins();
    if (!result)
        return reportError(context, result.error().message);
    QList<core::Plugin> plugins;
    for (const core::Plugin &plugin : result->plugins) {
        if (filter->matches(plugin))
            plugins.append(plugin);
    }
    std::stable_sort(plugins.begin(), plugins.end(),
                     [](const core::Plugin &a, const core::Plugin &b) { return naturalLess(a.name(), b.name()); });

    const bool truncate = !arguments.isSet(QStringLiteral("no-trunc"));
    QString format = arguments.value(QStringLiteral("format")).trimmed();
    if (arguments.isSet(QStringLiteral("quiet"))) {
        for (const core::Plugin &plugin : plugins)
            context.out << (truncate ? plugin.shortId() : plugin.id) << '\n';
        return reportProblems(context, result->problems);
    }
    if (format == QLatin1String("json")) {
        for (const core::Plugin &plugin : plugins)
            context.out << QString::fromUtf8(
                               QJsonDocument(listContext(plugin, truncate)).toJson(QJsonDocument::Compact))
                        << '\n';
        return reportProblems(context, result->problems);
    }
    bool table = format.isEmpty() || format.startsWith(QLatin1String("table"));
    if (format.isEmpty() || format == QLatin1String("table"))
        format = QStringLiteral("{{.ID}}\t{{.Name}}\t{{.Description}}\t{{.Enabled}}");
    else if (table)
        format = format.mid(5).trimmed();
    auto tmpl = GoTemplate::parse(format);
    if (!tmpl)
        return reportError(context, tmpl.error().message);
    const bool wantsState =
        tmpl->fields().contains(QStringLiteral("State")) || tmpl->fields().contains(QStringLiteral("StateReason"));

    QList<QStringList> rows;
    if (table) {
        QStringList header;
        // The header follows the template's text, with each action replaced by its column title.
        QString headerLine = format;
        headerLine.replace(QStringLiteral("\\t"), QStringLiteral("\t"));
        QJsonObject titles;
        for (const QString &field : tmpl->fields())
            titles.insert(field, headerFor(field));
        auto rendered = tmpl->render(titles);
        if (!rendered)
            return reportError(context, rendered.error().message);
        rows.append(rendered->split(QLatin1Char('\t')));
    }
    QStringList lines;
    for (const core::Plugin &plugin : plugins) {
        QJsonObject row = listContext(plugin, truncate);
        if (wantsState) {
            const StateFields state = stateOf(readyEngine(context), plugin);
            row.insert(QStringLiteral("State"), state.text);
            row.insert(QStringLiteral("StateReason"), state.reason);
        }
        auto rendered = tmpl->render(row);
        if (!rendered)
            return reportError(context, rendered.error().message);
        if (table)
            rows.append(rendered->split(QLatin1Char('\t')));
        else
            lines.append(*rendered);
    }
    if (table)
        context.out << tabulate(rows);
    else
        for (const QString &line : lines)
            context.out << line << '\n';
    return reportProblems(context, result->problems);
}

int inspect(Context &context, const Arguments &arguments)
{
    const QString format = arguments.value(QStringLiteral("format"));
    std::optional<GoTemplate> tmpl;
    if (!format.isEmpty() && format != QLatin1String("json")) {
        auto parsed = GoTemplate::parse(format);
        if (!parsed)
            return reportError(context, parsed.error().message);
        tmpl = *parsed;
    }
    // When the plugins cannot be read at all (refused, helper unreachable), only that is said, once: no "[]" on
    // stdout, as the docker CLI prints nothing but the error when it cannot reach the daemon. The empty array is for
    // names looked up and not found.
    if (auto list = readyEngine(context)->plugins(); !list)
        return reportError(context, list.error().message);
    QJsonArray found;
    QStringList errors;
    for (const QString &name : arguments.positional) {
        auto plugin = readyEngine(context)->plugin(name);
        if (plugin) {
            // Docker's object, plus what the process does and why (a key Docker does not have, so its readers
            // skip it).
            QJsonObject object = plugin->toApiJson();
            // A Docker Engine's plugin is printed as dockerd sent it: Docker reports no process state to add.
            if (plugin->raw.isEmpty())
                object.insert(QStringLiteral("PlugdeskState"), stateJson(stateOf(readyEngine(context), *plugin)));
            found.append(object);
        } else if (plugin.error().code == core::ErrorCode::NotFound &&
                   readyEngine(context)->inherits("core::DockerEngine")) {
            // On a Docker Engine, the docker CLI's own words for what its daemon did not find.
            errors.append(Tr::tr("No such plugin: %1").arg(name));
        } else {
            errors.append(plugin.error().message);
        }
    }
    if (tmpl) {
        for (const QJsonValue &value : found) {
            auto rendered = tmpl->render(value);
            if (!rendered)
                return reportError(context, rendered.error().message);
            context.out << *rendered << '\n';
        }
    } else {
        context.out << indentedJson(QJsonDocument(found));
    }
    for (const QString &error : errors)
        reportError(context, error);
    return errors.isEmpty() ? 0 : 1;
}

// Runs a job to its end; the error's message, or the job's result text.
int finishJob(Context &context, core::Job *job)
{
    job->waitForFinished();
    const auto error = job->error();
    job->deleteLater();
    if (error)
        return reportError(context, error->message);
    context.out << job->result().toString() << '\n';
    return 0;
}

// `plugin start` (not in Docker, whose daemon restarts plugins itself): runs an enabled plugin that is not running,
// or runs it afresh; it stays enabled whatever happens.
int start(Context &context, const Arguments &arguments)
{
    bool ok = true;
    const QString text = arguments.value(QStringLiteral("timeout"), QStringLiteral("30"));
    const int timeout = text.toInt(&ok);
    if (!ok || timeout < 0)
        return reportError(context, Tr::tr("invalid --timeout \"%1\": give a number of seconds").arg(text));
    return finishJob(context, context.engine()->start(arguments.positional.first(), timeout));
}

int enable(Context &context, const Arguments &arguments)
{
    bool ok = true;
    const QString text = arguments.value(QStringLiteral("timeout"), QStringLiteral("30"));
    const int timeout = text.toInt(&ok);
    if (!ok)
        return reportError(context, Tr::tr("invalid argument \"%1\" for \"--timeout\" flag: strconv.ParseInt: "
                                           "parsing \"%1\": invalid syntax")
                                        .arg(text));
    if (timeout < 0)
        return reportError(context, Tr::tr("negative timeout %1 is invalid").arg(timeout));
    return finishJob(context, context.engine()->enable(arguments.positional.first(), timeout));
}

int disable(Context &context, const Arguments &arguments)
{
    return finishJob(context,
                     context.engine()->disable(arguments.positional.first(), arguments.isSet(QStringLiteral("force"))));
}

// How many of the log's last lines a polling follow reads each second.
constexpr int kFollowWindow = 1000;

// The lines of `current` (the log's end now) that follow what `previous` (its end before) already showed: after the
// longest run of `current` that repeats the end of `previous`. All of `current` when they share nothing (more new
// lines than the window, or the log was rotated away).
QStringList newLines(const QStringList &previous, const QStringList &current)
{
    for (qsizetype overlap = qMin(previous.size(), current.size()); overlap > 0; --overlap) {
        if (std::equal(current.cbegin(), current.cbegin() + overlap, previous.cend() - overlap))
            return current.mid(overlap);
    }
    return current;
}

int logs(Context &context, const Arguments &arguments)
{
    const QString name = arguments.positional.first();
    int tail = -1;
    const QString tailText = arguments.value(QStringLiteral("tail"), QStringLiteral("all"));
    if (tailText != QLatin1String("all")) {
        bool ok = false;
        tail = tailText.toInt(&ok);
        if (!ok || tail < 0)
            return reportError(context,
                               Tr::tr("invalid value \"%1\" for --tail: a number of lines or \"all\"").arg(tailText));
    }
    core::Job *read = waitFor(context.engine()->logs(name, tail));
    read->deleteLater();
    if (const auto error = read->error())
        return reportError(context, error->message);
    const QStringList lines = read->value<QStringList>();
    for (const QString &line : lines)
        context.out << line << '\n';
    context.out.flush();
    if (!arguments.isSet(QStringLiteral("follow")))
        return 0;
    auto path = context.engine()->logFile(name);
    if (!path && path.error().code != core::ErrorCode::Unsupported)
        return reportError(context, path.error().message);
    // Follows until interrupted, like `docker logs -f`.
    if (path) {
        core::LogReader reader(*path);
        reader.seekToEnd();
        for (;;) {
            for (const QString &line : reader.readNew())
                context.out << line << '\n';
            context.out.flush();
            QThread::msleep(250);
        }
    }
    // The engine cannot hand out the file (the helper keeps it under its run root): ask for the log's end again
    // and again, printing what follows the last line already printed (lines carry timestamps, so they rarely repeat).
    QStringList previous = lines.mid(qMax(qsizetype(0), lines.size() - kFollowWindow));
    for (;;) {
        QThread::msleep(1000);
        core::Job *again = waitFor(context.engine()->logs(name, kFollowWindow));
        again->deleteLater();
        if (const auto error = again->error())
            return reportError(context, error->message);
        const QStringList current = again->value<QStringList>();
        for (const QString &line : newLines(previous, current))
            context.out << line << '\n';
        context.out.flush();
        previous = current;
    }
}

int create(Context &context, const Arguments &arguments)
{
    const QString name = arguments.positional.at(0);
    core::Job *job = context.engine()->create(name, arguments.positional.at(1));
    job->waitForFinished();
    const auto error = job->error();
    job->deleteLater();
    if (error)
        return reportError(context, error->message);
    // Docker prints the name as it was typed.
    context.out << name << '\n';
    return 0;
}

// Docker's push output: "The push refers to repository [...]", a line per blob and phase, then
// "<tag>: digest: sha256:... size: N".
int push(Context &context, const Arguments &arguments)
{
    const QString name = arguments.positional.first();
    auto reference = core::Reference::parse(name);
    if (reference && reference->hasDigest())
        return reportError(context, Tr::tr("invalid name: %1").arg(name));
    // The CLI adds ":latest" (docs/docker-compat.md §1.6); a name that is no reference (an id) goes as it is.
    core::Job *job = context.engine()->push(reference ? reference->withDefaultTag().familiarString() : name);
    QSet<QString> printed;
    QObject::connect(job, &core::Job::progressed, job, [&context, &printed](const core::JobProgress &progress) {
        if (progress.phase == core::JobProgress::authorisingPhase())
            return; // TerminalAgent says it on stderr; a refusal leaves stdout empty
        if (progress.item.isEmpty()) {
            if (!progress.text.isEmpty())
                context.out << progress.text << '\n';
        } else if (!printed.contains(progress.item + progress.phase)) {
            // A plain line per phase: the bytes of one monolithic PUT are all or nothing anyway.
            printed.insert(progress.item + progress.phase);
            context.out << progress.item << ": " << progress.phase << '\n';
        }
        context.out.flush();
    });
    job->waitForFinished();
    const auto error = job->error();
    const QVariantMap result = job->result().toMap();
    job->deleteLater();
    if (error)
        return reportError(context, error->message);
    context.out << Tr::tr("%1: digest: %2 size: %3")
                       .arg(result.value(QStringLiteral("tag")).toString(),
                            result.value(QStringLiteral("digest")).toString(),
                            QString::number(result.value(QStringLiteral("size")).toLongLong()))
                << '\n';
    return 0;
}

// `rm` (docs/docker-compat.md §1.1): each name removed is printed; errors are collected and printed after, exit 1 if
// any.
int remove(Context &context, const Arguments &arguments)
{
    const bool force = arguments.isSet(QStringLiteral("force"));
    QStringList errors;
    for (const QString &name : arguments.positional) {
        core::Job *job = context.engine()->remove(name, force);
        job->waitForFinished();
        const auto error = job->error();
        job->deleteLater();
        if (error) {
            errors.append(error->message);
            continue;
        }
        context.out << name << '\n';
        context.out.flush();
    }
    for (const QString &error : std::as_const(errors))
        reportError(context, error);
    return errors.isEmpty() ? 0 : 1;
}

} // namespace

void addPluginCommands(CommandLine &commandLine)
{
    const QString plugin = QStringLiteral("plugin");
    commandLine.add({plugin,
                     QStringLiteral("ls"),
                     {QStringLiteral("list")},
                     QStringLiteral("[OPTIONS]"),
                     Tr::tr("List plugins"),
                     {
                         {QStringLiteral("filter"), QLatin1Char('f'), QStringLiteral("filter"),
                          Tr::tr("Provide filter values (e.g. \"enabled=true\", \"capability=volumedriver\")")},
                         {QStringLiteral("format"),
                          QChar(),
                          QStringLiteral("string"),
                          Tr::tr("Format output: \"table\", \"json\", or a template such as "
                                 "'{{.ID}}\\t{{.Name}}'"),
                          {QStringLiteral("table"), QStringLiteral("json")}},
                         {QStringLiteral("no-trunc"), QChar(), QString(), Tr::tr("Don't truncate output")},
                         {QStringLiteral("quiet"), QLatin1Char('q'), QString(), Tr::tr("Only display plugin IDs")},
                     },
                     0,
                     0,
                     list});
    commandLine.add({plugin,
                     QStringLiteral("inspect"),
                     {},
                     QStringLiteral("[OPTIONS] PLUGIN [PLUGIN...]"),
                     Tr::tr("Display detailed information on one or more plugins"),
                     {
                         {QStringLiteral("format"),
                          QLatin1Char('f'),
                          QStringLiteral("string"),
                          Tr::tr("Format output: \"json\" (the default), or a template such as "
                                 "'{{.Config.Interface.Socket}}'"),
                          {QStringLiteral("json")}},
                     },
                     1,
                     -1,
                     inspect});
    commandLine.add({plugin,
                     QStringLiteral("create"),
                     {},
                     QStringLiteral("[OPTIONS] PLUGIN PLUGIN-DATA-DIR"),
                     Tr::tr("Create a plugin from a rootfs and configuration. Plugin data directory must contain "
                            "config.json and rootfs directory."),
                     {
                         {QStringLiteral("compress"), QChar(), QString(),
                          Tr::tr("Accepted for compatibility with docker; Plugdesk reads the folder in place")},
                     },
                     2,
                     2,
                     create,
                     {},
                     {ArgumentKind::Other, ArgumentKind::File}}); // a new name, then its folder
    commandLine.add({plugin,
                     QStringLiteral("set"),
                     {},
                     QStringLiteral("[OPTIONS] PLUGIN KEY=VALUE [KEY=VALUE...]"),
                     Tr::tr("Change settings for a plugin"),
                     {
                         {QStringLiteral("grant-all-permissions"), QChar(), QString(),
                          Tr::tr("Grant the privileges the new settings give without asking")},
                     },
                     2,
                     -1,
                     setPluginSettings});
    commandLine.add({plugin,
                     QStringLiteral("enable"),
                     {},
                     QStringLiteral("[OPTIONS] PLUGIN"),
                     Tr::tr("Enable a plugin"),
                     {
                         {QStringLiteral("timeout"), QChar(), QStringLiteral("int"),
                          Tr::tr("HTTP client timeout (in seconds) (default 30)")},
                     },
                     1,
                     1,
                     enable});
    commandLine.add({plugin,
                     QStringLiteral("start"),
                     {},
                     QStringLiteral("[OPTIONS] PLUGIN"),
                     Tr::tr("Start an enabled plugin that is not running, or restart it (Plugdesk only)"),
                     {
                         {QStringLiteral("timeout"), QChar(), QStringLiteral("int"),
                          Tr::tr("Seconds to wait for the plugin to accept connections (default 30)")},
                     },
                     1,
                     1,
                     start});
    commandLine.add(
        {plugin,
         QStringLiteral("disable"),
         {},
         QStringLiteral("[OPTIONS] PLUGIN"),
         Tr::tr("Disable a plugin"),
         {
             {QStringLiteral("force"), QLatin1Char('f'), QString(), Tr::tr("Force the disable of an active plugin")},
         },
         1,
         1,
         disable});
    commandLine.add({plugin,
                     QStringLiteral("push"),
                     {},
                     QStringLiteral("[OPTIONS] PLUGIN[:TAG]"),
                     Tr::tr("Push a plugin to a registry"),
                     {
                         {QStringLiteral("disable-content-trust"), QChar(), QString(),
                          Tr::tr("Accepted for compatibility with docker; ignored (default true)")},
                     },
                     1,
                     1,
                     push});
    commandLine.add(
        {plugin,
         QStringLiteral("rm"),
         {QStringLiteral("remove")},
         QStringLiteral("[OPTIONS] PLUGIN [PLUGIN...]"),
         Tr::tr("Remove one or more plugins"),
         {
             {QStringLiteral("force"), QLatin1Char('f'), QString(), Tr::tr("Force the removal of an active plugin")},
         },
         1,
         -1,
         remove});
    commandLine.add({plugin,
                     QStringLiteral("logs"),
                     {},
                     QStringLiteral("[OPTIONS] PLUGIN"),
                     Tr::tr("Show the output of a plugin"),
                     {
                         {QStringLiteral("follow"), QLatin1Char('f'), QString(), Tr::tr("Follow log output")},
                         {QStringLiteral("tail"), QChar(), QStringLiteral("string"),
                          Tr::tr("Number of lines to show from the end of the log (default \"all\")")},
                     },
                     1,
                     1,
                     logs});
}

} // namespace cli
