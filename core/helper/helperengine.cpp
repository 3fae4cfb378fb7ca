#include "core/helper/helperengine.h"

#include "core/helper/helperprotocol.h"
#include "core/helper/remotejob.h"

#include <QAtomicInteger>
#include <QDBusError>
#include <QJsonDocument>

namespace core {

namespace {

// A person may take a while to answer a polkit agent's password dialog.
constexpr int kCallTimeoutMs = 10 * 60 * 1000;

QDBusConnection openBus(const QString &address, QString &connectionName)
{
    if (address.isEmpty())
        return QDBusConnection::systemBus();
    static QAtomicInteger<quint64> counter = 0;
    connectionName = QStringLiteral("plugdesk-helper-engine-%1").arg(++counter);
    return QDBusConnection::connectToBus(address, connectionName);
}

} // namespace

HelperEngine::HelperEngine(const Options &options, QObject *parent)
    : Engine(parent)
    , m_bus(QDBusConnection(QString()))
    , m_address(options.busAddress.isEmpty() ? qEnvironmentVariable("PLUGDESK_HELPER_BUS") : options.busAddress)
    , m_service(options.service.isEmpty() ? HelperProtocol::serviceName() : options.service)
{
    HelperProtocol::registerTypes();
    m_bus = openBus(m_address, m_connectionName);
    if (m_bus.isConnected())
        m_bus.connect(m_service, HelperProtocol::objectPath(), HelperProtocol::interfaceName(),
                      QStringLiteral("PluginsChanged"), this, SLOT(onPluginsChanged()));
}

HelperEngine::~HelperEngine()
{
    if (!m_connectionName.isEmpty()) {
        m_bus = QDBusConnection(QString());
        QDBusConnection::disconnectFromBus(m_connectionName);
    }
}

QString HelperEngine::location() const
{
    return m_address.isEmpty() ? tr("plugdesk-helper on the system bus") : tr("plugdesk-helper on %1").arg(m_address);
}

void HelperEngine::onPluginsChanged()
{
    Q_EMIT pluginsReloaded();
}

Error HelperEngine::errorFromReply(const QDBusMessage &reply)
{
    const QString name = reply.errorName();
    if (const auto code = HelperProtocol::codeFromErrorName(name))
        return {*code, reply.errorMessage()};
    const QDBusError error(reply);
    if (name == QLatin1String("org.freedesktop.DBus.Error.NameHasNoOwner"))
        return {ErrorCode::Network, tr("cannot reach the Plugdesk helper (%1): %2; is plugdesk-helper installed?")
                                        .arg(HelperProtocol::serviceName(), reply.errorMessage())};
    switch (error.type()) {
    case QDBusError::ServiceUnknown:
    case QDBusError::Disconnected:
        return {ErrorCode::Network, tr("cannot reach the Plugdesk helper (%1): %2; is plugdesk-helper installed?")
                                        .arg(HelperProtocol::serviceName(), reply.errorMessage())};
    case QDBusError::AccessDenied:
        return {ErrorCode::PermissionDenied,
                tr("the bus refused the call to the Plugdesk helper: %1").arg(reply.errorMessage())};
    case QDBusError::NoReply:
    case QDBusError::Timeout:
    case QDBusError::TimedOut:
        return {ErrorCode::Timeout, tr("the Plugdesk helper did not answer: %1").arg(reply.errorMessage())};
    default:
        break;
    }
    return {ErrorCode::Internal, tr("the Plugdesk helper failed: %1: %2").arg(name, reply.errorMessage())};
}

Result<QDBusMessage> HelperEngine::call(const QString &member, const QVariantList &arguments)
{
    if (!m_bus.isConnected())
        return Error{ErrorCode::Network,
                     tr("cannot connect to the bus of the Plugdesk helper (%1): %2")
                         .arg(m_address.isEmpty() ? tr("the system bus") : m_address, m_bus.lastError().message())};
    QDBusMessage message = QDBusMessage::createMethodCall(m_service, HelperProtocol::objectPath(),
                                                          HelperProtocol::interfaceName(), member);
    message.setArguments(arguments);
    message.setInteractiveAuthorizationAllowed(true);
    // BlockWithGui keeps a window painting while polkit's agent asks for a password.
    const QDBusMessage reply = m_bus.call(message, QDBus::BlockWithGui, kCallTimeoutMs);
    if (reply.type() == QDBusMessage::ErrorMessage)
        return errorFromReply(reply);
    if (reply.type() != QDBusMessage::ReplyMessage)
        return Error{ErrorCode::Internal, tr("the Plugdesk helper sent no reply to %1").arg(member)};
    return reply;
}

Result<PluginList> HelperEngine::plugins()
{
    auto reply = call(QStringLiteral("ListPlugins"), {});
    if (!reply)
        return reply.error();
    return HelperProtocol::decodePluginList(reply->arguments().value(0).toString().toUtf8());
}

Result<Plugin> HelperEngine::plugin(const QString &nameOrId)
{
    auto reply = call(QStringLiteral("InspectPlugin"), {nameOrId});
    if (!reply)
        return reply.error();
    const QJsonDocument document = QJsonDocument::fromJson(reply->arguments().value(0).toString().toUtf8());
    if (!document.isObject())
        return Error{ErrorCode::Internal, tr("the Plugdesk helper sent a plugin that is not JSON")};
    return HelperProtocol::decodePlugin(document.object());
}

Status HelperEngine::set(const QString &nameOrId, const QStringList &arguments)
{
    auto reply = call(QStringLiteral("SetPlugin"), {nameOrId, arguments});
    if (!reply)
        return reply.error();
    return {};
}

Job *HelperEngine::adoptJob(const QString &path, const QString &title)
{
    Job *job = RemoteJob::adopt(m_bus, m_service, path, title, this);
    Q_EMIT jobStarted(job);
    return job;
}

} // namespace core
