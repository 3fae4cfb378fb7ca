// plugdesk: the window. Parses the CLI's global options, builds the connections (this computer, then the caller's
// saved ones) and the main window over them, runs.
#include "core/connection/connectionstore.h"
#include "ui/connectionset.h"
#include "ui/mainwindow.h"
#include "ui/translations.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLocale>
#include <QMessageBox>

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

    // "This computer" first: LocalEngine for root or an explicit store (--root), else HelperEngine through
    // plugdesk-helper (core/helper/enginefactory.h); then the connections saved with `plugdeskctl connection add`
    // or the window's Add Connection. Each engine is made once the window is up.
    ui::ConnectionSet connections(ui::ConnectionSet::thisComputer(parser.value(rootOption)), core::ConnectionStore(),
                                  ui::ConnectionSet::defaultMaker(parser.value(runOption)));
    const core::Status loaded = connections.load();
    ui::MainWindow window(&connections);
    window.show();
    if (!loaded)
        QMessageBox::warning(
            &window, QApplication::translate("main", "Saved Connections"),
            QApplication::translate("main", "Only this computer is listed: %1").arg(loaded.error().message));
    return QApplication::exec();
}
