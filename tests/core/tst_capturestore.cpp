// SPDX-License-Identifier: MIT
#include "capture/capturestore.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace cbi;

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
