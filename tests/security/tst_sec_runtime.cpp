// The runtime root runs is root's choice alone (issue 13, item 2). `nobody`, granted org.plugdesk.manage (so it may
// enable plugins), tries to make the helper run a program of its own as the OCI runtime: by writing the store's
// engine.json, by an option on the bus, by its environment, and through choices an admin left open to it (an
// engine.json it owns or may write, an engine.json naming a program in its folder). Each must be refused or have no
// effect, and the program must never run. Against the real plugdesk-helper on a private bus with the real polkitd.
#include "common/pluginfixture.h"
#include "common/securityenv.h"
#include "common/testutil.h"
#include "core/runtime/runcruntime.h"
#include "core/runtime/runtimechoice.h"

#include <QProcessEnvironment>
#include <QTest>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace {

const QString kId = u"5ec1"_s + QString(8, u'b');
const QString kName = u"acme/rt:latest"_s;

} // namespace

class TestSecRuntime : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<testutil::SecurityEnv> m_env;

    QString evil() const { return m_env->folder() + u"/evil"_s; }
    QString marker() const { return m_env->folder() + u"/evil-program-ran"_s; }
    QString settings() const { return core::RuntimeChoice::settingsPath(m_env->store()); }

    // nobody's own runc and crun: they would leave a mark and fail.
    bool writeEvilRuntimes()
    {
        if (!QDir().mkpath(evil()))
            return false;
        for (const QString &name : {u"runc"_s, u"crun"_s}) {
            const QString path = evil() + u'/' + name;
            if (!testutil::writeFile(path, "#!/bin/sh\ntouch " + QFile::encodeName(marker()) + "\nexit 1\n") ||
                ::chmod(QFile::encodeName(path).constData(), 0755) != 0 ||
                ::chown(QFile::encodeName(path).constData(), 65534, 65534) != 0)
                return false;
        }
        return ::chown(QFile::encodeName(evil()).constData(), 65534, 65534) == 0;
    }

    bool setUp()
    {
        m_env = std::make_unique<testutil::SecurityEnv>();
        if (const QString why = m_env->start({u"org.plugdesk.read"_s, u"org.plugdesk.manage"_s}); !why.isEmpty()) {
            qWarning("%s", qPrintable(why));
            return false;
        }
        testutil::TestPluginSpec spec;
        spec.id = kId;
        spec.repository = u"acme/rt"_s;
        if (!writeEvilRuntimes() || !testutil::writeTestPlugins(m_env->store(), QStringLiteral(TEST_PLUGIN_BINARY),
                                                                {testutil::makeTestPlugin(spec)}))
            return false;
        // The helper inherits this test's environment: the old variable must mean nothing to it.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"PLUGDESK_RUNC"_s, evil() + u"/runc"_s);
        environment.insert(u"PATH"_s, evil() + u':' + environment.value(u"PATH"_s));
        m_helper = std::make_unique<testutil::HelperProcess>();
        return m_helper->start(QStringLiteral(PLUGDESK_HELPER), m_env->busAddress(), m_env->store(), m_env->run(),
                               {u"--no-restore"_s}, environment);
    }

    // nobody's plugdeskctl, with its own idea of the runtime in its environment.
    testutil::CommandRun nobodyCtl(const QStringList &arguments)
    {
        QProcessEnvironment extra;
        extra.insert(u"PLUGDESK_RUNC"_s, evil() + u"/runc"_s);
        extra.insert(u"PLUGDESK_RUNTIME"_s, evil() + u"/crun"_s);
        extra.insert(u"PATH"_s, evil() + u':' + qEnvironmentVariable("PATH"));
        return m_env->ctl(QStringLiteral(PLUGDESKCTL), arguments, true, extra);
    }

    std::unique_ptr<testutil::HelperProcess> m_helper;

private Q_SLOTS:
    void initTestCase()
    {
        if (const QString why = testutil::SecurityEnv::unavailable(); !why.isEmpty())
            QSKIP(qPrintable(why));
        if (core::RuncRuntime::findRunc().isEmpty())
            QSKIP("runc is not installed (apt-get install runc)");
    }

    void cleanup()
    {
        if (m_env)
            testutil::stopTestPlugin(m_env->run(), kId, m_env->store());
        m_helper.reset();
        m_env.reset();
    }

    // The choice lives in root's store: nobody cannot write it, and neither its environment nor the helper's nor an
    // option on the bus chooses anything. The plugin runs with the system's runc.
    void nobodyCannotChoose()
    {
        QVERIFY(setUp());
        const auto written = m_env->runAs(
            true, u"/bin/sh"_s, {u"-c"_s, u"echo '{\"runtime\": \"%1/crun\"}' > %2"_s.arg(evil(), settings())});
        QVERIFY2(written.status != 0, qPrintable(written.out + written.err));
        QVERIFY(!QFileInfo::exists(settings()));

        // No method takes a runtime: an option naming one is refused before anything runs.
        const auto option = m_env->nobodyMethod(
            u"EnablePlugin"_s, {u"sa{sv}"_s, kName, u"1"_s, u"runtime"_s, u"s"_s, evil() + u"/crun"_s});
        QVERIFY2(option.status != 0, qPrintable(option.out + option.err));
        QVERIFY2(option.err.contains(u"runtime"_s), qPrintable(option.err));
        QVERIFY(!QFileInfo::exists(marker()));

        // Enabled by nobody through the helper: the system's runc runs it, whatever the environments say.
        const auto enabled = nobodyCtl({u"plugin"_s, u"enable"_s, kName});
        QVERIFY2(enabled.status == 0, qPrintable(enabled.out + enabled.err));
        QVERIFY(!QFileInfo::exists(marker()));
        QVERIFY(core::RuncRuntime(m_env->run()).holds(kId));
        QCOMPARE(core::RuncRuntime(m_env->run()).list().valueOr({}), QStringList{kId});
        const auto disabled = nobodyCtl({u"plugin"_s, u"disable"_s, kName});
        QVERIFY2(disabled.status == 0, qPrintable(disabled.out + disabled.err));
        QVERIFY(!QFileInfo::exists(marker()));
    }

    // Choices an admin left open to nobody are refused, naming the file and the value; nothing is started and the
    // program never runs.
    void openChoicesAreRefused_data()
    {
        QTest::addColumn<QString>("runtime"); // %1: the evil folder
        QTest::addColumn<int>("owner");
        QTest::addColumn<int>("mode");
        QTest::addColumn<QString>("says");
        QTest::newRow("engine.json owned by nobody") << u"%1/crun"_s << 65534 << 0600 << u"belongs to user 65534"_s;
        QTest::newRow("engine.json writable by all") << u"crun"_s << 0 << 0666 << u"may be written by others"_s;
        QTest::newRow("root's engine.json naming nobody's program")
            << u"%1/crun"_s << 0 << 0600 << u"the runtime \"%1/crun\" is refused"_s;
        QTest::newRow("root's engine.json naming a shell")
            << u"/bin/sh"_s << 0 << 0600 << u"the runtime \"/bin/sh\" is refused"_s;
    }

    void openChoicesAreRefused()
    {
        QFETCH(QString, runtime);
        QFETCH(int, owner);
        QFETCH(int, mode);
        QFETCH(QString, says);
        QVERIFY(setUp());
        const QString value = runtime.contains(u"%1"_s) ? runtime.arg(evil()) : runtime;
        if (says.contains(u"%1"_s))
            says = says.arg(evil());
        QVERIFY(testutil::writeFile(settings(), u"{\"runtime\": \"%1\"}\n"_s.arg(value).toUtf8()));
        QVERIFY(::chmod(QFile::encodeName(settings()).constData(), mode_t(mode)) == 0);
        QVERIFY(::chown(QFile::encodeName(settings()).constData(), uid_t(owner), gid_t(owner)) == 0);

        const auto enabled = nobodyCtl({u"plugin"_s, u"enable"_s, kName});
        QCOMPARE(enabled.status, 1);
        QVERIFY2(enabled.err.contains(settings()), qPrintable(enabled.err));
        QVERIFY2(enabled.err.contains(says), qPrintable(enabled.err));
        QVERIFY(!QFileInfo::exists(marker()));
        QVERIFY(!core::RuncRuntime(m_env->run()).holds(kId));
        QCOMPARE(core::MonitorLauncher::lockHolder(core::RunLayout(m_env->run()).lockPath(kId)), 0);
    }
};

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    TestSecRuntime test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_sec_runtime.moc"
