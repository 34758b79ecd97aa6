// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace cbi {

// Elides in the middle: ids (operationID, clientMsgID) differ at their ends, not their starts.
class ElideMiddleDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace cbi
