#include "core/store/store.h"

#include "core/base/atomicfile.h"
#include "core/base/crashpoint.h"
#include "core/base/json.h"
#include "core/base/removetree.h"
#include "core/plugin/pluginstream.h"
#include "core/plugin/reference.h"
#include "core/store/blobstore.h"

#include <QDataStream>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QMutex>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <algorithm>
#include <cerrno>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <optional>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace core {

namespace {

const QString kConfigFile = QStringLiteral("config.json");
const QString kManifestFile = QStringLiteral("manifest.json");
const QString kSettingsFile = QStringLiteral("plugin-config.json");

struct JsonFile
{
    bool exists = false;
    QJsonObject object;
};

FileStamp stampOf(const QString &path, const struct stat &info)
{
    return FileStamp{path,
                     true,
                     quint64(info.st_dev),
                     quint64(info.st_ino),
                     qint64(info.st_size),
                     qint64(info.st_mtim.tv_sec) * 1000000000 + info.st_mtim.tv_nsec,
                     qint64(info.st_ctim.tv_sec) * 1000000000 + info.st_ctim.tv_nsec};
}

FileStamp stampOf(const QString &path)
{
    struct stat info
    {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0)
        return FileStamp{path};
    return stampOf(path, info);
}

// A regular file's bytes with one open and one fstat (a store load reads thousands of small files), and its stamp
// as it was before the read; nullopt when it is not a regular file or cannot be opened, for QFile to say why.
std::optional<QByteArray> readRegularFile(const QString &path, FileStamp *stamp, bool *absent)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        *absent = errno == ENOENT || errno == ENOTDIR;
        return std::nullopt;
    }
    auto closeFile = qScopeGuard([fd] { ::close(fd); });
    struct stat info
    {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode))
        return std::nullopt;
    *stamp = stampOf(path, info);
    QByteArray data;
    data.resize(qsizetype(info.st_size) + 1);
    qsizetype used = 0;
    for (;;) {
        if (used == data.size())
            data.resize(data.size() * 2);
        const ssize_t got = ::read(fd, data.data() + used, size_t(data.size() - used));
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return std::nullopt;
        if (got == 0)
            break;
        used += got;
        // Asked for one byte more than the file holds: a short read of a regular file is its end (another read
        // would only say so, once per file of thousands).
        if (used < data.size())
            break;
    }
    data.truncate(used);
    return data;
}

// Reads a JSON object file; a missing file is not an error, a file that is not a JSON object is. `stamps`, when
// given, receives the file's stamp (taken before the read, so a change during it shows as a change later).
Result<JsonFile> readObjectFile(const QString &path, QList<FileStamp> *stamps = nullptr)
{
    FileStamp stamp{path};
    bool absent = false;
    std::optional<QByteArray> bytes = readRegularFile(path, &stamp, &absent);
    if (!bytes) {
        if (absent) {
            if (stamps)
                stamps->append(FileStamp{path});
            return JsonFile{};
        }
        // Not a regular file, or not readable: QFile says what it is, as before.
        QFile file(path);
        if (!file.exists())
            return JsonFile{};
        if (!file.open(QIODevice::ReadOnly))
            return Error{ErrorCode::Io, Store::tr("%1: cannot read: %2").arg(path, file.errorString())};
        stamp = stampOf(path);
        bytes = file.readAll();
    }
    if (stamps)
        stamps->append(stamp);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{ErrorCode::Corrupt, Store::tr("%1: not valid JSON at offset %2: %3")
                                             .arg(path)
                                             .arg(parseError.offset)
                                             .arg(parseError.errorString())};
    if (!document.isObject())
        return Error{ErrorCode::Corrupt, Store::tr("%1: expected a JSON object").arg(path)};
    return JsonFile{true, document.object()};
}

QString stringCI(const QJsonObject &object, QStringView key)
{
    return json::valueCI(object, key).toString();
}

QJsonArray toArray(const QStringList &list)
{
    QJsonArray array;
    for (const QString &item : list)
        array.append(item);
    return array;
}

} // namespace

Store::Store(QString root)
    : m_root(std::move(root))
{
    while (m_root.size() > 1 && m_root.endsWith(QLatin1Char('/')))
        m_root.chop(1);
    m_pluginsDir = m_root + QStringLiteral("/plugins");
    if (!QFileInfo::exists(m_pluginsDir + QStringLiteral("/plugins.json")) &&
        QFileInfo::exists(m_root + QStringLiteral("/plugins.json")))
        m_pluginsDir = m_root;
}

QString Store::defaultRoot()
{
    const QString fromEnvironment = qEnvironmentVariable("PLUGDESK_ROOT");
    return fromEnvironment.isEmpty() ? QStringLiteral("/var/lib/plugdesk") : fromEnvironment;
}

namespace {

// The last load of each store in this process, with the stamps of every file it read: a load whose files all have
// the same stamps now answers the same without reading them (a window refreshes, the helper answers each call, a
// verb looks its plugin up: each loads the store). Any writer, this process or another, changes a stamp: every write
// is a new file renamed into place (AtomicFile), and an edit by hand changes the times.
struct CachedLoad
{
    QList<FileStamp> stamps;
    Store::Inventory inventory;
};
constexpr qsizetype kCachedStores = 8;
constexpr qint64 kRacyMs = 2000;

QMutex &cacheMutex()
{
    static QMutex mutex;
    return mutex;
}

QHash<QString, CachedLoad> &loadCache()
{
    static QHash<QString, CachedLoad> cache;
    return cache;
}

QString &loadCacheFile()
{
    static QString path;
    return path;
}

// "PDL" and PluginStream's format: a file of another build's layout is not read into the wrong fields.
constexpr quint32 kLoadCacheMagic = 0x50444c00 | PluginStream::kFormat;

std::optional<CachedLoad> readLoadCacheFile(const QString &file, const QString &key)
{
    const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0)
        return std::nullopt;
    // It says what was approved: only a file of this process's own user that nobody else may write is believed.
    struct stat info
    {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode) || info.st_uid != ::geteuid() || (info.st_mode & 022) != 0) {
        ::close(fd);
        return std::nullopt;
    }
    QFile opened;
    if (!opened.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
        return std::nullopt;
    }
    const QByteArray data = opened.readAll();
    QDataStream in(data);
    in.setVersion(PluginStream::kStreamVersion);
    quint32 magic = 0;
    QString storedKey;
    in >> magic >> storedKey;
    if (in.status() != QDataStream::Ok || magic != kLoadCacheMagic || storedKey != key)
        return std::nullopt;
    CachedLoad load;
    quint32 count = 0;
    in >> count;
    for (quint32 index = 0; index < count && in.status() == QDataStream::Ok && !in.atEnd(); ++index) {
        FileStamp stamp;
        in >> stamp.path >> stamp.exists >> stamp.device >> stamp.inode >> stamp.size >> stamp.modifiedNs >>
            stamp.changedNs;
        load.stamps.append(std::move(stamp));
    }
    if (qsizetype(count) != load.stamps.size())
        return std::nullopt;
    PluginStream::readList(in, load.inventory.plugins);
    in >> count;
    for (quint32 index = 0; index < count && in.status() == QDataStream::Ok && !in.atEnd(); ++index) {
        QString code;
        QString message;
        in >> code >> message;
        load.inventory.problems.append({errorCodeFromName(code).value_or(ErrorCode::Corrupt), message});
    }
    if (qsizetype(count) != load.inventory.problems.size())
        return std::nullopt;
    in >> load.inventory.names;
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return std::nullopt;
    return load;
}

void writeLoadCacheFile(const QString &file, const QString &key, const CachedLoad &load)
{
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out.setVersion(PluginStream::kStreamVersion);
    out << kLoadCacheMagic << key << quint32(load.stamps.size());
    for (const FileStamp &stamp : load.stamps)
        out << stamp.path << stamp.exists << stamp.device << stamp.inode << stamp.size << stamp.modifiedNs
            << stamp.changedNs;
    PluginStream::writeList(out, load.inventory.plugins);
    out << quint32(load.inventory.problems.size());
    for (const Error &problem : load.inventory.problems)
        out << errorCodeName(problem.code) << problem.message;
    out << load.inventory.names;
    // Only a cache: a failure to write it costs the next process a full load, nothing else.
    (void)AtomicFile::write(file, data, 0600, AtomicFile::Sync::Later);
}

bool stampsCurrent(const QList<FileStamp> &stamps)
{
    return std::all_of(stamps.cbegin(), stamps.cend(),
                       [](const FileStamp &stamp) { return stampOf(stamp.path) == stamp; });
}

} // namespace

void Store::setLoadCacheFile(const QString &path)
{
    const QMutexLocker lock(&cacheMutex());
    loadCacheFile() = path;
}

void Store::forgetLoads()
{
    const QMutexLocker lock(&cacheMutex());
    loadCache().clear();
}

Result<Store::Inventory> Store::load() const
{
    const QString key = inventoryPath();
    std::optional<CachedLoad> cached;
    {
        const QMutexLocker lock(&cacheMutex());
        if (auto found = loadCache().constFind(key); found != loadCache().cend())
            cached = *found;
    }
    if (cached && stampsCurrent(cached->stamps))
        return cached->inventory;
    QString cacheFile;
    {
        const QMutexLocker lock(&cacheMutex());
        cacheFile = loadCacheFile();
    }
    // The first load in this process: the last process's result, if every file it read is as it was.
    if (!cached && !cacheFile.isEmpty()) {
        if (auto kept = readLoadCacheFile(cacheFile, key); kept && stampsCurrent(kept->stamps)) {
            const QMutexLocker lock(&cacheMutex());
            if (loadCache().size() >= kCachedStores && !loadCache().contains(key))
                loadCache().clear();
            loadCache().insert(key, *kept);
            return kept->inventory;
        }
    }

    // A save makes its new inventory durable as the journal before it replaces any per-plugin file, and renames it
    // onto plugins.json after the last one: while the journal is there it is the store's state (the next sweep
    // finishes a killed save from it), so a reader takes it, with the configs and settings it carries instead of
    // per-plugin files that may be half replaced. Read without the journal, the per-plugin files may still belong to
    // a save that began after the journal was looked for: read again when a journal appeared or plugins.json changed
    // meanwhile. (Readers take no lock: a window refreshing must not wait for an install.)
    constexpr int kAttempts = 4;
    QList<FileStamp> stamps;
    Inventory result;
    bool settled = false;
    for (int attempt = 0; attempt < kAttempts && !settled; ++attempt) {
        stamps.clear();
        result = {};
        const auto journal = readObjectFile(journalPath(), &stamps);
        // One that does not read was not written whole by a save (AtomicFile): the save did not happen.
        const bool fromJournal = journal && journal->exists;
        const auto inventory = fromJournal ? journal : readObjectFile(key, &stamps);
        if (!inventory)
            return inventory.error();
        const QJsonObject entries = inventory->object;
        const FileStamp inventoryStamp = stamps.constLast();
        result.plugins.reserve(entries.size());
        for (auto it = entries.constBegin(); it != entries.constEnd(); ++it) {
            result.names.append(it.key());
            if (it.value().isObject()) {
                const QJsonValue wrapped = json::valueCI(it.value().toObject(), u"plugin");
                const QJsonObject record = wrapped.isObject() ? wrapped.toObject() : it.value().toObject();
                if (const QString id = stringCI(record, u"Id"); !id.isEmpty() && id != it.key())
                    result.names.append(id);
            }
            if (!it.value().isObject()) {
                result.problems.append(
                    Error{ErrorCode::Corrupt,
                          tr("%1: plugin \"%2\": expected a JSON object").arg(inventoryPath(), it.key())});
                continue;
            }
            auto plugin = readEntry(it.key(), it.value().toObject(), &stamps, fromJournal);
            if (plugin)
                result.plugins.append(std::move(*plugin));
            else
                result.problems.append(plugin.error());
        }
        settled = fromJournal || (!QFileInfo::exists(journalPath()) && stampOf(key) == inventoryStamp);
    }
    // A file changed in the last moments may change again within the file system's clock tick, in place and to the
    // same size, and keep its stamp: such a load is not kept (as git treats an index entry as racy).
    const qint64 recent = (QDateTime::currentMSecsSinceEpoch() - kRacyMs) * 1000000;
    const bool racy = !settled || QFileInfo::exists(journalPath()) ||
                      std::any_of(stamps.cbegin(), stamps.cend(), [recent](const FileStamp &stamp) {
                          return stamp.exists && (stamp.modifiedNs >= recent || stamp.changedNs >= recent);
                      });
    {
        const QMutexLocker lock(&cacheMutex());
        if (racy) {
            loadCache().remove(key);
        } else {
            if (loadCache().size() >= kCachedStores && !loadCache().contains(key))
                loadCache().clear();
            loadCache().insert(key, CachedLoad{stamps, result});
        }
    }
    if (!racy && !cacheFile.isEmpty())
        writeLoadCacheFile(cacheFile, key, CachedLoad{std::move(stamps), result});
    return result;
}

Result<Plugin> Store::readEntry(const QString &key, const QJsonObject &entry, QList<FileStamp> *stamps,
                                bool journalled) const
{
    // The seed wraps each record as {"plugin": {...}}; accept a bare record too.
    const QJsonValue wrapped = json::valueCI(entry, u"plugin");
    const QJsonObject record = wrapped.isObject() ? wrapped.toObject() : entry;
    // Made only for an error: a load of thousands of entries has almost none.
    const auto where = [this, &key] { return tr("%1: plugin \"%2\"").arg(inventoryPath(), key); };

    Plugin plugin;
    plugin.id = stringCI(record, u"Id");
    if (plugin.id.isEmpty())
        plugin.id = key;
    static const QRegularExpression idPattern(QStringLiteral("^[0-9a-f]{1,64}$"));
    if (!idPattern.match(plugin.id).hasMatch())
        return Error{ErrorCode::Corrupt,
                     tr("%1: field \"Id\" must be lower-case hex, not \"%2\"").arg(where(), plugin.id)};

    // Name is the repository ("vieux/sshfs") and Tag the tag; a Name that carries its own tag is accepted.
    QString name = stringCI(record, u"Name");
    QString tag = stringCI(record, u"Tag");
    if (name.isEmpty())
        return Error{ErrorCode::Corrupt, tr("%1: field \"Name\" is missing").arg(where())};
    auto reference = Reference::parse(tag.isEmpty() ? name : name + QLatin1Char(':') + tag);
    if (!reference)
        return Error{ErrorCode::Corrupt, tr("%1: field \"Name\": %2").arg(where(), reference.error().message)};
    if (reference->hasDigest())
        return Error{ErrorCode::Corrupt, tr("%1: field \"Name\": cannot use digest in plugin tag").arg(where())};
    const Reference tagged = reference->withDefaultTag();
    plugin.repository = tagged.familiarName();
    plugin.tag = tagged.tag();

    const QJsonValue active = json::valueCI(record, u"Active");
    plugin.enabled = active.isBool() ? active.toBool() : json::valueCI(record, u"Enabled").toBool();
    plugin.pluginReference = stringCI(record, u"PluginReference");
    plugin.configDigest = stringCI(record, u"ConfigDigest");
    plugin.manifestDigest = stringCI(record, u"ManifestDigest");
    for (const QJsonValue blob : json::valueCI(record, u"Blobsums").toArray())
        plugin.blobsums.append(blob.toString());

    // The config: the per-plugin file is what a person edits by hand (the seed's "How to develop a plugin"),
    // so it wins; the copy embedded as "Manifest" is the fallback. Both are validated when both exist.
    const QString directory = pluginDir(plugin.id);
    std::optional<PluginConfig> config;
    const QJsonValue embedded = json::valueCI(record, u"Manifest");
    if (embedded.isObject()) {
        auto parsed = PluginConfig::fromJsonObject(embedded.toObject());
        if (!parsed)
            return parsed.error().prefixed(where() + tr(": field \"Manifest\""));
        if (auto valid = parsed->validate(); !valid)
            return valid.error().prefixed(where() + tr(": field \"Manifest\""));
        config = std::move(*parsed);
    } else if (!embedded.isUndefined() && !embedded.isNull()) {
        return Error{ErrorCode::Corrupt, tr("%1: field \"Manifest\" must be a JSON object").arg(where())};
    }
    // A journal's entry that save() writes the files of (its own id, a Manifest and a Config) is whole in the
    // journal: its files may be the old ones or the new ones, and the journal says which will hold.
    const bool fromRecordOnly =
        journalled && key == plugin.id && embedded.isObject() && json::valueCI(record, u"Config").isObject();
    for (const QString &fileName : {kConfigFile, kManifestFile}) {
        if (fromRecordOnly)
            break;
        const QString path = directory + QLatin1Char('/') + fileName;
        auto file = readObjectFile(path, stamps);
        if (!file)
            return file.error();
        if (!file->exists)
            continue;
        // As save() wrote it, the file holds what the inventory embeds: that was parsed and checked just above.
        if (config && embedded.isObject() && file->object == embedded.toObject())
            break;
        auto parsed = PluginConfig::fromJsonObject(file->object);
        if (!parsed)
            return parsed.error().prefixed(path);
        if (auto valid = parsed->validate(); !valid)
            return valid.error().prefixed(path);
        config = std::move(*parsed);
        break;
    }
    if (!config)
        return Error{ErrorCode::Corrupt, tr("%1: no config: neither %2/%3, %2/%4 nor a \"Manifest\" field")
                                             .arg(where(), directory, kConfigFile, kManifestFile)};
    plugin.config = std::move(*config);

    // The settings: plugin-config.json, else the record's "Settings", else the seed's "Config" (which held them).
    const QString settingsPath = directory + QLatin1Char('/') + kSettingsFile;
    auto settingsFile = fromRecordOnly ? Result<JsonFile>(JsonFile{}) : readObjectFile(settingsPath, stamps);
    if (!settingsFile)
        return settingsFile.error();
    if (settingsFile->exists) {
        auto settings = Settings::fromJsonObject(settingsFile->object);
        if (!settings)
            return settings.error().prefixed(settingsPath);
        plugin.settings = std::move(*settings);
    } else {
        QJsonValue settingsValue = json::valueCI(record, u"Settings");
        if (!settingsValue.isObject())
            settingsValue = json::valueCI(record, u"Config");
        if (settingsValue.isObject()) {
            auto settings = Settings::fromJsonObject(settingsValue.toObject());
            if (!settings)
                return settings.error().prefixed(where() + tr(": field \"Config\""));
            plugin.settings = std::move(*settings);
        } else {
            plugin.settings = Settings::initial(plugin.config);
        }
    }

    // What a person approved; kept only here, where nothing but the engine writes.
    if (const QJsonValue approved = json::valueCI(record, u"ApprovedPrivileges"); approved.isArray()) {
        auto privileges = Privileges::fromJson(approved.toArray());
        if (!privileges)
            return privileges.error().prefixed(where() + tr(": field \"ApprovedPrivileges\""));
        plugin.approved = *privileges;
    } else if (!approved.isUndefined() && !approved.isNull()) {
        return Error{ErrorCode::Corrupt, tr("%1: field \"ApprovedPrivileges\" is not a list").arg(where())};
    }
    return plugin;
}

Status Store::save(const QList<Plugin> &plugins) const
{
    // A plugins.json a person broke by hand is theirs to repair: never write over it (nor anything beside it).
    const auto current = readObjectFile(inventoryPath());
    if (!current)
        return Error{current.error().code,
                     current.error().message + tr(" — fix the file by hand; nothing was written")};
    if (!QDir().mkpath(pluginsDir()))
        return Error{ErrorCode::Io, tr("cannot create %1").arg(pluginsDir())};
    QFile::setPermissions(pluginsDir(), QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);

    QJsonObject inventory;
    for (const Plugin &plugin : plugins) {
        const bool v0 = plugin.config.version == PluginConfig::Version::V0;
        const QJsonObject configJson = v0 ? plugin.config.toManifestV0Json() : plugin.config.toJson();
        const QJsonObject settingsJson = plugin.settings.toJson();

        // The seed's record shape: Manifest holds the config, Config holds the settings.
        QJsonObject record;
        record.insert(QStringLiteral("Id"), plugin.id);
        record.insert(QStringLiteral("Name"), plugin.repository);
        record.insert(QStringLiteral("Tag"), plugin.tag);
        record.insert(QStringLiteral("Active"), plugin.enabled);
        record.insert(QStringLiteral("Manifest"), configJson);
        record.insert(QStringLiteral("Config"), settingsJson);
        if (!plugin.pluginReference.isEmpty())
            record.insert(QStringLiteral("PluginReference"), plugin.pluginReference);
        if (!plugin.configDigest.isEmpty())
            record.insert(QStringLiteral("ConfigDigest"), plugin.configDigest);
        if (!plugin.manifestDigest.isEmpty())
            record.insert(QStringLiteral("ManifestDigest"), plugin.manifestDigest);
        if (!plugin.blobsums.isEmpty())
            record.insert(QStringLiteral("Blobsums"), toArray(plugin.blobsums));
        if (plugin.approved)
            record.insert(QStringLiteral("ApprovedPrivileges"), plugin.approved->toJson());
        inventory.insert(plugin.id, QJsonObject{{QStringLiteral("plugin"), record}});
    }
    const QJsonObject ours = inventory;
    // An entry that does not read (a broken hand-made record) is not ours to drop: carry it over as it is, so a
    // write elsewhere in the store loses nothing, and the person can still repair it.
    if (current->exists) {
        for (auto it = current->object.constBegin(); it != current->object.constEnd(); ++it) {
            if (inventory.contains(it.key()))
                continue;
            if (!it.value().isObject() || !readEntry(it.key(), it.value().toObject()))
                inventory.insert(it.key(), it.value());
        }
    }

    // The inventory and each plugin's config.json and plugin-config.json are several files, and the per-plugin files
    // win when read: to change them all at once, the new inventory is first made durable as a journal. Once it is
    // there the save has happened; a save killed after it is finished by the next sweep (replayJournal), one killed
    // before it left every file as it was.
    if (auto written = AtomicFile::write(journalPath(), QJsonDocument(inventory).toJson(QJsonDocument::Indented));
        !written)
        return written;
    crashPoint("store.journal-written");
    auto dropJournal = qScopeGuard([this] { QFile::remove(journalPath()); });
    if (auto applied = writePluginFiles(ours, true); !applied)
        return applied;
    if (::rename(QFile::encodeName(journalPath()).constData(), QFile::encodeName(inventoryPath()).constData()) != 0)
        return Error{ErrorCode::Io,
                     tr("cannot replace %1: %2").arg(inventoryPath(), QString::fromLocal8Bit(std::strerror(errno)))};
    dropJournal.dismiss();
    crashPoint("store.inventory-renamed");
    return AtomicFile::syncDirectory(pluginsDir());
}

Status Store::writePluginFiles(const QJsonObject &inventory, bool createFolders) const
{
    QList<QPair<QString, QByteArray>> files;
    for (auto it = inventory.constBegin(); it != inventory.constEnd(); ++it) {
        if (!it.value().isObject())
            continue;
        const QJsonValue wrapped = json::valueCI(it.value().toObject(), u"plugin");
        const QJsonObject record = wrapped.isObject() ? wrapped.toObject() : it.value().toObject();
        const QJsonValue manifest = record.value(QStringLiteral("Manifest"));
        const QJsonValue settings = record.value(QStringLiteral("Config"));
        const QString id = record.value(QStringLiteral("Id")).toString();
        // Only what save() wrote itself; entries carried over as they were have no files of ours.
        if (id != it.key() || !manifest.isObject() || !settings.isObject())
            continue;
        auto config = PluginConfig::fromJsonObject(manifest.toObject());
        if (!config)
            continue;
        const QString directory = pluginDir(id);
        // A replay writes only into folders that are there: one moved aside (<id>-removing) is the sweep's to judge.
        if (!createFolders && !QFileInfo(directory).isDir())
            continue;
        if (!QDir().mkpath(directory))
            return Error{ErrorCode::Io, tr("cannot create %1").arg(directory)};
        const bool v0 = config->version == PluginConfig::Version::V0;
        const QString configPath = directory + QLatin1Char('/') + (v0 ? kManifestFile : kConfigFile);
        files.append({configPath, QJsonDocument(manifest.toObject()).toJson(QJsonDocument::Indented)});
        files.append({directory + QLatin1Char('/') + kSettingsFile,
                      QJsonDocument(settings.toObject()).toJson(QJsonDocument::Indented)});
    }
    // All or none: a full disk fails before any file is replaced (a `set` whose plugin-config.json was replaced but
    // whose plugins.json was not would show the new settings all the same).
    if (auto written = AtomicFile::writeAll(files); !written)
        return written;
    crashPoint("store.plugin-files-written");
    return {};
}

Status Store::replayJournal() const
{
    if (!QFileInfo::exists(journalPath()))
        return {};
    auto journal = readObjectFile(journalPath());
    // AtomicFile wrote it whole or not at all; one that does not read was not written by us: the save did not happen.
    if (!journal) {
        if (!QFile::remove(journalPath()))
            return Error{ErrorCode::Io, tr("cannot remove the leftover %1").arg(journalPath())};
        return {};
    }
    // The entries save() wrote files for: those that read. One carried over because it did not read still does not
    // (its files are as they were), and its files are not ours to rewrite.
    QJsonObject ours;
    for (auto it = journal->object.constBegin(); it != journal->object.constEnd(); ++it) {
        if (it.value().isObject() && readEntry(it.key(), it.value().toObject()))
            ours.insert(it.key(), it.value());
    }
    if (auto applied = writePluginFiles(ours, false); !applied)
        return applied;
    if (::rename(QFile::encodeName(journalPath()).constData(), QFile::encodeName(inventoryPath()).constData()) != 0)
        return Error{ErrorCode::Io,
                     tr("cannot replace %1: %2").arg(inventoryPath(), QString::fromLocal8Bit(std::strerror(errno)))};
    return AtomicFile::syncDirectory(pluginsDir());
}

namespace {

// AtomicFile's and PendingFile's temp files (".<name>.tmp-XXXXXX") in `directory`, left by a killed write.
Status removeTempFiles(const QString &directory)
{
    static const QRegularExpression temp(QStringLiteral("^\\..+\\.tmp-[A-Za-z0-9]{6}$"));
    QDir dir(directory);
    for (const QString &name : dir.entryList(QDir::Files | QDir::Hidden | QDir::System)) {
        if (temp.match(name).hasMatch() && !dir.remove(name))
            return Error{ErrorCode::Io, Store::tr("cannot remove the leftover %1").arg(dir.filePath(name))};
    }
    return {};
}

struct DirNames
{
    bool listed = false;
    bool hasTempFile = false;        // a name as AtomicFile's and PendingFile's temp files (".<name>.tmp-XXXXXX")
    bool hasUpgradeLeftover = false; // ".upgrade-to" or "rootfs-old"
};

DirNames dirNames(const QString &directory)
{
    DirNames names;
    DIR *dir = ::opendir(QFile::encodeName(directory).constData());
    if (!dir)
        return names;
    names.listed = true;
    while (const dirent *entry = ::readdir(dir)) {
        const std::string_view name(entry->d_name);
        if (name == ".upgrade-to" || name == "rootfs-old")
            names.hasUpgradeLeftover = true;
        else if (name.size() > 1 && name.front() == '.' && name.find(".tmp-") != std::string_view::npos)
            names.hasTempFile = true;
    }
    ::closedir(dir);
    return names;
}

// The folders in `directory` that are not hidden nor symlinks, as QDir::entryList(Dirs | NoDotAndDotDot | NoSymLinks)
// lists them, in one readdir: the type comes with each name, where QDir looks each of thousands up again.
QStringList folderNames(const QString &directory)
{
    QStringList names;
    const QByteArray path = QFile::encodeName(directory);
    DIR *dir = ::opendir(path.constData());
    if (!dir)
        return names;
    while (const dirent *entry = ::readdir(dir)) {
        const std::string_view name(entry->d_name);
        if (name.front() == '.')
            continue;
        bool folder = entry->d_type == DT_DIR;
        if (entry->d_type == DT_UNKNOWN) {
            struct stat info
            {};
            folder = ::fstatat(::dirfd(dir), entry->d_name, &info, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(info.st_mode);
        }
        if (folder)
            names.append(QFile::decodeName(entry->d_name));
    }
    ::closedir(dir);
    names.sort();
    return names;
}

bool renamePath(const QString &from, const QString &to)
{
    return ::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) == 0;
}

} // namespace

Status Store::sweep() const
{
    // A save killed after its journal: finish it first, so every rule below sees the inventory that holds.
    if (auto replayed = replayJournal(); !replayed)
        return replayed;
    crashPoint("store.sweep-replayed");

    QDir tmp(tmpDir());
    if (tmp.exists()) {
        const auto leftovers = tmp.entryInfoList(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
        for (const QFileInfo &leftover : leftovers) {
            if (!removeTree(leftover.filePath()))
                return Error{ErrorCode::Io, tr("cannot remove the staging leftover %1").arg(leftover.filePath())};
        }
    }
    QDir plugins(pluginsDir());
    if (auto removed = removeTempFiles(pluginsDir()); !removed)
        return removed;

    // The folders the inventory names, from a load (kept from the last one while no file changed, so a helper started
    // again parses nothing): the inventory itself is read only for a folder with upgrade leftovers.
    const auto loaded = load();
    if (!loaded)
        return loaded.error();
    const QSet<QString> ids(loaded->names.cbegin(), loaded->names.cend());
    std::optional<QJsonObject> inventory;
    bool changed = false;

    // rm renames the folder to <id>-removing before it writes the inventory: still in the inventory, the remove
    // did not happen and the folder goes back; gone from it, the folder goes.
    for (const QFileInfo &leftover :
         plugins.entryInfoList({QStringLiteral("*-removing")}, QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString id = leftover.fileName().chopped(int(qstrlen("-removing")));
        if (ids.contains(id) && !QFileInfo::exists(pluginDir(id))) {
            if (!renamePath(leftover.filePath(), pluginDir(id)))
                return Error{ErrorCode::Io, tr("cannot move the leftover %1 back").arg(leftover.filePath())};
            changed = true;
            continue;
        }
        if (!removeTree(leftover.filePath()))
            return Error{ErrorCode::Io, tr("cannot remove the leftover %1").arg(leftover.filePath())};
    }

    static const QRegularExpression newIdPattern(QStringLiteral("^[0-9a-f]{64}$"));
    for (const QString &name : folderNames(pluginsDir())) {
        const QString directory = pluginDir(name);
        if (!ids.contains(name)) {
            // install, import and create move the rootfs into plugins/<new id> before the inventory names it.
            if (newIdPattern.match(name).hasMatch() && !removeTree(directory))
                return Error{ErrorCode::Io, tr("cannot remove the leftover %1").arg(directory)};
            continue;
        }
        // One plain listing of the folder says whether there is anything to do in it (almost never): QDir's listing
        // and finishUpgrade's look-ups cost seven system calls and a regular expression per file, per plugin.
        const DirNames names = dirNames(directory);
        if (!names.listed || names.hasTempFile) {
            if (auto removed = removeTempFiles(directory); !removed)
                return removed;
        }
        if (!names.listed || names.hasUpgradeLeftover) {
            if (!inventory) {
                auto read = readObjectFile(inventoryPath());
                if (!read)
                    return read.error();
                inventory = read->object;
            }
            if (auto finished = finishUpgrade(name, *inventory); !finished)
                return finished;
            changed = true;
        }
    }
    if (auto removed = removeTempFiles(blobsDir()); !removed)
        return removed;

    // Blobs stored for an install, import or create that never reached the inventory, or left by an rm killed
    // before its collection. Entries that do not read may refer to blobs too: collect nothing then.
    // (Loaded again only when the sweep moved a plugin's files back.)
    const auto current = changed ? load() : loaded;
    if (!current || !current->problems.isEmpty())
        return {};
    if (auto collected = BlobStore(blobsDir()).collectGarbage(referencedBlobs(current->plugins)); !collected)
        return collected.error();
    return {};
}

QSet<QString> Store::referencedBlobs(const QList<Plugin> &plugins)
{
    QSet<QString> keep;
    for (const Plugin &plugin : plugins) {
        if (!plugin.configDigest.isEmpty())
            keep.insert(plugin.configDigest);
        if (!plugin.manifestDigest.isEmpty())
            keep.insert(plugin.manifestDigest);
        for (const QString &digest : plugin.blobsums)
            keep.insert(digest);
    }
    return keep;
}

Status Store::finishUpgrade(const QString &id, const QJsonObject &inventory) const
{
    const QString directory = pluginDir(id);
    const QString marker = upgradeMarkerPath(id);
    const QString rootfs = rootfsDir(id);
    const QString old = directory + QStringLiteral("/rootfs-old");
    const bool hasMarker = QFileInfo::exists(marker);
    if (!hasMarker && !QFileInfo::exists(old))
        return {};
    bool committed = !hasMarker && QFileInfo::exists(rootfs);
    if (hasMarker) {
        QFile file(marker);
        const QByteArray target = file.open(QIODevice::ReadOnly) ? file.readAll().trimmed() : QByteArray();
        const QJsonValue entry = inventory.value(id);
        const QJsonValue wrapped = json::valueCI(entry.toObject(), u"plugin");
        const QJsonObject record = wrapped.isObject() ? wrapped.toObject() : entry.toObject();
        committed = !target.isEmpty() && stringCI(record, u"ManifestDigest") == QString::fromLatin1(target);
    }
    if (committed) {
        if (!removeTree(old))
            return Error{ErrorCode::Io, tr("cannot remove the leftover %1").arg(old)};
    } else if (QFileInfo::exists(old)) {
        // The upgrade never reached the inventory: the old rootfs goes back (the config files were not touched,
        // as save() writes them only after its journal).
        if (!removeTree(rootfs))
            return Error{ErrorCode::Io, tr("cannot remove the leftover %1").arg(rootfs)};
        if (!renamePath(old, rootfs))
            return Error{ErrorCode::Io, tr("cannot move %1 back to %2").arg(old, rootfs)};
    }
    if (hasMarker && !QFile::remove(marker))
        return Error{ErrorCode::Io, tr("cannot remove the leftover %1").arg(marker)};
    return AtomicFile::syncDirectory(directory);
}

Status Store::makePrivate() const
{
    auto fail = [](const QString &path) {
        return Error{ErrorCode::Io,
                     tr("cannot make %1 private: %2").arg(path, QString::fromLocal8Bit(std::strerror(errno)))};
    };
    // chmod through a descriptor opened without following a symlink, so a link planted in the store changes nothing.
    auto restrict = [&fail](const QString &path, bool directory, mode_t mode) -> Status {
        const int fd = ::open(QFile::encodeName(path).constData(),
                              O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK | (directory ? O_DIRECTORY : 0));
        if (fd < 0)
            return errno == ENOENT ? Status{} : fail(path);
        struct stat status
        {};
        const bool ok = ::fstat(fd, &status) == 0 && ((status.st_mode & 07777) == mode || ::fchmod(fd, mode) == 0);
        ::close(fd);
        return ok ? Status{} : fail(path);
    };
    if (!QFileInfo::exists(m_root)) {
        QDir().mkpath(QFileInfo(m_root).absolutePath());
        if (::mkdir(QFile::encodeName(m_root).constData(), 0700) != 0 && errno != EEXIST)
            return fail(m_root);
    }
    for (const QString &directory :
         {m_root, pluginsDir(), QString(m_root + QStringLiteral("/blobs")), blobsDir(), tmpDir()}) {
        if (auto made = restrict(directory, true, 0700); !made)
            return made;
    }
    QDir blobs(blobsDir());
    for (const QString &name : blobs.entryList(QDir::Files | QDir::Hidden | QDir::NoSymLinks)) {
        if (auto made = restrict(blobs.filePath(name), false, 0600); !made)
            return made;
    }
    return {};
}

Result<Plugin> Store::find(const QList<Plugin> &plugins, const QString &nameOrId)
{
    const QString wanted = nameOrId.trimmed();
    if (wanted.isEmpty())
        return Error{ErrorCode::InvalidArgument, tr("plugin name or id must not be empty")};
    for (const Plugin &plugin : plugins) {
        if (plugin.id == wanted)
            return plugin;
    }
    const auto reference = Reference::parse(wanted);
    if (reference && !reference->hasDigest()) {
        const QString name = reference->withDefaultTag().familiarString();
        for (const Plugin &plugin : plugins) {
            if (plugin.name() == name)
                return plugin;
        }
    }
    const Plugin *match = nullptr;
    for (const Plugin &plugin : plugins) {
        if (plugin.id.startsWith(wanted)) {
            if (match)
                return Error{ErrorCode::Ambiguous, tr("multiple plugins found for \"%1\"").arg(wanted)};
            match = &plugin;
        }
    }
    if (match)
        return *match;
    // Neither an id nor a name: when it is not even a valid reference, say what is wrong with it.
    if (!reference)
        return reference.error();
    return Error{ErrorCode::NotFound, tr("plugin \"%1\" not found").arg(wanted)};
}

QString Store::newId()
{
    static const QRegularExpression allDigits(QStringLiteral("^[0-9]{12}"));
    for (;;) {
        QByteArray bytes(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), 8);
        QString id = QString::fromLatin1(bytes.toHex());
        if (!allDigits.match(id).hasMatch())
            return id;
    }
}

} // namespace core
