#pragma once

#include "core/base/result.h"
#include "core/helper/helpermethods.h"
#include "core/plugin/plugin.h"

#include <QDBusConnection>
#include <QDBusVirtualObject>
#include <QTimer>
#include <optional>

namespace core {

class Job;
class LocalEngine;
class PolkitAuthority;
struct HelperVerb;

// The helper's D-Bus face (server side): the object /org/plugdesk/Helper1 with interface org.plugdesk.Helper1 on
// the bus name org.plugdesk.Helper1. Each method comes from the HelperVerbs table: arguments validated, the
// named plugin looked up, polkit asked for the verb's action, then the verb run on the LocalEngine, with the
// reply sent later (delayed replies), so a password prompt for one caller never blocks another. Engine errors
// become `org.plugdesk.Error.<Code>` with the engine's message. Exports long operations as JobObjects, pushes what
// changed as signals carrying ids only (PluginChanged, PluginRemoved, PluginsChanged, RuntimeStateChanged from the
// monitors' state files, VolumesChanged), and reports idle() after a quiet period with no job running.
// Does not own the engine, nor the decision to exit (main quits on idle()).
class HelperService final : public QDBusVirtualObject
{
    Q_OBJECT

public:
    HelperService(const QDBusConnection &bus, LocalEngine *engine, QObject *parent = nullptr);
    ~HelperService() override;

    // Exports the object, then claims the bus name (if `claimName`). The error says who holds the name.
    Status start(bool claimName = true);

    // 0 disables the idle exit. Default: 60 s.
    void setIdleTimeout(int seconds);

    // Puts `job` on the bus for `owner` (the caller's unique name) and returns its object path.
    QString exportJob(Job *job, const QString &operation, const QString &owner);
    int runningJobs() const { return m_runningJobs; }

    QDBusConnection bus() const { return m_bus; }

    QString introspect(const QString &path) const override;
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override;

Q_SIGNALS:
    // No call for the idle timeout, no job running, no authorization pending.
    void idle();

private:
    void touch();
    void onIdleTimeout();
    void emitSignal(HelperSignal which, const QVariantList &arguments);
    // Runs an authorised, checked call on the engine and sends its reply; first asks polkit, without
    // interaction, whether the caller holds the verb's secretsAction.
    void runVerb(const HelperVerb &verb, const QDBusConnection &bus, const QDBusMessage &message,
                 const std::optional<Plugin> &plugin);
    void runAuthorized(const HelperVerb &verb, const QDBusConnection &bus, const QDBusMessage &message,
                       const std::optional<Plugin> &plugin, bool revealSecrets);

    QDBusConnection m_bus;
    LocalEngine *m_engine;
    PolkitAuthority *m_authority;
    QTimer m_idleTimer;
    int m_inFlight = 0;
    int m_runningJobs = 0;
    quint64 m_nextJob = 1;
    bool m_registered = false;
};

} // namespace core
