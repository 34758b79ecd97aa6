// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"
#include "capture/capturestats.h"
#include "controlguard.h"
#include "rules/scenario.h"

#include <QByteArray>
#include <QList>
#include <QObject>

#include <functional>

class QTimer;

namespace cbi {

class CaptureStore;
class RuleEngine;

// The /__inspector/v1/ API that scripts use while a test runs: query and wait for captures, read and
// change the rules, status, export. JSON in and out; errors are 4xx with {"error": "..."}. Lives on
// the server's thread; beyond loopback it wants "Authorization: Bearer TOKEN". Documented in docs/qa.md.
class ControlApi : public QObject
{
    Q_OBJECT
public:
    static constexpr QLatin1String prefix {"/__inspector/"};
    // Event streams: at most this many at once, each dropped once this many bytes wait unread.
    static constexpr int maxStreams = 64;
    static constexpr qint64 maxStreamBacklog = 1024 * 1024;
    static QByteArray droppedEvent();

    struct Response
    {
        int status = 200;
        QByteArray body;
        QByteArray contentType = QByteArrayLiteral("application/json");
        bool stream = false; // events: the head is sent, then subscribe() the connection
        std::shared_ptr<void> streamQuery;
        // export: the body in pieces, pulled while the client keeps up (empty: the end), so that a
        // large export neither sits in memory whole nor holds up callbacks on the server's thread.
        std::function<QByteArray()> producer;
    };
    // Writes to a streaming connection; returns false once the connection is gone.
    using StreamSink = std::function<bool(const QByteArray &)>;
    using Responder = std::function<void(const Response &)>;

    ControlApi(CaptureStore *store, RuleEngine *engine, QObject *parent = nullptr);

    void setGuard(const ControlGuard &guard) { m_guard = guard; }
    const ControlGuard &guard() const { return m_guard; }
    QString token() const { return m_guard.token(); } // empty: no token needed
    void setStatusProvider(std::function<QJsonObject()> provider) { m_status = std::move(provider); }
    // With a session file, GET export reads it (every capture of the session) instead of memory.
    void setSessionPath(const QString &path) { m_sessionPath = path; }

    // Answers (now, or later for waits) through `respond`; the request is one whose path starts with prefix.
    void handle(const CapturedRequest &request, const Responder &respond);
    // Whether a stream or a wait needs captured() to be called.
    bool watching() const { return !m_subscribers.isEmpty() || !m_waits.isEmpty(); }
    // Called for every new capture: wakes the waits it completes and feeds the event streams.
    void captured(const CapturedRequest &capture);
    // Counted for GET stats: every capture, watched or not.
    void count(const CapturedRequest &capture) { m_stats.add(capture); }
    void replyLate(qint64 ns) { m_stats.addLateness(ns); }
    // After an events response went out: send matching captures to this connection as they come.
    void subscribe(const std::shared_ptr<void> &query, const StreamSink &sink);

Q_SIGNALS:
    // A script replaced or edited the served scenario (PUT scenario, POST rules, DELETE rules/N).
    void scenarioChanged(const cbi::Scenario &scenario);

private:
    struct Query; // parsed filter parameters
    struct Wait
    {
        std::shared_ptr<Query> query;
        int count = 1;
        int matched = 0;
        Responder respond;
        QTimer *timer = nullptr;
    };

    Response route(const CapturedRequest &request, const Responder &respond, bool *deferred);
    static Response error(int status, const QString &message);
    static Response json(const QJsonValue &value, int status = 200);
    QList<CapturedRequest> select(const Query &query) const;
    std::function<QByteArray()> memoryExport(const Query &query, bool ndjson) const;
    std::function<QByteArray()> sessionExport(const Query &query, bool ndjson) const;
    void finishWait(qsizetype index, bool timedOut);

    CaptureStore *m_store;
    RuleEngine *m_engine;
    CaptureStats m_stats;
    ControlGuard m_guard;
    QString m_sessionPath;
    std::function<QJsonObject()> m_status;
    QList<Wait> m_waits;
    struct Subscriber
    {
        std::shared_ptr<Query> query;
        StreamSink sink;
    };
    QList<Subscriber> m_subscribers;
    QTimer *m_heartbeat = nullptr;
};

} // namespace cbi
