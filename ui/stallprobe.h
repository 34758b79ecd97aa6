// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QTimer>

#include <memory>

namespace cbi {

// Measures how long the GUI thread's event loop is blocked (the "UI stall" of the performance
// issue; bench/gui.sh): a timer ticks every interval and each tick records how much later than the
// interval it came. Opt-in (CBI_STALL_LOG=FILE) so that the window pays nothing otherwise.
// FILE gets one line per tick, "unix-ms lateness-ms cpu-ms", appended about once a second: a bench
// that kills the window loses at most a second, and it cuts the run into phases by the timestamps.
// cpu-ms is the GUI thread's CPU time since the previous tick (Linux, CLOCK_THREAD_CPUTIME_ID).
class StallProbe : public QObject
{
    Q_OBJECT
public:
    // A probe writing to $CBI_STALL_LOG, or nullptr (and no timer, no file) when it is unset.
    static std::unique_ptr<StallProbe> fromEnvironment();

    explicit StallProbe(const QString &path, int intervalMs = 10, QObject *parent = nullptr);
    ~StallProbe() override; // writes what is left

    bool isOpen() const { return m_file.isOpen(); }
    qint64 ticks() const { return m_ticks; }
    double maxStallMs() const { return m_maxUs / 1000.0; }
    void flush();

private:
    void tick();

    QFile m_file;
    QTimer m_timer;
    QElapsedTimer m_clock;
    QByteArray m_pending;
    qint64 m_lastNs = 0;
    qint64 m_lastCpuNs = 0;
    qint64 m_flushedNs = 0;
    qint64 m_intervalNs = 0;
    qint64 m_ticks = 0;
    qint64 m_maxUs = 0;
};

} // namespace cbi
