// Layer extraction: the input is a layer (tar, or tar.gz, .xz, ... as libarchive detects it) applied with
// LayerExtractor::apply from a QBuffer into <tmp>/root, which the extractor opens as a directory descriptor
// (RootfsDir) and never leaves. After each input the target asserts that nothing escaped: <tmp> holds exactly
// `root` and `canary`, and canary/ still holds exactly its one file with its content and link count. Then <tmp>/root
// is removed for the next input.
#include "core/archive/layerextractor.h"
#include "core/archive/rootfsdir.h"
#include "fuzz/fuzzcommon.h"

#include <QBuffer>
#include <QFile>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialise(argc, argv);
    return 0;
}

namespace {

const QByteArray kCanaryContent = "canary";

QString top()
{
    return fuzz::scratch() + QStringLiteral("/layer");
}

void makeCanary()
{
    QDir().mkpath(top() + QStringLiteral("/canary"));
    QFile file(top() + QStringLiteral("/canary/file"));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(kCanaryContent) != kCanaryContent.size())
        fuzz::fail("cannot write the canary file");
}

void checkNothingEscaped()
{
    const QDir::Filters all = QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System | QDir::Hidden;
    const QStringList names = QDir(top()).entryList(all, QDir::Name);
    if (names != QStringList{QStringLiteral("canary"), QStringLiteral("root")})
        fuzz::fail("the layer wrote outside its rootfs; the folder now holds:", names.join(u' '));
    const QStringList canary = QDir(top() + QStringLiteral("/canary")).entryList(all);
    if (canary != QStringList{QStringLiteral("file")})
        fuzz::fail("the layer wrote into the canary folder:", canary.join(u' '));
    const QByteArray path = QFile::encodeName(top() + QStringLiteral("/canary/file"));
    struct stat st = {};
    if (::lstat(path.constData(), &st) != 0 || !S_ISREG(st.st_mode) || st.st_nlink != 1 || (st.st_mode & 07777) != 0644)
        fuzz::fail("the layer changed the canary file's inode (link, type, mode)");
    QFile file(QFile::decodeName(path));
    if (!file.open(QIODevice::ReadOnly) || file.readAll() != kCanaryContent)
        fuzz::fail("the layer changed the canary file's content");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool made = [] {
        ::umask(022);
        QDir(top()).removeRecursively();
        makeCanary();
        return true;
    }();
    (void)made;
    const QString root = top() + QStringLiteral("/root");
    if (!QDir().mkpath(root))
        fuzz::fail("cannot make", root);

    QByteArray bytes = fuzz::bytes(data, size);
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    core::LayerExtractor::Options options;
    options.maxUnpackedBytes = 64 * 1024 * 1024; // a bomb stops here instead of filling the disk
    options.bufferSize = 64 * 1024;
    {
        core::LayerExtractor extractor(root, options);
        (void)extractor.apply(&buffer);
    }
    checkNothingEscaped();
    // Removed by bytes through descriptors (RootfsDir::removeTree): names that are not UTF-8 defeat
    // QDir::removeRecursively (which PluginStaging and Store::sweep still use: reported in the fuzzing report).
    const int topFd = ::open(QFile::encodeName(top()).constData(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (topFd < 0)
        fuzz::fail("cannot open", top());
    const int error = core::RootfsDir::removeTree(topFd, "root");
    ::close(topFd);
    if (error != 0)
        fuzz::fail("cannot remove the rootfs", root + QStringLiteral(": ") + QString::fromLocal8Bit(strerror(error)));
    return 0;
}
