#pragma once

#include "core/engine/engine.h"

#include <QDBusConnection>
#include <QDBusMessage>

namespace core {

// The engine of an unprivileged window or plugdeskctl: every verb is a call to plugdesk-helper
// (org.plugdesk.Helper1) on the system bus, or on the bus at an explicit address (tests). D-Bus errors
// `org.plugdesk.Error.<Code>` come back as core::Error with that code and the helper's message; other bus
// failures (helper missing, bus refused, no reply) get a code and a message of their own. The helper's
// PluginsChanged signal becomes pluginsReloaded. Calls allow interactive authorization, so a polkit agent may
// ask for a password. Owns its bus connection when it opened one by address; owns no state.
class HelperEngine final : public Engine
{
    Q_OBJECT

public:
    struct Options
    {
        QString busAddress; // empty: $PLUGDESK_HELPER_BUS, else the system bus ($DBUS_SYSTEM_BUS_ADDRESS honoured)
        QString service;    // empty: org.plugdesk.Helper1
    };

    explicit HelperEngine(const Options &options = {}, QObject *parent = nullptr);
    ~HelperEngine() override;

    QString location() const override;

    Result<PluginList> plugins() override;
    Result<Plugin> plugin(const QString &nameOrId) override;
    Status set(const QString &nameOrId, const QStringList &arguments) override;

    // For verbs that start a job: mirrors the job at `path` (the method's reply) into a local Job.
    Job *adoptJob(const QString &path, const QString &title);

    // A D-Bus error reply as the Error the helper meant, or as a bus failure named plainly.
    static Error errorFromReply(const QDBusMessage &reply);

private Q_SLOTS:
    void onPluginsChanged();

private:
    Result<QDBusMessage> call(const QString &member, const QVariantList &arguments);

    QDBusConnection m_bus;
    QString m_address;
    QString m_service;
    QString m_connectionName; // set when this engine opened the connection by address
};

} // namespace core
