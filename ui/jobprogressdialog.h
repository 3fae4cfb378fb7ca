#pragma once

#include "core/base/job.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QHash>
#include <QPointer>

class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace ui {

// Follows one long job (install, upgrade, push) in a window of its own: a row per item the job reports on (a
// layer's short digest) with its phase, bytes done of total, speed and a progress bar; the job's own lines above
// them; Cancel (Job::cancel) and Hide (the job keeps running, the status bar's jobs indicator still lists it).
// Once the job succeeded it says so and offers Close; if it fails or is cancelled it closes, since whoever started
// the job reports that. Watches the job; neither owns nor deletes it. Deletes itself when closed.
class JobProgressDialog final : public QDialog
{
    Q_OBJECT

public:
    enum Column { Item, Phase, Progress, Size, Speed, ColumnCount };

    explicit JobProgressDialog(core::Job *job, QWidget *parent = nullptr);

    core::Job *job() const { return m_job; }
    bool isJobFinished() const { return m_finished; }
    QTreeWidget *itemList() const { return m_items; }
    int rowCount() const;
    // The phase last reported for `item`, empty when there is no such row.
    QString phaseOf(const QString &item) const;
    QLabel *statusLabel() const { return m_status; }
    QProgressBar *overallBar() const { return m_overall; }
    QPushButton *cancelButton() const { return m_cancel; }
    QPushButton *hideButton() const { return m_hide; }

    // "0 B", "512 kB", "1.5 MB" (decimal units, as Docker prints them).
    static QString formatBytes(qint64 bytes);
    static QString formatSpeed(double bytesPerSecond);

private:
    struct Row
    {
        QTreeWidgetItem *item = nullptr;
        QProgressBar *bar = nullptr;
        QString phase;
        qint64 done = 0;
        qint64 total = 0;
        double best = 0;         // the largest fraction shown, so the total never goes backwards between phases
        qint64 phaseStartUs = 0; // microseconds since the dialog opened
        qint64 phaseStartDone = 0;
        qint64 lastUs = 0;
        qint64 lastDone = 0;
        double speed = -1;        // bytes per second; < 0: not known
        bool transferred = false; // the transfer phase ended
    };

    void onProgress(const core::JobProgress &progress);
    void onFinished();
    Row &rowFor(const QString &item);
    void updateOverall();

    QPointer<core::Job> m_job;
    QLabel *m_title = nullptr;
    QLabel *m_icon = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_overall = nullptr;
    QTreeWidget *m_items = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_hide = nullptr;
    QHash<QString, Row> m_rows;
    QElapsedTimer m_clock;
    bool m_finished = false;
};

} // namespace ui
