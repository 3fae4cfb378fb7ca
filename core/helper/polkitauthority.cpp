#include "core/helper/polkitauthority.h"

#include "core/base/calllocale.h"

#include <QCoreApplication>
#include <QDBusArgument>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#include <QLocale>
#include <QTimer>
#include <memory>
#include <utility>

namespace core {

namespace {

const QString kPolkitService = QStringLiteral("org.freedesktop.PolicyKit1");
const QString kPolkitPath = QStringLiteral("/org/freedesktop/PolicyKit1/Authority");
const QString kPolkitInterface = QStringLiteral("org.freedesktop.PolicyKit1.Authority");
constexpr uint kAllowUserInteraction = 1;
// A person may take a while to type a password into the agent's dialog, but not forever: after this the check is
// cancelled and the caller told so. The client's own call timeout (HelperEngine) is longer, so this message is what
// the person sees.
constexpr int kDefaultAuthTimeoutMs = 5 * 60 * 1000;

// $PLUGDESK_AUTH_TIMEOUT_MS (tests shorten it), else kDefaultAuthTimeoutMs.
int authTimeoutMs()
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue("PLUGDESK_AUTH_TIMEOUT_MS", &ok);
    return ok && value > 0 ? value : kDefaultAuthTimeoutMs;
}

// True when the error means "nobody serves org.freedesktop.PolicyKit1 and it cannot be activated".
bool polkitIsAbsent(const QDBusError &error)
{
    return error.type() == QDBusError::ServiceUnknown ||
           error.name() == QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner") ||
           error.name() == QLatin1String("org.freedesktop.DBus.Error.ServiceUnknown") ||
           error.name() == QLatin1String("org.freedesktop.DBus.Error.Spawn.ServiceNotFound");
}

} // namespace

QString PolkitAuthority::durationText(int milliseconds)
{
    if (milliseconds == 60000)
        return tr("1 minute");
    if (milliseconds % 60000 == 0)
        return tr("%1 minutes").arg(milliseconds / 60000);
    if (milliseconds == 1000)
        return tr("1 second");
    if (milliseconds % 1000 == 0)
        return tr("%1 seconds").arg(milliseconds / 1000);
    return tr("%1 seconds").arg(QLocale().toString(milliseconds / 1000.0, 'f', 1));
}

PolkitAuthority::PolkitAuthority(const QDBusConnection &bus, QObject *parent)
    : QObject(parent)
    , m_bus(bus)
{}

void PolkitAuthority::check(const QString &busName, const QString &action, const Details &details, const QString &what,
                            const Done &done, bool interactive)
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

    static quint64 counter = 0;
    const QString cancellationId =
        QStringLiteral("plugdesk-%1-%2").arg(QCoreApplication::applicationPid()).arg(++counter);
    QDBusMessage call = QDBusMessage::createMethodCall(kPolkitService, kPolkitPath, kPolkitInterface,
                                                       QStringLiteral("CheckAuthorization"));
    call << QVariant::fromValue(subject) << action << QVariant::fromValue(detailMap)
         << (interactive ? kAllowUserInteraction : 0u) << cancellationId;

    ++m_pending;
    const int timeoutMs = authTimeoutMs();
    // `done` runs once: from the reply, or from the time-out (the reply to the cancelled check is then ignored).
    auto answered = std::make_shared<bool>(false);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, timeoutMs + 60 * 1000), this);
    auto *timer = new QTimer(watcher);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this,
            [this, answered, cancellationId, action, what, done, timeoutMs, locale = CallLocale::capture()] {
                if (std::exchange(*answered, true))
                    return;
                CallLocale::Scope language(locale);
                QDBusMessage cancel = QDBusMessage::createMethodCall(kPolkitService, kPolkitPath, kPolkitInterface,
                                                                     QStringLiteral("CancelCheckAuthorization"));
                cancel << cancellationId;
                m_bus.asyncCall(cancel); // its answer changes nothing: the caller is told now
                done(Error{ErrorCode::Timeout, tr("not authorized to %1 (%2): the authorisation was not answered "
                                                  "within %3")
                                                   .arg(what, action, durationText(timeoutMs))});
            });
    timer->start(timeoutMs);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, watcher, busName, action, what, done, interactive, answered,
             locale = CallLocale::capture()](QDBusPendingCallWatcher *) {
                CallLocale::Scope language(locale); // the refusal is in the caller's language
                watcher->deleteLater();
                --m_pending;
                if (std::exchange(*answered, true))
                    return; // timed out already
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
                                  "could ask for it; run plugdeskctl on a terminal, where it asks for the password "
                                  "itself, or from a desktop session with a polkit agent")
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
                                const std::function<void(const Result<uint> &)> &done)
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
