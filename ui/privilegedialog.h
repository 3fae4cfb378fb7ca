#pragma once

#include "core/plugin/privileges.h"

#include <QDialog>
#include <QList>
#include <optional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace ui {

// Asks a person to approve the privileges a plugin wants before it is installed or upgraded: one row per
// privilege value with an icon, the raw value, a plain-language sentence of what it lets the plugin do and a risk
// level. Cancel is the default button, so Enter refuses. With `previous`, rows added or removed since the
// installed version (or, for a settings change, since what was approved) are marked. A mount that is not a plain
// bind shows its type and options, because they decide what it reaches. Shows and answers; fetches and installs
// nothing.
class PrivilegeDialog final : public QDialog
{
    Q_OBJECT

public:
    enum class Risk { Low, Medium, High };
    enum class Change { Unchanged, Added, Removed };
    // Why the dialog asks: a new plugin, a new version, or new settings of an installed plugin.
    enum class Purpose { Install, Upgrade, Settings };

    // One line of the dialog: a privilege split per value (each capability is its own row).
    struct Row
    {
        QString name;  // Docker's privilege name: "network", "capabilities", ...
        QString value; // the raw value: "host", "CAP_SYS_ADMIN", "/dev/fuse"
        Risk risk = Risk::Low;
        Change change = Change::Unchanged;
        QString mountType;        // "mount" rows: the mount's type ("bind", "proc", "overlay" ...)
        QStringList mountOptions; // "mount" rows: its options
    };

    PrivilegeDialog(const QString &pluginName, const core::Privileges &privileges, QWidget *parent = nullptr);
    // For an upgrade: `previous` are the privileges the installed version was granted.
    PrivilegeDialog(const QString &pluginName, const core::Privileges &privileges, const core::Privileges &previous,
                    QWidget *parent = nullptr);
    // For `purpose`; `previous` marks what changed (Upgrade, Settings: the privileges approved so far).
    PrivilegeDialog(Purpose purpose, const QString &pluginName, const core::Privileges &privileges,
                    const core::Privileges &previous, QWidget *parent = nullptr);

    const QList<Row> &rows() const { return m_rows; }
    QTableWidget *table() const { return m_table; }
    QPushButton *acceptButton() const { return m_accept; }
    QPushButton *cancelButton() const { return m_cancel; }

    // The rows for `privileges`, in Docker's order, each marked against `previous` when given; removed rows last.
    static QList<Row> rowsFor(const core::Privileges &privileges,
                              const std::optional<core::Privileges> &previous = std::nullopt);
    // A mount is High unless it is a tmpfs (Low) or a plain bind of a folder that is not a system one (Medium).
    static Risk riskOf(const QString &name, const QString &value, const QString &mountType = {},
                       const QStringList &mountOptions = {});
    // What the privilege lets the plugin do, in a translated sentence.
    static QString explain(const QString &name, const QString &value, const QString &mountType = {},
                           const QStringList &mountOptions = {});
    static QString riskName(Risk risk);

private:
    void build(Purpose purpose, const QString &pluginName, const core::Privileges &privileges,
               const std::optional<core::Privileges> &previous);

    QList<Row> m_rows;
    QTableWidget *m_table = nullptr;
    QLabel *m_summary = nullptr;
    QPushButton *m_accept = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace ui
