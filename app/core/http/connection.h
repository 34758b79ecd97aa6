// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"
#include "httpframer.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSet>
#include <QTcpSocket>
#include <QTimer>

#include <deque>
#include <functional>
#include <memory>
#include <sys/socket.h>

namespace cbi {

class Connection;

// What a connection hands its requests to (the callback pipeline), on the connection's thread.
class RequestSink
{
public:
    virtual ~RequestSink() = default;
    virtual void handleRequest(Connection *conn, const RequestHead &head, QByteArray body) = 0;
    // The request cannot be framed (too large, malformed): answer it; the connection is done.
    virtual void rejectRequest(Connection *conn, const HttpFramer::Output &failure) = 0;
    // Replies whose captureId is above this wait (a session journal's commit point).
    virtual quint64 committedId() const = 0;
};

// One TCP connection: reads requests off the byte stream with the framer (limits, 100-continue,
// HTTP version), keeps replies in request order, and owns the idle timer. A child of the socket, so
// it dies with it, and with it every pending delayed reply's timer: a client that hangs up
// during a delay can never make us write to a deleted socket.
class Connection : public QObject
{
    Q_OBJECT
public:
    // registry: the listener's set of live connections (this one is in it for its life).
    Connection(QTcpSocket *socket, RequestSink *sink, HttpFramer::Limits limits, QSet<Connection *> *registry)
        : QObject(socket)
        , m_socket(socket)
        , m_sink(sink)
        , m_framer(limits)
        , m_registry(registry)
    {
        m_lastActivity.start();
        m_peer = socket->peerAddress().toString();
        // Qt stops reading from the kernel past this: a client that sends faster than we answer
        // meets TCP flow control instead of filling our memory.
        socket->setReadBufferSize(readChunk);
        connect(socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
        connect(socket, &QTcpSocket::bytesWritten, this, &Connection::resumeIfDrained);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        m_registry->insert(this);
    }

    ~Connection() override;
    void flushCommitted() { flush(); }
    void setStreaming() { m_streaming = true; }
    void writeRaw(const QByteArray &bytes) { m_socket->write(bytes); }

    void stopReading() { m_lastRequest = true; }
    void endStreaming()
    {
        m_streaming = false;
        m_lastActivity.restart();
    }
    // Whether the reply in slot `seq` is the next to leave (no earlier one waits).
    bool isNext(quint64 seq) const { return !m_replies.empty() && m_replies.front().seq == seq; }

    // Writes a chunked body from `producer` (an empty piece ends it), a piece whenever less than
    // 256 KiB wait unsent, then closes.
    void pump(const std::function<QByteArray()> &producer)
    {
        auto step = std::make_shared<QMetaObject::Connection>();
        auto write = [this, producer, step] {
            // Called from bytesWritten, a flush that empties the buffer emits no further
            // bytesWritten: keep producing until data is left waiting for the write notifier.
            do {
                while (m_socket->bytesToWrite() < 256 * 1024) {
                    const QByteArray piece = producer();
                    if (piece.isEmpty()) {
                        QObject::disconnect(*step);
                        m_socket->write("0\r\n\r\n");
                        m_socket->flush();
                        m_socket->disconnectFromHost();
                        return;
                    }
                    m_socket->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
                }
                m_socket->flush();
            } while (m_socket->bytesToWrite() < 256 * 1024
                && m_socket->state() == QAbstractSocket::ConnectedState);
        };
        *step = connect(m_socket, &QTcpSocket::bytesWritten, this, write);
        m_streaming = true; // a slow reader of a large export is not idle
        write();
    }

    const QString &peer() const { return m_peer; }
    QTcpSocket *socket() const { return m_socket; }

    // What to do with a connection once its reply is due.
    enum class Action
    {
        Write, // write the bytes (then close if `close`)
        CloseSilently, // FIN without a reply
        Reset, // RST
        WriteThenClose, // the truncated-body fault: write what we have, then close
        Drip, // write the bytes a few at a time
    };

    struct PendingReply
    {
        quint64 seq = 0;
        bool ready = false;
        QByteArray bytes;
        bool close = false;
        Action action = Action::Write;
        int dripIntervalMs = 100;
        int dripBytes = 1;
        quint64 captureId = 0; // with a session journal: held until this capture is committed
    };

    quint64 reserveSlot()
    {
        PendingReply slot;
        slot.seq = m_nextSeq;
        m_replies.push_back(slot);
        return m_nextSeq++;
    }

    void complete(PendingReply reply)
    {
        for (auto &r : m_replies) {
            if (r.seq == reply.seq) {
                r = std::move(reply);
                r.ready = true;
                break;
            }
        }
        flush();
        resumeIfDrained();
    }

    // Limits per connection: requests are read in slices of readChunk, and no further while the
    // client has more than maxOutstanding requests unanswered or maxUnsent bytes of replies it has
    // not read (a pipelining client that never reads once grew us 1,000 times its request bytes).
    static constexpr qint64 readChunk = 64 * 1024;
    static constexpr size_t maxOutstanding = 1024;
    static constexpr qint64 maxUnsent = 1024 * 1024;

    bool backlogged() const
    {
        return m_replies.size() >= maxOutstanding || m_socket->bytesToWrite() > maxUnsent;
    }

private:
    void onReadyRead();
    void handleParsed();

    void resumeIfDrained()
    {
        if (!m_paused || backlogged() || m_resumeQueued)
            return;
        m_resumeQueued = true; // from the event loop: never re-entered from inside a write
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_resumeQueued = false;
                m_paused = false;
                onReadyRead();
            },
            Qt::QueuedConnection);
    }
    void reject(const HttpFramer::Output &failure);

    void closeAfterReply()
    {
        m_replies.clear();
        if (m_rejecting) {
            // Keep reading (and dropping) what the client still sends for a moment, so it sees our
            // answer instead of a reset, then close.
            QTimer::singleShot(1000, this, [this] { m_socket->disconnectFromHost(); });
        } else {
            m_socket->disconnectFromHost();
        }
    }

    // Writes the replies that are ready, in request order: a later request with a shorter delay
    // waits for the earlier one (HTTP/1.1 pipelining requires it).
    void flush()
    {
        while (!m_dripping && !m_replies.empty() && m_replies.front().ready
            && m_replies.front().captureId <= m_sink->committedId()) {
            PendingReply r = std::move(m_replies.front());
            m_replies.pop_front();
            switch (r.action) {
            case Action::CloseSilently:
                m_replies.clear();
                m_socket->disconnectFromHost();
                return;
            case Action::Reset: {
                // abort() alone sends a FIN on Linux; a zero linger makes close() send an RST.
                const struct linger zero = {1, 0};
                ::setsockopt(int(m_socket->socketDescriptor()), SOL_SOCKET, SO_LINGER, &zero, sizeof zero);
                m_replies.clear();
                m_socket->abort();
                return;
            }
            case Action::WriteThenClose:
                m_socket->write(r.bytes);
                m_replies.clear();
                m_socket->disconnectFromHost();
                return;
            case Action::Drip:
                startDrip(std::move(r));
                return;
            case Action::Write:
                m_socket->write(r.bytes);
                if (r.close) {
                    m_socket->flush(); // now: a client that already hung up its side still gets it
                    closeAfterReply();
                    return;
                }
                break;
            }
        }
        // Out now rather than on the next writability event: the write notifier then goes on and off
        // within one loop iteration, which the epoll dispatcher turns into no system call at all.
        if (m_socket->bytesToWrite() > 0)
            m_socket->flush();
        if (m_replies.empty())
            m_lastActivity.restart();
    }

    void startDrip(PendingReply r)
    {
        m_dripping = true;
        auto *timer = new QTimer(this);
        timer->setInterval(r.dripIntervalMs);
        auto offset = std::make_shared<qsizetype>(0);
        connect(timer, &QTimer::timeout, this, [this, timer, offset, r] {
            m_socket->write(r.bytes.mid(*offset, r.dripBytes));
            *offset += r.dripBytes;
            if (*offset < r.bytes.size())
                return;
            timer->deleteLater();
            m_dripping = false;
            if (r.close)
                closeAfterReply();
            else
                flush();
        });
        timer->start();
    }

public:
    // Called by the listener's sweep: closes the connection once idle for idleMs. A pending reply
    // pauses the clock (it restarts when the replies are out); an event stream is quiet by nature.
    void sweepIdle(int idleMs)
    {
        if (m_replies.empty() && !m_streaming && m_lastActivity.elapsed() >= idleMs)
            m_socket->abort();
    }

private:
    QTcpSocket *m_socket;
    RequestSink *m_sink;
    HttpFramer m_framer;
    QElapsedTimer m_lastActivity;
    QString m_peer;
    bool m_rejecting = false; // answered with an error: what follows is read and dropped
    bool m_lastRequest = false; // a request asked to close: later ones on the stream are not served
    std::deque<PendingReply> m_replies;
    bool m_dripping = false;
    bool m_streaming = false;
    bool m_paused = false; // backlogged: reading stopped until the client takes its replies
    bool m_resumeQueued = false;
    std::deque<HttpFramer::Output> m_parsed; // framed, not yet handled (while backlogged)
    quint64 m_nextSeq = 0;
    QSet<Connection *> *m_registry;
};

} // namespace cbi
