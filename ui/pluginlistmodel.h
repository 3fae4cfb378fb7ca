#pragma once

#include "core/plugin/plugin.h"

#include <QAbstractTableModel>
#include <QList>

namespace ui {

// The plugins as a table, one row per plugin. Owns only its copy of the rows; `setPlugins` applies the
// difference to the current rows with begin/end insert/remove and dataChanged, never a reset, so selection
// and scroll position survive a refresh.
class PluginListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Tag, Description, Types, Enabled, Id, ColumnCount };
    enum Role { PluginIdRole = Qt::UserRole + 1 };

    explicit PluginListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setPlugins(const QList<core::Plugin> &plugins);
    const core::Plugin *pluginAt(int row) const;
    int rowOf(const QString &id) const;

private:
    QList<core::Plugin> m_plugins;
};

} // namespace ui
