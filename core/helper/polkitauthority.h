#pragma once

#include "core/base/result.h"

#include <QDBusConnection>
#include <QMap>
#include <QObject>
#include <QString>
#include <functional>

namespace core {

// Asks polkit whether the sender of a bus call may do an action: CheckAuthorization on
// org.freedesktop.PolicyKit1 with the caller's unique bus name as a `system-bus-name` subject, called directly
// with QtDBus (as systemd's bus-polkit does; no libpolkit). When polkitd is not on the bus and cannot be
// activated, only uid 0 passes. Every answer is asynchronous, so the helper keeps serving while a desktop
// agent asks for a password. A check nobody answers within $PLUGDESK_AUTH_TIMEOUT_MS (default 5 minutes) is
// cancelled (CancelCheckAuthorization) and refused with a Timeout naming the action and the time. Owns no cache:
// polkit's own auth_admin_keep does the remembering.
class PolkitAuthority final : public QObject
{
    Q_OBJECT

public:
    using Details = QMap<QString, QString>;
    using Done = std::function<void(const Status &)>;

    explicit PolkitAuthority(const QDBusConnection &bus, QObject *parent = nullptr);

    // `what` is the refusal's plain-language verb phrase, "change plugin settings": the refusal reads
    // "not authorized to change plugin settings (org.plugdesk.manage)". `done` runs exactly once, on this thread.
    // `interactive` false: no agent is asked, so the answer is yes only for what the caller holds already (an
    // action it is granted, or an auth_admin_keep it authenticated for a moment ago).
    void check(const QString &busName, const QString &action, const Details &details, const QString &what,
               const Done &done, bool interactive = true);

    // The uid of the connection that owns `busName`, from the bus daemon (GetConnectionUnixUser).
    static void callerUid(const QDBusConnection &bus, const QString &busName, QObject *context,
                          const std::function<void(const Result<uint> &)> &done);

    // "5 minutes", "2 seconds", "1.5 seconds": how long an authorisation may wait, in a refusal.
    static QString durationText(int milliseconds);

    // Checks still waiting for polkit or the bus daemon.
    int pending() const { return m_pending; }

private:
    void checkUidFallback(const QString &busName, const QString &action, const QString &what, const Done &done);

    QDBusConnection m_bus;
    int m_pending = 0;
};

} // namespace core
