#pragma once

#include "core/plugin/plugin.h"

#include <QTabWidget>

class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace ui {

// The details pane for one plugin: Overview (what it is and what it may do), Settings (its current
// settings), Config (the config as formatted JSON). Shows; does not change anything.
class PluginDetailsView final : public QTabWidget
{
    Q_OBJECT

public:
    explicit PluginDetailsView(QWidget *parent = nullptr);

    void showPlugin(const core::Plugin &plugin);
    void clear();

private:
    QLabel *m_title = nullptr;
    QLabel *m_overview = nullptr;
    QTableWidget *m_settings = nullptr;
    QLabel *m_settingsNote = nullptr;
    QPlainTextEdit *m_config = nullptr;
};

} // namespace ui
