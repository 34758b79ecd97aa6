// SPDX-License-Identifier: MIT
#pragma once

#include <QStyledItemDelegate>

namespace cbi {

// The Command column in a narrow table: "callbackBeforeSendSingleMsgCommand  [before]" loses the
// "callback" and "Command" every name shares before it elides, so the part that differs stays
// readable; the tooltip then gives the whole name.
class CommandDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    // "BeforeSendSingleMsg  [before]" for "callbackBeforeSendSingleMsgCommand  [before]".
    static QString shortName(const QString &text);

    bool helpEvent(QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option,
        const QModelIndex &index) override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;
};

} // namespace cbi
