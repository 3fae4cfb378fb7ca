#pragma once

#include <QHash>
#include <QToolButton>

class QFrame;
class QVBoxLayout;

namespace core {
class Engine;
class Job;
} // namespace core

namespace ui {

// The status bar's jobs indicator: shows how many jobs the engine runs (from Engine::jobStarted) and, on a click,
// a popup with one row per job: title, progress bar, last progress text and Cancel. Hidden while nothing runs.
// Watches jobs; neither owns nor deletes them, and does not report their failures (the code that started a job
// does, as it knows what the failure means).
class JobsIndicator final : public QToolButton
{
    Q_OBJECT

public:
    explicit JobsIndicator(core::Engine *engine, QWidget *parent = nullptr);

    int runningCount() const { return static_cast<int>(m_rows.size()); }
    // The popup listing the jobs; made with the first job.
    QFrame *popup();
    void showPopup();

private:
    void addJob(core::Job *job);
    void removeJob(core::Job *job);
    void updateText();

    QHash<core::Job *, QWidget *> m_rows;
    QFrame *m_popup = nullptr;
    QVBoxLayout *m_list = nullptr;
};

} // namespace ui
