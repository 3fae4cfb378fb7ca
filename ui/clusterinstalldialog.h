#pragma once

#include "core/docker/swarmplugins.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;

namespace ui {

// "Install on the Cluster": what the plugin service is made of — the reference every node pulls, the plugin's name
// on the nodes, the service's name, enabled or not, and where (every node, or the nodes placement constraints pick).
// Checks the fields (SwarmPlugins::validate) when the person accepts, and says what is wrong under them. Asks
// nothing of Docker: the caller fetches the privileges, shows the privilege dialog and creates the service.
class ClusterInstallDialog final : public QDialog
{
    Q_OBJECT

public:
    explicit ClusterInstallDialog(const QString &connection, QWidget *parent = nullptr);

    // The service as filled in (no privileges: those come from the privilege dialog).
    core::PluginServiceSpec spec() const;

    QLineEdit *referenceField() const { return m_reference; }
    QLineEdit *pluginNameField() const { return m_pluginName; }
    QLineEdit *serviceNameField() const { return m_serviceName; }
    QCheckBox *disabledBox() const { return m_disabled; }
    QRadioButton *everyNodeButton() const { return m_everyNode; }
    QRadioButton *constrainedButton() const { return m_constrained; }
    QPlainTextEdit *constraintsField() const { return m_constraints; }
    QLabel *errorLabel() const { return m_error; }

    void accept() override;

private:
    QLineEdit *m_reference = nullptr;
    QLineEdit *m_pluginName = nullptr;
    QLineEdit *m_serviceName = nullptr;
    QCheckBox *m_disabled = nullptr;
    QRadioButton *m_everyNode = nullptr;
    QRadioButton *m_constrained = nullptr;
    QPlainTextEdit *m_constraints = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
    bool m_serviceNameEdited = false;
};

} // namespace ui
