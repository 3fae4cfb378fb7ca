#pragma once

#include "core/base/result.h"

#include <QCoreApplication>
#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace core {

// What Plugdesk remembers about volumes, in <store>/volumes.json, so that it survives restarts:
//  - the options each volume was created with through Plugdesk (drivers do not report them back);
//  - every mount made through Plugdesk that was not unmounted yet, with its mount id: these make a driver
//    "in use" (docs/docker-compat.md §9), so that disable and remove need --force while any is left.
// Reads need no lock; every change is a read-modify-write under the StoreLock, written with AtomicFile.
class VolumeRecords final
{
    Q_DECLARE_TR_FUNCTIONS(VolumeRecords)

public:
    struct Created
    {
        QString name;
        QString pluginId;
        QString driver;
        QMap<QString, QString> options;
    };
    struct Mount
    {
        QString id; // the ID sent with Mount and Unmount
        QString name;
        QString pluginId;
        QString driver;
        QString mountpoint;
        QString hostMountpoint;
        QString since; // RFC 3339
    };
    struct Data
    {
        QList<Created> created;
        QList<Mount> mounts;

        std::optional<Created> createdNamed(const QString &name) const;
        QList<Mount> mountsOf(const QString &name) const;
        QList<Mount> mountsByPlugin(const QString &pluginId) const;
    };

    explicit VolumeRecords(QString storeRoot);

    QString path() const { return m_root + QStringLiteral("/volumes.json"); }

    // A missing file is empty records; a file that does not parse is Corrupt.
    Result<Data> load() const;
    // Takes the store lock, loads, applies `change`, saves.
    Status update(const QString &purpose, const std::function<void(Data &)> &change) const;

private:
    Status save(const Data &data) const;

    QString m_root;
};

} // namespace core
