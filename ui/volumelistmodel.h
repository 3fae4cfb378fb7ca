#pragma once

#include "core/base/error.h"
#include "core/volume/volume.h"

#include <QAbstractItemModel>
#include <QDateTime>
#include <QHash>
#include <QIcon>
#include <QList>
#include <QTimer>
#include <memory>
#include <optional>
#include <vector>

namespace ui {

// The volumes as a tree: one top-level row per volume driver (an enabled or disabled volume plugin, with its scope
// and, when listing it failed or timed out, that error), its volumes below it. Owns only its copy of the rows; does
// not ask the engine itself. setList applies the difference with begin/end insert/remove rows and dataChanged, so
// selection, expansion and scroll position survive a refresh; only the first fill of an empty model is a reset.
class VolumeListModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { Name, Mountpoint, Created, Status, Options, InUse, ColumnCount };
    enum Role {
        KindRole = Qt::UserRole + 1, // a Kind, as int
        NameRole,                    // the volume's or the driver's name
        DriverRole,                  // the driver's name, on both kinds of rows
        ErrorRole,                   // the driver's listing error, empty when none
        InUseRole,                   // bool: the volume is mounted through Plugdesk
        SortRole,                    // what the column sorts by (a date for Created, a count for In Use)
    };
    enum class Kind { Driver, Volume };

    // A volume driver as the page lists it.
    struct Driver
    {
        QString name; // "acme/testvol:latest"
        QString pluginId;
        QString scope = QStringLiteral("local");
        bool enabled = true;
        std::optional<core::Error> error;  // why its volumes are not listed: it failed or timed out
        std::optional<QString> notRunning; // "not running: <cause>": enabled, but its plugin does not run; not asked
        bool listing = false;              // asked; its answer has not come yet
        QString state;                     // the plugin's runtime state ("running", "failed"), for display

        static Driver named(const QString &name, const QString &pluginId = {})
        {
            Driver driver;
            driver.name = name;
            driver.pluginId = pluginId;
            return driver;
        }
        // The error's cause as the row shows it: without the protocol method in front ("/VolumeDriver.List: ").
        QString errorCause() const;
    };

    explicit VolumeListModel(QObject *parent = nullptr);
    ~VolumeListModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    bool hasChildren(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Applies a new listing: `drivers` in the order to show them, `list` what volumes() answered. Volumes and errors
    // of a driver not in `drivers` (one enabled between the two questions) add that driver. A driver with an error
    // shows no volumes: what it listed before is not known to be true any more.
    void setList(const QList<Driver> &drivers, const core::VolumeList &list);
    // The driver rows alone, as a listing starts: drivers not in `drivers` go, new ones come, the others take the
    // new values and keep the volumes listed before (none for one with an error or that is not running).
    void setDrivers(const QList<Driver> &drivers);
    // One driver's answer, as it arrives: its volumes (or, with `error`, none and that error); listing ends for it.
    // False when no such driver row is shown.
    bool setDriverVolumes(const QString &driverName, const QList<core::Volume> &volumes,
                          const std::optional<core::Error> &error = std::nullopt);
    // One volume created or changed (mounted, unmounted): its row under its driver is updated or added at once,
    // without a listing. False when its driver has no row.
    bool updateVolume(const core::Volume &volume);
    // One volume removed: its row goes at once. False when it was not listed.
    bool removeVolume(const QString &volumeName);

    int driverCount() const { return static_cast<int>(m_drivers.size()); }
    int volumeCount() const;
    const Driver *driverAt(const QModelIndex &index) const;
    // The volume at `index` (a volume row), or nullptr for a driver row or an invalid index.
    const core::Volume *volumeAt(const QModelIndex &index) const;
    QModelIndex driverIndex(const QString &driverName, int column = 0) const;
    QModelIndex volumeIndex(const QString &volumeName, int column = 0) const;

    // The options as "key=value, ..." ("unknown" when the volume was not created through Plugdesk).
    static QString optionsText(const core::Volume &volume);
    // The driver's Status object as "key: value, ...".
    static QString statusText(const QJsonObject &status);
    // CreatedAt (RFC 3339, as drivers send it) as a date; invalid when it does not parse or is unknown.
    static QDateTime createdTime(const QString &createdAt);
    // True for Go's zero time ("0001-01-01T00:00:00Z"), which dockerd sends for a volume whose driver reported no
    // creation time: unknown, shown as nothing rather than as 1 January of the year 1.
    static bool isUnknownTime(const QString &createdAt);

    // What a case-insensitive filter searches in the row `row` under `parent`: the display texts of all its columns,
    // one a line, case-folded (caseFolded). Made once and kept until the row changes, so a filter reads one string a
    // row instead of formatting six cells and folding them each time a key is typed (VolumeFilterModel).
    const QString &filterText(int row, const QModelIndex &parent) const;
    // `text` with each character folded as case-insensitive comparisons and QStringMatcher fold them
    // (QChar::toCaseFolded, one character for one): a folded text holds a folded needle exactly when the text holds
    // the needle in any case.
    static QString caseFolded(QStringView text);
    // What a volume row sorts by in the Name column (SortRole there: its name in lower case), kept like filterText.
    const QString &nameSortKey(int row, const QModelIndex &parent) const;

private:
    // A volume row's texts for filtering and sorting, made when first asked (empty until then).
    struct RowTexts
    {
        QString filter;
        QString sortName;
    };

    struct DriverNode
    {
        Driver driver;
        int row = 0; // its row, kept up to date as drivers come and go
        QList<core::Volume> volumes;
        QHash<QString, int> rowOf; // volume name -> row
        int inUse = 0;             // volumes mounted through Plugdesk, counted when the volumes change
        // Beside `volumes`, row for row: change the volumes only through the three calls below.
        mutable QList<RowTexts> texts;
        // The driver row's, empty until asked; cleared when the driver changes, made again when the counts it shows
        // are not the ones it was made with (views ask between a remove and an insert too).
        mutable QString filterText;
        mutable qsizetype filterTextCount = -1;
        mutable int filterTextInUse = -1;

        void appendVolume(const core::Volume &volume)
        {
            volumes.append(volume);
            texts.append(RowTexts{});
        }
        void setVolume(int row, const core::Volume &volume)
        {
            volumes[row] = volume;
            texts[row] = RowTexts{};
        }
        void removeVolumes(int first, int count)
        {
            volumes.remove(first, count);
            texts.remove(first, count);
        }
    };

    struct CreatedText
    {
        QDateTime time;
        QString text;
    };

    QVariant driverData(const DriverNode &node, int column, int role) const;
    // Parsing and formatting a date in the local time zone costs more than the rest of a row: done once per text.
    const CreatedText &created(const QString &createdAt) const;
    QVariant volumeData(const DriverNode &node, const core::Volume &volume, int column, int role) const;
    DriverNode *nodeOf(const QModelIndex &index) const;
    // A row icon, made once (a QIcon made per call renders its SVG again at every paint): the theme's `themeName`,
    // else (or with no theme name) :/icons/`file`.svg.
    const QIcon &icon(const QString &themeName, const QString &file) const;
    void applyVolumes(DriverNode &node, const QList<core::Volume> &volumes);
    void renumberDrivers();
    // Makes the filter texts not made yet, a slice of rows at a time (m_textWarmer).
    void warmFilterTexts();

    // Owned nodes: a child index points at its driver's node, which must not move when drivers are added or removed.
    std::vector<std::unique_ptr<DriverNode>> m_drivers;
    mutable QHash<QString, CreatedText> m_created; // CreatedAt -> its date and how it shows
    mutable QHash<qint64, int> m_localOffsets;     // quarter hour since the epoch -> local offset from UTC (s)
    mutable QHash<QString, QIcon> m_icons;         // "themeName|file" -> the icon
    QTimer m_textWarmer;
};

} // namespace ui
