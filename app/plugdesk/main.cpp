// plugdesk: the window. Parses the CLI's global options, builds the engine and the main window, runs.
#include "core/helper/enginefactory.h"
#include "ui/mainwindow.h"
#include "ui/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("plugdesk"));
    QApplication::setOrganizationName(QStringLiteral("Plugdesk"));
    QApplication::setApplicationDisplayName(QStringLiteral("Plugdesk"));
    QApplication::setApplicationVersion(QStringLiteral(PLUGDESK_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("org.plugdesk.Plugdesk"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/plugdesk.svg")));

    // Plugdesk's language and Qt's own for the standard buttons and dialogs.
    const ui::Translations translations;

    QCommandLineParser parser;
    parser.setApplicationDescription(QApplication::translate("main", "Manage Docker managed plugins."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption rootOption(QStringLiteral("root"),
                                        QApplication::translate("main", "Store root (default $PLUGDESK_ROOT, else "
                                                                        "/var/lib/plugdesk)."),
                                        QStringLiteral("dir"));
    const QCommandLineOption runOption(QStringLiteral("run"),
                                       QApplication::translate("main", "Run root (default $PLUGDESK_RUN, else "
                                                                       "/run/plugdesk)."),
                                       QStringLiteral("dir"));
    parser.addOption(rootOption);
    parser.addOption(runOption);
    parser.process(app);

    // LocalEngine for root or an explicit store, else HelperEngine through plugdesk-helper (enginefactory.h).
    const std::unique_ptr<core::Engine> engine =
        core::makeEngine({parser.value(rootOption), parser.value(runOption), true, {}});
    ui::MainWindow window(engine.get());
    window.show();
    return QApplication::exec();
}
