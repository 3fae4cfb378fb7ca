#include "core/plugin/manifest.h"

#include "core/base/digest.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>

namespace core {

const QString Manifest::DockerManifest = QStringLiteral("application/vnd.docker.distribution.manifest.v2+json");
const QString Manifest::DockerList = QStringLiteral("application/vnd.docker.distribution.manifest.list.v2+json");
const QString Manifest::OciManifest = QStringLiteral("application/vnd.oci.image.manifest.v1+json");
const QString Manifest::OciIndex = QStringLiteral("application/vnd.oci.image.index.v1+json");
const QString Manifest::PluginConfigV1 = QStringLiteral("application/vnd.docker.plugin.v1+json");
const QString Manifest::PluginConfigV0 = QStringLiteral("application/vnd.docker.plugin.v0+json");
const QString Manifest::LayerGzip = QStringLiteral("application/vnd.docker.image.rootfs.diff.tar.gzip");

namespace {

Result<Descriptor> readDescriptor(const QJsonValue &value, const QString &path)
{
    const QJsonObject object = value.toObject();
    Descriptor descriptor;
    descriptor.mediaType = object.value(QStringLiteral("mediaType")).toString();
    descriptor.digest = object.value(QStringLiteral("digest")).toString();
    const QJsonValue size = object.value(QStringLiteral("size"));
    // A whole number of bytes that fits a qint64 (as Docker's int64); checked before the cast, which is undefined
    // behaviour for a double out of range (1e300 from a hostile registry).
    const double bytes = size.toDouble(-1);
    const bool sizeValid = size.isDouble() && bytes >= 0 && bytes < 9223372036854775808.0 && bytes == std::floor(bytes);
    descriptor.size = sizeValid ? static_cast<qint64>(bytes) : -1;
    if (!value.isObject() || !isSha256Digest(descriptor.digest) || !sizeValid)
        return Error{
            ErrorCode::Registry,
            Manifest::tr("the manifest's %1 is not a valid descriptor (needs a sha256 digest and a size)").arg(path)};
    const QJsonObject platform = object.value(QStringLiteral("platform")).toObject();
    descriptor.os = platform.value(QStringLiteral("os")).toString();
    descriptor.architecture = platform.value(QStringLiteral("architecture")).toString();
    descriptor.variant = platform.value(QStringLiteral("variant")).toString();
    return descriptor;
}

} // namespace

QString Manifest::digestOf(const QByteArray &bytes)
{
    return sha256Digest(bytes);
}

Result<Manifest> Manifest::parse(const QByteArray &bytes, const QString &contentType)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (!document.isObject())
        return Error{ErrorCode::Registry, tr("the manifest is not a JSON object (%1)").arg(parseError.errorString())};
    const QJsonObject object = document.object();
    Manifest manifest;
    manifest.bytes = bytes;
    manifest.digest = digestOf(bytes);
    manifest.mediaType = object.value(QStringLiteral("mediaType")).toString();
    const QString headerType = contentType.section(QLatin1Char(';'), 0, 0).trimmed();
    if (manifest.mediaType.isEmpty())
        manifest.mediaType = headerType;
    const int schemaVersion = object.value(QStringLiteral("schemaVersion")).toInt();
    if (schemaVersion != 2)
        return Error{
            ErrorCode::Unsupported,
            tr("the manifest has schemaVersion %1; only schema 2 (Docker v2 and OCI) is supported").arg(schemaVersion)};
    if (manifest.mediaType.isEmpty()) {
        // OCI allows leaving mediaType out; the shape tells which one it is.
        manifest.mediaType = object.contains(QStringLiteral("manifests")) ? OciIndex : OciManifest;
    }
    if (manifest.isList()) {
        const QJsonArray entries = object.value(QStringLiteral("manifests")).toArray();
        for (qsizetype i = 0; i < entries.size(); ++i) {
            auto entry = readDescriptor(entries[i], QStringLiteral("manifests[%1]").arg(i));
            if (!entry)
                return entry.error();
            manifest.entries.append(*entry);
        }
        return manifest;
    }
    if (manifest.mediaType != DockerManifest && manifest.mediaType != OciManifest)
        return Error{ErrorCode::Unsupported,
                     tr("the manifest has the unsupported media type \"%1\"").arg(manifest.mediaType)};
    auto config = readDescriptor(object.value(QStringLiteral("config")), QStringLiteral("config"));
    if (!config)
        return config.error();
    manifest.config = *config;
    const QJsonArray layers = object.value(QStringLiteral("layers")).toArray();
    for (qsizetype i = 0; i < layers.size(); ++i) {
        auto layer = readDescriptor(layers[i], QStringLiteral("layers[%1]").arg(i));
        if (!layer)
            return layer.error();
        manifest.layers.append(*layer);
    }
    return manifest;
}

QByteArray Manifest::schema2(const Descriptor &config, const QList<Descriptor> &layers)
{
    auto describe = [](const Descriptor &descriptor) {
        return QJsonObject{{QStringLiteral("mediaType"), descriptor.mediaType},
                           {QStringLiteral("size"), static_cast<double>(descriptor.size)},
                           {QStringLiteral("digest"), descriptor.digest}};
    };
    QJsonArray layerArray;
    for (const Descriptor &layer : layers)
        layerArray.append(describe(layer));
    const QJsonObject object{{QStringLiteral("schemaVersion"), 2},
                             {QStringLiteral("mediaType"), DockerManifest},
                             {QStringLiteral("config"), describe(config)},
                             {QStringLiteral("layers"), layerArray}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

const Descriptor *Manifest::entryFor(const QString &os, const QString &architecture, const QString &variant) const
{
    const Descriptor *fallback = nullptr;
    for (const Descriptor &entry : entries) {
        if (entry.os != os || entry.architecture != architecture)
            continue;
        if (entry.variant == variant)
            return &entry;
        if (!fallback && (variant.isEmpty() || entry.variant.isEmpty()))
            fallback = &entry;
    }
    return fallback;
}

} // namespace core
