#pragma once

// Builds managed plugins from the static test volume plugin in a temporary store, without a registry: a rootfs
// with the binary at /plugin and the folder /run/docker/plugins, a v1 config, settings, all written by Store::save.
#include "core/engine/localengine.h"
#include "core/plugin/plugin.h"
#include "core/runtime/monitorlauncher.h"
#include "core/runtime/pluginmonitor.h"
#include "core/runtime/runcruntime.h"
#include "core/runtime/runlayout.h"
#include "core/runtime/runtimechoice.h"
#include "core/store/store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QThread>
#include <csignal>
#include <memory>
#include <unistd.h>

namespace testutil {

struct TestPluginSpec
{
    QString id = {};         // short, so the socket path stays under the 108 bytes of sun_path
    QString repository = {}; // "acme/testvol"
    QString tag = QStringLiteral("latest");
    QStringList env = {}; // Settings.Env, e.g. TEST_PLUGIN_MODE=no-socket
    QStringList capabilities = {};
    QString networkType = {};
    QString propagatedMount = {};
};

inline core::Plugin makeTestPlugin(const TestPluginSpec &spec)
{
    core::Plugin plugin;
    plugin.id = spec.id;
    plugin.repository = spec.repository;
    plugin.tag = spec.tag;
    plugin.config.description = QStringLiteral("Plugdesk test volume plugin");
    plugin.config.interfaceTypes = {QStringLiteral("docker.volumedriver/1.0")};
    plugin.config.interfaceSocket = QStringLiteral("testvol.sock");
    plugin.config.entrypoint = {QStringLiteral("/plugin")};
    plugin.config.capabilities = spec.capabilities;
    plugin.config.networkType = spec.networkType;
    plugin.config.propagatedMount = spec.propagatedMount;
    plugin.config.rootfsType = QStringLiteral("layers");
    plugin.settings.env = QStringList{QStringLiteral("VOLUME_ROOT=/vols")} + spec.env;
    return plugin;
}

// Writes the plugins into `storeRoot` (replacing its inventory) with their rootfs. False when a file failed.
inline bool writeTestPlugins(const QString &storeRoot, const QString &pluginBinary, const QList<core::Plugin> &plugins)
{
    const core::Store store(storeRoot);
    for (const core::Plugin &plugin : plugins) {
        const QString rootfs = store.rootfsDir(plugin.id);
        if (!QDir().mkpath(rootfs + QStringLiteral("/run/docker/plugins")) ||
            !QDir().mkpath(rootfs + QStringLiteral("/vols")))
            return false;
        QFile::remove(rootfs + QStringLiteral("/plugin"));
        if (!QFile::copy(pluginBinary, rootfs + QStringLiteral("/plugin")))
            return false;
    }
    return store.save(plugins).ok();
}

// A folder `plugin create` takes (config.json and rootfs/), holding the static test volume plugin with the given
// capabilities and TEST_PLUGIN_MODE (settable, like VOLUME_ROOT). False when a file failed.
inline bool writeTestPluginFolder(const QString &folder, const QString &pluginBinary,
                                  const QStringList &capabilities = {}, const QString &mode = {})
{
    const QJsonObject config{
        {QStringLiteral("description"), QStringLiteral("Plugdesk test volume plugin")},
        {QStringLiteral("entrypoint"), QJsonArray{QStringLiteral("/plugin")}},
        {QStringLiteral("interface"),
         QJsonObject{{QStringLiteral("types"), QJsonArray{QStringLiteral("docker.volumedriver/1.0")}},
                     {QStringLiteral("socket"), QStringLiteral("testvol.sock")}}},
        {QStringLiteral("env"),
         QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("VOLUME_ROOT")},
                                {QStringLiteral("value"), QStringLiteral("/vols")},
                                {QStringLiteral("settable"), QJsonArray{QStringLiteral("value")}}},
                    QJsonObject{{QStringLiteral("name"), QStringLiteral("TEST_PLUGIN_MODE")},
                                {QStringLiteral("value"), mode},
                                {QStringLiteral("settable"), QJsonArray{QStringLiteral("value")}}}}},
        {QStringLiteral("linux"),
         QJsonObject{{QStringLiteral("capabilities"), QJsonArray::fromStringList(capabilities)}}},
    };
    const QString rootfs = folder + QStringLiteral("/rootfs");
    QFile file(folder + QStringLiteral("/config.json"));
    if (!QDir().mkpath(folder) || !file.open(QIODevice::WriteOnly) || file.write(QJsonDocument(config).toJson()) < 0 ||
        !QDir().mkpath(rootfs + QStringLiteral("/run/docker/plugins")) ||
        !QDir().mkpath(rootfs + QStringLiteral("/vols")))
        return false;
    file.close();
    QFile::remove(rootfs + QStringLiteral("/plugin"));
    return QFile::copy(pluginBinary, rootfs + QStringLiteral("/plugin"));
}

// The OCI runtime the runtime tests run plugins with: $PLUGDESK_TEST_RUNTIME ("runc" or "crun"; CTest registers the
// tests that start plugins once per runtime), default runc.
inline QString testRuntimeName()
{
    const QString name = qEnvironmentVariable("PLUGDESK_TEST_RUNTIME");
    return name.isEmpty() ? QStringLiteral("runc") : name;
}

// Why plugins cannot run here (for QSKIP), or empty. A runtime named by PLUGDESK_TEST_RUNTIME that is missing is not a
// reason to skip: scripts/setup installs both, so `missing` says it and the test fails.
inline QString runtimeUnavailable(QString *missing)
{
    if (::geteuid() != 0)
        return QStringLiteral("needs root: the runtime creates namespaces and mounts");
    const QString name = testRuntimeName();
    if (!core::RuntimeChoice::knownNames().contains(name)) {
        *missing = QStringLiteral("PLUGDESK_TEST_RUNTIME=%1 is neither runc nor crun").arg(name);
        return {};
    }
    auto found = core::RuntimeChoice::byName(name);
    if (found)
        return {};
    if (qEnvironmentVariableIsSet("PLUGDESK_TEST_RUNTIME"))
        *missing = found.error().message;
    else
        return found.error().message;
    return {};
}

// Skips the test case when plugins cannot run here; fails it when the runtime it was registered for is missing.
#define PLUGDESK_REQUIRE_TEST_RUNTIME()                                                                                \
    do {                                                                                                               \
        QString runtimeMissing;                                                                                        \
        const QString runtimeWhyNot = testutil::runtimeUnavailable(&runtimeMissing);                                   \
        if (!runtimeMissing.isEmpty())                                                                                 \
            QFAIL(qPrintable(runtimeMissing));                                                                         \
        if (!runtimeWhyNot.isEmpty())                                                                                  \
            QSKIP(qPrintable(runtimeWhyNot));                                                                          \
    } while (false)

// Makes the store at `storeRoot` run its plugins with the test runtime (its engine.json, as root would write it).
inline bool writeTestRuntimeChoice(const QString &storeRoot)
{
    if (!QDir().mkpath(storeRoot))
        return false;
    QFile file(core::RuntimeChoice::settingsPath(storeRoot));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const QByteArray json = QJsonDocument(QJsonObject{{QStringLiteral("runtime"), testRuntimeName()}}).toJson();
    return file.write(json) == json.size() && file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

// The runtimes whose root under `runRoot` may hold a test's containers: both where installed.
inline QList<core::RuncRuntime> testRuntimes(const QString &runRoot)
{
    QList<core::RuncRuntime> runtimes;
    for (const QString &name : core::RuntimeChoice::knownNames()) {
        if (auto choice = core::RuntimeChoice::byName(name))
            runtimes.append(core::RuncRuntime(runRoot, *choice));
    }
    return runtimes;
}

// For a test's cleanup, which runs even when the test failed: no monitor, container or propagated mount of the
// plugin `id` may outlive it. Kills the monitor and the container, waits (5 s at most) until the runtime has forgotten
// the container, and releases the plugin's propagated mount in `storeRoot` when one is given.
inline void stopTestPlugin(const QString &runRoot, const QString &id, const QString &storeRoot = {})
{
    const core::RunLayout layout(runRoot);
    if (const qint64 monitor = core::MonitorLauncher::lockHolder(layout.lockPath(id)))
        ::kill(pid_t(monitor), SIGKILL);
    for (const core::RuncRuntime &runtime : testRuntimes(runRoot)) {
        if (!runtime.holds(id))
            continue;
        (void)runtime.kill(id, QStringLiteral("KILL"));
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 5000) {
            (void)runtime.remove(id);
            auto state = runtime.state(id);
            if (!state || !state->exists)
                break;
            QThread::msleep(50);
        }
    }
    if (!storeRoot.isEmpty())
        core::RuncRuntime::releaseMount(core::Store(storeRoot).pluginDir(id) + QStringLiteral("/propagated-mount"));
}

// The folders of a test that runs plugins with the real runtime, for a test class to inherit beside QObject: one temp
// folder (`m_dir`) holding the store (whose engine.json names the test runtime, testRuntimeName()), the run root and a
// folder standing in for /run/docker/plugins (set as PLUGDESK_DOCKER_PLUGINS_DIR), and the ids of the plugins the test
// started (`m_ids`), which closeRuntimeFolder() stops, also after a failed check.
class RuntimeFolders
{
protected:
    std::unique_ptr<QTemporaryDir> m_dir;
    QStringList m_ids;

    // A new folder from `pattern` ("/tmp/pdrt-XXXXXX": short, as a plugin's socket path must fit a unix address).
    bool openRuntimeFolder(const QString &pattern)
    {
        m_dir = std::make_unique<QTemporaryDir>(pattern);
        m_ids.clear();
        qputenv("PLUGDESK_DOCKER_PLUGINS_DIR", publishDir().toLocal8Bit());
        return m_dir->isValid() && writeTestRuntimeChoice(storeRoot());
    }
    // Stops every plugin in `m_ids` (monitor, container, propagated mount) and removes the folder.
    void closeRuntimeFolder()
    {
        if (!m_dir)
            return;
        for (const QString &id : std::as_const(m_ids))
            stopTestPlugin(runRoot(), id, storeRoot());
        m_dir.reset();
    }

    QString storeRoot() const { return m_dir->path() + QStringLiteral("/store"); }
    QString runRoot() const { return m_dir->path() + QStringLiteral("/run"); }
    QString publishDir() const { return m_dir->path() + QStringLiteral("/docker-plugins"); }
    core::RunLayout layout() const { return core::RunLayout(runRoot()); }
    // The runtime the store runs its plugins with.
    core::RuncRuntime runtime() const
    {
        auto choice = core::RuntimeChoice::forStore(storeRoot());
        return choice ? core::RuncRuntime(runRoot(), *choice) : core::RuncRuntime(runRoot());
    }
    std::unique_ptr<core::LocalEngine> newEngine() const
    {
        return std::make_unique<core::LocalEngine>(core::LocalEngine::Options{storeRoot(), runRoot(), false});
    }
};

} // namespace testutil
