#include "core/archive/bundleheader.h"

#include "core/base/digest.h"
#include "core/plugin/reference.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace core {

namespace {

const QString kFormat = QStringLiteral("plugdesk-bundle");

} // namespace

QString BundleHeader::blobEntry(const QString &digest)
{
    return QStringLiteral("blobs/sha256/") + digest.mid(7);
}

QByteArray BundleHeader::toJson() const
{
    const QJsonObject object{{QStringLiteral("Format"), kFormat},
                             {QStringLiteral("Version"), version},
                             {QStringLiteral("Name"), name},
                             {QStringLiteral("Tag"), tag},
                             {QStringLiteral("PluginReference"), pluginReference},
                             {QStringLiteral("Manifest"), manifestDigest}};
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

Result<BundleHeader> BundleHeader::fromJson(const QByteArray &json)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (!document.isObject())
        return Error{ErrorCode::Corrupt, tr("not a JSON object (%1)").arg(parseError.errorString())};
    const QJsonObject object = document.object();
    if (object.value(QStringLiteral("Format")).toString() != kFormat)
        return Error{ErrorCode::Corrupt,
                     tr("\"Format\" is not \"%1\"; this is not a Plugdesk plugin bundle").arg(kFormat)};
    BundleHeader header;
    const QJsonValue version = object.value(QStringLiteral("Version"));
    if (!version.isDouble() || version.toDouble() != double(version.toInt()) || version.toInt() < 1)
        return Error{ErrorCode::Corrupt, tr("\"Version\" is not a positive whole number")};
    header.version = version.toInt();
    if (header.version > CurrentVersion)
        return Error{ErrorCode::Unsupported,
                     tr("bundle format version %1 is newer than this Plugdesk reads (%2); update Plugdesk")
                         .arg(header.version)
                         .arg(CurrentVersion)};
    header.name = object.value(QStringLiteral("Name")).toString();
    header.tag = object.value(QStringLiteral("Tag")).toString();
    header.pluginReference = object.value(QStringLiteral("PluginReference")).toString();
    header.manifestDigest = object.value(QStringLiteral("Manifest")).toString();
    auto name = Reference::parse(header.name);
    if (!name)
        return Error{ErrorCode::Corrupt, tr("\"Name\" is not a plugin name: %1").arg(name.error().message)};
    if (name->hasDigest() || !name->hasTag())
        return Error{ErrorCode::Corrupt, tr("\"Name\" (%1) must be a name with a tag and no digest").arg(header.name)};
    if (header.tag != name->tag())
        return Error{ErrorCode::Corrupt,
                     tr("\"Tag\" (%1) is not the tag of \"Name\" (%2)").arg(header.tag, header.name)};
    if (!header.pluginReference.isEmpty()) {
        if (auto reference = Reference::parse(header.pluginReference); !reference)
            return Error{ErrorCode::Corrupt,
                         tr("\"PluginReference\" is not a reference: %1").arg(reference.error().message)};
    }
    if (!isSha256Digest(header.manifestDigest))
        return Error{ErrorCode::Corrupt, tr("\"Manifest\" is not a sha256 digest")};
    return header;
}

} // namespace core
