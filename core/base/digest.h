#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

namespace core {

// Content digests as registries, manifests and the blob store write them: "sha256:<64 lower-case hex>".
// Only sha256 is produced or accepted.

// "sha256:<hex>" of `bytes`.
QString sha256Digest(QByteArrayView bytes);
// "sha256:<hex>" of a finished Sha256 result (the raw 32 bytes).
QString sha256DigestOf(const QByteArray &raw);
// True for "sha256:" followed by exactly 64 lower-case hex digits.
bool isSha256Digest(const QString &digest);
// The 12 hex digits after "sha256:", as docker shows a layer ("a3ed95caeb02"); progress items and messages use it.
QString shortDigest(const QString &digest);

} // namespace core
