// Reference::parse: any text; a reference that parses must print and re-parse to itself.
#include "core/plugin/reference.h"
#include "fuzz/fuzzcommon.h"

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    const auto parsed = core::Reference::parse(text);
    if (!parsed)
        return 0;
    const core::Reference reference = *parsed;
    (void)reference.familiarName();
    (void)reference.familiarString();
    (void)reference.localName();
    (void)reference.trimmed();
    const core::Reference tagged = reference.withDefaultTag();
    const auto again = core::Reference::parse(tagged.toString());
    if (!again)
        fuzz::fail("a parsed reference does not re-parse:",
                   tagged.toString() + QStringLiteral(": ") + again.error().message);
    if (*again != tagged)
        fuzz::fail("a parsed reference changes when printed and parsed again:", tagged.toString());
    return 0;
}
