#include "core/helper/secrets.h"

#include "core/volume/volume.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QVariantList>
#include <QVariantMap>
#include <algorithm>

namespace core {

namespace {

// Every secret-looking key at any depth: Options, and a driver's Status or Labels, which may echo them.
QVariant redactVariant(const QVariant &value)
{
    if (value.typeId() == QMetaType::QVariantMap) {
        QVariantMap map = value.toMap();
        for (auto it = map.begin(); it != map.end(); ++it)
            it.value() = Secrets::looksSecret(it.key()) ? QVariant(Secrets::placeholder()) : redactVariant(it.value());
        return map;
    }
    if (value.typeId() == QMetaType::QVariantList) {
        QVariantList list = value.toList();
        for (QVariant &item : list)
            item = redactVariant(item);
        return list;
    }
    if (value.typeId() == QMetaType::QJsonObject)
        return redactVariant(value.toJsonObject().toVariantMap());
    if (value.typeId() == QMetaType::QJsonArray)
        return redactVariant(value.toJsonArray().toVariantList());
    if (value.typeId() == QMetaType::QJsonValue)
        return redactVariant(value.toJsonValue().toVariant());
    return value;
}

} // namespace

bool Secrets::looksSecret(const QString &name)
{
    static const QStringList words{
        QStringLiteral("password"), QStringLiteral("passwd"), QStringLiteral("passphrase"), QStringLiteral("secret"),
        QStringLiteral("token"),    QStringLiteral("key"),    QStringLiteral("credential"), QStringLiteral("auth"),
        QStringLiteral("private"),  QStringLiteral("cookie"), QStringLiteral("session"),    QStringLiteral("pwd"),
    };
    const QString lower = name.toLower();
    return std::any_of(words.cbegin(), words.cend(), [&lower](const QString &word) { return lower.contains(word); });
}

QString Secrets::redactAssignment(const QString &assignment)
{
    const qsizetype equals = assignment.indexOf(QLatin1Char('='));
    if (equals <= 0 || !looksSecret(assignment.left(equals)))
        return assignment;
    return assignment.left(equals + 1) + placeholder();
}

Plugin Secrets::redactPlugin(Plugin plugin)
{
    for (QString &entry : plugin.settings.env)
        entry = redactAssignment(entry);
    if (!plugin.raw.isEmpty())
        plugin.raw = redactPlugin(std::move(plugin.raw));
    return plugin;
}

QJsonObject Secrets::redactPlugin(QJsonObject plugin)
{
    QJsonObject settings = plugin.value(QStringLiteral("Settings")).toObject();
    QJsonArray env;
    for (const QJsonValue entry : settings.value(QStringLiteral("Env")).toArray())
        env.append(entry.isString() ? QJsonValue(redactAssignment(entry.toString())) : entry);
    if (settings.contains(QStringLiteral("Env"))) {
        settings.insert(QStringLiteral("Env"), env);
        plugin.insert(QStringLiteral("Settings"), settings);
    }
    return plugin;
}

QByteArray Secrets::redactPluginList(const QByteArray &json)
{
    return QJsonDocument(redactPluginList(QJsonDocument::fromJson(json).object())).toJson(QJsonDocument::Compact);
}

QJsonObject Secrets::redactPluginList(const QJsonObject &given)
{
    QJsonObject list = given;
    QJsonArray plugins;
    for (const QJsonValue plugin : list.value(QStringLiteral("plugins")).toArray())
        plugins.append(redactPlugin(plugin.toObject()));
    list.insert(QStringLiteral("plugins"), plugins);
    return list;
}

QVariant Secrets::redactVolumes(const QVariant &result)
{
    // A list of volumes travels typed; hidden, it travels as its JSON shape, which clients read the same way.
    if (result.metaType() == QMetaType::fromType<VolumeList>())
        return redactVariant(result.value<VolumeList>().toJson().toVariantMap());
    return redactVariant(result);
}

} // namespace core
