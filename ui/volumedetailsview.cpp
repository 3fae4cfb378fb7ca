#include "ui/volumedetailsview.h"

#include <QDateTime>
#include <QLocale>

namespace ui {

namespace {

QString row(const QString &label, const QString &value)
{
    return QStringLiteral("<tr><td style='padding-right:12px; color:#6c757d'>%1</td><td>%2</td></tr>")
        .arg(label.toHtmlEscaped(), value);
}

QString code(const QString &text)
{
    return QStringLiteral("<tt>%1</tt>").arg(text.toHtmlEscaped());
}

} // namespace

VolumeDetailsView::VolumeDetailsView(QWidget *parent)
    : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("volumeDetails"));
    setAccessibleName(tr("Details of the selected volume"));
    setOpenLinks(false);
    setFrameShape(QFrame::StyledPanel);
}

void VolumeDetailsView::showVolume(const core::Volume &volume)
{
    QString options;
    if (!volume.options)
        options = tr("unknown (not created through Plugdesk)");
    else if (volume.options->isEmpty())
        options = tr("none");
    else {
        QStringList pairs;
        for (auto it = volume.options->constBegin(); it != volume.options->constEnd(); ++it)
            pairs.append(code(it.key() + QLatin1Char('=') + it.value()));
        options = pairs.join(QStringLiteral("<br>"));
    }
    const QDateTime created = VolumeListModel::createdTime(volume.createdAt);
    QString html = QStringLiteral("<h3>%1</h3><table>").arg(volume.name.toHtmlEscaped());
    html += row(tr("Driver"), volume.driver.toHtmlEscaped());
    html += row(tr("Scope"), volume.scope.toHtmlEscaped());
    html += row(tr("Mountpoint"), code(volume.hostMountpoint.isEmpty() ? volume.mountpoint : volume.hostMountpoint));
    html += row(tr("Inside the plugin"), code(volume.mountpoint));
    html += row(tr("Created"), created.isValid()
                                   ? QLocale().toString(created.toLocalTime(), QLocale::LongFormat).toHtmlEscaped()
                               : VolumeListModel::isUnknownTime(volume.createdAt) ? QString()
                                                                                  : volume.createdAt.toHtmlEscaped());
    if (!volume.status.isEmpty())
        html += row(tr("Status"), VolumeListModel::statusText(volume.status).toHtmlEscaped());
    html += row(tr("Options"), options);
    html += row(tr("In use"), volume.mounts > 0 ? tr("yes, mounts through Plugdesk without an unmount: %1; removing it "
                                                     "needs force")
                                                      .arg(volume.mounts)
                                                      .toHtmlEscaped()
                                                : tr("no").toHtmlEscaped());
    html += QStringLiteral("</table>");
    setHtml(html);
}

void VolumeDetailsView::showDriver(const VolumeListModel::Driver &driver, int volumeCount)
{
    QString html = QStringLiteral("<h3>%1</h3><table>").arg(tr("Volume driver %1").arg(driver.name).toHtmlEscaped());
    html += row(tr("Plugin"), driver.name.toHtmlEscaped() + QStringLiteral(" &nbsp;") + code(driver.pluginId.left(12)));
    html += row(tr("Scope"), driver.scope.toHtmlEscaped());
    QString state = driver.enabled ? tr("enabled") : tr("disabled");
    if (driver.enabled && driver.notRunning)
        state = tr("enabled, %1").arg(*driver.notRunning);
    else if (driver.enabled && !driver.state.isEmpty())
        state = tr("enabled, %1").arg(driver.state);
    html += row(tr("State"), state.toHtmlEscaped());
    if (driver.error)
        html += row(tr("Error"),
                    QStringLiteral("<span style='color:#b02a37'>%1</span>").arg(driver.error->message.toHtmlEscaped()));
    html += row(tr("Volumes"), driver.listing ? tr("being listed…").toHtmlEscaped() : QString::number(volumeCount));
    html += QStringLiteral("</table>");
    if (driver.enabled && driver.notRunning)
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("Its plugin does not run, so it is not asked for its volumes and cannot create any. Go to "
                            "the plugin to see why (its state and logs) and to start it again.")
                             .toHtmlEscaped());
    else if (driver.error)
        html += QStringLiteral("<p style='color:#b02a37'>%1</p>")
                    .arg(tr("Listing its volumes failed: %1").arg(driver.error->message).toHtmlEscaped());
    else if (!driver.enabled)
        html += QStringLiteral("<p>%1</p>")
                    .arg(tr("Enable the plugin on the Plugins page to list and create its volumes.").toHtmlEscaped());
    setHtml(html);
}

void VolumeDetailsView::showNothing()
{
    setHtml(QStringLiteral("<p style='color:#6c757d'>%1</p>")
                .arg(tr("Select a volume to see its mountpoint, options and whether it is in use.").toHtmlEscaped()));
}

} // namespace ui
