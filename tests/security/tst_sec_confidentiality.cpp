// Issue 10, item 4: what the helper keeps is root's, and what a job or a plugin holds reaches only who may see it.
// Each test acts as `nobody` against the real plugdesk-helper on a private bus with the real polkitd
// (tests/common/securityenv.h) and checks that the attack is refused and that nothing leaked.
#include "common/enginewait.h"
#include "common/pluginfixture.h"
#include "common/securityenv.h"
#include "core/base/job.h"
#include "core/helper/helperengine.h"
#include "core/runtime/runcruntime.h"
#include "security/seccall.h"

#include <QDBusMetaType>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using testutil::callAsNobody;
using testutil::CommandRun;
using testutil::SecurityEnv;

namespace {

const QString kInstall = QStringLiteral("org.plugdesk.install");
const QString kRead = QStringLiteral("org.plugdesk.read");

// A random word no file of the machine holds before the test writes it.
QString marker(const char *what)
{
    return QStringLiteral("plugdesk-%1-%2")
        .arg(QLatin1String(what))
        .arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'));
}

// A plugin folder `plugin create` accepts, owned by nobody (or root) and readable by its owner only.
bool writePluginFolder(const QString &folder, const QByteArray &config, bool nobodysOwn)
{
    if (!QDir().mkpath(folder + QStringLiteral("/rootfs/etc")) ||
        !testutil::writeFile(folder + QStringLiteral("/config.json"), config) ||
        !testutil::writeFile(folder + QStringLiteral("/rootfs/etc/hello"), "hello\n"))
        return false;
    if (nobodysOwn) {
        for (const QString &path :
             QStringList{folder, folder + QStringLiteral("/config.json"), folder + QStringLiteral("/rootfs"),
                         folder + QStringLiteral("/rootfs/etc"), folder + QStringLiteral("/rootfs/etc/hello")})
            ::chown(QFile::encodeName(path).constData(), 65534, 65534);
    }
    return true;
}

QByteArray plainConfig()
{
    return R"({"description": "a security test plugin", "entrypoint": ["/plugin"],
               "interface": {"types": ["docker.volumedriver/1.0"], "socket": "sec.sock"},
               "network": {"type": "host"}})";
}

// Which of `paths` nobody can read (a file) or list (a folder), reaching it through its parents as nobody would.
QStringList readableByNobody(SecurityEnv &env, const QStringList &paths)
{
    const QString list = env.folder() + QStringLiteral("/paths-%1.txt").arg(QRandomGenerator::global()->generate());
    testutil::writeFile(list, paths.join(QLatin1Char('\n')).toUtf8() + '\n');
    testutil::openForEveryone(list, 0644);
    const CommandRun run = env.runAs(
        true, QStringLiteral("/bin/sh"),
        {QStringLiteral("-c"), QStringLiteral("while IFS= read -r f; do [ -r \"$f\" ] && echo \"$f\"; done < \"$1\""),
         QStringLiteral("sh"), list});
    QFile::remove(list);
    return run.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

// Every file and folder of the store, the store itself included.
QStringList storeEntries(const QString &store)
{
    QStringList entries{store};
    QDirIterator it(store, QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        entries.append(it.next());
    return entries;
}

// Whether `text` is in any file of the store, the gzip layers unpacked.
bool storeHolds(SecurityEnv &env, const QString &text)
{
    const CommandRun grep = env.runAs(false, QStringLiteral("/bin/grep"), {QStringLiteral("-rlF"), text, env.store()});
    if (!grep.out.trimmed().isEmpty())
        return true;
    QDirIterator blobs(env.store() + QStringLiteral("/blobs/sha256"), QDir::Files);
    while (blobs.hasNext()) {
        const CommandRun unpacked =
            env.runAs(false, QStringLiteral("/bin/sh"),
                      {QStringLiteral("-c"), QStringLiteral("gzip -dc \"$1\" 2>/dev/null | grep -caF \"$2\""),
                       QStringLiteral("sh"), blobs.next(), text});
        if (unpacked.out.trimmed().toInt() > 0)
            return true;
    }
    return false;
}

// A job of the in-process (root) engine, waited for.
bool waitFor(core::Job *job, int timeoutMs = 120000)
{
    QElapsedTimer timer;
    timer.start();
    while (!job->isFinished() && timer.elapsed() < timeoutMs)
        QTest::qWait(50);
    return job->isFinished();
}

} // namespace

class TestSecConfidentiality final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = SecurityEnv::unavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
    }

    // The store the helper writes (inventory, settings, rootfs, blobs) is root's alone: after nobody and root each
    // created a plugin through the helper, nobody can read or list nothing in it.
    void storeIsPrivateToRoot()
    {
        SecurityEnv env;
        QString why = env.start({kInstall, kRead});
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QVERIFY(env.startHelper(QStringLiteral(PLUGDESK_HELPER)));

        const QString nobodysFolder = env.folder() + QStringLiteral("/nobodys-plugin");
        QVERIFY(writePluginFolder(nobodysFolder, plainConfig(), true));
        const CommandRun created =
            env.ctl(QStringLiteral(PLUGDESKCTL), {QStringLiteral("plugin"), QStringLiteral("create"),
                                                  QStringLiteral("acme/nobodys"), nobodysFolder});
        QVERIFY2(created.status == 0, qPrintable(created.out + created.err));

        core::HelperEngine root({env.busAddress(), {}});

        QCOMPARE(testutil::ready(root), QString());
        const QString rootsFolder = env.folder() + QStringLiteral("/roots-plugin");
        QVERIFY(writePluginFolder(rootsFolder, plainConfig(), false));
        core::Job *job = root.create(QStringLiteral("acme/roots"), rootsFolder);
        QVERIFY(waitFor(job));
        QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message : QString()));

        const QStringList entries = storeEntries(env.store());
        QVERIFY2(entries.size() > 10, qPrintable(entries.join(QLatin1Char(' ')))); // blobs, rootfs, inventory
        const QStringList readable = readableByNobody(env, entries);
        QVERIFY2(readable.isEmpty(), qPrintable(QStringLiteral("nobody reads: ") + readable.join(QLatin1Char(' '))));
        struct stat status
        {};
        QCOMPARE(::stat(QFile::encodeName(env.store()).constData(), &status), 0);
        QCOMPARE(status.st_mode & 0777, 0700u);
        QDirIterator blobs(env.store() + QStringLiteral("/blobs/sha256"), QDir::Files);
        QVERIFY(blobs.hasNext());
        while (blobs.hasNext()) {
            QCOMPARE(::stat(QFile::encodeName(blobs.next()).constData(), &status), 0);
            QCOMPARE(status.st_mode & 0777, 0600u);
        }
    }

    // nobody, who may create plugins, points rootfs at a folder only root may read: the helper must not read it
    // for them. The create fails (nobody cannot read it), and no blob or rootfs of the store holds its content.
    void createDoesNotReadForTheCaller()
    {
        SecurityEnv env;
        QString why = env.start({kInstall, kRead});
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QVERIFY(env.startHelper(QStringLiteral(PLUGDESK_HELPER)));

        const QString secret = marker("rootonly");
        const QString rootOnly = env.folder() + QStringLiteral("/root-only");
        QVERIFY(QDir().mkpath(rootOnly + QStringLiteral("/etc")));
        QVERIFY(testutil::writeFile(rootOnly + QStringLiteral("/etc/shadow"), secret.toUtf8() + '\n'));
        testutil::openForEveryone(rootOnly, 0700);
        QVERIFY(readableByNobody(env, {rootOnly + QStringLiteral("/etc/shadow")}).isEmpty());

        const QString folder = env.folder() + QStringLiteral("/evil");
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(testutil::writeFile(folder + QStringLiteral("/config.json"), plainConfig()));
        QVERIFY(QFile::link(rootOnly, folder + QStringLiteral("/rootfs")));
        ::chown(QFile::encodeName(folder).constData(), 65534, 65534);
        ::chown(QFile::encodeName(folder + QStringLiteral("/config.json")).constData(), 65534, 65534);
        ::lchown(QFile::encodeName(folder + QStringLiteral("/rootfs")).constData(), 65534, 65534);

        const CommandRun created =
            env.ctl(QStringLiteral(PLUGDESKCTL),
                    {QStringLiteral("plugin"), QStringLiteral("create"), QStringLiteral("acme/evil"), folder});
        QVERIFY2(!storeHolds(env, secret), "a root-only file nobody named is in the store");
        QVERIFY2(created.status != 0, qPrintable(created.out + created.err));
        QVERIFY2(created.err.contains(QStringLiteral("cannot read")), qPrintable(created.err));
        const CommandRun listed =
            env.ctl(QStringLiteral(PLUGDESKCTL), {QStringLiteral("plugin"), QStringLiteral("ls")});
        QVERIFY2(!listed.out.contains(QStringLiteral("acme/evil")), qPrintable(listed.out));

        // A client that packs the folder itself, rootfs a link to the root-only folder, gets nothing either: the
        // helper unpacks into its private staging and takes only a config.json and a rootfs of their own.
        const QString context = env.folder() + QStringLiteral("/evil-context");
        QVERIFY(QDir().mkpath(context));
        QVERIFY(testutil::writeFile(context + QStringLiteral("/config.json"), plainConfig()));
        QVERIFY(QFile::link(rootOnly, context + QStringLiteral("/rootfs")));
        const QString packed = env.folder() + QStringLiteral("/evil.tar.gz");
        const CommandRun tar = env.runAs(false, QStringLiteral("tar"),
                                         {QStringLiteral("-C"), context, QStringLiteral("-czf"), packed,
                                          QStringLiteral("config.json"), QStringLiteral("rootfs")});
        QVERIFY2(tar.status == 0, qPrintable(tar.err));
        testutil::openForEveryone(packed, 0644);
        const CommandRun hostile = callAsNobody(env, QStringLiteral("CreatePlugin"),
                                                {QStringLiteral("s:acme/evil2"), QStringLiteral("h:") + packed,
                                                 QStringLiteral("s:") + folder, QStringLiteral("a{sv}:")});
        QVERIFY2(hostile.status == 4 && hostile.out.contains(QStringLiteral("rootfs: no such folder")),
                 qPrintable(QString::number(hostile.status) + hostile.out + hostile.err));
        QVERIFY2(!storeHolds(env, secret), "a root-only file a link in a packed folder named is in the store");
    }

    // Root runs a job through the helper; nobody listens to every signal it may receive and asks for the job's
    // properties. Nobody sees no Progress or Finished of it, nothing of what it carried, and GetAll/Get are
    // refused; root, the owner, still reads them.
    void jobsSpeakOnlyToTheirOwner()
    {
        SecurityEnv env;
        QString why = env.start({kInstall, kRead});
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QVERIFY(env.startHelper(QStringLiteral(PLUGDESK_HELPER)));
        QVERIFY(env.startNobodyMonitor());

        const QString secret = marker("job");
        const QString folder = env.folder() + QLatin1Char('/') + secret;
        QVERIFY(writePluginFolder(folder, plainConfig(), false));
        core::HelperEngine root({env.busAddress(), {}});
        QCOMPARE(testutil::ready(root), QString());
        core::Job *job = root.create(QStringLiteral("acme/") + secret, folder);
        QVERIFY(waitFor(job));
        QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message : QString()));
        QTest::qWait(1000); // anything sent has reached the monitor

        const QString jobPath = QStringLiteral("/org/plugdesk/Helper1/jobs/1");
        // The owner reads its job (so the refusals below are about who asks, not about a job that is gone).
        QDBusConnection rootBus = QDBusConnection::connectToBus(env.busAddress(), QStringLiteral("sec-root"));
        QDBusMessage getAll =
            QDBusMessage::createMethodCall(QStringLiteral("org.plugdesk.Helper1"), jobPath,
                                           QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("GetAll"));
        getAll << QStringLiteral("org.plugdesk.Helper1.Job");
        const QDBusMessage rootsView = rootBus.call(getAll, QDBus::Block, 30000);
        QCOMPARE(rootsView.type(), QDBusMessage::ReplyMessage);
        const QVariantMap properties = qdbus_cast<QVariantMap>(rootsView.arguments().value(0));
        QCOMPARE(properties.value(QStringLiteral("Operation")).toString(), QStringLiteral("create"));
        QVERIFY2(properties.value(QStringLiteral("Result")).toString().contains(secret),
                 qPrintable(properties.value(QStringLiteral("Result")).toString()));
        rootBus = QDBusConnection(QString());
        QDBusConnection::disconnectFromBus(QStringLiteral("sec-root"));

        const CommandRun all = env.nobodyCall(jobPath, QStringLiteral("org.freedesktop.DBus.Properties.GetAll"),
                                              {QStringLiteral("string:org.plugdesk.Helper1.Job")});
        QVERIFY2(all.status != 0 && all.err.contains(QStringLiteral("PermissionDenied")),
                 qPrintable(all.out + all.err));
        QVERIFY2(!all.out.contains(secret), qPrintable(all.out));
        const CommandRun one =
            env.nobodyCall(jobPath, QStringLiteral("org.freedesktop.DBus.Properties.Get"),
                           {QStringLiteral("string:org.plugdesk.Helper1.Job"), QStringLiteral("string:Result")});
        QVERIFY2(one.status != 0 && one.err.contains(QStringLiteral("PermissionDenied")),
                 qPrintable(one.out + one.err));
        QVERIFY2(!one.out.contains(secret), qPrintable(one.out));

        env.stopMonitor();
        const QString seen = env.monitorOutput();
        QVERIFY2(seen.contains(QStringLiteral("NameAcquired")) || seen.contains(QStringLiteral("signal")),
                 qPrintable(QStringLiteral("the monitor recorded nothing at all: ") + seen));
        QVERIFY2(!seen.contains(QStringLiteral("member=Finished")), qPrintable(seen));
        QVERIFY2(!seen.contains(QStringLiteral("member=Progress")), qPrintable(seen));
        QVERIFY2(!seen.contains(secret), qPrintable(seen));
    }

    // A plugin's settings hold a password that root set. nobody may read plugins (org.plugdesk.read) but not
    // manage them: inspect and list show the variable with its value hidden, the logs are refused, and nobody's
    // monitor never sees the value; root, who may manage, reads it in clear.
    void secretsStayWithWhoMayManage()
    {
        SecurityEnv env;
        QString why = env.start({kRead});
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QVERIFY(env.startHelper(QStringLiteral(PLUGDESK_HELPER)));
        QVERIFY(env.startNobodyMonitor());

        const QString folder = env.folder() + QStringLiteral("/secretive");
        QVERIFY(writePluginFolder(folder, R"({"description": "holds a password", "entrypoint": ["/plugin"],
               "interface": {"types": ["docker.volumedriver/1.0"], "socket": "sec.sock"},
               "network": {"type": "host"},
               "env": [{"name": "DB_PASSWORD", "settable": ["value"], "value": ""},
                       {"name": "LOG_LEVEL", "settable": ["value"], "value": "info"}]})",
                                  false));
        core::HelperEngine root({env.busAddress(), {}});
        QCOMPARE(testutil::ready(root), QString());
        core::Job *job = root.create(QStringLiteral("acme/secretive"), folder);
        QVERIFY(waitFor(job));
        QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message : QString()));
        const QString secret = marker("password");
        const core::Status set =
            testutil::finished(root.set(QStringLiteral("acme/secretive"),
                                        {QStringLiteral("DB_PASSWORD=") + secret, QStringLiteral("LOG_LEVEL=debug")}));
        QVERIFY2(set.ok(), qPrintable(set ? QString() : set.error().message));
        auto rootsView = root.plugin(QStringLiteral("acme/secretive"));
        QVERIFY(rootsView);
        QVERIFY2(rootsView->settings.env.contains(QStringLiteral("DB_PASSWORD=") + secret),
                 qPrintable(rootsView->settings.env.join(QLatin1Char(' '))));

        const CommandRun inspected =
            env.ctl(QStringLiteral(PLUGDESKCTL),
                    {QStringLiteral("plugin"), QStringLiteral("inspect"), QStringLiteral("acme/secretive")});
        QVERIFY2(inspected.status == 0, qPrintable(inspected.out + inspected.err));
        QVERIFY2(!inspected.out.contains(secret), qPrintable(inspected.out));
        QVERIFY2(inspected.out.contains(QStringLiteral("DB_PASSWORD=")), qPrintable(inspected.out));
        QVERIFY2(inspected.out.contains(QStringLiteral("LOG_LEVEL=debug")), qPrintable(inspected.out));
        const CommandRun listed =
            env.nobodyMethod(QStringLiteral("ListPlugins"), {QStringLiteral("a{sv}"), QStringLiteral("0")});
        QVERIFY2(listed.status == 0 && listed.out.contains(QStringLiteral("acme/secretive")),
                 qPrintable(listed.out + listed.err));
        QVERIFY2(!listed.out.contains(secret), qPrintable(listed.out));

        const CommandRun logs = env.ctl(QStringLiteral(PLUGDESKCTL), {QStringLiteral("plugin"), QStringLiteral("logs"),
                                                                      QStringLiteral("acme/secretive")});
        QVERIFY2(logs.status != 0 && logs.err.contains(QStringLiteral("org.plugdesk.manage")),
                 qPrintable(logs.out + logs.err));

        QTest::qWait(500);
        env.stopMonitor();
        QVERIFY2(!env.monitorOutput().contains(secret), qPrintable(env.monitorOutput()));
    }

    // Root made a volume with a password option on an enabled volume plugin. nobody may read (org.plugdesk.read)
    // but not manage volumes: inspecting the volume shows the option with its value hidden, and nobody's monitor
    // never sees it; root, who holds org.plugdesk.volumes, reads it in clear.
    void volumeOptionsStayWithWhoMayManageVolumes()
    {
        if (core::RuncRuntime::findRunc().isEmpty())
            QSKIP("runc is not installed (apt-get install runc)");
        SecurityEnv env;
        QString why = env.start({kRead});
        QVERIFY2(why.isEmpty(), qPrintable(why));
        qputenv("PLUGDESK_MONITOR", QByteArrayLiteral(PLUGDESK_MONITOR_BINARY));
        qputenv("PLUGDESK_DOCKER_PLUGINS_DIR", QFile::encodeName(env.folder() + QStringLiteral("/docker-plugins")));
        // Short (a socket path must fit sun_path) and hex, as store ids are.
        const QString id =
            QStringLiteral("5ec%1").arg(QRandomGenerator::global()->bounded(0x100000), 5, 16, QLatin1Char('0'));
        testutil::TestPluginSpec spec;
        spec.id = id;
        spec.repository = QStringLiteral("acme/secvol");
        spec.propagatedMount = QStringLiteral("/vols");
        QVERIFY(testutil::writeTestPlugins(env.store(), QStringLiteral(TEST_PLUGIN_BINARY),
                                           {testutil::makeTestPlugin(spec)}));
        const auto stop = qScopeGuard([&env, id] { testutil::stopTestPlugin(env.run(), id, env.store()); });
        QVERIFY(env.startHelper(QStringLiteral(PLUGDESK_HELPER)));
        QVERIFY(env.startNobodyMonitor());

        core::HelperEngine root({env.busAddress(), {}});

        QCOMPARE(testutil::ready(root), QString());
        core::Job *enabled = root.enable(QStringLiteral("acme/secvol"), 20);
        QVERIFY(waitFor(enabled));
        QVERIFY2(enabled->succeeded(), qPrintable(enabled->error() ? enabled->error()->message : QString()));
        const QString secret = marker("volume");
        core::Job *created =
            root.createVolume(QStringLiteral("acme/secvol"), QStringLiteral("private"),
                              {{QStringLiteral("password"), secret}, {QStringLiteral("size"), QStringLiteral("1")}});
        QVERIFY(waitFor(created));
        QVERIFY2(created->succeeded(), qPrintable(created->error() ? created->error()->message : QString()));

        const CommandRun inspected =
            env.ctl(QStringLiteral(PLUGDESKCTL),
                    {QStringLiteral("volume"), QStringLiteral("inspect"), QStringLiteral("private")});
        QVERIFY2(inspected.status == 0, qPrintable(inspected.out + inspected.err));
        QVERIFY2(!inspected.out.contains(secret), qPrintable(inspected.out));
        QVERIFY2(inspected.out.contains(QStringLiteral("password")) && inspected.out.contains(QStringLiteral("size")),
                 qPrintable(inspected.out));
        const CommandRun listed =
            env.ctl(QStringLiteral(PLUGDESKCTL), {QStringLiteral("volume"), QStringLiteral("ls"),
                                                  QStringLiteral("--format"), QStringLiteral("json")});
        QVERIFY2(listed.status == 0 && listed.out.contains(QStringLiteral("private")),
                 qPrintable(listed.out + listed.err));
        QVERIFY2(!listed.out.contains(secret), qPrintable(listed.out));

        core::Job *rootsView = root.inspectVolume(QStringLiteral("private"));
        QVERIFY(waitFor(rootsView));
        QVERIFY2(QJsonDocument::fromVariant(rootsView->result()).toJson().contains(secret.toUtf8()),
                 QJsonDocument::fromVariant(rootsView->result()).toJson().constData());

        core::Job *disabled = root.disable(QStringLiteral("acme/secvol"), true);
        QVERIFY(waitFor(disabled));
        QTest::qWait(500);
        env.stopMonitor();
        QVERIFY2(!env.monitorOutput().contains(secret), qPrintable(env.monitorOutput()));
    }
};

int main(int argc, char **argv)
{
    if (argc > 1 && qstrcmp(argv[1], "--sec-call") == 0)
        return testutil::secCall(argc, argv);
    QCoreApplication app(argc, argv);
    TestSecConfidentiality test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_sec_confidentiality.moc"
