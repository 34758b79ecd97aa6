// SPDX-License-Identifier: MIT
#include "elidemiddledelegate.h"

namespace cbi {

void ElideMiddleDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    option->textElideMode = Qt::ElideMiddle;
}

} // namespace cbi
