// WWW-Authenticate: the input split at '\n' into header values, parsed one by one and as a list, as RegistryClient
// does with the headers of a 401 answer.
#include "core/registry/authchallenge.h"
#include "fuzz/fuzzcommon.h"

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray input = fuzz::bytes(data, size);
    const QList<QByteArray> headers = input.split('\n');
    const QList<core::AuthChallenge> all = core::AuthChallenge::parse(headers);
    qsizetype count = 0;
    for (const QByteArray &header : headers)
        count += core::AuthChallenge::parse(header).size();
    if (count != all.size())
        fuzz::fail("parsing headers one by one and as a list disagree");
    for (const core::AuthChallenge &challenge : all) {
        if (challenge.scheme != challenge.scheme.toLower())
            fuzz::fail("a scheme is not lower case:", challenge.scheme);
        for (auto it = challenge.params.constBegin(); it != challenge.params.constEnd(); ++it) {
            if (it.key() != it.key().toLower())
                fuzz::fail("a parameter name is not lower case:", it.key());
        }
        (void)challenge.param(QStringLiteral("realm"));
    }
    return 0;
}
