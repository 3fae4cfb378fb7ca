#include "core/helper/secrets.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QVariantList>
#include <QVariantMap>
#include <algorithm>

namespace core {

namespace {

// "NAME=value" with a secret-looking name: "NAME=<redacted>".
QString redactAssignment(const QString &assignment)
{
    const qsizetype equals = assignment.indexOf(QLatin1Char('='));
    if (equals <= 0 || !Secrets::looksSecret(assignment.left(equals)))
        return assignment;
    return assignment.left(equals + 1) + Secrets::placeholder();
}

QVariant redactVariant(const QVariant &value, bool options)
{
    if (value.typeId() == QMetaType::QVariantMap) {
        QVariantMap map = value.toMap();
        for (auto it = map.begin(); it != map.end(); ++it) {
            if (options && Secrets::looksSecret(it.key()))
                it.value() = Secrets::placeholder();
            else
                it.value() = redactVariant(it.value(), it.key() == QLatin1String("Options"));
        }
        return map;
    }
    if (value.typeId() == QMetaType::QVariantList) {
        QVariantList list = value.toList();
        for (QVariant &item : list)
            item = redactVariant(item, false);
        return list;
    }
    if (value.typeId() == QMetaType::QJsonObject)
        return redactVariant(value.toJsonObject().toVariantMap(), options);
    if (value.typeId() == QMetaType::QJsonArray)
        return redactVariant(value.toJsonArray().toVariantList(), false);
    if (value.typeId() == QMetaType::QJsonValue)
        return redactVariant(value.toJsonValue().toVariant(), options);
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

QJsonObject Secrets::redactPlugin(QJsonObject plugin)
{
    QJsonObject settings = plugin.value(QStringLiteral("Settings")).toObject();
    QJsonArray env;
    for (const QJsonValue &entry : settings.value(QStringLiteral("Env")).toArray())
        env.append(entry.isString() ? QJsonValue(redactAssignment(entry.toString())) : entry);
    if (settings.contains(QStringLiteral("Env"))) {
        settings.insert(QStringLiteral("Env"), env);
        plugin.insert(QStringLiteral("Settings"), settings);
    }
    return plugin;
}

QByteArray Secrets::redactPluginList(const QByteArray &json)
{
    QJsonObject list = QJsonDocument::fromJson(json).object();
    QJsonArray plugins;
    for (const QJsonValue &plugin : list.value(QStringLiteral("plugins")).toArray())
        plugins.append(redactPlugin(plugin.toObject()));
    list.insert(QStringLiteral("plugins"), plugins);
    return QJsonDocument(list).toJson(QJsonDocument::Compact);
}

QVariant Secrets::redactVolumes(const QVariant &result)
{
    return redactVariant(result, false);
}

} // namespace core
