#pragma once

#include "core/volume/volume.h"

#include <QDialog>
#include <QHash>
#include <QMap>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;

namespace ui {

// Asks for what `volume create` needs: the driver (one of the enabled volume drivers it is given), an optional name
// (empty: the engine generates one) and the driver's options as KEY=VALUE rows. Problems (an empty or repeated key,
// a name containers could not use) are shown inline as they are typed and keep Create disabled. Creates nothing
// itself: the page hands driver(), name() and options() to Engine::createVolume.
class NewVolumeDialog final : public QDialog
{
    Q_OBJECT

public:
    enum OptionColumn { Key, Value };

    // `drivers`: the enabled volume drivers; `driversError`: why they could not be read (shown instead of the list);
    // `notRunning`: driver name -> why it is not running ("not running: <cause>"), shown in the list. The driver
    // preselected is `preferredDriver` when it runs, else the first running one: never a broken one while a
    // healthy one is there.
    explicit NewVolumeDialog(const QList<core::VolumeDriverInfo> &drivers, const QString &preferredDriver = {},
                             const QString &driversError = {}, const QHash<QString, QString> &notRunning = {},
                             QWidget *parent = nullptr);

    QString driver() const;
    // Why the chosen driver cannot create a volume now, or empty.
    QString driverProblem() const;
    QString name() const;
    QMap<QString, QString> options() const;

    // Appends an option row and returns its row.
    int addOption(const QString &key = {}, const QString &value = {});
    void removeSelectedOptions();

    QComboBox *driverCombo() const { return m_driver; }
    QLineEdit *nameEdit() const { return m_name; }
    QTableWidget *optionsTable() const { return m_options; }
    QLabel *driversMessage() const { return m_driversMessage; }
    QLabel *problemLabel() const { return m_problem; }
    QPushButton *addOptionButton() const { return m_addOption; }
    QPushButton *removeOptionButton() const { return m_removeOption; }
    QPushButton *createButton() const { return m_create; }
    QDialogButtonBox *buttons() const { return m_buttons; }

    // Why `name` cannot name a volume, or empty when it can (an empty name can: the engine makes one up).
    static QString nameProblem(const QString &name);
    // The first problem with the option rows (key, value pairs in order), or empty.
    static QString optionsProblem(const QList<QPair<QString, QString>> &rows);

private:
    QList<QPair<QString, QString>> optionRows() const;
    void validate();

    QComboBox *m_driver = nullptr;
    QLabel *m_driversMessage = nullptr;
    QLineEdit *m_name = nullptr;
    QTableWidget *m_options = nullptr;
    QPushButton *m_addOption = nullptr;
    QPushButton *m_removeOption = nullptr;
    QLabel *m_problem = nullptr;
    QHash<QString, QString> m_notRunning;
    QPushButton *m_create = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace ui
