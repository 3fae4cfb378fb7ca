// plugdeskctl connection add|ls|rm|use through the real binary with a temporary HOME: the file written where the
// XDG rules say, `docker context ls`'s shape for ls (with Docker's own contexts read beside the saved ones), errors
// naming the input, Docker's exit statuses (1 refused, 2 usage).
#include "common/testutil.h"

#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;

namespace {

struct Run
{
    int status = -1;
    QString out;
    QString err;
};

} // namespace

class TestPlugdeskctlConnection : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_home;

    Run plugdeskctl(const QStringList &arguments, const QString &xdgConfig = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(u"HOME"_s, m_home.path());
        environment.remove(u"XDG_CONFIG_HOME"_s);
        environment.remove(u"DOCKER_CONFIG"_s);
        environment.remove(u"DOCKER_HOST"_s);
        environment.remove(u"DOCKER_CONTEXT"_s);
        if (!xdgConfig.isEmpty())
            environment.insert(u"XDG_CONFIG_HOME"_s, xdgConfig);
        environment.insert(u"LC_ALL"_s, u"C"_s);
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(PLUGDESKCTL), arguments);
        process.waitForFinished(60000);
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    QString file() const { return m_home.filePath(u".config/plugdesk/connections.json"_s); }

    void writeDockerContext(const QString &name, const QString &host)
    {
        const QString folder =
            m_home.filePath(u".docker/contexts/meta/"_s) +
            QString::fromLatin1(QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex());
        QVERIFY(QDir().mkpath(folder));
        QFile meta(folder + u"/meta.json"_s);
        QVERIFY(meta.open(QIODevice::WriteOnly));
        meta.write(
            QJsonDocument(QJsonObject{{u"Name"_s, name},
                                      {u"Endpoints"_s, QJsonObject{{u"docker"_s, QJsonObject{{u"Host"_s, host}}}}}})
                .toJson());
    }

private Q_SLOTS:
    void init()
    {
        QDir(m_home.path()).removeRecursively();
        QVERIFY(QDir().mkpath(m_home.path()));
    }

    void addListUseRemove()
    {
        writeDockerContext(u"remote"_s, u"ssh://admin@remote.example"_s);
        QFile config(m_home.filePath(u".docker/config.json"_s));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("{\"currentContext\":\"remote\"}");
        config.close();

        Run run = plugdeskctl({u"connection"_s, u"ls"_s});
        QCOMPARE(run.status, 0);
        QCOMPARE(run.out, u"NAME      URL                           SOURCE\n"
                          u"local *   plugdesk://                   this computer\n"
                          u"default   unix:///var/run/docker.sock   docker context\n"
                          u"remote    ssh://admin@remote.example    docker context (current)\n"_s);
        QVERIFY(!QFile::exists(file()));

        run = plugdeskctl({u"connection"_s, u"add"_s, u"lab"_s, u"ssh://root@lab.example:2222"_s});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(run.out, u"lab\n"_s);
        QCOMPARE(run.err, u"Successfully added connection \"lab\"\n"_s);
        run = plugdeskctl({u"connection"_s, u"add"_s, u"store2"_s, u"plugdesk:///srv/store2"_s});
        QCOMPARE(run.status, 0);
        QCOMPARE(QFile::permissions(file()) & 0x0FFF, QFile::ReadUser | QFile::WriteUser);

        run = plugdeskctl({u"connection"_s, u"use"_s, u"store2"_s});
        QCOMPARE(run.status, 0);
        QCOMPARE(run.out, u"store2\n"_s);
        QCOMPARE(run.err, u"The default connection is now \"store2\"\n"_s);

        run = plugdeskctl({u"connection"_s, u"ls"_s});
        QCOMPARE(run.status, 0);
        QCOMPARE(run.out, u"NAME       URL                           SOURCE\n"
                          u"local      plugdesk://                   this computer\n"
                          u"lab        ssh://root@lab.example:2222   saved\n"
                          u"store2 *   plugdesk:///srv/store2        saved\n"
                          u"default    unix:///var/run/docker.sock   docker context\n"
                          u"remote     ssh://admin@remote.example    docker context (current)\n"_s);
        run = plugdeskctl({u"connection"_s, u"ls"_s, u"-q"_s});
        QCOMPARE(run.out, u"local\nlab\nstore2\ndefault\nremote\n"_s);
        run = plugdeskctl({u"connection"_s, u"list"_s, u"--format"_s, u"json"_s});
        QCOMPARE(run.status, 0);
        const QStringList lines = run.out.trimmed().split(u'\n');
        QCOMPARE(lines.size(), 5);
        const QJsonObject store2 = QJsonDocument::fromJson(lines.at(2).toUtf8()).object();
        QCOMPARE(store2.value(u"Name"_s).toString(), u"store2"_s);
        QCOMPARE(store2.value(u"URL"_s).toString(), u"plugdesk:///srv/store2"_s);
        QCOMPARE(store2.value(u"Source"_s).toString(), u"saved"_s);
        QVERIFY(store2.value(u"Current"_s).toBool());

        // The file is the caller's, in the shape README describes.
        const QJsonObject saved = QJsonDocument::fromJson(testutil::readFile(file())).object();
        QCOMPARE(saved.value(u"default"_s).toString(), u"store2"_s);
        QCOMPARE(saved.value(u"connections"_s).toArray().size(), 2);

        // The default is removed only with --force, as `docker context rm` refuses the current context.
        run = plugdeskctl({u"connection"_s, u"rm"_s, u"store2"_s});
        QCOMPARE(run.status, 1);
        QCOMPARE(run.out, QString());
        QVERIFY2(run.err.startsWith(u"Error: connection \"store2\" is the default"_s), qPrintable(run.err));
        run = plugdeskctl({u"connection"_s, u"rm"_s, u"-f"_s, u"store2"_s, u"nosuch"_s, u"lab"_s});
        QCOMPARE(run.status, 1);
        QCOMPARE(run.out, u"store2\nlab\n"_s);
        QCOMPARE(run.err, u"Error: connection \"nosuch\" not found\n"_s);
        run = plugdeskctl({u"connection"_s, u"ls"_s, u"-q"_s});
        QCOMPARE(run.out, u"local\ndefault\nremote\n"_s);
        QVERIFY(plugdeskctl({u"connection"_s, u"ls"_s}).out.contains(u"local *"_s));
    }

    void followsXdgConfigHome()
    {
        const QString xdg = m_home.filePath(u"xdg"_s);
        QCOMPARE(plugdeskctl({u"connection"_s, u"add"_s, u"x"_s, u"plugdesk://"_s}, xdg).status, 0);
        QVERIFY(QFile::exists(xdg + u"/plugdesk/connections.json"_s));
        QVERIFY(!QFile::exists(file()));
    }

    void refused_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("err");
        QTest::newRow("bad name") << QStringList{u"connection"_s, u"add"_s, u"my lab"_s, u"plugdesk://"_s} << 1
                                  << u"Error: invalid connection name \"my lab\": use up to 64 letters, digits and "
                                     "_.+-, starting with a letter or digit\n"_s;
        QTest::newRow("bad url") << QStringList{u"connection"_s, u"add"_s, u"lab"_s, u"tcp://lab:2375"_s} << 1
                                 << u"Error: invalid connection URL \"tcp://lab:2375\": unknown scheme \"tcp\": use "
                                    "plugdesk://, unix:// or ssh://\n"_s;
        QTest::newRow("taken") << QStringList{u"connection"_s, u"add"_s, u"taken"_s, u"plugdesk://"_s} << 1
                               << u"Error: connection \"taken\" already exists (plugdesk:///srv/taken); remove it "
                                  "first\n"_s;
        QTest::newRow("use unknown")
            << QStringList{u"connection"_s, u"use"_s, u"nosuch"_s} << 1
            << u"Error: connection \"nosuch\" not found: it is not a URL (plugdesk://, "
               "unix://PATH, ssh://HOST), not a saved connection and not a Docker context; see "
               "`plugdeskctl connection ls`\n"_s;
        QTest::newRow("rm local") << QStringList{u"connection"_s, u"rm"_s, u"local"_s} << 1
                                  << u"Error: connection \"local\" is this computer's own and cannot be removed\n"_s;
        QTest::newRow("add one argument") << QStringList{u"connection"_s, u"add"_s, u"lab"_s} << 2
                                          << u"plugdeskctl: \"plugdeskctl connection add\" requires exactly 2 "
                                             "arguments.\nUsage:  plugdeskctl connection add NAME URL\nRun "
                                             "'plugdeskctl connection add --help' for more information.\n"_s;
        QTest::newRow("ls argument") << QStringList{u"connection"_s, u"ls"_s, u"x"_s} << 2
                                     << u"plugdeskctl: \"plugdeskctl connection ls\" accepts no arguments.\nUsage:  "
                                        "plugdeskctl connection ls [OPTIONS]\nRun 'plugdeskctl connection ls --help' "
                                        "for more information.\n"_s;
        QTest::newRow("unknown verb") << QStringList{u"connection"_s, u"nosuch"_s} << 2
                                      << u"plugdeskctl: unknown command: connection nosuch\nUsage:  plugdeskctl "
                                         "connection COMMAND\nRun 'plugdeskctl connection --help' for more "
                                         "information.\n"_s;
        QTest::newRow("bad format") << QStringList{u"connection"_s, u"ls"_s, u"--format"_s, u"yaml"_s} << 1
                                    << u"Error: unsupported format \"yaml\": use \"table\" or \"json\"\n"_s;
    }

    void refused()
    {
        QFETCH(QStringList, arguments);
        QFETCH(int, status);
        QFETCH(QString, err);
        QCOMPARE(plugdeskctl({u"connection"_s, u"add"_s, u"taken"_s, u"plugdesk:///srv/taken"_s}).status, 0);
        const QByteArray before = testutil::readFile(file());
        const Run run = plugdeskctl(arguments);
        QCOMPARE(run.err, err);
        QCOMPARE(run.status, status);
        QCOMPARE(run.out, QString());
        QCOMPARE(testutil::readFile(file()), before);
    }

    void corruptFileIsNamed()
    {
        QVERIFY(QDir().mkpath(QFileInfo(file()).absolutePath()));
        QFile broken(file());
        QVERIFY(broken.open(QIODevice::WriteOnly));
        broken.write("{nope");
        broken.close();
        const Run run = plugdeskctl({u"connection"_s, u"ls"_s});
        QCOMPARE(run.status, 1);
        QVERIFY2(run.err.startsWith(u"Error: "_s + file() + u" is not a Plugdesk connections file"_s),
                 qPrintable(run.err));
    }

    void helpAndCompletion()
    {
        Run run = plugdeskctl({u"connection"_s, u"--help"_s});
        QCOMPARE(run.status, 0);
        QVERIFY(run.out.contains(u"  add         Save a connection\n"_s));
        QVERIFY(run.out.contains(u"  use         Set the default connection\n"_s));
        run = plugdeskctl({u"--help"_s});
        QVERIFY(run.out.contains(u"  connection"_s));
        run = plugdeskctl({u"connection"_s, u"add"_s, u"--help"_s});
        QVERIFY(run.out.contains(u"connections.json"_s));
        // `connection use <TAB>` offers the names `connection ls -q` lists.
        QCOMPARE(plugdeskctl({u"connection"_s, u"add"_s, u"lab"_s, u"plugdesk://"_s}).status, 0);
        run = plugdeskctl({u"__complete"_s, u"connection"_s, u"use"_s, u"l"_s});
        QCOMPARE(run.out, u"local\nlab\n:\n"_s);
    }
};

QTEST_GUILESS_MAIN(TestPlugdeskctlConnection)
#include "tst_plugdeskctl_connection.moc"
