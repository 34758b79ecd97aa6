// SPDX-License-Identifier: MIT
#include "sessionhistory.h"

#include "capture/capturestore.h"
#include "sessionjournal.h"

#include <algorithm>

namespace cbi {

SessionHistory::SessionHistory(QObject *parent)
    : QObject(parent)
{
}

SessionHistory::~SessionHistory()
{
    if (m_thread)
        m_thread->wait();
}

void SessionHistory::setPath(const QString &path)
{
    m_path = path;
    ++m_generation;
    m_loading = false;
}

bool SessionHistory::loadOlder(quint64 beforeId, int count, const Predicate &accept, int scanLimit)
{
    if (m_loading || m_path.isEmpty() || beforeId <= 1 || (m_thread && m_thread->isRunning()))
        return false;
    m_loading = true;
    const quint64 generation = m_generation;
    const QString path = m_path;
    QThread *thread = QThread::create([this, path, beforeId, count, accept, scanLimit, generation] {
        QList<CapturedRequest> found;
        quint64 lowest = beforeId;
        int scanned = 0;
        SessionJournal::Filter filter;
        filter.beforeId = beforeId;
        filter.newestFirst = true;
        QString error;
        SessionJournal::forEach(
            path, filter,
            [&](const CapturedRequest &c) {
                lowest = c.id;
                ++scanned;
                if (!accept || accept(c)) {
                    found.append(c);
                    // Rows paged back keep large bodies in the file, as the store does.
                    found.last().spillBody(CaptureStore::defaultSpillThreshold);
                }
                return found.size() < count && scanned < scanLimit;
            },
            &error);
        // Fewer rows than asked for, and not because of a limit: the file has nothing older.
        const bool reachedStart = !error.isEmpty() || (found.size() < count && scanned < scanLimit);
        std::reverse(found.begin(), found.end());
        QMetaObject::invokeMethod(
            this,
            [this, found, lowest, reachedStart, error, generation] {
                if (generation != m_generation)
                    return;
                m_loading = false;
                Q_EMIT loaded(found, lowest, reachedStart, error);
            },
            Qt::QueuedConnection);
    });
    m_thread = thread;
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start(QThread::LowPriority);
    return true;
}

} // namespace cbi
