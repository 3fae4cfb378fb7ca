#include "core/engine/importplugin.h"

#include "core/archive/bundlereader.h"
#include "core/archive/layerextractor.h"
#include "core/base/crashpoint.h"
#include "core/base/digest.h"
#include "core/engine/pluginstaging.h"
#include "core/engine/unpackbudget.h"
#include "core/plugin/reference.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

namespace core {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(ImportPlugin)
};

constexpr int kProgressIntervalMs = 100;

QString context(const QString &source)
{
    return Tr::tr("cannot import %1").arg(source);
}

// The bundle read and checked, with its config parsed.
struct OpenBundle
{
    BundleInfo info;
    QByteArray configBytes;
};

Result<OpenBundle> openBundle(BundleReader &reader, const QString &source)
{
    if (auto opened = reader.open(); !opened) {
        if (reader.tooLarge())
            return Error{opened.error().code, Tr::tr("%1: %2 (%3 sets the limit)")
                                                  .arg(context(source), opened.error().message,
                                                       QLatin1String(StoreLimits::MaxBundleVariable))};
        return opened.error().prefixed(context(source));
    }
    const QString configEntry = BundleHeader::blobEntry(reader.manifest().config.digest);
    auto config = PluginConfig::fromJson(reader.config());
    if (!config)
        return config.error().prefixed(context(source) + QStringLiteral(": ") + configEntry);
    if (auto valid = config->validate(); !valid)
        return valid.error().prefixed(context(source) + QStringLiteral(": ") + configEntry);
    OpenBundle bundle;
    bundle.info.name = reader.header().name;
    bundle.info.pluginReference = reader.header().pluginReference;
    bundle.info.manifestDigest = reader.header().manifestDigest;
    bundle.info.config = *config;
    bundle.info.privileges = Privileges::fromConfig(*config);
    bundle.configBytes = reader.config();
    return bundle;
}

// Streams layer `index` out of the bundle into its staged file and, in the same pass, into the staged rootfs.
Status stageLayer(BundleReader &reader, int index, const QString &layerFile, const QString &rootfs,
                  UnpackBudget &budget, const QString &source, Job *job)
{
    const Descriptor descriptor = reader.manifest().layers.at(index);
    const QString item = shortDigest(descriptor.digest);
    QFile file(layerFile);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return Error{ErrorCode::Io, Tr::tr("cannot write %1: %2").arg(layerFile, file.errorString())};
    LayerExtractor extractor(rootfs, budget.optionsFor(descriptor));
    job->reportProgress({Tr::tr("Extracting"), item, 0, descriptor.size, QString()});
    QElapsedTimer timer;
    timer.start();
    auto sink = [&](const char *data, qsizetype size) -> Status {
        if (file.write(data, size) != size)
            return Error{ErrorCode::Io, Tr::tr("cannot write %1: %2").arg(layerFile, file.errorString())};
        if (Status fed = extractor.feed(data, size); !fed) {
            if (auto limit = budget.limitError(descriptor, extractor, fed.error()))
                return *limit;
            return fed.error().prefixed(Tr::tr("cannot extract layer %1").arg(item));
        }
        crashPointBytes("import.layer-bytes", size);
        return {};
    };
    auto progress = [&](qint64 done) {
        if (timer.elapsed() >= kProgressIntervalMs && done < descriptor.size) {
            timer.restart();
            job->reportProgress({Tr::tr("Extracting"), item, done, descriptor.size, QString()});
        }
    };
    auto read = reader.readBlob(descriptor, sink, progress, [job] { return job->isCancelRequested(); });
    if (!read) {
        extractor.cancel();
        if (read.error().code == ErrorCode::Cancelled)
            return read;
        return read.error().prefixed(context(source));
    }
    if (Status finished = extractor.finish(); !finished) {
        if (auto limit = budget.limitError(descriptor, extractor, finished.error()))
            return limit->prefixed(context(source));
        return finished.error().prefixed(context(source) + QStringLiteral(": ") +
                                         Tr::tr("cannot extract layer %1").arg(item));
    }
    budget.add(extractor);
    if (!file.flush())
        return Error{ErrorCode::Io, Tr::tr("cannot write %1: %2").arg(layerFile, file.errorString())};
    file.close();
    job->reportProgress({Tr::tr("Complete"), item, descriptor.size, descriptor.size, QString()});
    return {};
}

} // namespace

Result<BundleInfo> readBundleInfo(QIODevice *device, const QString &source)
{
    auto limits = StoreLimits::fromEnvironment();
    if (!limits)
        return limits.error();
    BundleReader reader(device, limits->maxBundleBytes);
    auto bundle = openBundle(reader, source);
    if (!bundle)
        return bundle.error();
    return bundle->info;
}

Result<BundleInfo> readBundleInfo(const QString &file)
{
    QFile device(file);
    if (!QFileInfo(file).isFile())
        return Error{ErrorCode::NotFound, Tr::tr("cannot import %1: no such file").arg(file)};
    if (!device.open(QIODevice::ReadOnly))
        return Error{ErrorCode::PermissionDenied, Tr::tr("cannot import %1: %2").arg(file, device.errorString())};
    return readBundleInfo(&device, file);
}

Job *readBundleInfoJob(const QString &file, QObject *parent)
{
    auto *job = new Job(Tr::tr("Read %1").arg(file), parent);
    // Header, manifest and config only: small reads.
    QTimer::singleShot(0, job, [job, file] {
        auto info = readBundleInfo(file);
        if (info)
            job->finishWith(QVariant::fromValue(*info));
        else
            job->failWith(info.error());
    });
    return job;
}

Result<QString> importPlugin(const Store &store, QIODevice *device, const QString &source, const Privileges &accepted,
                             const InstallOptions &options, const QString &runRoot, Job *job, QString *addedId)
{
    job->reportProgress({Tr::tr("Reading"), QString(), 0, 0, Tr::tr("Reading plugin bundle %1").arg(source)});
    auto limits = StoreLimits::fromEnvironment();
    if (!limits)
        return limits.error();
    BundleReader reader(device, limits->maxBundleBytes);
    auto bundle = openBundle(reader, source);
    if (!bundle)
        return bundle.error();
    const BundleInfo &info = bundle->info;
    if (auto refused = Privileges::refuseKernelMounts(info.config.mounts, info.name); !refused)
        return refused.error().prefixed(context(source));
    // Docker's validatePrivileges: what is imported must be what the person approved, before anything is written:
    // what the plugin will run with, the KEY=VALUE settings given with the import included.
    Settings settings = Settings::initial(info.config);
    if (auto applied = settings.apply(info.config, options.settings); !applied)
        return applied.error();
    if (!Privileges::effective(info.config, settings).sameAs(accepted))
        return Error{ErrorCode::PermissionDenied, QStringLiteral("incorrect privileges")};

    auto named = Reference::parse(info.name);
    if (!named)
        return named.error().prefixed(context(source));
    auto inventory = store.load();
    if (!inventory)
        return inventory.error();
    auto identity = PluginStaging::identityFor(inventory->plugins, *named, options.alias);
    if (!identity)
        return identity.error();
    identity->pluginReference =
        info.pluginReference.isEmpty() ? named->withDefaultTag().toString() : info.pluginReference;
    identity->settings = settings;
    // Before anything is written: the layers must fit the limits and the free space.
    UnpackBudget budget(*limits, store.root());
    if (Status fits = budget.checkDeclared(reader.manifest().layers); !fits)
        return fits.error().prefixed(context(source));

    auto staging =
        PluginStaging::begin(store, Tr::tr("import plugin %1").arg(identity->localName), QStringLiteral("import"));
    if (!staging)
        return staging.error();
    PluginStaging::Content content{reader.manifest(), bundle->configBytes, info.config, {}};
    for (int i = 0; i < reader.manifest().layers.size(); ++i) {
        const QString layerFile = (*staging)->filePath(QStringLiteral("layer-%1").arg(i));
        if (auto staged = stageLayer(reader, i, layerFile, (*staging)->rootfs(), budget, source, job); !staged)
            return staged.error();
        content.layerFiles.append(layerFile);
    }
    if (job->isCancelRequested())
        return Error{ErrorCode::Cancelled, Tr::tr("cancelled")};

    job->reportProgress(
        {Tr::tr("Committing"), QString(), 0, 0, Tr::tr("adding %1 to the store").arg(identity->localName)});
    auto committed = (*staging)->commitNew(content, *identity);
    if (!committed)
        return committed.error();
    (*staging)->close();
    crashPoint("import.committed");
    if (addedId)
        *addedId = committed->id;
    if (options.disable)
        return committed->name();
    return PluginStaging::enableInstalled(store, runRoot, *committed, job);
}

} // namespace core
