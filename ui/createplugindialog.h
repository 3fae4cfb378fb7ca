#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace ui {

// Asks for what `plugin create NAME FOLDER` needs: the folder (config.json and rootfs/) and the new plugin's name,
// which is checked with core::Reference as it is typed, the error shown under the field. Creates nothing itself:
// the window hands name() and folder() to Engine::create.
class CreatePluginDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit CreatePluginDialog(const QString &folder = {}, QWidget *parent = nullptr);

    QString name() const;
    QString folder() const;

    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *folderEdit() const { return m_folder; }
    QLabel *nameError() const { return m_nameError; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    // Why `name` cannot name a plugin, or empty when it can.
    static QString nameProblem(const QString &name);

private:
    void validate();
    void browse();

    QLineEdit *m_folder = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameError = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace ui
