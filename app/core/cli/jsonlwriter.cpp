// SPDX-License-Identifier: MIT
#include "jsonlwriter.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QJsonDocument>
#include <QMutex>
#include <QWaitCondition>

#include <cerrno>
#include <fcntl.h>
#include <poll.h>
#include <thread>
#include <unistd.h>

namespace cbi {

struct JsonlWriter::State
{
    std::FILE *out = nullptr;
    QMutex mutex;
    QWaitCondition ready;
    QWaitCondition finished;
    QByteArray queue;
    quint64 dropped = 0;
    quint64 reported = 0;
    bool stop = false;
    QDeadlineTimer stopDeadline;
    bool done = false;

    // True once the writer should give up on a reader that does not read (asked to stop 2 s ago).
    bool givingUp()
    {
        QMutexLocker lock(&mutex);
        return stop && stopDeadline.hasExpired();
    }

    void finish()
    {
        QMutexLocker lock(&mutex);
        done = true;
        finished.wakeAll();
    }

    // Plain write() on a non-blocking descriptor, never stdio: a stuck reader must not leave a
    // stdio lock held that the process's exit would wait for.
    void run()
    {
        const int fd = fileno(out);
        const int flags = ::fcntl(fd, F_GETFL);
        ::fcntl(fd, F_SETFL, flags | O_NONBLOCK);
        for (;;) {
            QByteArray lines;
            quint64 newlyDropped = 0;
            {
                QMutexLocker lock(&mutex);
                while (queue.isEmpty() && !stop)
                    ready.wait(&mutex);
                if (queue.isEmpty() && stop)
                    break;
                lines.swap(queue);
                newlyDropped = dropped - reported;
                reported = dropped;
            }
            if (newlyDropped > 0) {
                const QByteArray note =
                    QCoreApplication::translate("cbi::JsonlWriter",
                        "warning: --jsonl: %n line(s) dropped while stdout was not read (the session file "
                        "and the control API still have them)",
                        nullptr, int(newlyDropped))
                        .toUtf8()
                    + '\n';
                std::fwrite(note.constData(), 1, size_t(note.size()), stderr);
            }
            qsizetype offset = 0;
            while (offset < lines.size()) {
                const ssize_t n = ::write(fd, lines.constData() + offset, size_t(lines.size() - offset));
                if (n > 0) {
                    offset += n;
                    continue;
                }
                if (n < 0 && errno != EAGAIN && errno != EINTR)
                    break; // the reader is gone
                pollfd ready = {fd, POLLOUT, 0};
                ::poll(&ready, 1, 200);
                if (givingUp()) {
                    ::fcntl(fd, F_SETFL, flags);
                    finish();
                    return;
                }
            }
        }
        ::fcntl(fd, F_SETFL, flags);
        finish();
    }
};

JsonlWriter::JsonlWriter(std::FILE *out)
    : m_state(std::make_shared<State>())
{
    m_state->out = out;
    std::thread([state = m_state] { state->run(); }).detach();
}

JsonlWriter::~JsonlWriter()
{
    QMutexLocker lock(&m_state->mutex);
    m_state->stop = true;
    m_state->stopDeadline = QDeadlineTimer(2000);
    m_state->ready.wakeAll();
    const QDeadlineTimer deadline(3000);
    while (!m_state->done && m_state->finished.wait(&m_state->mutex, deadline)) { }
}

void JsonlWriter::write(const QByteArray &lines, int count)
{
    {
        QMutexLocker lock(&m_state->mutex);
        if (m_state->queue.size() + lines.size() > maxQueuedBytes) {
            m_state->dropped += quint64(count);
            return;
        }
        m_state->queue += lines;
    }
    m_state->ready.wakeOne();
}

void JsonlWriter::writeCaptures(const QList<CapturedRequest> &batch)
{
    QByteArray out;
    for (const auto &c : batch)
        out += QJsonDocument(c.toJson()).toJson(QJsonDocument::Compact) + '\n';
    write(out, int(batch.size()));
}

quint64 JsonlWriter::droppedLines() const
{
    QMutexLocker lock(&m_state->mutex);
    return m_state->dropped;
}

} // namespace cbi
