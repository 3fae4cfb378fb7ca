#include "ui/jobsindicator.h"

#include "core/engine/engine.h"
#include "ui/icons.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>

namespace ui {

JobsIndicator::JobsIndicator(core::Engine *engine, QWidget *parent)
    : QToolButton(parent)
{
    setObjectName(QStringLiteral("jobsIndicator"));
    setIcon(themeIcon(QStringLiteral("system-run"), QStringLiteral("jobs")));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setAutoRaise(true);
    setAccessibleName(tr("Running jobs"));
    setToolTip(tr("Show the running jobs"));
    connect(this, &QToolButton::clicked, this, &JobsIndicator::showPopup);
    connect(engine, &core::Engine::jobStarted, this, &JobsIndicator::addJob);
    updateText();
}

QFrame *JobsIndicator::popup()
{
    if (!m_popup) {
        m_popup = new QFrame(this, Qt::Popup);
        m_popup->setObjectName(QStringLiteral("jobsPopup"));
        m_popup->setFrameShape(QFrame::StyledPanel);
        m_popup->setMinimumWidth(380);
        m_list = new QVBoxLayout(m_popup);
        auto *heading = new QLabel(tr("<b>Running jobs</b>"));
        m_list->addWidget(heading);
    }
    return m_popup;
}

void JobsIndicator::showPopup()
{
    QFrame *frame = popup();
    frame->adjustSize();
    // Above the button, inside the screen: the status bar is at the bottom of the window.
    QPoint where = mapToGlobal(QPoint(0, 0)) - QPoint(0, frame->sizeHint().height());
    if (const QScreen *screen = this->screen()) {
        const QRect area = screen->availableGeometry();
        where.setX(std::min(where.x(), area.right() - frame->sizeHint().width()));
        where.setY(std::max(where.y(), area.top()));
    }
    frame->move(where);
    frame->show();
}

void JobsIndicator::addJob(core::Job *job)
{
    if (job->isFinished() || m_rows.contains(job))
        return;
    auto *row = new QWidget;
    row->setObjectName(QStringLiteral("jobRow"));
    auto *grid = new QGridLayout(row);
    grid->setContentsMargins(0, 4, 0, 4);
    auto *title = new QLabel(job->title());
    title->setObjectName(QStringLiteral("jobTitle"));
    auto *bar = new QProgressBar;
    bar->setRange(0, 0); // busy until the job reports a size
    bar->setTextVisible(false);
    bar->setAccessibleName(tr("Progress of %1").arg(job->title()));
    auto *text = new QLabel;
    text->setWordWrap(true);
    QFont small = text->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    text->setFont(small);
    auto *cancel = new QPushButton(themeIcon(QStringLiteral("process-stop"), QStringLiteral("cancel")), tr("Cancel"));
    cancel->setAccessibleName(tr("Cancel %1").arg(job->title()));
    grid->addWidget(title, 0, 0);
    grid->addWidget(cancel, 0, 1, 2, 1);
    grid->addWidget(bar, 1, 0);
    grid->addWidget(text, 2, 0, 1, 2);
    grid->setColumnStretch(0, 1);

    const QPointer<core::Job> guarded(job);
    connect(cancel, &QPushButton::clicked, row, [guarded, cancel] {
        if (guarded) {
            guarded->cancel();
            cancel->setEnabled(false);
        }
    });
    connect(job, &core::Job::progressed, row, [bar, text](const core::JobProgress &progress) {
        if (progress.bytesTotal > 0) {
            // Percent, so that sizes beyond int still fit the bar.
            bar->setRange(0, 100);
            bar->setValue(static_cast<int>(progress.bytesDone * 100 / progress.bytesTotal));
        }
        text->setText(progress.text.isEmpty() ? progress.phase : progress.text);
    });
    connect(job, &core::Job::finished, this, [this, job] { removeJob(job); });
    connect(job, &QObject::destroyed, this, [this, job] { removeJob(job); });
    m_rows.insert(job, row);
    popup();
    m_list->addWidget(row);
    updateText();
}

void JobsIndicator::removeJob(core::Job *job)
{
    QWidget *row = m_rows.take(job);
    if (!row)
        return;
    row->hide();
    row->deleteLater();
    updateText();
    if (m_rows.isEmpty() && m_popup)
        m_popup->hide();
}

void JobsIndicator::updateText()
{
    const int count = runningCount();
    setText(count == 1 ? tr("1 job running") : tr("%1 jobs running").arg(count));
    setVisible(count > 0);
    if (m_popup && m_popup->isVisible())
        m_popup->adjustSize();
}

} // namespace ui
