#include "ui/mainwindow.h"

#include "core/engine/engine.h"
#include "core/plugin/reference.h"
#include "ui/createplugindialog.h"
#include "ui/icons.h"
#include "ui/installdialog.h"
#include "ui/jobprogressdialog.h"
#include "ui/jobsindicator.h"
#include "ui/jobwatcher.h"
#include "ui/logindialog.h"
#include "ui/plugindetailsview.h"
#include "ui/pluginlistmodel.h"
#include "ui/pluginsettingsview.h"
#include "ui/volumespage.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
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

MainWindow::MainWindow(core::Engine *engine, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
{
    setWindowTitle(tr("Plugdesk"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/plugdesk.svg")));
    setAcceptDrops(true);

    m_model = new PluginListModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    createActions();
    m_watcher = new JobWatcher(this);

    m_sidebar = new QListWidget;
    m_sidebar->setObjectName(QStringLiteral("sidebar"));
    m_sidebar->setAccessibleName(tr("Pages"));
    m_sidebar->setFrameShape(QFrame::NoFrame);
    m_sidebar->setIconSize(QSize(22, 22));
    m_sidebar->setSpacing(2);
    m_sidebar->setFixedWidth(150);
    m_sidebar->setBackgroundRole(QPalette::AlternateBase);
    m_sidebar->setAutoFillBackground(true);
    m_sidebar->setStyleSheet(QStringLiteral("QListWidget#sidebar::item { padding: 6px 4px; }"));
    m_pages = new QStackedWidget;
    connect(m_sidebar, &QListWidget::currentRowChanged, this, &MainWindow::showPage);

    auto *central = new QWidget;
    auto *centralLayout = new QHBoxLayout(central);
    centralLayout->setContentsMargins(0, 0, 0, 0);
    centralLayout->setSpacing(0);
    centralLayout->addWidget(m_sidebar);
    auto *line = new QFrame;
    line->setFrameShape(QFrame::VLine);
    line->setFrameShadow(QFrame::Sunken);
    centralLayout->addWidget(line);
    centralLayout->addWidget(m_pages, 1);
    setCentralWidget(central);

    addPage(themeIcon(QStringLiteral("application-x-addon"), QStringLiteral("plugin")), tr("Plugins"),
            createPluginsPage());
    m_volumesPage = new VolumesPage(m_engine);
    addPage(themeIcon(QStringLiteral("drive-harddisk"), QStringLiteral("volume")), tr("Volumes"), m_volumesPage);
    // F5 refreshes the page shown: the Volumes page has its own Refresh.
    m_pluginActions.append(m_refreshAction);

    m_status = new QLabel;
    statusBar()->addWidget(m_status, 1);
    m_jobs = new JobsIndicator(m_engine);
    statusBar()->addPermanentWidget(m_jobs);

    // Everything the window shows is pushed by the engine: no timer asks for it.
    connect(m_engine, &core::Engine::pluginChanged, this, &MainWindow::refresh);
    connect(m_engine, &core::Engine::pluginRemoved, this, &MainWindow::refresh);
    connect(m_engine, &core::Engine::pluginsReloaded, this, &MainWindow::refresh);
    connect(m_engine, &core::Engine::readinessChanged, this, &MainWindow::refresh);
    connect(m_engine, &core::Engine::runtimeStateChanged, this, [this](const QString &id) {
        if (m_model->rowOf(id) < 0)
            return;
        auto state = m_engine->runtimeState(id);
        m_model->setRuntimeState(id, state ? std::optional(*state) : std::nullopt);
    });

    resize(1100, 720);
    restoreState();
    refresh();
    updateActions();
    // Shown first, filled when the engine has read (through the helper, after polkit answered).
    QTimer::singleShot(0, this, &MainWindow::reload);
}

void MainWindow::reload()
{
    if (m_reloading)
        return;
    m_reloading = true;
    m_refreshAction->setEnabled(false);
    core::Job *job = m_engine->reload();
    job->then(this, [this, job](const core::Job &) {
        job->deleteLater();
        m_reloading = false;
        m_refreshAction->setEnabled(true);
        refresh();
    });
}

void MainWindow::showStatus(const QString &text, bool offerRetry)
{
    m_statusText->setText(text);
    m_tryAgain->setVisible(offerRetry);
    m_listStack->setCurrentWidget(m_statusPage);
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
    m_upgradeAction->setToolTip(tr("Replace the selected plugin with another version; it must be disabled (Ctrl+U)"));
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
        QMessageBox::about(this, tr("About Plugdesk"),
                           tr("<h3>Plugdesk %1</h3><p>A desktop manager for Docker managed plugins.</p>"
                              "<p>Store: <tt>%2</tt></p>")
                               .arg(QStringLiteral(PLUGDESK_VERSION), m_engine->location().toHtmlEscaped()));
    });

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_installAction);
    fileMenu->addAction(m_createAction);
    fileMenu->addAction(m_importAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_loginAction);
    fileMenu->addSeparator();
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
    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    viewMenu->addAction(m_refreshAction);
    menuBar()->addMenu(tr("&Help"))->addAction(aboutAction);

    auto *toolBar = addToolBar(tr("Main"));
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
    toolBar->addWidget(spacer);
    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("pluginFilter"));
    m_filter->setPlaceholderText(tr("Filter plugins…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter plugins"));
    m_filter->setMaximumWidth(280);
    m_pluginActions.append(toolBar->addWidget(m_filter));
    auto *focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence::Find);
    connect(focusFilter, &QAction::triggered, m_filter, qOverload<>(&QWidget::setFocus));
    addAction(focusFilter);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
}

QWidget *MainWindow::createPluginsPage()
{
    m_table = new QTableView;
    m_table->setObjectName(QStringLiteral("pluginTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PluginListModel::Name, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(PluginListModel::Description, QHeaderView::Stretch);
    m_table->horizontalHeader()->resizeSection(PluginListModel::Name, 180);
    m_table->setAccessibleName(tr("Installed plugins"));
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::showSelected);
    connect(m_table, &QWidget::customContextMenuRequested, this, &MainWindow::showContextMenu);
    // A change in the selected row (enabled, state) changes what the actions and the details pane show.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        const QString id = selectedPluginId();
        if (!id.isEmpty() && m_model->rowOf(id) == topLeft.row())
            showSelected();
    });

    auto *empty = new QLabel(tr("<h3>No plugins installed</h3><p>Install one from a registry with <b>Install</b> "
                                "(Ctrl+I), or create one from a folder with <b>Create</b> (or drop the folder "
                                "here).</p>"));
    empty->setObjectName(QStringLiteral("emptyPlugins"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    m_statusPage = new QWidget;
    m_statusPage->setObjectName(QStringLiteral("pluginsStatus"));
    auto *statusLayout = new QVBoxLayout(m_statusPage);
    statusLayout->addStretch(1);
    m_statusText = new QLabel;
    m_statusText->setObjectName(QStringLiteral("pluginsStatusText"));
    m_statusText->setAlignment(Qt::AlignCenter);
    m_statusText->setWordWrap(true);
    m_statusText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusLayout->addWidget(m_statusText);
    m_tryAgain = new QPushButton(tr("&Try Again"));
    m_tryAgain->setObjectName(QStringLiteral("tryAgainButton"));
    connect(m_tryAgain, &QPushButton::clicked, this, &MainWindow::reload);
    statusLayout->addWidget(m_tryAgain, 0, Qt::AlignHCenter);
    statusLayout->addStretch(2);

    m_listStack = new QStackedWidget;
    m_listStack->addWidget(m_table);
    m_listStack->addWidget(empty);
    m_listStack->addWidget(m_statusPage);

    m_problems = new QLabel;
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #664d03; border: 1px solid #ffe69c;"
                                             " border-radius: 4px; padding: 6px; }"));
    m_problems->setAccessibleName(tr("Problems reading the store"));
    m_problems->hide();

    m_details = new PluginDetailsView(m_engine);
    connect(m_details->settingsView(), &PluginSettingsView::applied, this,
            [this](const QString &name) { statusBar()->showMessage(tr("Settings of %1 applied.").arg(name), 5000); });

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_watcher->authorisationBar());
    topLayout->addWidget(m_problems);
    topLayout->addWidget(m_listStack, 1);

    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->setObjectName(QStringLiteral("pluginSplitter"));
    m_splitter->addWidget(top);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);
    return m_splitter;
}

int MainWindow::addPage(const QIcon &icon, const QString &title, QWidget *page)
{
    const int index = m_pages->addWidget(page);
    auto *item = new QListWidgetItem(icon, title, m_sidebar);
    item->setData(Qt::AccessibleTextRole, title);
    if (m_sidebar->currentRow() < 0)
        m_sidebar->setCurrentRow(index);
    return index;
}

void MainWindow::showPage(int index)
{
    if (index < 0 || index >= m_pages->count())
        return;
    m_pages->setCurrentIndex(index);
    if (m_sidebar->currentRow() != index)
        m_sidebar->setCurrentRow(index);
    for (QAction *action : std::as_const(m_pluginActions))
        action->setVisible(index == 0);
    // Every action of the main toolbar is the Plugins page's; other pages bring their own toolbar.
    if (auto *toolBar = findChild<QToolBar *>(QStringLiteral("mainToolBar")))
        toolBar->setVisible(index == 0);
}

void MainWindow::refresh()
{
    const auto readiness = m_engine->readiness();
    if (readiness != core::Engine::Readiness::Ready) {
        m_model->setPlugins({});
        m_problems->hide();
        m_status->setText(tr("Store: %1").arg(m_engine->location()));
        const std::optional<core::Error> error = m_engine->readError();
        if (readiness == core::Engine::Readiness::Loading || !error) {
            showStatus(tr("<h3>Reading the plugins…</h3><p>From %1.</p>").arg(m_engine->location().toHtmlEscaped()),
                       false);
        } else if (error->code == core::ErrorCode::PermissionDenied) {
            showStatus(tr("<h3>You may not see the plugins</h3><p>%1</p><p>An administrator can allow it with a "
                          "polkit rule for the action <tt>org.plugdesk.read</tt>, or you can run Plugdesk as "
                          "root.</p>")
                           .arg(error->message.toHtmlEscaped()),
                       true);
        } else if (error->code == core::ErrorCode::AuthorizationRequired) {
            showStatus(tr("<h3>Reading the plugins needs your password</h3><p>Choose Try Again to be asked.</p>"),
                       true);
        } else {
            showStatus(tr("<h3>The plugins cannot be read</h3><p>%1</p>").arg(error->message.toHtmlEscaped()), true);
        }
        showSelected();
        updateActions();
        return;
    }
    auto result = m_engine->plugins();
    if (!result) {
        m_model->setPlugins({});
        m_problems->hide();
        showStatus(tr("<h3>The plugins cannot be read</h3><p>%1</p>").arg(result.error().message.toHtmlEscaped()),
                   true);
        m_status->setText(tr("Store: %1").arg(m_engine->location()));
        updateActions();
        return;
    }
    m_model->setPlugins(result->plugins);
    QStringList problems;
    for (const core::Error &problem : result->problems)
        problems.append(problem.message);
    QString banner;
    if (!problems.isEmpty())
        banner = tr("These plugins could not be read and are not listed:") + QStringLiteral("\n• ") +
                 problems.join(QStringLiteral("\n• "));
    // The list on show is the last one read: say so when reading the news needs a password nobody was asked for.
    if (const auto stale = m_engine->readError(); stale && stale->code == core::ErrorCode::AuthorizationRequired)
        banner = tr("Recent changes are not shown: reading them needs your password. Press Refresh (F5) to be "
                    "asked.") +
                 (banner.isEmpty() ? QString() : QStringLiteral("\n\n") + banner);
    m_problems->setText(banner);
    m_problems->setVisible(!banner.isEmpty());
    m_listStack->setCurrentIndex(result->plugins.isEmpty() ? 1 : 0);
    const int enabled = static_cast<int>(std::count_if(result->plugins.cbegin(), result->plugins.cend(),
                                                       [](const core::Plugin &p) { return p.enabled; }));
    m_status->setText(
        tr("Store: %1 · plugins: %2, enabled: %3").arg(m_engine->location()).arg(result->plugins.size()).arg(enabled));
    refreshStates();
    showSelected();
}

void MainWindow::refreshStates()
{
    // Ids first: the rows are not held across the engine's answers.
    QStringList ids;
    for (int row = 0; row < m_model->rowCount(); ++row)
        ids.append(m_model->pluginAt(row)->id);
    for (const QString &id : std::as_const(ids)) {
        auto state = m_engine->runtimeState(id);
        m_model->setRuntimeState(id, state ? std::optional(*state) : std::nullopt);
    }
}

QString MainWindow::selectedPluginId() const
{
    const core::Plugin *plugin = selectedPlugin();
    return plugin ? plugin->id : QString();
}

const core::Plugin *MainWindow::selectedPlugin() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return m_model->pluginAt(m_proxy->mapToSource(rows.first()).row());
}

void MainWindow::selectPlugin(const QString &id)
{
    const int row = m_model->rowOf(id);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (!index.isValid())
        return;
    m_table->selectRow(index.row());
    m_table->scrollTo(index);
}

void MainWindow::showSelected()
{
    const core::Plugin *plugin = selectedPlugin();
    if (!plugin)
        m_details->clear();
    else
        m_details->showPlugin(*plugin, m_model->runtimeState(plugin->id));
    updateActions();
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
    const QModelIndex index = m_table->indexAt(position);
    if (index.isValid())
        m_table->selectRow(index.row());
    QMenu menu(this);
    if (index.isValid()) {
        menu.addAction(m_enableAction);
        menu.addAction(m_disableAction);
        menu.addSeparator();
        menu.addAction(m_upgradeAction);
        menu.addAction(m_pushAction);
        menu.addAction(m_exportAction);
        menu.addAction(m_removeAction);
        menu.addSeparator();
        menu.addAction(m_copyIdAction);
        menu.addAction(m_copyNameAction);
        menu.addSeparator();
    }
    menu.addAction(m_installAction);
    menu.addAction(m_createAction);
    menu.addAction(m_refreshAction);
    menu.exec(m_table->viewport()->mapToGlobal(position));
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
    if (!isActive(m_model->runtimeState(id))) {
        startDisable(id, name);
        return;
    }
    // Stopping a running plugin breaks whatever uses it: ask first, with Cancel as the default.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Disable Plugin"), tr("Disable %1?").arg(name),
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
                                tr("%1 provides volumes that are in use.").arg(name), QMessageBox::NoButton, this);
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
    m_watcher->watch(job, failureText, std::move(onSuccess), std::move(onFailure));
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
    showPage(0);
    auto *dialog = new InstallDialog(m_engine, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!reference.isEmpty())
        dialog->setReference(reference);
    connect(dialog, &InstallDialog::started, this, [this](core::Job *job) {
        followWithProgress(job, tr("The plugin could not be installed."), [this](const QVariant &result) {
            const QString name = result.toString();
            statusBar()->showMessage(tr("%1 was installed.").arg(name), 5000);
            for (int row = 0; row < m_model->rowCount(); ++row) {
                if (m_model->pluginAt(row)->name() == name)
                    selectPlugin(m_model->pluginAt(row)->id);
            }
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
    auto granted = [this, file](const core::BundleInfo &bundle) {
        auto *dialog = new PrivilegeDialog(bundle.name, bundle.privileges, this);
        dialog->setObjectName(QStringLiteral("importPrivileges"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, this, [this, file, bundle] {
            followWithProgress(m_engine->importPlugin(file, bundle.privileges),
                               tr("The plugin in %1 could not be imported.").arg(QFileInfo(file).fileName()),
                               [this](const QVariant &result) {
                                   const QString name = result.toString();
                                   statusBar()->showMessage(tr("%1 was imported.").arg(name), 5000);
                                   for (int row = 0; row < m_model->rowCount(); ++row) {
                                       if (m_model->pluginAt(row)->name() == name)
                                           selectPlugin(m_model->pluginAt(row)->id);
                                   }
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
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove Plugin"), tr("Remove %1?").arg(name),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmRemove"));
    QPushButton *remove = nullptr;
    if (enabled) {
        box->setInformativeText(tr("%1 is enabled. Removing it disables it first: containers and volumes that use "
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
    if (plugin->enabled) {
        auto *box = new QMessageBox(QMessageBox::Information, tr("Upgrade Plugin"),
                                    tr("%1 is enabled.").arg(plugin->name()), QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("upgradeNeedsDisabled"));
        box->setInformativeText(tr("A plugin is upgraded only while it is disabled. Disable it first, then upgrade "
                                   "it and enable it again."));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        return;
    }
    const QString name = plugin->name();
    auto *dialog = new InstallDialog(m_engine, *plugin, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &InstallDialog::started, this, [this, name](core::Job *job) {
        followWithProgress(job, tr("%1 could not be upgraded.").arg(name), [this, name](const QVariant &) {
            statusBar()->showMessage(tr("%1 was upgraded.").arg(name), 5000);
        });
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
    box->setText(tr("Push %1 to %2?").arg(name, target->withDefaultTag().toString()));
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
    auto *dialog = new LoginDialog(m_engine, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &LoginDialog::loggedIn, this, [this](const QString &host, const QString &user) {
        statusBar()->showMessage(tr("Logged in to %1 as %2.").arg(host, user), 5000);
    });
    dialog->open();
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
    auto *dialog = new CreatePluginDialog(folder, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString name = dialog->name();
        watchJob(m_engine->create(name, dialog->folder()), tr("%1 could not be created.").arg(name),
                 [this](const QVariant &result) {
                     const QString created = result.toString();
                     statusBar()->showMessage(tr("%1 was created; enable it to start it.").arg(created), 5000);
                     for (int row = 0; row < m_model->rowCount(); ++row) {
                         if (m_model->pluginAt(row)->name() == created)
                             selectPlugin(m_model->pluginAt(row)->id);
                     }
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

void MainWindow::restoreState()
{
    QSettings settings;
    if (settings.contains(QStringLiteral("window/geometry")))
        restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    if (settings.contains(QStringLiteral("window/splitter")))
        m_splitter->restoreState(settings.value(QStringLiteral("window/splitter")).toByteArray());
    if (settings.contains(QStringLiteral("window/pluginColumns")))
        m_table->horizontalHeader()->restoreState(settings.value(QStringLiteral("window/pluginColumns")).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("window/pluginColumns"), m_table->horizontalHeader()->saveState());
    event->accept();
}

} // namespace ui
