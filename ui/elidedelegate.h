#pragma once

#include <QStyledItemDelegate>

namespace ui {

// Text cut at its end, in a view that cuts in the middle: a state's cause or a description reads from its start,
// while names and paths keep both ends.
class ElideRightDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        option->textElideMode = Qt::ElideRight;
    }
};

} // namespace ui
