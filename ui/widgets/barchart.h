// SPDX-License-Identifier: MIT
#pragma once

#include <QList>
#include <QStringList>
#include <QWidget>

namespace cbi {

// A small bar chart painted with the palette (so dark and high-contrast themes work): one series of
// bars, an optional second series drawn as a line over them, a caption and a few axis labels.
// Plain painting: the statistics need no more than this, and Qt Charts is not in the stack.
class BarChart : public QWidget
{
    Q_OBJECT
public:
    explicit BarChart(QWidget *parent = nullptr);

    void setCaption(const QString &caption);
    // labels: under the first, middle and last bar (any may be empty).
    void setBars(const QList<qint64> &values, const QStringList &labels);
    void setOverlay(const QList<qint64> &values, const QString &name); // empty: none
    QList<qint64> bars() const { return m_values; }

    QSize sizeHint() const override { return {320, 130}; }
    QSize minimumSizeHint() const override { return {160, 90}; }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void describe(); // the accessible description: what a screen reader says about the chart

    QString m_caption;
    QList<qint64> m_values;
    QStringList m_labels;
    QList<qint64> m_overlay;
    QString m_overlayName;
};

} // namespace cbi
