#pragma once

#include "core/plugin/plugin.h"
#include "core/plugin/pluginruntimestate.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QTimer>
#include <optional>

namespace ui {

// The plugins as a table, one row per plugin, with what each plugin's process is doing. Owns only its copy of the
// rows and of their runtime states; does not ask the engine itself. `setPlugins` and `setRuntimeState` apply the
// difference with begin/end insert/remove and dataChanged, never a reset, so selection and scroll position survive
// a refresh.
class PluginListModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { Name, Tag, Description, Types, Enabled, State, Id, ColumnCount };
    enum Role { PluginIdRole = Qt::UserRole + 1, PhaseRole }; // PhaseRole: core::PluginRuntimeState::Phase as int

    explicit PluginListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setPlugins(const QList<core::Plugin> &plugins);
    const core::Plugin *pluginAt(int row) const;
    // Every row's plugin, in row order.
    const QList<core::Plugin> &plugins() const { return m_plugins; }
    // The state last given for the plugin `id`; nullopt when none was (or the engine could not tell).
    std::optional<core::PluginRuntimeState> runtimeState(const QString &id) const;
    // Records the state of plugin `id`; emits dataChanged for its State cell when what it shows changed.
    void setRuntimeState(const QString &id, const std::optional<core::PluginRuntimeState> &state);
    static QString statusText(core::PluginRuntimeState::Status status);
    static QIcon phaseIcon(core::PluginRuntimeState::Phase phase);
    int rowOf(const QString &id) const;

private:
    // The row icons, made once: a QIcon made per call parses and renders its SVG again at every paint.
    const QIcon &icon(int which) const;

    QList<core::Plugin> m_plugins;
    mutable QHash<int, QIcon> m_icons;
    QHash<QString, core::PluginRuntimeState> m_states;
    QHash<QString, int> m_rowOf; // id -> row, rebuilt when rows move
    QTimer m_countdown;
};

} // namespace ui
