// SPDX-License-Identifier: MIT
#include "stallprobe.h"

#include <QDateTime>

#include <ctime>

namespace cbi {

// The calling thread's CPU time: a late tick with little CPU spent was waiting for a core (a busy
// machine), not blocked by the window's own work.
static qint64 threadCpuNs()
{
    timespec ts {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

std::unique_ptr<StallProbe> StallProbe::fromEnvironment()
{
    const QString path = qEnvironmentVariable("CBI_STALL_LOG");
    if (path.isEmpty())
        return nullptr;
    auto probe = std::make_unique<StallProbe>(path);
    if (!probe->isOpen()) {
        qWarning("CBI_STALL_LOG: cannot write %s", qPrintable(path));
        return nullptr;
    }
    return probe;
}

StallProbe::StallProbe(const QString &path, int intervalMs, QObject *parent)
    : QObject(parent)
    , m_file(path)
    , m_intervalNs(qint64(intervalMs) * 1000000)
{
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text))
        return;
    // Precise: a coarse timer may fire up to 5 % early or late by design, which is not a stall.
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &StallProbe::tick);
    m_clock.start();
    m_lastCpuNs = threadCpuNs();
    m_timer.start();
}

StallProbe::~StallProbe()
{
    flush();
}

void StallProbe::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    // Between ticks rather than against a schedule: after a stall Qt's timer restarts its interval
    // from the late tick instead of firing the missed ones, so the next gap is normal again.
    const qint64 lateUs = qMax<qint64>(0, now - m_lastNs - m_intervalNs) / 1000;
    const qint64 cpu = threadCpuNs();
    const qint64 cpuUs = (cpu - m_lastCpuNs) / 1000;
    m_lastNs = now;
    m_lastCpuNs = cpu;
    ++m_ticks;
    m_maxUs = qMax(m_maxUs, lateUs);
    m_pending += QByteArray::number(QDateTime::currentMSecsSinceEpoch()) + ' '
        + QByteArray::number(lateUs / 1000.0, 'f', 3) + ' ' + QByteArray::number(cpuUs / 1000.0, 'f', 3)
        + '\n';
    if (now - m_flushedNs >= 1000000000)
        flush();
}

void StallProbe::flush()
{
    m_flushedNs = m_clock.isValid() ? m_clock.nsecsElapsed() : 0;
    if (m_pending.isEmpty() || !m_file.isOpen())
        return;
    m_file.write(m_pending);
    m_file.flush();
    m_pending.clear();
}

} // namespace cbi
