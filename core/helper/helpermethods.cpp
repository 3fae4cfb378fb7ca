#include "core/helper/helpermethods.h"

#include "core/base/calllocale.h"
#include "core/helper/snapshotcodec.h"

#include <QDBusArgument>
#include <QDBusMetaType>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace core {

QString helperActionId(HelperAction action)
{
    switch (action) {
    case HelperAction::None:
        return {};
    case HelperAction::Read:
        return QStringLiteral("org.plugdesk.read");
    case HelperAction::Manage:
        return QStringLiteral("org.plugdesk.manage");
    case HelperAction::Install:
        return QStringLiteral("org.plugdesk.install");
    case HelperAction::Remove:
        return QStringLiteral("org.plugdesk.remove");
    case HelperAction::Volumes:
        return QStringLiteral("org.plugdesk.volumes");
    case HelperAction::Grant:
        return QStringLiteral("org.plugdesk.grant");
    }
    return {};
}

QString helperSignalName(HelperSignal signal)
{
    switch (signal) {
    case HelperSignal::PluginsChanged:
        return QStringLiteral("PluginsChanged");
    case HelperSignal::PluginChanged:
        return QStringLiteral("PluginChanged");
    case HelperSignal::PluginRemoved:
        return QStringLiteral("PluginRemoved");
    case HelperSignal::RuntimeStateChanged:
        return QStringLiteral("RuntimeStateChanged");
    case HelperSignal::VolumesChanged:
        return QStringLiteral("VolumesChanged");
    }
    return {};
}

QString helperSignalSignature(HelperSignal signal)
{
    switch (signal) {
    case HelperSignal::PluginChanged:
    case HelperSignal::PluginRemoved:
    case HelperSignal::RuntimeStateChanged:
        return QStringLiteral("s");
    case HelperSignal::PluginsChanged:
    case HelperSignal::VolumesChanged:
        break;
    }
    return {};
}

CallContext CallContext::ofThisProcess()
{
    return {QLocale().name()};
}

namespace {

Error wrongType(const QString &name, const QString &expected)
{
    return {ErrorCode::InvalidArgument, HelperOptions::tr("argument \"%1\" is not %2").arg(name, expected)};
}

bool holds(const QVariant &value, QMetaType::Type type)
{
    return value.metaType().id() == type;
}

} // namespace

// --- plain values ---

QString Codec<QString>::signature()
{
    return QStringLiteral("s");
}
QVariant Codec<QString>::encode(const QString &value)
{
    return value;
}
Result<QString> Codec<QString>::decode(const QVariant &value, const QString &name)
{
    if (!holds(value, QMetaType::QString))
        return wrongType(name, HelperOptions::tr("a string"));
    return value.toString();
}

QString Codec<QByteArray>::signature()
{
    return QStringLiteral("ay");
}
QVariant Codec<QByteArray>::encode(const QByteArray &value)
{
    return value;
}
Result<QByteArray> Codec<QByteArray>::decode(const QVariant &value, const QString &name)
{
    if (!holds(value, QMetaType::QByteArray))
        return wrongType(name, HelperOptions::tr("an array of bytes"));
    return value.toByteArray();
}

QString Codec<QStringList>::signature()
{
    return QStringLiteral("as");
}
QVariant Codec<QStringList>::encode(const QStringList &value)
{
    return value;
}
Result<QStringList> Codec<QStringList>::decode(const QVariant &value, const QString &name)
{
    if (!holds(value, QMetaType::QStringList))
        return wrongType(name, HelperOptions::tr("a list of strings"));
    return value.toStringList();
}

QString Codec<bool>::signature()
{
    return QStringLiteral("b");
}
QVariant Codec<bool>::encode(const bool &value)
{
    return value;
}
Result<bool> Codec<bool>::decode(const QVariant &value, const QString &name)
{
    if (!holds(value, QMetaType::Bool))
        return wrongType(name, HelperOptions::tr("a boolean"));
    return value.toBool();
}

QString Codec<int>::signature()
{
    return QStringLiteral("i");
}
QVariant Codec<int>::encode(const int &value)
{
    return value;
}
Result<int> Codec<int>::decode(const QVariant &value, const QString &name)
{
    if (!holds(value, QMetaType::Int))
        return wrongType(name, HelperOptions::tr("a 32-bit integer"));
    return value.toInt();
}

QString Codec<QDBusObjectPath>::signature()
{
    return QStringLiteral("o");
}
QVariant Codec<QDBusObjectPath>::encode(const QDBusObjectPath &value)
{
    return QVariant::fromValue(value);
}
Result<QDBusObjectPath> Codec<QDBusObjectPath>::decode(const QVariant &value, const QString &name)
{
    if (value.metaType() != QMetaType::fromType<QDBusObjectPath>())
        return wrongType(name, HelperOptions::tr("an object path"));
    return value.value<QDBusObjectPath>();
}

namespace {

Result<QDBusUnixFileDescriptor> descriptor(const QVariant &value, const QString &name)
{
    if (value.metaType() != QMetaType::fromType<QDBusUnixFileDescriptor>())
        return wrongType(name, HelperOptions::tr("a file descriptor"));
    return value.value<QDBusUnixFileDescriptor>();
}

} // namespace

QString Codec<ReadableFile>::signature()
{
    return QStringLiteral("h");
}
QVariant Codec<ReadableFile>::encode(const ReadableFile &value)
{
    return QVariant::fromValue(value.descriptor);
}
Result<ReadableFile> Codec<ReadableFile>::decode(const QVariant &value, const QString &name)
{
    auto fd = descriptor(value, name);
    if (!fd)
        return fd.error();
    return ReadableFile{*fd};
}

QString Codec<WritableFile>::signature()
{
    return QStringLiteral("h");
}
QVariant Codec<WritableFile>::encode(const WritableFile &value)
{
    return QVariant::fromValue(value.descriptor);
}
Result<WritableFile> Codec<WritableFile>::decode(const QVariant &value, const QString &name)
{
    auto fd = descriptor(value, name);
    if (!fd)
        return fd.error();
    return WritableFile{*fd};
}

// Docker's privilege JSON array, as `docker plugin install` shows and accepts it (docs/docker-compat.md §4).
QString Codec<Privileges>::signature()
{
    return QStringLiteral("s");
}
QVariant Codec<Privileges>::encode(const Privileges &value)
{
    return QString::fromUtf8(QJsonDocument(value.toJson()).toJson(QJsonDocument::Compact));
}
Result<Privileges> Codec<Privileges>::decode(const QVariant &value, const QString &name)
{
    auto text = Codec<QString>::decode(value, name);
    if (!text)
        return text.error();
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(text->toUtf8(), &error);
    if (error.error != QJsonParseError::NoError || !document.isArray())
        return Error{ErrorCode::InvalidArgument, HelperOptions::tr("argument \"%1\" is not a JSON array").arg(name)};
    return Privileges::fromJson(document.array());
}

QString Codec<QMap<QString, QString>>::signature()
{
    return QStringLiteral("a{ss}");
}
QVariant Codec<QMap<QString, QString>>::encode(const QMap<QString, QString> &value)
{
    return QVariant::fromValue(value);
}
Result<QMap<QString, QString>> Codec<QMap<QString, QString>>::decode(const QVariant &value, const QString &name)
{
    // From the bus an a{ss} arrives as a QDBusArgument; built in this process it is the map itself.
    if (value.metaType() == QMetaType::fromType<QMap<QString, QString>>())
        return value.value<QMap<QString, QString>>();
    if (value.metaType() == QMetaType::fromType<QDBusArgument>()) {
        const auto argument = value.value<QDBusArgument>();
        if (argument.currentSignature() == QLatin1String("a{ss}"))
            return qdbus_cast<QMap<QString, QString>>(argument);
    }
    return wrongType(name, HelperOptions::tr("a map of strings to strings"));
}

// --- options ---

Result<QVariantMap> HelperOptions::map(const QVariant &value, const QString &argument)
{
    if (value.metaType() == QMetaType::fromType<QVariantMap>())
        return value.toMap();
    if (value.metaType() == QMetaType::fromType<QDBusArgument>()) {
        const auto dbus = value.value<QDBusArgument>();
        if (dbus.currentSignature() == QLatin1String("a{sv}"))
            return qdbus_cast<QVariantMap>(dbus);
    }
    return wrongType(argument, HelperOptions::tr("a map of options (a{sv})"));
}

Status HelperOptions::checkKeys(const QVariantMap &map, const QStringList &known, const QString &method)
{
    for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
        if (!known.contains(it.key()))
            return Error{ErrorCode::InvalidArgument,
                         known.isEmpty() ? tr("%1 takes no option \"%2\"").arg(method, it.key().left(64))
                                         : tr("%1 takes no option \"%2\" (it takes: %3)")
                                               .arg(method, it.key().left(64), known.join(QStringLiteral(", ")))};
    }
    return {};
}

namespace {

// One option: absent is the default; present, it must have the type.
template<typename T>
Status readOption(const QVariantMap &map, const QString &key, T &into)
{
    const auto found = map.constFind(key);
    if (found == map.constEnd())
        return {};
    auto value = Codec<T>::decode(*found, QStringLiteral("options.") + key);
    if (!value)
        return value.error();
    into = std::move(*value);
    return {};
}

} // namespace

QStringList Codec<NoOptions>::keys()
{
    return {};
}
QVariantMap Codec<NoOptions>::encode(const NoOptions &)
{
    return {};
}
Result<NoOptions> Codec<NoOptions>::decode(const QVariantMap &)
{
    return NoOptions{};
}

QStringList Codec<ForceOption>::keys()
{
    return {QStringLiteral("force")};
}
QVariantMap Codec<ForceOption>::encode(const ForceOption &value)
{
    return {{QStringLiteral("force"), value.force}};
}
Result<ForceOption> Codec<ForceOption>::decode(const QVariantMap &map)
{
    ForceOption options;
    if (auto read = readOption(map, QStringLiteral("force"), options.force); !read)
        return read.error();
    return options;
}

QStringList Codec<EnableOptions>::keys()
{
    return {QStringLiteral("timeout")};
}
QVariantMap Codec<EnableOptions>::encode(const EnableOptions &value)
{
    return {{QStringLiteral("timeout"), value.timeout}};
}
Result<EnableOptions> Codec<EnableOptions>::decode(const QVariantMap &map)
{
    EnableOptions options;
    if (auto read = readOption(map, QStringLiteral("timeout"), options.timeout); !read)
        return read.error();
    if (options.timeout < 0)
        return Error{ErrorCode::InvalidArgument,
                     HelperOptions::tr("negative timeout %1 is invalid").arg(options.timeout)};
    return options;
}

QStringList Codec<LogOptions>::keys()
{
    return {QStringLiteral("tail")};
}
QVariantMap Codec<LogOptions>::encode(const LogOptions &value)
{
    return {{QStringLiteral("tail"), value.tail}};
}
Result<LogOptions> Codec<LogOptions>::decode(const QVariantMap &map)
{
    LogOptions options;
    if (auto read = readOption(map, QStringLiteral("tail"), options.tail); !read)
        return read.error();
    return options;
}

QStringList Codec<InstallOptions>::keys()
{
    return {QStringLiteral("alias"), QStringLiteral("disable"), QStringLiteral("settings")};
}
QVariantMap Codec<InstallOptions>::encode(const InstallOptions &value)
{
    return {{QStringLiteral("alias"), value.alias},
            {QStringLiteral("disable"), value.disable},
            {QStringLiteral("settings"), value.settings}};
}
Result<InstallOptions> Codec<InstallOptions>::decode(const QVariantMap &map)
{
    InstallOptions options;
    if (auto read = readOption(map, QStringLiteral("alias"), options.alias); !read)
        return read.error();
    if (auto read = readOption(map, QStringLiteral("disable"), options.disable); !read)
        return read.error();
    if (auto read = readOption(map, QStringLiteral("settings"), options.settings); !read)
        return read.error();
    return options;
}

QStringList Codec<CallContext>::keys()
{
    return {QStringLiteral("locale")};
}
QVariantMap Codec<CallContext>::encode(const CallContext &value)
{
    return {{QStringLiteral("locale"), value.locale}};
}
Result<CallContext> Codec<CallContext>::decode(const QVariantMap &map)
{
    CallContext context;
    if (auto read = readOption(map, QStringLiteral("locale"), context.locale); !read)
        return read.error();
    if (!context.locale.isEmpty() && !CallLocale::isValidName(context.locale))
        return Error{ErrorCode::InvalidArgument,
                     HelperOptions::tr("options.locale \"%1\" is not a locale name").arg(context.locale.left(64))};
    return context;
}

// --- JSON results ---

namespace {

Result<QJsonDocument> parseJson(const QByteArray &json, const QString &what)
{
    QJsonParseError error{};
    QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return Error{
            ErrorCode::Corrupt,
            HelperOptions::tr("the Plugdesk helper sent %1 that is not JSON: %2").arg(what, error.errorString())};
    return document;
}

} // namespace

template<>
Result<PluginList> decodeJson<PluginList>(const QByteArray &json)
{
    return HelperProtocol::decodePluginList(json);
}

template<>
Result<HelperSnapshot> decodeJson<HelperSnapshot>(const QByteArray &json)
{
    return HelperProtocol::decodeSnapshot(json);
}

template<>
Result<HelperSnapshot> decodeBinary<HelperSnapshot>(const QByteArray &data)
{
    return SnapshotCodec::decode(data);
}

template<>
Result<Plugin> decodeJson<Plugin>(const QByteArray &json)
{
    auto document = parseJson(json, HelperOptions::tr("a plugin"));
    if (!document)
        return document.error();
    return HelperProtocol::decodePlugin(document->object());
}

template<>
Result<PluginRuntimeState> decodeJson<PluginRuntimeState>(const QByteArray &json)
{
    auto document = parseJson(json, HelperOptions::tr("a run state"));
    if (!document)
        return document.error();
    return HelperProtocol::decodeRuntimeState(document->object());
}

template<>
Result<QList<VolumeDriverInfo>> decodeJson<QList<VolumeDriverInfo>>(const QByteArray &json)
{
    auto document = parseJson(json, HelperOptions::tr("volume drivers"));
    if (!document)
        return document.error();
    return HelperProtocol::decodeDrivers(document->array());
}

} // namespace core
