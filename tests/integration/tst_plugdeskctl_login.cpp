// plugdeskctl login / logout against a real docker-registry with htpasswd auth on loopback: Docker's texts, the
// login checked before it is saved, config.json written 0600 and cleaned up by logout.
#include "common/testregistry.h"
#include "common/testutil.h"

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

Run plugdeskctl(const QStringList &arguments, const QString &dockerConfig, const QByteArray &input = {})
{
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"DOCKER_CONFIG"_s, dockerConfig);
    environment.insert(u"LC_ALL"_s, u"C"_s);
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(PLUGDESKCTL), arguments);
    process.waitForStarted();
    process.write(input);
    process.closeWriteChannel();
    process.waitForFinished(60000);
    return {process.exitCode(), QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

QJsonObject auths(const QString &dir)
{
    return QJsonDocument::fromJson(testutil::readFile(dir + u"/config.json"_s)).object().value(u"auths"_s).toObject();
}

} // namespace

class TestPlugdeskctlLogin : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_registry.start({u"loginuser"_s, u"login-pass"_s, {}, {}, {}, {}}, &error), qPrintable(error));
    }

    void loginAndLogout()
    {
        QTemporaryDir config;
        const QString host = m_registry.host();
        Run run = plugdeskctl({u"login"_s, u"-u"_s, u"loginuser"_s, u"--password-stdin"_s, host}, config.path(),
                              "login-pass\n");
        QVERIFY2(run.status == 0, qPrintable(run.err));
        QCOMPARE(run.out, QStringLiteral("Login Succeeded\n"));
        QCOMPARE(auths(config.path()).value(host).toObject().value(u"auth"_s).toString(),
                 QString::fromLatin1(QByteArray("loginuser:login-pass").toBase64()));
        QCOMPARE(QFile::permissions(config.path() + u"/config.json"_s) & 0x0FFF, QFile::ReadUser | QFile::WriteUser);

        run = plugdeskctl({u"logout"_s, host}, config.path());
        QCOMPARE(run.status, 0);
        QCOMPARE(run.out, u"Removing login credentials for "_s + host + u"\n"_s);
        QVERIFY(!auths(config.path()).contains(host));
    }

    void refused_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("err");
        QTest::newRow("wrong password")
            << QStringList{u"login"_s, u"-u"_s, u"loginuser"_s, u"--password-stdin"_s, u"HOST"_s} << QByteArray("nope")
            << 1 << u"Error: cannot reach the registry HOST: the registry refused the login for HOST (401"_s;
        QTest::newRow("password-stdin needs a username")
            << QStringList{u"login"_s, u"--password-stdin"_s, u"HOST"_s} << QByteArray("x") << 1
            << u"Error: Must provide --username with --password-stdin\n"_s;
        QTest::newRow("both password flags")
            << QStringList{u"login"_s, u"-u"_s, u"a"_s, u"-p"_s, u"b"_s, u"--password-stdin"_s, u"HOST"_s}
            << QByteArray("x") << 1
            << u"WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n"
               u"Error: --password and --password-stdin are mutually exclusive\n"_s;
        QTest::newRow("no tty for prompts") << QStringList{u"login"_s, u"HOST"_s} << QByteArray() << 1
                                            << u"Error: Cannot perform an interactive login from a non TTY device\n"_s;
        QTest::newRow("two servers") << QStringList{u"login"_s, u"HOST"_s, u"HOST"_s} << QByteArray() << 2
                                     << u"plugdeskctl: \"plugdeskctl login\" accepts at most 1 argument"_s;
    }

    void refused()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QByteArray, input);
        QFETCH(int, status);
        QFETCH(QString, err);
        arguments.replaceInStrings(u"HOST"_s, m_registry.host());
        err.replace(u"HOST"_s, m_registry.host());
        QTemporaryDir config;
        const Run run = plugdeskctl(arguments, config.path(), input);
        QCOMPARE(run.status, status);
        QVERIFY2(run.err.startsWith(err), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        QVERIFY(!QFile::exists(config.path() + u"/config.json"_s)); // nothing saved
    }

private:
    testutil::TestRegistry m_registry;
};

QTEST_GUILESS_MAIN(TestPlugdeskctlLogin)
#include "tst_plugdeskctl_login.moc"
