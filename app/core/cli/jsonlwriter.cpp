// SPDX-License-Identifier: MIT
#include "jsonlwriter.h"

#include <QCoreApplication>

namespace cbi {

JsonlWriter::JsonlWriter(std::FILE *out)
    : m_out(out)
    , m_thread([this] { run(); })
{
}

JsonlWriter::~JsonlWriter()
{
    {
        QMutexLocker lock(&m_mutex);
        m_stop = true;
    }
    m_ready.wakeAll();
    m_thread.join();
}

void JsonlWriter::write(const QByteArray &lines, int count)
{
    {
        QMutexLocker lock(&m_mutex);
        if (m_queue.size() + lines.size() > maxQueuedBytes) {
            m_dropped += quint64(count);
            return;
        }
        m_queue += lines;
    }
    m_ready.wakeOne();
}

quint64 JsonlWriter::droppedLines() const
{
    QMutexLocker lock(&m_mutex);
    return m_dropped;
}

void JsonlWriter::run()
{
    for (;;) {
        QByteArray out;
        quint64 newlyDropped = 0;
        {
            QMutexLocker lock(&m_mutex);
            while (m_queue.isEmpty() && !m_stop)
                m_ready.wait(&m_mutex);
            if (m_queue.isEmpty() && m_stop)
                return;
            out.swap(m_queue);
            newlyDropped = m_dropped - m_reported;
            m_reported = m_dropped;
        }
        if (newlyDropped > 0) {
            const QByteArray note =
                QCoreApplication::translate("cbi::JsonlWriter",
                    "warning: --jsonl: %n line(s) dropped while stdout was not read (the session file and "
                    "the control API still have them)",
                    nullptr, int(newlyDropped))
                    .toUtf8()
                + '\n';
            std::fwrite(note.constData(), 1, size_t(note.size()), stderr);
        }
        std::fwrite(out.constData(), 1, size_t(out.size()), m_out);
        std::fflush(m_out);
    }
}

} // namespace cbi
