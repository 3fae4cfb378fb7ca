#pragma once

#include <QDialog>
#include <QPointer>

class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;

namespace core {
class Engine;
class Job;
} // namespace core

namespace ui {

// Logs in to a registry the way `plugdeskctl login` does (Engine::login): server, user and password; the
// registry checks the login before it is saved, and the result (or the registry's refusal) is shown in the dialog,
// which stays open until closed. The login is the user's own: install, upgrade and push use it. Below, the
// registries with a saved login, each of which Log Out erases (Engine::logout, as `plugdeskctl logout`).
class LoginDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(core::Engine *engine, QWidget *parent = nullptr);
    ~LoginDialog() override;

    QLineEdit *serverEdit() const { return m_server; }
    QLineEdit *userEdit() const { return m_user; }
    QLineEdit *passwordEdit() const { return m_password; }
    QLabel *storageNote() const { return m_storage; }
    QLabel *resultLabel() const { return m_result; }
    QPushButton *loginButton() const { return m_login; }
    QPushButton *closeButton() const { return m_close; }
    QListWidget *savedList() const { return m_saved; } // the registries with a saved login
    QPushButton *logoutButton() const { return m_logout; }
    bool isBusy() const { return !m_job.isNull(); }
    // True once a login was checked and saved.
    bool succeeded() const { return m_succeeded; }

public Q_SLOTS:
    // Checks and saves the login; the dialog stays open to show the result.
    void accept() override;
    // While checking: stops the check. Otherwise closes.
    void reject() override;
    // Erases the saved login of the registry selected in savedList() (Engine::logout); the list is read again.
    void logOutSelected();

Q_SIGNALS:
    void loggedIn(const QString &host, const QString &user);

private:
    enum class Outcome { Neutral, Saved, Refused };

    void validate();
    // Says where a login for the typed server is kept (a credential helper, or config.json in plain base64).
    void updateStorageNote();
    void reloadSaved();
    void onFinished(core::Job *job, const QString &user);
    void setBusy(bool busy);
    void showResult(const QString &text, Outcome outcome);
    void fitHeight();

    core::Engine *m_engine;
    QLineEdit *m_server = nullptr;
    QLineEdit *m_user = nullptr;
    QLineEdit *m_password = nullptr;
    QLabel *m_result = nullptr;
    QLabel *m_storage = nullptr;
    QProgressBar *m_busy = nullptr;
    QPushButton *m_login = nullptr;
    QPushButton *m_close = nullptr;
    QListWidget *m_saved = nullptr;
    QPushButton *m_logout = nullptr;
    QPointer<core::Job> m_job;
    bool m_succeeded = false;
};

} // namespace ui
