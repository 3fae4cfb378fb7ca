// The socket proxy (the socket published for dockerd and Podman): the first byte picks the part.
//   0..127   SocketProxy::parseRequest on the rest, as bytes arrive from dockerd: the whole input, and every prefix
//            cut at a few places must say NeedMore or the same outcome (a request is never complete before its end).
//   128..255 SocketProxy::rewriteMountpoints on the rest, as the plugin's answer, with a plugin whose rootfs and
//            propagated mount are real folders under <tmp> holding a symlink out ("escape" -> "/") and one in; an
//            answer that is rewritten must name only paths inside those folders.
#include "core/runtime/socketproxy.h"
#include "fuzz/fuzzcommon.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialise(argc, argv);
    return 0;
}

namespace {

const core::VolumeDriverInfo &mapping()
{
    static const core::VolumeDriverInfo info = [] {
        const QString base = fuzz::scratch() + QStringLiteral("/proxy");
        core::VolumeDriverInfo made;
        made.name = QStringLiteral("fuzz/vol:latest");
        made.pluginId = QStringLiteral("0123456789abcdef");
        made.propagatedMount = QStringLiteral("/data");
        made.hostPropagatedMount = base + QStringLiteral("/propagated-mount");
        made.rootfs = base + QStringLiteral("/rootfs");
        for (const QString &dir :
             QStringList{made.hostPropagatedMount + QStringLiteral("/vols/v1"),
                         made.rootfs + QStringLiteral("/var/lib/x"), made.rootfs + QStringLiteral("/data")})
            QDir().mkpath(dir);
        QFile::link(QStringLiteral("/"), made.hostPropagatedMount + QStringLiteral("/escape"));
        QFile::link(QStringLiteral("/etc"), made.rootfs + QStringLiteral("/escape"));
        QFile::link(QStringLiteral("vols/v1"), made.hostPropagatedMount + QStringLiteral("/inside"));
        return made;
    }();
    return info;
}

bool inside(const QString &path, const QString &folder)
{
    return path == folder || path.startsWith(folder + QLatin1Char('/'));
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    const QByteArray rest = fuzz::bytes(data + 1, size - 1);
    if (data[0] < 128) {
        using Parsed = core::SocketProxy::Parsed;
        const Parsed whole = core::SocketProxy::parseRequest(rest);
        if (whole.state == Parsed::Complete && whole.request.body.size() > rest.size())
            fuzz::fail("a request body longer than what was received");
        if (whole.state == Parsed::Refuse && whole.message.isEmpty())
            fuzz::fail("a refusal without a message");
        for (const qsizetype cut : {rest.size() / 2, rest.size() - 1}) {
            if (cut <= 0 || cut >= rest.size())
                continue;
            const Parsed part = core::SocketProxy::parseRequest(rest.left(cut));
            if (part.state == Parsed::Complete && whole.state == Parsed::Complete &&
                part.request.body != whole.request.body && whole.request.body.startsWith(part.request.body))
                continue; // a Content-Length body ends where it says; more bytes after it are not the body
            if (part.state == Parsed::Complete && whole.state != Parsed::Complete)
                fuzz::fail("a prefix of a request is complete but the whole is not");
        }
        return 0;
    }
    const auto rewritten = core::SocketProxy::rewriteMountpoints(rest, mapping());
    if (!rewritten)
        return 0;
    const QJsonDocument document = QJsonDocument::fromJson(*rewritten);
    if (document.isObject()) {
        const QJsonValue mountpoint = document.object().value(QStringLiteral("Mountpoint"));
        if (mountpoint.isString() && !mountpoint.toString().isEmpty() &&
            !inside(mountpoint.toString(), mapping().rootfs) &&
            !inside(mountpoint.toString(), mapping().hostPropagatedMount))
            fuzz::fail("a rewritten mountpoint leads out of the plugin's folders:", mountpoint.toString());
    }
    return 0;
}
