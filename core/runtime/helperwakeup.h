#pragma once

#include <QString>
#include <memory>

namespace core {

// How a plugin's monitor makes sure a helper is there to announce what it just recorded: the helper exits when
// idle, the monitors outlive it, and only a running helper turns state files into RuntimeStateChanged on the bus.
// So after each new state the monitor asks the bus to start org.plugdesk.Helper1 (StartServiceByName; a running
// helper makes it a no-op), and a window watching the name reads afresh when the helper comes back.
//
// The bus is the one of the helper that started the monitor: the helper puts its address in $PLUGDESK_MONITOR_BUS
// for the monitors it launches. Without it (a monitor started by root's plugdeskctl, no helper involved) nothing
// is sent. request() never waits for the bus: the call is sent by Qt DBus's own thread, and only the destructor
// waits (at most kTimeoutMs) for the last one to be answered, so that a monitor that exits still delivers it.
// Made after the monitor has blocked its signals: the bus thread inherits that mask.
class HelperWakeup final
{
public:
    static constexpr int kTimeoutMs = 2000;

    // `address` empty: does nothing.
    explicit HelperWakeup(const QString &address);
    ~HelperWakeup();
    HelperWakeup(const HelperWakeup &) = delete;
    HelperWakeup &operator=(const HelperWakeup &) = delete;

    // Whether requests go anywhere (an address was given and the bus answered the connection).
    bool isActive() const;
    // Asks the bus to start the helper, fire and forget; returns at once.
    void request();

    // $PLUGDESK_MONITOR_BUS, the address the helper leaves for its monitors.
    static QString addressFromEnvironment();
    // The name of the helper's service (HelperProtocol::serviceName(), which sits above this layer).
    static QString serviceName();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace core
