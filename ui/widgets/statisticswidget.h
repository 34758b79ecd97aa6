// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"
#include "capture/capturestats.h"

#include <QHash>
#include <QWidget>

class QAreaSeries;
class QBarCategoryAxis;
class QBarSet;
class QLineSeries;
class QLogValueAxis;
class QTableWidget;
class QTimer;
class QValueAxis;

namespace cbi {

class BarChart;

// Since the last clear: callbacks per second over the last two minutes (all, and the command selected
// in the table as a line), how long OpenIM waited for the replies (a histogram on a log scale, so a
// few slow replies show beside thousands of fast ones, with the p50 and p99 lines), and per command
// how many callbacks and what OpenIM will have done with them (continue, blocked, modified, failed,
// ignored). Hovering a chart shows its values.
class StatisticsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit StatisticsWidget(QWidget *parent = nullptr);

    void addBatch(const QList<CapturedRequest> &batch);
    void clear();
    QTableWidget *table() const { return m_table; }
    BarChart *rateChart() const { return m_rate; }
    BarChart *waitChart() const { return m_wait; }
    // Hover texts: the rate at x seconds from now (-119..0), the replies of wait bucket i.
    QString rateTip(qreal x) const;
    QString waitTip(int bucket) const;
    // Where the p50 and p99 lines stand on the wait chart's category axis (-1: no replies yet).
    qreal waitLinePosition(double percentile) const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Counts
    {
        int total = 0;
        int outcome[7] = {}; // by Verdict::Outcome
        qint64 delaySum = 0;
    };
    void buildRateChart();
    void buildWaitChart();
    void refresh();
    void refreshCharts();
    void refreshWaitChart();
    void fitColumns();
    QString selectedCommand() const;
    static QString waitLabel(int bucket);

    QHash<QString, Counts> m_counts;
    CaptureStats m_stats;
    BarChart *m_rate;
    BarChart *m_wait;
    QTableWidget *m_table;
    QTimer *m_tick;
    QLineSeries *m_rateAll = nullptr;
    QLineSeries *m_rateBase = nullptr;
    QAreaSeries *m_rateArea = nullptr;
    QLineSeries *m_rateCommand = nullptr;
    QValueAxis *m_rateY = nullptr;
    QList<int> m_rateValues; // the shown seconds, oldest first, and the selected command's
    QList<int> m_rateCommandValues;
    QBarSet *m_waitSet = nullptr;
    QLogValueAxis *m_waitY = nullptr;
    QLineSeries *m_p50 = nullptr;
    QLineSeries *m_p99 = nullptr;
};

} // namespace cbi
