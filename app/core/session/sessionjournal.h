// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"

#include <QMutex>
#include <QObject>
#include <QThread>

#include <atomic>
#include <functional>

namespace cbi {

// A session file: every capture and the reply sent, journaled to SQLite (Qt Sql, WAL mode) on its own
// thread, in one transaction per batch. The commit point is explicit: committed(id) says every capture
// up to id is on disk, and a server with a commit gate sends no reply before its capture is committed,
// so a crash or kill -9 cannot lose a capture that OpenIM already got an answer for.
// Files carry a schema version; newer or foreign files are refused, never written to.
class SessionJournal : public QObject
{
    Q_OBJECT
public:
    static constexpr int schemaVersion = 1;

    explicit SessionJournal(QObject *parent = nullptr);
    ~SessionJournal() override;

    bool open(const QString &path, QString *error);
    QString path() const { return m_path; }
    // The highest id in the file or appended since: a new capture's id must be above it (ids are
    // never reused, and a colliding insert fails).
    quint64 lastId() const { return m_lastId.load(); }
    quint64 committedId() const { return m_committed.load(); }

    // Thread-safe: queued to the journal's thread. Single captures are gathered into one transaction
    // per pass of the journal's thread, so a burst costs few commits.
    void append(const QList<CapturedRequest> &batch);
    void append(const CapturedRequest &capture);
    // Blocks until everything appended so far was written, or failed to be.
    void sync();
    // Empty while writes succeed; else why the last one failed.
    QString failure() const;
    enum class OnFailure
    {
        Hold, // retry in order (a growing pause up to 2 s); committed() waits, so replies wait
        FailOpen, // retry too, but committed() covers the waiting captures: replies leave
        GiveUp, // one try, all or nothing (import)
    };
    void setOnFailure(OnFailure policy);

    struct Filter
    {
        QString command;
        QString outcome;
        QDateTime since;
        quint64 beforeId = 0; // only ids below this one (0: no bound)
        quint64 afterId = 0; // only ids above this one
        bool newestFirst = false; // descending id order (paging back from the newest)
    };
    // Reads a session file in id order with constant memory; stops when visit returns false.
    // Fails (false, error set) when the file cannot be opened or an SQLite error ends the scan early
    // (a damaged page): captures visited before that were only part of the session. Rows whose JSON
    // cannot be read are never visited: with `unreadable` they are counted there, without it they
    // make the call fail (after the other rows were visited), so no caller loses them unawares.
    static bool forEach(const QString &path, const Filter &filter,
        const std::function<bool(const CapturedRequest &)> &visit, QString *error,
        qint64 *unreadable = nullptr);
    static qint64 count(const QString &path, QString *error);
    // One capture's request body, read from the file (a body spilled from memory).
    static bool readBody(const QString &path, quint64 id, QByteArray *body, QString *error);
    // A consistent copy of a session file (SQLite VACUUM INTO: safe while it is being written).
    static bool copy(const QString &from, const QString &to, QString *error);

Q_SIGNALS:
    void committed(quint64 id);
    // Every capture up to id is on disk (committed() may run ahead of it when failing open).
    void written(quint64 id);
    // From the journal's thread: writes started failing (or failed for another reason), and
    // succeeded again.
    void failed(const QString &error);
    void recovered();

private:
    class Worker;
    void setFailing(const QString &reason);
    void noteAppended(quint64 id);
    QThread m_thread;
    Worker *m_worker;
    QString m_path;
    std::atomic<quint64> m_lastId {0};
    mutable QMutex m_stateMutex;
    QString m_failure;
    std::atomic<quint64> m_committed {0};
    QMutex m_pendingMutex;
    QList<CapturedRequest> m_pending;
    bool m_flushScheduled = false;
};

} // namespace cbi
