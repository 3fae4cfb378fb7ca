#pragma once

#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QStringMatcher>
#include <optional>

namespace ui {

class VolumeListModel;

// The Volumes page's sort and filter proxy over a VolumeListModel: sorted by SortRole, filtered case-insensitively
// on every column, a driver kept when one of its volumes matches and a matching driver bringing all its volumes.
// Answers exactly what a plain QSortFilterProxyModel set up that way answers, faster: a fixed-string filter
// (setFilterFixedString, case-insensitive) is looked for in each row's texts as the model keeps them, case-folded
// (VolumeListModel::filterText), with one QStringMatcher, not by a regular expression on six formatted cells; and the
// Name column sorts volumes on kept keys. Any other filter (a regular expression, case-sensitive, one column, another
// role) goes the plain way.
class VolumeFilterModel final : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit VolumeFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *model) override;

    // The text a regular expression made by QRegularExpression::escape() stands for; nullopt for any other pattern.
    static std::optional<QString> unescapedPattern(const QString &pattern);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;
    bool lessThan(const QModelIndex &left, const QModelIndex &right) const override;

private:
    // The matcher for the current filter when it is a fixed string this model can search itself; else null.
    const QStringMatcher *fixedMatcher() const;

    VolumeListModel *m_volumes = nullptr;
    mutable bool m_known = false; // m_pattern and m_options say which filter m_fixed and m_matcher were made for
    mutable QString m_pattern;
    mutable QRegularExpression::PatternOptions m_options;
    mutable bool m_fixed = false;
    mutable QStringMatcher m_matcher;
};

} // namespace ui
