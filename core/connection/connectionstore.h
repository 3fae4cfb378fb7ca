#pragma once

#include "core/base/result.h"
#include "core/connection/connectionurl.h"
#include "core/connection/dockercontexts.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace core {

// Where a connection in the list comes from.
enum class ConnectionSource {
    ThisComputer,  // the built-in "local": plugdesk://
    Saved,         // `plugdeskctl connection add`, the window's Add Connection: the caller's connections.json
    DockerContext, // one of Docker's contexts (read only, DockerContexts)
    Url,           // not listed: -H given a URL rather than a name
};

// One row of `plugdeskctl connection ls` and of the window's connection list.
struct ConnectionEntry
{
    QString name;
    QString url; // as saved or as Docker holds it; a Docker context may hold one Plugdesk cannot use (tcp://)
    ConnectionSource source = ConnectionSource::Saved;
    bool isDefault = false;     // the one `connection use` chose (else "local"): what no -H means
    bool dockerCurrent = false; // Docker's current context

    Result<ConnectionUrl> parsedUrl() const { return ConnectionUrl::parse(url); }
};

// The caller's saved connections (issue 14): a NAME and a URL each, plus which one is the default (`use`), in
// $XDG_CONFIG_HOME/plugdesk/connections.json (else ~/.config/plugdesk/connections.json), written atomically:
//   {"connections": [{"name": "lab", "url": "ssh://root@lab.example"}], "default": "lab"}
// Also lists, read only, the built-in "local" (plugdesk://, this computer) and Docker's contexts. Owns the file,
// not the engines: makeEngine (core/helper/enginefactory.h) turns a resolved URL into one.
class ConnectionStore final
{
    Q_DECLARE_TR_FUNCTIONS(ConnectionStore)

public:
    // The built-in connection to this computer: "local", plugdesk://.
    static QString localName() { return QStringLiteral("local"); }
    // $XDG_CONFIG_HOME/plugdesk/connections.json, else ~/.config/plugdesk/connections.json.
    static QString defaultFile();

    explicit ConnectionStore(QString file = defaultFile(),
                             QString dockerConfigDirectory = DockerContexts::configDirectory());

    // Reads the file; a missing file is no connections. A file that does not parse is Corrupt, naming the file.
    Status load();

    // A saved connection's name: 1 to 64 of [A-Za-z0-9_.+-], starting with a letter or digit (Docker's rule for
    // context names), not "local". InvalidArgument naming the name.
    static Status validateName(const QString &name);

    // Adds NAME -> URL and writes the file. The URL is checked (ConnectionUrl::parse) and saved in its canonical
    // spelling; a name already saved is Conflict.
    Status add(const QString &name, const QString &url);
    // Removes a saved connection and writes the file. NotFound for a name that is not saved (a Docker context is
    // Docker's: InvalidArgument saying so); the default one only with `force` (InUse otherwise, as `docker context
    // rm` refuses the current context), and the default goes back to "local" then.
    Status remove(const QString &name, bool force = false);
    // Makes NAME the default (a saved connection, "local", or a Docker context) and writes the file.
    Status use(const QString &name);

    QList<ConnectionEntry> saved() const { return m_saved; }
    // The name `use` chose, "local" when none.
    QString defaultName() const { return m_default.isEmpty() ? localName() : m_default; }
    // Every connection: "local" first, the saved ones, then Docker's contexts (a context named like a saved
    // connection is listed, but the saved one wins in resolve).
    QList<ConnectionEntry> entries() const;

    // What -H VALUE means: a URL (it has "://"), else a saved connection's name, "local", or a Docker context's
    // name; an empty VALUE is the default (the `use`d connection, else plugdesk://). The entry's url is canonical.
    // NotFound naming VALUE when it is none of these; InvalidArgument for a URL that does not parse.
    Result<ConnectionEntry> resolve(const QString &nameOrUrl) const;

    QString file() const { return m_file; }

private:
    Status save() const;

    QString m_file;
    QString m_dockerConfigDirectory;
    QList<ConnectionEntry> m_saved;
    QString m_default;
};

// What plugdeskctl's `-H VALUE` and the window use: the caller's ConnectionStore (its default file, Docker's
// contexts) loaded, then resolve(nameOrUrl). An empty nameOrUrl is the default connection.
Result<ConnectionEntry> resolveConnection(const QString &nameOrUrl);

} // namespace core
