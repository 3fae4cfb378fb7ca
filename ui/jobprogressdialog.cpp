#include "ui/jobprogressdialog.h"

#include "ui/icons.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

constexpr int kBarScale = 1000;
// Between two reports shorter than this, a measured speed says more about timers than about the network.
constexpr qint64 kMinSampleUs = 100000;

} // namespace

JobProgressDialog::JobProgressDialog(core::Job *job, QWidget *parent)
    : QDialog(parent)
    , m_job(job)
{
    setObjectName(QStringLiteral("jobProgressDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setWindowTitle(job->title());
    m_clock.start();

    m_icon = new QLabel;
    m_icon->setPixmap(themeIcon(QStringLiteral("system-run"), QStringLiteral("jobs")).pixmap(32, 32));
    m_icon->setAlignment(Qt::AlignTop);
    m_title = new QLabel(QStringLiteral("<b>%1</b>").arg(job->title().toHtmlEscaped()));
    m_title->setObjectName(QStringLiteral("jobTitle"));
    m_title->setWordWrap(true);
    m_status = new QLabel(tr("Starting…"));
    m_status->setObjectName(QStringLiteral("jobStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *texts = new QVBoxLayout;
    texts->addWidget(m_title);
    texts->addWidget(m_status);
    auto *top = new QHBoxLayout;
    top->addWidget(m_icon);
    top->addLayout(texts, 1);

    m_overall = new QProgressBar;
    m_overall->setObjectName(QStringLiteral("overallProgress"));
    m_overall->setRange(0, 0);
    m_overall->setTextVisible(false);
    m_overall->setFixedHeight(10);
    m_overall->setAccessibleName(tr("Progress of %1").arg(job->title()));

    m_items = new QTreeWidget;
    m_items->setObjectName(QStringLiteral("jobItems"));
    m_items->setAccessibleName(tr("Layers"));
    m_items->setColumnCount(ColumnCount);
    m_items->setHeaderLabels({tr("Layer"), tr("Phase"), tr("Progress"), tr("Size"), tr("Speed")});
    m_items->setRootIsDecorated(false);
    m_items->setUniformRowHeights(true);
    m_items->setSelectionMode(QAbstractItemView::NoSelection);
    m_items->setFocusPolicy(Qt::NoFocus);
    m_items->setAlternatingRowColors(true);
    QHeaderView *header = m_items->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(Item, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(Phase, QHeaderView::Fixed);
    header->setSectionResizeMode(Progress, QHeaderView::Stretch);
    header->setSectionResizeMode(Size, QHeaderView::Fixed);
    header->setSectionResizeMode(Speed, QHeaderView::Fixed);
    header->resizeSection(Phase, 150);
    header->resizeSection(Size, 150);
    header->resizeSection(Speed, 100);
    m_items->headerItem()->setTextAlignment(Size, Qt::AlignRight | Qt::AlignVCenter);
    m_items->headerItem()->setTextAlignment(Speed, Qt::AlignRight | Qt::AlignVCenter);

    auto *buttons = new QDialogButtonBox;
    m_hide = buttons->addButton(tr("&Hide"), QDialogButtonBox::RejectRole);
    m_hide->setObjectName(QStringLiteral("hideButton"));
    m_hide->setToolTip(tr("Close this window; the job goes on and stays in the status bar"));
    m_hide->setAccessibleName(tr("Hide this window, the job goes on"));
    m_cancel = buttons->addButton(tr("&Cancel Job"), QDialogButtonBox::DestructiveRole);
    m_cancel->setObjectName(QStringLiteral("cancelJobButton"));
    m_cancel->setIcon(themeIcon(QStringLiteral("process-stop"), QStringLiteral("cancel")));
    m_cancel->setAccessibleName(tr("Cancel %1").arg(job->title()));
    m_cancel->setAutoDefault(false);
    connect(m_hide, &QPushButton::clicked, this, &QDialog::close);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (!m_job || m_finished)
            return;
        m_job->cancel();
        m_cancel->setEnabled(false);
        m_status->setText(tr("Cancelling…"));
    });

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_overall);
    layout->addWidget(m_items, 1);
    layout->addWidget(buttons);
    m_hide->setDefault(true);
    resize(720, 320);

    if (!job->lastProgress().phase.isEmpty() || !job->lastProgress().text.isEmpty())
        onProgress(job->lastProgress());
    connect(job, &core::Job::progressed, this, &JobProgressDialog::onProgress);
    if (job->isFinished())
        QTimer::singleShot(0, this, &JobProgressDialog::onFinished);
    else
        connect(job, &core::Job::finished, this, &JobProgressDialog::onFinished);
}

int JobProgressDialog::rowCount() const
{
    return m_items->topLevelItemCount();
}

QString JobProgressDialog::phaseOf(const QString &item) const
{
    return m_rows.value(item).phase;
}

QString JobProgressDialog::formatBytes(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeSIFormat);
}

QString JobProgressDialog::formatSpeed(double bytesPerSecond)
{
    return tr("%1/s").arg(formatBytes(static_cast<qint64>(bytesPerSecond)));
}

JobProgressDialog::Row &JobProgressDialog::rowFor(const QString &item)
{
    auto it = m_rows.find(item);
    if (it != m_rows.end())
        return *it;
    Row row;
    row.item = new QTreeWidgetItem(m_items);
    row.item->setText(Item, item);
    row.item->setFont(Item, QFontDatabase::systemFont(QFontDatabase::FixedFont));
    row.item->setTextAlignment(Size, Qt::AlignRight | Qt::AlignVCenter);
    row.item->setTextAlignment(Speed, Qt::AlignRight | Qt::AlignVCenter);
    row.bar = new QProgressBar;
    row.bar->setRange(0, kBarScale);
    row.bar->setValue(0);
    row.bar->setTextVisible(false);
    row.bar->setMaximumHeight(14);
    row.bar->setAccessibleName(tr("Progress of layer %1").arg(item));
    // A margin around the bar, so that rows do not touch each other.
    auto *cell = new QWidget;
    auto *cellLayout = new QHBoxLayout(cell);
    cellLayout->setContentsMargins(4, 3, 4, 3);
    cellLayout->addWidget(row.bar);
    m_items->setItemWidget(row.item, Progress, cell);
    row.phaseStartUs = row.lastUs = m_clock.nsecsElapsed() / 1000;
    return *m_rows.insert(item, row);
}

void JobProgressDialog::onProgress(const core::JobProgress &progress)
{
    if (progress.item.isEmpty()) {
        // The job's own lines: what it does as a whole.
        const QString text = progress.text.isEmpty() ? progress.phase : progress.text;
        if (!text.isEmpty() && !m_finished)
            m_status->setText(text);
        return;
    }
    Row &row = rowFor(progress.item);
    const qint64 now = m_clock.nsecsElapsed() / 1000;
    if (progress.phase != row.phase || progress.bytesDone < row.done) {
        // The first phase that moves the bytes is the transfer (download, upload); what follows (extracting) is
        // not network speed. The transfer's average speed stays once it ended.
        const qint64 lasted = now - row.phaseStartUs;
        if (!row.transferred && row.total > 0 && progress.bytesDone >= row.total && row.done < row.total) {
            row.transferred = true;
            if (lasted > 0)
                row.speed = double(row.total - row.phaseStartDone) * 1e6 / double(lasted);
        }
        row.phase = progress.phase;
        row.phaseStartUs = row.lastUs = now;
        row.phaseStartDone = row.lastDone = progress.bytesDone;
    } else if (!row.transferred && progress.bytesDone > row.lastDone && now - row.lastUs >= kMinSampleUs) {
        const double sample = double(progress.bytesDone - row.lastDone) * 1e6 / double(now - row.lastUs);
        row.speed = row.speed < 0 ? sample : 0.6 * sample + 0.4 * row.speed;
        row.lastUs = now;
        row.lastDone = progress.bytesDone;
    }
    row.done = progress.bytesDone;
    row.total = progress.bytesTotal;

    const double fraction = row.total > 0 ? std::clamp(double(row.done) / double(row.total), 0.0, 1.0) : 0.0;
    row.best = std::max(row.best, fraction);
    row.item->setText(Phase,
                      progress.text.isEmpty() ? progress.phase : progress.phase + QStringLiteral(": ") + progress.text);
    row.bar->setValue(static_cast<int>(fraction * kBarScale));
    if (row.total <= 0)
        row.item->setText(Size, QString());
    else if (row.done >= row.total)
        row.item->setText(Size, formatBytes(row.total));
    else
        row.item->setText(Size, tr("%1 of %2").arg(formatBytes(row.done), formatBytes(row.total)));
    row.item->setText(Speed, row.speed < 0 ? QString() : formatSpeed(row.speed));
    updateOverall();
}

void JobProgressDialog::updateOverall()
{
    if (m_rows.isEmpty())
        return;
    double sum = 0;
    for (const Row &row : std::as_const(m_rows))
        sum += row.best;
    m_overall->setRange(0, kBarScale);
    m_overall->setValue(static_cast<int>(sum / double(m_rows.size()) * kBarScale));
}

void JobProgressDialog::onFinished()
{
    if (m_finished)
        return;
    m_finished = true;
    if (!m_job || !m_job->succeeded()) {
        // Whoever started the job says why it failed; a cancelled job needs no window either.
        close();
        return;
    }
    if (!isVisible()) {
        close();
        return;
    }
    m_overall->setRange(0, kBarScale);
    m_overall->setValue(kBarScale);
    m_icon->setPixmap(QIcon(QStringLiteral(":/icons/done.svg")).pixmap(32, 32));
    m_status->setText(tr("Finished."));
    m_cancel->hide();
    m_hide->setText(tr("&Close"));
    m_hide->setToolTip(QString());
    m_hide->setAccessibleName(tr("Close"));
    m_hide->setFocus();
}

} // namespace ui
