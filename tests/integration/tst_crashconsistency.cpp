// Kill-at-any-point: the real plugdeskctl, against a real docker-registry on loopback, is sent SIGKILL by its own
// crash points (core/base/crashpoint.h, PLUGDESK_CRASH_AT=<point>:<N>) during install, upgrade, import, set, rm and
// `plugin create`. Each row is one (verb, point, N). After each kill the test checks that plugdeskctl really died by
// SIGKILL there, starts plugdeskctl again (its start-up sweep), and checks that the store is exactly the state before
// the verb or exactly the state the verb makes when nothing kills it, that plugins.json reads with no problem, that no
// staging or temp leftover remains, that no container, mount or process is left behind, and, when the store is the
// old state, that the same verb then succeeds and gives the new state.
//
// A state (snapshot()) is the store's tree with plugin ids replaced by plugin names (install, import and create
// choose random ids): every file's path, mode and sha256, every folder and link, and plugins.json as its records
// without their ids. Blobs, rootfs files, config.json and plugin-config.json are all in it.
#include "common/enginewait.h"
#include "common/pluginfixture.h"
#include "common/privatebus.h"
#include "common/testregistry.h"
#include "common/testutil.h"
#include "core/helper/helperengine.h"
#include "core/helper/helperprotocol.h"
#include "core/runtime/monitorlauncher.h"
#include "core/runtime/pluginrunner.h"
#include "core/runtime/runlayout.h"
#include "core/store/store.h"

#include <QDirIterator>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/stat.h>
#include <unistd.h>

namespace {

struct Run
{
    QProcess::ExitStatus exitStatus = QProcess::NormalExit;
    int code = -1; // the exit code, or the signal that ended it
    QString out;
    QString err;
};

// The verbs, each from a base store (see initTestCase).
enum class Verb { Install, Upgrade, Set, Remove, Create, Import };

} // namespace

Q_DECLARE_METATYPE(Verb)

class TestCrashConsistency : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir{QStringLiteral("/tmp/pdcrash-XXXXXX")};
    testutil::TestRegistry m_registry;
    QString m_v1;                   // the registry's plugin, first version
    QString m_v2;                   // and second
    QString m_folder;               // a plugin folder for `plugin create`
    QString m_bundle;               // an exported bundle of v1 for `plugin import`
    QMap<Verb, QString> m_base;     // the store each verb starts from
    QMap<Verb, QString> m_oldState; // snapshot() of that store
    QMap<Verb, QString> m_newState; // snapshot() after the verb ran undisturbed
    int m_rows = 0;

    Run ctl(const QString &store, const QStringList &arguments, const QByteArray &crashAt = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        environment.insert(QStringLiteral("DOCKER_CONFIG"), m_dir.filePath(QStringLiteral("docker")));
        environment.insert(QStringLiteral("PLUGDESK_LOCK_TIMEOUT"), QStringLiteral("5"));
        environment.remove(QStringLiteral("PLUGDESK_ROOT"));
        environment.remove(QStringLiteral("PLUGDESK_CRASH_TRACE"));
        if (crashAt.isEmpty())
            environment.remove(QStringLiteral("PLUGDESK_CRASH_AT"));
        else
            environment.insert(QStringLiteral("PLUGDESK_CRASH_AT"), QString::fromLatin1(crashAt));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(PLUGDESKCTL),
                      QStringList{QStringLiteral("--root"), store, QStringLiteral("--run"), runRoot(store)} +
                          arguments);
        process.write("y\n");
        process.closeWriteChannel();
        if (!process.waitForFinished(120000)) {
            process.kill();
            process.waitForFinished();
        }
        return {process.exitStatus(), process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    static QString runRoot(const QString &store) { return store + QStringLiteral("-run"); }

    QStringList argumentsFor(Verb verb) const
    {
        switch (verb) {
        case Verb::Install:
            return {QStringLiteral("plugin"), QStringLiteral("install"), QStringLiteral("--disable"), m_v1};
        case Verb::Upgrade:
            return {QStringLiteral("plugin"), QStringLiteral("upgrade"), m_v1, m_v2};
        case Verb::Set:
            return {QStringLiteral("plugin"), QStringLiteral("set"), m_v1, QStringLiteral("MODE=changed")};
        case Verb::Remove:
            return {QStringLiteral("plugin"), QStringLiteral("rm"), m_v1};
        case Verb::Create:
            return {QStringLiteral("plugin"), QStringLiteral("create"), QStringLiteral("local/made"), m_folder};
        case Verb::Import:
            return {QStringLiteral("plugin"), QStringLiteral("import"), QStringLiteral("--disable"), m_bundle};
        }
        return {};
    }

    // A rootfs of a few hundred kilobytes that does not compress, so a layer arrives in many pieces.
    static bool writeFolder(const QString &folder, int variant)
    {
        QByteArray payload(384 * 1024, Qt::Uninitialized);
        QRandomGenerator random{quint32(variant)};
        random.fillRange(reinterpret_cast<quint32 *>(payload.data()), payload.size() / 4);
        const QString rootfs = folder + QStringLiteral("/rootfs");
        return testutil::writeFile(
                   folder + QStringLiteral("/config.json"),
                   "{\"description\": \"Crash test\", \"entrypoint\": [\"/plugin\"],"
                   " \"interface\": {\"types\": [\"docker.volumedriver/1.0\"], \"socket\": \"crash.sock\"},"
                   " \"env\": [{\"name\": \"MODE\", \"value\": \"plain\", \"settable\": [\"value\"]}]}") &&
               QDir().mkpath(rootfs + QStringLiteral("/run/docker/plugins")) &&
               testutil::writeFile(rootfs + QStringLiteral("/plugin"), payload) &&
               ::chmod(QFile::encodeName(rootfs + QStringLiteral("/plugin")).constData(), 0755) == 0 &&
               testutil::writeFile(rootfs + QStringLiteral("/etc/variant"), QByteArray::number(variant)) &&
               testutil::writeFile(rootfs + QStringLiteral("/etc/a/b/c/deep"), "deep\n");
    }

    // The store's state with ids replaced by names, as one text (a failure prints it).
    static QString snapshot(const QString &store)
    {
        const core::Store layout(store);
        QMap<QString, QString> names; // id -> name
        QStringList lines;
        const QByteArray inventory = testutil::readFile(layout.inventoryPath());
        const QJsonObject entries = QJsonDocument::fromJson(inventory).object();
        for (auto it = entries.constBegin(); it != entries.constEnd(); ++it) {
            QJsonObject record = it.value().toObject().value(QStringLiteral("plugin")).toObject();
            const QString name = record.value(QStringLiteral("Name")).toString() + QLatin1Char(':') +
                                 record.value(QStringLiteral("Tag")).toString();
            names.insert(it.key(), name);
            record.remove(QStringLiteral("Id"));
            lines.append(QStringLiteral("inventory %1 %2")
                             .arg(name, QString::fromUtf8(QJsonDocument(record).toJson(QJsonDocument::Compact))));
        }
        const auto files = testutil::snapshot(store);
        for (auto it = files.constBegin(); it != files.constEnd(); ++it) {
            QString path = it.key();
            if (path == QLatin1String("plugins/plugins.json") || path.startsWith(QLatin1String(".lock")) ||
                path == QLatin1String("tmp") || path == QLatin1String("plugins") || path == QLatin1String("blobs") ||
                path == QLatin1String("blobs/sha256"))
                continue;
            for (auto id = names.constBegin(); id != names.constEnd(); ++id)
                path.replace(QStringLiteral("plugins/") + id.key(), QStringLiteral("plugins/<") + id.value() + u'>');
            lines.append(path + QLatin1Char(' ') + it.value());
        }
        lines.sort();
        return lines.join(QLatin1Char('\n'));
    }

    // What a sweep must leave no trace of.
    static QStringList leftovers(const QString &store)
    {
        static const QRegularExpression kinds(QStringLiteral(
            "(\\.tmp-[A-Za-z0-9]{6}$|-removing$|^rootfs-old$|^\\.upgrade-to$|^\\.plugins\\.json\\.next$)"));
        QStringList found;
        QDirIterator it(store, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            it.next();
            const QString relative = QDir(store).relativeFilePath(it.filePath());
            if (kinds.match(it.fileName()).hasMatch() || relative.startsWith(QLatin1String("tmp/")))
                found.append(relative);
        }
        return found;
    }

    // Containers in the run root, mounts under the store, processes naming the store or its run root.
    static QStringList runtimeLeftovers(const QString &store)
    {
        QStringList found;
        const QString runc = runRoot(store) + QStringLiteral("/runc");
        if (QFileInfo::exists(runc)) {
            QProcess list;
            list.start(QStringLiteral("runc"),
                       {QStringLiteral("--root"), runc, QStringLiteral("list"), QStringLiteral("-q")});
            list.waitForFinished(30000);
            const QString ids = QString::fromUtf8(list.readAllStandardOutput()).trimmed();
            if (!ids.isEmpty())
                found.append(QStringLiteral("container ") + ids);
        }
        const QByteArray mounts = testutil::readFile(QStringLiteral("/proc/self/mountinfo"));
        for (const QByteArray &line : mounts.split('\n')) {
            if (line.contains(QFile::encodeName(store)))
                found.append(QStringLiteral("mount ") + QString::fromLocal8Bit(line));
        }
        for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            if (pid.toInt() <= 0)
                continue;
            QByteArray cmdline = testutil::readFile(QStringLiteral("/proc/%1/cmdline").arg(pid));
            cmdline.replace('\0', ' ');
            if (cmdline.contains(QFile::encodeName(store)))
                found.append(QStringLiteral("process %1: %2").arg(pid, QString::fromLocal8Bit(cmdline)));
        }
        return found;
    }

    QString freshStore(Verb verb, const QString &name)
    {
        const QString store = m_dir.filePath(name);
        QDir(store).removeRecursively();
        QDir(runRoot(store)).removeRecursively();
        if (!testutil::copyTree(m_base.value(verb), store))
            return {};
        return store;
    }

    static void addRows(Verb verb, const char *verbName, const QList<QPair<QByteArray, int>> &points)
    {
        for (const auto &[point, count] : points) {
            const QByteArray crashAt = point + ':' + QByteArray::number(count);
            QTest::addRow("%s %s", verbName, crashAt.constData()) << verb << crashAt;
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_registry.start({}, &error), qPrintable(error));
        m_v1 = m_registry.host() + QStringLiteral("/crash:v1");
        m_v2 = m_registry.host() + QStringLiteral("/crash:v2");

        // Both versions made with `plugin create` and pushed, from a scratch store.
        const QString scratch = m_dir.filePath(QStringLiteral("scratch"));
        m_folder = m_dir.filePath(QStringLiteral("folder1"));
        QVERIFY(writeFolder(m_folder, 1));
        QVERIFY(writeFolder(m_dir.filePath(QStringLiteral("folder2")), 2));
        for (const auto &[name, folder] :
             {std::pair{m_v1, m_folder}, std::pair{m_v2, m_dir.filePath(QStringLiteral("folder2"))}}) {
            Run run = ctl(scratch, {QStringLiteral("plugin"), QStringLiteral("create"), name, folder});
            QVERIFY2(run.code == 0, qPrintable(run.err));
            run = ctl(scratch, {QStringLiteral("plugin"), QStringLiteral("push"), name});
            QVERIFY2(run.code == 0, qPrintable(run.err));
        }
        m_bundle = m_dir.filePath(QStringLiteral("v1.zip"));
        Run run = ctl(scratch, {QStringLiteral("plugin"), QStringLiteral("export"), m_v1, m_bundle});
        QVERIFY2(run.code == 0, qPrintable(run.err));

        // The base stores: empty, and one with v1 installed (disabled).
        const QString empty = m_dir.filePath(QStringLiteral("base-empty"));
        QVERIFY(QDir().mkpath(empty));
        const QString withV1 = m_dir.filePath(QStringLiteral("base-v1"));
        QVERIFY(QDir().mkpath(withV1));
        run = ctl(withV1, {QStringLiteral("plugin"), QStringLiteral("install"), QStringLiteral("--disable"), m_v1});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        m_base = {{Verb::Install, empty}, {Verb::Import, empty},  {Verb::Upgrade, withV1},
                  {Verb::Set, withV1},    {Verb::Remove, withV1}, {Verb::Create, withV1}};
        for (auto it = m_base.constBegin(); it != m_base.constEnd(); ++it) {
            const QString store = freshStore(it.key(), QStringLiteral("reference"));
            QVERIFY(!store.isEmpty());
            m_oldState.insert(it.key(), snapshot(store));
            run = ctl(store, argumentsFor(it.key()));
            QVERIFY2(run.code == 0, qPrintable(run.err));
            m_newState.insert(it.key(), snapshot(store));
            QVERIFY2(m_newState.value(it.key()) != m_oldState.value(it.key()), "the verb changed nothing");
            QVERIFY2(leftovers(store).isEmpty(), qPrintable(leftovers(store).join(u'\n')));
        }
    }

    // The helper killed mid-job: plugdesk-helper on a private bus runs an install for this process (HelperEngine)
    // and dies by its crash point; a new helper (its start-up sweep) must find the old or the new state, and an
    // install through it must succeed.
    void helperKilledMidJob_data()
    {
        QTest::addColumn<QByteArray>("crashAt");
        for (const char *crashAt : {"install.layer-bytes:100000", "staging.blob-stored:2", "staging.rootfs-moved:1",
                                    "store.journal-written:1", "store.plugin-files-written:1",
                                    "store.inventory-renamed:1", "install.committed:1"})
            QTest::newRow(crashAt) << QByteArray(crashAt);
    }

    void helperKilledMidJob()
    {
        QFETCH(QByteArray, crashAt);
        if (::geteuid() != 0)
            QSKIP("needs root: the helper's name is root's on the bus");
        ++m_rows;
        const QString store = freshStore(Verb::Install, QStringLiteral("helper-row"));
        QVERIFY(!store.isEmpty());
        const QString busFolder = m_dir.filePath(QStringLiteral("bus"));
        QDir(busFolder).removeRecursively();
        QVERIFY(QDir().mkpath(busFolder));
        testutil::PrivateBus bus;
        const QString why = bus.start(busFolder);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const core::InstallOptions options{QString(), true, {}};

        QProcess helper;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("PLUGDESK_CRASH_AT"), QString::fromLatin1(crashAt));
        environment.insert(QStringLiteral("DOCKER_CONFIG"), m_dir.filePath(QStringLiteral("docker")));
        helper.setProcessEnvironment(environment);
        helper.setProcessChannelMode(QProcess::ForwardedChannels);
        helper.start(QStringLiteral(PLUGDESK_HELPER), {QStringLiteral("--bus"), bus.address(), QStringLiteral("--root"),
                                                       store, QStringLiteral("--run"), runRoot(store)});
        QVERIFY(helper.waitForStarted(5000));
        QVERIFY(testutil::waitForName(bus.address(), core::HelperProtocol::serviceName()));
        {
            core::HelperEngine engine({bus.address(), {}});
            QCOMPARE(testutil::ready(engine), QString());
            engine.install(m_v1, core::Privileges{}, options);
            // The event loop runs meanwhile: the engine's side of the job is asynchronous.
            QTRY_VERIFY_WITH_TIMEOUT(helper.state() == QProcess::NotRunning, 60000);
        }
        QVERIFY2(helper.exitStatus() == QProcess::CrashExit && helper.exitCode() == SIGKILL,
                 qPrintable(QStringLiteral("the helper was not killed at %1 (exit %2)")
                                .arg(QString::fromLatin1(crashAt))
                                .arg(helper.exitCode())));

        // A new helper: its start-up sweep, then the state, then an install through it.
        testutil::HelperProcess next;
        QVERIFY(next.start(QStringLiteral(PLUGDESK_HELPER), bus.address(), store, runRoot(store)));
        {
            core::HelperEngine engine({bus.address(), {}});
            QCOMPARE(testutil::ready(engine), QString());
            const QStringList left = leftovers(store);
            QVERIFY2(left.isEmpty(), qPrintable(left.join(u'\n')));
            auto inventory = core::Store(store).load();
            QVERIFY(inventory && inventory->problems.isEmpty());
            const QString state = snapshot(store);
            if (state != m_oldState.value(Verb::Install) && state != m_newState.value(Verb::Install))
                QFAIL(qPrintable(QStringLiteral("neither the old nor the new state:\n%1").arg(state)));
            if (state == m_oldState.value(Verb::Install)) {
                const core::Status installed = testutil::finished(engine.install(m_v1, core::Privileges{}, options));
                QVERIFY2(installed, qPrintable(installed ? QString() : installed.error().message));
                QCOMPARE(snapshot(store), m_newState.value(Verb::Install));
            }
        }
        next.stop();
        const QStringList running = runtimeLeftovers(store);
        QVERIFY2(running.isEmpty(), qPrintable(running.join(u'\n')));
    }

    // The monitor killed (SIGKILL) while its plugin runs: the plugin keeps running, `plugin ls` says so (the engine
    // asks runc when the monitor is gone), disable stops it and leaves nothing behind, enable starts it again.
    void monitorKilled()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: runc");
        ++m_rows;
        qputenv("PLUGDESK_MONITOR", QByteArray(PLUGDESK_MONITOR_BINARY));
        qputenv("PLUGDESK_DOCKER_PLUGINS_DIR", QFile::encodeName(m_dir.filePath(QStringLiteral("docker-plugins"))));
        // Short: the plugin's socket path under the run root must fit a unix address.
        QTemporaryDir shortDir(QStringLiteral("/tmp/pdm-XXXXXX"));
        QVERIFY(shortDir.isValid());
        const QString store = shortDir.filePath(QStringLiteral("s"));
        const QString folder = m_dir.filePath(QStringLiteral("monfolder"));
        QVERIFY(testutil::writeTestPluginFolder(folder, QStringLiteral(TEST_PLUGIN_BINARY)));
        const QString name = QStringLiteral("acme/monkill");
        Run run = ctl(store, {QStringLiteral("plugin"), QStringLiteral("create"), name, folder});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        auto found = core::Store(store).load();
        QVERIFY(found && found->plugins.size() == 1);
        const core::Plugin created = found->plugins.first();
        auto cleanup = qScopeGuard([&] { testutil::stopTestPlugin(runRoot(store), created.id, store); });
        run = ctl(store, {QStringLiteral("plugin"), QStringLiteral("enable"), name});
        QVERIFY2(run.code == 0, qPrintable(run.err));

        const core::RunLayout layout(runRoot(store));
        const qint64 monitor = core::MonitorLauncher::lockHolder(layout.lockPath(created.id));
        QVERIFY(monitor > 0);
        core::PluginRunner runner(store, runRoot(store));
        auto before = runner.runtimeState(core::Store(store).load()->plugins.first());
        QVERIFY(before && before->status == core::PluginRuntimeState::Status::Running);
        const qint64 container = before->containerPid;
        QVERIFY(container > 0);
        QCOMPARE(::kill(pid_t(monitor), SIGKILL), 0);
        QTRY_COMPARE_WITH_TIMEOUT(core::MonitorLauncher::lockHolder(layout.lockPath(created.id)), qint64(0), 10000);

        // The plugin keeps running, and the engine says so.
        QCOMPARE(::kill(pid_t(container), 0), 0);
        run = ctl(store, {QStringLiteral("plugin"), QStringLiteral("ls")});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(name), qPrintable(run.out));
        auto after = runner.runtimeState(core::Store(store).load()->plugins.first());
        QVERIFY(after);
        QCOMPARE(after->status, core::PluginRuntimeState::Status::Running);
        QCOMPARE(after->containerPid, container);
        QVERIFY(!after->monitorAlive);

        // Disable stops what the lost monitor ran; enable starts it again under a new monitor.
        run = ctl(store, {QStringLiteral("plugin"), QStringLiteral("disable"), name});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(container), 0) != 0, 15000);
        QStringList running = runtimeLeftovers(store);
        QVERIFY2(running.isEmpty(), qPrintable(running.join(u'\n')));
        run = ctl(store, {QStringLiteral("plugin"), QStringLiteral("enable"), name});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        QVERIFY(core::MonitorLauncher::lockHolder(layout.lockPath(created.id)) > 0);
        run = ctl(store, {QStringLiteral("plugin"), QStringLiteral("disable"), name});
        QVERIFY2(run.code == 0, qPrintable(run.err));
        running = runtimeLeftovers(store);
        QVERIFY2(running.isEmpty(), qPrintable(running.join(u'\n')));
    }

    void cleanupTestCase() { qInfo("crash-consistency cases run: %d", m_rows); }

    void killAndRecover_data()
    {
        QTest::addColumn<Verb>("verb");
        QTest::addColumn<QByteArray>("crashAt");
        // Points every save passes: the journal, then per plugin config.json and plugin-config.json, then the rename.
        // AtomicFile's hits are counted over the whole run (blobs put, the upgrade marker, the save's files).
        addRows(Verb::Install, "install",
                {{"install.staging-begun", 1},   {"install.layer-bytes", 1},        {"install.layer-bytes", 4096},
                 {"install.layer-bytes", 65536}, {"install.layer-bytes", 200000},   {"install.layer-bytes", 393000},
                 {"install.layer-applied", 1},   {"blobstore.adopt-synced", 1},     {"staging.layer-blob-stored", 1},
                 {"atomicfile.temp-created", 1}, {"atomicfile.temp-written", 1},    {"atomicfile.renamed", 1},
                 {"staging.blob-stored", 1},     {"staging.blob-stored", 2},        {"staging.plugin-folder-made", 1},
                 {"staging.rootfs-moved", 1},    {"atomicfile.temp-created", 3},    {"atomicfile.temp-written", 3},
                 {"atomicfile.renamed", 3},      {"store.journal-written", 1},      {"atomicfile.temp-written", 4},
                 {"atomicfile.renamed", 5},      {"store.plugin-files-written", 1}, {"store.inventory-renamed", 1},
                 {"staging.committed", 1},       {"install.committed", 1}});
        addRows(Verb::Upgrade, "upgrade",
                {{"install.layer-bytes", 1},
                 {"install.layer-bytes", 100000},
                 {"install.layer-applied", 1},
                 {"blobstore.adopt-synced", 1},
                 {"staging.blob-stored", 2},
                 {"staging.upgrade-marked", 1},
                 {"staging.upgrade-rootfs-aside", 1},
                 {"staging.upgrade-rootfs-moved", 1},
                 {"store.journal-written", 1},
                 {"atomicfile.temp-written", 5},
                 {"atomicfile.renamed", 5},
                 {"store.plugin-files-written", 1},
                 {"store.inventory-renamed", 1},
                 {"staging.upgrade-saved", 1},
                 {"staging.upgrade-old-removed", 1}});
        addRows(Verb::Set, "set",
                {{"set.checked", 1},
                 {"atomicfile.temp-created", 1},
                 {"atomicfile.temp-written", 1},
                 {"store.journal-written", 1},
                 {"atomicfile.temp-written", 2},
                 {"atomicfile.renamed", 1},
                 {"atomicfile.renamed", 2},
                 {"store.plugin-files-written", 1},
                 {"store.inventory-renamed", 1},
                 {"set.saved", 1}});
        addRows(Verb::Remove, "rm",
                {{"remove.renamed", 1},
                 {"store.journal-written", 1},
                 {"store.inventory-renamed", 1},
                 {"remove.saved", 1},
                 {"remove.delete-entry", 1},
                 {"remove.delete-entry", 3},
                 {"remove.deleted", 1}});
        addRows(Verb::Create, "create",
                {{"create.layer-packed", 1},
                 {"create.layer-stored", 1},
                 {"create.extracted", 1},
                 {"atomicfile.temp-written", 1},
                 {"create.blobs-stored", 1},
                 {"create.rootfs-moved", 1},
                 {"store.journal-written", 1},
                 {"atomicfile.renamed", 3},
                 {"store.plugin-files-written", 1},
                 {"store.inventory-renamed", 1}});
        addRows(Verb::Import, "import",
                {{"import.layer-bytes", 1},
                 {"import.layer-bytes", 100000},
                 {"staging.layer-blob-stored", 1},
                 {"staging.blob-stored", 1},
                 {"staging.rootfs-moved", 1},
                 {"store.journal-written", 1},
                 {"store.plugin-files-written", 1},
                 {"store.inventory-renamed", 1},
                 {"import.committed", 1}});
    }

    void killAndRecover()
    {
        QFETCH(Verb, verb);
        QFETCH(QByteArray, crashAt);
        ++m_rows;
        const QString store = freshStore(verb, QStringLiteral("row"));
        QVERIFY(!store.isEmpty());
        const QString oldState = m_oldState.value(verb);
        const QString newState = m_newState.value(verb);
        QCOMPARE(snapshot(store), oldState);

        // Killed where the row says, and nowhere else.
        const Run killed = ctl(store, argumentsFor(verb), crashAt);
        QVERIFY2(killed.exitStatus == QProcess::CrashExit && killed.code == SIGKILL,
                 qPrintable(QStringLiteral("not killed at %1 (exit %2): %3")
                                .arg(QString::fromLatin1(crashAt))
                                .arg(killed.code)
                                .arg(killed.err)));
        QVERIFY2(killed.err.contains(QStringLiteral("crash point ")), qPrintable(killed.err));

        // The next start sweeps.
        const Run listed = ctl(store, {QStringLiteral("plugin"), QStringLiteral("ls")});
        QVERIFY2(listed.code == 0, qPrintable(listed.err));
        const QStringList left = leftovers(store);
        QVERIFY2(left.isEmpty(), qPrintable(left.join(u'\n')));
        auto inventory = core::Store(store).load();
        QVERIFY2(inventory, qPrintable(inventory ? QString() : inventory.error().message));
        QVERIFY2(inventory->problems.isEmpty(), qPrintable(inventory->problems.value(0).message));
        const QStringList running = runtimeLeftovers(store);
        QVERIFY2(running.isEmpty(), qPrintable(running.join(u'\n')));

        const QString state = snapshot(store);
        if (state != oldState && state != newState)
            QFAIL(qPrintable(QStringLiteral("neither the old nor the new state:\n%1\n--- old:\n%2\n--- new:\n%3")
                                 .arg(state, oldState, newState)));
        // The same verb again: it succeeds and makes the new state (when the kill came before the commit).
        if (state == oldState) {
            const Run again = ctl(store, argumentsFor(verb));
            QVERIFY2(again.code == 0, qPrintable(again.err));
            QCOMPARE(snapshot(store), newState);
        }
        // And the plugin installs again under another name.
        const Run install =
            ctl(store, {QStringLiteral("plugin"), QStringLiteral("install"), QStringLiteral("--disable"),
                        QStringLiteral("--alias"), QStringLiteral("again"), m_v1});
        QVERIFY2(install.code == 0, qPrintable(install.err));
        QVERIFY(leftovers(store).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCrashConsistency)
#include "tst_crashconsistency.moc"
