#include "core/runtime/helperwakeup.h"

#include <QAtomicInteger>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <optional>
#include <unistd.h>

namespace core {

struct HelperWakeup::Private
{
    QString connectionName;
    QDBusConnection bus{QString()};
    std::optional<QDBusPendingCall> last;
};

HelperWakeup::HelperWakeup(const QString &address)
    : d(std::make_unique<Private>())
{
    if (address.isEmpty())
        return;
    static QAtomicInteger<quint64> counter = 0;
    d->connectionName = QStringLiteral("plugdesk-monitor-wakeup-%1-%2").arg(::getpid()).arg(++counter);
    d->bus = QDBusConnection::connectToBus(address, d->connectionName);
}

HelperWakeup::~HelperWakeup()
{
    if (d->last)
        d->last->waitForFinished(); // bounded by the call's timeout
    d->last.reset();
    if (!d->connectionName.isEmpty()) {
        d->bus = QDBusConnection(QString());
        QDBusConnection::disconnectFromBus(d->connectionName);
    }
}

bool HelperWakeup::isActive() const
{
    return d->bus.isConnected();
}

void HelperWakeup::request()
{
    if (!d->bus.isConnected())
        return;
    QDBusMessage start =
        QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                                       QStringLiteral("org.freedesktop.DBus"), QStringLiteral("StartServiceByName"));
    start << serviceName() << quint32(0);
    // The answer (started, already running, or an error) changes nothing for the monitor: it is not read.
    d->last = d->bus.asyncCall(start, kTimeoutMs);
}

QString HelperWakeup::addressFromEnvironment()
{
    return qEnvironmentVariable("PLUGDESK_MONITOR_BUS");
}

QString HelperWakeup::serviceName()
{
    return QStringLiteral("org.plugdesk.Helper1");
}

} // namespace core
