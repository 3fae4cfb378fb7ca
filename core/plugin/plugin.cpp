#include "core/plugin/plugin.h"

namespace core {

QJsonObject Plugin::toApiJson() const
{
    if (!raw.isEmpty())
        return raw;
    QJsonObject object;
    object.insert(QStringLiteral("Id"), id);
    object.insert(QStringLiteral("Name"), name());
    object.insert(QStringLiteral("Enabled"), enabled);
    if (!pluginReference.isEmpty())
        object.insert(QStringLiteral("PluginReference"), pluginReference);
    object.insert(QStringLiteral("Settings"), settings.toJson());
    object.insert(QStringLiteral("Config"), config.toJson());
    return object;
}

} // namespace core
