// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QMutex>
#include <QWaitCondition>

#include <cstdio>
#include <thread>

namespace cbi {

// `serve --jsonl`: writes lines to stdout from a thread of its own, so that a reader that stops
// reading (a stuck log shipper) blocks only this thread, never the server's. Lines wait in a queue
// of at most maxQueuedBytes; past that they are dropped and counted, and the drop is reported once
// the reader catches up. Thread-safe.
class JsonlWriter
{
public:
    static constexpr qsizetype maxQueuedBytes = 64 * 1024 * 1024;

    explicit JsonlWriter(std::FILE *out = stdout);
    ~JsonlWriter(); // writes what is queued, then stops

    void write(const QByteArray &lines, int count);
    quint64 droppedLines() const;

private:
    void run();

    std::FILE *m_out;
    mutable QMutex m_mutex;
    QWaitCondition m_ready;
    QByteArray m_queue;
    quint64 m_dropped = 0;
    quint64 m_reported = 0;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace cbi
