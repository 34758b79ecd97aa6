// SPDX-License-Identifier: MIT
#pragma once

#include <QChartView>
#include <QList>

namespace cbi {

// A chart view for the statistics: Qt Charts draws the axes, the legend and the hover, this keeps the
// chart in the palette (light, dark, high contrast) and tells screen readers what the picture shows.
class BarChart : public QChartView
{
    Q_OBJECT
public:
    explicit BarChart(QWidget *parent = nullptr);

    void setCaption(const QString &caption);
    // The values the chart shows, for the accessible description ("highest N, last M").
    void setBars(const QList<qint64> &values);
    QList<qint64> bars() const { return m_values; }
    // Shows a hover value as a tooltip at the mouse; the last one stays readable for tests.
    void showTip(const QString &text);
    QString lastTip() const { return m_tip; }
    // Colours the chart, its axes and legend from the palette (again after axes are added).
    void applyPalette();

    QSize sizeHint() const override { return {320, 190}; }
    QSize minimumSizeHint() const override { return {160, 120}; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void describe();

    QString m_caption;
    QList<qint64> m_values;
    QString m_tip;
};

} // namespace cbi
