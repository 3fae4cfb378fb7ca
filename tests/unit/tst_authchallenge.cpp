// AuthChallenge: WWW-Authenticate parsing, including the shapes registries really send.
#include "core/registry/authchallenge.h"

#include <QTest>

using namespace Qt::StringLiterals;

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
            << QStringList{u"bearer"_s}
            << QList<Params>{{{u"realm"_s, u"https://auth.docker.io/token"_s},
                              {u"service"_s, u"registry.docker.io"_s},
                              {u"scope"_s, u"repository:samalba/my-app:pull,push"_s}}};
        QTest::newRow("basic with realm") << QByteArray("Basic realm=\"Registry Realm\"") << QStringList{u"basic"_s}
                                          << QList<Params>{{{u"realm"_s, u"Registry Realm"_s}}};
        QTest::newRow("basic bare") << QByteArray("Basic") << QStringList{u"basic"_s} << QList<Params>{{}};
        QTest::newRow("scheme case and spaces")
            << QByteArray("  bEaReR   Realm = \"http://127.0.0.1:1/t\" ,  Service=reg  ") << QStringList{u"bearer"_s}
            << QList<Params>{{{u"realm"_s, u"http://127.0.0.1:1/t"_s}, {u"service"_s, u"reg"_s}}};
        QTest::newRow("two challenges") << QByteArray("Bearer realm=\"https://a/t\",service=\"s\", Basic realm=\"b\"")
                                        << QStringList{u"bearer"_s, u"basic"_s}
                                        << QList<Params>{{{u"realm"_s, u"https://a/t"_s}, {u"service"_s, u"s"_s}},
                                                         {{u"realm"_s, u"b"_s}}};
        QTest::newRow("escaped quote and comma in value")
            << QByteArray("Bearer realm=\"a\\\"b,c\",error=\"insufficient_scope\"") << QStringList{u"bearer"_s}
            << QList<Params>{{{u"realm"_s, u"a\"b,c"_s}, {u"error"_s, u"insufficient_scope"_s}}};
        QTest::newRow("unquoted token value")
            << QByteArray("Bearer realm=https://x/token,service=x") << QStringList{u"bearer"_s}
            << QList<Params>{{{u"realm"_s, u"https://x/token"_s}, {u"service"_s, u"x"_s}}};
        QTest::newRow("empty header") << QByteArray() << QStringList{} << QList<Params>{};
        QTest::newRow("only commas") << QByteArray(" , ,") << QStringList{} << QList<Params>{};
        QTest::newRow("parameter before any scheme is skipped")
            << QByteArray("realm=\"x\", Basic realm=\"y\"") << QStringList{u"basic"_s}
            << QList<Params>{{{u"realm"_s, u"y"_s}}};
        QTest::newRow("unterminated quote keeps what came before")
            << QByteArray("Bearer service=\"s\",realm=\"https://oops") << QStringList{u"bearer"_s}
            << QList<Params>{{{u"service"_s, u"s"_s}}};
        QTest::newRow("empty quoted value") << QByteArray("Bearer realm=\"\",service=\"s\"") << QStringList{u"bearer"_s}
                                            << QList<Params>{{{u"realm"_s, u""_s}, {u"service"_s, u"s"_s}}};
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
