// The man pages and shell completion are made from plugdeskctl's command table: every verb, alias and flag shows
// in both, flag values and argument kinds complete as the table says.
#include "app/plugdeskctl/commandline.h"
#include "app/plugdeskctl/completion.h"
#include "app/plugdeskctl/manpage.h"

#include <QTest>

using namespace cli;
using namespace Qt::StringLiterals;

class TestCommandLineDocs : public QObject
{
    Q_OBJECT

private:
    static CommandLine &table()
    {
        static CommandLine commandLine = [] {
            CommandLine made;
            addPluginCommands(made);
            addLoginCommands(made);
            addInstallCommands(made);
            addVolumeCommands(made);
            addConnectionCommands(made);
            return made;
        }();
        return commandLine;
    }

    static Completion completeLine(const QString &line)
    {
        // "plugin ins" -> {"plugin", "ins"}; a trailing space starts a new, empty word.
        QStringList words = line.split(QLatin1Char(' '));
        return complete(table(), words);
    }

private Q_SLOTS:
    void everyVerbAndFlagIsInItsManPage()
    {
        QVERIFY(table().commands().size() >= 20);
        const QString top = topManPage(table());
        QVERIFY(top.startsWith(QStringLiteral(".TH \"PLUGDESKCTL\" \"1\"")));
        for (const Option &option : CommandLine::globalOptions())
            QVERIFY2(
                top.contains(QStringLiteral("\\-\\-") + QString(option.longName).replace(u'-', QStringLiteral("\\-"))),
                qPrintable(option.longName));
        for (const Command &command : table().commands()) {
            const QString name = manPageName(command);
            QVERIFY2(top.contains(QStringLiteral("\\fB") + QString(name).replace(u'-', QStringLiteral("\\-"))),
                     qPrintable(name));
            const QString page = commandManPage(table(), command);
            for (const QString &section :
                 {QStringLiteral(".SH NAME\n"), QStringLiteral(".SH SYNOPSIS\n"), QStringLiteral(".SH DESCRIPTION\n"),
                  QStringLiteral(".SH OPTIONS\n"), QStringLiteral(".SH SEE ALSO\n")})
                QVERIFY2(page.contains(section), qPrintable(name + section));
            QVERIFY2(page.contains(QStringLiteral(".BR plugdeskctl (1)")), qPrintable(name));
            for (const QString &alias : command.aliases)
                QVERIFY2(page.contains(QStringLiteral(" ") + alias + QStringLiteral("\\fR")), qPrintable(alias));
            for (const Option &option : commandOptions(command)) {
                QString flag = QStringLiteral("\\fB\\-\\-%1\\fR")
                                   .arg(QString(option.longName).replace(u'-', QStringLiteral("\\-")));
                if (!option.shortName.isNull())
                    flag.prepend(QStringLiteral("\\fB\\-%1\\fR, ").arg(option.shortName));
                QVERIFY2(page.contains(flag), qPrintable(name + QLatin1Char(' ') + flag));
            }
            // No line may start with a roff control character that the text brought in.
            for (const QString &line : page.split(QLatin1Char('\n'))) {
                if (line.startsWith(QLatin1Char('\'')))
                    QFAIL(qPrintable(name + QStringLiteral(": ") + line));
            }
        }
    }

    void manPageOfInstall()
    {
        const Command *install = nullptr;
        for (const Command &command : table().commands()) {
            if (command.group == QLatin1String("plugin") && command.name == QLatin1String("install"))
                install = &command;
        }
        QVERIFY(install);
        const QString page = commandManPage(table(), *install);
        QVERIFY(page.contains(QStringLiteral(".SH NAME\nplugdeskctl\\-plugin\\-install \\- Install a plugin\n")));
        QVERIFY(page.contains(QStringLiteral(".SH SYNOPSIS\n.B plugdeskctl plugin install\n[OPTIONS] PLUGIN "
                                             "[KEY=VALUE...]\n")));
        QVERIFY(page.contains(QStringLiteral(".BR plugdeskctl\\-plugin\\-enable (1),")));
    }

    void everyVerbAndFlagCompletes()
    {
        for (const QString &group : table().groups())
            QVERIFY2(completeLine(QString()).candidates.contains(group), qPrintable(group));
        for (const Command &command : table().commands()) {
            const QString path = commandPath(command).mid(QStringLiteral("plugdeskctl ").size());
            const QString parent = path.section(QLatin1Char(' '), 0, -2);
            const QStringList verbs = completeLine(parent.isEmpty() ? QString() : parent + QLatin1Char(' ')).candidates;
            QVERIFY2(verbs.contains(command.name), qPrintable(path));
            for (const QString &alias : command.aliases)
                QVERIFY2(verbs.contains(alias), qPrintable(path + QLatin1Char(' ') + alias));
            const QStringList flags = completeLine(path + QStringLiteral(" -")).candidates;
            for (const Option &option : commandOptions(command)) {
                QVERIFY2(flags.contains(QStringLiteral("--") + option.longName),
                         qPrintable(path + QStringLiteral(" --") + option.longName));
                if (!option.shortName.isNull())
                    QVERIFY2(flags.contains(QStringLiteral("-") + option.shortName), qPrintable(path));
                if (!option.values.isEmpty()) {
                    QCOMPARE(completeLine(path + QStringLiteral(" --") + option.longName + QLatin1Char(' ')).candidates,
                             option.values);
                }
            }
        }
    }

    void completes_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("candidates");
        QTest::addColumn<QString>("directive");
        QTest::addColumn<int>("names");
        const auto none = static_cast<int>(ArgumentKind::Other);
        const auto plugins = static_cast<int>(ArgumentKind::Plugin);
        const auto volumes = static_cast<int>(ArgumentKind::Volume);
        QTest::newRow("groups") << QString() << QStringList{u"connection"_s, u"plugin"_s, u"volume"_s,
                                                            u"login"_s,      u"logout"_s, u"help"_s}
                                << QString() << none;
        QTest::newRow("prefix") << u"vo"_s << QStringList{u"volume"_s} << QString() << none;
        QTest::newRow("global flags") << u"--r"_s << QStringList{u"--root"_s, u"--run"_s} << QString() << none;
        QTest::newRow("--root dir") << u"--root "_s << QStringList{} << u"dirs"_s << none;
        QTest::newRow("after --root") << u"--root /x pl"_s << QStringList{u"plugin"_s} << QString() << none;
        QTest::newRow("ins") << u"plugin ins"_s << QStringList{u"inspect"_s, u"install"_s} << QString() << none;
        QTest::newRow("alias") << u"plugin rem"_s << QStringList{u"remove"_s} << QString() << none;
        QTest::newRow("format values") << u"plugin ls --format "_s << QStringList{u"table"_s, u"json"_s} << QString()
                                       << none;
        QTest::newRow("format=") << u"volume ls --format=j"_s << QStringList{u"--format=json"_s} << QString() << none;
        QTest::newRow("format, prefix") << u"plugin ls --format t"_s << QStringList{u"table"_s} << QString() << none;
        QTest::newRow("enable") << u"plugin enable "_s << QStringList{} << QString() << plugins;
        QTest::newRow("enable, after a flag")
            << u"plugin enable --timeout 5 "_s << QStringList{} << QString() << plugins;
        QTest::newRow("enable takes one") << u"plugin enable a "_s << QStringList{} << QString() << none;
        QTest::newRow("rm repeats") << u"plugin rm -f a b "_s << QStringList{} << QString() << plugins;
        QTest::newRow("install: a remote") << u"plugin install "_s << QStringList{} << QString() << none;
        QTest::newRow("export: a plugin") << u"plugin export "_s << QStringList{} << QString() << plugins;
        QTest::newRow("export: then a file") << u"plugin export a "_s << QStringList{} << u"files"_s << none;
        QTest::newRow("import: a file") << u"plugin import --alias x "_s << QStringList{} << u"files"_s << none;
        QTest::newRow("create: a new name") << u"plugin create "_s << QStringList{} << QString() << none;
        QTest::newRow("create: its folder") << u"plugin create n "_s << QStringList{} << u"files"_s << none;
        QTest::newRow("push") << u"plugin push "_s << QStringList{} << QString() << plugins;
        QTest::newRow("set: a plugin") << u"plugin set "_s << QStringList{} << QString() << plugins;
        QTest::newRow("set: then settings") << u"plugin set p "_s << QStringList{} << QString() << none;
        QTest::newRow("volume rm") << u"volume rm "_s << QStringList{} << QString() << volumes;
        QTest::newRow("volume create") << u"volume create "_s << QStringList{} << QString() << none;
        QTest::newRow("volume mount") << u"volume mount "_s << QStringList{} << QString() << volumes;
        QTest::newRow("after --") << u"plugin rm -- -"_s << QStringList{} << QString() << plugins;
        QTest::newRow("login") << u"login --p"_s << QStringList{u"--password"_s, u"--password-stdin"_s} << QString()
                               << none;
        const auto connections = static_cast<int>(ArgumentKind::Connection);
        QTest::newRow("connection verbs")
            << u"connection "_s
            << QStringList{u"add"_s, u"create"_s, u"ls"_s, u"list"_s, u"rm"_s, u"remove"_s, u"use"_s} << QString()
            << none;
        QTest::newRow("connection add: a new name") << u"connection add "_s << QStringList{} << QString() << none;
        QTest::newRow("connection rm") << u"connection rm -f a "_s << QStringList{} << QString() << connections;
        QTest::newRow("connection use") << u"connection use "_s << QStringList{} << QString() << connections;
        QTest::newRow("connection use takes one") << u"connection use a "_s << QStringList{} << QString() << none;
        QTest::newRow("unknown group") << u"nosuch "_s << QStringList{} << QString() << none;
        QTest::newRow("unknown verb") << u"plugin nosuch "_s << QStringList{} << QString() << none;
    }

    void completes()
    {
        QFETCH(QString, line);
        QFETCH(QStringList, candidates);
        QFETCH(QString, directive);
        QFETCH(int, names);
        const Completion completion = completeLine(line);
        QCOMPARE(completion.candidates, candidates);
        QCOMPARE(completion.directive, directive);
        QCOMPARE(static_cast<int>(completion.names), names);
    }

    void namesCarryTheGlobalOptions()
    {
        const Completion completion = completeLine(u"--root /tmp/s --run=/tmp/r plugin enable "_s);
        QCOMPARE(completion.names, ArgumentKind::Plugin);
        QCOMPARE(completion.globalArguments, (QStringList{u"--root"_s, u"/tmp/s"_s, u"--run=/tmp/r"_s}));
    }

    void argumentKindsFromUsage_data()
    {
        QTest::addColumn<QString>("usage");
        QTest::addColumn<QList<ArgumentKind>>("kinds");
        QTest::addColumn<bool>("repeats");
        using K = ArgumentKind;
        QTest::newRow("none") << u"[OPTIONS]"_s << QList<K>{} << false;
        QTest::newRow("one") << u"[OPTIONS] PLUGIN"_s << QList<K>{K::Plugin} << false;
        QTest::newRow("many") << u"[OPTIONS] PLUGIN [PLUGIN...]"_s << QList<K>{K::Plugin} << true;
        QTest::newRow("tag") << u"[OPTIONS] PLUGIN[:TAG]"_s << QList<K>{K::Plugin} << false;
        QTest::newRow("then settings") << u"[OPTIONS] PLUGIN KEY=VALUE [KEY=VALUE...]"_s
                                       << QList<K>{K::Plugin, K::Other} << true;
        QTest::newRow("file") << u"PLUGIN FILE"_s << QList<K>{K::Plugin, K::File} << false;
        QTest::newRow("dir") << u"[OPTIONS] PLUGIN PLUGIN-DATA-DIR"_s << QList<K>{K::Plugin, K::File} << false;
        QTest::newRow("optional volume") << u"[OPTIONS] [VOLUME]"_s << QList<K>{K::Volume} << false;
        QTest::newRow("volumes") << u"VOLUME [VOLUME...]"_s << QList<K>{K::Volume} << true;
    }

    void argumentKindsFromUsage()
    {
        QFETCH(QString, usage);
        QFETCH(QList<ArgumentKind>, kinds);
        QFETCH(bool, repeats);
        bool repeated = !repeats;
        QCOMPARE(argumentKinds(usage, &repeated), kinds);
        QCOMPARE(repeated, repeats);
    }
};

QTEST_GUILESS_MAIN(TestCommandLineDocs)
#include "tst_commandlinedocs.moc"
