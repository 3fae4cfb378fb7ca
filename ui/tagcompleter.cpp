#include "ui/tagcompleter.h"

#include "core/engine/engine.h"

#include <QCollator>
#include <QLineEdit>
#include <QStringListModel>
#include <QTimer>

namespace ui {

TagCompleter::TagCompleter(core::Engine *engine, QLineEdit *edit, QObject *parent)
    : QCompleter(parent)
    , m_engine(engine)
    , m_edit(edit)
    , m_completions(new QStringListModel(this))
{
    setModel(m_completions);
    setObjectName(QStringLiteral("tagCompleter"));
    setCompletionMode(QCompleter::PopupCompletion);
    setCaseSensitivity(Qt::CaseSensitive);
    setFilterMode(Qt::MatchStartsWith);
    setMaxVisibleItems(10);
    edit->setCompleter(this);
}

TagCompleter::~TagCompleter()
{
    // The look-up is the engine's child: stop it and let it go, nobody else will.
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
        m_job->deleteLater();
    }
}

bool TagCompleter::lookUp(const QString &repository)
{
    if (repository.isEmpty() || repository == m_requested)
        return false;
    if (m_job) {
        // Its answer would be about a repository no longer typed.
        m_job->disconnect(this);
        m_job->cancel();
        m_job->deleteLater();
    }
    m_requested = repository;
    core::Job *job = m_engine->tags(repository);
    m_job = job;
    if (job->isFinished())
        QTimer::singleShot(0, this, [this, job, repository] { onTags(job, repository); });
    else
        connect(job, &core::Job::finished, this, [this, job, repository] { onTags(job, repository); });
    return true;
}

void TagCompleter::onTags(core::Job *job, const QString &repository)
{
    job->deleteLater();
    if (job != m_job || repository != m_requested)
        return;
    m_job = nullptr;
    if (!job->succeeded()) {
        m_tags.clear();
        m_repository.clear();
        m_completions->setStringList({});
        if (job->error() && job->error()->code != core::ErrorCode::Cancelled)
            Q_EMIT failed(repository, *job->error());
        return;
    }
    m_tags = job->result().toStringList();
    // Newest first: "latest", then versions in numeric order, highest first.
    QCollator collator;
    collator.setNumericMode(true);
    std::sort(m_tags.begin(), m_tags.end(), [&collator](const QString &a, const QString &b) {
        const bool aLatest = a == QLatin1String("latest");
        const bool bLatest = b == QLatin1String("latest");
        if (aLatest != bLatest)
            return aLatest;
        return collator.compare(a, b) > 0;
    });
    m_repository = repository;
    QStringList completions;
    for (const QString &tag : std::as_const(m_tags))
        completions.append(repository + QLatin1Char(':') + tag);
    m_completions->setStringList(completions);
    Q_EMIT found(repository, m_tags);
}

void TagCompleter::offer()
{
    const QString typed = m_edit->text().trimmed();
    // Not over an answer the person already gave.
    if (m_completions->rowCount() == 0 || m_completions->stringList().contains(typed))
        return;
    setCompletionPrefix(typed);
    if (completionCount() > 0)
        complete();
}

} // namespace ui
