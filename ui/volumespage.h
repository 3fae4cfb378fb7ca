#pragma once

#include "ui/volumedetailsview.h"
#include "ui/volumelistmodel.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>
#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QSortFilterProxyModel;
class QSplitter;
class QStackedWidget;
class QToolBar;
class QTreeView;

namespace core {
class Engine;
class Job;
} // namespace core

namespace ui {

class JobWatcher;
class NewVolumeDialog;

// The Volumes page of the window: the volume drivers and their volumes as a tree (VolumeListModel behind a
// filtering proxy), a details pane, New Volume / Remove / Refresh, and a status line saying when the list was made
// and how long it took. Talks only to core::Engine: listing, creating and removing are jobs, followed with callbacks
// bound to this page, so nothing waits on a plugin in the window's thread. Lists when first shown, on Refresh, and
// when a plugin changes while the page is shown (later, when shown again, otherwise). A listing asks each running
// driver on its own job and shows each answer as it arrives; a driver whose plugin is not running is not asked (its
// row says why). A create or remove made here changes its row at once.
class VolumesPage final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int FilterDelayMs = 150;

    explicit VolumesPage(core::Engine *engine, QWidget *parent = nullptr);
    ~VolumesPage() override;

    // Starts listing the volumes; while one listing runs, another follows it once (what changed meanwhile).
    void refresh();
    bool isListing() const { return !m_listJobs.isEmpty(); }

    // Opens the New Volume dialog (the selected driver preselected, or `driver`); on Create, creates the volume,
    // lists again and selects it.
    void newVolume(const QString &driver = {});
    // Asks, then removes the selected volume (force offered when it is in use).
    void removeSelected();

    QString selectedVolumeName() const;
    // Selects the volume `name` (clearing a filter that hides it); false when it is not listed.
    bool selectVolume(const QString &name);

    VolumeListModel *model() const { return m_model; }
    QSortFilterProxyModel *proxy() const { return m_proxy; }
    QTreeView *treeView() const { return m_tree; }
    QLineEdit *filterEdit() const { return m_filter; }
    QLabel *statusLabel() const { return m_status; }
    QLabel *problemBanner() const { return m_problem; }
    QProgressBar *busyIndicator() const { return m_busy; }
    VolumeDetailsView *detailsView() const { return m_details; }
    // Shown under the details of a driver: switches to the Plugins page with its plugin selected.
    QPushButton *goToPluginButton() const { return m_goToPlugin; }
    QToolBar *toolBar() const { return m_toolBar; }
    QAction *newVolumeAction() const { return m_newAction; }
    QAction *removeAction() const { return m_removeAction; }
    QAction *refreshAction() const { return m_refreshAction; }
    QAction *copyNameAction() const { return m_copyNameAction; }
    QAction *copyMountpointAction() const { return m_copyMountpointAction; }

Q_SIGNALS:
    // A listing was applied to the model (or failed as a whole: see problemBanner()).
    void listed();
    void volumeCreated(const QString &name);
    void volumeRemoved(const QString &name);
    // Go to Plugin on a driver: the window shows the plugin `pluginId` on the Plugins page.
    void showPluginRequested(const QString &pluginId);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void createActions();
    void pluginsChanged();
    void applyDriverListing(const QString &driver, core::Job *job);
    void listingFinished();
    QList<VolumeListModel::Driver> listDrivers(QString *problem) const;
    void showSelected();
    void updateActions();
    void showContextMenu(const QPoint &position);
    void startCreate(const QString &driver, const QString &name, const QMap<QString, QString> &options);
    void startRemove(const QString &name, bool force);
    void askForceRemove(const QString &name, const QString &reason);
    // Runs `done` once `job` has finished (at once, queued, when it already has), then deletes the job.
    void follow(core::Job *job, std::function<void(core::Job *)> done);
    QModelIndex selectedSourceIndex() const;
    const core::Volume *selectedVolume() const;
    const VolumeListModel::Driver *selectedDriver() const;

    core::Engine *m_engine;
    VolumeListModel *m_model = nullptr;
    QSortFilterProxyModel *m_proxy = nullptr;
    QToolBar *m_toolBar = nullptr;
    QTreeView *m_tree = nullptr;
    QStackedWidget *m_listStack = nullptr;
    QSplitter *m_splitter = nullptr;
    QLineEdit *m_filter = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_problem = nullptr;
    QProgressBar *m_busy = nullptr;
    VolumeDetailsView *m_details = nullptr;
    QPushButton *m_goToPlugin = nullptr;
    QAction *m_newAction = nullptr;
    QAction *m_removeAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_copyNameAction = nullptr;
    QAction *m_copyMountpointAction = nullptr;

    QList<QPointer<core::Job>> m_listJobs; // one per driver asked, until it answered
    JobWatcher *m_watcher = nullptr;
    QElapsedTimer m_listTimer;
    bool m_refreshPending = false;
    bool m_stale = true;       // list when next shown
    QString m_selectAfterList; // a volume just created
    QString m_notice;          // what the last create or remove did, shown with the next status line
};

} // namespace ui
