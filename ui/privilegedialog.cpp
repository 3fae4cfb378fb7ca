#include "ui/privilegedialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

enum Column { PrivilegeColumn, ValueColumn, MeaningColumn, RiskColumn, ColumnCount };

struct CapabilityInfo
{
    const char *name;
    PrivilegeDialog::Risk risk;
    const char *sentence;
};

// The Linux capabilities a plugin may ask for, by how much of the host they hand over. High: the capability
// alone is enough to take the host over. Unknown names count as medium.
const CapabilityInfo kCapabilities[] = {
    {"CAP_SYS_ADMIN", PrivilegeDialog::Risk::High,
     QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Administer the system: mount file systems, change namespaces and much "
                                              "more; close to full root access.")},
    {"CAP_SYS_MODULE", PrivilegeDialog::Risk::High,
     QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Load and unload kernel modules, that is run code inside the kernel.")},
    {"CAP_SYS_RAWIO", PrivilegeDialog::Risk::High,
     QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Read and write memory and I/O ports of the host directly.")},
    {"CAP_SYS_PTRACE", PrivilegeDialog::Risk::High,
     QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Trace and inspect other processes, including their memory.")},
    {"CAP_DAC_READ_SEARCH", PrivilegeDialog::Risk::High,
     QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Read any file it can reach, ignoring file permissions.")},
    {"CAP_SYS_BOOT", PrivilegeDialog::Risk::High,
     QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Reboot the host or load a new kernel.")},
    {"CAP_MAC_ADMIN", PrivilegeDialog::Risk::High,
     QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Change the mandatory access control policy (AppArmor, SELinux).")},
    {"CAP_MAC_OVERRIDE", PrivilegeDialog::Risk::High,
     QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Ignore the mandatory access control policy (AppArmor, SELinux).")},
    {"CAP_BPF", PrivilegeDialog::Risk::High,
     QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Load BPF programs into the kernel.")},
    {"CAP_NET_ADMIN", PrivilegeDialog::Risk::Medium,
     QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Configure network interfaces, routes and firewall rules.")},
    {"CAP_NET_RAW", PrivilegeDialog::Risk::Medium,
     QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Send and capture raw network packets.")},
    {"CAP_DAC_OVERRIDE", PrivilegeDialog::Risk::Medium,
     QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Read and write files it can reach, ignoring file permissions.")},
    {"CAP_CHOWN", PrivilegeDialog::Risk::Medium,
     QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Change the owner of files it can reach.")},
    {"CAP_FOWNER", PrivilegeDialog::Risk::Medium,
     QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Act as the owner of any file it can reach.")},
    {"CAP_SETUID", PrivilegeDialog::Risk::Medium, QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Switch to any user id.")},
    {"CAP_SETGID", PrivilegeDialog::Risk::Medium, QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Switch to any group id.")},
    {"CAP_MKNOD", PrivilegeDialog::Risk::Medium, QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Create device files.")},
    {"CAP_SYS_TIME", PrivilegeDialog::Risk::Medium, QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Set the system clock.")},
    {"CAP_SYS_RESOURCE", PrivilegeDialog::Risk::Medium,
     QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Exceed resource limits and quotas.")},
    {"CAP_SYS_NICE", PrivilegeDialog::Risk::Low,
     QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Raise the priority of processes.")},
    {"CAP_KILL", PrivilegeDialog::Risk::Low,
     QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Send signals to processes it can see.")},
    {"CAP_IPC_LOCK", PrivilegeDialog::Risk::Low,
     QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Lock memory so that it is never swapped out.")},
    {"CAP_NET_BIND_SERVICE", PrivilegeDialog::Risk::Low,
     QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Listen on network ports below 1024.")},
    {"CAP_AUDIT_WRITE", PrivilegeDialog::Risk::Low,
     QT_TRANSLATE_NOOP("ui::PrivilegeDialog", "Write records to the kernel audit log.")},
};

const CapabilityInfo *capabilityInfo(const QString &value)
{
    QString name = value.trimmed().toUpper();
    if (!name.startsWith(QLatin1String("CAP_")))
        name.prepend(QLatin1String("CAP_"));
    for (const CapabilityInfo &info : kCapabilities) {
        if (name == QLatin1String(info.name))
            return &info;
    }
    return nullptr;
}

QString iconName(const QString &name)
{
    if (name == QLatin1String("network"))
        return QStringLiteral("network");
    if (name == QLatin1String("mount"))
        return QStringLiteral("mount");
    if (name == QLatin1String("device") || name == QLatin1String("allow-all-devices"))
        return QStringLiteral("device");
    if (name == QLatin1String("capabilities"))
        return QStringLiteral("capability");
    return QStringLiteral("namespace");
}

QIcon riskIcon(PrivilegeDialog::Risk risk)
{
    switch (risk) {
    case PrivilegeDialog::Risk::High:
        return QIcon(QStringLiteral(":/icons/risk-high.svg"));
    case PrivilegeDialog::Risk::Medium:
        return QIcon(QStringLiteral(":/icons/risk-medium.svg"));
    case PrivilegeDialog::Risk::Low:
        break;
    }
    return QIcon(QStringLiteral(":/icons/risk-low.svg"));
}

QList<PrivilegeDialog::Row> split(const core::Privileges &privileges)
{
    QList<PrivilegeDialog::Row> rows;
    for (const core::Privilege &privilege : privileges.items()) {
        // An empty value list still is a privilege (Docker prints "mount: []").
        const QStringList values = privilege.value.isEmpty() ? QStringList{QString()} : privilege.value;
        for (const QString &value : values)
            rows.append({privilege.name,
                         value,
                         PrivilegeDialog::riskOf(privilege.name, value, privilege.mountType, privilege.mountOptions),
                         {},
                         privilege.mountType,
                         privilege.mountOptions});
    }
    return rows;
}

bool sameRow(const PrivilegeDialog::Row &a, const PrivilegeDialog::Row &b)
{
    QStringList aOptions = a.mountOptions;
    QStringList bOptions = b.mountOptions;
    aOptions.sort();
    bOptions.sort();
    return a.name == b.name && a.value == b.value && a.mountType == b.mountType && aOptions == bOptions;
}

} // namespace

PrivilegeDialog::PrivilegeDialog(const QString &pluginName, const core::Privileges &privileges, QWidget *parent)
    : QDialog(parent)
{
    build(Purpose::Install, pluginName, privileges, std::nullopt);
}

PrivilegeDialog::PrivilegeDialog(const QString &pluginName, const core::Privileges &privileges,
                                 const core::Privileges &previous, QWidget *parent)
    : QDialog(parent)
{
    build(Purpose::Upgrade, pluginName, privileges, previous);
}

PrivilegeDialog::PrivilegeDialog(Purpose purpose, const QString &pluginName, const core::Privileges &privileges,
                                 const core::Privileges &previous, QWidget *parent)
    : QDialog(parent)
{
    build(purpose, pluginName, privileges,
          purpose == Purpose::Install ? std::nullopt : std::optional<core::Privileges>(previous));
}

QList<PrivilegeDialog::Row> PrivilegeDialog::rowsFor(const core::Privileges &privileges,
                                                     const std::optional<core::Privileges> &previous)
{
    QList<Row> rows = split(privileges);
    if (!previous)
        return rows;
    const QList<Row> before = split(*previous);
    for (Row &row : rows) {
        const bool known =
            std::any_of(before.cbegin(), before.cend(), [&](const Row &old) { return sameRow(old, row); });
        row.change = known ? Change::Unchanged : Change::Added;
    }
    for (Row old : before) {
        if (std::none_of(rows.cbegin(), rows.cend(), [&](const Row &row) { return sameRow(old, row); })) {
            old.change = Change::Removed;
            rows.append(old);
        }
    }
    return rows;
}

PrivilegeDialog::Risk PrivilegeDialog::riskOf(const QString &name, const QString &value, const QString &mountType,
                                              const QStringList &mountOptions)
{
    if (name == QLatin1String("mount")) {
        if (mountType == QLatin1String("tmpfs"))
            return Risk::Low;
        const core::Privilege privilege{name, {}, {value}, mountType, mountOptions};
        if (!privilege.isPlainMount())
            return Risk::High;
        // The host's own root, its kernel interfaces, devices, configuration and daemons' sockets.
        static const QStringList system{
            QStringLiteral("/proc"), QStringLiteral("/sys"),     QStringLiteral("/dev"),
            QStringLiteral("/etc"),  QStringLiteral("/boot"),    QStringLiteral("/root"),
            QStringLiteral("/run"),  QStringLiteral("/var/run"), QStringLiteral("/var/lib/plugdesk")};
        const QString path = QDir::cleanPath(value);
        if (path == QLatin1String("/") || path.isEmpty())
            return value.isEmpty() ? Risk::Medium : Risk::High;
        for (const QString &folder : system) {
            if (path == folder || path.startsWith(folder + QLatin1Char('/')))
                return Risk::High;
        }
        return Risk::Medium;
    }
    if (name == QLatin1String("network"))
        return value == QLatin1String("host") ? Risk::High : Risk::Low;
    if (name == QLatin1String("host ipc namespace") || name == QLatin1String("host pid namespace") ||
        name == QLatin1String("allow-all-devices"))
        return Risk::High;
    if (name == QLatin1String("device"))
        return Risk::Medium;
    if (name == QLatin1String("capabilities")) {
        const CapabilityInfo *info = capabilityInfo(value);
        return info ? info->risk : Risk::Medium;
    }
    return Risk::Medium; // a privilege this version does not know: not harmless by default
}

QString PrivilegeDialog::explain(const QString &name, const QString &value, const QString &mountType,
                                 const QStringList &mountOptions)
{
    if (name == QLatin1String("network")) {
        if (value == QLatin1String("host"))
            return tr("Use the host's network directly: listen on its addresses and reach services that only "
                      "listen locally.");
        // Docker's "none": the plugin gets only its own loopback, no way out.
        if (value == QLatin1String("none"))
            return tr("No network access: only a loopback interface of its own.");
        return tr("Join the network “%1”.").arg(value);
    }
    if (name == QLatin1String("host ipc namespace"))
        return tr("Share memory, semaphores and message queues with every process on the host.");
    if (name == QLatin1String("host pid namespace"))
        return tr("See every process on the host and send signals to them.");
    if (name == QLatin1String("mount")) {
        if (mountType == QLatin1String("tmpfs"))
            return tr("A private temporary file system in memory.");
        const core::Privilege privilege{name, {}, {value}, mountType, mountOptions};
        if (!privilege.isPlainMount())
            return tr("Mount a file system of type \"%1\" from \"%2\" with the options \"%3\": what it reaches "
                      "depends on its type and options, possibly far more than one folder.")
                .arg(mountType.isEmpty() ? tr("none") : mountType, value, mountOptions.join(QLatin1Char(',')));
        if (value.isEmpty())
            return tr("Mount a host folder that you choose in its settings.");
        if (QDir::cleanPath(value) == QLatin1String("/"))
            return tr("Read and write every file of the host: its whole file system.");
        return mountOptions.contains(QLatin1String("ro")) ? tr("Read the host folder %1.").arg(value)
                                                          : tr("Read and write the host folder %1.").arg(value);
    }
    if (name == QLatin1String("device"))
        return tr("Use the host device %1.").arg(value);
    if (name == QLatin1String("allow-all-devices"))
        return tr("Read, write and create any device of the host: disks, USB devices, the console.");
    if (name == QLatin1String("capabilities")) {
        if (const CapabilityInfo *info = capabilityInfo(value))
            return tr(info->sentence);
        return tr("Use the Linux capability %1, which processes in a container normally lack.").arg(value);
    }
    return tr("A privilege this version of Plugdesk does not know (%1).").arg(name);
}

QString PrivilegeDialog::riskName(Risk risk)
{
    switch (risk) {
    case Risk::High:
        return tr("High");
    case Risk::Medium:
        return tr("Medium");
    case Risk::Low:
        break;
    }
    return tr("Low");
}

void PrivilegeDialog::build(Purpose purpose, const QString &pluginName, const core::Privileges &privileges,
                            const std::optional<core::Privileges> &previous)
{
    setWindowTitle(previous ? tr("Approve Changed Privileges") : tr("Approve Privileges"));
    setObjectName(QStringLiteral("privilegeDialog"));
    m_rows = rowsFor(privileges, previous);

    auto *heading = new QLabel;
    heading->setWordWrap(true);
    heading->setTextFormat(Qt::RichText);
    switch (purpose) {
    case Purpose::Settings:
        heading->setText(tr("<h3>The new settings give %1 new privileges</h3><p>A mount source or device path is a "
                            "part of this computer the plugin may use as root. The rows marked new were not approved "
                            "before. Grant them only if you meant to.</p>")
                             .arg(pluginName.toHtmlEscaped()));
        break;
    case Purpose::Upgrade:
        heading->setText(tr("<h3>%1 asks for different privileges</h3><p>The new version changes what the plugin may "
                            "do on this computer. Grant them only if you trust its publisher.</p>")
                             .arg(pluginName.toHtmlEscaped()));
        break;
    case Purpose::Install:
        heading->setText(tr("<h3>%1 asks for these privileges</h3><p>A plugin runs as root on this computer. Grant "
                            "these privileges only if you trust its publisher.</p>")
                             .arg(pluginName.toHtmlEscaped()));
        break;
    }

    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(QStringLiteral("privilegeTable"));
    m_table->setHorizontalHeaderLabels({tr("Privilege"), tr("Value"), tr("What it allows"), tr("Risk")});
    m_table->setAccessibleName(tr("Requested privileges"));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setFocusPolicy(Qt::NoFocus);
    m_table->setWordWrap(true);
    m_table->setShowGrid(false);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setSectionResizeMode(PrivilegeColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(MeaningColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(RiskColumn, QHeaderView::ResizeToContents);

    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    int high = 0;
    for (const Row &row : std::as_const(m_rows)) {
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        QString label = row.name;
        if (row.change == Change::Added)
            label = tr("%1 (new)").arg(row.name);
        else if (row.change == Change::Removed)
            label = tr("%1 (removed)").arg(row.name);
        auto *name = new QTableWidgetItem(QIcon(QStringLiteral(":/icons/%1.svg").arg(iconName(row.name))), label);
        const core::Privilege shown{row.name, {}, {row.value}, row.mountType, row.mountOptions};
        QString valueText = row.value;
        if (!shown.isPlainMount())
            valueText = tr("%1 (type %2, options %3)")
                            .arg(row.value, row.mountType.isEmpty() ? tr("none") : row.mountType,
                                 row.mountOptions.isEmpty() ? tr("none") : row.mountOptions.join(QLatin1Char(',')));
        auto *value = new QTableWidgetItem(valueText);
        value->setFont(fixed);
        auto *meaning = new QTableWidgetItem(explain(row.name, row.value, row.mountType, row.mountOptions));
        auto *risk = new QTableWidgetItem(riskIcon(row.risk), riskName(row.risk));
        risk->setData(Qt::UserRole, static_cast<int>(row.risk));
        const QList<QTableWidgetItem *> items{name, value, meaning, risk};
        for (QTableWidgetItem *item : items) {
            if (row.change == Change::Removed) {
                QFont font = item->font();
                font.setStrikeOut(true);
                item->setFont(font);
                item->setForeground(palette().brush(QPalette::Disabled, QPalette::Text));
            } else if (row.change == Change::Added) {
                QFont font = item->font();
                font.setBold(true);
                item->setFont(font);
            }
        }
        for (int c = 0; c < ColumnCount; ++c)
            m_table->setItem(r, c, items.at(c));
        if (row.risk == Risk::High && row.change != Change::Removed)
            ++high;
    }
    m_table->resizeRowsToContents();

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("privilegeSummary"));
    m_summary->setWordWrap(true);
    if (m_rows.isEmpty())
        m_summary->setText(tr("This plugin asks for no special privileges."));
    else if (high > 0)
        m_summary->setText(
            tr("High-risk privileges: %1. With them the plugin could take over this computer.").arg(high));
    else
        m_summary->setText(tr("No privilege with a high risk."));

    auto *buttons = new QDialogButtonBox;
    m_accept = buttons->addButton(tr("&Grant and Continue"), QDialogButtonBox::AcceptRole);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    m_accept->setAutoDefault(false);
    m_accept->setAccessibleName(tr("Grant the privileges and continue"));
    m_cancel->setAccessibleName(tr("Cancel without granting"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    // Refusing is the safe answer, so Enter refuses. Set once the button is inside the dialog, or it has no effect.
    m_cancel->setDefault(true);
    resize(760, 420);
    m_cancel->setFocus();
}

} // namespace ui
