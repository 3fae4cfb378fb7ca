// A Swarm rollout of a managed plugin through core::SwarmPlugins against a real single-node Swarm: Debian's dockerd
// with --experimental, `docker swarm init`, the test volume plugin in a loopback docker-registry under two tags
// (the second wants CAP_SYS_ADMIN). The node's own `docker plugin` CLI is the witness. Also a dockerd without
// --experimental (and first without a Swarm): the errors in words, with Docker's own text.
#include "common/testswarm.h"
#include "common/waitfor.h"
#include "core/docker/dockerclient.h"
#include "core/docker/swarmplugins.h"

#include <QHostInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QSysInfo>
#include <QTest>
#include <unistd.h>

using core::PluginService;
using core::PluginTask;
using core::SwarmPlugins;

class TestSwarmPlugins : public QObject
{
    Q_OBJECT

private:
    testutil::TestRegistry m_registry;
    testutil::TestSwarmDaemon m_daemon;
    std::unique_ptr<core::DockerClient> m_client;
    std::unique_ptr<SwarmPlugins> m_swarm;

    QString tag(const QString &name) const { return m_registry.host() + QStringLiteral("/acme/swarmvol:") + name; }

    core::Result<QList<PluginTask>> tasksOf(const QString &serviceId)
    {
        return testutil::waitFor<core::Result<QList<PluginTask>>>(
            [&](QObject *context, auto done) { m_swarm->tasks(serviceId, context, done); });
    }
    core::Result<QList<PluginService>> services()
    {
        return testutil::waitFor<core::Result<QList<PluginService>>>(
            [&](QObject *context, auto done) { m_swarm->list(context, done); });
    }
    // The newest task of the service (the tasks come newest first on each node; this Swarm has one node).
    std::optional<PluginTask> newestTask(const QString &serviceId)
    {
        auto tasks = tasksOf(serviceId);
        if (!tasks || tasks->isEmpty())
            return std::nullopt;
        return tasks->first();
    }
    QString describe(const QString &serviceId)
    {
        auto tasks = tasksOf(serviceId);
        if (!tasks)
            return tasks.error().message;
        QStringList lines;
        for (const PluginTask &task : *tasks)
            lines.append(
                QStringLiteral("%1 %2/%3 %4 %5 %6")
                    .arg(task.nodeHostname, task.desiredState, task.state, task.message, task.error, task.remote));
        return lines.join(QLatin1Char('\n')) + QStringLiteral("\nplugins: ") +
               m_daemon.cli({QStringLiteral("plugin"), QStringLiteral("ls")}).out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("dockerd runs as root: run this test as root");
        QString error;
        QVERIFY2(m_registry.start({}, &error), qPrintable(error));
        const QString why = m_daemon.start(true);
        if (why.contains(QLatin1String("not installed")))
            QSKIP(qPrintable(why));
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QVERIFY2(m_daemon.pushTestPlugin(tag(QStringLiteral("1")), QStringLiteral(TEST_PLUGIN_BINARY)).isEmpty(),
                 "cannot push tag 1");
        const QString pushed = m_daemon.pushTestPlugin(tag(QStringLiteral("2")), QStringLiteral(TEST_PLUGIN_BINARY),
                                                       {QStringLiteral("CAP_SYS_ADMIN")});
        QVERIFY2(pushed.isEmpty(), qPrintable(pushed));
        const QString init = m_daemon.initSwarm();
        QVERIFY2(init.isEmpty(), qPrintable(init));
        auto url = core::ConnectionUrl::parse(m_daemon.url());
        QVERIFY(url.ok());
        m_client = std::make_unique<core::DockerClient>(*url);
        m_swarm = std::make_unique<SwarmPlugins>(m_client.get());
    }

    void cleanupTestCase()
    {
        m_swarm.reset();
        m_client.reset();
        m_daemon.stop();
    }

    void state()
    {
        auto state = testutil::waitFor<core::Result<core::SwarmState>>(
            [&](QObject *context, auto done) { m_swarm->state(context, done); });
        QVERIFY2(state.ok(), qPrintable(state.ok() ? QString() : state.error().message));
        QCOMPARE(state->localNodeState, QStringLiteral("active"));
        QVERIFY(state->controlAvailable);
        QVERIFY(state->isManager());
        QVERIFY(state->experimental);
        QCOMPARE(state->nodes, 1);
        QCOMPARE(state->problem(m_client->describe()), QString());
    }

    void privileges()
    {
        auto none = testutil::waitFor<core::Result<core::Privileges>>(
            [&](QObject *context, auto done) { m_swarm->privileges(tag(QStringLiteral("1")), context, done); });
        QVERIFY2(none.ok(), qPrintable(none.ok() ? QString() : none.error().message));
        QVERIFY(none->isEmpty());
        auto wanted = testutil::waitFor<core::Result<core::Privileges>>(
            [&](QObject *context, auto done) { m_swarm->privileges(tag(QStringLiteral("2")), context, done); });
        QVERIFY2(wanted.ok(), qPrintable(wanted.ok() ? QString() : wanted.error().message));
        QCOMPARE(wanted->size(), 1);
        QCOMPARE(wanted->items().first().name, QStringLiteral("capabilities"));
        QCOMPARE(wanted->items().first().value, QStringList{QStringLiteral("CAP_SYS_ADMIN")});
        // A tag the registry does not have is no error here: dockerd 20.10 answers `null`, as for a plugin that wants
        // nothing. The pull on each node fails instead, and its task says so.
    }

    // Install on the cluster, see the task running and the node's plugin enabled; update to tag 2 (with the privilege
    // it wants), see it roll out; remove it, see the service and the node's plugin gone.
    void rollout()
    {
        core::PluginServiceSpec spec;
        spec.serviceName = QStringLiteral("swarmvol");
        spec.pluginName = QStringLiteral("swarmvol");
        spec.remote = tag(QStringLiteral("1"));
        auto created = testutil::waitFor<core::Result<QString>>(
            [&](QObject *context, auto done) { m_swarm->create(spec, context, done); });
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        const QString id = *created;

        // Docker names a plugin without a tag NAME:latest.
        const QString onNode = QStringLiteral("swarmvol:latest");
        QTRY_VERIFY2_WITH_TIMEOUT(newestTask(id) && newestTask(id)->state == QLatin1String("running"),
                                  qPrintable(describe(id)), 90000);
        const PluginTask task = *newestTask(id);
        QCOMPARE(task.desiredState, QStringLiteral("running"));
        QCOMPARE(task.nodeHostname, QSysInfo::machineHostName());
        QCOMPARE(task.remote, tag(QStringLiteral("1")));
        QCOMPARE(task.error, QString());
        const testutil::CliRun ls =
            m_daemon.cli({QStringLiteral("plugin"), QStringLiteral("ls"), QStringLiteral("--format"),
                          QStringLiteral("{{.Name}} {{.Enabled}}")});
        QCOMPARE(ls.out, onNode + QStringLiteral(" true\n"));
        QCOMPARE(m_daemon.pluginField(onNode, QStringLiteral("{{.PluginReference}}")), tag(QStringLiteral("1")));

        auto listed = services();
        QVERIFY2(listed.ok(), qPrintable(listed.ok() ? QString() : listed.error().message));
        QCOMPARE(listed->size(), 1);
        const PluginService service = listed->first();
        QCOMPARE(service.id, id);
        QCOMPARE(service.name, QStringLiteral("swarmvol"));
        QCOMPARE(service.pluginName, QStringLiteral("swarmvol"));
        QCOMPARE(service.remote, tag(QStringLiteral("1")));
        QVERIFY(!service.disabled);
        QVERIFY(service.constraints.isEmpty());
        QVERIFY(service.version > 0);

        // Tag 2 wants CAP_SYS_ADMIN: approved here, as the window's privilege dialog does.
        const core::Privileges approved({core::Privilege{QStringLiteral("capabilities"),
                                                         QStringLiteral("list of additional capabilities required"),
                                                         {QStringLiteral("CAP_SYS_ADMIN")},
                                                         {},
                                                         {}}});
        auto updated = testutil::waitFor<core::Status>([&](QObject *context, auto done) {
            m_swarm->update(id, tag(QStringLiteral("2")), approved, context, done);
        });
        QVERIFY2(updated.ok(), qPrintable(updated.ok() ? QString() : updated.error().message));
        QTRY_VERIFY2_WITH_TIMEOUT(newestTask(id) && newestTask(id)->remote == tag(QStringLiteral("2")) &&
                                      newestTask(id)->state == QLatin1String("running"),
                                  qPrintable(describe(id)), 90000);
        QTRY_COMPARE_WITH_TIMEOUT(m_daemon.pluginField(onNode, QStringLiteral("{{.PluginReference}}")),
                                  tag(QStringLiteral("2")), 30000);
        QCOMPARE(m_daemon.pluginField(onNode, QStringLiteral("{{.Enabled}}")), QStringLiteral("true"));
        QCOMPARE(m_daemon.pluginField(onNode, QStringLiteral("{{.Config.Linux.Capabilities}}")),
                 QStringLiteral("[CAP_SYS_ADMIN]"));
        // The old task is shut down, the service's update completed.
        auto tasks = tasksOf(id);
        QVERIFY(tasks.ok());
        QCOMPARE(tasks->size(), 2);
        QCOMPARE(tasks->at(1).remote, tag(QStringLiteral("1")));
        QCOMPARE(tasks->at(1).desiredState, QStringLiteral("shutdown"));
        QTRY_VERIFY_WITH_TIMEOUT(services().ok() && services()->first().updateState == QLatin1String("completed"),
                                 30000);
        QCOMPARE(services()->first().remote, tag(QStringLiteral("2")));
        QCOMPARE(services()->first().privileges.items(), approved.items());

        auto removed =
            testutil::waitFor<core::Status>([&](QObject *context, auto done) { m_swarm->remove(id, context, done); });
        QVERIFY2(removed.ok(), qPrintable(removed.ok() ? QString() : removed.error().message));
        QVERIFY(services().ok());
        QVERIFY(services()->isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(
            m_daemon.cli({QStringLiteral("plugin"), QStringLiteral("ls"), QStringLiteral("-q")}).out, QString(), 60000);
        // Removing it again: Docker's own "not found".
        auto again =
            testutil::waitFor<core::Status>([&](QObject *context, auto done) { m_swarm->remove(id, context, done); });
        QVERIFY(!again.ok());
        QCOMPARE(again.error().code, core::ErrorCode::NotFound);
        QVERIFY2(again.error().message.contains(id), qPrintable(again.error().message));
    }

    // Without the privilege tag 2 wants, the node refuses it and the task says so; a constraint that picks no node
    // leaves the service without tasks.
    void refusedAndPlaced()
    {
        core::PluginServiceSpec spec;
        spec.serviceName = QStringLiteral("unapproved");
        spec.pluginName = QStringLiteral("unapproved");
        spec.remote = tag(QStringLiteral("2"));
        auto created = testutil::waitFor<core::Result<QString>>(
            [&](QObject *context, auto done) { m_swarm->create(spec, context, done); });
        QVERIFY2(created.ok(), qPrintable(created.ok() ? QString() : created.error().message));
        QTRY_VERIFY2_WITH_TIMEOUT(newestTask(*created) && newestTask(*created)->state == QLatin1String("rejected"),
                                  qPrintable(describe(*created)), 90000);
        QCOMPARE(newestTask(*created)->error, QStringLiteral("incorrect privileges"));

        core::PluginServiceSpec placed;
        placed.serviceName = QStringLiteral("placed");
        placed.remote = tag(QStringLiteral("1"));
        placed.constraints = {QStringLiteral("node.hostname==no-such-host")};
        auto nowhere = testutil::waitFor<core::Result<QString>>(
            [&](QObject *context, auto done) { m_swarm->create(placed, context, done); });
        QVERIFY2(nowhere.ok(), qPrintable(nowhere.ok() ? QString() : nowhere.error().message));
        auto listed = services();
        QVERIFY(listed.ok());
        QCOMPARE(listed->size(), 2);
        QCOMPARE(listed->at(0).name, QStringLiteral("placed"));
        QCOMPARE(listed->at(0).constraints, QStringList{QStringLiteral("node.hostname==no-such-host")});
        QCOMPARE(listed->at(0).pluginName, tag(QStringLiteral("1"))); // no name given: the reference
        QTest::qWait(3000);
        QVERIFY2(tasksOf(*nowhere)->isEmpty(), qPrintable(describe(*nowhere)));

        for (const PluginService &service : *listed) {
            auto removed = testutil::waitFor<core::Status>(
                [&](QObject *context, auto done) { m_swarm->remove(service.id, context, done); });
            QVERIFY(removed.ok());
        }
        QTRY_COMPARE_WITH_TIMEOUT(
            m_daemon.cli({QStringLiteral("plugin"), QStringLiteral("ls"), QStringLiteral("-q")}).out, QString(), 60000);
    }

    void badSpecs_data()
    {
        QTest::addColumn<QString>("serviceName");
        QTest::addColumn<QString>("remote");
        QTest::addColumn<QStringList>("constraints");
        QTest::addColumn<QString>("named");
        QTest::newRow("empty name") << QString() << QStringLiteral("a/b:1") << QStringList() << QStringLiteral("name");
        QTest::newRow("bad name") << QStringLiteral("-x y") << QStringLiteral("a/b:1") << QStringList()
                                  << QStringLiteral("\"-x y\"");
        QTest::newRow("long name") << QString(64, QLatin1Char('a')) << QStringLiteral("a/b:1") << QStringList()
                                   << QString(64, QLatin1Char('a'));
        QTest::newRow("no reference") << QStringLiteral("ok") << QString() << QStringList()
                                      << QStringLiteral("reference");
        QTest::newRow("spaced reference")
            << QStringLiteral("ok") << QStringLiteral("a b") << QStringList() << QStringLiteral("\"a b\"");
        QTest::newRow("constraint without operator")
            << QStringLiteral("ok") << QStringLiteral("a/b:1") << QStringList{QStringLiteral("node.hostname")}
            << QStringLiteral("\"node.hostname\"");
        QTest::newRow("constraint without value")
            << QStringLiteral("ok") << QStringLiteral("a/b:1") << QStringList{QStringLiteral("node.role==")}
            << QStringLiteral("\"node.role==\"");
    }

    // Refused before Docker is asked, with the bad field named.
    void badSpecs()
    {
        QFETCH(QString, serviceName);
        QFETCH(QString, remote);
        QFETCH(QStringList, constraints);
        QFETCH(QString, named);
        core::PluginServiceSpec spec;
        spec.serviceName = serviceName;
        spec.remote = remote;
        spec.constraints = constraints;
        auto created = testutil::waitFor<core::Result<QString>>(
            [&](QObject *context, auto done) { m_swarm->create(spec, context, done); });
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, core::ErrorCode::InvalidArgument);
        QVERIFY2(created.error().message.contains(named), qPrintable(created.error().message));
    }

    // The request body: Docker's swarm runtime reads "privileges" (its JSON tags are lower case), not the
    // "PluginPrivilege" of its API reference.
    void specJson()
    {
        core::PluginServiceSpec spec;
        spec.serviceName = QStringLiteral("s");
        spec.remote = QStringLiteral("r/p:1");
        spec.disabled = true;
        spec.privileges = core::Privileges(
            {core::Privilege{QStringLiteral("network"), QStringLiteral("d"), {QStringLiteral("host")}, {}, {}}});
        spec.constraints = {QStringLiteral(" node.labels.zone == a ")};
        const QJsonObject json = SwarmPlugins::serviceSpec(spec);
        const QJsonObject task = json.value(QLatin1String("TaskTemplate")).toObject();
        QCOMPARE(task.value(QLatin1String("Runtime")).toString(), QStringLiteral("plugin"));
        const QJsonObject plugin = task.value(QLatin1String("PluginSpec")).toObject();
        QCOMPARE(plugin.value(QLatin1String("name")).toString(), QStringLiteral("r/p:1"));
        QCOMPARE(plugin.value(QLatin1String("remote")).toString(), QStringLiteral("r/p:1"));
        QCOMPARE(plugin.value(QLatin1String("disabled")).toBool(), true);
        QCOMPARE(plugin.value(QLatin1String("privileges")).toArray(),
                 (QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("network")},
                                         {QStringLiteral("description"), QStringLiteral("d")},
                                         {QStringLiteral("value"), QJsonArray{QStringLiteral("host")}}}}));
        QCOMPARE(task.value(QLatin1String("Placement")).toObject().value(QLatin1String("Constraints")).toArray(),
                 QJsonArray{QStringLiteral("node.labels.zone == a")});
        QVERIFY(json.value(QLatin1String("Mode")).toObject().contains(QLatin1String("Global")));
        QCOMPARE(json.value(QLatin1String("UpdateConfig")).toObject().value(QLatin1String("Parallelism")).toInt(), 1);
        QCOMPARE(SwarmPlugins::serviceNameFor(QStringLiteral("127.0.0.1:5000/acme/swarm_vol:1")),
                 QStringLiteral("swarm_vol"));
        QCOMPARE(SwarmPlugins::serviceNameFor(QStringLiteral("vieux/sshfs")), QStringLiteral("sshfs"));
    }

    // A dockerd without --experimental: first outside any Swarm (not a manager), then a manager that refuses the
    // plugin runtime. Both in words, Docker's own text kept.
    void withoutExperimental()
    {
        testutil::TestSwarmDaemon plain;
        const QString why = plain.start(false);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        auto url = core::ConnectionUrl::parse(plain.url());
        QVERIFY(url.ok());
        core::DockerClient client(*url);
        SwarmPlugins swarm(&client);

        auto state = testutil::waitFor<core::Result<core::SwarmState>>(
            [&](QObject *context, auto done) { swarm.state(context, done); });
        QVERIFY(state.ok());
        QCOMPARE(state->localNodeState, QStringLiteral("inactive"));
        QVERIFY(!state->experimental);
        QVERIFY(!state->isManager());
        const QString problem = state->problem(client.describe());
        QVERIFY2(problem.contains(QLatin1String("is not part of a Swarm")) && problem.contains(plain.url()),
                 qPrintable(problem));
        auto listed = testutil::waitFor<core::Result<QList<PluginService>>>(
            [&](QObject *context, auto done) { swarm.list(context, done); });
        QVERIFY(!listed.ok());
        QVERIFY2(listed.error().message.startsWith(plain.url() + QStringLiteral(" is not a Swarm manager")),
                 qPrintable(listed.error().message));
        QVERIFY2(listed.error().message.contains(QLatin1String("Docker said: This node is not a swarm manager.")),
                 qPrintable(listed.error().message));

        const QString init = plain.initSwarm();
        QVERIFY2(init.isEmpty(), qPrintable(init));
        state = testutil::waitFor<core::Result<core::SwarmState>>(
            [&](QObject *context, auto done) { swarm.state(context, done); });
        QVERIFY(state.ok());
        QVERIFY(state->isManager());
        QVERIFY2(state->problem(client.describe())
                     .startsWith(QStringLiteral("Swarm's plugin runtime needs dockerd started with --experimental")),
                 qPrintable(state->problem(client.describe())));

        core::PluginServiceSpec spec;
        spec.serviceName = QStringLiteral("swarmvol");
        spec.remote = tag(QStringLiteral("1"));
        auto created = testutil::waitFor<core::Result<QString>>(
            [&](QObject *context, auto done) { swarm.create(spec, context, done); });
        QVERIFY(!created.ok());
        QCOMPARE(created.error().code, core::ErrorCode::Unsupported);
        QVERIFY2(created.error().message.contains(
                     QLatin1String("Swarm's plugin runtime needs dockerd started with --experimental")),
                 qPrintable(created.error().message));
        QVERIFY2(created.error().message.endsWith(
                     QLatin1String("Docker said: runtime type \"plugin\" only supported in experimental")),
                 qPrintable(created.error().message));
        plain.cli({QStringLiteral("swarm"), QStringLiteral("leave"), QStringLiteral("--force")});
    }
};

QTEST_GUILESS_MAIN(TestSwarmPlugins)
#include "tst_swarmplugins.moc"
