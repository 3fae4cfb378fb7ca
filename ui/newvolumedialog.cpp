#include "ui/newvolumedialog.h"

#include "ui/icons.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <functional>

namespace ui {

NewVolumeDialog::NewVolumeDialog(const QList<core::VolumeDriverInfo> &drivers, const QString &preferredDriver,
                                 const QString &driversError, const QHash<QString, QString> &notRunning,
                                 QWidget *parent)
    : QDialog(parent)
    , m_notRunning(notRunning)
{
    setWindowTitle(tr("New Volume"));
    setObjectName(QStringLiteral("newVolumeDialog"));

    auto *intro = new QLabel(tr("Creates a volume with a volume plugin, as <tt>docker volume create</tt> does. "
                                "The options are passed to the driver as they are."));
    intro->setWordWrap(true);

    m_driver = new QComboBox;
    m_driver->setObjectName(QStringLiteral("volumeDriver"));
    m_driver->setAccessibleName(tr("Volume driver"));
    const QIcon driverIcon = themeIcon(QStringLiteral("application-x-addon"), QStringLiteral("plugin"));
    const QIcon brokenIcon(QStringLiteral(":/icons/state-failed.svg"));
    int firstHealthy = -1;
    for (const core::VolumeDriverInfo &info : drivers) {
        const auto broken = notRunning.constFind(info.name);
        if (broken == notRunning.cend()) {
            m_driver->addItem(driverIcon, tr("%1 (running)").arg(info.name), info.name);
            if (firstHealthy < 0)
                firstHealthy = m_driver->count() - 1;
        } else {
            m_driver->addItem(brokenIcon, tr("%1 (%2)").arg(info.name, *broken), info.name);
            m_driver->setItemData(m_driver->count() - 1, *broken, Qt::ToolTipRole);
        }
    }
    // The driver asked for when it runs; otherwise a healthy one, so that Create works as it comes.
    const int preferred = m_driver->findData(preferredDriver);
    if (preferred >= 0 && (!notRunning.contains(preferredDriver) || firstHealthy < 0))
        m_driver->setCurrentIndex(preferred);
    else if (firstHealthy >= 0)
        m_driver->setCurrentIndex(firstHealthy);
    connect(m_driver, &QComboBox::currentIndexChanged, this, &NewVolumeDialog::validate);

    m_driversMessage = new QLabel;
    m_driversMessage->setObjectName(QStringLiteral("noVolumeDrivers"));
    m_driversMessage->setWordWrap(true);
    m_driversMessage->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_driversMessage->setStyleSheet(QStringLiteral("QLabel { background: #fff3cd; color: #664d03; border: 1px solid "
                                                   "#ffe69c; border-radius: 4px; padding: 6px; }"));
    if (!driversError.isEmpty())
        m_driversMessage->setText(tr("The volume drivers could not be read: %1").arg(driversError));
    else if (drivers.isEmpty())
        m_driversMessage->setText(tr("No volume driver is enabled. Enable a volume plugin (one whose types include "
                                     "<tt>docker.volumedriver</tt>) on the Plugins page, then create the volume."));
    m_driversMessage->setVisible(!m_driversMessage->text().isEmpty());
    m_driver->setEnabled(!drivers.isEmpty());

    m_name = new QLineEdit;
    m_name->setObjectName(QStringLiteral("volumeName"));
    m_name->setAccessibleName(tr("Volume name"));
    m_name->setPlaceholderText(tr("empty: a generated name"));

    m_options = new QTableWidget(0, 2);
    m_options->setObjectName(QStringLiteral("volumeOptions"));
    m_options->setAccessibleName(tr("Driver options"));
    m_options->setHorizontalHeaderLabels({tr("Key"), tr("Value")});
    m_options->horizontalHeader()->setSectionResizeMode(Key, QHeaderView::Interactive);
    m_options->horizontalHeader()->setSectionResizeMode(Value, QHeaderView::Stretch);
    m_options->horizontalHeader()->resizeSection(Key, 160);
    m_options->verticalHeader()->hide();
    m_options->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_options->setAlternatingRowColors(true);
    m_options->setMinimumHeight(140);
    m_addOption = new QPushButton(themeIcon(QStringLiteral("list-add"), QStringLiteral("add")), tr("&Add Option"));
    m_addOption->setObjectName(QStringLiteral("addOption"));
    m_addOption->setAccessibleName(tr("Add an option"));
    m_addOption->setAutoDefault(false);
    m_removeOption =
        new QPushButton(themeIcon(QStringLiteral("list-remove"), QStringLiteral("cancel")), tr("Re&move Option"));
    m_removeOption->setObjectName(QStringLiteral("removeOption"));
    m_removeOption->setAccessibleName(tr("Remove the selected options"));
    m_removeOption->setAutoDefault(false);
    connect(m_addOption, &QPushButton::clicked, this, [this] {
        const int row = addOption();
        m_options->setCurrentCell(row, Key);
        m_options->editItem(m_options->item(row, Key));
    });
    connect(m_removeOption, &QPushButton::clicked, this, &NewVolumeDialog::removeSelectedOptions);
    connect(m_options, &QTableWidget::itemChanged, this, &NewVolumeDialog::validate);
    connect(m_options, &QTableWidget::itemSelectionChanged, this,
            [this] { m_removeOption->setEnabled(!m_options->selectedItems().isEmpty()); });
    auto *optionButtons = new QVBoxLayout;
    optionButtons->addWidget(m_addOption);
    optionButtons->addWidget(m_removeOption);
    optionButtons->addStretch(1);
    auto *optionsRow = new QHBoxLayout;
    optionsRow->addWidget(m_options, 1);
    optionsRow->addLayout(optionButtons);

    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("volumeProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("QLabel { color: #b02a37; }"));
    m_problem->hide();

    auto *form = new QFormLayout;
    form->addRow(tr("&Driver:"), m_driver);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Options:"), optionsRow);
    if (auto *label = qobject_cast<QLabel *>(form->labelForField(optionsRow)))
        label->setBuddy(m_options);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_create = m_buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("createVolume"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_driversMessage);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    // Only once the button is inside the dialog does setDefault reach the dialog.
    m_create->setDefault(true);

    connect(m_name, &QLineEdit::textChanged, this, &NewVolumeDialog::validate);
    m_name->setFocus();
    m_removeOption->setEnabled(false);
    validate();
    resize(560, sizeHint().height());
}

QString NewVolumeDialog::driver() const
{
    return m_driver->currentData().toString();
}

QString NewVolumeDialog::driverProblem() const
{
    const QString reason = m_notRunning.value(driver());
    if (reason.isEmpty())
        return {};
    return tr("The driver %1 cannot create volumes now: its plugin is %2. Start it on the Plugins page, or choose "
              "another driver.")
        .arg(driver(), reason);
}

QString NewVolumeDialog::name() const
{
    return m_name->text().trimmed();
}

QList<QPair<QString, QString>> NewVolumeDialog::optionRows() const
{
    QList<QPair<QString, QString>> rows;
    for (int row = 0; row < m_options->rowCount(); ++row) {
        const QTableWidgetItem *key = m_options->item(row, Key);
        const QTableWidgetItem *value = m_options->item(row, Value);
        rows.append({key ? key->text().trimmed() : QString(), value ? value->text() : QString()});
    }
    return rows;
}

QMap<QString, QString> NewVolumeDialog::options() const
{
    QMap<QString, QString> options;
    for (const auto &[key, value] : optionRows()) {
        if (!key.isEmpty())
            options.insert(key, value);
    }
    return options;
}

int NewVolumeDialog::addOption(const QString &key, const QString &value)
{
    const int row = m_options->rowCount();
    // Filling a new row is no edit to validate twice.
    const QSignalBlocker blocker(m_options);
    m_options->insertRow(row);
    m_options->setItem(row, Key, new QTableWidgetItem(key));
    m_options->setItem(row, Value, new QTableWidgetItem(value));
    m_options->item(row, Key)->setData(Qt::AccessibleTextRole, tr("Key of option %1").arg(row + 1));
    m_options->item(row, Value)->setData(Qt::AccessibleTextRole, tr("Value of option %1").arg(row + 1));
    validate();
    return row;
}

void NewVolumeDialog::removeSelectedOptions()
{
    QList<int> rows;
    for (const QModelIndex &index : m_options->selectionModel()->selectedIndexes()) {
        if (!rows.contains(index.row()))
            rows.append(index.row());
    }
    if (rows.isEmpty() && m_options->currentRow() >= 0)
        rows.append(m_options->currentRow());
    std::sort(rows.begin(), rows.end(), std::greater<>());
    for (const int row : std::as_const(rows))
        m_options->removeRow(row);
    validate();
}

QString NewVolumeDialog::nameProblem(const QString &name)
{
    for (const QChar c : name) {
        if (c == QLatin1Char('/') || c == QLatin1Char(':') || c.isSpace() || c.category() == QChar::Other_Control)
            return tr("The name \"%1\" cannot be used: a volume name cannot contain \"/\", \":\" or spaces, or "
                      "containers could not mount it with -v NAME:/path.")
                .arg(name);
    }
    return {};
}

QString NewVolumeDialog::optionsProblem(const QList<QPair<QString, QString>> &rows)
{
    QSet<QString> seen;
    for (qsizetype row = 0; row < rows.size(); ++row) {
        const auto &[key, value] = rows.at(row);
        if (key.isEmpty()) {
            if (value.isEmpty())
                continue; // a blank row is ignored
            return tr("Option %1 has a value but no key: enter the key, or remove the row.").arg(row + 1);
        }
        if (key.contains(QLatin1Char('=')))
            return tr("The option key \"%1\" cannot contain \"=\": give the key in the Key column and the value in "
                      "the Value column.")
                .arg(key);
        if (seen.contains(key))
            return tr("The option \"%1\" is given twice: give each key once.").arg(key);
        seen.insert(key);
    }
    return {};
}

void NewVolumeDialog::validate()
{
    QString problem = nameProblem(name());
    if (problem.isEmpty())
        problem = optionsProblem(optionRows());
    if (problem.isEmpty())
        problem = driverProblem();
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    m_create->setEnabled(problem.isEmpty() && m_driver->count() > 0);
}

} // namespace ui
