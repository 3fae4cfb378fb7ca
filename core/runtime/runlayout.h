#pragma once

#include <QString>

namespace core {

// Where a plugin's runtime files live under the run root (default /run/plugdesk):
//   <run>/runc/                      runc's --root: only Plugdesk's containers, never another engine's
//   <run>/crun/                      crun's --root, when crun runs the plugins (RuntimeChoice)
//   <run>/features-<runtime>.json    what the runtime binary can do, asked once per binary
//   <run>/plugins/<id>/<socket>      the plugin's socket; this folder is bound to /run/docker/plugins in the plugin
//   <run>/state/<id>/bundle/         the runc bundle (config.json)
//   <run>/state/<id>/state.json      what the monitor reports (pids, state, restarts, last exit)
//   <run>/state/<id>/plugin.log      the plugin's stdout and stderr, rotated (.1, .2)
//   <run>/state/<id>/monitor.lock    flock held by the plugin's monitor for as long as it lives
//   <run>/state/<id>/activate.json   the plugin's answer to /Plugin.Activate
//   <run>/binds/<id>/<hash>          a volume folder the plugin answered to a Mount on the published socket, bound
//                                    here by the descriptor that was checked; the answer dockerd gets names this
//   <run>/state/<id>/published.json  the socket published for other engines (path, device, inode): only it is removed
// The private files are kept out of the socket folder because the plugin sees that folder: a plugin that could
// rewrite its own bundle would grant itself privileges at its next restart.
// A value type: owns paths, creates nothing.
class RunLayout final
{
public:
    explicit RunLayout(QString runRoot)
        : m_runRoot(std::move(runRoot))
    {}

    QString runRoot() const { return m_runRoot; }
    QString runcRoot() const { return runtimeRoot(QStringLiteral("runc")); }
    // The --root of the runtime `name` ("runc" or "crun").
    QString runtimeRoot(const QString &name) const { return m_runRoot + QLatin1Char('/') + name; }
    QString featuresPath(const QString &name) const
    {
        return m_runRoot + QStringLiteral("/features-") + name + QStringLiteral(".json");
    }
    QString socketDir(const QString &id) const { return m_runRoot + QStringLiteral("/plugins/") + id; }
    QString socketPath(const QString &id, const QString &socket) const
    {
        return socketDir(id) + QLatin1Char('/') + socket;
    }
    QString stateDir(const QString &id) const { return m_runRoot + QStringLiteral("/state/") + id; }
    QString bundleDir(const QString &id) const { return stateDir(id) + QStringLiteral("/bundle"); }
    QString statePath(const QString &id) const { return stateDir(id) + QStringLiteral("/state.json"); }
    QString logPath(const QString &id) const { return stateDir(id) + QStringLiteral("/plugin.log"); }
    QString lockPath(const QString &id) const { return stateDir(id) + QStringLiteral("/monitor.lock"); }
    QString pidFilePath(const QString &id) const { return stateDir(id) + QStringLiteral("/container.pid"); }
    QString activatePath(const QString &id) const { return stateDir(id) + QStringLiteral("/activate.json"); }
    QString publishedPath(const QString &id) const { return stateDir(id) + QStringLiteral("/published.json"); }
    QString bindDir(const QString &id) const { return m_runRoot + QStringLiteral("/binds/") + id; }

private:
    QString m_runRoot;
};

} // namespace core
