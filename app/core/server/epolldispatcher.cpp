// SPDX-License-Identifier: MIT
#include "epolldispatcher.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTimerEvent>

#include <cerrno>
#include <ctime>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

namespace cbi {

namespace {
qint64 monotonicNs()
{
    timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

constexpr uint32_t wakeTag = 0xffffffffu; // epoll data of the eventfd (descriptors are smaller)
} // namespace

EpollDispatcher::EpollDispatcher(QObject *parent)
    : QAbstractEventDispatcher(parent)
    , m_epoll(epoll_create1(EPOLL_CLOEXEC))
    , m_wake(eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC))
{
    if (m_epoll < 0 || m_wake < 0)
        qFatal("EpollDispatcher: epoll_create1 or eventfd failed: %s", strerror(errno));
    epoll_event event {};
    event.events = EPOLLIN;
    event.data.u32 = wakeTag;
    epoll_ctl(m_epoll, EPOLL_CTL_ADD, m_wake, &event);
}

EpollDispatcher::~EpollDispatcher()
{
    close(m_wake);
    close(m_epoll);
}

void EpollDispatcher::registerSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    m_watches[fd].notifier[notifier->type()] = notifier;
    updateWatch(fd);
}

void EpollDispatcher::unregisterSocketNotifier(QSocketNotifier *notifier)
{
    const int fd = int(notifier->socket());
    m_activated.removeAll(notifier);
    const auto it = m_watches.find(fd);
    if (it == m_watches.end() || it->notifier[notifier->type()] != notifier)
        return;
    it->notifier[notifier->type()] = nullptr;
    updateWatch(fd);
}

namespace {
uint32_t eventsOf(const QSocketNotifier *const notifier[3])
{
    uint32_t events = 0;
    if (notifier[QSocketNotifier::Read])
        events |= EPOLLIN | EPOLLRDHUP;
    if (notifier[QSocketNotifier::Write])
        events |= EPOLLOUT;
    if (notifier[QSocketNotifier::Exception])
        events |= EPOLLPRI;
    return events;
}
} // namespace

// A descriptor without notifiers leaves epoll at once (it may be closed and its number reused next);
// other changes wait for the next epoll_wait, so a write notifier that QAbstractSocket turns on and
// off again while writing a reply costs no system call.
void EpollDispatcher::updateWatch(int fd)
{
    const auto it = m_watches.find(fd);
    if (eventsOf(it->notifier) == 0) {
        if (it->inKernel)
            epoll_ctl(m_epoll, EPOLL_CTL_DEL, fd, nullptr); // fails harmlessly if the fd is closed
        m_alwaysReady.removeOne(fd);
        m_watches.erase(it); // a stale entry in m_dirty finds nothing
        return;
    }
    if (!it->dirty) {
        it->dirty = true;
        m_dirty.append(fd);
    }
}

void EpollDispatcher::applyChanges()
{
    for (int fd : std::as_const(m_dirty)) {
        const auto it = m_watches.find(fd);
        if (it == m_watches.end() || !it->dirty)
            continue;
        it->dirty = false;
        const uint32_t events = eventsOf(it->notifier);
        if (events == it->inKernel)
            continue;
        epoll_event event {};
        event.events = events;
        event.data.u32 = uint32_t(fd);
        int result = epoll_ctl(m_epoll, it->inKernel ? EPOLL_CTL_MOD : EPOLL_CTL_ADD, fd, &event);
        // The kernel forgot a closed descriptor whose number came back (add it anew), or still has one
        // we took for gone (modify it).
        if (result < 0 && errno == ENOENT)
            result = epoll_ctl(m_epoll, EPOLL_CTL_ADD, fd, &event);
        else if (result < 0 && errno == EEXIST)
            result = epoll_ctl(m_epoll, EPOLL_CTL_MOD, fd, &event);
        if (result == 0) {
            it->inKernel = events;
        } else if (errno == EPERM) {
            if (!m_alwaysReady.contains(fd))
                m_alwaysReady.append(fd);
        } else {
            qWarning("EpollDispatcher: cannot watch descriptor %d: %s", fd, strerror(errno));
        }
    }
    m_dirty.clear();
}

void EpollDispatcher::registerTimer(int timerId, qint64 interval, Qt::TimerType timerType, QObject *object)
{
    Timer &t = m_timers[timerId];
    t.intervalMs = interval;
    t.type = timerType;
    t.object = object;
    t.firing = false;
    t.due = m_deadlines.emplace(monotonicNs() + interval * 1000000, timerId);
}

bool EpollDispatcher::unregisterTimer(int timerId)
{
    const auto it = m_timers.find(timerId);
    if (it == m_timers.end())
        return false;
    m_deadlines.erase(it->due);
    m_timers.erase(it);
    return true;
}

bool EpollDispatcher::unregisterTimers(QObject *object)
{
    bool any = false;
    for (auto it = m_timers.begin(); it != m_timers.end();) {
        if (it->object == object) {
            m_deadlines.erase(it->due);
            it = m_timers.erase(it);
            any = true;
        } else {
            ++it;
        }
    }
    return any;
}

QList<QAbstractEventDispatcher::TimerInfo> EpollDispatcher::registeredTimers(QObject *object) const
{
    QList<TimerInfo> list;
    for (auto it = m_timers.cbegin(); it != m_timers.cend(); ++it) {
        if (it->object == object)
            list.append(TimerInfo(it.key(), int(it->intervalMs), it->type));
    }
    return list;
}

int EpollDispatcher::remainingTime(int timerId)
{
    const auto it = m_timers.constFind(timerId);
    if (it == m_timers.cend())
        return -1;
    return int(qMax<qint64>(0, (it->due->first - monotonicNs() + 999999) / 1000000)); // rounded up, as Qt
}

void EpollDispatcher::wakeUp()
{
    // One write until the loop has drained it: posting many events costs one syscall.
    if (!m_wakePending.exchange(true))
        eventfd_write(m_wake, 1);
}

void EpollDispatcher::interrupt()
{
    m_interrupted.store(true);
    wakeUp();
}

// Fires the timers that are due, each at most once, in deadline order; returns how many fired.
int EpollDispatcher::activateTimers()
{
    const qint64 now = monotonicNs();
    QList<int> due;
    for (auto it = m_deadlines.cbegin(); it != m_deadlines.cend() && it->first <= now; ++it)
        due.append(it->second);
    int fired = 0;
    for (int id : due) {
        auto it = m_timers.find(id);
        // Stopped by an earlier handler, inside its own handler, or no longer due: restarted by an
        // earlier handler (a stopped timer's id is the next one handed out) or fired by a nested loop.
        if (it == m_timers.end() || it->firing || it->due->first > now)
            continue;
        QObject *object = it->object;
        // As Qt: a zero timer alone is no event, or processEvents(maxTime) would spin.
        if (it->intervalMs > 0)
            ++fired;
        schedule(id, *it, now);
        it->firing = true;
        QTimerEvent event(id);
        QCoreApplication::sendEvent(object, &event);
        it = m_timers.find(id); // `it` is stale: the handler may have stopped or restarted it
        if (it != m_timers.end())
            it->firing = false;
    }
    return fired;
}

// The next deadline after one that fired: a period on from it, or from now when a period was missed
// (no burst of catch-up events).
qint64 EpollDispatcher::schedule(int timerId, Timer &timer, qint64 nowNs)
{
    qint64 next = timer.due->first + timer.intervalMs * 1000000;
    if (next <= nowNs)
        next = nowNs + timer.intervalMs * 1000000;
    m_deadlines.erase(timer.due);
    timer.due = m_deadlines.emplace(next, timerId);
    return next;
}

bool EpollDispatcher::processEvents(QEventLoop::ProcessEventsFlags flags)
{
    m_interrupted.store(false);
    Q_EMIT awake();
    QCoreApplication::sendPostedEvents(); // posting again calls wakeUp(), so the wait below returns
    if (m_interrupted.load())
        return false;

    const bool wait = flags.testFlag(QEventLoop::WaitForMoreEvents);
    int timeoutMs = 0;
    if (wait) {
        timeoutMs = -1;
        // The first timer not inside its own handler (a nested loop must not spin on it).
        auto first = m_deadlines.cbegin();
        while (first != m_deadlines.cend() && m_timers.value(first->second).firing)
            ++first;
        if (first != m_deadlines.cend() && !flags.testFlag(QEventLoop::X11ExcludeTimers)) {
            const qint64 ns = first->first - monotonicNs();
            // Round up: a wait that ends before the deadline would spin until it.
            timeoutMs = ns <= 0 ? 0 : int(qMin<qint64>((ns + 999999) / 1000000, 24 * 3600 * 1000));
        }
        Q_EMIT aboutToBlock();
    }
    applyChanges();
    const bool sockets = !flags.testFlag(QEventLoop::ExcludeSocketNotifiers);
    if (!m_alwaysReady.isEmpty() && sockets)
        timeoutMs = 0;
    epoll_event events[256];
    int ready = 0;
    if (sockets) {
        ready = epoll_wait(m_epoll, events, 256, timeoutMs);
    } else {
        // Sockets excluded: wait for a wake-up alone, or ready sockets would end every wait at once.
        pollfd wake {m_wake, POLLIN, 0};
        if (poll(&wake, 1, timeoutMs) > 0) {
            events[0].events = EPOLLIN;
            events[0].data.u32 = wakeTag;
            ready = 1;
        }
    }
    if (ready < 0)
        ready = 0; // EINTR: a signal; its handler's notifier fires next round
    if (wait)
        Q_EMIT awake();

    int handled = 0;
    m_activated.clear();
    for (int i = 0; i < ready; ++i) {
        const uint32_t tag = events[i].data.u32;
        if (tag == wakeTag) {
            eventfd_t value;
            eventfd_read(m_wake, &value);
            m_wakePending.store(false);
            ++handled;
            continue;
        }
        if (!sockets)
            continue;
        const auto it = m_watches.constFind(int(tag));
        if (it == m_watches.cend())
            continue;
        const uint32_t what = events[i].events;
        if ((what & (EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR)) && it->notifier[QSocketNotifier::Read])
            m_activated.append(it->notifier[QSocketNotifier::Read]);
        // Hang-ups and errors wake every kind of notifier, as with Qt's poll().
        if ((what & (EPOLLOUT | EPOLLHUP | EPOLLERR)) && it->notifier[QSocketNotifier::Write])
            m_activated.append(it->notifier[QSocketNotifier::Write]);
        if ((what & (EPOLLPRI | EPOLLHUP | EPOLLERR)) && it->notifier[QSocketNotifier::Exception])
            m_activated.append(it->notifier[QSocketNotifier::Exception]);
    }
    if (sockets) {
        // Regular files cannot be in epoll; poll() calls them always ready, and so do we.
        for (int fd : std::as_const(m_alwaysReady)) {
            const auto it = m_watches.constFind(fd);
            for (int type = 0; it != m_watches.cend() && type < 3; ++type) {
                if (it->notifier[type])
                    m_activated.append(it->notifier[type]);
            }
        }
    }
    // A handler may disable or delete notifiers later in the list: unregistering takes them out.
    while (!m_activated.isEmpty()) {
        QSocketNotifier *notifier = m_activated.takeFirst();
        QEvent event(QEvent::SockAct);
        QCoreApplication::sendEvent(notifier, &event);
        ++handled;
    }
    if (!flags.testFlag(QEventLoop::X11ExcludeTimers))
        handled += activateTimers();
    return handled > 0;
}

} // namespace cbi
