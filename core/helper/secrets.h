#pragma once

#include "core/plugin/plugin.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QVariant>

namespace core {

// What the helper keeps from callers that may read plugins and volumes but not change them: the values of
// settings env variables and volume options whose names look secret (password, token, key, ...). Those callers
// get the names with a placeholder value, so they still see what is set. Pure functions on the JSON the helper
// sends; owns nothing and decides nothing about who may see what (the verbs do, with polkit).
class Secrets final
{
public:
    // What a hidden value reads as.
    static QString placeholder() { return QStringLiteral("<redacted>"); }

    // Whether a variable or option name looks like it holds a secret: it contains password, passwd, passphrase,
    // secret, token, key, credential, auth, private, cookie, session or pwd, in any case.
    static bool looksSecret(const QString &name);

    // A plugin as HelperProtocol::encodePlugin makes it, with the values of secret-looking Settings.Env entries
    // replaced by placeholder(). Config stays as the plugin's author published it.
    static QJsonObject redactPlugin(QJsonObject plugin);
    // The same on the plugin itself (for the binary snapshot): its settings env, and Docker's raw object if any.
    static Plugin redactPlugin(Plugin plugin);
    // "NAME=value" with a secret-looking NAME as "NAME=<redacted>"; anything else as it is.
    static QString redactAssignment(const QString &assignment);
    // HelperProtocol::encodePluginList's JSON, each plugin redacted.
    static QByteArray redactPluginList(const QByteArray &json);
    // HelperProtocol::encodePluginListObject's object, each plugin redacted.
    static QJsonObject redactPluginList(const QJsonObject &list);
    // A volume job's result (one volume, or a list of them): the value of every secret-looking key, at any depth,
    // replaced by placeholder(): Options, and a driver's Status, which may echo them.
    static QVariant redactVolumes(const QVariant &result);
};

} // namespace core
