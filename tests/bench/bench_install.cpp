// Install throughput: a generated plugin with >= 64 MiB of rootfs in several hundred files (half random, half
// compressible), made with createPlugin, pushed to a local docker-registry, then installed with LocalEngine; in the
// same run, `curl -s BLOB_URL | tar -xz -C DIR` of the same layer blob as the yardstick. Prints figures; never fails
// on time. Run: build/tests/bench/bench_install [files] [KiB per file]
#include "common/testregistry.h"
#include "core/engine/createplugin.h"
#include "core/engine/localengine.h"
#include "core/registry/registryclient.h"
#include "core/store/blobstore.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <cstdio>
#include <cstring>

using namespace Qt::StringLiterals;

using namespace core;

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

Result<QString> upload(RegistryClient &client, const Reference &reference, const QByteArray &data)
{
    std::optional<Result<QString>> result;
    QEventLoop loop;
    client.uploadBlob(reference.trimmed(), data, &loop, [&](Result<QString> r) {
        result.emplace(std::move(r));
        loop.quit();
    });
    if (!result)
        loop.exec();
    return *result;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int files = args.size() > 1 ? args.at(1).toInt() : 400;
    const qint64 fileSize = (args.size() > 2 ? args.at(2).toLongLong() : 170) * 1024;
    qputenv("PLUGDESK_INSECURE_REGISTRIES", "");
    QTemporaryDir dir;
    testutil::TestRegistry registry;
    QString error;
    if (!registry.start({}, &error)) {
        std::fprintf(stderr, "cannot start docker-registry: %s\n", qPrintable(error));
        return 1;
    }

    // The plugin folder: half random files, half compressible text.
    const QString folder = dir.filePath(u"folder"_s);
    writeFile(folder + u"/config.json"_s,
              R"({"description":"bench","interface":{"types":["docker.volumedriver/1.0"],"socket":"b.sock"},)"
              R"("entrypoint":["/plugin"],"network":{"type":""}})");
    qint64 rootfsBytes = 0;
    for (int i = 0; i < files; ++i) {
        QByteArray data(fileSize, Qt::Uninitialized);
        if (i % 2 == 0) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(data.data()), fileSize / 4);
        } else {
            const QByteArray line =
                QStringLiteral("line %1 of a compressible plugin file, with some words\n").arg(i).toUtf8();
            for (qint64 at = 0; at < fileSize; at += line.size())
                std::memcpy(data.data() + at, line.constData(), size_t(qMin<qint64>(line.size(), fileSize - at)));
        }
        writeFile(folder + QStringLiteral("/rootfs/d%1/f%2").arg(i % 16).arg(i), data);
        rootfsBytes += data.size();
    }
    const Store source(dir.filePath(u"source"_s));
    QElapsedTimer timer;
    timer.start();
    auto plugin = createPlugin(source, u"bench/plugin"_s, folder, nullptr);
    if (!plugin) {
        std::fprintf(stderr, "createPlugin: %s\n", qPrintable(plugin.error().message));
        return 1;
    }
    const double createSeconds = timer.elapsed() / 1000.0;
    const BlobStore blobs(source.blobsDir());
    const QByteArray layer = *blobs.read(plugin->blobsums.first(), qint64(1) << 34);
    const QByteArray config = *blobs.read(plugin->configDigest, 1 << 20);
    const QByteArray manifest = *blobs.read(plugin->manifestDigest, 1 << 20);

    const Reference reference = *Reference::parse(registry.host() + u"/bench/plugin:latest"_s);
    RegistryClient client;
    for (const QByteArray &blob : {config, layer}) {
        if (auto pushed = upload(client, reference, blob); !pushed) {
            std::fprintf(stderr, "push: %s\n", qPrintable(pushed.error().message));
            return 1;
        }
    }
    {
        QEventLoop loop;
        bool ok = false;
        client.putManifest(reference, Manifest::DockerManifest, manifest, &loop, [&](Result<QString> r) {
            ok = r.ok();
            if (!r)
                std::fprintf(stderr, "manifest: %s\n", qPrintable(r.error().message));
            loop.quit();
        });
        loop.exec();
        if (!ok)
            return 1;
    }

    // Plugdesk: privileges are none; install without enabling.
    LocalEngine engine({dir.filePath(u"store"_s), dir.filePath(u"run"_s), false});
    timer.restart();
    Job *job = engine.install(reference.toString(), Privileges(), InstallOptions{{}, true, {}});
    job->waitForFinished();
    const double installSeconds = timer.elapsed() / 1000.0;
    if (job->error()) {
        std::fprintf(stderr, "install: %s\n", qPrintable(job->error()->message));
        return 1;
    }

    // The yardstick: curl piped into tar.
    const QString target = dir.filePath(u"tar-target"_s);
    QDir().mkpath(target);
    const QString url =
        QStringLiteral("http://%1/v2/bench/plugin/blobs/%2").arg(registry.host(), plugin->blobsums.first());
    QProcess shell;
    timer.restart();
    shell.start(QStringLiteral("/bin/sh"),
                {QStringLiteral("-c"), QStringLiteral("curl -sf '%1' | tar -xz -C '%2'").arg(url, target)});
    shell.waitForFinished(-1);
    const double tarSeconds = timer.elapsed() / 1000.0;
    if (shell.exitCode() != 0) {
        std::fprintf(stderr, "curl | tar failed: %s\n", shell.readAllStandardError().constData());
        return 1;
    }

    const double mb = rootfsBytes / 1e6;
    std::printf("rootfs: %d files, %.1f MB; layer blob %.1f MB (gzip); create %.2f s\n", files, mb, layer.size() / 1e6,
                createSeconds);
    std::printf("plugdesk install:  %.2f s  %.1f MB/s (rootfs)  %.1f MB/s (blob)\n", installSeconds,
                mb / installSeconds, layer.size() / 1e6 / installSeconds);
    std::printf("curl | tar -xz:    %.2f s  %.1f MB/s (rootfs)  %.1f MB/s (blob)\n", tarSeconds, mb / tarSeconds,
                layer.size() / 1e6 / tarSeconds);
    std::printf("ratio install / curl|tar: %.2f\n", installSeconds / tarSeconds);
    return 0;
}
