// The window driven by the keyboard alone, on the offscreen platform over a LocalEngine on the seed store: Tab walks
// sidebar -> filter -> list -> details without changing the selection, the arrows move in the list, Escape clears a
// filter, Ctrl+1/Ctrl+2 (View menu) switch pages, and the Volume menu stands in for the Plugin menu on the Volumes
// page.
#include "common/testutil.h"
#include "core/engine/localengine.h"
#include "ui/mainwindow.h"
#include "ui/plugindetailsview.h"
#include "ui/pluginlistmodel.h"
#include "ui/volumedetailsview.h"
#include "ui/volumespage.h"

#include <QAction>
#include <QApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QScrollBar>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace core;

class TestWindowKeyboard : public QObject
{
    Q_OBJECT

private:
    struct Window
    {
        QTemporaryDir dir;
        std::unique_ptr<LocalEngine> engine;
        std::unique_ptr<ui::MainWindow> window;
    };

    static bool open(Window &w)
    {
        const QString root = w.dir.path() + QStringLiteral("/store");
        if (!testutil::copyTree(testutil::sourcePath(QStringLiteral("tests/data/seed-store")), root))
            return false;
        w.engine =
            std::make_unique<LocalEngine>(LocalEngine::Options{root, w.dir.path() + QStringLiteral("/run"), true});
        w.window = std::make_unique<ui::MainWindow>(w.engine.get());
        w.window->show();
        QApplication::setActiveWindow(w.window.get());
        return QTest::qWaitForWindowActive(w.window.get());
    }

    static QMenu *menuNamed(QMainWindow *window, const QString &objectName)
    {
        return window->findChild<QMenu *>(objectName);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QCoreApplication::setOrganizationName(QStringLiteral("PlugdeskTests"));
        QStandardPaths::setTestModeEnabled(true);
    }

    // Tab inside the table does not walk cells (and so never changes the selected row); from the filter it reaches
    // the list and then the details tabs, and Shift+Tab comes back the same way.
    void tabWalksFilterListDetails()
    {
        Window w;
        QVERIFY(open(w));
        ui::MainWindow &window = *w.window;
        QTableView *table = window.pluginTable();
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QVERIFY(!table->tabKeyNavigation());
        table->selectRow(0);
        const QModelIndex selected = table->selectionModel()->selectedRows().value(0);
        QVERIFY(selected.isValid());

        window.sidebar()->setFocus();
        QTRY_VERIFY(window.sidebar()->hasFocus());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), window.filterEdit());
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(table));
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QTRY_VERIFY(window.detailsView()->isAncestorOf(QApplication::focusWidget()) ||
                    QApplication::focusWidget() == window.detailsView());
        QCOMPARE(table->selectionModel()->selectedRows().value(0), selected);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(table));
        QCOMPARE(table->selectionModel()->selectedRows().value(0), selected);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Backtab);
        QTRY_COMPARE(QApplication::focusWidget(), window.filterEdit());
    }

    // Escape clears a filter that has text (the list comes back); on an empty filter it does nothing there.
    void escapeClearsTheFilter()
    {
        Window w;
        QVERIFY(open(w));
        ui::MainWindow &window = *w.window;
        QTableView *table = window.pluginTable();
        QTRY_COMPARE(table->model()->rowCount(), 1);
        window.filterEdit()->setFocus();
        QTest::keyClicks(window.filterEdit(), QStringLiteral("nothing-like-this"));
        QCOMPARE(table->model()->rowCount(), 0);
        QTest::keyClick(window.filterEdit(), Qt::Key_Escape);
        QCOMPARE(window.filterEdit()->text(), QString());
        QCOMPARE(table->model()->rowCount(), 1);

        window.showPage(1);
        auto *volumes = window.findChild<ui::VolumesPage *>();
        QVERIFY(volumes);
        volumes->filterEdit()->setFocus();
        QTest::keyClicks(volumes->filterEdit(), QStringLiteral("abc"));
        QTest::keyClick(volumes->filterEdit(), Qt::Key_Escape);
        QCOMPARE(volumes->filterEdit()->text(), QString());
    }

    // Ctrl+1 and Ctrl+2 (View > Plugins, View > Volumes) switch pages; the checked View entry follows the sidebar;
    // the Plugin menu is there on the Plugins page and the Volume menu on the Volumes page, never both.
    void shortcutsSwitchPagesAndMenusFollow()
    {
        Window w;
        QVERIFY(open(w));
        ui::MainWindow &window = *w.window;
        auto *stack = window.findChild<QStackedWidget *>();
        auto *volumes = window.findChild<ui::VolumesPage *>();
        QMenu *volumeMenu = menuNamed(&window, QStringLiteral("volumeMenu"));
        QVERIFY(volumeMenu);
        QVERIFY(window.pageAction(0) && window.pageAction(1));
        QCOMPARE(window.pageAction(0)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_1));
        QCOMPARE(window.pageAction(1)->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_2));
        QVERIFY(window.pageAction(0)->isChecked());
        QVERIFY(!volumeMenu->menuAction()->isVisible());

        window.pluginTable()->setFocus();
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QTRY_COMPARE(stack->currentWidget(), static_cast<QWidget *>(volumes));
        QCOMPARE(window.sidebar()->currentRow(), 1);
        QVERIFY(window.pageAction(1)->isChecked());
        QVERIFY(volumeMenu->menuAction()->isVisible());
        QVERIFY(volumeMenu->actions().contains(volumes->newVolumeAction()));
        QVERIFY(volumeMenu->actions().contains(volumes->removeAction()));
        QVERIFY(!window.enableAction()->isVisible()); // the Plugin menu's actions are away
        QVERIFY(volumes->newVolumeAction()->isVisible());

        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QTRY_COMPARE(stack->currentWidget(), stack->widget(0));
        QVERIFY(window.pageAction(0)->isChecked());
        QVERIFY(!volumeMenu->menuAction()->isVisible());
        // Hidden actions take no shortcut: Delete on the Plugins page is the plugin's Remove, never the volume's.
        QVERIFY(!volumes->removeAction()->isVisible());
        QVERIFY(window.enableAction()->isVisible());

        // Clicking the sidebar checks the View entry too.
        window.sidebar()->setCurrentRow(1);
        QVERIFY(window.pageAction(1)->isChecked());
    }

    // At 800 pixels the Description column gives up its width and the Name is elided in the middle (whole in its
    // tooltip); Enabled and State stay in sight, with no horizontal scrolling.
    void narrowWindowKeepsTheStateInSight()
    {
        Window w;
        QVERIFY(open(w));
        ui::MainWindow &window = *w.window;
        window.resize(800, 600);
        QTableView *table = window.pluginTable();
        QTRY_COMPARE(table->model()->rowCount(), 1);
        QTRY_COMPARE(window.width(), 800);
        QCoreApplication::processEvents();
        QCOMPARE(table->textElideMode(), Qt::ElideMiddle);
        QHeaderView *header = table->horizontalHeader();
        const int viewport = table->viewport()->width();
        for (int column : {int(ui::PluginListModel::Enabled), int(ui::PluginListModel::State)}) {
            const int right = header->sectionViewportPosition(column) + header->sectionSize(column);
            QVERIFY2(right <= viewport,
                     qPrintable(QStringLiteral("column %1 ends at %2 of %3").arg(column).arg(right).arg(viewport)));
        }
        QVERIFY(!table->horizontalScrollBar()->isVisible());
        const QModelIndex name = table->model()->index(0, ui::PluginListModel::Name);
        QCOMPARE(name.data(Qt::ToolTipRole).toString(), name.data().toString());
        // Wide again: Name gets its width back, Description the rest.
        window.resize(1300, 700);
        QTRY_COMPARE(window.width(), 1300);
        QTRY_VERIFY(header->sectionSize(ui::PluginListModel::Name) >= 180);
        QVERIFY(header->sectionSize(ui::PluginListModel::Description) > 100);
    }
};

QTEST_MAIN(TestWindowKeyboard)
#include "tst_windowkeyboard.moc"
