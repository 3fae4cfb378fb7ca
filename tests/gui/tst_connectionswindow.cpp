// The window over several connections (issue 14), on the offscreen platform: "This computer" (a LocalEngine on a
// temporary store, made through the real engine maker from plugdesk:///STORE), a saved plugdesk:///STORE connection
// to a second store, and a Docker Engine connection on a socket nobody listens on. Switching connections shows each
// one's plugins and volumes; the failing one shows its error and Retry on its own row and page while the others
// keep working (their engines follow other writers); Add Connection names a bad URL and saves a good one (and
// offers Docker's contexts); Remove Connection forgets it. Screenshot: <build>/screenshots/connections.png.
#include "common/testutil.h"
#include "core/connection/connectionstore.h"
#include "ui/addconnectiondialog.h"
#include "ui/connectionset.h"
#include "ui/mainwindow.h"
#include "ui/pluginlistmodel.h"
#include "ui/pluginspage.h"
#include "ui/volumespage.h"
#include "ui/windowconnection.h"

#include <QAction>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using ui::WindowConnection;

class TestConnectionsWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString makeStore(const QString &name, const QString &plugin)
    {
        const QString root = m_dir.filePath(name);
        if (!testutil::copyTree(testutil::sourcePath(u"tests/data/seed-store"_s), root))
            qFatal("cannot copy the seed store");
        addPlugin(root,
                  QString::fromLatin1(QCryptographicHash::hash(plugin.toUtf8(), QCryptographicHash::Sha256).toHex()),
                  plugin);
        return root;
    }

    static void addPlugin(const QString &root, const QString &id, const QString &name)
    {
        testutil::writeFile(root + u"/plugins/"_s + id + u"/config.json"_s,
                            "{\"Description\": \"A plugin\", \"Entrypoint\": [\"/p\"], \"Interface\": {\"Types\": "
                            "[\"docker.volumedriver/1.0\"], \"Socket\": \"p.sock\"}}");
        QJsonObject inventory = QJsonDocument::fromJson(testutil::readFile(root + u"/plugins/plugins.json"_s)).object();
        inventory.insert(
            id, QJsonObject{
                    {u"plugin"_s,
                     QJsonObject{{u"Id"_s, id}, {u"Name"_s, name}, {u"Tag"_s, u"latest"_s}, {u"Active"_s, false}}}});
        testutil::writeFile(root + u"/plugins/plugins.json"_s, QJsonDocument(inventory).toJson());
    }

    static QStringList shownPlugins(ui::MainWindow &window)
    {
        QStringList names;
        QTableView *table = window.pluginTable();
        if (!table || !table->isVisible())
            return names;
        for (int row = 0; row < table->model()->rowCount(); ++row)
            names.append(table->model()->index(row, ui::PluginListModel::Name).data().toString());
        names.sort();
        return names;
    }

    // The Retry the person sees for a failed connection: the connection's own page while it has no engine (no
    // engine can be made for its URL), else the Plugins page's Try Again (the engine could not read).
    static QPushButton *visibleRetry(ui::MainWindow &window)
    {
        for (QPushButton *button : window.findChildren<QPushButton *>()) {
            if (button->isVisible() &&
                (button->objectName() == u"connectionRetry"_s || button == window.tryAgainButton()))
                return button;
        }
        return nullptr;
    }

    static void saveScreenshot(QWidget *widget, const QString &name)
    {
        const QString folder = QStringLiteral(PLUGDESK_BINARY_DIR "/screenshots");
        QDir().mkpath(folder);
        QVERIFY(widget->grab().save(folder + QLatin1Char('/') + name + u".png"_s));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(u"PlugdeskTests"_s);
        QStandardPaths::setTestModeEnabled(true);
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
        qputenv("DOCKER_CONFIG", m_dir.filePath(u"docker"_s).toUtf8());
        qunsetenv("DOCKER_HOST");
        qunsetenv("DOCKER_CONTEXT");
    }

    void switchingFailingAddingRemoving()
    {
        const QString storeA = makeStore(u"store-a"_s, u"acme/alpha"_s);
        const QString storeB = makeStore(u"store-b"_s, u"acme/beta"_s);
        const QString socket = m_dir.filePath(u"nobody-listens.sock"_s);
        {
            core::ConnectionStore saved;
            QVERIFY(saved.load());
            QVERIFY(saved.add(u"second"_s, u"plugdesk://"_s + storeB));
            QVERIFY(saved.add(u"docker"_s, u"unix://"_s + socket));
        }

        ui::ConnectionSet connections(ui::ConnectionSet::thisComputer(storeA), core::ConnectionStore(),
                                      ui::ConnectionSet::defaultMaker(m_dir.filePath(u"run"_s)));
        QVERIFY(connections.load());
        QCOMPARE(connections.connections().size(), 3);
        ui::MainWindow window(&connections);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        QListWidget *list = window.connectionList();
        QVERIFY(list->isVisible());
        QCOMPARE(list->count(), 3);
        QVERIFY(list->item(0)->text().startsWith(u"This computer\n"_s));
        QVERIFY(list->item(1)->text().startsWith(u"second\n"_s));
        QVERIFY(list->item(2)->text().startsWith(u"docker\n"_s));
        WindowConnection *local = connections.connections().at(0);
        WindowConnection *second = connections.connections().at(1);
        WindowConnection *docker = connections.connections().at(2);

        // Every connection comes up on its own; the failing one fails on its own row only.
        QTRY_COMPARE(local->state(), WindowConnection::State::Connected);
        QTRY_COMPARE(second->state(), WindowConnection::State::Connected);
        QTRY_COMPARE(docker->state(), WindowConnection::State::Failed);
        QVERIFY(!docker->errorText().isEmpty());
        QVERIFY2(docker->errorText().contains(socket) || docker->errorText().contains(u"unix://"_s),
                 qPrintable(docker->errorText()));
        QVERIFY(list->item(0)->text().endsWith(u"\nConnected"_s));
        QVERIFY(list->item(1)->text().endsWith(u"\nConnected"_s));
        QVERIFY2(!list->item(2)->text().endsWith(u"\nConnected"_s), qPrintable(list->item(2)->text()));
        QVERIFY(list->item(2)->toolTip().contains(docker->errorText()));

        // This computer's plugins, then the second store's.
        QCOMPARE(window.currentConnection(), local);
        QTRY_COMPARE(shownPlugins(window), (QStringList{u"acme/alpha"_s, u"vieux/sshfs"_s}));
        list->setCurrentRow(1);
        QCOMPARE(window.currentConnection(), second);
        QCOMPARE(window.pluginsPage(), window.pluginsPageOf(second));
        QTRY_COMPARE(shownPlugins(window), (QStringList{u"acme/beta"_s, u"vieux/sshfs"_s}));
        QVERIFY(window.installAction()->isEnabled());
        // Its Volumes page, with its own Volume menu actions.
        window.showPage(1);
        QTRY_VERIFY(window.volumesPageOf(second)->isVisible());
        QVERIFY(!window.volumesPageOf(local)->isVisible());
        QVERIFY(window.volumesPageOf(second)->newVolumeAction()->isVisible());
        QVERIFY(!window.volumesPageOf(local)->newVolumeAction()->isVisible());
        window.showPage(0);

        // The failing connection: its error and Retry on its page; no plugin actions act on it.
        list->setCurrentRow(2);
        QCOMPARE(window.currentConnection(), docker);
        QPushButton *retry = nullptr;
        QTRY_VERIFY((retry = visibleRetry(window)));
        if (!window.pluginsPage()) {
            QVERIFY(window.connectionPageOf(docker)->isVisible());
            auto *text = window.connectionPageOf(docker)->findChild<QLabel *>(u"connectionStatusText"_s);
            QVERIFY(text->text().contains(docker->errorText().toHtmlEscaped()));
            QVERIFY(!window.installAction()->isEnabled());
            QVERIFY(!window.enableAction()->isVisible());
        }
        saveScreenshot(&window, u"connections-failed"_s);
        QTest::mouseClick(retry, Qt::LeftButton);
        QTRY_COMPARE(docker->state(), WindowConnection::State::Failed);
        QVERIFY(!docker->errorText().isEmpty());

        // The others still work: each follows its own store's other writers.
        addPlugin(storeB, QString(64, u'b'), u"acme/beta-two"_s);
        addPlugin(storeA, QString(64, u'a'), u"acme/alpha-two"_s);
        list->setCurrentRow(0);
        QTRY_COMPARE(shownPlugins(window), (QStringList{u"acme/alpha"_s, u"acme/alpha-two"_s, u"vieux/sshfs"_s}));
        list->setCurrentRow(1);
        QTRY_COMPARE(shownPlugins(window), (QStringList{u"acme/beta"_s, u"acme/beta-two"_s, u"vieux/sshfs"_s}));
        window.pluginTable()->selectRow(0);
        saveScreenshot(&window, u"connections"_s);
        // "This computer" cannot be removed; a saved connection can.
        list->setCurrentRow(0);
        QVERIFY(!window.removeConnectionAction()->isEnabled());
        list->setCurrentRow(1);
        QVERIFY(window.removeConnectionAction()->isEnabled());
    }

    void addAndRemoveConnection()
    {
        const QString storeC = makeStore(u"store-c"_s, u"acme/gamma"_s);
        // One of Docker's contexts, offered in the dialog.
        const QString context = m_dir.filePath(u"docker/contexts/meta/1234"_s);
        testutil::writeFile(context + u"/meta.json"_s,
                            "{\"Name\":\"lab\",\"Endpoints\":{\"docker\":{\"Host\":\"ssh://root@lab.example\"}}}");

        ui::ConnectionSet connections(ui::ConnectionSet::thisComputer(m_dir.filePath(u"store-a"_s)),
                                      core::ConnectionStore(),
                                      ui::ConnectionSet::defaultMaker(m_dir.filePath(u"run"_s)));
        QVERIFY(connections.load());
        const int before = static_cast<int>(connections.connections().size());
        ui::MainWindow window(&connections);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        window.addConnection();
        ui::AddConnectionDialog *dialog = nullptr;
        QTRY_VERIFY((dialog = window.findChild<ui::AddConnectionDialog *>()) && dialog->isVisible());
        QVERIFY(!dialog->addButton()->isEnabled());
        // Docker's implicit context and "lab"; picking one fills the fields.
        QCOMPARE(dialog->contextList()->count(), 2);
        dialog->contextList()->setCurrentRow(1);
        QCOMPARE(dialog->urlEdit()->text(), u"ssh://root@lab.example"_s);
        QCOMPARE(dialog->nameEdit()->text(), u"lab"_s);
        QVERIFY(dialog->addButton()->isEnabled());

        // A mistake is named as it is typed.
        dialog->urlEdit()->clear();
        QTest::keyClicks(dialog->urlEdit(), u"tcp://x:2375"_s);
        QVERIFY2(dialog->problemLabel()->text().contains(u"\"tcp://x:2375\""_s),
                 qPrintable(dialog->problemLabel()->text()));
        QVERIFY(!dialog->addButton()->isEnabled());
        dialog->urlEdit()->clear();
        QTest::keyClicks(dialog->urlEdit(), u"plugdesk://"_s + storeC);
        dialog->nameEdit()->clear();
        QTest::keyClicks(dialog->nameEdit(), u"second"_s);
        QVERIFY2(dialog->problemLabel()->text().contains(u"\"second\""_s), qPrintable(dialog->problemLabel()->text()));
        QVERIFY(!dialog->addButton()->isEnabled());
        dialog->nameEdit()->clear();
        QTest::keyClicks(dialog->nameEdit(), u"bad name"_s);
        QVERIFY(dialog->problemLabel()->text().contains(u"\"bad name\""_s));
        dialog->nameEdit()->clear();
        QTest::keyClicks(dialog->nameEdit(), u"third"_s);
        QCOMPARE(dialog->problemLabel()->text(), QString());
        QVERIFY(dialog->addButton()->isEnabled());
        QTest::mouseClick(dialog->addButton(), Qt::LeftButton);

        // Listed, selected, connected, and saved where plugdeskctl reads it.
        QTRY_COMPARE(window.connectionList()->count(), before + 1);
        WindowConnection *third = connections.find(u"third"_s);
        QVERIFY(third);
        QCOMPARE(window.currentConnection(), third);
        QTRY_COMPARE(third->state(), WindowConnection::State::Connected);
        QTRY_COMPARE(shownPlugins(window), (QStringList{u"acme/gamma"_s, u"vieux/sshfs"_s}));
        {
            core::ConnectionStore saved;
            QVERIFY(saved.load());
            QCOMPARE(saved.resolve(u"third"_s)->url, u"plugdesk://"_s + storeC);
        }

        // Remove Connection asks, then forgets it; the window goes on with the next connection.
        window.removeConnection();
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox *>(u"confirmRemoveConnection"_s)) && box->isVisible());
        QTest::mouseClick(box->findChild<QPushButton *>(u"removeConnectionButton"_s), Qt::LeftButton);
        QTRY_COMPARE(window.connectionList()->count(), before);
        QTRY_VERIFY(!connections.find(u"third"_s));
        QVERIFY(window.currentConnection());
        core::ConnectionStore saved;
        QVERIFY(saved.load());
        QVERIFY(!saved.resolve(u"third"_s));
    }
};

QTEST_MAIN(TestConnectionsWindow)
#include "tst_connectionswindow.moc"
