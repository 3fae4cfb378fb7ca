// Registry JSON: the first byte picks the reader and, for manifests, the Content-Type the registry sent.
//   0..5   Manifest::parse with Docker manifest, Docker list, OCI manifest, OCI index, "" (sniffed), a bogus type;
//          a list also picks its entry for linux/amd64 and linux/arm64/v8, as install does
//   6      TokenCache::parseReply (a token server's answer)
//   7      RegistryAuth::decode (X-Registry-Auth / the engine's stored auth JSON)
#include "core/plugin/manifest.h"
#include "core/registry/registryauth.h"
#include "core/registry/tokencache.h"
#include "fuzz/fuzzcommon.h"

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialise(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray body = fuzz::bytes(data + 1, size - 1);
    const int selector = data[0] % 8;
    if (selector < 6) {
        static const QStringList types{core::Manifest::DockerManifest,
                                       core::Manifest::DockerList,
                                       core::Manifest::OciManifest,
                                       core::Manifest::OciIndex,
                                       QString(),
                                       QStringLiteral("text/html; charset=utf-8")};
        auto manifest = core::Manifest::parse(body, types.at(selector));
        if (!manifest)
            return 0;
        if (manifest->digest != core::Manifest::digestOf(body))
            fuzz::fail("a parsed manifest's digest is not the digest of its bytes");
        (void)manifest->isPluginConfigType();
        if (manifest->isList()) {
            (void)manifest->entryFor(QStringLiteral("linux"), QStringLiteral("amd64"), QString());
            (void)manifest->entryFor(QStringLiteral("linux"), QStringLiteral("arm64"), QStringLiteral("v8"));
        } else {
            const QByteArray again = core::Manifest::schema2(manifest->config, manifest->layers);
            if (!core::Manifest::parse(again, core::Manifest::DockerManifest))
                fuzz::fail("a manifest written from a parsed one does not parse");
        }
        return 0;
    }
    if (selector == 6) {
        auto reply = core::TokenCache::parseReply(body, QStringLiteral("https://auth.example.com/token"));
        if (reply && (reply->token.isEmpty() || reply->expiresIn <= 0))
            fuzz::fail("a token reply without a token or with a non-positive expiry was accepted");
        return 0;
    }
    (void)core::RegistryAuth::decode(QString::fromUtf8(body), QStringLiteral("registry.example.com"));
    return 0;
}
