#include "ui/clusterinstalldialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

namespace ui {

ClusterInstallDialog::ClusterInstallDialog(const QString &connection, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Install on the Cluster"));
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Creates a Swarm service on %1 that installs the plugin on each node it picks, and "
                                "keeps it there: nodes that join later get it too.")
                                 .arg(connection),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto *form = new QFormLayout;
    m_reference = new QLineEdit(this);
    m_reference->setPlaceholderText(tr("registry.example.com/vendor/plugin:tag"));
    m_reference->setToolTip(tr("Every node pulls this reference itself, without a login."));
    form->addRow(tr("&Reference:"), m_reference);
    m_pluginName = new QLineEdit(this);
    m_pluginName->setPlaceholderText(tr("the reference"));
    m_pluginName->setToolTip(tr("The plugin's name on each node. It stays when the service is updated to "
                                "another tag."));
    form->addRow(tr("&Name on the nodes:"), m_pluginName);
    m_serviceName = new QLineEdit(this);
    form->addRow(tr("&Service name:"), m_serviceName);
    m_disabled = new QCheckBox(tr("Install &disabled"), this);
    form->addRow(QString(), m_disabled);
    layout->addLayout(form);

    m_everyNode = new QRadioButton(tr("On &every node"), this);
    m_everyNode->setChecked(true);
    m_constrained = new QRadioButton(tr("On the nodes these &constraints pick, one a line:"), this);
    m_constraints = new QPlainTextEdit(this);
    m_constraints->setPlaceholderText(tr("node.hostname==host1\nnode.labels.storage==ssd"));
    m_constraints->setEnabled(false);
    m_constraints->setMaximumHeight(fontMetrics().lineSpacing() * 5);
    layout->addWidget(m_everyNode);
    layout->addWidget(m_constrained);
    layout->addWidget(m_constraints);
    connect(m_constrained, &QRadioButton::toggled, m_constraints, &QWidget::setEnabled);

    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b02a37; }"));
    m_error->hide();
    layout->addWidget(m_error);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Install on the Cluster"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ClusterInstallDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // The service's name follows the reference until the person types one.
    connect(m_reference, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!text.trimmed().isEmpty());
        if (!m_serviceNameEdited)
            m_serviceName->setText(core::SwarmPlugins::serviceNameFor(text.trimmed()));
        m_error->hide();
    });
    connect(m_serviceName, &QLineEdit::textEdited, this, [this] { m_serviceNameEdited = true; });
    resize(520, sizeHint().height());
}

core::PluginServiceSpec ClusterInstallDialog::spec() const
{
    core::PluginServiceSpec spec;
    spec.remote = m_reference->text().trimmed();
    spec.pluginName = m_pluginName->text().trimmed();
    spec.serviceName = m_serviceName->text().trimmed();
    spec.disabled = m_disabled->isChecked();
    if (m_constrained->isChecked()) {
        const QStringList lines = m_constraints->toPlainText().split(QLatin1Char('\n'));
        for (const QString &line : lines) {
            if (!line.trimmed().isEmpty())
                spec.constraints.append(line.trimmed());
        }
    }
    return spec;
}

void ClusterInstallDialog::accept()
{
    const core::PluginServiceSpec wanted = spec();
    core::Status checked = core::SwarmPlugins::validate(wanted);
    if (checked && m_constrained->isChecked() && wanted.constraints.isEmpty())
        checked =
            core::Error{core::ErrorCode::InvalidArgument, tr("write at least one constraint, or choose every node")};
    if (!checked) {
        m_error->setText(checked.error().message);
        m_error->show();
        return;
    }
    QDialog::accept();
}

} // namespace ui
