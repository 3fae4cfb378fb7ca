#include "ui/plugindetailsview.h"

#include "core/plugin/privileges.h"
#include "ui/pluginlistmodel.h"
#include "ui/pluginlogview.h"
#include "ui/pluginsettingsview.h"

#include <QFontDatabase>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
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
    // A message banner in the manner of KMessageWidget: icon, the cause in words, and what can be done about it.
    m_banner = new QFrame;
    m_banner->setObjectName(QStringLiteral("pluginStateBanner"));
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setAutoFillBackground(true);
    m_banner->setAccessibleName(tr("Plugin state"));
    auto *bannerLayout = new QHBoxLayout(m_banner);
    m_bannerIcon = new QLabel;
    m_bannerIcon->setAlignment(Qt::AlignTop);
    m_bannerText = new QLabel;
    m_bannerText->setObjectName(QStringLiteral("pluginStateBannerText"));
    m_bannerText->setWordWrap(true);
    m_bannerText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bannerText->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_showLogs = new QPushButton(tr("Show &Logs"));
    m_showLogs->setObjectName(QStringLiteral("bannerShowLogs"));
    m_start = new QPushButton(QIcon(QStringLiteral(":/icons/enable.svg")), tr("&Start"));
    m_start->setObjectName(QStringLiteral("bannerStart"));
    m_restart = new QPushButton(QIcon(QStringLiteral(":/icons/refresh.svg")), tr("&Restart"));
    m_restart->setObjectName(QStringLiteral("bannerRestart"));
    auto *buttons = new QVBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_restart);
    buttons->addWidget(m_showLogs);
    buttons->addStretch();
    bannerLayout->addWidget(m_bannerIcon);
    bannerLayout->addWidget(m_bannerText, 1);
    bannerLayout->addLayout(buttons);
    m_banner->hide();
    connect(m_showLogs, &QPushButton::clicked, this, [this] { setCurrentWidget(m_logs); });
    connect(m_start, &QPushButton::clicked, this, [this] { Q_EMIT startRequested(m_pluginId); });
    connect(m_restart, &QPushButton::clicked, this, [this] { Q_EMIT startRequested(m_pluginId); });
    m_countdown = new QTimer(this);
    m_countdown->setInterval(1000);
    connect(m_countdown, &QTimer::timeout, this, &PluginDetailsView::updateBanner);

    overviewLayout->addWidget(m_title);
    overviewLayout->addWidget(m_banner);
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
    m_pluginId.clear();
    m_pluginName.clear();
    m_pluginEnabled = false;
    m_state.reset();
    updateBanner();
    setEnabled(false);
}

void PluginDetailsView::updateBanner()
{
    using Phase = core::PluginRuntimeState::Phase;
    const Phase phase =
        m_pluginId.isEmpty() ? Phase::Disabled : core::PluginRuntimeState::phase(m_pluginEnabled, m_state);
    const bool shown = phase == Phase::Failed || phase == Phase::NotRunning || phase == Phase::Restarting;
    m_countdown->setInterval(1000);
    if (phase == Phase::Restarting)
        m_countdown->start();
    else
        m_countdown->stop();
    if (!shown) {
        m_banner->hide();
        return;
    }
    const QString phaseText = core::PluginRuntimeState::phaseText(m_pluginEnabled, m_state);
    QString cause = core::PluginRuntimeState::cause(m_pluginEnabled, m_state);
    if (phase == Phase::Restarting && m_state)
        cause = m_state->message;
    QString text = QStringLiteral("<b>%1</b>").arg(tr("%1 — %2").arg(m_pluginName, phaseText).toHtmlEscaped());
    if (!cause.isEmpty())
        text += QStringLiteral("<br>") + cause.toHtmlEscaped();
    m_bannerText->setText(text);
    m_bannerText->setToolTip(cause);
    const bool error = phase != Phase::Restarting;
    m_bannerIcon->setPixmap(
        QIcon(error ? QStringLiteral(":/icons/state-failed.svg") : QStringLiteral(":/icons/state-restarting.svg"))
            .pixmap(32, 32));
    QPalette colours = m_banner->palette();
    colours.setColor(QPalette::Window, error ? QColor(0xfb, 0xe3, 0xe4) : QColor(0xfd, 0xf1, 0xd6));
    colours.setColor(QPalette::WindowText, QColor(0x23, 0x26, 0x29));
    m_banner->setPalette(colours);
    m_start->setVisible(error);
    m_restart->setVisible(!error);
    m_banner->show();
}

void PluginDetailsView::showPlugin(const core::Plugin &plugin, const std::optional<core::PluginRuntimeState> &state)
{
    setEnabled(true);
    m_title->setText(plugin.name());
    m_pluginId = plugin.id;
    m_pluginName = plugin.name();
    m_pluginEnabled = plugin.enabled;
    m_state = state;
    updateBanner();

    const core::PluginConfig &config = plugin.config;
    QString html = QStringLiteral("<p>%1</p><table>").arg(config.description.toHtmlEscaped());
    html += row(tr("Enabled"), plugin.enabled ? tr("Yes") : tr("No"));
    html += row(tr("State"), core::PluginRuntimeState::summary(plugin.enabled, state).toHtmlEscaped());
    if (state) {
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
