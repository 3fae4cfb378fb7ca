#include "ui/volumespage.h"

#include "core/engine/engine.h"
#include "ui/filterfield.h"
#include "ui/icons.h"
#include "ui/jobwatcher.h"
#include "ui/newvolumedialog.h"
#include "ui/volumedetailsview.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
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
    m_proxy = new QSortFilterProxyModel(this);
    m_proxy->setObjectName(QStringLiteral("volumeProxy"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(VolumeListModel::SortRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    // A driver stays when one of its volumes matches; a matching driver brings all its volumes.
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setAutoAcceptChildRows(true);

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
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    m_tree->setAllColumnsShowFocus(true);
    QHeaderView *header = m_tree->header();
    header->setStretchLastSection(false);
    header->setHighlightSections(false);
    header->setSectionResizeMode(VolumeListModel::Mountpoint, QHeaderView::Stretch);
    header->resizeSection(VolumeListModel::Name, 210);
    header->resizeSection(VolumeListModel::Created, 150);
    header->resizeSection(VolumeListModel::Status, 180);
    header->resizeSection(VolumeListModel::Options, 150);
    header->resizeSection(VolumeListModel::InUse, 100);
    header->setMinimumSectionSize(60);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &VolumesPage::showSelected);
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

    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->setObjectName(QStringLiteral("volumeSplitter"));
    m_splitter->addWidget(m_listStack);
    m_splitter->addWidget(m_details);
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
    showSelected();
}

VolumesPage::~VolumesPage()
{
    // A listing may wait on a hung driver; nobody reads its answer any more, and the engine waits for its workers.
    if (m_listJob)
        m_listJob->cancel();
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
    if (m_listJob) {
        m_refreshPending = true;
        return;
    }
    m_refreshPending = false;
    m_listTimer.start();
    m_busy->show();
    m_status->setText(tr("Listing volumes…"));
    core::Job *job = m_engine->volumes();
    m_listJob = job;
    follow(job, [this](core::Job *finished) {
        m_listJob.clear();
        applyListing(finished);
        if (m_refreshPending)
            refresh();
    });
}

QList<VolumeListModel::Driver> VolumesPage::listDrivers(QString *problem) const
{
    QList<VolumeListModel::Driver> drivers;
    QStringList enabledIds;
    // Cheap after a listing: the drivers' scopes are cached by then.
    auto enabled = m_engine->volumeDrivers();
    if (enabled) {
        for (const core::VolumeDriverInfo &info : *enabled) {
            drivers.append({info.name, info.pluginId, info.scope, true, std::nullopt});
            enabledIds.append(info.pluginId);
        }
    } else {
        *problem = tr("Cannot read the volume drivers: %1").arg(enabled.error().message);
    }
    // Disabled volume plugins too: their row says why their volumes are not listed.
    if (auto plugins = m_engine->plugins()) {
        for (const core::Plugin &plugin : plugins->plugins) {
            if (!plugin.enabled && plugin.config.hasCapability(QStringLiteral("volumedriver")) &&
                !enabledIds.contains(plugin.id))
                drivers.append({plugin.name(), plugin.id, QStringLiteral("local"), false, std::nullopt});
        }
    }
    return drivers;
}

void VolumesPage::applyListing(core::Job *job)
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
    if (!job->succeeded()) {
        const core::Error error = job->error().value_or(core::Error{});
        if (error.code == core::ErrorCode::Cancelled) {
            m_status->setText(notice + tr("Listing cancelled at %1.").arg(when));
        } else {
            m_problem->setText(tr("Cannot list the volumes: %1").arg(error.message));
            m_problem->show();
            m_status->setText(notice + tr("Listing failed at %1 after %2 s.").arg(when, secondsText(elapsed)));
        }
        Q_EMIT listed();
        return;
    }
    const core::VolumeList list = core::VolumeList::fromVariant(job->result());
    QString problem;
    const QList<VolumeListModel::Driver> drivers = listDrivers(&problem);
    m_model->setList(drivers, list);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_listStack->setCurrentIndex(m_model->driverCount() == 0 ? 1 : 0);

    QString text = notice + tr("Volumes: %1 · drivers: %2 · listed at %3 in %4 s")
                                .arg(list.volumes.size())
                                .arg(m_model->driverCount())
                                .arg(when, secondsText(elapsed));
    if (!list.errors.isEmpty())
        text += QStringLiteral(" · ") + tr("drivers that did not answer: %1 (see their rows)").arg(list.errors.size());
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
    auto *dialog = new NewVolumeDialog(drivers ? *drivers : QList<core::VolumeDriverInfo>{}, preferred,
                                       drivers ? QString() : drivers.error().message, this);
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
            const QString created = result.toMap().value(QStringLiteral("Name")).toString();
            m_notice = tr("Volume %1 created.").arg(created);
            m_selectAfterList = created;
            refresh();
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
            refresh();
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
