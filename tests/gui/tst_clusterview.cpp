// The Cluster view (ui::ClusterPluginsView) over a real single-node Swarm of Debian's dockerd --experimental: install
// the test plugin through Install on the Cluster and the privilege dialog, see the node's task running (screenshot
// cluster.png), update it to a second tag that wants CAP_SYS_ADMIN through the upgrade's privilege dialog, remove it.
// And the view over a manager without --experimental: the banner says what to do.
#include "common/testswarm.h"
#include "core/docker/dockerclient.h"
#include "ui/clusterinstalldialog.h"
#include "ui/clusterpluginsview.h"
#include "ui/privilegedialog.h"

#include <QApplication>
#include <QDir>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>
#include <unistd.h>

using ui::ClusterPluginsView;

namespace {

void saveScreenshot(const QPixmap &picture, const QString &name)
{
    const QString folder = QStringLiteral(PLUGDESK_BINARY_DIR "/screenshots");
    QDir().mkpath(folder);
    QVERIFY(picture.save(folder + QLatin1Char('/') + name + QStringLiteral(".png")));
}

template<typename T>
T *waitForChild(QWidget *parent)
{
    T *found = nullptr;
    (void)QTest::qWaitFor(
        [&] {
            const QList<T *> all = parent->findChildren<T *>();
            for (T *candidate : all) {
                if (candidate->isVisible())
                    found = candidate;
            }
            return found != nullptr;
        },
        60000);
    return found;
}

// The node rows of the first service, "STATE (desired: D)" and the reference, as text.
QString nodeRows(QTreeWidget *tree)
{
    QStringList rows;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *service = tree->topLevelItem(i);
        for (int j = 0; j < service->childCount(); ++j) {
            QTreeWidgetItem *node = service->child(j);
            rows.append(
                QStringList{service->text(ClusterPluginsView::NameColumn), node->text(ClusterPluginsView::NameColumn),
                            node->text(ClusterPluginsView::ReferenceColumn),
                            node->text(ClusterPluginsView::StateColumn), node->text(ClusterPluginsView::MessageColumn)}
                    .join(QStringLiteral(" | ")));
        }
    }
    return rows.join(QLatin1Char('\n'));
}

} // namespace

class TestClusterView : public QObject
{
    Q_OBJECT

private:
    testutil::TestRegistry m_registry;
    testutil::TestSwarmDaemon m_daemon;

    QString tag(const QString &name) const { return m_registry.host() + QStringLiteral("/acme/swarmvol:") + name; }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("dockerd runs as root: run this test as root");
        QString error;
        QVERIFY2(m_registry.start({}, &error), qPrintable(error));
        const QString why = m_daemon.start(true);
        if (why.contains(QLatin1String("not installed")))
            QSKIP(qPrintable(why));
        QVERIFY2(why.isEmpty(), qPrintable(why));
        QString pushed = m_daemon.pushTestPlugin(tag(QStringLiteral("1")), QStringLiteral(TEST_PLUGIN_BINARY));
        QVERIFY2(pushed.isEmpty(), qPrintable(pushed));
        pushed = m_daemon.pushTestPlugin(tag(QStringLiteral("2")), QStringLiteral(TEST_PLUGIN_BINARY),
                                         {QStringLiteral("CAP_SYS_ADMIN")});
        QVERIFY2(pushed.isEmpty(), qPrintable(pushed));
        const QString init = m_daemon.initSwarm();
        QVERIFY2(init.isEmpty(), qPrintable(init));
    }

    void cleanupTestCase() { m_daemon.stop(); }

    void installUpdateRemove()
    {
        auto url = core::ConnectionUrl::parse(m_daemon.url());
        QVERIFY(url.ok());
        core::DockerClient client(*url);
        ClusterPluginsView view(&client);
        view.setRefreshInterval(1000);
        view.resize(1100, 420);
        QSignalSpy refreshed(&view, &ClusterPluginsView::refreshed);
        view.show();
        QVERIFY(refreshed.wait(30000));
        QVERIFY2(view.banner()->isHidden(), qPrintable(view.banner()->text()));
        QVERIFY(view.installButton()->isEnabled());
        QVERIFY(!view.updateButton()->isEnabled());
        QCOMPARE(view.tree()->topLevelItemCount(), 0);

        // Install on the Cluster: the reference and a name, then the privilege dialog (tag 1 wants none).
        QTest::mouseClick(view.installButton(), Qt::LeftButton);
        auto *dialog = waitForChild<ui::ClusterInstallDialog>(&view);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->referenceField(), tag(QStringLiteral("1")));
        QCOMPARE(dialog->serviceNameField()->text(), QStringLiteral("swarmvol"));
        QTest::keyClicks(dialog->pluginNameField(), QStringLiteral("swarmvol"));
        // A constraint without its value is refused under the fields, naming it.
        dialog->constrainedButton()->setChecked(true);
        dialog->constraintsField()->setPlainText(QStringLiteral("node.role=="));
        dialog->accept();
        QVERIFY(dialog->isVisible());
        QVERIFY2(dialog->errorLabel()->text().contains(QLatin1String("\"node.role==\"")),
                 qPrintable(dialog->errorLabel()->text()));
        dialog->everyNodeButton()->setChecked(true);
        dialog->accept();
        auto *privileges = waitForChild<ui::PrivilegeDialog>(&view);
        QVERIFY(privileges);
        QCOMPARE(privileges->rows().size(), 0);
        QTest::mouseClick(privileges->acceptButton(), Qt::LeftButton);

        QTRY_VERIFY2_WITH_TIMEOUT(view.tree()->topLevelItemCount() == 1 &&
                                      view.tree()->topLevelItem(0)->childCount() == 1 &&
                                      view.tree()
                                          ->topLevelItem(0)
                                          ->child(0)
                                          ->text(ClusterPluginsView::StateColumn)
                                          .startsWith(QLatin1String("running (desired: running)")),
                                  qPrintable(nodeRows(view.tree())), 90000);
        QTreeWidgetItem *service = view.tree()->topLevelItem(0);
        QCOMPARE(service->text(ClusterPluginsView::NameColumn), QStringLiteral("swarmvol"));
        QCOMPARE(service->text(ClusterPluginsView::PluginColumn), QStringLiteral("swarmvol"));
        QCOMPARE(service->text(ClusterPluginsView::ReferenceColumn), tag(QStringLiteral("1")));
        QCOMPARE(service->child(0)->text(ClusterPluginsView::NameColumn), QSysInfo::machineHostName());
        QCOMPARE(service->child(0)->text(ClusterPluginsView::ReferenceColumn), tag(QStringLiteral("1")));
        QCOMPARE(m_daemon.pluginField(QStringLiteral("swarmvol:latest"), QStringLiteral("{{.Enabled}}")),
                 QStringLiteral("true"));
        view.tree()->setCurrentItem(service);
        QTest::qWait(200);
        saveScreenshot(view.grab(), QStringLiteral("cluster"));

        // Update to tag 2: its privilege is shown as added, then each node upgrades.
        QVERIFY(view.updateButton()->isEnabled());
        QTest::mouseClick(view.updateButton(), Qt::LeftButton);
        auto *input = waitForChild<QInputDialog>(&view);
        QVERIFY(input);
        QCOMPARE(input->textValue(), tag(QStringLiteral("1")));
        input->setTextValue(tag(QStringLiteral("2")));
        input->accept();
        privileges = waitForChild<ui::PrivilegeDialog>(&view);
        QVERIFY(privileges);
        QCOMPARE(privileges->rows().size(), 1);
        QCOMPARE(privileges->rows().first().value, QStringLiteral("CAP_SYS_ADMIN"));
        QCOMPARE(privileges->rows().first().change, ui::PrivilegeDialog::Change::Added);
        saveScreenshot(privileges->grab(), QStringLiteral("cluster-update-privileges"));
        QTest::mouseClick(privileges->acceptButton(), Qt::LeftButton);
        QTRY_VERIFY2_WITH_TIMEOUT(
            view.tree()->topLevelItemCount() == 1 && view.tree()->topLevelItem(0)->childCount() == 1 &&
                view.tree()->topLevelItem(0)->child(0)->text(ClusterPluginsView::ReferenceColumn) ==
                    tag(QStringLiteral("2")) &&
                view.tree()
                    ->topLevelItem(0)
                    ->child(0)
                    ->text(ClusterPluginsView::StateColumn)
                    .startsWith(QLatin1String("running")) &&
                view.tree()
                    ->topLevelItem(0)
                    ->text(ClusterPluginsView::StateColumn)
                    .contains(QLatin1String("update completed")),
            qPrintable(nodeRows(view.tree())), 90000);
        QCOMPARE(m_daemon.pluginField(QStringLiteral("swarmvol:latest"), QStringLiteral("{{.PluginReference}}")),
                 tag(QStringLiteral("2")));
        saveScreenshot(view.grab(), QStringLiteral("cluster-updated"));

        // Remove: confirmed in a question whose default is Cancel.
        view.tree()->setCurrentItem(view.tree()->topLevelItem(0));
        QTest::mouseClick(view.removeButton(), Qt::LeftButton);
        auto *box = waitForChild<QMessageBox>(&view);
        QVERIFY(box);
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        QPushButton *remove = nullptr;
        for (QAbstractButton *button : box->buttons()) {
            if (button->text() == QLatin1String("Remove"))
                remove = qobject_cast<QPushButton *>(button);
        }
        QVERIFY(remove);
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(view.tree()->topLevelItemCount(), 0, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(
            m_daemon.cli({QStringLiteral("plugin"), QStringLiteral("ls"), QStringLiteral("-q")}).out, QString(), 60000);
    }

    // A manager without --experimental: the banner says so, Install is off.
    void withoutExperimental()
    {
        testutil::TestSwarmDaemon plain;
        const QString why = plain.start(false);
        QVERIFY2(why.isEmpty(), qPrintable(why));
        const QString init = plain.initSwarm();
        QVERIFY2(init.isEmpty(), qPrintable(init));
        auto url = core::ConnectionUrl::parse(plain.url());
        QVERIFY(url.ok());
        core::DockerClient client(*url);
        ClusterPluginsView view(&client);
        view.resize(1100, 300);
        QSignalSpy refreshed(&view, &ClusterPluginsView::refreshed);
        view.show();
        QVERIFY(refreshed.wait(30000));
        QVERIFY(view.banner()->isVisible());
        QVERIFY2(view.banner()->text().startsWith(
                     QLatin1String("Swarm's plugin runtime needs dockerd started with --experimental")),
                 qPrintable(view.banner()->text()));
        QVERIFY(!view.installButton()->isEnabled());
        saveScreenshot(view.grab(), QStringLiteral("cluster-no-experimental"));
        plain.cli({QStringLiteral("swarm"), QStringLiteral("leave"), QStringLiteral("--force")});
    }
};

QTEST_MAIN(TestClusterView)
#include "tst_clusterview.moc"
