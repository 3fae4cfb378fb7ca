// plugdeskctl login / logout against a real docker-registry with htpasswd auth on loopback: Docker's texts, the
// login checked before it is saved, config.json written 0600 and cleaned up by logout.
#include "common/testregistry.h"
#include "common/testutil.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int status = -1;
    QString out;
    QString err;
};

Run plugdeskctl(const QStringList &arguments, const QString &dockerConfig, const QByteArray &input = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("DOCKER_CONFIG", dockerConfig);
    environment.insert("LC_ALL", "C");
    process.setProcessEnvironment(environment);
    process.start(PLUGDESKCTL, arguments);
    process.waitForStarted();
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QJsonObject auths(const QString &dir)
{
    return QJsonDocument::fromJson(testutil::readFile(dir + "/config.json")).object().value("auths").toObject();
}

} // namespace

class TestPlugdeskctlLogin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_registry.start({"loginuser", "login-pass", {}, {}, {}, {}}, &error), qPrintable(error));
    }

    void loginAndLogout()
    {
        QTemporaryDir config;
        const QString host = m_registry.host();
        Run run = plugdeskctl({"login", "-u", "loginuser", "--password-stdin", host}, config.path(), "login-pass\n");
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(run.out, QStringLiteral("Login Succeeded\n"));
        QCOMPARE(auths(config.path()).value(host).toObject().value("auth").toString(),
                 QString::fromLatin1(QByteArray("loginuser:login-pass").toBase64()));
        QCOMPARE(QFile::permissions(config.path() + "/config.json") & 0x0FFF, QFile::ReadUser | QFile::WriteUser);

        run = plugdeskctl({"logout", host}, config.path());
        QCOMPARE(run.status, 0);
        QCOMPARE(run.out, "Removing login credentials for " + host + "\n");
        QVERIFY(!auths(config.path()).contains(host));
    }

    void refused_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("err");
        QTest::newRow("wrong password")
            << QStringList{"login", "-u", "loginuser", "--password-stdin", "HOST"} << QByteArray("nope") << 1
            << "Error: cannot reach the registry HOST: the registry refused the login for HOST (401";
        QTest::newRow("password-stdin needs a username")
            << QStringList{"login", "--password-stdin", "HOST"} << QByteArray("x") << 1
            << "Error: Must provide --username with --password-stdin\n";
        QTest::newRow("both password flags")
            << QStringList{"login", "-u", "a", "-p", "b", "--password-stdin", "HOST"} << QByteArray("x") << 1
            << "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n"
               "Error: --password and --password-stdin are mutually exclusive\n";
        QTest::newRow("no tty for prompts") << QStringList{"login", "HOST"} << QByteArray() << 1
                                            << "Error: Cannot perform an interactive login from a non TTY device\n";
        QTest::newRow("two servers") << QStringList{"login", "HOST", "HOST"} << QByteArray() << 2
                                     << "plugdeskctl: \"plugdeskctl login\" accepts at most 1 argument";
    }

    void refused()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(int, status);
        QFETCH(QString, err);
        arguments.replaceInStrings("HOST", m_registry.host());
        err.replace("HOST", m_registry.host());
        QTemporaryDir config;
        const Run run = plugdeskctl(arguments, config.path(), input);
        QCOMPARE(run.status, status);
        QVERIFY2(run.err.startsWith(err), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        QVERIFY(!QFile::exists(config.path() + "/config.json")); // nothing saved
    }

private:
    testutil::TestRegistry m_registry;
};

QTEST_GUILESS_MAIN(TestPlugdeskctlLogin)
#include "tst_plugdeskctl_login.moc"
