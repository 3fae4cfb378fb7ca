#pragma once

#include "core/plugin/plugin.h"
#include "core/plugin/pluginruntimestate.h"

#include <QTabWidget>
#include <optional>

class QLabel;
class QPlainTextEdit;

namespace core {
class Engine;
}

namespace ui {

class PluginLogView;
class PluginSettingsView;

// The details pane for one plugin: Overview (what it is, what it may do, what its process is doing), Settings
// (editable while disabled), Logs (a live tail) and Config (formatted JSON). Owns its tabs; the plugin and its
// state come from the window, which asks the engine.
class PluginDetailsView final : public QTabWidget
{
    Q_OBJECT

public:
    explicit PluginDetailsView(core::Engine *engine, QWidget *parent = nullptr);

    void showPlugin(const core::Plugin &plugin, const std::optional<core::PluginRuntimeState> &state);
    void clear();

    QWidget *overviewTab() const { return m_overviewTab; }
    PluginSettingsView *settingsView() const { return m_settings; }
    PluginLogView *logView() const { return m_logs; }
    QLabel *overviewLabel() const { return m_overview; }

private:
    QWidget *m_overviewTab = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_overview = nullptr;
    PluginSettingsView *m_settings = nullptr;
    PluginLogView *m_logs = nullptr;
    QPlainTextEdit *m_config = nullptr;
};

} // namespace ui
