#include "ui/jobwatcher.h"

#include "core/base/job.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

namespace {

bool waitsForAuthorisation(const core::Job &job)
{
    return !job.isFinished() && job.lastProgress().phase == core::JobProgress::authorisingPhase();
}

} // namespace

JobWatcher::JobWatcher(QWidget *page)
    : QObject(page)
    , m_page(page)
    , m_bar(new QWidget)
    , m_rowsLayout(new QVBoxLayout(m_bar))
{
    m_bar->setObjectName(QStringLiteral("authorisationBar"));
    m_bar->setAccessibleName(tr("Actions waiting for authorisation"));
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(2);
    m_bar->hide();
}

void JobWatcher::watch(core::Job *job, const QString &failureText, Success onSuccess, Failure onFailure)
{
    connect(job, &core::Job::progressed, this, [this, job] { updateWaiting(job); });
    updateWaiting(job);
    // Deleted when it ends, even when the page went first.
    if (!job->isFinished())
        connect(job, &core::Job::finished, job, &QObject::deleteLater);
    job->then(this, [this, job, failureText, onSuccess, onFailure](const core::Job &ended) {
        job->deleteLater();
        updateWaiting(job);
        if (ended.succeeded()) {
            if (onSuccess)
                onSuccess(ended.result());
        } else if (const auto error = ended.error();
                   error && error->code != core::ErrorCode::Cancelled && !(onFailure && onFailure(*error))) {
            showFailure(ended, failureText);
        }
        Q_EMIT jobEnded();
    });
}

void JobWatcher::updateWaiting(core::Job *job)
{
    const bool waiting = waitsForAuthorisation(*job);
    if (waiting && !m_rows.contains(job)) {
        auto *row = new QWidget;
        row->setObjectName(QStringLiteral("authorisationRow"));
        row->setStyleSheet(QStringLiteral("QWidget#authorisationRow { background: #e7f1ff; border: 1px solid #9ec5fe;"
                                          " border-radius: 4px; }"));
        auto *layout = new QHBoxLayout(row);
        layout->setContentsMargins(8, 4, 4, 4);
        auto *text = new QLabel(tr("%1: waiting for authorisation…").arg(job->title()));
        text->setObjectName(QStringLiteral("authorisationText"));
        text->setWordWrap(true);
        auto *cancel = new QPushButton(tr("Cancel"));
        cancel->setObjectName(QStringLiteral("authorisationCancel"));
        cancel->setToolTip(tr("Stop waiting: the action is not done"));
        connect(cancel, &QPushButton::clicked, job, &core::Job::cancel);
        layout->addWidget(text, 1);
        layout->addWidget(cancel);
        m_rowsLayout->addWidget(row);
        m_rows.insert(job, row);
        // A job deleted while it waits takes its row with it.
        connect(job, &QObject::destroyed, this, [this, job] {
            if (QWidget *gone = m_rows.take(job))
                gone->deleteLater();
            m_bar->setVisible(!m_rows.isEmpty());
        });
    } else if (!waiting) {
        if (QWidget *row = m_rows.take(job))
            row->deleteLater();
    }
    m_bar->setVisible(!m_rows.isEmpty());
}

void JobWatcher::showFailure(const core::Job &job, const QString &failureText)
{
    const core::Error error = *job.error();
    // The cause first, in the engine's words (its first line); what failed under it; anything longer (the plugin's
    // last log lines after a failed enable) behind Show Details, so the box stays a sentence, not a log.
    const qsizetype newline = error.message.indexOf(QLatin1Char('\n'));
    const QString cause = (newline < 0 ? error.message : error.message.left(newline)).trimmed();
    const QString more = newline < 0 ? QString() : error.message.mid(newline + 1).trimmed();
    auto *box = new QMessageBox(QMessageBox::Critical, job.title(), cause.isEmpty() ? failureText : cause,
                                QMessageBox::Ok, m_page);
    box->setObjectName(QStringLiteral("jobFailed"));
    QString context = cause.isEmpty() ? QString() : failureText;
    if (error.code == core::ErrorCode::PermissionDenied || error.code == core::ErrorCode::AuthorizationRequired)
        context += QStringLiteral("\n\n") +
                   tr("Your account may not do this. An administrator can allow it with a polkit rule for the "
                      "action named above, or you can run the command as root.");
    box->setInformativeText(context.trimmed());
    if (!more.isEmpty())
        box->setDetailedText(more);
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace ui
