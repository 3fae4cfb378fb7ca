#include "core/helper/snapshotcodec.h"

#include "core/helper/secrets.h"
#include "core/plugin/pluginstream.h"

#include <QDataStream>
#include <QIODevice>
#include <QJsonDocument>
#include <optional>

namespace core {

namespace {

// "PDS" and the format: a reader of another format refuses it rather than reading fields into the wrong places.
constexpr quint32 kMagic = 0x50445300 | PluginStream::kFormat;

// The runtime states and drivers beside the plugins (PluginStream writes those).
void put(QDataStream &out, const PluginRuntimeState &state)
{
    out << quint8(state.status) << qint64(state.monitorPid) << qint64(state.containerPid) << qint32(state.restarts);
    out << state.lastExitStatus.has_value();
    if (state.lastExitStatus)
        out << qint32(*state.lastExitStatus);
    out << state.lastStart << state.lastExit << state.message << state.nextRestart << state.monitorAlive
        << state.socketPath << state.publishedSocketPath << state.implements << state.reason;
}

void put(QDataStream &out, const VolumeDriverInfo &driver)
{
    out << driver.name << driver.pluginId << driver.scope << driver.socketPath << driver.propagatedMount
        << driver.hostPropagatedMount << driver.rootfs;
}

void get(QDataStream &in, PluginRuntimeState &state)
{
    quint8 status = 0;
    qint64 monitorPid = 0;
    qint64 containerPid = 0;
    qint32 restarts = 0;
    in >> status >> monitorPid >> containerPid >> restarts;
    if (status > quint8(PluginRuntimeState::Status::Failed))
        in.setStatus(QDataStream::ReadCorruptData);
    state.status = PluginRuntimeState::Status(status);
    state.monitorPid = monitorPid;
    state.containerPid = containerPid;
    state.restarts = restarts;
    bool hasExit = false;
    in >> hasExit;
    state.lastExitStatus.reset();
    if (hasExit) {
        qint32 exit = 0;
        in >> exit;
        state.lastExitStatus = int(exit);
    }
    in >> state.lastStart >> state.lastExit >> state.message >> state.nextRestart >> state.monitorAlive >>
        state.socketPath >> state.publishedSocketPath >> state.implements >> state.reason;
}

void get(QDataStream &in, VolumeDriverInfo &driver)
{
    in >> driver.name >> driver.pluginId >> driver.scope >> driver.socketPath >> driver.propagatedMount >>
        driver.hostPropagatedMount >> driver.rootfs;
}

} // namespace

QByteArray SnapshotCodec::encode(const HelperSnapshot &snapshot, bool revealSecrets)
{
    QByteArray data;
    QDataStream out(&data, QIODevice::WriteOnly);
    out.setVersion(PluginStream::kStreamVersion);
    out << kMagic;
    out << quint32(snapshot.list.plugins.size());
    for (const Plugin &plugin : snapshot.list.plugins)
        PluginStream::write(out, revealSecrets ? plugin : Secrets::redactPlugin(plugin));
    out << quint32(snapshot.list.problems.size());
    for (const Error &problem : snapshot.list.problems)
        out << HelperProtocol::codeName(problem.code) << problem.message;
    out << quint32(snapshot.states.size());
    for (auto it = snapshot.states.constBegin(); it != snapshot.states.constEnd(); ++it) {
        out << it.key();
        put(out, it.value());
    }
    out << quint32(snapshot.drivers.size());
    for (const VolumeDriverInfo &driver : snapshot.drivers)
        put(out, driver);
    return data;
}

Result<HelperSnapshot> SnapshotCodec::decode(const QByteArray &data)
{
    QDataStream in(data);
    in.setVersion(PluginStream::kStreamVersion);
    quint32 magic = 0;
    in >> magic;
    if (in.status() != QDataStream::Ok || magic != kMagic)
        return Error{ErrorCode::Internal,
                     tr("the helper sent a snapshot of another format (%1 bytes that do not start as this version's "
                        "do); are plugdesk and plugdesk-helper of the same version?")
                         .arg(data.size())};
    HelperSnapshot snapshot;
    PluginStream::readList(in, snapshot.list.plugins);
    quint32 problems = 0;
    in >> problems;
    for (quint32 index = 0; index < problems && in.status() == QDataStream::Ok && !in.atEnd(); ++index) {
        QString code;
        QString message;
        in >> code >> message;
        snapshot.list.problems.append({HelperProtocol::codeFromName(code).value_or(ErrorCode::Internal), message});
    }
    quint32 states = 0;
    in >> states;
    for (quint32 index = 0; index < states && in.status() == QDataStream::Ok && !in.atEnd(); ++index) {
        QString id;
        PluginRuntimeState state;
        in >> id;
        get(in, state);
        snapshot.states.insert(id, state);
    }
    quint32 drivers = 0;
    in >> drivers;
    for (quint32 index = 0; index < drivers && in.status() == QDataStream::Ok && !in.atEnd(); ++index) {
        VolumeDriverInfo driver;
        get(in, driver);
        snapshot.drivers.append(driver);
    }
    if (in.status() != QDataStream::Ok || qsizetype(problems) != snapshot.list.problems.size() ||
        qsizetype(states) != snapshot.states.size() || qsizetype(drivers) != snapshot.drivers.size())
        return Error{ErrorCode::Internal, tr("the helper sent a snapshot that does not decode (%1 bytes, cut short "
                                             "or malformed)")
                                              .arg(data.size())};
    if (!in.atEnd())
        return Error{
            ErrorCode::Internal,
            tr("the helper sent a snapshot with %1 bytes after its end").arg(data.size() - in.device()->pos())};
    for (const Plugin &plugin : std::as_const(snapshot.list.plugins)) {
        if (plugin.id.isEmpty() || plugin.repository.isEmpty() || plugin.tag.isEmpty())
            return Error{ErrorCode::Internal, tr("the helper sent a plugin without an id, repository or tag")};
    }
    return snapshot;
}

} // namespace core
