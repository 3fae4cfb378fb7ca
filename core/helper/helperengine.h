#pragma once

#include "core/engine/engine.h"

#include <QDBusConnection>
#include <QDBusMessage>

namespace core {

class RegistryClient;

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
    Status grant(const QString &nameOrId, const QStringList &arguments, const Privileges &accepted) override;
    // Packs FOLDER's config.json and rootfs in this process, with the caller's rights (LayerWriter::writeContext),
    // into a temp file and passes it to the helper as a descriptor: the helper never opens the folder, so what the
    // caller cannot read never becomes a plugin. Refused (Unsupported) on a bus that cannot pass descriptors.
    Job *create(const QString &name, const QString &folder) override;
    Job *enable(const QString &nameOrId, int timeoutSeconds = 30) override;
    Job *disable(const QString &nameOrId, bool force = false) override;
    Result<QStringList> logs(const QString &nameOrId, int tail = -1) override;
    // The log file lives under the helper's run root, which a desktop user may not read: following a log
    // through the helper is refused with a message that says so.
    Result<QString> logFile(const QString &nameOrId) override;
    Result<PluginRuntimeState> runtimeState(const QString &nameOrId) override;
    // Read in this process with the user's own logins: the privileges step needs no privilege.
    Job *privileges(const QString &reference, const QStringList &settings = {}) override;
    // Also in this process with the user's own logins and files.
    Job *tags(const QString &repository) override;
    Job *login(const QString &server, const QString &user, const QString &password) override;
    Result<QStringList> registryLogins() override;
    Status logout(const QString &server) override;
    // Sends the caller's own login for the target registry (from this user's ~/.docker/config.json, helpers
    // included) with the call, as JSON {ServerAddress, Username, Password, IdentityToken}; the helper uses it
    // instead of root's logins, and only for that registry.
    Job *push(const QString &name) override;
    Job *remove(const QString &nameOrId, bool force = false) override;

    // Sent to the helper with the login for the reference's registry from this user's own config.json
    // (RegistryAuth), so the helper never uses root's logins.
    Job *install(const QString &reference, const Privileges &accepted, const InstallOptions &options = {}) override;
    Job *upgrade(const QString &nameOrId, const QString &reference, const Privileges &accepted) override;

    // Export and import pass the file as a descriptor this process opened (D-Bus fd passing), so the helper writes
    // and reads with the caller's own rights and never opens a path as root. Export opens a temp file beside FILE
    // and renames it into place once the helper's job succeeded; a bus that cannot pass descriptors is refused
    // (Unsupported) saying what to do instead.
    Job *exportPlugin(const QString &nameOrId, const QString &file) override;
    // Read in this process, with the caller's rights: the approval step needs no privilege.
    Job *bundlePrivileges(const QString &file) override;
    Job *importPlugin(const QString &file, const Privileges &accepted, const InstallOptions &options = {}) override;

    Result<QList<VolumeDriverInfo>> volumeDrivers() override;
    Job *volumes(const QString &driver = {}) override;
    Job *inspectVolume(const QString &name) override;
    Job *createVolume(const QString &driver, const QString &name, const QMap<QString, QString> &options) override;
    Job *removeVolume(const QString &name, bool force = false) override;
    Job *mountVolume(const QString &name) override;
    Job *unmountVolume(const QString &name) override;

    // For verbs that start a job: mirrors the job at `path` (the method's reply) into a local Job.
    Job *adoptJob(const QString &path, const QString &title);

    // A D-Bus error reply as the Error the helper meant, or as a bus failure named plainly.
    static Error errorFromReply(const QDBusMessage &reply);

private Q_SLOTS:
    void onPluginsChanged();

private:
    // Calls a verb that answers with a job path and mirrors that job; a refused call gives a failed job.
    Job *startJob(const QString &member, const QVariantList &arguments, const QString &title);
    Result<QDBusMessage> call(const QString &member, const QVariantList &arguments);
    // A job that failed before it started.
    Job *failedJob(const QString &title, const Error &error);
    // Unsupported, naming `verb`, when the bus cannot carry file descriptors.
    Status checkDescriptorPassing(const QString &verb) const;
    // The user's login for the registry of `reference` as RegistryAuth JSON ("" when none).
    Result<QString> registryAuthFor(const QString &reference) const;
    // The client for the verbs run in this process (made on first use).
    RegistryClient *registry();

    RegistryClient *m_registry = nullptr;
    QDBusConnection m_bus;
    QString m_address;
    QString m_service;
    QString m_connectionName; // set when this engine opened the connection by address
};

} // namespace core
