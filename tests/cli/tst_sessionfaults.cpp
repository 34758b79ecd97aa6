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
};

QTEST_GUILESS_MAIN(TestSessionFaults)
#include "tst_sessionfaults.moc"
