// Bundle reading (`plugdeskctl import`): the input is the bundle file (a zip), read from a QBuffer by BundleReader:
// open() (header, manifest, config) and then every layer named by the manifest through readBlob(), as import does.
#include "core/archive/bundlereader.h"
#include "fuzz/fuzzcommon.h"

#include <QBuffer>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QByteArray bytes = fuzz::bytes(data, size);
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::ReadOnly);
    core::BundleReader reader(&buffer, 64 * 1024 * 1024);
    if (!reader.open())
        return 0;
    (void)reader.header().toJson();
    qint64 total = 0;
    for (const core::Descriptor &layer : reader.manifest().layers) {
        (void)reader.readBlob(layer, [&total](const char *, qsizetype n) -> core::Status {
            total += n;
            return {};
        });
    }
    return 0;
}
