// SPDX-License-Identifier: MIT
#include "sessionjournal.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTimer>
#include <QUrl>
#include <QUuid>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/statvfs.h>
#include <unistd.h>

namespace cbi {

namespace {
// SQLite's own words ("database is locked"); Qt's text appends its own ("Unable to fetch row").
QString reason(const QSqlError &e)
{
    return e.databaseText().isEmpty() ? e.text() : e.databaseText();
}

QString connectionName()
{
    return QStringLiteral("cbi-session-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// Opens (and creates or checks) a session database on the calling thread. uri: what SQLite is given
// instead of the path (with QSQLITE_OPEN_URI).
bool openDatabase(QSqlDatabase &db, const QString &path, bool create, QString *error, const QString &uri = {})
{
    if (!create && !QFileInfo::exists(path)) {
        *error = QStringLiteral("%1: no such session file").arg(path);
        return false;
    }
    db.setDatabaseName(uri.isEmpty() ? path : uri);
    if (!db.open()) {
        *error = QStringLiteral("%1: %2").arg(path, db.lastError().text());
        return false;
    }
    QSqlQuery q(db);
    if (!create) {
        // db.tables() hides errors: a file that is not a database, a damaged one and one that cannot
        // be read all look like a database without tables. Ask SQLite, and pass on what it says.
        QSqlQuery probe(db);
        if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master")) || !probe.next()) {
            // SQLite's own words ("file is not a database", "database disk image is malformed").
            const QSqlError e = probe.lastError();
            *error = QStringLiteral("%1: cannot be read as a session: %2")
                         .arg(path, e.databaseText().isEmpty() ? e.text() : e.databaseText());
            return false;
        }
    }
    const bool fresh = db.tables().isEmpty();
    if (fresh && !create) {
        *error = QStringLiteral("%1: not an inspector session (empty database)").arg(path);
        return false;
    }
    if (!fresh) {
        if (!db.tables().contains(QStringLiteral("meta"))) {
            *error = QStringLiteral("%1: not an inspector session file (no meta table); refusing to touch it")
                         .arg(path);
            return false;
        }
        q.exec(QStringLiteral("SELECT value FROM meta WHERE key = 'schema_version'"));
        const int version = q.next() ? q.value(0).toInt() : 0;
        if (version > SessionJournal::schemaVersion) {
            *error = QStringLiteral(
                "%1 was written by a newer inspector (session schema %2; this one reads up to %3)")
                         .arg(path)
                         .arg(version)
                         .arg(SessionJournal::schemaVersion);
            return false;
        }
        if (version < 1) {
            *error = QStringLiteral("%1: not an inspector session file (no schema version)").arg(path);
            return false;
        }
        return true;
    }
    // WAL: readers (exports) do not block the writer, and a commit survives a crash of the process.
    const QStringList schema = {
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=NORMAL"),
        QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)"),
        QStringLiteral(
            "CREATE TABLE captures (id INTEGER PRIMARY KEY, time TEXT NOT NULL, command TEXT, outcome TEXT, "
            "err_code INTEGER, operation_id TEXT, json TEXT NOT NULL)"),
        QStringLiteral("CREATE INDEX captures_command ON captures (command)"),
        QStringLiteral("INSERT INTO meta VALUES ('schema_version', '%1')").arg(SessionJournal::schemaVersion),
        QStringLiteral("INSERT INTO meta VALUES ('app', 'callback-inspector')"),
    };
    for (const QString &statement : schema) {
        if (!q.exec(statement)) {
            *error = QStringLiteral("%1: %2").arg(path, q.lastError().text());
            return false;
        }
    }
    return true;
}

bool onReadOnlyMount(const QString &path)
{
    struct statvfs fs;
    return ::statvfs(QFile::encodeName(path).constData(), &fs) == 0 && (fs.f_flag & ST_RDONLY);
}

// Opens a session for reading only (exports, counts). A WAL session needs its -shm index, which
// SQLite cannot create on read-only media (a CD, a read-only mount): then, if no write-ahead log
// holds anything, the file alone is the whole session and SQLite's immutable mode reads it.
bool openReadOnly(QSqlDatabase &db, const QString &path, QString *error)
{
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY"));
    if (openDatabase(db, path, false, error))
        return true;
    // Only on read-only media: elsewhere nothing may be written while the file is read (immutable
    // mode would not see a writer's changes).
    const QFileInfo file(path);
    if (!file.isFile() || !onReadOnlyMount(file.absoluteFilePath()))
        return false;
    const QFileInfo wal(path + QStringLiteral("-wal"));
    if (wal.exists() && wal.size() > 0) {
        *error +=
            QStringLiteral(" (its write-ahead log %1 cannot be read on read-only media: copy the session "
                           "and that file to writable storage)")
                .arg(wal.fileName());
        return false;
    }
    db.close();
    db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_OPEN_URI"));
    const QString uri = QUrl::fromLocalFile(file.absoluteFilePath()).toString(QUrl::FullyEncoded)
        + QStringLiteral("?immutable=1");
    return openDatabase(db, path, false, error, uri);
}
} // namespace

class SessionJournal::Worker : public QObject
{
public:
    explicit Worker(SessionJournal *owner)
        : m_owner(owner)
        , m_connection(connectionName())
        , m_retry(this) // a child: it moves to the journal's thread with the worker
    {
        m_retry.setSingleShot(true);
        connect(&m_retry, &QTimer::timeout, this, &Worker::write);
    }
    ~Worker() override
    {
        m_retry.stop();
        if (!m_queue.isEmpty())
            write(); // one last try; what still fails was never answered (the commit gate held it)
        {
            QSqlDatabase db = QSqlDatabase::database(m_connection, false);
            if (db.isOpen())
                db.close();
        }
        QSqlDatabase::removeDatabase(m_connection);
        unlock(); // after SQLite let go of the file: closing our descriptor drops no lock of its own
    }

    bool open(const QString &path, quint64 *lastId, QString *error)
    {
        if (QSqlDatabase::contains(m_connection)) {
            QSqlDatabase::database(m_connection, false).close();
            QSqlDatabase::removeDatabase(m_connection);
        }
        unlock();
        // SQLite opens what it can only read (a read-only file, folder or medium, an immutable file)
        // without an error, and the first capture then waits on it for ever: refused now.
        const QFileInfo file(path);
        if (file.exists() ? !file.isWritable() : !QFileInfo(file.absolutePath()).isWritable()) {
            *error = QStringLiteral("%1 cannot be written (a read-only file, folder or medium): copy it to a "
                                    "writable place, or use another session file")
                         .arg(path);
            return false;
        }
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
        // A locked file fails a write after 1 s rather than Qt's 5: the write is retried anyway,
        // and GET status says so sooner.
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=1000"));
        if (!openDatabase(db, path, true, error))
            return false;
        if (!lock(path, error)) {
            db.close();
            return false;
        }
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        // A file whose tables were tampered with is refused now, not on the first callback.
        if (!q.exec(QStringLiteral("SELECT MAX(id) FROM captures"))) {
            *error =
                QStringLiteral("%1: not a usable inspector session (%2)").arg(path, q.lastError().text());
            db.close();
            unlock();
            return false;
        }
        *lastId = q.next() ? q.value(0).toULongLong() : 0;
        return true;
    }

    void append(const QList<CapturedRequest> &batch)
    {
        m_queue.append(batch);
        if (!m_retry.isActive()) // while failing, the retry timer writes the queue in order
            write();
        else if (m_onFailure == OnFailure::FailOpen)
            releaseQueued();
    }

    void setOnFailure(OnFailure policy) { m_onFailure = policy; }

private:
    // One transaction for everything queued, oldest first. On failure the queue is kept and retried:
    // the commit point only ever covers captures that are on disk, so their replies wait, and no
    // later success can release a reply whose capture was lost.
    void write()
    {
        if (m_queue.isEmpty())
            return;
        QSqlDatabase db = QSqlDatabase::database(m_connection);
        QString error;
        quint64 last = 0;
        if (!db.transaction()) {
            error = reason(db.lastError());
        } else {
            QSqlQuery q(db);
            // Plain INSERT: a colliding id is an error, never a silent overwrite of another capture.
            q.prepare(QStringLiteral(
                "INSERT INTO captures (id, time, command, outcome, err_code, operation_id, json) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)"));
            for (const CapturedRequest &c : std::as_const(m_queue)) {
                q.addBindValue(c.id);
                q.addBindValue(c.receivedAt.toString(Qt::ISODateWithMs));
                q.addBindValue(c.canonicalCommand.isEmpty() ? c.command : c.canonicalCommand);
                q.addBindValue(Verdict::outcomeName(c.verdict.outcome));
                q.addBindValue(c.verdict.errCode);
                q.addBindValue(c.operationID);
                q.addBindValue(QString::fromUtf8(QJsonDocument(c.toJson()).toJson(QJsonDocument::Compact)));
                if (!q.exec()) {
                    error = reason(q.lastError());
                    break;
                }
                last = qMax(last, c.id);
            }
            if (error.isEmpty() && !db.commit())
                error = reason(db.lastError());
            if (!error.isEmpty())
                db.rollback();
        }
        if (!error.isEmpty()) {
            m_owner->setFailing(error);
            if (m_onFailure == OnFailure::GiveUp) {
                m_queue.clear();
                return;
            }
            m_retry.start(m_backoffMs);
            m_backoffMs = qMin(m_backoffMs * 2, 2000);
            if (m_onFailure == OnFailure::FailOpen)
                releaseQueued();
            return;
        }
        m_queue.clear();
        m_backoffMs = 100;
        m_owner->setFailing({});
        // The commit point: from here on these captures survive a crash.
        if (last > m_owner->m_committed.load())
            m_owner->m_committed.store(last);
        Q_EMIT m_owner->written(last);
        Q_EMIT m_owner->committed(m_owner->m_committed.load());
    }

    // Fail open: the replies of captures still waiting for the disk may leave (the user chose it).
    void releaseQueued()
    {
        quint64 last = 0;
        for (const CapturedRequest &c : std::as_const(m_queue))
            last = qMax(last, c.id);
        Q_EMIT m_owner->committed(last);
    }

    // One writer per session file: an advisory lock held while the journal is open. flock() locks
    // are separate from SQLite's POSIX locks, so readers (export, the history pane) still work.
    bool lock(const QString &path, QString *error)
    {
        m_lockFd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (m_lockFd < 0 || ::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0) {
            *error = QStringLiteral("%1 is in use: another inspector (serve, run, import or a window) is "
                                    "writing it; close that one or use another session file")
                         .arg(path);
            unlock();
            return false;
        }
        return true;
    }

    void unlock()
    {
        if (m_lockFd >= 0)
            ::close(m_lockFd);
        m_lockFd = -1;
    }

    SessionJournal *m_owner;
    QString m_connection;
    QList<CapturedRequest> m_queue; // appended, not yet on disk (in id order)
    QTimer m_retry;
    int m_backoffMs = 100;
    OnFailure m_onFailure = OnFailure::Hold;
    int m_lockFd = -1;
};

SessionJournal::SessionJournal(QObject *parent)
    : QObject(parent)
    , m_worker(new Worker(this))
{
    qRegisterMetaType<QList<cbi::CapturedRequest>>();
    m_thread.setObjectName(QStringLiteral("session-journal"));
    m_worker->moveToThread(&m_thread);
    m_thread.start();
}

SessionJournal::~SessionJournal()
{
    sync();
    QMetaObject::invokeMethod(
        m_worker, [this] { delete m_worker; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool SessionJournal::open(const QString &path, QString *error)
{
    bool ok = false;
    QString message;
    quint64 last = 0;
    QMetaObject::invokeMethod(
        m_worker, [&] { ok = m_worker->open(path, &last, &message); }, Qt::BlockingQueuedConnection);
    if (error)
        *error = message;
    if (ok) {
        m_path = path;
        m_lastId = last;
        m_committed.store(last);
    }
    return ok;
}

void SessionJournal::setFailing(const QString &reason)
{
    {
        QMutexLocker lock(&m_stateMutex);
        if (m_failure == reason)
            return;
        m_failure = reason;
    }
    if (reason.isEmpty())
        Q_EMIT recovered();
    else
        Q_EMIT failed(reason);
}

QString SessionJournal::failure() const
{
    QMutexLocker lock(&m_stateMutex);
    return m_failure;
}

void SessionJournal::setOnFailure(OnFailure policy)
{
    QMetaObject::invokeMethod(
        m_worker, [this, policy] { m_worker->setOnFailure(policy); }, Qt::BlockingQueuedConnection);
}

void SessionJournal::noteAppended(quint64 id)
{
    quint64 seen = m_lastId.load();
    while (id > seen && !m_lastId.compare_exchange_weak(seen, id)) { }
}

void SessionJournal::append(const QList<CapturedRequest> &batch)
{
    if (batch.isEmpty())
        return;
    for (const CapturedRequest &c : batch)
        noteAppended(c.id);
    QMetaObject::invokeMethod(
        m_worker, [this, batch] { m_worker->append(batch); }, Qt::QueuedConnection);
}

void SessionJournal::append(const CapturedRequest &capture)
{
    noteAppended(capture.id);
    QMutexLocker lock(&m_pendingMutex);
    m_pending.append(capture);
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    QMetaObject::invokeMethod(
        m_worker,
        [this] {
            QList<CapturedRequest> batch;
            {
                QMutexLocker lock(&m_pendingMutex);
                batch.swap(m_pending);
                m_flushScheduled = false;
            }
            m_worker->append(batch);
        },
        Qt::QueuedConnection);
}

void SessionJournal::sync()
{
    QMetaObject::invokeMethod(
        m_worker, [] {}, Qt::BlockingQueuedConnection);
}

bool SessionJournal::forEach(const QString &path, const Filter &filter,
    const std::function<bool(const CapturedRequest &)> &visit, QString *error, qint64 *unreadable)
{
    const QString name = connectionName();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        QString message;
        if (openReadOnly(db, path, &message)) {
            QSqlQuery q(db);
            q.setForwardOnly(true); // constant memory, whatever the size of the file
            QString sql = QStringLiteral("SELECT id, json FROM captures WHERE 1=1");
            if (!filter.command.isEmpty())
                sql += QStringLiteral(" AND command = :command");
            if (!filter.outcome.isEmpty())
                sql += QStringLiteral(" AND outcome = :outcome");
            if (filter.since.isValid())
                sql += QStringLiteral(" AND time >= :since");
            if (filter.beforeId > 0)
                sql += QStringLiteral(" AND id < :before");
            if (filter.afterId > 0)
                sql += QStringLiteral(" AND id > :after");
            sql += filter.newestFirst ? QStringLiteral(" ORDER BY id DESC") : QStringLiteral(" ORDER BY id");
            q.prepare(sql);
            if (!filter.command.isEmpty())
                q.bindValue(QStringLiteral(":command"), filter.command);
            if (!filter.outcome.isEmpty())
                q.bindValue(QStringLiteral(":outcome"), filter.outcome);
            if (filter.since.isValid())
                q.bindValue(QStringLiteral(":since"), filter.since.toUTC().toString(Qt::ISODateWithMs));
            if (filter.beforeId > 0)
                q.bindValue(QStringLiteral(":before"), qint64(filter.beforeId));
            if (filter.afterId > 0)
                q.bindValue(QStringLiteral(":after"), qint64(filter.afterId));
            if (q.exec()) {
                qint64 visited = 0;
                qint64 skipped = 0;
                bool stopped = false;
                while (q.next()) {
                    // A row whose JSON cannot be read (or is not this row's capture) is skipped and
                    // counted: it never becomes an empty capture.
                    QJsonParseError parseError;
                    const QJsonDocument doc = QJsonDocument::fromJson(q.value(1).toByteArray(), &parseError);
                    const qint64 id = q.value(0).toLongLong();
                    if (!doc.isObject() || doc.object().value(QLatin1String("id")).toInteger(-1) != id) {
                        ++skipped;
                        continue;
                    }
                    ++visited;
                    if (!visit(CapturedRequest::fromJson(doc.object()))) {
                        stopped = true;
                        break;
                    }
                }
                // next() also returns false on an error (a damaged page in the middle of the file):
                // that is not the end of the session.
                if (!stopped && q.lastError().isValid()) {
                    message = QStringLiteral("%1: reading stopped after %2 capture(s): %3")
                                  .arg(path)
                                  .arg(visited + skipped)
                                  .arg(reason(q.lastError()));
                } else if (skipped > 0 && !unreadable) {
                    message = QStringLiteral("%1: %2 row(s) could not be read").arg(path).arg(skipped);
                } else {
                    ok = true;
                }
                if (unreadable)
                    *unreadable = skipped;
            } else {
                message = QStringLiteral("%1: %2").arg(path, q.lastError().text());
            }
        }
        if (error)
            *error = message;
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

bool SessionJournal::copy(const QString &from, const QString &to, QString *error)
{
    const QString name = connectionName();
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        QString message;
        if (openDatabase(db, from, false, &message)) {
            QFile::remove(to); // VACUUM INTO wants a new file; the caller asked before overwriting
            QSqlQuery q(db);
            q.prepare(QStringLiteral("VACUUM INTO :to"));
            q.bindValue(QStringLiteral(":to"), to);
            ok = q.exec();
            if (!ok)
                message = QStringLiteral("%1: %2").arg(to, q.lastError().text());
        }
        if (error)
            *error = message;
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

qint64 SessionJournal::count(const QString &path, QString *error)
{
    const QString name = connectionName();
    qint64 n = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        QString message;
        if (openReadOnly(db, path, &message)) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT COUNT(*) FROM captures")) && q.next())
                n = q.value(0).toLongLong();
            else
                message = QStringLiteral("%1: %2").arg(path, q.lastError().text());
        }
        if (error)
            *error = message;
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return n;
}

bool SessionJournal::readBody(const QString &path, quint64 id, QByteArray *body, QString *error)
{
    Filter one;
    one.afterId = id - 1;
    one.beforeId = id + 1;
    bool found = false;
    QString why;
    forEach(
        path, one,
        [&](const CapturedRequest &c) {
            found = c.id == id && !c.isBodySpilled();
            if (found)
                *body = c.body;
            return false;
        },
        &why);
    if (!found && error)
        *error = why.isEmpty() ? QStringLiteral("%1 has no capture %2").arg(path).arg(id) : why;
    return found;
}

} // namespace cbi
