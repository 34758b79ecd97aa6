// SPDX-License-Identifier: MIT
// Session files and exports: round trips per format, HAR shape, schema refusals, and the commit gate.
#include "capture/capturestore.h"
#include "catalogue/catalogue.h"
#include "catalogue/commanddetector.h"
#include "export/capturereader.h"
#include "export/capturewriter.h"
#include "rules/ruleengine.h"
#include "server/serverhost.h"
#include "session/sessionjournal.h"
#include "testhttp.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace cbi;
using namespace Qt::StringLiterals;

namespace {
QList<CapturedRequest> sampleCaptures()
{
    Scenario scenario;
    QString error;
    scenario = *Scenario::fromJson(
        R"({"scenario":1,"rules":[{"name":"blocker","command":"callbackBeforeSendGroupMsgCommand",
        "respond":{"preset":"block","errCode":5001,"delay":{"fixed":20}}}]})",
        &error);
    RuleEngine engine(scenario, 1);
    CommandDetector detector(Catalogue::instance());
    QList<CapturedRequest> out;
    const char *commands[] = {"callbackBeforeSendSingleMsgCommand", "callbackBeforeSendGroupMsgCommand",
        "callbackAfterSendSingleMsgCommand"};
    quint64 id = 0;
    for (const char *command : commands) {
        CapturedRequest c;
        c.id = ++id;
        c.receivedAt =
            QDateTime::fromString(u"2026-11-24T08:00:0%1.250Z"_s.arg(id), Qt::ISODateWithMs).toUTC();
        c.method = "POST";
        c.httpVersion = "HTTP/1.1";
        c.path = u"/callbackExample/"_s + QString::fromLatin1(command);
        c.query = id == 3 ? u"key=eyJzZW5kSUQiOiJ1MSJ9"_s : QString();
        c.headers = {{"Host", "127.0.0.1:10006"}, {"Operationid", "op-" + QByteArray::number(id)},
            {"Content-Type", "application/json; charset=utf-8"}};
        c.body = QJsonDocument(Catalogue::instance().find(QString::fromLatin1(command))->sampleRequest)
                     .toJson(QJsonDocument::Compact);
        c.peerAddress = u"127.0.0.1"_s;
        c.peerPort = 40000;
        const RequestBody body = detector.detect(c);
        engine.answer(c, body);
        out.append(c);
    }
    out[0].body += QByteArray("\xff\xfe", 2); // not UTF-8: must survive too
    return out;
}

QByteArray write(
    const QList<CapturedRequest> &captures, CaptureWriter::Format format, bool maskSecrets = true)
{
    QByteArray data;
    QBuffer buffer(&data);
    buffer.open(QIODevice::WriteOnly);
    CaptureWriter writer(&buffer, format);
    writer.setMaskSecrets(maskSecrets);
    writer.begin();
    for (const auto &c : captures)
        writer.write(c);
    writer.end();
    return data;
}
// OpenIM v3.7's user register: the admin secret (with an escaped quote), and "secret" inside a string.
// Plain literals: moc misreads raw strings that hold backslashes before quotes.
QByteArray registerWithSecret()
{
    return "{\"callbackCommand\":\"callbackBeforeUserRegisterCommand\",\"secret\" : \"open\\\"IM123\","
           "\"users\":[{\"userID\":\"u\",\"ex\":\"{\\\"secret\\\":\\\"keep\\\"}\"}]}";
}
} // namespace

Q_DECLARE_METATYPE(cbi::CaptureWriter::Format)

class TestTransfer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Gui walk F11: "flow.csv" with HAR picked got HAR; "flow2" with CSV picked got no suffix.
    void exportPathFollowsTheSuffix_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<int>("picked");
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("format");
        const int har = int(CaptureWriter::Format::Har), csv = int(CaptureWriter::Format::Csv);
        QTest::newRow("suffix wins") << u"/t/flow.csv"_s << har << u"/t/flow.csv"_s << csv;
        QTest::newRow("suffix added") << u"/t/flow2"_s << csv << u"/t/flow2.csv"_s << csv;
        QTest::newRow("upper case") << u"/t/a.HAR"_s << csv << u"/t/a.HAR"_s << har;
        QTest::newRow("jsonl") << u"/t/a.jsonl"_s << har << u"/t/a.jsonl"_s
                               << int(CaptureWriter::Format::Ndjson);
        QTest::newRow("curl script") << u"/t/replay"_s << int(CaptureWriter::Format::Curl)
                                     << u"/t/replay.sh"_s << int(CaptureWriter::Format::Curl);
        QTest::newRow("other suffix kept") << u"/t/a.txt"_s << har << u"/t/a.txt.har"_s << har;
    }
    void exportPathFollowsTheSuffix()
    {
        QFETCH(QString, typed);
        QFETCH(int, picked);
        QFETCH(QString, path);
        QFETCH(int, format);
        auto chosen = CaptureWriter::Format(picked);
        QCOMPARE(CaptureWriter::exportPath(typed, &chosen), path);
        QCOMPARE(int(chosen), format);
    }

    void roundTrip_data()
    {
        QTest::addColumn<CaptureWriter::Format>("format");
        QTest::newRow("JSON") << CaptureWriter::Format::Json;
        QTest::newRow("NDJSON") << CaptureWriter::Format::Ndjson;
        QTest::newRow("HAR") << CaptureWriter::Format::Har;
    }

    void roundTrip()
    {
        QFETCH(CaptureWriter::Format, format);
        const QList<CapturedRequest> captures = sampleCaptures();
        QList<CapturedRequest> back;
        QString error;
        QVERIFY2(CaptureReader::read(write(captures, format), &back, &error), qPrintable(error));
        QCOMPARE(back.size(), captures.size());
        for (qsizetype i = 0; i < captures.size(); ++i)
            QCOMPARE(back.at(i).toJson(), captures.at(i).toJson()); // the same capture, field for field
        QCOMPARE(back.at(1).verdict.outcome, Verdict::Outcome::Blocked);
        QCOMPARE(back.at(0).body, captures.at(0).body);
    }

    // main hands a denial's errCode 42 on as 500: both codes must survive an export and a session.
    void replyErrCodeSurvives()
    {
        QList<CapturedRequest> captures = sampleCaptures();
        captures[1].verdict.errCode = 500;
        captures[1].verdict.replyErrCode = 42;
        QList<CapturedRequest> back;
        QString error;
        QVERIFY2(CaptureReader::read(write(captures, CaptureWriter::Format::Ndjson), &back, &error),
            qPrintable(error));
        QCOMPARE(back.at(1).verdict.errCode, 500);
        QCOMPARE(back.at(1).verdict.replyErrCode, std::optional<int>(42));
        QVERIFY(!back.at(0).verdict.replyErrCode);
    }

    void harShape()
    {
        // The parts of HAR 1.2 that browser devtools and validators require.
        const QJsonObject log = QJsonDocument::fromJson(write(sampleCaptures(), CaptureWriter::Format::Har))
                                    .object()
                                    .value(u"log"_s)
                                    .toObject();
        QCOMPARE(log.value(u"version"_s).toString(), u"1.2"_s);
        QVERIFY(log.value(u"creator"_s).toObject().contains(u"name"_s));
        QVERIFY(log.value(u"creator"_s).toObject().contains(u"version"_s));
        const QJsonArray entries = log.value(u"entries"_s).toArray();
        QCOMPARE(entries.size(), 3);
        for (const auto &e : entries) {
            const QJsonObject entry = e.toObject();
            QVERIFY(QDateTime::fromString(entry.value(u"startedDateTime"_s).toString(), Qt::ISODateWithMs)
                        .isValid());
            QVERIFY(entry.value(u"time"_s).isDouble());
            for (const char *key : {"request", "response", "cache", "timings"})
                QVERIFY2(entry.value(QLatin1String(key)).isObject(), key);
            const QJsonObject request = entry.value(u"request"_s).toObject();
            for (const char *key : {"method", "url", "httpVersion"})
                QVERIFY2(request.value(QLatin1String(key)).isString(), key);
            for (const char *key : {"cookies", "headers", "queryString"})
                QVERIFY2(request.value(QLatin1String(key)).isArray(), key);
            QVERIFY(
                request.value(u"url"_s).toString().startsWith(u"http://127.0.0.1:10006/callbackExample/"_s));
            QVERIFY(request.value(u"headersSize"_s).isDouble() && request.value(u"bodySize"_s).isDouble());
            const QJsonObject response = entry.value(u"response"_s).toObject();
            QVERIFY(response.value(u"status"_s).isDouble());
            QVERIFY(response.value(u"statusText"_s).isString());
            QVERIFY(response.value(u"content"_s).toObject().value(u"mimeType"_s).isString());
            QVERIFY(response.value(u"redirectURL"_s).isString());
            const QJsonObject timings = entry.value(u"timings"_s).toObject();
            for (const char *key : {"send", "wait", "receive"})
                QVERIFY2(timings.value(QLatin1String(key)).toDouble() >= 0, key);
        }
        QCOMPARE(entries.at(1).toObject().value(u"timings"_s).toObject().value(u"wait"_s).toInt(), 20);
        QCOMPARE(
            entries.at(2).toObject().value(u"request"_s).toObject().value(u"queryString"_s).toArray().size(),
            1);
    }

    void foreignHarImports()
    {
        QFile file(QStringLiteral(CBI_TEST_DATA) + u"/browser.har"_s);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray har = file.readAll();
        QList<CapturedRequest> captures;
        QString error;
        QVERIFY2(CaptureReader::read(har, &captures, &error), qPrintable(error));
        QCOMPARE(captures.size(), 1);
        QCOMPARE(captures.first().path, u"/callbackExample/callbackBeforeSendSingleMsgCommand"_s);
        QCOMPARE(captures.first().query, u"x=1"_s);
        QCOMPARE(captures.first().reply.delayMs, 12);
        QCOMPARE(captures.first().receivedAt.toString(Qt::ISODateWithMs), u"2026-01-02T03:04:05.678Z"_s);
        QVERIFY(!CaptureReader::read("not a capture file\n", &captures, &error));
        QVERIFY(error.contains(u"line 1"_s));
    }

    void csvAndCurl()
    {
        const QByteArray csv = write(sampleCaptures(), CaptureWriter::Format::Csv);
        const QList<QByteArray> lines = csv.trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        QVERIFY(lines.first().startsWith("id,time,command,verdict,errCode,operationID"));
        QVERIFY(lines.at(2).contains(",blocked,5001,op-2,"));
        const QByteArray curl = write(sampleCaptures(), CaptureWriter::Format::Curl);
        QCOMPARE(curl.count("curl --globoff -X 'POST' 'http://127.0.0.1:10006/callbackExample/"), 3);
        QVERIFY(curl.contains("-H 'Operationid: op-1'"));
    }

    // OpenIM v3.7.0 - v3.8.0's admin secret: "***" in every export unless asked, the capture untouched.
    void secretsAreMasked_data()
    {
        QTest::addColumn<CaptureWriter::Format>("format");
        QTest::newRow("JSON") << CaptureWriter::Format::Json;
        QTest::newRow("NDJSON") << CaptureWriter::Format::Ndjson;
        QTest::newRow("HAR") << CaptureWriter::Format::Har;
        QTest::newRow("cURL") << CaptureWriter::Format::Curl;
    }

    void secretsAreMasked()
    {
        QFETCH(CaptureWriter::Format, format);
        CapturedRequest c = sampleCaptures().first();
        c.body = registerWithSecret();
        const QByteArray original = c.body;
        const QByteArray masked = write({c}, format);
        QVERIFY2(!masked.contains("IM123"), masked.constData());
        QVERIFY2(masked.contains("***"), masked.constData());
        QVERIFY2(masked.contains("keep"), masked.constData()); // text inside a string is not a member
        QCOMPARE(c.body, original);
        QVERIFY(write({c}, format, false).contains("IM123"));
        if (format != CaptureWriter::Format::Curl) {
            QList<CapturedRequest> back;
            QString error;
            QVERIFY2(CaptureReader::read(masked, &back, &error), qPrintable(error));
            QCOMPARE(
                QJsonDocument::fromJson(back.first().body).object().value(u"secret"_s).toString(), u"***"_s);
        }
    }

    void csvFormulasAreText()
    {
        // A cell a spreadsheet would run as a formula gets a leading quote (OWASP).
        CapturedRequest c = sampleCaptures().at(1);
        c.body = "{\"sendID\":\"=HYPERLINK(\\\"http://evil.example\\\",\\\"x\\\")\","
                 "\"recvID\":\"+1\",\"groupID\":\"-2\"}";
        c.operationID = u"@SUM(A1)"_s;
        c.ruleName = u"\t=1+1"_s;
        c.path = u"\r=2"_s;
        const QByteArray csv = write({c}, CaptureWriter::Format::Csv);
        QVERIFY2(csv.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'+1,'-2,"),
            csv.constData());
        QVERIFY2(csv.contains(",'@SUM(A1),"), csv.constData());
        QVERIFY2(csv.contains(",'\t=1+1,"), csv.constData());
        QVERIFY2(csv.endsWith(",\"'\r=2\"\r\n"), csv.constData());
        // Ordinary cells are unchanged.
        QVERIFY(write(sampleCaptures(), CaptureWriter::Format::Csv).count('\'') == 0);
    }

    void importRefusesWhatItCannotImport_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("message");
        const QByteArray ok = "\"method\":\"POST\",\"path\":\"/callbackExample/x\"";
        QTest::newRow("id string") << "{\"captures\":[{" + ok + ",\"id\":\"x\"}]}"
                                   << u"capture 1: \"id\" is a string"_s;
        QTest::newRow("id negative") << "[{" + ok + ",\"id\":-1}]" << u"capture 1: \"id\" is the number -1"_s;
        QTest::newRow("headers string") << "[{" + ok + "},{" + ok + ",\"headers\":\"h\"}]"
                                        << u"capture 2: \"headers\" is a string, expected an array"_s;
        QTest::newRow("response string")
            << "{" + ok + ",\"response\":\"r\"}" << u"line 1: \"response\" is a string"_s;
        QTest::newRow("not objects") << QByteArray("[1,2,3,\"x\",null]") << u"capture 1 is the number 1"_s;
        QTest::newRow("null capture") << "[{" + ok + "},null]" << u"capture 2 is null"_s;
        QTest::newRow("foreign object") << QByteArray("{\"foo\":1}") << u"line 1: \"method\" is missing"_s;
        QTest::newRow("HAR number") << QByteArray("{\"log\":{\"entries\":[5]}}")
                                    << u"HAR entry 1 is the number 5"_s;
        QTest::newRow("HAR null") << QByteArray("{\"log\":{\"entries\":[null]}}") << u"HAR entry 1 is null"_s;
        QTest::newRow("HAR string") << QByteArray("{\"log\":{\"entries\":[\"s\"]}}")
                                    << u"HAR entry 1 is a string"_s;
        QTest::newRow("HAR no entries") << QByteArray("{\"log\":{}}") << u"log.entries is missing"_s;
        QTest::newRow("HAR inspector")
            << QByteArray("{\"log\":{\"entries\":[{\"_inspector\":{\"id\":\"x\"}}]}}")
            << u"HAR entry 1: _inspector: \"id\" is a string"_s;
        QTest::newRow("HAR method")
            << QByteArray(
                   "{\"log\":{\"entries\":[{\"request\":{\"method\":\"GET /x\",\"url\":\"http://h/\"}}]}}")
            << u"HAR entry 1: request: the method [\"GET /x\"] is not an HTTP method token"_s;
        QTest::newRow("shell method") << QByteArray("{\"method\":\"POST; touch pwned #\",\"path\":\"/\"}")
                                      << u"line 1: the method [\"POST; touch pwned #\"] is not"_s;
        QTest::newRow("empty method")
            << QByteArray("{\"method\":\"\",\"path\":\"/\"}") << u"line 1: the method"_s;
        QTest::newRow("non-ASCII method")
            << QByteArray("{\"method\":\"P\\u00d6ST\",\"path\":\"/\"}") << u"line 1: the method"_s;
        QTest::newRow("CRLF value") << "{" + ok
                + ",\"headers\":[{\"name\":\"X\",\"value\":\"a\\r\\nSet-Cookie: x=1\"}]}"
                                    << u"line 1: header 1: the value contains CR, LF or NUL"_s;
        QTest::newRow("NUL name") << "{" + ok + ",\"headers\":[{\"name\":\"X\\u0000\",\"value\":\"a\"}]}"
                                  << u"line 1: header 1: the name contains CR, LF or NUL"_s;
        QTest::newRow("LF reply header")
            << "{" + ok + ",\"response\":{\"headers\":[{\"name\":\"X\",\"value\":\"\\n\"}]}}"
            << u"line 1: response: header 1: the value"_s;
        QTest::newRow("header number") << "{" + ok + ",\"headers\":[{\"name\":\"X\",\"value\":5}]}"
                                       << u"line 1: header 1: \"value\" is the number 5"_s;
        QTest::newRow("second line") << "{" + ok + "}\n{" + ok + ",\"method\":7}" << u"line 2: \"method\""_s;
    }

    void importRefusesWhatItCannotImport()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, message);
        QList<CapturedRequest> captures;
        QString error;
        QVERIFY2(!CaptureReader::read(input, &captures, &error),
            qPrintable(u"imported: "_s + QString::fromUtf8(input)));
        QVERIFY2(error.contains(message), qPrintable(error));
        QCOMPARE(captures.size(), 0); // all or nothing
    }

    void importAcceptsEveryMethodToken()
    {
        QList<CapturedRequest> captures;
        QString error;
        QVERIFY2(CaptureReader::read("{\"method\":\"M-SEARCH\",\"path\":\"/\"}"
                                     "\n"
                                     "{\"method\":\"!#$%&\'*+-.^_`|~09azAZ\",\"path\":\"/\"}",
                     &captures, &error),
            qPrintable(error));
        QCOMPARE(captures.size(), 2);
        QCOMPARE(captures.at(1).method, QByteArray("!#$%&'*+-.^_`|~09azAZ"));
    }

    void oversizedImportsAreRefusedUnread()
    {
        QTemporaryDir dir;
        QFile big(dir.filePath(u"big.ndjson"_s));
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(CaptureReader::maxFileSize + 1)); // sparse: nothing is written
        big.close();
        QList<CapturedRequest> captures;
        QString error;
        QElapsedTimer timer;
        timer.start();
        QVERIFY(!CaptureReader::readFile(big.fileName(), &captures, &error));
        QVERIFY2(
            error.contains(u"limited to %1 MiB"_s.arg(CaptureReader::maxFileSize >> 20)), qPrintable(error));
        QVERIFY(timer.elapsed() < 1000); // refused before reading
    }

    void sessionRoundTripAndFilters()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"s.db"_s);
        {
            SessionJournal journal;
            QString error;
            QVERIFY2(journal.open(path, &error), qPrintable(error));
            QCOMPARE(journal.lastId(), 0u);
            journal.append(sampleCaptures());
            journal.sync();
            QCOMPARE(journal.committedId(), 3u);
        }
        QString error;
        QCOMPARE(SessionJournal::count(path, &error), 3);
        QList<CapturedRequest> blocked;
        QVERIFY(SessionJournal::forEach(
            path, {QString(), u"blocked"_s, {}},
            [&](const CapturedRequest &c) {
                blocked.append(c);
                return true;
            },
            &error));
        QCOMPARE(blocked.size(), 1);
        QCOMPARE(blocked.first().toJson(), sampleCaptures().at(1).toJson());
        int since = 0;
        SessionJournal::forEach(
            path, {QString(), QString(), QDateTime::fromString(u"2026-11-24T08:00:02Z"_s, Qt::ISODate)},
            [&](const CapturedRequest &) { return ++since, true; }, &error);
        QCOMPARE(since, 2);
        // Paging back from the newest, below an id.
        SessionJournal::Filter back;
        back.beforeId = 3;
        back.newestFirst = true;
        QList<quint64> ids;
        SessionJournal::forEach(
            path, back, [&](const CapturedRequest &c) { return ids.append(c.id), true; }, &error);
        QCOMPARE(ids, (QList<quint64> {2, 1}));
        // Reopened, ids go on.
        SessionJournal again;
        QVERIFY(again.open(path, &error));
        QCOMPARE(again.lastId(), 3u);
        // Save As while it is open for writing: a consistent copy that opens as a session.
        const QString copy = dir.filePath(u"copy.cbisession"_s);
        QVERIFY2(SessionJournal::copy(path, copy, &error), qPrintable(error));
        QCOMPARE(SessionJournal::count(copy, &error), 3);
        SessionJournal reopenedCopy;
        QVERIFY2(reopenedCopy.open(copy, &error), qPrintable(error));
        QCOMPARE(reopenedCopy.lastId(), 3u);
        QVERIFY(!SessionJournal::copy(dir.filePath(u"missing.db"_s), copy, &error));
        QVERIFY(!error.isEmpty());
    }

    void foreignAndNewerFilesAreRefused()
    {
        QTemporaryDir dir;
        QString error;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"make"_s);
            db.setDatabaseName(dir.filePath(u"other.db"_s));
            QVERIFY(db.open());
            QSqlQuery(db).exec(u"CREATE TABLE things (x)"_s);
            db.setDatabaseName(dir.filePath(u"newer.db"_s));
            db.close();
            QVERIFY(db.open());
            QSqlQuery q(db);
            q.exec(u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)"_s);
            q.exec(u"INSERT INTO meta VALUES ('schema_version', '99')"_s);
            db.close();
        }
        QSqlDatabase::removeDatabase(u"make"_s);
        SessionJournal journal;
        QVERIFY(!journal.open(dir.filePath(u"other.db"_s), &error));
        QVERIFY2(error.contains(u"not an inspector session"_s), qPrintable(error));
        QVERIFY(!journal.open(dir.filePath(u"newer.db"_s), &error));
        QVERIFY2(error.contains(u"newer inspector"_s), qPrintable(error));
        QVERIFY(!SessionJournal::forEach(
            dir.filePath(u"missing.db"_s), {}, [](const CapturedRequest &) { return true; }, &error));
    }

    void repliesWaitForTheCommit()
    {
        // The commit point: a reply leaves only once its capture is on disk.
        QTemporaryDir dir;
        CaptureStore store;
        store.setFlushIntervalMs(2);
        SessionJournal journal;
        QString error;
        QVERIFY(journal.open(dir.filePath(u"gate.db"_s), &error));
        ServerHost host(&store);
        ServerConfig config;
        config.port = 0;
        QVERIFY(host.start(config));
        host.setCommitGate(true);
        host.setCaptureSink([&journal](const CapturedRequest &c) { journal.append(c); });
        connect(&journal, &SessionJournal::committed, &host, &ServerHost::committedUpTo);
        for (int i = 0; i < 20; ++i) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, host.config().port);
            QVERIFY(socket.waitForConnected(2000));
            socket.write(testhttp::request("POST", "/callbackExample/x", "{}"));
            // The commit notice reaches the server through this thread's event loop: keep it running.
            QTRY_VERIFY_WITH_TIMEOUT(socket.bytesAvailable() > 0, 5000);
            QByteArray data = socket.readAll();
            QCOMPARE(testhttp::parseResponses(data).size(), 1);
            // Answered, hence committed: readable from the file right now.
            QCOMPARE(SessionJournal::count(journal.path(), &error), i + 1);
        }
    }

    // Review finding: turning the gate on again (a language switch re-adopts the journal, or another
    // session opens) released replies whose captures were still waiting for the disk.
    void gateOnAgainReleasesNothing()
    {
        CaptureStore store;
        ServerHost host(&store);
        ServerConfig config;
        config.port = 0;
        QVERIFY(host.start(config));
        host.setCommitGate(true);
        host.setCaptureSink([](const CapturedRequest &) {}); // a journal that never commits
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, host.config().port);
        QVERIFY(socket.waitForConnected(2000));
        socket.write(testhttp::request("POST", "/callbackExample/x", "{}"));
        QTest::qWait(200);
        QCOMPARE(socket.bytesAvailable(), 0);
        host.setCommitGate(true, 0); // again, as useJournal() does
        host.setCommitGate(true, 1);
        socket.write(testhttp::request("POST", "/callbackExample/y", "{}")); // flushes the connection
        QTest::qWait(200);
        QCOMPARE(socket.bytesAvailable(), 0);
        host.committedUpTo(2); // the journal's word: now they go
        QTRY_VERIFY(socket.bytesAvailable() > 0);
    }
};

QTEST_GUILESS_MAIN(TestTransfer)
#include "tst_transfer.moc"
