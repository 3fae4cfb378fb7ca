#include "ui/volumelistmodel.h"

#include "ui/icons.h"

#include <QFont>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QPalette>
#include <QRegularExpression>
#include <QSet>
#include <algorithm>

namespace ui {

namespace {

// Only what a row shows counts; the same volume listed again is no change.
bool sameVolume(const core::Volume &a, const core::Volume &b)
{
    return a.name == b.name && a.driver == b.driver && a.pluginId == b.pluginId && a.mountpoint == b.mountpoint &&
           a.hostMountpoint == b.hostMountpoint && a.createdAt == b.createdAt && a.scope == b.scope &&
           a.status == b.status && a.options == b.options && a.mounts == b.mounts;
}

bool sameDriver(const VolumeListModel::Driver &a, const VolumeListModel::Driver &b)
{
    return a.name == b.name && a.pluginId == b.pluginId && a.scope == b.scope && a.enabled == b.enabled &&
           a.notRunning == b.notRunning && a.listing == b.listing && a.state == b.state &&
           a.error.has_value() == b.error.has_value() &&
           (!a.error || (a.error->code == b.error->code && a.error->message == b.error->message));
}

QString jsonValueText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Double:
        return QString::number(value.toDouble());
    case QJsonValue::Bool:
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    default:
        return value.toString();
    }
}

QColor dimmed()
{
    return QGuiApplication::palette().color(QPalette::Disabled, QPalette::Text);
}

QColor errorColor()
{
    return QColor(0xb0, 0x2a, 0x37);
}

} // namespace

QString VolumeListModel::Driver::errorCause() const
{
    if (!error)
        return {};
    static const QRegularExpression method(QStringLiteral("^/VolumeDriver\\.\\w+: "));
    QString cause = error->message;
    cause.remove(method);
    return cause;
}

VolumeListModel::VolumeListModel(QObject *parent)
    : QAbstractItemModel(parent)
{
    // The filter texts of new and changed rows are made soon after they came, a slice at a time between other
    // events, so that the first key typed into a filter finds them made (20,000 rows take a few tens of ms).
    m_textWarmer.setSingleShot(true);
    m_textWarmer.setInterval(0);
    connect(&m_textWarmer, &QTimer::timeout, this, &VolumeListModel::warmFilterTexts);
    connect(this, &QAbstractItemModel::rowsInserted, &m_textWarmer, qOverload<>(&QTimer::start));
    connect(this, &QAbstractItemModel::dataChanged, &m_textWarmer, qOverload<>(&QTimer::start));
    connect(this, &QAbstractItemModel::modelReset, &m_textWarmer, qOverload<>(&QTimer::start));
}

void VolumeListModel::warmFilterTexts()
{
    constexpr int kSlice = 2000;
    int made = 0;
    for (const auto &node : m_drivers) {
        const QModelIndex parent = createIndex(node->row, 0, nullptr);
        for (int row = 0; row < node->volumes.size(); ++row) {
            if (!node->texts.at(row).filter.isEmpty())
                continue;
            (void)filterText(row, parent);
            if (++made == kSlice) {
                m_textWarmer.start();
                return;
            }
        }
    }
}

VolumeListModel::~VolumeListModel() = default;

QModelIndex VolumeListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, nullptr);
    // Only driver rows have children; a child points at its driver's node.
    return createIndex(row, column, m_drivers.at(parent.row()).get());
}

QModelIndex VolumeListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || !child.internalPointer())
        return {};
    const auto *node = static_cast<const DriverNode *>(child.internalPointer());
    return createIndex(node->row, 0, nullptr);
}

int VolumeListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_drivers.size());
    if (parent.internalPointer() || parent.column() != 0)
        return 0;
    return static_cast<int>(m_drivers.at(parent.row())->volumes.size());
}

int VolumeListModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

bool VolumeListModel::hasChildren(const QModelIndex &parent) const
{
    return rowCount(parent) > 0;
}

VolumeListModel::DriverNode *VolumeListModel::nodeOf(const QModelIndex &index) const
{
    if (!index.isValid())
        return nullptr;
    if (index.internalPointer())
        return static_cast<DriverNode *>(index.internalPointer());
    return m_drivers.at(index.row()).get();
}

QVariant VolumeListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const DriverNode *node = nodeOf(index);
    if (!index.internalPointer())
        return driverData(*node, index.column(), role);
    return volumeData(*node, node->volumes.at(index.row()), index.column(), role);
}

QVariant VolumeListModel::driverData(const DriverNode &node, int column, int role) const
{
    const Driver &driver = node.driver;
    switch (role) {
    case KindRole:
        return static_cast<int>(Kind::Driver);
    case NameRole:
    case DriverRole:
        return driver.name;
    case ErrorRole:
        if (driver.enabled && driver.notRunning)
            return *driver.notRunning;
        return driver.error ? driver.error->message : QString();
    case InUseRole:
        return false;
    case SortRole:
        // Drivers keep to their names whatever column sorts the volumes.
        return driver.name.toLower();
    case Qt::AccessibleTextRole:
        return data(createIndex(node.row, column, nullptr), Qt::DisplayRole);
    default:
        break;
    }
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Name:
            return driver.name;
        case Mountpoint:
            return tr("%1 scope").arg(driver.scope);
        case Status:
            if (!driver.enabled)
                return tr("Disabled");
            if (driver.notRunning)
                return *driver.notRunning;
            if (driver.error)
                return tr("Error: %1").arg(driver.errorCause());
            if (driver.listing)
                return tr("Listing…");
            return tr("Enabled · volumes: %1").arg(node.volumes.size());
        case InUse:
            return node.inUse > 0 ? tr("%1 in use").arg(node.inUse) : QString();
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        QStringList lines{tr("Volume driver %1").arg(driver.name)};
        if (!driver.pluginId.isEmpty())
            lines.append(tr("Plugin ID: %1").arg(driver.pluginId.left(12)));
        lines.append(tr("Scope: %1").arg(driver.scope));
        if (!driver.state.isEmpty())
            lines.append(tr("State: %1").arg(driver.state));
        if (driver.enabled && driver.notRunning)
            lines.append(tr("Its plugin is %1, so it is not asked for its volumes; start it on the Plugins page.")
                             .arg(*driver.notRunning));
        else if (driver.error)
            lines.append(tr("Listing its volumes failed: %1").arg(driver.error->message));
        else if (!driver.enabled)
            lines.append(tr("The plugin is disabled; enable it on the Plugins page to list and create its volumes."));
        else
            lines.append(tr("Volumes: %1").arg(node.volumes.size()));
        return lines.join(QLatin1Char('\n'));
    }
    if (role == Qt::DecorationRole) {
        if (column == Name)
            return icon(QStringLiteral("application-x-addon"), QStringLiteral("plugin"));
        if (column == Status && driver.enabled && driver.notRunning)
            return icon({}, QStringLiteral("state-failed"));
        if (column == Status && driver.error)
            return icon(QStringLiteral("dialog-warning"), QStringLiteral("warning"));
        if (column == Status && driver.listing)
            return icon({}, QStringLiteral("state-starting"));
        if (column == Status)
            return icon({}, driver.enabled ? QStringLiteral("state-running") : QStringLiteral("state-stopped"));
        return {};
    }
    if (role == Qt::FontRole && column == Name) {
        QFont font = QGuiApplication::font();
        font.setBold(true);
        return font;
    }
    if (role == Qt::ForegroundRole) {
        if (column == Status && driver.enabled && (driver.error || driver.notRunning))
            return errorColor();
        if (column == Mountpoint || (column == Status && (!driver.enabled || driver.listing)))
            return dimmed();
    }
    return {};
}

QVariant VolumeListModel::volumeData(const DriverNode &node, const core::Volume &volume, int column, int role) const
{
    switch (role) {
    case KindRole:
        return static_cast<int>(Kind::Volume);
    case NameRole:
        return volume.name;
    case DriverRole:
        return node.driver.name;
    case ErrorRole:
        return QString();
    case InUseRole:
        return volume.mounts > 0;
    case SortRole:
        if (column == Created)
            return created(volume.createdAt).time;
        if (column == InUse)
            return volume.mounts;
        return volumeData(node, volume, column, Qt::DisplayRole).toString().toLower();
    case Qt::AccessibleTextRole:
        return volumeData(node, volume, column, Qt::DisplayRole);
    default:
        break;
    }
    const QString mountpoint = volume.hostMountpoint.isEmpty() ? volume.mountpoint : volume.hostMountpoint;
    if (role == Qt::DisplayRole) {
        switch (column) {
        case Name:
            return volume.name;
        case Mountpoint:
            return mountpoint;
        case Created:
            return created(volume.createdAt).text;
        case Status:
            return statusText(volume.status);
        case Options:
            return optionsText(volume);
        case InUse:
            return volume.mounts > 0 ? tr("Yes (mounts: %1)").arg(volume.mounts) : tr("No");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole) {
        switch (column) {
        case Mountpoint:
            return tr("On the host: %1\nInside the plugin: %2").arg(mountpoint, volume.mountpoint);
        case Created:
            return volume.createdAt;
        case Options:
            if (!volume.options)
                return tr("Not created through Plugdesk: the options it was created with are not known.");
            if (volume.options->isEmpty())
                return tr("Created without options.");
            return optionsText(volume).replace(QStringLiteral(", "), QStringLiteral("\n"));
        case InUse:
            return volume.mounts > 0 ? tr("Mounted through Plugdesk %n time(s) without an unmount yet; removing it "
                                          "needs force.",
                                          nullptr, volume.mounts)
                                     : tr("Not mounted through Plugdesk.");
        default:
            return volumeData(node, volume, column, Qt::DisplayRole);
        }
    }
    if (role == Qt::DecorationRole && column == Name)
        return icon(QStringLiteral("drive-harddisk"), QStringLiteral("volume"));
    if (role == Qt::DecorationRole && column == InUse && volume.mounts > 0)
        return icon({}, QStringLiteral("state-running"));
    if (role == Qt::ForegroundRole && column == Options && (!volume.options || volume.options->isEmpty()))
        return dimmed();
    return {};
}

QVariant VolumeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Mountpoint:
        return tr("Mountpoint");
    case Created:
        return tr("Created");
    case Status:
        return tr("Status");
    case Options:
        return tr("Options");
    case InUse:
        return tr("In Use");
    default:
        return {};
    }
}

QString VolumeListModel::optionsText(const core::Volume &volume)
{
    if (!volume.options)
        return tr("unknown");
    if (volume.options->isEmpty())
        return tr("none");
    QStringList pairs;
    for (auto it = volume.options->constBegin(); it != volume.options->constEnd(); ++it)
        pairs.append(it.key() + QLatin1Char('=') + it.value());
    return pairs.join(QStringLiteral(", "));
}

QString VolumeListModel::statusText(const QJsonObject &status)
{
    QStringList pairs;
    for (auto it = status.constBegin(); it != status.constEnd(); ++it)
        pairs.append(it.key() + QStringLiteral(": ") + jsonValueText(it.value()));
    return pairs.join(QStringLiteral(", "));
}

bool VolumeListModel::isUnknownTime(const QString &createdAt)
{
    return createdAt.startsWith(QLatin1String("0001-01-01T00:00:00"));
}

QDateTime VolumeListModel::createdTime(const QString &createdAt)
{
    if (createdAt.isEmpty() || isUnknownTime(createdAt))
        return {};
    QDateTime time = QDateTime::fromString(createdAt, Qt::ISODateWithMs);
    if (time.isValid())
        return time;
    // Go's RFC 3339 carries up to nine fraction digits; Qt reads three.
    static const QRegularExpression fraction(QStringLiteral("(\\.\\d{3})\\d+"));
    QString trimmed = createdAt;
    trimmed.replace(fraction, QStringLiteral("\\1"));
    return QDateTime::fromString(trimmed, Qt::ISODateWithMs);
}

const VolumeListModel::CreatedText &VolumeListModel::created(const QString &createdAt) const
{
    auto found = m_created.constFind(createdAt);
    if (found != m_created.cend())
        return *found;
    const QDateTime time = createdTime(createdAt);
    QString text = isUnknownTime(createdAt) ? QString() : createdAt;
    if (time.isValid()) {
        // The local offset asked once per quarter hour (zones change offsets on quarter hours at the finest):
        // converting each date to local time asks the system's time zone every time, which costs most.
        const qint64 quarter = time.toSecsSinceEpoch() / 900;
        auto offset = m_localOffsets.constFind(quarter);
        if (offset == m_localOffsets.cend())
            offset = m_localOffsets.insert(quarter, QDateTime::fromSecsSinceEpoch(quarter * 900).offsetFromUtc());
        text = QLocale().toString(time.toOffsetFromUtc(*offset), QLocale::ShortFormat);
    }
    return *m_created.insert(createdAt, CreatedText{time, text});
}

const QIcon &VolumeListModel::icon(const QString &themeName, const QString &file) const
{
    const QString key = themeName + QLatin1Char('|') + file;
    auto found = m_icons.constFind(key);
    if (found != m_icons.cend())
        return *found;
    return *m_icons.insert(key, themeName.isEmpty() ? QIcon(QStringLiteral(":/icons/%1.svg").arg(file))
                                                    : themeIcon(themeName, file));
}

const QString &VolumeListModel::filterText(int row, const QModelIndex &parent) const
{
    auto join = [this](const QModelIndex &first) {
        QString text;
        for (int column = 0; column < ColumnCount; ++column) {
            if (column > 0)
                text += QLatin1Char('\n');
            text += data(first.siblingAtColumn(column), Qt::DisplayRole).toString();
        }
        // Never empty once made: empty means "not made yet".
        return text.isEmpty() ? QStringLiteral("\n") : caseFolded(text);
    };
    if (!parent.isValid()) {
        const DriverNode &node = *m_drivers.at(row);
        if (node.filterText.isEmpty() || node.filterTextCount != node.volumes.size() ||
            node.filterTextInUse != node.inUse) {
            node.filterText = join(index(row, 0));
            node.filterTextCount = node.volumes.size();
            node.filterTextInUse = node.inUse;
        }
        return node.filterText;
    }
    const DriverNode &node = *m_drivers.at(parent.row());
    RowTexts &texts = node.texts[row];
    if (texts.filter.isEmpty())
        texts.filter = join(index(row, 0, parent));
    return texts.filter;
}

QString VolumeListModel::caseFolded(QStringView text)
{
    QString folded;
    folded.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            const char32_t point = QChar::toCaseFolded(QChar::surrogateToUcs4(c, text.at(i + 1)));
            const auto units = QChar::fromUcs4(point);
            folded.append(QStringView(units.chars, units.size()));
            ++i;
        } else {
            folded.append(c.toCaseFolded());
        }
    }
    return folded;
}

const QString &VolumeListModel::nameSortKey(int row, const QModelIndex &parent) const
{
    const DriverNode &node = *m_drivers.at(parent.row());
    RowTexts &texts = node.texts[row];
    if (texts.sortName.isEmpty())
        texts.sortName = volumeData(node, node.volumes.at(row), Name, SortRole).toString();
    return texts.sortName;
}

int VolumeListModel::volumeCount() const
{
    int count = 0;
    for (const auto &node : m_drivers)
        count += static_cast<int>(node->volumes.size());
    return count;
}

const VolumeListModel::Driver *VolumeListModel::driverAt(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return nullptr;
    return &nodeOf(index)->driver;
}

const core::Volume *VolumeListModel::volumeAt(const QModelIndex &index) const
{
    if (!index.isValid() || !checkIndex(index, CheckIndexOption::IndexIsValid) || !index.internalPointer())
        return nullptr;
    return &nodeOf(index)->volumes.at(index.row());
}

QModelIndex VolumeListModel::driverIndex(const QString &driverName, int column) const
{
    for (const auto &node : m_drivers) {
        if (node->driver.name == driverName)
            return createIndex(node->row, column, nullptr);
    }
    return {};
}

QModelIndex VolumeListModel::volumeIndex(const QString &volumeName, int column) const
{
    for (const auto &node : m_drivers) {
        const int row = node->rowOf.value(volumeName, -1);
        if (row >= 0)
            return createIndex(row, column, node.get());
    }
    return {};
}

void VolumeListModel::renumberDrivers()
{
    for (size_t row = 0; row < m_drivers.size(); ++row)
        m_drivers[row]->row = static_cast<int>(row);
}

void VolumeListModel::setList(const QList<Driver> &givenDrivers, const core::VolumeList &list)
{
    // What the tree should show: the given drivers, then any driver only the listing named.
    QList<Driver> drivers = givenDrivers;
    QHash<QString, qsizetype> driverPosition;
    for (qsizetype i = 0; i < drivers.size(); ++i)
        driverPosition.insert(drivers.at(i).name, i);
    QHash<QString, QList<core::Volume>> volumesOf;
    for (const core::Volume &volume : list.volumes) {
        if (!driverPosition.contains(volume.driver)) {
            driverPosition.insert(volume.driver, drivers.size());
            Driver driver = Driver::named(volume.driver, volume.pluginId);
            driver.scope = volume.scope;
            drivers.append(driver);
        }
        volumesOf[volume.driver].append(volume);
    }
    for (const core::VolumeDriverError &failure : list.errors) {
        auto position = driverPosition.constFind(failure.driver);
        if (position == driverPosition.cend()) {
            driverPosition.insert(failure.driver, drivers.size());
            Driver driver = Driver::named(failure.driver);
            driver.error = failure.error;
            drivers.append(driver);
        } else {
            drivers[*position].error = failure.error;
        }
    }
    // Dates of volumes long gone need not stay.
    if (m_created.size() > 2 * list.volumes.size() + 64) {
        m_created.clear();
        m_localOffsets.clear();
    }
    for (Driver &driver : drivers) {
        // A failed driver's earlier volumes are not known to be true any more.
        if (driver.error || driver.notRunning)
            volumesOf.remove(driver.name);
    }

    if (m_drivers.empty()) {
        // The first fill: one reset is cheaper for views and proxies than an insert per driver.
        if (drivers.isEmpty())
            return;
        beginResetModel();
        for (const Driver &driver : std::as_const(drivers)) {
            auto node = std::make_unique<DriverNode>();
            node->driver = driver;
            for (const core::Volume &volume : volumesOf.value(driver.name)) {
                if (node->rowOf.contains(volume.name))
                    continue; // a driver that lists a name twice: the first one counts
                node->rowOf.insert(volume.name, static_cast<int>(node->volumes.size()));
                node->appendVolume(volume);
                node->inUse += volume.mounts > 0 ? 1 : 0;
            }
            m_drivers.push_back(std::move(node));
        }
        renumberDrivers();
        endResetModel();
        return;
    }

    // Drivers that went away, from the bottom so the rows above stay valid.
    for (int row = static_cast<int>(m_drivers.size()) - 1; row >= 0; --row) {
        if (!driverPosition.contains(m_drivers.at(row)->driver.name)) {
            beginRemoveRows({}, row, row);
            m_drivers.erase(m_drivers.begin() + row);
            // Before endRemoveRows: views ask the children below for their parents' new rows right then.
            renumberDrivers();
            endRemoveRows();
        }
    }

    QHash<QString, int> existing;
    for (const auto &node : m_drivers)
        existing.insert(node->driver.name, node->row);
    QList<Driver> added;
    for (const Driver &driver : std::as_const(drivers)) {
        const int row = existing.value(driver.name, -1);
        if (row < 0) {
            added.append(driver);
            continue;
        }
        DriverNode &node = *m_drivers.at(row);
        const qsizetype countBefore = node.volumes.size();
        const int inUseBefore = node.inUse;
        const bool driverChanged = !sameDriver(node.driver, driver);
        node.driver = driver;
        node.filterText.clear();
        applyVolumes(node, volumesOf.value(driver.name));
        // The driver's row shows its volume count and how many are in use.
        if (driverChanged || countBefore != node.volumes.size() || inUseBefore != node.inUse)
            Q_EMIT dataChanged(createIndex(row, 0, nullptr), createIndex(row, ColumnCount - 1, nullptr));
    }

    // New drivers go to the end in one block, their volumes with them.
    if (!added.isEmpty()) {
        const int first = static_cast<int>(m_drivers.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        for (const Driver &driver : std::as_const(added)) {
            auto node = std::make_unique<DriverNode>();
            node->driver = driver;
            node->row = static_cast<int>(m_drivers.size());
            for (const core::Volume &volume : volumesOf.value(driver.name)) {
                if (node->rowOf.contains(volume.name))
                    continue;
                node->rowOf.insert(volume.name, static_cast<int>(node->volumes.size()));
                node->appendVolume(volume);
                node->inUse += volume.mounts > 0 ? 1 : 0;
            }
            m_drivers.push_back(std::move(node));
        }
        endInsertRows();
    }
}

void VolumeListModel::applyVolumes(DriverNode &node, const QList<core::Volume> &volumes)
{
    // The driver row shows its volume count and how many are in use.
    node.filterText.clear();
    const QModelIndex parent = createIndex(node.row, 0, nullptr);
    QHash<QString, qsizetype> incoming;
    incoming.reserve(volumes.size());
    for (qsizetype i = 0; i < volumes.size(); ++i) {
        if (!incoming.contains(volumes.at(i).name))
            incoming.insert(volumes.at(i).name, i);
    }

    // Volumes that went away, in runs of neighbouring rows from the bottom: one signal per run, and the rows above
    // a run keep their numbers.
    bool removed = false;
    for (int last = static_cast<int>(node.volumes.size()) - 1; last >= 0;) {
        if (incoming.contains(node.volumes.at(last).name)) {
            --last;
            continue;
        }
        int first = last;
        while (first > 0 && !incoming.contains(node.volumes.at(first - 1).name))
            --first;
        beginRemoveRows(parent, first, last);
        node.removeVolumes(first, last - first + 1);
        endRemoveRows();
        removed = true;
        last = first - 1;
    }
    if (removed) {
        node.rowOf.clear();
        for (int row = 0; row < node.volumes.size(); ++row)
            node.rowOf.insert(node.volumes.at(row).name, row);
    }

    // Changed rows, one dataChanged per run of neighbouring changed rows.
    int runStart = -1;
    auto flush = [&](int end) {
        if (runStart >= 0)
            Q_EMIT dataChanged(index(runStart, 0, parent), index(end, ColumnCount - 1, parent));
        runStart = -1;
    };
    for (int row = 0; row < node.volumes.size(); ++row) {
        const core::Volume &fresh = volumes.at(incoming.value(node.volumes.at(row).name));
        if (sameVolume(node.volumes.at(row), fresh)) {
            flush(row - 1);
            continue;
        }
        node.setVolume(row, fresh);
        if (runStart < 0)
            runStart = row;
    }
    flush(static_cast<int>(node.volumes.size()) - 1);

    node.inUse = static_cast<int>(std::count_if(node.volumes.cbegin(), node.volumes.cend(),
                                                [](const core::Volume &volume) { return volume.mounts > 0; }));

    // New volumes go to the end in one block.
    QList<qsizetype> added;
    for (auto it = incoming.cbegin(); it != incoming.cend(); ++it) {
        if (!node.rowOf.contains(it.key()))
            added.append(it.value());
    }
    if (added.isEmpty())
        return;
    // In the order the driver listed them, not the hash's.
    std::sort(added.begin(), added.end());
    const int first = static_cast<int>(node.volumes.size());
    beginInsertRows(parent, first, first + static_cast<int>(added.size()) - 1);
    for (const qsizetype position : std::as_const(added)) {
        const core::Volume &volume = volumes.at(position);
        node.rowOf.insert(volume.name, static_cast<int>(node.volumes.size()));
        node.appendVolume(volume);
        node.inUse += volume.mounts > 0 ? 1 : 0;
    }
    endInsertRows();
}

void VolumeListModel::setDrivers(const QList<Driver> &drivers)
{
    core::VolumeList kept;
    QSet<QString> names;
    for (const Driver &driver : drivers)
        names.insert(driver.name);
    for (const auto &node : m_drivers) {
        if (names.contains(node->driver.name))
            kept.volumes.append(node->volumes);
    }
    setList(drivers, kept);
}

bool VolumeListModel::setDriverVolumes(const QString &driverName, const QList<core::Volume> &volumes,
                                       const std::optional<core::Error> &error)
{
    const QModelIndex driverRow = driverIndex(driverName);
    if (!driverRow.isValid())
        return false;
    DriverNode &node = *m_drivers.at(driverRow.row());
    node.driver.listing = false;
    node.driver.error = error;
    node.filterText.clear();
    QList<core::Volume> own;
    if (!error) {
        for (const core::Volume &volume : volumes) {
            if (volume.driver == driverName || volume.driver.isEmpty())
                own.append(volume);
        }
    }
    applyVolumes(node, own);
    Q_EMIT dataChanged(createIndex(node.row, 0, nullptr), createIndex(node.row, ColumnCount - 1, nullptr));
    return true;
}

bool VolumeListModel::updateVolume(const core::Volume &volume)
{
    const QModelIndex driverRow = driverIndex(volume.driver);
    if (!driverRow.isValid())
        return false;
    DriverNode &node = *m_drivers.at(driverRow.row());
    QList<core::Volume> volumes = node.volumes;
    const int row = node.rowOf.value(volume.name, -1);
    if (row >= 0)
        volumes[row] = volume;
    else
        volumes.append(volume);
    applyVolumes(node, volumes);
    Q_EMIT dataChanged(createIndex(node.row, 0, nullptr), createIndex(node.row, ColumnCount - 1, nullptr));
    return true;
}

bool VolumeListModel::removeVolume(const QString &volumeName)
{
    const QModelIndex index = volumeIndex(volumeName);
    if (!index.isValid())
        return false;
    DriverNode &node = *nodeOf(index);
    QList<core::Volume> volumes = node.volumes;
    volumes.removeAt(index.row());
    applyVolumes(node, volumes);
    Q_EMIT dataChanged(createIndex(node.row, 0, nullptr), createIndex(node.row, ColumnCount - 1, nullptr));
    return true;
}

} // namespace ui
