// SPDX-License-Identifier: MIT
#include "capturetablemodel.h"

#include "capture/capturefilter.h"
#include "catalogue/catalogue.h"
#include "verdict/rewriteeffect.h"
#include "widgets/readablecolor.h"

#include <QBrush>
#include <QDeadlineTimer>
#include <QFont>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPalette>
#include <QTimer>

#include <algorithm>

namespace cbi {

CaptureTableModel::CaptureTableModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_pausedTick(new QTimer(this))
{
    m_pausedTick->setInterval(200); // the paused rows' countdown
    connect(m_pausedTick, &QTimer::timeout, this, &CaptureTableModel::tickPaused);
}

int CaptureTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CaptureTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString CaptureTableModel::partiesOf(const QJsonObject &body)
{
    const QString arrow = QStringLiteral(" \u2192 ");
    const QString send = body.value(QLatin1String("sendID")).toString();
    const QString recv = body.value(QLatin1String("recvID")).toString();
    const QString group = body.value(QLatin1String("groupID")).toString();
    if (!send.isEmpty()) {
        if (!group.isEmpty())
            return send + arrow + tr("group %1").arg(group);
        return recv.isEmpty() ? send : send + arrow + recv;
    }
    const QString from = body.value(QLatin1String("fromUserID")).toString();
    const QString to = body.value(QLatin1String("toUserID")).toString();
    if (!from.isEmpty())
        return to.isEmpty() ? from : from + arrow + to;
    if (!group.isEmpty())
        return tr("group %1").arg(group);
    const QString user = body.value(QLatin1String("userID")).toString();
    if (!user.isEmpty())
        return user;
    const QJsonArray users = body.value(QLatin1String("userIDList")).toArray();
    if (!users.isEmpty())
        return tr("%n user(s)", nullptr, int(users.size()));
    return {};
}

QString CaptureTableModel::contentPreviewOf(const QJsonObject &body, const QByteArray &raw)
{
    constexpr int maxChars = 120;
    QString text;
    const QJsonValue content = body.value(QLatin1String("content"));
    if (content.isString()) {
        text = content.toString();
        // Text messages carry their element as JSON: {"content":"hi"}.
        const QJsonDocument inner = QJsonDocument::fromJson(text.toUtf8());
        if (inner.isObject() && inner.object().value(QLatin1String("content")).isString())
            text = inner.object().value(QLatin1String("content")).toString();
    } else if (body.isEmpty()) {
        text = QString::fromUtf8(raw.left(maxChars * 4));
    }
    text.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return text.size() > maxChars ? text.left(maxChars) + QStringLiteral("\u2026") : text;
}

QString CaptureTableModel::verdictText(const Verdict &v)
{
    switch (v.outcome) {
    case Verdict::Outcome::Continue:
        return tr("continue");
    case Verdict::Outcome::Blocked:
        // The code the API caller gets, which is not always the reply's (per OpenIM version).
        if (!v.replyErrCode)
            return tr("block (%1)").arg(v.errCode);
        return v.errCode == 0 ? tr("block: the caller sees success")
                              : tr("block: the caller sees %1").arg(v.errCode);
    case Verdict::Outcome::Modified:
        return tr("rewrite %1").arg(v.modifiedFields.join(QStringLiteral(", ")));
    case Verdict::Outcome::Failed:
        return tr("fail (%1)").arg(v.errCode);
    case Verdict::Outcome::Ignored:
        return tr("ignore (after)");
    case Verdict::Outcome::NotCallback:
        return tr("not a callback");
    case Verdict::Outcome::None:
        break;
    }
    return {};
}

void CaptureTableModel::appendBatch(const QList<CapturedRequest> &batch)
{
    if (batch.isEmpty())
        return;
    if (m_pausedRows > 0) {
        QList<CapturedRequest> rest;
        for (const CapturedRequest &c : batch) {
            if (c.hold.holdId == 0 || !replacePaused(c))
                rest.append(c);
        }
        if (rest.size() != batch.size()) {
            appendBatch(rest);
            return;
        }
    }
    // Past the capacity only the newest rows matter: skip what would be dropped at once.
    const qsizetype skip = qMax<qsizetype>(0, batch.size() - m_capacity);
    m_dropped += quint64(skip);
    const int first = int(m_rows.size());
    const int last = first + int(batch.size() - skip) - 1;
    beginInsertRows({}, first, last);
    for (qsizetype i = skip; i < batch.size(); ++i) {
        m_bytes += batch.at(i).approxBytes();
        m_rows.push_back(makeRow(batch.at(i)));
    }
    endInsertRows();
    trim();
}

// The store abridged these bodies: the rows' copies follow, or they would keep the whole bodies.
void CaptureTableModel::spillBodies(const QList<CapturedRequest> &abridged)
{
    QHash<quint64, const CapturedRequest *> byId;
    for (const CapturedRequest &c : abridged)
        byId.insert(c.id, &c);
    for (Row &r : m_rows) {
        const CapturedRequest *c = byId.value(r.capture.id);
        if (!c || r.capture.isBodySpilled())
            continue;
        m_bytes += c->approxBytes() - r.capture.approxBytes();
        r.capture.body = c->body;
        r.capture.spilledBodySize = c->spilledBodySize;
    }
}

void CaptureTableModel::addPaused(quint64 holdId, const CapturedRequest &capture, int msLeft)
{
    if (rowOfHold(holdId) >= 0)
        return;
    Row row = makeRow(capture);
    row.holdId = holdId;
    row.deadlineMs = QDeadlineTimer(qMax(0, msLeft)).deadline();
    const int at = int(m_rows.size());
    beginInsertRows({}, at, at);
    m_bytes += capture.approxBytes();
    m_rows.push_back(std::move(row));
    ++m_pausedRows;
    endInsertRows();
    m_pausedTick->start();
}

int CaptureTableModel::rowOfHold(quint64 holdId) const
{
    if (m_pausedRows == 0 || holdId == 0)
        return -1;
    for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
        if (m_rows[size_t(row)].holdId == holdId)
            return row;
    }
    return -1;
}

std::optional<qint64> CaptureTableModel::pausedMsLeft(int row) const
{
    if (row < 0 || row >= int(m_rows.size()) || m_rows[size_t(row)].holdId == 0)
        return std::nullopt;
    return m_rows[size_t(row)].deadlineMs - QDeadlineTimer::current().deadline();
}

// The answered (or expired) capture takes its paused row's place: the user's selection stays on it.
bool CaptureTableModel::replacePaused(const CapturedRequest &c)
{
    const int row = rowOfHold(c.hold.holdId);
    if (row < 0)
        return false;
    Row &r = m_rows[size_t(row)];
    m_bytes += c.approxBytes() - r.capture.approxBytes();
    const bool pinned = r.pinned;
    r = makeRow(c);
    r.pinned = pinned;
    if (--m_pausedRows == 0)
        m_pausedTick->stop();
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    return true;
}

void CaptureTableModel::tickPaused()
{
    for (int row = int(m_rows.size()) - 1, left = m_pausedRows; row >= 0 && left > 0; --row) {
        if (m_rows[size_t(row)].holdId == 0)
            continue;
        --left;
        Q_EMIT dataChanged(index(row, VerdictColumn), index(row, VerdictColumn));
    }
}

CaptureTableModel::Row CaptureTableModel::makeRow(const CapturedRequest &c)
{
    const QJsonObject body = QJsonDocument::fromJson(c.body).object();
    Row row {c, partiesOf(body), contentPreviewOf(body, c.body),
        body.value(QLatin1String("clientMsgID")).toString()};
    if (const auto after = RewriteEffect::effectiveContent(c)) // what OpenIM goes on with (F17)
        row.original = std::exchange(row.preview,
            QStringLiteral("\u270E ") + contentPreviewOf({{QStringLiteral("content"), *after}}, {}));
    return row;
}

void CaptureTableModel::prependHistory(const QList<CapturedRequest> &older, quint64 scannedDownTo)
{
    m_scannedDownTo = scannedDownTo;
    m_historyTrimmed = false;
    if (older.isEmpty())
        return;
    beginInsertRows({}, 0, int(older.size()) - 1);
    for (auto it = older.crbegin(); it != older.crend(); ++it) {
        Row row = makeRow(*it);
        row.history = true;
        m_bytes += it->approxBytes();
        m_rows.push_front(std::move(row));
    }
    m_history += older.size();
    endInsertRows();
}

void CaptureTableModel::dropHistory()
{
    m_historyTrimmed = false;
    m_scannedDownTo = 0;
    // Pinned rows stay, as everywhere; the rest of the history run goes in runs.
    int row = 0;
    while (row < int(m_rows.size()) && m_history > 0) {
        if (!m_rows[size_t(row)].history) {
            ++row;
            continue;
        }
        if (m_rows[size_t(row)].pinned) {
            m_rows[size_t(row)].history = false; // kept, as a live row
            --m_history;
            ++row;
            continue;
        }
        int end = row;
        while (end < int(m_rows.size()) && m_rows[size_t(end)].history && !m_rows[size_t(end)].pinned)
            ++end;
        beginRemoveRows({}, row, end - 1);
        forget(row, end);
        m_rows.erase(m_rows.begin() + row, m_rows.begin() + end);
        m_history -= end - row;
        endRemoveRows();
    }
    m_history = 0;
}

quint64 CaptureTableModel::historyCursor() const
{
    const quint64 oldest = m_rows.empty() ? 0 : m_rows.front().capture.id;
    // A filtered load read further back than the rows it kept; unless trimming cut into them.
    if (m_history > 0 && !m_historyTrimmed && m_scannedDownTo > 0)
        return qMin(oldest, m_scannedDownTo);
    return oldest;
}

void CaptureTableModel::forget(qsizetype first, qsizetype end)
{
    for (qsizetype i = first; i < end; ++i)
        m_bytes -= m_rows[size_t(i)].capture.approxBytes();
}

void CaptureTableModel::setMemoryLimit(qint64 bytes)
{
    m_memoryLimit = qMax<qint64>(1, bytes);
    trim();
}

void CaptureTableModel::trim()
{
    qsizetype excess = qsizetype(m_rows.size()) - m_history - m_capacity;
    if (m_bytes > m_memoryLimit) {
        // As many of the oldest unpinned live rows as cover the overshoot (history rows on the way
        // go too, below); the newest row stays whatever its size.
        qint64 over = m_bytes - m_memoryLimit;
        qsizetype live = 0;
        for (qsizetype i = 0; i + 1 < qsizetype(m_rows.size()) && over > 0; ++i) {
            const Row &r = m_rows[size_t(i)];
            if (r.kept())
                continue;
            over -= r.capture.approxBytes();
            live += r.history ? 0 : 1;
        }
        excess = qMax(excess, live);
    }
    if (excess <= 0)
        return;
    // The oldest unpinned rows go, a contiguous run at a time (usually one run: rows 0..excess-1).
    // History rows are older than every live row: they go before any live row does, and do not
    // count towards the excess (they never counted against the capacity).
    qsizetype row = 0;
    while (excess > 0 && row < qsizetype(m_rows.size())) {
        while (row < qsizetype(m_rows.size()) && m_rows[size_t(row)].kept())
            ++row;
        qsizetype end = row;
        qsizetype live = 0;
        while (end < qsizetype(m_rows.size()) && !m_rows[size_t(end)].kept()
            && (m_rows[size_t(end)].history || live < excess)) {
            live += m_rows[size_t(end)].history ? 0 : 1;
            ++end;
        }
        if (end == row)
            break; // everything left is pinned
        beginRemoveRows({}, int(row), int(end) - 1);
        forget(row, end);
        m_rows.erase(m_rows.begin() + row, m_rows.begin() + end);
        const qsizetype fromHistory = end - row - live;
        m_history -= fromHistory;
        m_historyTrimmed = m_historyTrimmed || fromHistory > 0;
        endRemoveRows();
        m_dropped += quint64(live); // paged rows are still in the file: not "dropped"
        excess -= live;
    }
}

void CaptureTableModel::setPinned(int row, bool pinned)
{
    if (row < 0 || row >= int(m_rows.size()))
        return;
    m_rows[size_t(row)].pinned = pinned;
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

bool CaptureTableModel::isPinned(int row) const
{
    return row >= 0 && row < int(m_rows.size()) && m_rows[size_t(row)].pinned;
}

void CaptureTableModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_bytes = 0;
    m_pausedRows = 0;
    m_pausedTick->stop();
    m_history = 0;
    m_scannedDownTo = 0;
    m_historyTrimmed = false;
    endResetModel();
}

void CaptureTableModel::setCapacity(qsizetype capacity)
{
    m_capacity = qMax<qsizetype>(1, capacity);
    trim();
}

const CapturedRequest *CaptureTableModel::captureAt(int row) const
{
    return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)].capture : nullptr;
}

QVariant CaptureTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row &row = m_rows[size_t(index.row())];
    const CapturedRequest &c = row.capture;
    if (role == CaptureIdRole)
        return QVariant::fromValue(c.id);
    if (role == HoldIdRole)
        return QVariant::fromValue(row.holdId);
    if (row.holdId != 0 && (role == Qt::DisplayRole || role == Qt::ForegroundRole)) {
        if (const QVariant paused = pausedData(row, index.column(), role); paused.isValid())
            return paused;
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case IdColumn:
            return row.pinned ? QStringLiteral("\U0001F4CC %1").arg(c.id) : QVariant::fromValue(c.id);
        case TimeColumn:
            return c.receivedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
        case CommandColumn: {
            if (c.rejection != Rejection::None)
                return tr("(rejected) %1 %2").arg(QString::fromLatin1(c.method), c.path);
            if (c.command.isEmpty())
                return tr("(no command) %1 %2").arg(QString::fromLatin1(c.method), c.path);
            const CommandSpec *spec = Catalogue::instance().find(c.canonicalCommand);
            const QString marker = !spec ? tr("?") : spec->isBefore() ? tr("before") : tr("after");
            return QStringLiteral("%1  [%2]").arg(c.command, marker);
        }
        case OperationIdColumn:
            return c.operationID;
        case PartiesColumn:
            return row.parties;
        case ContentColumn:
            return row.preview;
        case StatusColumn:
            return c.reply.status;
        case DelayColumn:
            return c.reply.delayMs > 0 ? tr("%1 ms").arg(c.reply.delayMs) : QString();
        case VerdictColumn:
            return verdictText(c.verdict);
        case RuleColumn:
            return c.hold.end == HoldRecord::End::ByHand ? tr("(answered by hand)") : c.ruleName;
        case ClientMsgIdColumn:
            return row.clientMsgID;
        case WarningsColumn: {
            const qsizetype count = CaptureFilter::warningCount(c);
            return count > 0 ? QStringLiteral("\u26A0 %1").arg(count) : QString();
        }
        }
        return {};
    }
    if (role == Qt::ToolTipRole && index.column() == WarningsColumn) {
        QStringList lines;
        for (const auto &w : c.warnings)
            lines.append(w.text());
        for (const auto &w : c.verdict.warnings)
            lines.append(w.text());
        return lines.join(QLatin1Char('\n'));
    }
    if (role == Qt::ToolTipRole && index.column() == VerdictColumn) {
        QStringList lines {c.verdict.reason.text()};
        for (const auto &w : c.verdict.warnings)
            lines.append(w.text());
        return lines.join(QLatin1Char('\n'));
    }
    if (role == Qt::ToolTipRole && index.column() == ContentColumn && !row.original.isEmpty())
        return tr("Rewritten by the reply. OpenIM sent: %1").arg(row.original);
    if (role == Qt::ToolTipRole && index.column() == RuleColumn && !c.nearMiss.code.isEmpty())
        return c.nearMiss.text();
    if (role == Qt::ForegroundRole && index.column() == VerdictColumn)
        return QBrush(verdictColor(c.verdict.outcome));
    if (role == Qt::ForegroundRole && index.column() == WarningsColumn)
        return QBrush(ReadableColor::onBase(QColor(0xd3, 0x54, 0x00)));
    if (role == Qt::ToolTipRole && index.column() == CommandColumn) {
        QStringList lines;
        for (const auto &w : c.warnings)
            lines.append(w.text());
        return lines.join(QLatin1Char('\n'));
    }
    if (role == Qt::ForegroundRole && index.column() == CommandColumn) {
        if (c.rejection != Rejection::None || !c.isKnownCommand())
            return QBrush(ReadableColor::onBase(ReadableColor::errorHue()));
    }
    if (role == Qt::TextAlignmentRole
        && (index.column() == IdColumn || index.column() == StatusColumn || index.column() == DelayColumn))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QString CaptureTableModel::cellValue(int row, int column) const
{
    const CapturedRequest *c = captureAt(row);
    if (!c)
        return {};
    if (column == IdColumn)
        return QString::number(c->id);
    if (column == ContentColumn) {
        const QJsonObject body = QJsonDocument::fromJson(c->body).object();
        return body.isEmpty() ? QString::fromUtf8(c->body) : CaptureFilter::contentText(body);
    }
    if (column == WarningsColumn)
        return data(index(row, column), Qt::ToolTipRole).toString();
    return data(index(row, column)).toString();
}

QString CaptureTableModel::filterExpression(int row, int column) const
{
    const CapturedRequest *c = captureAt(row);
    if (!c)
        return {};
    auto term = [](const QString &field, const QString &value) -> QString {
        // The filter language has no escape for a quote.
        if (value.isEmpty() || value.contains(QLatin1Char('"')))
            return {};
        const bool spaced = std::any_of(value.cbegin(), value.cend(), [](QChar ch) { return ch.isSpace(); });
        return field + QLatin1Char(':') + (spaced ? QLatin1Char('"') + value + QLatin1Char('"') : value);
    };
    switch (column) {
    case CommandColumn:
        return term(QStringLiteral("command"), c->command);
    case VerdictColumn:
        if (c->verdict.outcome == Verdict::Outcome::None)
            return {};
        return term(QStringLiteral("verdict"), Verdict::outcomeName(c->verdict.outcome));
    case OperationIdColumn:
        return term(QStringLiteral("operationID"), c->operationID);
    case ClientMsgIdColumn:
        return term(QStringLiteral("clientMsgID"), m_rows[size_t(row)].clientMsgID);
    case StatusColumn:
        return term(QStringLiteral("status"), QString::number(c->reply.status));
    case DelayColumn:
        return term(QStringLiteral("delay"), QString::number(c->reply.delayMs));
    case RuleColumn:
        return term(QStringLiteral("rule"), c->ruleName);
    case WarningsColumn:
        return CaptureFilter::warningCount(*c) > 0 ? QStringLiteral("has:warning")
                                                   : QStringLiteral("-has:warning");
    case ContentColumn:
        return term(QStringLiteral("content"), cellValue(row, column));
    case PartiesColumn: {
        const QJsonObject body = QJsonDocument::fromJson(c->body).object();
        for (const char *field : {"sendID", "groupID", "userID"}) {
            const QString value = body.value(QLatin1String(field)).toString();
            if (!value.isEmpty())
                return term(QString::fromLatin1(field), value);
        }
        return {};
    }
    }
    return {};
}

// A paused row: a marker for its id, OpenIM's countdown for its verdict, no reply yet.
QVariant CaptureTableModel::pausedData(const Row &row, int column, int role) const
{
    const qint64 left = row.deadlineMs - QDeadlineTimer::current().deadline();
    if (role == Qt::ForegroundRole)
        return column == VerdictColumn
            ? QVariant(QBrush(left > 0 ? ReadableColor::onBase(QColor(0x8e, 0x44, 0xad))
                                       : ReadableColor::onBase(ReadableColor::errorHue())))
            : QVariant();
    switch (column) {
    case IdColumn:
        return QStringLiteral("\u23F8");
    case VerdictColumn:
        return left > 0 ? tr("paused, %1 s left").arg(double(left) / 1000.0, 0, 'f', 1)
                        : tr("paused, OpenIM gave up");
    case StatusColumn:
    case DelayColumn:
    case RuleColumn:
        return QString();
    }
    return {};
}

QVariant CaptureTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == WarningsColumn)
        return tr("Warnings: a misconfigured OpenIM (a trailing slash, no operationID, ...)");
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case IdColumn:
        return tr("#");
    case TimeColumn:
        return tr("Time");
    case CommandColumn:
        return tr("Command");
    case OperationIdColumn:
        return tr("operationID");
    case PartiesColumn:
        return tr("Parties");
    case ContentColumn:
        return tr("Content");
    case StatusColumn:
        return tr("Status");
    case DelayColumn:
        return tr("Delay");
    case VerdictColumn:
        return tr("OpenIM will");
    case RuleColumn:
        return tr("Rule");
    case ClientMsgIdColumn:
        return tr("clientMsgID");
    case WarningsColumn:
        return QStringLiteral("\u26A0"); // a symbol, not words: its tooltip says what it is
    }
    return {};
}

} // namespace cbi
