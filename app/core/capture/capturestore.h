// SPDX-License-Identifier: MIT
#pragma once

#include "capturedrequest.h"

#include <QList>
#include <QMutex>
#include <QObject>

#include <deque>
#include <functional>

namespace cbi {

// The bounded in-memory store of captures. The server appends from its own thread; consumers
// (the GUI table, the --jsonl writer) live on the store's thread and receive new captures in
// batches through capturesAdded(), at most one batch per flush interval, so a burst of
// thousands of callbacks costs them a handful of signals, not thousands.
class CaptureStore : public QObject
{
    Q_OBJECT
public:
    explicit CaptureStore(qsizetype capacity = 50000, QObject *parent = nullptr);

    // Thread-safe.
    void append(CapturedRequest capture);
    qsizetype capacity() const;
    void setCapacity(qsizetype capacity);
    qsizetype size() const;
    quint64 totalAppended() const;
    quint64 droppedCount() const; // evicted because the store was full
    // Bytes the captures may hold (CapturedRequest::approxBytes); the oldest go first past it, as
    // past the capacity. 120 captures of 16 MB once held 1.9 GB under a count limit of 50,000.
    void setMemoryLimit(qint64 bytes);
    qint64 memoryLimit() const;
    qint64 memoryUsed() const;
    static constexpr qint64 defaultMemoryLimit = qint64(512) * 1024 * 1024;
    QList<CapturedRequest> snapshot() const;
    void clear();
    // Captures read from a file, not received by this server: a session being opened (replace:
    // they take the place of what is held, but for captures newer than the file's last) or an import. Kept
    // and bounded like the others, so the control API and the window show the same list; announced by
    // capturesLoaded, not capturesAdded (with replace, with the newer captures already delivered, so a view
    // can start over from it).
    void load(QList<CapturedRequest> captures, bool replace);
    quint64 loadedCount() const; // captures load() has been given since the last clear or replace

    // Large bodies leave memory once the session file has them: a capture appended with a body
    // over threshold is abridged (CapturedRequest::spillBody) when the file has it (noteWritten) and
    // its batch was delivered; bodiesSpilled() tells the consumers to drop their copies too, and
    // withBody() reads the whole body back through loader. threshold 0: every body stays.
    using BodyLoader = std::function<bool(quint64 id, QByteArray *body, QString *error)>;
    void setBodySpill(qint64 threshold, BodyLoader loader);
    static constexpr qint64 defaultSpillThreshold = 64 * 1024;
    void noteWritten(quint64 id); // thread-safe: every capture up to id is in the session file
    // The capture with its whole body (itself when it was not spilled). Thread-safe; reads the
    // file, so a view calls it for the capture it shows, not for every row.
    CapturedRequest withBody(CapturedRequest capture, QString *error = nullptr) const;

    // Delivers what is pending now, on the calling (store) thread.
    void flush();
    void setFlushIntervalMs(int ms) { m_flushIntervalMs = ms; }

Q_SIGNALS:
    void capturesAdded(const QList<cbi::CapturedRequest> &batch);
    void cleared();
    void capturesLoaded(const QList<cbi::CapturedRequest> &captures, bool replaced);
    // These captures' bodies were abridged here: a consumer keeping copies abridges them too, or
    // the whole bodies stay in memory through its copies.
    void bodiesSpilled(const QList<cbi::CapturedRequest> &abridged);

private:
    void trimLocked();
    void scheduleFlushLocked();
    void spillWritten();

    mutable QMutex m_mutex;
    std::deque<CapturedRequest> m_items;
    QList<CapturedRequest> m_pending;
    qsizetype m_capacity;
    qint64 m_memoryLimit = defaultMemoryLimit;
    qint64 m_bytes = 0;
    quint64 m_total = 0;
    quint64 m_dropped = 0;
    quint64 m_loaded = 0;
    bool m_flushScheduled = false;
    int m_flushIntervalMs = 50;
    qint64 m_spillThreshold = 0;
    BodyLoader m_loader;
    quint64 m_written = 0;
    std::deque<quint64> m_spillIds; // appended with a large body, not yet spilled
};

} // namespace cbi
