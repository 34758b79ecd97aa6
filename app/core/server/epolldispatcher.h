// SPDX-License-Identifier: MIT
#pragma once

#include <QAbstractEventDispatcher>
#include <QHash>
#include <QList>

#include <atomic>
#include <map>

class QSocketNotifier;

namespace cbi {

// An event dispatcher over Linux epoll, for the server's thread. Qt 6.4's own dispatchers (poll, or
// GLib's) hand the kernel every open socket on every loop iteration: with 10,000 connections waiting
// on delayed replies that was 60 % of the server's time (docs/performance.md). epoll is told once per
// change and returns only the sockets that are ready. Timers sit in a map ordered by deadline; every
// timer fires precisely (coarse ones too: cheap with few timers, and never early).
class EpollDispatcher : public QAbstractEventDispatcher
{
    Q_OBJECT
public:
    explicit EpollDispatcher(QObject *parent = nullptr);
    ~EpollDispatcher() override;

    bool processEvents(QEventLoop::ProcessEventsFlags flags) override;
    void registerSocketNotifier(QSocketNotifier *notifier) override;
    void unregisterSocketNotifier(QSocketNotifier *notifier) override;
    void registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object) override;
    bool unregisterTimer(int timerId) override;
    bool unregisterTimers(QObject *object) override;
    QList<TimerInfo> registeredTimers(QObject *object) const override;
    int remainingTime(int timerId) override;
    void wakeUp() override;
    void interrupt() override;

private:
    struct Watch
    {
        QSocketNotifier *notifier[3] = {}; // by QSocketNotifier::Type: Read, Write, Exception
        uint32_t inKernel = 0; // the events epoll has for the descriptor
        bool dirty = false; // in m_dirty
    };
    struct Timer
    {
        qint64 intervalMs = 0;
        Qt::TimerType type = Qt::CoarseTimer;
        QObject *object = nullptr;
        std::multimap<qint64, int>::iterator due; // in m_deadlines
        bool firing = false; // no nested activation while its handler runs
    };

    void updateWatch(int fd);
    void applyChanges();
    int activateTimers();
    qint64 schedule(int timerId, Timer &timer, qint64 nowNs);

    int m_epoll = -1;
    int m_wake = -1; // eventfd: wakeUp() from any thread
    std::atomic<bool> m_wakePending {false};
    std::atomic<bool> m_interrupted {false};
    QHash<int, Watch> m_watches; // by descriptor
    QList<int> m_dirty; // descriptors whose events changed since the last epoll_wait
    QList<int> m_alwaysReady; // regular files (epoll refuses them): ready every round, as with poll()
    QList<QSocketNotifier *> m_activated; // this round's, in order; unregistering removes
    QHash<int, Timer> m_timers; // by timer id
    std::multimap<qint64, int> m_deadlines; // monotonic ns -> timer id
};

} // namespace cbi
