// SPDX-License-Identifier: MIT
#include "callbackpipeline.h"

#include "capture/capturestore.h"
#include "capture/httpsyntax.h"
#include "catalogue/catalogue.h"
#include "catalogue/commanddetector.h"
#include "control/controlapi.h"
#include "forwarder.h"
#include "http/httpframer.h"
#include "http/replytimers.h"
#include "http/replywriter.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>
#include <optional>

namespace cbi {

namespace {

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

// Every request, whatever its method and path, ends here: captured, answered by the rules.
class Pipeline final : public CallbackPipeline
{
public:
    explicit Pipeline(PipelineState *state)
        : m_state(state)
        , m_detector(Catalogue::instance(), state->config.basePath)
        , m_forwarder(state->config.basePath, {state->config.forwardCaCertPath, state->config.forwardVerify})
    {
        m_timers.setLatenessSink([control = state->control](qint64 ns) { control->replyLate(ns); });
    }

    void handleRequest(Connection *conn, const RequestHead &head, QByteArray body) override
    {
        handle(conn, head, std::move(body));
    }
    void rejectRequest(Connection *conn, const HttpFramer::Output &failure) override
    {
        rejectCapture(conn, failure, conn->socket());
    }
    quint64 committedId() const override { return m_state->committedId; }

    ~Pipeline() override
    {
        // Stopping with callbacks on hold: they were accepted, so they are answered and captured.
        const auto held = m_held.keys();
        for (quint64 id : held)
            release(id, std::nullopt);
    }

    // An API call mistyped as a callback (//__inspector/...) is captured: its token must not be.
    void maskToken(CapturedRequest &c) const
    {
        for (auto &h : c.headers) {
            if (h.first.compare("authorization", Qt::CaseInsensitive) == 0
                && m_state->control->guard().carriesToken(h.second))
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
        reply.captureId = m_state->commitGate ? c.id : 0;
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
            reply.bytes = ReplyWriter::serialize(r, keepAlive, http10, r.body.size() + 100);
            reply.action = Connection::Action::WriteThenClose;
            break;
        case Fault::SlowDrip:
            reply.bytes = ReplyWriter::serialize(r, keepAlive, http10);
            reply.action = Connection::Action::Drip;
            reply.dripIntervalMs = r.dripIntervalMs;
            reply.dripBytes = r.dripBytes;
            break;
        case Fault::None:
        case Fault::Hang:
            reply.bytes = ReplyWriter::serialize(r, keepAlive, http10);
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
        c.id = ++m_state->nextId;
        const auto &config = m_state->config;
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
        c.verdict = m_state->engine.verdictFor(c, body);
        QString detail = failure.reason;
        if (c.rejection == Rejection::HeaderTooLarge)
            detail = QString::number(config.maxHeaderBytes);
        else if (c.rejection == Rejection::BodyTooLarge)
            detail = QString::number(config.maxBodyBytes);
        c.warnings.append({rejectionName(c.rejection), {detail}});
        ++m_state->captured;
        ++m_state->rejected;
        if (m_state->sink)
            m_state->sink(c);
        Scheduled reply = prepare(conn->reserveSlot(), c, false);
        m_state->control->count(c);
        m_state->store->append(std::move(c));
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
            ControlApi *control = m_state->control;
            m_state->control->handle(
                c, [guard, seq, keepAlive, http10, control](const ControlApi::Response &r) {
                    if (!guard)
                        return; // the script hung up while waiting
                    if ((r.stream || r.producer) && !guard->isNext(seq)) {
                        // A stream's bytes go straight to the socket: an earlier reply still
                        // waiting on this connection would land after them.
                        ReplySent refused;
                        refused.status = 409;
                        refused.headers = {
                            {QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
                        refused.body = QByteArrayLiteral(
                            R"({"error":"events and export need a connection with no other request waiting"})");
                        Connection::PendingReply pending;
                        pending.seq = seq;
                        pending.bytes = ReplyWriter::serialize(refused, false, http10);
                        pending.close = true;
                        guard->complete(std::move(pending));
                        return;
                    }
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
                                guard->endStreaming(); // the idle sweep closes it if it never reads
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
                    pending.bytes = ReplyWriter::serialize(reply, keepAlive, http10);
                    pending.close = !keepAlive;
                    guard->complete(std::move(pending));
                });
            return;
        }
        const RequestBody body = m_detector.detect(c, profileName(m_state->engine.scenario().profile));
        if (m_state->planner)
            m_state->planner(c);
        else
            m_state->engine.answer(c, body);
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
        c.id = ++m_state->nextId; // ids follow completion: the commit gate relies on their order
        ++m_state->captured;
        if (m_state->sink)
            m_state->sink(c);
        Scheduled reply = prepare(seq, c, keepAlive);
        if (sendDelayMs >= 0)
            reply.delayMs = sendDelayMs;
        m_state->control->count(c);
        if (m_state->control->watching()) {
            m_state->store->append(c); // a waiting script reads it back from the store
            m_state->control->captured(c);
        } else {
            m_state->store->append(std::move(c));
        }
        if (conn)
            send(conn, std::move(reply));
    }

    // Forward mode: the real business server answers first; its reply (or the rule's, with
    // override) goes to OpenIM, and what OpenIM would see of a failure is what it gets.
    void forward(Connection *conn, quint64 seq, CapturedRequest c, const RequestBody &body, bool keepAlive)
    {
        const int timeoutMs = m_state->engine.timeoutMsFor(c);
        QPointer<Connection> guard(conn);
        m_forwarder.forward(std::move(c), timeoutMs, [this, guard, seq, body, keepAlive](CapturedRequest c) {
            if (!c.forward.overridden)
                c.verdict = m_state->engine.verdictFor(c, body);
            commit(guard.data(), seq, std::move(c), keepAlive);
        });
    }

    bool isHeld(const CapturedRequest &c) const
    {
        const QStringList &held = m_state->heldCommands;
        return !held.isEmpty()
            && (held.contains(QStringLiteral("*")) || held.contains(c.canonicalCommand)
                || held.contains(c.command));
    }

    // Hold and answer by hand: the capture waits, with its slot in the connection's line, until
    // release() or OpenIM's timeout plus a grace second.
    void hold(Connection *conn, quint64 seq, CapturedRequest c, const RequestBody &body, bool keepAlive)
    {
        const quint64 id = ++m_nextHold;
        const int timeoutMs = m_state->engine.timeoutMsFor(c);
        Held &h = m_held[id];
        h.conn = conn;
        h.seq = seq;
        h.capture = c;
        h.body = body;
        h.keepAlive = keepAlive;
        h.clock.start();
        h.timer = new QTimer(m_state->context);
        h.timer->setSingleShot(true);
        QObject::connect(
            h.timer, &QTimer::timeout, m_state->context, [this, id] { release(id, std::nullopt); });
        h.timer->start(timeoutMs + 1000);
        m_state->held(id, c, timeoutMs);
    }

public:
    bool release(quint64 id, const std::optional<ReplySent> &reply) override
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
        // Kept with the capture, so views say it was held (and replace their paused row).
        const int timeoutMs = m_state->engine.timeoutMsFor(c);
        c.hold = {reply                        ? HoldRecord::End::ByHand
                : c.reply.delayMs >= timeoutMs ? HoldRecord::End::Expired
                                               : HoldRecord::End::RulesReply,
            timeoutMs, id};
        c.reply.forwardUrl.clear();
        c.verdict = m_state->engine.verdictFor(c, h.body);
        commit(h.conn.data(), h.seq, std::move(c), h.keepAlive, reply ? reply->delayMs : 0);
        m_state->holdEnded(id);
        return true;
    }

private:
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

    PipelineState *m_state;
    CommandDetector m_detector;
    ReplyTimers m_timers;
    QHash<quint64, Held> m_held;
    quint64 m_nextHold = 0;
    Forwarder m_forwarder;
};

std::unique_ptr<CallbackPipeline> CallbackPipeline::create(PipelineState *state)
{
    return std::make_unique<Pipeline>(state);
}

} // namespace cbi
