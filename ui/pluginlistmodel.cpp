#include "ui/pluginlistmodel.h"

#include <QFontDatabase>
#include <QHash>
#include <QIcon>
#include <QSet>

namespace ui {

namespace {

// Keys of PluginListModel's icons beside the phases' (which are small non-negative numbers).
constexpr int kPluginIcon = -1;
constexpr int kEnabledIcon = -2;
constexpr int kDisabledIcon = -3;

bool sameRow(const core::Plugin &a, const core::Plugin &b)
{
    return a.name() == b.name() && a.enabled == b.enabled && a.config == b.config && a.settings == b.settings &&
           a.pluginReference == b.pluginReference;
}

QString typesText(const core::Plugin &plugin)
{
    QStringList names;
    for (const core::PluginInterfaceType &type : plugin.config.parsedTypes())
        names.append(type.capability);
    return names.join(QStringLiteral(", "));
}

} // namespace

PluginListModel::PluginListModel(QObject *parent)
    : QAbstractTableModel(parent)
{
    // "next try in N s" counts down while a plugin waits to be restarted.
    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, [this] {
        bool any = false;
        for (int row = 0; row < m_plugins.size(); ++row) {
            const auto state = m_states.constFind(m_plugins.at(row).id);
            if (state != m_states.cend() && state->status == core::PluginRuntimeState::Status::Restarting) {
                any = true;
                Q_EMIT dataChanged(index(row, State), index(row, State));
            }
        }
        if (!any)
            m_countdown.stop();
    });
}

int PluginListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_plugins.size());
}

int PluginListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PluginListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const core::Plugin &plugin = m_plugins.at(index.row());
    if (role == PluginIdRole)
        return plugin.id;
    if (role == Qt::DisplayRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Name:
            return plugin.repository;
        case Tag:
            return plugin.tag;
        case Description:
            return plugin.config.description;
        case Types:
            return typesText(plugin);
        case Enabled:
            return plugin.enabled ? tr("Enabled") : tr("Disabled");
        case State:
            // The phase with its cause; the cell elides it, the tooltip has all of it.
            return core::PluginRuntimeState::summary(plugin.enabled, runtimeState(plugin.id));
        case Id:
            return role == Qt::ToolTipRole ? plugin.id : plugin.shortId();
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && index.column() == Name)
        return icon(kPluginIcon);
    if (role == Qt::DecorationRole && index.column() == Enabled)
        return icon(plugin.enabled ? kEnabledIcon : kDisabledIcon);
    if (role == Qt::DecorationRole && index.column() == State)
        return icon(int(core::PluginRuntimeState::phase(plugin.enabled, runtimeState(plugin.id))));
    if (role == PhaseRole && index.column() == State)
        return int(core::PluginRuntimeState::phase(plugin.enabled, runtimeState(plugin.id)));
    if (role == Qt::FontRole && index.column() == Id)
        return QFontDatabase::systemFont(QFontDatabase::FixedFont);
    if (role == Qt::AccessibleTextRole)
        return data(index, Qt::DisplayRole);
    return {};
}

QVariant PluginListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Tag:
        return tr("Tag");
    case Description:
        return tr("Description");
    case Types:
        return tr("Types");
    case Enabled:
        return tr("Enabled");
    case State:
        return tr("State");
    case Id:
        return tr("ID");
    default:
        return {};
    }
}

void PluginListModel::setPlugins(const QList<core::Plugin> &plugins)
{
    if (m_plugins.isEmpty()) {
        // The first fill (or one after the list was empty): every row is new, in the order given, with no state yet.
        // One insert, and the list shared with the caller's rather than copied plugin by plugin.
        if (plugins.isEmpty())
            return;
        beginInsertRows({}, 0, static_cast<int>(plugins.size()) - 1);
        m_plugins = plugins;
        m_rowOf.clear();
        m_rowOf.reserve(plugins.size());
        for (int row = 0; row < m_plugins.size(); ++row)
            m_rowOf.insert(m_plugins.at(row).id, row);
        endInsertRows();
        return;
    }
    QSet<QString> incoming;
    for (const core::Plugin &plugin : plugins)
        incoming.insert(plugin.id);
    m_rowOf.clear(); // rebuilt below, once the removals have moved the rows
    // Remove rows that went away, from the bottom so the row numbers stay valid.
    for (int row = static_cast<int>(m_plugins.size()) - 1; row >= 0; --row) {
        if (!incoming.contains(m_plugins.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_states.remove(m_plugins.at(row).id);
            m_plugins.removeAt(row);
            endRemoveRows();
        }
    }
    QHash<QString, int> &rows = m_rowOf;
    for (int row = 0; row < m_plugins.size(); ++row)
        rows.insert(m_plugins.at(row).id, row);
    QList<core::Plugin> added;
    for (const core::Plugin &plugin : plugins) {
        const int row = rows.value(plugin.id, -1);
        if (row < 0) {
            added.append(plugin);
        } else if (!sameRow(m_plugins.at(row), plugin)) {
            m_plugins[row] = plugin;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else {
            m_plugins[row] = plugin;
        }
    }
    // New plugins go to the end in one block: one insert for a whole first fill.
    if (!added.isEmpty()) {
        const int first = static_cast<int>(m_plugins.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        for (const core::Plugin &plugin : std::as_const(added)) {
            rows.insert(plugin.id, static_cast<int>(m_plugins.size()));
            m_plugins.append(plugin);
        }
        endInsertRows();
    }
}

const core::Plugin *PluginListModel::pluginAt(int row) const
{
    return row >= 0 && row < m_plugins.size() ? &m_plugins.at(row) : nullptr;
}

std::optional<core::PluginRuntimeState> PluginListModel::runtimeState(const QString &id) const
{
    const auto state = m_states.constFind(id);
    if (state == m_states.cend())
        return std::nullopt;
    return *state;
}

void PluginListModel::setRuntimeState(const QString &id, const std::optional<core::PluginRuntimeState> &state)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    const auto old = m_states.constFind(id);
    const bool had = old != m_states.cend();
    // Only what the row shows counts: the polled record changes its timestamps without changing the row.
    const bool same = had == state.has_value() &&
                      (!had || (old->status == state->status && old->message == state->message &&
                                old->restarts == state->restarts && old->lastExitStatus == state->lastExitStatus &&
                                old->publishedSocketPath == state->publishedSocketPath &&
                                old->reason == state->reason && old->nextRestart == state->nextRestart));
    if (state)
        m_states.insert(id, *state);
    else
        m_states.remove(id);
    if (!same)
        Q_EMIT dataChanged(index(row, State), index(row, State));
    if (state && state->status == core::PluginRuntimeState::Status::Restarting && !m_countdown.isActive())
        m_countdown.start();
}

const QIcon &PluginListModel::icon(int which) const
{
    auto found = m_icons.constFind(which);
    if (found != m_icons.cend())
        return *found;
    QIcon made;
    if (which == kPluginIcon)
        made = QIcon::fromTheme(QStringLiteral("application-x-addon"), QIcon(QStringLiteral(":/icons/plugin.svg")));
    else if (which == kEnabledIcon)
        made = QIcon::fromTheme(QStringLiteral("emblem-default"));
    else if (which == kDisabledIcon)
        made = QIcon::fromTheme(QStringLiteral("media-playback-stop"));
    else
        made = phaseIcon(core::PluginRuntimeState::Phase(which));
    return *m_icons.insert(which, made);
}

QIcon PluginListModel::phaseIcon(core::PluginRuntimeState::Phase phase)
{
    using Phase = core::PluginRuntimeState::Phase;
    switch (phase) {
    case Phase::Disabled:
        return QIcon(QStringLiteral(":/icons/state-stopped.svg"));
    case Phase::Starting:
        return QIcon(QStringLiteral(":/icons/state-starting.svg"));
    case Phase::Running:
        return QIcon(QStringLiteral(":/icons/state-running.svg"));
    case Phase::Restarting:
        return QIcon(QStringLiteral(":/icons/state-restarting.svg"));
    case Phase::Failed:
        return QIcon(QStringLiteral(":/icons/state-failed.svg"));
    case Phase::NotRunning:
        break;
    }
    return QIcon(QStringLiteral(":/icons/warning.svg"));
}

QString PluginListModel::statusText(core::PluginRuntimeState::Status status)
{
    switch (status) {
    case core::PluginRuntimeState::Status::Stopped:
        return tr("stopped");
    case core::PluginRuntimeState::Status::Starting:
        return tr("starting");
    case core::PluginRuntimeState::Status::Running:
        return tr("running");
    case core::PluginRuntimeState::Status::Restarting:
        return tr("restarting");
    case core::PluginRuntimeState::Status::Failed:
        break;
    }
    return tr("failed");
}

int PluginListModel::rowOf(const QString &id) const
{
    return m_rowOf.value(id, -1);
}

} // namespace ui
