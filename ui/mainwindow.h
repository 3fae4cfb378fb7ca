#pragma once

#include <QMainWindow>
#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;

namespace core {
class Engine;
struct Error;
class Job;
struct Plugin;
} // namespace core

namespace ui {

class JobWatcher;
class JobsIndicator;
class PluginDetailsView;
class PluginListModel;
class VolumesPage;

// The main window: a sidebar of pages (Plugins; more pages plug in with addPage), the plugin table with a filter
// box, the details pane, the actions on the selected plugin, the store's problems and the jobs indicator.
// Talks only to core::Engine. An action exists only for a verb the engine has: there are no disabled
// placeholders for verbs to come.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(core::Engine *engine, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Shows what the engine holds now (its reads never wait): the plugins, their states, or why there are none
    // (still reading, refused, unreachable). Applies the difference to the table.
    void refresh();
    // The listed plugins' process states as the engine last heard them; only cells that changed are updated.
    void refreshStates();
    // Asks the engine to read everything again (Refresh, F5, Try Again); through the helper this may ask for a
    // password. The window stays usable meanwhile.
    void reload();

    // Adds a page to the sidebar (the Plugins page is the first); returns its index.
    int addPage(const QIcon &icon, const QString &title, QWidget *page);
    void showPage(int index);

    // Opens the Create dialog for `folder` (may be empty), then creates the plugin.
    void createFromFolder(const QString &folder = {});
    // True when `folder` looks like a plugin folder: config.json and rootfs/ in it.
    static bool isPluginFolder(const QString &folder);
    // True for an existing .zip file, which a drop imports.
    static bool isBundleFile(const QString &path);

    // Opens the Install dialog (reference, tags, privileges), then follows the install in a progress window.
    void installPlugin(const QString &reference = {});
    // The actions on the selected plugin; each asks first (or says why it cannot) and reports failures.
    void removeSelected();
    void upgradeSelected();
    void pushSelected();
    // Opens the Log In dialog.
    void loginToRegistry();

    // The id of the selected plugin, empty when none is.
    QString selectedPluginId() const;
    void selectPlugin(const QString &id);

    PluginListModel *pluginModel() const { return m_model; }
    QTableView *pluginTable() const { return m_table; }
    QLineEdit *filterEdit() const { return m_filter; }
    PluginDetailsView *detailsView() const { return m_details; }
    QLabel *problemsBanner() const { return m_problems; }
    // The page shown instead of the table while the plugins are read, or when they cannot be.
    QWidget *statusPage() const { return m_statusPage; }
    QLabel *statusText() const { return m_statusText; }
    QPushButton *tryAgainButton() const { return m_tryAgain; }
    JobWatcher *jobWatcher() const { return m_watcher; }
    QListWidget *sidebar() const { return m_sidebar; }
    VolumesPage *volumesPage() const { return m_volumesPage; }
    JobsIndicator *jobsIndicator() const { return m_jobs; }
    QAction *enableAction() const { return m_enableAction; }
    QAction *disableAction() const { return m_disableAction; }
    QAction *createAction() const { return m_createAction; }
    QAction *refreshAction() const { return m_refreshAction; }
    QAction *installAction() const { return m_installAction; }
    QAction *removeAction() const { return m_removeAction; }
    QAction *upgradeAction() const { return m_upgradeAction; }
    QAction *pushAction() const { return m_pushAction; }
    QAction *loginAction() const { return m_loginAction; }
    QAction *exportAction() const { return m_exportAction; }
    QAction *importAction() const { return m_importAction; }

    // Export: asks where (a file dialog, objectName "exportFileDialog"), then writes the selected plugin's bundle.
    void exportSelected();
    // Import: asks for a bundle (objectName "importFileDialog") unless `file` is given, reads which plugin it holds
    // and what it may do, asks for the privileges, then imports it (enabled, like install).
    void importBundle(const QString &file = {});

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions();
    QWidget *createPluginsPage();
    void showSelected();
    void updateActions();
    void showContextMenu(const QPoint &position);
    void enableSelected();
    void disableSelected();
    void startDisable(const QString &id, const QString &name, bool force = false);
    // The plugin drives volumes mounted through Plugdesk: names them (the engine's reason) and offers Force Disable.
    void offerForceDisable(const QString &id, const QString &name, const QString &reason);
    void startRemove(const QString &id, const QString &name, bool force);
    // Shows `job` in a progress window, then reports its end as watchJob does.
    void followWithProgress(core::Job *job, const QString &failureText,
                            std::function<void(const QVariant &)> onSuccess = {});
    // Follows a job this window started (JobWatcher): waiting for authorisation shown in the page, on failure a
    // message with the engine's reason; then deletes it. `onFailure` may take over a failure (returns true).
    void watchJob(core::Job *job, const QString &failureText, std::function<void(const QVariant &)> onSuccess = {},
                  std::function<bool(const core::Error &)> onFailure = {});
    const core::Plugin *selectedPlugin() const;
    void restoreState();
    // What the list area shows when there is no list: `text` and, when the person can do something, Try Again.
    void showStatus(const QString &text, bool offerRetry);

    core::Engine *m_engine;
    PluginListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    QTableView *m_table = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QLineEdit *m_filter = nullptr;
    QSplitter *m_splitter = nullptr;
    PluginDetailsView *m_details = nullptr;
    QLabel *m_problems = nullptr;
    VolumesPage *m_volumesPage = nullptr;
    QLabel *m_status = nullptr;
    JobsIndicator *m_jobs = nullptr;
    JobWatcher *m_watcher = nullptr;
    QWidget *m_statusPage = nullptr;
    QLabel *m_statusText = nullptr;
    QPushButton *m_tryAgain = nullptr;
    bool m_reloading = false;
    QAction *m_enableAction = nullptr;
    QAction *m_disableAction = nullptr;
    QAction *m_createAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_installAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_upgradeAction = nullptr;
    QAction *m_pushAction = nullptr;
    QAction *m_loginAction = nullptr;
    QAction *m_exportAction = nullptr;
    QAction *m_importAction = nullptr;
    QAction *m_copyIdAction = nullptr;
    QAction *m_copyNameAction = nullptr;
    QList<QAction *> m_pluginActions; // shown while the Plugins page is
};

} // namespace ui
