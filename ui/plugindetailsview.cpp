#include "ui/plugindetailsview.h"

#include "core/plugin/privileges.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QTableWidget>
#include <QVBoxLayout>

namespace ui {

namespace {

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td style='padding-right:14px;color:palette(mid)'>%1</td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value);
}

} // namespace

PluginDetailsView::PluginDetailsView(QWidget *parent)
    : QTabWidget(parent)
{
    auto *overviewPage = new QWidget;
    auto *overviewLayout = new QVBoxLayout(overviewPage);
    m_title = new QLabel;
    m_title->setObjectName(QStringLiteral("pluginTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.3);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_overview = new QLabel;
    m_overview->setTextFormat(Qt::RichText);
    m_overview->setWordWrap(true);
    m_overview->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_overview->setOpenExternalLinks(true);
    m_overview->setTextInteractionFlags(Qt::TextBrowserInteraction);
    overviewLayout->addWidget(m_title);
    overviewLayout->addWidget(m_overview, 1);
    auto *scroll = new QScrollArea;
    scroll->setWidget(overviewPage);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    addTab(scroll, tr("Overview"));

    auto *settingsPage = new QWidget;
    auto *settingsLayout = new QVBoxLayout(settingsPage);
    m_settings = new QTableWidget(0, 3);
    m_settings->setHorizontalHeaderLabels({tr("Kind"), tr("Name"), tr("Value")});
    m_settings->horizontalHeader()->setStretchLastSection(true);
    m_settings->verticalHeader()->hide();
    m_settings->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_settings->setAccessibleName(tr("Plugin settings"));
    m_settingsNote = new QLabel;
    m_settingsNote->setWordWrap(true);
    settingsLayout->addWidget(m_settingsNote);
    settingsLayout->addWidget(m_settings, 1);
    addTab(settingsPage, tr("Settings"));

    m_config = new QPlainTextEdit;
    m_config->setReadOnly(true);
    m_config->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_config->setAccessibleName(tr("Plugin configuration as JSON"));
    addTab(m_config, tr("Config"));
    clear();
}

void PluginDetailsView::clear()
{
    m_title->setText(tr("No plugin selected"));
    m_overview->setText(tr("Select a plugin in the list to see what it is, what it may do and how it is set up."));
    m_settings->setRowCount(0);
    m_settingsNote->clear();
    m_config->clear();
    setEnabled(false);
}

void PluginDetailsView::showPlugin(const core::Plugin &plugin)
{
    setEnabled(true);
    m_title->setText(plugin.name());

    const core::PluginConfig &config = plugin.config;
    QString html = QStringLiteral("<p>%1</p><table>").arg(config.description.toHtmlEscaped());
    html += row(tr("State"), plugin.enabled ? tr("Enabled") : tr("Disabled"));
    html += row(tr("ID"), QStringLiteral("<tt>%1</tt>").arg(plugin.id));
    if (!plugin.pluginReference.isEmpty())
        html += row(tr("Reference"), plugin.pluginReference.toHtmlEscaped());
    if (!plugin.manifestDigest.isEmpty())
        html += row(tr("Digest"), QStringLiteral("<tt>%1</tt>").arg(plugin.manifestDigest));
    if (!config.documentation.isEmpty())
        html +=
            row(tr("Documentation"), QStringLiteral("<a href='%1'>%1</a>").arg(config.documentation.toHtmlEscaped()));
    html += row(tr("Types"), config.interfaceTypes.join(QStringLiteral(", ")).toHtmlEscaped());
    html += row(tr("Socket"), config.interfaceSocket.toHtmlEscaped());
    html += row(tr("Entrypoint"), config.entrypoint.join(QLatin1Char(' ')).toHtmlEscaped());
    html += row(tr("Config format"),
                config.version == core::PluginConfig::Version::V0 ? tr("v0 manifest (Docker 1.12)") : tr("v1 config"));
    if (config.userUid)
        html += row(tr("Declared user"), tr("uid %1, gid %2 (plugins run as root, as in Docker)")
                                             .arg(*config.userUid)
                                             .arg(config.userGid.value_or(0)));
    html += QStringLiteral("</table>");

    const core::Privileges privileges = core::Privileges::fromConfig(config);
    html += QStringLiteral("<h4>%1</h4>").arg(tr("Privileges"));
    if (privileges.isEmpty()) {
        html += QStringLiteral("<p>%1</p>").arg(tr("This plugin asks for no special privileges."));
    } else {
        html += QStringLiteral("<ul>");
        for (const core::Privilege &privilege : privileges.items())
            html +=
                QStringLiteral("<li><b>%1</b>: %2</li>")
                    .arg(privilege.name.toHtmlEscaped(), privilege.value.join(QStringLiteral(", ")).toHtmlEscaped());
        html += QStringLiteral("</ul>");
    }
    m_overview->setText(html);

    m_settings->setRowCount(0);
    auto addRow = [this](const QString &kind, const QString &name, const QString &value) {
        const int r = m_settings->rowCount();
        m_settings->insertRow(r);
        m_settings->setItem(r, 0, new QTableWidgetItem(kind));
        m_settings->setItem(r, 1, new QTableWidgetItem(name));
        m_settings->setItem(r, 2, new QTableWidgetItem(value));
    };
    for (const QString &env : plugin.settings.env) {
        const qsizetype equals = env.indexOf(QLatin1Char('='));
        addRow(tr("Environment"), env.left(equals), equals < 0 ? QString() : env.mid(equals + 1));
    }
    for (const core::PluginMount &mount : plugin.settings.mounts)
        addRow(tr("Mount"), mount.name.isEmpty() ? mount.destination : mount.name,
               mount.source.value_or(QString()) + QStringLiteral(" → ") + mount.destination);
    for (const core::PluginDevice &device : plugin.settings.devices)
        addRow(tr("Device"), device.name, device.path.value_or(QString()));
    if (!plugin.settings.args.isEmpty())
        addRow(tr("Arguments"), config.args.name, plugin.settings.args.join(QLatin1Char(' ')));
    m_settingsNote->setText(m_settings->rowCount() == 0
                                ? tr("This plugin has no settings.")
                                : tr("Change settings with: plugdeskctl plugin set %1 KEY=VALUE (the plugin must be "
                                     "disabled).")
                                      .arg(plugin.name()));

    const QJsonObject json =
        config.version == core::PluginConfig::Version::V0 ? config.toManifestV0Json() : config.toJson();
    m_config->setPlainText(QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented)));
}

} // namespace ui
