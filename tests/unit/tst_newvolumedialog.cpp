// NewVolumeDialog: the inline checks of the name and the option rows (data-driven), what the dialog hands back, and
// the message instead of the driver list when no volume driver is enabled.
#include "ui/newvolumedialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using ui::NewVolumeDialog;

namespace {

QList<core::VolumeDriverInfo> twoDrivers()
{
    core::VolumeDriverInfo a;
    a.name = QStringLiteral("acme/testvol:latest");
    core::VolumeDriverInfo b;
    b.name = QStringLiteral("acme/other:latest");
    return {a, b};
}

} // namespace

class TestNewVolumeDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void nameProblem_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("ok");
        QTest::newRow("empty: generated") << QString() << true;
        QTest::newRow("plain") << QStringLiteral("data") << true;
        QTest::newRow("dots dashes underscores") << QStringLiteral("my_vol-1.2") << true;
        QTest::newRow("an at sign (sshfs style)") << QStringLiteral("user@host") << true;
        QTest::newRow("a slash") << QStringLiteral("a/b") << false;
        QTest::newRow("a colon") << QStringLiteral("a:b") << false;
        QTest::newRow("a space") << QStringLiteral("a b") << false;
        QTest::newRow("a tab") << QStringLiteral("a\tb") << false;
    }

    void nameProblem()
    {
        QFETCH(QString, name);
        QFETCH(bool, ok);
        const QString problem = NewVolumeDialog::nameProblem(name);
        QCOMPARE(problem.isEmpty(), ok);
        if (!ok)
            QVERIFY2(problem.contains(name), qPrintable(problem));
    }

    void optionsProblem_data()
    {
        QTest::addColumn<QStringList>("keys");
        QTest::addColumn<QStringList>("values");
        QTest::addColumn<QString>("problem"); // a part of the message, empty for none
        QTest::newRow("none") << QStringList() << QStringList() << QString();
        QTest::newRow("one") << QStringList{QStringLiteral("size")} << QStringList{QStringLiteral("10")} << QString();
        QTest::newRow("empty value is fine")
            << QStringList{QStringLiteral("ro")} << QStringList{QString()} << QString();
        QTest::newRow("a blank row is ignored") << QStringList{QStringLiteral("size"), QString()}
                                                << QStringList{QStringLiteral("1"), QString()} << QString();
        QTest::newRow("empty key") << QStringList{QStringLiteral("size"), QString()}
                                   << QStringList{QStringLiteral("1"), QStringLiteral("x")}
                                   << QStringLiteral("Option 2 has a value but no key");
        QTest::newRow("duplicate key") << QStringList{QStringLiteral("size"), QStringLiteral("color"),
                                                      QStringLiteral("size")}
                                       << QStringList{QStringLiteral("1"), QStringLiteral("red"), QStringLiteral("2")}
                                       << QStringLiteral("\"size\" is given twice");
        QTest::newRow("= in a key") << QStringList{QStringLiteral("size=10")} << QStringList{QString()}
                                    << QStringLiteral("cannot contain \"=\"");
    }

    void optionsProblem()
    {
        QFETCH(QStringList, keys);
        QFETCH(QStringList, values);
        QFETCH(QString, problem);
        QList<QPair<QString, QString>> rows;
        for (qsizetype i = 0; i < keys.size(); ++i)
            rows.append({keys.at(i), values.at(i)});
        const QString found = NewVolumeDialog::optionsProblem(rows);
        if (problem.isEmpty())
            QCOMPARE(found, QString());
        else
            QVERIFY2(found.contains(problem), qPrintable(found));
    }

    void collectsWhatWasTyped()
    {
        NewVolumeDialog dialog(twoDrivers(), QStringLiteral("acme/other:latest"));
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QCOMPARE(dialog.driver(), QStringLiteral("acme/other:latest"));
        QVERIFY(dialog.driversMessage()->isHidden());
        QVERIFY(dialog.createButton()->isEnabled()); // empty name: the engine generates one

        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("a b"));
        QVERIFY(!dialog.createButton()->isEnabled());
        QVERIFY(dialog.problemLabel()->isVisible());
        dialog.nameEdit()->clear();
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("data"));
        QVERIFY(dialog.createButton()->isEnabled());
        QVERIFY(dialog.problemLabel()->isHidden());

        dialog.addOption(QStringLiteral("size"), QStringLiteral("10"));
        const int second = dialog.addOption(QStringLiteral("size"), QStringLiteral("20"));
        QVERIFY(!dialog.createButton()->isEnabled());
        QVERIFY(dialog.problemLabel()->text().contains(QStringLiteral("given twice")));
        // Editing the cell, as a person would, clears the problem.
        dialog.optionsTable()->item(second, NewVolumeDialog::Key)->setText(QStringLiteral("color"));
        QVERIFY(dialog.createButton()->isEnabled());
        QVERIFY(dialog.problemLabel()->isHidden());

        // Add Option starts a row and edits its key; a blank row is ignored.
        QTest::mouseClick(dialog.addOptionButton(), Qt::LeftButton);
        QCOMPARE(dialog.optionsTable()->rowCount(), 3);
        QVERIFY(dialog.createButton()->isEnabled());
        dialog.optionsTable()->selectRow(2);
        QVERIFY(dialog.removeOptionButton()->isEnabled());
        QTest::mouseClick(dialog.removeOptionButton(), Qt::LeftButton);
        QCOMPARE(dialog.optionsTable()->rowCount(), 2);

        QCOMPARE(dialog.name(), QStringLiteral("data"));
        const QMap<QString, QString> expected{{QStringLiteral("size"), QStringLiteral("10")},
                                              {QStringLiteral("color"), QStringLiteral("20")}};
        QCOMPARE(dialog.options(), expected);
        dialog.driverCombo()->setCurrentIndex(0);
        QCOMPARE(dialog.driver(), QStringLiteral("acme/testvol:latest"));
    }

    void saysWhenNoDriverIsEnabled()
    {
        NewVolumeDialog dialog({});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.driversMessage()->isVisible());
        QVERIFY(dialog.driversMessage()->text().contains(QStringLiteral("Enable a volume plugin")));
        QVERIFY(!dialog.driverCombo()->isEnabled());
        QVERIFY(!dialog.createButton()->isEnabled());
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("data"));
        QVERIFY(!dialog.createButton()->isEnabled());
    }

    void saysWhyTheDriversAreUnknown()
    {
        NewVolumeDialog dialog({}, {}, QStringLiteral("the store is locked"));
        QVERIFY(dialog.driversMessage()->text().contains(QStringLiteral("the store is locked")));
        QVERIFY(!dialog.createButton()->isEnabled());
    }
};

QTEST_MAIN(TestNewVolumeDialog)
#include "tst_newvolumedialog.moc"
