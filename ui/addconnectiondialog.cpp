#include "ui/addconnectiondialog.h"

#include "core/connection/connectionstore.h"
#include "ui/connectionset.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

AddConnectionDialog::AddConnectionDialog(ConnectionSet *connections, QWidget *parent)
    : QDialog(parent)
    , m_connections(connections)
{
    setWindowTitle(tr("Add Connection"));
    setObjectName(QStringLiteral("addConnectionDialog"));
    auto *layout = new QVBoxLayout(this);

    auto *form = new QFormLayout;
    m_url = new QLineEdit;
    m_url->setObjectName(QStringLiteral("connectionUrl"));
    m_url->setPlaceholderText(QStringLiteral("ssh://root@host.example"));
    m_url->setClearButtonEnabled(true);
    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("connectionName"));
    m_name->setPlaceholderText(tr("e.g. lab"));
    form->addRow(tr("&URL:"), m_url);
    form->addRow(tr("&Name:"), m_name);
    layout->addLayout(form);
    auto *kinds = new QLabel(tr("<small><tt>plugdesk:///PATH</tt>: the Plugdesk store at PATH on this computer<br>"
                                "<tt>unix:///var/run/docker.sock</tt>: a Docker Engine on its socket<br>"
                                "<tt>ssh://[USER@]HOST[:PORT]</tt>: a Docker Engine on another host, over SSH"
                                "</small>"));
    kinds->setTextFormat(Qt::RichText);
    layout->addWidget(kinds);

    auto *contextsLabel = new QLabel(tr("Or pick one of Docker's &contexts:"));
    layout->addWidget(contextsLabel);
    m_contexts = new QListWidget;
    m_contexts->setObjectName(QStringLiteral("dockerContexts"));
    m_contexts->setMaximumHeight(120);
    contextsLabel->setBuddy(m_contexts);
    for (const core::DockerContexts::Context &context : m_connections->dockerContexts()) {
        auto *item = new QListWidgetItem(context.current
                                             ? tr("%1 — %2 (Docker's current context)").arg(context.name, context.host)
                                             : tr("%1 — %2").arg(context.name, context.host),
                                         m_contexts);
        item->setData(Qt::UserRole, context.name);
        item->setData(Qt::UserRole + 1, context.host);
    }
    layout->addWidget(m_contexts);
    connect(m_contexts, &QListWidget::currentItemChanged, this, [this](QListWidgetItem *item) {
        if (!item)
            return;
        m_url->setText(item->data(Qt::UserRole + 1).toString());
        // Docker's implicit "default" is saved as "docker" (the name reads better beside "This computer").
        const QString name = item->data(Qt::UserRole).toString();
        m_name->setText(name == QLatin1String("default") ? QStringLiteral("docker") : name);
    });

    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("addConnectionProblem"));
    m_problem->setWordWrap(true);
    QPalette palette = m_problem->palette();
    palette.setColor(QPalette::WindowText, QColor(0xc0, 0x1c, 0x28));
    m_problem->setPalette(palette);
    layout->addWidget(m_problem);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_buttons->addButton(tr("&Add"), QDialogButtonBox::AcceptRole)->setObjectName(QStringLiteral("addButton"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &AddConnectionDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(m_buttons);

    // A name follows the URL's host until the person types one.
    connect(m_name, &QLineEdit::textEdited, this, [this] { m_nameTouched = true; });
    connect(m_url, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (!m_nameTouched && !m_contexts->currentItem()) {
            const core::Result<core::ConnectionUrl> url = core::ConnectionUrl::parse(text);
            if (url && url->kind == core::ConnectionUrl::Kind::DockerSsh)
                m_name->setText(url->host);
            else if (url && url->kind == core::ConnectionUrl::Kind::Plugdesk && !url->path.isEmpty())
                m_name->setText(url->path.section(QLatin1Char('/'), -1));
        }
        validate();
    });
    connect(m_name, &QLineEdit::textChanged, this, &AddConnectionDialog::validate);
    validate();
    resize(520, sizeHint().height());
}

QPushButton *AddConnectionDialog::addButton() const
{
    return m_buttons->findChild<QPushButton *>(QStringLiteral("addButton"));
}

QString AddConnectionDialog::problem() const
{
    const QString url = m_url->text().trimmed();
    if (url.isEmpty())
        return tr("Enter a URL, or pick one of Docker's contexts.");
    if (const core::Result<core::ConnectionUrl> parsed = core::ConnectionUrl::parse(url); !parsed)
        return parsed.error().message;
    const QString name = m_name->text().trimmed();
    if (const core::Status valid = core::ConnectionStore::validateName(name); !valid)
        return valid.error().message;
    if (m_connections->find(name))
        return tr("There is a connection named \"%1\" already.").arg(name);
    return {};
}

void AddConnectionDialog::validate()
{
    const QString text = problem();
    // Nothing typed yet is no mistake: the hint stays quiet until then.
    m_problem->setText(m_url->text().trimmed().isEmpty() && m_name->text().isEmpty() ? QString() : text);
    if (QPushButton *add = addButton())
        add->setEnabled(text.isEmpty());
}

void AddConnectionDialog::accept()
{
    if (!problem().isEmpty())
        return;
    const core::Result<WindowConnection *> added =
        m_connections->add(m_name->text().trimmed(), m_url->text().trimmed());
    if (!added) {
        m_problem->setText(added.error().message);
        return;
    }
    Q_EMIT this->added(*added);
    QDialog::accept();
}

} // namespace ui
