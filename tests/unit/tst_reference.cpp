#include "core/plugin/reference.h"

#include <QTest>

using namespace Qt::StringLiterals;

using core::ErrorCode;
using core::Reference;

namespace {

// A valid sha256 digest body; the rows build on it so a typo cannot hide in 64 characters.
const QString kHex = QStringLiteral("0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
const QString kDigest = QStringLiteral("sha256:") + kHex;

} // namespace

class TestReference final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parseGood_data();
    void parseGood();
    void roundTrip_data();
    void roundTrip();
    void parseBad_data();
    void parseBad();
    void derivedReferences();
    void nullReference();
};

void TestReference::parseGood_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("domain");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QString>("digest");
    QTest::addColumn<QString>("full");
    QTest::addColumn<QString>("familiar");
    QTest::addColumn<QString>("local");

    const QString hub = QStringLiteral("docker.io");
    const QString none;

    // Docker Hub, familiar and official names.
    QTest::newRow("user/repo") << "vieux/sshfs" << hub << "vieux/sshfs" << none << none << "docker.io/vieux/sshfs"
                               << "vieux/sshfs"
                               << "vieux/sshfs:latest";
    QTest::newRow("official") << "sshfs" << hub << "library/sshfs" << none << none << "docker.io/library/sshfs"
                              << "sshfs"
                              << "sshfs:latest";
    QTest::newRow("official tag") << "sshfs:1.0" << hub << "library/sshfs"
                                  << "1.0" << none << "docker.io/library/sshfs:1.0"
                                  << "sshfs:1.0"
                                  << "sshfs:1.0";
    QTest::newRow("full official tag") << "docker.io/library/sshfs:1" << hub << "library/sshfs"
                                       << "1" << none << "docker.io/library/sshfs:1"
                                       << "sshfs:1"
                                       << "sshfs:1";
    QTest::newRow("docker.io single") << "docker.io/sshfs" << hub << "library/sshfs" << none << none
                                      << "docker.io/library/sshfs"
                                      << "sshfs"
                                      << "sshfs:latest";
    QTest::newRow("docker.io user tag") << "docker.io/vieux/sshfs:next" << hub << "vieux/sshfs"
                                        << "next" << none << "docker.io/vieux/sshfs:next"
                                        << "vieux/sshfs:next"
                                        << "vieux/sshfs:next";
    QTest::newRow("index.docker.io user")
        << "index.docker.io/vieux/sshfs" << hub << "vieux/sshfs" << none << none << "docker.io/vieux/sshfs"
        << "vieux/sshfs"
        << "vieux/sshfs:latest";
    QTest::newRow("index.docker.io official") << "index.docker.io/busybox:1.36" << hub << "library/busybox"
                                              << "1.36" << none << "docker.io/library/busybox:1.36"
                                              << "busybox:1.36"
                                              << "busybox:1.36";
    QTest::newRow("library prefix") << "library/busybox" << hub << "library/busybox" << none << none
                                    << "docker.io/library/busybox"
                                    << "busybox"
                                    << "busybox:latest";
    QTest::newRow("library nested") << "library/a/b" << hub << "library/a/b" << none << none << "docker.io/library/a/b"
                                    << "library/a/b"
                                    << "library/a/b:latest";
    QTest::newRow("hub nested") << "a/b/c/d/e" << hub << "a/b/c/d/e" << none << none << "docker.io/a/b/c/d/e"
                                << "a/b/c/d/e"
                                << "a/b/c/d/e:latest";
    QTest::newRow("docker.io alone") << "docker.io" << hub << "library/docker.io" << none << none
                                     << "docker.io/library/docker.io"
                                     << "docker.io"
                                     << "docker.io:latest";
    QTest::newRow("localhost alone") << "localhost" << hub << "library/localhost" << none << none
                                     << "docker.io/library/localhost"
                                     << "localhost"
                                     << "localhost:latest";
    // Without a '/', "localhost:5000" is a repository with a tag, as in Docker.
    QTest::newRow("localhost:port alone") << "localhost:5000" << hub << "library/localhost"
                                          << "5000" << none << "docker.io/library/localhost:5000"
                                          << "localhost:5000"
                                          << "localhost:5000";
    QTest::newRow("digits") << "0/0" << hub << "0/0" << none << none << "docker.io/0/0"
                            << "0/0"
                            << "0/0:latest";

    // Registries: localhost, host names, ports, IPs.
    QTest::newRow("localhost") << "localhost/foo"
                               << "localhost"
                               << "foo" << none << none << "localhost/foo"
                               << "localhost/foo"
                               << "localhost/foo:latest";
    QTest::newRow("localhost port") << "localhost:5000/foo/bar"
                                    << "localhost:5000"
                                    << "foo/bar" << none << none << "localhost:5000/foo/bar"
                                    << "localhost:5000/foo/bar"
                                    << "localhost:5000/foo/bar:latest";
    QTest::newRow("localhost port tag") << "localhost:5000/foo/bar:v2"
                                        << "localhost:5000"
                                        << "foo/bar"
                                        << "v2" << none << "localhost:5000/foo/bar:v2"
                                        << "localhost:5000/foo/bar:v2"
                                        << "localhost:5000/foo/bar:v2";
    QTest::newRow("host") << "registry.example.com/team/plugin:1.2.3"
                          << "registry.example.com"
                          << "team/plugin"
                          << "1.2.3" << none << "registry.example.com/team/plugin:1.2.3"
                          << "registry.example.com/team/plugin:1.2.3"
                          << "registry.example.com/team/plugin:1.2.3";
    QTest::newRow("host single component") << "registry.example.com:443/plugin"
                                           << "registry.example.com:443"
                                           << "plugin" << none << none << "registry.example.com:443/plugin"
                                           << "registry.example.com:443/plugin"
                                           << "registry.example.com:443/plugin:latest";
    QTest::newRow("gcr") << "gcr.io/project/image:tag"
                         << "gcr.io"
                         << "project/image"
                         << "tag" << none << "gcr.io/project/image:tag"
                         << "gcr.io/project/image:tag"
                         << "gcr.io/project/image:tag";
    QTest::newRow("ipv4 port") << "127.0.0.1:5000/sshfs"
                               << "127.0.0.1:5000"
                               << "sshfs" << none << none << "127.0.0.1:5000/sshfs"
                               << "127.0.0.1:5000/sshfs"
                               << "127.0.0.1:5000/sshfs:latest";
    QTest::newRow("ipv4") << "10.0.0.1/a/b/c"
                          << "10.0.0.1"
                          << "a/b/c" << none << none << "10.0.0.1/a/b/c"
                          << "10.0.0.1/a/b/c"
                          << "10.0.0.1/a/b/c:latest";
    QTest::newRow("ipv6 port") << "[::1]:5000/foo"
                               << "[::1]:5000"
                               << "foo" << none << none << "[::1]:5000/foo"
                               << "[::1]:5000/foo"
                               << "[::1]:5000/foo:latest";
    QTest::newRow("ipv6") << "[fe80::1]/foo:x"
                          << "[fe80::1]"
                          << "foo"
                          << "x" << none << "[fe80::1]/foo:x"
                          << "[fe80::1]/foo:x"
                          << "[fe80::1]/foo:x";
    QTest::newRow("bare host with port") << "example:5000/foo"
                                         << "example:5000"
                                         << "foo" << none << none << "example:5000/foo"
                                         << "example:5000/foo"
                                         << "example:5000/foo:latest";
    QTest::newRow("uppercase domain") << "Registry.Example.COM/foo"
                                      << "Registry.Example.COM"
                                      << "foo" << none << none << "Registry.Example.COM/foo"
                                      << "Registry.Example.COM/foo"
                                      << "Registry.Example.COM/foo:latest";
    QTest::newRow("uppercase first part is a domain") << "MyHost/foo"
                                                      << "MyHost"
                                                      << "foo" << none << none << "MyHost/foo"
                                                      << "MyHost/foo"
                                                      << "MyHost/foo:latest";
    QTest::newRow("dashed domain") << "my-registry.local/a-b/c__d"
                                   << "my-registry.local"
                                   << "a-b/c__d" << none << none << "my-registry.local/a-b/c__d"
                                   << "my-registry.local/a-b/c__d"
                                   << "my-registry.local/a-b/c__d:latest";

    // Path separators.
    QTest::newRow("separators") << "foo/a.b_c--d" << hub << "foo/a.b_c--d" << none << none << "docker.io/foo/a.b_c--d"
                                << "foo/a.b_c--d"
                                << "foo/a.b_c--d:latest";
    QTest::newRow("many dashes") << "foo/a---b" << hub << "foo/a---b" << none << none << "docker.io/foo/a---b"
                                 << "foo/a---b"
                                 << "foo/a---b:latest";

    // Tags.
    QTest::newRow("latest") << "foo:latest" << hub << "library/foo"
                            << "latest" << none << "docker.io/library/foo:latest"
                            << "foo:latest"
                            << "foo:latest";
    QTest::newRow("uppercase tag") << "foo:TAG_upper" << hub << "library/foo"
                                   << "TAG_upper" << none << "docker.io/library/foo:TAG_upper"
                                   << "foo:TAG_upper"
                                   << "foo:TAG_upper";
    QTest::newRow("underscore tag") << "foo:_x" << hub << "library/foo"
                                    << "_x" << none << "docker.io/library/foo:_x"
                                    << "foo:_x"
                                    << "foo:_x";
    QTest::newRow("rc tag") << "foo:v1.0-rc.1" << hub << "library/foo"
                            << "v1.0-rc.1" << none << "docker.io/library/foo:v1.0-rc.1"
                            << "foo:v1.0-rc.1"
                            << "foo:v1.0-rc.1";
    const QString longTag = QString(128, u't');
    QTest::newRow("128 character tag") << u"foo:"_s + longTag << hub << "library/foo" << longTag << none
                                       << u"docker.io/library/foo:"_s + longTag << u"foo:"_s + longTag
                                       << u"foo:"_s + longTag;

    // Digests, alone and with a tag.
    QTest::newRow("digest") << u"sshfs@"_s + kDigest << hub << "library/sshfs" << none << kDigest
                            << u"docker.io/library/sshfs@"_s + kDigest << u"sshfs@"_s + kDigest << "sshfs:latest";
    QTest::newRow("tag and digest") << u"repo:tag@"_s + kDigest << hub << "library/repo"
                                    << "tag" << kDigest << u"docker.io/library/repo:tag@"_s + kDigest
                                    << u"repo:tag@"_s + kDigest << "repo:tag";
    QTest::newRow("user tag and digest") << u"vieux/sshfs:1.0@"_s + kDigest << hub << "vieux/sshfs"
                                         << "1.0" << kDigest << u"docker.io/vieux/sshfs:1.0@"_s + kDigest
                                         << u"vieux/sshfs:1.0@"_s + kDigest << "vieux/sshfs:1.0";
    QTest::newRow("registry digest") << u"localhost:5000/foo@"_s + kDigest << "localhost:5000"
                                     << "foo" << none << kDigest << u"localhost:5000/foo@"_s + kDigest
                                     << u"localhost:5000/foo@"_s + kDigest << "localhost:5000/foo:latest";
    const QString sha512 = QStringLiteral("sha512:") + kHex + kHex;
    QTest::newRow("sha512") << u"foo@"_s + sha512 << hub << "library/foo" << none << sha512
                            << u"docker.io/library/foo@"_s + sha512 << u"foo@"_s + sha512 << "foo:latest";
    const QString sha384 = QStringLiteral("sha384:") + kHex + kHex.left(32);
    QTest::newRow("sha384") << u"foo@"_s + sha384 << hub << "library/foo" << none << sha384
                            << u"docker.io/library/foo@"_s + sha384 << u"foo@"_s + sha384 << "foo:latest";

    // 64 hex characters are refused only as the whole input.
    QTest::newRow("64 hex with tag") << kHex + u":t"_s << hub << u"library/"_s + kHex << "t" << none
                                     << u"docker.io/library/"_s + kHex + u":t"_s << kHex + u":t"_s << kHex + u":t"_s;
    QTest::newRow("64 hex under user") << u"u/"_s + kHex << hub << u"u/"_s + kHex << none << none
                                       << u"docker.io/u/"_s + kHex << u"u/"_s + kHex << u"u/"_s + kHex + u":latest"_s;

    // docker.io/ (10) + x/ (2) + 243 = 255, the longest name allowed.
    const QString longPath = u"x/"_s + QString(243, u'a');
    QTest::newRow("255 character name") << longPath << hub << longPath << none << none << u"docker.io/"_s + longPath
                                        << longPath << longPath + u":latest"_s;
}

void TestReference::parseGood()
{
    QFETCH(QString, input);
    QFETCH(QString, domain);
    QFETCH(QString, path);
    QFETCH(QString, tag);
    QFETCH(QString, digest);
    QFETCH(QString, full);
    QFETCH(QString, familiar);
    QFETCH(QString, local);

    const core::Result<Reference> ref = Reference::parse(input);
    QVERIFY2(ref.ok(), qPrintable(ref.ok() ? QString() : ref.error().message));
    QVERIFY(!ref->isNull());
    QCOMPARE(ref->domain(), domain);
    QCOMPARE(ref->path(), path);
    QCOMPARE(ref->tag(), tag);
    QCOMPARE(ref->digest(), digest);
    QCOMPARE(ref->hasTag(), !tag.isEmpty());
    QCOMPARE(ref->hasDigest(), !digest.isEmpty());
    QCOMPARE(ref->name(), domain + u'/' + path);
    QCOMPARE(ref->toString(), full);
    QCOMPARE(ref->familiarString(), familiar);
    QCOMPARE(ref->localName(), local);
}

// Both printed forms parse back to the same reference, as Docker relies on when it stores them.
void TestReference::roundTrip_data()
{
    parseGood_data();
}

void TestReference::roundTrip()
{
    QFETCH(QString, input);
    const core::Result<Reference> ref = Reference::parse(input);
    QVERIFY(ref.ok());
    const core::Result<Reference> fromFull = Reference::parse(ref->toString());
    QVERIFY2(fromFull.ok(), qPrintable(ref->toString()));
    QCOMPARE(*fromFull, *ref);
    const core::Result<Reference> fromFamiliar = Reference::parse(ref->familiarString());
    QVERIFY2(fromFamiliar.ok(), qPrintable(ref->familiarString()));
    QCOMPARE(*fromFamiliar, *ref);
}

void TestReference::parseBad_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("message");

    QTest::newRow("empty") << ""
                           << "invalid reference format: empty reference";
    QTest::newRow("64 hex") << kHex
                            << u"invalid repository name ("_s + kHex +
                                   u"), cannot specify 64-byte hexadecimal strings"_s;

    // Uppercase: refused in the path; the part Docker checks is named.
    QTest::newRow("uppercase path") << "foo/Bar"
                                    << "invalid reference format: repository name (foo/Bar) must be lowercase";
    QTest::newRow("uppercase both") << "Foo/Bar"
                                    << "invalid reference format: repository name (Bar) must be lowercase";
    QTest::newRow("uppercase official")
        << "Sshfs"
        << "invalid reference format: repository name (library/Sshfs) must be lowercase";
    QTest::newRow("uppercase with tag") << "FOO:TAG"
                                        << "repository name (library/FOO) must be lowercase";
    QTest::newRow("uppercase after registry") << "localhost:5000/Foo"
                                              << "repository name (Foo) must be lowercase";
    // Docker cuts the checked name at the first ':', so an uppercase digest algorithm lands in it.
    QTest::newRow("uppercase algorithm") << u"foo@SHA256:"_s + kHex
                                         << "repository name (library/foo@SHA256) must be lowercase";

    // Empty components.
    QTest::newRow("double slash") << "a//b"
                                  << "invalid reference format: \"a//b\" has an empty path component";
    QTest::newRow("trailing slash") << "foo/"
                                    << "invalid reference format: \"foo/\" has an empty path component";
    QTest::newRow("leading slash") << "/foo"
                                   << "invalid reference format: \"/foo\" has an empty path component";
    QTest::newRow("registry only") << "localhost:5000/"
                                   << "invalid reference format: \"localhost:5000/\" has an empty path component";

    // Bad characters and separators in the path.
    QTest::newRow("bang") << "a/b!c"
                          << "invalid reference format: \"a/b!c\" contains an invalid character '!'";
    QTest::newRow("space") << "foo bar"
                           << "invalid reference format: \"foo bar\" contains an invalid character ' '";
    QTest::newRow("non-ascii") << QString::fromUtf8("f\xc3\xb6o")
                               << QString::fromUtf8("contains an invalid character '\xc3\xb6'");
    QTest::newRow("emoji") << QString::fromUtf8("foo\xf0\x9f\x98\x80")
                           << QString::fromUtf8("contains an invalid character '\xf0\x9f\x98\x80'");
    QTest::newRow("leading dash") << "foo/-bar"
                                  << "invalid reference format: path component \"-bar\" must start";
    QTest::newRow("trailing dash") << "foo/bar-"
                                   << "path component \"bar-\" must start and end";
    QTest::newRow("double dot") << "foo/a..b"
                                << "path component \"a..b\"";
    QTest::newRow("triple underscore") << "foo/a___b"
                                       << "path component \"a___b\"";
    QTest::newRow("mixed separator") << "foo/a._b"
                                     << "path component \"a._b\"";

    // Domains.
    QTest::newRow("underscore domain") << "foo_bar.com/x"
                                       << "invalid reference format: domain \"foo_bar.com\" contains an invalid "
                                          "character '_'";
    QTest::newRow("dash domain") << "-foo.com/x"
                                 << "domain \"-foo.com\" is not a valid host name";
    QTest::newRow("empty domain part") << "a..com/x"
                                       << "domain \"a..com\" is not a valid host name";
    QTest::newRow("unbracketed ipv6") << "::1/foo"
                                      << "domain \"::1\"";
    QTest::newRow("unclosed bracket") << "[::1/x"
                                      << "domain \"[::1\" has an unclosed '['";
    QTest::newRow("bad ipv6") << "[zz]:1/x"
                              << "domain \"[zz]:1\" is not a valid IPv6 address";
    // Without '.' or ':' a bracketed first part is not a domain, so it fails as a path.
    QTest::newRow("brackets in path") << "[zz]/x"
                                      << "\"[zz]/x\" contains an invalid character '['";
    QTest::newRow("empty port") << "localhost:/x"
                                << "port in domain \"localhost:\" must be a number";
    QTest::newRow("tag before slash") << "foo:ta/g"
                                      << "port in domain \"foo:ta\" must be a number";

    // Length.
    QTest::newRow("256 character name") << u"x/"_s + QString(244, u'a')
                                        << "repository name must not be more than 255 characters";

    // Tags.
    QTest::newRow("empty tag") << "foo:"
                               << "invalid reference format: \"foo:\" has an empty tag after ':'";
    QTest::newRow("dot tag") << "foo:.bad"
                             << "invalid reference format: tag \".bad\" must start with";
    QTest::newRow("dash tag") << "foo:-bad"
                              << "tag \"-bad\" must start with";
    QTest::newRow("129 character tag") << u"foo:"_s + QString(129, u't')
                                       << u"tag \""_s + QString(129, u't') +
                                              u"\" must not be more than 128 characters"_s;
    QTest::newRow("colon in tag") << "foo:bar:baz"
                                  << "tag \"bar:baz\" contains an invalid character ':'";
    QTest::newRow("plus in tag") << "foo:1+2"
                                 << "tag \"1+2\" contains an invalid character '+'";

    // Digests.
    QTest::newRow("empty digest") << "foo@"
                                  << "\"foo@\" has an empty digest after '@'";
    QTest::newRow("no algorithm") << "foo@sha256"
                                  << "digest \"sha256\" must be of the form algorithm:hex";
    QTest::newRow("empty hex") << "foo@sha256:"
                               << "digest \"sha256:\" must be of the form algorithm:hex";
    QTest::newRow("short hex") << "foo@sha256:abc"
                               << "digest \"sha256:abc\" is too short";
    QTest::newRow("40 hex") << u"foo@sha256:"_s + kHex.left(40)
                            << u"digest \"sha256:"_s + kHex.left(40) + u"\" has an invalid checksum digest length"_s;
    QTest::newRow("65 hex") << u"foo@sha256:"_s + kHex + u"0"_s << "invalid checksum digest length: sha256 needs 64";
    QTest::newRow("uppercase hex") << u"foo@sha256:"_s + kHex.toUpper()
                                   << u"digest \"sha256:"_s + kHex.toUpper() +
                                          u"\" has an invalid checksum digest format"_s;
    QTest::newRow("non-hex") << u"foo@sha256:"_s + QString(64, u'g')
                             << u"digest \"sha256:"_s + QString(64, u'g') + u"\" contains an invalid character 'g'"_s;
    QTest::newRow("unknown algorithm") << u"foo@md5:"_s + kHex.left(32) << "unsupported digest algorithm \"md5\"";
    QTest::newRow("malformed algorithm") << u"foo@1sha:"_s + kHex << "digest algorithm \"1sha\" is malformed";
    QTest::newRow("second at") << u"foo@"_s + kDigest + u"@x"_s << "contains an invalid character '@'";
}

void TestReference::parseBad()
{
    QFETCH(QString, input);
    QFETCH(QString, message);

    const core::Result<Reference> ref = Reference::parse(input);
    QVERIFY2(!ref.ok(), qPrintable(ref.ok() ? ref->toString() : QString()));
    QCOMPARE(ref.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(ref.error().message.contains(message), qPrintable(ref.error().message));
}

void TestReference::derivedReferences()
{
    const core::Result<Reference> plain = Reference::parse(QStringLiteral("vieux/sshfs"));
    QVERIFY(plain.ok());
    QCOMPARE(plain->toString(), QStringLiteral("docker.io/vieux/sshfs"));
    QCOMPARE(plain->familiarName(), QStringLiteral("vieux/sshfs"));

    // TagNameOnly adds "latest" only to a bare name.
    const Reference tagged = plain->withDefaultTag();
    QCOMPARE(tagged.toString(), QStringLiteral("docker.io/vieux/sshfs:latest"));
    QCOMPARE(tagged.familiarString(), QStringLiteral("vieux/sshfs:latest"));
    QCOMPARE(tagged.withDefaultTag(), tagged);
    QCOMPARE(Reference::parse(QStringLiteral("sshfs"))->withDefaultTag().toString(),
             QStringLiteral("docker.io/library/sshfs:latest"));

    const core::Result<Reference> both = Reference::parse(u"localhost:5000/foo/bar:v1@"_s + kDigest);
    QVERIFY(both.ok());
    QCOMPARE(both->withDefaultTag(), *both);
    QCOMPARE(both->familiarName(), QStringLiteral("localhost:5000/foo/bar"));

    const core::Result<Reference> digestOnly = Reference::parse(u"foo@"_s + kDigest);
    QVERIFY(digestOnly.ok());
    QCOMPARE(digestOnly->withDefaultTag(), *digestOnly);

    // withTag drops the digest; trimmed drops both.
    const Reference retagged = both->withTag(QStringLiteral("v2"));
    QCOMPARE(retagged.toString(), QStringLiteral("localhost:5000/foo/bar:v2"));
    QVERIFY(!retagged.hasDigest());
    const Reference bare = both->trimmed();
    QCOMPARE(bare.toString(), QStringLiteral("localhost:5000/foo/bar"));
    QVERIFY(!bare.hasTag());
    QVERIFY(!bare.hasDigest());
    QCOMPARE(bare.withDefaultTag().familiarString(), QStringLiteral("localhost:5000/foo/bar:latest"));

    // Equality compares the normalised form, not the text typed.
    QCOMPARE(*Reference::parse(QStringLiteral("index.docker.io/library/busybox")),
             *Reference::parse(QStringLiteral("busybox")));
    QVERIFY(!(*Reference::parse(QStringLiteral("busybox:1")) == *Reference::parse(QStringLiteral("busybox"))));
}

void TestReference::nullReference()
{
    const Reference ref;
    QVERIFY(ref.isNull());
    QVERIFY(!ref.hasTag());
    QVERIFY(!ref.hasDigest());
    QVERIFY(ref.name().isEmpty());
    QVERIFY(ref.familiarName().isEmpty());
    QVERIFY(ref.toString().isEmpty());
    QVERIFY(ref.familiarString().isEmpty());
    QVERIFY(ref.localName().isEmpty());
    QVERIFY(ref.withDefaultTag().isNull());
}

QTEST_APPLESS_MAIN(TestReference)

#include "tst_reference.moc"
