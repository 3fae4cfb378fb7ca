#pragma once

#include <QByteArray>
#include <QByteArrayView>

class QIODevice;
struct evp_md_ctx_st;

namespace core {

// SHA-256 through OpenSSL 3's EVP interface, which uses the CPU's SHA extensions where it has them (Qt 6.4's
// QCryptographicHash runs its own portable code, several times slower on such a CPU). Every digest Plugdesk checks
// or writes (blobs as they arrive, the blob store, bundles) goes through it. One stream: feed it with addData,
// then result() ends it.
class Sha256 final
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256 &) = delete;
    Sha256 &operator=(const Sha256 &) = delete;

    void addData(QByteArrayView bytes);
    // Reads `device` to its end; false when a read failed (device->errorString() says why).
    bool addData(QIODevice *device);
    // The raw 32 bytes. Ends the stream: more data after it is ignored.
    QByteArray result();

    static QByteArray hash(QByteArrayView bytes);

private:
    evp_md_ctx_st *m_context;
    QByteArray m_result;
};

} // namespace core
