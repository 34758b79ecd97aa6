// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"

#include <QObject>
#include <QPointer>
#include <QThread>

#include <functional>

namespace cbi {

// Pages older captures in from a session file, off the calling thread: the live table keeps a
// bounded number of rows in memory, and scrolling up (or filtering) reads further back from the
// file, which may hold millions. Each load reads back from an id, newest first, keeps the captures
// a predicate accepts (the table's filter) up to a count, and stops after scanning a bounded
// number of rows so that a rare filter never freezes anything; the next load goes on from there.
class SessionHistory : public QObject
{
    Q_OBJECT
public:
    using Predicate = std::function<bool(const CapturedRequest &)>;

    explicit SessionHistory(QObject *parent = nullptr);
    ~SessionHistory() override; // waits for a load in progress

    void setPath(const QString &path); // a session file; empty: nothing to page
    QString path() const { return m_path; }
    bool isLoading() const { return m_loading; }

    // Reads captures with ids below `beforeId`; results arrive through loaded().
    // Returns false when a load is already running or there is no file.
    bool loadOlder(quint64 beforeId, int count, const Predicate &accept, int scanLimit = 20000);

Q_SIGNALS:
    // captures: oldest first. scannedDownTo: the lowest id read (where the next load goes on).
    // reachedStart: nothing older is left in the file.
    void loaded(const QList<CapturedRequest> &captures, quint64 scannedDownTo, bool reachedStart,
        const QString &error);

private:
    QString m_path;
    bool m_loading = false;
    quint64 m_generation = 0; // a new path makes the answer of an older load stale
    QPointer<QThread> m_thread;
};

} // namespace cbi
