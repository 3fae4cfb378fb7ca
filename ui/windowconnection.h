#pragma once

#include "core/base/result.h"
#include "core/connection/connectionstore.h"
#include "core/engine/engine.h"

#include <QObject>
#include <QPointer>
#include <functional>
#include <memory>

namespace ui {

// Makes the engine for a connection's URL (app/plugdesk/main.cpp: core::makeEngine). An error says why there is
// none; the engine it returns may still be connecting (Engine::readiness Loading) or fail later (Failed).
using EngineMaker = std::function<core::Result<std::unique_ptr<core::Engine>>(const core::ConnectionUrl &)>;

// One row of the window's connection list (issue 14): a name and URL, the engine made for it, and its state as the
// window shows it. The engine is made after the event loop runs again, never inside the constructor, so a
// connection that is slow or unreachable never holds up the window or the other connections; its state says how it
// goes: Connecting until the engine's first read answered, Connected, or Failed with the reason (Retry makes the
// engine again when there is none, else reads again).
class WindowConnection final : public QObject
{
    Q_OBJECT

public:
    enum class State { Connecting, Connected, Failed };

    // A connection whose engine `maker` makes from `entry`'s URL (the window owns it).
    WindowConnection(const core::ConnectionEntry &entry, EngineMaker maker, QObject *parent = nullptr);
    // A connection over an engine the caller owns (MainWindow(core::Engine *): the one-engine window).
    WindowConnection(const core::ConnectionEntry &entry, core::Engine *engine, QObject *parent = nullptr);
    ~WindowConnection() override;

    QString name() const { return m_entry.name; }
    QString url() const { return m_entry.url; }
    const core::ConnectionEntry &entry() const { return m_entry; }
    // The name the list shows: "This computer" for the built-in connection, else the saved name.
    QString displayName() const;

    // Null while the engine is being made or could not be.
    core::Engine *engine() const { return m_engine; }
    State state() const { return m_state; }
    // Why the connection failed (State::Failed), else empty.
    QString errorText() const { return m_error; }
    // One line for the connection list: "Connecting…", "Connected", or the error.
    QString stateText() const;

    // Starts connecting if nothing has been tried yet (made engines start at once; idempotent).
    void connectLater();
    // Tries again: makes the engine when there is none, else asks it to read again (Engine::reload).
    void retry();

Q_SIGNALS:
    void stateChanged();
    // The engine was made (after the first try or a Retry): the window builds the connection's pages.
    void engineReady(core::Engine *engine);

private:
    void makeEngine();
    void followEngine();
    void setState(State state, const QString &error = {});

    core::ConnectionEntry m_entry;
    EngineMaker m_maker;
    std::unique_ptr<core::Engine> m_owned;
    QPointer<core::Engine> m_engine;
    State m_state = State::Connecting;
    QString m_error;
    bool m_started = false;
};

} // namespace ui
