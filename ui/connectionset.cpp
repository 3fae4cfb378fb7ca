#include "ui/connectionset.h"

#include "core/engine/engine.h"
#include "core/helper/enginefactory.h"

#include <QDir>

namespace ui {

ConnectionSet::ConnectionSet(const core::ConnectionEntry &thisComputer, core::ConnectionStore store, EngineMaker maker,
                             QObject *parent)
    : QObject(parent)
    , m_store(std::move(store))
    , m_maker(std::move(maker))
{
    m_connections.append(new WindowConnection(thisComputer, m_maker, this));
}

ConnectionSet::~ConnectionSet()
{
    // The engines go before the connections' other state, and in reverse order of making.
    while (!m_connections.isEmpty())
        delete m_connections.takeLast();
}

EngineMaker ConnectionSet::defaultMaker(const QString &runRoot, bool watch)
{
    return [runRoot, watch](const core::ConnectionUrl &url) -> core::Result<std::unique_ptr<core::Engine>> {
        std::unique_ptr<core::Engine> engine = core::makeEngine({{}, runRoot, watch, url});
        if (!engine)
            return core::Error{core::ErrorCode::Unsupported,
                               tr("%1 is a Docker Engine, and this build of Plugdesk cannot connect to Docker "
                                  "Engines.")
                                   .arg(url.toString())};
        return engine;
    };
}

core::ConnectionEntry ConnectionSet::thisComputer(const QString &storeRoot)
{
    core::ConnectionUrl url;
    url.path = storeRoot.isEmpty() ? QString() : QDir(storeRoot).absolutePath();
    return {core::ConnectionStore::localName(), url.toString(), core::ConnectionSource::ThisComputer, false, false};
}

core::Status ConnectionSet::load()
{
    const core::Status loaded = m_store.load();
    for (const core::ConnectionEntry &entry : m_store.saved())
        m_connections.append(new WindowConnection(entry, m_maker, this));
    return loaded;
}

WindowConnection *ConnectionSet::find(const QString &name) const
{
    for (WindowConnection *connection : m_connections) {
        if (connection->name() == name)
            return connection;
    }
    return nullptr;
}

QList<core::DockerContexts::Context> ConnectionSet::dockerContexts() const
{
    return core::DockerContexts::read();
}

core::Result<WindowConnection *> ConnectionSet::add(const QString &name, const QString &url)
{
    // Another plugdeskctl may have written the file since: add to what is there now.
    if (const core::Status reloaded = m_store.load(); !reloaded)
        return reloaded.error();
    if (const core::Status added = m_store.add(name, url); !added)
        return added.error();
    core::ConnectionEntry entry;
    for (const core::ConnectionEntry &saved : m_store.saved()) {
        if (saved.name == name)
            entry = saved;
    }
    auto *connection = new WindowConnection(entry, m_maker, this);
    m_connections.append(connection);
    Q_EMIT added(connection);
    connection->connectLater();
    return connection;
}

core::Status ConnectionSet::remove(WindowConnection *connection)
{
    if (!m_connections.contains(connection))
        return core::Error{core::ErrorCode::NotFound, {}};
    if (connection->entry().source != core::ConnectionSource::Saved)
        return core::Error{
            core::ErrorCode::InvalidArgument,
            tr("%1 is this computer's own connection and cannot be removed.").arg(connection->displayName())};
    if (const core::Status reloaded = m_store.load(); !reloaded)
        return reloaded;
    // Gone from the file already (another plugdeskctl removed it): it goes from the list all the same.
    if (const core::Status removed = m_store.remove(connection->name(), true);
        !removed && removed.error().code != core::ErrorCode::NotFound)
        return removed;
    Q_EMIT aboutToRemove(connection);
    m_connections.removeOne(connection);
    connection->deleteLater();
    return {};
}

} // namespace ui
