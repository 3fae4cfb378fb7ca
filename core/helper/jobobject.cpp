#include "core/helper/jobobject.h"

#include "core/helper/helperprotocol.h"
#include "core/helper/polkitauthority.h"

#include <QDBusError>
#include <QDBusMessage>
#include <QDBusVariant>
#include <QTimer>

namespace core {

namespace {

const QString kPropertiesInterface = QStringLiteral("org.freedesktop.DBus.Properties");

} // namespace

JobObject::JobObject(Job *job, QString operation, QString owner, const QDBusConnection &bus, QString path,
                     QObject *parent)
    : QDBusVirtualObject(parent)
    , m_job(job)
    , m_operation(std::move(operation))
    , m_owner(std::move(owner))
    , m_bus(bus)
    , m_path(std::move(path))
{
    HelperProtocol::registerTypes();
    m_lastProgress = job->lastProgress();
    connect(job, &Job::progressed, this, [this](const JobProgress &progress) {
        m_lastProgress = progress;
        sendProgress(progress);
    });
    connect(job, &Job::finished, this, &JobObject::onFinished);
    // A job that is torn down without finishing still ends, as an internal error, so no client waits forever.
    connect(job, &QObject::destroyed, this, [this] {
        if (m_finished)
            return;
        m_finished = true;
        m_errorCode = HelperProtocol::codeName(ErrorCode::Internal);
        m_errorMessage = tr("the job went away before it finished");
        sendFinished();
        Q_EMIT ended();
        QTimer::singleShot(kLingerMs, this, &QObject::deleteLater);
    });
    if (job->isFinished())
        QTimer::singleShot(0, this, &JobObject::onFinished);
}

JobObject::~JobObject()
{
    if (m_exported)
        m_bus.unregisterObject(m_path);
}

bool JobObject::exportOnBus()
{
    m_exported = m_bus.registerVirtualObject(m_path, this, QDBusConnection::SingleNode);
    return m_exported;
}

JobProgress JobObject::progress() const
{
    return m_lastProgress;
}

bool JobObject::isFinished() const
{
    return m_finished;
}

bool JobObject::succeeded() const
{
    return m_success;
}

QString JobObject::errorCode() const
{
    return m_errorCode;
}

QString JobObject::errorMessage() const
{
    return m_errorMessage;
}

QString JobObject::resultJson() const
{
    return m_resultJson;
}

void JobObject::sendProgress(const JobProgress &progress)
{
    // Unicast: a broadcast signal reaches every connection with a matching rule, whoever it belongs to.
    QDBusMessage signal = QDBusMessage::createTargetedSignal(m_owner, m_path, HelperProtocol::jobInterfaceName(),
                                                             QStringLiteral("Progress"));
    signal << progress.phase << progress.item << qlonglong(progress.bytesDone) << qlonglong(progress.bytesTotal)
           << progress.text;
    m_bus.send(signal);
}

void JobObject::sendFinished()
{
    QDBusMessage signal = QDBusMessage::createTargetedSignal(m_owner, m_path, HelperProtocol::jobInterfaceName(),
                                                             QStringLiteral("Finished"));
    signal << m_success << m_errorCode << m_errorMessage << m_resultJson;
    m_bus.send(signal);
}

void JobObject::onFinished()
{
    if (m_finished || !m_job)
        return;
    m_finished = true;
    m_success = m_job->succeeded();
    if (const auto error = m_job->error()) {
        m_errorCode = HelperProtocol::codeName(error->code);
        m_errorMessage = error->message;
    } else {
        m_resultJson = HelperProtocol::encodeResult(m_job->result());
    }
    sendFinished();
    Q_EMIT ended();
    QTimer::singleShot(kLingerMs, this, &QObject::deleteLater);
}

QVariantMap JobObject::properties() const
{
    return {{QStringLiteral("Operation"), m_operation},
            {QStringLiteral("Owner"), m_owner},
            {QStringLiteral("Progress"), QVariant::fromValue(m_lastProgress)},
            {QStringLiteral("Finished"), m_finished},
            {QStringLiteral("Success"), m_success},
            {QStringLiteral("ErrorCode"), m_errorCode},
            {QStringLiteral("ErrorMessage"), m_errorMessage},
            {QStringLiteral("Result"), m_resultJson}};
}

QString JobObject::introspect(const QString &path) const
{
    Q_UNUSED(path);
    return QStringLiteral("  <interface name=\"%1\">\n"
                          "    <property name=\"Operation\" type=\"s\" access=\"read\"/>\n"
                          "    <property name=\"Owner\" type=\"s\" access=\"read\"/>\n"
                          "    <property name=\"Progress\" type=\"(ssxxs)\" access=\"read\"/>\n"
                          "    <property name=\"Finished\" type=\"b\" access=\"read\"/>\n"
                          "    <property name=\"Success\" type=\"b\" access=\"read\"/>\n"
                          "    <property name=\"ErrorCode\" type=\"s\" access=\"read\"/>\n"
                          "    <property name=\"ErrorMessage\" type=\"s\" access=\"read\"/>\n"
                          "    <property name=\"Result\" type=\"s\" access=\"read\"/>\n"
                          "    <method name=\"Cancel\"/>\n"
                          "    <signal name=\"Progress\">\n"
                          "      <arg name=\"phase\" type=\"s\"/>\n"
                          "      <arg name=\"item\" type=\"s\"/>\n"
                          "      <arg name=\"bytesDone\" type=\"x\"/>\n"
                          "      <arg name=\"bytesTotal\" type=\"x\"/>\n"
                          "      <arg name=\"text\" type=\"s\"/>\n"
                          "    </signal>\n"
                          "    <signal name=\"Finished\">\n"
                          "      <arg name=\"success\" type=\"b\"/>\n"
                          "      <arg name=\"errorCode\" type=\"s\"/>\n"
                          "      <arg name=\"message\" type=\"s\"/>\n"
                          "      <arg name=\"resultJson\" type=\"s\"/>\n"
                          "    </signal>\n"
                          "  </interface>\n")
        .arg(HelperProtocol::jobInterfaceName());
}

bool JobObject::handleMessage(const QDBusMessage &message, const QDBusConnection &connection)
{
    if (message.type() != QDBusMessage::MethodCallMessage)
        return false;
    const QString interface = message.interface();
    const bool job = interface.isEmpty() || interface == HelperProtocol::jobInterfaceName();
    if (!job && interface != kPropertiesInterface)
        return false; // Introspectable and Peer: QtDBus answers them
    if (job && message.member() != QLatin1String("Cancel"))
        return false; // QtDBus answers "no such method"
    message.setDelayedReply(true);
    if (message.service() == m_owner) {
        answer(message, connection);
        return true;
    }
    // Anyone else must be root: ask the bus daemon, without blocking the helper.
    const QDBusConnection &bus = connection;
    PolkitAuthority::callerUid(bus, message.service(), this, [this, bus, message](const Result<uint> &uid) {
        if (uid && *uid == 0) {
            answer(message, bus);
            return;
        }
        const QString why =
            !uid ? uid.error().message
            : message.member() == QLatin1String("Cancel")
                ? tr("not authorized to cancel this job: only the caller that started it, or root, may cancel it")
                : tr("not authorized to read this job: only the caller that started it, or root, may read it");
        bus.send(message.createErrorReply(HelperProtocol::errorName(ErrorCode::PermissionDenied), why));
    });
    return true;
}

void JobObject::answer(const QDBusMessage &message, const QDBusConnection &connection)
{
    const QString member = message.member();
    const QVariantList arguments = message.arguments();
    if (member == QLatin1String("Cancel")) {
        if (m_job && !m_finished)
            m_job->cancel();
        connection.send(message.createReply());
        return;
    }
    const bool ours =
        !arguments.isEmpty() && (arguments.constFirst().toString() == HelperProtocol::jobInterfaceName() ||
                                 arguments.constFirst().toString().isEmpty());
    if (member == QLatin1String("GetAll") && message.signature() == QLatin1String("s")) {
        connection.send(message.createReply(QVariant(ours ? properties() : QVariantMap())));
        return;
    }
    if (member == QLatin1String("Get") && message.signature() == QLatin1String("ss")) {
        const QVariantMap all = properties();
        const QString name = arguments.at(1).toString();
        if (!ours || !all.contains(name)) {
            connection.send(message.createErrorReply(QDBusError::UnknownProperty,
                                                     tr("no property \"%1\" on %2").arg(name, m_path)));
            return;
        }
        connection.send(message.createReply(QVariant::fromValue(QDBusVariant(all.value(name)))));
        return;
    }
    if (member == QLatin1String("Set")) {
        connection.send(
            message.createErrorReply(QDBusError::PropertyReadOnly, tr("the properties of a job are read-only")));
        return;
    }
    connection.send(message.createErrorReply(QDBusError::UnknownMethod,
                                             tr("no method \"%1\" in interface %2").arg(member, message.interface())));
}

} // namespace core
