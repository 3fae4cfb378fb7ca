#pragma once

#include "core/connection/connectionstore.h"
#include "ui/windowconnection.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>

namespace ui {

// The connections the window lists (issue 14): "This computer" first, then the caller's saved connections
// (core::ConnectionStore), each a WindowConnection. Adding and removing here writes the same connections.json as
// `plugdeskctl connection add/rm`. Owns the WindowConnections and through them the engines; the window only shows
// them, so it must be destroyed first.
class ConnectionSet final : public QObject
{
    Q_OBJECT

public:
    // `thisComputer`: the built-in connection (plugdesk://, or plugdesk:///STORE for --root STORE).
    ConnectionSet(const core::ConnectionEntry &thisComputer, core::ConnectionStore store, EngineMaker maker,
                  QObject *parent = nullptr);
    ~ConnectionSet() override;

    // What makes the engines in plugdesk: core::makeEngine with `runRoot` and `watch`, and for a URL it has no engine
    // for (a Docker Engine, until DockerEngine is built in) an error that says so.
    static EngineMaker defaultMaker(const QString &runRoot, bool watch = true);
    // The built-in connection to this computer: "local", plugdesk:// or plugdesk:///STORE when `storeRoot` is given.
    static core::ConnectionEntry thisComputer(const QString &storeRoot = {});

    // Reads the saved connections and makes a WindowConnection for each (after "This computer"). When the file does
    // not parse, the error says so and only "This computer" is listed.
    core::Status load();

    QList<WindowConnection *> connections() const { return m_connections; }
    WindowConnection *find(const QString &name) const;
    const core::ConnectionStore &store() const { return m_store; }
    // Docker's contexts, for the Add Connection dialog's list.
    QList<core::DockerContexts::Context> dockerContexts() const;

    // Saves NAME -> URL (errors name the input, as ConnectionStore::add's) and lists it, connecting at once.
    core::Result<WindowConnection *> add(const QString &name, const QString &url);
    // Forgets a saved connection (also when it is the default of `plugdeskctl`): aboutToRemove, then it is deleted
    // later. "This computer" cannot be removed.
    core::Status remove(WindowConnection *connection);

Q_SIGNALS:
    void added(ui::WindowConnection *connection);
    void aboutToRemove(ui::WindowConnection *connection);

private:
    core::ConnectionStore m_store;
    EngineMaker m_maker;
    QList<WindowConnection *> m_connections;
};

} // namespace ui
