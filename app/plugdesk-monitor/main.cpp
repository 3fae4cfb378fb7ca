// plugdesk-monitor: supervises one enabled plugin (see core/runtime/pluginmonitor.h). Started detached by the
// engine; no event loop, no translations of its own: what it has to say goes into the plugin's log.
#include "core/runtime/monitorlauncher.h"
#include "core/runtime/pluginmonitor.h"

#include <QCoreApplication>
#include <QStringList>
#include <cstdio>

int main(int argc, char *argv[])
{
    const QStringList arguments = core::MonitorLauncher::detachIfAsked(argc, argv);
    auto options = core::MonitorLauncher::parseArguments(arguments);
    if (!options) {
        std::fprintf(stderr, "plugdesk-monitor: %s\n", qPrintable(options.error().message));
        return 2;
    }
    core::PluginMonitor monitor(*options);
    return monitor.run();
}
