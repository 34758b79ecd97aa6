// SPDX-License-Identifier: MIT
#include "barchart.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace cbi {

BarChart::BarChart(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
}

void BarChart::setCaption(const QString &caption)
{
    m_caption = caption;
    setAccessibleName(caption);
    update();
}

void BarChart::setBars(const QList<qint64> &values, const QStringList &labels)
{
    m_values = values;
    m_labels = labels;
    describe();
    update();
}

void BarChart::setOverlay(const QList<qint64> &values, const QString &name)
{
    m_overlay = values;
    m_overlayName = name;
    describe();
    update();
}

void BarChart::describe()
{
    const qint64 peak = m_values.isEmpty() ? 0 : *std::max_element(m_values.cbegin(), m_values.cend());
    const qint64 last = m_values.isEmpty() ? 0 : m_values.last();
    setAccessibleDescription(tr("%1: highest %2, last %3").arg(m_caption).arg(peak).arg(last));
}

void BarChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QFontMetrics fm(font());
    const int line = fm.height();
    const QRect plot =
        rect().adjusted(4 + fm.horizontalAdvance(QStringLiteral("00000")), line + 4, -4, -line - 4);
    p.fillRect(rect(), pal.base());
    p.setPen(pal.text().color());
    p.drawText(QRect(4, 2, width() - 8, line), Qt::AlignLeft | Qt::AlignVCenter, m_caption);
    if (!m_overlayName.isEmpty()) {
        p.setPen(pal.link().color());
        p.drawText(QRect(4, 2, width() - 8, line), Qt::AlignRight | Qt::AlignVCenter, m_overlayName);
    }
    if (m_values.isEmpty() || plot.width() < 10 || plot.height() < 10)
        return;
    qint64 peak = 1;
    for (qint64 v : m_values)
        peak = std::max(peak, v);
    for (qint64 v : m_overlay)
        peak = std::max(peak, v);

    // Axis: zero and the peak on the left, the labels underneath.
    p.setPen(pal.mid().color());
    p.drawLine(plot.bottomLeft(), plot.bottomRight());
    p.setPen(pal.text().color());
    p.drawText(QRect(0, plot.top() - line / 2, plot.left() - 4, line), Qt::AlignRight | Qt::AlignVCenter,
        QString::number(peak));
    p.drawText(QRect(0, plot.bottom() - line / 2, plot.left() - 4, line), Qt::AlignRight | Qt::AlignVCenter,
        QStringLiteral("0"));
    const double step = double(plot.width()) / double(m_values.size());
    const QColor bar = pal.highlight().color();
    for (qsizetype i = 0; i < m_values.size(); ++i) {
        const int h = int(double(plot.height()) * double(m_values.at(i)) / double(peak));
        if (h <= 0)
            continue;
        const QRectF r(plot.left() + double(i) * step, plot.bottom() - h, std::max(1.0, step - 1.0), h);
        p.fillRect(r, bar);
    }
    if (!m_overlay.isEmpty() && m_overlay.size() == m_values.size()) {
        QPainterPath path;
        for (qsizetype i = 0; i < m_overlay.size(); ++i) {
            const QPointF pt(plot.left() + (double(i) + 0.5) * step,
                plot.bottom() - double(plot.height()) * double(m_overlay.at(i)) / double(peak));
            if (i == 0)
                path.moveTo(pt);
            else
                path.lineTo(pt);
        }
        p.setPen(QPen(pal.link().color(), 2));
        p.drawPath(path);
    }
    p.setPen(pal.text().color());
    const QRect labels(plot.left(), plot.bottom() + 2, plot.width(), line);
    if (!m_labels.value(0).isEmpty())
        p.drawText(labels, Qt::AlignLeft | Qt::AlignTop, m_labels.value(0));
    if (!m_labels.value(1).isEmpty())
        p.drawText(labels, Qt::AlignHCenter | Qt::AlignTop, m_labels.value(1));
    if (!m_labels.value(2).isEmpty())
        p.drawText(labels, Qt::AlignRight | Qt::AlignTop, m_labels.value(2));
}

} // namespace cbi
