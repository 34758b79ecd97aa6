// SPDX-License-Identifier: MIT
#include "controlapi.h"

#include "capture/capturefilter.h"
#include "capture/capturestore.h"
#include "rules/ruleengine.h"
#include "session/sessionjournal.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

namespace cbi {

struct ControlApi::Query
{
    QString command;
    QString outcome;
    CaptureFilter filter;
    quint64 since = 0;

    bool matches(const CapturedRequest &c) const
    {
        if (c.id <= since)
            return false;
        if (!command.isEmpty() && c.command != command && c.canonicalCommand != command)
            return false;
        if (!outcome.isEmpty() && Verdict::outcomeName(c.verdict.outcome) != outcome)
            return false;
        return filter.matches(c);
    }
};

ControlApi::ControlApi(CaptureStore *store, RuleEngine *engine, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_engine(engine)
{
    // Cleared from any side (this API, the window): the statistics start over with the list.
    connect(store, &CaptureStore::cleared, this, [this] { m_stats.clear(); });
}

ControlApi::Response ControlApi::error(int status, const QString &message)
{
    return json(QJsonObject {{QStringLiteral("error"), message}}, status);
}

ControlApi::Response ControlApi::json(const QJsonValue &value, int status)
{
    Response r;
    r.status = status;
    r.body = value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                             : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
    return r;
}

QList<CapturedRequest> ControlApi::select(const Query &query) const
{
    QList<CapturedRequest> out;
    for (const auto &c : m_store->snapshot()) {
        if (query.matches(c))
            out.append(c);
    }
    return out;
}

void ControlApi::handle(const CapturedRequest &request, const Responder &respond)
{
    bool deferred = false;
    const Response r = route(request, respond, &deferred);
    if (!deferred)
        respond(r);
}

ControlApi::Response ControlApi::route(
    const CapturedRequest &request, const Responder &respond, bool *deferred)
{
    if (const auto refusal = m_guard.check(request))
        return error(refusal->status, refusal->message);
    const QString path = QUrl::fromPercentEncoding(request.path.toUtf8());
    if (!path.startsWith(QLatin1String("/__inspector/v1/")))
        return error(404, QStringLiteral("unknown API version: use /__inspector/v1/"));
    const QStringList parts = path.mid(16).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QString resource = parts.value(0);
    const QByteArray method = request.method;
    const QUrlQuery params(request.query);
    auto param = [&params](const char *name) {
        return params.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
    };

    auto parseQuery = [&](Query *q, Response *failure) {
        q->command = param("command");
        q->outcome = param("verdict");
        QString filterError;
        q->filter = CaptureFilter::parse(param("filter"), &filterError);
        if (!filterError.isEmpty()) {
            *failure = error(400, QStringLiteral("filter: %1").arg(filterError));
            return false;
        }
        bool ok = true;
        if (!param("since").isEmpty())
            q->since = param("since").toULongLong(&ok);
        if (!ok) {
            *failure = error(400, QStringLiteral("since: expected a capture id"));
            return false;
        }
        return true;
    };

    if (resource == QLatin1String("status") && method == "GET") {
        QJsonObject status = m_status ? m_status() : QJsonObject();
        status.insert(QStringLiteral("api"), 1);
        status.insert(QStringLiteral("stored"), qint64(m_store->size()));
        status.insert(QStringLiteral("captured"), qint64(m_store->totalAppended()));
        status.insert(QStringLiteral("loaded"), qint64(m_store->loadedCount()));
        status.insert(QStringLiteral("dropped"), qint64(m_store->droppedCount()));
        status.insert(QStringLiteral("memoryBytes"), m_store->memoryUsed());
        status.insert(QStringLiteral("memoryLimit"), m_store->memoryLimit());
        status.insert(QStringLiteral("scenario"), m_engine->scenario().name);
        status.insert(QStringLiteral("profile"), profileName(m_engine->scenario().profile));
        status.insert(QStringLiteral("rules"), qint64(m_engine->scenario().rules.size()));
        return json(status);
    }
    if (resource == QLatin1String("captures")) {
        if (parts.size() == 2 && method == "GET") {
            bool ok = false;
            const quint64 id = parts.at(1).toULongLong(&ok);
            for (const auto &c : m_store->snapshot()) {
                if (ok && c.id == id)
                    return json(m_store->withBody(c).toJson());
            }
            return error(404,
                QStringLiteral("no capture %1 (it may have been dropped: the store keeps the newest)")
                    .arg(parts.at(1)));
        }
        if (parts.size() == 1 && method == "DELETE") {
            m_store->clear(); // the statistics follow through CaptureStore::cleared
            return json(QJsonObject {{QStringLiteral("cleared"), true}});
        }
        if (parts.size() == 1 && method == "GET") {
            Query q;
            Response failure;
            if (!parseQuery(&q, &failure))
                return failure;
            bool ok = true;
            const int limit = param("limit").isEmpty() ? 100 : param("limit").toInt(&ok);
            const int offset = param("offset").isEmpty() || !ok ? 0 : param("offset").toInt(&ok);
            if (!ok || limit < 0 || offset < 0)
                return error(400, QStringLiteral("limit and offset: expected whole numbers >= 0"));
            const QList<CapturedRequest> all = select(q);
            QJsonArray page;
            for (qsizetype i = offset; i < all.size() && page.size() < limit; ++i)
                page.append(m_store->withBody(all.at(i)).toJson()); // a spilled body: from the file
            return json(QJsonObject {
                {QStringLiteral("total"), qint64(all.size())}, {QStringLiteral("captures"), page}});
        }
        return error(405, QStringLiteral("captures: GET (list, one by id) or DELETE (clear)"));
    }
    if (resource == QLatin1String("stats") && method == "GET")
        return json(m_stats.toJson(QDateTime::currentSecsSinceEpoch()));
    if (resource == QLatin1String("wait") && method == "GET") {
        auto q = std::make_shared<Query>();
        Response failure;
        if (!parseQuery(q.get(), &failure))
            return failure;
        bool ok = true;
        const int count = param("count").isEmpty() ? 1 : param("count").toInt(&ok);
        const int timeout = param("timeout").isEmpty() || !ok ? 10000 : param("timeout").toInt(&ok);
        if (!ok || count < 1 || timeout < 0 || timeout > 600000)
            return error(400, QStringLiteral("count: expected >= 1; timeout: milliseconds up to 600000"));
        Wait wait;
        wait.query = q;
        wait.count = count;
        wait.matched = int(select(*q).size());
        wait.respond = respond;
        m_waits.append(wait);
        if (wait.matched >= count) {
            finishWait(m_waits.size() - 1, false);
        } else {
            auto *timer = new QTimer(this);
            timer->setSingleShot(true);
            timer->setTimerType(Qt::PreciseTimer); // a coarse timer gives up to 5 % early
            m_waits.last().timer = timer;
            connect(timer, &QTimer::timeout, this, [this, timer] {
                for (qsizetype i = 0; i < m_waits.size(); ++i) {
                    if (m_waits.at(i).timer == timer) {
                        finishWait(i, true);
                        return;
                    }
                }
            });
            timer->start(timeout);
        }
        *deferred = true;
        return {};
    }
    if (resource == QLatin1String("scenario")) {
        if (parts.size() == 1 && method == "GET")
            return json(QJsonDocument::fromJson(m_engine->scenario().toJson()).object());
        if (parts.size() == 1 && method == "PUT") {
            QString message;
            const auto scenario = Scenario::fromJson(request.body, &message);
            if (!scenario)
                return error(400, QStringLiteral("scenario: %1").arg(message));
            m_engine->setScenario(*scenario);
            Q_EMIT scenarioChanged(*scenario);
            QJsonObject reply {{QStringLiteral("rules"), qint64(scenario->rules.size())}};
            QJsonArray notices;
            for (const auto &n : scenario->notices)
                notices.append(n.text(false));
            if (!notices.isEmpty())
                reply.insert(QStringLiteral("notices"), notices);
            return json(reply);
        }
        if (parts.size() == 2 && parts.at(1) == QLatin1String("reset") && method == "POST") {
            m_engine->resetCounters();
            return json(QJsonObject {{QStringLiteral("reset"), true}});
        }
        return error(405,
            QStringLiteral("scenario: GET, PUT (replace), POST scenario/reset (sequences and counters)"));
    }
    if (resource == QLatin1String("rules")) {
        Scenario scenario = m_engine->scenario();
        if (parts.size() == 1 && method == "POST") {
            // One rule, checked by the scenario reader.
            const QByteArray wrapped = "{\"scenario\":1,\"rules\":[" + request.body + "]}";
            QString message;
            const auto parsed = Scenario::fromJson(wrapped, &message);
            if (!parsed)
                return error(400,
                    QStringLiteral("rule: %1")
                        .arg(message.replace(QStringLiteral("$.rules[0]"), QStringLiteral("$"))));
            if (parsed->rules.size() != 1) // an empty body, or "{...},{...}" slipped past the wrapper
                return error(400, QStringLiteral("rule: expected exactly one rule object"));
            if (scenario.rules.size() >= 10000)
                return error(400, QStringLiteral("rule: a scenario holds at most 10000 rules"));
            const bool first = param("position") == QLatin1String("first");
            if (first)
                scenario.rules.prepend(parsed->rules.first());
            else
                scenario.rules.append(parsed->rules.first());
            m_engine->setScenario(scenario);
            Q_EMIT scenarioChanged(scenario);
            return json(QJsonObject {{QStringLiteral("rules"), qint64(scenario.rules.size())}}, 201);
        }
        if (parts.size() == 2 && method == "DELETE") {
            bool ok = false;
            const int index = parts.at(1).toInt(&ok);
            if (!ok || index < 0 || index >= scenario.rules.size())
                return error(404,
                    QStringLiteral("no rule at index %1 (there are %2)")
                        .arg(parts.at(1))
                        .arg(scenario.rules.size()));
            scenario.rules.removeAt(index);
            m_engine->setScenario(scenario);
            Q_EMIT scenarioChanged(scenario);
            return json(QJsonObject {{QStringLiteral("rules"), qint64(scenario.rules.size())}});
        }
        return error(405,
            QStringLiteral("rules: POST (add one; ?position=first to put it first), DELETE rules/INDEX"));
    }
    if (resource == QLatin1String("events") && method == "GET") {
        if (m_subscribers.size() >= maxStreams)
            return error(429, QStringLiteral("%1 event streams are open already; close one").arg(maxStreams));
        auto q = std::make_shared<Query>();
        Response failure;
        if (!parseQuery(q.get(), &failure))
            return failure;
        Response r;
        r.stream = true;
        r.streamQuery = q;
        r.contentType = QByteArrayLiteral("text/event-stream");
        return r;
    }
    if (resource == QLatin1String("export") && method == "GET") {
        Query q;
        Response failure;
        if (!parseQuery(&q, &failure))
            return failure;
        const QString format = param("format").isEmpty() ? QStringLiteral("json") : param("format");
        const bool ndjson = format == QLatin1String("ndjson");
        if (!ndjson && format != QLatin1String("json"))
            return error(400, QStringLiteral("format: json or ndjson"));
        Response r;
        r.contentType =
            ndjson ? QByteArrayLiteral("application/x-ndjson") : QByteArrayLiteral("application/json");
        r.producer = m_sessionPath.isEmpty() ? memoryExport(q, ndjson) : sessionExport(q, ndjson);
        return r;
    }
    return error(404,
        QStringLiteral("unknown endpoint %1 %2 (status, captures, wait, events, scenario, rules, export)")
            .arg(QString::fromLatin1(method), path));
}

// Pieces of about 256 KiB; the selection shares the store's data.
std::function<QByteArray()> ControlApi::memoryExport(const Query &query, bool ndjson) const
{
    auto all = std::make_shared<QList<CapturedRequest>>(select(query));
    auto next = std::make_shared<qsizetype>(-1); // -1: the opening not written yet
    return [all, next, ndjson]() -> QByteArray {
        QByteArray piece;
        if (*next < 0) {
            *next = 0;
            if (!ndjson)
                piece = "{\"captures\":[";
        }
        if (*next > all->size())
            return {};
        qsizetype end = *next;
        while (end < all->size() && piece.size() < 256 * 1024) {
            if (!ndjson && end > 0)
                piece += ',';
            piece += QJsonDocument(all->at(end).toJson()).toJson(QJsonDocument::Compact);
            if (ndjson)
                piece += '\n';
            ++end;
        }
        *next = end;
        if (end == all->size()) {
            *next = end + 1; // the next call ends the body
            all->clear();
            if (!ndjson)
                piece += "]}";
        }
        return piece;
    };
}

// Reads the session file from where the last piece stopped, so the export holds every capture of
// the session (memory keeps only the newest) and memory holds one piece at a time. An error
// after the head went out ends the body with it ("error" in JSON, a last line in NDJSON).
std::function<QByteArray()> ControlApi::sessionExport(const Query &query, bool ndjson) const
{
    struct Cursor
    {
        Query query;
        QString path;
        quint64 afterId = 0;
        bool started = false;
        bool first = true;
        bool ended = false;
    };
    auto cursor = std::make_shared<Cursor>();
    cursor->query = query;
    cursor->path = m_sessionPath;
    return [cursor, ndjson]() -> QByteArray {
        if (cursor->ended)
            return {};
        QByteArray piece;
        if (!cursor->started) {
            cursor->started = true;
            if (!ndjson)
                piece = "{\"captures\":[";
        }
        SessionJournal::Filter filter;
        filter.afterId = cursor->afterId;
        bool more = false;
        QString error;
        qint64 unreadable = 0;
        const bool ok = SessionJournal::forEach(
            cursor->path, filter,
            [&](const CapturedRequest &c) {
                cursor->afterId = c.id;
                if (cursor->query.matches(c)) {
                    if (!ndjson && !cursor->first)
                        piece += ',';
                    cursor->first = false;
                    piece += QJsonDocument(c.toJson()).toJson(QJsonDocument::Compact);
                    if (ndjson)
                        piece += '\n';
                }
                more = piece.size() >= 256 * 1024;
                return !more;
            },
            &error, &unreadable);
        if (ok && more)
            return piece;
        cursor->ended = true;
        if (!ok) {
            // JSON-quoted through an array: ["..."] without its brackets.
            const QByteArray quoted =
                QJsonDocument(QJsonArray {error}).toJson(QJsonDocument::Compact).chopped(1).mid(1);
            if (ndjson)
                piece += "{\"error\":" + quoted + "}\n";
            else
                piece += "],\"error\":" + quoted + '}';
            return piece;
        }
        if (!ndjson)
            piece += "]}";
        return piece;
    };
}

QByteArray ControlApi::droppedEvent()
{
    return QByteArrayLiteral("event: dropped\ndata: {\"error\":\"this stream fell more than 1 MiB behind and "
                             "was closed: read events as they come, or query captures?since=ID\"}\n\n");
}

void ControlApi::subscribe(const std::shared_ptr<void> &query, const StreamSink &sink)
{
    m_subscribers.append({std::static_pointer_cast<Query>(query), sink});
    if (!m_heartbeat) {
        // A comment now and then keeps proxies and the idle timeout from closing quiet streams.
        m_heartbeat = new QTimer(this);
        connect(m_heartbeat, &QTimer::timeout, this, [this] {
            for (qsizetype i = m_subscribers.size() - 1; i >= 0; --i) {
                if (!m_subscribers.at(i).sink(QByteArrayLiteral(": keep-alive\n\n")))
                    m_subscribers.removeAt(i);
            }
        });
        m_heartbeat->start(15000);
    }
}

void ControlApi::captured(const CapturedRequest &capture)
{
    if (!m_subscribers.isEmpty()) {
        QByteArray event;
        for (qsizetype i = m_subscribers.size() - 1; i >= 0; --i) {
            if (!m_subscribers.at(i).query->matches(capture))
                continue;
            if (event.isEmpty())
                event = "id: " + QByteArray::number(capture.id) + "\nevent: capture\ndata: "
                    + QJsonDocument(capture.toJson()).toJson(QJsonDocument::Compact) + "\n\n";
            if (!m_subscribers.at(i).sink(event))
                m_subscribers.removeAt(i);
        }
    }
    for (qsizetype i = m_waits.size() - 1; i >= 0; --i) {
        Wait &w = m_waits[i];
        if (w.query->matches(capture) && ++w.matched >= w.count)
            finishWait(i, false);
    }
}

void ControlApi::finishWait(qsizetype index, bool timedOut)
{
    Wait w = m_waits.takeAt(index);
    if (w.timer)
        w.timer->deleteLater();
    QJsonArray captures;
    if (!timedOut) {
        const QList<CapturedRequest> all = select(*w.query);
        for (qsizetype i = 0; i < all.size() && captures.size() < w.count; ++i)
            captures.append(m_store->withBody(all.at(i)).toJson());
    }
    QJsonObject body {{QStringLiteral("matched"), w.matched}, {QStringLiteral("timedOut"), timedOut}};
    if (timedOut)
        body.insert(QStringLiteral("error"),
            QStringLiteral("timed out with %1 of %2 matching captures").arg(w.matched).arg(w.count));
    else
        body.insert(QStringLiteral("captures"), captures);
    w.respond(json(body, timedOut ? 408 : 200));
}

} // namespace cbi
