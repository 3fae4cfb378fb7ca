#include "ui/pluginsettingsview.h"

#include "core/engine/engine.h"
#include "ui/icons.h"
#include "ui/privilegedialog.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QTableWidget>
#include <QVBoxLayout>
#include <functional>
#include <utility>

namespace ui {

namespace {

// Item data: the value as shown when filled, and the `set` key that changes it ("DEBUG", "data.source").
constexpr int OriginalRole = Qt::UserRole + 1;
constexpr int KeyRole = Qt::UserRole + 2;

bool sameShown(const core::Plugin &a, const core::Plugin &b)
{
    return a.id == b.id && a.enabled == b.enabled && a.config == b.config && a.settings == b.settings;
}

} // namespace

// The table's delegate, which knows whether an editor is open and says when the view let go of one, however the edit
// ended (Enter, Escape, focus leaving, the current cell moving): a refresh that came while a cell was being edited is
// shown then.
class EditEndDelegate final : public QStyledItemDelegate
{
public:
    EditEndDelegate(std::function<void()> ended, QObject *parent)
        : QStyledItemDelegate(parent)
        , m_ended(std::move(ended))
    {}

    bool editing() const { return m_open > 0; }

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QWidget *editor = QStyledItemDelegate::createEditor(parent, option, index);
        if (editor)
            ++m_open;
        return editor;
    }

    void destroyEditor(QWidget *editor, const QModelIndex &index) const override
    {
        QStyledItemDelegate::destroyEditor(editor, index);
        --m_open;
        m_ended();
    }

private:
    std::function<void()> m_ended;
    mutable int m_open = 0;
};

PluginSettingsView::PluginSettingsView(core::Engine *engine, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
{
    m_note = new QLabel;
    m_note->setObjectName(QStringLiteral("settingsNote"));
    m_note->setWordWrap(true);

    m_table = new QTableWidget(0, ColumnCount);
    m_table->setObjectName(QStringLiteral("settingsTable"));
    m_table->setHorizontalHeaderLabels({tr("Kind"), tr("Name"), tr("Value"), tr("Description")});
    m_table->horizontalHeader()->setSectionResizeMode(Kind, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Name, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Value, QHeaderView::Interactive);
    m_table->horizontalHeader()->setSectionResizeMode(Description, QHeaderView::Stretch);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->resizeSection(Value, 220);
    m_table->verticalHeader()->hide();
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::AnyKeyPressed);
    m_table->setAccessibleName(tr("Plugin settings"));
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        m_error->hide();
        updateButtons();
    });
    // Shown once the view is done with the editor (queued: the view is still closing it when the delegate is told).
    m_delegate = new EditEndDelegate(
        [this] {
            QMetaObject::invokeMethod(
                this,
                [this] {
                    if (m_deferred && !m_delegate->editing())
                        setPlugin(*std::exchange(m_deferred, std::nullopt));
                },
                Qt::QueuedConnection);
        },
        m_table);
    m_table->setItemDelegate(m_delegate);

    m_error = new QLabel;
    m_error->setObjectName(QStringLiteral("settingsError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("QLabel { color: #842029; background: #f8d7da; border: 1px solid #f5c2c7;"
                                          " border-radius: 4px; padding: 6px; }"));
    m_error->setAccessibleName(tr("Why the settings were refused"));
    m_error->hide();

    m_apply = new QPushButton(tr("&Apply"));
    m_apply->setObjectName(QStringLiteral("applySettings"));
    m_apply->setToolTip(tr("Save the changed settings; the plugin uses them the next time it is enabled"));
    m_revert = new QPushButton(tr("Re&vert"));
    m_revert->setToolTip(tr("Forget the changes not applied yet"));
    connect(m_apply, &QPushButton::clicked, this, &PluginSettingsView::apply);
    connect(m_revert, &QPushButton::clicked, this, &PluginSettingsView::revert);

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_apply);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_error);
    layout->addLayout(buttons);
    clear();
}

void PluginSettingsView::clear()
{
    m_plugin.reset();
    m_deferred.reset();
    m_table->setRowCount(0);
    m_note->clear();
    m_error->hide();
    updateButtons();
}

void PluginSettingsView::setPlugin(const core::Plugin &plugin)
{
    const bool same = m_plugin && m_plugin->id == plugin.id;
    if (same && sameShown(*m_plugin, plugin)) {
        m_plugin = plugin;  // the approvals may have changed, which the table does not show
        m_deferred.reset(); // a change that waited for the edit to end was undone meanwhile
        return;
    }
    // The window refreshes whenever the store changes, by this view's Apply or by anyone else. Refilling now would
    // close the editor under the person's cursor and lose what they typed, so the refresh waits for the edit to end.
    if (same && m_delegate->editing()) {
        m_deferred = plugin;
        return;
    }
    m_deferred.reset();
    // The same plugin, changed: the edits not applied yet and the current cell stay where their keys still are.
    QHash<QString, QString> kept;
    QString currentKey;
    int currentColumn = -1;
    if (same) {
        for (const auto &[key, value] : edits())
            kept.insert(key, value);
        if (const QTableWidgetItem *item = m_table->item(m_table->currentRow(), Value)) {
            currentKey = item->data(KeyRole).toString();
            currentColumn = m_table->currentColumn();
        }
    } else {
        m_error->hide();
    }
    m_plugin = plugin;
    fill();
    for (int r = 0; r < m_table->rowCount(); ++r) {
        QTableWidgetItem *item = m_table->item(r, Value);
        const QString key = item->data(KeyRole).toString();
        if (kept.contains(key) && (item->flags() & Qt::ItemIsEditable)) {
            const QSignalBlocker blocker(m_table);
            item->setText(kept.value(key));
        }
        if (!currentKey.isEmpty() && key == currentKey) {
            m_table->setCurrentCell(r, currentColumn);
            currentKey.clear();
        }
    }
    updateButtons();
}

void PluginSettingsView::fill()
{
    const core::Plugin &plugin = *m_plugin;
    const core::PluginConfig &config = plugin.config;
    const core::Settings &settings = plugin.settings;
    const bool locked = plugin.enabled;

    const QSignalBlocker blocker(m_table);
    m_table->setRowCount(0);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    auto addRow = [&](const QString &kind, const QString &name, const QString &value, const QString &description,
                      const QString &key, bool settable) {
        const int r = m_table->rowCount();
        m_table->insertRow(r);
        const QList<QTableWidgetItem *> items{new QTableWidgetItem(kind), new QTableWidgetItem(name),
                                              new QTableWidgetItem(value), new QTableWidgetItem(description)};
        for (int c = 0; c < ColumnCount; ++c) {
            QTableWidgetItem *item = items.at(c);
            Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
            if (c == Value && settable && !locked)
                flags |= Qt::ItemIsEditable;
            if (c != Value || !settable)
                item->setForeground(palette().brush(QPalette::PlaceholderText));
            item->setFlags(flags);
            m_table->setItem(r, c, item);
        }
        items.at(Value)->setFont(fixed);
        // Not by colour alone: a pencil on what can be changed now, a lock on what waits for Disable.
        if (settable)
            items.at(Value)->setIcon(locked ? themeIcon(QStringLiteral("changes-prevent"), QStringLiteral("locked"))
                                            : themeIcon(QStringLiteral("document-edit"), QStringLiteral("edit")));
        items.at(Value)->setData(OriginalRole, value);
        items.at(Value)->setData(KeyRole, key);
        items.at(Value)->setToolTip(settable ? (locked ? tr("Disable the plugin to change this value")
                                                       : tr("Double-click or press F2 to change this value"))
                                             : tr("Fixed by the plugin's configuration"));
    };

    for (const core::PluginEnv &env : config.env) {
        QString value = settings.envValue(env.name);
        if (value.isNull())
            value = env.value.value_or(QString());
        addRow(tr("Environment"), env.name, value, env.description, env.name,
               env.settable.contains(QLatin1String("value")));
    }
    if (!config.args.name.isEmpty() || !config.args.value.isEmpty()) {
        const QStringList value = settings.args.isEmpty() ? config.args.value : settings.args;
        addRow(tr("Arguments"), config.args.name, value.join(QLatin1Char(' ')), config.args.description,
               config.args.name, config.args.settable.contains(QLatin1String("value")));
    }
    for (const core::PluginMount &mount : config.mounts) {
        std::optional<QString> source = mount.source;
        for (const core::PluginMount &set : settings.mounts) {
            if (set.name == mount.name && !mount.name.isEmpty())
                source = set.source;
        }
        const QString description =
            mount.description.isEmpty()
                ? tr("mounted at %1 in the plugin").arg(mount.destination)
                : tr("%1 (mounted at %2 in the plugin)").arg(mount.description, mount.destination);
        addRow(tr("Mount"), mount.name.isEmpty() ? mount.destination : mount.name, source.value_or(QString()),
               description, mount.name + QStringLiteral(".source"),
               !mount.name.isEmpty() && mount.settable.contains(QLatin1String("source")));
    }
    for (const core::PluginDevice &device : config.devices) {
        std::optional<QString> path = device.path;
        for (const core::PluginDevice &set : settings.devices) {
            if (set.name == device.name && !device.name.isEmpty())
                path = set.path;
        }
        addRow(tr("Device"), device.name, path.value_or(QString()), device.description,
               device.name + QStringLiteral(".path"),
               !device.name.isEmpty() && device.settable.contains(QLatin1String("path")));
    }

    if (m_table->rowCount() == 0)
        m_note->setText(tr("This plugin has no settings."));
    else if (locked)
        m_note->setText(tr("<b>Locked while the plugin is enabled.</b> A plugin reads its settings when it starts, "
                           "so Docker only lets them change while it is disabled. Disable it to edit them."));
    else
        m_note->setText(tr("Values in black can be changed: double-click one, edit it, then Apply. The plugin uses "
                           "them the next time it is enabled."));
    m_table->setEnabled(m_table->rowCount() > 0);
    updateButtons();
}

QList<std::pair<QString, QString>> PluginSettingsView::edits() const
{
    QList<std::pair<QString, QString>> edited;
    for (int r = 0; r < m_table->rowCount(); ++r) {
        const QTableWidgetItem *item = m_table->item(r, Value);
        if (item && item->text() != item->data(OriginalRole).toString())
            edited.append({item->data(KeyRole).toString(), item->text()});
    }
    return edited;
}

QStringList PluginSettingsView::pendingArguments() const
{
    QStringList arguments;
    for (const auto &[key, value] : edits())
        arguments.append(key + QLatin1Char('=') + value);
    return arguments;
}

bool PluginSettingsView::apply()
{
    if (!m_plugin)
        return false;
    const QStringList arguments = pendingArguments();
    if (arguments.isEmpty())
        return true;
    // The privileges after the change, as the engine computes them: a mount source or device path that nobody
    // approved is a privilege change, approved in the privilege dialog and applied with Engine::grant.
    core::Plugin next = *m_plugin;
    if (auto checked = next.settings.apply(next.config, arguments); !checked) {
        showError(checked.error().message);
        return false;
    }
    const core::Privileges effective = next.effectivePrivileges();
    if (!m_plugin->enabled && !effective.notIn(m_plugin->approvedPrivileges()).isEmpty()) {
        askToGrant(arguments, effective);
        return false;
    }
    follow(m_engine->set(m_plugin->id, arguments), arguments);
    return true;
}

void PluginSettingsView::askToGrant(const QStringList &arguments, const core::Privileges &effective)
{
    auto *dialog = new PrivilegeDialog(PrivilegeDialog::Purpose::Settings, m_plugin->name(), effective,
                                       m_plugin->approvedPrivileges(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = m_plugin->id;
    connect(dialog, &QDialog::finished, this, [this, arguments, effective, id](int result) {
        if (!m_plugin || m_plugin->id != id)
            return;
        if (result != QDialog::Accepted) {
            // Refused: nothing was written; the table shows the settings as they are.
            revert();
            return;
        }
        follow(m_engine->grant(id, arguments, effective), arguments);
    });
    dialog->open();
}

void PluginSettingsView::showError(const QString &message)
{
    // Docker's text as it is, so it can be searched for; the arguments say which edit it is about.
    m_error->setText(tr("The settings were not changed: %1").arg(message));
    m_error->show();
}

void PluginSettingsView::follow(core::Job *job, const QStringList &arguments)
{
    m_applying = true;
    updateButtons();
    const QString name = m_plugin ? m_plugin->name() : QString();
    job->then(this, [this, job, name, arguments](const core::Job &) {
        job->deleteLater();
        m_applying = false;
        if (const auto error = job->error()) {
            showError(error->message);
            updateButtons();
            Q_EMIT refused(error->message);
            return;
        }
        m_error->hide();
        // The engine's pluginChanged refreshes the window; until then the applied values are the originals. Only
        // those: a cell edited while the job ran keeps its edit pending (Apply was disabled, nothing applied it).
        QHash<QString, QString> appliedValues;
        for (const QString &argument : arguments) {
            const qsizetype equals = argument.indexOf(QLatin1Char('='));
            appliedValues.insert(argument.left(equals), argument.mid(equals + 1));
        }
        for (int r = 0; r < m_table->rowCount(); ++r) {
            QTableWidgetItem *item = m_table->item(r, Value);
            if (item && appliedValues.contains(item->data(KeyRole).toString()))
                item->setData(OriginalRole, appliedValues.value(item->data(KeyRole).toString()));
        }
        updateButtons();
        Q_EMIT applied(name);
    });
}

void PluginSettingsView::revert()
{
    if (!m_plugin)
        return;
    m_error->hide();
    fill();
}

void PluginSettingsView::updateButtons()
{
    const bool changed = m_plugin && !m_plugin->enabled && !pendingArguments().isEmpty() && !m_applying;
    m_apply->setEnabled(changed);
    m_revert->setEnabled(changed);
}

} // namespace ui
