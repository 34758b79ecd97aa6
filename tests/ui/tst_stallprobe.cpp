// SPDX-License-Identifier: MIT
// The UI-stall probe of bench/gui.sh: it sees the event loop blocked, writes what it saw, and
// exists only when CBI_STALL_LOG asks for it.
#include "stallprobe.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <ctime>

using namespace cbi;

namespace {
// One column of the probe's file ("unix-ms lateness-ms cpu-ms"), one value per tick.
QList<double> columnIn(const QString &path, int column)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<double> values;
    for (const QByteArray &line : file.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() == 3 && fields.at(0).toLongLong() > 0)
            values.append(fields.at(column).toDouble());
    }
    return values;
}
QList<double> stallsIn(const QString &path)
{
    return columnIn(path, 1);
}

// Spins until this thread has run for ms of CPU time, the way a slow slot blocks the loop; counted in
// CPU time so that a busy machine stretches the stall instead of shrinking the work.
void busyFor(int ms)
{
    auto cpuMs = [] {
        timespec ts {};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1000000;
    };
    const qint64 start = cpuMs();
    while (cpuMs() - start < ms) { }
}
} // namespace

class TestStallProbe : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void recordsABlockedLoop()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("stalls.txt"));
        StallProbe probe(path, 10);
        QVERIFY(probe.isOpen());
        QTest::qWait(100);
        QMetaObject::invokeMethod(
            this, [] { busyFor(200); }, Qt::QueuedConnection);
        QTest::qWait(300);
        QTRY_VERIFY(probe.ticks() >= 15);
        probe.flush();

        const QList<double> stalls = stallsIn(path);
        QCOMPARE(stalls.size(), probe.ticks());
        const double worst = *std::max_element(stalls.cbegin(), stalls.cend());
        QVERIFY2(worst >= 150, qPrintable(QString::number(worst)));
        QCOMPARE(worst, probe.maxStallMs());
        // The tick after the stall is not late again (no burst of missed ticks counted twice).
        const qsizetype at = stalls.indexOf(worst);
        QVERIFY(at + 1 < stalls.size());
        QVERIFY2(stalls.at(at + 1) < 150, qPrintable(QString::number(stalls.at(at + 1))));
        // The busy loop ran on this thread: its CPU time is in that tick's gap.
        const QList<double> cpu = columnIn(path, 2);
        QCOMPARE(cpu.size(), stalls.size());
        QVERIFY2(cpu.at(at) >= 150, qPrintable(QString::number(cpu.at(at))));
    }

    void appendsAcrossRuns()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("stalls.txt"));
        qint64 first = 0;
        {
            StallProbe probe(path, 10);
            QTRY_VERIFY(probe.ticks() >= 3);
            first = probe.ticks();
        } // the destructor writes what is left
        QCOMPARE(stallsIn(path).size(), first);
        {
            StallProbe probe(path, 10);
            QTRY_VERIFY(probe.ticks() >= 3);
            first += probe.ticks();
        }
        QCOMPARE(stallsIn(path).size(), first);
    }

    void onlyWhenAskedFor()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("stalls.txt"));
        qunsetenv("CBI_STALL_LOG");
        QVERIFY(!StallProbe::fromEnvironment());
        qputenv("CBI_STALL_LOG", "");
        QVERIFY(!StallProbe::fromEnvironment());
        QVERIFY(!QFile::exists(path));

        qputenv("CBI_STALL_LOG", path.toLocal8Bit());
        auto probe = StallProbe::fromEnvironment();
        QVERIFY(probe);
        QVERIFY(QFile::exists(path));
        QTRY_VERIFY(probe->ticks() >= 3);
        // A file it cannot write: no probe, and the window still starts.
        qputenv("CBI_STALL_LOG", dir.filePath(QStringLiteral("missing/dir/stalls.txt")).toLocal8Bit());
        QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("CBI_STALL_LOG: cannot write")));
        QVERIFY(!StallProbe::fromEnvironment());
        qunsetenv("CBI_STALL_LOG");
    }
};

QTEST_MAIN(TestStallProbe)
#include "tst_stallprobe.moc"
