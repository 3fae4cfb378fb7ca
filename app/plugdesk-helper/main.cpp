// plugdesk-helper: the privileged D-Bus service. Parses its options, builds a LocalEngine and the HelperService,
// claims org.plugdesk.Helper1, serves until idle.
#include "core/base/calllocale.h"
#include "core/engine/localengine.h"
#include "core/helper/helperprotocol.h"
#include "core/helper/helperservice.h"
#include "core/store/store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusError>
#include <QFile>
#include <QLocale>
#include <QTimer>
#include <cerrno>
#include <cstdio>
#include <sys/stat.h>
#include <unistd.h>

namespace {

int fail(const QString &message)
{
    std::fprintf(stderr, "plugdesk-helper: %s\n", qUtf8Printable(message));
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("plugdesk-helper"));
    QCoreApplication::setApplicationVersion(QStringLiteral(PLUGDESK_VERSION));

    // Answers in each caller's language (the locale every call carries), else in this process's.
    core::LocaleTranslator translator(QStringLiteral("plugdesk"));
    QCoreApplication::installTranslator(&translator);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "The privileged Plugdesk helper: serves org.plugdesk.Helper1 on the "
                                            "system bus and asks polkit about every call."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption rootOption(QStringLiteral("root"),
                                        QCoreApplication::translate("main", "Store root (default $PLUGDESK_ROOT, "
                                                                            "else /var/lib/plugdesk)."),
                                        QStringLiteral("dir"));
    const QCommandLineOption runOption(QStringLiteral("run"),
                                       QCoreApplication::translate("main", "Run root (default $PLUGDESK_RUN, else "
                                                                           "/run/plugdesk)."),
                                       QStringLiteral("dir"));
    const QCommandLineOption busOption(QStringLiteral("bus"),
                                       QCoreApplication::translate("main", "Serve the bus at this address instead of "
                                                                           "the system bus (for tests)."),
                                       QStringLiteral("address"));
    const QCommandLineOption idleOption(QStringLiteral("idle-timeout"),
                                        QCoreApplication::translate("main", "Exit after this many seconds without "
                                                                            "calls or running jobs; 0 never "
                                                                            "(default 60)."),
                                        QStringLiteral("seconds"), QStringLiteral("60"));
    const QCommandLineOption noRestoreOption(
        QStringLiteral("no-restore"),
        QCoreApplication::translate("main", "Do not start the enabled plugins at start (to look at a store, or in "
                                            "tests of the bus itself)."));
    parser.addOptions({rootOption, runOption, busOption, idleOption, noRestoreOption});
    parser.process(app);

    bool idleOk = false;
    const int idleSeconds = parser.value(idleOption).toInt(&idleOk);
    if (!idleOk || idleSeconds < 0)
        return fail(QCoreApplication::translate("main", "--idle-timeout needs a number of seconds, not \"%1\"")
                        .arg(parser.value(idleOption)));

    const QString address = parser.value(busOption);
    // On the system bus the helper is the one process that owns the store for everybody: it must be root, and the
    // bus policy lets only root own the name anyway. A private bus (--bus) is a test's, so any user may serve it.
    if (geteuid() != 0 && address.isEmpty())
        return fail(QCoreApplication::translate("main", "must run as root to serve %1 on the system bus (it is "
                                                        "started by D-Bus activation); use --bus ADDRESS to serve a "
                                                        "private bus instead")
                        .arg(core::HelperProtocol::serviceName()));

    QDBusConnection bus = address.isEmpty() ? QDBusConnection::systemBus()
                                            : QDBusConnection::connectToBus(address, QStringLiteral("plugdesk-helper"));
    if (!bus.isConnected())
        return fail(QCoreApplication::translate("main", "cannot connect to %1: %2")
                        .arg(address.isEmpty() ? QCoreApplication::translate("main", "the system bus") : address,
                             bus.lastError().message()));

    // The monitors this helper starts outlive it; when one records a new state while no helper runs, it asks this
    // bus to start one (HelperWakeup), which then announces the change. They inherit the address from here.
    qputenv("PLUGDESK_MONITOR_BUS",
            (address.isEmpty() ? qEnvironmentVariable("DBUS_SYSTEM_BUS_ADDRESS",
                                                      QStringLiteral("unix:path=/var/run/dbus/system_bus_socket"))
                               : address)
                .toUtf8());

    // The store's last load is kept in the run root for the next helper: one started again by activation for a
    // window's first read then checks one stamp per file instead of parsing the whole store (Store::load). The run
    // root is root's, lives until reboot, and is made 0755 as the runtime makes it; the file is 0600.
    const QString runRoot =
        parser.value(runOption).isEmpty() ? core::LocalEngine::defaultRunRoot() : parser.value(runOption);
    if (::mkdir(QFile::encodeName(runRoot).constData(), 0755) == 0 || errno == EEXIST)
        core::Store::setLoadCacheFile(runRoot + QStringLiteral("/store-load.cache"));

    // Watching the inventory: a change made by another writer (plugdeskctl --root) is pushed to the windows too.
    // (Its constructor recovers the store after a crash: one sweep, not two.)
    core::LocalEngine engine({parser.value(rootOption), parser.value(runOption), true});
    core::HelperService service(bus, &engine);
    service.setIdleTimeout(idleSeconds);
    QObject::connect(&service, &core::HelperService::idle, &app, &QCoreApplication::quit);
    // The store holds plugins' files, settings and blobs: private to root, whoever made it and however; so before
    // the name is claimed, though a helper that cannot own the name says that first.
    const QString root = parser.value(rootOption).isEmpty() ? core::Store::defaultRoot() : parser.value(rootOption);
    const core::Status madePrivate = core::Store(root).makePrivate();
    if (auto started = service.start(); !started)
        return fail(started.error().message);
    if (!madePrivate)
        return fail(madePrivate.error().message);
    // Bring every enabled plugin back (after a boot, or after this helper died): a plugin with a live monitor is
    // left alone, a running container without one gets a monitor that adopts it, a stopped one is started.
    if (!parser.isSet(noRestoreOption))
        QTimer::singleShot(0, &engine, [&engine] {
            if (auto restored = engine.restore(); !restored)
                qWarning().noquote() << QCoreApplication::translate("main", "plugdesk-helper: restoring plugins: %1")
                                            .arg(restored.error().message);
        });
    return QCoreApplication::exec();
}
