#include "core/plugin/pluginfilter.h"

#include <QTest>

using namespace core;

class TestPluginFilter : public QObject
{
    Q_OBJECT

private:
    static Plugin plugin(bool enabled, const QStringList &types)
    {
        Plugin p;
        p.id = QStringLiteral("abc");
        p.repository = QStringLiteral("x");
        p.tag = QStringLiteral("latest");
        p.enabled = enabled;
        p.config.interfaceTypes = types;
        return p;
    }

private Q_SLOTS:
    void matches_data()
    {
        QTest::addColumn<QStringList>("terms");
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<QStringList>("types");
        QTest::addColumn<bool>("expected");

        const QStringList volume{QStringLiteral("docker.volumedriver/1.0")};
        const QStringList both{QStringLiteral("docker.volumedriver/1.0"), QStringLiteral("docker.networkdriver/1.0")};
        QTest::newRow("no filter") << QStringList() << false << volume << true;
        QTest::newRow("enabled=true on enabled")
            << QStringList{QStringLiteral("enabled=true")} << true << volume << true;
        QTest::newRow("enabled=true on disabled")
            << QStringList{QStringLiteral("enabled=true")} << false << volume << false;
        QTest::newRow("enabled=1") << QStringList{QStringLiteral("enabled=1")} << true << volume << true;
        QTest::newRow("enabled=0 on enabled") << QStringList{QStringLiteral("enabled=0")} << true << volume << false;
        QTest::newRow("enabled=false on disabled")
            << QStringList{QStringLiteral("enabled=false")} << false << volume << true;
        QTest::newRow("both enabled values")
            << QStringList{QStringLiteral("enabled=true"), QStringLiteral("enabled=false")} << false << volume << true;
        QTest::newRow("capability exact")
            << QStringList{QStringLiteral("capability=volumedriver")} << true << volume << true;
        QTest::newRow("capability any type")
            << QStringList{QStringLiteral("capability=networkdriver")} << true << both << true;
        QTest::newRow("capability is not a regex")
            << QStringList{QStringLiteral("capability=volume")} << true << volume << false;
        QTest::newRow("capability case") << QStringList{QStringLiteral("capability=VolumeDriver")} << true << volume
                                         << true;
        QTest::newRow("capability absent")
            << QStringList{QStringLiteral("capability=authz")} << true << volume << false;
        QTest::newRow("no types never matches a capability")
            << QStringList{QStringLiteral("capability=volumedriver")} << true << QStringList() << false;
        QTest::newRow("keys are and-ed") << QStringList{QStringLiteral("enabled=false"),
                                                        QStringLiteral("capability=volumedriver")}
                                         << true << volume << false;
        QTest::newRow("values are or-ed")
            << QStringList{QStringLiteral("capability=authz"), QStringLiteral("capability=volumedriver")} << true
            << volume << true;
    }

    void matches()
    {
        QFETCH(QStringList, terms);
        QFETCH(bool, enabled);
        QFETCH(QStringList, types);
        QFETCH(bool, expected);
        auto filter = PluginFilter::parse(terms);
        QVERIFY(filter.ok());
        QCOMPARE(filter->matches(plugin(enabled, types)), expected);
    }

    void refuses_data()
    {
        QTest::addColumn<QString>("term");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown key") << QStringLiteral("colour=red") << QStringLiteral("invalid filter 'colour'");
        QTest::newRow("swagger's enable") << QStringLiteral("enable=true") << QStringLiteral("invalid filter 'enable'");
        QTest::newRow("bad bool") << QStringLiteral("enabled=maybe")
                                  << QStringLiteral("invalid filter 'enabled=maybe'");
        QTest::newRow("no equals") << QStringLiteral("enabled") << QStringLiteral("bad format of filter 'enabled'");
        QTest::newRow("empty capability")
            << QStringLiteral("capability=") << QStringLiteral("invalid filter 'capability='");
    }

    void refuses()
    {
        QFETCH(QString, term);
        QFETCH(QString, message);
        auto filter = PluginFilter::parse({term});
        QVERIFY(!filter.ok());
        QCOMPARE(filter.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(filter.error().message.contains(message), qPrintable(filter.error().message));
    }
};

QTEST_GUILESS_MAIN(TestPluginFilter)
#include "tst_pluginfilter.moc"
