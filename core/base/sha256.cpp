#include "core/base/sha256.h"

#include "core/base/units.h"

#include <QIODevice>
#include <openssl/evp.h>

namespace core {

Sha256::Sha256()
    : m_context(EVP_MD_CTX_new())
{
    // Only allocation can fail here, and then nothing works anyway.
    if (!m_context || EVP_DigestInit_ex(m_context, EVP_sha256(), nullptr) != 1)
        qFatal("OpenSSL cannot compute SHA-256");
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(m_context);
}

void Sha256::addData(QByteArrayView bytes)
{
    if (m_result.isEmpty() && !bytes.isEmpty())
        EVP_DigestUpdate(m_context, bytes.data(), size_t(bytes.size()));
}

bool Sha256::addData(QIODevice *device)
{
    QByteArray buffer(256 * KiB, Qt::Uninitialized);
    for (;;) {
        const qint64 got = device->read(buffer.data(), buffer.size());
        if (got < 0)
            return false;
        if (got == 0)
            return device->atEnd() || !device->isSequential();
        addData(QByteArrayView(buffer.constData(), got));
    }
}

QByteArray Sha256::result()
{
    if (m_result.isEmpty()) {
        unsigned char digest[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        EVP_DigestFinal_ex(m_context, digest, &length);
        m_result = QByteArray(reinterpret_cast<const char *>(digest), int(length));
    }
    return m_result;
}

QByteArray Sha256::hash(QByteArrayView bytes)
{
    Sha256 sha;
    sha.addData(bytes);
    return sha.result();
}

} // namespace core
