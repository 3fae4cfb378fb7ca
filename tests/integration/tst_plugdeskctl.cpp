// plugdeskctl as a person runs it: the real binary against real store folders.
#include "common/testutil.h"
#include "core/store/storelock.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestPlugdeskctl : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int status = -1;
        QString out;
        QString err;
    };

    static Run ctl(const QStringList &arguments, const QProcessEnvironment &extra = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.remove(QStringLiteral("PLUGDESK_ROOT"));
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        for (const QString &key : extra.keys())
            environment.insert(key, extra.value(key));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(PLUGDESKCTL), arguments);
        process.closeWriteChannel(); // a question gets no answer, which is a no
        if (!process.waitForFinished(30000))
            qFatal("plugdeskctl did not finish");
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    QString seedStore(QTemporaryDir &dir)
    {
        const QString root = dir.path() + QStringLiteral("/store");
        if (!testutil::copyTree(testutil::sourcePath(QStringLiteral("tests/data/seed-store")), root))
            qFatal("cannot copy the seed store");
        return root;
    }

    // Adds a disabled v1 plugin with settable env, mount, device and args to the seed store.
    void addV1Plugin(const QString &root)
    {
        const QString id = QStringLiteral("7f3e") + QString(60, QLatin1Char('1'));
        const QByteArray config = R"({
            "Description": "Second plugin, with a description that is long enough to be cut at forty-five columns",
            "Entrypoint": ["/plugin"], "Interface": {"Types": ["docker.authz/1.0"], "Socket": "authz.sock"},
            "Env": [{"Name": "DEBUG", "Value": "0", "Settable": ["value"]}],
            "Mounts": [{"Name": "state", "Source": "/var/lib/x", "Destination": "/state", "Type": "bind",
                        "Options": ["rbind"], "Settable": ["source"]}],
            "Args": {"Name": "args", "Settable": ["value"], "Value": []}
        })";
        QVERIFY(testutil::writeFile(root + QStringLiteral("/plugins/") + id + QStringLiteral("/config.json"), config));
        QJsonObject inventory =
            QJsonDocument::fromJson(testutil::readFile(root + QStringLiteral("/plugins/plugins.json"))).object();
        inventory.insert(id,
                         QJsonObject{{QStringLiteral("plugin"),
                                      QJsonObject{{QStringLiteral("Id"), id},
                                                  {QStringLiteral("Name"), QStringLiteral("localhost:5000/acme/authz")},
                                                  {QStringLiteral("Tag"), QStringLiteral("2.0")},
                                                  {QStringLiteral("Active"), false}}}});
        QVERIFY(testutil::writeFile(root + QStringLiteral("/plugins/plugins.json"), QJsonDocument(inventory).toJson()));
    }

private Q_SLOTS:
    void listsTheSeedStoreLikeDocker()
    {
        QTemporaryDir dir;
        const QString root = seedStore(dir);
        const Run run = ctl({QStringLiteral("--root"), root, QStringLiteral("plugin"), QStringLiteral("ls")});
        QCOMPARE(run.status, 0);
        QCOMPARE(run.err, QString());
        QCOMPARE(run.out, QStringLiteral("ID             NAME                 DESCRIPTION               ENABLED\n"
                                         "cd851ce43a40   vieux/sshfs:latest   sshFS plugin for Docker   true\n"));
        // `list` is an alias, and --root=DIR works too.
        QCOMPARE(ctl({QStringLiteral("--root=") + root, QStringLiteral("plugin"), QStringLiteral("list")}).out,
                 run.out);
        // PLUGDESK_ROOT is the fallback for --root.
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PLUGDESK_ROOT"), root);
        QCOMPARE(ctl({QStringLiteral("plugin"), QStringLiteral("ls")}, environment).out, run.out);
    }

    void listOptions_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        const QString longId = QStringLiteral("7f3e") + QString(60, QLatin1Char('1'));
        QTest::newRow("quiet") << QStringList{QStringLiteral("-q")} << QStringLiteral("7f3e11111111\ncd851ce43a40\n");
        QTest::newRow("quiet no-trunc") << QStringList{QStringLiteral("-q"), QStringLiteral("--no-trunc")}
                                        << longId + QStringLiteral("\ncd851ce43a403\n");
        QTest::newRow("enabled=true") << QStringList{QStringLiteral("-q"), QStringLiteral("--filter"),
                                                     QStringLiteral("enabled=true")}
                                      << QStringLiteral("cd851ce43a40\n");
        QTest::newRow("enabled=false") << QStringList{QStringLiteral("-q"), QStringLiteral("-f"),
                                                      QStringLiteral("enabled=false")}
                                       << QStringLiteral("7f3e11111111\n");
        QTest::newRow("capability") << QStringList{QStringLiteral("-q"),
                                                   QStringLiteral("--filter=capability=volumedriver")}
                                    << QStringLiteral("cd851ce43a40\n");
        QTest::newRow("capability authz") << QStringList{QStringLiteral("-qf"), QStringLiteral("capability=authz")}
                                          << QStringLiteral("7f3e11111111\n");
        QTest::newRow("capability none") << QStringList{QStringLiteral("-q"), QStringLiteral("-f"),
                                                        QStringLiteral("capability=ipamdriver")}
                                         << QString();
        QTest::newRow("template") << QStringList{QStringLiteral("--format"), QStringLiteral("{{.Name}}: {{.Enabled}}")}
                                  << QStringLiteral("localhost:5000/acme/authz:2.0: false\nvieux/sshfs:latest: true\n");
        QTest::newRow("table template") << QStringList{QStringLiteral("--format"),
                                                       QStringLiteral("table {{.ID}}\\t{{.PluginReference}}")}
                                        << QStringLiteral("ID             IMAGE\n7f3e11111111   \ncd851ce43a40   \n");
        QTest::newRow("default table, description cut")
            << QStringList{QStringLiteral("--filter"), QStringLiteral("enabled=false")}
            << QStringLiteral("ID             NAME                            DESCRIPTION                              "
                              "       ENABLED\n"
                              "7f3e11111111   localhost:5000/acme/authz:2.0   Second plugin, with a description that "
                              "is lo…   false\n");
    }

    void listOptions()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        const QString root = seedStore(dir);
        addV1Plugin(root);
        const Run run = ctl(
            QStringList{QStringLiteral("--root"), root, QStringLiteral("plugin"), QStringLiteral("ls")} + arguments);
        QCOMPARE(run.err, QString());
        QCOMPARE(run.status, 0);
        QCOMPARE(run.out, expected);
    }

    void listAsJsonLines()
    {
        QTemporaryDir dir;
        const QString root = seedStore(dir);
        const Run run = ctl({QStringLiteral("--root"), root, QStringLiteral("plugin"), QStringLiteral("ls"),
                             QStringLiteral("--format"), QStringLiteral("json")});
        QCOMPARE(run.status, 0);
        const QStringList lines = run.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 1);
        const QJsonObject row = QJsonDocument::fromJson(lines.first().toUtf8()).object();
        QCOMPARE(row.keys(),
                 (QStringList{QStringLiteral("Description"), QStringLiteral("Enabled"), QStringLiteral("ID"),
                              QStringLiteral("Name"), QStringLiteral("PluginReference")}));
        QCOMPARE(row.value(QStringLiteral("ID")).toString(), QStringLiteral("cd851ce43a40"));
        QCOMPARE(row.value(QStringLiteral("Enabled")).toBool(), true);
    }

    void inspectShowsDockersPluginObject()
    {
        QTemporaryDir dir;
        const QString root = seedStore(dir);
        const Run run = ctl({QStringLiteral("--root"), root, QStringLiteral("plugin"), QStringLiteral("inspect"),
                             QStringLiteral("vieux/sshfs")});
        QCOMPARE(run.status, 0);
        const QJsonArray array = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(array.size(), 1);
        const QJsonObject plugin = array.first().toObject();
        QCOMPARE(plugin.value(QStringLiteral("Id")).toString(), QStringLiteral("cd851ce43a403"));
        QCOMPARE(plugin.value(QStringLiteral("Name")).toString(), QStringLiteral("vieux/sshfs:latest"));
        QCOMPARE(plugin.value(QStringLiteral("Enabled")).toBool(), true);
        const QJsonObject config = plugin.value(QStringLiteral("Config")).toObject();
        QCOMPARE(config.value(QStringLiteral("Interface")).toObject().value(QStringLiteral("Socket")).toString(),
                 QStringLiteral("sshfs.sock"));
        QCOMPARE(config.value(QStringLiteral("Linux")).toObject().value(QStringLiteral("Capabilities")).toArray(),
                 QJsonArray{QStringLiteral("CAP_SYS_ADMIN")});
        QVERIFY(plugin.value(QStringLiteral("Settings")).isObject());
        // 4-space indentation, as Docker's MarshalIndent.
        QVERIFY(run.out.startsWith(QStringLiteral("[\n    {\n")));

        const Run socket =
            ctl({QStringLiteral("--root"), root, QStringLiteral("plugin"), QStringLiteral("inspect"),
                 QStringLiteral("-f"), QStringLiteral("{{.Config.Interface.Socket}}"), QStringLiteral("cd851")});
        QCOMPARE(socket.status, 0);
        QCOMPARE(socket.out, QStringLiteral("sshfs.sock\n"));
    }

    // The state model the window shows, in the CLI: Docker's table and json keys stay as they are; templates know
    // .State and .StateReason, inspect carries PlugdeskState; the broken seed plugin is failed fast, by name.
    void statesWithReasons()
    {
        QTemporaryDir dir;
        const QString root = seedStore(dir);
        const QString run = dir.path() + QStringLiteral("/run");
        const QString cause =
            QStringLiteral("its entrypoint /go/bin/docker-volume-sshfs does not exist in the plugin's rootfs");
        const Run table = ctl({QStringLiteral("--root"), root, QStringLiteral("--run"), run, QStringLiteral("plugin"),
                               QStringLiteral("ls"), QStringLiteral("--format"),
                               QStringLiteral("table {{.Name}}\t{{.State}}\t{{.StateReason}}")});
        QCOMPARE(table.status, 0);
        const QStringList lines = table.out.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 2);
        QVERIFY2(lines.at(0).startsWith(QStringLiteral("NAME")) && lines.at(0).contains(QStringLiteral("STATE")) &&
                     lines.at(0).contains(QStringLiteral("REASON")),
                 qPrintable(table.out));
        QVERIFY2(lines.at(1).contains(QStringLiteral("not running")) && lines.at(1).endsWith(cause),
                 qPrintable(table.out));

        const Run inspect = ctl({QStringLiteral("--root"), root, QStringLiteral("--run"), run, QStringLiteral("plugin"),
                                 QStringLiteral("inspect"), QStringLiteral("vieux/sshfs")});
        QCOMPARE(inspect.status, 0);
        const QJsonObject state = QJsonDocument::fromJson(inspect.out.toUtf8())
                                      .array()
                                      .first()
                                      .toObject()
                                      .value(QStringLiteral("PlugdeskState"))
                                      .toObject();
        QCOMPARE(state.value(QStringLiteral("Phase")).toString(), QStringLiteral("not running"));
        QCOMPARE(state.value(QStringLiteral("Reason")).toString(), cause);

        const Run start = ctl({QStringLiteral("--root"), root, QStringLiteral("--run"), run, QStringLiteral("plugin"),
                               QStringLiteral("start"), QStringLiteral("vieux/sshfs")});
        QCOMPARE(start.status, 1);
        QCOMPARE(start.err, QStringLiteral("Error: vieux/sshfs:latest cannot start: ") + cause + QLatin1Char('\n'));
        const Run after = ctl({QStringLiteral("--root"), root, QStringLiteral("--run"), run, QStringLiteral("plugin"),
                               QStringLiteral("inspect"), QStringLiteral("-f"),
                               QStringLiteral("{{.Enabled}} {{.PlugdeskState.Phase}}"), QStringLiteral("cd851")});
        QCOMPARE(after.out, QStringLiteral("true failed\n"));
    }

    void inspectReportsWhatIsMissing()
    {
        QTemporaryDir dir;
        const QString root = seedStore(dir);
        const Run run = ctl({QStringLiteral("--root"), root, QStringLiteral("plugin"), QStringLiteral("inspect"),
                             QStringLiteral("vieux/sshfs"), QStringLiteral("nosuch")});
        QCOMPARE(run.status, 1);
        QCOMPARE(QJsonDocument::fromJson(run.out.toUtf8()).array().size(), 1);
        QCOMPARE(run.err, QStringLiteral("Error: plugin \"nosuch\" not found\n"));
    }

    void brokenInputFailsAndChangesNothing_data()
    {
        QTest::addColumn<QString>("file"); // relative to the store root; empty: no change
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("plugins.json not JSON")
            << QStringLiteral("plugins/plugins.json") << QByteArray("{\"cd851ce43a403\": {")
            << QStringList{QStringLiteral("ls")}
            << QStringList{QStringLiteral("plugins/plugins.json"), QStringLiteral("not valid JSON")};
        QTest::newRow("manifest without entrypoint")
            << QStringLiteral("plugins/cd851ce43a403/manifest.json")
            << QByteArray(R"({"manifestVersion": "v0", "description": "sshFS plugin for Docker",
                 "interface": {"types": ["docker.volumedriver/1.0"], "socket": "sshfs.sock"}, "capabilities": ["CAP_SYS_ADMIN"]})")
            << QStringList{QStringLiteral("ls")}
            << QStringList{QStringLiteral("cd851ce43a403/manifest.json"), QStringLiteral("entrypoint")};
        QTest::newRow("inspect Foo/Bar") << QString() << QByteArray()
                                         << QStringList{QStringLiteral("inspect"), QStringLiteral("Foo/Bar")}
                                         << QStringList{QStringLiteral("(Bar)"), QStringLiteral("lowercase")};
        QTest::newRow("inspect a//b") << QString() << QByteArray()
                                      << QStringList{QStringLiteral("inspect"), QStringLiteral("a//b")}
                                      << QStringList{QStringLiteral("a//b")};
        QTest::newRow("set on an enabled plugin")
            << QString() << QByteArray()
            << QStringList{QStringLiteral("set"), QStringLiteral("vieux/sshfs"), QStringLiteral("DEBUG=1")}
            << QStringList{QStringLiteral("cannot set on an active plugin, disable plugin before setting")};
        QTest::newRow("set an unknown setting")
            << QString() << QByteArray()
            << QStringList{QStringLiteral("set"), QStringLiteral("7f3e"), QStringLiteral("NOPE=1")}
            << QStringList{QStringLiteral("setting \"NOPE\" not found in the plugin configuration")};
        QTest::newRow("set with a leading =")
            << QString() << QByteArray()
            << QStringList{QStringLiteral("set"), QStringLiteral("7f3e"), QStringLiteral("=1")}
            << QStringList{QStringLiteral("invalid format, must be <name>[.<field>][=<value>]")};
        QTest::newRow("bad filter") << QString() << QByteArray()
                                    << QStringList{QStringLiteral("ls"), QStringLiteral("--filter"),
                                                   QStringLiteral("enabled=maybe")}
                                    << QStringList{QStringLiteral("invalid filter 'enabled=maybe'")};
    }

    void brokenInputFailsAndChangesNothing()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QStringList, arguments);
        QFETCH(QStringList, expected);
        QTemporaryDir dir;
        const QString root = seedStore(dir);
        addV1Plugin(root);
        if (!file.isEmpty())
            QVERIFY(testutil::writeFile(root + QLatin1Char('/') + file, content));
        const auto before = testutil::snapshot(root);
        const Run run = ctl(QStringList{QStringLiteral("--root"), root, QStringLiteral("plugin")} + arguments);
        QCOMPARE(run.status, 1);
        const QStringList lines = run.err.trimmed().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 1);
        for (const QString &part : expected)
            QVERIFY2(run.err.contains(part), qPrintable(run.err));
        QCOMPARE(testutil::snapshot(root), before);
    }

    void setChangesSettingsOfADisabledPlugin()
    {
        QTemporaryDir dir;
        const QString root = seedStore(dir);
        addV1Plugin(root);
        const QStringList set{QStringLiteral("--root"),
                              root,
                              QStringLiteral("plugin"),
                              QStringLiteral("set"),
                              QStringLiteral("localhost:5000/acme/authz:2.0"),
                              QStringLiteral("DEBUG=1"),
                              QStringLiteral("state=/srv/state"),
                              QStringLiteral("args=-v --trace")};
        // A new mount source is a host privilege: shown, marked, asked; no answer is a no, and nothing changes.
        const auto before = testutil::snapshot(root);
        Run run = ctl(set);
        QCOMPARE(run.status, 1);
        QVERIFY2(run.out.contains(QStringLiteral(" - mount: [/srv/state]   (new)\n")), qPrintable(run.out));
        QVERIFY2(run.out.endsWith(QStringLiteral("Do you grant the above permissions? [y/N] ")), qPrintable(run.out));
        QCOMPARE(run.err,
                 QStringLiteral("Error: permission denied while setting plugin localhost:5000/acme/authz:2.0\n"));
        QCOMPARE(testutil::snapshot(root), before);
        QStringList granted = set;
        granted.insert(4, QStringLiteral("--grant-all-permissions"));
        run = ctl(granted);
        QCOMPARE(run.err, QString());
        QCOMPARE(run.status, 0);
        QCOMPARE(run.out, QString());
        run = ctl({QStringLiteral("--root"), root, QStringLiteral("plugin"), QStringLiteral("inspect"),
                   QStringLiteral("-f"), QStringLiteral("{{json .Settings.Env}} {{json .Settings.Args}}"),
                   QStringLiteral("7f3e")});
        QCOMPARE(run.out, QStringLiteral("[\"DEBUG=1\"] [\"-v\",\"--trace\"]\n"));
        run = ctl({QStringLiteral("--root"), root, QStringLiteral("plugin"), QStringLiteral("inspect"),
                   QStringLiteral("-f"), QStringLiteral("{{json .Settings.Mounts}}"), QStringLiteral("7f3e")});
        QVERIFY2(run.out.contains(QStringLiteral("\"Source\":\"/srv/state\"")), qPrintable(run.out));
        // The per-plugin settings file follows the inventory.
        QVERIFY(testutil::readFile(root + QStringLiteral("/plugins/7f3e") + QString(60, QLatin1Char('1')) +
                                   QStringLiteral("/plugin-config.json"))
                    .contains("DEBUG=1"));
    }

    void secondWriterFailsNamingTheHolder()
    {
        QTemporaryDir dir;
        const QString root = seedStore(dir);
        addV1Plugin(root);
        auto lock = core::StoreLock::acquire(root, QStringLiteral("holding for the test"));
        QVERIFY(lock.ok());
        QProcessEnvironment environment;
        environment.insert(QStringLiteral("PLUGDESK_LOCK_TIMEOUT"), QStringLiteral("1"));
        const Run run = ctl({QStringLiteral("--root"), root, QStringLiteral("plugin"), QStringLiteral("set"),
                             QStringLiteral("7f3e"), QStringLiteral("DEBUG=1")},
                            environment);
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.contains(QStringLiteral("tst_plugdeskctl")), qPrintable(run.err));
        QVERIFY(run.err.contains(QStringLiteral("change the settings of 7f3e")));
        QVERIFY(run.err.contains(QStringLiteral("pid %1").arg(QCoreApplication::applicationPid())));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("unknown group") << QStringList{QStringLiteral("plugins")}
                                       << QStringLiteral("unknown command: plugins");
        QTest::newRow("unknown verb") << QStringList{QStringLiteral("plugin"), QStringLiteral("frobnicate")}
                                      << QStringLiteral("unknown command: plugin frobnicate");
        QTest::newRow("unknown flag") << QStringList{QStringLiteral("plugin"), QStringLiteral("ls"),
                                                     QStringLiteral("--bogus")}
                                      << QStringLiteral("unknown flag: --bogus");
        QTest::newRow("unknown shorthand")
            << QStringList{QStringLiteral("plugin"), QStringLiteral("ls"), QStringLiteral("-x")}
            << QStringLiteral("unknown shorthand flag: 'x' in -x");
        QTest::newRow("missing value") << QStringList{QStringLiteral("plugin"), QStringLiteral("ls"),
                                                      QStringLiteral("--format")}
                                       << QStringLiteral("flag needs an argument: --format");
        QTest::newRow("ls takes no arguments")
            << QStringList{QStringLiteral("plugin"), QStringLiteral("ls"), QStringLiteral("x")}
            << QStringLiteral("accepts no arguments");
        QTest::newRow("inspect needs one") << QStringList{QStringLiteral("plugin"), QStringLiteral("inspect")}
                                           << QStringLiteral("requires at least 1 argument");
        QTest::newRow("unknown global flag") << QStringList{QStringLiteral("--colour"), QStringLiteral("plugin")}
                                             << QStringLiteral("unknown flag: --colour");
        QTest::newRow("root without a value")
            << QStringList{QStringLiteral("--root")} << QStringLiteral("flag needs an argument: --root");
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const Run run = ctl(arguments);
        QCOMPARE(run.status, 2);
        QVERIFY2(run.err.contains(expected), qPrintable(run.err));
        QVERIFY2(run.err.contains(QStringLiteral("Usage:")), qPrintable(run.err));
        QCOMPARE(run.out, QString());
    }

    void helpOnEveryVerb_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("expected");
        QTest::newRow("top") << QStringList{QStringLiteral("--help")} << QStringLiteral("Management Commands:");
        // The longest group name still has two spaces before its summary, and the others line up with it.
        QTest::newRow("top, names apart from summaries")
            << QStringList{QStringLiteral("--help")}
            << QStringLiteral("  connection  Manage connections\n  plugin      Manage plugins\n");
        QTest::newRow("group") << QStringList{QStringLiteral("plugin"), QStringLiteral("--help")}
                               << QStringLiteral("inspect");
        QTest::newRow("ls") << QStringList{QStringLiteral("plugin"), QStringLiteral("ls"), QStringLiteral("--help")}
                            << QStringLiteral("--no-trunc");
        QTest::newRow("inspect") << QStringList{QStringLiteral("plugin"), QStringLiteral("inspect"),
                                                QStringLiteral("-h")}
                                 << QStringLiteral("--format");
        QTest::newRow("set") << QStringList{QStringLiteral("plugin"), QStringLiteral("set"), QStringLiteral("--help")}
                             << QStringLiteral("KEY=VALUE");
    }

    void helpOnEveryVerb()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, expected);
        const Run run = ctl(arguments);
        QCOMPARE(run.status, 0);
        QVERIFY(run.out.startsWith(QStringLiteral("Usage:")));
        QVERIFY2(run.out.contains(expected), qPrintable(run.out));
    }
};

QTEST_GUILESS_MAIN(TestPlugdeskctl)
#include "tst_plugdeskctl.moc"
