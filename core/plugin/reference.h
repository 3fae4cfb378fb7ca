#pragma once

#include "core/base/result.h"

#include <QCoreApplication>
#include <QString>

namespace core {

// A normalised image reference, as Docker's distribution/reference parses it (ParseNormalizedNamed).
//   "vieux/sshfs"              -> domain docker.io, path vieux/sshfs, no tag
//   "sshfs:1.0"                -> domain docker.io, path library/sshfs, tag 1.0
//   "localhost:5000/a/b@sha256:..." -> domain localhost:5000, path a/b, digest
// Owns parsing, validation and the printed forms; knows nothing of registries or the store.
class Reference final
{
    Q_DECLARE_TR_FUNCTIONS(Reference)

public:
    Reference() = default;

    // Parses and normalises `text`. Errors name the offending part, e.g.
    // `invalid reference format: repository name (Foo/Bar) must be lowercase`.
    static Result<Reference> parse(const QString &text);

    bool isNull() const { return m_path.isEmpty(); }
    QString domain() const { return m_domain; } // "docker.io", "localhost:5000", "registry.example.com"
    QString path() const { return m_path; }     // "vieux/sshfs", "library/sshfs"
    QString tag() const { return m_tag; }       // empty when none was given
    QString digest() const { return m_digest; } // "sha256:<64 hex>", empty when none was given
    bool hasTag() const { return !m_tag.isEmpty(); }
    bool hasDigest() const { return !m_digest.isEmpty(); }

    // Docker's TagNameOnly: adds ":latest" when the reference has neither tag nor digest.
    Reference withDefaultTag() const;
    // The same repository with another tag and no digest.
    Reference withTag(const QString &tag) const;
    // The repository alone (TrimNamed).
    Reference trimmed() const;

    QString name() const;           // "docker.io/vieux/sshfs"
    QString familiarName() const;   // "vieux/sshfs", "sshfs", "localhost:5000/foo/bar"
    QString toString() const;       // "docker.io/vieux/sshfs:latest", with "@digest" when present
    QString familiarString() const; // "vieux/sshfs:latest", with "@digest" when present

    // The local name Docker gives a pulled plugin (moby getName): the familiar repository with the tag,
    // or ":latest" when the reference has a digest but no tag.
    QString localName() const;

    bool operator==(const Reference &other) const = default;

private:
    QString m_domain;
    QString m_path;
    QString m_tag;
    QString m_digest;
};

} // namespace core
