#include "gotemplate.h"
#include "textformat.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

class TestTextFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void ellipsis_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("width");
        QTest::addColumn<QString>("expected");
        QTest::newRow("short") << QStringLiteral("sshFS plugin for Docker") << 45
                               << QStringLiteral("sshFS plugin for Docker");
        QTest::newRow("exact") << QString(45, QLatin1Char('a')) << 45 << QString(45, QLatin1Char('a'));
        QTest::newRow("one over") << QString(46, QLatin1Char('a')) << 45
                                  << QString(44, QLatin1Char('a')) + QStringLiteral("…");
        QTest::newRow("wide characters") << QStringLiteral("日本語日本語") << 5 << QStringLiteral("日本…");
        QTest::newRow("width one") << QStringLiteral("abc") << 1 << QStringLiteral("a");
        QTest::newRow("width zero") << QStringLiteral("abc") << 0 << QString();
    }
    void ellipsis()
    {
        QFETCH(QString, text);
        QFETCH(int, width);
        QFETCH(QString, expected);
        QCOMPARE(cli::ellipsis(text, width), expected);
    }

    void naturalOrder_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        QTest::addColumn<bool>("less");
        QTest::newRow("numbers") << QStringLiteral("p2:latest") << QStringLiteral("p10:latest") << true;
        QTest::newRow("numbers reversed") << QStringLiteral("p10") << QStringLiteral("p2") << false;
        QTest::newRow("letters") << QStringLiteral("alpha") << QStringLiteral("beta") << true;
        QTest::newRow("prefix") << QStringLiteral("abc") << QStringLiteral("abcd") << true;
        QTest::newRow("equal") << QStringLiteral("abc") << QStringLiteral("abc") << false;
        QTest::newRow("leading zeros") << QStringLiteral("v007") << QStringLiteral("v8") << true;
    }
    void naturalOrder()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QFETCH(bool, less);
        QCOMPARE(cli::naturalLess(a, b), less);
    }

    void tabulatesLikeGoTabwriter()
    {
        const QString table = cli::tabulate({
            {QStringLiteral("ID"), QStringLiteral("NAME"), QStringLiteral("DESCRIPTION"), QStringLiteral("ENABLED")},
            {QStringLiteral("cd851ce43a40"), QStringLiteral("vieux/sshfs:latest"),
             QStringLiteral("sshFS plugin for Docker"), QStringLiteral("true")},
        });
        QCOMPARE(table, QStringLiteral("ID             NAME                 DESCRIPTION               ENABLED\n"
                                       "cd851ce43a40   vieux/sshfs:latest   sshFS plugin for Docker   true\n"));
        // Short columns are still 10 wide.
        QCOMPARE(cli::tabulate({{QStringLiteral("A"), QStringLiteral("B")}}), QStringLiteral("A         B\n"));
    }

    void templates_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("expected"); // empty: refused
        QTest::newRow("field") << QStringLiteral("{{.Name}}") << QStringLiteral("vieux/sshfs:latest");
        QTest::newRow("nested") << QStringLiteral("{{.Config.Socket}}") << QStringLiteral("sshfs.sock");
        QTest::newRow("spaces and tab") << QStringLiteral("{{ .Name }}\\t{{.Enabled}}")
                                        << QStringLiteral("vieux/sshfs:latest\ttrue");
        QTest::newRow("json field") << QStringLiteral("{{json .Config}}")
                                    << QStringLiteral("{\"Caps\":[\"CAP_SYS_ADMIN\"],\"Socket\":\"sshfs.sock\"}");
        QTest::newRow("json string") << QStringLiteral("{{json .Name}}") << QStringLiteral("\"vieux/sshfs:latest\"");
        QTest::newRow("null") << QStringLiteral("{{.Nothing}}") << QStringLiteral("<nil>");
        QTest::newRow("number") << QStringLiteral("{{.Count}}") << QStringLiteral("3");
        QTest::newRow("unknown field") << QStringLiteral("{{.Nope}}") << QString();
        QTest::newRow("unclosed") << QStringLiteral("{{.Name") << QString();
        QTest::newRow("unsupported function") << QStringLiteral("{{upper .Name}}") << QString();
    }
    void templates()
    {
        QFETCH(QString, format);
        QFETCH(QString, expected);
        const QJsonObject data{{QStringLiteral("Name"), QStringLiteral("vieux/sshfs:latest")},
                               {QStringLiteral("Enabled"), true},
                               {QStringLiteral("Count"), 3},
                               {QStringLiteral("Nothing"), QJsonValue::Null},
                               {QStringLiteral("Config"),
                                QJsonObject{{QStringLiteral("Socket"), QStringLiteral("sshfs.sock")},
                                            {QStringLiteral("Caps"), QJsonArray{QStringLiteral("CAP_SYS_ADMIN")}}}}};
        auto tmpl = cli::GoTemplate::parse(format);
        if (expected.isEmpty()) {
            QVERIFY(!tmpl.ok() || !tmpl->render(data).ok());
            return;
        }
        QVERIFY(tmpl.ok());
        auto rendered = tmpl->render(data);
        QVERIFY(rendered.ok());
        QCOMPARE(*rendered, expected);
    }
};

QTEST_GUILESS_MAIN(TestTextFormat)
#include "tst_textformat.moc"
