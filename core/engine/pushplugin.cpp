#include "core/engine/pushplugin.h"

#include "core/engine/pluginartifact.h"
#include "core/plugin/reference.h"
#include "core/registry/registryclient.h"
#include "core/store/blobstore.h"

#include <QTimer>
#include <QVariantMap>
#include <memory>

namespace core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PushPlugin)
};

struct PushBlob
{
    QString digest;
    qint64 size = 0;
};

// What one push carries from callback to callback.
struct PushState
{
    Job *job = nullptr;
    QObject *context = nullptr; // transfers are bound to it; deleted on cancel
    RegistryClient *client = nullptr;
    BlobStore blobs{QString()};
    Reference target;
    QList<PushBlob> queue; // layers in order, then the config
    QByteArray manifest;
    qsizetype next = 0;
};

QString shortId(const QString &digest)
{
    return digest.mid(7, 12);
}

// The plugin named by `name` (Docker's lookup: a name, ":latest" implied, or an id); a digest is refused the way
// `docker plugin push` refuses it.
Result<Plugin> findPlugin(const Store &store, const QString &name)
{
    if (auto reference = Reference::parse(name); reference && reference->hasDigest())
        return Error{ErrorCode::InvalidArgument, Tr::tr("invalid name: %1").arg(name)};
    auto inventory = store.load();
    if (!inventory)
        return inventory.error();
    return Store::find(inventory->plugins, name);
}

void pushManifest(const std::shared_ptr<PushState> &state)
{
    state->client->putManifest(state->target, QStringLiteral("application/vnd.docker.distribution.manifest.v2+json"),
                               state->manifest, state->context, [state](Result<QString> digest) {
                                   if (!digest)
                                       return state->job->failWith(digest.error());
                                   state->job->finishWith(
                                       QVariantMap{{QStringLiteral("repository"), state->target.familiarName()},
                                                   {QStringLiteral("tag"), state->target.tag()},
                                                   {QStringLiteral("digest"), *digest},
                                                   {QStringLiteral("size"), state->manifest.size()}});
                               });
}

void pushNext(const std::shared_ptr<PushState> &state)
{
    if (state->next >= state->queue.size())
        return pushManifest(state);
    const PushBlob blob = state->queue.at(state->next);
    state->client->blobExists(state->target, blob.digest, state->context, [state, blob](Result<bool> exists) {
        if (!exists)
            return state->job->failWith(exists.error());
        if (*exists) {
            state->job->reportProgress(
                {Tr::tr("Layer already exists"), shortId(blob.digest), blob.size, blob.size, QString()});
            ++state->next;
            return pushNext(state);
        }
        // The whole blob in one PUT, streamed from its file (docs/docker-compat.md §7.3: chunked upload is a TODO in
        // Docker too).
        state->job->reportProgress({Tr::tr("Pushing"), shortId(blob.digest), 0, blob.size, QString()});
        auto progress = [state, blob](qint64 sent) {
            if (sent <= 0) // Qt reports (0, 0) once a request is done
                return;
            state->job->reportProgress({Tr::tr("Pushing"), shortId(blob.digest), sent, blob.size, QString()});
        };
        state->client->uploadBlobFile(
            state->target, state->blobs.pathFor(blob.digest), blob.digest, state->context, progress,
            [state, blob](const Result<QString> &uploaded) {
                if (!uploaded)
                    return state->job->failWith(uploaded.error());
                state->job->reportProgress({Tr::tr("Pushed"), shortId(blob.digest), blob.size, blob.size, QString()});
                ++state->next;
                pushNext(state);
            });
    });
}

} // namespace

Job *pushPlugin(RegistryClient *client, const Store &store, const QString &name, const std::optional<AuthConfig> &auth,
                QObject *parent)
{
    auto *job = new Job(Tr::tr("Push %1").arg(name), parent);
    auto plugin = findPlugin(store, name);
    if (!plugin) {
        job->failWith(plugin.error());
        return job;
    }
    // The target is the plugin's own local name, whatever it was found by (docs/docker-compat.md §1.6).
    auto target = Reference::parse(plugin->name());
    if (!target) {
        job->failWith(target.error().prefixed(Tr::tr("cannot push plugin %1").arg(plugin->name())));
        return job;
    }

    auto state = std::make_shared<PushState>();
    state->job = job;
    state->blobs = BlobStore(store.blobsDir());
    state->target = target->withDefaultTag();

    auto artifact = PluginArtifact::of(store, *plugin, PluginArtifact::Purpose::Push);
    if (!artifact) {
        job->failWith(artifact.error());
        return job;
    }
    for (const PluginArtifact::Blob &blob : std::as_const(artifact->layers))
        state->queue.append({blob.digest, blob.size});
    state->queue.append({artifact->config.digest, artifact->config.size});
    state->manifest = artifact->manifest;

    if (auth) {
        // A client of its own: the caller's login must not stay cached for whoever pushes next.
        client = new RegistryClient(client->options(), job);
        client->setAuth(state->target.domain(), *auth);
    }
    state->client = client;
    state->context = new QObject(job);
    QObject::connect(job, &Job::cancelRequested, state->context, [state] {
        delete state->context;
        state->context = nullptr;
        state->job->failWith(
            Error{ErrorCode::Cancelled, Tr::tr("the push of %1 was cancelled").arg(state->target.familiarString())});
    });

    // Started from the event loop, so that whoever connects to the job after this returns sees every line.
    QTimer::singleShot(0, state->context, [state] {
        state->job->reportProgress(
            {QString(), QString(), 0, 0, Tr::tr("The push refers to repository [%1]").arg(state->target.name())});
        for (const PushBlob &blob : std::as_const(state->queue))
            state->job->reportProgress({Tr::tr("Preparing"), shortId(blob.digest), 0, blob.size, QString()});
        pushNext(state);
    });
    return job;
}

} // namespace core
