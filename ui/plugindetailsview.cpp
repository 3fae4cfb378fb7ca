#include "ui/plugindetailsview.h"

#include "core/plugin/privileges.h"
#include "ui/pluginlistmodel.h"
#include "ui/pluginlogview.h"
#include "ui/pluginsettingsview.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QVBoxLayout>

namespace ui {

namespace {

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td style='padding-right:14px;color:palette(mid)'>%1</td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value);
}

} // namespace

PluginDetailsView::PluginDetailsView(core::Engine *engine, QWidget *parent)
    : QTabWidget(parent)
{
    setObjectName(QStringLiteral("pluginDetails"));
    setDocumentMode(true);
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
    m_overview->setObjectName(QStringLiteral("pluginOverview"));
    m_overview->setAccessibleName(tr("Plugin overview"));
    overviewLayout->addWidget(m_title);
    overviewLayout->addWidget(m_overview, 1);
    auto *scroll = new QScrollArea;
    scroll->setWidget(overviewPage);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_overviewTab = scroll;
    addTab(scroll, tr("Overview"));

    m_settings = new PluginSettingsView(engine);
    addTab(m_settings, tr("Settings"));
    m_logs = new PluginLogView(engine);
    addTab(m_logs, tr("Logs"));

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
    m_settings->clear();
    m_logs->setPlugin({}, {});
    m_config->clear();
    setEnabled(false);
}

void PluginDetailsView::showPlugin(const core::Plugin &plugin, const std::optional<core::PluginRuntimeState> &state)
{
    setEnabled(true);
    m_title->setText(plugin.name());

    const core::PluginConfig &config = plugin.config;
    QString html = QStringLiteral("<p>%1</p><table>").arg(config.description.toHtmlEscaped());
    html += row(tr("Enabled"), plugin.enabled ? tr("Yes") : tr("No"));
    if (state) {
        QString status = PluginListModel::statusText(state->status);
        if (!state->message.isEmpty())
            status += QStringLiteral(" — ") + state->message.toHtmlEscaped();
        html += row(tr("State"), status);
        if (state->restarts > 0)
            html += row(tr("Restarts"), QString::number(state->restarts));
        if (state->lastExitStatus) {
            QString exit = tr("status %1").arg(*state->lastExitStatus);
            if (state->lastExit.isValid())
                exit = tr("status %1 at %2")
                           .arg(*state->lastExitStatus)
                           .arg(QLocale().toString(state->lastExit.toLocalTime(), QLocale::ShortFormat));
            html += row(tr("Last exit"), exit);
        }
    }
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
    if (state && !state->publishedSocketPath.isEmpty()) {
        // Docker clients find the plugin by this name in /run/docker/plugins.
        const QString published = state->publishedSocketPath.section(QLatin1Char('/'), -1);
        html +=
            row(tr("Published as"), QStringLiteral("<tt>%1</tt> <span style='color:palette(mid)'>(%2)</span>")
                                        .arg(published.toHtmlEscaped(), state->publishedSocketPath.toHtmlEscaped()));
    }
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

    m_settings->setPlugin(plugin);
    m_logs->setPlugin(plugin.id, plugin.name());

    const QJsonObject json =
        config.version == core::PluginConfig::Version::V0 ? config.toManifestV0Json() : config.toJson();
    const QString text = QString::fromUtf8(QJsonDocument(json).toJson(QJsonDocument::Indented));
    if (m_config->toPlainText() != text) // keeps the scroll position on the periodic refresh
        m_config->setPlainText(text);
}

} // namespace ui
