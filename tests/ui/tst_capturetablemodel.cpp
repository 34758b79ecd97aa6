// SPDX-License-Identifier: MIT
#include "capture/capturefilter.h"
#include "models/capturefilterproxy.h"
#include "models/capturetablemodel.h"
#include "verdict/verdictengine.h"

#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace cbi;
using namespace Qt::StringLiterals;

static QList<CapturedRequest> batch(quint64 firstId, int count)
{
    QList<CapturedRequest> out;
    for (int i = 0; i < count; ++i) {
        CapturedRequest c;
        c.id = firstId + quint64(i);
        c.command = u"callbackBeforeSendSingleMsgCommand"_s;
        c.canonicalCommand = c.command;
        c.body = "{\"sendID\":\"alice\",\"recvID\":\"bob\",\"content\":\"{\\\"content\\\":\\\"hello\\\"}\"}";
        out.append(c);
    }
    return out;
}

// Outside the class: moc misreads raw strings with quotes inside a class body.
static CapturedRequest varied(quint64 id, const QString &sendID, const QString &text, int delayMs, bool warn)
{
    CapturedRequest c = batch(id, 1).constFirst();
    c.body = QJsonDocument(
        QJsonObject {{u"sendID"_s, sendID}, {u"recvID"_s, u"bob"_s},
            {u"clientMsgID"_s, u"cm-%1-end"_s.arg(id)},
            {u"content"_s,
                QString::fromUtf8(
                    QJsonDocument(QJsonObject {{u"content"_s, text}}).toJson(QJsonDocument::Compact))}})
                 .toJson(QJsonDocument::Compact);
    c.operationID = u"op-%1"_s.arg(id);
    c.reply.delayMs = delayMs;
    c.verdict.outcome = Verdict::Outcome::Continue;
    c.ruleName = delayMs > 0 ? u"slow rule"_s : QString();
    if (warn)
        c.warnings.append({u"no-operation-id"_s, {}, {}});
    return c;
}

static CapturedRequest probe(quint64 id)
{
    CapturedRequest c;
    c.id = id;
    c.method = "GET";
    c.path = u"/"_s;
    c.warnings.append({u"no-command"_s, {}, {}});
    c.verdict.outcome = Verdict::Outcome::NotCallback; // what the engine says of a request with no command
    c.verdict.reason = {u"not-callback"_s, {}, {}};
    return c;
}

class TestCaptureTableModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneInsertPerBatch()
    {
        CaptureTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.appendBatch(batch(1, 1000));
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QCOMPARE(inserted.first().at(2).toInt(), 999);
        QCOMPARE(model.rowCount(), 1000);
    }

    void capacityDropsOldest()
    {
        CaptureTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCapacity(100);
        model.appendBatch(batch(1, 80));
        model.appendBatch(batch(81, 80));
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.droppedCount(), 60u);
        QCOMPARE(model.data(model.index(0, 0), CaptureTableModel::CaptureIdRole).toULongLong(), 61u);
        // A batch larger than the capacity keeps only its newest rows.
        model.appendBatch(batch(1000, 250));
        QCOMPARE(model.rowCount(), 100);
        QCOMPARE(model.data(model.index(0, 0), CaptureTableModel::CaptureIdRole).toULongLong(), 1150u);
        QCOMPARE(model.data(model.index(99, 0), CaptureTableModel::CaptureIdRole).toULongLong(), 1249u);
        model.clear();
        QCOMPARE(model.rowCount(), 0);
    }

    // Reliability report 5.5: the table is bounded in bytes as well as rows (huge bodies).
    void memoryLimitDropsOldest()
    {
        CaptureTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<CapturedRequest> big = batch(1, 20);
        for (CapturedRequest &c : big)
            c.body = QByteArray(100 * 1024, 'x');
        model.setMemoryLimit(1024 * 1024); // about nine of them
        model.appendBatch(big.mid(0, 5));
        QCOMPARE(model.rowCount(), 5);
        model.appendBatch(big.mid(5));
        QVERIFY2(model.rowCount() >= 8 && model.rowCount() <= 10,
            QByteArray::number(model.rowCount()).constData());
        QVERIFY(model.memoryUsed() <= 1024 * 1024);
        QCOMPARE(
            model.data(model.index(model.rowCount() - 1, 0), CaptureTableModel::CaptureIdRole).toULongLong(),
            20u);
        model.setPinned(0, true);
        const quint64 pinned = model.data(model.index(0, 0), CaptureTableModel::CaptureIdRole).toULongLong();
        model.appendBatch(batch(100, 1));
        QCOMPARE(model.data(model.index(0, 0), CaptureTableModel::CaptureIdRole).toULongLong(), pinned);
        model.clear();
        QCOMPARE(model.memoryUsed(), 0);
        // One capture larger than the limit is still shown.
        model.setMemoryLimit(1000);
        model.appendBatch(big.mid(0, 1));
        QCOMPARE(model.rowCount(), 1);
    }

    // The filter proxy under the model tester, through appends, trims, filter changes and clears.
    void filterProxyKeepsTheModelContract()
    {
        CaptureTableModel model;
        model.setCapacity(50);
        CaptureFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<CapturedRequest> mixed = batch(1, 40);
        for (int i = 0; i < mixed.size(); i += 2)
            mixed[i].body = R"({"sendID":"carol","recvID":"bob"})";
        model.appendBatch(mixed);
        QVERIFY(proxy.setExpression(u"sendID:carol"_s));
        QCOMPARE(proxy.rowCount(), 20);
        model.appendBatch(batch(41, 30)); // trims 20 of the oldest
        QCOMPARE(model.rowCount(), 50);
        QCOMPARE(proxy.rowCount(), 10);
        QString error;
        QVERIFY(!proxy.setExpression(u"sendID:"_s, &error) || error.isEmpty());
        // An invalid filter is not applied: the last valid one stays (gui walk F12).
        QVERIFY(!proxy.setExpression(u"verdict:blok"_s, &error));
        QVERIFY(error.contains(u"is not a verdict"_s));
        QCOMPARE(proxy.rowCount(), 10);
        QVERIFY(proxy.setExpression(QString()));
        QCOMPARE(proxy.rowCount(), 50);
        proxy.setCommand(u"callbackAfterUserOnlineCommand"_s);
        QCOMPARE(proxy.rowCount(), 0);
        proxy.setCommand(QString());
        model.clear();
        QCOMPARE(proxy.rowCount(), 0);
    }

    // The fields the filter gained (gui walk F12, F21): each keeps some rows and drops others.
    void newFilterFields_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QList<quint64>>("ids");
        QTest::newRow("clientMsgID") << u"clientMsgID:cm-3-"_s << QList<quint64> {3};
        QTest::newRow("content decoded") << u"content:casino"_s << QList<quint64> {2, 4};
        QTest::newRow("content quoted") << u"content:\"royal casino\""_s << QList<quint64> {4};
        QTest::newRow("content not body") << u"content:bob"_s << QList<quint64> {};
        QTest::newRow("delay>") << u"delay>1000"_s << QList<quint64> {3};
        QTest::newRow("delay<") << u"delay<1000"_s << QList<quint64> {1, 2, 4, 5};
        QTest::newRow("delay:> as typed") << u"delay:>100ms"_s << QList<quint64> {2, 3};
        QTest::newRow("delay exact") << u"delay:500"_s << QList<quint64> {2};
        QTest::newRow("has:warning") << u"has:warning"_s << QList<quint64> {4, 5};
        QTest::newRow("-has:warning") << u"-has:warning"_s << QList<quint64> {1, 2, 3};
        QTest::newRow("rule") << u"rule:\"slow rule\""_s << QList<quint64> {2, 3};
        QTest::newRow("combined") << u"has:warning content:casino"_s << QList<quint64> {4};
    }

    void newFilterFields()
    {
        QFETCH(QString, expression);
        QFETCH(QList<quint64>, ids);
        CaptureTableModel model;
        CaptureFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendBatch({varied(1, u"alice"_s, u"hello"_s, 0, false),
            varied(2, u"alice"_s, u"Casino night"_s, 500, false),
            varied(3, u"carol"_s, u"see you"_s, 2000, false),
            varied(4, u"carol"_s, u"royal casino"_s, 0, true), probe(5)});
        QString error;
        QVERIFY2(proxy.setExpression(expression, &error), qPrintable(error));
        QList<quint64> shown;
        for (int row = 0; row < proxy.rowCount(); ++row)
            shown.append(proxy.index(row, 0).data(CaptureTableModel::CaptureIdRole).toULongLong());
        QCOMPARE(shown, ids);
    }

    // Invalid values are errors, as verdict:blok is, and the last valid filter stays.
    void invalidFieldValuesKeepTheLastFilter_data()
    {
        QTest::addColumn<QString>("expression");
        QTest::addColumn<QString>("message");
        QTest::newRow("delay>") << u"delay>soon"_s << u"not a number of milliseconds"_s;
        QTest::newRow("delay<") << u"delay<"_s << u"not a number of milliseconds"_s;
        QTest::newRow("delay:") << u"delay:x"_s << u"not a number"_s;
        QTest::newRow("status") << u"status:ok"_s << u"not a number"_s;
        QTest::newRow("has") << u"has:rules"_s << u"has:warning"_s;
        QTest::newRow("unknown field") << u"msgID:1"_s << u"clientMsgID"_s;
    }

    void invalidFieldValuesKeepTheLastFilter()
    {
        QFETCH(QString, expression);
        QFETCH(QString, message);
        CaptureTableModel model;
        CaptureFilterProxy proxy;
        proxy.setSourceModel(&model);
        model.appendBatch(
            {varied(1, u"alice"_s, u"hi"_s, 0, false), varied(2, u"carol"_s, u"hi"_s, 0, true)});
        QVERIFY(proxy.setExpression(u"has:warning"_s));
        QCOMPARE(proxy.rowCount(), 1);
        QString error;
        QVERIFY(!proxy.setExpression(expression, &error));
        QVERIFY2(error.contains(message), qPrintable(error));
        QCOMPARE(proxy.rowCount(), 1);
        QVERIFY(proxy.isActive());
    }

    // A GET / probe is not a callback (gui walk F5), and the warnings column counts and lists.
    void probeAndWarningsColumns()
    {
        CaptureTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendBatch({probe(1), varied(2, u"alice"_s, u"hi"_s, 0, false)});
        QCOMPARE(
            model.data(model.index(0, CaptureTableModel::VerdictColumn)).toString(), u"not a callback"_s);
        QVERIFY(model.data(model.index(0, CaptureTableModel::VerdictColumn), Qt::ToolTipRole)
                    .toString()
                    .contains(u"never sends"_s));
        QCOMPARE(model.data(model.index(1, CaptureTableModel::VerdictColumn)).toString(), u"continue"_s);
        QCOMPARE(model.data(model.index(0, CaptureTableModel::WarningsColumn)).toString(), u"\u26A0 1"_s);
        QVERIFY(model.data(model.index(0, CaptureTableModel::WarningsColumn), Qt::ToolTipRole)
                    .toString()
                    .contains(u"No callback command"_s));
        QCOMPARE(model.data(model.index(1, CaptureTableModel::WarningsColumn)).toString(), QString());
        QCOMPARE(model.data(model.index(1, CaptureTableModel::ClientMsgIdColumn)).toString(), u"cm-2-end"_s);
    }

    // "Filter on This Value": every cell's expression is valid and keeps its own row.
    void cellFilterExpressionsMatchTheirRow()
    {
        CaptureTableModel model;
        CaptureFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendBatch({varied(1, u"alice"_s, u"hello"_s, 0, false),
            varied(2, u"carol"_s, u"royal casino"_s, 2000, true), probe(3)});
        QCOMPARE(model.filterExpression(1, CaptureTableModel::PartiesColumn), u"sendID:carol"_s);
        QCOMPARE(model.filterExpression(1, CaptureTableModel::ContentColumn), u"content:\"royal casino\""_s);
        QCOMPARE(model.filterExpression(1, CaptureTableModel::WarningsColumn), u"has:warning"_s);
        QCOMPARE(model.filterExpression(1, CaptureTableModel::IdColumn), QString());
        QCOMPARE(model.filterExpression(2, CaptureTableModel::VerdictColumn), u"verdict:notCallback"_s);
        QCOMPARE(model.cellValue(1, CaptureTableModel::ContentColumn), u"royal casino"_s);
        for (int row = 0; row < model.rowCount(); ++row) {
            for (int column = 0; column < CaptureTableModel::ColumnCount; ++column) {
                const QString expression = model.filterExpression(row, column);
                if (expression.isEmpty())
                    continue;
                QString error;
                QVERIFY2(proxy.setExpression(expression, &error), qPrintable(expression + u' ' + error));
                bool found = false;
                for (int shown = 0; shown < proxy.rowCount(); ++shown)
                    found = found || proxy.mapToSource(proxy.index(shown, 0)).row() == row;
                QVERIFY2(found, qPrintable(expression));
                QVERIFY2(proxy.rowCount() < model.rowCount() || column == CaptureTableModel::StatusColumn
                        || column == CaptureTableModel::CommandColumn,
                    qPrintable(expression));
            }
        }
    }

    // A held callback is a paused row at once (gui walk F15); its capture, carrying the hold's
    // number, replaces that row in place (no insert, no remove), and trimming never drops it.
    void pausedRowIsReplacedInPlace()
    {
        CaptureTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCapacity(5);
        model.appendBatch(batch(1, 2));
        CapturedRequest held = batch(0, 1).first();
        held.id = 0;
        model.addPaused(42, held, 5000);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOfHold(42), 2);
        QCOMPARE(model.index(2, 0).data(CaptureTableModel::HoldIdRole).toULongLong(), 42u);
        QVERIFY(model.index(2, CaptureTableModel::VerdictColumn).data().toString().startsWith(u"paused, "_s));
        QVERIFY(*model.pausedMsLeft(2) > 4000);
        QVERIFY(!model.pausedMsLeft(0));
        model.appendBatch(batch(3, 6)); // past the capacity: the paused row stays
        QCOMPARE(model.rowOfHold(42), 0);
        QCOMPARE(model.rowCount(), 5); // counted like a pinned row
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        CapturedRequest answered = held;
        answered.id = 9;
        answered.hold = {HoldRecord::End::ByHand, 5000, 42};
        model.appendBatch({answered});
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(model.rowCount(), 5);
        QVERIFY(!changed.isEmpty());
        QCOMPARE(model.index(0, 0).data(CaptureTableModel::CaptureIdRole).toULongLong(), 9u);
        QCOMPARE(model.rowOfHold(42), -1);
        QCOMPARE(model.index(0, CaptureTableModel::RuleColumn).data().toString(), u"(answered by hand)"_s);
    }

    void pinnedRowsSurviveTrimming()
    {
        CaptureTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCapacity(10);
        model.appendBatch(batch(1, 10));
        model.setPinned(2, true); // id 3
        model.setPinned(5, true); // id 6
        model.appendBatch(batch(11, 8));
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.data(model.index(0, 0), CaptureTableModel::CaptureIdRole).toULongLong(), 3u);
        QCOMPARE(model.data(model.index(1, 0), CaptureTableModel::CaptureIdRole).toULongLong(), 6u);
        QCOMPARE(model.data(model.index(2, 0), CaptureTableModel::CaptureIdRole).toULongLong(), 11u);
        QVERIFY(model.isPinned(0));
        QVERIFY(model.data(model.index(0, 0)).toString().endsWith(u" 3"_s));
        QCOMPARE(model.droppedCount(), 8u);
        model.setPinned(0, false);
        model.appendBatch(batch(100, 1));
        QCOMPARE(model.data(model.index(0, 0), CaptureTableModel::CaptureIdRole).toULongLong(), 6u);
    }

    void historyRowsPageInAboveAndGoFirst()
    {
        CaptureTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setCapacity(10);
        model.appendBatch(batch(101, 10)); // live rows 101..110
        QCOMPARE(model.historyCursor(), 101u);
        model.prependHistory(batch(91, 10), 91); // older rows 91..100 from the file
        QCOMPARE(model.rowCount(), 20);
        QCOMPARE(model.historyCount(), 10);
        QCOMPARE(model.captureAt(0)->id, 91u);
        QCOMPARE(model.historyCursor(), 91u);
        QCOMPARE(model.droppedCount(), 0u); // history does not count against the capacity
        // A filtered load that read down to 50 but kept only 61..62: the next page starts below 50.
        model.prependHistory(batch(61, 2), 50);
        QCOMPARE(model.historyCursor(), 50u);
        // Three live rows arrive: all history rows go before the three oldest live ones (no gap).
        model.appendBatch(batch(111, 3));
        QCOMPARE(model.historyCount(), 0);
        QCOMPARE(model.rowCount(), 10);
        QCOMPARE(model.captureAt(0)->id, 104u);
        QCOMPARE(model.droppedCount(), 3u);
        QCOMPARE(model.historyCursor(), 104u); // trimmed: back to the oldest row shown
    }

    void dropHistoryKeepsLiveAndPinnedRows()
    {
        CaptureTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.appendBatch(batch(11, 5));
        model.prependHistory(batch(1, 10), 1);
        model.setPinned(3, true); // id 4
        model.dropHistory();
        QCOMPARE(model.historyCount(), 0);
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.captureAt(0)->id, 4u);
        QCOMPARE(model.captureAt(1)->id, 11u);
    }

    void displayedColumns()
    {
        CaptureTableModel model;
        model.appendBatch(batch(7, 1));
        QCOMPARE(
            model.data(model.index(0, CaptureTableModel::PartiesColumn)).toString(), u"alice \u2192 bob"_s);
        QCOMPARE(model.data(model.index(0, CaptureTableModel::ContentColumn)).toString(), u"hello"_s);
        QVERIFY(
            model.data(model.index(0, CaptureTableModel::CommandColumn)).toString().contains(u"before"_s));
        QCOMPARE(model.data(model.index(0, CaptureTableModel::StatusColumn)).toInt(), 200);
    }

    // A rewritten content shows what OpenIM goes on with, marked, with the original in the tooltip
    // (gui walk F17); other rows are untouched.
    void rewrittenContentShowsTheEffectiveText()
    {
        CaptureTableModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<CapturedRequest> rows = batch(1, 2);
        CapturedRequest &c = rows[1];
        c.command = u"callbackBeforeMsgModifyCommand"_s;
        c.canonicalCommand = c.command;
        c.reply.body = "{\"actionCode\":0,\"errCode\":0,\"nextCode\":0,"
                       "\"CONTENT\":\"{\\\"content\\\":\\\"*** masked ***\\\"}\"}";
        VerdictEngine::Input in;
        in.command = c.command;
        in.requestBody = QJsonDocument::fromJson(c.body).object();
        in.reply = c.reply;
        c.verdict = VerdictEngine::compute(in);
        QCOMPARE(c.verdict.outcome, Verdict::Outcome::Modified);
        model.appendBatch(rows);
        const QModelIndex plain = model.index(0, CaptureTableModel::ContentColumn);
        const QModelIndex rewritten = model.index(1, CaptureTableModel::ContentColumn);
        QCOMPARE(plain.data().toString(), u"hello"_s);
        QVERIFY(plain.data(Qt::ToolTipRole).toString().isEmpty());
        QCOMPARE(rewritten.data().toString(), u"\u270E *** masked ***"_s);
        QVERIFY2(rewritten.data(Qt::ToolTipRole).toString().contains(u"OpenIM sent: hello"_s),
            qPrintable(rewritten.data(Qt::ToolTipRole).toString()));
        // Filters and Copy Value keep what OpenIM sent.
        QCOMPARE(model.cellValue(1, CaptureTableModel::ContentColumn), u"hello"_s);
    }

    // The code the API caller gets after a denial differs per OpenIM version (versions.md D2).
    void blockedShowsTheCallersCode()
    {
        VerdictEngine::Input in;
        in.command = u"callbackBeforeSendSingleMsgCommand"_s;
        auto textFor = [&](Profile profile, const char *reply) {
            in.profile = profile;
            in.reply.body = reply;
            return CaptureTableModel::verdictText(VerdictEngine::compute(in));
        };
        const char *deny42 = "{\"actionCode\":0,\"errCode\":42,\"nextCode\":1}";
        const char *deny0 = "{\"actionCode\":0,\"errCode\":0,\"nextCode\":1}";
        QCOMPARE(textFor(Profile::V3_8_2, deny42), u"block (42)"_s);
        QCOMPARE(textFor(Profile::Main, deny42), u"block: the caller sees 500"_s);
        QCOMPARE(textFor(Profile::V3_8_2, deny0), u"block: the caller sees 500"_s);
        QCOMPARE(textFor(Profile::Main, deny0), u"block: the caller sees success"_s);
    }

    void parties_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("parties");
        QTest::newRow("group message")
            << QByteArray(R"({"sendID":"a","groupID":"g1"})") << u"a \u2192 group g1"_s;
        QTest::newRow("friend request")
            << QByteArray(R"({"fromUserID":"a","toUserID":"b"})") << u"a \u2192 b"_s;
        QTest::newRow("user online") << QByteArray(R"({"userID":"u9"})") << u"u9"_s;
        QTest::newRow("push list") << QByteArray(R"({"userIDList":["a","b"]})") << u"2 user(s)"_s;
        QTest::newRow("nothing") << QByteArray("{}") << QString();
    }

    void parties()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, parties);
        QCOMPARE(CaptureTableModel::partiesOf(QJsonDocument::fromJson(body).object()), parties);
    }
};

QTEST_MAIN(TestCaptureTableModel)
#include "tst_capturetablemodel.moc"
