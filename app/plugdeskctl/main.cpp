// plugdeskctl: the command line twin of the window. Parses, dispatches, exits.
#include "commandline.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>
#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("plugdeskctl"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PLUGDESK_VERSION));

    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("plugdesk"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);

    QTextStream out(stdout);
    QTextStream err(stderr);
    cli::CommandLine commandLine;
    cli::addPluginCommands(commandLine);
    cli::addLoginCommands(commandLine);
    cli::addInstallCommands(commandLine);
    cli::addVolumeCommands(commandLine);
    cli::addConnectionCommands(commandLine);
    return commandLine.run(app.arguments().mid(1), out, err);
}
