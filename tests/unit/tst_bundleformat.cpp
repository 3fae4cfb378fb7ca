// The bundle format's own rules, without a store: which entry names a bundle may hold (zip slip and strays
// refused, each with its code), the header's JSON both ways, and a writer/reader round trip in memory (QBuffer)
// whose reader checks sizes and digests as it streams.
#include "core/archive/bundleheader.h"
#include "core/archive/bundlereader.h"
#include "core/archive/bundlewriter.h"
#include "core/plugin/manifest.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;

using namespace core;

Q_DECLARE_METATYPE(core::ErrorCode)

namespace {

QString digestOf(const QByteArray &data)
{
    return QStringLiteral("sha256:") +
           QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
}

// The parts of a small bundle: a config, one layer filled with `fill`, the manifest naming both, and the header.
struct SampleBundle
{
    QByteArray config = R"({"description":"x","interface":{"types":["docker.volumedriver/1.0"]}})";
    QByteArray layer;
    Descriptor configDescriptor;
    Descriptor layerDescriptor;
    QByteArray manifest;
    BundleHeader header;

    explicit SampleBundle(char fill)
        : layer(300000, fill)
        , configDescriptor{Manifest::PluginConfigV1, digestOf(config), config.size(), {}, {}, {}}
        , layerDescriptor{Manifest::LayerGzip, digestOf(layer), layer.size(), {}, {}, {}}
        , manifest(Manifest::schema2(configDescriptor, {layerDescriptor}))
    {
        header.name = QStringLiteral("acme/vol:latest");
        header.tag = QStringLiteral("latest");
        header.manifestDigest = Manifest::digestOf(manifest);
    }
};

} // namespace

class TestBundleFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void entryNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("allowed");
        QTest::addColumn<core::ErrorCode>("code");
        const QString hex(64, QLatin1Char('a'));
        QTest::newRow("header") << "plugdesk-bundle.json" << true << ErrorCode::Corrupt;
        QTest::newRow("manifest") << "manifest.json" << true << ErrorCode::Corrupt;
        QTest::newRow("blob") << u"blobs/sha256/"_s + hex << true << ErrorCode::Corrupt;
        QTest::newRow("blobs folder") << "blobs/" << true << ErrorCode::Corrupt;
        QTest::newRow("sha256 folder") << "blobs/sha256/" << true << ErrorCode::Corrupt;
        QTest::newRow("parent") << "../evil" << false << ErrorCode::UnsafeArchive;
        QTest::newRow("inner parent") << "blobs/sha256/../../evil" << false << ErrorCode::UnsafeArchive;
        QTest::newRow("absolute") << "/etc/passwd" << false << ErrorCode::UnsafeArchive;
        QTest::newRow("backslash") << "..\\evil" << false << ErrorCode::UnsafeArchive;
        QTest::newRow("drive letter") << "C:evil" << false << ErrorCode::UnsafeArchive;
        QTest::newRow("dot") << "./manifest.json" << false << ErrorCode::UnsafeArchive;
        QTest::newRow("double slash") << "blobs//sha256" << false << ErrorCode::UnsafeArchive;
        QTest::newRow("empty") << "" << false << ErrorCode::UnsafeArchive;
        QTest::newRow("upper-case hex") << u"blobs/sha256/"_s + hex.toUpper() << false << ErrorCode::Corrupt;
        QTest::newRow("short hex") << "blobs/sha256/abc" << false << ErrorCode::Corrupt;
        QTest::newRow("other digest") << u"blobs/sha512/"_s + hex << false << ErrorCode::Corrupt;
        QTest::newRow("stray file") << "README" << false << ErrorCode::Corrupt;
    }

    void entryNames()
    {
        QFETCH(QString, name);
        QFETCH(bool, allowed);
        QFETCH(core::ErrorCode, code);
        ErrorCode got = ErrorCode::Internal;
        const QString problem = BundleReader::entryProblem(name, &got);
        QCOMPARE(problem.isEmpty(), allowed);
        if (!allowed) {
            QCOMPARE(got, code);
            if (!name.isEmpty())
                QVERIFY2(problem.contains(name), qPrintable(problem));
        }
    }

    void headerRoundTrip()
    {
        BundleHeader header;
        header.name = QStringLiteral("localhost:5000/acme/vol:1.0");
        header.tag = QStringLiteral("1.0");
        header.pluginReference = QStringLiteral("localhost:5000/acme/vol:1.0");
        header.manifestDigest = QStringLiteral("sha256:") + QString(64, QLatin1Char('b'));
        auto read = BundleHeader::fromJson(header.toJson());
        QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
        QCOMPARE(read->name, header.name);
        QCOMPARE(read->tag, header.tag);
        QCOMPARE(read->pluginReference, header.pluginReference);
        QCOMPARE(read->manifestDigest, header.manifestDigest);
        QCOMPARE(read->version, 1);
    }

    void badHeaders_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<core::ErrorCode>("code");
        QTest::addColumn<QString>("message");
        const QByteArray digest = "\"sha256:" + QByteArray(64, 'c') + "\"";
        const QByteArray good =
            "\"Format\": \"plugdesk-bundle\", \"Name\": \"a/b:1\", \"Tag\": \"1\", \"Manifest\": " + digest;
        QTest::newRow("not json") << QByteArray("nope") << ErrorCode::Corrupt << "not a JSON object";
        QTest::newRow("other format") << QByteArray("{\"Format\": \"oci\", \"Version\": 1}") << ErrorCode::Corrupt
                                      << "not a Plugdesk plugin bundle";
        QTest::newRow("no version") << "{" + good + "}" << ErrorCode::Corrupt << "\"Version\"";
        QTest::newRow("fraction version") << "{" + good + ", \"Version\": 1.5}" << ErrorCode::Corrupt << "\"Version\"";
        QTest::newRow("newer") << "{" + good + ", \"Version\": 7}" << ErrorCode::Unsupported << "version 7";
        QTest::newRow("bad name") << "{" + QByteArray(good).replace("a/b:1", "A B") + ", \"Version\": 1}"
                                  << ErrorCode::Corrupt << "\"Name\"";
        QTest::newRow("name without tag") << "{" + QByteArray(good).replace("a/b:1", "a/b") + ", \"Version\": 1}"
                                          << ErrorCode::Corrupt << "with a tag";
        QTest::newRow("tag not the name's")
            << "{" + QByteArray(good).replace("\"Tag\": \"1\"", "\"Tag\": \"2\"") + ", \"Version\": 1}"
            << ErrorCode::Corrupt << "\"Tag\"";
        QTest::newRow("bad digest") << "{" + QByteArray(good).replace("sha256:", "md5:") + ", \"Version\": 1}"
                                    << ErrorCode::Corrupt << "\"Manifest\"";
    }

    void badHeaders()
    {
        QFETCH(QByteArray, json);
        QFETCH(core::ErrorCode, code);
        QFETCH(QString, message);
        auto read = BundleHeader::fromJson(json);
        QVERIFY(!read.ok());
        QCOMPARE(read.error().code, code);
        QVERIFY2(read.error().message.contains(message), qPrintable(read.error().message));
    }

    // A source that does not hold what its digest says is refused; the entry it began spoils the zip, which is why
    // an export writes into a PendingFile that a failure drops.
    void writerRefusesAWrongBlob()
    {
        const SampleBundle sample('L');
        const auto &[config, layer, configDescriptor, layerDescriptor, manifest, header] = sample;

        QBuffer zip;
        QVERIFY(zip.open(QIODevice::ReadWrite));
        {
            BundleWriter writer(&zip);
            QVERIFY(writer.open().ok());
            QVERIFY(writer.addBytes(BundleHeader::headerEntry(), header.toJson()).ok());
            QVERIFY(writer.addBytes(BundleHeader::manifestEntry(), manifest).ok());
            QBuffer configSource;
            configSource.setData(config);
            configSource.open(QIODevice::ReadOnly);
            QVERIFY(writer.addBlob(configDescriptor.digest, config.size(), &configSource, {}, {}).ok());
            QBuffer layerSource;
            layerSource.setData(layer);
            layerSource.open(QIODevice::ReadOnly);
            qint64 lastProgress = 0;
            QVERIFY(writer
                        .addBlob(layerDescriptor.digest, layer.size(), &layerSource,
                                 [&](qint64 done) { lastProgress = done; }, {})
                        .ok());
            QCOMPARE(lastProgress, layer.size());
            // A source that does not hold what its digest says never goes into a bundle.
            QBuffer wrong;
            wrong.setData(QByteArray("not the layer"));
            wrong.open(QIODevice::ReadOnly);
            auto refused = writer.addBlob(layerDescriptor.digest, 13, &wrong, {}, {});
            QVERIFY(!refused.ok());
            QCOMPARE(refused.error().code, ErrorCode::DigestMismatch);
            QVERIFY(writer.close().ok());
        }

        // The refused blob made the zip hold a stray second copy of the layer entry: the reader says so.
        zip.seek(0);
        BundleReader strict(&zip);
        auto opened = strict.open();
        QVERIFY(!opened.ok());
        QVERIFY2(opened.error().message.contains(u"appears twice"_s), qPrintable(opened.error().message));
    }

    void readBack()
    {
        const SampleBundle sample('M');
        const auto &[config, layer, configDescriptor, layerDescriptor, manifest, header] = sample;
        QBuffer zip;
        QVERIFY(zip.open(QIODevice::ReadWrite));
        BundleWriter writer(&zip);
        QVERIFY(writer.open().ok());
        QVERIFY(writer.addBytes(BundleHeader::headerEntry(), header.toJson()).ok());
        QVERIFY(writer.addBytes(BundleHeader::manifestEntry(), manifest).ok());
        for (const auto &[descriptor, data] :
             {std::pair{configDescriptor, config}, std::pair{layerDescriptor, layer}}) {
            QBuffer source;
            source.setData(data);
            source.open(QIODevice::ReadOnly);
            QVERIFY(writer.addBlob(descriptor.digest, data.size(), &source, {}, {}).ok());
        }
        QVERIFY(writer.close().ok());

        zip.seek(0);
        BundleReader reader(&zip);
        auto opened = reader.open();
        QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
        QCOMPARE(reader.header().name, header.name);
        QCOMPARE(reader.manifest().digest, header.manifestDigest);
        QCOMPARE(reader.config(), config);
        QByteArray streamed;
        auto read = reader.readBlob(reader.manifest().layers.first(), [&](const char *data, qsizetype size) -> Status {
            streamed.append(data, size);
            return {};
        });
        QVERIFY(read.ok());
        QCOMPARE(streamed, layer);
        // Streaming stops as soon as an entry holds more than its descriptor says.
        Descriptor shorter = layerDescriptor;
        shorter.size = layer.size() - 1;
        qint64 passed = 0;
        auto refused = reader.readBlob(shorter, [&](const char *, qsizetype size) -> Status {
            passed += size;
            return {};
        });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::DigestMismatch);
        QVERIFY2(refused.error().message.contains(u"holds more than"_s), qPrintable(refused.error().message));
        QVERIFY(passed <= shorter.size);
        // A descriptor the bundle has no entry for.
        Descriptor absent = layerDescriptor;
        absent.digest = digestOf("something else");
        auto missing = reader.readBlob(absent, [](const char *, qsizetype) -> Status { return {}; });
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message.contains(u"missing"_s), qPrintable(missing.error().message));

        // A limit on what the entries hold together: the exact total passes, a byte less is refused from the
        // zip's directory, naming the entry that passes it.
        const qint64 total = header.toJson().size() + manifest.size() + config.size() + layer.size();
        zip.seek(0);
        BundleReader fits(&zip, total);
        QVERIFY(fits.open().ok());
        zip.seek(0);
        BundleReader tight(&zip, total - 1);
        auto tooLarge = tight.open();
        QVERIFY(!tooLarge.ok());
        QVERIFY(tight.tooLarge());
        QCOMPARE(tooLarge.error().code, ErrorCode::UnsafeArchive);
        QVERIFY2(tooLarge.error().message.startsWith(BundleHeader::blobEntry(layerDescriptor.digest)),
                 qPrintable(tooLarge.error().message));
        QVERIFY(!fits.tooLarge());
    }
};

QTEST_GUILESS_MAIN(TestBundleFormat)
#include "tst_bundleformat.moc"
