#pragma once

#include <QMainWindow>

class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace core {
class Engine;
}

namespace ui {

class PluginDetailsView;
class PluginListModel;

// The main window: the plugin table with a filter box, the details pane, and the store's problems.
// Talks only to core::Engine.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(core::Engine *engine, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Reads the plugins again from the engine and applies the difference to the table.
    void refresh();

    PluginListModel *pluginModel() const { return m_model; }
    QTableView *pluginTable() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    PluginDetailsView *detailsView() const { return m_details; }
    QLabel *problemsBanner() const { return m_problems; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void showSelected();
    void restoreState();

    core::Engine *m_engine;
    PluginListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QLineEdit *m_filter = nullptr;
    QSplitter *m_splitter = nullptr;
    PluginDetailsView *m_details = nullptr;
    QLabel *m_problems = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace ui
