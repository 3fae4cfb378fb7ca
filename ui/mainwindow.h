#pragma once

#include "ui/pluginspage.h"

#include <QMainWindow>
#include <functional>
#include <memory>
#include <vector>

class QAction;
class QActionGroup;
class QMenu;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace core {
class Engine;
struct Error;
class Job;
struct Plugin;
} // namespace core

namespace ui {

class ConnectionSet;
class JobWatcher;
class JobsIndicator;
class PluginDetailsView;
class PluginListModel;
class VolumesPage;
class WindowConnection;

// The main window: a sidebar of pages (PluginsPage first, VolumesPage; more plug in with addPage), the menus and
// toolbar with the actions on the selected plugin, the dialogs they open, drops, the status bar and the jobs
// indicator. The plugin table, details and status pages are PluginsPage's; the accessors below forward to it.
// Talks only to core::Engine. An action exists only for a verb the engine has: there are no disabled
// placeholders for verbs to come.
//
// Over several connections (issue 14, like virt-manager): a connection list above the pages in the side bar,
// "This computer" first, each connection with its own Plugins and Volumes pages (made once its engine is), its
// state on its row (connecting, connected, the error), and a page with the error and Retry while it has no engine.
// The actions, menus and status bar act on the selected connection; the accessors below (pluginsPage(),
// volumesPage(), jobWatcher(), ...) are the selected connection's, null while it has no engine.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    // The window on one engine, which the caller owns: no connection list (the window tests, `plugdesk --root`).
    explicit MainWindow(core::Engine *engine, QWidget *parent = nullptr);
    // The window over `connections` (which must outlive it): the connection list, Add and Remove Connection.
    explicit MainWindow(ConnectionSet *connections, QWidget *parent = nullptr);
    ~MainWindow() override;

    // PluginsPage::refresh, refreshStates and reload (Refresh, F5, Try Again) of the selected connection.
    void refresh();
    void refreshStates();
    void reload();

    // The connection list (hidden in the one-engine window) and the selected connection.
    QListWidget *connectionList() const { return m_connectionList; }
    WindowConnection *currentConnection() const;
    void showConnection(WindowConnection *connection);
    // A connection's pages, null while it has no engine; the page shown instead (its state, the error, Retry).
    PluginsPage *pluginsPageOf(WindowConnection *connection) const;
    VolumesPage *volumesPageOf(WindowConnection *connection) const;
    QWidget *connectionPageOf(WindowConnection *connection) const;
    QAction *addConnectionAction() const { return m_addConnectionAction; }
    QAction *removeConnectionAction() const { return m_removeConnectionAction; }
    // Opens the Add Connection dialog (a URL, or one of Docker's contexts); the connection is saved and listed.
    void addConnection();
    // Asks, then forgets the selected saved connection.
    void removeConnection();

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
    QString selectedPluginId() const { return m_plugins ? m_plugins->selectedPluginId() : QString(); }
    void selectPlugin(const QString &id)
    {
        if (m_plugins)
            m_plugins->selectPlugin(id);
    }

    PluginsPage *pluginsPage() const { return m_plugins; }
    PluginListModel *pluginModel() const { return m_plugins ? m_plugins->model() : nullptr; }
    QTableView *pluginTable() const { return m_plugins ? m_plugins->table() : nullptr; }
    QLineEdit *filterEdit() const { return m_plugins ? m_plugins->filterEdit() : nullptr; }
    PluginDetailsView *detailsView() const { return m_plugins ? m_plugins->detailsView() : nullptr; }
    QLabel *problemsBanner() const { return m_plugins ? m_plugins->problemsBanner() : nullptr; }
    // The page shown instead of the table while the plugins are read, or when they cannot be.
    QWidget *statusPage() const { return m_plugins ? m_plugins->statusPage() : nullptr; }
    QLabel *statusText() const { return m_plugins ? m_plugins->statusText() : nullptr; }
    QPushButton *tryAgainButton() const { return m_plugins ? m_plugins->tryAgainButton() : nullptr; }
    JobWatcher *jobWatcher() const { return m_plugins ? m_plugins->jobWatcher() : nullptr; }
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
    // View > Plugins (Ctrl+1), View > Volumes (Ctrl+2), ...: the action that shows page `index`.
    QAction *pageAction(int index) const { return m_pageActions.value(index); }

    // Export: asks where (a file dialog, objectName "exportFileDialog"), then writes the selected plugin's bundle.
    void exportSelected();
    // Import: asks for a bundle (objectName "importFileDialog") unless `file` is given, reads which plugin it holds
    // and what it may do, asks for the local name and whether to enable it (ImportDialog), then for the privileges,
    // then imports it.
    void importBundle(const QString &file = {});

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    struct Pane;

    // What both constructors do once the connections are known.
    void setUp();
    void createActions();
    void createVolumeMenu();
    // The selected connection's Volume menu entries (its Volumes page's actions).
    void fillVolumeMenu();
    void addPane(WindowConnection *connection);
    // Makes a connection's Plugins and Volumes pages once it has an engine.
    void buildPages(Pane &pane);
    void removePane(WindowConnection *connection);
    void updateConnectionRow(const Pane &pane);
    Pane *paneOf(WindowConnection *connection) const;
    Pane *currentPane() const;
    void selectPane(int index);
    // The widget page `index` (0 Plugins, 1 Volumes, more from addPage) shows for the selected connection.
    QWidget *pageWidget(int index) const;
    void updateActions();
    void showContextMenu(const QPoint &position);
    void enableSelected();
    void disableSelected();
    void startDisable(const QString &id, const QString &name, bool force = false);
    // The plugin drives volumes mounted through Plugdesk: names them (the engine's reason) and offers Force Disable.
    void offerForceDisable(const QString &id, const QString &name, const QString &reason);
    void startRemove(const QString &id, const QString &name, bool force);
    // The Upgrade dialog for the (disabled) plugin `id`; `enableAfterwards`: it was disabled for the upgrade, and is
    // enabled again once the upgrade ended, failed or was cancelled.
    void openUpgradeDialog(const QString &id, bool enableAfterwards);
    // Shows `job` in a progress window, then reports its end as watchJob does.
    void followWithProgress(core::Job *job, const QString &failureText,
                            std::function<void(const QVariant &)> onSuccess = {});
    // Follows a job this window started (JobWatcher): waiting for authorisation shown in the page, on failure a
    // message with the engine's reason; then deletes it. `onFailure` may take over a failure (returns true).
    void watchJob(core::Job *job, const QString &failureText, std::function<void(const QVariant &)> onSuccess = {},
                  std::function<bool(const core::Error &)> onFailure = {});
    const core::Plugin *selectedPlugin() const { return m_plugins ? m_plugins->selectedPlugin() : nullptr; }

    // The selected connection's engine and pages (null while it has none).
    core::Engine *m_engine = nullptr;
    ConnectionSet *m_connections = nullptr; // null in the one-engine window
    std::vector<std::unique_ptr<Pane>> m_panes;
    int m_currentPane = -1;
    int m_pageIndex = 0;
    QList<QWidget *> m_extraPages; // addPage's, index m_perConnectionPages on: the same for every connection
    int m_perConnectionPages = 2;  // Plugins, Volumes; and Cluster in the window over several connections
    QWidget *m_connectionBox = nullptr;
    QListWidget *m_connectionList = nullptr;
    QAction *m_addConnectionAction = nullptr;
    QAction *m_removeConnectionAction = nullptr;
    QMenu *m_volumeMenu = nullptr;
    QToolBar *m_toolBar = nullptr;
    QAction *m_filterAnchor = nullptr; // the toolbar's spacer: each connection's filter box goes after it
    QListWidget *m_sidebar = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QActionGroup *m_pageGroup = nullptr;
    QStackedWidget *m_pages = nullptr;
    PluginsPage *m_plugins = nullptr;
    VolumesPage *m_volumesPage = nullptr;
    QLabel *m_status = nullptr;
    JobsIndicator *m_jobs = nullptr;
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
    QList<QAction *> m_pluginActions; // shown while the Plugins page is (the selected connection's filter box too)
    QList<QAction *> m_volumeActions; // shown while the Volumes page is (the Volume menu and its actions)
    QList<QAction *> m_pageActions;   // View > Plugins, Volumes (Ctrl+1, Ctrl+2): one per page, checked when shown
};

} // namespace ui
