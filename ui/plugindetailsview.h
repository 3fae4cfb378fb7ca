#pragma once

#include "core/plugin/plugin.h"
#include "core/plugin/pluginruntimestate.h"

#include <QTabWidget>
#include <optional>

class QLabel;
class QFrame;
class QPushButton;
class QTimer;
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
    // The message banner above the overview: why an enabled plugin does not run, with Show Logs and Start (failed,
    // not running) or Restart (restarting). Hidden for a plugin that is disabled, starting or running.
    QFrame *stateBanner() const { return m_banner; }
    QLabel *stateBannerText() const { return m_bannerText; }
    QPushButton *showLogsButton() const { return m_showLogs; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *restartButton() const { return m_restart; }

Q_SIGNALS:
    // Start or Restart was pressed for the plugin `id` (the page runs Engine::start).
    void startRequested(const QString &id);

private:
    void updateBanner();

    QFrame *m_banner = nullptr;
    QLabel *m_bannerIcon = nullptr;
    QLabel *m_bannerText = nullptr;
    QPushButton *m_showLogs = nullptr;
    QPushButton *m_start = nullptr;
    QPushButton *m_restart = nullptr;
    QTimer *m_countdown = nullptr;
    QString m_pluginId;
    QString m_pluginName;
    bool m_pluginEnabled = false;
    std::optional<core::PluginRuntimeState> m_state;

    QWidget *m_overviewTab = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_overview = nullptr;
    PluginSettingsView *m_settings = nullptr;
    PluginLogView *m_logs = nullptr;
    QPlainTextEdit *m_config = nullptr;
};

} // namespace ui
