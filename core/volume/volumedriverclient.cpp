#include "core/volume/volumedriverclient.h"

#include "core/runtime/pluginhttpclient.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QThread>
#include <cerrno>
#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace core {

namespace {

QString seconds(int ms)
{
    return ms % 1000 == 0 ? QString::number(ms / 1000) : QString::number(ms / 1000.0, 'f', 1);
}

Volume volumeFrom(const QJsonObject &object)
{
    Volume volume;
    volume.name = object.value(QStringLiteral("Name")).toString();
    volume.mountpoint = object.value(QStringLiteral("Mountpoint")).toString();
    volume.createdAt = object.value(QStringLiteral("CreatedAt")).toString();
    volume.status = object.value(QStringLiteral("Status")).toObject();
    return volume;
}

} // namespace

VolumeDriverClient::VolumeDriverClient(QString socketPath, const Timeouts &timeouts)
    : m_socketPath(std::move(socketPath))
    , m_timeouts(timeouts)
{}

Result<VolumeDriverClient::Response> VolumeDriverClient::post(const QString &method, const QByteArray &body,
                                                              int timeoutMs, Failure &failure) const
{
    using Outcome = PluginHttpClient::Transfer::Outcome;
    const PluginHttpClient::Transfer done =
        PluginHttpClient::transfer(m_socketPath, method, body, timeoutMs, m_timeouts.maxBodyBytes);
    failure = done.outcome == Outcome::ConnectFailed ? Failure::ConnectFailed : Failure::Other;
    switch (done.outcome) {
    case Outcome::Answered:
        failure = Failure::None;
        return Response{done.status, done.body};
    case Outcome::NoCurl:
        return Error{ErrorCode::Internal, done.errorText.isEmpty() ? tr("cannot initialise libcurl") : done.errorText};
    case Outcome::TooLarge:
        return Error{ErrorCode::Network,
                     tr("%1: the answer is larger than %2 bytes").arg(method).arg(m_timeouts.maxBodyBytes)};
    case Outcome::TimedOut:
        return Error{ErrorCode::Timeout, tr("%1: timed out after %2 s").arg(method, seconds(timeoutMs))};
    case Outcome::ConnectFailed:
    case Outcome::Failed:
        break;
    }
    return Error{ErrorCode::Network,
                 tr("%1: %2").arg(method, transportCause(done.outcome == Outcome::ConnectFailed, done.errorText))};
}

bool VolumeDriverClient::refusesConnections() const
{
    // libcurl often says only "Couldn't connect to server": ask the socket once more, ourselves.
    const QByteArray path = QFile::encodeName(m_socketPath);
    sockaddr_un address{};
    if (path.size() >= qsizetype(sizeof address.sun_path))
        return false;
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return false;
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    const bool refused =
        ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0 && errno == ECONNREFUSED;
    ::close(fd);
    return refused;
}

QString VolumeDriverClient::transportCause(bool connectFailed, const QString &transportText) const
{
    // libcurl speaks of "plugin.moby.localhost port 80", which names nothing a person can find: say it in terms of
    // the plugin's socket, keeping the system's own reason (its last part) in brackets.
    const QString reason = transportText.section(QStringLiteral(": "), -1).trimmed();
    if (connectFailed && !QFileInfo::exists(m_socketPath))
        return tr("the plugin's socket %1 does not exist (the plugin is not running)").arg(m_socketPath);
    if (connectFailed && (reason.contains(QLatin1String("refused"), Qt::CaseInsensitive) || refusesConnections()))
        return tr("the plugin's socket does not answer (connection refused)");
    if (connectFailed)
        return tr("cannot connect to the plugin's socket (%1)").arg(reason);
    return tr("the connection to the plugin failed (%1)").arg(reason);
}

Result<QJsonObject> VolumeDriverClient::call(const QString &method, const QJsonObject &body, int timeoutMs)
{
    const QByteArray payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    QElapsedTimer elapsed;
    elapsed.start();
    qint64 backoff = m_timeouts.firstBackoffMs;
    for (;;) {
        Failure failure = Failure::None;
        auto response = post(method, payload, timeoutMs, failure);
        if (!response) {
            // docs/docker-compat.md §5.3: only a connection that was never made is retried (the plugin may be
            // restarting).
            if (failure != Failure::ConnectFailed || elapsed.elapsed() + backoff >= m_timeouts.retryBudgetMs)
                return response.error();
            QDeadlineTimer wait(backoff);
            while (!wait.hasExpired()) {
                if (m_cancelled && m_cancelled())
                    return Error{ErrorCode::Cancelled, tr("%1 was cancelled").arg(method)};
                QThread::msleep(qMin<qint64>(100, qMax<qint64>(1, wait.remainingTime())));
            }
            backoff *= 2;
            continue;
        }
        return decodeAnswer(method, response->status, response->body);
    }
}

Result<QJsonObject> VolumeDriverClient::decodeAnswer(const QString &method, long status, const QByteArray &body)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(body, &parseError);
    QJsonObject object = document.object();
    const QString err = object.value(QStringLiteral("Err")).toString();
    // docs/docker-compat.md §5.3, §6: Err wins whatever the status; a non-200 status without Err carries the raw
    // body.
    if (!err.isEmpty())
        return Error{ErrorCode::Runtime, err};
    if (status != 200)
        return Error{ErrorCode::Runtime, QString::fromUtf8(body).trimmed()};
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return Error{ErrorCode::Runtime, tr("%1: the plugin's answer is not a JSON object: %2")
                                             .arg(method, QString::fromUtf8(body.left(200)).trimmed())};
    return object;
}

std::optional<Volume> VolumeDriverClient::volumeOf(const QJsonObject &answer)
{
    const QJsonValue volume = answer.value(QStringLiteral("Volume"));
    if (!volume.isObject())
        return std::nullopt;
    return volumeFrom(volume.toObject());
}

QList<Volume> VolumeDriverClient::volumesOf(const QJsonObject &answer)
{
    QList<Volume> volumes;
    for (const QJsonValue value : answer.value(QStringLiteral("Volumes")).toArray())
        volumes.append(volumeFrom(value.toObject()));
    return volumes;
}

QString VolumeDriverClient::scopeOf(const QJsonObject &answer)
{
    const QString scope =
        answer.value(QStringLiteral("Capabilities")).toObject().value(QStringLiteral("Scope")).toString().toLower();
    return scope == QLatin1String("global") ? scope : QStringLiteral("local");
}

Status VolumeDriverClient::create(const QString &name, const QMap<QString, QString> &options)
{
    QJsonObject opts;
    for (auto it = options.constBegin(); it != options.constEnd(); ++it)
        opts.insert(it.key(), it.value());
    auto answer = call(QStringLiteral("/VolumeDriver.Create"),
                       {{QStringLiteral("Name"), name}, {QStringLiteral("Opts"), opts}}, m_timeouts.createMs);
    if (!answer)
        return answer.error();
    return {};
}

Status VolumeDriverClient::remove(const QString &name)
{
    auto answer = call(QStringLiteral("/VolumeDriver.Remove"), {{QStringLiteral("Name"), name}}, m_timeouts.otherMs);
    if (!answer)
        return answer.error();
    return {};
}

Result<QString> VolumeDriverClient::mount(const QString &name, const QString &id)
{
    auto answer = call(QStringLiteral("/VolumeDriver.Mount"),
                       {{QStringLiteral("Name"), name}, {QStringLiteral("ID"), id}}, m_timeouts.mountMs);
    if (!answer)
        return answer.error();
    return answer->value(QStringLiteral("Mountpoint")).toString();
}

Result<QString> VolumeDriverClient::path(const QString &name)
{
    auto answer = call(QStringLiteral("/VolumeDriver.Path"), {{QStringLiteral("Name"), name}}, m_timeouts.otherMs);
    if (!answer)
        return answer.error();
    return answer->value(QStringLiteral("Mountpoint")).toString();
}

Status VolumeDriverClient::unmount(const QString &name, const QString &id)
{
    auto answer = call(QStringLiteral("/VolumeDriver.Unmount"),
                       {{QStringLiteral("Name"), name}, {QStringLiteral("ID"), id}}, m_timeouts.otherMs);
    if (!answer)
        return answer.error();
    return {};
}

Result<std::optional<Volume>> VolumeDriverClient::get(const QString &name)
{
    auto answer = call(QStringLiteral("/VolumeDriver.Get"), {{QStringLiteral("Name"), name}}, m_timeouts.otherMs);
    if (!answer)
        return answer.error();
    return volumeOf(*answer);
}

Result<QList<Volume>> VolumeDriverClient::list()
{
    auto answer = call(QStringLiteral("/VolumeDriver.List"), {}, m_timeouts.otherMs);
    if (!answer)
        return answer.error();
    return volumesOf(*answer);
}

QString VolumeDriverClient::capabilities()
{
    auto answer = call(QStringLiteral("/VolumeDriver.Capabilities"), {}, m_timeouts.otherMs);
    if (!answer)
        return QStringLiteral("local");
    return scopeOf(*answer);
}

} // namespace core
