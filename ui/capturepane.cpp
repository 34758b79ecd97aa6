// SPDX-License-Identifier: MIT
#include "capturepane.h"

#include "appsettings.h"
#include "capture/capturefilter.h"
#include "capture/capturestore.h"
#include "capturetableview.h"
#include "columnfitter.h"
#include "models/capturefilterproxy.h"
#include "models/capturetablemodel.h"
#include "session/sessionhistory.h"
#include "widgets/capturedetailview.h"
#include "widgets/commanddelegate.h"
#include "widgets/elidemiddledelegate.h"
#include "widgets/readablecolor.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace cbi {

CapturePane::CapturePane(CaptureStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_model(new CaptureTableModel(this))
    , m_proxy(new CaptureFilterProxy(this))
    , m_view(new CaptureTableView(this))
    , m_detail(new CaptureDetailView(this))
    , m_splitter(new QSplitter(Qt::Vertical, this))
    , m_filter(new QLineEdit(this))
    , m_commandPicker(new QComboBox(this))
    , m_verdictPicker(new QComboBox(this))
    , m_shown(new QLabel(this))
    , m_followButton(new QToolButton(this))
    , m_filterDebounce(new QTimer(this))
    , m_history(new SessionHistory(this))
{
    m_model->setCapacity(store->capacity());
    m_model->setMemoryLimit(store->memoryLimit());
    m_proxy->setSourceModel(m_model);

    m_view->setModel(m_proxy);
    m_view->setObjectName(QStringLiteral("captureTable"));
    m_view->setAccessibleName(tr("Captured callbacks"));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection); // several rows: export, replay
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    // Tab leaves the table for the detail (gui walk F8); arrows move between rows and cells.
    m_view->setTabKeyNavigation(false);
    // Fixed row height: the view can then paint only the visible rows of a huge table.
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 6);
    m_view->verticalHeader()->hide();
    // Content, the most telling column, takes what the others leave (gui walk F20); the row fits the
    // view at 1366 px and at scale 2: the others shrink (their cells elide), operationID and Status
    // give way first (the detail shows both; the column chooser brings them back).
    m_view->horizontalHeader()->setMinimumSectionSize(24);
    m_view->setColumnWidth(CaptureTableModel::ClientMsgIdColumn, 90);
    m_view->setColumnHidden(CaptureTableModel::ClientMsgIdColumn, true); // the column chooser shows it
    using Fit = ColumnFitter::Column;
    const auto cell = [](const char *text) {
        return QCoreApplication::translate("cbi::CaptureTableModel", text);
    };
    const QString arrow = QStringLiteral(" \u2192 ");
    m_fitter = new ColumnFitter(m_view, CaptureTableModel::ContentColumn,
        {Fit {CaptureTableModel::IdColumn, QStringLiteral("88888"), QStringLiteral("88888"), 0},
            Fit {
                CaptureTableModel::WarningsColumn, QStringLiteral("\u26A0 8"), QStringLiteral("\u26A0 8"), 0},
            Fit {CaptureTableModel::TimeColumn, QStringLiteral("88:88:88.888"),
                QStringLiteral("88:88:88.888"), 0},
            Fit {CaptureTableModel::CommandColumn, QStringLiteral("BeforeSendSingleMsg  [before]"),
                QStringLiteral("BeforeSendSingleMsg"), 0},
            Fit {CaptureTableModel::VerdictColumn, cell("ignore (after)"), cell("block (%1)").arg(5001), 0},
            Fit {CaptureTableModel::OperationIdColumn, QStringLiteral("op-1764410-4242"),
                QStringLiteral("op-17\u20264242"), 1},
            Fit {CaptureTableModel::PartiesColumn,
                QStringLiteral("mallory") + arrow + QStringLiteral("group g1"),
                QStringLiteral("alice") + arrow + QStringLiteral("b"), 3},
            Fit {CaptureTableModel::StatusColumn, QStringLiteral("200"), QStringLiteral("200"), 2},
            Fit {CaptureTableModel::DelayColumn, cell("%1 ms").arg(2000), cell("%1 ms").arg(2000), 0},
            Fit {CaptureTableModel::RuleColumn, QStringLiteral("sensitive words"), QStringLiteral("sensiti"),
                0}});
    m_fitter->setStretchMinimum(QStringLiteral("are we still on for 8am?"));
    m_view->setItemDelegateForColumn(CaptureTableModel::CommandColumn, new CommandDelegate(m_view));
    // Ids differ at their ends: keep both ends visible.
    auto *middle = new ElideMiddleDelegate(m_view);
    m_view->setItemDelegateForColumn(CaptureTableModel::OperationIdColumn, middle);
    m_view->setItemDelegateForColumn(CaptureTableModel::ClientMsgIdColumn, middle);

    // Filter bar.
    m_filter->setPlaceholderText(tr("Filter: any text, or command:… verdict:blocked sendID:alice content:… "
                                    "clientMsgID:… delay>1000 has:warning (-word excludes)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMinimumWidth(
        m_filter->fontMetrics().horizontalAdvance(QStringLiteral("verdict:blocked sendID:alice"))); // F19
    m_filter->setAccessibleName(tr("Filter"));
    m_commandPicker->setAccessibleName(tr("Command filter"));
    m_commandPicker->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_commandPicker->addItem(tr("All commands"), QString());
    m_verdictPicker->setAccessibleName(tr("Verdict filter"));
    m_verdictPicker->addItem(tr("All verdicts"), -1);
    const std::pair<Verdict::Outcome, QString> outcomes[] = {{Verdict::Outcome::Continue, tr("continue")},
        {Verdict::Outcome::Blocked, tr("blocked")}, {Verdict::Outcome::Modified, tr("modified")},
        {Verdict::Outcome::Failed, tr("failed")}, {Verdict::Outcome::Ignored, tr("ignored")},
        {Verdict::Outcome::NotCallback, tr("not a callback")}};
    for (const auto &[outcome, label] : outcomes)
        m_verdictPicker->addItem(label, int(outcome));
    m_filterDebounce->setSingleShot(true);
    m_filterDebounce->setInterval(300);
    connect(m_filter, &QLineEdit::textChanged, m_filterDebounce, qOverload<>(&QTimer::start));
    connect(m_filterDebounce, &QTimer::timeout, this, &CapturePane::applyFilter);
    connect(m_commandPicker, &QComboBox::currentIndexChanged, this, [this] {
        refilter([this] {
            m_proxy->setCommand(m_commandPicker->currentData().toString());
            return true;
        });
    });
    connect(m_verdictPicker, &QComboBox::currentIndexChanged, this, [this] {
        refilter([this] {
            m_proxy->setOutcome(m_verdictPicker->currentData().toInt());
            return true;
        });
    });
    m_shown->setObjectName(QStringLiteral("shownCount"));
    m_shown->hide();
    // O(1) per batch: the proxy's row count, never a scan.
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_proxy, signal, this, &CapturePane::updateShown);
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &CapturePane::updateShown);
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, &CapturePane::updateShown);
    connect(m_proxy, &CaptureFilterProxy::criteriaChanged, this, &CapturePane::updateShown);
    connect(m_detail, &CaptureDetailView::copied, this,
        [this](const QString &what) { Q_EMIT message(what, 4000); });
    connect(m_view, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        if (QMenu *menu = rowMenu(pos)) {
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(m_view->viewport()->mapToGlobal(pos));
        }
    });
    // Older captures come from the session file: at the top of the table, or when a filter leaves
    // the table short. Rows paged in under one filter are dropped when it changes.
    connect(m_proxy, &CaptureFilterProxy::criteriaChanged, this, [this] {
        m_model->dropHistory();
        m_historyAtStart = false;
        if (tableIsShort())
            loadOlderCaptures();
    });
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, [this](int value) {
        if (value == m_view->verticalScrollBar()->minimum())
            loadOlderCaptures();
    });
    connect(m_history, &SessionHistory::loaded, this, &CapturePane::historyLoaded);

    auto *tableArea = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tableArea);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(2);
    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_shown);
    filterRow->addWidget(m_commandPicker);
    filterRow->addWidget(m_verdictPicker);
    m_followButton->setDefaultAction(m_view->followAction());
    m_followButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_followButton->setAccessibleName(tr("Auto Scroll"));
    filterRow->addWidget(m_followButton);
    tableLayout->addLayout(filterRow);
    tableLayout->addWidget(m_view, 1);
    m_splitter->addWidget(tableArea);
    m_splitter->addWidget(m_detail);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(
        m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CapturePane::showSelected);
    connect(m_detail, &CaptureDetailView::filterRequested, m_filter, &QLineEdit::setText); // Body tree
    // A window that replaces another (a language switch) starts from what the inspector holds:
    // the batch still in flight is delivered first (no view listens yet), then the rows are read.
    store->flush();
    if (const QList<CapturedRequest> rows = store->snapshot(); !rows.isEmpty()) {
        updateCommandCounts(rows);
        m_model->appendBatch(rows);
    }
    connect(store, &CaptureStore::capturesAdded, this, [this](QList<CapturedRequest> batch) {
        // A batch in flight while the session file was read (a session opened) is shown already.
        batch.removeIf([this](const CapturedRequest &c) { return c.id <= m_loadedUpTo; });
        if (batch.isEmpty())
            return;
        updateCommandCounts(batch);
        Q_EMIT capturesArrived(batch);
        if (m_isPaused) {
            // Held, not lost; bounded like the table itself.
            m_paused += batch;
            if (m_paused.size() > m_model->capacity())
                m_paused.remove(0, m_paused.size() - m_model->capacity());
            Q_EMIT countsChanged();
            return;
        }
        // Follows the tail while Auto Scroll is on; else counts the new rows in the badge.
        m_view->beginArrival();
        m_model->appendBatch(batch);
        m_view->endArrival();
        Q_EMIT countsChanged();
    });
    // Large bodies left memory for the session file: the rows (and captures waiting for Resume)
    // drop their copies too; withBody() reads them back for the detail and the actions.
    connect(store, &CaptureStore::bodiesSpilled, this, [this](const QList<CapturedRequest> &abridged) {
        m_model->spillBodies(abridged);
        for (CapturedRequest &c : m_paused) {
            for (const CapturedRequest &a : abridged) {
                if (a.id == c.id)
                    c = a;
            }
        }
    });
    // A session opened or a file imported: in the store (the control API lists them too) and here.
    connect(store, &CaptureStore::capturesLoaded, this,
        [this](const QList<CapturedRequest> &loaded, bool replaced) {
            if (replaced) {
                m_model->clear();
                // A batch in flight while the session file was read is among these already.
                m_loadedUpTo = loaded.isEmpty() ? 0 : loaded.constLast().id;
            }
            updateCommandCounts(loaded);
            m_model->appendBatch(loaded);
            m_view->setFollowing(true);
            Q_EMIT countsChanged();
        });
}

QTableView *CapturePane::view() const
{
    return m_view;
}

QAction *CapturePane::followAction() const
{
    return m_view->followAction();
}

QList<QWidget *> CapturePane::tabOrder() const
{
    return {m_filter, m_commandPicker, m_verdictPicker, m_followButton, m_view, m_detail->tabs()};
}

QList<CapturedRequest> CapturePane::selectedCaptures() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows())
        rows.append(m_proxy->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    QList<CapturedRequest> out;
    for (int row : rows) {
        if (const CapturedRequest *c = m_model->captureAt(row))
            out.append(withBody(*c));
    }
    return out;
}

std::optional<CapturedRequest> CapturePane::selectedCaptureWithBody() const
{
    const CapturedRequest *c = selectedCapture();
    return c ? std::optional(withBody(*c)) : std::nullopt;
}

CapturedRequest CapturePane::withBody(const CapturedRequest &c) const
{
    return m_store->withBody(c); // abridged still when the file cannot be read: the detail says so
}

const CapturedRequest *CapturePane::selectedCapture() const
{
    const QModelIndex index = m_view->currentIndex();
    if (!index.isValid())
        return nullptr;
    return m_model->captureAt(m_proxy->mapToSource(index).row());
}

bool CapturePane::selectCapture(quint64 id)
{
    for (int row = 0; row < m_proxy->rowCount(); ++row) {
        const QModelIndex index = m_proxy->index(row, 0);
        if (index.data(CaptureTableModel::CaptureIdRole).toULongLong() == id) {
            m_view->setCurrentIndex(index);
            m_view->scrollTo(index);
            return true;
        }
    }
    return false;
}

QList<CapturedRequest> CapturePane::allCaptures() const
{
    QList<CapturedRequest> all;
    all.reserve(m_model->rowCount());
    for (int row = 0; row < m_model->rowCount(); ++row)
        all.append(*m_model->captureAt(row));
    return all;
}

void CapturePane::setSessionPath(const QString &path)
{
    m_sessionPath = path;
    m_history->setPath(path);
    Q_EMIT messageEnded(m_readErrorSaid); // about the file that was open
    m_historyAtStart = false;
    Q_EMIT countsChanged();
}

void CapturePane::setPaused(bool paused)
{
    m_isPaused = paused;
    if (!paused && !m_paused.isEmpty()) {
        m_view->beginArrival();
        m_model->appendBatch(m_paused);
        m_view->endArrival();
        m_paused.clear();
    }
    Q_EMIT countsChanged();
}

void CapturePane::clear()
{
    m_model->clear();
    m_paused.clear();
    m_commandCounts.clear();
    while (m_commandPicker->count() > 1)
        m_commandPicker->removeItem(1);
    m_detail->clear();
    m_currentId = 0;
    Q_EMIT countsChanged();
}

QString CapturePane::countsText() const
{
    const quint64 dropped = m_model->droppedCount();
    QString text = tr("%n capture(s)", nullptr, m_model->rowCount());
    if (m_model->historyCount() > 0)
        text += QStringLiteral("  \u00b7  ")
            + tr("%n from the session file", nullptr, int(m_model->historyCount()));
    if (dropped > 0 && !m_sessionPath.isEmpty())
        text += QStringLiteral("  \u00b7  ")
            + tr("%n older in the session file (scroll up)", nullptr, int(qMin<quint64>(dropped, INT_MAX)));
    else if (dropped > 0)
        text += QStringLiteral("  \u00b7  ")
            + tr("%n dropped (oldest)", nullptr, int(qMin<quint64>(dropped, INT_MAX)));
    if (m_isPaused)
        text += QStringLiteral("  \u00b7  ") + tr("paused, %n waiting", nullptr, int(m_paused.size()));
    return text;
}

void CapturePane::restoreSettings()
{
    m_splitter->restoreState(AppSettings::captureSplitter());
    // Columns the user arranged; none saved while the fitter sizes them (a new screen refits).
    if (const QByteArray header = AppSettings::captureHeader(); !header.isEmpty()) {
        m_view->horizontalHeader()->restoreState(header);
        m_fitter->setActive(false);
    }
}

void CapturePane::saveSettings() const
{
    AppSettings::setCaptureLayout(m_splitter->saveState(),
        m_fitter->isActive() ? QByteArray() : m_view->horizontalHeader()->saveState());
}

bool CapturePane::refilter(const std::function<bool()> &change)
{
    // Rows leave and come back while the proxy refilters: the current index would wander to a
    // neighbour and the detail follow it (gui walk F10), and the view would jump to row 1 (F13).
    const quint64 keep = m_currentId;
    const bool follow = m_view->isFollowing();
    m_refiltering = true;
    m_view->holdFollow(true);
    const bool result = change();
    QModelIndex kept;
    for (int row = m_model->rowCount() - 1; keep != 0 && row >= 0; --row) {
        if (m_model->captureAt(row)->id == keep) {
            kept = m_proxy->mapFromSource(m_model->index(row, 0));
            break;
        }
    }
    if (kept.isValid()) {
        m_view->selectionModel()->setCurrentIndex(
            kept, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    } else {
        m_view->selectionModel()->clear();
        m_currentId = 0;
        m_detail->clear();
    }
    if (follow)
        m_view->scrollToBottom();
    else if (kept.isValid())
        m_view->scrollTo(kept, QAbstractItemView::PositionAtCenter);
    m_view->holdFollow(false);
    m_refiltering = false;
    updateShown();
    return result;
}

bool CapturePane::setFilterText(const QString &text)
{
    const QSignalBlocker blocker(m_filter);
    m_filter->setText(text);
    m_filterDebounce->stop();
    return applyFilter();
}

bool CapturePane::applyFilter()
{
    QString error;
    const bool ok = refilter([&] { return m_proxy->setExpression(m_filter->text(), &error); });
    // A red frame, not a red background: the text keeps the palette's colours (dark, high contrast).
    m_filter->setStyleSheet(ok
            ? QString()
            : QStringLiteral("QLineEdit { border: 2px solid %1; }").arg(ReadableColor::errorHue().name()));
    m_filter->setToolTip(ok ? QString() : error);
    if (!ok) {
        m_filterSaid = tr("Filter not applied: %1").arg(error);
        Q_EMIT message(m_filterSaid, 5000);
    } else {
        Q_EMIT messageEnded(m_filterSaid); // the filter is valid again
    }
    return ok;
}

void CapturePane::showSelected()
{
    if (m_refiltering) // refilter() decides once the rows have settled
        return;
    const CapturedRequest *c = selectedCapture();
    m_currentId = c ? c->id : 0;
    if (c)
        m_detail->setCapture(withBody(*c));
    else
        m_detail->clear();
}

void CapturePane::updateShown()
{
    const int shown = m_proxy->rowCount();
    const int total = m_model->rowCount();
    const bool filtered = m_proxy->isActive();
    m_shown->setVisible(filtered);
    if (filtered)
        m_shown->setText(tr("Shown %1 of %2").arg(shown).arg(total));
    if (!filtered || shown > 0 || total == 0) {
        m_view->setOverlayText({});
        return;
    }
    QStringList criteria;
    if (!m_filter->text().trimmed().isEmpty())
        criteria.append(m_filter->text().trimmed());
    if (m_commandPicker->currentIndex() > 0)
        criteria.append(m_commandPicker->currentData().toString());
    if (m_verdictPicker->currentIndex() > 0)
        criteria.append(m_verdictPicker->currentText());
    m_view->setOverlayText(
        tr("No captures match \u201c%1\u201d").arg(criteria.join(QStringLiteral(" \u00b7 "))));
}

QMenu *CapturePane::rowMenu(const QPoint &pos)
{
    const QModelIndex index = m_view->indexAt(pos);
    if (!index.isValid())
        return nullptr;
    const int row = m_proxy->mapToSource(index).row();
    const int column = index.column();
    auto *menu = new QMenu(this);
    const QString expression = m_model->filterExpression(row, column);
    QAction *filterOn = menu->addAction(
        expression.isEmpty() ? tr("Filter on This Value") : tr("Filter on This Value (%1)").arg(expression));
    filterOn->setObjectName(QStringLiteral("filterOnValue"));
    filterOn->setEnabled(!expression.isEmpty());
    connect(filterOn, &QAction::triggered, this, [this, expression] {
        // Narrows what is shown: the value joins the filter already typed.
        const QString current = m_filter->text().trimmed();
        setFilterText(current.isEmpty() ? expression : current + QLatin1Char(' ') + expression);
    });
    QString value = m_model->cellValue(row, column);
    if (const CapturedRequest *c = m_model->captureAt(row);
        c && c->isBodySpilled() && column == CaptureTableModel::ContentColumn) {
        const CapturedRequest whole = withBody(*c); // the row holds only an abridged body
        const QJsonObject body = QJsonDocument::fromJson(whole.body).object();
        value = body.isEmpty() ? QString::fromUtf8(whole.body) : CaptureFilter::contentText(body);
    }
    QAction *copyValue = menu->addAction(tr("Copy Value"), this, [this, value] {
        QApplication::clipboard()->setText(value);
        Q_EMIT message(
            tr("Copied %1").arg(value.size() > 60 ? value.left(60) + QStringLiteral("\u2026") : value), 4000);
    });
    copyValue->setObjectName(QStringLiteral("copyValue"));
    copyValue->setEnabled(!value.isEmpty());
    menu->addAction(tr("Copy Body"), m_detail, &CaptureDetailView::copyBody)
        ->setObjectName(QStringLiteral("copyBody"));
    menu->addSeparator();
    menu->addActions(m_rowActions);
    return menu;
}

void CapturePane::updateCommandCounts(const QList<CapturedRequest> &batch)
{
    for (const auto &c : batch) {
        const QString key = c.command;
        // A probe (no command) is no command: "All commands" keeps the empty key (gui walk F4).
        if (key.isEmpty())
            continue;
        const int count = ++m_commandCounts[key];
        const QString label = tr("%1 (%2)").arg(key).arg(count);
        const int index = m_commandPicker->findData(key);
        if (index < 0)
            m_commandPicker->addItem(label, key);
        else
            m_commandPicker->setItemText(index, label);
    }
}

// Fewer rows than the view can show. (The scroll bar's range is updated later, on layout.)
bool CapturePane::tableIsShort() const
{
    return qint64(m_proxy->rowCount()) * m_view->verticalHeader()->defaultSectionSize()
        < m_view->viewport()->height();
}

void CapturePane::loadOlderCaptures()
{
    if (m_sessionPath.isEmpty() || m_historyAtStart || m_history->isLoading())
        return;
    if (m_history->loadOlder(m_model->historyCursor(), 500, m_proxy->predicate()))
        Q_EMIT message(tr("Reading older captures from the session file..."), 0);
}

void CapturePane::historyLoaded(
    const QList<CapturedRequest> &older, quint64 scannedDownTo, bool reachedStart, const QString &error)
{
    QScrollBar *bar = m_view->verticalScrollBar();
    const int shownBefore = m_proxy->rowCount();
    m_model->prependHistory(older, scannedDownTo);
    // Keep the rows the user was looking at in place; the new ones are above them.
    bar->setValue(bar->value() + m_proxy->rowCount() - shownBefore);
    m_historyAtStart = reachedStart;
    if (!error.isEmpty()) {
        m_readErrorSaid = tr("The session file cannot be read: %1").arg(error);
        Q_EMIT message(m_readErrorSaid, 0);
    } else if (reachedStart)
        Q_EMIT message(tr("The table now starts with the session's first matching capture."), 5000);
    else
        Q_EMIT message(tr("%n older capture(s) read from the session file; scroll up for more.", nullptr,
                           int(older.size())),
            5000);
    Q_EMIT countsChanged();
    // A filter that matches little: keep reading back until the view is full or the file ends.
    if (!reachedStart && tableIsShort())
        loadOlderCaptures();
}

} // namespace cbi
