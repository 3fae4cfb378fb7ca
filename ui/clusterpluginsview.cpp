#include "ui/clusterpluginsview.h"

#include "ui/clusterinstalldialog.h"
#include "ui/privilegedialog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

constexpr int kServiceIdRole = Qt::UserRole + 1;

QString placementText(const core::PluginService &service)
{
    if (service.constraints.isEmpty())
        return ClusterPluginsView::tr("every node");
    return ClusterPluginsView::tr("nodes where %1").arg(service.constraints.join(QStringLiteral(", ")));
}

} // namespace

ClusterPluginsView::ClusterPluginsView(core::DockerClient *client, QWidget *parent)
    : QWidget(parent)
    , m_swarm(new core::SwarmPlugins(client, this))
{
    auto *layout = new QVBoxLayout(this);
    m_banner = new QLabel(this);
    m_banner->setWordWrap(true);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setStyleSheet(
        QStringLiteral("QLabel { background: #fff3cd; color: #664d03; border: 1px solid #ffe69c; padding: 8px; }"));
    m_banner->hide();
    layout->addWidget(m_banner);

    auto *buttons = new QHBoxLayout;
    m_install = new QPushButton(tr("&Install on the Cluster…"), this);
    m_update = new QPushButton(tr("&Update…"), this);
    m_update->setToolTip(tr("Point the service at another tag; the nodes upgrade one at a time."));
    m_remove = new QPushButton(tr("&Remove"), this);
    m_remove->setToolTip(tr("Remove the service; each node removes the plugin."));
    m_refresh = new QPushButton(tr("Re&fresh"), this);
    buttons->addWidget(m_install);
    buttons->addWidget(m_update);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    buttons->addWidget(m_refresh);
    layout->addLayout(buttons);

    m_status = new QLabel(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();
    layout->addWidget(m_status);

    m_tree = new QTreeWidget(this);
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Service / Node"), tr("Plugin"), tr("Reference"), tr("State"), tr("Message")});
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->header()->setStretchLastSection(true);
    layout->addWidget(m_tree, 1);

    m_timer = new QTimer(this);
    m_timer->setInterval(3000);
    connect(m_timer, &QTimer::timeout, this, &ClusterPluginsView::refresh);
    connect(m_install, &QPushButton::clicked, this, &ClusterPluginsView::installOnCluster);
    connect(m_update, &QPushButton::clicked, this, &ClusterPluginsView::updateSelected);
    connect(m_remove, &QPushButton::clicked, this, &ClusterPluginsView::removeSelected);
    connect(m_refresh, &QPushButton::clicked, this, &ClusterPluginsView::refresh);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this, &ClusterPluginsView::updateButtons);
    updateButtons();
}

ClusterPluginsView::~ClusterPluginsView() = default;

void ClusterPluginsView::setRefreshInterval(int ms)
{
    if (ms <= 0) {
        m_timer->stop();
        return;
    }
    m_timer->setInterval(ms);
    if (isVisible())
        m_timer->start();
}

void ClusterPluginsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    if (m_timer->interval() > 0)
        m_timer->start();
}

void ClusterPluginsView::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer->stop();
}

void ClusterPluginsView::refresh()
{
    if (m_round) {
        m_again = true; // one read at a time: another one once this ends (it may have begun before a change)
        return;
    }
    m_round = new QObject(this);
    m_swarm->state(m_round, [this](const core::Result<core::SwarmState> &state) { stateRead(state); });
}

void ClusterPluginsView::stateRead(const core::Result<core::SwarmState> &state)
{
    const QString connection = m_swarm->client() ? m_swarm->client()->describe() : QString();
    if (!state) {
        m_state = {};
        m_banner->setText(tr("Cannot read the Swarm of %1: %2").arg(connection, state.error().message));
        m_banner->show();
        m_services.clear();
        m_tasks.clear();
        return finishRefresh();
    }
    m_state = *state;
    const QString problem = m_state.problem(connection);
    m_banner->setText(problem);
    m_banner->setVisible(!problem.isEmpty());
    // A manager without --experimental still lists the plugin services made earlier; a node that is no manager
    // cannot.
    if (!m_state.isManager()) {
        m_services.clear();
        m_tasks.clear();
        return finishRefresh();
    }
    m_swarm->list(m_round,
                  [this](const core::Result<QList<core::PluginService>> &services) { servicesRead(services); });
}

void ClusterPluginsView::servicesRead(const core::Result<QList<core::PluginService>> &services)
{
    if (!services) {
        m_banner->setText(services.error().message);
        m_banner->show();
        m_services.clear();
        m_tasks.clear();
        return finishRefresh();
    }
    m_services = *services;
    m_tasks.clear();
    m_taskErrors.clear();
    m_pendingTasks = int(m_services.size());
    if (m_pendingTasks == 0)
        return finishRefresh();
    for (const core::PluginService &service : std::as_const(m_services)) {
        const QString id = service.id;
        m_swarm->tasks(id, m_round,
                       [this, id](const core::Result<QList<core::PluginTask>> &tasks) { tasksRead(id, tasks); });
    }
}

void ClusterPluginsView::tasksRead(const QString &serviceId, const core::Result<QList<core::PluginTask>> &tasks)
{
    if (tasks)
        m_tasks.insert(serviceId, *tasks);
    else
        m_taskErrors.insert(serviceId, tasks.error().message);
    if (--m_pendingTasks == 0)
        finishRefresh();
}

void ClusterPluginsView::finishRefresh()
{
    if (m_round) {
        m_round->deleteLater();
        m_round = nullptr;
    }
    rebuild();
    updateButtons();
    Q_EMIT refreshed();
    if (m_again) {
        m_again = false;
        refresh();
    }
}

void ClusterPluginsView::rebuild()
{
    // Keep what the person looked at: the selected service and the services they opened or closed.
    const QString selected = selectedService() ? selectedService()->id : QString();
    QSet<QString> collapsed;
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        if (!m_tree->topLevelItem(i)->isExpanded())
            collapsed.insert(m_tree->topLevelItem(i)->data(NameColumn, kServiceIdRole).toString());
    }
    m_tree->clear();
    for (const core::PluginService &service : std::as_const(m_services)) {
        auto *item = new QTreeWidgetItem(m_tree);
        item->setData(NameColumn, kServiceIdRole, service.id);
        item->setText(NameColumn, service.name);
        item->setText(PluginColumn, service.pluginName + (service.disabled ? tr(" (disabled)") : QString()));
        item->setText(ReferenceColumn, service.remote);
        QString state = tr("on %1").arg(placementText(service));
        if (!service.updateState.isEmpty())
            state += tr("; update %1").arg(service.updateState);
        item->setText(StateColumn, state);
        item->setText(MessageColumn, service.updateMessage);
        item->setToolTip(NameColumn, service.id);

        const QList<core::PluginTask> tasks = m_tasks.value(service.id);
        if (m_taskErrors.contains(service.id)) {
            auto *child = new QTreeWidgetItem(item);
            child->setText(MessageColumn, m_taskErrors.value(service.id));
        } else if (tasks.isEmpty()) {
            auto *child = new QTreeWidgetItem(item);
            child->setText(StateColumn, tr("no task"));
            child->setText(MessageColumn, service.constraints.isEmpty() ? tr("No node runs this service yet.")
                                                                        : tr("No node matches the constraints."));
        }
        // The newest task on each node (the list comes newest first on each node).
        QSet<QString> nodes;
        for (const core::PluginTask &task : tasks) {
            if (nodes.contains(task.nodeId))
                continue;
            nodes.insert(task.nodeId);
            auto *child = new QTreeWidgetItem(item);
            child->setText(NameColumn, task.nodeHostname.isEmpty() ? task.nodeId : task.nodeHostname);
            child->setText(ReferenceColumn, task.remote);
            child->setText(StateColumn, tr("%1 (desired: %2)").arg(task.state, task.desiredState));
            child->setText(MessageColumn, task.error.isEmpty() ? task.message : task.error);
            if (!task.error.isEmpty())
                child->setForeground(MessageColumn, QColor(0xb0, 0x2a, 0x37));
            child->setToolTip(NameColumn, tr("node %1, task %2").arg(task.nodeId, task.id));
        }
        item->setExpanded(!collapsed.contains(service.id));
        if (service.id == selected)
            item->setSelected(true);
    }
    for (int column = 0; column < MessageColumn; ++column)
        m_tree->resizeColumnToContents(column);
}

const core::PluginService *ClusterPluginsView::selectedService() const
{
    const QList<QTreeWidgetItem *> items = m_tree->selectedItems();
    if (items.isEmpty())
        return nullptr;
    QTreeWidgetItem *item = items.first();
    while (item->parent())
        item = item->parent();
    const QString id = item->data(NameColumn, kServiceIdRole).toString();
    for (const core::PluginService &service : m_services) {
        if (service.id == id)
            return &service;
    }
    return nullptr;
}

void ClusterPluginsView::updateButtons()
{
    const bool usable = m_state.isManager() && m_state.experimental && !m_busy;
    m_install->setEnabled(usable);
    m_update->setEnabled(usable && selectedService());
    // Removing needs no plugin runtime: a manager without --experimental may still remove an old service.
    m_remove->setEnabled(m_state.isManager() && !m_busy && selectedService());
}

void ClusterPluginsView::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("QLabel { color: #b02a37; }") : QString());
    m_status->setVisible(!text.isEmpty());
}

void ClusterPluginsView::installOnCluster()
{
    const QString connection = m_swarm->client() ? m_swarm->client()->describe() : QString();
    auto *dialog = new ClusterInstallDialog(connection, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const core::PluginServiceSpec spec = dialog->spec();
        m_busy = true;
        updateButtons();
        setStatus(tr("Reading the privileges of %1…").arg(spec.remote), false);
        m_swarm->privileges(spec.remote, this, [this, spec](const core::Result<core::Privileges> &privileges) {
            if (!privileges) {
                m_busy = false;
                updateButtons();
                setStatus(tr("Not installed: %1").arg(privileges.error().message), true);
                Q_EMIT actionFinished(false, privileges.error().message);
                return;
            }
            createWithPrivileges(spec, *privileges);
        });
    });
    dialog->open();
}

void ClusterPluginsView::createWithPrivileges(core::PluginServiceSpec spec, const core::Privileges &privileges)
{
    auto *dialog = new PrivilegeDialog(spec.pluginName.isEmpty() ? spec.remote : spec.pluginName, privileges, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::rejected, this, [this] {
        m_busy = false;
        updateButtons();
        setStatus(tr("The privileges were not granted; nothing was installed."), false);
        Q_EMIT actionFinished(false, tr("The privileges were not granted; nothing was installed."));
    });
    connect(dialog, &QDialog::accepted, this, [this, spec, privileges]() mutable {
        spec.privileges = privileges;
        setStatus(tr("Creating the service %1…").arg(spec.serviceName), false);
        m_swarm->create(spec, this, [this, spec](const core::Result<QString> &id) {
            m_busy = false;
            if (!id) {
                setStatus(tr("Not installed: %1").arg(id.error().message), true);
                updateButtons();
                Q_EMIT actionFinished(false, id.error().message);
                return;
            }
            setStatus(tr("The service %1 installs %2 on the cluster.").arg(spec.serviceName, spec.remote), false);
            refresh();
            Q_EMIT actionFinished(true, *id);
        });
    });
    dialog->open();
}

void ClusterPluginsView::updateSelected()
{
    const core::PluginService *selected = selectedService();
    if (!selected)
        return;
    const core::PluginService service = *selected;
    auto *input = new QInputDialog(this);
    input->setAttribute(Qt::WA_DeleteOnClose);
    input->setWindowTitle(tr("Update %1").arg(service.name));
    input->setLabelText(tr("The reference the nodes upgrade %1 to, one node at a time:").arg(service.pluginName));
    input->setTextValue(service.remote);
    input->setOkButtonText(tr("Update"));
    connect(input, &QInputDialog::textValueSelected, this, [this, service](const QString &text) {
        const QString remote = text.trimmed();
        if (remote.isEmpty() || remote == service.remote)
            return;
        m_busy = true;
        updateButtons();
        setStatus(tr("Reading the privileges of %1…").arg(remote), false);
        m_swarm->privileges(remote, this, [this, service, remote](const core::Result<core::Privileges> &privileges) {
            if (!privileges) {
                m_busy = false;
                updateButtons();
                setStatus(tr("Not updated: %1").arg(privileges.error().message), true);
                Q_EMIT actionFinished(false, privileges.error().message);
                return;
            }
            auto *dialog = new PrivilegeDialog(service.pluginName, *privileges, service.privileges, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            connect(dialog, &QDialog::rejected, this, [this] {
                m_busy = false;
                updateButtons();
                setStatus(tr("The privileges were not granted; the service was not changed."), false);
                Q_EMIT actionFinished(false, tr("The privileges were not granted; the service was not changed."));
            });
            const core::Privileges granted = *privileges;
            connect(dialog, &QDialog::accepted, this, [this, service, remote, granted] {
                setStatus(tr("Updating %1 to %2…").arg(service.name, remote), false);
                m_swarm->update(service.id, remote, granted, this, [this, service, remote](const core::Status &done) {
                    m_busy = false;
                    if (!done) {
                        setStatus(tr("Not updated: %1").arg(done.error().message), true);
                        updateButtons();
                        Q_EMIT actionFinished(false, done.error().message);
                        return;
                    }
                    setStatus(tr("The nodes upgrade %1 to %2, one at a time.").arg(service.pluginName, remote), false);
                    refresh();
                    Q_EMIT actionFinished(true, service.id);
                });
            });
            dialog->open();
        });
    });
    input->open();
}

void ClusterPluginsView::removeSelected()
{
    const core::PluginService *selected = selectedService();
    if (!selected)
        return;
    const core::PluginService service = *selected;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove %1").arg(service.name),
                                tr("Remove the service %1? Each node disables and removes the plugin %2.")
                                    .arg(service.name, service.pluginName),
                                QMessageBox::Cancel, this);
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, service, remove](QAbstractButton *button) {
        if (button != remove)
            return;
        m_busy = true;
        updateButtons();
        m_swarm->remove(service.id, this, [this, service](const core::Status &done) {
            m_busy = false;
            if (!done) {
                setStatus(tr("Not removed: %1").arg(done.error().message), true);
                updateButtons();
                Q_EMIT actionFinished(false, done.error().message);
                return;
            }
            setStatus(tr("The service %1 was removed; each node removes the plugin.").arg(service.name), false);
            refresh();
            Q_EMIT actionFinished(true, service.id);
        });
    });
    box->open();
}

} // namespace ui
