#include "ui/importdialog.h"

#include "core/plugin/reference.h"
#include "ui/privilegedialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

ImportDialog::ImportDialog(core::Engine *engine, const QString &file, const core::BundleInfo &bundle, QWidget *parent)
    : QDialog(parent)
    , m_engine(engine)
    , m_file(file)
    , m_bundle(bundle)
{
    setObjectName(QStringLiteral("importDialog"));
    setWindowTitle(tr("Import Plugin"));

    auto *icon = new QLabel;
    icon->setPixmap(QIcon(QStringLiteral(":/icons/import.svg")).pixmap(32, 32));
    icon->setAlignment(Qt::AlignTop);
    auto *heading = new QLabel;
    heading->setWordWrap(true);
    heading->setTextFormat(Qt::RichText);
    QString from = QFileInfo(file).fileName().toHtmlEscaped();
    if (!bundle.pluginReference.isEmpty())
        from = tr("%1, exported from %2").arg(from, bundle.pluginReference.toHtmlEscaped());
    heading->setText(tr("<h3>Import “%1”</h3><p>From the bundle %2. Its privileges are shown for approval before "
                        "anything is written.</p>")
                         .arg(bundle.name.toHtmlEscaped(), from));
    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addWidget(heading, 1);

    m_alias = new QLineEdit;
    m_alias->setObjectName(QStringLiteral("aliasEdit"));
    m_alias->setAccessibleName(tr("Local name (optional)"));
    m_alias->setPlaceholderText(bundle.name);
    m_alias->setToolTip(tr("The name the plugin gets on this computer, instead of the bundle's (like "
                           "plugdeskctl plugin import --alias)"));
    m_alias->setClearButtonEnabled(true);
    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("nameError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #b02a37; }"));
    m_error->hide();
    m_enable = new QCheckBox(tr("&Enable the plugin after importing it"));
    m_enable->setObjectName(QStringLiteral("enableCheck"));
    m_enable->setChecked(true);
    auto *form = new QFormLayout;
    form->addRow(tr("&Local name:"), m_alias);
    form->addRow(QString(), m_error);
    form->addRow(QString(), m_enable);

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("importStatus"));
    m_status->setWordWrap(true);
    m_status->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_import = buttons->addButton(tr("&Import…"), QDialogButtonBox::AcceptRole);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &ImportDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ImportDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_alias, &QLineEdit::textChanged, this, &ImportDialog::validate);
    for (auto changed : {&core::Engine::pluginChanged, &core::Engine::pluginRemoved})
        connect(m_engine, changed, this, &ImportDialog::readInstalledNames);
    connect(m_engine, &core::Engine::pluginsReloaded, this, &ImportDialog::readInstalledNames);
    readInstalledNames();
    resize(560, sizeHint().height());
    m_alias->setFocus();
}

QString ImportDialog::targetName() const
{
    const QString typed = m_alias->text().trimmed();
    const QString name = typed.isEmpty() ? m_bundle.name : typed;
    auto parsed = core::Reference::parse(name);
    return parsed ? parsed->withDefaultTag().familiarString() : name;
}

core::InstallOptions ImportDialog::options() const
{
    core::InstallOptions options;
    options.alias = m_alias->text().trimmed();
    options.disable = !m_enable->isChecked();
    return options;
}

void ImportDialog::readInstalledNames()
{
    m_installed.clear();
    if (auto list = m_engine->plugins()) {
        for (const core::Plugin &plugin : list->plugins)
            m_installed.insert(plugin.name());
    }
    validate();
}

void ImportDialog::validate()
{
    QString problem;
    const QString typed = m_alias->text().trimmed();
    if (!typed.isEmpty()) {
        if (auto alias = core::Reference::parse(typed); !alias)
            problem = alias.error().message;
        else if (alias->hasDigest())
            problem = tr("A local name cannot have a digest; give a tag instead.");
    }
    // A taken name is said now, not after the privileges were approved.
    if (const QString target = targetName(); problem.isEmpty() && m_installed.contains(target)) {
        problem = typed.isEmpty() ? tr("A plugin named “%1” is installed already: give the imported one another local "
                                       "name, or remove that one first.")
                                        .arg(target)
                                  : tr("A plugin named “%1” is installed already.").arg(target);
    }
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    m_import->setEnabled(problem.isEmpty() && !m_privileges);
}

void ImportDialog::accept()
{
    validate();
    if (!m_import->isEnabled())
        return;
    m_status->hide();
    auto *dialog = new PrivilegeDialog(targetName(), m_bundle.privileges, this);
    dialog->setObjectName(QStringLiteral("importPrivileges"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_privileges = dialog;
    m_import->setEnabled(false);
    connect(dialog, &QDialog::finished, this, [this](int result) {
        if (result != QDialog::Accepted) {
            m_status->setText(tr("The privileges were not granted; nothing was imported."));
            m_status->show();
            m_privileges = nullptr;
            validate();
            return;
        }
        core::Job *job = m_engine->importPlugin(m_file, m_bundle.privileges, options());
        Q_EMIT started(job);
        QDialog::accept();
    });
    dialog->open();
}

} // namespace ui
