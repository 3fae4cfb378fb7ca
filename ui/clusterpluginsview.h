#pragma once

#include "core/docker/swarmplugins.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;
class QTreeWidgetItem;

namespace ui {

class ClusterInstallDialog;

// The Cluster page of a Docker connection (issue 14, item 4): the plugin services of the Swarm the connection
// manages, each with its nodes' newest task (desired and current state, Docker's message or error), and Install on
// the Cluster, Update to another tag and Remove. When the connection is no Swarm manager, or its dockerd lacks
// --experimental, a banner says so in words and the actions are off.
//
// Self-contained: give it the connection's DockerClient (which must outlive it) and put it in a window. It reads
// the Swarm when shown and every few seconds while visible; refresh() reads it now.
class ClusterPluginsView final : public QWidget
{
    Q_OBJECT

public:
    enum Column { NameColumn, PluginColumn, ReferenceColumn, StateColumn, MessageColumn, ColumnCount };

    explicit ClusterPluginsView(core::DockerClient *client, QWidget *parent = nullptr);
    ~ClusterPluginsView() override;

    QTreeWidget *tree() const { return m_tree; }
    QLabel *banner() const { return m_banner; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *installButton() const { return m_install; }
    QPushButton *updateButton() const { return m_update; }
    QPushButton *removeButton() const { return m_remove; }
    // The services as last read (empty when the connection is no usable manager).
    const QList<core::PluginService> &services() const { return m_services; }
    const core::SwarmState &swarmState() const { return m_state; }
    // Polling period while visible (ms); 0 stops it.
    void setRefreshInterval(int ms);

public Q_SLOTS:
    void refresh();
    // The dialogs: each opens window-modally and goes on asynchronously.
    void installOnCluster();
    void updateSelected();
    void removeSelected();

Q_SIGNALS:
    // A refresh ended (the tree shows what it read, or the banner why not).
    void refreshed();
    // An install, update or removal was accepted by Docker (true) or refused (false, the message says why).
    void actionFinished(bool ok, const QString &message);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void stateRead(const core::Result<core::SwarmState> &state);
    void servicesRead(const core::Result<QList<core::PluginService>> &services);
    void tasksRead(const QString &serviceId, const core::Result<QList<core::PluginTask>> &tasks);
    void finishRefresh();
    void rebuild();
    void updateButtons();
    void setStatus(const QString &text, bool problem);
    void createWithPrivileges(core::PluginServiceSpec spec, const core::Privileges &privileges);
    const core::PluginService *selectedService() const;

    core::SwarmPlugins *m_swarm = nullptr;
    QLabel *m_banner = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_install = nullptr;
    QPushButton *m_update = nullptr;
    QPushButton *m_remove = nullptr;
    QPushButton *m_refresh = nullptr;
    QTreeWidget *m_tree = nullptr;
    QTimer *m_timer = nullptr;
    QObject *m_round = nullptr; // the refresh in flight: its answers die with it
    int m_pendingTasks = 0;
    bool m_again = false; // refresh() was called during a read
    core::SwarmState m_state;
    QList<core::PluginService> m_services;
    QHash<QString, QList<core::PluginTask>> m_tasks;
    QHash<QString, QString> m_taskErrors;
    bool m_busy = false; // an install, update or removal waits for Docker
};

} // namespace ui
