#pragma once

#include "core/engine/engine.h"
#include "core/plugin/plugin.h"
#include "core/plugin/privileges.h"
#include "ui/privilegedialog.h"

#include <QDialog>
#include <QPointer>
#include <QStringList>
#include <optional>

class QCheckBox;
class QCompleter;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace ui {

class TagCompleter;

// The steps of install (and upgrade) before anything is downloaded: the reference is typed, checked as it is typed
// and completed with the repository's tags, which are looked up in the background once typing pauses (answers for
// a repository no longer typed are dropped); then the privileges are read from the registry (manifest and config
// only; busy, and Cancel stops it); then PrivilegeDialog asks the person. Only when the privileges are granted does
// it call Engine::install (or upgrade), hand the job over with started() and close. Cancelling at any step installs
// nothing. Owns the look-ups it starts, never the install job.
class InstallDialog final : public QDialog
{
    Q_OBJECT

public:
    // How long typing must pause before the tags of the typed repository are looked up.
    static constexpr int TagLookupDelayMs = 400;
    // How long typing must pause before a reference that cannot be parsed is said to be wrong (a reference being
    // typed is often not one yet: "registry:" before its port). One that ends in ':', '/' or '@' is never.
    static constexpr int ErrorDelayMs = 700;

    explicit InstallDialog(core::Engine *engine, QWidget *parent = nullptr);
    // Upgrade of `plugin` (disabled): the reference starts as the plugin's, and the privilege dialog marks what
    // changed against what the installed version was granted.
    InstallDialog(core::Engine *engine, const core::Plugin &plugin, QWidget *parent = nullptr);
    ~InstallDialog() override;

    bool isUpgrade() const { return m_upgrading.has_value(); }
    QString reference() const;
    void setReference(const QString &text);
    core::InstallOptions options() const;
    bool isBusy() const { return !m_privilegesJob.isNull(); }
    // The tags last looked up, and the repository (as typed) they belong to.
    QStringList tags() const;
    QString tagsRepository() const;

    QLineEdit *referenceEdit() const { return m_reference; }
    QLineEdit *aliasEdit() const { return m_alias; }    // null for an upgrade
    QCheckBox *enableCheck() const { return m_enable; } // null for an upgrade
    QLabel *referenceError() const { return m_error; }  // the inline validation message
    QLabel *tagHint() const { return m_hint; }          // what the tag look-up found
    QLabel *statusLabel() const { return m_status; }    // busy text, or what the last step ended with
    QCompleter *completer() const;
    QPushButton *okButton() const { return m_ok; }
    QPushButton *cancelButton() const { return m_cancel; }
    PrivilegeDialog *privilegeDialog() const { return m_privilegeDialog; }

    // The part of a typed reference that names the repository: without ":tag" and "@digest".
    static QString repositoryPart(const QString &text);

public Q_SLOTS:
    // Reads the privileges; the dialog stays open until they are granted.
    void accept() override;
    // While the privileges are read: stops that and goes back to editing. Otherwise closes.
    void reject() override;

Q_SIGNALS:
    // The privileges were granted and Engine::install (or upgrade) was called; the receiver follows `job`
    // (and deletes it). The dialog closes right after.
    void started(core::Job *job);

private:
    void build();
    void validate();
    // Shows what validate() found wrong, once typing paused.
    void showProblems();
    void lookUpTags();
    void onTags(const QString &repository, const QStringList &tags);
    void onTagsFailed(const QString &repository, const core::Error &error);
    void showCompletions();
    void onPrivileges(core::Job *job);
    void askForPrivileges(const core::Privileges &privileges);
    void start(const core::Privileges &granted);
    void setBusy(bool busy, const QString &text = {});
    void setStatus(const QString &text, bool problem = false);
    void fitHeight();
    void showNote(QLabel *note, bool visible);
    // The name the privilege dialog gives the plugin.
    QString targetName() const;

    core::Engine *m_engine;
    std::optional<core::Plugin> m_upgrading;
    QLineEdit *m_reference = nullptr;
    QLineEdit *m_alias = nullptr;
    QCheckBox *m_enable = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_aliasError = nullptr;
    QLabel *m_hint = nullptr;
    QLabel *m_status = nullptr;
    QProgressBar *m_busy = nullptr;
    QPushButton *m_ok = nullptr;
    QPushButton *m_cancel = nullptr;
    TagCompleter *m_completer = nullptr;
    QTimer *m_tagTimer = nullptr;
    QTimer *m_errorTimer = nullptr;
    bool m_statusIsProblem = false;
    QPointer<core::Job> m_privilegesJob;
    QPointer<PrivilegeDialog> m_privilegeDialog;
};

} // namespace ui
