// AuthChallenge: WWW-Authenticate parsing, including the shapes registries really send.
#include "core/registry/authchallenge.h"

#include <QTest>

using core::AuthChallenge;

using Params = QMap<QString, QString>;

class TestAuthChallenge : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QStringList>("schemes");
        QTest::addColumn<QList<Params>>("params");

        QTest::newRow("docker hub bearer")
            << QByteArray("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\","
                          "scope=\"repository:samalba/my-app:pull,push\"")
            << QStringList{"bearer"}
            << QList<Params>{{{"realm", "https://auth.docker.io/token"},
                              {"service", "registry.docker.io"},
                              {"scope", "repository:samalba/my-app:pull,push"}}};
        QTest::newRow("basic with realm") << QByteArray("Basic realm=\"Registry Realm\"") << QStringList{"basic"}
                                          << QList<Params>{{{"realm", "Registry Realm"}}};
        QTest::newRow("basic bare") << QByteArray("Basic") << QStringList{"basic"} << QList<Params>{{}};
        QTest::newRow("scheme case and spaces")
            << QByteArray("  bEaReR   Realm = \"http://127.0.0.1:1/t\" ,  Service=reg  ") << QStringList{"bearer"}
            << QList<Params>{{{"realm", "http://127.0.0.1:1/t"}, {"service", "reg"}}};
        QTest::newRow("two challenges") << QByteArray("Bearer realm=\"https://a/t\",service=\"s\", Basic realm=\"b\"")
                                        << QStringList{"bearer", "basic"}
                                        << QList<Params>{{{"realm", "https://a/t"}, {"service", "s"}},
                                                         {{"realm", "b"}}};
        QTest::newRow("escaped quote and comma in value")
            << QByteArray("Bearer realm=\"a\\\"b,c\",error=\"insufficient_scope\"") << QStringList{"bearer"}
            << QList<Params>{{{"realm", "a\"b,c"}, {"error", "insufficient_scope"}}};
        QTest::newRow("unquoted token value")
            << QByteArray("Bearer realm=https://x/token,service=x") << QStringList{"bearer"}
            << QList<Params>{{{"realm", "https://x/token"}, {"service", "x"}}};
        QTest::newRow("empty header") << QByteArray() << QStringList{} << QList<Params>{};
        QTest::newRow("only commas") << QByteArray(" , ,") << QStringList{} << QList<Params>{};
        QTest::newRow("parameter before any scheme is skipped")
            << QByteArray("realm=\"x\", Basic realm=\"y\"") << QStringList{"basic"} << QList<Params>{{{"realm", "y"}}};
        QTest::newRow("unterminated quote keeps what came before")
            << QByteArray("Bearer service=\"s\",realm=\"https://oops") << QStringList{"bearer"}
            << QList<Params>{{{"service", "s"}}};
        QTest::newRow("empty quoted value") << QByteArray("Bearer realm=\"\",service=\"s\"") << QStringList{"bearer"}
                                            << QList<Params>{{{"realm", ""}, {"service", "s"}}};
    }

    void parse()
    {
        QFETCH(QByteArray, header);
        QFETCH(QStringList, schemes);
        QFETCH(QList<Params>, params);
        const QList<AuthChallenge> challenges = AuthChallenge::parse(header);
        QCOMPARE(challenges.size(), schemes.size());
        for (qsizetype i = 0; i < challenges.size(); ++i) {
            QCOMPARE(challenges[i].scheme, schemes[i]);
            QCOMPARE(challenges[i].params, params[i]);
        }
    }

    void severalHeaders()
    {
        const auto challenges =
            AuthChallenge::parse(QList<QByteArray>{"Basic realm=\"r\"", "Bearer realm=\"https://t\",service=\"s\""});
        QCOMPARE(challenges.size(), 2);
        QCOMPARE(challenges[0].scheme, QStringLiteral("basic"));
        QCOMPARE(challenges[1].param(QStringLiteral("Service")), QStringLiteral("s"));
    }
};

QTEST_GUILESS_MAIN(TestAuthChallenge)
#include "tst_authchallenge.moc"
