// The privilege dialog on its own: one row per privilege value with its risk, Cancel as the default (Enter refuses),
// Accept, and the marks of an upgrade's changes.
#include "core/plugin/pluginconfig.h"
#include "core/plugin/privileges.h"
#include "ui/privilegedialog.h"

#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>

using ui::PrivilegeDialog;
using Risk = PrivilegeDialog::Risk;
using Change = PrivilegeDialog::Change;

Q_DECLARE_METATYPE(PrivilegeDialog::Risk)

class TestPrivilegeDialog : public QObject
{
    Q_OBJECT

private:
    static core::Privileges privilegesOf(const QByteArray &config)
    {
        auto parsed = core::PluginConfig::fromJson(config);
        if (!parsed)
            qFatal("bad test config: %s", qPrintable(parsed.error().message));
        return core::Privileges::fromConfig(*parsed);
    }

    static core::Privileges sshfsLike()
    {
        return privilegesOf(R"({"Entrypoint": ["/p"], "Interface": {"Types": ["docker.volumedriver/1.0"],
            "Socket": "s.sock"}, "Network": {"Type": "host"},
            "Mounts": [{"Name": "state", "Source": "/var/lib/docker/plugins/", "Destination": "/mnt/state",
                        "Type": "bind", "Options": ["rbind"]}],
            "Linux": {"Capabilities": ["CAP_SYS_ADMIN", "CAP_NET_BIND_SERVICE"],
                      "Devices": [{"Path": "/dev/fuse"}]}})");
    }

    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString folder = QStringLiteral(PLUGDESK_BINARY_DIR "/screenshots");
        QDir().mkpath(folder);
        QVERIFY(widget->grab().save(folder + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

private Q_SLOTS:
    void risk_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("value");
        QTest::addColumn<Risk>("risk");
        QTest::newRow("network host") << "network"
                                      << "host" << Risk::High;
        QTest::newRow("network other") << "network"
                                       << "overlay" << Risk::Low;
        QTest::newRow("host pid") << "host pid namespace"
                                  << "true" << Risk::High;
        QTest::newRow("host ipc") << "host ipc namespace"
                                  << "true" << Risk::High;
        QTest::newRow("all devices") << "allow-all-devices"
                                     << "true" << Risk::High;
        QTest::newRow("mount") << "mount"
                               << "/var/lib" << Risk::Medium;
        QTest::newRow("mount of the host's root") << "mount"
                                                  << "/" << Risk::High;
        QTest::newRow("mount of /etc") << "mount"
                                       << "/etc/ssh" << Risk::High;
        QTest::newRow("mount of Plugdesk's store") << "mount"
                                                   << "/var/lib/plugdesk/" << Risk::High;
        QTest::newRow("device") << "device"
                                << "/dev/fuse" << Risk::Medium;
        QTest::newRow("sys_admin") << "capabilities"
                                   << "CAP_SYS_ADMIN" << Risk::High;
        QTest::newRow("sys_admin without prefix") << "capabilities"
                                                  << "sys_admin" << Risk::High;
        QTest::newRow("sys_module") << "capabilities"
                                    << "CAP_SYS_MODULE" << Risk::High;
        QTest::newRow("net_admin") << "capabilities"
                                   << "CAP_NET_ADMIN" << Risk::Medium;
        QTest::newRow("net_bind_service") << "capabilities"
                                          << "CAP_NET_BIND_SERVICE" << Risk::Low;
        QTest::newRow("unknown capability") << "capabilities"
                                            << "CAP_NEW_THING" << Risk::Medium;
        QTest::newRow("unknown privilege") << "time travel"
                                           << "yes" << Risk::Medium;
    }

    void risk()
    {
        QFETCH(QString, name);
        QFETCH(QString, value);
        QFETCH(Risk, risk);
        QCOMPARE(PrivilegeDialog::riskOf(name, value), risk);
        QVERIFY(!PrivilegeDialog::explain(name, value).isEmpty());
    }

    // A mount's type and options decide its risk: a kernel filesystem or an overlay reaching / is High even under a
    // harmless name, a tmpfs is Low; the dialog shows the type and options beside the value.
    void mountTypeAndOptionsDecide()
    {
        QCOMPARE(PrivilegeDialog::riskOf(QStringLiteral("mount"), QStringLiteral("proc"), QStringLiteral("proc")),
                 Risk::High);
        QCOMPARE(PrivilegeDialog::riskOf(QStringLiteral("mount"), QStringLiteral("overlay"), QStringLiteral("overlay"),
                                         {QStringLiteral("lowerdir=/")}),
                 Risk::High);
        QCOMPARE(PrivilegeDialog::riskOf(QStringLiteral("mount"), QStringLiteral("/srv"), QStringLiteral("bind"),
                                         {QStringLiteral("rbind"), QStringLiteral("ro")}),
                 Risk::Medium);
        QCOMPARE(PrivilegeDialog::riskOf(QStringLiteral("mount"), QStringLiteral("tmpfs"), QStringLiteral("tmpfs")),
                 Risk::Low);
        const core::Privileges privileges({core::Privilege{QStringLiteral("mount"),
                                                           QStringLiteral("host path to mount"),
                                                           {QStringLiteral("proc")},
                                                           QStringLiteral("proc"),
                                                           {QStringLiteral("nosuid")}}});
        PrivilegeDialog dialog(QStringLiteral("acme/evil:latest"), privileges);
        QCOMPARE(dialog.table()->rowCount(), 1);
        QVERIFY2(dialog.table()->item(0, 1)->text().contains(QStringLiteral("type proc")),
                 qPrintable(dialog.table()->item(0, 1)->text()));
        QVERIFY(dialog.table()->item(0, 1)->text().contains(QStringLiteral("nosuid")));
        QCOMPARE(dialog.table()->item(0, 3)->data(Qt::UserRole).toInt(), int(Risk::High));
    }

    void showsOneRowPerPrivilegeValue()
    {
        PrivilegeDialog dialog(QStringLiteral("vieux/sshfs:latest"), sshfsLike());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // network, mount, device, and each capability on its own row.
        QCOMPARE(dialog.rows().size(), 5);
        QTableWidget *table = dialog.table();
        QCOMPARE(table->rowCount(), 5);
        const QStringList values{QStringLiteral("host"), QStringLiteral("/var/lib/docker/plugins/"),
                                 QStringLiteral("/dev/fuse"), QStringLiteral("CAP_SYS_ADMIN"),
                                 QStringLiteral("CAP_NET_BIND_SERVICE")};
        const QList<Risk> risks{Risk::High, Risk::Medium, Risk::Medium, Risk::High, Risk::Low};
        for (int r = 0; r < table->rowCount(); ++r) {
            QCOMPARE(table->item(r, 1)->text(), values.at(r));
            QCOMPARE(table->item(r, 3)->data(Qt::UserRole).toInt(), int(risks.at(r)));
            QCOMPARE(table->item(r, 3)->text(), PrivilegeDialog::riskName(risks.at(r)));
            QVERIFY(!table->item(r, 0)->icon().isNull());
            QVERIFY(!table->item(r, 2)->text().isEmpty());
        }
        QCOMPARE(table->item(0, 2)->text(),
                 PrivilegeDialog::explain(QStringLiteral("network"), QStringLiteral("host")));
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("privilegeSummary"))->text().contains(QStringLiteral("2")));
        saveScreenshot(&dialog, QStringLiteral("privilege-dialog"));
    }

    void enterCancels()
    {
        PrivilegeDialog dialog(QStringLiteral("vieux/sshfs:latest"), sshfsLike());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.cancelButton()->isDefault());
        QVERIFY(!dialog.acceptButton()->isDefault());
        QTest::keyClick(&dialog, Qt::Key_Return);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(dialog.result(), int(QDialog::Rejected));
        // Also when the table has the focus.
        PrivilegeDialog again(QStringLiteral("vieux/sshfs:latest"), sshfsLike());
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        again.table()->setFocus();
        QTest::keyClick(again.table(), Qt::Key_Enter);
        QCOMPARE(again.result(), int(QDialog::Rejected));
    }

    void acceptReturns()
    {
        PrivilegeDialog dialog(QStringLiteral("vieux/sshfs:latest"), sshfsLike());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QTest::mouseClick(dialog.acceptButton(), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
    }

    void noPrivileges()
    {
        PrivilegeDialog dialog(QStringLiteral("acme/plain:latest"), core::Privileges());
        QCOMPARE(dialog.table()->rowCount(), 0);
        QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("privilegeSummary"))->text(),
                 QStringLiteral("This plugin asks for no special privileges."));
    }

    void marksWhatChanged()
    {
        const core::Privileges before = privilegesOf(R"({"Entrypoint": ["/p"], "Interface": {"Types":
            ["docker.volumedriver/1.0"], "Socket": "s.sock"}, "Network": {"Type": "host"},
            "Linux": {"Capabilities": ["CAP_NET_ADMIN"]}})");
        const core::Privileges after = privilegesOf(R"({"Entrypoint": ["/p"], "Interface": {"Types":
            ["docker.volumedriver/1.0"], "Socket": "s.sock"}, "Network": {"Type": "host"},
            "Linux": {"Capabilities": ["CAP_SYS_ADMIN"]}, "PidHost": true})");
        PrivilegeDialog dialog(QStringLiteral("acme/x:2"), after, before);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        const QList<PrivilegeDialog::Row> rows = dialog.rows();
        QCOMPARE(rows.size(), 4);
        auto changeOf = [&](const QString &value) {
            for (const auto &row : rows) {
                if (row.value == value)
                    return row.change;
            }
            return Change::Unchanged;
        };
        QCOMPARE(rows.first().name, QStringLiteral("network"));
        QCOMPARE(changeOf(QStringLiteral("host")), Change::Unchanged);
        QCOMPARE(changeOf(QStringLiteral("true")), Change::Added);
        QCOMPARE(changeOf(QStringLiteral("CAP_SYS_ADMIN")), Change::Added);
        QCOMPARE(changeOf(QStringLiteral("CAP_NET_ADMIN")), Change::Removed);
        QCOMPARE(rows.last().change, Change::Removed); // removed rows come last
        QVERIFY(dialog.table()->item(3, 0)->font().strikeOut());
        QVERIFY(dialog.table()->item(3, 0)->text().contains(QStringLiteral("removed")));
        QVERIFY(dialog.table()->item(1, 0)->text().contains(QStringLiteral("new")));
        QCOMPARE(dialog.windowTitle(), QStringLiteral("Approve Changed Privileges"));
        saveScreenshot(&dialog, QStringLiteral("privilege-dialog-upgrade"));
    }
};

QTEST_MAIN(TestPrivilegeDialog)
#include "tst_privilegedialog.moc"
