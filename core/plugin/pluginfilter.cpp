#include "core/plugin/pluginfilter.h"

namespace core {

Result<PluginFilter> PluginFilter::parse(const QStringList &terms)
{
    PluginFilter filter;
    for (const QString &term : terms) {
        const qsizetype equals = term.indexOf(QLatin1Char('='));
        if (equals <= 0)
            return Error{ErrorCode::InvalidArgument, tr("bad format of filter '%1' (expected name=value)").arg(term)};
        const QString key = term.left(equals).trimmed().toLower();
        const QString value = term.mid(equals + 1).trimmed();
        if (key == QLatin1String("enabled")) {
            if (value == QLatin1String("true") || value == QLatin1String("1"))
                filter.m_enabled.append(true);
            else if (value == QLatin1String("false") || value == QLatin1String("0"))
                filter.m_enabled.append(false);
            else
                return Error{ErrorCode::InvalidArgument, tr("invalid filter 'enabled=%1'").arg(value)};
        } else if (key == QLatin1String("capability")) {
            if (value.isEmpty())
                return Error{ErrorCode::InvalidArgument,
                             tr("invalid filter 'capability=': a capability name is needed")};
            filter.m_capabilities.append(value.toLower());
        } else {
            return Error{ErrorCode::InvalidArgument, tr("invalid filter '%1'").arg(term.left(equals))};
        }
    }
    return filter;
}

bool PluginFilter::matches(const Plugin &plugin) const
{
    if (!m_enabled.isEmpty() && !m_enabled.contains(plugin.enabled))
        return false;
    if (!m_capabilities.isEmpty()) {
        bool any = false;
        for (const QString &capability : m_capabilities)
            any = any || plugin.config.hasCapability(capability);
        if (!any)
            return false;
    }
    return true;
}

} // namespace core
