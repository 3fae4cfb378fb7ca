#include "ui/pluginlistmodel.h"

#include <QFontDatabase>
#include <QHash>
#include <QIcon>
#include <QSet>

namespace ui {

namespace {

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
{}

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
        case Id:
            return role == Qt::ToolTipRole ? plugin.id : plugin.shortId();
        default:
            return {};
        }
    }
    if (role == Qt::DecorationRole && index.column() == Name)
        return QIcon::fromTheme(QStringLiteral("application-x-addon"), QIcon(QStringLiteral(":/icons/plugin.svg")));
    if (role == Qt::DecorationRole && index.column() == Enabled)
        return QIcon::fromTheme(plugin.enabled ? QStringLiteral("emblem-default")
                                               : QStringLiteral("media-playback-stop"));
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
    case Id:
        return tr("ID");
    default:
        return {};
    }
}

void PluginListModel::setPlugins(const QList<core::Plugin> &plugins)
{
    QSet<QString> incoming;
    for (const core::Plugin &plugin : plugins)
        incoming.insert(plugin.id);
    // Remove rows that went away, from the bottom so the row numbers stay valid.
    for (int row = static_cast<int>(m_plugins.size()) - 1; row >= 0; --row) {
        if (!incoming.contains(m_plugins.at(row).id)) {
            beginRemoveRows({}, row, row);
            m_plugins.removeAt(row);
            endRemoveRows();
        }
    }
    QHash<QString, int> rows;
    for (int row = 0; row < m_plugins.size(); ++row)
        rows.insert(m_plugins.at(row).id, row);
    for (const core::Plugin &plugin : plugins) {
        const int row = rows.value(plugin.id, -1);
        if (row < 0) {
            const int end = static_cast<int>(m_plugins.size());
            beginInsertRows({}, end, end);
            m_plugins.append(plugin);
            endInsertRows();
            rows.insert(plugin.id, end);
        } else if (!sameRow(m_plugins.at(row), plugin)) {
            m_plugins[row] = plugin;
            Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
        } else {
            m_plugins[row] = plugin;
        }
    }
}

const core::Plugin *PluginListModel::pluginAt(int row) const
{
    return row >= 0 && row < m_plugins.size() ? &m_plugins.at(row) : nullptr;
}

int PluginListModel::rowOf(const QString &id) const
{
    for (int row = 0; row < m_plugins.size(); ++row) {
        if (m_plugins.at(row).id == id)
            return row;
    }
    return -1;
}

} // namespace ui
