// ConnectionUrl: the URLs of -H, saved connections and the window's connection list (issue 14).
#include "core/connection/connectionurl.h"

#include <QTest>

using core::ConnectionUrl;

class TestConnectionUrl : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("user");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::addColumn<QString>("canonical");
        const int plugdesk = int(ConnectionUrl::Kind::Plugdesk);
        const int unixKind = int(ConnectionUrl::Kind::DockerUnix);
        const int ssh = int(ConnectionUrl::Kind::DockerSsh);
        QTest::newRow("empty") << "" << plugdesk << ""
                               << ""
                               << "" << 0 << "plugdesk://";
        QTest::newRow("plugdesk") << "plugdesk://" << plugdesk << ""
                                  << ""
                                  << "" << 0 << "plugdesk://";
        QTest::newRow("plugdesk store") << "plugdesk:///srv/store" << plugdesk << "/srv/store"
                                        << ""
                                        << "" << 0 << "plugdesk:///srv/store";
        QTest::newRow("unix") << "unix:///var/run/docker.sock" << unixKind << "/var/run/docker.sock"
                              << ""
                              << "" << 0 << "unix:///var/run/docker.sock";
        QTest::newRow("scheme case") << "UNIX:///run/d.sock" << unixKind << "/run/d.sock"
                                     << ""
                                     << "" << 0 << "unix:///run/d.sock";
        QTest::newRow("ssh host") << "ssh://example.org" << ssh << ""
                                  << ""
                                  << "example.org" << 0 << "ssh://example.org";
        QTest::newRow("ssh full") << "ssh://root@127.0.0.1:2222" << ssh << ""
                                  << "root"
                                  << "127.0.0.1" << 2222 << "ssh://root@127.0.0.1:2222";
        QTest::newRow("ssh ipv6") << "ssh://me@[::1]:22" << ssh << ""
                                  << "me"
                                  << "::1" << 22 << "ssh://me@[::1]:22";
        QTest::newRow("ssh slash") << "ssh://me@host/" << ssh << ""
                                   << "me"
                                   << "host" << 0 << "ssh://me@host";
    }
    void parses()
    {
        QFETCH(QString, text);
        QFETCH(int, kind);
        QFETCH(QString, path);
        QFETCH(QString, user);
        QFETCH(QString, host);
        QFETCH(int, port);
        QFETCH(QString, canonical);
        const core::Result<ConnectionUrl> url = ConnectionUrl::parse(text);
        QVERIFY2(url.ok(), qPrintable(url.ok() ? QString() : url.error().message));
        QCOMPARE(int(url->kind), kind);
        QCOMPARE(url->path, path);
        QCOMPARE(url->user, user);
        QCOMPARE(url->host, host);
        QCOMPARE(url->port, port);
        QCOMPARE(url->toString(), canonical);
        // The canonical spelling reads back as the same URL.
        QCOMPARE(*ConnectionUrl::parse(canonical), *url);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("says");
        QTest::newRow("no scheme") << "/var/run/docker.sock"
                                   << "expected plugdesk://";
        QTest::newRow("tcp") << "tcp://127.0.0.1:2375"
                             << "unknown scheme \"tcp\"";
        QTest::newRow("relative socket") << "unix://docker.sock"
                                         << "absolute socket path";
        QTest::newRow("bare unix") << "unix://"
                                   << "absolute socket path";
        QTest::newRow("ssh no host") << "ssh://"
                                     << "ssh://[USER@]HOST[:PORT]";
        QTest::newRow("ssh password") << "ssh://me:secret@host"
                                      << "password";
        QTest::newRow("ssh path") << "ssh://host/var/run"
                                  << "no path";
        QTest::newRow("ssh bad port") << "ssh://host:99999"
                                      << "ssh://[USER@]HOST[:PORT]";
        QTest::newRow("plugdesk host") << "plugdesk://otherhost"
                                       << "names no host";
    }
    void refuses()
    {
        QFETCH(QString, text);
        QFETCH(QString, says);
        const core::Result<ConnectionUrl> url = ConnectionUrl::parse(text);
        QVERIFY(!url.ok());
        QCOMPARE(url.error().code, core::ErrorCode::InvalidArgument);
        QVERIFY2(url.error().message.contains(QLatin1Char('"') + text + QLatin1Char('"')),
                 qPrintable(url.error().message));
        QVERIFY2(url.error().message.contains(says), qPrintable(url.error().message));
    }
};

QTEST_GUILESS_MAIN(TestConnectionUrl)
#include "tst_connectionurl.moc"
