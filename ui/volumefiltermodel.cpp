#include "ui/volumefiltermodel.h"

#include "ui/volumelistmodel.h"

#include <QRegularExpression>

namespace ui {

VolumeFilterModel::VolumeFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortRole(VolumeListModel::SortRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(-1);
    // A driver stays when one of its volumes matches; a matching driver brings all its volumes.
    setRecursiveFilteringEnabled(true);
    setAutoAcceptChildRows(true);
}

void VolumeFilterModel::setSourceModel(QAbstractItemModel *model)
{
    m_volumes = qobject_cast<VolumeListModel *>(model);
    QSortFilterProxyModel::setSourceModel(model);
}

std::optional<QString> VolumeFilterModel::unescapedPattern(const QString &pattern)
{
    // escape() puts a backslash before every character but [A-Za-z0-9_] and writes NUL as "\0".
    QString text;
    text.reserve(pattern.size());
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern.at(i);
        if (c != QLatin1Char('\\')) {
            text += c;
            continue;
        }
        if (++i == pattern.size())
            return std::nullopt;
        text += pattern.at(i) == QLatin1Char('0') ? QChar(0) : pattern.at(i);
    }
    if (QRegularExpression::escape(text) != pattern)
        return std::nullopt;
    return text;
}

const QStringMatcher *VolumeFilterModel::fixedMatcher() const
{
    if (!m_volumes || filterKeyColumn() != -1 || filterRole() != Qt::DisplayRole)
        return nullptr;
    const QRegularExpression expression = filterRegularExpression();
    const QString pattern = expression.pattern();
    const QRegularExpression::PatternOptions options = expression.patternOptions();
    if (!m_known || pattern != m_pattern || options != m_options) {
        m_known = true;
        m_pattern = pattern;
        m_options = options;
        const std::optional<QString> text = unescapedPattern(pattern);
        // The kept texts are folded for a case-insensitive search (a case-sensitive one goes the plain way); a row's
        // texts are joined with line breaks, so a needle with one could match across two cells.
        m_fixed = text && !text->contains(QLatin1Char('\n')) && options == QRegularExpression::CaseInsensitiveOption;
        m_matcher = QStringMatcher(m_fixed ? VolumeListModel::caseFolded(*text) : QString(), Qt::CaseSensitive);
    }
    return m_fixed ? &m_matcher : nullptr;
}

bool VolumeFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QStringMatcher *matcher = fixedMatcher();
    if (!matcher)
        return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
    if (matcher->pattern().isEmpty())
        return true;
    return matcher->indexIn(m_volumes->filterText(sourceRow, sourceParent)) >= 0;
}

bool VolumeFilterModel::lessThan(const QModelIndex &left, const QModelIndex &right) const
{
    // Volumes under one driver by name, as SortRole compares them, from the kept keys.
    if (m_volumes && left.column() == VolumeListModel::Name && right.column() == VolumeListModel::Name &&
        left.parent().isValid() && right.parent().isValid() && sortRole() == VolumeListModel::SortRole &&
        !isSortLocaleAware())
        return m_volumes->nameSortKey(left.row(), left.parent())
                   .compare(m_volumes->nameSortKey(right.row(), right.parent()), sortCaseSensitivity()) < 0;
    return QSortFilterProxyModel::lessThan(left, right);
}

} // namespace ui
