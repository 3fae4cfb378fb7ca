// Over 600 lines: the window frame holds every plugin action and the dialogs they open; the page is PluginsPage.
#include "ui/mainwindow.h"

#include "core/docker/dockerengine.h"
#include "core/engine/engine.h"
#include "core/plugin/reference.h"
#include "ui/addconnectiondialog.h"
#include "ui/clusterpluginsview.h"
#include "ui/connectionset.h"
#include "ui/createplugindialog.h"
#include "ui/icons.h"
#include "ui/importdialog.h"
#include "ui/installdialog.h"
#include "ui/jobprogressdialog.h"
#include "ui/jobsindicator.h"
#include "ui/jobwatcher.h"
#include "ui/logindialog.h"
#include "ui/plugindetailsview.h"
#include "ui/pluginlistmodel.h"
#include "ui/pluginsettingsview.h"
#include "ui/pluginspage.h"
#include "ui/volumespage.h"
#include "ui/windowconnection.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>
#include <QVBoxLayout>

namespace ui {

namespace {

// The one local folder in a drag, or empty.
QString draggedFolder(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1 || !mime->urls().first().isLocalFile())
        return {};
    return mime->urls().first().toLocalFile();
}

bool isActive(const std::optional<core::PluginRuntimeState> &state)
{
    using Status = core::PluginRuntimeState::Status;
    return state && (state->status == Status::Running || state->status == Status::Starting ||
                     state->status == Status::Restarting);
}

} // namespace

// One connection's pages and the widgets that follow it.
struct MainWindow::Pane
{
    WindowConnection *connection = nullptr;
    PluginsPage *plugins = nullptr;
    VolumesPage *volumes = nullptr;
    JobsIndicator *jobs = nullptr;
    QWidget *jobsBox = nullptr;      // holds `jobs` in the status bar: shown for the selected connection only
    QAction *filterAction = nullptr; // the Plugins page's filter box in the toolbar
    QString summary;                 // PluginsPage::summaryChanged's last line
    // Shown for Plugins and Volumes while the connection has no engine: its state, the error and Retry.
    QWidget *statusView = nullptr;
    QLabel *statusText = nullptr;
    QPushButton *retry = nullptr;
    QListWidgetItem *row = nullptr;
    // The Cluster page (the window over several connections): a Docker Engine's Swarm plugin services
    // (ClusterPluginsView), or for this computer's store a page that says what the Cluster page is for.
    QWidget *cluster = nullptr;
};

MainWindow::MainWindow(core::Engine *engine, QWidget *parent)
    : QMainWindow(parent)
{
    auto *connection = new WindowConnection(ConnectionSet::thisComputer(), engine, this);
    setUp();
    addPane(connection);
    selectPane(0);
}

MainWindow::MainWindow(ConnectionSet *connections, QWidget *parent)
    : QMainWindow(parent)
    , m_connections(connections)
{
    setUp();
    m_connectionBox->show();
    m_sidebar->setFixedWidth(200);
    // Each connection's third page: a Swarm's plugin services, on a connection to a Docker Engine.
    addPage(themeIcon(QStringLiteral("network-workgroup"), QStringLiteral("cluster")), tr("Cluster"), nullptr);
    m_perConnectionPages = 3;
    const QList<WindowConnection *> list = connections->connections();
    for (WindowConnection *connection : list)
        addPane(connection);
    connect(connections, &ConnectionSet::added, this, [this](WindowConnection *connection) {
        addPane(connection);
        selectPane(static_cast<int>(m_panes.size()) - 1);
    });
    connect(connections, &ConnectionSet::aboutToRemove, this, &MainWindow::removePane);
    selectPane(0);
    // Each connection makes its engine after the window is up; one that is slow or fails shows it on its own row.
    for (WindowConnection *connection : list)
        connection->connectLater();
}

void MainWindow::setUp()
{
    setWindowTitle(tr("Plugdesk"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/plugdesk.svg")));
    setAcceptDrops(true);

    m_pages = new QStackedWidget;
    m_sidebar = new QListWidget;
    createActions();

    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setAccessibleName(tr("Pages"));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setIconSize(QSize(22, 22));
    m_sidebar->setSpacing(2);
    m_sidebar->setFixedWidth(150);
    m_sidebar->setBackgroundRole(QPalette::AlternateBase);
    m_sidebar->setAutoFillBackground(true);
    m_sidebar->setStyleSheet(QStringLiteral("QListWidget#sidebar::item { padding: 6px 4px; }"));
    connect(m_sidebar, &QListWidget::currentRowChanged, this, &MainWindow::showPage);

    // The connection list above the pages (hidden in the one-engine window): a row per connection with its state.
    m_connectionBox = new QWidget;
    m_connectionBox->setObjectName(QStringLiteral("connectionBox"));
    m_connectionBox->setBackgroundRole(QPalette::AlternateBase);
    m_connectionBox->setAutoFillBackground(true);
    auto *connectionLayout = new QVBoxLayout(m_connectionBox);
    connectionLayout->setContentsMargins(4, 6, 4, 4);
    connectionLayout->setSpacing(4);
    auto *connectionsTitle = new QLabel(tr("<b>Connections</b>"));
    connectionLayout->addWidget(connectionsTitle);
    m_connectionList = new QListWidget;
    m_connectionList->setObjectName(QStringLiteral("connectionList"));
    m_connectionList->setAccessibleName(tr("Connections"));
    m_connectionList->setFrameShape(QFrame::NoFrame);
    m_connectionList->setIconSize(QSize(22, 22));
    m_connectionList->setWordWrap(true);
    m_connectionList->setTextElideMode(Qt::ElideRight);
    m_connectionList->setFixedWidth(192);
    m_connectionList->setMinimumHeight(150);
    m_connectionList->setStyleSheet(QStringLiteral("QListWidget#connectionList::item { padding: 4px 2px; }"));
    m_connectionList->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_connectionList->addAction(m_addConnectionAction);
    m_connectionList->addAction(m_removeConnectionAction);
    connectionsTitle->setBuddy(m_connectionList);
    connect(m_connectionList, &QListWidget::currentRowChanged, this, &MainWindow::selectPane);
    connectionLayout->addWidget(m_connectionList, 1);
    auto *connectionButtons = new QHBoxLayout;
    for (QAction *action : {m_addConnectionAction, m_removeConnectionAction}) {
        auto *button = new QToolButton;
        button->setDefaultAction(action);
        button->setToolButtonStyle(Qt::ToolButtonIconOnly);
        button->setAutoRaise(true);
        connectionButtons->addWidget(button);
    }
    connectionButtons->addStretch(1);
    connectionLayout->addLayout(connectionButtons);
    m_connectionBox->hide();

    auto *sideColumn = new QWidget;
    auto *sideLayout = new QVBoxLayout(sideColumn);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->setSpacing(0);
    sideLayout->addWidget(m_connectionBox);
    sideLayout->addWidget(m_sidebar, 1);

    auto *central = new QWidget;
    auto *centralLayout = new QHBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(sideColumn);
    auto *line = new QFrame;
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    centralLayout->addWidget(line);
    centralLayout->addWidget(m_pages, 1);
    setCentralWidget(central);

    addPage(themeIcon(QStringLiteral("application-x-addon"), QStringLiteral("plugin")), tr("Plugins"), nullptr);
    addPage(themeIcon(QStringLiteral("drive-harddisk"), QStringLiteral("volume")), tr("Volumes"), nullptr);
    createVolumeMenu();
    // F5 refreshes the page shown: the Volumes page has its own Refresh.
    m_pluginActions.append(m_refreshAction);

    m_status = new QLabel;
    statusBar()->addWidget(m_status, 1);
    // A message (showMessage) stands in for the summary while it lasts. QStatusBar hides the summary itself but
    // clears its explicit hide, so that the next layout of the bar (the jobs indicator coming or going) showed it
    // again under the message; hidden explicitly here, it stays hidden until the message is gone.
    connect(statusBar(), &QStatusBar::messageChanged, m_status,
            [this](const QString &message) { m_status->setVisible(message.isEmpty()); });

    resize(1100, 720);
    QSettings settings;
    if (settings.contains(QStringLiteral("window/geometry")))
        restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
}

void MainWindow::addPane(WindowConnection *connection)
{
    auto pane = std::make_unique<Pane>();
    pane->connection = connection;
    pane->statusView = new QWidget;
    pane->statusView->setObjectName(QStringLiteral("connectionPage"));
    auto *layout = new QVBoxLayout(pane->statusView);
    layout->addStretch(1);
    pane->statusText = new QLabel;
    pane->statusText->setObjectName(QStringLiteral("connectionStatusText"));
    pane->statusText->setAlignment(Qt::AlignCenter);
    pane->statusText->setWordWrap(true);
    pane->statusText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(pane->statusText);
    pane->retry = new QPushButton(tr("&Retry"));
    pane->retry->setObjectName(QStringLiteral("connectionRetry"));
    connect(pane->retry, &QPushButton::clicked, connection, &WindowConnection::retry);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(pane->retry);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addStretch(2);

    pane->jobsBox = new QWidget;
    auto *jobsLayout = new QHBoxLayout(pane->jobsBox);
    jobsLayout->setContentsMargins(0, 0, 0, 0);
    statusBar()->addPermanentWidget(pane->jobsBox);
    pane->jobsBox->hide();

    pane->row = new QListWidgetItem(m_connectionList);
    Pane *raw = pane.get();
    m_panes.push_back(std::move(pane));
    connect(connection, &WindowConnection::stateChanged, this, [this, raw] { updateConnectionRow(*raw); });
    connect(connection, &WindowConnection::engineReady, this, [this, raw] {
        buildPages(*raw);
        if (currentPane() == raw)
            selectPane(m_currentPane);
    });
    if (connection->engine())
        buildPages(*raw);
    // After the pages: in the one-engine window the stack holds Plugins, Volumes, then this (never shown there).
    m_pages->addWidget(raw->statusView);
    updateConnectionRow(*raw);
}

void MainWindow::buildPages(Pane &pane)
{
    core::Engine *engine = pane.connection->engine();
    if (pane.plugins || !engine)
        return;
    Pane *raw = &pane;
    auto isCurrent = [this, raw] { return currentPane() == raw; };
    pane.plugins = new PluginsPage(engine);
    connect(pane.plugins, &PluginsPage::selectionChanged, this, [this, isCurrent] {
        if (isCurrent())
            updateActions();
    });
    connect(pane.plugins, &PluginsPage::summaryChanged, this, [this, raw, isCurrent](const QString &text) {
        raw->summary = text;
        if (isCurrent())
            m_status->setText(text);
    });
    connect(pane.plugins, &PluginsPage::reloadingChanged, m_refreshAction, [this, isCurrent](bool reloading) {
        if (isCurrent())
            m_refreshAction->setEnabled(!reloading);
    });
    connect(pane.plugins->table(), &QWidget::customContextMenuRequested, this, &MainWindow::showContextMenu);
    connect(pane.plugins->detailsView()->settingsView(), &PluginSettingsView::applied, this,
            [this](const QString &name) { statusBar()->showMessage(tr("Settings of %1 applied.").arg(name), 5000); });
    m_pages->addWidget(pane.plugins);
    // Each connection's filter box sits in the toolbar; only the selected one's is shown.
    pane.filterAction = m_toolBar->addWidget(pane.plugins->filterEdit());
    pane.filterAction->setVisible(false);

    pane.volumes = new VolumesPage(engine);
    m_pages->addWidget(pane.volumes);
    // A volume driver's Go to Plugin: the Plugins page, with that plugin selected.
    connect(pane.volumes, &VolumesPage::showPluginRequested, this, [this, raw](const QString &pluginId) {
        showPage(0);
        raw->plugins->selectPlugin(pluginId);
    });
    for (QAction *action :
         {pane.volumes->newVolumeAction(), pane.volumes->removeAction(), pane.volumes->refreshAction(),
          pane.volumes->copyNameAction(), pane.volumes->copyMountpointAction()})
        action->setVisible(false);

    pane.jobs = new JobsIndicator(engine);
    pane.jobsBox->layout()->addWidget(pane.jobs);

    if (m_connections) {
        if (auto *docker = qobject_cast<core::DockerEngine *>(engine)) {
            // Polls the Swarm only while shown (ClusterPluginsView); the client is the engine's, which outlives it.
            pane.cluster = new ClusterPluginsView(docker->client());
        } else {
            auto *label = new QLabel(tr("The Cluster page installs a plugin on every node of a Docker Swarm. "
                                        "Add a connection to a Swarm manager (unix:// or ssh://, with "
                                        "File › Add Connection…) and choose it in the list on the left."));
            label->setWordWrap(true);
            label->setAlignment(Qt::AlignCenter);
            label->setMargin(24);
            pane.cluster = label;
        }
        pane.cluster->setObjectName(QStringLiteral("clusterPage"));
        m_pages->addWidget(pane.cluster);
    }

    // Tab goes sidebar -> filter -> list -> details on each page (a hidden page's widgets are skipped).
    QWidget::setTabOrder(m_sidebar, pane.plugins->filterEdit());
    QWidget::setTabOrder(pane.plugins->filterEdit(), pane.plugins->table());
    QWidget::setTabOrder(pane.plugins->table(), pane.plugins->detailsView());
    QWidget::setTabOrder(pane.plugins->detailsView(), pane.volumes->filterEdit());
    QWidget::setTabOrder(pane.volumes->filterEdit(), pane.volumes->treeView());
    QWidget::setTabOrder(pane.volumes->treeView(), pane.volumes->detailsView());

    QSettings settings;
    pane.plugins->restoreState(settings);
    pane.plugins->refresh();
    // Shown first, filled when the engine has read (through the helper, after polkit answered; from a Docker Engine,
    // once it answered). An engine that reads where it is (LocalEngine) is ready already, and the refresh above
    // showed its plugins: no second read, and Refresh is not greyed out right after the first paint.
    if (engine->readiness() != core::Engine::Readiness::Ready)
        QTimer::singleShot(0, pane.plugins, &PluginsPage::reload);
}

void MainWindow::removePane(WindowConnection *connection)
{
    const auto found = std::find_if(m_panes.begin(), m_panes.end(),
                                    [connection](const auto &pane) { return pane->connection == connection; });
    if (found == m_panes.end())
        return;
    const int index = static_cast<int>(found - m_panes.begin());
    std::unique_ptr<Pane> pane = std::move(*found);
    m_panes.erase(found);
    m_pluginActions.removeOne(pane->filterAction);
    if (m_currentPane == index) {
        // Its Volume menu entries are its Volumes page's actions, which go with the page.
        m_volumeMenu->clear();
        m_volumeActions = {m_volumeMenu->menuAction()};
        m_currentPane = -1;
        m_engine = nullptr;
        m_plugins = nullptr;
        m_volumesPage = nullptr;
        m_jobs = nullptr;
    } else if (m_currentPane > index) {
        --m_currentPane;
    }
    // The pages go now, before the connection deletes its engine.
    const QSignalBlocker blocker(m_connectionList);
    delete pane->row;
    delete pane->filterAction;
    delete pane->plugins;
    delete pane->volumes;
    delete pane->cluster;
    delete pane->jobsBox;
    delete pane->statusView;
    if (m_currentPane < 0)
        selectPane(qMin(index, static_cast<int>(m_panes.size()) - 1));
}

void MainWindow::updateConnectionRow(const Pane &pane)
{
    WindowConnection *connection = pane.connection;
    QString icon;
    QString fallback;
    switch (connection->state()) {
    case WindowConnection::State::Connecting:
        icon = QStringLiteral("network-connect");
        fallback = QStringLiteral("refresh");
        break;
    case WindowConnection::State::Connected:
        icon = connection->entry().source == core::ConnectionSource::ThisComputer ? QStringLiteral("computer")
                                                                                  : QStringLiteral("network-server");
        fallback = QStringLiteral("plugin");
        break;
    case WindowConnection::State::Failed:
        icon = QStringLiteral("network-error");
        fallback = QStringLiteral("remove");
        break;
    }
    QString state = connection->stateText();
    // The row holds the first line; the whole error is in the tooltip and on the connection's page.
    const QString firstLine = state.section(QLatin1Char('\n'), 0, 0);
    pane.row->setIcon(connection->state() == WindowConnection::State::Failed
                          ? style()->standardIcon(QStyle::SP_MessageBoxWarning)
                          : themeIcon(icon, fallback));
    pane.row->setText(connection->displayName() + QLatin1Char('\n') +
                      fontMetrics().elidedText(firstLine, Qt::ElideRight, 170));
    pane.row->setToolTip(QStringLiteral("%1 (%2)\n%3").arg(connection->displayName(), connection->url(), state));
    pane.row->setData(Qt::AccessibleTextRole, tr("%1, %2").arg(connection->displayName(), connection->stateText()));
    pane.row->setData(Qt::UserRole, connection->name());

    const bool failed = connection->state() == WindowConnection::State::Failed;
    pane.statusText->setText(
        failed ? tr("<b>%1</b> cannot be reached.<br>%2")
                     .arg(connection->displayName().toHtmlEscaped(), connection->errorText().toHtmlEscaped())
               : tr("Connecting to %1 (%2)…")
                     .arg(connection->displayName().toHtmlEscaped(), connection->url().toHtmlEscaped()));
    pane.retry->setVisible(failed);
    if (currentPane() == &pane && !pane.plugins && m_status)
        m_status->setText(connection->stateText());
}

MainWindow::Pane *MainWindow::paneOf(WindowConnection *connection) const
{
    for (const auto &pane : m_panes) {
        if (pane->connection == connection)
            return pane.get();
    }
    return nullptr;
}

MainWindow::Pane *MainWindow::currentPane() const
{
    return m_currentPane >= 0 && m_currentPane < static_cast<int>(m_panes.size()) ? m_panes[m_currentPane].get()
                                                                                  : nullptr;
}

WindowConnection *MainWindow::currentConnection() const
{
    const Pane *pane = currentPane();
    return pane ? pane->connection : nullptr;
}

void MainWindow::showConnection(WindowConnection *connection)
{
    for (int index = 0; index < static_cast<int>(m_panes.size()); ++index) {
        if (m_panes[index]->connection == connection)
            selectPane(index);
    }
}

PluginsPage *MainWindow::pluginsPageOf(WindowConnection *connection) const
{
    const Pane *pane = paneOf(connection);
    return pane ? pane->plugins : nullptr;
}

VolumesPage *MainWindow::volumesPageOf(WindowConnection *connection) const
{
    const Pane *pane = paneOf(connection);
    return pane ? pane->volumes : nullptr;
}

QWidget *MainWindow::connectionPageOf(WindowConnection *connection) const
{
    const Pane *pane = paneOf(connection);
    return pane ? pane->statusView : nullptr;
}

void MainWindow::selectPane(int index)
{
    if (index < 0 || index >= static_cast<int>(m_panes.size()))
        return;
    if (Pane *previous = currentPane(); previous && previous != m_panes[index].get()) {
        if (previous->filterAction)
            previous->filterAction->setVisible(false);
        previous->jobsBox->hide();
        m_pluginActions.removeOne(previous->filterAction);
    }
    m_currentPane = index;
    Pane &pane = *m_panes[index];
    if (m_connectionList->currentRow() != index) {
        const QSignalBlocker blocker(m_connectionList);
        m_connectionList->setCurrentRow(index);
    }
    m_engine = pane.plugins ? pane.connection->engine() : nullptr;
    m_plugins = pane.plugins;
    m_volumesPage = pane.volumes;
    m_jobs = pane.jobs;
    pane.jobsBox->setVisible(pane.jobs);
    if (pane.filterAction && !m_pluginActions.contains(pane.filterAction))
        m_pluginActions.append(pane.filterAction);
    m_removeConnectionAction->setEnabled(pane.connection->entry().source == core::ConnectionSource::Saved);
    for (QAction *action : {m_installAction, m_createAction, m_importAction, m_loginAction})
        action->setEnabled(m_engine);
    m_refreshAction->setEnabled(m_plugins && !m_plugins->isReloading());
    m_status->setText(m_plugins ? pane.summary : pane.connection->stateText());
    fillVolumeMenu();
    showPage(m_pageIndex);
    updateActions();
}

QWidget *MainWindow::pageWidget(int index) const
{
    if (index >= m_perConnectionPages)
        return m_extraPages.value(index - m_perConnectionPages);
    const Pane *pane = currentPane();
    if (!pane)
        return nullptr;
    if (!pane->plugins)
        return pane->statusView;
    if (index == 2)
        return pane->cluster;
    return index == 0 ? static_cast<QWidget *>(pane->plugins) : pane->volumes;
}

void MainWindow::refresh()
{
    if (m_plugins)
        m_plugins->refresh();
}

void MainWindow::refreshStates()
{
    if (m_plugins)
        m_plugins->refreshStates();
}

void MainWindow::reload()
{
    if (m_plugins)
        m_plugins->reload();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    m_enableAction =
        new QAction(themeIcon(QStringLiteral("media-playback-start"), QStringLiteral("enable")), tr("&Enable"), this);
    m_enableAction->setObjectName(QStringLiteral("enableAction"));
    m_enableAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_enableAction->setToolTip(tr("Start the selected plugin (Ctrl+E)"));
    connect(m_enableAction, &QAction::triggered, this, &MainWindow::enableSelected);

    m_disableAction =
        new QAction(themeIcon(QStringLiteral("media-playback-stop"), QStringLiteral("disable")), tr("&Disable"), this);
    m_disableAction->setObjectName(QStringLiteral("disableAction"));
    m_disableAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_disableAction->setToolTip(tr("Stop the selected plugin (Ctrl+D)"));
    connect(m_disableAction, &QAction::triggered, this, &MainWindow::disableSelected);

    m_createAction = new QAction(themeIcon(QStringLiteral("folder-new"), QStringLiteral("create")),
                                 tr("&Create from Folder…"), this);
    m_createAction->setObjectName(QStringLiteral("createAction"));
    m_createAction->setShortcut(QKeySequence::New);
    m_createAction->setToolTip(tr("Make a plugin from a folder with config.json and rootfs/ (Ctrl+N); you can also "
                                  "drop the folder on the window"));
    m_createAction->setIconText(tr("Create"));
    connect(m_createAction, &QAction::triggered, this, [this] { createFromFolder(); });

    m_refreshAction =
        new QAction(themeIcon(QStringLiteral("view-refresh"), QStringLiteral("refresh")), tr("&Refresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshAction"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setToolTip(tr("Read the plugins again (F5)"));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::reload);

    m_installAction =
        new QAction(themeIcon(QStringLiteral("download"), QStringLiteral("install")), tr("&Install…"), this);
    m_installAction->setObjectName(QStringLiteral("installAction"));
    m_installAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    m_installAction->setIconText(tr("Install"));
    m_installAction->setToolTip(tr("Install a plugin from a registry (Ctrl+I)"));
    connect(m_installAction, &QAction::triggered, this, [this] { installPlugin(); });

    m_removeAction =
        new QAction(themeIcon(QStringLiteral("edit-delete"), QStringLiteral("remove")), tr("&Remove…"), this);
    m_removeAction->setObjectName(QStringLiteral("removeAction"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setIconText(tr("Remove"));
    m_removeAction->setToolTip(tr("Remove the selected plugin (Delete)"));
    connect(m_removeAction, &QAction::triggered, this, &MainWindow::removeSelected);

    m_upgradeAction = new QAction(themeIcon(QStringLiteral("system-software-update"), QStringLiteral("upgrade")),
                                  tr("&Upgrade…"), this);
    m_upgradeAction->setObjectName(QStringLiteral("upgradeAction"));
    m_upgradeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_U));
    m_upgradeAction->setIconText(tr("Upgrade"));
    m_upgradeAction->setToolTip(tr("Replace the selected plugin with another version (Ctrl+U)"));
    connect(m_upgradeAction, &QAction::triggered, this, &MainWindow::upgradeSelected);

    m_pushAction = new QAction(themeIcon(QStringLiteral("document-send"), QStringLiteral("push")), tr("&Push…"), this);
    m_pushAction->setObjectName(QStringLiteral("pushAction"));
    m_pushAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
    m_pushAction->setIconText(tr("Push"));
    m_pushAction->setToolTip(tr("Upload the selected plugin to the registry its name names (Ctrl+Shift+P)"));
    connect(m_pushAction, &QAction::triggered, this, &MainWindow::pushSelected);

    m_loginAction = new QAction(themeIcon(QStringLiteral("dialog-password"), QStringLiteral("login")),
                                tr("&Log In to a Registry…"), this);
    m_loginAction->setObjectName(QStringLiteral("loginAction"));
    m_loginAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_loginAction->setToolTip(tr("Save a registry login for install, upgrade and push (Ctrl+L)"));
    connect(m_loginAction, &QAction::triggered, this, &MainWindow::loginToRegistry);

    m_exportAction =
        new QAction(themeIcon(QStringLiteral("document-save-as"), QStringLiteral("export")), tr("&Export…"), this);
    m_exportAction->setObjectName(QStringLiteral("exportAction"));
    m_exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    m_exportAction->setToolTip(
        tr("Save the selected plugin as a bundle file for a machine without a registry (Ctrl+Shift+E)"));
    connect(m_exportAction, &QAction::triggered, this, &MainWindow::exportSelected);

    m_importAction =
        new QAction(themeIcon(QStringLiteral("document-open"), QStringLiteral("import")), tr("I&mport…"), this);
    m_importAction->setObjectName(QStringLiteral("importAction"));
    m_importAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    m_importAction->setToolTip(tr("Install a plugin from a bundle file made with Export (Ctrl+Shift+I)"));
    connect(m_importAction, &QAction::triggered, this, [this] { importBundle(); });

    m_copyIdAction =
        new QAction(themeIcon(QStringLiteral("edit-copy"), QStringLiteral("plugin")), tr("Copy &ID"), this);
    connect(m_copyIdAction, &QAction::triggered, this, [this] {
        if (const core::Plugin *plugin = selectedPlugin())
            QApplication::clipboard()->setText(plugin->id);
    });
    m_copyNameAction = new QAction(tr("Copy &Name"), this);
    connect(m_copyNameAction, &QAction::triggered, this, [this] {
        if (const core::Plugin *plugin = selectedPlugin())
            QApplication::clipboard()->setText(plugin->name());
    });

    auto *quitAction = new QAction(QIcon::fromTheme(QStringLiteral("application-exit")), tr("&Quit"), this);
    quitAction->setShortcut(QKeySequence::Quit);
    connect(quitAction, &QAction::triggered, this, &QWidget::close);
    auto *aboutAction = new QAction(tr("&About Plugdesk"), this);
    connect(aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Plugdesk"),
            tr("<h3>Plugdesk %1</h3><p>A desktop manager for Docker managed plugins.</p>"
               "<p>Store: <tt>%2</tt></p>")
                .arg(QStringLiteral(PLUGDESK_VERSION), m_engine ? m_engine->location().toHtmlEscaped() : QString()));
    });

    m_addConnectionAction =
        new QAction(themeIcon(QStringLiteral("list-add"), QStringLiteral("add")), tr("&Add Connection…"), this);
    m_addConnectionAction->setObjectName(QStringLiteral("addConnectionAction"));
    m_addConnectionAction->setToolTip(tr("Connect to another store or Docker Engine"));
    connect(m_addConnectionAction, &QAction::triggered, this, &MainWindow::addConnection);
    m_removeConnectionAction = new QAction(themeIcon(QStringLiteral("list-remove"), QStringLiteral("remove")),
                                           tr("Re&move Connection…"), this);
    m_removeConnectionAction->setObjectName(QStringLiteral("removeConnectionAction"));
    m_removeConnectionAction->setToolTip(tr("Forget the selected connection"));
    connect(m_removeConnectionAction, &QAction::triggered, this, &MainWindow::removeConnection);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_installAction);
    fileMenu->addAction(m_createAction);
    fileMenu->addAction(m_importAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_loginAction);
    fileMenu->addSeparator();
    if (m_connections) {
        fileMenu->addAction(m_addConnectionAction);
        fileMenu->addAction(m_removeConnectionAction);
        fileMenu->addSeparator();
    }
    fileMenu->addAction(quitAction);
    QMenu *pluginMenu = menuBar()->addMenu(tr("&Plugin"));
    // The Plugin menu holds only the Plugins page's actions: it goes away with them on other pages.
    m_pluginActions.append(pluginMenu->menuAction());
    pluginMenu->addAction(m_enableAction);
    pluginMenu->addAction(m_disableAction);
    pluginMenu->addSeparator();
    pluginMenu->addAction(m_upgradeAction);
    pluginMenu->addAction(m_pushAction);
    pluginMenu->addAction(m_exportAction);
    pluginMenu->addAction(m_removeAction);
    pluginMenu->addSeparator();
    pluginMenu->addAction(m_copyIdAction);
    pluginMenu->addAction(m_copyNameAction);
    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_viewMenu->addAction(m_refreshAction);
    m_helpMenu = menuBar()->addMenu(tr("&Help"));
    m_helpMenu->addAction(aboutAction);

    auto *toolBar = addToolBar(tr("Main"));
    m_toolBar = toolBar;
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_installAction);
    toolBar->addAction(m_createAction);
    m_pluginActions.append(toolBar->addSeparator());
    toolBar->addAction(m_enableAction);
    toolBar->addAction(m_disableAction);
    m_pluginActions.append(toolBar->addSeparator());
    toolBar->addAction(m_upgradeAction);
    toolBar->addAction(m_pushAction);
    toolBar->addAction(m_removeAction);
    m_pluginActions.append(toolBar->addSeparator());
    toolBar->addAction(m_refreshAction);
    m_pluginActions.append({m_installAction, m_createAction, m_enableAction, m_disableAction, m_upgradeAction,
                            m_pushAction, m_removeAction, m_exportAction, m_importAction});
    // Screen readers read a tool button's accessible name; the action's text has the mnemonic and the ellipsis.
    const QList<QPair<QAction *, QString>> spoken{{m_installAction, tr("Install a plugin")},
                                                  {m_createAction, tr("Create a plugin from a folder")},
                                                  {m_enableAction, tr("Enable the selected plugin")},
                                                  {m_disableAction, tr("Disable the selected plugin")},
                                                  {m_upgradeAction, tr("Upgrade the selected plugin")},
                                                  {m_pushAction, tr("Push the selected plugin")},
                                                  {m_removeAction, tr("Remove the selected plugin")},
                                                  {m_refreshAction, tr("Refresh the plugin list")}};
    for (const auto &[action, name] : spoken) {
        if (QWidget *button = toolBar->widgetForAction(action))
            button->setAccessibleName(name);
    }
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_filterAnchor = toolBar->addWidget(spacer);
    auto *focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence::Find);
    connect(focusFilter, &QAction::triggered, this, [this] {
        if (m_plugins)
            m_plugins->filterEdit()->setFocus();
    });
    addAction(focusFilter);
}

void MainWindow::createVolumeMenu()
{
    // The Volumes page's own actions, in a menu of their own between Plugin and View; shown with the page.
    m_volumeMenu = new QMenu(tr("V&olume"), this);
    m_volumeMenu->setObjectName(QStringLiteral("volumeMenu"));
    menuBar()->insertMenu(m_viewMenu->menuAction(), m_volumeMenu);
    m_volumeMenu->menuAction()->setVisible(false);
}

void MainWindow::fillVolumeMenu()
{
    // Hidden actions take no shortcuts: the Plugins page's Delete and the Volumes page's never compete, nor do two
    // connections' Volumes pages.
    for (QAction *action : std::as_const(m_volumeActions))
        action->setVisible(false);
    m_volumeMenu->clear();
    m_volumeActions = {m_volumeMenu->menuAction()};
    if (m_volumesPage) {
        m_volumeMenu->addAction(m_volumesPage->newVolumeAction());
        m_volumeMenu->addAction(m_volumesPage->removeAction());
        m_volumeMenu->addSeparator();
        m_volumeMenu->addAction(m_volumesPage->copyNameAction());
        m_volumeMenu->addAction(m_volumesPage->copyMountpointAction());
        m_volumeMenu->addSeparator();
        m_volumeMenu->addAction(m_volumesPage->refreshAction());
        m_volumeActions +=
            {m_volumesPage->newVolumeAction(), m_volumesPage->removeAction(), m_volumesPage->refreshAction(),
             m_volumesPage->copyNameAction(), m_volumesPage->copyMountpointAction()};
    }
    for (QAction *action : std::as_const(m_volumeActions))
        action->setVisible(m_pageIndex == 1 && m_volumesPage);
}

int MainWindow::addPage(const QIcon &icon, const QString &title, QWidget *page)
{
    // Plugins and Volumes (page null) are each connection's own; a page added later is the same for all.
    const int index = m_sidebar->count();
    if (page) {
        m_pages->addWidget(page);
        m_extraPages.append(page);
    }
    auto *item = new QListWidgetItem(icon, title, m_sidebar);
    item->setData(Qt::AccessibleTextRole, title);
    // View > <page> with Ctrl+<n>, for the first nine pages.
    if (!m_pageGroup) {
        m_pageGroup = new QActionGroup(this);
        m_pageGroup->setExclusive(true);
        m_viewMenu->insertSeparator(m_viewMenu->actions().value(0));
    }
    auto *pageAction = new QAction(icon, title, m_pageGroup);
    pageAction->setObjectName(QStringLiteral("pageAction%1").arg(index + 1));
    pageAction->setCheckable(true);
    if (index < 9) {
        pageAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + index)));
        pageAction->setToolTip(tr("Show the %1 page (Ctrl+%2)").arg(title).arg(index + 1));
    }
    connect(pageAction, &QAction::triggered, this, [this, index] { showPage(index); });
    // In page order, above the separator that precedes Refresh.
    QAction *separator = nullptr;
    for (QAction *action : m_viewMenu->actions()) {
        if (action->isSeparator()) {
            separator = action;
            break;
        }
    }
    m_viewMenu->insertAction(separator, pageAction);
    m_pageActions.append(pageAction);
    if (m_sidebar->currentRow() < 0) {
        const QSignalBlocker blocker(m_sidebar);
        m_sidebar->setCurrentRow(index);
    }
    return index;
}

void MainWindow::showPage(int index)
{
    if (index < 0 || index >= m_sidebar->count())
        return;
    m_pageIndex = index;
    if (QWidget *widget = pageWidget(index))
        m_pages->setCurrentWidget(widget);
    if (m_sidebar->currentRow() != index)
        m_sidebar->setCurrentRow(index);
    // The Plugins page's actions, and the Volumes page's, only while that page of a connected connection is shown.
    for (QAction *action : std::as_const(m_pluginActions))
        action->setVisible(index == 0 && m_plugins);
    for (QAction *action : std::as_const(m_volumeActions))
        action->setVisible(index == 1 && m_volumesPage);
    if (QAction *pageAction = m_pageActions.value(index))
        pageAction->setChecked(true);
    // Every action of the main toolbar is the Plugins page's; other pages bring their own toolbar.
    // A connection without an engine has none of them: its page says why, with Retry.
    m_toolBar->setVisible(index == 0 && m_plugins);
}

void MainWindow::updateActions()
{
    const core::Plugin *plugin = selectedPlugin();
    m_enableAction->setEnabled(plugin && !plugin->enabled);
    m_disableAction->setEnabled(plugin && plugin->enabled);
    m_copyIdAction->setEnabled(plugin);
    m_copyNameAction->setEnabled(plugin);
    m_removeAction->setEnabled(plugin);
    // Enabled for an enabled plugin too, so that the window can say why it cannot be upgraded yet.
    m_upgradeAction->setEnabled(plugin);
    m_pushAction->setEnabled(plugin);
    m_exportAction->setEnabled(plugin);
}

void MainWindow::showContextMenu(const QPoint &position)
{
    if (!m_plugins)
        return;
    QTableView *table = m_plugins->table();
    const QModelIndex index = table->indexAt(position);
    if (index.isValid())
        table->selectRow(index.row());
    // A popup, so no nested event loop runs in the window; the menu deletes itself once closed.
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (index.isValid()) {
        menu->addAction(m_enableAction);
        menu->addAction(m_disableAction);
        menu->addSeparator();
        menu->addAction(m_upgradeAction);
        menu->addAction(m_pushAction);
        menu->addAction(m_exportAction);
        menu->addAction(m_removeAction);
        menu->addSeparator();
        menu->addAction(m_copyIdAction);
        menu->addAction(m_copyNameAction);
        menu->addSeparator();
    }
    menu->addAction(m_installAction);
    menu->addAction(m_createAction);
    menu->addAction(m_refreshAction);
    menu->popup(table->viewport()->mapToGlobal(position));
}

void MainWindow::enableSelected()
{
    const core::Plugin *plugin = selectedPlugin();
    if (!plugin || plugin->enabled)
        return;
    const QString name = plugin->name();
    m_enableAction->setEnabled(false);
    watchJob(m_engine->enable(plugin->id), tr("%1 could not be enabled.").arg(name),
             [this, name](const QVariant &) { statusBar()->showMessage(tr("%1 is enabled.").arg(name), 5000); });
}

void MainWindow::disableSelected()
{
    const core::Plugin *plugin = selectedPlugin();
    if (!plugin || !plugin->enabled)
        return;
    const QString id = plugin->id;
    const QString name = plugin->name();
    if (!isActive(m_plugins->model()->runtimeState(id))) {
        startDisable(id, name);
        return;
    }
    // Stopping a running plugin breaks whatever uses it: ask first, with Cancel as the default.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Disable Plugin"), tr("Disable “%1”?").arg(name),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmDisable"));
    box->setInformativeText(tr("The plugin is running. Containers and volumes that use it stop working until it is "
                               "enabled again."));
    QPushButton *disable = box->addButton(tr("&Disable"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, disable, id, name] {
        if (box->clickedButton() == disable)
            startDisable(id, name);
    });
    box->open();
}

void MainWindow::startDisable(const QString &id, const QString &name, bool force)
{
    m_disableAction->setEnabled(false);
    watchJob(
        m_engine->disable(id, force), tr("%1 could not be disabled.").arg(name),
        [this, name](const QVariant &) { statusBar()->showMessage(tr("%1 is disabled.").arg(name), 5000); },
        [this, id, name, force](const core::Error &error) {
            if (force || error.code != core::ErrorCode::InUse)
                return false;
            offerForceDisable(id, name, error.message);
            return true;
        });
}

void MainWindow::offerForceDisable(const QString &id, const QString &name, const QString &reason)
{
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Disable Plugin"),
                                tr("“%1” provides volumes that are in use.").arg(name), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmForceDisable"));
    // The engine's reason names the volumes mounted through Plugdesk.
    box->setInformativeText(reason + QStringLiteral("\n\n") +
                            tr("Force Disable stops the plugin anyway; whatever uses those volumes loses them."));
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPushButton *force = box->addButton(tr("&Force Disable"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, force, id, name] {
        if (box->clickedButton() == force)
            startDisable(id, name, true);
        else
            updateActions();
    });
    box->open();
}

void MainWindow::watchJob(core::Job *job, const QString &failureText, std::function<void(const QVariant &)> onSuccess,
                          std::function<bool(const core::Error &)> onFailure)
{
    // Only ever called with a job of the selected connection's engine (the dialogs that lead here are window-modal,
    // so the selection cannot change meanwhile), so its page follows it.
    if (!m_plugins) {
        job->then(this, [job](const core::Job &) { job->deleteLater(); });
        return;
    }
    m_plugins->jobWatcher()->watch(job, failureText, std::move(onSuccess), std::move(onFailure));
}

void MainWindow::followWithProgress(core::Job *job, const QString &failureText,
                                    std::function<void(const QVariant &)> onSuccess)
{
    if (!job->isFinished()) {
        auto *progress = new JobProgressDialog(job, this);
        progress->show();
    }
    watchJob(job, failureText, std::move(onSuccess));
}

void MainWindow::installPlugin(const QString &reference)
{
    if (!m_engine)
        return;
    showPage(0);
    const QPointer<PluginsPage> page = m_plugins;
    auto *dialog = new InstallDialog(m_engine, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!reference.isEmpty())
        dialog->setReference(reference);
    connect(dialog, &InstallDialog::started, this, [this, page](core::Job *job) {
        followWithProgress(job, tr("The plugin could not be installed."), [this, page](const QVariant &result) {
            const QString name = result.toString();
            statusBar()->showMessage(tr("%1 was installed.").arg(name), 5000);
            if (page)
                page->selectPluginNamed(name);
        });
    });
    dialog->open();
}

void MainWindow::exportSelected()
{
    const core::Plugin *plugin = selectedPlugin();
    if (!plugin)
        return;
    const QString id = plugin->id;
    const QString name = plugin->name();
    // "acme/vol:1.0" -> "vol-1.0.zip", in the folder last used.
    QString suggested = plugin->repository.section(QLatin1Char('/'), -1) + QLatin1Char('-') + plugin->tag;
    suggested.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9._-]")), QStringLiteral("_"));
    QSettings settings;
    const QString folder = settings.value(QStringLiteral("bundles/folder"), QDir::homePath()).toString();
    auto *dialog =
        new QFileDialog(this, tr("Export %1").arg(name), folder + QLatin1Char('/') + suggested + QStringLiteral(".zip"),
                        tr("Plugin bundles (*.zip)"));
    dialog->setObjectName(QStringLiteral("exportFileDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(QStringLiteral("zip"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this, id, name](const QString &file) {
        QSettings().setValue(QStringLiteral("bundles/folder"), QFileInfo(file).absolutePath());
        followWithProgress(m_engine->exportPlugin(id, file), tr("%1 could not be exported.").arg(name),
                           [this, name, file](const QVariant &) {
                               statusBar()->showMessage(tr("%1 was exported to %2.").arg(name, file), 8000);
                           });
    });
    dialog->open();
}

void MainWindow::importBundle(const QString &file)
{
    if (!m_engine)
        return;
    showPage(0);
    if (file.isEmpty()) {
        QSettings settings;
        auto *dialog = new QFileDialog(this, tr("Import a Plugin Bundle"),
                                       settings.value(QStringLiteral("bundles/folder"), QDir::homePath()).toString(),
                                       tr("Plugin bundles (*.zip);;All files (*)"));
        dialog->setObjectName(QStringLiteral("importFileDialog"));
        dialog->setAcceptMode(QFileDialog::AcceptOpen);
        dialog->setFileMode(QFileDialog::ExistingFile);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &chosen) {
            QSettings().setValue(QStringLiteral("bundles/folder"), QFileInfo(chosen).absolutePath());
            importBundle(chosen);
        });
        dialog->open();
        return;
    }
    // Only the bundle's manifest and config are read before the person grants the privileges.
    core::Job *read = m_engine->bundlePrivileges(file);
    statusBar()->showMessage(tr("Reading %1…").arg(file));
    const QPointer<PluginsPage> page = m_plugins;
    auto granted = [this, file, page](const core::BundleInfo &bundle) {
        // Install's shape: local name, enable afterwards, a taken name said before the privileges are asked.
        auto *dialog = new ImportDialog(m_engine, file, bundle, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &ImportDialog::started, this, [this, file, page](core::Job *job) {
            followWithProgress(job, tr("The plugin in %1 could not be imported.").arg(QFileInfo(file).fileName()),
                               [this, page](const QVariant &result) {
                                   const QString name = result.toString();
                                   statusBar()->showMessage(tr("%1 was imported.").arg(name), 5000);
                                   if (page)
                                       page->selectPluginNamed(name);
                               });
        });
        dialog->open();
    };
    watchJob(read, tr("%1 is not a bundle Plugdesk can import.").arg(QFileInfo(file).fileName()),
             [this, granted](const QVariant &result) {
                 statusBar()->clearMessage();
                 granted(result.value<core::BundleInfo>());
             });
}

void MainWindow::removeSelected()
{
    const core::Plugin *plugin = selectedPlugin();
    if (!plugin)
        return;
    const QString id = plugin->id;
    const QString name = plugin->name();
    const bool enabled = plugin->enabled;
    // Removing deletes files that cannot be had back (settings, a created plugin's only copy): always ask.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove Plugin"), tr("Remove “%1”?").arg(name),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmRemove"));
    QPushButton *remove = nullptr;
    if (enabled) {
        box->setInformativeText(tr("“%1” is enabled. Removing it disables it first: containers and volumes that use "
                                   "it stop working. Its files and settings are deleted.")
                                    .arg(name));
        remove = box->addButton(tr("&Disable and Remove"), QMessageBox::DestructiveRole);
    } else {
        box->setInformativeText(tr("Its files and settings are deleted, and the layers no other plugin uses."));
        remove = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    }
    remove->setObjectName(QStringLiteral("removeButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, remove, id, name, enabled] {
        if (box->clickedButton() == remove)
            startRemove(id, name, enabled);
    });
    box->open();
}

void MainWindow::startRemove(const QString &id, const QString &name, bool force)
{
    m_removeAction->setEnabled(false);
    watchJob(m_engine->remove(id, force), tr("%1 could not be removed.").arg(name),
             [this, name](const QVariant &) { statusBar()->showMessage(tr("%1 was removed.").arg(name), 5000); });
}

void MainWindow::upgradeSelected()
{
    const core::Plugin *plugin = selectedPlugin();
    if (!plugin)
        return;
    const QString id = plugin->id;
    const QString name = plugin->name();
    if (!plugin->enabled) {
        openUpgradeDialog(id, false);
        return;
    }
    // A plugin is upgraded only while disabled (Docker's rule): offered in one step, as Remove offers "Disable and
    // Remove", and undone if the upgrade does not happen.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Upgrade Plugin"), tr("Upgrade “%1”?").arg(name),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmUpgradeEnabled"));
    box->setInformativeText(tr("“%1” is enabled, and a plugin is upgraded only while it is disabled. It is disabled "
                               "now, upgraded to the version you choose, and enabled again; also when the upgrade is "
                               "cancelled or fails. Containers and volumes that use it pause meanwhile.")
                                .arg(name));
    QPushButton *upgrade = box->addButton(tr("&Disable, Upgrade and Enable"), QMessageBox::AcceptRole);
    upgrade->setObjectName(QStringLiteral("disableUpgradeEnableButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, upgrade, id, name] {
        if (box->clickedButton() != upgrade)
            return;
        watchJob(m_engine->disable(id), tr("“%1” could not be disabled for the upgrade.").arg(name),
                 [this, id](const QVariant &) { openUpgradeDialog(id, true); });
    });
    box->open();
}

void MainWindow::openUpgradeDialog(const QString &id, bool enableAfterwards)
{
    auto plugin = m_engine->plugin(id);
    if (!plugin) {
        statusBar()->showMessage(plugin.error().message, 8000);
        return;
    }
    const QString name = plugin->name();
    // Enables the plugin again when it was enabled before: after the upgrade, or when it did not happen.
    auto enableAgain = [this, id, name, enableAfterwards] {
        if (enableAfterwards)
            watchJob(
                m_engine->enable(id), tr("“%1” could not be enabled again.").arg(name),
                [this, name](const QVariant &) { statusBar()->showMessage(tr("%1 is enabled.").arg(name), 5000); });
    };
    auto *dialog = new InstallDialog(m_engine, *plugin, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto started = std::make_shared<bool>(false);
    connect(dialog, &InstallDialog::started, this, [this, name, started, enableAgain](core::Job *job) {
        *started = true;
        // Success or failure: the plugin was enabled, so it is enabled again (on the version it now has).
        job->then(this, [enableAgain](const core::Job &) { enableAgain(); });
        followWithProgress(job, tr("%1 could not be upgraded.").arg(name), [this, name](const QVariant &) {
            statusBar()->showMessage(tr("%1 was upgraded.").arg(name), 5000);
        });
    });
    connect(dialog, &QDialog::finished, this, [started, enableAgain] {
        if (!*started)
            enableAgain();
    });
    dialog->open();
}

void MainWindow::pushSelected()
{
    const core::Plugin *plugin = selectedPlugin();
    if (!plugin)
        return;
    const QString name = plugin->name();
    auto target = core::Reference::parse(name);
    auto *box = new QMessageBox(this);
    box->setObjectName(QStringLiteral("confirmPush"));
    box->setWindowTitle(tr("Push Plugin"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    if (!target) {
        // The engine would refuse it too; saying so here spares a round trip.
        box->setIcon(QMessageBox::Critical);
        box->setText(tr("%1 cannot be pushed.").arg(name));
        box->setInformativeText(target.error().message);
        box->addButton(QMessageBox::Ok);
        box->open();
        return;
    }
    const QString repository = target->name();
    box->setIcon(QMessageBox::Question);
    box->setText(tr("Push “%1” to %2?").arg(name, target->withDefaultTag().toString()));
    box->setInformativeText(tr("Its layers and config are uploaded to the repository %1 on %2, and the tag %3 there "
                               "is replaced. Your login for %2 is used (File › Log In to a Registry).")
                                .arg(repository, target->domain(), target->withDefaultTag().tag()));
    QPushButton *push = box->addButton(tr("&Push"), QMessageBox::AcceptRole);
    push->setObjectName(QStringLiteral("pushButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box, &QMessageBox::finished, this, [this, box, push, name] {
        if (box->clickedButton() != push)
            return;
        followWithProgress(m_engine->push(name), tr("%1 could not be pushed.").arg(name),
                           [this](const QVariant &result) {
                               const QVariantMap pushed = result.toMap();
                               statusBar()->showMessage(tr("Pushed %1:%2 (%3).")
                                                            .arg(pushed.value(QStringLiteral("repository")).toString(),
                                                                 pushed.value(QStringLiteral("tag")).toString(),
                                                                 pushed.value(QStringLiteral("digest")).toString()),
                                                        8000);
                           });
    });
    box->open();
}

void MainWindow::loginToRegistry()
{
    if (!m_engine)
        return;
    auto *dialog = new LoginDialog(m_engine, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &LoginDialog::loggedIn, this, [this](const QString &host, const QString &user) {
        statusBar()->showMessage(tr("Logged in to %1 as %2.").arg(host, user), 5000);
    });
    dialog->open();
}

void MainWindow::addConnection()
{
    if (!m_connections)
        return;
    auto *dialog = new AddConnectionDialog(m_connections, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &AddConnectionDialog::added, this, [this](WindowConnection *connection) {
        statusBar()->showMessage(tr("Connection %1 (%2) added.").arg(connection->name(), connection->url()), 5000);
    });
    dialog->open();
}

void MainWindow::removeConnection()
{
    WindowConnection *connection = currentConnection();
    if (!m_connections || !connection || connection->entry().source != core::ConnectionSource::Saved)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Connection"),
                                tr("Remove the connection “%1”?").arg(connection->name()), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmRemoveConnection"));
    box->setInformativeText(tr("Plugdesk forgets %1. Nothing changes there: its plugins and volumes stay as they "
                               "are.")
                                .arg(connection->url()));
    QPushButton *remove = box->addButton(tr("&Remove"), QMessageBox::DestructiveRole);
    remove->setObjectName(QStringLiteral("removeConnectionButton"));
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    const QPointer<WindowConnection> target = connection;
    connect(box, &QMessageBox::finished, this, [this, box, remove, target] {
        if (box->clickedButton() != remove || !target)
            return;
        const QString name = target->name();
        if (const core::Status removed = m_connections->remove(target); !removed) {
            QMessageBox::warning(this, tr("Remove Connection"), removed.error().message);
            return;
        }
        statusBar()->showMessage(tr("Connection %1 removed.").arg(name), 5000);
    });
    box->open();
}

bool MainWindow::isBundleFile(const QString &path)
{
    return !path.isEmpty() && path.endsWith(QStringLiteral(".zip"), Qt::CaseInsensitive) && QFileInfo(path).isFile();
}

bool MainWindow::isPluginFolder(const QString &folder)
{
    if (folder.isEmpty())
        return false;
    const QDir dir(folder);
    return QFileInfo(dir.filePath(QStringLiteral("config.json"))).isFile() &&
           QFileInfo(dir.filePath(QStringLiteral("rootfs"))).isDir();
}

void MainWindow::createFromFolder(const QString &folder)
{
    if (!m_engine)
        return;
    auto *dialog = new CreatePluginDialog(folder, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        // The connection selected when Create was chosen; the person may have switched since.
        if (!m_engine)
            return;
        const QString name = dialog->name();
        const QPointer<PluginsPage> page = m_plugins;
        watchJob(m_engine->create(name, dialog->folder()), tr("%1 could not be created.").arg(name),
                 [this, page](const QVariant &result) {
                     const QString created = result.toString();
                     statusBar()->showMessage(tr("%1 was created; enable it to start it.").arg(created), 5000);
                     if (page)
                         page->selectPluginNamed(created);
                 });
    });
    dialog->open();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    const QString dragged = draggedFolder(event->mimeData());
    if (isPluginFolder(dragged) || isBundleFile(dragged))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString folder = draggedFolder(event->mimeData());
    if (isBundleFile(folder)) {
        event->acceptProposedAction();
        QTimer::singleShot(0, this, [this, folder] { importBundle(folder); });
        return;
    }
    if (!isPluginFolder(folder))
        return;
    event->acceptProposedAction();
    showPage(0);
    // Not from inside the drop: the dialog outlives the drag.
    QTimer::singleShot(0, this, [this, folder] { createFromFolder(folder); });
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    if (m_plugins)
        m_plugins->saveState(settings);
    event->accept();
}

} // namespace ui
