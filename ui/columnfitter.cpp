// SPDX-License-Identifier: MIT
#include "columnfitter.h"

#include <QEvent>
#include <QHeaderView>
#include <QStyle>
#include <QTableView>

#include <algorithm>

namespace cbi {

ColumnFitter::ColumnFitter(QTableView *view, int stretchColumn, const QList<Column> &columns)
    : QObject(view)
    , m_view(view)
    , m_stretch(stretchColumn)
    , m_columns(columns)
{
    QHeaderView *header = view->horizontalHeader();
    header->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    view->viewport()->installEventFilter(this);
    // A column the user sized, hid or showed is theirs: fitting stops.
    connect(header, &QHeaderView::sectionResized, this, [this](int column) {
        if (!m_fitting && column != m_stretch)
            m_active = false;
    });
    fit();
}

void ColumnFitter::setActive(bool active)
{
    m_active = active;
    if (active)
        fit();
}

int ColumnFitter::textWidth(const QString &text) const
{
    // The cell's text margins on both sides, as QStyledItemDelegate draws them.
    const int margin = m_view->style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_view) + 1;
    return m_view->fontMetrics().horizontalAdvance(text) + 2 * margin + 4;
}

int ColumnFitter::headerWidth(int column) const
{
    const QHeaderView *header = m_view->horizontalHeader();
    const QString label = m_view->model()->headerData(column, Qt::Horizontal).toString();
    const int margin = header->style()->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    return header->fontMetrics().horizontalAdvance(label) + 2 * margin + 4;
}

int ColumnFitter::stretchMinimum() const
{
    return std::max(textWidth(m_stretchSample), headerWidth(m_stretch));
}

void ColumnFitter::fit()
{
    if (!m_active || m_fitting || !m_view->model())
        return;
    m_fitting = true;
    const int budget = m_view->viewport()->width() - stretchMinimum();
    QList<Column> shown = m_columns;
    QList<int> preferred;
    QList<int> shortest;
    QList<int> widths;
    for (;;) {
        preferred.clear();
        shortest.clear();
        int sumPreferred = 0;
        int sumShortest = 0;
        for (const Column &c : shown) {
            const int head = headerWidth(c.column);
            preferred.append(std::max(textWidth(c.preferred), head));
            shortest.append(std::min(preferred.constLast(), std::max(textWidth(c.shortest), head)));
            sumPreferred += preferred.constLast();
            sumShortest += shortest.constLast();
        }
        if (sumPreferred <= budget) {
            widths = preferred;
            break;
        }
        if (sumShortest <= budget) {
            // Every column gives up the same share of what it could give.
            widths.clear();
            const double share = double(budget - sumShortest) / double(sumPreferred - sumShortest);
            for (int i = 0; i < shown.size(); ++i)
                widths.append(shortest.at(i) + int((preferred.at(i) - shortest.at(i)) * share));
            break;
        }
        const auto next =
            std::min_element(shown.cbegin(), shown.cend(), [](const Column &a, const Column &b) {
                return (a.hideOrder == 0 ? INT_MAX : a.hideOrder)
                    < (b.hideOrder == 0 ? INT_MAX : b.hideOrder);
            });
        if (next == shown.cend() || next->hideOrder == 0) {
            widths = shortest; // nothing left to hide: the row scrolls
            break;
        }
        shown.erase(next);
    }
    for (const Column &c : m_columns) {
        const auto it = std::find_if(
            shown.cbegin(), shown.cend(), [&c](const Column &s) { return s.column == c.column; });
        m_view->setColumnHidden(c.column, it == shown.cend());
        if (it != shown.cend())
            m_view->setColumnWidth(c.column, widths.at(int(it - shown.cbegin())));
    }
    m_fitting = false;
}

bool ColumnFitter::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Resize && m_active)
        fit();
    return QObject::eventFilter(watched, event);
}

} // namespace cbi
