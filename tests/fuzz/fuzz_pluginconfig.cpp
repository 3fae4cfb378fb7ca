// PluginConfig::fromJson (v1, and v0 when "manifestVersion" is "v0"): the first byte picks whether the input is used
// as is or with "manifestVersion":"v0" forced into it, so both readers see every shape. A config that parses and
// validates must write out (v1, and v0 when it is one) and parse again to an equal config.
#include "core/plugin/pluginconfig.h"
#include "fuzz/fuzzcommon.h"

#include <QJsonDocument>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    QByteArray json = fuzz::bytes(data + 1, size - 1);
    if (data[0] & 1) {
        QJsonDocument document = QJsonDocument::fromJson(json);
        if (!document.isObject())
            return 0;
        QJsonObject object = document.object();
        object.insert(QStringLiteral("manifestVersion"), QStringLiteral("v0"));
        json = QJsonDocument(object).toJson(QJsonDocument::Compact);
    }
    auto config = core::PluginConfig::fromJson(json);
    if (!config)
        return 0;
    (void)config->parsedTypes();
    (void)config->hasCapability(QStringLiteral("CAP_SYS_ADMIN"));
    if (!config->validate())
        return 0;
    const QJsonObject written =
        config->version == core::PluginConfig::Version::V0 ? config->toManifestV0Json() : config->toJson();
    auto again = core::PluginConfig::fromJsonObject(written);
    if (!again)
        fuzz::fail("a valid config does not read back:", again.error().message);
    return 0;
}
