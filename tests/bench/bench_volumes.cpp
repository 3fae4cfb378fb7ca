// Benchmark (not a test): 10,000 volumes across 4 drivers (the test plugin's PRELOAD_VOLUMES), under runc as root.
// Prints the time of the engine's volumes() and of each driver's own /VolumeDriver.List in the same run, and the
// ratio of volumes() to the slowest single List. Usage: bench_volumes [ROUNDS]
#include "common/pluginfixture.h"
#include "core/engine/localengine.h"
#include "core/runtime/pluginmonitor.h"
#include "core/runtime/runcruntime.h"
#include "core/runtime/runlayout.h"
#include "core/volume/volumedriverclient.h"
#include "core/volume/volumeservice.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <algorithm>
#include <csignal>
#include <cstdio>
#include <unistd.h>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? qMax(1, atoi(argv[1])) : 5;
    if (::geteuid() != 0 || core::RuncRuntime::findRunc().isEmpty()) {
        std::fprintf(stderr, "bench_volumes needs root and runc\n");
        return 2;
    }
    qputenv("PLUGDESK_MONITOR", PLUGDESK_MONITOR_BINARY);
    QTemporaryDir dir(QStringLiteral("/tmp/pdbench-XXXXXX"));
    const QString store = dir.path() + QStringLiteral("/store");
    const QString run = dir.path() + QStringLiteral("/run");
    qputenv("PLUGDESK_DOCKER_PLUGINS_DIR", (dir.path() + QStringLiteral("/published")).toLocal8Bit());
    constexpr int kDrivers = 4;
    constexpr int kVolumes = 10000;
    QList<core::Plugin> plugins;
    for (int i = 0; i < kDrivers; ++i) {
        testutil::TestPluginSpec spec;
        spec.id = QStringLiteral("beefcafe000%1").arg(i);
        spec.repository = QStringLiteral("bench/driver%1").arg(i);
        spec.propagatedMount = QStringLiteral("/vols");
        spec.env = {QStringLiteral("PRELOAD_VOLUMES=%1").arg(kVolumes / kDrivers)};
        plugins.append(testutil::makeTestPlugin(spec));
    }
    if (!testutil::writeTestPlugins(store, QStringLiteral(TEST_PLUGIN_BINARY), plugins)) {
        std::fprintf(stderr, "cannot write the plugins\n");
        return 1;
    }
    int status = 0;
    {
        core::LocalEngine engine({store, run, false});
        for (const core::Plugin &plugin : std::as_const(plugins)) {
            core::Job *job = engine.enable(plugin.id, 120);
            job->waitForFinished();
            if (!job->succeeded()) {
                std::fprintf(stderr, "enable %s: %s\n", qPrintable(plugin.name()), qPrintable(job->error()->message));
                status = 1;
            }
        }
        const core::RunLayout layout(run);
        for (int round = 0; status == 0 && round < rounds; ++round) {
            QElapsedTimer timer;
            timer.start();
            core::Job *job = engine.volumes();
            job->waitForFinished();
            const double all = timer.nsecsElapsed() / 1e6;
            const core::VolumeList list = core::VolumeList::fromVariant(job->result());
            // The same work without the Job, its thread and the result's conversion.
            timer.restart();
            auto direct = core::VolumeService(store, run).list();
            const double service = timer.nsecsElapsed() / 1e6;
            timer.restart();
            const QVariant encoded = direct->toVariant();
            const double encode = timer.nsecsElapsed() / 1e6;
            double slowest = 0;
            QStringList singles;
            for (const core::Plugin &plugin : std::as_const(plugins)) {
                core::VolumeDriverClient client(layout.socketPath(plugin.id, plugin.config.interfaceSocket));
                timer.restart();
                auto volumes = client.list();
                const double ms = timer.nsecsElapsed() / 1e6;
                slowest = std::max(slowest, ms);
                singles.append(QStringLiteral("%1 ms (%2)").arg(ms, 0, 'f', 1).arg(volumes ? volumes->size() : -1));
            }
            std::printf("round %d: volumes() %.1f ms for %lld volumes, %lld errors (VolumeService::list %.1f ms, "
                        "toVariant %.1f ms); single List: %s; ratio to the slowest single List %.2f\n",
                        round + 1, all, qlonglong(list.volumes.size()), qlonglong(list.errors.size()), service, encode,
                        qPrintable(singles.join(QStringLiteral(", "))), all / slowest);
            std::fflush(stdout);
        }
        for (const core::Plugin &plugin : std::as_const(plugins)) {
            core::Job *job = engine.disable(plugin.id, true);
            job->waitForFinished();
        }
    }
    return status;
}
