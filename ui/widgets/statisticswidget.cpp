// SPDX-License-Identifier: MIT
#include "statisticswidget.h"

#include "barchart.h"
#include "commanddelegate.h"
#include "models/capturetablemodel.h"

#include <QAreaSeries>
#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChart>
#include <QDateTime>
#include <QEvent>
#include <QHeaderView>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>
#include <QValueAxis>

#include <cmath>
#include <iterator>

namespace cbi {

namespace {
constexpr Verdict::Outcome shownOutcomes[] = {Verdict::Outcome::Continue, Verdict::Outcome::Blocked,
    Verdict::Outcome::Modified, Verdict::Outcome::Failed, Verdict::Outcome::Ignored,
    Verdict::Outcome::NotCallback};
constexpr int outcomeColumns = int(std::size(shownOutcomes));
constexpr int delayColumn = 2 + outcomeColumns;

constexpr qreal waitFloor = 0.5; // the wait chart's bottom, below one reply

QString duration(qint64 ms)
{
    return ms >= 1000 && ms % 1000 == 0 ? StatisticsWidget::tr("%1 s").arg(ms / 1000)
                                        : StatisticsWidget::tr("%1 ms").arg(ms);
}
} // namespace

StatisticsWidget::StatisticsWidget(QWidget *parent)
    : QWidget(parent)
    , m_rate(new BarChart(this))
    , m_wait(new BarChart(this))
    , m_table(new QTableWidget(0, delayColumn + 1, this))
    , m_tick(new QTimer(this))
{
    buildRateChart();
    buildWaitChart();
    // The rate moves on with time even when nothing arrives.
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &StatisticsWidget::refreshCharts);
    m_tick->start();
    m_table->setHorizontalHeaderLabels({tr("Command"), tr("Count"), tr("continue"), tr("blocked"),
        tr("modified"), tr("failed"), tr("ignored"), tr("not a callback"), tr("Delay")});
    // Every column in view (gui walk F27: "ignored" was cut off): fitColumns() shares the width.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Fixed);
    header->setStretchLastSection(false);
    header->setMinimumSectionSize(24);
    header->setTextElideMode(Qt::ElideRight);
    for (int column = 0; column < m_table->columnCount(); ++column)
        m_table->horizontalHeaderItem(column)->setToolTip(m_table->horizontalHeaderItem(column)->text());
    m_table->viewport()->installEventFilter(this);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->setTextElideMode(Qt::ElideMiddle);
    m_table->setItemDelegateForColumn(0, new CommandDelegate(m_table)); // "BeforeSendSingleMsg" when narrow
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->setAccessibleName(tr("Callbacks per command and what OpenIM did"));
    for (int column = 2; column < delayColumn; ++column)
        m_table->horizontalHeaderItem(column)->setForeground(
            CaptureTableModel::verdictColor(shownOutcomes[column - 2]));
    m_table->horizontalHeaderItem(delayColumn)->setToolTip(tr("Mean delay of the replies, in ms"));
    fitColumns();
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

void StatisticsWidget::buildRateChart()
{
    m_rate->setCaption(tr("Callbacks per second, last 2 minutes"));
    QChart *chart = m_rate->chart();
    m_rateAll = new QLineSeries(this);
    m_rateArea = new QAreaSeries(m_rateAll);
    m_rateArea->setName(tr("All commands"));
    m_rateArea->setColor(palette().highlight().color());
    m_rateArea->setBorderColor(palette().highlight().color());
    m_rateCommand = new QLineSeries;
    m_rateCommand->setPen(QPen(palette().link().color(), 2));
    chart->addSeries(m_rateArea);
    chart->addSeries(m_rateCommand);
    auto *x = new QValueAxis;
    x->setRange(-CaptureStats::windowSeconds, 0);
    x->setTickCount(5);
    x->setLabelFormat(tr("%d s"));
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%d"));
    y->setTickCount(3);
    m_rateY = y;
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s :
        {static_cast<QAbstractSeries *>(m_rateArea), static_cast<QAbstractSeries *>(m_rateCommand)}) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    m_rateCommand->setVisible(false);
    connect(m_rateArea, &QAreaSeries::hovered, this,
        [this](const QPointF &point, bool on) { m_rate->showTip(on ? rateTip(point.x()) : QString()); });
    connect(m_rateCommand, &QLineSeries::hovered, this,
        [this](const QPointF &point, bool on) { m_rate->showTip(on ? rateTip(point.x()) : QString()); });
    m_rate->applyPalette();
}

void StatisticsWidget::buildWaitChart()
{
    m_wait->setCaption(tr("How long OpenIM waited for the reply"));
    QChart *chart = m_wait->chart();
    m_waitSet = new QBarSet(tr("Replies"));
    m_waitSet->setColor(palette().highlight().color());
    auto *bars = new QBarSeries;
    bars->append(m_waitSet);
    bars->setBarWidth(0.9);
    chart->addSeries(bars);
    auto *x = new QBarCategoryAxis;
    QStringList labels;
    for (int i = 0; i <= CaptureStats::waitBounds().size(); ++i)
        labels << waitLabel(i);
    x->append(labels);
    x->setTitleText(tr("Waited at most (ms)"));
    QFont small = x->labelsFont();
    small.setPointSizeF(small.pointSizeF() * 0.85); // nine labels under a narrow dock's chart
    x->setLabelsFont(small);
    // Counts on a log scale: 20,000 fast replies no longer hide the three slow ones (gui walk F27).
    m_waitY = new QLogValueAxis;
    m_waitY->setBase(10);
    m_waitY->setLabelFormat(QStringLiteral("%g"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(m_waitY, Qt::AlignLeft);
    bars->attachAxis(x);
    bars->attachAxis(m_waitY);
    m_p50 = new QLineSeries;
    m_p99 = new QLineSeries;
    m_p50->setPen(QPen(QColor(0x2e, 0x7d, 0x32), 2, Qt::DashLine));
    m_p99->setPen(QPen(QColor(0xc6, 0x28, 0x28), 2, Qt::DashLine));
    for (QLineSeries *line : {m_p50, m_p99}) {
        chart->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(m_waitY);
    }
    connect(m_waitSet, &QBarSet::hovered, this,
        [this](bool on, int index) { m_wait->showTip(on ? waitTip(index) : QString()); });
    m_wait->applyPalette();
}

// Short, so nine fit under a narrow dock's chart: the axis title says they are milliseconds.
QString StatisticsWidget::waitLabel(int bucket)
{
    const QList<int> &bounds = CaptureStats::waitBounds();
    if (bucket >= bounds.size())
        return tr("more");
    const int ms = bounds.at(bucket);
    return ms >= 1000 ? tr("%1k").arg(ms / 1000) : QString::number(ms);
}

QString StatisticsWidget::rateTip(qreal x) const
{
    const int i = qRound(x) + CaptureStats::windowSeconds - 1;
    if (i < 0 || i >= m_rateValues.size())
        return {};
    const int ago = CaptureStats::windowSeconds - 1 - i;
    QString text = ago == 0 ? tr("This second: %n callback(s)", nullptr, m_rateValues.at(i))
                            : tr("%1 s ago: %n callback(s)", nullptr, m_rateValues.at(i)).arg(ago);
    if (i < m_rateCommandValues.size())
        text += QLatin1Char('\n')
            + tr("%1: %n callback(s)", nullptr, m_rateCommandValues.at(i)).arg(m_rateCommand->name());
    return text;
}

QString StatisticsWidget::waitTip(int bucket) const
{
    const QList<qint64> &waits = m_stats.waitHistogram();
    if (bucket < 0 || bucket >= waits.size())
        return {};
    qint64 total = 0;
    for (qint64 n : waits)
        total += n;
    const QList<int> &bounds = CaptureStats::waitBounds();
    const QString range = bucket >= bounds.size() ? tr("more than %1").arg(duration(bounds.last()))
        : bucket == 0                             ? tr("at most %1").arg(duration(bounds.first()))
                      : tr("%1 to %2").arg(duration(bounds.at(bucket - 1)), duration(bounds.at(bucket)));
    const int share = total ? int(std::lround(100.0 * double(waits.at(bucket)) / double(total))) : 0;
    return tr("Waited %1: %n callback(s), %2 %", nullptr, int(waits.at(bucket))).arg(range).arg(share);
}

qreal StatisticsWidget::waitLinePosition(double percentile) const
{
    const qint64 ms = m_stats.waitPercentile(percentile);
    if (ms < 0)
        return -1; // (a real position may be negative too: the first bar's left half)
    // The bar of its bucket, and within it by the logarithm of the time (the buckets grow tenfold).
    const QList<int> &bounds = CaptureStats::waitBounds();
    int bucket = 0;
    while (bucket < bounds.size() && ms > bounds.at(bucket))
        ++bucket;
    const double low = bucket == 0 ? 0.1 : double(bounds.at(bucket - 1));
    const double high = bucket < bounds.size() ? double(bounds.at(bucket)) : 4.0 * bounds.last();
    const double fraction = qBound(
        0.0, (std::log(qMax(0.1, double(ms))) - std::log(low)) / (std::log(high) - std::log(low)), 1.0);
    return bucket - 0.45 + 0.9 * fraction;
}

QString StatisticsWidget::selectedCommand() const
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    return selected.isEmpty() ? QString()
                              : m_table->item(selected.first()->row(), 0)->data(Qt::UserRole).toString();
}

void StatisticsWidget::refreshCharts()
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    m_rateValues = m_stats.perSecond(now);
    const QString command = selectedCommand();
    const bool overlay = !command.isEmpty() && m_stats.perCommand().contains(command);
    m_rateCommandValues = overlay ? m_stats.perSecond(now, command) : QList<int>();
    auto points = [](const QList<int> &values) {
        QList<QPointF> out;
        out.reserve(values.size());
        for (qsizetype i = 0; i < values.size(); ++i)
            out.append(QPointF(qreal(i - values.size() + 1), values.at(i)));
        return out;
    };
    m_rateAll->replace(points(m_rateValues));
    m_rateCommand->replace(points(m_rateCommandValues));
    m_rateCommand->setName(command);
    m_rateCommand->setVisible(overlay);
    int peak = 4;
    for (int v : m_rateValues)
        peak = qMax(peak, v);
    m_rateY->setRange(0, peak);
    m_rateY->applyNiceNumbers();
    m_rate->setBars(QList<qint64>(m_rateValues.cbegin(), m_rateValues.cend()));
    refreshWaitChart();
}

void StatisticsWidget::refreshWaitChart()
{
    const QList<qint64> &waits = m_stats.waitHistogram();
    qint64 peak = 1;
    QList<qreal> values;
    for (qint64 n : waits) {
        // A log axis has no zero: an empty bucket stands at the axis' bottom, drawn as nothing.
        values.append(n > 0 ? qreal(n) : waitFloor);
        peak = qMax(peak, n);
    }
    if (m_waitSet->count() == values.size()) {
        for (qsizetype i = 0; i < values.size(); ++i)
            m_waitSet->replace(i, values.at(i));
    } else {
        m_waitSet->remove(0, m_waitSet->count());
        m_waitSet->append(values);
    }
    // From below one (an empty bucket draws nothing) to the power of ten above the highest bar.
    const qreal top = std::pow(10.0, std::ceil(std::log10(double(peak) * 1.5)));
    m_waitY->setRange(waitFloor, top);
    m_wait->setBars(waits);
    const std::pair<QLineSeries *, double> lines[] = {{m_p50, 0.5}, {m_p99, 0.99}};
    for (const auto &[line, p] : lines) {
        const bool any = m_stats.waitPercentile(p) >= 0;
        line->setVisible(any);
        if (!any)
            continue;
        const qreal x = waitLinePosition(p);
        line->replace({QPointF(x, waitFloor), QPointF(x, top)});
        line->setName(tr("p%1 %2").arg(int(p * 100)).arg(duration(m_stats.waitPercentile(p))));
    }
}

bool StatisticsWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_table->viewport() && event->type() == QEvent::Resize)
        fitColumns();
    return QWidget::eventFilter(watched, event);
}

// The numbers get what their widest value needs and their header up to a few characters more (the
// header elides beyond, its tooltip says it whole); the command takes the rest, with a minimum.
void StatisticsWidget::fitColumns()
{
    const QFontMetrics header(m_table->horizontalHeader()->font());
    const int available = m_table->viewport()->width();
    const int commandLeast = header.horizontalAdvance(QStringLiteral("BeforeSendSingle"));
    const int capHeader = header.horizontalAdvance(QStringLiteral("000000")) + 12;
    const QAbstractItemView *view = m_table; // sizeHintForColumn is public there
    QList<int> wanted(m_table->columnCount(), 0);
    // Headers whole; too narrow: capped at six digits; still too narrow: at three (the tooltips and
    // colours say them), never below the numbers.
    const int caps[] = {INT_MAX, capHeader, header.horizontalAdvance(QStringLiteral("000")) + 12};
    int used = 0;
    for (int cap : caps) {
        used = 0;
        for (int column = 1; column < m_table->columnCount(); ++column) {
            if (m_table->isColumnHidden(column))
                continue;
            const int title = header.horizontalAdvance(m_table->horizontalHeaderItem(column)->text()) + 12;
            wanted[column] = qMax(view->sizeHintForColumn(column), qMin(title, cap));
            used += wanted.at(column);
        }
        if (available - used >= commandLeast)
            break;
    }
    for (int column = 1; column < m_table->columnCount(); ++column) {
        if (!m_table->isColumnHidden(column))
            m_table->setColumnWidth(column, wanted.at(column));
    }
    m_table->setColumnWidth(0, qMax(available - used, 24));
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
    const QString keep = selectedCommand();
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
    // A verdict no callback got takes no room: the dock is narrow and every column must fit.
    for (int i = 0; i < 5; ++i) {
        bool any = false;
        for (const Counts &counts : std::as_const(m_counts))
            any = any || counts.outcome[int(shownOutcomes[i])] > 0;
        m_table->setColumnHidden(2 + i, !any);
    }
    fitColumns();
    for (int r = 0; r < m_table->rowCount() && !keep.isEmpty(); ++r) {
        if (m_table->item(r, 0)->data(Qt::UserRole).toString() == keep)
            m_table->selectRow(r); // the selected command stays selected as counts change
    }
}

} // namespace cbi
