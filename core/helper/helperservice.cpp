#include "core/helper/helperservice.h"

#include "core/base/calllocale.h"
#include "core/engine/localengine.h"
#include "core/helper/helperprotocol.h"
#include "core/helper/helperverbs.h"
#include "core/helper/jobobject.h"
#include "core/helper/polkitauthority.h"

#include <QDBusConnectionInterface>
#include <QDBusError>
#include <QDBusMessage>
#include <QDBusReply>
#include <QPointer>
#include <QThreadPool>

namespace core {

HelperService::HelperService(const QDBusConnection &bus, LocalEngine *engine, QObject *parent)
    : QDBusVirtualObject(parent)
    , m_bus(bus)
    , m_engine(engine)
    , m_authority(new PolkitAuthority(bus, this))
{
    HelperProtocol::registerTypes();
    m_idleTimer.setSingleShot(true);
    m_idleTimer.setInterval(60 * 1000);
    connect(&m_idleTimer, &QTimer::timeout, this, &HelperService::onIdleTimeout);
    // What changed is pushed to every client, as ids only: a client reads the news through a method, which polkit
    // guards like any other read, so a signal tells nobody more than that something changed.
    connect(engine, &Engine::pluginChanged, this,
            [this](const QString &id) { emitSignal(HelperSignal::PluginChanged, {id}); });
    connect(engine, &Engine::pluginRemoved, this,
            [this](const QString &id) { emitSignal(HelperSignal::PluginRemoved, {id}); });
    connect(engine, &Engine::pluginsReloaded, this, [this] { emitSignal(HelperSignal::PluginsChanged, {}); });
    connect(engine, &Engine::runtimeStateChanged, this,
            [this](const QString &id) { emitSignal(HelperSignal::RuntimeStateChanged, {id}); });
    connect(engine, &Engine::volumesChanged, this, [this] { emitSignal(HelperSignal::VolumesChanged, {}); });
}

HelperService::~HelperService()
{
    if (m_registered)
        m_bus.unregisterObject(HelperProtocol::objectPath());
}

Status HelperService::start(bool claimName)
{
    if (!m_bus.isConnected())
        return Error{ErrorCode::Network, tr("not connected to the bus: %1").arg(m_bus.lastError().message())};
    m_registered = m_bus.registerVirtualObject(HelperProtocol::objectPath(), this, QDBusConnection::SingleNode);
    if (!m_registered)
        return Error{ErrorCode::Conflict, tr("cannot export %1 on the bus").arg(HelperProtocol::objectPath())};
    if (claimName) {
        const QDBusReply<QDBusConnectionInterface::RegisterServiceReply> reply = m_bus.interface()->registerService(
            HelperProtocol::serviceName(), QDBusConnectionInterface::DontQueueService,
            QDBusConnectionInterface::DontAllowReplacement);
        if (!reply.isValid())
            return Error{
                ErrorCode::PermissionDenied,
                tr("cannot own the bus name %1: %2").arg(HelperProtocol::serviceName(), reply.error().message())};
        if (reply.value() != QDBusConnectionInterface::ServiceRegistered)
            return Error{ErrorCode::Conflict,
                         tr("cannot own the bus name %1: another plugdesk-helper already serves it")
                             .arg(HelperProtocol::serviceName())};
    }
    touch();
    return {};
}

void HelperService::setIdleTimeout(int seconds)
{
    m_idleTimer.setInterval(seconds * 1000);
    if (seconds <= 0)
        m_idleTimer.stop();
    else
        touch();
}

void HelperService::touch()
{
    if (m_idleTimer.interval() > 0)
        m_idleTimer.start();
}

void HelperService::onIdleTimeout()
{
    if (m_inFlight > 0 || m_runningJobs > 0 || m_authority->pending() > 0) {
        touch();
        return;
    }
    Q_EMIT idle();
}

void HelperService::emitSignal(HelperSignal which, const QVariantList &arguments)
{
    QDBusMessage signal = QDBusMessage::createSignal(HelperProtocol::objectPath(), HelperProtocol::interfaceName(),
                                                     helperSignalName(which));
    signal.setArguments(arguments);
    m_bus.send(signal);
}

QString HelperService::exportJob(Job *job, const QString &operation, const QString &owner)
{
    auto *object = new JobObject(job, operation, owner, m_bus,
                                 HelperProtocol::jobPathPrefix() + QString::number(m_nextJob++), this);
    if (!object->exportOnBus()) {
        delete object;
        return {};
    }
    if (!object->isFinished()) {
        ++m_runningJobs;
        connect(object, &JobObject::ended, this, [this] {
            --m_runningJobs;
            touch();
        });
    }
    touch();
    return object->path();
}

QString HelperService::introspect(const QString &path) const
{
    Q_UNUSED(path);
    QString xml = QStringLiteral("  <interface name=\"%1\">\n").arg(HelperProtocol::interfaceName());
    for (const HelperVerb &verb : HelperVerbs::all()) {
        xml += QStringLiteral("    <method name=\"%1\">\n").arg(verb.member);
        for (const HelperArgument &argument : verb.in)
            xml += QStringLiteral("      <arg name=\"%1\" type=\"%2\" direction=\"in\"/>\n")
                       .arg(argument.name, argument.signature);
        for (const HelperArgument &argument : verb.out)
            xml += QStringLiteral("      <arg name=\"%1\" type=\"%2\" direction=\"out\"/>\n")
                       .arg(argument.name, argument.signature);
        xml += QStringLiteral("    </method>\n");
    }
    for (const HelperSignal which : kHelperSignals) {
        const QString signature = helperSignalSignature(which);
        xml += signature.isEmpty() ? QStringLiteral("    <signal name=\"%1\"/>\n").arg(helperSignalName(which))
                                   : QStringLiteral("    <signal name=\"%1\"><arg name=\"id\" type=\"%2\"/></signal>\n")
                                         .arg(helperSignalName(which), signature);
    }
    xml += QStringLiteral("  </interface>\n");
    return xml;
}

bool HelperService::handleMessage(const QDBusMessage &message, const QDBusConnection &connection)
{
    if (message.type() != QDBusMessage::MethodCallMessage)
        return false;
    if (!message.interface().isEmpty() && message.interface() != HelperProtocol::interfaceName())
        return false;
    const HelperVerb *verb = HelperVerbs::find(message.member());
    touch();
    // Everything said about this call, now and in the callbacks below, is in the caller's language.
    const std::optional<QString> locale = HelperVerbs::callerLocale(message);
    CallLocale::Scope language(locale);
    if (!verb) {
        connection.send(message.createErrorReply(
            QDBusError::UnknownMethod,
            tr("no method \"%1\" in interface %2").arg(message.member(), HelperProtocol::interfaceName())));
        return true;
    }
    // The reply goes out when polkit and the engine have answered; QtDBus must not send an empty one now.
    message.setDelayedReply(true);
    const QDBusConnection &bus = connection;
    auto replyError = [bus, message](const Error &error) {
        bus.send(message.createErrorReply(HelperProtocol::errorName(error.code), error.message));
    };
    if (auto valid = HelperVerbs::validate(*verb, message); !valid) {
        replyError(valid.error());
        return true;
    }

    PolkitAuthority::Details details;
    std::optional<Result<Plugin>> lookup;
    const QVariantList arguments = message.arguments();
    for (qsizetype index = 0; index < verb->in.size(); ++index) {
        const HelperArgument &argument = verb->in.at(index);
        if (argument.rule == ArgumentRule::PluginName && !lookup) {
            lookup = m_engine->plugin(arguments.at(index).toString());
            details.insert(QStringLiteral("plugin"), *lookup ? (*lookup)->name() : arguments.at(index).toString());
        } else if (argument.rule == ArgumentRule::Remote) {
            details.insert(QStringLiteral("remote"), arguments.at(index).toString());
        }
    }

    HelperVerbs::addDetails(*verb, arguments, lookup && *lookup ? &lookup->value() : nullptr, details);

    ++m_inFlight;
    // A client that may not show a password dialog now (a read after a pushed change) says so in the message:
    // polkit is then asked without interaction, and a missing password comes back as AuthorizationRequired.
    const bool interactive = message.isInteractiveAuthorizationAllowed();
    m_authority->check(
        message.service(), verb->action, details, verb->what(),
        [this, verb, bus, message, lookup, replyError, locale](const Status &authorized) {
            CallLocale::Scope language(locale);
            --m_inFlight;
            touch();
            if (!authorized) {
                replyError(authorized.error());
                return;
            }
            // A lookup failure is told only to a caller that may do the verb at all.
            if (lookup && !*lookup) {
                replyError(lookup->error());
                return;
            }
            std::optional<Plugin> plugin = lookup ? std::optional<Plugin>(lookup->value()) : std::nullopt;
            if (!HelperVerbs::hasDescriptors(*verb)) {
                runVerb(*verb, bus, message, plugin);
                return;
            }
            // The caller's files are looked at only now, and off this thread: a descriptor of a
            // stalled file system must not stop the helper for everyone else.
            ++m_inFlight;
            QPointer<HelperService> self(this);
            QThreadPool::globalInstance()->start([self, verb, bus, message, plugin, replyError, locale] {
                CallLocale::Scope language(locale);
                const Status checked = HelperVerbs::checkDescriptors(*verb, message.arguments());
                QMetaObject::invokeMethod(self.data(), [self, verb, bus, message, plugin, replyError, checked, locale] {
                    if (!self)
                        return;
                    CallLocale::Scope language(locale);
                    --self->m_inFlight;
                    self->touch();
                    if (!checked) {
                        replyError(checked.error());
                        return;
                    }
                    self->runVerb(*verb, bus, message, plugin);
                });
            });
        },
        interactive);
    return true;
}

void HelperService::runVerb(const HelperVerb &verb, const QDBusConnection &bus, const QDBusMessage &message,
                            const std::optional<Plugin> &plugin)
{
    if (!verb.secretsAction.isEmpty()) {
        // Secrets only for a caller that holds the action already: never a password prompt just to read.
        ++m_inFlight;
        QPointer<HelperService> self(this);
        m_authority->check(
            message.service(), verb.secretsAction, {}, verb.what(),
            [self, &verb, bus, message, plugin, locale = CallLocale::capture()](const Status &holds) {
                if (!self)
                    return;
                CallLocale::Scope language(locale);
                --self->m_inFlight;
                self->touch();
                self->runAuthorized(verb, bus, message, plugin, bool(holds));
            },
            false);
        return;
    }
    runAuthorized(verb, bus, message, plugin, false);
}

void HelperService::runAuthorized(const HelperVerb &verb, const QDBusConnection &bus, const QDBusMessage &message,
                                  const std::optional<Plugin> &plugin, bool revealSecrets)
{
    HelperCall call{*this, *m_engine, message, message.arguments(), plugin, revealSecrets};
    auto result = verb.run(call);
    if (!result) {
        bus.send(message.createErrorReply(HelperProtocol::errorName(result.error().code), result.error().message));
        return;
    }
    bus.send(message.createReply(*result));
}

} // namespace core
