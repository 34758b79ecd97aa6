// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"
#include "widgets/readablecolor.h"

#include <QAbstractTableModel>
#include <QColor>

class QTimer;

#include <deque>
#include <optional>

namespace cbi {

// The live table's model: captures arrive in batches (one beginInsertRows per batch, never one
// per request) and the oldest rows are dropped past the capacity, so the view stays smooth at
// thousands of callbacks per second and memory stays bounded.
class CaptureTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        IdColumn,
        WarningsColumn,
        TimeColumn,
        CommandColumn,
        VerdictColumn,
        OperationIdColumn,
        PartiesColumn,
        ContentColumn,
        StatusColumn,
        DelayColumn,
        RuleColumn,
        ClientMsgIdColumn,
        ColumnCount
    };
    enum Role
    {
        CaptureIdRole = Qt::UserRole + 1,
        HoldIdRole, // a paused row's hold (0 for a capture)
    };

    explicit CaptureTableModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // A capture whose hold.holdId has a paused row replaces that row in place.
    void appendBatch(const QList<CapturedRequest> &batch);
    // CaptureStore::bodiesSpilled: the rows of these captures hold their abridged bodies from now on.
    void spillBodies(const QList<CapturedRequest> &abridged);
    // A held callback, shown at once as a paused row with OpenIM's countdown (msLeft) until its
    // capture arrives. The row is kept like a pinned one.
    void addPaused(quint64 holdId, const CapturedRequest &capture, int msLeft);
    int rowOfHold(quint64 holdId) const; // -1 when none
    // OpenIM's time left for the paused row (negative: it gave up); nullopt for a capture.
    std::optional<qint64> pausedMsLeft(int row) const;
    // Older captures paged in from the session file, put above every row. They do not count
    // against the capacity; they are the first to go when live rows push the table past it.
    // scannedDownTo: the lowest id the load read (a filtered load skips rows).
    void prependHistory(const QList<CapturedRequest> &older, quint64 scannedDownTo);
    void dropHistory(); // when the filter that chose them changes
    qsizetype historyCount() const { return m_history; }
    // Where the next page of history starts: ids below this one are not in the table.
    quint64 historyCursor() const;
    void clear();
    void setCapacity(qsizetype capacity);
    qsizetype capacity() const { return m_capacity; }
    // Bytes the rows' captures may hold (CapturedRequest::approxBytes), as the store's limit: the
    // oldest unpinned rows go first past it, as past the capacity.
    void setMemoryLimit(qint64 bytes);
    qint64 memoryUsed() const { return m_bytes; }
    quint64 droppedCount() const { return m_dropped; }
    const CapturedRequest *captureAt(int row) const;
    // The cell as a filter expression ("sendID:alice", "content:\"two words\""); empty when the
    // column has no filter field (time, #) or the value cannot be written as one.
    QString filterExpression(int row, int column) const;
    // The cell's whole value, for Copy Value (the content is not cut to the preview).
    QString cellValue(int row, int column) const;
    // Pinned rows are kept when the table drops its oldest rows, and marked.
    void setPinned(int row, bool pinned);
    bool isPinned(int row) const;

    // "alice -> bob", "alice -> group g1", ...: who the callback is about, from its body.
    static QString partiesOf(const QJsonObject &body);
    // The message text or the body's first characters.
    static QString contentPreviewOf(const QJsonObject &body, const QByteArray &raw);
    // "blocked 5001", "modified: content", ...: the verdict in a few words, translated.
    static QString verdictText(const Verdict &verdict);
    static QColor verdictColor(Verdict::Outcome outcome) { return ReadableColor::outcome(outcome); }

private:
    struct Row
    {
        CapturedRequest capture;
        QString parties;
        QString preview;
        QString clientMsgID;
        QString original; // the content as OpenIM sent it, when a rewrite changed it
        bool pinned = false;
        bool history = false;
        quint64 holdId = 0; // a paused row: the hold it stands for
        qint64 deadlineMs = 0; // a paused row: when OpenIM gives up (QDeadlineTimer's clock)
        bool kept() const { return pinned || holdId != 0; } // not dropped with the oldest rows
    };
    static Row makeRow(const CapturedRequest &c);
    void trim();
    bool replacePaused(const CapturedRequest &c);
    QVariant pausedData(const Row &row, int column, int role) const;
    void tickPaused();

    std::deque<Row> m_rows;
    qsizetype m_capacity = 50000;
    qint64 m_memoryLimit = qint64(512) * 1024 * 1024;
    qint64 m_bytes = 0;
    void forget(qsizetype first, qsizetype end); // subtracts the bytes of rows [first, end)
    quint64 m_dropped = 0;
    qsizetype m_history = 0; // rows paged in from the session file, all at the top
    quint64 m_scannedDownTo = 0;
    bool m_historyTrimmed = false;
    int m_pausedRows = 0;
    QTimer *m_pausedTick;
};

} // namespace cbi
