// SPDX-License-Identifier: MIT
#pragma once

#include "connection.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <queue>

#include <functional>
#include <vector>

namespace cbi {

// Every delayed reply on one timer. Qt 6.4 keeps its timers in a sorted list with linear insertion,
// so a timer per delayed reply made a burst of 10,000 cost seconds of QTimerInfoList::timerInsert
// (44 % of the server's cycles in perf); a heap costs log n per reply.
class ReplyTimers : public QObject
{
public:
    ReplyTimers()
    {
        // PreciseTimer: the default coarse timer fires up to 5 % early, and users test timeouts.
        m_timer.setSingleShot(true);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, &ReplyTimers::fire);
        m_clock.start();
    }

    // Told how late each delayed reply left (ns after its due time).
    void setLatenessSink(std::function<void(qint64)> sink) { m_late = std::move(sink); }

    void schedule(Connection *conn, int delayMs, Connection::PendingReply reply)
    {
        m_queue.push({m_clock.nsecsElapsed() + qint64(delayMs) * 1000000, m_order++, conn, std::move(reply)});
        arm();
    }

private:
    struct Item
    {
        qint64 dueNs;
        quint64 order; // equal deadlines leave in the order they were scheduled
        QPointer<Connection> conn; // null once the client hung up
        Connection::PendingReply reply;
        bool operator>(const Item &other) const
        {
            return dueNs > other.dueNs || (dueNs == other.dueNs && order > other.order);
        }
    };

    void arm()
    {
        if (m_queue.empty()) {
            m_timer.stop();
            return;
        }
        const qint64 waitNs = m_queue.top().dueNs - m_clock.nsecsElapsed();
        m_timer.start(waitNs <= 0 ? 0 : int((waitNs + 999999) / 1000000)); // rounded up: never early
    }

    void fire()
    {
        const qint64 now = m_clock.nsecsElapsed();
        while (!m_queue.empty() && m_queue.top().dueNs <= now) {
            Item item = m_queue.top();
            m_queue.pop();
            if (m_late)
                m_late(now - item.dueNs);
            if (item.conn)
                item.conn->complete(std::move(item.reply));
        }
        arm();
    }

    std::priority_queue<Item, std::vector<Item>, std::greater<Item>> m_queue;
    QTimer m_timer;
    QElapsedTimer m_clock;
    quint64 m_order = 0;
    std::function<void(qint64)> m_late;
};

} // namespace cbi
