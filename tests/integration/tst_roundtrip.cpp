// The whole path a person takes, with the real plugdeskctl against real docker-registry processes on loopback:
// create -> push -> rm -> install, anonymously, with htpasswd Basic auth and with token auth (plugdeskctl login
// first). The installed rootfs must be the folder's, entry for entry.
#include "common/testregistry.h"
#include "common/testtokenserver.h"
#include "common/testutil.h"

#include <QEventLoop>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <sys/stat.h>
#include <unistd.h>

class TestRoundTrip : public QObject
{
    Q_OBJECT

private:
    struct Run
    {
        int status = -1;
        QString out;
        QString err;
    };

    // Runs plugdeskctl while this thread's event loop keeps serving the in-process token server.
    Run ctl(const QStringList &arguments, const QByteArray &input = {})
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        environment.insert(QStringLiteral("DOCKER_CONFIG"), m_dir.filePath(QStringLiteral("docker")));
        environment.insert(QStringLiteral("PLUGDESK_LOCK_TIMEOUT"), QStringLiteral("5"));
        environment.remove(QStringLiteral("PLUGDESK_ROOT"));
        process.setProcessEnvironment(environment);
        QEventLoop loop;
        connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(120000, &loop, &QEventLoop::quit);
        process.start(QStringLiteral(PLUGDESKCTL),
                      QStringList{QStringLiteral("--root"), m_dir.filePath(QStringLiteral("store")),
                                  QStringLiteral("--run"), m_dir.filePath(QStringLiteral("run"))} +
                          arguments);
        process.write(input);
        process.closeWriteChannel();
        if (process.state() != QProcess::NotRunning)
            loop.exec();
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished();
        }
        return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
                QString::fromUtf8(process.readAllStandardError())};
    }

    // A plugin folder with a few kinds of entries.
    QString makeFolder()
    {
        const QString folder = m_dir.filePath(QStringLiteral("folder"));
        const QString rootfs = folder + QStringLiteral("/rootfs");
        testutil::writeFile(folder + QStringLiteral("/config.json"),
                            "{\"description\": \"Round trip\", \"entrypoint\": [\"/plugin\"],"
                            " \"interface\": {\"types\": [\"docker.volumedriver/1.0\"], \"socket\": \"rt.sock\"},"
                            " \"network\": {\"type\": \"host\"}, \"linux\": {\"capabilities\": [\"CAP_SYS_ADMIN\"]}}");
        QDir().mkpath(rootfs + QStringLiteral("/run/docker/plugins"));
        testutil::writeFile(rootfs + QStringLiteral("/plugin"), QByteArray(200000, 'p'));
        ::chmod(QFile::encodeName(rootfs + QStringLiteral("/plugin")).constData(), 0755);
        testutil::writeFile(rootfs + QStringLiteral("/etc/conf"), "a=b\n");
        ::chmod(QFile::encodeName(rootfs + QStringLiteral("/etc/conf")).constData(), 0640);
        ::symlink("../plugin", QFile::encodeName(rootfs + QStringLiteral("/etc/link")).constData());
        ::link(QFile::encodeName(rootfs + QStringLiteral("/plugin")).constData(),
               QFile::encodeName(rootfs + QStringLiteral("/plugin-hard")).constData());
        QDir().mkpath(rootfs + QStringLiteral("/empty"));
        return folder;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_anonymous.start({}, &error), qPrintable(error));
        QVERIFY2(m_basic.start({QStringLiteral("basicuser"), QStringLiteral("basic pass"), {}, {}, {}, {}}, &error),
                 qPrintable(error));
        QVERIFY2(m_tokens.start(m_dir.path(), &error), qPrintable(error));
        QVERIFY2(m_token.start({{},
                                {},
                                m_tokens.realm(),
                                testutil::TestTokenServer::Service,
                                testutil::TestTokenServer::Issuer,
                                m_tokens.certPath()},
                               &error),
                 qPrintable(error));
        m_folder = makeFolder();
    }

    void createPushRemoveInstall_data()
    {
        QTest::addColumn<QString>("which");
        QTest::newRow("anonymous") << "anonymous";
        QTest::newRow("htpasswd") << "basic";
        QTest::newRow("token") << "token";
    }

    void createPushRemoveInstall()
    {
        QFETCH(QString, which);
        const testutil::TestRegistry &registry = which == QLatin1String("basic")   ? m_basic
                                                 : which == QLatin1String("token") ? m_token
                                                                                   : m_anonymous;
        const QString name = registry.host() + QStringLiteral("/acme/roundtrip:1.0");

        if (which == QLatin1String("basic")) {
            const Run login = ctl({QStringLiteral("login"), QStringLiteral("-u"), QStringLiteral("basicuser"),
                                   QStringLiteral("--password-stdin"), registry.host()},
                                  "basic pass\n");
            QVERIFY2(login.status == 0, qPrintable(login.err));
            QVERIFY(login.out.contains(QStringLiteral("Login Succeeded")));
        } else if (which == QLatin1String("token")) {
            const Run login = ctl({QStringLiteral("login"), QStringLiteral("-u"), m_tokens.user,
                                   QStringLiteral("--password-stdin"), registry.host()},
                                  m_tokens.password.toUtf8() + '\n');
            QVERIFY2(login.status == 0, qPrintable(login.err));
        }

        Run run = ctl({QStringLiteral("plugin"), QStringLiteral("create"), name, m_folder});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(run.out, name + QLatin1Char('\n'));

        run = ctl({QStringLiteral("plugin"), QStringLiteral("push"), name});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QVERIFY2(run.out.contains(QStringLiteral("1.0: digest: sha256:")), qPrintable(run.out));

        run = ctl({QStringLiteral("plugin"), QStringLiteral("rm"), name});
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(run.out, name + QLatin1Char('\n'));
        QCOMPARE(ctl({QStringLiteral("plugin"), QStringLiteral("ls"), QStringLiteral("-q")}).out, QString());

        // Docker's prompt: the privileges, then [y/N]; "y" accepts.
        run = ctl({QStringLiteral("plugin"), QStringLiteral("install"), QStringLiteral("--disable"), name}, "y\n");
        QVERIFY2(run.status == 0, qPrintable(run.err + run.out));
        QVERIFY2(run.out.contains(QStringLiteral("Plugin \"%1\" is requesting the following privileges:").arg(name)),
                 qPrintable(run.out));
        QVERIFY(run.out.contains(QStringLiteral(" - network: [host]")));
        QVERIFY(run.out.contains(QStringLiteral(" - capabilities: [CAP_SYS_ADMIN]")));
        QVERIFY(run.out.contains(QStringLiteral("Installed plugin %1").arg(name)));

        run = ctl({QStringLiteral("plugin"), QStringLiteral("inspect"), QStringLiteral("-f"), QStringLiteral("{{.Id}}"),
                   name});
        QCOMPARE(run.status, 0);
        const QString id = run.out.trimmed();
        const QString rootfs = m_dir.filePath(QStringLiteral("store/plugins/")) + id + QStringLiteral("/rootfs");
        QCOMPARE(testutil::snapshot(rootfs), testutil::snapshot(m_folder + QStringLiteral("/rootfs")));

        // Leave the store empty for the next row.
        run = ctl({QStringLiteral("plugin"), QStringLiteral("rm"), name});
        QCOMPARE(run.status, 0);
    }

private:
    QTemporaryDir m_dir;
    QString m_folder;
    testutil::TestRegistry m_anonymous;
    testutil::TestRegistry m_basic;
    testutil::TestRegistry m_token;
    testutil::TestTokenServer m_tokens;
};

QTEST_GUILESS_MAIN(TestRoundTrip)
#include "tst_roundtrip.moc"
