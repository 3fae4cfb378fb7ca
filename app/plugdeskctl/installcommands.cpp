// `plugin install` and `plugin upgrade`: Docker's flow and texts (docs/docker-compat.md §1.4, §1.5, cli
// install.go/upgrade.go), with the privilege prompt, and progress as one redrawn line per layer on a terminal, plain
// lines otherwise. `plugin export` and `plugin import` (docs/docker-compat.md §9 "Offline machines"): the same prompt
// and progress, for bundles.
#include "commandline.h"
#include "core/engine/engine.h"
#include "core/plugin/reference.h"
#include "core/plugin/settings.h"

#include <QFile>
#include <QHash>
#include <QStringList>
#include <QVariantMap>
#include <cmath>
#include <unistd.h>

namespace cli {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(InstallCommands)
};

// go-units HumanSize: decimal units, 4 significant digits ("1.235MB").
QString humanSize(qint64 bytes)
{
    static const char *const units[] = {"B", "kB", "MB", "GB", "TB", "PB"};
    double size = double(bytes);
    int unit = 0;
    while (size >= 1000.0 && unit < 5) {
        size /= 1000.0;
        ++unit;
    }
    return QString::asprintf("%.4g%s", size, units[unit]);
}

// Docker's jsonmessage progress bar: 50 columns, then "current/total".
QString progressBar(qint64 done, qint64 total)
{
    if (total <= 0)
        return humanSize(done);
    constexpr int width = 50;
    const int filled = int(double(qMin(done, total)) * width / double(total));
    QString bar = QStringLiteral("[") + QString(filled, QLatin1Char('='));
    if (filled < width)
        bar += QLatin1Char('>') + QString(width - filled - 1, QLatin1Char(' '));
    bar += QStringLiteral("] ");
    return bar + QStringLiteral("%1/%2").arg(humanSize(done), 8).arg(humanSize(total));
}

// Prints a job's progress the way `docker plugin install` relays the pull stream.
class ProgressPrinter final
{
public:
    ProgressPrinter(QTextStream &out, bool terminal)
        : m_out(out)
        , m_terminal(terminal)
    {}

    void show(const core::JobProgress &progress)
    {
        // Waiting for polkit is no output of the verb: TerminalAgent says it on stderr, and a refusal leaves stdout
        // empty.
        if (progress.phase == core::JobProgress::authorisingPhase())
            return;
        if (progress.item.isEmpty()) {
            if (!progress.text.isEmpty() && progress.text != m_lastText) {
                m_lastText = progress.text;
                m_out << progress.text << '\n';
                m_out.flush();
                m_lines.clear(); // lines printed after this one are no longer redrawn
                m_order.clear();
            }
            return;
        }
        QString line = progress.item + QStringLiteral(": ") + progress.phase;
        if (!m_terminal) {
            // One line per phase change.
            if (m_lines.value(progress.item) == progress.phase)
                return;
            m_lines.insert(progress.item, progress.phase);
            m_out << line << '\n';
            m_out.flush();
            return;
        }
        if (progress.bytesDone > 0 && progress.bytesDone < progress.bytesTotal)
            line += QLatin1Char(' ') + progressBar(progress.bytesDone, progress.bytesTotal);
        const qsizetype index = m_order.indexOf(progress.item);
        if (index < 0) {
            m_order.append(progress.item);
            m_lines.insert(progress.item, line);
            m_out << line << '\n';
        } else {
            if (m_lines.value(progress.item) == line)
                return;
            m_lines.insert(progress.item, line);
            const qsizetype up = m_order.size() - index;
            // Up to the item's line, clear it, write, and back down.
            m_out << "\033[" << up << "A\033[2K\r" << line << "\033[" << up << "B\r";
        }
        m_out.flush();
    }

private:
    QTextStream &m_out;
    bool m_terminal;
    QStringList m_order;
    QHash<QString, QString> m_lines;
    QString m_lastText;
};

QString readAnswer()
{
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(in.readLine()).trimmed();
}

// Docker's PromptForConfirmation: prints "<message> [y/N] " and accepts only y or Y.
bool confirm(Context &context, const QString &message)
{
    context.out << message << QStringLiteral(" [y/N] ");
    context.out.flush();
    const QString answer = readAnswer();
    return answer == QLatin1String("y") || answer == QLatin1String("Y");
}

// The prompt of the privileges step: the accepted list, or nullopt when the person said no.
std::optional<core::Privileges> askPrivileges(Context &context, const core::Privileges &privileges,
                                              const QString &shown, bool grantAll)
{
    if (privileges.isEmpty() || grantAll)
        return privileges;
    context.out << QStringLiteral("Plugin \"%1\" is requesting the following privileges:").arg(shown) << '\n';
    for (const QString &line : privileges.promptLines())
        context.out << line << '\n';
    if (!confirm(context, QStringLiteral("Do you grant the above permissions?")))
        return std::nullopt;
    return privileges;
}

// The privileges step: the accepted list, or an error already printed (the int is the exit status). `settings` are
// install's KEY=VALUE arguments, which the privileges include (a mount source is a host path).
std::optional<core::Privileges> acceptPrivileges(Context &context, const QString &remote, const QString &fullRef,
                                                 bool grantAll, int &status, const QStringList &settings = {})
{
    core::Job *job = context.engine()->privileges(remote, settings);
    job->waitForFinished();
    const auto error = job->error();
    const core::Privileges privileges = job->result().value<core::Privileges>();
    job->deleteLater();
    if (error) {
        status = reportError(context, error->message);
        return std::nullopt;
    }
    auto accepted = askPrivileges(context, privileges, remote, grantAll);
    if (!accepted)
        status = reportError(context, QStringLiteral("permission denied while installing plugin %1").arg(fullRef));
    return accepted;
}

// Runs the job, relaying its progress; 0 or the printed error's status.
int runWithProgress(Context &context, core::Job *job)
{
    ProgressPrinter printer(context.out, isatty(STDOUT_FILENO));
    if (!job->isFinished()) {
        printer.show(job->lastProgress());
        QObject::connect(job, &core::Job::progressed, job,
                         [&printer](const core::JobProgress &progress) { printer.show(progress); });
        job->waitForFinished();
    }
    const auto error = job->error();
    job->deleteLater();
    if (error)
        return reportError(context, error->message);
    return 0;
}

int install(Context &context, const Arguments &arguments)
{
    const QString remote = arguments.positional.first();
    auto reference = core::Reference::parse(remote);
    if (!reference)
        return reportError(context, reference.error().message);
    const QString alias = arguments.value(QStringLiteral("alias"));
    if (!alias.isEmpty()) {
        auto parsed = core::Reference::parse(alias);
        if (!parsed || parsed->hasDigest())
            return reportError(context, QStringLiteral("invalid name: %1").arg(alias));
    }
    int status = 0;
    const auto accepted =
        acceptPrivileges(context, remote, reference->withDefaultTag().toString(),
                         arguments.isSet(QStringLiteral("grant-all-permissions")), status, arguments.positional.mid(1));
    if (!accepted)
        return status;
    core::InstallOptions options;
    options.alias = alias;
    options.disable = arguments.isSet(QStringLiteral("disable"));
    options.settings = arguments.positional.mid(1);
    if (int failed = runWithProgress(context, context.engine()->install(remote, *accepted, options)))
        return failed;
    context.out << QStringLiteral("Installed plugin %1").arg(remote) << '\n';
    return 0;
}

int upgrade(Context &context, const Arguments &arguments)
{
    auto plugin = readyEngine(context)->plugin(arguments.positional.first());
    if (!plugin)
        return reportError(context, QStringLiteral("error reading plugin data: %1").arg(plugin.error().message));
    if (plugin->enabled)
        return reportError(context, QStringLiteral("the plugin must be disabled before upgrading"));
    const QString remote = arguments.positional.value(1, plugin->pluginReference);
    auto target = core::Reference::parse(remote);
    if (!target)
        return reportError(
            context, QStringLiteral("error parsing remote upgrade image reference: %1").arg(target.error().message));
    auto old = core::Reference::parse(plugin->pluginReference);
    if (!old)
        return reportError(context,
                           QStringLiteral("error parsing current image reference: %1").arg(old.error().message));
    const core::Reference newRef = target->withDefaultTag();
    const core::Reference oldRef = old->withDefaultTag();
    context.out << QStringLiteral("Upgrading plugin %1 from %2 to %3")
                       .arg(plugin->name(), oldRef.familiarString(), newRef.familiarString())
                << '\n';
    if (!arguments.isSet(QStringLiteral("skip-remote-check")) && newRef.toString() != oldRef.toString()) {
        if (!confirm(context, QStringLiteral("Plugin images do not match, are you sure?")))
            return reportError(context, QStringLiteral("plugin upgrade has been cancelled"));
    }
    int status = 0;
    const auto accepted = acceptPrivileges(context, remote, newRef.toString(),
                                           arguments.isSet(QStringLiteral("grant-all-permissions")), status);
    if (!accepted)
        return status;
    if (int failed = runWithProgress(context, context.engine()->upgrade(plugin->id, remote, *accepted)))
        return failed;
    context.out << QStringLiteral("Upgraded plugin %1 to %2").arg(plugin->name(), remote) << '\n';
    return 0;
}

int exportPlugin(Context &context, const Arguments &arguments)
{
    const QString name = arguments.positional.at(0);
    const QString file = arguments.positional.at(1);
    if (file == QLatin1String("-"))
        return reportError(context, Tr::tr("a bundle cannot be written to standard output; name a file"));
    core::Job *job = context.engine()->exportPlugin(name, file);
    QVariantMap result;
    QObject::connect(job, &core::Job::finished, job, [job, &result] { result = job->result().toMap(); });
    if (job->isFinished())
        result = job->result().toMap();
    if (int failed = runWithProgress(context, job))
        return failed;
    context.out << Tr::tr("Exported plugin %1 to %2")
                       .arg(result.value(QStringLiteral("name")).toString(),
                            result.value(QStringLiteral("file")).toString())
                << '\n';
    return 0;
}

int importPlugin(Context &context, const Arguments &arguments)
{
    const QString file = arguments.positional.first();
    if (file == QLatin1String("-"))
        return reportError(context, Tr::tr("a bundle cannot be read from standard input; name a file"));
    const QString alias = arguments.value(QStringLiteral("alias"));
    if (!alias.isEmpty()) {
        auto parsed = core::Reference::parse(alias);
        if (!parsed || parsed->hasDigest())
            return reportError(context, QStringLiteral("invalid name: %1").arg(alias));
    }
    core::Job *read = context.engine()->bundlePrivileges(file);
    read->waitForFinished();
    const auto error = read->error();
    const core::BundleInfo info = read->result().value<core::BundleInfo>();
    read->deleteLater();
    if (error)
        return reportError(context, error->message);
    // What the plugin will run with: the KEY=VALUE settings given with import change mount sources and devices.
    core::Settings settings = core::Settings::initial(info.config);
    if (auto applied = settings.apply(info.config, arguments.positional.mid(1)); !applied)
        return reportError(context, applied.error().message);
    const auto accepted = askPrivileges(context, core::Privileges::effective(info.config, settings), info.name,
                                        arguments.isSet(QStringLiteral("grant-all-permissions")));
    if (!accepted)
        return reportError(context, Tr::tr("permission denied while importing plugin %1 from %2").arg(info.name, file));
    core::InstallOptions options;
    options.alias = alias;
    options.disable = arguments.isSet(QStringLiteral("disable"));
    options.settings = arguments.positional.mid(1);
    core::Job *job = context.engine()->importPlugin(file, *accepted, options);
    QString name;
    QObject::connect(job, &core::Job::finished, job, [job, &name] { name = job->result().toString(); });
    if (job->isFinished())
        name = job->result().toString();
    if (int failed = runWithProgress(context, job))
        return failed;
    context.out << Tr::tr("Imported plugin %1 from %2").arg(name, file) << '\n';
    return 0;
}

} // namespace

int setPluginSettings(Context &context, const Arguments &arguments)
{
    const QString name = arguments.positional.first();
    const QStringList settings = arguments.positional.mid(1);
    auto plainSet = [&context, &settings](const QString &target) {
        core::Job *job = waitFor(context.engine()->set(target, settings));
        job->deleteLater();
        if (const auto error = job->error())
            return reportError(context, error->message);
        return 0;
    };
    // A plugin that cannot be read (not found, or a user who may change but not read it) and an enabled one get the
    // engine's own answer, in Docker's order: the engine refuses a privilege change there too.
    auto plugin = readyEngine(context)->plugin(name);
    if (!plugin || plugin->enabled)
        return plainSet(name);
    // The privileges after the change, computed as the engine will: when the change gives the plugin a host path or
    // device nobody approved, it is a privilege change, asked like an install.
    core::Plugin next = *plugin;
    if (auto applied = next.settings.apply(next.config, settings); !applied)
        return reportError(context, applied.error().message);
    const core::Privileges effective = next.effectivePrivileges();
    const core::Privileges added = effective.notIn(plugin->approvedPrivileges());
    if (added.isEmpty())
        return plainSet(plugin->id);
    if (!arguments.isSet(QStringLiteral("grant-all-permissions"))) {
        context.out << Tr::tr("This changes the privileges of plugin \"%1\"; it will have:").arg(plugin->name())
                    << '\n';
        for (const core::Privilege &item : effective.items())
            context.out << item.promptLine() << (added.contains(item) ? Tr::tr("   (new)") : QString()) << '\n';
        if (!confirm(context, QStringLiteral("Do you grant the above permissions?")))
            return reportError(context,
                               QStringLiteral("permission denied while setting plugin %1").arg(plugin->name()));
    }
    core::Job *job = waitFor(context.engine()->grant(plugin->id, settings, effective));
    job->deleteLater();
    if (const auto error = job->error())
        return reportError(context, error->message);
    return 0;
}

void addInstallCommands(CommandLine &commandLine)
{
    const QString plugin = QStringLiteral("plugin");
    commandLine.add({plugin,
                     QStringLiteral("install"),
                     {},
                     QStringLiteral("[OPTIONS] PLUGIN [KEY=VALUE...]"),
                     Tr::tr("Install a plugin"),
                     {
                         {QStringLiteral("alias"), QChar(), QStringLiteral("string"), Tr::tr("Local name for plugin")},
                         {QStringLiteral("disable"), QChar(), QString(), Tr::tr("Do not enable the plugin on install")},
                         {QStringLiteral("disable-content-trust"), QChar(), QString(),
                          Tr::tr("Skip image verification (deprecated; accepted for compatibility)")},
                         {QStringLiteral("grant-all-permissions"), QChar(), QString(),
                          Tr::tr("Grant all permissions necessary to run the plugin")},
                     },
                     1,
                     -1,
                     install,
                     {},
                     {ArgumentKind::Other}, // a remote reference, then KEY=VALUE settings
                     true});
    commandLine.add({plugin,
                     QStringLiteral("upgrade"),
                     {},
                     QStringLiteral("[OPTIONS] PLUGIN [REMOTE]"),
                     Tr::tr("Upgrade an existing plugin"),
                     {
                         {QStringLiteral("disable-content-trust"), QChar(), QString(),
                          Tr::tr("Skip image verification (deprecated; accepted for compatibility)")},
                         {QStringLiteral("grant-all-permissions"), QChar(), QString(),
                          Tr::tr("Grant all permissions necessary to run the plugin")},
                         {QStringLiteral("skip-remote-check"), QChar(), QString(),
                          Tr::tr("Do not check if specified remote plugin matches existing plugin image")},
                     },
                     1,
                     2,
                     upgrade});
    commandLine.add({plugin,
                     QStringLiteral("export"),
                     {},
                     QStringLiteral("PLUGIN FILE"),
                     Tr::tr("Export a plugin to a bundle file, for a machine without registry access\n\n"
                            "FILE is always a zip archive, whatever its name (no tar, no standard output). It holds\n"
                            "what a push would send: the manifest, the config and the layers, never the settings.\n"
                            "It appears complete or not at all. Bring it over and run plugdeskctl plugin import FILE."),
                     {},
                     2,
                     2,
                     exportPlugin});
    commandLine.add({plugin,
                     QStringLiteral("import"),
                     {},
                     QStringLiteral("[OPTIONS] FILE [KEY=VALUE...]"),
                     Tr::tr("Import a plugin from a bundle file made by plugin export\n\n"
                            "FILE must be a zip archive made by plugdeskctl plugin export. Every blob is checked\n"
                            "against its digest, the privileges the plugin asks for are shown for approval as at\n"
                            "install, and the plugin is enabled unless --disable is given."),
                     {
                         {QStringLiteral("alias"), QChar(), QStringLiteral("string"), Tr::tr("Local name for plugin")},
                         {QStringLiteral("disable"), QChar(), QString(), Tr::tr("Do not enable the plugin on import")},
                         {QStringLiteral("grant-all-permissions"), QChar(), QString(),
                          Tr::tr("Grant all permissions necessary to run the plugin")},
                     },
                     1,
                     -1,
                     importPlugin});
}

} // namespace cli
