#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QVariant>
#include <functional>

class QLabel;
class QPushButton;
class QVBoxLayout;
class QWidget;

namespace core {
struct Error;
class Job;
} // namespace core

namespace ui {

// Follows the jobs a page started, the same way on every page:
//  - while a job waits for the helper's answer (phase "authorising": polkit may be asking for a password), a row
//    in the page's authorisation bar says so, "Remove acme/vol: waiting for authorisation…", with Cancel; the rest
//    of the window stays usable;
//  - when it ends: on success the caller's callback; on failure a message box with the page's text and the engine's
//    reason (a polkit refusal says what was refused and what to do); a cancelled job says nothing;
//  - deletes the job once it ended.
// Owned by the page; jobs that outlive it are deleted when they end.
class JobWatcher final : public QObject
{
    Q_OBJECT

public:
    using Success = std::function<void(const QVariant &result)>;
    // May take over a failure (returns true) instead of the message box.
    using Failure = std::function<bool(const core::Error &error)>;

    explicit JobWatcher(QWidget *page);

    // The bar the page shows above its content; hidden while nothing waits.
    QWidget *authorisationBar() const { return m_bar; }
    // How many watched jobs wait for authorisation now.
    int waitingCount() const { return static_cast<int>(m_rows.size()); }

    void watch(core::Job *job, const QString &failureText, Success onSuccess = {}, Failure onFailure = {});

Q_SIGNALS:
    // A watched job ended (after its callbacks ran).
    void jobEnded();

private:
    void updateWaiting(core::Job *job);
    void showFailure(const core::Job &job, const QString &failureText);

    QWidget *m_page;
    QWidget *m_bar;
    QVBoxLayout *m_rowsLayout;
    QHash<core::Job *, QWidget *> m_rows;
};

} // namespace ui
