// bench_models: how long the plugin table takes with 2,000 plugins. Fills a PluginListModel behind the window's
// sort/filter proxy, refreshes it unchanged and with one change, sets every runtime state, and applies filters.
// Prints the times; asserts nothing (a plain executable, not a test). The volumes model joins it later.
#include "ui/pluginlistmodel.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSortFilterProxyModel>
#include <cstdio>

namespace {

QList<core::Plugin> makePlugins(int count)
{
    QList<core::Plugin> plugins;
    plugins.reserve(count);
    for (int i = 0; i < count; ++i) {
        core::Plugin plugin;
        plugin.id = QStringLiteral("%1").arg(i, 64, 16, QLatin1Char('0'));
        plugin.repository = QStringLiteral("vendor%1/plugin%2").arg(i % 37).arg(i);
        plugin.tag = i % 3 == 0 ? QStringLiteral("latest") : QStringLiteral("1.%1").arg(i % 10);
        plugin.enabled = i % 2 == 0;
        plugin.config.description = QStringLiteral("Benchmark plugin number %1 for %2 storage")
                                        .arg(i)
                                        .arg(i % 5 == 0 ? QStringLiteral("network") : QStringLiteral("local"));
        plugin.config.interfaceTypes = {i % 4 == 0 ? QStringLiteral("docker.networkdriver/1.0")
                                                   : QStringLiteral("docker.volumedriver/1.0")};
        plugin.config.interfaceSocket = QStringLiteral("p.sock");
        plugin.config.entrypoint = {QStringLiteral("/plugin")};
        plugins.append(plugin);
    }
    return plugins;
}

void report(const char *what, qint64 nanoseconds)
{
    std::printf("%-48s %10.2f ms\n", what, double(nanoseconds) / 1e6);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int count = argc > 1 ? QByteArray(argv[1]).toInt() : 2000;
    const QList<core::Plugin> plugins = makePlugins(count);
    std::printf("PluginListModel with %d plugins, behind a sorted QSortFilterProxyModel\n", count);

    ui::PluginListModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy.setFilterKeyColumn(-1);
    proxy.sort(ui::PluginListModel::Name);

    QElapsedTimer timer;
    timer.start();
    model.setPlugins(plugins);
    report("fill", timer.nsecsElapsed());

    timer.restart();
    model.setPlugins(plugins);
    report("refresh, nothing changed", timer.nsecsElapsed());

    QList<core::Plugin> changed = plugins;
    changed[count / 2].enabled = !changed[count / 2].enabled;
    timer.restart();
    model.setPlugins(changed);
    report("refresh, one plugin changed", timer.nsecsElapsed());

    core::PluginRuntimeState running;
    running.status = core::PluginRuntimeState::Status::Running;
    timer.restart();
    for (const core::Plugin &plugin : plugins)
        model.setRuntimeState(plugin.id, running);
    report("set every runtime state", timer.nsecsElapsed());

    timer.restart();
    proxy.setFilterFixedString(QStringLiteral("vendor7/"));
    report("filter \"vendor7/\"", timer.nsecsElapsed());
    std::printf("%-48s %10lld rows\n", "  rows shown", static_cast<long long>(proxy.rowCount()));

    timer.restart();
    proxy.setFilterFixedString(QStringLiteral("network"));
    report("filter \"network\"", timer.nsecsElapsed());
    std::printf("%-48s %10lld rows\n", "  rows shown", static_cast<long long>(proxy.rowCount()));

    timer.restart();
    proxy.setFilterFixedString(QString());
    report("clear the filter", timer.nsecsElapsed());

    timer.restart();
    model.setPlugins({});
    report("empty", timer.nsecsElapsed());
    return 0;
}
