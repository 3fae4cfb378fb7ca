// Install, upgrade, remove, push and log in through the real window (root, real runc, a real docker-registry on
// loopback): the Install dialog completes the pushed tags, the privilege dialog comes before any download, the
// progress window shows the layers, and the plugin ends up enabled and running; Cancel in the privilege dialog
// leaves the store as it was with no layer fetched; a failing install shows the engine's reason; Remove asks
// (and offers to disable first); Upgrade marks the changed privileges; Push names the target; Hide keeps the job
// running in the status bar; the Log In dialog shows the registry's answer.
#include "common/pluginfixture.h"
#include "common/testregistry.h"
#include "common/testutil.h"
#include "core/engine/createplugin.h"
#include "core/engine/localengine.h"
#include "core/runtime/pluginmonitor.h"
#include "core/runtime/runcruntime.h"
#include "core/runtime/runlayout.h"
#include "core/store/blobstore.h"
#include "ui/installdialog.h"
#include "ui/jobprogressdialog.h"
#include "ui/jobsindicator.h"
#include "ui/logindialog.h"
#include "ui/mainwindow.h"
#include "ui/pluginlistmodel.h"
#include "ui/privilegedialog.h"

#include <QAbstractItemView>
#include <QAction>
#include <QCheckBox>
#include <QCompleter>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QStatusBar>
#include <QStringListModel>
#include <QTableView>
#include <QTableWidget>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <csignal>
#include <memory>
#include <unistd.h>

using namespace Qt::StringLiterals;

using namespace core;

namespace {

constexpr int kLongWaitMs = 30000;

QString errorOf(Job *job)
{
    return job->error() ? job->error()->message : QString();
}

// The top-level widgets as a desktop would show them, one above the other, in one picture.
QPixmap together(const QList<QWidget *> &widgets)
{
    QRect area;
    for (QWidget *widget : widgets)
        area = area.united(QRect(widget->mapToGlobal(QPoint(0, 0)), widget->size()));
    QPixmap picture(area.size());
    picture.fill(QColor(0x5f, 0x6b, 0x7a));
    QPainter painter(&picture);
    for (QWidget *widget : widgets) {
        const QPoint at = widget->mapToGlobal(QPoint(0, 0)) - area.topLeft();
        // A thin frame stands in for the window manager's.
        painter.setPen(QColor(0x30, 0x38, 0x40));
        painter.drawRect(QRect(at, widget->size()).adjusted(-1, -1, 0, 0));
        painter.drawPixmap(at, widget->grab());
    }
    return picture;
}

// A registry that answers every request with the tags ["stale"], but only after `delayMs`: the answer to a
// look-up the person has typed past.
class SlowTagServer final : public QTcpServer
{
public:
    explicit SlowTagServer(int delayMs)
    {
        connect(this, &QTcpServer::newConnection, this, [this, delayMs] {
            while (QTcpSocket *socket = nextPendingConnection()) {
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                connect(socket, &QTcpSocket::readyRead, socket, [this, socket, delayMs] {
                    if (!socket->readAll().contains("\r\n\r\n") || socket->property("answered").toBool())
                        return;
                    socket->setProperty("answered", true);
                    ++requests;
                    QTimer::singleShot(delayMs, socket, [socket] {
                        const QByteArray body = R"({"name": "acme/slow", "tags": ["stale"]})";
                        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                                      QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                        socket->disconnectFromHost();
                    });
                });
            }
        });
        listen(QHostAddress::LocalHost, 0);
    }

    QString authority() const { return QStringLiteral("127.0.0.1:%1").arg(serverPort()); }
    int requests = 0;
};

} // namespace

class TestInstallFlow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_fixtures;
    testutil::TestRegistry m_registry;
    testutil::TestRegistry m_htpasswd;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_layerV1; // the layer digest of tag 1.0

    QString storeRoot() const { return m_dir->path() + u"/s"_s; }
    // Short: the plugin's socket path (run root, a 64-hex id, the socket name) must fit in sun_path.
    QString runRoot() const { return m_dir->path() + u"/r"_s; }
    QString repository() const { return m_registry.host() + u"/acme/testvol"_s; }

    static void saveScreenshot(const QPixmap &picture, const QString &name)
    {
        const QString folder = QStringLiteral(PLUGDESK_BINARY_DIR "/screenshots");
        QDir().mkpath(folder);
        QVERIFY(picture.save(folder + QLatin1Char('/') + name + QStringLiteral(".png")));
    }

    // Creates the plugin `name` from a folder in a store of its own and pushes it; its layer digest.
    QString publish(const QString &name, const QStringList &capabilities, const QString &mode = {})
    {
        const QString folder = m_fixtures.filePath(u"folder-"_s + QString::number(qHash(name)));
        if (!testutil::writeTestPluginFolder(folder, QStringLiteral(TEST_PLUGIN_BINARY), capabilities, mode))
            qFatal("cannot write the plugin folder");
        const QString source = m_fixtures.filePath(u"source"_s);
        auto plugin = createPlugin(Store(source), name, folder, nullptr);
        if (!plugin)
            qFatal("createPlugin: %s", qPrintable(plugin.error().message));
        LocalEngine engine({source, m_fixtures.filePath(u"source-run"_s), false});
        Job *job = engine.push(name);
        job->waitForFinished();
        if (!job->succeeded())
            qFatal("push %s: %s", qPrintable(name), qPrintable(errorOf(job)));
        return plugin->blobsums.first();
    }

    static QString stateOf(ui::MainWindow &window, const QString &name)
    {
        for (int row = 0; row < window.pluginModel()->rowCount(); ++row) {
            if (window.pluginModel()->pluginAt(row)->name() == name)
                return window.pluginModel()->index(row, ui::PluginListModel::State).data().toString();
        }
        return {};
    }

    static const Plugin *pluginNamed(ui::MainWindow &window, const QString &name)
    {
        for (int row = 0; row < window.pluginModel()->rowCount(); ++row) {
            if (window.pluginModel()->pluginAt(row)->name() == name)
                return window.pluginModel()->pluginAt(row);
        }
        return nullptr;
    }

    static void showWindow(ui::MainWindow &window)
    {
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
    }

    // Opens the Install dialog with its shortcut and waits until it can be typed into.
    static ui::InstallDialog *openInstallDialog(ui::MainWindow &window)
    {
        QTest::keyClick(&window, Qt::Key_I, Qt::ControlModifier);
        ui::InstallDialog *dialog = nullptr;
        if (!QTest::qWaitFor([&] { return (dialog = window.findChild<ui::InstallDialog *>()) && dialog->isVisible(); },
                             5000))
            return nullptr;
        dialog->activateWindow();
        if (!QTest::qWaitForWindowActive(dialog))
            return nullptr;
        dialog->referenceEdit()->setFocus();
        return dialog;
    }

    static QPushButton *buttonWithRole(QMessageBox *box, QMessageBox::ButtonRole role)
    {
        for (QAbstractButton *button : box->buttons()) {
            if (box->buttonRole(button) == role)
                return qobject_cast<QPushButton *>(button);
        }
        return nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (::geteuid() != 0)
            QSKIP("needs root: runc creates namespaces and mounts");
        if (RuncRuntime::findRunc().isEmpty())
            QSKIP("runc is not installed (apt-get install runc)");
        QVERIFY(m_fixtures.isValid());
        qputenv("PLUGDESK_MONITOR", PLUGDESK_MONITOR_BINARY);
        qputenv("PLUGDESK_LOCK_TIMEOUT", "5");
        QCoreApplication::setOrganizationName(QStringLiteral("PlugdeskTests"));
        QStandardPaths::setTestModeEnabled(true);
        // Never root's own logins.
        qputenv("DOCKER_CONFIG", m_fixtures.filePath(u"docker"_s).toLocal8Bit());
        QString error;
        QVERIFY2(m_registry.start({}, &error), qPrintable(error));
        QVERIFY2(m_htpasswd.start({u"guiuser"_s, u"gui-pass"_s, {}, {}, {}, {}}, &error), qPrintable(error));
        m_layerV1 = publish(repository() + u":1.0"_s, {u"CAP_NET_BIND_SERVICE"_s});
        // 2.0 asks for one capability more, for the upgrade's marks.
        publish(repository() + u":2.0"_s, {u"CAP_NET_BIND_SERVICE"_s, u"CAP_SYS_ADMIN"_s});
        // Takes a few seconds to listen, so that its install is still running when its window is hidden.
        publish(m_registry.host() + u"/acme/slowvol:1.0"_s, {}, u"slow-start=4"_s);
    }

    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/pdi-XXXXXX"));
        QVERIFY(m_dir->isValid());
        qputenv("PLUGDESK_DOCKER_PLUGINS_DIR", (m_dir->path() + u"/d"_s).toLocal8Bit());
    }

    // No monitor, container or mount may outlive a test, even a failed one.
    void cleanup()
    {
        if (!m_dir)
            return;
        for (const Plugin &plugin : Store(storeRoot()).load().valueOr({}).plugins)
            testutil::stopTestPlugin(runRoot(), plugin.id);
        m_dir.reset();
    }

    // (a) Install through the window: completion, privileges, progress, then enabled and running; and Remove of
    // the enabled plugin, which offers to disable it first.
    void installThroughTheWindow()
    {
        LocalEngine engine({storeRoot(), runRoot(), true});
        ui::MainWindow window(&engine);
        showWindow(window);
        QCOMPARE(window.pluginModel()->rowCount(), 0);

        ui::InstallDialog *dialog = openInstallDialog(window);
        QVERIFY(dialog);
        QVERIFY(!dialog->okButton()->isEnabled());
        // A bad reference is refused inline, with the parser's text.
        QTest::keyClicks(dialog->referenceEdit(), u"Acme/TestVol"_s);
        QTRY_VERIFY(dialog->referenceError()->isVisible());
        QVERIFY2(dialog->referenceError()->text().contains(u"must be lowercase"_s),
                 qPrintable(dialog->referenceError()->text()));
        QVERIFY(!dialog->okButton()->isEnabled());
        dialog->referenceEdit()->clear();
        QVERIFY(!dialog->referenceError()->isVisible());

        // The repository typed: the tags come in the background and are offered.
        QTest::keyClicks(dialog->referenceEdit(), repository());
        QVERIFY(dialog->okButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(dialog->tagsRepository(), repository(), 20000);
        QStringList tags = dialog->tags();
        tags.sort();
        QCOMPARE(tags, (QStringList{u"1.0"_s, u"2.0"_s}));
        QCompleter *completer = dialog->completer();
        QTRY_VERIFY(completer->popup()->isVisible());
        QCOMPARE(completer->completionCount(), 2);
        QVERIFY(dialog->tagHint()->text().contains(u"1.0"_s));
        saveScreenshot(together({dialog, completer->popup()}), u"install-dialog"_s);

        // Picks 1.0 from the list with the keyboard.
        const QModelIndex first = completer->completionModel()->index(0, 0);
        const QString picked = first.data().toString();
        QVERIFY(picked == repository() + u":1.0"_s || picked == repository() + u":2.0"_s);
        const int row1 = picked.endsWith(u":1.0"_s) ? 0 : 1;
        for (int i = 0; i <= row1; ++i)
            QTest::keyClick(completer->popup(), Qt::Key_Down);
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QTRY_COMPARE(dialog->reference(), repository() + u":1.0"_s);
        QVERIFY(dialog->enableCheck()->isChecked());

        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        ui::PrivilegeDialog *privileges = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((privileges = dialog->privilegeDialog()) && privileges->isVisible(), 20000);
        QCOMPARE(privileges->rows().size(), 1);
        QCOMPARE(privileges->rows().first().value, QStringLiteral("CAP_NET_BIND_SERVICE"));
        saveScreenshot(privileges->grab(), u"privilege-dialog-install"_s);
        QTest::mouseClick(privileges->acceptButton(), Qt::LeftButton);

        // The progress window: one row per layer, then done; the plugin is enabled and runs.
        ui::JobProgressDialog *progress = nullptr;
        QTRY_VERIFY((progress = window.findChild<ui::JobProgressDialog *>()) && progress->isVisible());
        const QPointer<ui::JobProgressDialog> guard(progress);
        QTRY_VERIFY(progress->rowCount() >= 1);
        const QString layer = m_layerV1.mid(7, 12);
        QCOMPARE(progress->itemList()->topLevelItem(0)->text(ui::JobProgressDialog::Item), layer);
        QTRY_VERIFY_WITH_TIMEOUT(progress->isJobFinished(), kLongWaitMs);
        QVERIFY(guard);
        QCOMPARE(progress->phaseOf(layer), QStringLiteral("Complete"));
        QVERIFY(progress->itemList()->topLevelItem(0)->text(ui::JobProgressDialog::Size).endsWith(u"B"_s));
        QCOMPARE(progress->hideButton()->text(), QStringLiteral("&Close"));
        saveScreenshot(progress->grab(), u"install-progress"_s);

        const QString name = repository() + u":1.0"_s;
        QTRY_VERIFY(pluginNamed(window, name));
        QTRY_VERIFY(pluginNamed(window, name)->enabled);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window, name), QStringLiteral("running"), kLongWaitMs);
        QCOMPARE(window.selectedPluginId(), pluginNamed(window, name)->id);
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("jobFailed")));
        QTest::mouseClick(progress->hideButton(), Qt::LeftButton);
        QTRY_VERIFY(!guard);
        saveScreenshot(window.grab(), u"installed-running"_s);

        // Upgrade of an enabled plugin: offered as one step (disable, upgrade, enable), Cancel the default; the
        // plugin is disabled while the Upgrade dialog is open, and a cancelled upgrade enables it again. (The
        // offscreen platform does not give the activation back to the window when a dialog closes, as a window
        // manager does.)
        showWindow(window);
        QTest::keyClick(&window, Qt::Key_U, Qt::ControlModifier);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("confirmUpgradeEnabled"))) &&
                    box->isVisible());
        QVERIFY(box->text().contains(name));
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        QVERIFY(!window.findChild<ui::InstallDialog *>());
        auto *upgradeButton = box->findChild<QPushButton *>(QStringLiteral("disableUpgradeEnableButton"));
        QVERIFY(upgradeButton);
        QCOMPARE(upgradeButton->text(), QStringLiteral("&Disable, Upgrade and Enable"));
        saveScreenshot(together({&window, box}), u"confirm-upgrade-enabled"_s);
        QTest::mouseClick(upgradeButton, Qt::LeftButton);
        ui::InstallDialog *upgradeDialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (upgradeDialog = window.findChild<ui::InstallDialog *>()) && upgradeDialog->isVisible(), kLongWaitMs);
        QVERIFY(upgradeDialog->isUpgrade());
        QVERIFY(!pluginNamed(window, name)->enabled);
        QVERIFY(!engine.plugin(name)->enabled);
        upgradeDialog->reject();
        QTRY_VERIFY_WITH_TIMEOUT(pluginNamed(window, name) && pluginNamed(window, name)->enabled, kLongWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window, name), QStringLiteral("running"), kLongWaitMs);
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("jobFailed")));
        showWindow(window);

        // Remove of an enabled plugin: named, Cancel is the default, and the offer is to disable it first.
        window.pluginTable()->setFocus();
        QTest::keyClick(window.pluginTable(), Qt::Key_Delete);
        QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("confirmRemove"))) && box->isVisible());
        QVERIFY(box->text().contains(name));
        QVERIFY(box->informativeText().contains(u"enabled"_s));
        QCOMPARE(box->defaultButton(), box->button(QMessageBox::Cancel));
        QPushButton *remove = buttonWithRole(box, QMessageBox::DestructiveRole);
        QVERIFY(remove);
        QCOMPARE(remove->text(), QStringLiteral("&Disable and Remove"));
        saveScreenshot(together({&window, box}), u"confirm-remove-enabled"_s);
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window.pluginModel()->rowCount(), 0, kLongWaitMs);
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("jobFailed")));
        QVERIFY(engine.plugins()->plugins.isEmpty());
    }

    // A look-up the person typed past never shows: its answer, coming late, is dropped.
    void staleTagAnswersAreDropped()
    {
        SlowTagServer slow(1500);
        LocalEngine engine({storeRoot(), runRoot(), true});
        ui::MainWindow window(&engine);
        showWindow(window);
        ui::InstallDialog *dialog = openInstallDialog(window);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->referenceEdit(), slow.authority() + u"/acme/slow"_s);
        QTRY_COMPARE(slow.requests, 1);
        QVERIFY(dialog->tagHint()->text().contains(u"Looking up"_s));
        dialog->referenceEdit()->clear();
        QTest::keyClicks(dialog->referenceEdit(), repository());
        QTRY_COMPARE_WITH_TIMEOUT(dialog->tagsRepository(), repository(), 20000);
        QTest::qWait(2000); // the slow answer's time came and went
        QCOMPARE(dialog->tagsRepository(), repository());
        QCOMPARE(dialog->tags(), (QStringList{u"2.0"_s, u"1.0"_s}));
        const QStringList offered = qobject_cast<QStringListModel *>(dialog->completer()->model())->stringList();
        QCOMPARE(offered, (QStringList{repository() + u":2.0"_s, repository() + u":1.0"_s}));
        QVERIFY(!dialog->tagHint()->text().contains(u"stale"_s));
        dialog->reject();
    }

    // (b) Cancel in the privilege dialog: nothing installed, the store as it was, no layer fetched.
    void cancelInPrivilegeDialog()
    {
        LocalEngine engine({storeRoot(), runRoot(), true});
        ui::MainWindow window(&engine);
        showWindow(window);
        const auto before = testutil::snapshot(storeRoot());

        ui::InstallDialog *dialog = openInstallDialog(window);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->referenceEdit(), repository() + u":1.0"_s);
        QTest::keyClick(dialog->referenceEdit(), Qt::Key_Return);
        ui::PrivilegeDialog *privileges = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((privileges = dialog->privilegeDialog()) && privileges->isVisible(), 20000);
        // Enter refuses: Cancel is the privilege dialog's default.
        QTest::keyClick(privileges, Qt::Key_Return);
        QTRY_VERIFY(!dialog->privilegeDialog());
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->statusLabel()->text().contains(u"nothing was installed"_s));
        QTest::qWait(500);

        QCOMPARE(window.pluginModel()->rowCount(), 0);
        QVERIFY(engine.plugins()->plugins.isEmpty());
        QVERIFY(!window.findChild<ui::JobProgressDialog *>());
        QCOMPARE(testutil::snapshot(storeRoot()), before);
        QVERIFY(!BlobStore(Store(storeRoot()).blobsDir()).contains(m_layerV1));
        QVERIFY(QDir(Store(storeRoot()).blobsDir()).isEmpty());

        // Cancel closes the dialog now that nothing runs.
        QTest::mouseClick(dialog->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY(!window.findChild<ui::InstallDialog *>());
    }

    // (c) A failing install says why, with the engine's own message.
    void failingInstallShowsReason()
    {
        LocalEngine engine({storeRoot(), runRoot(), true});
        ui::MainWindow window(&engine);
        showWindow(window);
        const QString missing = m_registry.host() + u"/acme/missing:1.0"_s;
        Job *direct = engine.privileges(missing);
        direct->waitForFinished();
        const QString reason = errorOf(direct);
        delete direct;
        QVERIFY(reason.contains(u"was not found in the registry"_s));

        ui::InstallDialog *dialog = openInstallDialog(window);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->referenceEdit(), missing);
        // The tag look-up for an unknown repository offers nothing and says why, quietly.
        QTRY_VERIFY_WITH_TIMEOUT(dialog->tagHint()->text().contains(u"No tags to offer"_s), 20000);
        QVERIFY(dialog->tagHint()->text().contains(u"does not know this repository"_s));
        saveScreenshot(dialog->grab(), u"install-no-tags"_s);
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        // One failure, one place: under the reference, in the dialog, with the engine's reason; no message box.
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy() && dialog->statusLabel()->isVisible(), 20000);
        QVERIFY2(dialog->statusLabel()->text().contains(reason), qPrintable(dialog->statusLabel()->text()));
        QVERIFY(dialog->statusLabel()->text().startsWith(u"Not installed: "_s));
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("jobFailed")));
        QVERIFY(!dialog->privilegeDialog());
        saveScreenshot(together({&window, dialog}), u"install-failed"_s);
        // The person may correct the reference: the dialog stays, and typing takes the stale message away.
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->referenceEdit()->isEnabled());
        QVERIFY(engine.plugins()->plugins.isEmpty());
        QTest::keyClick(dialog->referenceEdit(), Qt::Key_Backspace);
        QVERIFY(dialog->statusLabel()->isHidden());
        dialog->reject();
    }

    // (d) Upgrade of a disabled plugin: the reference starts as the plugin's, the privilege dialog marks the new
    // capability, and the plugin ends on 2.0. Then Remove with confirmation.
    void upgradeThenRemove()
    {
        LocalEngine engine({storeRoot(), runRoot(), true});
        const QString name = repository() + u":1.0"_s;
        Job *read = engine.privileges(name);
        read->waitForFinished();
        QVERIFY2(read->succeeded(), qPrintable(errorOf(read)));
        const Privileges granted = read->result().value<Privileges>();
        delete read;
        Job *installed = engine.install(name, granted, InstallOptions{{}, true, {}});
        installed->waitForFinished();
        QVERIFY2(installed->succeeded(), qPrintable(errorOf(installed)));
        delete installed;

        ui::MainWindow window(&engine);
        showWindow(window);
        QTRY_VERIFY(pluginNamed(window, name));
        const QString id = pluginNamed(window, name)->id;
        window.selectPlugin(id);
        QVERIFY(window.upgradeAction()->isEnabled());
        QTest::keyClick(&window, Qt::Key_U, Qt::ControlModifier);
        ui::InstallDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<ui::InstallDialog *>()) && dialog->isVisible());
        QVERIFY(dialog->isUpgrade());
        QCOMPARE(dialog->reference(), name);
        QVERIFY(!dialog->aliasEdit());
        dialog->setReference(repository() + u":2.0"_s);
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        ui::PrivilegeDialog *privileges = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((privileges = dialog->privilegeDialog()) && privileges->isVisible(), 20000);
        QCOMPARE(privileges->windowTitle(), QStringLiteral("Approve Changed Privileges"));
        bool added = false;
        for (const ui::PrivilegeDialog::Row &row : privileges->rows()) {
            if (row.value == QLatin1String("CAP_SYS_ADMIN")) {
                QCOMPARE(row.change, ui::PrivilegeDialog::Change::Added);
                added = true;
            } else {
                QCOMPARE(row.change, ui::PrivilegeDialog::Change::Unchanged);
            }
        }
        QVERIFY(added);
        bool marked = false;
        for (int r = 0; r < privileges->table()->rowCount(); ++r)
            marked = marked || privileges->table()->item(r, 0)->text().contains(u"(new)"_s);
        QVERIFY(marked);
        saveScreenshot(privileges->grab(), u"upgrade-privileges"_s);
        QTest::mouseClick(privileges->acceptButton(), Qt::LeftButton);

        ui::JobProgressDialog *progress = nullptr;
        QTRY_VERIFY((progress = window.findChild<ui::JobProgressDialog *>()));
        QTRY_VERIFY_WITH_TIMEOUT(progress->isJobFinished(), kLongWaitMs);
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("jobFailed")));
        QTRY_COMPARE(engine.plugin(id)->pluginReference, repository() + u":2.0"_s);
        QVERIFY(engine.plugin(id)->config.capabilities.contains(u"CAP_SYS_ADMIN"_s));
        QVERIFY(window.statusBar()->currentMessage().contains(u"upgraded"_s));
        progress->close();

        // Remove: named, Cancel keeps it, Remove removes it.
        showWindow(window);
        window.selectPlugin(id);
        QTest::keyClick(window.pluginTable(), Qt::Key_Delete);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("confirmRemove"))) && box->isVisible());
        QVERIFY(box->text().contains(name));
        QTest::keyClick(box, Qt::Key_Escape);
        QTRY_VERIFY(!window.findChild<QMessageBox *>(QStringLiteral("confirmRemove")));
        QTest::qWait(300);
        QVERIFY(engine.plugin(id).ok());
        showWindow(window);
        QTest::keyClick(window.pluginTable(), Qt::Key_Delete);
        QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("confirmRemove"))) && box->isVisible());
        QPushButton *remove = buttonWithRole(box, QMessageBox::DestructiveRole);
        QCOMPARE(remove->text(), QStringLiteral("&Remove"));
        QTest::mouseClick(remove, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(window.pluginModel()->rowCount(), 0, kLongWaitMs);
        QVERIFY(!engine.plugin(id).ok());
    }

    // (d) Push of a created plugin: the confirmation names the target, the progress window shows the layer, and the
    // registry has the tag afterwards.
    void pushCreatedPlugin()
    {
        const QString name = m_registry.host() + u"/acme/created:7.1"_s;
        const QString folder = m_dir->path() + u"/created"_s;
        QVERIFY(testutil::writeTestPluginFolder(folder, QStringLiteral(TEST_PLUGIN_BINARY)));
        auto created = createPlugin(Store(storeRoot()), name, folder, nullptr);
        QVERIFY2(created.ok(), created.ok() ? "" : qPrintable(created.error().message));

        LocalEngine engine({storeRoot(), runRoot(), true});
        ui::MainWindow window(&engine);
        showWindow(window);
        QTRY_VERIFY(pluginNamed(window, name));
        window.selectPlugin(created->id);
        QTest::keyClick(&window, Qt::Key_P, Qt::ControlModifier | Qt::ShiftModifier);
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("confirmPush"))) && box->isVisible());
        QVERIFY2(box->text().contains(name), qPrintable(box->text()));
        QVERIFY(box->informativeText().contains(m_registry.host()));
        saveScreenshot(together({&window, box}), u"confirm-push"_s);
        QPushButton *push = box->findChild<QPushButton *>(QStringLiteral("pushButton"));
        QVERIFY(push);
        QTest::mouseClick(push, Qt::LeftButton);

        ui::JobProgressDialog *progress = nullptr;
        QTRY_VERIFY((progress = window.findChild<ui::JobProgressDialog *>()));
        QTRY_VERIFY_WITH_TIMEOUT(progress->isJobFinished(), kLongWaitMs);
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("jobFailed")));
        const QString layer = created->blobsums.first().mid(7, 12);
        QVERIFY(!progress->phaseOf(layer).isEmpty());
        QCOMPARE(progress->phaseOf(layer), QStringLiteral("Pushed"));
        saveScreenshot(progress->grab(), u"push-progress"_s);
        QVERIFY(window.statusBar()->currentMessage().contains(created->manifestDigest));

        Job *tags = engine.tags(m_registry.host() + u"/acme/created"_s);
        tags->waitForFinished();
        QCOMPARE(tags->result().toStringList(), QStringList{u"7.1"_s});
        delete tags;
    }

    // Hide: the window goes, the job goes on in the status bar's indicator and ends with the plugin running.
    void hideKeepsTheJobRunning()
    {
        LocalEngine engine({storeRoot(), runRoot(), true});
        ui::MainWindow window(&engine);
        showWindow(window);
        const QString name = m_registry.host() + u"/acme/slowvol:1.0"_s;
        ui::InstallDialog *dialog = openInstallDialog(window);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->referenceEdit(), name);
        QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
        ui::PrivilegeDialog *privileges = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((privileges = dialog->privilegeDialog()) && privileges->isVisible(), 20000);
        QVERIFY(privileges->rows().isEmpty());
        QTest::mouseClick(privileges->acceptButton(), Qt::LeftButton);
        ui::JobProgressDialog *progress = nullptr;
        QTRY_VERIFY((progress = window.findChild<ui::JobProgressDialog *>()) && progress->isVisible());
        const QPointer<ui::JobProgressDialog> guard(progress);
        QVERIFY(!progress->isJobFinished());
        QTest::mouseClick(progress->hideButton(), Qt::LeftButton);
        QTRY_VERIFY(!guard);
        QCOMPARE(window.jobsIndicator()->runningCount(), 1);
        QVERIFY(window.jobsIndicator()->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(window, name), QStringLiteral("running"), kLongWaitMs);
        QTRY_COMPARE(window.jobsIndicator()->runningCount(), 0);
        QVERIFY(!window.findChild<QMessageBox *>(QStringLiteral("jobFailed")));
        QVERIFY(!window.findChild<ui::JobProgressDialog *>());
    }

    // Log In: the registry's refusal in the dialog, nothing saved; then the right password, saved.
    void loginDialog()
    {
        const QString config = m_dir->path() + u"/docker"_s;
        qputenv("DOCKER_CONFIG", config.toLocal8Bit());
        auto restore =
            qScopeGuard([this] { qputenv("DOCKER_CONFIG", m_fixtures.filePath(u"docker"_s).toLocal8Bit()); });
        LocalEngine engine({storeRoot(), runRoot(), true});
        ui::MainWindow window(&engine);
        showWindow(window);
        QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
        ui::LoginDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<ui::LoginDialog *>()) && dialog->isVisible());
        QVERIFY(!dialog->loginButton()->isEnabled());
        // No saved login yet: the list says so and Log Out is off.
        QCOMPARE(dialog->savedList()->count(), 1);
        QCOMPARE(dialog->savedList()->item(0)->text(), QStringLiteral("None yet"));
        QVERIFY(!dialog->logoutButton()->isEnabled());
        dialog->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(dialog));
        QTest::keyClicks(dialog->serverEdit(), m_htpasswd.host());
        QTest::keyClicks(dialog->userEdit(), u"guiuser"_s);
        QTest::keyClicks(dialog->passwordEdit(), u"wrong"_s);
        QTest::keyClick(dialog->passwordEdit(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->isBusy() && dialog->resultLabel()->text().contains(u"refused the login"_s),
                                 20000);
        QVERIFY(!QFile::exists(config + u"/config.json"_s));
        saveScreenshot(dialog->grab(), u"login-refused"_s);

        dialog->passwordEdit()->clear();
        QTest::keyClicks(dialog->passwordEdit(), u"gui-pass"_s);
        QTest::mouseClick(dialog->loginButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(dialog->succeeded(), 20000);
        QVERIFY(dialog->resultLabel()->text().contains(u"Logged in to "_s + m_htpasswd.host() + u" as guiuser"_s));
        QVERIFY(dialog->isVisible());
        QVERIFY(QFile::exists(config + u"/config.json"_s));
        QVERIFY(testutil::readFile(config + u"/config.json"_s).contains(QByteArray("guiuser:gui-pass").toBase64()));
        // The new login is listed; Log Out erases it from config.json and from the list.
        QCOMPARE(dialog->savedList()->count(), 1);
        QCOMPARE(dialog->savedList()->item(0)->text(), m_htpasswd.host());
        saveScreenshot(dialog->grab(), u"login-succeeded"_s);
        dialog->savedList()->setCurrentRow(0);
        QVERIFY(dialog->logoutButton()->isEnabled());
        QTest::mouseClick(dialog->logoutButton(), Qt::LeftButton);
        QTRY_VERIFY2(dialog->resultLabel()->text().contains(u"Logged out of "_s + m_htpasswd.host()),
                     qPrintable(dialog->resultLabel()->text()));
        QVERIFY(!testutil::readFile(config + u"/config.json"_s).contains(QByteArray("guiuser:gui-pass").toBase64()));
        QCOMPARE(dialog->savedList()->item(0)->text(), QStringLiteral("None yet"));
        saveScreenshot(dialog->grab(), u"login-logged-out"_s);
        QTest::mouseClick(dialog->closeButton(), Qt::LeftButton);
        QTRY_VERIFY(!window.findChild<ui::LoginDialog *>());
    }
};

QTEST_MAIN(TestInstallFlow)
#include "tst_installflow.moc"
