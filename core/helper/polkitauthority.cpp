#include "core/helper/polkitauthority.h"

#include "core/base/calllocale.h"

#include <QDBusArgument>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>

namespace core {

namespace {

const QString kPolkitService = QStringLiteral("org.freedesktop.PolicyKit1");
const QString kPolkitPath = QStringLiteral("/org/freedesktop/PolicyKit1/Authority");
const QString kPolkitInterface = QStringLiteral("org.freedesktop.PolicyKit1.Authority");
constexpr uint kAllowUserInteraction = 1;
// A person may take a while to type a password into the agent's dialog.
constexpr int kInteractiveTimeoutMs = 10 * 60 * 1000;

// True when the error means "nobody serves org.freedesktop.PolicyKit1 and it cannot be activated".
bool polkitIsAbsent(const QDBusError &error)
{
    return error.type() == QDBusError::ServiceUnknown ||
           error.name() == QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner") ||
           error.name() == QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown") ||
           error.name() == QLatin1String("org.freedesktop.DBus.Error.Spawn.ServiceNotFound");
}

} // namespace

PolkitAuthority::PolkitAuthority(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{}

void PolkitAuthority::check(const QString &busName, const QString &action, const Details &details, const QString &what,
                            Done done, bool interactive)
{
    // CheckAuthorization(in (sa{sv}) subject, in s action_id, in a{ss} details, in u flags, in s cancellation_id,
    //                    out (bba{ss}) result)
    QDBusArgument subject;
    subject.beginStructure();
    subject << QStringLiteral("system-bus-name");
    subject.beginMap(QMetaType::fromType<QString>(), QMetaType::fromType<QDBusVariant>());
    subject.beginMapEntry();
    subject << QStringLiteral("name") << QDBusVariant(busName);
    subject.endMapEntry();
    subject.endMap();
    subject.endStructure();

    QDBusArgument detailMap;
    detailMap.beginMap(QMetaType::fromType<QString>(), QMetaType::fromType<QString>());
    for (auto it = details.constBegin(); it != details.constEnd(); ++it) {
        detailMap.beginMapEntry();
        detailMap << it.key() << it.value();
        detailMap.endMapEntry();
    }
    detailMap.endMap();

    QDBusMessage call = QDBusMessage::createMethodCall(kPolkitService, kPolkitPath, kPolkitInterface,
                                                       QStringLiteral("CheckAuthorization"));
    call << QVariant::fromValue(subject) << action << QVariant::fromValue(detailMap)
         << (interactive ? kAllowUserInteraction : 0u) << QString();

    ++m_pending;
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, kInteractiveTimeoutMs), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, watcher, busName, action, what, done, interactive,
             locale = CallLocale::capture()](QDBusPendingCallWatcher *) {
                CallLocale::Scope language(locale); // the refusal is in the caller's language
                watcher->deleteLater();
                --m_pending;
                const QDBusMessage reply = watcher->reply();
                if (reply.type() == QDBusMessage::ErrorMessage) {
                    const QDBusError error = watcher->error();
                    if (polkitIsAbsent(error)) {
                        checkUidFallback(busName, action, what, done);
                        return;
                    }
                    done(Error{ErrorCode::PermissionDenied,
                               tr("not authorized to %1 (%2): polkit failed: %3").arg(what, action, error.message())});
                    return;
                }
                bool authorized = false;
                bool challenge = false;
                if (!reply.arguments().isEmpty()) {
                    const QDBusArgument result = reply.arguments().constFirst().value<QDBusArgument>();
                    result.beginStructure();
                    result >> authorized >> challenge;
                    result.endStructure();
                }
                if (authorized) {
                    done({});
                    return;
                }
                if (challenge && !interactive) {
                    done(Error{ErrorCode::AuthorizationRequired,
                               tr("not authorized to %1 (%2): a password is needed, and this request did not allow "
                                  "asking for one")
                                   .arg(what, action)});
                    return;
                }
                if (challenge) {
                    done(Error{ErrorCode::PermissionDenied,
                               tr("not authorized to %1 (%2): authentication is required, and no polkit agent "
                                  "answered; run it from a desktop session, or with pkexec")
                                   .arg(what, action)});
                    return;
                }
                done(Error{ErrorCode::PermissionDenied, tr("not authorized to %1 (%2)").arg(what, action)});
            });
}

void PolkitAuthority::checkUidFallback(const QString &busName, const QString &action, const QString &what,
                                       const Done &done)
{
    ++m_pending;
    callerUid(
        m_bus, busName, this, [this, action, what, done, locale = CallLocale::capture()](const Result<uint> &uid) {
            CallLocale::Scope language(locale);
            --m_pending;
            if (!uid) {
                done(uid.error());
                return;
            }
            if (*uid == 0) {
                done({});
                return;
            }
            done(Error{
                ErrorCode::PermissionDenied,
                tr("not authorized to %1 (%2): polkit is not running, so only root may do this").arg(what, action)});
        });
}

void PolkitAuthority::callerUid(const QDBusConnection &bus, const QString &busName, QObject *context,
                                std::function<void(const Result<uint> &)> done)
{
    QDBusMessage call =
        QDBusMessage::createMethodCall(QStringLiteral("org.freedesktop.DBus"), QStringLiteral("/org/freedesktop/DBus"),
                                       QStringLiteral("org.freedesktop.DBus"), QStringLiteral("GetConnectionUnixUser"));
    call << busName;
    auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(call), context);
    QObject::connect(
        watcher, &QDBusPendingCallWatcher::finished, context, [watcher, busName, done, locale = CallLocale::capture()] {
            CallLocale::Scope language(locale);
            watcher->deleteLater();
            const QDBusPendingReply<uint> reply = *watcher;
            if (reply.isError()) {
                done(Error{ErrorCode::PermissionDenied,
                           tr("cannot tell who is calling (%1): %2").arg(busName, reply.error().message())});
                return;
            }
            done(reply.value());
        });
}

} // namespace core
