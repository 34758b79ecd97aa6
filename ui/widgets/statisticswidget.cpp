// SPDX-License-Identifier: MIT
#include "statisticswidget.h"

#include "barchart.h"
#include "models/capturetablemodel.h"

#include <QDateTime>
#include <QHeaderView>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <iterator>

namespace cbi {

namespace {
constexpr Verdict::Outcome shownOutcomes[] = {Verdict::Outcome::Continue, Verdict::Outcome::Blocked,
    Verdict::Outcome::Modified, Verdict::Outcome::Failed, Verdict::Outcome::Ignored,
    Verdict::Outcome::NotCallback};
constexpr int outcomeColumns = int(std::size(shownOutcomes));
constexpr int delayColumn = 2 + outcomeColumns;
} // namespace

StatisticsWidget::StatisticsWidget(QWidget *parent)
    : QWidget(parent)
    , m_rate(new BarChart(this))
    , m_wait(new BarChart(this))
    , m_table(new QTableWidget(0, delayColumn + 1, this))
    , m_tick(new QTimer(this))
{
    m_rate->setCaption(tr("Callbacks per second, last 2 minutes"));
    m_wait->setCaption(tr("How long OpenIM waited for the reply"));
    // The rate moves on with time even when nothing arrives.
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &StatisticsWidget::refreshCharts);
    m_tick->start();
    m_table->setHorizontalHeaderLabels({tr("Command"), tr("Count"), tr("continue"), tr("blocked"),
        tr("modified"), tr("failed"), tr("ignored"), tr("not a callback"), tr("Mean delay")});
    // The command first and whole; the counts scroll into view when the dock is narrow.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->setAccessibleName(tr("Callbacks per command and what OpenIM did"));
    for (int column = 2; column < delayColumn; ++column)
        m_table->horizontalHeaderItem(column)->setForeground(
            CaptureTableModel::verdictColor(shownOutcomes[column - 2]));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &StatisticsWidget::refreshCharts);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_rate);
    layout->addWidget(m_wait);
    layout->addWidget(m_table, 1);
    refreshCharts();
}

void StatisticsWidget::refreshCharts()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    auto widen = [](const QList<int> &values) { return QList<qint64>(values.cbegin(), values.cend()); };
    m_rate->setBars(widen(m_stats.perSecond(now)), {tr("-2 min"), tr("-1 min"), tr("now")});
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    const QString command = selected.isEmpty()
        ? QString()
        : m_table->item(selected.first()->row(), 0)->data(Qt::UserRole).toString();
    if (command.isEmpty() || !m_stats.perCommand().contains(command))
        m_rate->setOverlay({}, {});
    else
        m_rate->setOverlay(widen(m_stats.perSecond(now, command)), command);
    const QList<int> &bounds = CaptureStats::waitBounds();
    m_wait->setBars(m_stats.waitHistogram(),
        {tr("\u2264 %1 ms").arg(bounds.first()), tr("\u2264 %1 ms").arg(bounds.at(bounds.size() / 2)),
            tr("> %1 s").arg(bounds.last() / 1000)});
}

void StatisticsWidget::addBatch(const QList<CapturedRequest> &batch)
{
    for (const auto &c : batch) {
        Counts &counts = m_counts[c.command.isEmpty() ? tr("(no command)") : c.command];
        ++counts.total;
        ++counts.outcome[int(c.verdict.outcome)];
        counts.delaySum += c.reply.delayMs;
        m_stats.add(c);
    }
    refresh();
    refreshCharts();
}

void StatisticsWidget::clear()
{
    m_counts.clear();
    m_stats.clear();
    refresh();
    refreshCharts();
}

void StatisticsWidget::refresh()
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    const QString keep = selected.isEmpty()
        ? QString()
        : m_table->item(selected.first()->row(), 0)->data(Qt::UserRole).toString();
    const QSignalBlocker quiet(m_table); // one chart refresh after the batch, not one per row
    m_table->setSortingEnabled(false); // rows move while sorted: fill first
    m_table->setRowCount(int(m_counts.size()));
    int row = 0;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it, ++row) {
        auto number = [](qint64 n) {
            auto *item = new QTableWidgetItem;
            item->setData(Qt::DisplayRole, n);
            return item;
        };
        // "BeforeSendSingleMsg": every name starts "callback" and ends "Command", and the dock is narrow.
        QString name = it.key();
        if (name.startsWith(QLatin1String("callback")) && name.endsWith(QLatin1String("Command")))
            name = name.mid(8).chopped(7);
        auto *command = new QTableWidgetItem(name);
        command->setData(Qt::UserRole, it.key());
        command->setToolTip(it.key());
        m_table->setItem(row, 0, command);
        m_table->setItem(row, 1, number(it->total));
        for (int i = 0; i < outcomeColumns; ++i)
            m_table->setItem(row, 2 + i, number(it->outcome[int(shownOutcomes[i])]));
        m_table->setItem(row, delayColumn, number(it->total ? it->delaySum / it->total : 0));
    }
    m_table->setSortingEnabled(true);
    for (int r = 0; r < m_table->rowCount() && !keep.isEmpty(); ++r) {
        if (m_table->item(r, 0)->data(Qt::UserRole).toString() == keep)
            m_table->selectRow(r); // the selected command stays selected as counts change
    }
}

} // namespace cbi
