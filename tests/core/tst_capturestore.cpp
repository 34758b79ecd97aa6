// SPDX-License-Identifier: MIT
#include "capture/capturediff.h"
#include "capture/capturestats.h"
#include "capture/capturestore.h"
#include "capture/capturetimeline.h"

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
};

QTEST_GUILESS_MAIN(TestCaptureStore)
#include "tst_capturestore.moc"
