#include "core/plugin/reference.h"

#include <optional>

namespace core {

namespace {

const QString kDefaultDomain = QStringLiteral("docker.io");
const QString kLegacyDefaultDomain = QStringLiteral("index.docker.io");
const QString kLocalhost = QStringLiteral("localhost");
const QString kOfficialPrefix = QStringLiteral("library/");
const QString kDefaultTag = QStringLiteral("latest");

// distribution's NameTotalLengthMax and the tag regexp's {0,127}.
constexpr qsizetype kNameTotalLengthMax = 255;
constexpr qsizetype kTagLengthMax = 128;

bool isLowerAlnum(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9');
}

bool isAsciiAlnum(QChar c)
{
    return isLowerAlnum(c) || (c >= u'A' && c <= u'Z');
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isHexDigit(QChar c)
{
    return isDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

// Go's \w: ASCII only.
bool isWordChar(QChar c)
{
    return isAsciiAlnum(c) || c == u'_';
}

bool isLowerHex(QStringView s)
{
    for (QChar c : s) {
        if (!isDigit(c) && !(c >= u'a' && c <= u'f'))
            return false;
    }
    return true;
}

// The character at `i` as the user typed it, keeping a surrogate pair whole so the message shows the real glyph.
QString charAt(QStringView s, qsizetype i)
{
    if (s.at(i).isHighSurrogate() && i + 1 < s.size() && s.at(i + 1).isLowSurrogate())
        return s.mid(i, 2).toString();
    return QString(s.at(i));
}

// Index of the first character that fails `allowed`, or -1.
template<typename Pred>
qsizetype firstInvalid(QStringView s, Pred allowed)
{
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (!allowed(s.at(i)))
            return i;
    }
    return -1;
}

Error invalid(const QString &message)
{
    return Error{ErrorCode::InvalidArgument, message};
}

// distribution's pathComponent: [a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*. Characters are checked by the caller.
bool isValidPathComponent(QStringView component)
{
    if (component.isEmpty() || !isLowerAlnum(component.front()) || !isLowerAlnum(component.back()))
        return false;
    qsizetype i = 0;
    while (i < component.size()) {
        if (isLowerAlnum(component.at(i))) {
            ++i;
            continue;
        }
        qsizetype end = i;
        while (end < component.size() && !isLowerAlnum(component.at(end)))
            ++end;
        const QStringView separator = component.mid(i, end - i);
        const bool allDashes = firstInvalid(separator, [](QChar c) { return c == u'-'; }) < 0;
        if (separator != u"." && separator != u"_" && separator != u"__" && !allDashes)
            return false;
        i = end;
    }
    return true;
}

// distribution's domainNameComponent: [a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9].
bool isValidDomainComponent(QStringView component)
{
    return !component.isEmpty() && isAsciiAlnum(component.front()) && isAsciiAlnum(component.back());
}

// Hex digits per algorithm that go-digest has available in Docker's build.
std::optional<qsizetype> digestHexLength(QStringView algorithm)
{
    if (algorithm == u"sha256")
        return 64;
    if (algorithm == u"sha384")
        return 96;
    if (algorithm == u"sha512")
        return 128;
    return std::nullopt;
}

} // namespace

// Follows distribution's ParseNormalizedNamed step by step (64-hex check, splitDockerDomain, the lowercase check on
// the remote name, then the reference grammar and go-digest validation), but reports which part failed instead of a
// bare "invalid reference format".
Result<Reference> Reference::parse(const QString &text)
{
    if (text.isEmpty())
        return invalid(tr("invalid reference format: empty reference"));

    if (text.size() == 64 && isLowerHex(text))
        return invalid(tr("invalid repository name (%1), cannot specify 64-byte hexadecimal strings").arg(text));

    // splitDockerDomain: the first component is a domain only if it looks like one; uppercase counts because
    // repository paths may not contain it.
    QString domain;
    QString remainder;
    const qsizetype slash = text.indexOf(u'/');
    if (slash < 0) {
        domain = kDefaultDomain;
        remainder = text;
    } else {
        const QString first = text.left(slash);
        const bool looksLikeDomain =
            first == kLocalhost || first.contains(u'.') || first.contains(u':') || first.toLower() != first;
        if (looksLikeDomain) {
            domain = first == kLegacyDefaultDomain ? kDefaultDomain : first;
            remainder = text.mid(slash + 1);
        } else {
            domain = kDefaultDomain;
            remainder = text;
        }
    }
    if (domain == kDefaultDomain && !remainder.contains(u'/'))
        remainder.prepend(kOfficialPrefix);

    // Docker cuts the remote name at the first ':' only, so a digest's algorithm is part of what it checks here.
    const qsizetype colon = remainder.indexOf(u':');
    const QString remote = colon < 0 ? remainder : remainder.left(colon);
    if (remote.toLower() != remote)
        return invalid(tr("invalid reference format: repository name (%1) must be lowercase").arg(remote));

    // Domain: a bracketed IPv6 address or dot-separated host name components, then an optional :port.
    if (domain != kDefaultDomain) {
        QStringView host = domain;
        QStringView port;
        bool hasPort = false;
        if (domain.startsWith(u'[')) {
            const qsizetype close = domain.indexOf(u']');
            if (close < 0)
                return invalid(tr("invalid reference format: domain \"%1\" has an unclosed '['").arg(domain));
            const QStringView address = QStringView(domain).mid(1, close - 1);
            const qsizetype bad = firstInvalid(address, [](QChar c) { return isHexDigit(c) || c == u':'; });
            if (address.isEmpty() || bad >= 0)
                return invalid(tr("invalid reference format: domain \"%1\" is not a valid IPv6 address").arg(domain));
            const QStringView rest = QStringView(domain).mid(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(u':'))
                return invalid(
                    tr("invalid reference format: domain \"%1\" has characters after ']' that are not a port")
                        .arg(domain));
            host = QStringView(domain).left(close + 1);
            hasPort = !rest.isEmpty();
            port = rest.mid(hasPort ? 1 : 0);
        } else {
            const qsizetype portSep = domain.indexOf(u':');
            if (portSep >= 0) {
                host = QStringView(domain).left(portSep);
                port = QStringView(domain).mid(portSep + 1);
                hasPort = true;
            }
            const qsizetype bad = firstInvalid(host, [](QChar c) { return isAsciiAlnum(c) || c == u'.' || c == u'-'; });
            if (bad >= 0)
                return invalid(tr("invalid reference format: domain \"%1\" contains an invalid character '%2'")
                                   .arg(domain, charAt(host, bad)));
            for (QStringView component : host.split(u'.')) {
                if (!isValidDomainComponent(component))
                    return invalid(tr("invalid reference format: domain \"%1\" is not a valid host name: each part "
                                      "between dots must start and end with a letter or digit")
                                       .arg(domain));
            }
        }
        if (hasPort && (port.isEmpty() || firstInvalid(port, isDigit) >= 0))
            return invalid(tr("invalid reference format: port in domain \"%1\" must be a number").arg(domain));
    }

    // The path ends at the tag's ':' or the digest's '@'; neither may appear inside it.
    qsizetype nameEnd = remainder.size();
    for (qsizetype i = 0; i < remainder.size(); ++i) {
        if (remainder.at(i) == u':' || remainder.at(i) == u'@') {
            nameEnd = i;
            break;
        }
    }
    const QString path = remainder.left(nameEnd);
    const qsizetype badPathChar =
        firstInvalid(path, [](QChar c) { return isLowerAlnum(c) || c == u'.' || c == u'_' || c == u'-' || c == u'/'; });
    if (badPathChar >= 0)
        return invalid(tr("invalid reference format: \"%1\" contains an invalid character '%2'")
                           .arg(text, charAt(path, badPathChar)));
    for (QStringView component : QStringView(path).split(u'/')) {
        if (component.isEmpty())
            return invalid(tr("invalid reference format: \"%1\" has an empty path component").arg(text));
        if (!isValidPathComponent(component))
            return invalid(tr("invalid reference format: path component \"%1\" must start and end with a lowercase "
                              "letter or digit, with only '.', '_', '__' or dashes between them")
                               .arg(component.toString()));
    }

    QStringView rest = QStringView(remainder).mid(nameEnd);
    QString tag;
    if (rest.startsWith(u':')) {
        qsizetype tagEnd = rest.indexOf(u'@');
        if (tagEnd < 0)
            tagEnd = rest.size();
        tag = rest.mid(1, tagEnd - 1).toString();
        rest = rest.mid(tagEnd);
        if (tag.isEmpty())
            return invalid(tr("invalid reference format: \"%1\" has an empty tag after ':'").arg(text));
        const qsizetype bad = firstInvalid(tag, [](QChar c) { return isWordChar(c) || c == u'.' || c == u'-'; });
        if (bad >= 0)
            return invalid(tr("invalid reference format: tag \"%1\" contains an invalid character '%2'")
                               .arg(tag, charAt(tag, bad)));
        if (!isWordChar(tag.front()))
            return invalid(
                tr("invalid reference format: tag \"%1\" must start with a letter, a digit or '_'").arg(tag));
        if (tag.size() > kTagLengthMax)
            return invalid(tr("invalid reference format: tag \"%1\" must not be more than %2 characters")
                               .arg(tag)
                               .arg(kTagLengthMax));
    }

    QString digest;
    QString algorithm;
    QStringView hex;
    if (rest.startsWith(u'@')) {
        digest = rest.mid(1).toString();
        if (digest.isEmpty())
            return invalid(tr("invalid reference format: \"%1\" has an empty digest after '@'").arg(text));
        const qsizetype sep = digest.indexOf(u':');
        if (sep <= 0 || sep + 1 == digest.size())
            return invalid(tr("invalid reference format: digest \"%1\" must be of the form algorithm:hex").arg(digest));
        algorithm = digest.left(sep);
        hex = QStringView(digest).mid(sep + 1);
        // The grammar's algorithm: letters and digits, starting with a letter, joined by single '-', '_', '+', '.'.
        bool algorithmOk = true;
        bool atStart = true;
        for (QChar c : algorithm) {
            if (atStart) {
                algorithmOk = algorithmOk && ((c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z'));
                atStart = false;
            } else if (c == u'-' || c == u'_' || c == u'+' || c == u'.') {
                atStart = true;
            } else {
                algorithmOk = algorithmOk && isAsciiAlnum(c);
            }
        }
        if (!algorithmOk || atStart)
            return invalid(tr("invalid reference format: digest algorithm \"%1\" is malformed").arg(algorithm));
        const qsizetype bad = firstInvalid(hex, isHexDigit);
        if (bad >= 0)
            return invalid(tr("invalid reference format: digest \"%1\" contains an invalid character '%2'")
                               .arg(digest, charAt(hex, bad)));
        if (hex.size() < 32)
            return invalid(tr("invalid reference format: digest \"%1\" is too short").arg(digest));
    }

    const QString name = domain + u'/' + path;
    if (name.size() > kNameTotalLengthMax)
        return invalid(tr("repository name must not be more than %1 characters").arg(kNameTotalLengthMax));

    // go-digest's checks, in its order: algorithm known, then length, then lowercase hex.
    if (!digest.isEmpty()) {
        const std::optional<qsizetype> wanted = digestHexLength(algorithm);
        if (!wanted)
            return invalid(tr("invalid reference format: digest \"%1\" uses an unsupported digest algorithm \"%2\"")
                               .arg(digest, algorithm));
        if (hex.size() != *wanted)
            return invalid(tr("invalid reference format: digest \"%1\" has an invalid checksum digest length: %2 "
                              "needs %3 hex digits, not %4")
                               .arg(digest, algorithm)
                               .arg(*wanted)
                               .arg(hex.size()));
        if (!isLowerHex(hex))
            return invalid(tr("invalid reference format: digest \"%1\" has an invalid checksum digest format: hex "
                              "digits must be lowercase")
                               .arg(digest));
    }

    Reference ref;
    ref.m_domain = domain;
    ref.m_path = path;
    ref.m_tag = tag;
    ref.m_digest = digest;
    return ref;
}

Reference Reference::withDefaultTag() const
{
    if (isNull() || hasTag() || hasDigest())
        return *this;
    return withTag(kDefaultTag);
}

Reference Reference::withTag(const QString &tag) const
{
    Reference ref = trimmed();
    ref.m_tag = tag;
    return ref;
}

Reference Reference::trimmed() const
{
    Reference ref;
    ref.m_domain = m_domain;
    ref.m_path = m_path;
    return ref;
}

QString Reference::name() const
{
    if (isNull())
        return {};
    return m_domain + u'/' + m_path;
}

// distribution's familiarizeName: Docker Hub loses its domain, and "library/" only when nothing is nested below it.
QString Reference::familiarName() const
{
    if (isNull())
        return {};
    if (m_domain != kDefaultDomain)
        return name();
    if (m_path.startsWith(kOfficialPrefix)) {
        QString rest = m_path.mid(kOfficialPrefix.size());
        if (!rest.contains(u'/'))
            return rest;
    }
    return m_path;
}

namespace {

QString withSuffixes(QString base, const QString &tag, const QString &digest)
{
    if (!tag.isEmpty())
        base += u':' + tag;
    if (!digest.isEmpty())
        base += u'@' + digest;
    return base;
}

} // namespace

QString Reference::toString() const
{
    if (isNull())
        return {};
    return withSuffixes(name(), m_tag, m_digest);
}

QString Reference::familiarString() const
{
    if (isNull())
        return {};
    return withSuffixes(familiarName(), m_tag, m_digest);
}

QString Reference::localName() const
{
    if (isNull())
        return {};
    return familiarName() + u':' + (hasTag() ? m_tag : kDefaultTag);
}

} // namespace core
