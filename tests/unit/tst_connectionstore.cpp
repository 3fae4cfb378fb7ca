// ConnectionStore and DockerContexts: the saved connections file, Docker's contexts read beside it, and what -H
// resolves to (issue 14).
#include "core/connection/connectionstore.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace core;
using namespace Qt::StringLiterals;

class TestConnectionStore : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString file() const { return m_dir.filePath(u"config/plugdesk/connections.json"_s); }
    QString docker() const { return m_dir.filePath(u"docker"_s); }

    // A Docker context as `docker context create NAME --docker host=HOST` writes it.
    void writeDockerContext(const QString &name, const QString &host)
    {
        const QString digest =
            QString::fromLatin1(QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex());
        const QString folder = docker() + u"/contexts/meta/"_s + digest;
        QVERIFY(QDir().mkpath(folder));
        QFile meta(folder + u"/meta.json"_s);
        QVERIFY(meta.open(QIODevice::WriteOnly));
        meta.write(
            QJsonDocument(
                QJsonObject{{u"Name"_s, name},
                            {u"Metadata"_s, QJsonObject{}},
                            {u"Endpoints"_s,
                             QJsonObject{{u"docker"_s, QJsonObject{{u"Host"_s, host}, {u"SkipTLSVerify"_s, false}}}}}})
                .toJson());
    }

    void writeFile(const QString &path, const QByteArray &bytes)
    {
        QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
        QFile out(path);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(bytes);
    }

    ConnectionStore loaded()
    {
        ConnectionStore store(file(), docker());
        const Status status = store.load();
        if (!status)
            qWarning() << status.error().message;
        return store;
    }

private Q_SLOTS:
    void init()
    {
        QFile::remove(file());
        QDir(docker()).removeRecursively();
        qunsetenv("DOCKER_HOST");
        qunsetenv("DOCKER_CONTEXT");
    }

    void defaultFileFollowsXdg()
    {
        const QByteArray saved = qgetenv("XDG_CONFIG_HOME");
        qputenv("XDG_CONFIG_HOME", "/srv/conf");
        QCOMPARE(ConnectionStore::defaultFile(), u"/srv/conf/plugdesk/connections.json"_s);
        qputenv("XDG_CONFIG_HOME", "relative/ignored");
        QCOMPARE(ConnectionStore::defaultFile(), QDir::homePath() + u"/.config/plugdesk/connections.json"_s);
        qunsetenv("XDG_CONFIG_HOME");
        QCOMPARE(ConnectionStore::defaultFile(), QDir::homePath() + u"/.config/plugdesk/connections.json"_s);
        if (!saved.isEmpty())
            qputenv("XDG_CONFIG_HOME", saved);
    }

    void names_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << u"lab"_s << true;
        QTest::newRow("punctuation") << u"lab-1.prod_x+y"_s << true;
        QTest::newRow("digit first") << u"1lab"_s << true;
        QTest::newRow("64 characters") << QString(64, u'a') << true;
        QTest::newRow("65 characters") << QString(65, u'a') << false;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("dash first") << u"-lab"_s << false;
        QTest::newRow("slash") << u"lab/one"_s << false;
        QTest::newRow("space") << u"my lab"_s << false;
        QTest::newRow("url") << u"ssh://lab"_s << false;
        QTest::newRow("local is reserved") << u"local"_s << false;
    }

    void names()
    {
        QFETCH(QString, name);
        QFETCH(bool, valid);
        const Status status = ConnectionStore::validateName(name);
        QCOMPARE(status.ok(), valid);
        if (!valid) {
            QCOMPARE(status.error().code, ErrorCode::InvalidArgument);
            if (!name.isEmpty())
                QVERIFY2(status.error().message.contains(u'"' + name + u'"'), qPrintable(status.error().message));
        }
    }

    void addUseRemoveRoundTrip()
    {
        ConnectionStore store = loaded();
        QCOMPARE(store.saved().size(), 0);
        QCOMPARE(store.defaultName(), u"local"_s);
        QVERIFY(store.add(u"lab"_s, u"SSH://root@lab.example:2222"_s));
        QVERIFY(store.add(u"other"_s, u"plugdesk:///srv/other"_s));
        QVERIFY(QFile::exists(file()));
        QCOMPARE(QFile(file()).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

        ConnectionStore again = loaded();
        QCOMPARE(again.saved().size(), 2);
        QCOMPARE(again.saved().at(0).name, u"lab"_s);
        // Saved in its canonical spelling.
        QCOMPARE(again.saved().at(0).url, u"ssh://root@lab.example:2222"_s);
        QVERIFY(again.use(u"other"_s));
        QCOMPARE(loaded().defaultName(), u"other"_s);
        QCOMPARE(loaded().resolve({})->url, u"plugdesk:///srv/other"_s);

        // The default is removed only with force, and "local" is the default again.
        ConnectionStore third = loaded();
        const Status refused = third.remove(u"other"_s);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::InUse);
        QVERIFY(refused.error().message.contains(u"\"other\""_s));
        QVERIFY(third.remove(u"other"_s, true));
        QVERIFY(third.remove(u"lab"_s));
        ConnectionStore last = loaded();
        QCOMPARE(last.saved().size(), 0);
        QCOMPARE(last.defaultName(), u"local"_s);
        QCOMPARE(last.resolve({})->url, u"plugdesk://"_s);
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("verb");
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("named");
        QTest::newRow("add bad name") << u"add"_s << u"my lab"_s << u"plugdesk://"_s << int(ErrorCode::InvalidArgument)
                                      << u"\"my lab\""_s;
        QTest::newRow("add bad url") << u"add"_s << u"lab"_s << u"tcp://lab:2375"_s << int(ErrorCode::InvalidArgument)
                                     << u"\"tcp://lab:2375\""_s;
        QTest::newRow("add no url") << u"add"_s << u"lab"_s << QString() << int(ErrorCode::InvalidArgument)
                                    << u"\"lab\""_s;
        QTest::newRow("add taken") << u"add"_s << u"taken"_s << u"plugdesk://"_s << int(ErrorCode::Conflict)
                                   << u"\"taken\""_s;
        QTest::newRow("add local") << u"add"_s << u"local"_s << u"plugdesk://"_s << int(ErrorCode::InvalidArgument)
                                   << u"\"local\""_s;
        QTest::newRow("rm missing") << u"rm"_s << u"nosuch"_s << QString() << int(ErrorCode::NotFound)
                                    << u"\"nosuch\""_s;
        QTest::newRow("rm local") << u"rm"_s << u"local"_s << QString() << int(ErrorCode::InvalidArgument)
                                  << u"\"local\""_s;
        QTest::newRow("rm docker context")
            << u"rm"_s << u"ctx"_s << QString() << int(ErrorCode::InvalidArgument) << u"docker context rm ctx"_s;
        QTest::newRow("use missing") << u"use"_s << u"nosuch"_s << QString() << int(ErrorCode::NotFound)
                                     << u"\"nosuch\""_s;
        QTest::newRow("use url") << u"use"_s << u"ssh://lab"_s << QString() << int(ErrorCode::InvalidArgument)
                                 << u"\"ssh://lab\""_s;
        QTest::newRow("use tcp context") << u"use"_s << u"tcpctx"_s << QString() << int(ErrorCode::InvalidArgument)
                                         << u"\"tcpctx\""_s;
    }

    void refusals()
    {
        QFETCH(QString, verb);
        QFETCH(QString, name);
        QFETCH(QString, url);
        QFETCH(int, code);
        QFETCH(QString, named);
        writeDockerContext(u"ctx"_s, u"unix:///run/ctx.sock"_s);
        writeDockerContext(u"tcpctx"_s, u"tcp://10.0.0.1:2375"_s);
        ConnectionStore store = loaded();
        QVERIFY(store.add(u"taken"_s, u"plugdesk:///srv/taken"_s));
        const QByteArray before = [&] {
            QFile in(file());
            return in.open(QIODevice::ReadOnly) ? in.readAll() : QByteArray();
        }();
        Status status = verb == u"add"_s  ? store.add(name, url)
                        : verb == u"rm"_s ? store.remove(name)
                                          : store.use(name);
        QVERIFY(!status);
        QCOMPARE(int(status.error().code), code);
        QVERIFY2(status.error().message.contains(named), qPrintable(status.error().message));
        // A refusal writes nothing.
        QFile in(file());
        QVERIFY(in.open(QIODevice::ReadOnly));
        QCOMPARE(in.readAll(), before);
    }

    void corruptFileIsNamed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("not json") << QByteArray("{connections");
        QTest::newRow("array") << QByteArray("[]");
        QTest::newRow("bad name") << QByteArray("{\"connections\":[{\"name\":\"a b\",\"url\":\"plugdesk://\"}]}");
    }

    void corruptFileIsNamed()
    {
        QFETCH(QByteArray, bytes);
        writeFile(file(), bytes);
        ConnectionStore store(file(), docker());
        const Status status = store.load();
        QVERIFY(!status);
        QCOMPARE(status.error().code, ErrorCode::Corrupt);
        QVERIFY2(status.error().message.contains(file()), qPrintable(status.error().message));
    }

    void dockerContexts()
    {
        writeDockerContext(u"zeta"_s, u"ssh://root@zeta"_s);
        writeDockerContext(u"alpha"_s, u"unix:///run/alpha.sock"_s);
        // A broken meta.json is skipped, not fatal.
        writeFile(docker() + u"/contexts/meta/0000/meta.json"_s, "{broken");
        writeFile(docker() + u"/config.json"_s, "{\"auths\":{},\"currentContext\":\"zeta\"}");
        QList<DockerContexts::Context> contexts = DockerContexts::read(docker());
        QCOMPARE(contexts.size(), 3);
        QCOMPARE(contexts.at(0).name, u"default"_s);
        QVERIFY(contexts.at(0).implicit);
        QCOMPARE(contexts.at(0).host, u"unix:///var/run/docker.sock"_s);
        QCOMPARE(contexts.at(1).name, u"alpha"_s);
        QCOMPARE(contexts.at(1).host, u"unix:///run/alpha.sock"_s);
        QCOMPARE(contexts.at(2).name, u"zeta"_s);
        QVERIFY(contexts.at(2).current);
        QVERIFY(!contexts.at(0).current);

        qputenv("DOCKER_HOST", "unix:///run/other.sock");
        qputenv("DOCKER_CONTEXT", "alpha");
        contexts = DockerContexts::read(docker());
        QCOMPARE(contexts.at(0).host, u"unix:///run/other.sock"_s);
        QVERIFY(contexts.at(1).current);
        qunsetenv("DOCKER_HOST");
        qunsetenv("DOCKER_CONTEXT");

        // Without any file, Docker's implicit context alone, current.
        QDir(docker()).removeRecursively();
        contexts = DockerContexts::read(docker());
        QCOMPARE(contexts.size(), 1);
        QVERIFY(contexts.at(0).current);
    }

    void entriesListEverySource()
    {
        writeDockerContext(u"ctx"_s, u"ssh://ctx.example"_s);
        ConnectionStore store = loaded();
        QVERIFY(store.add(u"lab"_s, u"unix:///run/lab.sock"_s));
        QVERIFY(store.use(u"ctx"_s));
        const QList<ConnectionEntry> entries = store.entries();
        QCOMPARE(entries.size(), 4);
        QCOMPARE(entries.at(0).name, u"local"_s);
        QCOMPARE(entries.at(0).source, ConnectionSource::ThisComputer);
        QCOMPARE(entries.at(1).name, u"lab"_s);
        QCOMPARE(entries.at(1).source, ConnectionSource::Saved);
        QCOMPARE(entries.at(2).name, u"default"_s);
        QCOMPARE(entries.at(2).source, ConnectionSource::DockerContext);
        QVERIFY(entries.at(2).dockerCurrent);
        QCOMPARE(entries.at(3).name, u"ctx"_s);
        QVERIFY(entries.at(3).isDefault);
        int defaults = 0;
        for (const ConnectionEntry &entry : entries)
            defaults += entry.isDefault;
        QCOMPARE(defaults, 1);
    }

    void resolves_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("url");
        QTest::addColumn<int>("source");
        QTest::newRow("empty is the default") << QString() << u"plugdesk://"_s << int(ConnectionSource::ThisComputer);
        QTest::newRow("local") << u"local"_s << u"plugdesk://"_s << int(ConnectionSource::ThisComputer);
        QTest::newRow("url") << u"unix:///run/x.sock"_s << u"unix:///run/x.sock"_s << int(ConnectionSource::Url);
        QTest::newRow("store url") << u"plugdesk:///srv/s"_s << u"plugdesk:///srv/s"_s << int(ConnectionSource::Url);
        QTest::newRow("saved") << u"lab"_s << u"ssh://root@lab"_s << int(ConnectionSource::Saved);
        QTest::newRow("docker context") << u"ctx"_s << u"unix:///run/ctx.sock"_s
                                        << int(ConnectionSource::DockerContext);
        QTest::newRow("docker default") << u"default"_s << u"unix:///var/run/docker.sock"_s
                                        << int(ConnectionSource::DockerContext);
        // A saved connection wins over a Docker context of the same name.
        QTest::newRow("saved shadows context")
            << u"both"_s << u"plugdesk:///srv/both"_s << int(ConnectionSource::Saved);
    }

    void resolves()
    {
        QFETCH(QString, value);
        QFETCH(QString, url);
        QFETCH(int, source);
        writeDockerContext(u"ctx"_s, u"unix:///run/ctx.sock"_s);
        writeDockerContext(u"both"_s, u"unix:///run/both.sock"_s);
        ConnectionStore store = loaded();
        QVERIFY(store.add(u"lab"_s, u"ssh://root@lab"_s));
        QVERIFY(store.add(u"both"_s, u"plugdesk:///srv/both"_s));
        const Result<ConnectionEntry> entry = store.resolve(value);
        QVERIFY2(entry, entry ? "" : qPrintable(entry.error().message));
        QCOMPARE(entry->url, url);
        QCOMPARE(int(entry->source), source);
    }

    void resolveRefusals_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<int>("code");
        QTest::newRow("unknown name") << u"nosuch"_s << int(ErrorCode::NotFound);
        QTest::newRow("bad url") << u"http://x"_s << int(ErrorCode::InvalidArgument);
        QTest::newRow("tcp context") << u"tcpctx"_s << int(ErrorCode::InvalidArgument);
    }

    void resolveRefusals()
    {
        QFETCH(QString, value);
        QFETCH(int, code);
        writeDockerContext(u"tcpctx"_s, u"tcp://10.0.0.1:2375"_s);
        const Result<ConnectionEntry> entry = loaded().resolve(value);
        QVERIFY(!entry);
        QCOMPARE(int(entry.error().code), code);
        QVERIFY2(entry.error().message.contains(value), qPrintable(entry.error().message));
    }

    void defaultThatVanishedIsNamed()
    {
        writeFile(file(), "{\"connections\":[],\"default\":\"gone\"}");
        const Result<ConnectionEntry> entry = loaded().resolve({});
        QVERIFY(!entry);
        QVERIFY2(entry.error().message.contains(u"gone"_s), qPrintable(entry.error().message));
    }

    void resolveConnectionReadsTheCallersFile()
    {
        const QByteArray saved = qgetenv("XDG_CONFIG_HOME");
        const QByteArray savedDocker = qgetenv("DOCKER_CONFIG");
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
        qputenv("DOCKER_CONFIG", docker().toUtf8());
        QVERIFY(loaded().add(u"mine"_s, u"plugdesk:///srv/mine"_s));
        QCOMPARE(resolveConnection(u"mine"_s)->url, u"plugdesk:///srv/mine"_s);
        QCOMPARE(resolveConnection({})->url, u"plugdesk://"_s);
        qputenv("XDG_CONFIG_HOME", saved);
        qputenv("DOCKER_CONFIG", savedDocker);
    }
};

QTEST_GUILESS_MAIN(TestConnectionStore)
#include "tst_connectionstore.moc"
