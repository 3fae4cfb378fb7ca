#pragma once

#include "core/engine/job.h"
#include "core/engine/result.h"
#include "core/plugin/plugin.h"
#include "core/plugin/privileges.h"

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

namespace core {

// The plugins an engine knows, plus one error per inventory entry it could not read (so that a broken
// entry is shown, never silently dropped).
struct PluginList
{
    QList<Plugin> plugins;
    QList<Error> problems;
};

// The seam (DESIGN.md): every operation a person can ask for. The window and plugdeskctl use nothing else.
// Cheap queries answer directly; long operations return a Job. Implementations: LocalEngine (in-process,
// owns the store), and later HelperEngine (D-Bus proxy to plugdesk-helper).
// Verbs are added here as they are implemented end to end; none is declared before it works.
class Engine : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;
    ~Engine() override = default;

    // Where this engine keeps its state, for display ("/var/lib/plugdesk", "helper on the system bus").
    virtual QString location() const = 0;

    virtual Result<PluginList> plugins() = 0;
    // Lookup by name, full name, name without tag, or unique id prefix (SPEC §1.2).
    virtual Result<Plugin> plugin(const QString &nameOrId) = 0;
    // `plugin set`: the plugin must be disabled; Docker's rules and texts (SPEC §3.4).
    virtual Status set(const QString &nameOrId, const QStringList &arguments) = 0;

    // The privileges the plugin at `reference` asks for (SPEC §4), from its registry manifest and config blob only,
    // no layers; nothing is written. Never blocks: the Job (a child of the engine; the caller may delete it once
    // finished) ends with QVariant::fromValue(core::Privileges), or with the fetch's error, reported as it is
    // (SPEC §11): InvalidArgument (bad reference), NotFound, Auth, Network, Timeout, DigestMismatch, and
    // NotAPlugin with Docker's `did not find plugin config for specified reference <full ref>`.
    // Cancelling the job stops the transfer. An engine that cannot reach registries fails with Unsupported.
    virtual Job *privileges(const QString &reference)
    {
        auto *job = new Job(reference, this);
        job->failWith(Error{ErrorCode::Unsupported, tr("this engine cannot read plugin privileges")});
        return job;
    }

Q_SIGNALS:
    // A plugin was added or changed; `id` is its full id.
    void pluginChanged(const QString &id);
    void pluginRemoved(const QString &id);
    // Emitted when the set of plugins may have changed in ways not reported one by one (another process wrote).
    void pluginsReloaded();
    void jobStarted(core::Job *job);
};

} // namespace core

Q_DECLARE_METATYPE(core::Privileges)
