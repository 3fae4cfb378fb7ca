// The window over two connections (issue 14, must show): "This computer" (a LocalEngine on a temporary store holding
// one plugin made from a folder) and a real dockerd of the test's own (Debian's docker.io, unix://SOCKET), with the
// test volume plugin pushed to a loopback docker-registry. On the dockerd connection: install the plugin through the
// real Install dialog and privilege dialog, see the progress end and the plugin listed enabled (Debian's docker client
// agrees), then create a volume on its driver through the New Volume dialog (docker volume ls agrees). Then dockerd is
// stopped: after a reload that connection shows its error with Try Again on its row and page, while This computer
// still lists its plugin and takes a change (a setting applied through the Settings tab). As root (dockerd needs it).
// Screenshots: <build>/screenshots/docker-*.png; docker-connection.png and docker-connection-down.png are the ones
// docs/screenshots keeps.
#include "common/pluginfixture.h"
#include "common/testdockerd.h"
#include "common/testregistry.h"
#include "common/testutil.h"
#include "core/connection/connectionstore.h"
#include "core/engine/createplugin.h"
#include "core/store/store.h"
#include "ui/connectionset.h"
#include "ui/installdialog.h"
#include "ui/jobprogressdialog.h"
#include "ui/jobsindicator.h"
#include "ui/mainwindow.h"
#include "ui/newvolumedialog.h"
#include "ui/plugindetailsview.h"
#include "ui/pluginlistmodel.h"
#include "ui/pluginsettingsview.h"
#include "ui/pluginspage.h"
#include "ui/privilegedialog.h"
#include "ui/volumelistmodel.h"
#include "ui/volumespage.h"
#include "ui/windowconnection.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;
using ui::WindowConnection;

namespace {

constexpr int kLongWaitMs = 90000;

const QString kLocalPlugin = u"acme/localvol:latest"_s;

void saveScreenshot(QWidget *widget, const QString &name)
{
    const QString folder = QStringLiteral(PLUGDESK_BINARY_DIR "/screenshots");
    QDir().mkpath(folder);
    QVERIFY(widget->grab().save(folder + QLatin1Char('/') + name + u".png"_s));
}

// The plugins the selected connection's Plugins page lists, "NAME:TAG Enabled|Disabled", sorted.
QStringList shownPlugins(ui::MainWindow &window)
{
    QStringList rows;
    QTableView *table = window.pluginTable();
    if (!table || !table->isVisible())
        return rows;
    const QAbstractItemModel *model = table->model();
    for (int row = 0; row < model->rowCount(); ++row)
        rows.append(model->index(row, ui::PluginListModel::Name).data().toString() + u':' +
                    model->index(row, ui::PluginListModel::Tag).data().toString() + u' ' +
                    model->index(row, ui::PluginListModel::Enabled).data().toString());
    rows.sort();
    return rows;
}

// The volumes a Volumes page lists (children of the driver rows), "NAME DRIVER", sorted.
QStringList shownVolumes(ui::VolumesPage *page)
{
    QStringList rows;
    const ui::VolumeListModel *model = page->model();
    for (int driver = 0; driver < model->rowCount(); ++driver) {
        const QModelIndex parent = model->index(driver, ui::VolumeListModel::Name);
        for (int row = 0; row < model->rowCount(parent); ++row) {
            const QModelIndex volume = model->index(row, ui::VolumeListModel::Name, parent);
            rows.append(volume.data(ui::VolumeListModel::NameRole).toString() + u' ' +
                        volume.data(ui::VolumeListModel::DriverRole).toString());
        }
    }
    rows.sort();
    return rows;
}

int rowNamed(QTableWidget *table, const QString &name)
{
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, ui::PluginSettingsView::Name)->text() == name)
            return row;
    }
    return -1;
}

template<typename T>
T *visibleChild(QObject *parent)
{
    for (T *candidate : parent->findChildren<T *>()) {
        if (candidate->isVisible())
            return candidate;
    }
    return nullptr;
}

} // namespace

class TestDockerWindow final : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    testutil::TestDockerd m_dockerd;
    testutil::TestRegistry m_registry;

    QString reference() const { return m_registry.host() + u"/acme/dockervol:1.0"_s; }

private Q_SLOTS:
    void initTestCase()
    {
        if (testutil::TestDockerd::dockerdProgram().isEmpty())
            QSKIP("dockerd is not installed (Debian's docker.io); this test needs it");
        if (::geteuid() != 0)
            QSKIP("dockerd needs root: run this test as root");
        QCoreApplication::setOrganizationName(u"PlugdeskTests"_s);
        QStandardPaths::setTestModeEnabled(true);
        // Short: dockerd's plugin sockets (EXEC-ROOT/plugins/<64 hex>/SOCKET) must fit in sun_path.
        m_dir = std::make_unique<QTemporaryDir>(u"/tmp/pddw-XXXXXX"_s);
        QVERIFY(m_dir->isValid());
        // The saved connections and Docker logins of this test only.
        qputenv("XDG_CONFIG_HOME", m_dir->filePath(u"config"_s).toUtf8());
        qputenv("DOCKER_CONFIG", m_dir->filePath(u"docker"_s).toUtf8());
        qunsetenv("DOCKER_HOST");
        qunsetenv("DOCKER_CONTEXT");

        QString error;
        QVERIFY2(m_registry.start({}, &error), qPrintable(error));
        QVERIFY2(m_dockerd.start(m_dir->filePath(u"d"_s), &error), qPrintable(error));

        // The plugin the window installs: made and pushed with Debian's client, then removed from the daemon again.
        const QString folder = m_dir->filePath(u"dockervol"_s);
        QVERIFY(
            testutil::writeTestPluginFolder(folder, QStringLiteral(TEST_PLUGIN_BINARY), {u"CAP_NET_BIND_SERVICE"_s}));
        for (const QStringList &arguments :
             {QStringList{u"plugin"_s, u"create"_s, reference(), folder},
              QStringList{u"plugin"_s, u"push"_s, reference()}, QStringList{u"plugin"_s, u"rm"_s, reference()}}) {
            const testutil::TestDockerd::Run run = m_dockerd.client(arguments);
            QVERIFY2(run.exitCode == 0, qPrintable(arguments.join(u' ') + u": "_s + run.err));
        }
        QCOMPARE(m_dockerd.client({u"plugin"_s, u"ls"_s, u"-q"_s}).out, QString());

        // This computer: a store of the test's own with one plugin, created from a folder (disabled).
        const QString localFolder = m_dir->filePath(u"localvol"_s);
        QVERIFY(testutil::writeTestPluginFolder(localFolder, QStringLiteral(TEST_PLUGIN_BINARY)));
        auto created = core::createPlugin(core::Store(m_dir->filePath(u"s"_s)), kLocalPlugin, localFolder, nullptr);
        QVERIFY2(created, created ? "" : qPrintable(created.error().message));

        core::ConnectionStore saved;
        QVERIFY(saved.load());
        QVERIFY(saved.add(u"test-dockerd"_s, m_dockerd.url()));
    }

    void cleanupTestCase() { m_dockerd.stop(); }

    void installCreateVolumeThenLoseDockerd()
    {
        ui::ConnectionSet connections(ui::ConnectionSet::thisComputer(m_dir->filePath(u"s"_s)), core::ConnectionStore(),
                                      ui::ConnectionSet::defaultMaker(m_dir->filePath(u"r"_s)));
        QVERIFY(connections.load());
        QCOMPARE(connections.connections().size(), 2);
        WindowConnection *local = connections.connections().at(0);
        WindowConnection *docker = connections.connections().at(1);
        QCOMPARE(docker->name(), u"test-dockerd"_s);

        ui::MainWindow window(&connections);
        window.resize(1100, 650);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QListWidget *list = window.connectionList();
        QCOMPARE(list->count(), 2);
        QTRY_COMPARE(local->state(), WindowConnection::State::Connected);
        QTRY_COMPARE(shownPlugins(window), (QStringList{kLocalPlugin + u" Disabled"_s}));

        // 1. The dockerd connection: connected, nothing installed yet.
        list->setCurrentRow(1);
        QCOMPARE(window.currentConnection(), docker);
        QTRY_COMPARE_WITH_TIMEOUT(docker->state(), WindowConnection::State::Connected, kLongWaitMs);
        QVERIFY2(list->item(1)->text().endsWith(u"\nConnected"_s), qPrintable(list->item(1)->text()));
        // No plugins yet: the page says so (no error, no Try Again).
        QTRY_VERIFY(window.pluginsPage() && window.pluginsPage()->isVisible());
        QCOMPARE(window.pluginModel()->rowCount(), 0);
        QVERIFY(!window.tryAgainButton()->isVisible());
        QVERIFY(window.installAction()->isEnabled());

        // Install through the Install dialog and the privilege dialog.
        window.installAction()->trigger();
        ui::InstallDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<ui::InstallDialog *>()) && dialog->isVisible());
        QTest::keyClicks(dialog->referenceEdit(), reference());
        QTRY_VERIFY(dialog->okButton()->isEnabled());
        QVERIFY(dialog->enableCheck()->isChecked());
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        ui::PrivilegeDialog *privileges = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((privileges = dialog->privilegeDialog()) && privileges->isVisible(), kLongWaitMs);
        QCOMPARE(privileges->rows().size(), 1);
        QCOMPARE(privileges->rows().first().value, u"CAP_NET_BIND_SERVICE"_s);
        saveScreenshot(privileges, u"docker-privileges"_s);
        QTest::mouseClick(privileges->acceptButton(), Qt::LeftButton);

        // The progress window ends; the plugin is listed, enabled, in this connection's Plugins page.
        ui::JobProgressDialog *progress = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((progress = visibleChild<ui::JobProgressDialog>(&window)), kLongWaitMs);
        const QPointer<ui::JobProgressDialog> progressGuard(progress);
        QTRY_VERIFY_WITH_TIMEOUT(!progressGuard || progressGuard->isJobFinished(), kLongWaitMs);
        QVERIFY2(!window.findChild<QMessageBox *>(u"jobFailed"_s),
                 qPrintable(window.findChild<QMessageBox *>(u"jobFailed"_s)
                                ? window.findChild<QMessageBox *>(u"jobFailed"_s)->text()
                                : QString()));
        if (progressGuard) {
            QVERIFY(progressGuard->rowCount() >= 1);
            saveScreenshot(progressGuard, u"docker-install-progress"_s);
            QTest::mouseClick(progressGuard->hideButton(), Qt::LeftButton);
            QTRY_VERIFY(!progressGuard);
        }
        QCOMPARE(window.currentConnection(), docker);
        QTRY_COMPARE_WITH_TIMEOUT(shownPlugins(window), (QStringList{reference() + u" Enabled"_s}), kLongWaitMs);
        QCOMPARE(m_dockerd.client({u"plugin"_s, u"ls"_s, u"--format"_s, u"{{.Name}} {{.Enabled}}"_s}).out,
                 reference() + u" true\n"_s);
        // This computer's list is its own.
        QCOMPARE(local->engine()->plugins()->plugins.size(), 1);
        window.pluginTable()->selectRow(0);
        QTRY_COMPARE(window.selectedPluginId().isEmpty(), false);
        window.activateWindow();
        saveScreenshot(&window, u"docker-connection"_s);

        // 2. A volume on the plugin's driver, through the New Volume dialog of this connection's Volumes page.
        window.showPage(1);
        ui::VolumesPage *volumes = window.volumesPageOf(docker);
        QVERIFY(volumes);
        QTRY_VERIFY(volumes->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!volumes->isListing(), kLongWaitMs);
        QVERIFY(volumes->newVolumeAction()->isVisible());
        volumes->newVolumeAction()->trigger();
        ui::NewVolumeDialog *newVolume = nullptr;
        QTRY_VERIFY((newVolume = window.findChild<ui::NewVolumeDialog *>()) && newVolume->isVisible());
        const int driverIndex = newVolume->driverCombo()->findText(reference(), Qt::MatchStartsWith);
        QVERIFY2(driverIndex >= 0, qPrintable(newVolume->driverCombo()->itemText(0)));
        newVolume->driverCombo()->setCurrentIndex(driverIndex);
        QCOMPARE(newVolume->driver(), reference());
        QTest::keyClicks(newVolume->nameEdit(), u"dockervol-data"_s);
        QTRY_VERIFY2(newVolume->createButton()->isEnabled(),
                     qPrintable(newVolume->problemLabel()->text() + u" | "_s + newVolume->driverProblem()));
        saveScreenshot(newVolume, u"docker-new-volume"_s);
        QTest::mouseClick(newVolume->createButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(shownVolumes(volumes).contains(u"dockervol-data "_s + reference()), kLongWaitMs);
        QVERIFY(!window.findChild<QMessageBox *>(u"jobFailed"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!volumes->isListing(), kLongWaitMs);
        QCOMPARE(m_dockerd.client({u"volume"_s, u"ls"_s, u"--format"_s, u"{{.Name}} {{.Driver}}"_s}).out,
                 u"dockervol-data "_s + reference() + u'\n');
        saveScreenshot(&window, u"docker-volume"_s);
        window.showPage(0);

        // 3. dockerd stops: after a reload the connection shows its error, with Try Again, on its row and page.
        m_dockerd.stop();
        QVERIFY(!m_dockerd.isRunning());
        window.refreshAction()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(docker->state(), WindowConnection::State::Failed, kLongWaitMs);
        QVERIFY(!docker->errorText().isEmpty());
        QVERIFY2(docker->errorText().contains(m_dockerd.socket()), qPrintable(docker->errorText()));
        // Its row: the error's first words (all of it in the tooltip).
        QVERIFY2(!list->item(1)->text().endsWith(u"\nConnected"_s), qPrintable(list->item(1)->text()));
        QVERIFY2(list->item(1)->toolTip().contains(docker->errorText()), qPrintable(list->item(1)->toolTip()));
        QVERIFY2(list->item(0)->text().endsWith(u"\nConnected"_s), qPrintable(list->item(0)->text()));
        QTRY_VERIFY(window.tryAgainButton() && window.tryAgainButton()->isVisible());
        QVERIFY2(window.statusText()->text().contains(docker->errorText().toHtmlEscaped()) ||
                     window.statusText()->text().contains(docker->errorText()),
                 qPrintable(window.statusText()->text()));
        // The Volumes and Cluster pages' reads of the dead daemon end too: nothing is left running.
        QTRY_COMPARE_WITH_TIMEOUT(window.jobsIndicator()->runningCount(), 0, kLongWaitMs);
        QTRY_VERIFY(!window.jobsIndicator()->isVisible());
        // The reload has ended: Refresh can be pressed again.
        QTRY_VERIFY_WITH_TIMEOUT(window.refreshAction()->isEnabled(), kLongWaitMs);
        saveScreenshot(&window, u"docker-connection-down"_s);
        // Try Again keeps failing while dockerd is down, and says so.
        QTest::mouseClick(window.tryAgainButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(docker->state(), WindowConnection::State::Failed, kLongWaitMs);
        QTRY_VERIFY(window.tryAgainButton() && window.tryAgainButton()->isVisible());

        // This computer still works: its plugin is listed, and a setting applied through the Settings tab is kept.
        list->setCurrentRow(0);
        QCOMPARE(window.currentConnection(), local);
        QCOMPARE(local->state(), WindowConnection::State::Connected);
        QTRY_COMPARE(shownPlugins(window), (QStringList{kLocalPlugin + u" Disabled"_s}));
        window.pluginTable()->selectRow(0);
        QTRY_VERIFY(!window.selectedPluginId().isEmpty());
        ui::PluginDetailsView *details = window.detailsView();
        details->setCurrentWidget(details->settingsView());
        ui::PluginSettingsView *settings = details->settingsView();
        QTableWidget *table = settings->table();
        const int row = rowNamed(table, u"VOLUME_ROOT"_s);
        QVERIFY(row >= 0);
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        table->setFocus();
        table->setCurrentCell(row, ui::PluginSettingsView::Value);
        QTest::keyClick(table, Qt::Key_F2);
        QLineEdit *editor = nullptr;
        QTRY_VERIFY((editor = qobject_cast<QLineEdit *>(QApplication::focusWidget())) &&
                    editor->parent() == table->viewport());
        QTest::keySequence(editor, QKeySequence::SelectAll);
        QTest::keyClicks(editor, u"/data"_s);
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(QApplication::focusWidget() == table);
        QCOMPARE(settings->pendingArguments(), (QStringList{u"VOLUME_ROOT=/data"_s}));
        QTest::mouseClick(settings->applyButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(local->engine()->plugin(kLocalPlugin)->settings.envValue(u"VOLUME_ROOT"_s),
                                  u"/data"_s, kLongWaitMs);
        QTRY_COMPARE(table->item(rowNamed(table, u"VOLUME_ROOT"_s), ui::PluginSettingsView::Value)->text(), u"/data"_s);
        QVERIFY(settings->errorLabel()->text().isEmpty() || !settings->errorLabel()->isVisible());
        // The failed connection stayed failed, on its own row only.
        QCOMPARE(docker->state(), WindowConnection::State::Failed);
        QCOMPARE(local->state(), WindowConnection::State::Connected);
        saveScreenshot(&window, u"docker-connection-down-local"_s);
    }
};

QTEST_MAIN(TestDockerWindow)
#include "tst_dockerwindow.moc"
