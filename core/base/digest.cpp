#include "core/base/digest.h"

#include "core/base/sha256.h"

#include <QRegularExpression>

namespace core {

namespace {

const QLatin1String kPrefix("sha256:");

} // namespace

QString sha256Digest(QByteArrayView bytes)
{
    return sha256DigestOf(Sha256::hash(bytes));
}

QString sha256DigestOf(const QByteArray &raw)
{
    return kPrefix + QString::fromLatin1(raw.toHex());
}

bool isSha256Digest(const QString &digest)
{
    static const QRegularExpression pattern(QStringLiteral("^sha256:[0-9a-f]{64}$"));
    return pattern.match(digest).hasMatch();
}

QString shortDigest(const QString &digest)
{
    return digest.startsWith(kPrefix) ? digest.mid(kPrefix.size(), 12) : digest.left(12);
}

} // namespace core
