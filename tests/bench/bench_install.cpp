// Install against the peer and against the machine (issue 13, items 1 and 4). A plugin of FILES files of KIB KiB of
// random bytes (default 400 x 128 KiB: 54 MB that does not compress) is made with createPlugin and pushed to a
// loopback docker-registry. Then, ROUNDS times (default 3), in an order that rotates every round so that none is always
// first, each contender installs it once into folders of its own that nothing used before:
//  - Docker:   /usr/bin/docker plugin install --grant-all-permissions --disable REF, against Debian's dockerd started
//              for this round on its own data root, exec root, pid file and socket (and warmed up by installing and
//              removing a one-file plugin first)
//  - Plugdesk: plugdeskctl --root FRESH-STORE plugin install --grant-all-permissions --disable REF
//              (the real command-line program, LocalEngine inside it, as a person runs it)
//  - machine:  curl -s BLOB-URL | tee FIFO | gunzip | tar -x -C DIR, with sha256sum reading FIFO, all waited for
//  - durable:  the same keeping the blob in a file too (tee) and ending with `sync -f DIR` (syncfs), so writing the
//              same bytes as an install and making them durable as it does before it commits (Docker syncs nothing)
// Nothing installed is removed before the end of the run (see markTopDirectory()). Each run starts after a `sync` and
// once the machine was quiet for 100 ms (see settle()). Prints every time, the medians and the ratios Plugdesk/Docker
// and Plugdesk/machine, with the load average before and after; never fails on time. CPU time is printed beside each
// (for Docker: the client's plus what dockerd and its containerd used meanwhile), as the figure that a busy machine
// disturbs least.
//
// --memory MB: instead, one plugin whose single file is MB megabytes of random bytes (default 500, so one layer of
// about that size that does not compress), installed once by plugdeskctl; prints its peak RSS (wait4's ru_maxrss)
// and exits 1 when it is 64 MiB or more.
//
// Run: build/tests/bench/bench_install [--rounds N] [--files N] [--kib N] [--plugdeskctl PATH] [--also PATH]
//                                      [--memory [MB]]
// --also PATH times a second plugdeskctl (an older build, say) in the same rounds.
#include "common/measuredrun.h"
#include "common/testregistry.h"
#include "core/archive/layerdecoder.h"
#include "core/engine/createplugin.h"
#include "core/registry/registryclient.h"
#include "core/store/blobstore.h"

#include <QCoreApplication>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <linux/fs.h>
#include <map>
#include <memory>
#include <sys/ioctl.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using namespace core;

namespace {

constexpr qint64 kMemoryBoundKiB = 64 * 1024;

QString loadAverage()
{
    QFile file(u"/proc/loadavg"_s);
    if (!file.open(QIODevice::ReadOnly))
        return u"?"_s;
    return QString::fromLatin1(file.readAll()).section(u' ', 0, 2);
}

// Milliseconds the block devices were busy so far (io_ticks of every /sys/block/*/stat, summed).
qint64 diskBusyMs()
{
    qint64 busy = 0;
    const QStringList devices = QDir(u"/sys/block"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &device : devices) {
        QFile file(u"/sys/block/"_s + device + u"/stat"_s);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> fields = file.readAll().simplified().split(' ');
        if (fields.size() > 9)
            busy += fields.at(9).toLongLong();
    }
    return busy;
}

// The machine's busy and total jiffies so far (/proc/stat's first line; iowait counts as idle).
std::pair<qint64, qint64> cpuJiffies()
{
    QFile file(u"/proc/stat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return {0, 0};
    const QList<QByteArray> fields = file.readLine().simplified().split(' ');
    qint64 total = 0;
    qint64 idle = 0;
    for (qsizetype i = 1; i < fields.size() && i <= 8; ++i) {
        total += fields.at(i).toLongLong();
        if (i == 4 || i == 5)
            idle += fields.at(i).toLongLong();
    }
    return {total - idle, total};
}

// Waits (at most 5 s) until the machine was quiet for 100 ms: less than a tenth of its cores busy and the disks busy
// less than 5 ms, so that what a run left behind (dockerd starting, writeback) does not slow the next run.
void settle()
{
    QElapsedTimer waited;
    waited.start();
    while (waited.elapsed() < 5000) {
        const auto [busyBefore, totalBefore] = cpuJiffies();
        const qint64 diskBefore = diskBusyMs();
        ::usleep(100 * 1000);
        const auto [busyAfter, totalAfter] = cpuJiffies();
        const bool cpuQuiet =
            totalAfter <= totalBefore || double(busyAfter - busyBefore) / double(totalAfter - totalBefore) < 0.1;
        if (cpuQuiet && diskBusyMs() - diskBefore < 5)
            return;
    }
}

// Why nothing is removed during a run, and why the run's folder is marked a top directory.
// On ext4 without a journal (`/` of the machine these figures come from), the inode allocator skips every free inode
// removed between 1 and 60 seconds ago (300 more while its inode table block is not yet written back: kernel
// `recently_deleted`), scanning from the start of the block group for each new file, and the group is the one of the
// new file's folder. Removing one round's 1,600 files before the next made every later install pay for skipping them,
// more with every round (about 60 ms of system time per install by the fifth round, whoever installed). That cost
// depends on what ran before, not on the contender, and it weighs most on the fastest one. So every round installs into
// new folders and the run removes them all at its end; and FS_TOPDIR_FL on the run's folder makes ext4 place each
// round's folders in block groups of their own (its Orlov allocator), away from what an earlier run removed there.
// Journaled ext4 (the default of mkfs.ext4) never skips recently removed inodes.
void markTopDirectory(const QString &folder)
{
    const int fd = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    int flags = 0;
    bool marked = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
    if (marked && !(flags & FS_TOPDIR_FL)) {
        flags |= FS_TOPDIR_FL;
        marked = ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
    }
    const int error = errno;
    ::close(fd);
    if (!marked)
        std::printf("(the run's folder is not marked a top directory: %s)\n", std::strerror(error));
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

// The config.json of every plugin the bench makes: a volume driver never enabled here.
bool writePluginConfig(const QString &folder)
{
    return writeFile(folder + u"/config.json"_s,
                     R"({"description":"bench","interface":{"types":["docker.volumedriver/1.0"],"socket":"b.sock"},)"
                     R"("entrypoint":["/plugin"],"network":{"type":""}})");
}

bool writeRandomFile(const QString &path, qint64 size)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QByteArray chunk(qMin<qint64>(size, 4 << 20), Qt::Uninitialized);
    for (qint64 done = 0; done < size;) {
        const qint64 n = qMin<qint64>(chunk.size(), size - done);
        QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
        if (file.write(chunk.constData(), n) != n)
            return false;
        done += n;
    }
    return true;
}

template<typename T>
T waitFor(const std::function<void(QObject *, std::function<void(T)>)> &start)
{
    std::optional<T> result;
    QEventLoop loop;
    start(&loop, [&](T value) {
        result.emplace(std::move(value));
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}

// Makes the plugin from `folder` and pushes it as `reference`; the layer's digest and size, or an error text.
std::optional<Descriptor> makeAndPush(const QString &scratch, const QString &folder, const Reference &reference,
                                      QString *error)
{
    const Store source(scratch);
    auto plugin = createPlugin(source, u"bench/plugin"_s, folder, nullptr);
    if (!plugin) {
        *error = u"createPlugin: "_s + plugin.error().message;
        return std::nullopt;
    }
    const BlobStore blobs(source.blobsDir());
    RegistryClient client;
    for (const QString &digest : {plugin->configDigest, plugin->blobsums.first()}) {
        auto pushed = waitFor<Result<QString>>([&](QObject *context, std::function<void(Result<QString>)> done) {
            client.uploadBlobFile(reference.trimmed(), blobs.pathFor(digest), digest, context, {}, done);
        });
        if (!pushed) {
            *error = u"push: "_s + pushed.error().message;
            return std::nullopt;
        }
    }
    const QByteArray manifest = *blobs.read(plugin->manifestDigest, 1 << 20);
    auto put = waitFor<Result<QString>>([&](QObject *context, std::function<void(Result<QString>)> done) {
        client.putManifest(reference, Manifest::DockerManifest, manifest, context, done);
    });
    if (!put) {
        *error = u"manifest: "_s + put.error().message;
        return std::nullopt;
    }
    Descriptor layer;
    layer.digest = plugin->blobsums.first();
    layer.size = QFileInfo(blobs.pathFor(layer.digest)).size();
    return layer;
}

// Debian's dockerd on its own folders; stopped with the object.
class Dockerd final
{
public:
    explicit Dockerd(const QString &base)
        : m_base(base)
    {}
    ~Dockerd()
    {
        if (m_daemon.state() != QProcess::NotRunning) {
            m_daemon.terminate();
            if (!m_daemon.waitForFinished(20000))
                m_daemon.kill();
            m_daemon.waitForFinished(5000);
        }
    }

    bool start(QString *why)
    {
        if (!QFileInfo(u"/usr/sbin/dockerd"_s).isExecutable() || !QFileInfo(u"/usr/bin/docker"_s).isExecutable()) {
            *why = u"Debian's docker.io (/usr/sbin/dockerd, /usr/bin/docker) is not installed"_s;
            return false;
        }
        QDir().mkpath(m_base);
        m_daemon.setProcessChannelMode(QProcess::MergedChannels);
        m_daemon.setStandardOutputFile(m_base + u"/dockerd.log"_s);
        m_daemon.start(u"/usr/sbin/dockerd"_s, {u"--data-root"_s, m_base + u"/data"_s, u"--exec-root"_s,
                                                m_base + u"/exec"_s, u"--pidfile"_s, m_base + u"/pid"_s, u"-H"_s,
                                                u"unix://"_s + socket(), u"--bridge=none"_s, u"--iptables=false"_s});
        if (!m_daemon.waitForStarted(5000)) {
            *why = m_daemon.errorString();
            return false;
        }
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < 60000 && m_daemon.state() == QProcess::Running) {
            if (QFileInfo::exists(socket()) &&
                testutil::runMeasured({u"/usr/bin/docker"_s, u"version"_s}, environment(), m_base + u"/version"_s).ok())
                return true;
            QThread::msleep(200);
        }
        QFile log(m_base + u"/dockerd.log"_s);
        log.open(QIODevice::ReadOnly);
        *why = u"dockerd did not answer within 60 s: "_s + QString::fromUtf8(log.readAll().right(600));
        return false;
    }

    QString socket() const { return m_base + u"/docker.sock"_s; }
    // CPU seconds dockerd and the processes it started (containerd) have used so far.
    double cpuSeconds() const
    {
        const qint64 pid = m_daemon.processId();
        double total = testutil::processCpuSeconds(pid);
        QDirIterator tasks(QStringLiteral("/proc/%1/task").arg(pid), QDir::Dirs | QDir::NoDotAndDotDot);
        while (tasks.hasNext()) {
            QFile children(tasks.next() + u"/children"_s);
            if (!children.open(QIODevice::ReadOnly))
                continue;
            for (const QByteArray &child : children.readAll().split(' ')) {
                if (child.trimmed().toLongLong() > 0)
                    total += std::max(0.0, testutil::processCpuSeconds(child.trimmed().toLongLong()));
            }
        }
        return total;
    }
    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"DOCKER_HOST"_s, u"unix://"_s + socket());
        environment.insert(u"DOCKER_CONFIG"_s, m_base + u"/client"_s);
        return environment;
    }

private:
    QString m_base;
    QProcess m_daemon;
};

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

QProcessEnvironment plainEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"PLUGDESK_ROOT"_s);
    environment.remove(u"PLUGDESK_CRASH_AT"_s);
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    return environment;
}

QStringList plugdeskInstall(const QString &program, const QString &store, const QString &reference)
{
    return {program,           u"--root"_s, store,        u"--run"_s,
            store + u"-run"_s, u"plugin"_s, u"install"_s, u"--grant-all-permissions"_s,
            u"--disable"_s,    reference};
}

// Files and bytes under `folder`.
std::pair<int, qint64> treeSize(const QString &folder)
{
    int files = 0;
    qint64 bytes = 0;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++files;
        bytes += it.fileInfo().size();
    }
    return {files, bytes};
}

int memoryMode(const QString &plugdeskctl, qint64 megabytes)
{
    QTemporaryDir dir(QDir::tempPath() + u"/bench-install-memory-XXXXXX"_s);
    testutil::TestRegistry registry;
    QString error;
    if (!registry.start({}, &error)) {
        std::fprintf(stderr, "cannot start docker-registry: %s\n", qPrintable(error));
        return 2;
    }
    const QString folder = dir.filePath(u"folder"_s);
    writePluginConfig(folder);
    std::printf("making a plugin with one file of %lld MB of random bytes (one layer that does not compress)...\n",
                megabytes);
    std::fflush(stdout);
    if (!writeRandomFile(folder + u"/rootfs/big"_s, megabytes * 1000 * 1000)) {
        std::fprintf(stderr, "cannot write the big file\n");
        return 2;
    }
    const Reference reference = *Reference::parse(registry.host() + u"/bench/big:latest"_s);
    auto layer = makeAndPush(dir.filePath(u"scratch"_s), folder, reference, &error);
    QDir(folder).removeRecursively();
    QDir(dir.filePath(u"scratch"_s)).removeRecursively();
    if (!layer) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    ::sync();
    const QString load = loadAverage();
    const auto run = testutil::runMeasured(plugdeskInstall(plugdeskctl, dir.filePath(u"store"_s), reference.toString()),
                                           plainEnvironment(), dir.filePath(u"install"_s));
    if (!run.ok()) {
        std::fprintf(stderr, "plugdeskctl failed (%d): %s\n", run.exitCode, run.err.constData());
        return 2;
    }
    const auto [files, bytes] = treeSize(dir.filePath(u"store/plugins"_s));
    std::printf("layer blob %.1f MB (gzip, inflated by %s); installed %d files, %.1f MB; load %s\n", layer->size / 1e6,
                LayerDecoder::gzipEngine(), files, bytes / 1e6, qPrintable(load));
    std::printf("plugdeskctl install --disable: %.2f s, peak RSS %.1f MiB (bound %lld MiB)\n", run.seconds,
                run.maxRssKiB / 1024.0, kMemoryBoundKiB / 1024);
    return run.maxRssKiB < kMemoryBoundKiB ? 0 : 1;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QStringList args = app.arguments();
    args.removeFirst();
    int rounds = 3;
    int files = 400;
    qint64 kib = 128;
    QString plugdeskctl = QStringLiteral(PLUGDESKCTL);
    QString also;
    qint64 memory = 0;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args.at(i);
        const QString next = args.value(i + 1);
        bool number = false;
        next.toLongLong(&number);
        if (arg == u"--rounds"_s && number)
            rounds = args.at(++i).toInt();
        else if (arg == u"--files"_s && number)
            files = args.at(++i).toInt();
        else if (arg == u"--kib"_s && number)
            kib = args.at(++i).toLongLong();
        else if (arg == u"--plugdeskctl"_s && !next.isEmpty())
            plugdeskctl = args.at(++i);
        else if (arg == u"--also"_s && !next.isEmpty())
            also = args.at(++i);
        else if (arg == u"--memory"_s)
            memory = number ? args.at(++i).toLongLong() : 500;
        else {
            std::fprintf(stderr,
                         "usage: bench_install [--rounds N] [--files N] [--kib N] [--plugdeskctl PATH] [--also PATH] "
                         "[--memory [MB]]\n");
            return 2;
        }
    }
    qputenv("PLUGDESK_INSECURE_REGISTRIES", "");
    if (memory > 0)
        return memoryMode(plugdeskctl, memory);

    QTemporaryDir dir(QDir::tempPath() + u"/bench-install-XXXXXX"_s);
    testutil::TestRegistry registry;
    QString error;
    if (!registry.start({}, &error)) {
        std::fprintf(stderr, "cannot start docker-registry: %s\n", qPrintable(error));
        return 2;
    }
    const QString folder = dir.filePath(u"folder"_s);
    writePluginConfig(folder);
    for (int i = 0; i < files; ++i) {
        if (!writeRandomFile(folder + QStringLiteral("/rootfs/d%1/f%2").arg(i % 16).arg(i), kib * 1024)) {
            std::fprintf(stderr, "cannot write the plugin folder\n");
            return 2;
        }
    }
    const Reference reference = *Reference::parse(registry.host() + u"/bench/plugin:latest"_s);
    auto layer = makeAndPush(dir.filePath(u"scratch"_s), folder, reference, &error);
    if (!layer) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    const QString blobUrl = QStringLiteral("http://%1/v2/bench/plugin/blobs/%2").arg(registry.host(), layer->digest);
    // What warms up each round's dockerd: a plugin of one small file.
    const QString tinyFolder = dir.filePath(u"tiny"_s);
    writePluginConfig(tinyFolder);
    writeFile(tinyFolder + u"/rootfs/plugin"_s, "tiny");
    const Reference tiny = *Reference::parse(registry.host() + u"/bench/tiny:latest"_s);
    if (!makeAndPush(dir.filePath(u"scratch-tiny"_s), tinyFolder, tiny, &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }

    // Every install goes into folders of its own under `work`, all removed with the run (see markTopDirectory()).
    const QString work = dir.filePath(u"work"_s);
    QDir().mkpath(work);
    markTopDirectory(work);
    const QString out = dir.filePath(u"out"_s);
    QDir().mkpath(out);
    int serial = 0;
    auto fresh = [&](const QString &what) { return QStringLiteral("%1/%2-%3").arg(work, what).arg(++serial); };

    // Each contender installs once per round: wall and CPU seconds, or nothing when it failed.
    struct Time
    {
        double seconds = 0;
        double cpu = 0;
    };
    auto plugdesk = [&](const QString &program) -> std::optional<Time> {
        const QString store = fresh(u"store"_s);
        const auto run = testutil::runMeasured(plugdeskInstall(program, store, reference.toString()),
                                               plainEnvironment(), out + u"/plugdesk"_s);
        if (!run.ok()) {
            std::fprintf(stderr, "%s failed (%d): %s\n", qPrintable(program), run.exitCode, run.err.constData());
            return std::nullopt;
        }
        const auto [installed, bytes] = treeSize(store + u"/plugins"_s);
        if (installed < files)
            std::fprintf(stderr, "%s installed only %d files\n", qPrintable(program), installed);
        return Time{run.seconds, run.cpuSeconds};
    };

    // Docker: a dockerd of its own for each round, started (and warmed up) before the round's settle().
    std::unique_ptr<Dockerd> dockerd;
    auto docker = [&](const QStringList &arguments, const QString &output) {
        return testutil::runMeasured(QStringList{u"/usr/bin/docker"_s} + arguments, dockerd->environment(), output);
    };
    auto startDockerd = [&](QString *why) {
        dockerd.reset(); // the previous round's, stopped
        dockerd = std::make_unique<Dockerd>(fresh(u"dockerd"_s));
        if (!dockerd->start(why))
            return false;
        const QStringList install{u"plugin"_s, u"install"_s, u"--grant-all-permissions"_s, u"--disable"_s,
                                  tiny.toString()};
        if (const auto run = docker(install, out + u"/docker-warm"_s); !run.ok()) {
            *why = u"docker plugin install of the warm-up plugin failed: "_s + QString::fromUtf8(run.err);
            return false;
        }
        docker({u"plugin"_s, u"rm"_s, u"-f"_s, tiny.toString()}, out + u"/docker-warm-rm"_s);
        return true;
    };
    QString dockerWhy;
    const bool haveDocker = startDockerd(&dockerWhy);
    if (!haveDocker)
        std::printf("Docker is left out: %s\n", qPrintable(dockerWhy));
    bool dockerUsed = false; // whether the dockerd running installed the big plugin: the next round needs a new one
    auto dockerPrepare = [&]() -> bool {
        if (!dockerUsed)
            return true;
        QString why;
        if (!startDockerd(&why)) {
            std::fprintf(stderr, "dockerd: %s\n", qPrintable(why));
            return false;
        }
        dockerUsed = false;
        return true;
    };
    auto dockerInstall = [&]() -> std::optional<Time> {
        dockerUsed = true;
        const double daemonBefore = dockerd->cpuSeconds();
        const auto run =
            docker({u"plugin"_s, u"install"_s, u"--grant-all-permissions"_s, u"--disable"_s, reference.toString()},
                   out + u"/docker"_s);
        const double daemon = dockerd->cpuSeconds() - daemonBefore;
        if (!run.ok()) {
            std::fprintf(stderr, "docker plugin install failed (%d): %s\n", run.exitCode, run.err.constData());
            return std::nullopt;
        }
        return Time{run.seconds, run.cpuSeconds + daemon};
    };
    // durable: also keep the blob in a file and end with `sync -f` (syncfs) of the file system, as an install does
    // before it commits: the same bytes written and made durable, so the disk's share shows.
    auto machine = [&](bool durable) -> std::optional<Time> {
        const QString target = fresh(durable ? u"durable"_s : u"machine"_s);
        QDir().mkpath(target);
        const QString keep = durable ? QStringLiteral("| tee '%1/blob' ").arg(target) : QString();
        const QString script =
            QStringLiteral("set -e; fifo='%1/sum.fifo'; rm -f \"$fifo\"; mkfifo \"$fifo\"; "
                           "sha256sum < \"$fifo\" > '%1/sum' & hashing=$!; "
                           "curl -sf '%2' | tee \"$fifo\" %4| gunzip | tar -x -C '%3'; "
                           "wait $hashing%5")
                .arg(out, blobUrl, target, keep, durable ? QStringLiteral("; sync -f '%1'").arg(target) : QString());
        const auto run =
            testutil::runMeasured({u"/bin/bash"_s, u"-c"_s, script}, plainEnvironment(), out + u"/machine"_s);
        if (!run.ok()) {
            std::fprintf(stderr, "the pipeline failed (%d): %s\n", run.exitCode, run.err.constData());
            return std::nullopt;
        }
        return Time{run.seconds, run.cpuSeconds};
    };

    struct Contender
    {
        QString name;
        std::function<std::optional<Time>()> install;
        std::function<bool()> prepare; // before the settle() ahead of each install, when set
        QList<double> seconds;
        QList<double> cpu;
    };
    std::vector<Contender> contenders;
    if (haveDocker)
        contenders.push_back({u"docker"_s, dockerInstall, dockerPrepare, {}, {}});
    contenders.push_back({u"plugdesk"_s, [&] { return plugdesk(plugdeskctl); }, {}, {}, {}});
    if (!also.isEmpty())
        contenders.push_back({u"also"_s, [&] { return plugdesk(also); }, {}, {}, {}});
    contenders.push_back({u"machine"_s, [&] { return machine(false); }, {}, {}, {}});
    contenders.push_back({u"durable"_s, [&] { return machine(true); }, {}, {}, {}});

    // A warm-up round, not counted: the registry's files and the programs in the page cache.
    for (Contender &contender : contenders) {
        if ((contender.prepare && !contender.prepare()) || !contender.install())
            return 1;
    }

    const QString loadBefore = loadAverage();
    for (int round = 0; round < rounds; ++round) {
        std::printf("round %d:", round + 1);
        for (size_t k = 0; k < contenders.size(); ++k) {
            Contender &contender = contenders.at((k + size_t(round)) % contenders.size());
            if (contender.prepare && !contender.prepare())
                return 1;
            ::sync();
            settle();
            const auto time = contender.install();
            if (!time)
                return 1;
            contender.seconds.append(time->seconds);
            contender.cpu.append(time->cpu);
            std::printf("  %s %.0f ms (cpu %.0f ms)", qPrintable(contender.name), time->seconds * 1000,
                        time->cpu * 1000);
            std::fflush(stdout);
        }
        std::printf("\n");
    }
    const QString loadAfter = loadAverage();

    std::printf("plugin: %d files x %lld KiB of random bytes; layer blob %.1f MB (gzip); Plugdesk inflates with %s\n",
                files, kib, layer->size / 1e6, LayerDecoder::gzipEngine());
    std::printf("load average before %s, after %s; %ld cores\n", qPrintable(loadBefore), qPrintable(loadAfter),
                ::sysconf(_SC_NPROCESSORS_ONLN));
    std::map<QString, double> medians;
    std::map<QString, double> cpu;
    for (const Contender &contender : contenders) {
        medians[contender.name] = median(contender.seconds);
        cpu[contender.name] = median(contender.cpu);
        std::printf("median %-9s %6.0f ms   cpu %6.0f ms\n", qPrintable(contender.name), medians[contender.name] * 1000,
                    cpu[contender.name] * 1000);
    }
    auto ratio = [&](const QString &a, const QString &b, const char *bound) {
        std::printf("ratio %s/%s: %.2f%s   (cpu %.2f)\n", qPrintable(a), qPrintable(b), medians[a] / medians[b], bound,
                    cpu[a] / cpu[b]);
    };
    if (haveDocker)
        ratio(u"plugdesk"_s, u"docker"_s, " (must be <= 0.4)");
    ratio(u"plugdesk"_s, u"machine"_s, " (must be <= 1.2)");
    ratio(u"plugdesk"_s, u"durable"_s, " (the machine keeping the blob too and syncing the file system at the end)");
    if (haveDocker)
        ratio(u"durable"_s, u"docker"_s, " (the machine's durable pipeline against Docker, which syncs nothing)");
    if (!also.isEmpty())
        ratio(u"plugdesk"_s, u"also"_s, "");
    return 0;
}
