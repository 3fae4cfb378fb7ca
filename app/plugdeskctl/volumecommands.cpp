// The `volume` verbs: `docker volume`'s names, flags and columns (ls, create, inspect, rm), plus `mount` and
// `unmount`, which Docker leaves to containers and Plugdesk offers so that a volume's files can be reached from
// the host (docs/docker-compat.md §9).
#include "commandline.h"
#include "core/engine/engine.h"
#include "core/volume/volume.h"
#include "textformat.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(VolumeCommands)
};

// Runs a job to its end; its result, or its error (already printed) as nullopt.
std::optional<QVariant> runJob(Context &context, core::Job *job)
{
    job->waitForFinished();
    const auto error = job->error();
    const QVariant result = job->result();
    job->deleteLater();
    if (error) {
        reportError(context, error->message);
        return std::nullopt;
    }
    return result;
}

int list(Context &context, const Arguments &arguments)
{
    QString driver;
    for (const QString &filter : arguments.all(QStringLiteral("filter"))) {
        const qsizetype equals = filter.indexOf(QLatin1Char('='));
        const QString key = filter.left(equals).trimmed();
        if (equals < 0)
            return reportError(context, Tr::tr("bad format of filter (expected name=value)"));
        if (key != QLatin1String("driver"))
            return reportError(context, Tr::tr("invalid filter '%1'").arg(key));
        driver = filter.mid(equals + 1).trimmed();
    }
    const QString format = arguments.value(QStringLiteral("format")).trimmed();
    if (!format.isEmpty() && format != QLatin1String("json") && format != QLatin1String("table"))
        return reportError(context, Tr::tr("unsupported format \"%1\": use \"table\" or \"json\"").arg(format));
    auto result = runJob(context, context.engine()->volumes(driver));
    if (!result)
        return 1;
    core::VolumeList list = core::VolumeList::fromVariant(*result);
    std::stable_sort(list.volumes.begin(), list.volumes.end(),
                     [](const core::Volume &a, const core::Volume &b) { return naturalLess(a.name, b.name); });
    if (arguments.isSet(QStringLiteral("quiet"))) {
        for (const core::Volume &volume : std::as_const(list.volumes))
            context.out << volume.name << '\n';
    } else if (format == QLatin1String("json")) {
        for (const core::Volume &volume : std::as_const(list.volumes))
            context.out << QString::fromUtf8(QJsonDocument(volume.toJson()).toJson(QJsonDocument::Compact)) << '\n';
    } else {
        QList<QStringList> rows{{QStringLiteral("DRIVER"), QStringLiteral("VOLUME NAME")}};
        for (const core::Volume &volume : std::as_const(list.volumes))
            rows.append({volume.driver, volume.name});
        context.out << tabulate(rows);
    }
    context.out.flush();
    // A driver that failed does not hide the others; it is named after them, and the exit status says so.
    for (const core::VolumeDriverError &failure : std::as_const(list.errors))
        reportError(context, Tr::tr("driver %1: %2").arg(failure.driver, failure.error.message));
    return list.errors.isEmpty() ? 0 : 1;
}

int create(Context &context, const Arguments &arguments)
{
    QString name = arguments.value(QStringLiteral("name"));
    if (!arguments.positional.isEmpty()) {
        if (!name.isEmpty() && name != arguments.positional.first())
            return reportError(context, Tr::tr("conflicting options: either specify --name or provide positional arg, "
                                               "not both"));
        name = arguments.positional.first();
    }
    const QString driver = arguments.value(QStringLiteral("driver"));
    if (driver.isEmpty())
        return reportError(context, Tr::tr("Plugdesk has no built-in volume driver: name one with -d DRIVER"));
    QMap<QString, QString> options;
    for (const QString &option : arguments.all(QStringLiteral("opt"))) {
        const qsizetype equals = option.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return reportError(context, Tr::tr("invalid key/value pair format in driver options"));
        options.insert(option.left(equals), option.mid(equals + 1));
    }
    auto result = runJob(context, context.engine()->createVolume(driver, name, options));
    if (!result)
        return 1;
    context.out << core::Volume::fromJson(QJsonObject::fromVariantMap(result->toMap())).name << '\n';
    return 0;
}

int inspect(Context &context, const Arguments &arguments)
{
    QJsonArray found;
    int status = 0;
    QStringList errors;
    bool onlyNotFound = true;
    for (const QString &name : arguments.positional) {
        core::Job *job = context.engine()->inspectVolume(name);
        job->waitForFinished();
        if (const auto error = job->error()) {
            errors.append(error->message);
            onlyNotFound = onlyNotFound && error->code == core::ErrorCode::NotFound;
        } else {
            found.append(QJsonObject::fromVariantMap(job->result().toMap()));
        }
        job->deleteLater();
    }
    // Docker prints the array of what it found, "[]" for names not found; a refusal (or an unreachable helper) is
    // only its error, as in plugin inspect.
    if (!found.isEmpty() || onlyNotFound) {
        context.out << QString::fromUtf8(QJsonDocument(found).toJson(QJsonDocument::Indented));
        context.out.flush();
    }
    for (const QString &error : std::as_const(errors))
        status = reportError(context, error);
    return status;
}

int remove(Context &context, const Arguments &arguments)
{
    int status = 0;
    for (const QString &name : arguments.positional) {
        if (runJob(context, context.engine()->removeVolume(name, arguments.isSet(QStringLiteral("force")))))
            context.out << name << '\n';
        else
            status = 1;
    }
    return status;
}

int mount(Context &context, const Arguments &arguments)
{
    auto result = runJob(context, context.engine()->mountVolume(arguments.positional.first()));
    if (!result)
        return 1;
    const core::Volume volume = core::Volume::fromJson(QJsonObject::fromVariantMap(result->toMap()));
    context.out << (volume.hostMountpoint.isEmpty() ? volume.mountpoint : volume.hostMountpoint) << '\n';
    return 0;
}

int unmount(Context &context, const Arguments &arguments)
{
    if (!runJob(context, context.engine()->unmountVolume(arguments.positional.first())))
        return 1;
    context.out << arguments.positional.first() << '\n';
    return 0;
}

} // namespace

void addVolumeCommands(CommandLine &commandLine)
{
    const QString volume = QStringLiteral("volume");
    commandLine.add({volume,
                     QStringLiteral("ls"),
                     {QStringLiteral("list")},
                     QStringLiteral("[OPTIONS]"),
                     Tr::tr("List volumes"),
                     {
                         {QStringLiteral("filter"), QLatin1Char('f'), QStringLiteral("filter"),
                          Tr::tr("Provide filter values (e.g. \"driver=acme/testvol\")")},
                         {QStringLiteral("format"),
                          QChar(),
                          QStringLiteral("string"),
                          Tr::tr("Format output: \"table\" (the default) or \"json\""),
                          {QStringLiteral("table"), QStringLiteral("json")}},
                         {QStringLiteral("quiet"), QLatin1Char('q'), QString(), Tr::tr("Only display volume names")},
                     },
                     0,
                     0,
                     list});
    commandLine.add({volume,
                     QStringLiteral("create"),
                     {},
                     QStringLiteral("[OPTIONS] [VOLUME]"),
                     Tr::tr("Create a volume"),
                     {
                         {QStringLiteral("driver"), QLatin1Char('d'), QStringLiteral("string"),
                          Tr::tr("Specify volume driver name")},
                         {QStringLiteral("name"), QChar(), QStringLiteral("string"), Tr::tr("Specify volume name")},
                         {QStringLiteral("opt"), QLatin1Char('o'), QStringLiteral("map"),
                          Tr::tr("Set driver specific options (default map[])")},
                     },
                     0,
                     1,
                     create,
                     {},
                     {ArgumentKind::Other}}); // a new name
    commandLine.add({volume,
                     QStringLiteral("inspect"),
                     {},
                     QStringLiteral("VOLUME [VOLUME...]"),
                     Tr::tr("Display detailed information on one or more volumes"),
                     {},
                     1,
                     -1,
                     inspect});
    commandLine.add(
        {volume,
         QStringLiteral("rm"),
         {QStringLiteral("remove")},
         QStringLiteral("[OPTIONS] VOLUME [VOLUME...]"),
         Tr::tr("Remove one or more volumes"),
         {
             {QStringLiteral("force"), QLatin1Char('f'), QString(), Tr::tr("Force the removal of one or more volumes")},
         },
         1,
         -1,
         remove});
    commandLine.add({volume,
                     QStringLiteral("mount"),
                     {},
                     QStringLiteral("VOLUME"),
                     Tr::tr("Mount a volume and print the host path where its files can be reached"),
                     {},
                     1,
                     1,
                     mount});
    commandLine.add({volume,
                     QStringLiteral("unmount"),
                     {},
                     QStringLiteral("VOLUME"),
                     Tr::tr("Unmount a volume mounted with \"volume mount\""),
                     {},
                     1,
                     1,
                     unmount});
}

} // namespace cli
