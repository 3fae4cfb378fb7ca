#include "core/archive/layerextractor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <archive.h>
#include <archive_entry.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/xattr.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

using core::ErrorCode;
using core::LayerExtractor;
using core::Status;

namespace {

enum class Compression { None, Gzip, Zstd, Xz, Bzip2 };
enum class Format { Pax, GnuTar, Ustar };

// Builds a layer in memory with libarchive's writer, the way `docker plugin create` or a registry would serve it.
class Tar
{
public:
    struct Entry
    {
        QByteArray name;
        mode_t type = AE_IFREG;
        int mode = 0644;
        QByteArray data;
        QByteArray link; // symlink target or hard link target
        bool hardlink = false;
        qint64 uid = 0;
        qint64 gid = 0;
        time_t mtime = 1'600'000'000;
        unsigned major = 0;
        unsigned minor = 0;
        QList<std::pair<QByteArray, QByteArray>> xattrs;
    };

    Tar &file(const QByteArray &name, const QByteArray &data, int mode = 0644)
    {
        Entry &e = next(name, AE_IFREG, mode);
        e.data = data;
        return *this;
    }
    Tar &dir(const QByteArray &name, int mode = 0755)
    {
        next(name, AE_IFDIR, mode);
        return *this;
    }
    Tar &symlink(const QByteArray &name, const QByteArray &target)
    {
        next(name, AE_IFLNK, 0777).link = target;
        return *this;
    }
    Tar &hardlink(const QByteArray &name, const QByteArray &target)
    {
        Entry &e = next(name, AE_IFREG, 0644);
        e.link = target;
        e.hardlink = true;
        return *this;
    }
    Tar &node(const QByteArray &name, mode_t type, unsigned major = 0, unsigned minor = 0, int mode = 0600)
    {
        Entry &e = next(name, type, mode);
        e.major = major;
        e.minor = minor;
        return *this;
    }
    Tar &owner(qint64 uid, qint64 gid)
    {
        m_entries.last().uid = uid;
        m_entries.last().gid = gid;
        return *this;
    }
    Tar &mtime(time_t t)
    {
        m_entries.last().mtime = t;
        return *this;
    }
    Tar &xattr(const QByteArray &key, const QByteArray &value)
    {
        m_entries.last().xattrs.append({key, value});
        return *this;
    }
    Tar &add(const Entry &entry)
    {
        m_entries.append(entry);
        return *this;
    }

    const QList<Entry> &entries() const { return m_entries; }

    QByteArray build(Compression compression = Compression::Gzip, Format format = Format::Pax) const
    {
        QByteArray out;
        archive *a = archive_write_new();
        switch (format) {
        case Format::Pax:
            archive_write_set_format_pax(a);
            break;
        case Format::GnuTar:
            archive_write_set_format_gnutar(a);
            break;
        case Format::Ustar:
            archive_write_set_format_ustar(a);
            break;
        }
        switch (compression) {
        case Compression::None:
            archive_write_add_filter_none(a);
            break;
        case Compression::Gzip:
            archive_write_add_filter_gzip(a);
            break;
        case Compression::Zstd:
            archive_write_add_filter_zstd(a);
            break;
        case Compression::Xz:
            archive_write_add_filter_xz(a);
            break;
        case Compression::Bzip2:
            archive_write_add_filter_bzip2(a);
            break;
        }
        archive_write_set_bytes_in_last_block(a, 1);
        archive_write_open(a, &out, nullptr, &Tar::write, nullptr);
        for (const Entry &e : m_entries) {
            archive_entry *entry = archive_entry_new();
            archive_entry_set_pathname(entry, e.name.constData());
            archive_entry_set_filetype(entry, e.type);
            archive_entry_set_perm(entry, e.mode);
            archive_entry_set_uid(entry, e.uid);
            archive_entry_set_gid(entry, e.gid);
            archive_entry_set_mtime(entry, e.mtime, 0);
            if (e.hardlink)
                archive_entry_set_hardlink(entry, e.link.constData());
            else if (e.type == AE_IFLNK)
                archive_entry_set_symlink(entry, e.link.constData());
            if (e.type == AE_IFCHR || e.type == AE_IFBLK) {
                archive_entry_set_rdevmajor(entry, e.major);
                archive_entry_set_rdevminor(entry, e.minor);
            }
            for (const auto &[key, value] : e.xattrs)
                archive_entry_xattr_add_entry(entry, key.constData(), value.constData(), value.size());
            archive_entry_set_size(entry, e.type == AE_IFREG && !e.hardlink ? e.data.size() : 0);
            if (archive_write_header(a, entry) < ARCHIVE_WARN)
                qWarning("archive_write_header(%s): %s", e.name.constData(), archive_error_string(a));
            if (!e.data.isEmpty())
                archive_write_data(a, e.data.constData(), e.data.size());
            archive_entry_free(entry);
        }
        archive_write_close(a);
        archive_write_free(a);
        return out;
    }

private:
    Entry &next(const QByteArray &name, mode_t type, int mode)
    {
        Entry e;
        e.name = name;
        e.type = type;
        e.mode = mode;
        m_entries.append(e);
        return m_entries.last();
    }

    static la_ssize_t write(archive *, void *client, const void *buffer, size_t size)
    {
        static_cast<QByteArray *>(client)->append(static_cast<const char *>(buffer), qsizetype(size));
        return la_ssize_t(size);
    }

    QList<Entry> m_entries;
};

// What a path in the rootfs is, in one comparable string: "-" missing, "d" directory, "f:<content>",
// "l:<target>", "p" FIFO, "c:<major>,<minor>", "b:<major>,<minor>".
QString describe(const QString &path)
{
    struct stat st;
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return QStringLiteral("-");
    if (S_ISDIR(st.st_mode))
        return QStringLiteral("d");
    if (S_ISLNK(st.st_mode)) {
        QByteArray target(4096, Qt::Uninitialized);
        const ssize_t n = ::readlink(QFile::encodeName(path).constData(), target.data(), target.size());
        return QStringLiteral("l:") + QFile::decodeName(target.left(n < 0 ? 0 : n));
    }
    if (S_ISFIFO(st.st_mode))
        return QStringLiteral("p");
    if (S_ISCHR(st.st_mode))
        return QStringLiteral("c:%1,%2").arg(major(st.st_rdev)).arg(minor(st.st_rdev));
    if (S_ISBLK(st.st_mode))
        return QStringLiteral("b:%1,%2").arg(major(st.st_rdev)).arg(minor(st.st_rdev));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("f?");
    return QStringLiteral("f:") + QString::fromUtf8(file.readAll());
}

QString readLink(const QString &path)
{
    QByteArray target(4096, Qt::Uninitialized);
    const ssize_t n = ::readlink(QFile::encodeName(path).constData(), target.data(), target.size());
    return n < 0 ? QString() : QFile::decodeName(target.left(n));
}

struct stat lstatOf(const QString &path)
{
    struct stat st = {};
    ::lstat(QFile::encodeName(path).constData(), &st);
    return st;
}

// Applies `data` as one layer through the pull API (a QFile), like the install path does for cached blobs.
Status applyBytes(const QByteArray &data, const QString &rootfs, const QString &scratch,
                  LayerExtractor::Options options = LayerExtractor::Options())
{
    const QString layer = scratch + QStringLiteral("/layer.tar");
    QFile file(layer);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return core::Error{ErrorCode::Io, file.errorString()};
    file.write(data);
    file.close();
    return LayerExtractor::applyFile(layer, rootfs, std::move(options));
}

// A scene for one test: T/rootfs (the target), T/outside (a sentinel that must stay empty), T/victim (a file a
// hard link might try to reach), and T/scratch for layer files. A naive extractor would write into `outside`.
struct Scene
{
    QTemporaryDir dir;
    QString rootfs() const { return dir.path() + QStringLiteral("/rootfs"); }
    QString outside() const { return dir.path() + QStringLiteral("/outside"); }
    QString victim() const { return dir.path() + QStringLiteral("/victim"); }
    QString scratch() const { return dir.path() + QStringLiteral("/scratch"); }

    Scene()
    {
        QDir().mkpath(rootfs());
        QDir().mkpath(outside());
        QDir().mkpath(scratch());
        QFile file(victim());
        file.open(QIODevice::WriteOnly);
        file.write("victim");
    }

    // Placeholders in a row's names: @ABS@ is T without its leading "/", @T@ is T's own name.
    QByteArray expand(QByteArray text) const
    {
        text.replace("@ABS@", QFile::encodeName(dir.path().mid(1)));
        text.replace("@T@", QFile::encodeName(QFileInfo(dir.path()).fileName()));
        return text;
    }

    bool untouchedOutside() const
    {
        const QStringList top = QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System);
        const QStringList expected{QStringLiteral("outside"), QStringLiteral("rootfs"), QStringLiteral("scratch"),
                                   QStringLiteral("victim")};
        if (top != expected) {
            qWarning() << "top level now holds" << top;
            return false;
        }
        if (!QDir(outside()).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System | QDir::Hidden)) {
            qWarning() << "the sentinel holds" << QDir(outside()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);
            return false;
        }
        return lstatOf(victim()).st_nlink == 1 && describe(victim()) == QStringLiteral("f:victim");
    }
};

bool fileSystemHasUserXattrs(const QString &dir)
{
    const QByteArray probe = QFile::encodeName(dir + QStringLiteral("/xattr-probe"));
    QFile file(QFile::decodeName(probe));
    file.open(QIODevice::WriteOnly);
    file.close();
    const bool ok = ::setxattr(probe.constData(), "user.probe", "1", 1, 0) == 0;
    ::unlink(probe.constData());
    return ok;
}

} // namespace

Q_DECLARE_METATYPE(Compression)
Q_DECLARE_METATYPE(Format)
Q_DECLARE_METATYPE(Tar)
Q_DECLARE_METATYPE(core::ErrorCode)

class TestLayerExtractor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void regularLayer_data();
    void regularLayer();
    void layering_data();
    void layering();
    void specialFiles_data();
    void specialFiles();
    void ownership();
    void xattrs_data();
    void xattrs();
    void refusals_data();
    void refusals();
    void corrupt_data();
    void corrupt();
    void streaming_data();
    void streaming();
    void streamingStopsOnError();
    void cancel();
    void emptyLayer();
    void missingFile();
    void unpackLimit_data();
    void unpackLimit();
    void checkpoint();
};

void TestLayerExtractor::regularLayer_data()
{
    QTest::addColumn<Compression>("compression");
    QTest::addColumn<Format>("format");
    QTest::newRow("gzip pax") << Compression::Gzip << Format::Pax;
    QTest::newRow("zstd pax") << Compression::Zstd << Format::Pax;
    QTest::newRow("uncompressed pax") << Compression::None << Format::Pax;
    QTest::newRow("xz pax") << Compression::Xz << Format::Pax;
    QTest::newRow("bzip2 pax") << Compression::Bzip2 << Format::Pax;
    QTest::newRow("gzip gnutar") << Compression::Gzip << Format::GnuTar;
    QTest::newRow("uncompressed ustar") << Compression::None << Format::Ustar;
}

void TestLayerExtractor::regularLayer()
{
    QFETCH(Compression, compression);
    QFETCH(Format, format);
    Scene scene;
    const QByteArray big(300 * 1024, 'x');
    const QByteArray layer = Tar()
                                 .dir("./")
                                 .dir("bin", 0755)
                                 .file("bin/tool", "#!/bin/sh\n", 04755)
                                 .mtime(1'500'000'000)
                                 .file("bin/plain", "plain", 0600)
                                 .dir("tmp", 01777)
                                 .dir("etc", 0750)
                                 .mtime(1'400'000'000)
                                 .file("etc/config", "a=b\n", 0640)
                                 .file("etc/big", big)
                                 .symlink("etc/rel", "config")
                                 .symlink("abs", "/etc/config")
                                 .hardlink("etc/config-again", "etc/config")
                                 .file("implicit/parent/file", "made")
                                 .build(compression, format);

    std::vector<LayerExtractor::Progress> seen;
    LayerExtractor::Options options;
    options.progress = [&seen](const LayerExtractor::Progress &p) { seen.push_back(p); };
    const QString path = scene.scratch() + QStringLiteral("/layer");
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(layer);
    file.close();
    const Status status = LayerExtractor::applyFile(path, scene.rootfs(), options);
    QVERIFY2(status.ok(), qPrintable(status.error().message));

    const QString r = scene.rootfs();
    QCOMPARE(describe(r + QStringLiteral("/bin/tool")), QStringLiteral("f:#!/bin/sh\n"));
    QCOMPARE(lstatOf(r + QStringLiteral("/bin/tool")).st_mode & 07777, mode_t(04755));
    QCOMPARE(lstatOf(r + QStringLiteral("/bin/tool")).st_mtime, time_t(1'500'000'000));
    QCOMPARE(lstatOf(r + QStringLiteral("/bin/plain")).st_mode & 07777, mode_t(0600));
    QCOMPARE(describe(r + QStringLiteral("/tmp")), QStringLiteral("d"));
    QCOMPARE(lstatOf(r + QStringLiteral("/tmp")).st_mode & 07777, mode_t(01777));
    QCOMPARE(lstatOf(r + QStringLiteral("/etc")).st_mode & 07777, mode_t(0750));
    // Directory mtimes survive the files created in them afterwards.
    QCOMPARE(lstatOf(r + QStringLiteral("/etc")).st_mtime, time_t(1'400'000'000));
    QCOMPARE(lstatOf(r + QStringLiteral("/etc/config")).st_mode & 07777, mode_t(0640));
    QCOMPARE(describe(r + QStringLiteral("/etc/big")), QStringLiteral("f:") + QString::fromLatin1(big));
    QCOMPARE(readLink(r + QStringLiteral("/etc/rel")), QStringLiteral("config"));
    QCOMPARE(readLink(r + QStringLiteral("/abs")), QStringLiteral("/etc/config"));
    const struct stat original = lstatOf(r + QStringLiteral("/etc/config"));
    const struct stat again = lstatOf(r + QStringLiteral("/etc/config-again"));
    QCOMPARE(again.st_ino, original.st_ino);
    QCOMPARE(original.st_nlink, nlink_t(2));
    QCOMPARE(describe(r + QStringLiteral("/implicit/parent/file")), QStringLiteral("f:made"));
    QCOMPARE(lstatOf(r + QStringLiteral("/implicit")).st_mode & 07777, mode_t(0755));
    QVERIFY(scene.untouchedOutside());

    QCOMPARE(seen.size(), size_t(13)); // once per entry, and once at the end
    QCOMPARE(seen.back().entries, qint64(12));
    QVERIFY(seen.back().tarBytes >= big.size());
    for (size_t i = 1; i < seen.size(); ++i)
        QVERIFY(seen[i].tarBytes >= seen[i - 1].tarBytes);
}

void TestLayerExtractor::layering_data()
{
    QTest::addColumn<Tar>("lower");
    QTest::addColumn<Tar>("upper");
    QTest::addColumn<QStringList>("expected"); // "path=description" after both layers

    QTest::newRow("whiteout a file") << Tar().dir("a").file("a/x", "x").file("a/y", "y")
                                     << Tar().dir("a").file("a/.wh.x", {})
                                     << QStringList{u"a/x=-"_s, u"a/y=f:y"_s, u"a/.wh.x=-"_s};
    QTest::newRow("whiteout a directory tree") << Tar().dir("d").dir("d/sub").file("d/sub/f", "f").file("keep", "k")
                                               << Tar().file(".wh.d", {}) << QStringList{u"d=-"_s, u"keep=f:k"_s};
    QTest::newRow("whiteout of something absent")
        << Tar().file("keep", "k") << Tar().file("no/.wh.such", {}) << QStringList{u"keep=f:k"_s, u"no/such=-"_s};
    QTest::newRow("whiteout removes a symlink, not its target")
        << Tar().file("target", "t").symlink("l", "target") << Tar().file(".wh.l", {})
        << QStringList{u"l=-"_s, u"target=f:t"_s};
    QTest::newRow("opaque directory")
        << Tar().dir("d").file("d/old", "o").dir("d/sub").file("d/sub/old2", "o2").file("other", "x")
        << Tar().dir("d").file("d/.wh..wh..opq", {}).file("d/new", "n")
        << QStringList{u"d=d"_s, u"d/old=-"_s, u"d/sub=-"_s, u"d/new=f:n"_s, u"other=f:x"_s, u"d/.wh..wh..opq=-"_s};
    QTest::newRow("opaque keeps this layer's entries that came first")
        << Tar().dir("d").file("d/old", "o").dir("d/sub").file("d/sub/lower", "l")
        << Tar().dir("d").file("d/keep", "k").file("d/sub/mine", "m").file("d/.wh..wh..opq", {})
        << QStringList{u"d/old=-"_s, u"d/keep=f:k"_s, u"d/sub=d"_s, u"d/sub/mine=f:m"_s, u"d/sub/lower=-"_s};
    QTest::newRow("file replaced by directory")
        << Tar().file("p", "file") << Tar().dir("p").file("p/inner", "i") << QStringList{u"p=d"_s, u"p/inner=f:i"_s};
    QTest::newRow("directory replaced by file") << Tar().dir("p").file("p/inner", "i") << Tar().file("p", "now a file")
                                                << QStringList{u"p=f:now a file"_s, u"p/inner=-"_s};
    QTest::newRow("directory merged with directory")
        << Tar().dir("p").file("p/lower", "l") << Tar().dir("p", 0700).file("p/upper", "u")
        << QStringList{u"p=d"_s, u"p/lower=f:l"_s, u"p/upper=f:u"_s};
    QTest::newRow("symlink replaced by file, target untouched")
        << Tar().file("target", "t").symlink("l", "target") << Tar().file("l", "mine")
        << QStringList{u"l=f:mine"_s, u"target=f:t"_s};
    QTest::newRow("symlink to a directory replaced by a directory")
        << Tar().dir("real").file("real/f", "f").symlink("l", "real") << Tar().dir("l").file("l/g", "g")
        << QStringList{u"l=d"_s, u"l/g=f:g"_s, u"real/f=f:f"_s, u"real/g=-"_s};
    QTest::newRow("file replaced by symlink")
        << Tar().file("x", "x") << Tar().symlink("x", "elsewhere") << QStringList{u"x=l:elsewhere"_s};
    QTest::newRow("hard link to a lower layer's file")
        << Tar().file("orig", "o") << Tar().hardlink("copy", "orig") << QStringList{u"copy=f:o"_s, u"orig=f:o"_s};
    QTest::newRow("absolute names land inside the rootfs")
        << Tar() << Tar().dir("/etc").file("/etc/x", "inside") << QStringList{u"etc/x=f:inside"_s};
    QTest::newRow("dot-dot that stays inside")
        << Tar() << Tar().file("a/../b", "b").file("/../c", "c") << QStringList{u"b=f:b"_s, u"c=f:c"_s, u"a=-"_s};
    QTest::newRow("absolute symlink resolves against the rootfs")
        << Tar().symlink("l", "/") << Tar().file("l/x", "x") << QStringList{u"x=f:x"_s, u"l=l:/"_s};
    QTest::newRow("symlink to /etc writes the rootfs's etc")
        << Tar().dir("etc").symlink("link", "/etc") << Tar().file("link/passwd", "root:x:0:0")
        << QStringList{u"etc/passwd=f:root:x:0:0"_s, u"link=l:/etc"_s};
    QTest::newRow("relative symlink chain inside")
        << Tar().dir("real").symlink("b", "real").symlink("a", "b") << Tar().file("a/f", "f")
        << QStringList{u"real/f=f:f"_s, u"a=l:b"_s, u"b=l:real"_s};
    QTest::newRow("hard link through an inside symlink")
        << Tar().dir("real").file("real/f", "f").symlink("l", "/real") << Tar().hardlink("h", "l/f")
        << QStringList{u"h=f:f"_s, u"real/f=f:f"_s};
    QTest::newRow("UTF-8 names") << Tar().dir("d\xc3\xbcr") << Tar().file("d\xc3\xbcr/\xe2\x82\xac", "euro")
                                 << QStringList{QString::fromUtf8("d\xc3\xbcr/\xe2\x82\xac=f:euro")};
    // Within one layer, an entry between two files of a folder may change what the folder's name leads to: the second
    // file goes where the name leads now.
    QTest::newRow("a folder replaced by a symlink between its files")
        << Tar() << Tar().dir("d").file("d/a", "a").dir("e").file("d/a2", "a2").symlink("d", "e").file("d/b", "b")
        << QStringList{u"d=l:e"_s, u"e/b=f:b"_s, u"e/a=-"_s, u"e/a2=-"_s};
    QTest::newRow("a folder whited out between its files")
        << Tar() << Tar().dir("d").dir("d/sub").file("d/sub/f1", "1").file("d/.wh.sub", {}).file("d/sub/f2", "2")
        << QStringList{u"d/sub=d"_s, u"d/sub/f1=-"_s, u"d/sub/f2=f:2"_s};
    QTest::newRow("files of two folders in turn")
        << Tar() << Tar().dir("a").dir("b").file("a/1", "a1").file("a/2", "a2").file("b/1", "b1").file("a/3", "a3")
        << QStringList{u"a/1=f:a1"_s, u"a/2=f:a2"_s, u"a/3=f:a3"_s, u"b/1=f:b1"_s};
    QTest::newRow("the same file twice in one layer")
        << Tar() << Tar().dir("d").file("d/x", "first").file("d/x", "second") << QStringList{u"d/x=f:second"_s};
    QTest::newRow("a file over a symlink of the same folder")
        << Tar().file("outside", "o") << Tar().dir("d").symlink("d/l", "/outside").file("d/l", "mine")
        << QStringList{u"d/l=f:mine"_s, u"outside=f:o"_s};
    QTest::newRow("AUFS metadata is skipped")
        << Tar() << Tar().dir(".wh..wh.plnk").file(".wh..wh.plnk/1.2", "x") << QStringList{u".wh..wh.plnk=-"_s};
}

void TestLayerExtractor::layering()
{
    QFETCH(Tar, lower);
    QFETCH(Tar, upper);
    QFETCH(QStringList, expected);
    Scene scene;
    Status status = applyBytes(lower.build(), scene.rootfs(), scene.scratch());
    QVERIFY2(status.ok(), qPrintable(status.error().message));
    status = applyBytes(upper.build(Compression::Zstd), scene.rootfs(), scene.scratch());
    QVERIFY2(status.ok(), qPrintable(status.error().message));
    for (const QString &line : std::as_const(expected)) {
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        QCOMPARE(line.left(eq) + QLatin1Char('=') + describe(scene.rootfs() + QLatin1Char('/') + line.left(eq)), line);
    }
    QVERIFY(scene.untouchedOutside());
}

void TestLayerExtractor::specialFiles_data()
{
    QTest::addColumn<Tar>("layer");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("needsRoot");
    QTest::newRow("fifo") << Tar().node("run/fifo", AE_IFIFO, 0, 0, 0620) << "run/fifo"
                          << "p" << 0620 << false;
    QTest::newRow("char device") << Tar().node("dev/null", AE_IFCHR, 1, 3, 0666) << "dev/null"
                                 << "c:1,3" << 0666 << true;
    QTest::newRow("block device") << Tar().node("dev/loop9", AE_IFBLK, 7, 9, 0660) << "dev/loop9"
                                  << "b:7,9" << 0660 << true;
    QTest::newRow("device replaces a file")
        << Tar().file("dev/zero", "x").node("dev/zero", AE_IFCHR, 1, 5, 0666) << "dev/zero"
        << "c:1,5" << 0666 << true;
}

void TestLayerExtractor::specialFiles()
{
    QFETCH(Tar, layer);
    QFETCH(QString, path);
    QFETCH(QString, expected);
    QFETCH(int, mode);
    QFETCH(bool, needsRoot);
    if (needsRoot && ::geteuid() != 0)
        QSKIP("device nodes can only be made by root");
    Scene scene;
    const Status status = applyBytes(layer.build(), scene.rootfs(), scene.scratch());
    QVERIFY2(status.ok(), qPrintable(status.error().message));
    const QString full = scene.rootfs() + QLatin1Char('/') + path;
    QCOMPARE(describe(full), expected);
    QCOMPARE(int(lstatOf(full).st_mode & 07777), mode);
    QVERIFY(scene.untouchedOutside());
}

void TestLayerExtractor::ownership()
{
    if (::geteuid() != 0)
        QSKIP("ownership from the tar is applied only as root");
    Scene scene;
    const Tar layer = Tar()
                          .dir("home", 0755)
                          .owner(1000, 1000)
                          .file("home/tool", "t", 04750)
                          .owner(1234, 5678)
                          .symlink("home/link", "tool")
                          .owner(4321, 8765)
                          .node("home/fifo", AE_IFIFO)
                          .owner(7, 8);
    const Status status = applyBytes(layer.build(), scene.rootfs(), scene.scratch());
    QVERIFY2(status.ok(), qPrintable(status.error().message));
    const QString r = scene.rootfs();
    QCOMPARE(lstatOf(r + QStringLiteral("/home")).st_uid, uid_t(1000));
    const struct stat tool = lstatOf(r + QStringLiteral("/home/tool"));
    QCOMPARE(tool.st_uid, uid_t(1234));
    QCOMPARE(tool.st_gid, gid_t(5678));
    QCOMPARE(tool.st_mode & 07777, mode_t(04750)); // chown first, so set-uid survives
    const struct stat link = lstatOf(r + QStringLiteral("/home/link"));
    QCOMPARE(link.st_uid, uid_t(4321)); // the link itself, not its target
    QCOMPARE(link.st_gid, gid_t(8765));
    QCOMPARE(lstatOf(r + QStringLiteral("/home/fifo")).st_uid, uid_t(7));
}

void TestLayerExtractor::xattrs_data()
{
    QTest::addColumn<QByteArray>("key");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<bool>("needsRoot");
    QTest::newRow("user attribute") << QByteArray("user.plugdesk") << QByteArray("hello") << false;
    // vfs_cap_data revision 2 granting cap_net_bind_service (10) permitted+effective.
    const QByteArray capability = QByteArray::fromHex("0100000200040000000000000000000000000000");
    QTest::newRow("file capability") << QByteArray("security.capability") << capability << true;
}

void TestLayerExtractor::xattrs()
{
    QFETCH(QByteArray, key);
    QFETCH(QByteArray, value);
    QFETCH(bool, needsRoot);
    if (needsRoot && ::geteuid() != 0)
        QSKIP("security.* attributes need root");
    Scene scene;
    if (!fileSystemHasUserXattrs(scene.scratch()))
        QSKIP("the temporary file system has no user extended attributes");
    const Tar layer = Tar().dir("d").xattr(key, value).file("d/f", "f", 0755).owner(0, 0).xattr(key, value);
    const Status status = applyBytes(layer.build(), scene.rootfs(), scene.scratch());
    QVERIFY2(status.ok(), qPrintable(status.error().message));
    for (const char *path : {"/d/f", "/d"}) {
        if (key.startsWith("security.") && qstrcmp(path, "/d") == 0)
            continue; // capabilities are for files only
        QByteArray got(256, Qt::Uninitialized);
        const QByteArray full = QFile::encodeName(scene.rootfs()) + path;
        const ssize_t n = ::lgetxattr(full.constData(), key.constData(), got.data(), got.size());
        QVERIFY2(n >= 0, path);
        QCOMPARE(got.left(n), value);
    }
}

void TestLayerExtractor::refusals_data()
{
    QTest::addColumn<Tar>("layer");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message"); // with the scene's placeholders

    const int unsafe = int(ErrorCode::UnsafeArchive);
    QTest::newRow("dot-dot") << Tar().file("../outside/x", "x") << unsafe
                             << "layer entry \"../outside/x\" would land outside the rootfs";
    QTest::newRow("dot-dot after a directory") << Tar().file("a/../../outside/x", "x") << unsafe
                                               << "layer entry \"a/../../outside/x\" would land outside the rootfs";
    QTest::newRow("directory climbing out")
        << Tar().dir("../outside/d") << unsafe << "layer entry \"../outside/d/\" would land outside the rootfs";
    QTest::newRow("symlink to the parent, then through it")
        << Tar().symlink("l", "../outside").file("l/x", "x") << unsafe
        << "layer entry \"l/x\" would land outside the rootfs: the symbolic link \"l\" leads out";
    QTest::newRow("symlink to ../../.. and far above, then through it")
        << Tar().symlink("l", QByteArray("../").repeated(20)).file("l/@ABS@/outside/x", "x") << unsafe
        << "layer entry \"l/@ABS@/outside/x\" would land outside the rootfs: the symbolic link \"l\" leads out";
    QTest::newRow("symlink chain") << Tar().symlink("b", "../..").symlink("a", "b").file("a/@T@/outside/x", "x")
                                   << unsafe
                                   << "layer entry \"a/@T@/outside/x\" would land outside the rootfs: the symbolic "
                                      "link \"b\" leads out";
    QTest::newRow("symlink in a subdirectory")
        << Tar().dir("d").symlink("d/l", "../../outside").dir("d/l/sub") << unsafe
        << "layer entry \"d/l/sub/\" would land outside the rootfs: the symbolic link \"d/l\" leads out";
    QTest::newRow("absolute symlink climbing above the root")
        << Tar().symlink("m", "/../../@ABS@/outside").file("m/x", "x") << unsafe
        << "layer entry \"m/x\" would land outside the rootfs: the symbolic link \"m\" leads out";
    QTest::newRow("symlink leading out through a link that stays in")
        << Tar().dir("d").symlink("d/l", "/").symlink("d/m", "l/..").file("d/m/@ABS@/outside/x", "x") << unsafe
        << "layer entry \"d/m/@ABS@/outside/x\" would land outside the rootfs: the symbolic link \"d/m\" leads out";
    QTest::newRow("whiteout through an escaping symlink")
        << Tar().symlink("l", "../outside").file("l/.wh.x", {}) << unsafe
        << "layer entry \"l/.wh.x\" would land outside the rootfs: the symbolic link \"l\" leads out";
    QTest::newRow("opaque marker through an escaping symlink")
        << Tar().symlink("l", "..").file("l/.wh..wh..opq", {}) << unsafe
        << "layer entry \"l/.wh..wh..opq\" would land outside the rootfs: the symbolic link \"l\" leads out";
    QTest::newRow("hard link out") << Tar().hardlink("h", "../victim") << unsafe
                                   << "layer entry \"h\" is a hard link to \"../victim\", which is outside the rootfs";
    const QByteArray farUp = QByteArray("../").repeated(20) + "@ABS@/victim";
    QTest::newRow("hard link far out") << Tar().hardlink("h", farUp) << unsafe
                                       << QStringLiteral(
                                              "layer entry \"h\" is a hard link to \"%1\", which is outside the rootfs")
                                              .arg(QString::fromUtf8(farUp));
    QTest::newRow("hard link through an escaping symlink")
        << Tar().symlink("l", "..").hardlink("h", "l/victim") << unsafe
        << "layer entry \"h\" is a hard link to \"l/victim\", which would be outside the rootfs: the symbolic link "
           "\"l\" leads out";
    QTest::newRow("symlink loop") << Tar().symlink("a", "b").symlink("b", "a").file("a/x", "x") << unsafe
                                  << "layer entry \"a/x\" cannot be placed: too many levels of symbolic links at "
                                     "\"a\"";
    QTest::newRow("whiteout of dot-dot") << Tar().dir("d").file("d/.wh...", {}) << unsafe
                                         << "layer entry \"d/.wh...\" is a whiteout for an invalid name";
    QTest::newRow("file named like the root")
        << Tar().file(".", "x") << unsafe << "layer entry \".\" would replace the rootfs itself";
    const QByteArray longName = QByteArray(4097, 'n');
    QTest::newRow("name too long") << Tar().file(longName, "x") << unsafe
                                   << QStringLiteral("layer entry \"%1…\" has a name of 4097 bytes; the limit is 4096")
                                          .arg(QString(200, QLatin1Char('n')));
}

void TestLayerExtractor::refusals()
{
    QFETCH(Tar, layer);
    QFETCH(int, code);
    QFETCH(QString, message);
    Scene scene;
    // Names may hold the scene's placeholders, so the layer is built here rather than in the _data function.
    Tar expanded;
    for (Tar::Entry entry : layer.entries()) {
        entry.name = scene.expand(entry.name);
        entry.link = scene.expand(entry.link);
        expanded.add(entry);
    }
    const QByteArray data = expanded.build(Compression::Gzip);
    const Status status = applyBytes(data, scene.rootfs(), scene.scratch());
    QVERIFY(!status.ok());
    QCOMPARE(int(status.error().code), code);
    QCOMPARE(status.error().message, QString::fromUtf8(scene.expand(message.toUtf8())));
    QVERIFY(scene.untouchedOutside());
}

void TestLayerExtractor::corrupt_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<QString>("detail"); // libarchive's text, or empty to accept any

    const Tar layer = Tar().file("a", QByteArray(200'000, 'a')).file("b", QByteArray(200'000, 'b'));
    const QByteArray gzip = layer.build(Compression::Gzip);
    const QByteArray zstd = layer.build(Compression::Zstd);
    const QByteArray plain = layer.build(Compression::None);
    QTest::newRow("truncated gzip") << gzip.left(gzip.size() / 2) << QString();
    QTest::newRow("truncated zstd") << zstd.left(zstd.size() / 2) << QString();
    QTest::newRow("truncated tar") << plain.left(plain.size() / 2) << QStringLiteral("Truncated tar archive");
    QTest::newRow("gzip with a broken body") << [&] {
        QByteArray broken = gzip;
        for (qsizetype i = 20; i < broken.size() - 20; i += 7)
            broken[i] = char(broken[i] ^ 0x5a);
        return broken;
    }() << QString();
    QTest::newRow("garbage") << QByteArray(4096, '\x17') << QString();
    QTest::newRow("text") << QByteArray("this is not a tar file at all\n").repeated(40) << QString();
}

void TestLayerExtractor::corrupt()
{
    QFETCH(QByteArray, data);
    QFETCH(QString, detail);
    Scene scene;
    const Status status = applyBytes(data, scene.rootfs(), scene.scratch());
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, ErrorCode::Corrupt);
    QVERIFY2(status.error().message.startsWith(QStringLiteral("layer is not a valid tar archive: ")),
             qPrintable(status.error().message));
    if (!detail.isEmpty())
        QVERIFY2(status.error().message.contains(detail), qPrintable(status.error().message));
    QVERIFY(scene.untouchedOutside());
}

void TestLayerExtractor::streaming_data()
{
    QTest::addColumn<Compression>("compression");
    QTest::addColumn<int>("chunk");
    QTest::addColumn<int>("buffer");
    QTest::newRow("gzip, 1-byte chunks") << Compression::Gzip << 1 << 64;
    QTest::newRow("gzip, 7-byte chunks, tiny buffer") << Compression::Gzip << 7 << 1;
    QTest::newRow("zstd, 1000-byte chunks") << Compression::Zstd << 1000 << 4096;
    QTest::newRow("uncompressed, 513-byte chunks") << Compression::None << 513 << 2048;
    QTest::newRow("uncompressed, one chunk") << Compression::None << (1 << 30) << (4 << 20);
}

void TestLayerExtractor::streaming()
{
    QFETCH(Compression, compression);
    QFETCH(int, chunk);
    QFETCH(int, buffer);
    Scene scene;
    const Tar lower = Tar().dir("d").file("d/old", "o").file("gone", "g");
    QVERIFY(applyBytes(lower.build(), scene.rootfs(), scene.scratch()).ok());

    const QByteArray payload(100'000, 'p');
    const QByteArray layer = Tar()
                                 .dir("d")
                                 .file("d/.wh..wh..opq", {})
                                 .file("d/new", payload)
                                 .file(".wh.gone", {})
                                 .symlink("s", "d/new")
                                 .hardlink("h", "d/new")
                                 .build(compression);
    int callbacks = 0;
    LayerExtractor::Options options;
    options.bufferSize = buffer;
    options.progress = [&callbacks](const LayerExtractor::Progress &) { ++callbacks; };
    LayerExtractor extractor(scene.rootfs(), options);
    for (qsizetype at = 0; at < layer.size(); at += chunk) {
        const Status fed = extractor.feed(layer.constData() + at, std::min<qsizetype>(chunk, layer.size() - at));
        QVERIFY2(fed.ok(), qPrintable(fed.error().message));
    }
    const Status status = extractor.finish();
    QVERIFY2(status.ok(), qPrintable(status.error().message));
    QCOMPARE(extractor.finish().ok(), true); // finishing twice returns the same result

    const QString r = scene.rootfs();
    QCOMPARE(describe(r + QStringLiteral("/d/new")), QStringLiteral("f:") + QString::fromLatin1(payload));
    QCOMPARE(describe(r + QStringLiteral("/d/old")), QStringLiteral("-"));
    QCOMPARE(describe(r + QStringLiteral("/gone")), QStringLiteral("-"));
    QCOMPARE(readLink(r + QStringLiteral("/s")), QStringLiteral("d/new"));
    QCOMPARE(lstatOf(r + QStringLiteral("/h")).st_ino, lstatOf(r + QStringLiteral("/d/new")).st_ino);
    QCOMPARE(extractor.progress().entries, qint64(6));
    QCOMPARE(callbacks, 7); // once per entry, and once at the end
    QVERIFY(extractor.progress().tarBytes >= payload.size());
    QVERIFY(scene.untouchedOutside());
}

void TestLayerExtractor::streamingStopsOnError()
{
    Scene scene;
    // The bad entry comes first; the rest is large, so feed() must report the error long before the end.
    const QByteArray layer =
        Tar().file("../outside/x", "x").file("big", QByteArray(8 << 20, 'b')).build(Compression::None);
    LayerExtractor::Options options;
    options.bufferSize = 64 * 1024;
    LayerExtractor extractor(scene.rootfs(), options);
    qsizetype fedBytes = 0;
    Status fed;
    for (qsizetype at = 0; at < layer.size() && fed.ok(); at += 4096) {
        fed = extractor.feed(layer.constData() + at, std::min<qsizetype>(4096, layer.size() - at));
        fedBytes = at;
    }
    QVERIFY(!fed.ok());
    QCOMPARE(fed.error().code, ErrorCode::UnsafeArchive);
    QVERIFY(fedBytes < layer.size() / 2);
    const Status status = extractor.finish();
    QCOMPARE(status.error().code, ErrorCode::UnsafeArchive);
    QCOMPARE(status.error().message, QStringLiteral("layer entry \"../outside/x\" would land outside the rootfs"));
    QVERIFY(scene.untouchedOutside());
    QVERIFY(!QFile::exists(scene.rootfs() + QStringLiteral("/big")));
}

void TestLayerExtractor::cancel()
{
    Scene scene;
    const QByteArray layer = Tar().file("a", "a").file("b", QByteArray(1 << 20, 'b')).build(Compression::Gzip);
    LayerExtractor extractor(scene.rootfs());
    QVERIFY(extractor.feed(layer.left(layer.size() / 2)).ok());
    extractor.cancel();
    const Status status = extractor.finish();
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, ErrorCode::Cancelled);

    // An extractor dropped without finish() stops its worker cleanly.
    auto abandoned = std::make_unique<LayerExtractor>(scene.rootfs());
    QVERIFY(abandoned->feed(layer.left(100)).ok());
    abandoned.reset();
}

void TestLayerExtractor::emptyLayer()
{
    Scene scene;
    QVERIFY(applyBytes(QByteArray(), scene.rootfs(), scene.scratch()).ok());
    QVERIFY(applyBytes(Tar().build(Compression::Gzip), scene.rootfs(), scene.scratch()).ok());
    LayerExtractor extractor(scene.rootfs());
    const Status status = extractor.finish();
    QVERIFY2(status.ok(), qPrintable(status.error().message));
    QCOMPARE(extractor.progress().entries, qint64(0));
    QVERIFY(QDir(scene.rootfs()).isEmpty());
}

void TestLayerExtractor::missingFile()
{
    Scene scene;
    const Status status = LayerExtractor::applyFile(scene.scratch() + QStringLiteral("/nope.tar.gz"), scene.rootfs());
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, ErrorCode::NotFound);
    QVERIFY(status.error().message.contains(QStringLiteral("nope.tar.gz")));
}

// Options::maxUnpackedBytes: every entry counts EntryBytes plus the size its header declares, before it is written.
void TestLayerExtractor::unpackLimit_data()
{
    QTest::addColumn<Tar>("tar");
    QTest::addColumn<Compression>("compression");
    QTest::addColumn<qint64>("limit");
    QTest::addColumn<QString>("refused"); // the entry named in the refusal; empty when the layer fits
    QTest::addColumn<QString>("absent");  // a path that must not exist afterwards

    const Tar two = Tar().file("a", QByteArray(1000, 'a')).file("b", QByteArray(1000, 'b'));
    const qint64 both = 2 * LayerExtractor::EntryBytes + 2000;
    QTest::newRow("fits exactly") << two << Compression::Gzip << both << QString() << QString();
    QTest::newRow("one byte short") << two << Compression::Gzip << both - 1 << "b"
                                    << "b";
    QTest::newRow("gzip bomb stops at its header")
        << Tar().file("zeros", QByteArray(16 << 20, '\0')) << Compression::Gzip << qint64(1 << 20) << "zeros"
        << "zeros";
    Tar many;
    for (int i = 0; i < 100; ++i)
        many.dir("d" + QByteArray::number(i));
    QTest::newRow("empty entries count too")
        << many << Compression::None << qint64(50 * LayerExtractor::EntryBytes) << "d50"
        << "d50";
    QTest::newRow("hard links count no data") << Tar().file("a", QByteArray(1000, 'a')).hardlink("h", "a")
                                              << Compression::None << both << QString() << QString();
}

void TestLayerExtractor::unpackLimit()
{
    QFETCH(Tar, tar);
    QFETCH(Compression, compression);
    QFETCH(qint64, limit);
    QFETCH(QString, refused);
    QFETCH(QString, absent);
    Scene scene;
    LayerExtractor::Options options;
    options.maxUnpackedBytes = limit;
    LayerExtractor extractor(scene.rootfs(), options);
    Status status = extractor.feed(tar.build(compression));
    if (status.ok())
        status = extractor.finish();
    if (refused.isEmpty()) {
        QVERIFY2(status.ok(), qPrintable(status.error().message));
        QVERIFY(!extractor.limitReached());
        QVERIFY(extractor.progress().unpackedBytes <= limit);
        return;
    }
    QVERIFY(!status.ok());
    QCOMPARE(status.error().code, ErrorCode::UnsafeArchive);
    QVERIFY2(status.error().message.startsWith(QStringLiteral("layer entry \"") + refused),
             qPrintable(status.error().message));
    QVERIFY(extractor.limitReached());
    QVERIFY(extractor.progress().unpackedBytes <= limit);
    QVERIFY(!QFileInfo::exists(scene.rootfs() + QLatin1Char('/') + absent));
    QVERIFY(scene.untouchedOutside());
}

// Options::checkpoint runs as data is written, and its error stops the layer.
void TestLayerExtractor::checkpoint()
{
    Scene scene;
    LayerExtractor::Options options;
    options.checkpointBytes = 1 << 20;
    int calls = 0;
    options.checkpoint = [&calls](qint64) -> Status {
        if (++calls > 3)
            return core::Error{ErrorCode::Io, QStringLiteral("the disk is full enough")};
        return {};
    };
    const Status status = applyBytes(Tar().file("big", QByteArray(8 << 20, 'x')).build(Compression::Gzip),
                                     scene.rootfs(), scene.scratch(), options);
    QVERIFY(!status.ok());
    QCOMPARE(status.error().message, QStringLiteral("the disk is full enough"));
    QCOMPARE(calls, 4); // at the start, then after each MiB written
    QVERIFY(QFileInfo(scene.rootfs() + QStringLiteral("/big")).size() < (4 << 20));
}

QTEST_GUILESS_MAIN(TestLayerExtractor)
#include "tst_layerextractor.moc"
