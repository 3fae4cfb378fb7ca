// TokenCache: expiry per key with a moving clock, and the token server's reply format.
#include "core/registry/tokencache.h"

#include <QTest>
#include <QTimeZone>

using namespace Qt::StringLiterals;

using core::TokenCache;

class TestTokenCache : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expiry_data()
    {
        QTest::addColumn<int>("expiresIn");
        QTest::addColumn<int>("elapsed");
        QTest::addColumn<bool>("valid");
        QTest::newRow("fresh") << 300 << 0 << true;
        QTest::newRow("just before the margin") << 300 << 294 << true;
        QTest::newRow("inside the margin") << 300 << 296 << false;
        QTest::newRow("long expired") << 300 << 1000 << false;
        QTest::newRow("zero means the default 60 s, valid") << 0 << 50 << true;
        QTest::newRow("zero means the default 60 s, expired") << 0 << 56 << false;
        QTest::newRow("short token has no margin, valid") << 8 << 7 << true;
        QTest::newRow("short token has no margin, expired") << 8 << 8 << false;
    }

    void expiry()
    {
        QFETCH(int, expiresIn);
        QFETCH(int, elapsed);
        QFETCH(bool, valid);
        QDateTime now = QDateTime(QDate(2024, 1, 1), QTime(12, 0), Qt::UTC);
        TokenCache cache([&now] { return now; });
        const QString key = TokenCache::key(u"https://t"_s, u"s"_s, u"repository(plugin):a/b:pull"_s, u"user"_s);
        cache.insert(key, u"tok"_s, expiresIn);
        now = now.addSecs(elapsed);
        QCOMPARE(cache.token(key).has_value(), valid);
        if (valid)
            QCOMPARE(*cache.token(key), QStringLiteral("tok"));
    }

    void keysAreSeparate()
    {
        TokenCache cache;
        const QString pull = TokenCache::key(u"https://t"_s, u"s"_s, u"repository:a/b:pull"_s, u""_s);
        const QString push = TokenCache::key(u"https://t"_s, u"s"_s, u"repository:a/b:pull,push"_s, u""_s);
        const QString other = TokenCache::key(u"https://t"_s, u"s"_s, u"repository:a/b:pull"_s, u"bob"_s);
        cache.insert(pull, u"one"_s, 60);
        QVERIFY(!cache.token(push));
        QVERIFY(!cache.token(other));
        cache.insert(push, u"two"_s, 60);
        QCOMPARE(*cache.token(pull), QStringLiteral("one"));
        QCOMPARE(*cache.token(push), QStringLiteral("two"));
        cache.remove(pull);
        QVERIFY(!cache.token(pull));
        QVERIFY(cache.token(push));
    }

    void parseReply_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("ok");
        QTest::addColumn<QString>("token");
        QTest::addColumn<int>("expiresIn");
        QTest::newRow("token") << QByteArray(R"({"token":"abc","expires_in":300})") << true << "abc" << 300;
        QTest::newRow("access_token") << QByteArray(R"({"access_token":"xyz"})") << true << "xyz" << 60;
        QTest::newRow("token wins over access_token")
            << QByteArray(R"({"token":"t","access_token":"a","expires_in":0})") << true << "t" << 60;
        QTest::newRow("no token") << QByteArray(R"({"expires_in":300})") << false << "" << 0;
        QTest::newRow("empty token") << QByteArray(R"({"token":""})") << false << "" << 0;
        QTest::newRow("not json") << QByteArray("<html>") << false << "" << 0;
        QTest::newRow("array") << QByteArray("[]") << false << "" << 0;
    }

    void parseReply()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, ok);
        QFETCH(QString, token);
        QFETCH(int, expiresIn);
        const auto reply = TokenCache::parseReply(body, u"https://auth.example/token"_s);
        QCOMPARE(reply.ok(), ok);
        if (ok) {
            QCOMPARE(reply->token, token);
            QCOMPARE(reply->expiresIn, expiresIn);
        } else {
            QCOMPARE(reply.error().code, core::ErrorCode::Auth);
            QVERIFY(reply.error().message.contains(u"https://auth.example/token"_s));
        }
    }
};

QTEST_GUILESS_MAIN(TestTokenCache)
#include "tst_tokencache.moc"
