// Volume-driver answers: the first byte picks the call (Create, Remove, Mount, Path, Unmount, Get, List,
// Capabilities) and whether the HTTP status is 200 or another; the rest is the body the plugin answered, decoded by
// VolumeDriverClient's own decoding (decodeAnswer, then what the call takes from the answer).
#include "core/volume/volumedriverclient.h"
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
    static const QStringList methods{
        QStringLiteral("/VolumeDriver.Create"),  QStringLiteral("/VolumeDriver.Remove"),
        QStringLiteral("/VolumeDriver.Mount"),   QStringLiteral("/VolumeDriver.Path"),
        QStringLiteral("/VolumeDriver.Unmount"), QStringLiteral("/VolumeDriver.Get"),
        QStringLiteral("/VolumeDriver.List"),    QStringLiteral("/VolumeDriver.Capabilities")};
    const int call = data[0] & 7;
    static const long statuses[] = {200, 200, 200, 200, 404, 500, 400, 0};
    const long status = statuses[(data[0] >> 3) & 7];
    const QByteArray body = fuzz::bytes(data + 1, size - 1);
    auto answer = core::VolumeDriverClient::decodeAnswer(methods.at(call), status, body);
    if (!answer) {
        if (answer.error().message.isEmpty() && status == 200)
            fuzz::fail("a refused answer without a message");
        return 0;
    }
    switch (call) {
    case 2:
    case 3:
        (void)answer->value(QStringLiteral("Mountpoint")).toString();
        break;
    case 5:
        if (auto volume = core::VolumeDriverClient::volumeOf(*answer))
            (void)volume->name.size();
        break;
    case 6:
        (void)core::VolumeDriverClient::volumesOf(*answer);
        break;
    case 7: {
        const QString scope = core::VolumeDriverClient::scopeOf(*answer);
        if (scope != QLatin1String("global") && scope != QLatin1String("local"))
            fuzz::fail("a scope other than global or local:", scope);
        break;
    }
    default:
        break;
    }
    return 0;
}
