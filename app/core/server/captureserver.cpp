// SPDX-License-Identifier: MIT
#include "captureserver.h"

#include "capture/capturestore.h"
#include "capture/httpsyntax.h"
#include "catalogue/catalogue.h"
#include "commanddetector.h"
#include "control/controlapi.h"
#include "httpframer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QRandomGenerator>
#include <QSocketNotifier>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <queue>

#include <cerrno>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <sys/socket.h>
#include <vector>

namespace cbi {

namespace {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return QByteArrayLiteral("Continue");
    case 200:
        return QByteArrayLiteral("OK");
    case 201:
        return QByteArrayLiteral("Created");
    case 202:
        return QByteArrayLiteral("Accepted");
    case 204:
        return QByteArrayLiteral("No Content");
    case 301:
        return QByteArrayLiteral("Moved Permanently");
    case 302:
        return QByteArrayLiteral("Found");
    case 304:
        return QByteArrayLiteral("Not Modified");
    case 307:
        return QByteArrayLiteral("Temporary Redirect");
    case 308:
        return QByteArrayLiteral("Permanent Redirect");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 401:
        return QByteArrayLiteral("Unauthorized");
    case 403:
        return QByteArrayLiteral("Forbidden");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 408:
        return QByteArrayLiteral("Request Timeout");
    case 413:
        return QByteArrayLiteral("Content Too Large");
    case 429:
        return QByteArrayLiteral("Too Many Requests");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    case 500:
        return QByteArrayLiteral("Internal Server Error");
    case 502:
        return QByteArrayLiteral("Bad Gateway");
    case 503:
        return QByteArrayLiteral("Service Unavailable");
    case 504:
        return QByteArrayLiteral("Gateway Timeout");
    default:
        return {};
    }
}

// Splits a request target into the percent-encoded path and query, as the client wrote them.
// (QUrl would read a target starting with "//" as an authority and lose its first segment.)
void splitTarget(const QByteArray &target, QString *path, QString *query)
{
    QByteArray t = target;
    if (t.startsWith("http://") || t.startsWith("https://")) { // absolute form
        const qsizetype slash = t.indexOf('/', t.indexOf("//") + 2);
        t = slash < 0 ? QByteArrayLiteral("/") : t.mid(slash);
    }
    const qsizetype hash = t.indexOf('#');
    if (hash >= 0)
        t.truncate(hash);
    const qsizetype q = t.indexOf('?');
    *path = QString::fromLatin1(q < 0 ? t : t.left(q));
    *query = q < 0 ? QString() : QString::fromLatin1(t.mid(q + 1));
}

} // namespace

// One TCP connection: reads requests off the byte stream with the framer (limits, 100-continue,
// HTTP version), keeps replies in request order, and owns the idle timer. A child of the socket, so
// it dies with it, and with it every pending delayed reply's timer: a client that hangs up
// during a delay can never make us write to a deleted socket.
class Connection : public QObject
{
    Q_OBJECT
public:
    Connection(QTcpSocket *socket, CaptureServer *server)
        : QObject(socket)
        , m_socket(socket)
        , m_server(server)
        , m_framer({server->m_config.maxHeaderBytes, server->m_config.maxBodyBytes})
    {
        m_lastActivity.start();
        m_peer = socket->peerAddress().toString();
        // Qt stops reading from the kernel past this: a client that sends faster than we answer
        // meets TCP flow control instead of filling our memory.
        socket->setReadBufferSize(readChunk);
        connect(socket, &QTcpSocket::readyRead, this, &Connection::onReadyRead);
        connect(socket, &QTcpSocket::bytesWritten, this, &Connection::resumeIfDrained);
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        s_connections.insert(socket, this);
    }

    ~Connection() override;
    static QList<Connection *> all() { return s_connections.values(); }
    void flushCommitted() { flush(); }
    void setStreaming() { m_streaming = true; }
    void writeRaw(const QByteArray &bytes) { m_socket->write(bytes); }

    void stopReading() { m_lastRequest = true; }

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
            && m_replies.front().captureId <= m_server->m_committedId) {
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
    CaptureServer *m_server;
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
    // Sockets and connections belong to the server's thread, and so does this index.
    static thread_local QHash<const QTcpSocket *, Connection *> s_connections;
};

thread_local QHash<const QTcpSocket *, Connection *> Connection::s_connections;

Connection::~Connection()
{
    s_connections.remove(m_socket);
}

class Listener;

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

// Every request, whatever its method and path, ends here: captured, answered by the rules.
class HttpBackend
{
public:
    // Forward mode reads at most this of the business server's reply (1.5 GB once took 12.8 GB).
    static constexpr qint64 maxForwardReplyBytes = 16 * 1024 * 1024;

    explicit HttpBackend(CaptureServer *owner)
        : m_owner(owner)
        , m_detector(Catalogue::instance(), owner->m_config.basePath)
    {
        m_timers.setLatenessSink([control = owner->m_control](qint64 ns) { control->replyLate(ns); });
    }

    std::unique_ptr<Listener> listener; // owns the sockets, and through them the connections

    ~HttpBackend()
    {
        // Stopping with callbacks on hold: they were accepted, so they are answered and captured.
        const auto held = m_held.keys();
        for (quint64 id : held)
            release(id, std::nullopt);
        // Stopping with forwards in flight: aborting one would finish it into a half-destroyed backend.
        if (m_network) {
            for (QNetworkReply *reply : m_network->findChildren<QNetworkReply *>())
                reply->disconnect();
        }
    }

    // An API call mistyped as a callback (//__inspector/...) is captured: its token must not be.
    void maskToken(CapturedRequest &c) const
    {
        for (auto &h : c.headers) {
            if (h.first.compare("authorization", Qt::CaseInsensitive) == 0
                && m_owner->m_control->guard().carriesToken(h.second))
                h.second = QByteArrayLiteral("[control API token removed]");
        }
    }

    CapturedRequest snapshot(const RequestHead &head, QTcpSocket *socket, const Connection *conn)
    {
        CapturedRequest c;
        c.receivedAt = QDateTime::currentDateTimeUtc();
        c.method = head.method;
        c.httpVersion = head.version;
        splitTarget(head.target, &c.path, &c.query);
        c.headers = head.headers;
        c.peerAddress = conn->peer(); // formatted once per connection
        c.peerPort = socket->peerPort();
        c.localPort = socket->localPort();
        return c;
    }

    // declaredLength: the Content-Length to announce (the truncated-body fault announces more).
    static QByteArray serialize(
        const ReplySent &reply, bool keepAlive, bool http10, qint64 declaredLength = -1)
    {
        QByteArray out;
        out.reserve(160 + reply.body.size());
        out += "HTTP/1.1 " + QByteArray::number(reply.status);
        const QByteArray reason = reasonPhrase(reply.status);
        if (!reason.isEmpty())
            out += ' ' + reason;
        out += "\r\n";
        for (const auto &h : reply.headers) {
            // We frame the body ourselves; a rule's stale length or connection header would lie.
            if (h.first.compare("content-length", Qt::CaseInsensitive) == 0
                || h.first.compare("connection", Qt::CaseInsensitive) == 0)
                continue;
            // The last line of defence: nothing that could end the line gets into the head.
            if (!HttpSyntax::isToken(h.first) || !HttpSyntax::isFieldValue(h.second))
                continue;
            out += h.first + ": " + h.second + "\r\n";
        }
        out += "Content-Length: "
            + QByteArray::number(declaredLength < 0 ? reply.body.size() : declaredLength) + "\r\n";
        if (!keepAlive)
            out += "Connection: close\r\n";
        else if (http10)
            out += "Connection: keep-alive\r\n";
        out += "\r\n";
        out += reply.body;
        return out;
    }

    // A reply in its connection's queue, with the delay before it may leave.
    struct Scheduled
    {
        Connection::PendingReply reply;
        int delayMs = 0;
        bool hang = false;
    };

    // Takes the reply's place in the connection's queue and serialises it (before the capture
    // moves into the store).
    Scheduled prepare(quint64 seq, const CapturedRequest &c, bool keepAlive)
    {
        Scheduled s;
        Connection::PendingReply &reply = s.reply;
        reply.seq = seq;
        reply.captureId = m_owner->m_commitGate ? c.id : 0;
        const ReplySent &r = c.reply;
        s.delayMs = r.delayMs;
        if (r.fault == Fault::Hang) {
            s.hang = true; // the slot never completes: later replies on this connection wait behind it
            return s;
        }
        const bool http10 = c.httpVersion == "HTTP/1.0";
        reply.close = !keepAlive;
        switch (r.fault) {
        case Fault::Close:
            reply.action = Connection::Action::CloseSilently;
            break;
        case Fault::Reset:
            reply.action = Connection::Action::Reset;
            break;
        case Fault::Truncate:
            reply.bytes = serialize(r, keepAlive, http10, r.body.size() + 100);
            reply.action = Connection::Action::WriteThenClose;
            break;
        case Fault::SlowDrip:
            reply.bytes = serialize(r, keepAlive, http10);
            reply.action = Connection::Action::Drip;
            reply.dripIntervalMs = r.dripIntervalMs;
            reply.dripBytes = r.dripBytes;
            break;
        case Fault::None:
        case Fault::Hang:
            reply.bytes = serialize(r, keepAlive, http10);
            break;
        }
        return s;
    }

    void send(Connection *conn, Scheduled s)
    {
        if (s.hang)
            return;
        if (s.delayMs <= 0) {
            conn->complete(std::move(s.reply));
            return;
        }
        m_timers.schedule(conn, s.delayMs, std::move(s.reply));
    }

    void rejectCapture(Connection *conn, const HttpFramer::Output &failure, QTcpSocket *socket)
    {
        CapturedRequest c = snapshot(failure.head, socket, conn);
        maskToken(c);
        c.id = ++m_owner->m_nextId;
        const auto &config = m_owner->m_config;
        QString message;
        switch (failure.event) {
        case HttpFramer::Event::HeaderTooLarge:
            c.rejection = Rejection::HeaderTooLarge;
            c.reply.status = 431;
            message = QStringLiteral("request headers larger than %1 bytes").arg(config.maxHeaderBytes);
            break;
        case HttpFramer::Event::BodyTooLarge:
            c.rejection = Rejection::BodyTooLarge;
            c.reply.status = 413;
            message = QStringLiteral("request body larger than %1 bytes").arg(config.maxBodyBytes);
            break;
        default:
            c.rejection = Rejection::Malformed;
            c.reply.status = 400;
            message = QStringLiteral("malformed HTTP request: %1").arg(failure.reason);
            break;
        }
        if (c.method.isEmpty())
            c.method = QByteArrayLiteral("?");
        c.reply.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
        c.reply.body =
            QJsonDocument(QJsonObject {{QStringLiteral("error"), message}}).toJson(QJsonDocument::Compact);
        const RequestBody body = m_detector.detect(c);
        c.verdict = m_owner->m_engine.verdictFor(c, body);
        QString detail = failure.reason;
        if (c.rejection == Rejection::HeaderTooLarge)
            detail = QString::number(config.maxHeaderBytes);
        else if (c.rejection == Rejection::BodyTooLarge)
            detail = QString::number(config.maxBodyBytes);
        c.warnings.append({rejectionName(c.rejection), {detail}});
        ++m_owner->m_captured;
        ++m_owner->m_rejected;
        if (m_owner->m_sink)
            m_owner->m_sink(c);
        Scheduled reply = prepare(conn->reserveSlot(), c, false);
        m_owner->m_control->count(c);
        m_owner->m_store->append(std::move(c));
        send(conn, std::move(reply));
    }

    void handle(Connection *conn, const RequestHead &head, QByteArray rawBody)
    {
        QTcpSocket *socket = conn->socket();
        CapturedRequest c = snapshot(head, socket, conn);
        c.body = std::move(rawBody);
        if (!c.path.startsWith(ControlApi::prefix))
            maskToken(c);
        if (c.path.startsWith(ControlApi::prefix)) {
            // The scripting API: answered, never captured.
            const quint64 seq = conn->reserveSlot();
            const bool keepAlive = head.keepAlive;
            const bool http10 = c.httpVersion == "HTTP/1.0";
            QPointer<Connection> guard(conn);
            ControlApi *control = m_owner->m_control;
            m_owner->m_control->handle(
                c, [guard, seq, keepAlive, http10, control](const ControlApi::Response &r) {
                    if (!guard)
                        return; // the script hung up while waiting
                    if (r.stream) {
                        // Server-sent events: an open-ended reply, written to as captures arrive.
                        Connection::PendingReply head;
                        head.seq = seq;
                        head.bytes = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: "
                                     "no-cache\r\n"
                                     "Connection: keep-alive\r\n\r\n: stream of captures\n\n";
                        guard->setStreaming();
                        guard->complete(std::move(head));
                        control->subscribe(r.streamQuery, [guard](const QByteArray &event) {
                            if (!guard)
                                return false;
                            // A subscriber that does not keep up is dropped with a last event that
                            // says so, instead of holding every capture for it (3,000 such streams
                            // once took 6.8 GB).
                            if (guard->socket()->bytesToWrite() > ControlApi::maxStreamBacklog) {
                                guard->writeRaw(ControlApi::droppedEvent());
                                guard->socket()->disconnectFromHost();
                                return false;
                            }
                            guard->writeRaw(event);
                            return true;
                        });
                        return;
                    }
                    if (r.producer) {
                        // A chunked body, pulled piece by piece while the client keeps up; the
                        // connection closes after it, so no later reply can land inside it.
                        Connection::PendingReply head;
                        head.seq = seq;
                        head.bytes = "HTTP/1.1 200 OK\r\nContent-Type: " + r.contentType
                            + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n";
                        guard->stopReading();
                        guard->complete(std::move(head));
                        guard->pump(r.producer);
                        return;
                    }
                    ReplySent reply;
                    reply.status = r.status;
                    reply.headers = {{QByteArrayLiteral("Content-Type"), r.contentType}};
                    reply.body = r.body;
                    Connection::PendingReply pending;
                    pending.seq = seq;
                    pending.bytes = serialize(reply, keepAlive, http10);
                    pending.close = !keepAlive;
                    guard->complete(std::move(pending));
                });
            return;
        }
        const RequestBody body = m_detector.detect(c);
        if (m_owner->m_planner)
            m_owner->m_planner(c);
        else
            m_owner->m_engine.answer(c, body);
        const quint64 seq = conn->reserveSlot(); // the reply's place in line, whenever it is ready
        if (isHeld(c)) {
            hold(conn, seq, std::move(c), body, head.keepAlive);
            return;
        }
        if (!c.reply.forwardUrl.isEmpty()) {
            forward(conn, seq, std::move(c), body, head.keepAlive);
            return;
        }
        commit(conn, seq, std::move(c), head.keepAlive);
    }

    // The capture is complete (its reply decided): it takes the next id, goes to the journal, the
    // store and the scripts, and its reply is scheduled. conn is null when the client hung up.
    // sendDelayMs: when not -1, the wait before sending (a held reply records the time OpenIM
    // already waited as its delay, and must not wait that long again).
    void commit(Connection *conn, quint64 seq, CapturedRequest c, bool keepAlive, int sendDelayMs = -1)
    {
        c.id = ++m_owner->m_nextId; // ids follow completion: the commit gate relies on their order
        ++m_owner->m_captured;
        if (m_owner->m_sink)
            m_owner->m_sink(c);
        Scheduled reply = prepare(seq, c, keepAlive);
        if (sendDelayMs >= 0)
            reply.delayMs = sendDelayMs;
        m_owner->m_control->count(c);
        if (m_owner->m_control->watching()) {
            m_owner->m_store->append(c); // a waiting script reads it back from the store
            m_owner->m_control->captured(c);
        } else {
            m_owner->m_store->append(std::move(c));
        }
        if (conn)
            send(conn, std::move(reply));
    }

    // Forward mode: the real business server answers first; its reply (or the rule's, with
    // override) goes to OpenIM, and what OpenIM would see of a failure is what it gets.
    void forward(Connection *conn, quint64 seq, CapturedRequest c, const RequestBody &body, bool keepAlive)
    {
        if (!m_network)
            m_network = std::make_unique<QNetworkAccessManager>();
        const int timeoutMs = m_owner->m_engine.timeoutMsFor(c);
        const QUrl target = forwardTarget(c.reply.forwardUrl, c.path, c.query);
        QNetworkRequest request(target);
        request.setTransferTimeout(timeoutMs);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        for (const auto &h : c.headers) {
            static const QByteArrayView hopByHop[] = {"host", "content-length", "connection",
                "transfer-encoding", "expect", "keep-alive", "te", "upgrade", "proxy-connection"};
            if (std::none_of(std::begin(hopByHop), std::end(hopByHop),
                    [&](QByteArrayView name) { return name.compare(h.first, Qt::CaseInsensitive) == 0; }))
                request.setRawHeader(h.first, h.second);
        }
        QNetworkReply *reply = m_network->sendCustomRequest(request, c.method, c.body);
        QElapsedTimer clock;
        clock.start();
        QPointer<Connection> guard(conn);
        // OpenIM's client has one deadline for the whole exchange, body included (Go's
        // Client.Timeout); Qt's transfer timeout only counts silence, so a dripping reply outlived it.
        auto overrun = std::make_shared<QString>();
        QTimer::singleShot(timeoutMs, reply, [reply, overrun, timeoutMs] {
            *overrun = QStringLiteral("no complete reply within %1 ms").arg(timeoutMs);
            reply->abort();
        });
        QObject::connect(reply, &QNetworkReply::readyRead, reply, [reply, overrun] {
            if (reply->bytesAvailable() > maxForwardReplyBytes && overrun->isEmpty()) {
                *overrun = QStringLiteral("reply larger than %1 bytes: the inspector stopped reading it")
                               .arg(maxForwardReplyBytes);
                reply->abort();
            }
        });
        QObject::connect(reply, &QNetworkReply::finished, reply,
            [this, reply, guard, seq, c = std::move(c), body, keepAlive, clock, target, timeoutMs,
                overrun]() mutable {
                reply->deleteLater();
                Forwarded &f = c.forward;
                f.url = target.toString();
                f.elapsedMs = clock.elapsed();
                f.overridden = c.reply.forwardOverride;
                const bool tooLarge = overrun->startsWith(QLatin1String("reply larger"));
                const bool timedOut = !tooLarge
                    && (!overrun->isEmpty() || reply->error() == QNetworkReply::OperationCanceledError
                        || reply->error() == QNetworkReply::TimeoutError);
                f.status = overrun->isEmpty()
                    ? reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt()
                    : 0;
                if (f.status > 0) {
                    f.headers = reply->rawHeaderPairs();
                    f.body = reply->readAll();
                } else if (!overrun->isEmpty()) {
                    f.error = *overrun;
                } else {
                    f.error = timedOut ? QStringLiteral("no reply within %1 ms").arg(timeoutMs)
                                       : reply->errorString();
                }
                if (!f.overridden) {
                    c.reply.status = f.status;
                    c.reply.headers.clear();
                    c.reply.body = f.body;
                    for (const auto &h : std::as_const(f.headers)) {
                        if (h.first.compare("content-type", Qt::CaseInsensitive) == 0)
                            c.reply.headers.append(h); // our writer frames the body itself
                    }
                    // OpenIM sees what it would see of the real server: no reply in time, or none at all.
                    if (f.status == 0)
                        c.reply.fault = timedOut ? Fault::Hang : Fault::Close;
                    c.verdict = m_owner->m_engine.verdictFor(c, body);
                }
                commit(guard.data(), seq, std::move(c), keepAlive);
            });
    }

    bool isHeld(const CapturedRequest &c) const
    {
        const QStringList &held = m_owner->m_heldCommands;
        return !held.isEmpty()
            && (held.contains(QStringLiteral("*")) || held.contains(c.canonicalCommand)
                || held.contains(c.command));
    }

    // Hold and answer by hand: the capture waits, with its slot in the connection's line, until
    // release() or OpenIM's timeout plus a grace second.
    void hold(Connection *conn, quint64 seq, CapturedRequest c, const RequestBody &body, bool keepAlive)
    {
        const quint64 id = ++m_nextHold;
        const int timeoutMs = m_owner->m_engine.timeoutMsFor(c);
        Held &h = m_held[id];
        h.conn = conn;
        h.seq = seq;
        h.capture = c;
        h.body = body;
        h.keepAlive = keepAlive;
        h.clock.start();
        h.timer = new QTimer(m_owner);
        h.timer->setSingleShot(true);
        QObject::connect(h.timer, &QTimer::timeout, m_owner, [this, id] { release(id, std::nullopt); });
        h.timer->start(timeoutMs + 1000);
        Q_EMIT m_owner->callbackHeld(id, c, timeoutMs);
    }

public:
    bool release(quint64 id, const std::optional<ReplySent> &reply)
    {
        const auto it = m_held.find(id);
        if (it == m_held.end())
            return false;
        Held h = std::move(it.value());
        m_held.erase(it);
        h.timer->deleteLater();
        CapturedRequest c = std::move(h.capture);
        if (reply) {
            c.reply = *reply;
            c.ruleName = QStringLiteral("(answered by hand)");
        }
        // OpenIM waited all this time: the verdict sees it as the reply's delay.
        c.reply.delayMs = int(h.clock.elapsed()) + (reply ? reply->delayMs : 0);
        c.reply.forwardUrl.clear();
        c.verdict = m_owner->m_engine.verdictFor(c, h.body);
        commit(h.conn.data(), h.seq, std::move(c), h.keepAlive, reply ? reply->delayMs : 0);
        Q_EMIT m_owner->holdEnded(id);
        return true;
    }

private:
    // {forward URL} + what follows the base path: the command segment and the query, as OpenIM sent them.
    QUrl forwardTarget(const QString &base, const QString &path, const QString &query) const
    {
        QString suffix = path;
        const QString basePath = m_detector.basePath();
        if (!basePath.isEmpty() && (path == basePath || path.startsWith(basePath + QLatin1Char('/'))))
            suffix = path.mid(basePath.size());
        QString target = base;
        while (target.endsWith(QLatin1Char('/')))
            target.chop(1);
        target += suffix;
        if (!query.isEmpty())
            target += QLatin1Char('?') + query;
        return QUrl(target, QUrl::StrictMode);
    }

    // A callback on hold (see hold()).
    struct Held
    {
        QPointer<Connection> conn;
        quint64 seq = 0;
        CapturedRequest capture;
        RequestBody body;
        bool keepAlive = true;
        QElapsedTimer clock;
        QTimer *timer = nullptr;
    };

    CaptureServer *m_owner;
    CommandDetector m_detector;
    ReplyTimers m_timers;
    QHash<quint64, Held> m_held;
    quint64 m_nextHold = 0;
    std::unique_ptr<QNetworkAccessManager> m_network; // forward mode, created on first use
};

void Connection::onReadyRead()
{
    if (m_rejecting || m_lastRequest) {
        m_socket->readAll(); // drop what follows a rejected or last request
        return;
    }
    m_lastActivity.restart();
    for (;;) {
        handleParsed();
        if (m_rejecting || m_lastRequest || !m_parsed.empty()
            || m_socket->state() != QAbstractSocket::ConnectedState)
            return;
        if (backlogged()) {
            m_paused = true; // resumeIfDrained() picks up when the replies have gone
            return;
        }
        const QByteArray data = m_socket->read(readChunk);
        if (data.isEmpty())
            return;
        for (auto &o : m_framer.feed(data))
            m_parsed.push_back(std::move(o));
    }
}

// Handles framed requests in order until the connection is backlogged.
void Connection::handleParsed()
{
    while (!m_parsed.empty()) {
        if (backlogged()) {
            m_paused = true;
            return;
        }
        HttpFramer::Output o = std::move(m_parsed.front());
        m_parsed.pop_front();
        switch (o.event) {
        case HttpFramer::Event::Head:
            // Clients that send Expect wait (curl: a second) before the body without this.
            if (o.head.expectContinue && (o.head.chunked || o.head.contentLength > 0))
                m_socket->write(QByteArrayLiteral("HTTP/1.1 100 Continue\r\n\r\n"));
            break;
        case HttpFramer::Event::Complete:
            m_server->m_backend->handle(this, o.head, std::move(o.body));
            if (!o.head.keepAlive) {
                m_lastRequest = true;
                m_parsed.clear();
                return;
            }
            if (m_socket->state() != QAbstractSocket::ConnectedState) {
                m_parsed.clear();
                return; // a fault closed it
            }
            break;
        case HttpFramer::Event::HeaderTooLarge:
        case HttpFramer::Event::BodyTooLarge:
        case HttpFramer::Event::Malformed:
            m_parsed.clear();
            reject(o);
            return;
        }
    }
}

void Connection::reject(const HttpFramer::Output &failure)
{
    m_rejecting = true;
    m_server->m_backend->rejectCapture(this, failure, m_socket);
}

// Our own listener: a deep backlog, and every accepted socket gets its Connection at once. With
// TLS each socket starts its server handshake here; there is no pending-connection queue to fill,
// so handshakes that never finish (Qt 6.4's QSslServer stops accepting after 30 of them) only
// cost their own socket until the idle timeout.
class Listener : public QTcpServer
{
public:
    Listener(CaptureServer *server, int idle)
        : m_server(server)
    {
        // One sweep for every connection's idle timeout (a timer per connection costs a burst of
        // thousands of connections dearly in Qt 6.4, see ReplyTimers).
        m_sweep.setInterval(qBound(20, idle / 4, 1000));
        connect(&m_sweep, &QTimer::timeout, this, [idle] {
            for (Connection *conn : Connection::all())
                conn->sweepIdle(idle);
        });
        m_sweep.start();
    }

    // Loads the PEM certificate chain and key; false with a message when they cannot be used.
    bool setTls(const QString &certPath, const QString &keyPath, QString *error)
    {
        if (!QSslSocket::supportsSsl()) {
            *error = QStringLiteral("no TLS backend is available (Qt's OpenSSL plugin)");
            return false;
        }
        QFile certFile(certPath);
        QFile keyFile(keyPath);
        if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
            *error = QStringLiteral("cannot read %1").arg(certFile.isOpen() ? keyPath : certPath);
            return false;
        }
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        const QByteArray keyData = keyFile.readAll();
        QSslKey key(keyData, QSsl::Rsa, QSsl::Pem);
        if (key.isNull())
            key = QSslKey(keyData, QSsl::Ec, QSsl::Pem);
        if (chain.isEmpty() || chain.first().isNull()) {
            *error = QStringLiteral("%1 holds no PEM certificate").arg(certPath);
            return false;
        }
        if (key.isNull()) {
            *error = QStringLiteral("%1 holds no unencrypted PEM RSA or EC private key").arg(keyPath);
            return false;
        }
        m_tls = QSslConfiguration::defaultConfiguration();
        m_tls.setLocalCertificateChain(chain);
        m_tls.setPrivateKey(key);
        m_tls.setPeerVerifyMode(QSslSocket::VerifyNone); // OpenIM presents no client certificate
        m_useTls = true;
        return true;
    }

    // Qt's accept loop retries at once when accept() fails for want of descriptors, spinning a core
    // while no callback is served (reliability report 5.2). Ours pauses 100 ms then, and the
    // waiting clients stay in the kernel's backlog until descriptors are free again.
    void takeOverAccepting()
    {
        pauseAccepting();
        m_accept = new QSocketNotifier(socketDescriptor(), QSocketNotifier::Read, this);
        connect(m_accept, &QSocketNotifier::activated, this, &Listener::acceptPending);
        m_acceptRetry.setSingleShot(true);
        m_acceptRetry.setInterval(100);
        connect(&m_acceptRetry, &QTimer::timeout, this, [this] {
            m_accept->setEnabled(true);
            acceptPending();
        });
    }

private:
    void acceptPending()
    {
        for (int i = 0; i < 256; ++i) { // then the other sockets get their turn
            const int fd = ::accept4(int(socketDescriptor()), nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd >= 0) {
                incomingConnection(fd);
                continue;
            }
            if (errno == EINTR || errno == ECONNABORTED)
                continue;
            if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                m_accept->setEnabled(false);
                m_acceptRetry.start();
            }
            return; // EAGAIN: nothing more to accept
        }
    }

protected:
    void incomingConnection(qintptr descriptor) override
    {
        QTcpSocket *socket = nullptr;
        if (m_useTls) {
            auto *ssl = new QSslSocket(this);
            ssl->setSslConfiguration(m_tls);
            socket = ssl;
        } else {
            socket = new QTcpSocket(this);
        }
        if (!socket->setSocketDescriptor(descriptor)) {
            delete socket;
            return;
        }
        new Connection(socket, m_server);
        if (m_useTls)
            static_cast<QSslSocket *>(socket)->startServerEncryption();
    }

private:
    CaptureServer *m_server;
    QTimer m_sweep;
    bool m_useTls = false;
    QSslConfiguration m_tls;
    QSocketNotifier *m_accept = nullptr;
    QTimer m_acceptRetry;
};

CaptureServer::CaptureServer(CaptureStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_control(new ControlApi(store, &m_engine, this))
{
    connect(m_control, &ControlApi::scenarioChanged, this, &CaptureServer::scenarioChangedElsewhere);
    m_control->setStatusProvider([this] {
        return QJsonObject {{QStringLiteral("listening"), isListening()},
            {QStringLiteral("address"), serverAddress().toString()},
            {QStringLiteral("port"), int(serverPort())}, {QStringLiteral("basePath"), m_config.basePath},
            {QStringLiteral("rejected"), qint64(m_rejected.load())},
            {QStringLiteral("journal"), m_journalState}};
    });
}

QString CaptureServer::controlToken() const
{
    return m_control->token();
}

CaptureServer::~CaptureServer()
{
    stop();
}

void CaptureServer::setCommitGate(bool on)
{
    m_commitGate = on;
    if (on)
        m_committedId = m_nextId.load(); // nothing newer is on disk yet
    else
        committedUpTo(std::numeric_limits<quint64>::max());
}

void CaptureServer::setNextId(quint64 lastId)
{
    if (lastId > m_nextId)
        m_nextId = lastId;
    if (m_commitGate)
        m_committedId = m_nextId;
}

void CaptureServer::committedUpTo(quint64 id)
{
    if (id <= m_committedId && id != std::numeric_limits<quint64>::max())
        return;
    m_committedId = id;
    for (Connection *conn : Connection::all())
        conn->flushCommitted();
}

void CaptureServer::setScenario(const Scenario &scenario)
{
    m_engine.setScenario(scenario);
}

void CaptureServer::setHeldCommands(const QStringList &commands)
{
    m_heldCommands = commands;
}

bool CaptureServer::release(quint64 holdId, const std::optional<ReplySent> &reply)
{
    return m_backend && m_backend->release(holdId, reply);
}

void CaptureServer::setPlanner(ReplyPlanner planner)
{
    m_planner = std::move(planner);
}

bool CaptureServer::start(const ServerConfig &config)
{
    stop();
    m_config = config;
    m_error.clear();
    m_backend = std::make_unique<HttpBackend>(this);
    m_backend->listener = std::make_unique<Listener>(this, config.idleTimeoutMs);
    Listener *listener = m_backend->listener.get();
    listener->setListenBacklogSize(config.listenBacklog);
    if (config.tls() && !listener->setTls(config.tlsCertPath, config.tlsKeyPath, &m_error)) {
        m_backend.reset();
        return false;
    }
    if (!listener->listen(config.address, config.port)) {
        m_error = listener->errorString();
        m_backend.reset();
        return false;
    }
    listener->takeOverAccepting();
    // Scripts on this machine need no token; anyone else who can reach the port does.
    QString token = config.controlToken;
    if (token.isEmpty() && !listener->serverAddress().isLoopback())
        token = QString::number(QRandomGenerator::system()->generate64(), 16)
            + QString::number(QRandomGenerator::system()->generate64(), 16);
    m_control->setGuard(ControlGuard(token, config.allowedHosts));
    return true;
}

void CaptureServer::stop()
{
    m_backend.reset();
}

bool CaptureServer::isListening() const
{
    return m_backend && m_backend->listener && m_backend->listener->isListening();
}

QHostAddress CaptureServer::serverAddress() const
{
    return isListening() ? m_backend->listener->serverAddress() : QHostAddress();
}

quint16 CaptureServer::serverPort() const
{
    return isListening() ? m_backend->listener->serverPort() : 0;
}

} // namespace cbi

#include "captureserver.moc"
