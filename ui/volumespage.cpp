#include "ui/volumespage.h"

#include "core/engine/engine.h"
#include "core/volume/volumeservice.h"
#include "ui/elidedelegate.h"
#include "ui/filterfield.h"
#include "ui/icons.h"
#include "ui/jobwatcher.h"
#include "ui/newvolumedialog.h"
#include "ui/volumedetailsview.h"
#include "ui/volumefiltermodel.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace ui {

namespace {

QString secondsText(qint64 ms)
{
    return QLocale().toString(double(ms) / 1000.0, 'f', ms < 10000 ? 2 : 1);
}

} // namespace

VolumesPage::VolumesPage(core::Engine *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
{
    setObjectName(QStringLiteral("volumesPage"));
    m_watcher = new JobWatcher(this);

    m_model = new VolumeListModel(this);
    // Sorted, filtered on every column; a driver stays when one of its volumes matches, and a matching driver brings
    // all its volumes.
    m_proxy = new VolumeFilterModel(this);
    m_proxy->setObjectName(QStringLiteral("volumeProxy"));
    m_proxy->setSourceModel(m_model);

    createActions();

    m_tree = new QTreeView;
    m_tree->setObjectName(QStringLiteral("volumeTree"));
    m_tree->setAccessibleName(tr("Volumes by driver"));
    m_tree->setModel(m_proxy);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(VolumeListModel::Name, Qt::AscendingOrder);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true); // 20,000 rows scroll without measuring each
    m_tree->setWordWrap(false);
    // Paths differ at their ends (the volume's name): keep both ends in sight.
    m_tree->setTextElideMode(Qt::ElideMiddle);
    m_tree->setItemDelegateForColumn(VolumeListModel::Status, new ElideRightDelegate(m_tree));
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setAllColumnsShowFocus(true);
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(false);
    header->setHighlightSections(false);
    header->setSectionResizeMode(VolumeListModel::Mountpoint, QHeaderView::Stretch);
    header->resizeSection(VolumeListModel::Name, 200);
    header->resizeSection(VolumeListModel::Created, 140);
    // A driver's state or error leads with its cause ("not running: failed: crashed 5 times"): room for it.
    header->resizeSection(VolumeListModel::Status, 230);
    header->resizeSection(VolumeListModel::Options, 120);
    header->resizeSection(VolumeListModel::InUse, 80);
    header->setMinimumSectionSize(60);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &VolumesPage::showSelected);
    // A click makes the row current before it selects it: the details follow the selection too, or a clicked driver
    // would leave them empty.
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, &VolumesPage::showSelected);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &VolumesPage::showContextMenu);
    connect(m_tree, &QTreeView::doubleClicked, this, [this](const QModelIndex &index) {
        // A driver row opens New Volume on that driver: the one thing to do with a driver here.
        if (const auto *driver = m_model->driverAt(m_proxy->mapToSource(index));
            driver && !index.parent().isValid() && driver->enabled)
            newVolume(driver->name);
    });
    // Drivers are shown opened: when the list is first filled and when one appears (or a filter brings it back).
    connect(m_proxy, &QAbstractItemModel::modelReset, m_tree, &QTreeView::expandAll);
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex &parent, int first, int last) {
        if (parent.isValid())
            return;
        for (int r = first; r <= last; ++r)
            m_tree->expand(m_proxy->index(r, 0));
    });
    // What the details pane shows may have changed with the row under it.
    connect(m_model, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        const QModelIndex selected = selectedSourceIndex();
        if (selected.isValid() && selected.parent() == topLeft.parent() && selected.row() == topLeft.row())
            showSelected();
    });

    auto *empty = new QLabel(tr("<h3>No volume drivers</h3><p>Volumes are made by volume plugins. Enable one on the "
                                "<b>Plugins</b> page (a plugin whose types include <tt>volumedriver</tt>), or install "
                                "one with <tt>plugdeskctl plugin install NAME</tt>.</p>"));
    empty->setObjectName(QStringLiteral("emptyVolumes"));
    empty->setAlignment(Qt::AlignCenter);
    empty->setWordWrap(true);
    m_listStack = new QStackedWidget;
    m_listStack->addWidget(m_tree);
    m_listStack->addWidget(empty);

    m_details = new VolumeDetailsView;
    m_goToPlugin = new QPushButton(themeIcon(QStringLiteral("go-jump"), QStringLiteral("plugin")), tr("&Go to Plugin"));
    m_goToPlugin->setObjectName(QStringLiteral("goToPlugin"));
    m_goToPlugin->setToolTip(tr("Show the driver's plugin on the Plugins page: its state, logs and settings"));
    m_goToPlugin->hide();
    connect(m_goToPlugin, &QPushButton::clicked, this, [this] {
        if (const VolumeListModel::Driver *driver = selectedDriver(); driver && !driver->pluginId.isEmpty())
            Q_EMIT showPluginRequested(driver->pluginId);
    });
    auto *detailsPane = new QWidget;
    auto *detailsLayout = new QVBoxLayout(detailsPane);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->setSpacing(4);
    detailsLayout->addWidget(m_details, 1);
    auto *detailsButtons = new QHBoxLayout;
    detailsButtons->setContentsMargins(6, 0, 6, 0);
    detailsButtons->addWidget(m_goToPlugin);
    detailsButtons->addStretch(1);
    detailsLayout->addLayout(detailsButtons);

    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->setObjectName(QStringLiteral("volumeSplitter"));
    m_splitter->addWidget(m_listStack);
    m_splitter->addWidget(detailsPane);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({400, 220});
    m_splitter->setChildrenCollapsible(false);

    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("volumeProblem"));
    m_problem->setWordWrap(true);
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #664d03; border: 1px solid #ffe69c;"
                                            " border-radius: 4px; padding: 6px; }"));
    m_problem->setAccessibleName(tr("Problem listing the volumes"));
    m_problem->hide();

    m_busy = new QProgressBar;
    m_busy->setObjectName(QStringLiteral("volumeBusy"));
    m_busy->setAccessibleName(tr("Listing volumes"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setFixedWidth(90);
    m_busy->setMaximumHeight(14);
    m_busy->hide();
    m_status = new QLabel(tr("Not listed yet."));
    m_status->setObjectName(QStringLiteral("volumeStatus"));
    m_status->setAccessibleName(tr("Volume listing status"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *statusRow = new QHBoxLayout;
    statusRow->setContentsMargins(6, 0, 6, 2);
    statusRow->addWidget(m_busy);
    statusRow->addWidget(m_status, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_watcher->authorisationBar());
    layout->addWidget(m_problem);
    layout->addWidget(m_splitter, 1);
    layout->addLayout(statusRow);

    connect(m_engine, &core::Engine::pluginChanged, this, &VolumesPage::pluginsChanged);
    connect(m_engine, &core::Engine::pluginRemoved, this, &VolumesPage::pluginsChanged);
    connect(m_engine, &core::Engine::pluginsReloaded, this, &VolumesPage::pluginsChanged);
    // Another client created, removed, mounted or unmounted a volume through the same engine.
    connect(m_engine, &core::Engine::volumesChanged, this, &VolumesPage::pluginsChanged);
    // A driver's plugin started, crashed or stopped: whether it is asked, and what its row says, changes with it.
    connect(m_engine, &core::Engine::runtimeStateChanged, this, &VolumesPage::pluginsChanged);
    showSelected();
}

VolumesPage::~VolumesPage()
{
    // A listing may wait on a hung driver; nobody reads its answer any more, and the engine waits for its workers.
    for (const QPointer<core::Job> &job : std::as_const(m_listJobs)) {
        if (job)
            job->cancel();
    }
}

void VolumesPage::createActions()
{
    m_newAction = new QAction(themeIcon(QStringLiteral("list-add"), QStringLiteral("add")), tr("&New Volume…"), this);
    m_newAction->setObjectName(QStringLiteral("newVolumeAction"));
    m_newAction->setShortcut(QKeySequence::New);
    m_newAction->setIconText(tr("New Volume"));
    m_newAction->setToolTip(tr("Create a volume with a volume driver (Ctrl+N)"));
    connect(m_newAction, &QAction::triggered, this, [this] { newVolume(); });

    m_removeAction =
        new QAction(themeIcon(QStringLiteral("edit-delete"), QStringLiteral("remove")), tr("&Remove…"), this);
    m_removeAction->setObjectName(QStringLiteral("removeVolumeAction"));
    m_removeAction->setShortcut(QKeySequence::Delete);
    m_removeAction->setIconText(tr("Remove"));
    m_removeAction->setToolTip(tr("Remove the selected volume and its data (Delete)"));
    connect(m_removeAction, &QAction::triggered, this, &VolumesPage::removeSelected);

    m_refreshAction =
        new QAction(themeIcon(QStringLiteral("view-refresh"), QStringLiteral("refresh")), tr("Re&fresh"), this);
    m_refreshAction->setObjectName(QStringLiteral("refreshVolumesAction"));
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setIconText(tr("Refresh"));
    m_refreshAction->setToolTip(tr("Ask every volume driver for its volumes again (F5)"));
    connect(m_refreshAction, &QAction::triggered, this, &VolumesPage::refresh);

    m_copyNameAction =
        new QAction(themeIcon(QStringLiteral("edit-copy"), QStringLiteral("volume")), tr("Copy &Name"), this);
    connect(m_copyNameAction, &QAction::triggered, this, [this] {
        if (const core::Volume *volume = selectedVolume())
            QApplication::clipboard()->setText(volume->name);
    });
    m_copyMountpointAction = new QAction(tr("Copy &Mountpoint"), this);
    connect(m_copyMountpointAction, &QAction::triggered, this, [this] {
        if (const core::Volume *volume = selectedVolume())
            QApplication::clipboard()->setText(volume->hostMountpoint.isEmpty() ? volume->mountpoint
                                                                                : volume->hostMountpoint);
    });

    // The shortcuts work while the page is shown (a hidden page's actions do not match), wherever the focus is.
    for (QAction *action : {m_newAction, m_removeAction, m_refreshAction}) {
        action->setShortcutContext(Qt::WindowShortcut);
        addAction(action);
    }

    m_toolBar = new QToolBar(tr("Volumes"));
    m_toolBar->setObjectName(QStringLiteral("volumesToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addAction(m_newAction);
    m_toolBar->addAction(m_removeAction);
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_refreshAction);
    auto *spacer = new QWidget;
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_toolBar->addWidget(spacer);
    m_filter = new QLineEdit;
    m_filter->setObjectName(QStringLiteral("volumeFilter"));
    m_filter->setPlaceholderText(tr("Filter volumes…"));
    makeFilterField(m_filter);
    m_filter->setAccessibleName(tr("Filter volumes"));
    m_filter->setMaximumWidth(280);
    m_toolBar->addWidget(m_filter);
    // With tens of thousands of volumes a filter pass takes a noticeable moment: run it once typing pauses.
    auto *filterDelay = new QTimer(this);
    filterDelay->setSingleShot(true);
    filterDelay->setInterval(FilterDelayMs);
    connect(m_filter, &QLineEdit::textChanged, filterDelay, qOverload<>(&QTimer::start));
    connect(filterDelay, &QTimer::timeout, this, [this] { m_proxy->setFilterFixedString(m_filter->text()); });
}

void VolumesPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        refresh();
}

void VolumesPage::pluginsChanged()
{
    // A driver may have appeared or gone. Listing talks to every driver: only for a page someone looks at.
    if (isVisible())
        refresh();
    else
        m_stale = true;
}

void VolumesPage::refresh()
{
    m_stale = false;
    if (isListing()) {
        m_refreshPending = true;
        return;
    }
    m_refreshPending = false;
    m_listTimer.start();
    QString problem;
    QList<VolumeListModel::Driver> drivers = listDrivers(&problem);
    QStringList asked;
    for (VolumeListModel::Driver &driver : drivers) {
        driver.listing = driver.enabled && !driver.notRunning;
        if (driver.listing)
            asked.append(driver.name);
    }
    // The rows at once, each driver saying what it is; the running ones fill in as they answer.
    m_model->setDrivers(drivers);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_listStack->setCurrentIndex(m_model->driverCount() == 0 && problem.isEmpty() ? 1 : 0);
    if (asked.isEmpty()) {
        listingFinished();
        return;
    }
    m_busy->show();
    m_status->setText(tr("Listing volumes…"));
    for (const QString &name : std::as_const(asked)) {
        core::Job *job = m_engine->volumes(name);
        m_listJobs.append(job);
        follow(job, [this, name](core::Job *finished) {
            m_listJobs.removeAll(finished);
            m_listJobs.removeAll(nullptr);
            applyDriverListing(name, finished);
            if (!isListing()) {
                listingFinished();
                if (m_refreshPending)
                    refresh();
            }
        });
    }
}

QList<VolumeListModel::Driver> VolumesPage::listDrivers(QString *problem) const
{
    QList<VolumeListModel::Driver> drivers;
    QStringList enabledIds;
    // Cheap: the drivers' scopes are cached once asked, and a driver that is not running is not asked.
    auto enabled = m_engine->volumeDrivers();
    if (enabled) {
        for (const core::VolumeDriverInfo &info : *enabled) {
            VolumeListModel::Driver driver = VolumeListModel::Driver::named(info.name, info.pluginId);
            driver.scope = info.scope;
            // Only a running plugin is asked for its volumes: a dead one would only hold the page for its time-out.
            if (auto state = m_engine->runtimeState(info.pluginId)) {
                driver.state = core::PluginRuntimeState::statusName(state->status);
                driver.notRunning = core::VolumeService::notRunningReason(*state);
            } else {
                driver.notRunning = tr("not running: %1").arg(state.error().message);
            }
            drivers.append(driver);
            enabledIds.append(info.pluginId);
        }
    } else {
        *problem = tr("Cannot read the volume drivers: %1").arg(enabled.error().message);
    }
    // Disabled volume plugins too: their row says why their volumes are not listed.
    if (auto plugins = m_engine->plugins()) {
        for (const core::Plugin &plugin : plugins->plugins) {
            if (!plugin.enabled && plugin.config.hasCapability(QStringLiteral("volumedriver")) &&
                !enabledIds.contains(plugin.id)) {
                VolumeListModel::Driver driver = VolumeListModel::Driver::named(plugin.name(), plugin.id);
                driver.enabled = false;
                driver.state = tr("disabled");
                drivers.append(driver);
            }
        }
    }
    return drivers;
}

void VolumesPage::applyDriverListing(const QString &driver, core::Job *job)
{
    if (!job->succeeded()) {
        core::Error error = job->error().value_or(core::Error{});
        if (error.code == core::ErrorCode::Cancelled)
            error.message = tr("listing cancelled");
        m_model->setDriverVolumes(driver, {}, error);
        return;
    }
    const core::VolumeList list = core::VolumeList::fromVariant(job->result());
    std::optional<core::Error> error;
    for (const core::VolumeDriverError &failure : list.errors) {
        if (failure.driver == driver || list.errors.size() == 1)
            error = failure.error;
    }
    m_model->setDriverVolumes(driver, list.volumes, error);
    m_listStack->setCurrentIndex(0);
}

void VolumesPage::listingFinished()
{
    const qint64 elapsed = m_listTimer.elapsed();
    const QString when = QLocale().toString(QTime::currentTime(), QLocale::ShortFormat);
    m_busy->hide();
    // Another listing follows (a change arrived meanwhile): the notice waits for it, as the last word.
    QString notice = m_refreshPending ? QString() : m_notice;
    if (!m_refreshPending)
        m_notice.clear();
    if (!notice.isEmpty())
        notice += QStringLiteral("  ·  ");
    int failed = 0;
    int notRunning = 0;
    for (int row = 0; row < m_model->driverCount(); ++row) {
        const VolumeListModel::Driver *driver = m_model->driverAt(m_model->index(row, 0));
        if (driver->enabled && driver->notRunning)
            ++notRunning;
        else if (driver->error)
            ++failed;
    }
    QString text = notice + tr("Volumes: %1 · drivers: %2 · listed at %3 in %4 s")
                                .arg(m_model->volumeCount())
                                .arg(m_model->driverCount())
                                .arg(when, secondsText(elapsed));
    if (failed > 0)
        text += QStringLiteral(" · ") + tr("drivers that did not answer: %1 (see their rows)").arg(failed);
    if (notRunning > 0)
        text += QStringLiteral(" · ") + tr("drivers not running, not asked: %1").arg(notRunning);
    m_status->setText(text);

    if (!m_selectAfterList.isEmpty()) {
        selectVolume(m_selectAfterList);
        m_selectAfterList.clear();
    }
    showSelected();
    Q_EMIT listed();
}

QModelIndex VolumesPage::selectedSourceIndex() const
{
    const QModelIndex current = m_tree->selectionModel()->currentIndex();
    if (!current.isValid() || !m_tree->selectionModel()->isSelected(current))
        return {};
    return m_proxy->mapToSource(current.siblingAtColumn(0));
}

const core::Volume *VolumesPage::selectedVolume() const
{
    return m_model->volumeAt(selectedSourceIndex());
}

const VolumeListModel::Driver *VolumesPage::selectedDriver() const
{
    return m_model->driverAt(selectedSourceIndex());
}

QString VolumesPage::selectedVolumeName() const
{
    const core::Volume *volume = selectedVolume();
    return volume ? volume->name : QString();
}

bool VolumesPage::selectVolume(const QString &name)
{
    const QModelIndex source = m_model->volumeIndex(name);
    if (!source.isValid())
        return false;
    QModelIndex index = m_proxy->mapFromSource(source);
    if (!index.isValid()) {
        // Hidden by the filter: the person asked for this volume, so show it.
        m_filter->clear();
        m_proxy->setFilterFixedString(QString());
        index = m_proxy->mapFromSource(source);
    }
    if (!index.isValid())
        return false;
    m_tree->expand(index.parent());
    m_tree->selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_tree->scrollTo(index);
    return true;
}

void VolumesPage::showSelected()
{
    updateActions();
    const QModelIndex source = selectedSourceIndex();
    if (const core::Volume *volume = m_model->volumeAt(source))
        m_details->showVolume(*volume);
    else if (const VolumeListModel::Driver *driver = m_model->driverAt(source))
        m_details->showDriver(*driver, m_model->rowCount(source));
    else
        m_details->showNothing();
    const VolumeListModel::Driver *driver = m_model->volumeAt(source) ? nullptr : m_model->driverAt(source);
    m_goToPlugin->setVisible(driver && !driver->pluginId.isEmpty());
}

void VolumesPage::updateActions()
{
    const bool volume = selectedVolume() != nullptr;
    m_removeAction->setEnabled(volume);
    m_copyNameAction->setEnabled(volume);
    m_copyMountpointAction->setEnabled(volume);
}

void VolumesPage::showContextMenu(const QPoint &position)
{
    const QModelIndex index = m_tree->indexAt(position);
    if (index.isValid())
        m_tree->selectionModel()->setCurrentIndex(index,
                                                  QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    // A popup, so no nested event loop runs in the window; the menu deletes itself once closed.
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (selectedVolume()) {
        menu->addAction(m_removeAction);
        menu->addSeparator();
        menu->addAction(m_copyNameAction);
        menu->addAction(m_copyMountpointAction);
        menu->addSeparator();
    }
    const VolumeListModel::Driver *driver = selectedDriver();
    if (driver && driver->enabled) {
        const QString name = driver->name;
        QAction *onDriver = menu->addAction(m_newAction->icon(), tr("New Volume with %1…").arg(name));
        connect(onDriver, &QAction::triggered, this, [this, name] { newVolume(name); });
    } else {
        menu->addAction(m_newAction);
    }
    menu->addAction(m_refreshAction);
    menu->popup(m_tree->viewport()->mapToGlobal(position));
}

void VolumesPage::newVolume(const QString &driver)
{
    auto drivers = m_engine->volumeDrivers();
    QString preferred = driver;
    if (preferred.isEmpty()) {
        if (const VolumeListModel::Driver *selected = selectedDriver())
            preferred = selected->name;
    }
    // Each driver's state, as its row shows it: the dialog says which cannot create now and picks a healthy one.
    QHash<QString, QString> notRunning;
    if (drivers) {
        for (const core::VolumeDriverInfo &info : *drivers) {
            auto state = m_engine->runtimeState(info.pluginId);
            const std::optional<QString> reason =
                state ? core::VolumeService::notRunningReason(*state)
                      : std::optional<QString>(tr("not running: %1").arg(state.error().message));
            if (reason)
                notRunning.insert(info.name, *reason);
        }
    }
    auto *dialog = new NewVolumeDialog(drivers ? *drivers : QList<core::VolumeDriverInfo>{}, preferred,
                                       drivers ? QString() : drivers.error().message, notRunning, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { startCreate(dialog->driver(), dialog->name(), dialog->options()); });
    dialog->open();
}

void VolumesPage::startCreate(const QString &driver, const QString &name, const QMap<QString, QString> &options)
{
    m_watcher->watch(
        m_engine->createVolume(driver, name, options),
        name.isEmpty() ? tr("The volume could not be created with %1.").arg(driver)
                       : tr("The volume %1 could not be created with %2.").arg(name, driver),
        [this](const QVariant &result) {
            const core::Volume volume = core::Volume::fromJson(QJsonObject::fromVariantMap(result.toMap()));
            const QString created = volume.name;
            m_notice = tr("Volume %1 created.").arg(created);
            // Its row at once, selected; the listing the engine's change brings only confirms it.
            if (m_model->updateVolume(volume) && selectVolume(created))
                m_status->setText(m_notice);
            else
                m_selectAfterList = created;
            if (isVisible())
                showSelected();
            Q_EMIT volumeCreated(created);
        },
        [this](const core::Error &) {
            refresh();
            return false;
        });
}

void VolumesPage::removeSelected()
{
    const core::Volume *volume = selectedVolume();
    if (!volume)
        return;
    const QString name = volume->name;
    const bool inUse = volume->mounts > 0;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove Volume"), tr("Remove the volume %1?").arg(name),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmRemoveVolume"));
    if (inUse)
        box->setInformativeText(tr("It is in use: mounted through Plugdesk %n time(s). Force Remove unmounts it "
                                   "first; whatever uses it loses its data. The driver %1 deletes the volume and "
                                   "its data; this cannot be undone.",
                                   nullptr, volume->mounts)
                                    .arg(volume->driver));
    else
        box->setInformativeText(
            tr("The driver %1 deletes the volume and its data; this cannot be undone.").arg(volume->driver));
    QPushButton *remove = box->addButton(inUse ? tr("&Force Remove") : tr("&Remove"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, remove, name, inUse] {
        if (box->clickedButton() == remove)
            startRemove(name, inUse);
    });
    box->open();
}

void VolumesPage::startRemove(const QString &name, bool force)
{
    m_watcher->watch(
        m_engine->removeVolume(name, force), tr("The volume %1 could not be removed.").arg(name),
        [this, name](const QVariant &) {
            m_notice = tr("Volume %1 removed.").arg(name);
            // Its row goes at once; the engine's change lists again, which only confirms it.
            m_model->removeVolume(name);
            m_status->setText(m_notice);
            showSelected();
            Q_EMIT volumeRemoved(name);
        },
        [this, name, force](const core::Error &error) {
            refresh();
            if (error.code != core::ErrorCode::InUse || force)
                return false;
            askForceRemove(name, error.message);
            return true;
        });
}

void VolumesPage::askForceRemove(const QString &name, const QString &reason)
{
    // The list was older than the mount: the engine knows better, and says why.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove Volume"), tr("The volume %1 is in use.").arg(name),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("confirmForceRemoveVolume"));
    box->setInformativeText(reason + QStringLiteral("\n\n") +
                            tr("Force Remove unmounts it first; whatever uses it loses its data."));
    QPushButton *force = box->addButton(tr("&Force Remove"), QMessageBox::DestructiveRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, force, name] {
        if (box->clickedButton() == force)
            startRemove(name, true);
    });
    box->open();
}

void VolumesPage::follow(core::Job *job, std::function<void(core::Job *)> done)
{
    // Deleted when it ends, even when this page goes first.
    connect(job, &core::Job::finished, job, &QObject::deleteLater);
    job->then(this, [job, done = std::move(done)](const core::Job &) { done(job); });
}

} // namespace ui
