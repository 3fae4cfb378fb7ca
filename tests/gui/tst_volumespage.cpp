// The Volumes page of the real window over real volume plugins (root, real runc, the static test plugin): the driver
// shows, New Volume creates a volume with a name and an option and selects it, Remove asks first and removes it, a
// volume in use is removed only with force (offered up front, or when the engine refuses), the engine's reason when
// a create fails, and a driver that hangs on List shows its time-out on its row while the other driver's volumes
// still show; disabling that driver lists again by itself. With the seed's vieux/sshfs (enabled, no binary) beside a
// healthy driver, the healthy driver's volumes show within 1 s of opening, a volume made or removed shows within 1 s,
// the dead driver is not asked (its row says why; Go to Plugin shows it on the Plugins page) and New Volume picks the
// healthy driver. Screenshots: volumes-page, new-volume-dialog, volumes-driver-error, volumes-dead-driver.
#include "common/pluginfixture.h"
#include "common/testutil.h"
#include "core/engine/localengine.h"
#include "core/runtime/pluginmonitor.h"
#include "core/runtime/runcruntime.h"
#include "core/runtime/runlayout.h"
#include "core/store/store.h"
#include "ui/mainwindow.h"
#include "ui/newvolumedialog.h"
#include "ui/pluginspage.h"
#include "ui/volumelistmodel.h"
#include "ui/volumespage.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeView>
#include <csignal>
#include <memory>
#include <unistd.h>

namespace {

constexpr int kListTimeoutMs = 3000;
const QString kDriver = QStringLiteral("acme/testvol:latest");
const QString kHangingDriver = QStringLiteral("acme/hangs:latest");
const QString kDeadDriver = QStringLiteral("vieux/sshfs:latest"); // tests/data/seed-store: enabled, no binary
const QString kDeadDriverId = QStringLiteral("cd851ce43a403");

} // namespace

class TestVolumesPage : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QStringList m_ids;

    QString storeRoot() const { return m_dir->path() + QStringLiteral("/store"); }
    QString runRoot() const { return m_dir->path() + QStringLiteral("/run"); }

    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString folder = QStringLiteral(PLUGDESK_BINARY_DIR "/screenshots");
        QDir().mkpath(folder);
        QVERIFY(widget->grab().save(folder + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

    static testutil::TestPluginSpec spec(const QString &id, const QString &repository, const QStringList &env = {})
    {
        testutil::TestPluginSpec spec;
        spec.id = id;
        spec.repository = repository;
        spec.env = env;
        return spec;
    }

    // Writes the plugins (PropagatedMount /vols, like tst_volumes) and enables them through the engine.
    void installAndEnable(core::Engine &engine, const QList<testutil::TestPluginSpec> &specs)
    {
        QList<core::Plugin> plugins;
        for (testutil::TestPluginSpec spec : specs) {
            spec.propagatedMount = QStringLiteral("/vols");
            plugins.append(testutil::makeTestPlugin(spec));
            m_ids.append(spec.id);
        }
        QVERIFY(testutil::writeTestPlugins(storeRoot(), QStringLiteral(TEST_PLUGIN_BINARY), plugins));
        for (const core::Plugin &plugin : std::as_const(plugins)) {
            core::Job *job = engine.enable(plugin.id, 20);
            job->waitForFinished();
            QVERIFY2(job->succeeded(), qPrintable(job->error() ? job->error()->message : QString()));
            job->deleteLater();
        }
    }

    static QVariant finish(core::Job *job)
    {
        job->waitForFinished();
        job->deleteLater();
        if (!job->succeeded())
            qWarning("job failed: %s", qPrintable(job->error() ? job->error()->message : QString()));
        return job->succeeded() ? job->result() : QVariant();
    }

    // Opens the window on the Volumes page by clicking its sidebar entry, as a person would.
    static ui::VolumesPage *openVolumesPage(ui::MainWindow &window)
    {
        window.show();
        if (!QTest::qWaitForWindowExposed(&window))
            return nullptr;
        window.activateWindow();
        if (!QTest::qWaitForWindowActive(&window))
            return nullptr;
        QListWidget *sidebar = window.sidebar();
        QListWidgetItem *item = nullptr;
        for (int row = 0; row < sidebar->count(); ++row) {
            if (sidebar->item(row)->text() == ui::MainWindow::tr("Volumes"))
                item = sidebar->item(row);
        }
        if (!item)
            return nullptr;
        QTest::mouseClick(sidebar->viewport(), Qt::LeftButton, {}, sidebar->visualItemRect(item).center());
        ui::VolumesPage *page = window.volumesPage();
        return page && page->isVisible() ? page : nullptr;
    }

    static QString cell(const QModelIndex &row, int column) { return row.siblingAtColumn(column).data().toString(); }

    // Types into the cell editor that is open in `table`, then Enter, as a person would.
    static void typeIntoEditor(QTableWidget *table, const QString &text)
    {
        QLineEdit *editor = nullptr;
        QTRY_VERIFY((editor = qobject_cast<QLineEdit *>(QApplication::focusWidget())) &&
                    editor->parent() == table->viewport());
        QTest::keySequence(editor, QKeySequence::SelectAll);
        QTest::keyClicks(editor, text);
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_VERIFY(QApplication::focusWidget() == table);
    }

    // Opens the editor of a cell of the options table with F2 and types into it.
    static void typeIntoCell(QTableWidget *table, int row, int column, const QString &text)
    {
        table->setFocus();
        table->setCurrentCell(row, column);
        QTest::keyClick(table, Qt::Key_F2);
        typeIntoEditor(table, text);
    }

    static QPushButton *destructiveButton(QMessageBox *box)
    {
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == QMessageBox::DestructiveRole)
                return qobject_cast<QPushButton *>(button);
        }
        return nullptr;
    }

    static QMessageBox *visibleBox(QWidget *window, const QString &objectName)
    {
        for (QMessageBox *box : window->findChildren<QMessageBox *>(objectName)) {
            if (box->isVisible())
                return box;
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: runc creates namespaces and mounts");
        if (core::RuncRuntime::findRunc().isEmpty())
            QSKIP("runc is not installed (apt-get install runc)");
        QVERIFY(QFileInfo(QStringLiteral(TEST_PLUGIN_BINARY)).isExecutable());
        qputenv("PLUGDESK_MONITOR", PLUGDESK_MONITOR_BINARY);
        // A hanging driver is given up on after 3 s instead of the default 10.
        qputenv("PLUGDESK_VOLUME_LIST_TIMEOUT_MS", QByteArray::number(kListTimeoutMs));
        QCoreApplication::setOrganizationName(QStringLiteral("PlugdeskTests"));
        QStandardPaths::setTestModeEnabled(true);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/pdvp-XXXXXX"));
        QVERIFY(m_dir->isValid());
        m_ids.clear();
        qputenv("PLUGDESK_DOCKER_PLUGINS_DIR", (m_dir->path() + QStringLiteral("/docker-plugins")).toLocal8Bit());
    }

    // Runs even when a test failed: no monitor, container or mount may outlive it.
    void cleanup()
    {
        if (!m_dir)
            return;
        for (const QString &id : std::as_const(m_ids))
            testutil::stopTestPlugin(runRoot(), id, storeRoot());
        m_dir.reset();
    }

    void createsAndRemovesVolumes()
    {
        core::LocalEngine engine({storeRoot(), runRoot(), true});
        installAndEnable(engine, {spec(QStringLiteral("ab12cd34ef56"), QStringLiteral("acme/testvol"))});
        if (QTest::currentTestFailed())
            return;

        ui::MainWindow window(&engine);
        ui::VolumesPage *page = openVolumesPage(window);
        QVERIFY(page);
        ui::VolumeListModel *model = page->model();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isListing() && model->driverCount() == 1, 20000);
        QVERIFY(page->busyIndicator()->isHidden());
        const QModelIndex driver = model->driverIndex(kDriver);
        QVERIFY(driver.isValid());
        QCOMPARE(cell(driver, ui::VolumeListModel::Status), QStringLiteral("Enabled · volumes: 0"));
        QVERIFY2(page->statusLabel()->text().contains(QStringLiteral("Volumes: 0 · drivers: 1 · listed at")),
                 qPrintable(page->statusLabel()->text()));
        QVERIFY(!page->removeAction()->isEnabled());

        // New Volume (Ctrl+N on the page): a name and one option, typed into the dialog.
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        ui::NewVolumeDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<ui::NewVolumeDialog *>()) && dialog->isVisible());
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QCOMPARE(dialog->driverCombo()->count(), 1);
        QCOMPARE(dialog->driver(), kDriver);
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("gui-vol"));
        // Add Option opens the new row's key for typing.
        QTest::mouseClick(dialog->addOptionButton(), Qt::LeftButton);
        QCOMPARE(dialog->optionsTable()->rowCount(), 1);
        typeIntoEditor(dialog->optionsTable(), QStringLiteral("size"));
        typeIntoCell(dialog->optionsTable(), 0, ui::NewVolumeDialog::Value, QStringLiteral("10"));
        // A second row with the same key is refused inline, and changing the key lifts that.
        QTest::mouseClick(dialog->addOptionButton(), Qt::LeftButton);
        typeIntoEditor(dialog->optionsTable(), QStringLiteral("size"));
        QVERIFY(!dialog->createButton()->isEnabled());
        QVERIFY(dialog->problemLabel()->isVisible());
        QVERIFY(dialog->problemLabel()->text().contains(QStringLiteral("given twice")));
        typeIntoCell(dialog->optionsTable(), 1, ui::NewVolumeDialog::Key, QStringLiteral("color"));
        typeIntoCell(dialog->optionsTable(), 1, ui::NewVolumeDialog::Value, QStringLiteral("blue"));
        QVERIFY(dialog->createButton()->isEnabled());
        saveScreenshot(dialog, QStringLiteral("new-volume-dialog"));
        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);

        // It appears under its driver, selected, with its options; the details pane shows it.
        QTRY_COMPARE_WITH_TIMEOUT(page->selectedVolumeName(), QStringLiteral("gui-vol"), 20000);
        const QModelIndex created = model->volumeIndex(QStringLiteral("gui-vol"));
        QVERIFY(created.isValid());
        QCOMPARE(created.parent(), model->driverIndex(kDriver));
        QCOMPARE(cell(created, ui::VolumeListModel::Options), QStringLiteral("color=blue, size=10"));
        QCOMPARE(cell(created, ui::VolumeListModel::InUse), QStringLiteral("No"));
        QVERIFY(cell(created, ui::VolumeListModel::Mountpoint).endsWith(QStringLiteral("/propagated-mount/gui-vol")));
        QVERIFY(!cell(created, ui::VolumeListModel::Created).isEmpty());
        QVERIFY(page->treeView()->isExpanded(page->proxy()->mapFromSource(model->driverIndex(kDriver))));
        QVERIFY(page->detailsView()->toPlainText().contains(QStringLiteral("size=10")));
        QVERIFY2(page->statusLabel()->text().contains(QStringLiteral("Volume gui-vol created.")),
                 qPrintable(page->statusLabel()->text()));
        QVERIFY(page->removeAction()->isEnabled());

        // One more, made outside the window; F5 lists it, and the filter finds it.
        QVERIFY(finish(engine.createVolume(kDriver, QStringLiteral("other"), {})).isValid());
        // Shortcuts go to the active window: after a dialog, that is the main window again once it is activated.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(model->volumeIndex(QStringLiteral("other")).isValid(), 20000);
        QCOMPARE(page->selectedVolumeName(), QStringLiteral("gui-vol")); // the selection survives the refresh
        QTest::keyClicks(page->filterEdit(), QStringLiteral("gui"));
        QTRY_COMPARE(page->proxy()->rowCount(page->proxy()->index(0, 0)), 1);
        page->filterEdit()->clear();
        QTRY_COMPARE(page->proxy()->rowCount(page->proxy()->index(0, 0)), 2);
        QVERIFY(page->selectVolume(QStringLiteral("gui-vol")));
        saveScreenshot(&window, QStringLiteral("volumes-page"));

        // Creating a name the driver already has fails with the driver's own reason.
        QTRY_VERIFY(!window.findChild<ui::NewVolumeDialog *>()); // the first one closed and went
        page->newVolume();
        QTRY_VERIFY((dialog = window.findChild<ui::NewVolumeDialog *>()) && dialog->isVisible());
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("gui-vol"));
        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
        QMessageBox *failed = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(failed = visibleBox(&window, QStringLiteral("jobFailed")), 20000);
        QVERIFY2(failed->text().contains(QStringLiteral("already exists")), qPrintable(failed->text()));
        QTest::keyClick(failed, Qt::Key_Return);
        QTRY_VERIFY(!visibleBox(&window, QStringLiteral("jobFailed")));

        // Remove asks first; Cancel (the default) keeps the volume.
        QVERIFY(page->selectVolume(QStringLiteral("gui-vol")));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_Delete);
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY(confirm = visibleBox(&window, QStringLiteral("confirmRemoveVolume")));
        QVERIFY(confirm->text().contains(QStringLiteral("gui-vol")));
        QTest::keyClick(confirm, Qt::Key_Return);
        QTRY_VERIFY(!visibleBox(&window, QStringLiteral("confirmRemoveVolume")));
        QTest::qWait(300);
        QVERIFY(model->volumeIndex(QStringLiteral("gui-vol")).isValid());

        // Remove through the toolbar's Remove, confirmed: it goes.
        page->removeAction()->trigger();
        QTRY_VERIFY(confirm = visibleBox(&window, QStringLiteral("confirmRemoveVolume")));
        QPushButton *remove = destructiveButton(confirm);
        QVERIFY(remove);
        QCOMPARE(remove->text(), QStringLiteral("&Remove"));
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!model->volumeIndex(QStringLiteral("gui-vol")).isValid(), 20000);
        QVERIFY(model->volumeIndex(QStringLiteral("other")).isValid());
        QTRY_VERIFY(page->statusLabel()->text().contains(QStringLiteral("Volume gui-vol removed.")));

        // A volume in use: the listing knows it, so the confirmation offers force at once.
        QVERIFY(finish(engine.mountVolume(QStringLiteral("other"))).isValid());
        page->refreshAction()->trigger();
        QModelIndex other;
        QTRY_VERIFY_WITH_TIMEOUT(
            (other = model->volumeIndex(QStringLiteral("other"))).isValid() &&
                other.siblingAtColumn(ui::VolumeListModel::InUse).data(ui::VolumeListModel::InUseRole).toBool(),
            20000);
        QCOMPARE(cell(other, ui::VolumeListModel::InUse), QStringLiteral("Yes (mounts: 1)"));
        QVERIFY(page->selectVolume(QStringLiteral("other")));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_Delete);
        QTRY_VERIFY(confirm = visibleBox(&window, QStringLiteral("confirmRemoveVolume")));
        QVERIFY(confirm->informativeText().contains(QStringLiteral("in use")));
        remove = destructiveButton(confirm);
        QVERIFY(remove);
        QCOMPARE(remove->text(), QStringLiteral("&Force Remove"));
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!model->volumeIndex(QStringLiteral("other")).isValid(), 20000);

        // Mounted after the listing: the engine refuses with its reason, and the page then offers force.
        QVERIFY(finish(engine.createVolume(kDriver, QStringLiteral("late"), {})).isValid());
        page->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(model->volumeIndex(QStringLiteral("late")).isValid(), 20000);
        // Mounted by another process (here another engine, whose change this page is not told about), so the
        // page's listing still says "not in use".
        core::LocalEngine elsewhere({storeRoot(), runRoot(), false});
        QVERIFY(finish(elsewhere.mountVolume(QStringLiteral("late"))).isValid());
        QVERIFY(page->selectVolume(QStringLiteral("late")));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_Delete);
        QTRY_VERIFY(confirm = visibleBox(&window, QStringLiteral("confirmRemoveVolume")));
        QCOMPARE(destructiveButton(confirm)->text(), QStringLiteral("&Remove"));
        QTest::mouseClick(destructiveButton(confirm), Qt::LeftButton);
        QMessageBox *force = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(force = visibleBox(&window, QStringLiteral("confirmForceRemoveVolume")), 20000);
        QVERIFY2(force->informativeText().contains(QStringLiteral("volume is in use")),
                 qPrintable(force->informativeText()));
        QVERIFY(model->volumeIndex(QStringLiteral("late")).isValid());
        QTest::mouseClick(destructiveButton(force), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!model->volumeIndex(QStringLiteral("late")).isValid(), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(cell(model->driverIndex(kDriver), ui::VolumeListModel::Status),
                                  QStringLiteral("Enabled · volumes: 0"), 20000);
    }

    void neverWaitsOnADeadDriver()
    {
        // The seed store's vieux/sshfs (enabled, its entrypoint missing) beside the healthy test driver.
        QVERIFY(testutil::copyTree(testutil::sourcePath(QStringLiteral("tests/data/seed-store")), storeRoot()));
        auto seed = core::Store(storeRoot()).load();
        QVERIFY(seed);
        testutil::TestPluginSpec healthy = spec(QStringLiteral("ab12cd34ef56"), QStringLiteral("acme/testvol"));
        healthy.propagatedMount = QStringLiteral("/vols");
        const core::Plugin testvol = testutil::makeTestPlugin(healthy);
        m_ids.append(healthy.id);
        QVERIFY(testutil::writeTestPlugins(storeRoot(), QStringLiteral(TEST_PLUGIN_BINARY), {testvol}));
        QVERIFY(core::Store(storeRoot()).save(QList<core::Plugin>{testvol} + seed->plugins).ok());
        core::LocalEngine engine({storeRoot(), runRoot(), true});
        QVERIFY(finish(engine.enable(testvol.id, 20)).isValid());
        QVERIFY(engine.plugin(kDeadDriver) && engine.plugin(kDeadDriver)->enabled);
        QVERIFY(finish(engine.createVolume(kDriver, QStringLiteral("alive"), {})).isValid());

        ui::MainWindow window(&engine);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QElapsedTimer opened;
        opened.start();
        ui::VolumesPage *page = openVolumesPage(window);
        QVERIFY(page);
        ui::VolumeListModel *model = page->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->volumeIndex(QStringLiteral("alive")).isValid(), 1000);
        QVERIFY2(opened.elapsed() < 1000, qPrintable(QString::number(opened.elapsed())));
        QTRY_VERIFY_WITH_TIMEOUT(!page->isListing(), 1000);
        QVERIFY(page->busyIndicator()->isHidden());

        // Its row says why it was not asked; the healthy one lists its volume.
        const QModelIndex dead = model->driverIndex(kDeadDriver);
        QVERIFY(dead.isValid());
        QVERIFY2(cell(dead, ui::VolumeListModel::Status).startsWith(QStringLiteral("not running: ")),
                 qPrintable(cell(dead, ui::VolumeListModel::Status)));
        QCOMPARE(dead.data(ui::VolumeListModel::ErrorRole).toString(), cell(dead, ui::VolumeListModel::Status));
        QVERIFY(dead.siblingAtColumn(ui::VolumeListModel::Status)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QStringLiteral("not asked")));
        QCOMPARE(model->rowCount(dead), 0);
        QCOMPARE(cell(model->driverIndex(kDriver), ui::VolumeListModel::Status),
                 QStringLiteral("Enabled · volumes: 1"));
        QVERIFY2(page->statusLabel()->text().contains(QStringLiteral("drivers not running, not asked: 1")),
                 qPrintable(page->statusLabel()->text()));

        // Clicked, its details show the driver, its plugin, its state, and Go to Plugin.
        QTest::mouseClick(page->treeView()->viewport(), Qt::LeftButton, {},
                          page->treeView()->visualRect(page->proxy()->mapFromSource(dead)).center());
        QCOMPARE(page->selectedVolumeName(), QString());
        const QString details = page->detailsView()->toPlainText();
        QVERIFY2(details.contains(kDeadDriver) && details.contains(kDeadDriverId.left(12)) &&
                     details.contains(QStringLiteral("not running")),
                 qPrintable(details));
        QVERIFY(page->goToPluginButton()->isVisible());
        saveScreenshot(&window, QStringLiteral("volumes-dead-driver"));

        // New Volume, opened with the dead driver selected, still picks the healthy one and says what the other is.
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTest::keyClick(&window, Qt::Key_N, Qt::ControlModifier);
        ui::NewVolumeDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<ui::NewVolumeDialog *>()) && dialog->isVisible());
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QCOMPARE(dialog->driverCombo()->count(), 2);
        QCOMPARE(dialog->driver(), kDriver);
        const int deadItem = dialog->driverCombo()->findData(kDeadDriver);
        QVERIFY(deadItem >= 0);
        QVERIFY2(dialog->driverCombo()->itemText(deadItem).contains(QStringLiteral("not running")),
                 qPrintable(dialog->driverCombo()->itemText(deadItem)));
        QVERIFY(dialog->driverCombo()->currentText().contains(QStringLiteral("running")));
        // Choosing the dead one keeps Create off and says why.
        dialog->driverCombo()->setCurrentIndex(deadItem);
        QVERIFY(!dialog->createButton()->isEnabled());
        QVERIFY(dialog->problemLabel()->text().contains(QStringLiteral("Plugins page")));
        dialog->driverCombo()->setCurrentIndex(dialog->driverCombo()->findData(kDriver));
        QVERIFY(dialog->createButton()->isEnabled());
        QTest::keyClicks(dialog->nameEdit(), QStringLiteral("fast-vol"));
        QElapsedTimer created;
        created.start();
        QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(model->volumeIndex(QStringLiteral("fast-vol")).isValid(), 1000);
        QVERIFY2(created.elapsed() < 1000, qPrintable(QString::number(created.elapsed())));
        QTRY_COMPARE_WITH_TIMEOUT(page->selectedVolumeName(), QStringLiteral("fast-vol"), 1000);

        // Removed: gone within 1 s.
        QTRY_VERIFY(!window.findChild<ui::NewVolumeDialog *>());
        page->removeAction()->trigger();
        QMessageBox *confirm = nullptr;
        QTRY_VERIFY(confirm = visibleBox(&window, QStringLiteral("confirmRemoveVolume")));
        QElapsedTimer removed;
        removed.start();
        QTest::mouseClick(destructiveButton(confirm), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!model->volumeIndex(QStringLiteral("fast-vol")).isValid(), 1000);
        QVERIFY2(removed.elapsed() < 1000, qPrintable(QString::number(removed.elapsed())));
        QVERIFY(model->volumeIndex(QStringLiteral("alive")).isValid());

        // A full refresh is as quick: the dead driver is still not asked.
        QTRY_VERIFY_WITH_TIMEOUT(!page->isListing(), 1000);
        QElapsedTimer refreshed;
        refreshed.start();
        page->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isListing(), 1000);
        QVERIFY2(refreshed.elapsed() < 1000, qPrintable(QString::number(refreshed.elapsed())));

        // Go to Plugin: the Plugins page, with vieux/sshfs selected.
        page->treeView()->selectionModel()->setCurrentIndex(
            page->proxy()->mapFromSource(model->driverIndex(kDeadDriver)),
            QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        QVERIFY(page->goToPluginButton()->isVisible());
        QTest::mouseClick(page->goToPluginButton(), Qt::LeftButton);
        QTRY_VERIFY(window.pluginsPage()->isVisible());
        QVERIFY(!page->isVisible());
        QCOMPARE(window.selectedPluginId(), kDeadDriverId);
    }

    void showsAHangingDriversError()
    {
        core::LocalEngine engine({storeRoot(), runRoot(), true});
        installAndEnable(engine, {spec(QStringLiteral("ab12cd34ef56"), QStringLiteral("acme/testvol")),
                                  spec(QStringLiteral("cd34ef56ab12"), QStringLiteral("acme/hangs"),
                                       {QStringLiteral("TEST_PLUGIN_MODE=hang-list")})});
        if (QTest::currentTestFailed())
            return;
        QVERIFY(finish(engine.createVolume(kDriver, QStringLiteral("alive"),
                                           {{QStringLiteral("size"), QStringLiteral("1G")}}))
                    .isValid());
        QVERIFY(finish(engine.createVolume(kHangingDriver, QStringLiteral("stuck"), {})).isValid());

        ui::MainWindow window(&engine);
        QElapsedTimer shown;
        shown.start();
        ui::VolumesPage *page = openVolumesPage(window);
        QVERIFY(page);
        // The hanging driver holds the listing for its time-out; the window goes on and shows that it is busy.
        QVERIFY(page->isListing());
        QVERIFY(page->busyIndicator()->isVisible());
        QVERIFY(page->statusLabel()->text().contains(QStringLiteral("Listing")));
        QVERIFY(shown.elapsed() < kListTimeoutMs);
        ui::VolumeListModel *model = page->model();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isListing() && model->driverCount() == 2, 20000);
        QVERIFY(page->busyIndicator()->isHidden());

        const QModelIndex hangs = model->driverIndex(kHangingDriver);
        QVERIFY(hangs.isValid());
        QCOMPARE(cell(hangs, ui::VolumeListModel::Status), QStringLiteral("Error: timed out after 3 s"));
        QCOMPARE(model->rowCount(hangs), 0);
        const QModelIndex alive = model->volumeIndex(QStringLiteral("alive"));
        QVERIFY(alive.isValid());
        QCOMPARE(alive.parent(), model->driverIndex(kDriver));
        QCOMPARE(cell(alive, ui::VolumeListModel::Options), QStringLiteral("size=1G"));
        QVERIFY2(page->statusLabel()->text().contains(QStringLiteral("drivers that did not answer: 1")),
                 qPrintable(page->statusLabel()->text()));

        // Selecting the failing driver shows its error in the details pane.
        const QModelIndex hangsInView = page->proxy()->mapFromSource(hangs);
        page->treeView()->selectionModel()->setCurrentIndex(hangsInView, QItemSelectionModel::ClearAndSelect |
                                                                             QItemSelectionModel::Rows);
        QVERIFY(page->detailsView()->toPlainText().contains(QStringLiteral("timed out after 3 s")));
        QVERIFY(!page->removeAction()->isEnabled());
        saveScreenshot(&window, QStringLiteral("volumes-driver-error"));

        // Disabling the hanging driver elsewhere (pluginChanged) lists again: its row now says it is disabled.
        QVERIFY(finish(engine.disable(QStringLiteral("acme/hangs"))).isValid());
        QTRY_COMPARE_WITH_TIMEOUT(cell(model->driverIndex(kHangingDriver), ui::VolumeListModel::Status),
                                  QStringLiteral("Disabled"), 20000);
        QVERIFY(model->driverIndex(kHangingDriver).data(ui::VolumeListModel::ErrorRole).toString().isEmpty());
        QVERIFY(model->volumeIndex(QStringLiteral("alive")).isValid());
        QTRY_VERIFY(!page->isListing());
        QVERIFY2(!page->statusLabel()->text().contains(QStringLiteral("did not answer")),
                 qPrintable(page->statusLabel()->text()));
    }
};

QTEST_MAIN(TestVolumesPage)
#include "tst_volumespage.moc"
