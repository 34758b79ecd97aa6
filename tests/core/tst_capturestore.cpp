// SPDX-License-Identifier: MIT
#include "capture/capturediff.h"
#include "capture/capturestats.h"
#include "capture/capturestore.h"
#include "capture/capturetimeline.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <algorithm>
#include <numeric>

using namespace cbi;
using namespace Qt::StringLiterals;

static CapturedRequest capture(quint64 id)
{
    CapturedRequest c;
    c.id = id;
    return c;
}

class TestCaptureStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void diffAlignsLinesAndIgnoresKeyOrder()
    {
        CapturedRequest a;
        a.method = "POST";
        a.path = u"/callbackExample/x"_s;
        a.httpVersion = "HTTP/1.1";
        a.headers = {{"operationID", "1"}, {"Content-Type", "application/json"}};
        a.body = "{\"sendID\":\"alice\",\"content\":\"hi\"}";
        CapturedRequest b = a;
        b.headers = {{"Content-Type", "application/json"}, {"operationID", "1"}};
        b.body = "{\"content\":\"hi\",\"sendID\":\"alice\"}"; // same fields, other order
        const auto same = CaptureDiff::diff(CaptureDiff::lines(a), CaptureDiff::lines(b));
        QVERIFY(std::all_of(same.begin(), same.end(),
            [](const CaptureDiff::Line &l) { return l.kind == CaptureDiff::Line::Kind::Same; }));
        b.body = "{\"content\":\"bye\",\"sendID\":\"alice\"}";
        const auto changed = CaptureDiff::diff(CaptureDiff::lines(a), CaptureDiff::lines(b));
        QList<QString> left;
        QList<QString> right;
        for (const auto &l : changed) {
            if (l.kind == CaptureDiff::Line::Kind::OnlyLeft)
                left.append(l.text.trimmed());
            if (l.kind == CaptureDiff::Line::Kind::OnlyRight)
                right.append(l.text.trimmed());
        }
        QCOMPARE(left, QList<QString> {u"\"content\": \"hi\","_s});
        QCOMPARE(right, QList<QString> {u"\"content\": \"bye\","_s});
    }

    void timelineFollowsMessageAndOperation()
    {
        auto capture = [](quint64 id, int second, const QString &op, const QByteArray &body) {
            CapturedRequest c;
            c.id = id;
            c.receivedAt = QDateTime::fromSecsSinceEpoch(1800000000 + second, Qt::UTC);
            c.operationID = op;
            c.body = body;
            return c;
        };
        const QList<CapturedRequest> all {capture(1, 3, u"op-b"_s, "{\"clientMsgID\":\"m1\"}"), // after send
            capture(2, 1, u"op-a"_s, "{\"clientMsgID\":\"m1\"}"), // before send
            capture(3, 2, u"op-a"_s, "{}"), // same operation, no message id
            capture(4, 4, u"op-c"_s, "{\"msg\":{\"clientMsgID\":\"m1\"}}"), // push carries it in msg
            capture(5, 5, u"op-d"_s, "{\"clientMsgID\":\"m2\"}")}; // another message
        QList<quint64> ids;
        for (const auto &c : CaptureTimeline::related(all.at(1), all))
            ids.append(c.id);
        QCOMPARE(ids, (QList<quint64> {2, 3, 1, 4}));
    }

    void statsBucketPerSecondAndWait()
    {
        const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1800000000, Qt::UTC);
        auto capture = [](const QDateTime &at, const QString &command, int delayMs,
                           Fault fault = Fault::None) {
            CapturedRequest c;
            c.receivedAt = at;
            c.command = command;
            c.reply.delayMs = delayMs;
            c.reply.fault = fault;
            c.verdict.outcome = Verdict::Outcome::Continue;
            return c;
        };
        CaptureStats stats;
        for (int i = 0; i < 3; ++i)
            stats.add(capture(t0, u"a"_s, 0));
        stats.add(capture(t0.addSecs(5), u"b"_s, 20));
        stats.add(capture(t0.addSecs(-200), u"a"_s, 20000)); // outside the two-minute window
        stats.add(capture(t0.addSecs(5), u"b"_s, 0, Fault::Hang));
        const QList<int> all = stats.perSecond(t0.toSecsSinceEpoch() + 5);
        QCOMPARE(all.size(), CaptureStats::windowSeconds);
        QCOMPARE(all.last(), 2);
        QCOMPARE(all.at(all.size() - 6), 3);
        QCOMPARE(std::accumulate(all.begin(), all.end(), 0), 5);
        QCOMPARE(stats.perSecond(t0.toSecsSinceEpoch() + 5, u"b"_s).last(), 2);
        QCOMPARE(stats.perSecond(t0.toSecsSinceEpoch() + 5, u"nope"_s).last(), 0);
        // Two minutes later the same ring slots hold new seconds, not the old counts.
        QCOMPARE(stats.perSecond(t0.toSecsSinceEpoch() + 5 + CaptureStats::windowSeconds).last(), 0);
        QCOMPARE(stats.total(), 6);
        QCOMPARE(stats.perCommand().value(u"a"_s), 4);
        QCOMPARE(stats.outcomeCount(Verdict::Outcome::Continue), 6);
        const QList<qint64> &waits = stats.waitHistogram();
        QCOMPARE(waits.at(0), 3); // <= 1 ms
        QCOMPARE(waits.at(2), 1); // <= 50 ms
        QCOMPARE(waits.last(), 1); // above 15 s
        QCOMPARE(stats.noReply(), 1);
        // Waits 0, 0, 0, 20, 20000 ms (the hang got no reply): the median and the slow tail.
        QCOMPARE(stats.waitPercentile(0.5), 0);
        QCOMPARE(stats.waitPercentile(0.7), 20);
        QCOMPARE(stats.waitPercentile(0.99), 20000);
        QCOMPARE(CaptureStats().waitPercentile(0.5), -1);
    }

    void boundedDropsOldest()
    {
        CaptureStore store(100);
        for (quint64 i = 1; i <= 250; ++i)
            store.append(capture(i));
        QCOMPARE(store.size(), 100);
        QCOMPARE(store.droppedCount(), 150u);
        QCOMPARE(store.totalAppended(), 250u);
        const auto items = store.snapshot();
        QCOMPARE(items.first().id, 151u);
        QCOMPARE(items.last().id, 250u);
    }

    void batchesFromAnotherThread()
    {
        CaptureStore store(100000);
        store.setFlushIntervalMs(20);
        QSignalSpy spy(&store, &CaptureStore::capturesAdded);
        constexpr int perThread = 5000;
        QList<QThread *> threads;
        for (int t = 0; t < 2; ++t) {
            threads.append(QThread::create([&store, t] {
                for (int i = 0; i < perThread; ++i)
                    store.append(capture(quint64(t * perThread + i + 1)));
            }));
            threads.last()->start();
        }
        for (QThread *t : threads) {
            QVERIFY(t->wait(10000));
            delete t;
        }
        qsizetype delivered = 0;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                delivered = 0;
                for (const auto &args : spy)
                    delivered += args.first().value<QList<CapturedRequest>>().size();
                return delivered == 2 * perThread;
            }(),
            5000);
        // Ten thousand appends arrive in a handful of batches, not one signal each.
        QVERIFY2(spy.size() < 50, qPrintable(QString::number(spy.size())));
        QCOMPARE(store.size(), 2 * perThread);
    }

    void clearEmptiesButKeepsCounting()
    {
        CaptureStore store(10);
        QSignalSpy cleared(&store, &CaptureStore::cleared);
        store.append(capture(1));
        store.clear();
        QCOMPARE(store.size(), 0);
        QCOMPARE(cleared.size(), 1);
        QCOMPARE(store.totalAppended(), 1u);
    }

    // Large bodies leave memory once the file has them and their batch was delivered; the consumers
    // are told, and withBody() reads the whole body back (here from a map standing for the file).
    void largeBodiesSpillOnceWrittenAndDelivered()
    {
        CaptureStore store(100);
        store.setFlushIntervalMs(1);
        QHash<quint64, QByteArray> file;
        store.setBodySpill(1024, [&file](quint64 id, QByteArray *body, QString *) {
            if (!file.contains(id))
                return false;
            *body = file.value(id);
            return true;
        });
        QSignalSpy added(&store, &CaptureStore::capturesAdded);
        QSignalSpy spilled(&store, &CaptureStore::bodiesSpilled);
        const QByteArray big = "{\"sendID\":\"alice\",\"content\":\"" + QByteArray(5000, 'x') + "\"}";
        for (quint64 id = 1; id <= 3; ++id) {
            CapturedRequest c = capture(id);
            c.body = id == 2 ? QByteArrayLiteral("{\"small\":true}") : big;
            file.insert(id, c.body);
            store.append(c);
        }
        const qint64 before = store.memoryUsed();
        QTRY_COMPARE(added.size(), 1);
        QVERIFY(spilled.isEmpty()); // delivered, but not in the file yet
        QCOMPARE(store.snapshot().at(0).body, big);

        store.noteWritten(1);
        QTRY_COMPARE(spilled.size(), 1);
        auto abridged = spilled.at(0).at(0).value<QList<CapturedRequest>>();
        QCOMPARE(abridged.size(), 1);
        QCOMPARE(abridged.at(0).id, 1u);
        store.noteWritten(3);
        QTRY_COMPARE(spilled.size(), 2);
        abridged = spilled.at(1).at(0).value<QList<CapturedRequest>>();
        QCOMPARE(abridged.size(), 1); // the small body stays
        QCOMPARE(abridged.at(0).id, 3u);

        const QList<CapturedRequest> held = store.snapshot();
        QVERIFY(held.at(0).isBodySpilled());
        QVERIFY(!held.at(1).isBodySpilled());
        QCOMPARE(held.at(0).spilledBodySize, big.size());
        QVERIFY(held.at(0).body.size() < 1200);
        // Still JSON: the table's parties and filters read the abridged body.
        const QJsonObject o = QJsonDocument::fromJson(held.at(0).body).object();
        QCOMPARE(o.value("sendID"_L1).toString(), "alice"_L1);
        QVERIFY(o.value("content"_L1).toString().startsWith("xxxx"_L1));
        QVERIFY(store.memoryUsed() < before - 2 * 3500); // 5 kB bodies, 1 kB abridged

        QString error;
        const CapturedRequest whole = store.withBody(held.at(0), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(whole.body, big);
        QVERIFY(!whole.isBodySpilled());
        // Its JSON never passes an abridged body off as the whole one.
        const QJsonObject json = held.at(0).toJson();
        QVERIFY(json.value("bodyAbridged"_L1).toBool());
        QCOMPARE(json.value("bodySize"_L1).toInteger(), big.size());
        QCOMPARE(CapturedRequest::fromJson(json).spilledBodySize, big.size());

        // A file that lost the body, or holds another one: an error, and the abridged capture.
        file.insert(1, "short");
        const CapturedRequest wrong = store.withBody(held.at(0), &error);
        QVERIFY(wrong.isBodySpilled());
        QVERIFY2(error.contains("#1"_L1), qPrintable(error));
        file.remove(1);
        error.clear();
        QVERIFY(store.withBody(held.at(0), &error).isBodySpilled());
        QVERIFY(!error.isEmpty());
    }

    // Not a JSON object: the first 4 KiB; without a spill threshold nothing leaves memory.
    void abridgedBodiesAndNoSpillByDefault()
    {
        const QByteArray raw(100000, 'r');
        QCOMPARE(CapturedRequest::abridgedBody(raw), raw.left(4096));
        // A huge list is not cut (a count would lie): still over 64 KiB, so the prefix.
        QByteArray list = "[";
        for (int i = 0; i < 20000; ++i)
            list += "\"u" + QByteArray::number(i) + "\",";
        list.chop(1);
        list += "]";
        QCOMPARE(CapturedRequest::abridgedBody(list), list.left(4096));

        // Cut in place: keys stay in wire order, never inside an escape or a character.
        QByteArray escaped = "{\"zeta\":\"";
        for (int i = 0; i < 1500; ++i)
            escaped += i % 2 ? "\\u00e9" : "\u732b";
        escaped += "\",\"alpha\":[1,2,3],\"quote\":\"a\\\"b\"}";
        const QByteArray cut = CapturedRequest::abridgedBody(escaped);
        QVERIFY(cut.size() < escaped.size());
        const QJsonObject o = QJsonDocument::fromJson(cut).object();
        QVERIFY2(!o.isEmpty(), cut.constData());
        QCOMPARE(o.value("zeta"_L1).toString().size(), 1001); // 1,000 characters and the ellipsis
        QVERIFY(cut.indexOf("zeta") < cut.indexOf("alpha"));
        QCOMPARE(o.value("quote"_L1).toString(), "a\"b"_L1);

        CaptureStore store(10);
        store.setFlushIntervalMs(1);
        QSignalSpy spilled(&store, &CaptureStore::bodiesSpilled);
        CapturedRequest c = capture(1);
        c.body = raw;
        store.append(c);
        store.noteWritten(1);
        store.flush();
        QVERIFY(spilled.isEmpty());
        QCOMPARE(store.snapshot().at(0).body, raw);
    }
};

QTEST_GUILESS_MAIN(TestCaptureStore)
#include "tst_capturestore.moc"
