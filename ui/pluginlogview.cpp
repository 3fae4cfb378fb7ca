#include "ui/pluginlogview.h"

#include "core/engine/engine.h"
#include "ui/icons.h"

#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollBar>
#include <QTextBlock>
#include <QTimer>
#include <QVBoxLayout>

namespace ui {

PluginLogView::PluginLogView(core::Engine *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
{
    m_search = new QLineEdit;
    m_search->setObjectName(QStringLiteral("logSearch"));
    m_search->setPlaceholderText(tr("Search the log…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Search the log"));
    connect(m_search, &QLineEdit::textChanged, this, &PluginLogView::highlight);
    connect(m_search, &QLineEdit::returnPressed, this, &PluginLogView::findNext);

    m_matches = new QLabel;
    m_matches->setObjectName(QStringLiteral("logMatches"));
    m_matches->setMinimumWidth(90);

    m_save =
        new QPushButton(themeIcon(QStringLiteral("document-save-as"), QStringLiteral("save")), tr("&Save to File…"));
    m_save->setAccessibleName(tr("Save the log to a file"));
    connect(m_save, &QPushButton::clicked, this, &PluginLogView::saveAs);

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_search, 1);
    bar->addWidget(m_matches);
    bar->addWidget(m_save);

    m_text = new QPlainTextEdit;
    m_text->setObjectName(QStringLiteral("logText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setAccessibleName(tr("Plugin log"));
    m_text->setPlaceholderText(tr("The plugin has written nothing yet."));

    m_problem = new QLabel;
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(m_problem);
    layout->addWidget(m_text, 1);

    m_poll = new QTimer(this);
    m_poll->setInterval(1000);
    connect(m_poll, &QTimer::timeout, this, &PluginLogView::reload);
    setPlugin({}, {});
}

bool PluginLogView::isPolling() const
{
    return m_poll->isActive();
}

void PluginLogView::setPlugin(const QString &id, const QString &name)
{
    if (id == m_id && !id.isEmpty())
        return;
    m_id = id;
    m_name = name;
    m_lines.clear();
    m_text->clear();
    m_save->setEnabled(!id.isEmpty());
    if (isVisible())
        reload();
}

void PluginLogView::reload()
{
    // One read at a time: a slow answer (a password prompt for the helper) is not asked again every second.
    if (m_id.isEmpty() || m_reading)
        return;
    m_reading = true;
    core::Job *job = m_engine->logs(m_id, TailLines);
    job->then(this, [this, job, id = m_id](const core::Job &) {
        m_reading = false;
        job->deleteLater();
        if (id != m_id)
            return;
        if (const auto error = job->error()) {
            m_problem->setText(tr("Cannot read the log: %1").arg(error->message));
            m_problem->show();
            // Logs may hold secrets, so reading them needs the right to manage plugins: a refusal is not asked
            // again every second (each ask may be a password prompt); showing the plugin again tries once more.
            if (error->code == core::ErrorCode::PermissionDenied ||
                error->code == core::ErrorCode::AuthorizationRequired)
                m_poll->stop();
            return;
        }
        showLines(job->value<QStringList>());
    });
}

void PluginLogView::showLines(const QStringList &lines)
{
    m_problem->hide();
    if (lines == m_lines)
        return;
    QScrollBar *scroll = m_text->verticalScrollBar();
    const bool atEnd = scroll->value() == scroll->maximum();
    const int kept = scroll->value();
    m_lines = lines;
    m_text->setPlainText(m_lines.join(QLatin1Char('\n')));
    // A live tail follows the end, unless the person scrolled up to read.
    scroll->setValue(atEnd ? scroll->maximum() : kept);
    highlight();
}

void PluginLogView::highlight()
{
    QList<QTextEdit::ExtraSelection> selections;
    const QString needle = m_search->text();
    m_matchCount = 0;
    if (!needle.isEmpty()) {
        QTextCharFormat format;
        format.setBackground(QColor(0xff, 0xe0, 0x66));
        format.setForeground(Qt::black);
        QTextCursor cursor(m_text->document());
        while (true) {
            cursor = m_text->document()->find(needle, cursor);
            if (cursor.isNull())
                break;
            selections.append({cursor, format});
            ++m_matchCount;
        }
        m_matches->setText(m_matchCount == 0 ? tr("No match") : tr("Matches: %1").arg(m_matchCount));
    } else {
        m_matches->clear();
    }
    m_text->setExtraSelections(selections);
}

void PluginLogView::findNext()
{
    const QString needle = m_search->text();
    if (needle.isEmpty())
        return;
    if (!m_text->find(needle)) {
        m_text->moveCursor(QTextCursor::Start);
        m_text->find(needle);
    }
}

void PluginLogView::saveTo(const QString &path, std::function<void(const QString &problem)> done)
{
    core::Job *job = m_engine->logs(m_id, -1);
    job->then(this, [job, path, done](const core::Job &) {
        job->deleteLater();
        if (const auto error = job->error())
            return done(error->message);
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return done(file.errorString());
        for (const QString &line : job->value<QStringList>()) {
            file.write(line.toUtf8());
            file.write("\n");
        }
        if (!file.commit())
            return done(file.errorString());
        done(QString());
    });
}

void PluginLogView::saveAs()
{
    if (m_id.isEmpty())
        return;
    QString suggested = m_name;
    suggested.replace(QLatin1Char('/'), QLatin1Char('_')).replace(QLatin1Char(':'), QLatin1Char('_'));
    auto *dialog = new QFileDialog(this, tr("Save Log"), suggested + QStringLiteral(".log"),
                                   tr("Log files (*.log *.txt);;All files (*)"));
    dialog->setObjectName(QStringLiteral("saveLogDialog"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        saveTo(path, [this, path](const QString &problem) {
            if (problem.isEmpty())
                return;
            auto *box =
                new QMessageBox(QMessageBox::Warning, tr("Save Log"),
                                tr("The log could not be saved to %1: %2").arg(path, problem), QMessageBox::Ok, this);
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->open();
        });
    });
    dialog->open();
}

void PluginLogView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload();
    m_poll->start();
}

void PluginLogView::hideEvent(QHideEvent *event)
{
    m_poll->stop();
    QWidget::hideEvent(event);
}

} // namespace ui
