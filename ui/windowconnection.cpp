#include "ui/windowconnection.h"

#include "core/engine/engine.h"

#include <QTimer>

namespace ui {

WindowConnection::WindowConnection(const core::ConnectionEntry &entry, EngineMaker maker, QObject *parent)
    : QObject(parent)
    , m_entry(entry)
    , m_maker(std::move(maker))
{}

WindowConnection::WindowConnection(const core::ConnectionEntry &entry, core::Engine *engine, QObject *parent)
    : QObject(parent)
    , m_entry(entry)
    , m_engine(engine)
    , m_started(true)
{
    connect(m_engine, &core::Engine::readinessChanged, this, &WindowConnection::followEngine);
    followEngine();
}

WindowConnection::~WindowConnection() = default;

QString WindowConnection::displayName() const
{
    return m_entry.source == core::ConnectionSource::ThisComputer ? tr("This computer") : m_entry.name;
}

QString WindowConnection::stateText() const
{
    switch (m_state) {
    case State::Connecting:
        return tr("Connecting…");
    case State::Connected:
        return tr("Connected");
    case State::Failed:
        return m_error;
    }
    return {};
}

void WindowConnection::connectLater()
{
    if (m_started)
        return;
    m_started = true;
    // After the window is shown and the other connections had their turn.
    QTimer::singleShot(0, this, &WindowConnection::makeEngine);
}

void WindowConnection::retry()
{
    if (!m_engine) {
        m_started = true;
        setState(State::Connecting);
        QTimer::singleShot(0, this, &WindowConnection::makeEngine);
        return;
    }
    if (m_engine->readiness() == core::Engine::Readiness::Loading)
        return;
    setState(State::Connecting);
    core::Job *job = m_engine->reload();
    // A reload that ends at once, with readiness unchanged, still says how it ended.
    job->then(this, [this, job](const core::Job &) {
        job->deleteLater();
        followEngine();
    });
}

void WindowConnection::makeEngine()
{
    if (m_engine)
        return;
    const core::Result<core::ConnectionUrl> url = m_entry.parsedUrl();
    if (!url) {
        setState(State::Failed, url.error().message);
        return;
    }
    core::Result<std::unique_ptr<core::Engine>> made =
        m_maker ? m_maker(*url)
                : core::Result<std::unique_ptr<core::Engine>>(core::Error{core::ErrorCode::Internal, {}});
    if (!made) {
        setState(State::Failed,
                 made.error().message.isEmpty() ? tr("No engine for %1.").arg(m_entry.url) : made.error().message);
        return;
    }
    m_owned = std::move(*made);
    m_engine = m_owned.get();
    connect(m_engine, &core::Engine::readinessChanged, this, &WindowConnection::followEngine);
    followEngine();
    Q_EMIT engineReady(m_engine);
}

void WindowConnection::followEngine()
{
    if (!m_engine)
        return;
    switch (m_engine->readiness()) {
    case core::Engine::Readiness::Loading:
        setState(State::Connecting);
        break;
    case core::Engine::Readiness::Ready:
        setState(State::Connected);
        break;
    case core::Engine::Readiness::Failed: {
        const std::optional<core::Error> error = m_engine->readError();
        setState(State::Failed, error ? error->message : tr("%1 could not be read.").arg(m_entry.url));
        break;
    }
    }
}

void WindowConnection::setState(State state, const QString &error)
{
    if (state == m_state && error == m_error)
        return;
    m_state = state;
    m_error = error;
    Q_EMIT stateChanged();
}

} // namespace ui
