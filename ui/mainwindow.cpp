#include "ui/mainwindow.h"

#include "core/engine/engine.h"
#include "ui/plugindetailsview.h"
#include "ui/pluginlistmodel.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
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

MainWindow::MainWindow(core::Engine *engine, QWidget *parent)
    : QMainWindow(parent)
    , m_engine(engine)
{
    setWindowTitle(tr("Plugdesk"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/plugdesk.svg")));

    m_model = new PluginListModel(this);
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    auto *refreshAction =
        new QAction(QIcon::fromTheme(QStringLiteral("view-refresh"), style()->standardIcon(QStyle::SP_BrowserReload)),
                    tr("&Refresh"), this);
    refreshAction->setShortcut(QKeySequence::Refresh);
    refreshAction->setToolTip(tr("Read the plugins again (F5)"));
    connect(refreshAction, &QAction::triggered, this, &MainWindow::refresh);
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
    fileMenu->addAction(refreshAction);
    fileMenu->addSeparator();
    fileMenu->addAction(quitAction);
    menuBar()->addMenu(tr("&Help"))->addAction(aboutAction);

    auto *toolBar = addToolBar(tr("Main"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setMovable(false);
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(refreshAction);
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolBar->addWidget(spacer);
    m_filter = new QLineEdit;
    m_filter->setPlaceholderText(tr("Filter plugins…"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter plugins"));
    m_filter->setMaximumWidth(280);
    toolBar->addWidget(m_filter);
    auto *focusFilter = new QAction(this);
    focusFilter->setShortcut(QKeySequence::Find);
    connect(focusFilter, &QAction::triggered, m_filter, qOverload<>(&QWidget::setFocus));
    addAction(focusFilter);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_table = new QTableView;
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(PluginListModel::Name, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(PluginListModel::Description, QHeaderView::Stretch);
    m_table->setAccessibleName(tr("Installed plugins"));
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::showSelected);

    auto *empty = new QLabel(tr("<h3>No plugins installed</h3><p>Install one with "
                                "<tt>plugdeskctl plugin install NAME</tt>, or lay a plugin out by hand in the store "
                                "as Docker 1.12 described.</p>"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    m_listStack = new QStackedWidget;
    m_listStack->addWidget(m_table);
    m_listStack->addWidget(empty);

    m_problems = new QLabel;
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problems->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #664d03; border: 1px solid #ffe69c;"
                                             " border-radius: 4px; padding: 6px; }"));
    m_problems->setAccessibleName(tr("Problems reading the store"));
    m_problems->hide();

    m_details = new PluginDetailsView;

    auto *top = new QWidget;
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_problems);
    topLayout->addWidget(m_listStack, 1);

    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->addWidget(top);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(false);
    setCentralWidget(m_splitter);

    m_status = new QLabel;
    statusBar()->addWidget(m_status, 1);

    connect(m_engine, &core::Engine::pluginChanged, this, &MainWindow::refresh);
    connect(m_engine, &core::Engine::pluginRemoved, this, &MainWindow::refresh);
    connect(m_engine, &core::Engine::pluginsReloaded, this, &MainWindow::refresh);

    resize(1000, 680);
    restoreState();
    refresh();
}

MainWindow::~MainWindow() = default;

void MainWindow::refresh()
{
    auto result = m_engine->plugins();
    if (!result) {
        m_model->setPlugins({});
        m_problems->setText(tr("Cannot read the plugins: %1").arg(result.error().message));
        m_problems->show();
        m_status->setText(tr("Store: %1").arg(m_engine->location()));
        m_listStack->setCurrentIndex(1);
        return;
    }
    m_model->setPlugins(result->plugins);
    if (result->problems.isEmpty()) {
        m_problems->hide();
    } else {
        QStringList lines;
        for (const core::Error &problem : result->problems)
            lines.append(problem.message);
        m_problems->setText(tr("These plugins could not be read and are not listed:") + QStringLiteral("\n• ") +
                            lines.join(QStringLiteral("\n• ")));
        m_problems->show();
    }
    m_listStack->setCurrentIndex(result->plugins.isEmpty() ? 1 : 0);
    const int enabled = static_cast<int>(std::count_if(result->plugins.cbegin(), result->plugins.cend(),
                                                       [](const core::Plugin &p) { return p.enabled; }));
    m_status->setText(
        tr("Store: %1 · plugins: %2, enabled: %3").arg(m_engine->location()).arg(result->plugins.size()).arg(enabled));
    showSelected();
}

void MainWindow::showSelected()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        m_details->clear();
        return;
    }
    const QModelIndex source = m_proxy->mapToSource(rows.first());
    if (const core::Plugin *plugin = m_model->pluginAt(source.row()))
        m_details->showPlugin(*plugin);
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
