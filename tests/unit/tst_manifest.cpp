// Manifest::parse: the registry's manifest, manifest list and OCI index JSON, and the descriptors in them. Rows
// marked "fuzz:" come from tests/fuzz/fuzz_registryjson findings.
#include "core/plugin/manifest.h"

#include <QTest>

using namespace Qt::StringLiterals;

namespace {

const QByteArray kDigest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

// A Docker v2 manifest whose config descriptor has `size` written as is.
QByteArray withConfigSize(const QByteArray &size)
{
    return "{\"schemaVersion\": 2, \"mediaType\": \"application/vnd.docker.distribution.manifest.v2+json\", "
           "\"config\": {\"mediaType\": \"application/vnd.docker.plugin.v1+json\", \"digest\": \"" +
           kDigest + "\", \"size\": " + size + "}, \"layers\": []}";
}

} // namespace

class TestManifest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parse_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("contentType");
        QTest::addColumn<qint64>("configSize"); // -1: refused
        QTest::newRow("size 0") << withConfigSize("0") << QString() << qint64(0);
        QTest::newRow("size 1234") << withConfigSize("1234") << QString() << qint64(1234);
        QTest::newRow("size 2^53") << withConfigSize("9007199254740992") << QString() << qint64(9007199254740992);
        QTest::newRow("size negative") << withConfigSize("-1") << QString() << qint64(-1);
        QTest::newRow("size a string") << withConfigSize("\"12\"") << QString() << qint64(-1);
        // fuzz: a size beyond qint64 was cast from double to qint64, which is undefined behaviour (UBSan:
        // "1e+300 is outside the range of representable values of type 'long long'").
        QTest::newRow("fuzz: size 1e300") << withConfigSize("1e300") << QString() << qint64(-1);
        QTest::newRow("fuzz: size 2^63") << withConfigSize("9223372036854775808") << QString() << qint64(-1);
        QTest::newRow("fuzz: size -1e300") << withConfigSize("-1e300") << QString() << qint64(-1);
        // Docker (Go's int64) refuses a fractional size as well.
        QTest::newRow("size 1.5") << withConfigSize("1.5") << QString() << qint64(-1);
    }

    void parse()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, contentType);
        QFETCH(qint64, configSize);
        const auto manifest = core::Manifest::parse(bytes, contentType);
        QCOMPARE(manifest.ok(), configSize >= 0);
        if (!manifest.ok()) {
            QVERIFY2(manifest.error().message.contains(u"config is not a valid descriptor"_s),
                     qPrintable(manifest.error().message));
            return;
        }
        QCOMPARE(manifest->config.size, configSize);
        QCOMPARE(manifest->config.digest, QString::fromLatin1(kDigest));
        QCOMPARE(manifest->digest, core::Manifest::digestOf(bytes));
    }

    void list()
    {
        auto entry = [](const char *size, const char *platform) -> QByteArray {
            return QByteArray("{\"mediaType\": \"application/vnd.docker.distribution.manifest.v2+json\", \"size\": ") +
                   size + ", \"digest\": \"" + kDigest + "\", \"platform\": " + platform + "}";
        };
        const QByteArray bytes =
            "{\"schemaVersion\": 2, \"mediaType\": \"application/vnd.docker.distribution.manifest.list.v2+json\", "
            "\"manifests\": [" +
            entry("10", "{\"os\": \"linux\", \"architecture\": \"arm64\", \"variant\": \"v8\"}") + ", " +
            entry("11", "{\"os\": \"linux\", \"architecture\": \"amd64\"}") + "]}";
        const auto manifest = core::Manifest::parse(bytes, QString());
        QVERIFY2(manifest.ok(), manifest.ok() ? "" : qPrintable(manifest.error().message));
        QVERIFY(manifest->isList());
        QCOMPARE(manifest->entries.size(), 2);
        QCOMPARE(manifest->entryFor(u"linux"_s, u"amd64"_s, QString())->size, 11);
        QCOMPARE(manifest->entryFor(u"linux"_s, u"arm64"_s, QString())->size, 10);
        QVERIFY(!manifest->entryFor(u"linux"_s, u"s390x"_s, QString()));
    }
};

QTEST_GUILESS_MAIN(TestManifest)
#include "tst_manifest.moc"
