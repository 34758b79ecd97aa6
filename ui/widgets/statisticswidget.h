// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"

#include <QHash>
#include <QWidget>

class QTableWidget;

namespace cbi {

// Counts per command since the last clear: how many callbacks, and what OpenIM will have done with
// them (continue, blocked, modified, failed, ignored), with the mean reply delay.
class StatisticsWidget : public QWidget
{
    Q_OBJECT
public:
    explicit StatisticsWidget(QWidget *parent = nullptr);

    void addBatch(const QList<CapturedRequest> &batch);
    void clear();
    QTableWidget *table() const { return m_table; }

private:
    struct Counts
    {
        int total = 0;
        int outcome[6] = {}; // by Verdict::Outcome
        qint64 delaySum = 0;
    };
    void refresh();

    QHash<QString, Counts> m_counts;
    QTableWidget *m_table;
};

} // namespace cbi
