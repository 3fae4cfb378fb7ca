#include "ui/logindialog.h"

#include "core/engine/engine.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace ui {

LoginDialog::LoginDialog(core::Engine *engine, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
{
    setObjectName(QStringLiteral("loginDialog"));
    setWindowTitle(tr("Log In to a Registry"));

    auto *icon = new QLabel;
    icon->setPixmap(QIcon(QStringLiteral(":/icons/login.svg")).pixmap(32, 32));
    icon->setAlignment(Qt::AlignTop);
    auto *heading = new QLabel(tr("<h3>Log in to a registry</h3><p>The registry checks the login before it is saved "
                                  "with your other registry logins (as <tt>docker login</tt> saves them). Install, "
                                  "upgrade and push use it.</p>"));
    heading->setWordWrap(true);
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addWidget(heading, 1);

    m_server = new QLineEdit;
    m_server->setObjectName(QStringLiteral("serverEdit"));
    m_server->setAccessibleName(tr("Registry server"));
    m_server->setPlaceholderText(tr("docker.io"));
    m_server->setToolTip(tr("The registry's host and port, e.g. registry.example.com:5000; empty: Docker Hub"));
    m_user = new QLineEdit;
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_user->setAccessibleName(tr("User name"));
    m_password = new QLineEdit;
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setAccessibleName(tr("Password or access token"));
    m_password->setEchoMode(QLineEdit::Password);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Server:"), m_server);
    form->addRow(tr("&User:"), m_user);
    form->addRow(tr("&Password:"), m_password);
    // Where the password goes: said before it is typed, as the person may prefer a token or a credential helper.
    m_storage = new QLabel;
    m_storage->setObjectName(QStringLiteral("storageNote"));
    m_storage->setWordWrap(true);
    m_storage->setTextFormat(Qt::RichText);
    form->addRow(QString(), m_storage);

    m_busy = new QProgressBar;
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(8);
    m_busy->setAccessibleName(tr("Checking the login"));
    m_busy->hide();
    m_result = new QLabel;
    m_result->setObjectName(QStringLiteral("loginResult"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_result->hide();

    auto *savedLabel = new QLabel(tr("Saved logins:"));
    m_saved = new QListWidget;
    m_saved->setObjectName(QStringLiteral("savedLogins"));
    m_saved->setAccessibleName(tr("Registries with a saved login"));
    m_saved->setMaximumHeight(90);
    savedLabel->setBuddy(m_saved);
    m_logout = new QPushButton(QIcon(QStringLiteral(":/icons/remove.svg")), tr("Log &Out"));
    m_logout->setObjectName(QStringLiteral("logoutButton"));
    m_logout->setToolTip(tr("Erase the saved login of the selected registry"));
    m_logout->setAutoDefault(false);
    connect(m_logout, &QPushButton::clicked, this, &LoginDialog::logOutSelected);
    connect(m_saved, &QListWidget::currentRowChanged, this,
            [this](int row) { m_logout->setEnabled(row >= 0 && !isBusy()); });
    auto *saved = new QHBoxLayout;
    saved->addWidget(m_saved, 1);
    saved->addWidget(m_logout, 0, Qt::AlignTop);

    auto *buttons = new QDialogButtonBox;
    m_login = buttons->addButton(tr("&Log In"), QDialogButtonBox::AcceptRole);
    m_login->setObjectName(QStringLiteral("loginButton"));
    m_close = buttons->addButton(QDialogButtonBox::Close);
    m_close->setObjectName(QStringLiteral("closeButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &LoginDialog::reject);

    auto *layout = new QVBoxLayout(this);
    // Grows with a long answer from the registry, instead of squeezing the form.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->addLayout(top);
    layout->addLayout(form);
    layout->addWidget(savedLabel);
    layout->addLayout(saved);
    layout->addStretch(1);
    layout->addWidget(m_busy);
    layout->addWidget(m_result);
    layout->addWidget(buttons);
    m_login->setDefault(true);

    for (QLineEdit *edit : {m_server, m_user, m_password})
        connect(edit, &QLineEdit::textChanged, this, &LoginDialog::validate);
    connect(m_server, &QLineEdit::textChanged, this, &LoginDialog::updateStorageNote);
    updateStorageNote();
    validate();
    reloadSaved();
    resize(540, sizeHint().height());
    fitHeight();
    m_server->setFocus();
}

LoginDialog::~LoginDialog()
{
    if (m_job) {
        m_job->disconnect(this);
        m_job->cancel();
        m_job->deleteLater();
    }
}

void LoginDialog::updateStorageNote()
{
    QString configFile;
    const auto helper = m_engine->loginStore(m_server->text().trimmed(), &configFile);
    if (helper && !helper->isEmpty()) {
        m_storage->setText(tr("The login is kept by the credential helper <tt>docker-credential-%1</tt>.")
                               .arg(helper->toHtmlEscaped()));
        m_storage->setStyleSheet(QString());
        return;
    }
    // As `docker login` warns: no helper means the password sits in the file, merely base64-encoded.
    m_storage->setText(tr("⚠ No credential helper is set up: the password is stored <b>unencrypted</b> (base64) "
                          "in <tt>%1</tt>, as <tt>docker login</tt> does. Set <tt>credsStore</tt> there to "
                          "use one, or log in with an access token.")
                           .arg(configFile.toHtmlEscaped()));
    m_storage->setStyleSheet(QStringLiteral("QLabel { color: #664d03; }"));
}

void LoginDialog::validate()
{
    m_login->setEnabled(!isBusy() && !m_user->text().trimmed().isEmpty() && !m_password->text().isEmpty());
}

void LoginDialog::accept()
{
    if (isBusy() || !m_login->isEnabled())
        return;
    const QString user = m_user->text().trimmed();
    core::Job *job = m_engine->login(m_server->text().trimmed(), user, m_password->text());
    m_job = job;
    setBusy(true);
    showResult(tr("Checking the login with the registry…"), Outcome::Neutral);
    if (job->isFinished())
        QTimer::singleShot(0, this, [this, job, user] { onFinished(job, user); });
    else
        connect(job, &core::Job::finished, this, [this, job, user] { onFinished(job, user); });
}

void LoginDialog::reject()
{
    if (m_job) {
        m_job->cancel();
        return;
    }
    QDialog::reject();
}

void LoginDialog::onFinished(core::Job *job, const QString &user)
{
    job->deleteLater();
    if (job != m_job)
        return;
    m_job = nullptr;
    setBusy(false);
    if (job->succeeded()) {
        const QString host = job->result().toString();
        m_succeeded = true;
        showResult(tr("Logged in to %1 as %2. The login was saved.").arg(host, user), Outcome::Saved);
        m_password->clear();
        reloadSaved();
        m_close->setFocus();
        Q_EMIT loggedIn(host, user);
        return;
    }
    const core::Error error = job->error().value_or(core::Error{});
    if (error.code == core::ErrorCode::Cancelled)
        showResult(tr("Stopped; the login was not saved."), Outcome::Neutral);
    else
        showResult(tr("The login was not saved: %1").arg(error.message), Outcome::Refused);
    m_password->setFocus();
    m_password->selectAll();
}

void LoginDialog::reloadSaved()
{
    m_saved->clear();
    auto hosts = m_engine->registryLogins();
    if (!hosts) {
        auto *item = new QListWidgetItem(tr("Cannot read the saved logins: %1").arg(hosts.error().message));
        item->setFlags(Qt::NoItemFlags);
        m_saved->addItem(item);
    } else if (hosts->isEmpty()) {
        auto *item = new QListWidgetItem(tr("None yet"));
        item->setFlags(Qt::NoItemFlags);
        m_saved->addItem(item);
    } else {
        m_saved->addItems(*hosts);
    }
    m_saved->setCurrentRow(-1);
    m_logout->setEnabled(false);
}

void LoginDialog::logOutSelected()
{
    const QListWidgetItem *item = m_saved->currentItem();
    if (!item || isBusy() || !(item->flags() & Qt::ItemIsSelectable))
        return;
    const QString host = item->text();
    // Erased on a worker thread (a credential helper may take seconds): the dialog stays responsive meanwhile.
    m_logout->setEnabled(false);
    m_engine->logout(host)->then(this, [this, host](const core::Job &job) {
        if (const auto error = job.error())
            showResult(tr("Could not log out of %1: %2").arg(host, error->message), Outcome::Refused);
        else
            showResult(tr("Logged out of %1; its saved login was erased.").arg(host), Outcome::Neutral);
        reloadSaved();
    });
}

void LoginDialog::setBusy(bool busy)
{
    for (QLineEdit *edit : {m_server, m_user, m_password})
        edit->setEnabled(!busy);
    m_busy->setVisible(busy);
    validate();
}

void LoginDialog::showResult(const QString &text, Outcome outcome)
{
    m_result->setText(text);
    switch (outcome) {
    case Outcome::Refused:
        m_result->setStyleSheet(QStringLiteral("QLabel { background: #f8d7da; color: #842029; border: 1px solid "
                                               "#f5c2c7; border-radius: 4px; padding: 6px; }"));
        break;
    case Outcome::Saved:
        m_result->setStyleSheet(QStringLiteral("QLabel { background: #d1e7dd; color: #0f5132; border: 1px solid "
                                               "#badbcc; border-radius: 4px; padding: 6px; }"));
        break;
    case Outcome::Neutral:
        m_result->setStyleSheet(QStringLiteral("QLabel { padding: 6px; }"));
        break;
    }
    m_result->show();
    fitHeight();
}

void LoginDialog::fitHeight()
{
    // Wrapped labels need the height their width gives them; the layout alone only knows a guess.
    if (const int needed = heightForWidth(width()); needed > height())
        resize(width(), needed);
}

} // namespace ui
