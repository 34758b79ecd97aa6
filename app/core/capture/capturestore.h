// SPDX-License-Identifier: MIT
#pragma once

#include "capturedrequest.h"

#include <QList>
#include <QMutex>
#include <QObject>

#include <deque>

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

    // Delivers what is pending now, on the calling (store) thread.
    void flush();
    void setFlushIntervalMs(int ms) { m_flushIntervalMs = ms; }

Q_SIGNALS:
    void capturesAdded(const QList<cbi::CapturedRequest> &batch);
    void cleared();
    void capturesLoaded(const QList<cbi::CapturedRequest> &captures, bool replaced);

private:
    void trimLocked();

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
};

} // namespace cbi
