// SHA-256 throughput: Qt 6.4's QCryptographicHash (what Plugdesk used) against core::Sha256 (OpenSSL 3 EVP, the
// CPU's SHA extensions where it has them), on the same buffer in the same process, in 256 KiB pieces as a blob
// arrives. Prints MB/s for each and the ratio; best of 5 runs each, alternating. Never fails on time.
#include "core/base/sha256.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QRandomGenerator>
#include <cstdio>

namespace {

constexpr qsizetype kSize = 256 * 1024 * 1024;
constexpr qsizetype kPiece = 256 * 1024;

template<typename Hash>
double megabytesPerSecond(const QByteArray &data, Hash &&feed)
{
    QElapsedTimer clock;
    clock.start();
    for (qsizetype at = 0; at < data.size(); at += kPiece)
        feed(QByteArrayView(data.constData() + at, qMin(kPiece, data.size() - at)));
    return double(data.size()) / 1e6 / (double(clock.nsecsElapsed()) / 1e9);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QByteArray data(kSize, Qt::Uninitialized);
    QRandomGenerator(1).fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
    double qt = 0, openssl = 0;
    QByteArray qtDigest, opensslDigest;
    for (int run = 0; run < 5; ++run) {
        QCryptographicHash q(QCryptographicHash::Sha256);
        qt = qMax(qt, megabytesPerSecond(data, [&](QByteArrayView piece) { q.addData(piece); }));
        qtDigest = q.result();
        core::Sha256 o;
        openssl = qMax(openssl, megabytesPerSecond(data, [&](QByteArrayView piece) { o.addData(piece); }));
        opensslDigest = o.result();
    }
    std::printf("sha256 of %lld MiB in %lld KiB pieces (best of 5)\n", kSize >> 20, kPiece >> 10);
    std::printf("  QCryptographicHash (Qt %s): %8.0f MB/s\n", qVersion(), qt);
    std::printf("  core::Sha256 (OpenSSL EVP):  %8.0f MB/s\n", openssl);
    std::printf("  ratio OpenSSL / Qt: %.2fx   same digest: %s\n", openssl / qt,
                qtDigest == opensslDigest ? "yes" : "NO");
    return qtDigest == opensslDigest ? 0 : 1;
}
