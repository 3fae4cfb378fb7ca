#pragma once

#include "core/plugin/plugin.h"

#include <QWidget>
#include <utility>

class QLabel;
class QPushButton;
class QTableWidget;

namespace core {
class Engine;
class Job;
} // namespace core

namespace ui {

class EditEndDelegate;

// The Settings tab: the plugin's env, args, mounts and devices as a table whose settable fields can be edited, and
// Apply, which hands the changed fields to Engine::set as `plugin set` arguments; a change that gives the plugin host
// privileges nobody approved (a mount source, a device path) first shows the privilege dialog with the new rows
// marked, and goes to Engine::grant only when accepted (Cancel reverts the edits). Locked while the plugin is
// enabled, as Docker refuses `set` then. Shows Docker's validation message under the table. Owns only the edits
// not yet applied; the settings themselves are the engine's.
class PluginSettingsView final : public QWidget
{
    Q_OBJECT

public:
    enum Column { Kind, Name, Value, Description, ColumnCount };

    explicit PluginSettingsView(core::Engine *engine, QWidget *parent = nullptr);

    // Shows `plugin`. For the plugin already shown, changed (a refresh), the edits not applied yet and the current
    // cell are kept, and while a cell is being edited the refresh waits until the edit ended.
    void setPlugin(const core::Plugin &plugin);
    void clear();

    // The `plugin set` arguments for the edited cells, e.g. "DEBUG=1", "data.source=/srv".
    QStringList pendingArguments() const;
    // Applies the edits: returns at once, true when the change was handed to the engine (applied() or the message
    // under the table follows when it answers; the buttons wait meanwhile), false when the edits do not parse
    // (message shown) or the privilege dialog was opened for them (its answer applies or reverts them).
    bool apply();
    void revert();

    QTableWidget *table() const { return m_table; }
    QLabel *errorLabel() const { return m_error; }
    QLabel *noteLabel() const { return m_note; }
    QPushButton *applyButton() const { return m_apply; }
    QPushButton *revertButton() const { return m_revert; }

Q_SIGNALS:
    void applied(const QString &pluginName);
    // The engine refused the change (the message is under the table).
    void refused(const QString &message);

private:
    void fill();
    // The edited cells not applied yet, in table order: their `set` key and the text now in the cell.
    QList<std::pair<QString, QString>> edits() const;
    void askToGrant(const QStringList &arguments, const core::Privileges &effective);
    void showError(const QString &message);
    // Follows the engine's set or grant job for `arguments`; the edits stay until it answered.
    void follow(core::Job *job, const QStringList &arguments);
    void updateButtons();

    core::Engine *m_engine;
    bool m_applying = false;
    std::optional<core::Plugin> m_plugin;
    // A refresh of the shown plugin that came while a cell was being edited.
    std::optional<core::Plugin> m_deferred;
    QTableWidget *m_table = nullptr;
    EditEndDelegate *m_delegate = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_apply = nullptr;
    QPushButton *m_revert = nullptr;
};

} // namespace ui
