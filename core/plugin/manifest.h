#pragma once

#include "core/base/result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

namespace core {

// A content descriptor of a manifest: what a blob or a child manifest is, where, and how big.
struct Descriptor
{
    QString mediaType;
    QString digest; // "sha256:<64 hex>"
    qint64 size = 0;
    QString os;           // platform, for entries of a list/index
    QString architecture; // platform, for entries of a list/index
    QString variant;      // platform, for entries of a list/index
};

// A manifest as fetched: its media type, exact bytes and digest, and what it points at. Media types handled:
// Docker schema2 manifest and manifest list, OCI image manifest and index (schema 1 is refused).
// Owns parsing and the media-type names; does not fetch.
struct Manifest
{
    Q_DECLARE_TR_FUNCTIONS(Manifest)

public:
    static const QString DockerManifest; // application/vnd.docker.distribution.manifest.v2+json
    static const QString DockerList;     // application/vnd.docker.distribution.manifest.list.v2+json
    static const QString OciManifest;    // application/vnd.oci.image.manifest.v1+json
    static const QString OciIndex;       // application/vnd.oci.image.index.v1+json
    static const QString PluginConfigV1; // application/vnd.docker.plugin.v1+json
    static const QString PluginConfigV0; // application/vnd.docker.plugin.v0+json
    static const QString LayerGzip;      // application/vnd.docker.image.rootfs.diff.tar.gzip

    QString mediaType;
    QByteArray bytes;
    QString digest;
    Descriptor config;         // image manifests
    QList<Descriptor> layers;  // image manifests
    QList<Descriptor> entries; // lists and indexes

    bool isList() const { return mediaType == DockerList || mediaType == OciIndex; }
    bool isPluginConfigType() const { return config.mediaType == PluginConfigV1 || config.mediaType == PluginConfigV0; }

    // Parses `bytes`; `contentType` is the reply's Content-Type, used when the JSON has no mediaType.
    // Errors (ErrorCode::Registry / Unsupported) say what is wrong with the manifest.
    static Result<Manifest> parse(const QByteArray &bytes, const QString &contentType);

    // "sha256:<hex>" of the bytes.
    static QString digestOf(const QByteArray &bytes);

    // Docker schema2 manifest bytes for a config and layers, as `plugin push` writes them.
    static QByteArray schema2(const Descriptor &config, const QList<Descriptor> &layers);

    // The entry of a list/index for os/architecture[/variant]; nullptr when there is none.
    const Descriptor *entryFor(const QString &os, const QString &architecture, const QString &variant) const;
};

} // namespace core
