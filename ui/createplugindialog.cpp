#include "ui/createplugindialog.h"

#include "core/plugin/reference.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace ui {

CreatePluginDialog::CreatePluginDialog(const QString &folder, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Create Plugin from Folder"));
    setObjectName(QStringLiteral("createPluginDialog"));

    auto *intro = new QLabel(tr("Makes a disabled plugin from a folder that holds <tt>config.json</tt> and the "
                                "plugin's <tt>rootfs/</tt>, as <tt>docker plugin create</tt> does."));
    intro->setWordWrap(true);

    m_folder = new QLineEdit(QDir::toNativeSeparators(folder));
    m_folder->setObjectName(QStringLiteral("createFolder"));
    m_folder->setAccessibleName(tr("Plugin folder"));
    m_folder->setPlaceholderText(tr("/path/to/plugin"));
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setAutoDefault(false);
    connect(browse, &QPushButton::clicked, this, &CreatePluginDialog::browse);
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(browse);

    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("createName"));
    m_name->setAccessibleName(tr("Plugin name"));
    m_name->setPlaceholderText(tr("e.g. acme/myplugin:latest"));
    m_nameError = new QLabel;
    m_nameError->setObjectName(QStringLiteral("createNameError"));
    m_nameError->setWordWrap(true);
    m_nameError->setStyleSheet(QStringLiteral("QLabel { color: #b02a37; }"));
    m_nameError->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Folder:"), folderRow);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_nameError);
    // The QFormLayout buddy for the folder row is a layout; point the mnemonic at the edit itself.
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(folderRow)))
        label->setBuddy(m_folder);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    QPushButton *create = m_buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    // Only once the button is inside the dialog does setDefault reach the dialog.
    create->setDefault(true);

    connect(m_name, &QLineEdit::textChanged, this, &CreatePluginDialog::validate);
    connect(m_folder, &QLineEdit::textChanged, this, &CreatePluginDialog::validate);
    if (!folder.isEmpty()) {
        // A name to start from: the folder's own name, which is often the plugin's.
        const QString suggested = QDir(folder).dirName().toLower();
        if (nameProblem(suggested).isEmpty())
            m_name->setText(suggested);
        m_name->setFocus();
        m_name->selectAll();
    }
    validate();
    resize(520, sizeHint().height());
}

QString CreatePluginDialog::name() const
{
    return m_name->text().trimmed();
}

QString CreatePluginDialog::folder() const
{
    return QDir::fromNativeSeparators(m_folder->text().trimmed());
}

QString CreatePluginDialog::nameProblem(const QString &name)
{
    if (name.isEmpty())
        return tr("Enter a name for the plugin.");
    const auto reference = core::Reference::parse(name);
    if (!reference)
        return reference.error().message;
    if (reference->hasDigest())
        return tr("A plugin name cannot have a digest; give a tag instead.");
    return {};
}

void CreatePluginDialog::validate()
{
    const QString problem = nameProblem(name());
    // An empty name is not an error yet, only not done.
    m_nameError->setText(problem);
    m_nameError->setVisible(!problem.isEmpty() && !name().isEmpty());
    for (QAbstractButton *button : m_buttons->buttons()) {
        if (m_buttons->buttonRole(button) == QDialogButtonBox::AcceptRole)
            button->setEnabled(problem.isEmpty() && !folder().isEmpty());
    }
}

void CreatePluginDialog::browse()
{
    // Window-modal and without a nested event loop: the answer arrives as fileSelected.
    auto *dialog = new QFileDialog(this, tr("Plugin Folder"), folder());
    dialog->setObjectName(QStringLiteral("createFolderDialog"));
    dialog->setFileMode(QFileDialog::Directory);
    dialog->setOption(QFileDialog::ShowDirsOnly);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &chosen) {
        if (!chosen.isEmpty())
            m_folder->setText(QDir::toNativeSeparators(chosen));
    });
    dialog->open();
}

} // namespace ui
