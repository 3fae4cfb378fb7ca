#pragma once

#include "core/engine/engine.h"

#include <QDialog>
#include <QPointer>
#include <QSet>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace ui {

class PrivilegeDialog;

// The steps of `plugin import FILE` once the bundle was read (Engine::bundlePrivileges), in Install's shape: which
// plugin the bundle holds, the local name it gets (optional, like install's --alias) and whether it is enabled
// afterwards (like --disable); a name that is taken is said before anything is asked. Then PrivilegeDialog asks
// the person; only when the privileges are granted does it call Engine::importPlugin, hand the job over with
// started() and close. Cancelling at any step imports nothing.
class ImportDialog final : public QDialog
{
    Q_OBJECT

public:
    ImportDialog(core::Engine *engine, const QString &file, const core::BundleInfo &bundle, QWidget *parent = nullptr);

    // The name the plugin will have: the local name typed, else the bundle's.
    QString targetName() const;
    core::InstallOptions options() const;

    QLineEdit *aliasEdit() const { return m_alias; }
    QCheckBox *enableCheck() const { return m_enable; }
    QLabel *nameError() const { return m_error; }
    QLabel *statusLabel() const { return m_status; }
    QPushButton *importButton() const { return m_import; }
    PrivilegeDialog *privilegeDialog() const { return m_privileges; }

    void accept() override;

Q_SIGNALS:
    void started(core::Job *job);

private:
    void validate();
    // The names installed now, read once and again when the engine says the plugins changed (not per keystroke:
    // a local engine reads the store for it).
    void readInstalledNames();

    core::Engine *m_engine;
    QString m_file;
    core::BundleInfo m_bundle;
    QLineEdit *m_alias = nullptr;
    QCheckBox *m_enable = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_import = nullptr;
    QPointer<PrivilegeDialog> m_privileges;
    QSet<QString> m_installed;
};

} // namespace ui
