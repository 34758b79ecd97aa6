// SPDX-License-Identifier: MIT
#include "statisticswidget.h"

#include "models/capturetablemodel.h"

#include <QHeaderView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace cbi {

namespace {
constexpr Verdict::Outcome shownOutcomes[] = {Verdict::Outcome::Continue, Verdict::Outcome::Blocked,
    Verdict::Outcome::Modified, Verdict::Outcome::Failed, Verdict::Outcome::Ignored};
}

StatisticsWidget::StatisticsWidget(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 8, this))
{
    m_table->setHorizontalHeaderLabels({tr("Command"), tr("Count"), tr("continue"), tr("blocked"),
        tr("modified"), tr("failed"), tr("ignored"), tr("Mean delay")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->setAccessibleName(tr("Callbacks per command and what OpenIM did"));
    for (int column = 2; column < 7; ++column)
        m_table->horizontalHeaderItem(column)->setForeground(
            CaptureTableModel::verdictColor(shownOutcomes[column - 2]));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
}

void StatisticsWidget::addBatch(const QList<CapturedRequest> &batch)
{
    for (const auto &c : batch) {
        Counts &counts = m_counts[c.command.isEmpty() ? tr("(no command)") : c.command];
        ++counts.total;
        ++counts.outcome[int(c.verdict.outcome)];
        counts.delaySum += c.reply.delayMs;
    }
    refresh();
}

void StatisticsWidget::clear()
{
    m_counts.clear();
    refresh();
}

void StatisticsWidget::refresh()
{
    m_table->setSortingEnabled(false); // rows move while sorted: fill first
    m_table->setRowCount(int(m_counts.size()));
    int row = 0;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it, ++row) {
        auto number = [](qint64 n) {
            auto *item = new QTableWidgetItem;
            item->setData(Qt::DisplayRole, n);
            return item;
        };
        m_table->setItem(row, 0, new QTableWidgetItem(it.key()));
        m_table->setItem(row, 1, number(it->total));
        for (int i = 0; i < 5; ++i)
            m_table->setItem(row, 2 + i, number(it->outcome[int(shownOutcomes[i])]));
        m_table->setItem(row, 7, number(it->total ? it->delaySum / it->total : 0));
    }
    m_table->setSortingEnabled(true);
}

} // namespace cbi
