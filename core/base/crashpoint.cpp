#include "core/base/crashpoint.h"

#ifdef PLUGDESK_CRASH_POINTS

#include <QByteArray>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace core {

namespace {

struct Armed
{
    QByteArray point; // empty: nothing armed
    qint64 count = 1; // the hit, or the bytes, at which the process dies
    bool trace = false;
};

const Armed &armed()
{
    static const Armed value = [] {
        Armed result;
        result.trace = qEnvironmentVariableIntValue("PLUGDESK_CRASH_TRACE") != 0;
        const QByteArray spec = qgetenv("PLUGDESK_CRASH_AT");
        const qsizetype colon = spec.lastIndexOf(':');
        result.point = colon < 0 ? spec : spec.left(colon);
        if (colon >= 0) {
            bool ok = false;
            result.count = spec.mid(colon + 1).toLongLong(&ok);
            if (!ok || result.count < 1) {
                std::fprintf(stderr, "PLUGDESK_CRASH_AT=%s: the count after ':' must be a positive number\n",
                             spec.constData());
                ::_exit(125);
            }
        }
        return result;
    }();
    return value;
}

std::atomic<qint64> g_passed{0};

[[noreturn]] void die(const char *point)
{
    std::fprintf(stderr, "crash point %s: SIGKILL\n", point);
    ::kill(::getpid(), SIGKILL);
    for (;;)
        ::pause();
}

} // namespace

void crashPoint(const char *point)
{
    const Armed &spec = armed();
    if (spec.trace)
        std::fprintf(stderr, "crash point %s\n", point);
    if (spec.point.isEmpty() || spec.point != point)
        return;
    if (g_passed.fetch_add(1) + 1 >= spec.count)
        die(point);
}

void crashPointBytes(const char *point, qint64 bytes)
{
    const Armed &spec = armed();
    if (spec.trace)
        std::fprintf(stderr, "crash point %s +%lld\n", point, static_cast<long long>(bytes));
    if (spec.point.isEmpty() || spec.point != point)
        return;
    if (g_passed.fetch_add(bytes) + bytes >= spec.count)
        die(point);
}

} // namespace core

#endif
