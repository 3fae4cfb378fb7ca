#include "ui/installdialog.h"

#include "core/plugin/reference.h"
#include "ui/privilegedialog.h"
#include "ui/tagcompleter.h"

#include <QAbstractItemView>
#include <QCheckBox>
#include <QCompleter>
#include <QDialogButtonBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

namespace ui {

namespace {

constexpr int kShownTags = 6;

QLabel *smallLabel(const QString &objectName)
{
    auto *label = new QLabel;
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.92);
    label->setFont(font);
    return label;
}

} // namespace

InstallDialog::InstallDialog(core::Engine *engine, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
{
    build();
}

InstallDialog::InstallDialog(core::Engine *engine, const core::Plugin &plugin, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_upgrading(plugin)
{
    build();
    // A created plugin has no remote reference: its name is where a push would have put it.
    setReference(plugin.pluginReference.isEmpty() ? plugin.name() : plugin.pluginReference);
    m_reference->selectAll();
}

InstallDialog::~InstallDialog()
{
    // The look-up is the engine's child: stop it and let it go, nobody else will (the tag completer does the same
    // with its own).
    if (core::Job *job = m_privilegesJob.data()) {
        job->disconnect(this);
        job->cancel();
        job->deleteLater();
    }
}

void InstallDialog::build()
{
    setObjectName(QStringLiteral("installDialog"));
    setWindowTitle(isUpgrade() ? tr("Upgrade Plugin") : tr("Install Plugin"));

    auto *icon = new QLabel;
    icon->setPixmap(
        QIcon(QStringLiteral(":/icons/%1.svg").arg(isUpgrade() ? QStringLiteral("upgrade") : QStringLiteral("install")))
            .pixmap(32, 32));
    icon->setAlignment(Qt::AlignTop);
    auto *heading = new QLabel;
    heading->setWordWrap(true);
    heading->setTextFormat(Qt::RichText);
    if (isUpgrade())
        heading->setText(tr("<h3>Upgrade %1</h3><p>Give the reference of the new version. Its privileges are "
                            "compared with what the installed version was granted before anything is downloaded. "
                            "The plugin keeps its id and the settings the new version still has.</p>")
                             .arg(m_upgrading->name().toHtmlEscaped()));
    else
        heading->setText(tr("<h3>Install a plugin</h3><p>Give the plugin's reference, such as <tt>vieux/sshfs</tt> "
                            "or <tt>registry.example.com/plugin:2.1</tt>.<br>Its privileges are shown for approval "
                            "before anything is downloaded.</p>"));
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addWidget(heading, 1);

    m_reference = new QLineEdit;
    m_reference->setObjectName(QStringLiteral("referenceEdit"));
    m_reference->setAccessibleName(tr("Plugin reference"));
    m_reference->setAccessibleDescription(tr("Repository and optional tag; tags are completed from the registry"));
    m_reference->setPlaceholderText(tr("registry/repository:tag"));
    m_reference->setClearButtonEnabled(true);
    m_completer = new TagCompleter(m_engine, m_reference, this);
    connect(m_completer, &TagCompleter::found, this, &InstallDialog::onTags);
    connect(m_completer, &TagCompleter::failed, this, &InstallDialog::onTagsFailed);

    m_error = smallLabel(QStringLiteral("referenceError"));
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b02a37; }"));
    m_hint = smallLabel(QStringLiteral("tagHint"));
    m_hint->setForegroundRole(QPalette::PlaceholderText);

    // A grid, not a QFormLayout: the notes under a field wrap, and only a grid gives them the height their width
    // needs; a hidden note takes no room.
    auto *form = new QGridLayout;
    form->setColumnStretch(1, 1);
    form->setVerticalSpacing(4);
    auto addField = [form](const QString &label, QWidget *field) {
        const int row = form->rowCount();
        if (!label.isEmpty()) {
            auto *name = new QLabel(label);
            name->setBuddy(field);
            form->addWidget(name, row, 0);
        }
        form->addWidget(field, row, 1);
    };
    addField(tr("&Reference:"), m_reference);
    addField({}, m_error);
    addField({}, m_hint);
    if (!isUpgrade()) {
        m_alias = new QLineEdit;
        m_alias->setObjectName(QStringLiteral("aliasEdit"));
        m_alias->setAccessibleName(tr("Local name (optional)"));
        m_alias->setPlaceholderText(tr("optional; default: the reference's name"));
        m_alias->setToolTip(tr("The name the plugin gets on this computer, instead of the reference's (like "
                               "docker plugin install --alias)"));
        m_aliasError = smallLabel(QStringLiteral("aliasError"));
        m_aliasError->setStyleSheet(QStringLiteral("QLabel { color: #b02a37; }"));
        m_enable = new QCheckBox(tr("&Enable the plugin after installing it"));
        m_enable->setObjectName(QStringLiteral("enableCheck"));
        m_enable->setChecked(true);
        form->setRowMinimumHeight(form->rowCount(), 4);
        addField(tr("&Local name:"), m_alias);
        addField({}, m_aliasError);
        addField({}, m_enable);
        showNote(m_aliasError, false);
        connect(m_alias, &QLineEdit::textChanged, this, [this] {
            showNote(m_aliasError, false);
            validate();
            m_errorTimer->start();
        });
    }
    showNote(m_error, false);
    showNote(m_hint, false);

    m_busy = new QProgressBar;
    m_busy->setObjectName(QStringLiteral("busyBar"));
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(8);
    m_busy->setAccessibleName(tr("Reading the privileges"));
    m_busy->hide();
    m_status = smallLabel(QStringLiteral("installStatus"));
    m_status->hide();

    auto *buttons = new QDialogButtonBox;
    m_ok = buttons->addButton(isUpgrade() ? tr("&Upgrade…") : tr("&Install…"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("installButton"));
    m_ok->setAccessibleName(isUpgrade() ? tr("Read the privileges and upgrade")
                                        : tr("Read the privileges and install"));
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &InstallDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &InstallDialog::reject);

    auto *layout = new QVBoxLayout(this);
    // Grows with a message that needs more lines, instead of squeezing it.
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    layout->addLayout(top);
    layout->addSpacing(4);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_busy);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    m_ok->setDefault(true);

    m_tagTimer = new QTimer(this);
    m_tagTimer->setSingleShot(true);
    m_tagTimer->setInterval(TagLookupDelayMs);
    connect(m_tagTimer, &QTimer::timeout, this, &InstallDialog::lookUpTags);
    m_errorTimer = new QTimer(this);
    m_errorTimer->setSingleShot(true);
    m_errorTimer->setInterval(ErrorDelayMs);
    connect(m_errorTimer, &QTimer::timeout, this, &InstallDialog::showProblems);
    connect(m_reference, &QLineEdit::textChanged, this, [this] {
        // What was said about the text before no longer holds: no stale message while a new reference is typed.
        showNote(m_error, false);
        if (m_statusIsProblem)
            setStatus({});
        validate();
        m_errorTimer->start();
        m_tagTimer->start();
    });
    validate();
    resize(660, sizeHint().height());
    fitHeight();
    m_reference->setFocus();
}

QString InstallDialog::reference() const
{
    return m_reference->text().trimmed();
}

void InstallDialog::setReference(const QString &text)
{
    m_reference->setText(text);
}

core::InstallOptions InstallDialog::options() const
{
    core::InstallOptions options;
    if (m_alias)
        options.alias = m_alias->text().trimmed();
    options.disable = m_enable && !m_enable->isChecked();
    return options;
}

QStringList InstallDialog::tags() const
{
    return m_completer->tags();
}

QString InstallDialog::tagsRepository() const
{
    return m_completer->repository();
}

QCompleter *InstallDialog::completer() const
{
    return m_completer;
}

QString InstallDialog::repositoryPart(const QString &text)
{
    QString repository = text.trimmed();
    if (const qsizetype at = repository.indexOf(QLatin1Char('@')); at >= 0)
        repository.truncate(at);
    const qsizetype slash = repository.lastIndexOf(QLatin1Char('/'));
    if (const qsizetype colon = repository.lastIndexOf(QLatin1Char(':')); colon > slash)
        repository.truncate(colon);
    return repository;
}

void InstallDialog::validate()
{
    QString problem;
    if (!reference().isEmpty()) {
        if (auto parsed = core::Reference::parse(reference()); !parsed)
            problem = parsed.error().message;
    }
    m_error->setText(problem);
    if (problem.isEmpty())
        showNote(m_error, false);

    QString aliasProblem;
    if (m_alias && !m_alias->text().trimmed().isEmpty()) {
        auto alias = core::Reference::parse(m_alias->text().trimmed());
        if (!alias)
            aliasProblem = alias.error().message;
        else if (alias->hasDigest())
            aliasProblem = tr("A local name cannot have a digest; give a tag instead.");
    }
    if (m_aliasError) {
        m_aliasError->setText(aliasProblem);
        if (aliasProblem.isEmpty())
            showNote(m_aliasError, false);
    }
    // A hint about another repository than the one typed now would mislead.
    if (repositoryPart(reference()) != m_completer->requestedRepository())
        showNote(m_hint, false);
    m_ok->setEnabled(!isBusy() && !reference().isEmpty() && problem.isEmpty() && aliasProblem.isEmpty());
}

void InstallDialog::showProblems()
{
    static const QString incomplete = QStringLiteral(":/@");
    const QString typed = reference();
    const bool unfinished = !typed.isEmpty() && incomplete.contains(typed.back());
    showNote(m_error, !m_error->text().isEmpty() && !unfinished);
    if (m_aliasError)
        showNote(m_aliasError, !m_aliasError->text().isEmpty());
}

void InstallDialog::lookUpTags()
{
    const QString repository = repositoryPart(reference());
    if (repository.isEmpty() || repository == m_completer->requestedRepository())
        return;
    if (!core::Reference::parse(repository))
        return;
    m_completer->lookUp(repository);
    m_hint->setText(tr("Looking up the tags of %1…").arg(repository));
    showNote(m_hint, true);
}

void InstallDialog::onTagsFailed(const QString &repository, const core::Error &error)
{
    // A short line here; the whole reason in the tooltip, and in full if the person goes on anyway.
    QString why;
    switch (error.code) {
    case core::ErrorCode::NotFound:
        why = tr("the registry does not know this repository");
        break;
    case core::ErrorCode::Auth:
        why = tr("the registry wants a login (File › Log In to a Registry)");
        break;
    case core::ErrorCode::Network:
    case core::ErrorCode::Timeout:
        why = tr("the registry cannot be reached");
        break;
    default:
        why = error.message;
        break;
    }
    m_hint->setText(tr("No tags to offer: %1.").arg(why));
    m_hint->setToolTip(error.message);
    showNote(m_hint, repositoryPart(reference()) == repository);
    fitHeight();
}

void InstallDialog::onTags(const QString &repository, const QStringList &tags)
{
    m_hint->setToolTip(QString());
    if (tags.isEmpty()) {
        m_hint->setText(tr("%1 has no tags.").arg(repository));
    } else {
        QStringList shown = tags.mid(0, kShownTags);
        QString text = shown.join(QStringLiteral(", "));
        if (tags.size() > kShownTags)
            text = tr("%1 … (%n tags)", nullptr, int(tags.size())).arg(text);
        m_hint->setText(tr("Tags: %1").arg(text));
    }
    showNote(m_hint, repositoryPart(reference()) == repository);
    fitHeight();
    showCompletions();
}

void InstallDialog::showCompletions()
{
    // Only for the person typing now.
    if (isBusy() || !m_reference->hasFocus() || repositoryPart(reference()) != m_completer->repository())
        return;
    m_completer->offer();
}

void InstallDialog::accept()
{
    if (isBusy() || !m_ok->isEnabled())
        return;
    auto parsed = core::Reference::parse(reference());
    if (!parsed)
        return;
    m_completer->popup()->hide();
    const QString full = parsed->withDefaultTag().familiarString();
    core::Job *job = m_engine->privileges(reference());
    m_privilegesJob = job;
    setBusy(true, tr("Reading the privileges of %1 from the registry…").arg(full));
    if (job->isFinished())
        QTimer::singleShot(0, this, [this, job] { onPrivileges(job); });
    else
        connect(job, &core::Job::finished, this, [this, job] { onPrivileges(job); });
}

void InstallDialog::reject()
{
    if (m_privilegesJob) {
        // Cancelling the reading, not the dialog: the person may correct the reference.
        m_privilegesJob->cancel();
        return;
    }
    QDialog::reject();
}

void InstallDialog::onPrivileges(core::Job *job)
{
    job->deleteLater();
    if (job != m_privilegesJob)
        return;
    m_privilegesJob = nullptr;
    setBusy(false);
    if (!job->succeeded()) {
        const core::Error error = job->error().value_or(core::Error{});
        if (error.code == core::ErrorCode::Cancelled) {
            setStatus(tr("Stopped. Nothing was downloaded or installed."));
            return;
        }
        // One failure, one place: here, under the reference the person may correct (no message box on top).
        // The engine's message names the reference already.
        setStatus(isUpgrade() ? tr("Not upgraded: %1").arg(error.message) : tr("Not installed: %1").arg(error.message),
                  true);
        m_reference->setFocus();
        return;
    }
    askForPrivileges(job->result().value<core::Privileges>());
}

QString InstallDialog::targetName() const
{
    if (isUpgrade())
        return m_upgrading->name();
    if (m_alias && !m_alias->text().trimmed().isEmpty())
        return m_alias->text().trimmed();
    auto parsed = core::Reference::parse(reference());
    return parsed ? parsed->withDefaultTag().familiarString() : reference();
}

void InstallDialog::askForPrivileges(const core::Privileges &privileges)
{
    PrivilegeDialog *dialog = isUpgrade() ? new PrivilegeDialog(targetName(), privileges,
                                                                core::Privileges::fromConfig(m_upgrading->config), this)
                                          : new PrivilegeDialog(targetName(), privileges, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_privilegeDialog = dialog;
    connect(dialog, &QDialog::accepted, this, [this, privileges] { start(privileges); });
    connect(dialog, &QDialog::rejected, this, [this] {
        setStatus(isUpgrade() ? tr("The privileges were not granted; the plugin was not changed.")
                              : tr("The privileges were not granted; nothing was installed."));
        m_reference->setFocus();
    });
    dialog->open();
}

void InstallDialog::start(const core::Privileges &granted)
{
    core::Job *job = isUpgrade() ? m_engine->upgrade(m_upgrading->name(), reference(), granted)
                                 : m_engine->install(reference(), granted, options());
    Q_EMIT started(job);
    QDialog::accept();
}

void InstallDialog::setBusy(bool busy, const QString &text)
{
    m_reference->setEnabled(!busy);
    if (m_alias)
        m_alias->setEnabled(!busy);
    if (m_enable)
        m_enable->setEnabled(!busy);
    m_busy->setVisible(busy);
    m_cancel->setToolTip(busy ? tr("Stop reading the privileges") : QString());
    if (busy)
        setStatus(text);
    validate();
    if (!busy)
        m_reference->setFocus();
}

void InstallDialog::setStatus(const QString &text, bool problem)
{
    m_status->setText(text);
    m_statusIsProblem = problem && !text.isEmpty();
    m_status->setStyleSheet(problem ? QStringLiteral("QLabel { color: #b02a37; }") : QString());
    m_status->setVisible(!text.isEmpty());
    fitHeight();
}

void InstallDialog::showNote(QLabel *note, bool visible)
{
    note->setVisible(visible);
    fitHeight();
}

void InstallDialog::fitHeight()
{
    // Wrapped labels need the height their width gives them; the layout alone only knows a guess.
    if (const int needed = heightForWidth(width()); needed > height())
        resize(width(), needed);
}

} // namespace ui
