#include "core/plugin/settings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

using namespace Qt::StringLiterals;

namespace core {

namespace {

// One parsed `set` argument (moby's settable).
struct Settable
{
    QString name;
    QString field;
    QString value;

    // name.field when there is a field, else name (moby's prettyName).
    QString prettyName() const { return field.isEmpty() ? name : name + u'.' + field; }
};

// Go's %q for the names that appear in Docker's messages: quotes, with backslash escapes for '"', '\\'
// and anything not printable.
QString goQuoted(const QString &text)
{
    QString out = u"\""_s;
    const QList<uint> codePoints = text.toUcs4();
    for (const uint c : codePoints) {
        switch (c) {
        case '"':
            out += u"\\\""_s;
            continue;
        case '\\':
            out += u"\\\\"_s;
            continue;
        case '\a':
            out += u"\\a"_s;
            continue;
        case '\b':
            out += u"\\b"_s;
            continue;
        case '\f':
            out += u"\\f"_s;
            continue;
        case '\n':
            out += u"\\n"_s;
            continue;
        case '\r':
            out += u"\\r"_s;
            continue;
        case '\t':
            out += u"\\t"_s;
            continue;
        case '\v':
            out += u"\\v"_s;
            continue;
        default:
            break;
        }
        if (c < 0x20 || c == 0x7f) {
            out += u"\\x"_s + QString::number(c, 16).rightJustified(2, u'0');
            continue;
        }
        // Go's strconv.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
        const QChar::Category category = QChar::category(char32_t(c));
        const bool printable = c == ' ' || (category >= QChar::Mark_NonSpacing && category <= QChar::Number_Other) ||
                               (category >= QChar::Letter_Uppercase && category <= QChar::Symbol_Other);
        if (printable) {
            out += QString::fromUcs4(reinterpret_cast<const char32_t *>(&c), 1);
        } else if (c <= 0xffff) {
            out += u"\\u"_s + QString::number(c, 16).rightJustified(4, u'0');
        } else {
            out += u"\\U"_s + QString::number(c, 16).rightJustified(8, u'0');
        }
    }
    return out + u'"';
}

// moby's isSettable: an omitted field defaults to the only settable one (and is then part of the name in
// errors); the field must be both allowed for the kind of entry and declared settable by the config.
Result<bool> isSettable(Settable &set, const QStringList &allowed, const QStringList &settable)
{
    if (set.field.isEmpty()) {
        if (settable.size() == 1)
            set.field = settable.first();
        else if (settable.size() > 1)
            return Error{ErrorCode::InvalidArgument,
                         Settings::tr("multiple fields are settable, one must be specified")};
    }
    return allowed.contains(set.field) && settable.contains(set.field);
}

// The first entry named `name`, as moby's loops take it.
template<typename List>
auto findByName(List &items, const QString &name) -> decltype(items.data())
{
    for (auto &item : items) {
        if (item.name == name)
            return &item;
    }
    return nullptr;
}

} // namespace

Settings Settings::initial(const PluginConfig &config)
{
    Settings settings;
    settings.mounts = config.mounts;
    settings.devices = config.devices;
    for (const PluginEnv &env : config.env) {
        if (env.value)
            settings.env.append(env.name + u'=' + *env.value);
    }
    settings.args = config.args.value;
    return settings;
}

Result<Settings> Settings::fromJson(const QByteArray &json)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return Error{ErrorCode::Corrupt, tr("plugin settings are not valid JSON: %1 at offset %2")
                                             .arg(parseError.errorString())
                                             .arg(parseError.offset)};
    if (!document.isObject())
        return Error{ErrorCode::Corrupt, tr("plugin settings must be a JSON object")};
    return fromJsonObject(document.object());
}

Result<Settings> Settings::fromJsonObject(const QJsonObject &object)
{
    GoJsonReader reader;
    Settings settings;
    const QJsonArray mounts = reader.array(GoJsonReader::field(object, u"Mounts"), u"mounts"_s);
    for (qsizetype i = 0; i < mounts.size(); ++i)
        settings.mounts.append(PluginMount::fromJson(mounts.at(i), u"mounts["_s + QString::number(i) + u']', reader));
    settings.env = reader.stringList(GoJsonReader::field(object, u"Env"), u"env"_s);
    settings.args = reader.stringList(GoJsonReader::field(object, u"Args"), u"args"_s);
    const QJsonArray devices = reader.array(GoJsonReader::field(object, u"Devices"), u"devices"_s);
    for (qsizetype i = 0; i < devices.size(); ++i)
        settings.devices.append(
            PluginDevice::fromJson(devices.at(i), u"devices["_s + QString::number(i) + u']', reader));
    if (reader.failed())
        return reader.error();
    return settings;
}

QJsonObject Settings::toJson() const
{
    QJsonArray mountArray;
    for (const PluginMount &mount : mounts)
        mountArray.append(mount.toJson());
    QJsonArray deviceArray;
    for (const PluginDevice &device : devices)
        deviceArray.append(device.toJson());
    return {{u"Mounts"_s, mountArray},
            {u"Env"_s, QJsonArray::fromStringList(env)},
            {u"Args"_s, QJsonArray::fromStringList(args)},
            {u"Devices"_s, deviceArray}};
}

Status Settings::apply(const PluginConfig &config, const QStringList &arguments)
{
    // moby's newSettables: every argument is parsed before anything is set.
    QList<Settable> sets;
    for (const QString &argument : arguments) {
        Settable set;
        const qsizetype equals = argument.indexOf(u'=');
        if (equals == 0)
            return Error{ErrorCode::InvalidArgument, tr("invalid format, must be <name>[.<field>][=<value>]")};
        if (equals < 0) {
            set.name = argument;
        } else {
            set.name = argument.left(equals);
            set.value = argument.mid(equals + 1);
        }
        const qsizetype dot = set.name.lastIndexOf(u'.');
        if (dot > 0) {
            set.field = set.name.mid(dot + 1);
            set.name = set.name.left(dot);
        }
        sets.append(set);
    }

    static const QStringList valueField{u"value"_s};
    static const QStringList pathField{u"path"_s};
    static const QStringList sourceField{u"source"_s};
    auto notSettable = [](const Settable &set) {
        return Error{ErrorCode::InvalidArgument, tr("%1 is not settable").arg(goQuoted(set.prettyName()))};
    };

    // Work on a copy so that a failing argument leaves these settings as they were (Docker keeps the earlier ones).
    Settings next = *this;
    for (Settable &set : sets) {
        if (const PluginEnv *env = findByName(config.env, set.name)) {
            const Result<bool> ok = isSettable(set, valueField, env->settable);
            if (!ok)
                return ok.error();
            if (!*ok)
                return notSettable(set);
            const QString entry = set.name + u'=' + set.value;
            auto existing = std::find_if(next.env.begin(), next.env.end(),
                                         [&](const QString &e) { return e.section(u'=', 0, 0) == set.name; });
            if (existing != next.env.end())
                *existing = entry;
            else
                next.env.append(entry);
            continue;
        }

        if (const PluginMount *mount = findByName(config.mounts, set.name)) {
            const Result<bool> ok = isSettable(set, sourceField, mount->settable);
            if (!ok)
                return ok.error();
            if (!*ok)
                return notSettable(set);
            if (!mount->source)
                return Error{ErrorCode::InvalidArgument, tr("Plugin config has no mount source")};
            PluginMount *target = findByName(next.mounts, set.name);
            if (!target) {
                next.mounts.append(*mount);
                target = &next.mounts.last();
            }
            target->source = set.value;
            continue;
        }

        if (const PluginDevice *device = findByName(config.devices, set.name)) {
            const Result<bool> ok = isSettable(set, pathField, device->settable);
            if (!ok)
                return ok.error();
            if (!*ok)
                return notSettable(set);
            if (!device->path)
                return Error{ErrorCode::InvalidArgument, tr("Plugin config has no device path")};
            PluginDevice *target = findByName(next.devices, set.name);
            if (!target) {
                next.devices.append(*device);
                target = &next.devices.last();
            }
            target->path = set.value;
            continue;
        }

        if (config.args.name == set.name) {
            const Result<bool> ok = isSettable(set, valueField, config.args.settable);
            if (!ok)
                return ok.error();
            if (!*ok)
                return notSettable(set);
            // strings.Split on a single space: empty parts are kept, "" gives [""].
            next.args = set.value.split(u' ', Qt::KeepEmptyParts);
            continue;
        }

        return Error{ErrorCode::InvalidArgument,
                     tr("setting %1 not found in the plugin configuration").arg(goQuoted(set.name))};
    }
    *this = std::move(next);
    return {};
}

QList<PluginMount> Settings::effectiveMounts(const PluginConfig &config) const
{
    QList<PluginMount> result;
    QList<PluginMount> remaining = mounts;
    for (const PluginMount &configured : config.mounts) {
        auto match = std::find_if(remaining.begin(), remaining.end(), [&](const PluginMount &m) {
            return m.name == configured.name && (!m.name.isEmpty() || m.destination == configured.destination);
        });
        if (match != remaining.end()) {
            result.append(*match);
            remaining.erase(match);
        } else {
            result.append(configured);
        }
    }
    result.append(remaining);
    return result;
}

QString Settings::envValue(const QString &name) const
{
    for (const QString &entry : env) {
        const qsizetype equals = entry.indexOf(u'=');
        const QString entryName = equals < 0 ? entry : entry.left(equals);
        if (entryName != name)
            continue;
        if (equals < 0 || equals == entry.size() - 1)
            return u""_s; // set but empty: not null
        return entry.mid(equals + 1);
    }
    return QString();
}

} // namespace core
