// SPDX-License-Identifier: MIT
// import and export against sessions that cannot be written or are damaged, with the real binary:
// the exit code and the message must say so, and nothing may pass for what it is not.
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/resource.h>

using namespace Qt::StringLiterals;

namespace {
struct Result
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// fileSizeLimit: RLIMIT_FSIZE for the child (0: none); writes beyond it fail with EFBIG.
Result run(
    const QStringList &args, rlim_t fileSizeLimit = 0, const QString &program = QStringLiteral(CBI_BINARY))
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(u"DISPLAY"_s);
    env.remove(u"WAYLAND_DISPLAY"_s);
    env.insert(u"LC_ALL"_s, u"C"_s);
    p.setProcessEnvironment(env);
    if (fileSizeLimit > 0) {
        p.setChildProcessModifier([fileSizeLimit] {
            ::signal(SIGXFSZ, SIG_IGN); // EFBIG instead of a signal
            const struct rlimit limit
            {
                fileSizeLimit, fileSizeLimit
            };
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
    }
    p.start(program, args);
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
        p.readAllStandardError()};
}

// An NDJSON import file: `count` captures whose bodies carry "marker-N".
QString makeImport(const QDir &dir, const QString &name, int count, int bodyBytes = 300)
{
    QFile file(dir.filePath(name));
    file.open(QIODevice::WriteOnly);
    const QString padding(bodyBytes, QLatin1Char('p'));
    for (int i = 1; i <= count; ++i) {
        const QJsonObject body {{u"sendID"_s, u"marker-%1"_s.arg(i)}, {u"padding"_s, padding}};
        const QJsonObject capture {{u"method"_s, u"POST"_s},
            {u"path"_s, u"/callbackExample/callbackBeforeSendSingleMsgCommand"_s},
            {u"body"_s, QString::fromUtf8(QJsonDocument(body).toJson(QJsonDocument::Compact))}};
        file.write(QJsonDocument(capture).toJson(QJsonDocument::Compact) + '\n');
    }
    return file.fileName();
}

// A session file holding `count` captures, made by the binary's own import.
QString makeSession(const QDir &dir, const QString &name, int count)
{
    const QString session = dir.filePath(name);
    const Result r = run({u"import"_s, makeImport(dir, name + u".ndjson"_s, count), u"--session"_s, session});
    return r.exitCode == 0 ? session : QString();
}

QList<QJsonObject> lines(const QByteArray &ndjson)
{
    QList<QJsonObject> out;
    for (const QByteArray &line : ndjson.split('\n')) {
        if (!line.isEmpty())
            out.append(QJsonDocument::fromJson(line).object());
    }
    return out;
}
} // namespace

class TestSessionFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void importIntoAnUnwritableSessionFails()
    {
        QTemporaryDir dir;
        const QString session = makeSession(dir.path(), u"s.db"_s, 3);
        QVERIFY(!session.isEmpty());
        // 2,000 captures of ~0.5 kB into a session whose files may not grow past 256 kB.
        const QString big = makeImport(dir.path(), u"big.ndjson"_s, 2000);
        const Result r = run({u"import"_s, big, u"--session"_s, session}, 256 * 1024);
        QVERIFY2(r.exitCode != 0, r.err.constData());
        QVERIFY2(r.err.contains("cannot be written"), r.err.constData());
        QVERIFY2(r.err.contains("nothing was imported"), r.err.constData());
        QVERIFY2(!r.err.contains("imported 2000"), r.err.constData());
        // All or nothing: the session still holds its 3 captures.
        const Result back = run({u"export"_s, session, u"--format"_s, u"ndjson"_s, u"-o"_s, u"-"_s});
        QCOMPARE(back.exitCode, 0);
        QCOMPARE(lines(back.out).size(), 3);
    }

    void unreadableRowsAreSkippedAndCounted()
    {
        QTemporaryDir dir;
        const QString session = makeSession(dir.path(), u"s.db"_s, 10);
        QVERIFY(!session.isEmpty());
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"damage"_s);
            db.setDatabaseName(session);
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(u"UPDATE captures SET json = '{not json' WHERE id % 2 = 0"_s));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"damage"_s);
        const QString out = dir.filePath(u"out.ndjson"_s);
        const Result r = run({u"export"_s, session, u"--format"_s, u"ndjson"_s, u"-o"_s, out});
        QVERIFY2(r.exitCode == 5, r.err.constData());
        QVERIFY2(r.err.contains("5 row(s)"), r.err.constData());
        QVERIFY2(r.err.contains("could not be read"), r.err.constData());
        // The readable rows are written, and nothing else: no empty captures.
        QFile file(out);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QList<QJsonObject> captures = lines(file.readAll());
        QCOMPARE(captures.size(), 5);
        for (const QJsonObject &c : captures) {
            QCOMPARE(c.value(u"id"_s).toInt() % 2, 1);
            QCOMPARE(c.value(u"method"_s).toString(), u"POST"_s);
        }
    }

    void aDamagedPageFailsTheExport()
    {
        QTemporaryDir dir;
        const QString session = makeSession(dir.path(), u"big.db"_s, 3000);
        QVERIFY(!session.isEmpty());
        QVERIFY(!QFileInfo::exists(session + u"-wal"_s) || QFileInfo(session + u"-wal"_s).size() == 0);
        QFile file(session);
        QVERIFY(file.open(QIODevice::ReadWrite));
        const QByteArray data = file.readAll();
        QVERIFY(data.size() > 1000000); // many pages
        const int pageSize = (uchar(data.at(16)) << 8) | uchar(data.at(17));
        // The page holding a capture from the middle (a leaf of the captures table): 200 bytes of its
        // header and cell pointers overwritten.
        const qsizetype at = data.indexOf("marker-1500\\\"");
        QVERIFY(at > 0);
        QVERIFY(file.seek(at / pageSize * pageSize));
        QByteArray noise(200, '\0');
        QRandomGenerator generator(42);
        for (char &ch : noise)
            ch = char(generator.bounded(256));
        QVERIFY(file.write(noise) == 200);
        file.close();
        const QString out = dir.filePath(u"out.json"_s);
        const Result r = run({u"export"_s, session, u"--format"_s, u"json"_s, u"-o"_s, out});
        QVERIFY2(r.exitCode != 0, r.err.constData());
        QVERIFY2(r.err.startsWith("error: "), r.err.constData());
        QVERIFY2(!r.err.contains("exported"), r.err.constData());
    }

    void filesThatAreNoDatabaseSaySo()
    {
        QTemporaryDir dir;
        QFile random(dir.filePath(u"random.db"_s));
        QVERIFY(random.open(QIODevice::WriteOnly));
        QByteArray bytes(65536, '\0');
        QRandomGenerator generator(7);
        for (char &ch : bytes)
            ch = char(generator.bounded(256));
        random.write(bytes);
        random.close();
        const Result r = run({u"export"_s, random.fileName(), u"--format"_s, u"json"_s, u"-o"_s, u"-"_s});
        QCOMPARE(r.exitCode, 5);
        QVERIFY2(r.err.contains("not a database"), r.err.constData());
        QVERIFY2(!r.err.contains("empty database"), r.err.constData());
        QVERIFY2(r.out.isEmpty(), r.out.constData()); // no half document on stdout
        // A session cut short is called damaged, not empty.
        const QString session = makeSession(dir.path(), u"s.db"_s, 500);
        QVERIFY(!session.isEmpty());
        QVERIFY(QFile::resize(session, 100 * 1024));
        const Result cut = run({u"export"_s, session, u"--format"_s, u"json"_s, u"-o"_s, u"-"_s});
        QVERIFY2(cut.exitCode == 5, cut.err.constData());
        QVERIFY2(!cut.err.contains("empty database"), cut.err.constData());
    }

    // SQLite opens a file it can only read without an error; serve refuses it at start instead of
    // holding every callback (reliability report 3.16).
    void servingOnReadOnlyMediaIsRefused()
    {
        if (QStandardPaths::findExecutable(u"unshare"_s).isEmpty())
            QSKIP("unshare is missing");
        QTemporaryDir dir;
        const QString session = makeSession(dir.path(), u"s.db"_s, 2);
        QVERIFY(!session.isEmpty());
        const QString script =
            u"mount --bind \"$1\" \"$1\" && mount -o remount,ro,bind \"$1\" \"$1\" || exit 77; "
            "touch \"$1/probe\" 2>/dev/null && exit 78; "
            "exec \"$2\" serve --listen 127.0.0.1:0 --session \"$1/s.db\" --exit-after 3000"_s;
        const Result r =
            run({u"-m"_s, u"sh"_s, u"-c"_s, script, u"sh"_s, dir.path(), QStringLiteral(CBI_BINARY)}, 0,
                QStandardPaths::findExecutable(u"unshare"_s));
        if (r.exitCode == 77 || r.exitCode == 78 || r.err.contains("unshare failed"))
            QSKIP(qPrintable(u"no read-only mount here: "_s + QString::fromUtf8(r.err)));
        QVERIFY2(r.exitCode == 5, r.err.constData());
        QVERIFY2(r.err.contains("cannot be written"), r.err.constData());
        QVERIFY2(!r.err.contains("listening on"), r.err.constData());
    }

    void sessionsOnReadOnlyMediaCanBeExported()
    {
        // A read-only bind mount in a mount namespace of its own (root, or a user namespace).
        if (QStandardPaths::findExecutable(u"unshare"_s).isEmpty())
            QSKIP("unshare is missing");
        QTemporaryDir dir;
        const auto exportReadOnly = [](const QString &folder) {
            const QString script =
                u"mount --bind \"$1\" \"$1\" && mount -o remount,ro,bind \"$1\" \"$1\" || exit 77; "
                "touch \"$1/probe\" 2>/dev/null && exit 78; "
                "exec \"$2\" export \"$1/s.db\" --format ndjson -o -"_s;
            return run({u"-m"_s, u"sh"_s, u"-c"_s, script, u"sh"_s, folder, QStringLiteral(CBI_BINARY)}, 0,
                QStandardPaths::findExecutable(u"unshare"_s));
        };
        QDir(dir.path()).mkpath(u"clean"_s);
        const QString session = makeSession(dir.filePath(u"clean"_s), u"s.db"_s, 3);
        QVERIFY(!session.isEmpty());
        QVERIFY(!QFileInfo::exists(session + u"-shm"_s)); // closed cleanly: only the file itself
        const Result r = exportReadOnly(dir.filePath(u"clean"_s));
        if (r.exitCode == 77 || r.exitCode == 78 || r.err.contains("unshare failed"))
            QSKIP(qPrintable(u"no read-only mount here: "_s + QString::fromUtf8(r.err)));
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(lines(r.out).size(), 3);

        // Not closed cleanly: a fourth capture only in the write-ahead log. Either it is read (with
        // the -shm beside it) or the export refuses and says why; it is never silently left out.
        QDir(dir.path()).mkpath(u"withShm"_s);
        QDir(dir.path()).mkpath(u"walOnly"_s);
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"wal"_s);
            db.setDatabaseName(session);
            QVERIFY(db.open());
            QSqlQuery q(db);
            QVERIFY(q.exec(u"PRAGMA wal_autocheckpoint=0"_s));
            QVERIFY(q.exec(u"INSERT INTO captures (id, time, command, outcome, err_code, operation_id, json) "
                           "SELECT 4, time, command, outcome, err_code, operation_id, "
                           "replace(json, '\"id\":1,', '\"id\":4,') FROM captures WHERE id = 1"_s));
            QVERIFY(QFileInfo(session + u"-wal"_s).size() > 0);
            // Copied while the connection is open, as a crash would leave them.
            for (const QString suffix : {u""_s, u"-wal"_s, u"-shm"_s})
                QVERIFY(QFile::copy(session + suffix, dir.filePath(u"withShm/s.db"_s + suffix)));
            for (const QString suffix : {u""_s, u"-wal"_s})
                QVERIFY(QFile::copy(session + suffix, dir.filePath(u"walOnly/s.db"_s + suffix)));
            db.close();
        }
        QSqlDatabase::removeDatabase(u"wal"_s);
        const Result withShm = exportReadOnly(dir.filePath(u"withShm"_s));
        QVERIFY2(withShm.exitCode == 0, withShm.err.constData());
        QCOMPARE(lines(withShm.out).size(), 4);
        const Result walOnly = exportReadOnly(dir.filePath(u"walOnly"_s));
        QVERIFY2(walOnly.exitCode == 5, walOnly.err.constData());
        QVERIFY2(walOnly.err.contains("s.db-wal"), walOnly.err.constData());
        QCOMPARE(lines(walOnly.out).size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestSessionFaults)
#include "tst_sessionfaults.moc"
