#include "core/engine/installplugin.h"

#include "core/archive/layerextractor.h"
#include "core/base/atomicfile.h"
#include "core/base/backgroundsync.h"
#include "core/base/crashpoint.h"
#include "core/base/digest.h"
#include "core/base/units.h"
#include "core/engine/pluginstaging.h"
#include "core/engine/unpackbudget.h"
#include "core/plugin/reference.h"
#include "core/registry/registryclient.h"

#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QScopeGuard>
#include <QWaitCondition>
#include <algorithm>
#include <cerrno>
#include <fcntl.h>

namespace core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(PluginInstaller)
};

constexpr int kParallelDownloads = 3;
constexpr int kProgressIntervalMs = 100;
constexpr qint64 kReadChunk = MiB;
constexpr qint64 kWritebackChunk = 8 * MiB;
// How old a manifest the pull takes from a privileges check that fetched it through the same client.
constexpr int kRecentManifestMs = 10000;
// The download tells the worker of new bytes after this many, and at the layer's end: libcurl hands the body over in
// 16 KiB pieces, and a wake-up for each would cost the worker a read and a context switch per piece.
constexpr qint64 kNotifyStep = 256 * KiB;

QString envName(const QString &entry)
{
    return entry.section(QLatin1Char('='), 0, 0);
}

} // namespace

// What the two halves share. Fields above `mutex` are written by the network half before `ready` and only read
// afterwards; the ones below it are guarded by `mutex`.
struct InstallState
{
    struct Layer
    {
        Descriptor descriptor;
        QString path;       // the download's file in the staging folder
        qint64 written = 0; // bytes in that file
        bool downloaded = false;
    };

    Store store{QString()};
    StoreLimits limits;
    PluginInstaller::Request request;
    Reference remote;                 // the full reference pulled
    QString localName;                // the new plugin's name, or the upgraded plugin's
    PluginStaging::Identity identity; // install: who the new plugin is, settings with KEY=VALUE applied
    QString targetId;                 // upgrade: the plugin's id
    Manifest manifest;
    QByteArray configBytes;
    PluginConfig config;

    QMutex mutex;
    QWaitCondition changed;
    bool ready = false;          // manifest and config fetched and checked
    bool downloadsAsked = false; // the worker asked the network half to start the layers
    bool transfersStopped = false;
    std::optional<Error> failure;
    QList<Layer> layers;
    LayerExtractor *extractor = nullptr; // the layer being applied, for cancel
    // Told of every byte written into the staging folder (layer files, rootfs) while the worker stages.
    std::shared_ptr<BackgroundSync> sync;
    PluginInstaller *installer = nullptr;

    // Records the first failure and wakes the worker. Called with `mutex` held.
    void failLocked(const Error &error)
    {
        if (!failure)
            failure = error;
        if (extractor)
            extractor->cancel();
        changed.wakeAll();
    }
};

Settings carrySettings(const Settings &old, const PluginConfig &oldConfig, const PluginConfig &newConfig)
{
    Settings carried = Settings::initial(newConfig);
    for (const QString &entry : old.env) {
        const QString name = envName(entry);
        const bool declared = std::any_of(newConfig.env.cbegin(), newConfig.env.cend(),
                                          [&](const PluginEnv &env) { return env.name == name; });
        if (!declared)
            continue;
        auto existing = std::find_if(carried.env.begin(), carried.env.end(),
                                     [&](const QString &candidate) { return envName(candidate) == name; });
        if (existing != carried.env.end())
            *existing = entry;
        else
            carried.env.append(entry);
    }
    for (PluginMount &mount : carried.mounts) {
        for (const PluginMount &before : old.mounts) {
            if (before.name == mount.name && !mount.name.isEmpty())
                mount.source = before.source;
        }
    }
    for (PluginDevice &device : carried.devices) {
        for (const PluginDevice &before : old.devices) {
            if (before.name == device.name && !device.name.isEmpty())
                device.path = before.path;
        }
    }
    if (!newConfig.args.name.isEmpty() && newConfig.args.name == oldConfig.args.name)
        carried.args = old.args;
    return carried;
}

PluginInstaller::PluginInstaller(RegistryClient *client, const Store &store, Request request, Job *job)
    : QObject(job)
    , m_client(client)
    , m_job(job)
    , m_state(std::make_shared<InstallState>())
{
    m_state->store = store;
    m_state->request = std::move(request);
    m_state->installer = this;
    m_transfers = new QObject(this);
    connect(job, &Job::cancelRequested, this, [this] {
        {
            QMutexLocker locker(&m_state->mutex);
            m_state->failLocked(Error{ErrorCode::Cancelled, Tr::tr("cancelled")});
        }
        stopTransfers();
    });
}

PluginInstaller::~PluginInstaller()
{
    // The job went away under a running worker: that is a cancel, and no callback of ours may run any more.
    delete m_transfers;
    m_transfers = nullptr;
    QMutexLocker locker(&m_state->mutex);
    m_state->installer = nullptr;
    m_state->transfersStopped = true;
    m_state->failLocked(Error{ErrorCode::Cancelled, Tr::tr("cancelled")});
}

QString PluginInstaller::localName() const
{
    return m_state->localName;
}

Status PluginInstaller::start()
{
    InstallState &s = *m_state;
    auto parsed = Reference::parse(s.request.reference);
    if (!parsed)
        return parsed.error();
    s.remote = parsed->withDefaultTag();
    auto limits = StoreLimits::fromEnvironment();
    if (!limits)
        return limits.error();
    s.limits = *limits;

    auto inventory = s.store.load();
    if (!inventory)
        return inventory.error();
    if (s.request.upgrade.isEmpty()) {
        auto identity = PluginStaging::identityFor(inventory->plugins, s.remote, s.request.options.alias);
        if (!identity)
            return identity.error();
        s.identity = *identity;
        s.identity.pluginReference = s.remote.toString();
        s.localName = s.identity.localName;
    } else {
        auto target = Store::find(inventory->plugins, s.request.upgrade);
        if (!target)
            return target.error();
        if (target->enabled)
            return Error{ErrorCode::Conflict,
                         Tr::tr("plugin must be disabled before upgrading: plugin %1 is enabled").arg(target->name())};
        s.targetId = target->id;
        s.localName = target->name();
    }

    m_job->reportProgress({Tr::tr("Resolving"), QString(), 0, 0,
                           Tr::tr("%1: Pulling from %2")
                               .arg(s.remote.hasTag() ? s.remote.tag() : s.remote.digest(), s.remote.familiarName())});
    // A privileges check just before (plugdeskctl's, or the window's dialog) fetched this manifest through the same
    // client: the pull installs that one rather than asking the registry again.
    m_client->fetchRecentManifest(s.remote, kRecentManifestMs, m_transfers, [this](Result<Manifest> manifest) {
        if (!manifest)
            return fail(manifest.error());
        if (!manifest->isPluginConfigType())
            return fail(
                Error{ErrorCode::NotAPlugin, QStringLiteral("did not find plugin config for specified reference %1")
                                                 .arg(m_state->remote.toString())});
        m_state->manifest = *manifest;
        fetchConfig();
    });
    return {};
}

void PluginInstaller::fetchConfig()
{
    InstallState &s = *m_state;
    m_job->reportProgress({Tr::tr("Resolving"), QString(), 0, 0, Tr::tr("Digest: %1").arg(s.manifest.digest)});
    m_client->fetchConfig(s.remote.trimmed(), s.manifest.config, m_transfers, [this](Result<QByteArray> bytes) {
        InstallState &s = *m_state;
        if (!bytes)
            return fail(bytes.error());
        auto config = PluginConfig::fromJson(*bytes);
        if (!config)
            return fail(
                config.error().prefixed(Tr::tr("cannot read the plugin config of %1").arg(s.remote.toString())));
        if (auto valid = config->validate(); !valid)
            return fail(valid.error().prefixed(Tr::tr("the plugin config of %1").arg(s.remote.toString())));
        if (auto refused = Privileges::refuseKernelMounts(config->mounts, s.remote.toString()); !refused)
            return fail(refused.error());
        // Docker's validatePrivileges: what is pulled must be what the person approved, before any layer. For a new
        // plugin that is what it will run with, the KEY=VALUE settings given with install included.
        Privileges pulled = Privileges::fromConfig(*config);
        if (s.request.upgrade.isEmpty()) {
            Settings settings = Settings::initial(*config);
            if (auto applied = settings.apply(*config, s.request.options.settings); !applied)
                return fail(applied.error());
            s.identity.settings = settings;
            pulled = Privileges::effective(*config, settings);
        }
        if (!pulled.sameAs(s.request.accepted))
            return fail(Error{ErrorCode::PermissionDenied, QStringLiteral("incorrect privileges")});
        s.configBytes = *bytes;
        s.config = *config;
        QMutexLocker locker(&s.mutex);
        for (const Descriptor &layer : std::as_const(s.manifest.layers))
            s.layers.append(InstallState::Layer{layer, QString(), 0, false});
        s.ready = true;
        s.changed.wakeAll();
    });
}

void PluginInstaller::fail(const Error &error)
{
    {
        QMutexLocker locker(&m_state->mutex);
        m_state->failLocked(error);
    }
    stopTransfers();
}

void PluginInstaller::stopTransfers()
{
    delete m_transfers; // aborts every transfer; their callbacks never run
    m_transfers = new QObject(this);
    m_active = 0;
    m_next = int(m_state->layers.size());
    QMutexLocker locker(&m_state->mutex);
    m_state->transfersStopped = true;
    m_state->changed.wakeAll();
}

void PluginInstaller::startDownloads()
{
    {
        QMutexLocker locker(&m_state->mutex);
        if (m_state->failure) {
            m_state->transfersStopped = true;
            m_state->changed.wakeAll();
            return;
        }
    }
    for (const InstallState::Layer &layer : std::as_const(m_state->layers))
        m_job->reportProgress(
            {Tr::tr("Waiting"), shortDigest(layer.descriptor.digest), 0, layer.descriptor.size, QString()});
    m_next = 0;
    startNext();
}

void PluginInstaller::startNext()
{
    while (m_active < kParallelDownloads && m_next < m_state->layers.size())
        startLayer(m_next++);
}

void PluginInstaller::startLayer(int index)
{
    const Descriptor descriptor = m_state->layers.at(index).descriptor;
    const QString path = m_state->layers.at(index).path;
    const QString item = shortDigest(descriptor.digest);
    auto file = std::make_shared<QFile>(path);
    // Unbuffered: the worker reads the file while it grows, and counts only what reached it.
    if (!file->open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Unbuffered))
        return fail(Error{ErrorCode::Io, Tr::tr("cannot write %1: %2").arg(path, file->errorString())});
    ++m_active;
    m_job->reportProgress({Tr::tr("Downloading"), item, 0, descriptor.size, QString()});
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    auto received = std::make_shared<qint64>(0);
    auto notified = std::make_shared<qint64>(0);
    auto state = m_state;
    Job *job = m_job;
    // Runs on the blob's download thread: it touches only its own file, timer and count, the state under its mutex,
    // and the job through reportProgress (queued to the job's thread).
    auto sink = [state, file, index, job, item, descriptor, timer, received, notified](const char *data,
                                                                                       qsizetype size) -> Status {
        // Unbuffered, so errno is the write's own.
        errno = 0;
        if (file->write(data, size) != size) {
            const int error = errno;
            return Error{ErrorCode::Io, error != 0
                                            ? writeErrorText(file->fileName(), error)
                                            : Tr::tr("cannot write %1: %2").arg(file->fileName(), file->errorString())};
        }
        *received += size;
        if (*received - *notified >= kNotifyStep || *received >= descriptor.size) {
            QMutexLocker locker(&state->mutex);
            state->layers[index].written = *received;
            state->changed.wakeAll();
            if (state->sync)
                state->sync->wrote(*received - *notified);
            *notified = *received;
        }
        if (timer->elapsed() >= kProgressIntervalMs && *received < descriptor.size) {
            timer->restart();
            job->reportProgress({Tr::tr("Downloading"), item, *received, descriptor.size, QString()});
        }
        return {};
    };
    m_client->fetchBlob(
        m_state->remote.trimmed(), descriptor, m_transfers, sink,
        [this, file, index, item, descriptor](const Status &status) {
            file->close();
            --m_active;
            if (!status)
                return fail(status.error());
            // Reported before the worker may see the layer done, so its phases come after this one.
            m_job->reportProgress({Tr::tr("Verifying"), item, descriptor.size, descriptor.size, QString()});
            {
                QMutexLocker locker(&m_state->mutex);
                m_state->layers[index].downloaded = true;
                m_state->changed.wakeAll();
            }
            startNext();
        });
}

namespace {

// Waits until `ready(state)` holds or a failure was recorded; the failure, if any.
template<typename Predicate>
std::optional<Error> waitUntil(InstallState &state, Predicate ready)
{
    QMutexLocker locker(&state.mutex);
    while (!state.failure && !ready())
        state.changed.wait(&state.mutex, 250);
    return state.failure;
}

// Applies layer `index` from its growing file as its bytes arrive.
Status applyLayer(InstallState &state, int index, const QString &rootfs, UnpackBudget &budget, Job *job)
{
    const Descriptor descriptor = state.layers.at(index).descriptor;
    const QString item = shortDigest(descriptor.digest);
    LayerExtractor::Options options = budget.optionsFor(descriptor);
    options.startWriteback = true;
    if (std::shared_ptr<BackgroundSync> sync = state.sync) {
        options.checkpoint = [check = std::move(options.checkpoint), sync,
                              counted = qint64(0)](qint64 unpacked) mutable -> Status {
            sync->wrote(unpacked - counted);
            counted = unpacked;
            return check ? check(unpacked) : Status{};
        };
    }
    LayerExtractor extractor(rootfs, options);
    auto failed = [&](const Error &error) {
        if (auto limit = budget.limitError(descriptor, extractor, error))
            return *limit;
        return error.prefixed(Tr::tr("cannot extract layer %1").arg(item));
    };
    {
        QMutexLocker locker(&state.mutex);
        if (state.failure)
            return *state.failure;
        state.extractor = &extractor;
    }
    auto forget = qScopeGuard([&] {
        QMutexLocker locker(&state.mutex);
        state.extractor = nullptr;
    });
    QFile file;
    qint64 offset = 0;
    qint64 writebackFrom = 0; // the layer file's bytes from here on were not yet handed to writeback
    QElapsedTimer timer;
    timer.start();
    bool announced = false;
    QByteArray buffer;
    for (;;) {
        qint64 available = 0;
        bool downloaded = false;
        {
            QMutexLocker locker(&state.mutex);
            while (!state.failure && state.layers.at(index).written == offset && !state.layers.at(index).downloaded)
                state.changed.wait(&state.mutex, 250);
            if (state.failure)
                return *state.failure;
            available = state.layers.at(index).written;
            downloaded = state.layers.at(index).downloaded;
        }
        if (downloaded && !announced) {
            announced = true;
            job->reportProgress({Tr::tr("Extracting"), item, offset, descriptor.size, QString()});
        }
        if (available > offset && !file.isOpen()) {
            file.setFileName(state.layers.at(index).path);
            if (!file.open(QIODevice::ReadOnly))
                return Error{ErrorCode::Io, Tr::tr("cannot read %1: %2").arg(file.fileName(), file.errorString())};
        }
        while (offset < available) {
            buffer.resize(qMin(kReadChunk, available - offset));
            const qint64 read = file.read(buffer.data(), buffer.size());
            if (read <= 0)
                return Error{ErrorCode::Io, Tr::tr("cannot read %1: %2").arg(file.fileName(), file.errorString())};
            if (Status fed = extractor.feed(buffer.constData(), read); !fed)
                return failed(fed.error());
            offset += read;
            crashPointBytes("install.layer-bytes", read);
            // The blob's bytes start on their way to disk now, so that the commit's syncfs finds little to do.
            if (offset - writebackFrom >= kWritebackChunk || offset == descriptor.size) {
                (void)::sync_file_range(file.handle(), writebackFrom, offset - writebackFrom, SYNC_FILE_RANGE_WRITE);
                writebackFrom = offset;
            }
            if (downloaded && timer.elapsed() >= kProgressIntervalMs) {
                timer.restart();
                job->reportProgress({Tr::tr("Extracting"), item, offset, descriptor.size, QString()});
            }
        }
        if (downloaded && offset >= available)
            break;
    }
    if (Status finished = extractor.finish(); !finished)
        return failed(finished.error());
    budget.add(extractor);
    crashPoint("install.layer-applied");
    job->reportProgress({Tr::tr("Complete"), item, descriptor.size, descriptor.size, QString()});
    return {};
}

} // namespace

Result<QString> PluginInstaller::work(const std::shared_ptr<InstallState> &shared, Job *job)
{
    InstallState &state = *shared;
    if (auto failed = waitUntil(state, [&] { return state.ready; }))
        return *failed;
    const bool upgrading = !state.request.upgrade.isEmpty();
    // Before anything is written: what the manifest declares must fit the limits and the free space.
    UnpackBudget budget(state.limits, state.store.root());
    if (Status fits = budget.checkDeclared(state.manifest.layers); !fits)
        return fits.error();

    // From here the network half may still write layer files: every return waits until it stopped.
    bool downloadsAsked = false;
    auto stopNetwork = [&] {
        QMutexLocker locker(&state.mutex);
        if (!state.failure)
            state.failLocked(Error{ErrorCode::Internal, Tr::tr("the install stopped")});
        if (!downloadsAsked || state.transfersStopped || !state.installer)
            return;
        QMetaObject::invokeMethod(state.installer, &PluginInstaller::stopTransfers, Qt::QueuedConnection);
        while (!state.transfersStopped)
            state.changed.wait(&state.mutex, 250);
    };

    // The lock is held while staging exists, so that no other process sweeps tmp/ under this install.
    auto staging = PluginStaging::begin(state.store,
                                        upgrading ? Tr::tr("upgrade plugin %1").arg(state.localName)
                                                  : Tr::tr("install plugin %1").arg(state.localName),
                                        upgrading ? QStringLiteral("upgrade") : QStringLiteral("install"));
    if (!staging)
        return staging.error();
    const QString rootfs = (*staging)->rootfs();
    crashPoint("install.staging-begun");
    // Flushes the store's file system while the layers arrive and unpack; stopped (and its error checked) before the
    // commit, whose own syncfs then has little left to wait for.
    auto sync = std::make_shared<BackgroundSync>(state.store.root());
    auto stopSync = [&] {
        {
            QMutexLocker locker(&state.mutex);
            state.sync.reset();
        }
        return sync->stop();
    };
    auto stopSyncOnReturn = qScopeGuard([&] { (void)stopSync(); });
    {
        QMutexLocker locker(&state.mutex);
        state.sync = sync;
        if (state.failure)
            return *state.failure;
        if (!state.installer)
            return Error{ErrorCode::Cancelled, Tr::tr("cancelled")};
        for (int i = 0; i < state.layers.size(); ++i)
            state.layers[i].path = (*staging)->filePath(QStringLiteral("layer-%1").arg(i));
        QMetaObject::invokeMethod(state.installer, &PluginInstaller::startDownloads, Qt::QueuedConnection);
        downloadsAsked = true;
        state.downloadsAsked = true;
    }

    // Strictly in order; each layer may still be downloading while it is applied.
    for (int i = 0; i < state.layers.size(); ++i) {
        if (Status applied = applyLayer(state, i, rootfs, budget, job); !applied) {
            {
                QMutexLocker locker(&state.mutex);
                state.failLocked(applied.error());
            }
            stopNetwork();
            QMutexLocker locker(&state.mutex);
            return *state.failure;
        }
    }
    if (job->isCancelRequested()) {
        stopNetwork();
        return Error{ErrorCode::Cancelled, Tr::tr("cancelled")};
    }

    if (Status synced = stopSync(); !synced)
        return synced.error();
    job->reportProgress({Tr::tr("Committing"), QString(), 0, 0, Tr::tr("adding %1 to the store").arg(state.localName)});
    PluginStaging::Content content{state.manifest, state.configBytes, state.config, {}};
    for (const InstallState::Layer &layer : std::as_const(state.layers))
        content.layerFiles.append(layer.path);
    auto committed = upgrading
                         ? (*staging)->commitUpgrade(content, state.targetId, state.localName, state.remote.toString())
                         : (*staging)->commitNew(content, state.identity);
    if (!committed)
        return committed.error();
    (*staging)->close();
    crashPoint("install.committed");
    if (upgrading || state.request.options.disable)
        return committed->name();
    return PluginStaging::enableInstalled(state.store, state.request.runRoot, *committed, job);
}

} // namespace core
