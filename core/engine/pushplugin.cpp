#include "core/engine/pushplugin.h"

#include "core/engine/createplugin.h"
#include "core/plugin/reference.h"
#include "core/registry/registryclient.h"
#include "core/store/blobstore.h"

#include <QFile>
#include <QFileInfo>
#include <QTimer>
#include <QVariantMap>
#include <memory>

namespace core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PushPlugin)
};

constexpr qint64 kMaxManifestBytes = 4 * 1024 * 1024;

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

// A plugin whose blobs are not in the store (a hand-made seed plugin) cannot be pushed: say how to make one.
Error noLayers(const Plugin &plugin, const QString &why)
{
    return Error{ErrorCode::NotFound,
                 Tr::tr("plugin %1 has no layers to push: %2; a plugin from a hand-made store carries none. Make a "
                        "pushable plugin with plugdeskctl plugin create NAME FOLDER (FOLDER holds config.json and "
                        "rootfs/)")
                     .arg(plugin.name(), why)};
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
        // The whole blob in one PUT (SPEC §8.3: chunked upload is a TODO in Docker too), streamed from its file.
        state->job->reportProgress({Tr::tr("Pushing"), shortId(blob.digest), 0, blob.size, QString()});
        auto progress = [state, blob](qint64 sent) {
            if (sent <= 0) // Qt reports (0, 0) once a request is done
                return;
            state->job->reportProgress({Tr::tr("Pushing"), shortId(blob.digest), sent, blob.size, QString()});
        };
        state->client->uploadBlobFile(
            state->target, state->blobs.pathFor(blob.digest), blob.digest, state->context, progress,
            [state, blob](Result<QString> uploaded) {
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
    // The target is the plugin's own local name, whatever it was found by (SPEC §1.6).
    auto target = Reference::parse(plugin->name());
    if (!target) {
        job->failWith(target.error().prefixed(Tr::tr("cannot push plugin %1").arg(plugin->name())));
        return job;
    }

    auto state = std::make_shared<PushState>();
    state->job = job;
    state->blobs = BlobStore(store.blobsDir());
    state->target = target->withDefaultTag();

    if (plugin->blobsums.isEmpty() || plugin->configDigest.isEmpty()) {
        job->failWith(noLayers(*plugin, plugin->blobsums.isEmpty()
                                            ? Tr::tr("the store records no layer for it")
                                            : Tr::tr("the store records no config blob for it")));
        return job;
    }
    QList<qint64> layerSizes;
    for (const QString &digest : std::as_const(plugin->blobsums) + QStringList{plugin->configDigest}) {
        const QFileInfo file(state->blobs.pathFor(digest));
        if (!file.isFile()) {
            job->failWith(noLayers(*plugin, Tr::tr("blob %1 is not in %2").arg(digest, store.blobsDir())));
            return job;
        }
        state->queue.append({digest, file.size()});
    }
    for (qsizetype i = 0; i < plugin->blobsums.size(); ++i)
        layerSizes.append(state->queue.at(i).size);

    // The stored manifest when it is still there; Docker's GC may have collected it, and then it is rebuilt.
    if (!plugin->manifestDigest.isEmpty() && state->blobs.contains(plugin->manifestDigest)) {
        auto stored = state->blobs.read(plugin->manifestDigest, kMaxManifestBytes);
        if (!stored) {
            job->failWith(stored.error());
            return job;
        }
        state->manifest = *stored;
    } else {
        state->manifest =
            pluginManifest(plugin->configDigest, state->queue.constLast().size, plugin->blobsums, layerSizes);
    }

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
