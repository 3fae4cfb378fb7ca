#pragma once

#include "core/base/error.h"
#include "core/base/result.h"
#include "core/runtime/volumedriverinfo.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QVariant>

namespace core {

// One volume as Plugdesk reports it: what the driver said (name, mountpoint as the plugin sees it, status,
// creation time), the options recorded when it was created through Plugdesk, and the mountpoint mapped to the
// host (docs/docker-compat.md §6, ScopedPath). A value; owns nothing.
struct Volume
{
    QString name;
    QString driver; // the plugin's name, "acme/testvol:latest"
    QString pluginId;
    QString mountpoint;     // as the plugin reports it, inside the plugin
    QString hostMountpoint; // the same place seen from the host
    QString createdAt;
    QString scope = QStringLiteral("local");
    QJsonObject status;
    std::optional<QMap<QString, QString>> options; // nullopt: not created through Plugdesk, unknown
    int mounts = 0;                                // mounts through Plugdesk without an unmount yet

    // Docker's Volume object (Name, Driver, Mountpoint, Status, Options, Scope, CreatedAt, Labels), with Mountpoint
    // the host path as dockerd reports it for managed plugins, plus "Plugdesk": {PluginMountpoint, HostMountpoint,
    // PluginId, Mounts}.
    QJsonObject toJson() const;
    static Volume fromJson(const QJsonObject &object);
};

// A driver's failure while listing: its name and the error.
struct VolumeDriverError
{
    QString driver;
    Error error;
};

// The answer of volumes(): what every driver that answered listed, plus one error per driver that did not.
struct VolumeList
{
    QList<Volume> volumes;
    QList<VolumeDriverError> errors;

    // {"Volumes": [...], "Warnings": ["<driver>: <message>"], "Plugdesk": {"Errors": [{Driver, Code, Message}]}}:
    // Docker's list answer, the shape the list has on D-Bus.
    QJsonObject toJson() const;
    static VolumeList fromJson(const QJsonObject &object);
    // As a Job result: the typed value in process (HelperProtocol::encodeResult turns it into toJson() for the bus;
    // converting 10,000 volumes to JSON and back would cost more than asking the drivers). fromVariant takes the
    // typed value, a QJsonObject or the QVariantMap a remote job delivers.
    QVariant toVariant() const;
    static VolumeList fromVariant(const QVariant &variant);
};

} // namespace core

Q_DECLARE_METATYPE(core::VolumeList)
