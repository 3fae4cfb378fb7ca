// plugdesk-helper on a private dbus-daemon: root's calls through HelperEngine, refusals for an unprivileged
// caller with and without a real polkitd, argument checks, the name policy, the idle exit, the engine choice.
#include "common/enginewait.h"
#include "common/pluginfixture.h"
#include "common/privatebus.h"
#include "common/testutil.h"
#include "core/engine/localengine.h"
#include "core/helper/helperengine.h"
#include "core/helper/helperprotocol.h"
#include "core/helper/helperverbs.h"
#include "core/runtime/runcruntime.h"
#include "core/runtime/runlayout.h"
#include "core/volume/volume.h"

#include <QDBusMessage>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <memory>
#include <unistd.h>

namespace {

const QString kSettableId = QStringLiteral("7f3e") + QString(60, QLatin1Char('1'));
const QString kSettableName = QStringLiteral("localhost:5000/acme/authz:2.0");
const QString kPolicyTarget = QStringLiteral("/usr/share/polkit-1/actions/org.plugdesk.policy");
const QString kRulesTarget = QStringLiteral("/etc/polkit-1/rules.d/49-plugdesk-test.rules");

} // namespace

class TestHelper : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int status = -1;
        QString out;
        QString err;
    };

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<testutil::PrivateBus> m_bus;
    std::unique_ptr<QProcess> m_helper;
    QString m_store;
    QString m_bin;

    // A disabled v1 plugin with a settable env next to the seed's enabled one.
    static bool addSettablePlugin(const QString &root)
    {
        const QByteArray config = R"({
            "Description": "Settable plugin", "Entrypoint": ["/plugin"],
            "Interface": {"Types": ["docker.authz/1.0"], "Socket": "authz.sock"},
            "Env": [{"Name": "DEBUG", "Value": "0", "Settable": ["value"]}],
            "Args": {"Name": "args", "Settable": ["value"], "Value": []}
        })";
        if (!testutil::writeFile(root + QStringLiteral("/plugins/") + kSettableId + QStringLiteral("/config.json"),
                                 config))
            return false;
        QJsonObject inventory =
            QJsonDocument::fromJson(testutil::readFile(root + QStringLiteral("/plugins/plugins.json"))).object();
        inventory.insert(kSettableId,
                         QJsonObject{{QStringLiteral("plugin"),
                                      QJsonObject{{QStringLiteral("Id"), kSettableId},
                                                  {QStringLiteral("Name"), QStringLiteral("localhost:5000/acme/authz")},
                                                  {QStringLiteral("Tag"), QStringLiteral("2.0")},
                                                  {QStringLiteral("Active"), false}}}});
        return testutil::writeFile(root + QStringLiteral("/plugins/plugins.json"), QJsonDocument(inventory).toJson());
    }

    QString copyBinary(const QString &from)
    {
        const QString to = m_bin + QLatin1Char('/') + QFileInfo(from).fileName();
        QFile::remove(to);
        if (!QFile::copy(from, to))
            return {};
        testutil::openForEveryone(to, 0755);
        return to;
    }

    // Starts plugdesk-helper on the private bus and waits until it owns its name.
    // Without `restore`, the helper is told not to start the store's enabled plugins (the seed's sshfs has no
    // binary): these tests are about the bus, not the runtime.
    bool startHelper(const QStringList &extra = {}, bool restore = false)
    {
        m_helper = std::make_unique<QProcess>();
        m_helper->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_helper->start(QStringLiteral(PLUGDESK_HELPER),
                        QStringList{QStringLiteral("--bus"), m_bus->address(), QStringLiteral("--root"), m_store,
                                    QStringLiteral("--run"), m_dir->path() + QStringLiteral("/run")} +
                            (restore ? QStringList() : QStringList{QStringLiteral("--no-restore")}) + extra);
        return m_helper->waitForStarted(5000) &&
               testutil::waitForName(m_bus->address(), core::HelperProtocol::serviceName());
    }

    // plugdeskctl run as `nobody` (or root), pointed at the private bus.
    Run ctl(const QStringList &arguments, bool asNobody = true, const QProcessEnvironment &extra = {})
    {
        const QString binary = copyBinary(QStringLiteral(PLUGDESKCTL));
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("PLUGDESK_ROOT"));
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        environment.insert(QStringLiteral("HOME"), m_dir->path());
        environment.insert(QStringLiteral("PLUGDESK_HELPER_BUS"), m_bus->address());
        for (const QString &key : extra.keys())
            environment.insert(key, extra.value(key));
        process.setProcessEnvironment(environment);
        if (asNobody)
            process.start(QStringLiteral("setpriv"),
                          QStringList{QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                                      QStringLiteral("--clear-groups"), QStringLiteral("--"), binary} +
                              arguments);
        else
            process.start(binary, arguments);
        if (!process.waitForFinished(60000))
            qFatal("plugdeskctl did not finish");
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    // Installs the policy and a rule granting nobody org.plugdesk.read; the guard removes them (and puts back a
    // policy that was there), even when a check fails.
    // `extra`: one more action nobody is granted (logs need org.plugdesk.manage: they may print secrets).
    auto grantNobodyRead(const QString &extra = {})
    {
        const QString backup = m_dir->path() + QStringLiteral("/policy-backup");
        const bool hadPolicy = QFile::exists(kPolicyTarget);
        if (hadPolicy)
            QFile::copy(kPolicyTarget, backup);
        auto restore = qScopeGuard([backup, hadPolicy] {
            QFile::remove(kRulesTarget);
            QFile::remove(kPolicyTarget);
            if (hadPolicy)
                QFile::copy(backup, kPolicyTarget);
        });
        QFile::remove(kPolicyTarget);
        QFile::copy(testutil::sourcePath(QStringLiteral("resources/org.plugdesk.policy")), kPolicyTarget);
        testutil::openForEveryone(kPolicyTarget, 0644);
        testutil::writeFile(kRulesTarget, QStringLiteral(R"(/* Installed by tst_helper; removed when it ends. */
polkit.addRule(function(action, subject) {
    if (subject.user == "nobody" && (action.id == "org.plugdesk.read" || action.id == "%1"))
        return polkit.Result.YES;
});
)")
                                              .arg(extra.isEmpty() ? QStringLiteral("org.plugdesk.read") : extra)
                                              .toUtf8());
        testutil::openForEveryone(kRulesTarget, 0644);
        return restore;
    }

    QDBusMessage rawCall(const QString &member, const QVariantList &arguments)
    {
        QDBusConnection bus = QDBusConnection::connectToBus(m_bus->address(), QStringLiteral("tst-helper-raw"));
        QDBusMessage call =
            QDBusMessage::createMethodCall(core::HelperProtocol::serviceName(), core::HelperProtocol::objectPath(),
                                           core::HelperProtocol::interfaceName(), member);
        call.setArguments(arguments);
        const QDBusMessage reply = bus.call(call, QDBus::Block, 30000);
        QDBusConnection::disconnectFromBus(QStringLiteral("tst-helper-raw"));
        return reply;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (geteuid() != 0)
            QSKIP("needs root: the helper's name is root's on the bus, and the test switches to nobody with setpriv");
        if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
            QSKIP("setpriv is not installed (util-linux)");
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
        m_bus = std::make_unique<testutil::PrivateBus>();
        const QString why = m_bus->start(m_dir->path());
        QVERIFY2(why.isEmpty(), qPrintable(why));
        m_store = m_dir->path() + QStringLiteral("/store");
        QVERIFY(testutil::copyTree(testutil::sourcePath(QStringLiteral("tests/data/seed-store")), m_store));
        QVERIFY(addSettablePlugin(m_store));
        m_bin = m_dir->path() + QStringLiteral("/bin");
        QVERIFY(QDir().mkpath(m_bin));
        testutil::openForEveryone(m_bin, 0755);
    }

    void cleanup()
    {
        if (m_helper && m_helper->state() != QProcess::NotRunning) {
            m_helper->terminate();
            if (!m_helper->waitForFinished(5000))
                m_helper->kill();
            m_helper->waitForFinished(5000);
        }
        m_helper.reset();
        m_bus.reset();
        m_dir.reset();
    }

    void rootListsAndInspectsThroughTheHelper()
    {
        // A broken entry travels as a problem with its code, not dropped.
        QJsonObject inventory =
            QJsonDocument::fromJson(testutil::readFile(m_store + QStringLiteral("/plugins/plugins.json"))).object();
        inventory.insert(
            QStringLiteral("broken"),
            QJsonObject{{QStringLiteral("plugin"), QJsonObject{{QStringLiteral("Id"), QStringLiteral("XYZ")},
                                                               {QStringLiteral("Name"), QStringLiteral("x")}}}});
        QVERIFY(
            testutil::writeFile(m_store + QStringLiteral("/plugins/plugins.json"), QJsonDocument(inventory).toJson()));
        QVERIFY(startHelper());

        core::HelperEngine helper({m_bus->address(), {}});

        QCOMPARE(testutil::ready(helper), QString());
        core::LocalEngine local({m_store, {}, false});
        auto remote = helper.plugins();
        QVERIFY2(remote.ok(), qPrintable(remote.ok() ? QString() : remote.error().message));
        auto direct = local.plugins();
        QVERIFY(direct.ok());
        QCOMPARE(remote->plugins.size(), 2);
        QCOMPARE(remote->plugins.size(), direct->plugins.size());
        for (qsizetype index = 0; index < direct->plugins.size(); ++index) {
            QCOMPARE(core::HelperProtocol::encodePlugin(remote->plugins.at(index)),
                     core::HelperProtocol::encodePlugin(direct->plugins.at(index)));
            QCOMPARE(remote->plugins.at(index).config, direct->plugins.at(index).config);
            QCOMPARE(remote->plugins.at(index).settings, direct->plugins.at(index).settings);
        }
        QCOMPARE(remote->problems.size(), 1);
        QCOMPARE(remote->problems.at(0).code, core::ErrorCode::Corrupt);
        QCOMPARE(remote->problems.at(0).message, direct->problems.at(0).message);

        for (const QString &name : {QStringLiteral("vieux/sshfs"), QStringLiteral("cd851"), kSettableName}) {
            auto viaHelper = helper.plugin(name);
            auto inProcess = local.plugin(name);
            QVERIFY2(viaHelper.ok(), qPrintable(name));
            QCOMPARE(viaHelper->id, inProcess->id);
            QCOMPARE(viaHelper->name(), inProcess->name());
            QCOMPARE(viaHelper->config.version, inProcess->config.version);
        }
        QVERIFY(helper.location().contains(m_bus->address()));
    }

    // The volume verbs travel: drivers, a list whose failing driver comes back as an error entry with its code,
    // a lookup's NotFound. The seed's enabled vieux/sshfs is not running, so it cannot be reached.
    void volumesThroughTheHelper()
    {
        qputenv("PLUGDESK_VOLUME_LIST_TIMEOUT_MS", "1500");
        QVERIFY(startHelper());
        core::HelperEngine helper({m_bus->address(), {}});
        QCOMPARE(testutil::ready(helper), QString());
        auto drivers = helper.volumeDrivers();
        QVERIFY2(drivers.ok(), qPrintable(drivers.ok() ? QString() : drivers.error().message));
        QCOMPARE(drivers->size(), 1);
        QCOMPARE(drivers->at(0).name, QStringLiteral("vieux/sshfs:latest"));
        QCOMPARE(drivers->at(0).scope, QStringLiteral("local")); // not running, so not asked: local
        QCOMPARE(drivers->at(0).hostPath(QStringLiteral("/etc/x")), drivers->at(0).rootfs + QStringLiteral("/etc/x"));

        core::Job *job = helper.volumes();
        job->waitForFinished();
        QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message : QString()));
        const core::VolumeList list = core::VolumeList::fromVariant(job->result());
        QVERIFY(list.volumes.isEmpty());
        QCOMPARE(list.errors.size(), 1);
        QCOMPARE(list.errors.at(0).driver, QStringLiteral("vieux/sshfs:latest"));
        // Enabled but not running (no monitor, no binary): not asked, and said so.
        QCOMPARE(list.errors.at(0).error.code, core::ErrorCode::Conflict);
        QVERIFY2(list.errors.at(0).error.message.startsWith(QStringLiteral("not running: ")),
                 qPrintable(list.errors.at(0).error.message));

        job = helper.inspectVolume(QStringLiteral("nope"));
        job->waitForFinished();
        QVERIFY(job->error().has_value());
        QCOMPARE(job->error()->code, core::ErrorCode::NotFound);
        QCOMPARE(job->error()->message, QStringLiteral("get nope: no such volume"));

        // A driver that is not a plugin at all, through the PluginName argument's lookup.
        job = helper.createVolume(QStringLiteral("acme/none"), QStringLiteral("v"), {});
        job->waitForFinished();
        QCOMPARE(job->error()->code, core::ErrorCode::NotFound);
        qunsetenv("PLUGDESK_VOLUME_LIST_TIMEOUT_MS");
    }

    void rootSetsADisabledPlugin()
    {
        QVERIFY(startHelper());
        core::HelperEngine helper({m_bus->address(), {}});
        QCOMPARE(testutil::ready(helper), QString());
        QSignalSpy reloaded(&helper, &core::Engine::pluginsReloaded);
        const QByteArray before = testutil::readFile(m_store + QStringLiteral("/plugins/plugins.json"));
        auto set = testutil::finished(
            helper.set(QStringLiteral("localhost:5000/acme/authz:2.0"), {QStringLiteral("DEBUG=1")}));
        QVERIFY2(set.ok(), qPrintable(set.ok() ? QString() : set.error().message));
        QTRY_VERIFY_WITH_TIMEOUT(reloaded.size() > 0, 5000);
        QVERIFY(testutil::readFile(m_store + QStringLiteral("/plugins/plugins.json")) != before);
        core::LocalEngine local({m_store, {}, false});
        QCOMPARE(local.plugin(kSettableId)->settings.envValue(QStringLiteral("DEBUG")), QStringLiteral("1"));
        QCOMPARE(helper.plugin(kSettableId)->settings.envValue(QStringLiteral("DEBUG")), QStringLiteral("1"));
    }

    // Engine errors come back with the same code and message LocalEngine gives on an identical store.
    void errorsKeepCodeAndMessage_data()
    {
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("code");
        QTest::newRow("inspect unknown") << "inspect"
                                         << "nope" << QStringList() << int(core::ErrorCode::NotFound);
        QTest::newRow("inspect ambiguous prefix is not found")
            << "inspect"
            << "zz" << QStringList() << int(core::ErrorCode::NotFound);
        QTest::newRow("set enabled") << "set"
                                     << "vieux/sshfs" << QStringList{QStringLiteral("DEBUG=1")}
                                     << int(core::ErrorCode::Conflict);
        QTest::newRow("set unknown setting")
            << "set" << kSettableName << QStringList{QStringLiteral("NOPE=1")} << int(core::ErrorCode::InvalidArgument);
        QTest::newRow("set bad format") << "set" << kSettableName << QStringList{QStringLiteral("=1")}
                                        << int(core::ErrorCode::InvalidArgument);
        QTest::newRow("set unknown plugin")
            << "set"
            << "nope" << QStringList{QStringLiteral("A=1")} << int(core::ErrorCode::NotFound);
    }

    void errorsKeepCodeAndMessage()
    {
        QFETCH(QString, verb);
        QFETCH(QString, name);
        QFETCH(QStringList, arguments);
        QFETCH(int, code);
        QVERIFY(startHelper());
        const auto before = testutil::snapshot(m_store);
        core::HelperEngine helper({m_bus->address(), {}});
        QCOMPARE(testutil::ready(helper), QString());
        QTemporaryDir copy;
        QVERIFY(testutil::copyTree(m_store, copy.path()));
        core::LocalEngine local({copy.path(), {}, false});
        core::Error remote;
        core::Error direct;
        if (verb == QLatin1String("inspect")) {
            auto a = helper.plugin(name);
            auto b = local.plugin(name);
            QVERIFY(!a.ok() && !b.ok());
            remote = a.error();
            direct = b.error();
        } else {
            auto a = testutil::finished(helper.set(name, arguments));
            auto b = testutil::finished(local.set(name, arguments));
            QVERIFY(!a.ok() && !b.ok());
            remote = a.error();
            direct = b.error();
        }
        QCOMPARE(int(remote.code), code);
        QCOMPARE(int(direct.code), code);
        QCOMPARE(remote.message, direct.message);
        QCOMPARE(testutil::snapshot(m_store), before);
    }

    // Arguments the helper refuses before it asks anybody anything.
    void badArgumentsAreRefused_data()
    {
        QTest::addColumn<QString>("member");
        QTest::addColumn<QVariantList>("arguments");
        QTest::addColumn<QString>("message");
        const QVariantMap none; // every method ends with its options, a{sv}
        QTest::newRow("empty name") << "InspectPlugin" << QVariantList{QString(), none}
                                    << "argument \"name\" must not be empty";
        QTest::newRow("blank name") << "SetPlugin" << QVariantList{QStringLiteral("  "), QStringList(), none}
                                    << "argument \"name\" must not be empty";
        QTest::newRow("long name") << "InspectPlugin" << QVariantList{QString(513, QLatin1Char('a')), none}
                                   << "argument \"name\" is too long: 513 characters, at most 512";
        QTest::newRow("long setting") << "SetPlugin"
                                      << QVariantList{kSettableName, QStringList{QString(4097, QLatin1Char('a'))}, none}
                                      << "argument \"args\" is too long: 4097 characters, at most 4096";
        QStringList many;
        for (int index = 0; index < 1025; ++index)
            many.append(QStringLiteral("DEBUG=1"));
        QTest::newRow("too many settings") << "SetPlugin" << QVariantList{kSettableName, many, none}
                                           << "argument \"args\" has 1025 entries, at most 1024";
        QTest::newRow("missing argument")
            << "SetPlugin" << QVariantList{kSettableName, none} << "SetPlugin takes arguments (sasa{sv}), not (sa{sv})";
        QTest::newRow("wrong type") << "InspectPlugin" << QVariantList{42, none}
                                    << "InspectPlugin takes arguments (sa{sv}), not (ia{sv})";
        QTest::newRow("extra argument") << "ListPlugins" << QVariantList{QStringLiteral("x"), none}
                                        << "ListPlugins takes arguments (a{sv}), not (sa{sv})";
        QTest::newRow("no options") << "ListPlugins" << QVariantList{} << "ListPlugins takes arguments (a{sv}), not ()";
        QTest::newRow("unknown option") << "RemovePlugin"
                                        << QVariantList{kSettableName, QVariantMap{{QStringLiteral("recursive"), true}}}
                                        << "RemovePlugin takes no option \"recursive\" (it takes: force, locale)";
        QTest::newRow("option of the wrong type")
            << "DisablePlugin"
            << QVariantList{kSettableName, QVariantMap{{QStringLiteral("force"), QStringLiteral("yes")}}}
            << "argument \"options.force\" is not a boolean";
        QTest::newRow("locale that is no locale")
            << "ListPlugins" << QVariantList{QVariantMap{{QStringLiteral("locale"), QStringLiteral("../../etc/x")}}}
            << "options.locale \"../../etc/x\" is not a locale name";
    }

    void badArgumentsAreRefused()
    {
        QFETCH(QString, member);
        QFETCH(QVariantList, arguments);
        QFETCH(QString, message);
        QVERIFY(startHelper());
        const auto before = testutil::snapshot(m_store);
        const QDBusMessage reply = rawCall(member, arguments);
        QCOMPARE(reply.type(), QDBusMessage::ErrorMessage);
        QCOMPARE(reply.errorName(), QStringLiteral("org.plugdesk.Error.InvalidArgument"));
        QCOMPARE(reply.errorMessage(), message);
        QCOMPARE(testutil::snapshot(m_store), before);
    }

    void unknownMethodIsAnUnknownMethod()
    {
        QVERIFY(startHelper());
        const QDBusMessage reply = rawCall(QStringLiteral("FormatDisk"), {});
        QCOMPARE(reply.type(), QDBusMessage::ErrorMessage);
        QCOMPARE(reply.errorName(), QStringLiteral("org.freedesktop.DBus.Error.UnknownMethod"));
        QCOMPARE(reply.errorMessage(), QStringLiteral("no method \"FormatDisk\" in interface org.plugdesk.Helper1"));
    }

    // The introspection data comes from the method table: every row with its arguments' signatures, every signal.
    void introspectionIsTheTable()
    {
        QVERIFY(startHelper());
        QDBusConnection bus = QDBusConnection::connectToBus(m_bus->address(), QStringLiteral("tst-helper-introspect"));
        QDBusMessage call = QDBusMessage::createMethodCall(
            core::HelperProtocol::serviceName(), core::HelperProtocol::objectPath(),
            QStringLiteral("org.freedesktop.DBus.Introspectable"), QStringLiteral("Introspect"));
        const QDBusMessage reply = bus.call(call, QDBus::Block, 30000);
        QDBusConnection::disconnectFromBus(QStringLiteral("tst-helper-introspect"));
        QCOMPARE(reply.type(), QDBusMessage::ReplyMessage);
        const QString xml = reply.arguments().value(0).toString();
        QVERIFY(xml.contains(QStringLiteral("<interface name=\"org.plugdesk.Helper1\">")));
        for (const core::HelperVerb &verb : core::HelperVerbs::all()) {
            QString expected = QStringLiteral("<method name=\"%1\">\n").arg(verb.member);
            for (const core::HelperArgument &argument : verb.in)
                expected += QStringLiteral("      <arg name=\"%1\" type=\"%2\" direction=\"in\"/>\n")
                                .arg(argument.name, argument.signature);
            QVERIFY2(xml.contains(expected), qPrintable(verb.member));
            QVERIFY(verb.inSignature().endsWith(QStringLiteral("a{sv}")));
        }
        QVERIFY(xml.contains(QStringLiteral("<arg name=\"options\" type=\"a{sv}\" direction=\"in\"/>")));
        for (const core::HelperSignal which : core::kHelperSignals)
            QVERIFY2(xml.contains(QStringLiteral("<signal name=\"%1\"").arg(core::helperSignalName(which))),
                     qPrintable(core::helperSignalName(which)));
    }

    // Every call carries its caller's locale: the helper (root, in its own C locale) answers a German desktop in
    // German, on its main thread (a lookup) and from a job's thread (remove), and another caller in English at the
    // same time.
    void answersInTheCallersLanguage()
    {
        QVERIFY(startHelper());
        const auto before = testutil::snapshot(m_store);
        const QDBusMessage german =
            rawCall(QStringLiteral("InspectPlugin"),
                    {QStringLiteral("nope/none"), QVariantMap{{QStringLiteral("locale"), QStringLiteral("de_DE")}}});
        QCOMPARE(german.errorName(), QStringLiteral("org.plugdesk.Error.NotFound"));
        QVERIFY2(german.errorMessage().contains(QStringLiteral("nicht gefunden")), qPrintable(german.errorMessage()));
        const QDBusMessage english =
            rawCall(QStringLiteral("InspectPlugin"),
                    {QStringLiteral("nope/none"), QVariantMap{{QStringLiteral("locale"), QStringLiteral("en_GB")}}});
        QVERIFY2(english.errorMessage().contains(QStringLiteral("not found")), qPrintable(english.errorMessage()));

        QLocale::setDefault(QLocale(QStringLiteral("de_DE")));
        auto restore = qScopeGuard([] { QLocale::setDefault(QLocale::c()); });
        core::HelperEngine helper({m_bus->address(), {}});
        QCOMPARE(testutil::ready(helper), QString());
        // Refused inside the remove job, on the helper's worker thread: vieux/sshfs is enabled.
        auto removed = testutil::finished(helper.remove(QStringLiteral("vieux/sshfs")));
        QVERIFY(!removed.ok());
        QCOMPARE(removed.error().code, core::ErrorCode::Conflict);
        QCOMPARE(removed.error().message, QStringLiteral("Plugin vieux/sshfs:latest ist aktiviert"));
        QCOMPARE(testutil::snapshot(m_store), before);
    }

    // Without polkitd only uid 0 passes; nobody is told which action was refused, and nothing changes.
    void nobodyIsRefusedWithoutPolkit_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("out");
        QTest::newRow("ls") << QStringList{QStringLiteral("plugin"), QStringLiteral("ls")}
                            << "Error: not authorized to list plugins (org.plugdesk.read): polkit is not running, so "
                               "only root may do this\n"
                            << QString();
        QTest::newRow("inspect") << QStringList{QStringLiteral("plugin"), QStringLiteral("inspect"),
                                                QStringLiteral("vieux/sshfs")}
                                 // plugdeskctl reads the helper's snapshot, as the window does
                                 << "Error: not authorized to list plugins (org.plugdesk.read): polkit is not "
                                    "running, so only root may do this\n"
                                 << QString(); // the refusal only: no "[]" (issue 16)
        QTest::newRow("inspect unknown (existence is not told)")
            << QStringList{QStringLiteral("plugin"), QStringLiteral("inspect"), QStringLiteral("nope")}
            << "Error: not authorized to list plugins (org.plugdesk.read): polkit is not running, so only root may "
               "do this\n"
            << QString();
        // Logs may print a plugin's secrets: they need the right to manage plugins, not only to read them.
        QTest::newRow("logs") << QStringList{QStringLiteral("plugin"), QStringLiteral("logs"),
                                             QStringLiteral("vieux/sshfs")}
                              << "Error: not authorized to read plugin logs (org.plugdesk.manage): polkit is not "
                                 "running, so only root may do this\n"
                              << QString();
        QTest::newRow("volume ls") << QStringList{QStringLiteral("volume"), QStringLiteral("ls")}
                                   << "Error: not authorized to list volumes (org.plugdesk.read): polkit is not "
                                      "running, so only root may do this\n"
                                   << QString();
        QTest::newRow("volume create")
            << QStringList{QStringLiteral("volume"), QStringLiteral("create"), QStringLiteral("-d"),
                           QStringLiteral("vieux/sshfs"), QStringLiteral("v")}
            << "Error: not authorized to create volumes (org.plugdesk.volumes): polkit is not running, so only root "
               "may do this\n"
            << QString();
        QTest::newRow("volume mount") << QStringList{QStringLiteral("volume"), QStringLiteral("mount"),
                                                     QStringLiteral("v")}
                                      << "Error: not authorized to mount volumes (org.plugdesk.volumes): polkit is "
                                         "not running, so only root may do this\n"
                                      << QString();
        QTest::newRow("set") << QStringList{QStringLiteral("plugin"), QStringLiteral("set"), kSettableName,
                                            QStringLiteral("DEBUG=1")}
                             << "Error: not authorized to change plugin settings (org.plugdesk.manage): polkit is not "
                                "running, so only root may do this\n"
                             << QString();
    }

    void nobodyIsRefusedWithoutPolkit()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        QFETCH(QString, out);
        QVERIFY(startHelper());
        const auto before = testutil::snapshot(m_store);
        const Run run = ctl(arguments);
        QCOMPARE(run.status, 1);
        QCOMPARE(run.out, out);
        QVERIFY2(run.err.endsWith(message), qPrintable(run.err));
        QCOMPARE(testutil::snapshot(m_store), before);
    }

    // With the real polkitd and a rule granting nobody org.plugdesk.read only: listing works, set does not.
    void polkitGrantsReadOnly()
    {
        const auto restore = grantNobodyRead();
        const QString why = m_bus->startPolkitd();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(startHelper());
        const auto before = testutil::snapshot(m_store);

        const Run list = ctl({QStringLiteral("plugin"), QStringLiteral("ls"), QStringLiteral("-q")});
        QCOMPARE(list.err, QString());
        QCOMPARE(list.status, 0);
        QCOMPARE(list.out, QStringLiteral("7f3e11111111\ncd851ce43a40\n"));
        const Run inspect = ctl({QStringLiteral("plugin"), QStringLiteral("inspect"), QStringLiteral("--format"),
                                 QStringLiteral("{{.Name}}"), QStringLiteral("cd851")});
        QCOMPARE(inspect.status, 0);
        QCOMPARE(inspect.out, QStringLiteral("vieux/sshfs:latest\n"));

        const Run set =
            ctl({QStringLiteral("plugin"), QStringLiteral("set"), kSettableName, QStringLiteral("DEBUG=1")});
        QCOMPARE(set.status, 1);
        QVERIFY2(
            set.err.startsWith(QStringLiteral("Error: not authorized to change plugin settings (org.plugdesk.manage)")),
            qPrintable(set.err));
        // polkitd itself said no (the policy file loaded, the action is known), not the fallback nor an error.
        QVERIFY2(!set.err.contains(QStringLiteral("polkit is not running")), qPrintable(set.err));
        QVERIFY2(!set.err.contains(QStringLiteral("polkit failed")), qPrintable(set.err));
        qInfo() << "refusal:" << set.err.trimmed();

        // Install is refused too (org.plugdesk.install), before anything is fetched: a raw call as nobody (busctl:
        // dbus-send cannot send the a{sv} options). Without an agent, polkit's "a password is needed" is a refusal.
        QProcess install;
        install.start(QStringLiteral("setpriv"), {QStringLiteral("--reuid=nobody"),
                                                  QStringLiteral("--regid=nogroup"),
                                                  QStringLiteral("--clear-groups"),
                                                  QStringLiteral("--"),
                                                  QStringLiteral("busctl"),
                                                  QStringLiteral("--address=") + m_bus->address(),
                                                  QStringLiteral("call"),
                                                  core::HelperProtocol::serviceName(),
                                                  core::HelperProtocol::objectPath(),
                                                  core::HelperProtocol::interfaceName(),
                                                  QStringLiteral("InstallPlugin"),
                                                  QStringLiteral("sssa{sv}"),
                                                  QStringLiteral("127.0.0.1:1/acme/x:latest"),
                                                  QStringLiteral("[]"),
                                                  QStringLiteral("{}"),
                                                  QStringLiteral("2"),
                                                  QStringLiteral("disable"),
                                                  QStringLiteral("b"),
                                                  QStringLiteral("true"),
                                                  QStringLiteral("settings"),
                                                  QStringLiteral("as"),
                                                  QStringLiteral("1"),
                                                  QStringLiteral("DEBUG=1")});
        QVERIFY(install.waitForFinished(30000));
        const QString refused = QString::fromUtf8(install.readAllStandardError());
        QVERIFY(install.exitCode() != 0);
        QVERIFY2(refused.contains(QStringLiteral("not authorized to install plugins (org.plugdesk.install)")),
                 qPrintable(refused));
        QCOMPARE(testutil::snapshot(m_store), before);
    }

    void helperExitsWhenIdle()
    {
        QVERIFY(startHelper({QStringLiteral("--idle-timeout"), QStringLiteral("1")}));
        // A call resets the clock but does not keep it alive.
        QVERIFY(rawCall(QStringLiteral("ListPlugins"), {QVariantMap()}).type() == QDBusMessage::ReplyMessage);
        QVERIFY(m_helper->waitForFinished(10000));
        QCOMPARE(m_helper->exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_helper->exitCode(), 0);
        QVERIFY(!testutil::waitForName(m_bus->address(), core::HelperProtocol::serviceName(), 200));
    }

    void helperStaysWithoutIdleTimeout()
    {
        QVERIFY(startHelper({QStringLiteral("--idle-timeout"), QStringLiteral("0")}));
        QVERIFY(!m_helper->waitForFinished(2500));
        QCOMPARE(rawCall(QStringLiteral("ListPlugins"), {QVariantMap()}).type(), QDBusMessage::ReplyMessage);
    }

    void secondHelperCannotTakeTheName()
    {
        QVERIFY(startHelper());
        QProcess second;
        second.start(QStringLiteral(PLUGDESK_HELPER),
                     {QStringLiteral("--bus"), m_bus->address(), QStringLiteral("--root"), m_store,
                      QStringLiteral("--idle-timeout"), QStringLiteral("0")});
        QVERIFY(second.waitForFinished(10000));
        QCOMPARE(second.exitCode(), 1);
        QCOMPARE(QString::fromUtf8(second.readAllStandardError()),
                 QStringLiteral("plugdesk-helper: cannot own the bus name org.plugdesk.Helper1: another "
                                "plugdesk-helper already serves it\n"));
    }

    // The bus policy (resources/org.plugdesk.Helper1.conf) lets only root own the name, even on a bus nobody
    // may serve with --bus; and without --bus the helper refuses to start unless it is root.
    // Root enables a runnable plugin through the helper; the helper dies and comes back; the plugin kept running
    // in its monitor, is not started twice, and disables cleanly through the new helper.
    void pluginsOutliveTheHelper()
    {
        const QString id = QStringLiteral("a1b2c3");
        const QString run = m_dir->path() + QStringLiteral("/run");
        QVERIFY(testutil::writeTestPlugins(
            m_store, QStringLiteral(TEST_PLUGIN_BINARY),
            {testutil::makeTestPlugin(
                {id, QStringLiteral("acme/testvol"), QStringLiteral("latest"), {}, {}, {}, {}})}));
        qputenv("PLUGDESK_DOCKER_PLUGINS_DIR", QFile::encodeName(m_dir->path() + QStringLiteral("/published")));
        auto stopPlugin = qScopeGuard([this] {
            core::LocalEngine local({m_store, m_dir->path() + QStringLiteral("/run"), false});
            if (auto plugin = local.plugin(QStringLiteral("acme/testvol")); plugin && plugin->enabled) {
                core::Job *job = local.disable(plugin->id, true);
                job->waitForFinished();
            }
        });
        const core::RuncRuntime runc(run);

        QVERIFY(startHelper({}, true));
        core::HelperEngine engine({m_bus->address(), {}});
        QCOMPARE(testutil::ready(engine), QString());
        core::Job *enable = engine.enable(QStringLiteral("acme/testvol"), 20);
        enable->waitForFinished();
        QVERIFY2(enable->succeeded(), qPrintable(enable->error() ? enable->error()->message : QString()));
        auto state = engine.runtimeState(QStringLiteral("acme/testvol"));
        QVERIFY(state.ok());
        QCOMPARE(core::PluginRuntimeState::statusName(state->status), QStringLiteral("running"));
        const qint64 pid = state->containerPid;
        QVERIFY(pid > 0);
        QCOMPARE(runc.list().valueOr({}), QStringList{id});

        // The helper is killed: the plugin runs on in its monitor.
        m_helper->kill();
        m_helper->waitForFinished(5000);
        QVERIFY(::kill(static_cast<pid_t>(pid), 0) == 0);

        // A new helper restores: the live monitor is left alone, nothing is duplicated.
        QVERIFY(startHelper({}, true));
        core::HelperEngine again({m_bus->address(), {}});
        QCOMPARE(testutil::ready(again), QString());
        QTRY_VERIFY_WITH_TIMEOUT(again.plugin(QStringLiteral("acme/testvol")).ok(), 5000);
        auto after = again.runtimeState(QStringLiteral("acme/testvol"));
        QVERIFY(after.ok());
        QCOMPARE(after->containerPid, pid);
        QCOMPARE(runc.list().valueOr({}), QStringList{id});
        auto logs = testutil::finishedValue<QStringList>(again.logs(QStringLiteral("acme/testvol"), 50));
        QVERIFY(logs.ok());
        QVERIFY2(logs->join(QLatin1Char('\n')).contains(QStringLiteral("listening")),
                 qPrintable(logs->join(QLatin1Char('\n'))));

        core::Job *disable = again.disable(QStringLiteral("acme/testvol"), false);
        disable->waitForFinished();
        QVERIFY2(disable->succeeded(), qPrintable(disable->error() ? disable->error()->message : QString()));
        QTRY_VERIFY_WITH_TIMEOUT(::kill(static_cast<pid_t>(pid), 0) != 0, 15000);
        QVERIFY(runc.list().valueOr({QStringLiteral("?")}).isEmpty());
        QVERIFY(!again.plugin(QStringLiteral("acme/testvol"))->enabled);
    }

    // A person edits plugins.json while the helper runs. A valid edit (an entry removed, a tag changed by hand) is
    // what the next listing shows, and the next write keeps it (nothing stale written back). A broken edit (the file
    // cut in half) makes every verb fail naming the file and what is wrong, the helper never writes over it, the
    // running plugin runs on; once the file is whole again, everything works.
    void aPersonEditsPluginsJson()
    {
        const QString id = QStringLiteral("e0d1e2");
        auto existing = core::Store(m_store).load();
        QVERIFY(existing.ok());
        QVERIFY(testutil::writeTestPlugins(
            m_store, QStringLiteral(TEST_PLUGIN_BINARY),
            existing->plugins + QList<core::Plugin>{testutil::makeTestPlugin(
                                    {id, QStringLiteral("acme/edited"), QStringLiteral("latest"), {}, {}, {}, {}})}));
        qputenv("PLUGDESK_DOCKER_PLUGINS_DIR", QFile::encodeName(m_dir->path() + QStringLiteral("/published")));
        const QString run = m_dir->path() + QStringLiteral("/run");
        auto stopPlugin = qScopeGuard([run, id] { testutil::stopTestPlugin(run, id); });
        const QString inventoryPath = m_store + QStringLiteral("/plugins/plugins.json");
        QVERIFY(startHelper());
        core::HelperEngine helper({m_bus->address(), {}});
        QCOMPARE(testutil::ready(helper), QString());
        core::Job *enable = helper.enable(QStringLiteral("acme/edited"), 20);
        enable->waitForFinished();
        QVERIFY2(enable->succeeded(), qPrintable(enable->error() ? enable->error()->message : QString()));
        const qint64 pid = helper.runtimeState(id)->containerPid;
        QVERIFY(pid > 0);
        auto names = [&helper] {
            QStringList list;
            if (auto plugins = helper.plugins(); plugins.ok()) {
                for (const core::Plugin &plugin : plugins->plugins)
                    list.append(plugin.name());
            }
            list.sort();
            return list;
        };
        QCOMPARE(names(), (QStringList{QStringLiteral("acme/edited:latest"), kSettableName,
                                       QStringLiteral("vieux/sshfs:latest")}));

        // (a) By hand: the sshfs entry goes, the settable plugin's tag becomes 2.1.
        QJsonObject inventory = QJsonDocument::fromJson(testutil::readFile(inventoryPath)).object();
        QString sshfsKey;
        for (auto it = inventory.constBegin(); it != inventory.constEnd(); ++it) {
            if (it.value()[QStringLiteral("plugin")][QStringLiteral("Name")].toString() ==
                QStringLiteral("vieux/sshfs"))
                sshfsKey = it.key();
        }
        QVERIFY(!sshfsKey.isEmpty());
        inventory.remove(sshfsKey);
        QJsonObject settable = inventory.value(kSettableId).toObject();
        QJsonObject record = settable.value(QStringLiteral("plugin")).toObject();
        record.insert(QStringLiteral("Tag"), QStringLiteral("2.1"));
        settable.insert(QStringLiteral("plugin"), record);
        inventory.insert(kSettableId, settable);
        QVERIFY(testutil::writeFile(inventoryPath, QJsonDocument(inventory).toJson()));
        const QString renamed = QStringLiteral("localhost:5000/acme/authz:2.1");
        QTRY_COMPARE_WITH_TIMEOUT(names(), (QStringList{QStringLiteral("acme/edited:latest"), renamed}), 5000);
        QCOMPARE(testutil::finished(helper.set(renamed, {QStringLiteral("DEBUG=1")})).ok(), true);
        const QJsonObject written = QJsonDocument::fromJson(testutil::readFile(inventoryPath)).object();
        QVERIFY(!written.contains(sshfsKey));
        QCOMPARE(written[kSettableId][QStringLiteral("plugin")][QStringLiteral("Tag")].toString(),
                 QStringLiteral("2.1"));
        QCOMPARE(helper.plugin(renamed)->settings.envValue(QStringLiteral("DEBUG")), QStringLiteral("1"));
        QVERIFY(written[id][QStringLiteral("plugin")][QStringLiteral("Active")].toBool());

        // (b) The file cut in half, as an editor that died mid-save leaves it.
        const QByteArray whole = testutil::readFile(inventoryPath);
        const QByteArray cut = whole.left(whole.size() / 2);
        QVERIFY(testutil::writeFile(inventoryPath, cut));
        auto listed = helper.plugins();
        QTRY_VERIFY_WITH_TIMEOUT(!(listed = helper.plugins()).ok(), 5000);
        QCOMPARE(listed.error().code, core::ErrorCode::Corrupt);
        QVERIFY2(listed.error().message.startsWith(inventoryPath + QStringLiteral(": not valid JSON at offset ")),
                 qPrintable(listed.error().message));
        auto set = testutil::finished(helper.set(renamed, {QStringLiteral("DEBUG=2")}));
        QVERIFY(!set.ok());
        QCOMPARE(set.error().code, core::ErrorCode::Corrupt);
        QVERIFY2(set.error().message.contains(inventoryPath + QStringLiteral(": not valid JSON at offset ")),
                 qPrintable(set.error().message));
        auto disable = testutil::finished(helper.disable(QStringLiteral("acme/edited"), true));
        QVERIFY(!disable.ok());
        QVERIFY2(disable.error().message.contains(inventoryPath), qPrintable(disable.error().message));
        QCOMPARE(testutil::readFile(inventoryPath), cut);
        QVERIFY(::kill(static_cast<pid_t>(pid), 0) == 0);
        QCOMPARE(core::RuncRuntime(run).list().valueOr({}), QStringList{id});

        // Whole again: the listing, set and disable work.
        QVERIFY(testutil::writeFile(inventoryPath, whole));
        QTRY_COMPARE_WITH_TIMEOUT(names(), (QStringList{QStringLiteral("acme/edited:latest"), renamed}), 5000);
        QVERIFY(testutil::finished(helper.set(renamed, {QStringLiteral("DEBUG=2")})).ok());
        disable = testutil::finished(helper.disable(QStringLiteral("acme/edited"), false));
        QVERIFY2(disable.ok(), qPrintable(disable.ok() ? QString() : disable.error().message));
        QTRY_VERIFY_WITH_TIMEOUT(::kill(static_cast<pid_t>(pid), 0) != 0, 15000);
        QVERIFY(!helper.plugin(QStringLiteral("acme/edited"))->enabled);
    }

    // `plugin logs -f` by a user: the helper keeps the log under its run root, so plugdeskctl follows it by asking
    // for the log's end each second and printing only what is new. The plugin crashes every 2 s; each restart's
    // "starting" line must reach the follower exactly once.
    void nobodyFollowsALogThroughTheHelper()
    {
        QVERIFY(
            testutil::writeTestPlugins(m_store, QStringLiteral(TEST_PLUGIN_BINARY),
                                       {testutil::makeTestPlugin({QStringLiteral("c4a77e"),
                                                                  QStringLiteral("acme/chatty"),
                                                                  QStringLiteral("latest"),
                                                                  {QStringLiteral("TEST_PLUGIN_MODE=crash-after=2")},
                                                                  {},
                                                                  {},
                                                                  {}})}));
        qputenv("PLUGDESK_DOCKER_PLUGINS_DIR", QFile::encodeName(m_dir->path() + QStringLiteral("/published")));
        auto stopPlugin = qScopeGuard([this] {
            core::LocalEngine local({m_store, m_dir->path() + QStringLiteral("/run"), false});
            core::Job *job = local.disable(QStringLiteral("acme/chatty"), true);
            job->waitForFinished();
        });
        const auto restore = grantNobodyRead(QStringLiteral("org.plugdesk.manage"));
        const QString why = m_bus->startPolkitd();
        if (!why.isEmpty())
            QSKIP(qPrintable(why));
        QVERIFY(startHelper());
        core::HelperEngine engine({m_bus->address(), {}});
        QCOMPARE(testutil::ready(engine), QString());
        core::Job *enable = engine.enable(QStringLiteral("acme/chatty"), 20);
        enable->waitForFinished();
        QVERIFY2(enable->succeeded(), qPrintable(enable->error() ? enable->error()->message : QString()));

        QProcess follow;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("PLUGDESK_ROOT"));
        environment.insert(QStringLiteral("HOME"), m_dir->path());
        environment.insert(QStringLiteral("PLUGDESK_HELPER_BUS"), m_bus->address());
        follow.setProcessEnvironment(environment);
        follow.start(QStringLiteral("setpriv"),
                     {QStringLiteral("--reuid=nobody"), QStringLiteral("--regid=nogroup"),
                      QStringLiteral("--clear-groups"), QStringLiteral("--"), copyBinary(QStringLiteral(PLUGDESKCTL)),
                      QStringLiteral("plugin"), QStringLiteral("logs"), QStringLiteral("-f"),
                      QStringLiteral("acme/chatty")});
        auto stopFollow = qScopeGuard([&follow] {
            follow.kill();
            follow.waitForFinished(5000);
        });
        QString out;
        auto startLines = [&] {
            out += QString::fromUtf8(follow.readAllStandardOutput());
            QStringList lines;
            for (const QString &line : out.split(QLatin1Char('\n'))) {
                if (line.contains(QStringLiteral("testvolumeplugin: starting, pid")))
                    lines.append(line);
            }
            return lines;
        };
        // The log so far, then at least two restarts seen while following; no line twice.
        QTRY_VERIFY2_WITH_TIMEOUT(startLines().size() >= 3, qPrintable(out), 40000);
        const QStringList lines = startLines();
        QCOMPARE(QSet<QString>(lines.cbegin(), lines.cend()).size(), lines.size());
        QCOMPARE(follow.state(), QProcess::Running);
    }

    void helperRefusals_data()
    {
        QTest::addColumn<bool>("withBus");
        QTest::addColumn<QString>("message");
        QTest::newRow("nobody on the system bus")
            << false
            << "plugdesk-helper: must run as root to serve org.plugdesk.Helper1 on the system bus (it is started by "
               "D-Bus activation); use --bus ADDRESS to serve a private bus instead\n";
        QTest::newRow("nobody owning the name")
            << true << "plugdesk-helper: cannot own the bus name org.plugdesk.Helper1: ";
    }

    void helperRefusals()
    {
        QFETCH(bool, withBus);
        QFETCH(QString, message);
        const QString binary = copyBinary(QStringLiteral(PLUGDESK_HELPER));
        QStringList arguments{QStringLiteral("--reuid=nobody"),
                              QStringLiteral("--regid=nogroup"),
                              QStringLiteral("--clear-groups"),
                              QStringLiteral("--"),
                              binary,
                              QStringLiteral("--root"),
                              m_store};
        if (withBus)
            arguments << QStringLiteral("--bus") << m_bus->address();
        QProcess process;
        process.start(QStringLiteral("setpriv"), arguments);
        QVERIFY(process.waitForFinished(10000));
        QCOMPARE(process.exitCode(), 1);
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(err.startsWith(message), qPrintable(err));
    }

    // Who gets which engine: nobody with no store named goes through the helper (absent here, so it says so);
    // naming a store with --root or PLUGDESK_ROOT reads it in process.
    void engineChoice_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("out");
        QTest::addColumn<QString>("err");
        QTest::newRow("nobody, no store named")
            << "none" << 1 << QString() << "Error: cannot reach the Plugdesk helper (org.plugdesk.Helper1): ";
        QTest::newRow("nobody, --root") << "option" << 0 << "7f3e11111111\ncd851ce43a40\n" << QString();
        QTest::newRow("nobody, PLUGDESK_ROOT") << "environment" << 0 << "7f3e11111111\ncd851ce43a40\n" << QString();
    }

    void engineChoice()
    {
        QFETCH(QString, how);
        QFETCH(int, status);
        QFETCH(QString, out);
        QFETCH(QString, err);
        QStringList arguments{QStringLiteral("plugin"), QStringLiteral("ls"), QStringLiteral("-q")};
        QProcessEnvironment extra;
        if (how == QLatin1String("option"))
            arguments = QStringList{QStringLiteral("--root"), m_store} + arguments;
        if (how == QLatin1String("environment"))
            extra.insert(QStringLiteral("PLUGDESK_ROOT"), m_store);
        const Run run = ctl(arguments, true, extra);
        QVERIFY2(run.status == status, qPrintable(run.err));
        QCOMPARE(run.out, out);
        QVERIFY2(err.isEmpty() ? run.err.isEmpty() : run.err.startsWith(err), qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestHelper)
#include "tst_helper.moc"
