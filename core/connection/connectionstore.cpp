#include "core/connection/connectionstore.h"

#include "core/base/atomicfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace core {

QString ConnectionStore::defaultFile()
{
    QString base = qEnvironmentVariable("XDG_CONFIG_HOME");
    // The XDG rule: a relative XDG_CONFIG_HOME is invalid and ignored.
    if (base.isEmpty() || !QDir::isAbsolutePath(base))
        base = QDir::homePath() + QStringLiteral("/.config");
    return base + QStringLiteral("/plugdesk/connections.json");
}

ConnectionStore::ConnectionStore(QString file, QString dockerConfigDirectory)
    : m_file(std::move(file))
    , m_dockerConfigDirectory(std::move(dockerConfigDirectory))
{}

Status ConnectionStore::load()
{
    m_saved.clear();
    m_default.clear();
    QFile file(m_file);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, tr("cannot read %1: %2").arg(m_file, file.errorString())};
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(file.read(qint64(4) * 1024 * 1024), &parseError);
    auto corrupt = [this](const QString &why) {
        return Error{ErrorCode::Corrupt,
                     tr("%1 is not a Plugdesk connections file: %2; fix or remove it").arg(m_file, why)};
    };
    if (parseError.error != QJsonParseError::NoError)
        return corrupt(parseError.errorString());
    if (!document.isObject())
        return corrupt(tr("expected a JSON object"));
    const QJsonObject root = document.object();
    const QJsonArray connections = root.value(QStringLiteral("connections")).toArray();
    for (const auto &value : connections) {
        const QJsonObject object = value.toObject();
        ConnectionEntry entry;
        entry.name = object.value(QStringLiteral("name")).toString();
        entry.url = object.value(QStringLiteral("url")).toString();
        entry.source = ConnectionSource::Saved;
        if (const Status valid = validateName(entry.name); !valid)
            return corrupt(valid.error().message);
        m_saved.append(entry);
    }
    m_default = root.value(QStringLiteral("default")).toString();
    return {};
}

Status ConnectionStore::save() const
{
    QJsonArray connections;
    for (const ConnectionEntry &entry : m_saved)
        connections.append(QJsonObject{{QStringLiteral("name"), entry.name}, {QStringLiteral("url"), entry.url}});
    QJsonObject root{{QStringLiteral("connections"), connections}};
    if (!m_default.isEmpty())
        root.insert(QStringLiteral("default"), m_default);
    if (!QDir().mkpath(QFileInfo(m_file).absolutePath()))
        return Error{ErrorCode::Io, tr("cannot create the folder of %1").arg(m_file)};
    return AtomicFile::write(m_file, QJsonDocument(root).toJson(QJsonDocument::Indented), 0600);
}

Status ConnectionStore::validateName(const QString &name)
{
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}$"));
    if (name.isEmpty())
        return Error{ErrorCode::InvalidArgument, tr("a connection needs a name")};
    if (!pattern.match(name).hasMatch())
        return Error{ErrorCode::InvalidArgument,
                     tr("invalid connection name \"%1\": use up to 64 letters, digits and _.+-, starting with a "
                        "letter or digit")
                         .arg(name)};
    if (name == localName())
        return Error{ErrorCode::InvalidArgument,
                     tr("invalid connection name \"%1\": \"local\" is this computer's own connection").arg(name)};
    return {};
}

Status ConnectionStore::add(const QString &name, const QString &url)
{
    if (Status valid = validateName(name); !valid)
        return valid;
    const Result<ConnectionUrl> parsed = ConnectionUrl::parse(url);
    if (!parsed)
        return parsed.error();
    if (url.trimmed().isEmpty())
        return Error{ErrorCode::InvalidArgument, tr("connection \"%1\" needs a URL, as in ssh://HOST").arg(name)};
    for (const ConnectionEntry &entry : std::as_const(m_saved)) {
        if (entry.name == name)
            return Error{ErrorCode::Conflict,
                         tr("connection \"%1\" already exists (%2); remove it first").arg(name, entry.url)};
    }
    m_saved.append({name, parsed->toString(), ConnectionSource::Saved, false, false});
    return save();
}

Status ConnectionStore::remove(const QString &name, bool force)
{
    const auto found = std::find_if(m_saved.begin(), m_saved.end(),
                                    [&name](const ConnectionEntry &entry) { return entry.name == name; });
    if (found == m_saved.end()) {
        if (name == localName())
            return Error{ErrorCode::InvalidArgument,
                         tr("connection \"%1\" is this computer's own and cannot be removed").arg(name)};
        for (const DockerContexts::Context &context : DockerContexts::read(m_dockerConfigDirectory)) {
            if (context.name == name)
                return Error{ErrorCode::InvalidArgument,
                             tr("\"%1\" is a Docker context, not a saved connection; remove it with `docker "
                                "context rm %1`")
                                 .arg(name)};
        }
        return Error{ErrorCode::NotFound, tr("connection \"%1\" not found").arg(name)};
    }
    if (m_default == name) {
        if (!force)
            return Error{ErrorCode::InUse,
                         tr("connection \"%1\" is the default; use --force to remove it anyway (the default goes "
                            "back to \"local\")")
                             .arg(name)};
        m_default.clear();
    }
    m_saved.erase(found);
    return save();
}

Status ConnectionStore::use(const QString &name)
{
    if (name.contains(QLatin1String("://")))
        return Error{ErrorCode::InvalidArgument,
                     tr("\"%1\" is a URL; `use` takes a connection's name (save the URL with `connection add` "
                        "first)")
                         .arg(name)};
    if (name.trimmed().isEmpty())
        return Error{ErrorCode::InvalidArgument, tr("a connection needs a name")};
    const Result<ConnectionEntry> entry = resolve(name);
    if (!entry)
        return entry.error();
    m_default = name == localName() ? QString() : name;
    return save();
}

QList<ConnectionEntry> ConnectionStore::entries() const
{
    QList<ConnectionEntry> entries;
    const QString chosen = defaultName();
    entries.append(
        {localName(), QStringLiteral("plugdesk://"), ConnectionSource::ThisComputer, chosen == localName(), false});
    bool defaultSeen = chosen == localName();
    for (ConnectionEntry entry : m_saved) {
        entry.isDefault = !defaultSeen && entry.name == chosen;
        defaultSeen = defaultSeen || entry.isDefault;
        entries.append(entry);
    }
    for (const DockerContexts::Context &context : DockerContexts::read(m_dockerConfigDirectory)) {
        const bool isDefault = !defaultSeen && context.name == chosen;
        defaultSeen = defaultSeen || isDefault;
        entries.append({context.name, context.host, ConnectionSource::DockerContext, isDefault, context.current});
    }
    return entries;
}

Result<ConnectionEntry> ConnectionStore::resolve(const QString &nameOrUrl) const
{
    const QString text = nameOrUrl.trimmed();
    if (text.isEmpty()) {
        if (m_default.isEmpty())
            return ConnectionEntry{localName(), QStringLiteral("plugdesk://"), ConnectionSource::ThisComputer, true,
                                   false};
        Result<ConnectionEntry> chosen = resolve(m_default);
        if (!chosen)
            return Error{chosen.error().code, tr("the default connection (%1, chosen with `plugdeskctl connection "
                                                 "use`) cannot be used: %2")
                                                  .arg(m_default, chosen.error().message)};
        return chosen;
    }
    if (text.contains(QLatin1String("://"))) {
        const Result<ConnectionUrl> url = ConnectionUrl::parse(text);
        if (!url)
            return url.error();
        return ConnectionEntry{url->toString(), url->toString(), ConnectionSource::Url, false, false};
    }
    for (const ConnectionEntry &entry : entries()) {
        if (entry.name != text)
            continue;
        const Result<ConnectionUrl> url = entry.parsedUrl();
        if (!url)
            return Error{url.error().code, tr("connection \"%1\": %2").arg(text, url.error().message)};
        ConnectionEntry resolved = entry;
        resolved.url = url->toString();
        return resolved;
    }
    return Error{ErrorCode::NotFound,
                 tr("connection \"%1\" not found: it is not a URL (plugdesk://, unix://PATH, "
                    "ssh://HOST), not a saved connection and not a Docker context; see `plugdeskctl "
                    "connection ls`")
                     .arg(text)};
}

Result<ConnectionEntry> resolveConnection(const QString &nameOrUrl)
{
    ConnectionStore store;
    if (const Status loaded = store.load(); !loaded)
        return loaded.error();
    return store.resolve(nameOrUrl);
}

} // namespace core
