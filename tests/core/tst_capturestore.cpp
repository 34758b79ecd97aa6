// SPDX-License-Identifier: MIT
#include "capture/capturestats.h"
#include "capture/capturestore.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

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
