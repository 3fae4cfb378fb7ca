// DockerEngine against a real dockerd of the test's own (Debian's docker.io) and a loopback docker-registry: every
// plugin and volume verb; then plugdeskctl -H against Debian's docker client on the same daemon (the same output for
// plugin ls, plugin inspect, volume ls and their errors); then the same over ssh://root@127.0.0.1:PORT, a real sshd
// on a loopback port whose session runs `docker system dial-stdio` against the test daemon.
#include "common/testdockerd.h"
#include "common/testregistry.h"
#include "common/testutil.h"
#include "core/docker/dockerclient.h"
#include "core/docker/dockerengine.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <memory>
#include <unistd.h>

using namespace core;
using namespace Qt::StringLiterals;

namespace {

const QString kPluginBinary = QStringLiteral(TEST_PLUGIN_BINARY);
const QString kPlugdeskctl = QStringLiteral(PLUGDESKCTL);

struct Outcome
{
    QVariant result;
    std::optional<Error> error;
    QList<JobProgress> progress;
};

Outcome finish(Job *job)
{
    Outcome outcome;
    QObject::connect(job, &Job::progressed, job, [&outcome](const JobProgress &p) { outcome.progress.append(p); });
    job->waitForFinished();
    outcome.result = job->result();
    outcome.error = job->error();
    job->deleteLater();
    return outcome;
}

QString describe(const Outcome &outcome)
{
    return outcome.error ? errorCodeName(outcome.error->code) + u": "_s + outcome.error->message : QString();
}

bool waitReady(Engine &engine)
{
    if (engine.readiness() == Engine::Readiness::Ready)
        return true;
    const Outcome reloaded = finish(engine.reload());
    return !reloaded.error;
}

using Run = testutil::TestDockerd::Run;

Run run(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment = {})
{
    QProcess process;
    process.setProcessEnvironment(environment.isEmpty() ? QProcessEnvironment::systemEnvironment() : environment);
    process.start(program, arguments);
    process.closeWriteChannel();
    if (!process.waitForFinished(180000))
        process.kill();
    process.waitForFinished(5000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()), QString::fromUtf8(process.readAllStandardError())};
}

// The test volume plugin as `docker plugin create` takes it, with a settable bind mount so that privileges,
// set and grant have a host path to talk about.
bool writePluginFolder(const QString &folder, const QString &mountSource, const QByteArray &marker)
{
    auto object = [](std::initializer_list<std::pair<QString, QJsonValue>> items) {
        QJsonObject result;
        for (const auto &[key, value] : items)
            result.insert(key, value);
        return result;
    };
    const QJsonObject root = object({
        {u"description"_s, u"Plugdesk test volume plugin, made for the DockerEngine test run"_s},
        {u"documentation"_s, u"https://example.org/plugdesk"_s},
        {u"entrypoint"_s, QJsonArray{u"/plugin"_s}},
        {u"interface"_s,
         object({{u"types"_s, QJsonArray{u"docker.volumedriver/1.0"_s}}, {u"socket"_s, u"testvol.sock"_s}})},
        {u"network"_s, object({{u"type"_s, u"none"_s}})},
        {u"env"_s,
         QJsonArray{
             object({{u"name"_s, u"VOLUME_ROOT"_s}, {u"settable"_s, QJsonArray{u"value"_s}}, {u"value"_s, u"/vols"_s}}),
             object({{u"name"_s, u"MARKER"_s},
                     {u"settable"_s, QJsonArray{u"value"_s}},
                     {u"value"_s, QString::fromUtf8(marker)}})}},
        {u"mounts"_s, QJsonArray{object({{u"name"_s, u"state"_s},
                                         {u"source"_s, mountSource},
                                         {u"destination"_s, u"/state"_s},
                                         {u"type"_s, u"bind"_s},
                                         {u"options"_s, QJsonArray{u"rbind"_s}},
                                         {u"settable"_s, QJsonArray{u"source"_s}}})}},
    });
    const QByteArray config = QJsonDocument(root).toJson();
    QDir().mkpath(folder + u"/rootfs/run/docker/plugins"_s);
    QDir().mkpath(folder + u"/rootfs/vols"_s);
    QDir().mkpath(folder + u"/rootfs/state"_s);
    QFile::remove(folder + u"/rootfs/plugin"_s);
    // The marker goes into the rootfs too: dockerd 20.10 refuses to create a second plugin whose rootfs layer it holds
    // already ("content sha256:...: already exists").
    return testutil::writeFile(folder + u"/config.json"_s, config) &&
           testutil::writeFile(folder + u"/rootfs/marker"_s, marker) &&
           QFile::copy(kPluginBinary, folder + u"/rootfs/plugin"_s) &&
           QFile::setPermissions(folder + u"/rootfs/plugin"_s, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                                   QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                                                   QFileDevice::ExeOther);
}

} // namespace

class TestDockerEngine final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    testutil::TestDockerd m_dockerd;
    testutil::TestRegistry m_registry;
    QString m_folder;      // the plugin folder
    QString m_mountSource; // the state mount's source as the config has it
    QString m_repository;  // 127.0.0.1:PORT/acme/testvol
    QProcess m_sshd;
    QString m_sshHome;
    int m_sshPort = 0;
    int m_sshNoDockerPort = 0;

    // plugdeskctl with `arguments`, the environment optionally changed.
    Run plugdeskctl(const QStringList &arguments, const QProcessEnvironment &environment = {})
    {
        return run(kPlugdeskctl, arguments, environment);
    }

    // Installs the plugin from the registry through the engine, enabled; its local name.
    QString installEnabled(Engine &engine, const QString &reference, const QString &alias = {})
    {
        const Outcome privileges = finish(engine.privileges(reference));
        if (privileges.error)
            return {};
        InstallOptions options;
        options.alias = alias;
        const Outcome installed = finish(engine.install(reference, privileges.result.value<Privileges>(), options));
        return installed.error ? QString() : installed.result.toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (testutil::TestDockerd::dockerdProgram().isEmpty())
            QSKIP("dockerd is not installed (Debian's docker.io); this test needs it");
        if (geteuid() != 0)
            QSKIP("dockerd needs root");
        m_dir = std::make_unique<QTemporaryDir>(u"/tmp/pdde-XXXXXX"_s);
        QVERIFY(m_dir->isValid());
        QString error;
        QVERIFY2(m_dockerd.start(m_dir->filePath(u"d"_s), &error), qPrintable(error));
        QVERIFY2(m_registry.start({}, &error), qPrintable(error));
        m_repository = m_registry.host() + u"/acme/testvol"_s;
        m_folder = m_dir->filePath(u"plugin"_s);
        m_mountSource = m_dir->filePath(u"state"_s);
        QVERIFY(QDir().mkpath(m_mountSource));
        QVERIFY(QDir().mkpath(m_dir->filePath(u"state2"_s)));
        QVERIFY(writePluginFolder(m_folder, m_mountSource, "one"));
    }

    void cleanupTestCase()
    {
        if (m_sshd.state() != QProcess::NotRunning) {
            m_sshd.terminate();
            if (!m_sshd.waitForFinished(10000))
                m_sshd.kill();
        }
        m_dockerd.stop();
    }

    // The client alone: version negotiation, and clear errors for a socket that is not there.
    void clientNegotiatesAndNamesMissingSockets()
    {
        auto url = ConnectionUrl::parse(url_());
        QVERIFY(url);
        DockerClient client(*url);
        DockerRequest ping;
        ping.path = u"/info"_s;
        DockerCall *call = client.send(ping);
        QSignalSpy done(call, &DockerCall::finished);
        QVERIFY(done.wait(60000));
        QVERIFY2(call->result(), qPrintable(call->result() ? QString() : call->result().error().message));
        QCOMPARE(client.apiVersion(), u"1.41"_s); // Debian's dockerd 20.10
        QVERIFY(!client.serverVersion().value(u"Version"_s).toString().isEmpty());

        // Docker's own message for a 404.
        DockerRequest missing;
        missing.path = u"/plugins/nosuch:latest/json"_s;
        call = client.send(missing);
        QSignalSpy missingDone(call, &DockerCall::finished);
        QVERIFY(missingDone.wait(60000));
        QVERIFY(!call->result());
        QCOMPARE(call->result().error().code, ErrorCode::NotFound);
        QVERIFY2(call->result().error().message.contains(u"nosuch"_s), qPrintable(call->result().error().message));

        const QString nowhere = m_dir->filePath(u"nowhere.sock"_s);
        DockerClient absent(*ConnectionUrl::parse(u"unix://"_s + nowhere));
        call = absent.send(ping);
        QSignalSpy absentDone(call, &DockerCall::finished);
        QVERIFY(absentDone.wait(10000));
        QVERIFY(!call->result());
        QCOMPARE(call->result().error().code, ErrorCode::Network);
        QVERIFY2(call->result().error().message.contains(nowhere), qPrintable(call->result().error().message));
        QVERIFY2(call->result().error().message.contains(u"no such socket"_s),
                 qPrintable(call->result().error().message));

        // A failed engine says why, and reload() tries again.
        DockerEngine engine(*ConnectionUrl::parse(u"unix://"_s + nowhere));
        QCOMPARE(engine.readiness(), Engine::Readiness::Loading);
        const Outcome reloaded = finish(engine.reload());
        QVERIFY(reloaded.error);
        QCOMPARE(engine.readiness(), Engine::Readiness::Failed);
        QVERIFY(engine.readError());
        QVERIFY(engine.readError()->message.contains(nowhere));
        QVERIFY(!engine.plugins());
    }

    // Every plugin verb, through DockerEngine against the test dockerd.
    void pluginVerbs()
    {
        DockerEngine engine(*ConnectionUrl::parse(url_()));
        QVERIFY(waitReady(engine));
        QCOMPARE(engine.readiness(), Engine::Readiness::Ready);
        QVERIFY(engine.location().contains(url_()));

        // create from the folder, then push it to the loopback registry, twice (two tags).
        const QString v1 = m_repository + u":v1"_s;
        Outcome outcome = finish(engine.create(v1, m_folder));
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));
        QCOMPARE(outcome.result.toString(), v1);
        auto created = engine.plugin(v1);
        QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
        QVERIFY(!created->enabled);
        QCOMPARE(created->config.description.left(22), u"Plugdesk test volume p"_s);
        QCOMPARE(created->raw.value(u"Name"_s).toString(), v1);
        outcome = finish(engine.create(v1, m_folder));
        QVERIFY(outcome.error);
        QVERIFY2(outcome.error->message.contains(u"already exists"_s), qPrintable(describe(outcome)));

        outcome = finish(engine.push(v1));
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));
        QVERIFY2(outcome.result.toMap().value(u"digest"_s).toString().startsWith(u"sha256:"_s),
                 qPrintable(QString::fromUtf8(QJsonDocument::fromVariant(outcome.result).toJson())));
        QCOMPARE(outcome.result.toMap().value(u"tag"_s).toString(), u"v1"_s);
        QVERIFY(!outcome.progress.isEmpty());

        QVERIFY(writePluginFolder(m_folder, m_mountSource, "two"));
        const QString v2 = m_repository + u":v2"_s;
        outcome = finish(engine.create(v2, m_folder));
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));
        outcome = finish(engine.push(v2));
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));

        outcome = finish(engine.remove(v1));
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));
        QCOMPARE(engine.plugin(v1).error().code, ErrorCode::NotFound);
        QVERIFY(finish(engine.remove(v2)).error == std::nullopt);

        // privileges: dockerd reads the registry.
        outcome = finish(engine.privileges(v1));
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));
        const Privileges privileges = outcome.result.value<Privileges>();
        QVERIFY2(privileges.promptLines().join(u'\n').contains(m_mountSource),
                 qPrintable(privileges.promptLines().join(u'\n')));
        // Docker 20.10 answers an unknown tag's privileges with an empty list (200 []), and says what is wrong only
        // when the pull starts: passed on as it is.
        outcome = finish(engine.privileges(m_repository + u":nosuchtag"_s));
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));
        QVERIFY(outcome.result.value<Privileges>().isEmpty());
        outcome = finish(engine.install(m_repository + u":nosuchtag"_s, Privileges{}, {}));
        QVERIFY(outcome.error);
        QVERIFY2(outcome.error->message.contains(u"nosuchtag"_s) || outcome.error->message.contains(u"not found"_s),
                 qPrintable(describe(outcome)));

        // install with the wrong privileges is refused by Docker, with Docker's words.
        outcome = finish(engine.install(v1, Privileges{}, {}));
        QVERIFY(outcome.error);
        QVERIFY2(outcome.error->message.contains(u"privileges"_s), qPrintable(describe(outcome)));
        QVERIFY(!engine.plugin(v1));

        // install: per-layer progress, settings applied before the enable, enabled.
        InstallOptions options;
        options.alias = u"acme/testvol:latest"_s;
        options.settings = {u"MARKER=installed"_s};
        outcome = finish(engine.install(v1, privileges, options));
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));
        QCOMPARE(outcome.result.toString(), u"acme/testvol:latest"_s);
        bool layerProgress = false;
        for (const JobProgress &progress : outcome.progress)
            layerProgress = layerProgress || (!progress.item.isEmpty() && !progress.phase.isEmpty());
        QVERIFY(layerProgress);
        auto installed = engine.plugin(u"acme/testvol"_s);
        QVERIFY2(installed, qPrintable(installed ? QString() : installed.error().message));
        QVERIFY(installed->enabled);
        QCOMPARE(installed->settings.envValue(u"MARKER"_s), u"installed"_s);
        QCOMPARE(installed->pluginReference, v1);
        const QString name = installed->name();
        // By id prefix too.
        QCOMPARE(engine.plugin(installed->id.left(8))->name(), name);

        // Drivers and volumes.
        auto drivers = engine.volumeDrivers();
        QVERIFY(drivers);
        QCOMPARE(drivers->size(), 1);
        QCOMPARE(drivers->first().name, name);
        outcome = finish(engine.createVolume(name, u"dv1"_s, {{u"size"_s, u"1"_s}}));
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));
        outcome = finish(engine.volumes());
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));
        VolumeList list = VolumeList::fromVariant(outcome.result);
        QCOMPARE(list.volumes.size(), 1);
        QCOMPARE(list.volumes.first().name, u"dv1"_s);
        QCOMPARE(list.volumes.first().driver, name);
        outcome = finish(engine.volumes(u"local"_s));
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));
        QCOMPARE(VolumeList::fromVariant(outcome.result).volumes.size(), 0);
        outcome = finish(engine.inspectVolume(u"dv1"_s));
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));
        QCOMPARE(outcome.result.toMap().value(u"Driver"_s).toString(), name);
        outcome = finish(engine.inspectVolume(u"nosuchvolume"_s));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, ErrorCode::NotFound);
        QVERIFY2(outcome.error->message.contains(u"nosuchvolume"_s), qPrintable(describe(outcome)));
        QCOMPARE(finish(engine.mountVolume(u"dv1"_s)).error->code, ErrorCode::Unsupported);
        QCOMPARE(finish(engine.unmountVolume(u"dv1"_s)).error->code, ErrorCode::Unsupported);

        // An enabled plugin cannot be set, removed without force, or upgraded: Docker's messages.
        outcome = finish(engine.set(name, {u"MARKER=x"_s}));
        QVERIFY(outcome.error);
        QVERIFY2(outcome.error->message.contains(u"disable"_s), qPrintable(describe(outcome)));
        outcome = finish(engine.remove(name));
        QVERIFY(outcome.error);
        QVERIFY2(outcome.error->message.contains(u"enabled"_s) || outcome.error->message.contains(u"in use"_s),
                 qPrintable(describe(outcome)));

        // A volume in the driver keeps it from being disabled without force (Docker's rule).
        outcome = finish(engine.disable(name));
        if (outcome.error)
            QVERIFY2(outcome.error->message.contains(u"in use"_s), qPrintable(describe(outcome)));
        outcome = finish(engine.removeVolume(u"dv1"_s));
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));
        if (engine.plugin(name)->enabled) {
            outcome = finish(engine.disable(name));
            QVERIFY2(!outcome.error, qPrintable(describe(outcome)));
        }
        QVERIFY(!engine.plugin(name)->enabled);

        // start is disable+enable of an enabled plugin; a disabled one takes enable.
        outcome = finish(engine.start(name));
        QCOMPARE(outcome.error->code, ErrorCode::Conflict);

        // set: a plain setting; one that points the mount elsewhere needs an approval (grant).
        outcome = finish(engine.set(name, {u"MARKER=set"_s}));
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));
        QCOMPARE(engine.plugin(name)->settings.envValue(u"MARKER"_s), u"set"_s);
        const QString otherSource = m_dir->filePath(u"state2"_s);
        outcome = finish(engine.set(name, {u"state.source="_s + otherSource}));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, ErrorCode::PermissionDenied);
        QVERIFY2(outcome.error->message.contains(otherSource), qPrintable(describe(outcome)));
        outcome = finish(engine.grant(name, {u"state.source="_s + otherSource}, privileges));
        QCOMPARE(outcome.error->code, ErrorCode::PermissionDenied);
        Plugin changed = *engine.plugin(name);
        QVERIFY(changed.settings.apply(changed.config, {u"state.source="_s + otherSource}));
        outcome = finish(engine.grant(name, {u"state.source="_s + otherSource}, changed.effectivePrivileges()));
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));
        QVERIFY(engine.plugin(name)->settings.effectiveMounts(changed.config).first().source == otherSource);
        outcome = finish(engine.set(name, {u"NOSUCH=1"_s}));
        QVERIFY(outcome.error);
        QVERIFY2(outcome.error->message.contains(u"NOSUCH"_s), qPrintable(describe(outcome)));

        // enable, start (a restart), disable.
        outcome = finish(engine.enable(name, 20));
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));
        QVERIFY(engine.plugin(name)->enabled);
        outcome = finish(engine.start(name));
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));
        QVERIFY(engine.plugin(name)->enabled);
        outcome = finish(engine.disable(name));
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));

        // upgrade to the second tag: same id, the new reference, the new config's marker default kept as set.
        const QString id = engine.plugin(name)->id;
        outcome = finish(engine.upgrade(name, v2, privileges));
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));
        QCOMPARE(engine.plugin(name)->id, id);
        QCOMPARE(engine.plugin(name)->pluginReference, v2);

        // What Docker's API does not offer.
        QCOMPARE(finish(engine.logs(name)).error->code, ErrorCode::Unsupported);
        QCOMPARE(engine.logFile(name).error().code, ErrorCode::Unsupported);
        QCOMPARE(finish(engine.exportPlugin(name, m_dir->filePath(u"x.zip"_s))).error->code, ErrorCode::Unsupported);
        QCOMPARE(finish(engine.bundlePrivileges(m_dir->filePath(u"x.zip"_s))).error->code, ErrorCode::Unsupported);
        // Docker's Enabled as the process state (enabled: running, dockerd supervising it); a missing plugin's error.
        QCOMPARE(engine.runtimeState(name)->status, engine.plugin(name)->enabled ? PluginRuntimeState::Status::Running
                                                                                 : PluginRuntimeState::Status::Stopped);
        QCOMPARE(engine.runtimeState(u"nosuch"_s).error().code, ErrorCode::NotFound);

        // A missing plugin: Docker's message.
        outcome = finish(engine.enable(u"nosuch"_s));
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, ErrorCode::NotFound);
        QVERIFY2(outcome.error->message.contains(u"nosuch"_s), qPrintable(describe(outcome)));

        // remove, forced while enabled.
        QVERIFY(!finish(engine.enable(name)).error);
        outcome = finish(engine.remove(name, true));
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));
        QVERIFY(!engine.plugin(name));
        QVERIFY(engine.plugins()->plugins.isEmpty());
    }

    // plugdeskctl -H unix://SOCK prints what Debian's docker client prints for the same daemon.
    void cliParity_data() { parityRows(); }
    void cliParity()
    {
        QFETCH(QStringList, arguments);
        prepareParity();
        const Run docker = m_dockerd.client(arguments);
        const Run ours = plugdeskctl(QStringList{u"-H"_s, url_()} + arguments);
        if (ours.out != docker.out) {
            testutil::writeFile(m_dir->filePath(u"ours.txt"_s), ours.out.toUtf8());
            testutil::writeFile(m_dir->filePath(u"docker.txt"_s), docker.out.toUtf8());
            run(u"diff"_s, {u"-u"_s, m_dir->filePath(u"docker.txt"_s), m_dir->filePath(u"ours.txt"_s)});
            qWarning().noquote()
                << run(u"diff"_s, {u"-u"_s, m_dir->filePath(u"docker.txt"_s), m_dir->filePath(u"ours.txt"_s)}).out;
        }
        QCOMPARE(ours.out, docker.out);
        QCOMPARE(ours.err, docker.err);
        QCOMPARE(ours.exitCode, docker.exitCode);
    }

    // PLUGDESK_HOST is -H's default; a bad URL is a usage error naming it.
    void hostFlag()
    {
        prepareParity();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"PLUGDESK_HOST"_s, url_());
        const Run viaEnvironment = plugdeskctl({u"plugin"_s, u"ls"_s}, environment);
        QCOMPARE(viaEnvironment.out, m_dockerd.client({u"plugin"_s, u"ls"_s}).out);
        const Run bad = plugdeskctl({u"-H"_s, u"tcp://example.org:2375"_s, u"plugin"_s, u"ls"_s});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(u"\"tcp://example.org:2375\""_s), qPrintable(bad.err));
        const Run mixed =
            plugdeskctl({u"--host"_s, url_(), u"--root"_s, m_dir->filePath(u"store"_s), u"plugin"_s, u"ls"_s});
        QCOMPARE(mixed.exitCode, 2);
        const Run unreachable =
            plugdeskctl({u"-H"_s, u"unix://"_s + m_dir->filePath(u"nowhere.sock"_s), u"plugin"_s, u"ls"_s});
        QCOMPARE(unreachable.exitCode, 1);
        QVERIFY2(unreachable.err.contains(u"nowhere.sock"_s), qPrintable(unreachable.err));
    }

    // The same over ssh://root@127.0.0.1:PORT: sshd on loopback, dial-stdio on the far side, ~/.ssh/config here.
    void overSsh()
    {
        QString why;
        if (!startSshd(&why))
            QFAIL(qPrintable(why));
        prepareParity();
        const QProcessEnvironment environment = sshClientEnvironment();
        const QString sshUrl = u"ssh://root@127.0.0.1:%1"_s.arg(m_sshPort);
        for (const QStringList &arguments : {QStringList{u"plugin"_s, u"ls"_s}, QStringList{u"volume"_s, u"ls"_s},
                                             QStringList{u"plugin"_s, u"inspect"_s, u"acme/parity"_s}}) {
            const Run docker = m_dockerd.client(arguments);
            const Run ours = plugdeskctl(QStringList{u"-H"_s, sshUrl} + arguments, environment);
            QCOMPARE(ours.err, docker.err);
            QCOMPARE(ours.out, docker.out);
            QCOMPARE(ours.exitCode, docker.exitCode);
        }

        // The engine in this process, over ssh: volume verbs and a plugin verb.
        const QStringList saved = applyEnvironment(environment);
        auto restore = qScopeGuard([saved] { restoreEnvironment(saved); });
        DockerEngine engine(*ConnectionUrl::parse(sshUrl), DockerClientOptions{u"ssh"_s, true, {}});
        QVERIFY2(waitReady(engine), qPrintable(engine.readError() ? engine.readError()->message : QString()));
        QCOMPARE(engine.plugins()->plugins.size(), 2);
        Outcome outcome = finish(engine.createVolume(u"acme/parity:latest"_s, u"viassh"_s, {}));
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));
        outcome = finish(engine.inspectVolume(u"viassh"_s));
        QVERIFY2(!outcome.error, qPrintable(describe(outcome)));
        QVERIFY(finish(engine.removeVolume(u"viassh"_s)).error == std::nullopt);
        outcome = finish(engine.disable(u"nosuch"_s));
        QCOMPARE(outcome.error->code, ErrorCode::NotFound);

        // A remote without docker: a clear error.
        DockerEngine noDocker(*ConnectionUrl::parse(u"ssh://root@127.0.0.1:%1"_s.arg(m_sshNoDockerPort)),
                              DockerClientOptions{u"ssh"_s, true, {}});
        outcome = finish(noDocker.reload());
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, ErrorCode::Unsupported);
        QVERIFY2(outcome.error->message.contains(u"has no docker command"_s), qPrintable(describe(outcome)));
        QVERIFY2(outcome.error->message.contains(u"127.0.0.1"_s), qPrintable(describe(outcome)));

        // ssh itself failing (nothing listens there): its own message.
        DockerEngine refused(*ConnectionUrl::parse(u"ssh://root@127.0.0.1:%1"_s.arg(testutil::freeLoopbackPort())),
                             DockerClientOptions{u"ssh"_s, true, {}});
        outcome = finish(refused.reload());
        QVERIFY(outcome.error);
        QCOMPARE(outcome.error->code, ErrorCode::Network);
        QVERIFY2(outcome.error->message.contains(u"Connection refused"_s), qPrintable(describe(outcome)));
    }

private:
    QString url_() const { return m_dockerd.url(); }

    static void parityRows()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("plugin ls") << QStringList{u"plugin"_s, u"ls"_s};
        QTest::newRow("plugin ls --no-trunc") << QStringList{u"plugin"_s, u"ls"_s, u"--no-trunc"_s};
        QTest::newRow("plugin ls -q") << QStringList{u"plugin"_s, u"ls"_s, u"-q"_s};
        QTest::newRow("plugin inspect") << QStringList{u"plugin"_s, u"inspect"_s, u"acme/parity"_s};
        QTest::newRow("plugin inspect two")
            << QStringList{u"plugin"_s, u"inspect"_s, u"acme/parity:latest"_s, u"acme/parity-disabled"_s};
        QTest::newRow("plugin inspect missing") << QStringList{u"plugin"_s, u"inspect"_s, u"nosuch"_s};
        QTest::newRow("plugin inspect bad name") << QStringList{u"plugin"_s, u"inspect"_s, u"Bad_Name!"_s};
        QTest::newRow("volume ls") << QStringList{u"volume"_s, u"ls"_s};
        QTest::newRow("volume ls -q") << QStringList{u"volume"_s, u"ls"_s, u"-q"_s};
    }

    // Two plugins (one enabled, with a long description) and three volumes, made once, through Docker's own client.
    void prepareParity()
    {
        if (!m_dockerd.client({u"plugin"_s, u"inspect"_s, u"acme/parity"_s}).exitCode)
            return;
        QVERIFY(writePluginFolder(m_folder, m_mountSource, "parity"));
        Run made = m_dockerd.client({u"plugin"_s, u"create"_s, u"acme/parity"_s, m_folder});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        QVERIFY(writePluginFolder(m_folder, m_mountSource, "parity, disabled"));
        made = m_dockerd.client({u"plugin"_s, u"create"_s, u"acme/parity-disabled:v0"_s, m_folder});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        made = m_dockerd.client({u"plugin"_s, u"enable"_s, u"acme/parity"_s});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        for (const QString &volume : {u"pv-b"_s, u"pv-a"_s, u"pv-10"_s, u"pv-9"_s}) {
            made = m_dockerd.client({u"volume"_s, u"create"_s, u"-d"_s, u"acme/parity:latest"_s, volume});
            QVERIFY2(made.exitCode == 0, qPrintable(made.err));
        }
        made = m_dockerd.client({u"volume"_s, u"create"_s, u"localvol"_s});
        QVERIFY2(made.exitCode == 0, qPrintable(made.err));
    }

    // sshd -D on two loopback ports: on the first a session's DOCKER_HOST is the test daemon, on the second its PATH
    // has no docker. Root logs in with a key the test made (prohibit-password).
    bool startSshd(QString *why)
    {
        if (m_sshd.state() == QProcess::Running)
            return true;
        if (!QFileInfo(u"/usr/sbin/sshd"_s).isExecutable()) {
            *why = u"sshd is missing: scripts/setup installs openssh-server"_s;
            return false;
        }
        const QString dir = m_dir->filePath(u"ssh"_s);
        QDir().mkpath(dir);
        QDir().mkpath(u"/run/sshd"_s); // sshd's privilege separation folder
        for (const QString &key : {u"host_key"_s, u"client_key"_s}) {
            const Run made =
                run(u"ssh-keygen"_s, {u"-q"_s, u"-t"_s, u"ed25519"_s, u"-N"_s, QString(), u"-f"_s, dir + u'/' + key});
            if (made.exitCode != 0) {
                *why = u"ssh-keygen: "_s + made.err;
                return false;
            }
        }
        QFile::copy(dir + u"/client_key.pub"_s, dir + u"/authorized_keys"_s);
        m_sshPort = testutil::freeLoopbackPort();
        m_sshNoDockerPort = testutil::freeLoopbackPort();
        const QByteArray config = "Port " + QByteArray::number(m_sshPort) + "\nPort " +
                                  QByteArray::number(m_sshNoDockerPort) + "\nListenAddress 127.0.0.1\nHostKey " +
                                  dir.toUtf8() + "/host_key\nPidFile " + dir.toUtf8() +
                                  "/sshd.pid\nPermitRootLogin prohibit-password\nPasswordAuthentication no\n"
                                  "KbdInteractiveAuthentication no\nUsePAM no\nStrictModes no\nAuthorizedKeysFile " +
                                  dir.toUtf8() + "/authorized_keys\nLogLevel ERROR\n" + "Match LocalPort " +
                                  QByteArray::number(m_sshPort) + "\n    SetEnv DOCKER_HOST=" + url_().toUtf8() +
                                  "\nMatch LocalPort " + QByteArray::number(m_sshNoDockerPort) +
                                  "\n    SetEnv DOCKER_HOST=" + url_().toUtf8() + " PATH=/nonexistent:/usr/games\n";
        if (!testutil::writeFile(dir + u"/sshd_config"_s, config)) {
            *why = u"cannot write sshd_config"_s;
            return false;
        }
        m_sshd.setProcessChannelMode(QProcess::MergedChannels);
        m_sshd.setStandardOutputFile(dir + u"/sshd.log"_s);
        m_sshd.start(u"/usr/sbin/sshd"_s, {u"-D"_s, u"-e"_s, u"-f"_s, dir + u"/sshd_config"_s});
        if (!m_sshd.waitForStarted(10000)) {
            *why = u"sshd did not start: "_s + m_sshd.errorString();
            return false;
        }
        // The client side: a home of the test's own with ~/.ssh/config (ssh reads the passwd entry's home, not
        // $HOME: nss_wrapper gives root that home for the ssh processes started with sshClientEnvironment()).
        m_sshHome = m_dir->filePath(u"home"_s);
        QDir().mkpath(m_sshHome + u"/.ssh"_s);
        const QByteArray clientConfig = "Host 127.0.0.1\n    IdentityFile " + dir.toUtf8() +
                                        "/client_key\n    IdentitiesOnly yes\n    UserKnownHostsFile " +
                                        m_sshHome.toUtf8() +
                                        "/.ssh/known_hosts\n    GlobalKnownHostsFile /dev/null\n"
                                        "    StrictHostKeyChecking accept-new\n";
        if (!testutil::writeFile(m_sshHome + u"/.ssh/config"_s, clientConfig) ||
            !testutil::writeFile(dir + u"/passwd"_s, "root:x:0:0:root:" + m_sshHome.toUtf8() + ":/bin/sh\n") ||
            !testutil::writeFile(dir + u"/group"_s, "root:x:0:\n")) {
            *why = u"cannot write the client's ssh files"_s;
            return false;
        }
        QFile::setPermissions(m_sshHome + u"/.ssh/config"_s, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        // Wait until both ports accept connections.
        for (int port : {m_sshPort, m_sshNoDockerPort}) {
            QElapsedTimer waited;
            waited.start();
            bool up = false;
            while (!up && waited.elapsed() < 20000 && m_sshd.state() == QProcess::Running) {
                QTcpSocket probe;
                probe.connectToHost(QHostAddress::LocalHost, static_cast<quint16>(port));
                up = probe.waitForConnected(500);
                if (!up)
                    QTest::qWait(100);
            }
            if (!up) {
                QFile log(dir + u"/sshd.log"_s);
                log.open(QIODevice::ReadOnly);
                *why = u"sshd did not listen on port %1: "_s.arg(port) + QString::fromUtf8(log.readAll());
                return false;
            }
        }
        return true;
    }

    QProcessEnvironment sshClientEnvironment() const
    {
        const QString dir = m_dir->filePath(u"ssh"_s);
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"LD_PRELOAD"_s, u"libnss_wrapper.so"_s);
        environment.insert(u"NSS_WRAPPER_PASSWD"_s, dir + u"/passwd"_s);
        environment.insert(u"NSS_WRAPPER_GROUP"_s, dir + u"/group"_s);
        environment.insert(u"HOME"_s, m_sshHome);
        environment.remove(u"SSH_AUTH_SOCK"_s);
        return environment;
    }

    // Puts the variables of `environment` that differ into this process's (for the ssh processes the engine starts);
    // returns what to restore ("NAME=old", or "NAME" to unset).
    static QStringList applyEnvironment(const QProcessEnvironment &environment)
    {
        QStringList saved;
        for (const QString &name :
             {u"LD_PRELOAD"_s, u"NSS_WRAPPER_PASSWD"_s, u"NSS_WRAPPER_GROUP"_s, u"HOME"_s, u"SSH_AUTH_SOCK"_s}) {
            saved.append(qEnvironmentVariableIsSet(qPrintable(name))
                             ? name + u'=' + qEnvironmentVariable(qPrintable(name))
                             : name);
            if (environment.contains(name))
                qputenv(qPrintable(name), environment.value(name).toUtf8());
            else
                qunsetenv(qPrintable(name));
        }
        return saved;
    }

    static void restoreEnvironment(const QStringList &saved)
    {
        for (const QString &entry : saved) {
            const qsizetype equals = entry.indexOf(u'=');
            if (equals < 0)
                qunsetenv(qPrintable(entry));
            else
                qputenv(qPrintable(entry.left(equals)), entry.mid(equals + 1).toUtf8());
        }
    }
};

QTEST_GUILESS_MAIN(TestDockerEngine)
#include "tst_dockerengine.moc"
