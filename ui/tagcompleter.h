#pragma once

#include <QCompleter>
#include <QPointer>
#include <QStringList>

class QLineEdit;
class QStringListModel;

namespace core {
class Engine;
struct Error;
class Job;
} // namespace core

namespace ui {

// Completes a reference typed in a line edit with its repository's tags: asks Engine::tags for the repository
// (answers for a repository no longer asked about are dropped), sorts them newest first and offers
// "repository:tag". Owns the look-up it runs (cancelled when it is destroyed); says nothing itself: the owner
// shows what found() and failed() report.
class TagCompleter final : public QCompleter
{
    Q_OBJECT

public:
    TagCompleter(core::Engine *engine, QLineEdit *edit, QObject *parent = nullptr);
    ~TagCompleter() override;

    // Looks up the tags of `repository` unless it is the one asked about last; cancels a look-up running.
    // False when nothing was started.
    bool lookUp(const QString &repository);
    // The repository (as typed) of the look-up running or done.
    QString requestedRepository() const { return m_requested; }
    // The tags last found, newest first, and the repository they belong to.
    QStringList tags() const { return m_tags; }
    QString repository() const { return m_repository; }
    // Opens the popup for what is typed now, when there is something to offer that is not typed already.
    void offer();

Q_SIGNALS:
    void found(const QString &repository, const QStringList &tags);
    // The look-up failed (a cancelled one says nothing).
    void failed(const QString &repository, const core::Error &error);

private:
    void onTags(core::Job *job, const QString &repository);

    core::Engine *m_engine;
    QLineEdit *m_edit;
    QStringListModel *m_completions;
    QPointer<core::Job> m_job;
    QString m_requested;
    QString m_repository;
    QStringList m_tags;
};

} // namespace ui
