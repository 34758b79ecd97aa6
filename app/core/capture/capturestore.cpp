// SPDX-License-Identifier: MIT
#include "capturestore.h"

#include <QMetaMethod>
#include <QMutexLocker>
#include <QSet>
#include <QTimer>

#include <algorithm>

namespace cbi {

CaptureStore::CaptureStore(qsizetype capacity, QObject *parent)
    : QObject(parent)
    , m_capacity(qMax<qsizetype>(1, capacity))
{
    qRegisterMetaType<cbi::CapturedRequest>();
    qRegisterMetaType<QList<cbi::CapturedRequest>>();
}

void CaptureStore::append(CapturedRequest capture)
{
    // Without a consumer (headless serve with no --jsonl) there is no batch to build.
    const bool consumed = isSignalConnected(QMetaMethod::fromSignal(&CaptureStore::capturesAdded));
    QMutexLocker lock(&m_mutex);
    if (m_spillThreshold > 0 && capture.body.size() > m_spillThreshold)
        m_spillIds.push_back(capture.id);
    if (consumed)
        m_pending.append(capture);
    m_bytes += capture.approxBytes();
    m_items.push_back(std::move(capture));
    ++m_total;
    trimLocked();
    if (consumed)
        scheduleFlushLocked();
}

void CaptureStore::scheduleFlushLocked()
{
    if (m_flushScheduled)
        return;
    m_flushScheduled = true;
    // One queued wake-up per batch: the interval lets a burst accumulate before consumers see it.
    QMetaObject::invokeMethod(
        this, [this] { QTimer::singleShot(m_flushIntervalMs, this, &CaptureStore::flush); },
        Qt::QueuedConnection);
}

void CaptureStore::flush()
{
    QList<CapturedRequest> batch;
    {
        QMutexLocker lock(&m_mutex);
        batch.swap(m_pending);
        m_pending.reserve(batch.size());
        m_flushScheduled = false;
    }
    if (!batch.isEmpty())
        Q_EMIT capturesAdded(batch);
    batch.clear(); // delivered: this copy must not keep spilled bodies alive
    spillWritten();
}

void CaptureStore::setBodySpill(qint64 threshold, BodyLoader loader)
{
    QMutexLocker lock(&m_mutex);
    m_spillThreshold = qMax<qint64>(0, threshold);
    m_loader = std::move(loader);
    m_spillIds.clear();
}

void CaptureStore::noteWritten(quint64 id)
{
    QMutexLocker lock(&m_mutex);
    m_written = qMax(m_written, id);
    if (!m_spillIds.empty() && m_spillIds.front() <= m_written)
        scheduleFlushLocked();
}

void CaptureStore::spillWritten()
{
    QList<CapturedRequest> spilled;
    {
        QMutexLocker lock(&m_mutex);
        // A capture still pending has not reached the consumers: it is spilled after its batch.
        quint64 limit = m_written;
        for (const CapturedRequest &c : std::as_const(m_pending))
            limit = qMin(limit, c.id > 0 ? c.id - 1 : 0);
        while (!m_spillIds.empty() && m_spillIds.front() <= limit) {
            const quint64 id = m_spillIds.front();
            m_spillIds.pop_front();
            const auto it = std::find_if(
                m_items.rbegin(), m_items.rend(), [id](const CapturedRequest &c) { return c.id == id; });
            if (it == m_items.rend())
                continue; // dropped meanwhile
            m_bytes -= it->approxBytes();
            if (it->spillBody(m_spillThreshold))
                spilled.append(*it);
            m_bytes += it->approxBytes();
        }
    }
    if (!spilled.isEmpty())
        Q_EMIT bodiesSpilled(spilled);
}

CapturedRequest CaptureStore::withBody(CapturedRequest capture, QString *error) const
{
    if (!capture.isBodySpilled())
        return capture;
    BodyLoader loader;
    {
        QMutexLocker lock(&m_mutex);
        loader = m_loader;
    }
    QByteArray body;
    QString why;
    if (!loader)
        why = tr("the session file that holds it is closed");
    else if (!loader(capture.id, &body, &why))
        why = why.isEmpty() ? tr("it is not in the session file") : why;
    else if (body.size() != capture.spilledBodySize)
        why = tr("the session file holds another body under this id (%1 bytes, expected %2)")
                  .arg(body.size())
                  .arg(capture.spilledBodySize);
    if (!why.isEmpty()) {
        if (error)
            *error = tr("The whole body of capture #%1 (%2 bytes) cannot be read: %3")
                         .arg(capture.id)
                         .arg(capture.spilledBodySize)
                         .arg(why);
        return capture;
    }
    capture.body = std::move(body);
    capture.spilledBodySize = 0;
    return capture;
}

void CaptureStore::trimLocked()
{
    // The newest capture stays whatever its size: it was accepted, and --max-body bounds it.
    while (qsizetype(m_items.size()) > m_capacity || (m_bytes > m_memoryLimit && m_items.size() > 1)) {
        m_bytes -= m_items.front().approxBytes();
        m_items.pop_front();
        ++m_dropped;
    }
}

qsizetype CaptureStore::capacity() const
{
    QMutexLocker lock(&m_mutex);
    return m_capacity;
}

void CaptureStore::setCapacity(qsizetype capacity)
{
    QMutexLocker lock(&m_mutex);
    m_capacity = qMax<qsizetype>(1, capacity);
    trimLocked();
}

void CaptureStore::setMemoryLimit(qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    m_memoryLimit = qMax<qint64>(1, bytes);
    trimLocked();
}

qint64 CaptureStore::memoryLimit() const
{
    QMutexLocker lock(&m_mutex);
    return m_memoryLimit;
}

qint64 CaptureStore::memoryUsed() const
{
    QMutexLocker lock(&m_mutex);
    return m_bytes;
}

qsizetype CaptureStore::size() const
{
    QMutexLocker lock(&m_mutex);
    return qsizetype(m_items.size());
}

quint64 CaptureStore::totalAppended() const
{
    QMutexLocker lock(&m_mutex);
    return m_total;
}

quint64 CaptureStore::droppedCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_dropped;
}

QList<CapturedRequest> CaptureStore::snapshot() const
{
    QMutexLocker lock(&m_mutex);
    return QList<CapturedRequest>(m_items.begin(), m_items.end());
}

void CaptureStore::clear()
{
    {
        QMutexLocker lock(&m_mutex);
        m_items.clear();
        m_pending.clear(); // not yet shown: cleared with the rest
        m_bytes = 0;
        m_loaded = 0;
        m_spillIds.clear();
    }
    Q_EMIT cleared();
}

void CaptureStore::load(QList<CapturedRequest> captures, bool replace)
{
    {
        QMutexLocker lock(&m_mutex);
        std::deque<CapturedRequest> newer;
        if (replace) {
            // Captures newer than the file's last one (committed after it was read) stay, after
            // it; those not yet delivered are still delivered.
            const quint64 last = captures.isEmpty() ? 0 : captures.constLast().id;
            for (CapturedRequest &c : m_items) {
                if (c.id > last)
                    newer.push_back(std::move(c));
            }
            m_items.clear();
            m_bytes = 0;
            m_loaded = 0;
        }
        for (const CapturedRequest &c : std::as_const(captures)) {
            m_bytes += c.approxBytes();
            m_items.push_back(c);
        }
        QSet<quint64> pendingIds;
        for (const CapturedRequest &c : std::as_const(m_pending))
            pendingIds.insert(c.id);
        m_loaded += quint64(captures.size());
        for (CapturedRequest &c : newer) {
            m_bytes += c.approxBytes();
            if (!pendingIds.contains(c.id))
                captures.append(c); // delivered before: shown again with the file's
            m_items.push_back(std::move(c));
        }
        trimLocked();
    }
    Q_EMIT capturesLoaded(captures, replace);
}

quint64 CaptureStore::loadedCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_loaded;
}

} // namespace cbi
