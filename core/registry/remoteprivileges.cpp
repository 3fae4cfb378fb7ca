#include "core/registry/remoteprivileges.h"

#include "core/plugin/pluginconfig.h"
#include "core/plugin/privileges.h"
#include "core/plugin/reference.h"
#include "core/registry/registryclient.h"

namespace core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(RemotePrivileges)
};

} // namespace

Job *readPrivileges(RegistryClient *client, const QString &reference, const QStringList &settings, QObject *parent)
{
    auto *job = new Job(Tr::tr("Read the privileges of %1").arg(reference), parent);
    auto parsed = Reference::parse(reference);
    if (!parsed) {
        job->failWith(parsed.error());
        return job;
    }
    const Reference full = parsed->withDefaultTag();
    // Transfers are bound to this context: deleting it on cancel aborts them and drops their callbacks.
    auto *context = new QObject(job);
    QObject::connect(job, &Job::cancelRequested, context, [job, context, full] {
        delete context;
        job->failWith(
            Error{ErrorCode::Cancelled, Tr::tr("reading the privileges of %1 was cancelled").arg(full.toString())});
    });
    client->fetchManifest(full, context, [job, context, client, full, settings](Result<Manifest> manifest) {
        if (!manifest)
            return job->failWith(manifest.error());
        if (!manifest->isPluginConfigType())
            return job->failWith(
                Error{ErrorCode::NotAPlugin,
                      QStringLiteral("did not find plugin config for specified reference %1").arg(full.toString())});
        client->fetchConfig(full.trimmed(), manifest->config, context, [job, full, settings](Result<QByteArray> bytes) {
            if (!bytes)
                return job->failWith(bytes.error());
            auto config = PluginConfig::fromJson(*bytes);
            if (!config)
                return job->failWith(
                    config.error().prefixed(Tr::tr("cannot read the plugin config of %1").arg(full.toString())));
            if (auto refused = Privileges::refuseKernelMounts(config->mounts, full.toString()); !refused)
                return job->failWith(refused.error());
            // What the plugin will run with: the settings given with install change mount sources and device paths.
            Settings effective = Settings::initial(*config);
            if (auto applied = effective.apply(*config, settings); !applied)
                return job->failWith(applied.error());
            job->finishWith(QVariant::fromValue(Privileges::effective(*config, effective)));
        });
    });
    return job;
}

} // namespace core
