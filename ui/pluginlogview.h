#pragma once

#include <QStringList>
#include <QWidget>
#include <functional>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace core {
class Engine;
}

namespace ui {

// The Logs tab: the last lines of a plugin's log from Engine::logs, polled every second while the tab is visible
// (a live tail), a search box that highlights every match, and Save to file. Owns the lines it shows; reads
// nothing but the engine.
class PluginLogView final : public QWidget
{
    Q_OBJECT

public:
    static constexpr int TailLines = 2000;

    explicit PluginLogView(core::Engine *engine, QWidget *parent = nullptr);

    // Follows the plugin `id` (empty: none).
    void setPlugin(const QString &id, const QString &name);
    // Reads the tail again (once the read in flight, if any, has answered).
    void reload();

    QPlainTextEdit *textView() const { return m_text; }
    QLineEdit *searchEdit() const { return m_search; }
    QLabel *matchLabel() const { return m_matches; }
    int matchCount() const { return m_matchCount; }
    bool isPolling() const;

    // Reads the whole log and writes it to `path`; then `done` gets an error message, or empty on success.
    void saveTo(const QString &path, std::function<void(const QString &problem)> done);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showLines(const QStringList &lines);
    void highlight();
    void findNext();
    void saveAs();

    core::Engine *m_engine;
    QString m_id;
    QString m_name;
    QStringList m_lines;
    int m_matchCount = 0;
    bool m_reading = false;
    QTimer *m_poll = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLineEdit *m_search = nullptr;
    QLabel *m_matches = nullptr;
    QLabel *m_problem = nullptr;
    QPushButton *m_save = nullptr;
};

} // namespace ui
