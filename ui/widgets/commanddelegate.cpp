// SPDX-License-Identifier: MIT
#include "commanddelegate.h"

#include <QAbstractItemView>
#include <QHelpEvent>
#include <QToolTip>

namespace cbi {

namespace {
// The text's room inside a cell, as QStyledItemDelegate draws it.
int textRoom(const QStyleOptionViewItem &option)
{
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : nullptr;
    const int margin = style ? style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1 : 3;
    return option.rect.width() - 2 * margin;
}
} // namespace

QString CommandDelegate::shortName(const QString &text)
{
    const qsizetype end = text.indexOf(QLatin1Char(' '));
    QString name = text.left(end < 0 ? text.size() : end);
    const QString rest = end < 0 ? QString() : text.mid(end);
    if (!name.startsWith(QLatin1String("callback")) || !name.endsWith(QLatin1String("Command")))
        return text; // a probe or a rejected request: its text as it is
    name = name.mid(8, name.size() - 8 - 7);
    return name.isEmpty() ? text : name + rest;
}

void CommandDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (option->fontMetrics.horizontalAdvance(option->text) > textRoom(*option))
        option->text = shortName(option->text);
}

bool CommandDelegate::helpEvent(
    QHelpEvent *event, QAbstractItemView *view, const QStyleOptionViewItem &option, const QModelIndex &index)
{
    // The model's tooltip (warnings) first; else the whole name when the cell shows less of it.
    if (event->type() == QEvent::ToolTip && index.data(Qt::ToolTipRole).toString().isEmpty()) {
        QStyleOptionViewItem shown = option;
        initStyleOption(&shown, index);
        const QString full = index.data(Qt::DisplayRole).toString();
        if (shown.text != full || shown.fontMetrics.horizontalAdvance(full) > textRoom(shown)) {
            QToolTip::showText(event->globalPos(), full, view);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace cbi
