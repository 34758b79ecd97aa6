// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"
#include "capture/capturestats.h"

#include <QHash>
#include <QWidget>

class QTableWidget;
class QTimer;

namespace cbi {

class BarChart;

// Since the last clear: callbacks per second over the last two minutes (all, and the command selected
// in the table as a line), how long OpenIM waited for the replies, and per command how many callbacks
// and what OpenIM will have done with them (continue, blocked, modified, failed, ignored).
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

private:
    struct Counts
    {
        int total = 0;
        int outcome[7] = {}; // by Verdict::Outcome
        qint64 delaySum = 0;
    };
    void refresh();
    void refreshCharts();

    QHash<QString, Counts> m_counts;
    CaptureStats m_stats;
    BarChart *m_rate;
    BarChart *m_wait;
    QTableWidget *m_table;
    QTimer *m_tick;
};

} // namespace cbi
