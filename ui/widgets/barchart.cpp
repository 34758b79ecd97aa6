// SPDX-License-Identifier: MIT
#include "barchart.h"

#include <QAbstractAxis>
#include <QChart>
#include <QCursor>
#include <QEvent>
#include <QGraphicsLayout>
#include <QLegend>
#include <QToolTip>

#include <algorithm>

namespace cbi {

BarChart::BarChart(QWidget *parent)
    : QChartView(new QChart, parent)
{
    setRenderHint(QPainter::Antialiasing);
    // A picture, not a control: screen readers get its description, Tab goes past it.
    setFocusPolicy(Qt::NoFocus);
    viewport()->setFocusPolicy(Qt::NoFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    chart()->setMargins(QMargins(2, 2, 2, 2));
    chart()->layout()->setContentsMargins(0, 0, 0, 0);
    chart()->setBackgroundRoundness(0);
    chart()->legend()->setAlignment(Qt::AlignTop);
    chart()->setAnimationOptions(QChart::NoAnimation); // redrawn every second
    applyPalette();
}

void BarChart::setCaption(const QString &caption)
{
    m_caption = caption;
    chart()->setTitle(caption);
    setAccessibleName(caption);
    describe();
}

void BarChart::setBars(const QList<qint64> &values)
{
    m_values = values;
    describe();
}

void BarChart::showTip(const QString &text)
{
    m_tip = text;
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(QCursor::pos(), text, this);
}

void BarChart::describe()
{
    const qint64 peak = m_values.isEmpty() ? 0 : *std::max_element(m_values.cbegin(), m_values.cend());
    const qint64 last = m_values.isEmpty() ? 0 : m_values.last();
    setAccessibleDescription(tr("%1: highest %2, last %3").arg(m_caption).arg(peak).arg(last));
}

void BarChart::changeEvent(QEvent *event)
{
    QChartView::changeEvent(event);
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
}

// Qt Charts has its own themes; the window's palette (Settings > Appearance, or the desktop's) wins.
void BarChart::applyPalette()
{
    const QPalette pal = palette();
    QChart *c = chart();
    c->setBackgroundBrush(pal.base());
    c->setPlotAreaBackgroundVisible(false);
    c->setTitleBrush(pal.text());
    c->legend()->setLabelColor(pal.text().color());
    setBackgroundBrush(pal.base());
    for (QAbstractAxis *axis : c->axes()) {
        axis->setLabelsColor(pal.text().color());
        axis->setTitleBrush(pal.text());
        axis->setLinePenColor(pal.mid().color());
        axis->setGridLineColor(pal.mid().color());
        axis->setMinorGridLineColor(pal.midlight().color());
    }
}

} // namespace cbi
