// Issue 10, items 1 and 2: what a person approved is what runs. A user holding only org.plugdesk.manage tries to
// give a plugin the host's / (a mount source) or every device (a device path) through `set`, a settings file edited
// behind the engine's back tries to slip the same past `enable`, and a config asks for a kernel filesystem under a
// harmless-looking name. Each is performed against the real plugdesk-helper on a private bus with the real polkitd,
// and must be refused with the store byte-identical and no plugin started.
#include "common/pluginfixture.h"
#include "common/securityenv.h"
#include "common/testutil.h"
#include "core/runtime/runcruntime.h"
#include "core/store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QString kId = u"5ec0"_s + QString(8, u'a');
const QString kName = u"acme/vol:latest"_s;

// A volume plugin shaped like vieux/sshfs: a settable bind mount and a settable device, the real test binary.
core::Plugin sshfsLike(const QString &stateSource)
{
    testutil::TestPluginSpec spec;
    spec.id = kId;
    spec.repository = u"acme/vol"_s;
    core::Plugin plugin = testutil::makeTestPlugin(spec);
    plugin.config.mounts = {core::PluginMount{
        u"state"_s, u"plugin state"_s, {u"source"_s}, stateSource, u"/mnt/state"_s, u"bind"_s, {u"rbind"_s}}};
    plugin.config.devices = {core::PluginDevice{u"fuse"_s, {}, {u"path"_s}, u"/dev/null"_s}};
    plugin.config.env = {core::PluginEnv{u"DEBUG"_s, {}, {u"value"_s}, u"0"_s}};
    plugin.settings.mounts = plugin.config.mounts;
    plugin.settings.devices = plugin.config.devices;
    return plugin;
}

} // namespace

class TestSecPrivileges : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testutil::SecurityEnv> m_env;
    QString m_stateDir;

    bool setUp(const QStringList &nobodyActions, const core::Plugin &plugin)
    {
        m_env = std::make_unique<testutil::SecurityEnv>();
        if (const QString why = m_env->start(nobodyActions); !why.isEmpty()) {
            qWarning("%s", qPrintable(why));
            return false;
        }
        return testutil::writeTestPlugins(m_env->store(), QStringLiteral(TEST_PLUGIN_BINARY), {plugin}) &&
               m_env->startHelper(QStringLiteral(PLUGDESK_HELPER));
    }

    QStringList containers() const { return core::RuncRuntime(m_env->run()).list().valueOr({u"?"_s}); }

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = testutil::SecurityEnv::unavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
    }

    void init()
    {
        m_stateDir = u"/tmp/plugdesk-sec-state"_s;
        QDir().mkpath(m_stateDir);
    }

    void cleanup()
    {
        if (m_env)
            testutil::stopTestPlugin(m_env->run(), kId, m_env->store());
        m_env.reset();
    }

    // Item 1, through plugdeskctl: a user with org.plugdesk.manage only asks to mount the host's / (or to reach
    // every device) and says yes to everything. The change is a privilege grant, which polkit refuses, and nothing
    // is written.
    void manageAloneCannotGrant_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<QString>("privilege");
        QTest::newRow("mount source /") << u"state.source=/"_s << u"mount: [/]"_s;
        QTest::newRow("device path /dev") << u"fuse.path=/dev"_s << u"device: [/dev]"_s;
    }

    void manageAloneCannotGrant()
    {
        QFETCH(QString, setting);
        QFETCH(QString, privilege);
        QVERIFY(setUp({u"org.plugdesk.read"_s, u"org.plugdesk.manage"_s}, sshfsLike(m_stateDir)));
        const auto before = testutil::snapshot(m_env->store());

        const auto run = m_env->ctl(QStringLiteral(PLUGDESKCTL),
                                    {u"plugin"_s, u"set"_s, u"--grant-all-permissions"_s, kName, setting});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains(u"org.plugdesk.grant"_s), qPrintable(run.err));
        QCOMPARE(testutil::snapshot(m_env->store()), before);

        // Without the flag the person is shown the new privilege, marked, and asked; no answer is a no.
        const auto asked = m_env->ctl(QStringLiteral(PLUGDESKCTL), {u"plugin"_s, u"set"_s, kName, setting});
        QCOMPARE(asked.status, 1);
        QVERIFY2(asked.out.contains(privilege + u"   (new)"_s), qPrintable(asked.out));
        QVERIFY2(asked.out.contains(u"Do you grant the above permissions? [y/N]"_s), qPrintable(asked.out));
        QCOMPARE(testutil::snapshot(m_env->store()), before);
    }

    // Item 1, the raw bus call a hostile client makes instead: SetPlugin, which org.plugdesk.manage allows, must not
    // change a privilege, and names what it would have given.
    void rawSetIsRefused_data() { manageAloneCannotGrant_data(); }

    void rawSetIsRefused()
    {
        QFETCH(QString, setting);
        QFETCH(QString, privilege);
        QVERIFY(setUp({u"org.plugdesk.read"_s, u"org.plugdesk.manage"_s}, sshfsLike(m_stateDir)));
        const auto before = testutil::snapshot(m_env->store());
        const auto call = m_env->nobodyMethod(u"SetPlugin"_s, {u"sasa{sv}"_s, kName, u"1"_s, setting, u"0"_s});
        QVERIFY2(call.status != 0, qPrintable(call.out));
        QVERIFY2(call.err.contains(u"not approved"_s) && call.err.contains(privilege), qPrintable(call.err));
        QCOMPARE(testutil::snapshot(m_env->store()), before);
    }

    // Item 1: a plain setting (an env value) still needs only org.plugdesk.manage.
    void plainSettingNeedsNoGrant()
    {
        QVERIFY(setUp({u"org.plugdesk.read"_s, u"org.plugdesk.manage"_s}, sshfsLike(m_stateDir)));
        const auto run = m_env->ctl(QStringLiteral(PLUGDESKCTL), {u"plugin"_s, u"set"_s, kName, u"DEBUG=1"_s});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        auto stored = core::Store(m_env->store()).load();
        QVERIFY(stored.ok());
        QCOMPARE(stored->plugins.first().settings.envValue(u"DEBUG"_s), u"1"_s);
    }

    // Item 1: with org.plugdesk.grant the change is made, and what was approved is recorded in the store.
    void grantRecordsTheApproval()
    {
        QVERIFY(
            setUp({u"org.plugdesk.read"_s, u"org.plugdesk.manage"_s, u"org.plugdesk.grant"_s}, sshfsLike(m_stateDir)));
        const QString other = m_env->folder();
        const auto run = m_env->ctl(QStringLiteral(PLUGDESKCTL), {u"plugin"_s, u"set"_s, u"--grant-all-permissions"_s,
                                                                  kName, u"state.source="_s + other});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        auto stored = core::Store(m_env->store()).load();
        QVERIFY(stored.ok());
        const core::Plugin plugin = stored->plugins.first();
        QVERIFY(plugin.approved.has_value());
        QVERIFY(plugin.approved->promptLines().contains(u" - mount: ["_s + other + u']'));
        QVERIFY(plugin.unapprovedPrivileges().isEmpty());
    }

    // Item 1: a user who may grant still grants only what is shown: a GrantPlugin whose accepted list is not what the
    // plugin would run with (here: nothing at all, for the host's /) is refused, and nothing is written.
    void grantOnlyWhatIsShown()
    {
        QVERIFY(
            setUp({u"org.plugdesk.read"_s, u"org.plugdesk.manage"_s, u"org.plugdesk.grant"_s}, sshfsLike(m_stateDir)));
        const auto before = testutil::snapshot(m_env->store());
        const auto call = m_env->nobodyMethod(u"GrantPlugin"_s,
                                              {u"sassa{sv}"_s, kName, u"1"_s, u"state.source=/"_s, u"[]"_s, u"0"_s});
        QVERIFY2(call.status != 0, qPrintable(call.out));
        QVERIFY2(call.err.contains(u"incorrect privileges"_s), qPrintable(call.err));
        QCOMPARE(testutil::snapshot(m_env->store()), before);
    }

    // Item 1: settings changed behind the engine's back (a hand-edited plugin-config.json) do not run: enable
    // names the privilege nobody approved, and no container is started.
    void enableRefusesUnapprovedSettings()
    {
        QVERIFY(setUp({u"org.plugdesk.read"_s, u"org.plugdesk.manage"_s}, sshfsLike(m_stateDir)));
        const QString settingsFile = core::Store(m_env->store()).pluginDir(kId) + u"/plugin-config.json"_s;
        QJsonObject settings = QJsonDocument::fromJson(testutil::readFile(settingsFile)).object();
        QJsonArray mounts = settings.value(u"Mounts"_s).toArray();
        QJsonObject state = mounts.at(0).toObject();
        state.insert(u"Source"_s, u"/"_s);
        mounts.replace(0, state);
        settings.insert(u"Mounts"_s, mounts);
        QVERIFY(testutil::writeFile(settingsFile, QJsonDocument(settings).toJson()));
        const auto before = testutil::snapshot(m_env->store());

        const auto run = m_env->ctl(QStringLiteral(PLUGDESKCTL), {u"plugin"_s, u"enable"_s, kName});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains(u"not approved"_s) && run.err.contains(u"mount: [/]"_s), qPrintable(run.err));
        QCOMPARE(containers(), QStringList{});
        QCOMPARE(testutil::snapshot(m_env->store()), before);
    }

    // Item 2: a kernel filesystem under a bind's clothes: a config mount of type proc (the host's /proc/sys, and so
    // core_pattern) is refused outright, naming the mount, and never started.
    void kernelFilesystemNeverRuns()
    {
        core::Plugin plugin = sshfsLike(m_stateDir);
        plugin.config.mounts.append(core::PluginMount{u"hp"_s, {}, {}, u"proc"_s, u"/hp"_s, u"proc"_s, {u"nosuid"_s}});
        plugin.settings.mounts = plugin.config.mounts;
        QVERIFY(setUp({u"org.plugdesk.read"_s, u"org.plugdesk.manage"_s}, plugin));
        const auto before = testutil::snapshot(m_env->store());

        // What the person is shown says what the mount is.
        const auto inspect = m_env->ctl(QStringLiteral(PLUGDESKCTL), {u"plugin"_s, u"enable"_s, kName});
        QCOMPARE(inspect.status, 1);
        QVERIFY2(inspect.err.contains(u"proc"_s) && inspect.err.contains(u"\"hp\""_s), qPrintable(inspect.err));
        QCOMPARE(containers(), QStringList{});
        QCOMPARE(testutil::snapshot(m_env->store()), before);
    }
};

QTEST_GUILESS_MAIN(TestSecPrivileges)
#include "tst_sec_privileges.moc"
