#pragma once

#include <QLineEdit>
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QSettings;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace core {
class Engine;
struct Plugin;
} // namespace core

namespace ui {

class JobWatcher;
class PluginDetailsView;
class PluginListModel;

// The Plugins page of the window, the counterpart of VolumesPage: the plugin table (PluginListModel behind a
// filtering proxy), the filter box (placed in the window's toolbar), the details pane, the store's problems, the
// page shown instead of the table while the plugins are read or when they cannot be (with Try Again), and the
// authorisation bar of the jobs started on plugins. Follows the engine's events and applies the difference to the
// table. Owns no actions: the window holds them and asks the page what is selected.
class PluginsPage final : public QWidget
{
    Q_OBJECT

public:
    explicit PluginsPage(core::Engine *engine, QWidget *parent = nullptr);
    ~PluginsPage() override;

    // Shows what the engine holds now (its reads never wait): the plugins, their states, or why there are none
    // (still reading, refused, unreachable). Applies the difference to the table.
    void refresh();
    // The listed plugins' process states as the engine last heard them; only cells that changed are updated.
    void refreshStates();
    // Asks the engine to read everything again; through the helper this may ask for a password. The page stays
    // usable meanwhile; a reload asked for while one runs is dropped.
    void reload();
    bool isReloading() const { return m_reloading; }

    // The selected plugin, null when none is; valid until the model changes.
    const core::Plugin *selectedPlugin() const;
    QString selectedPluginId() const;
    void selectPlugin(const QString &id);
    // Selects the listed plugin named `name` (the last one, when several are).
    void selectPluginNamed(const QString &name);

    // The table's column widths and the splitter, under the window's keys.
    void saveState(QSettings &settings) const;
    void restoreState(const QSettings &settings);

    PluginListModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    PluginDetailsView *detailsView() const { return m_details; }
    QLabel *problemsBanner() const { return m_problems; }
    QWidget *statusPage() const { return m_statusPage; }
    QLabel *statusText() const { return m_statusText; }
    QPushButton *tryAgainButton() const { return m_tryAgain; }
    JobWatcher *jobWatcher() const { return m_watcher; }

Q_SIGNALS:
    // The selection, or what the selected plugin is (enabled, state), changed: the window updates its actions.
    void selectionChanged();
    // One line about the store for the window's status bar.
    void summaryChanged(const QString &text);
    void reloadingChanged(bool reloading);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // Column widths for the table's width: Description takes the slack (it stretches, and is the first to give up
    // width), then Name down to a floor (elided in the middle, the whole name in its tooltip); State and Enabled
    // stay in sight down to an 800-pixel window.
    void fitColumns();
    void showSelected();
    // Start or Restart from the details' banner: Engine::start, which keeps the plugin enabled whatever happens.
    void startPlugin(const QString &id);
    // What the list area shows when there is no list: `text` and, when the person can do something, Try Again.
    void showStatus(const QString &text, bool offerRetry);

    core::Engine *m_engine;
    PluginListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QTableView *m_table = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QPointer<QLineEdit> m_filter; // in the window's toolbar
    QSplitter *m_splitter = nullptr;
    PluginDetailsView *m_details = nullptr;
    QLabel *m_problems = nullptr;
    JobWatcher *m_watcher = nullptr;
    QWidget *m_statusPage = nullptr;
    QLabel *m_statusText = nullptr;
    QPushButton *m_tryAgain = nullptr;
    bool m_reloading = false;
    // The engine's news come in bursts (a reload answers and says the plugins were reloaded; a job changes a plugin
    // and reloads): they are read once, when the burst is over, not once per signal.
    void refreshSoon();
    bool m_refreshQueued = false;
    bool m_firstPaintProbe = false; // PLUGDESK_EXIT_AFTER_FIRST_PAINT: report the first paint with rows, then quit
};

} // namespace ui
