#include "core/engine/engine.h"

#include "core/registry/credentials.h"
#include "core/store/store.h"

namespace core {

Result<Plugin> PluginList::find(const QString &nameOrId) const
{
    auto found = Store::find(plugins, nameOrId);
    if (!found && found.error().code == ErrorCode::NotFound) {
        for (const Error &problem : problems) {
            if (problem.message.contains(QLatin1Char('"') + nameOrId.trimmed() + QLatin1Char('"')))
                return problem;
        }
    }
    return found;
}

QHash<QString, PluginRuntimeState> Engine::runtimeStates(const QList<Plugin> &plugins)
{
    QHash<QString, PluginRuntimeState> states;
    states.reserve(plugins.size());
    for (const Plugin &plugin : plugins) {
        if (auto state = runtimeState(plugin.id))
            states.insert(plugin.id, *state);
    }
    return states;
}

QString Engine::displayName(const QString &nameOrId)
{
    auto found = plugin(nameOrId);
    return found ? found->name() : nameOrId;
}

Result<QString> Engine::loginStore(const QString &server, QString *configFile) const
{
    const Credentials credentials;
    if (configFile)
        *configFile = credentials.configPath();
    return credentials.storeHelper(server.isEmpty() ? QStringLiteral("docker.io") : server);
}

} // namespace core
