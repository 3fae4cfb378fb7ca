#pragma once

#include "core/base/result.h"
#include "core/base/units.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace core {

// The offline bundle of one plugin (`plugin export` / `plugin import`, docs/docker-compat.md §9 "Offline machines"): a
// zip that holds an OCI-layout-like content set
//   plugdesk-bundle.json   this header
//   manifest.json          the schema2 plugin manifest, byte for byte as it is pushed
//   blobs/sha256/<hex>     the config blob and every layer blob the manifest names
// The header says which plugin it is and which manifest is its own, so a bundle carries exactly what a push would
// send (never the local settings). Owns the names of the entries and the header's JSON; does not read zips.
struct BundleHeader
{
    Q_DECLARE_TR_FUNCTIONS(BundleHeader)

public:
    static constexpr int CurrentVersion = 1;
    static constexpr qint64 MaxHeaderBytes = 64 * KiB;
    static constexpr qint64 MaxManifestBytes = 4 * MiB; // as RegistryClient allows for a manifest
    static constexpr qint64 MaxConfigBytes = MiB;       // as RegistryClient allows for a config

    static QString headerEntry() { return QStringLiteral("plugdesk-bundle.json"); }
    static QString manifestEntry() { return QStringLiteral("manifest.json"); }
    // "blobs/sha256/<hex>" for "sha256:<hex>".
    static QString blobEntry(const QString &digest);

    int version = CurrentVersion;
    QString name;            // the exported plugin's local name, "acme/vol:latest"
    QString tag;             // its tag, "latest"
    QString pluginReference; // where it came from, "docker.io/acme/vol:latest"; may be empty
    QString manifestDigest;  // "sha256:..." of manifest.json

    // {"Format": "plugdesk-bundle", "Version": 1, "Name", "Tag", "PluginReference", "Manifest"}
    QByteArray toJson() const;
    // Errors (Corrupt, Unsupported for a newer version) say which field is wrong.
    static Result<BundleHeader> fromJson(const QByteArray &json);
};

} // namespace core
