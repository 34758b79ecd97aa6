// SPDX-License-Identifier: MIT
#pragma once

#include "capture/continuereply.h"
#include "rules/ruleengine.h"
#include "serverconfig.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <limits>
#include <memory>
#include <optional>

namespace cbi {

// Fills the reply (status, headers, body, delay, fault) of a captured request. Called on the
// server's thread for every request; it must be cheap and must not block.
using ReplyPlanner = std::function<void(CapturedRequest &)>;

class CaptureStore;
class ControlApi;
class HttpBackend;

// The embedded HTTP server that stands in for an OpenIM business server: it captures every
// request into the CaptureStore and answers it as the ReplyPlanner says, after its delay.
// A facade over private classes (listener, connections, request handler) in the .cpp.
// Lives on one thread (the GUI moves it to a worker); start() and stop() run on that thread.
class CaptureServer : public QObject
{
    Q_OBJECT
public:
    explicit CaptureServer(CaptureStore *store, QObject *parent = nullptr);
    ~CaptureServer() override;

    // The rules and OpenIM profile that answer requests (call on the server's thread).
    // file: where the scenario was read from, modified: it was changed since (GET status says both).
    void setScenario(const Scenario &scenario, const QString &file = {}, bool modified = false);
    const Scenario &scenario() const { return m_engine.scenario(); }
    void resetCounters() { m_engine.resetCounters(); }
    // With a session journal: hold every reply until its capture is committed (committedUpTo).
    void setCommitGate(bool on);
    void committedUpTo(quint64 id);
    // Ids continue above every id of a (re)opened session file; they never go back.
    void setNextId(quint64 lastId);
    // What GET status says of the session file: "none", "ok", "failing: REASON" (replies wait)
    // or "memory only: REASON" (--on-journal-failure fail).
    void setJournalState(const QString &state) { m_journalState = state; }
    // The session file GET export reads (empty: exports come from memory).
    void setSessionPath(const QString &path);
    // Called on the server's thread for every capture, right after the store has it (a session journal).
    void setCaptureSink(std::function<void(const CapturedRequest &)> sink) { m_sink = std::move(sink); }
    // Test seam: replaces the rule engine entirely.
    void setPlanner(ReplyPlanner planner);
    // Hold and answer by hand: callbacks of these commands ("*": all) wait for release() instead of
    // being answered; callbackHeld() announces each with the reply the rules would give. A hold not
    // released within OpenIM's timeout plus a grace second is answered with that reply (too late
    // for OpenIM, which the verdict then says).
    void setHeldCommands(const QStringList &commands);
    QStringList heldCommands() const { return m_heldCommands; }
    // reply: what to send; nullopt: the rules' reply. Returns false for an unknown or answered hold.
    bool release(quint64 holdId, const std::optional<ReplySent> &reply);

    bool start(const ServerConfig &config);
    void stop();
    bool isListening() const;
    ServerConfig config() const { return m_config; }
    QHostAddress serverAddress() const;
    quint16 serverPort() const;
    QString errorString() const { return m_error; }
    // The bearer token the control API wants; empty while listening on loopback only.
    QString controlToken() const;

Q_SIGNALS:
    void callbackHeld(quint64 holdId, const cbi::CapturedRequest &capture, int timeoutMs);
    void holdEnded(quint64 holdId);
    // The control API changed the served scenario.
    void scenarioChangedElsewhere(const cbi::Scenario &scenario);

public:
    // Counters, readable from any thread.
    quint64 capturedCount() const { return m_captured.load(); }

private:
    friend class HttpBackend;
    friend class Connection;

    CaptureStore *m_store;
    ServerConfig m_config;
    ReplyPlanner m_planner;
    std::function<void(const CapturedRequest &)> m_sink;
    RuleEngine m_engine;
    ControlApi *m_control;
    std::unique_ptr<HttpBackend> m_backend;
    QString m_error;
    QStringList m_heldCommands;
    QString m_scenarioFile;
    bool m_scenarioModified = false;
    QString m_journalState = QStringLiteral("none");
    std::atomic<quint64> m_nextId {0};
    std::atomic<quint64> m_captured {0};
    std::atomic<quint64> m_rejected {0};
    bool m_commitGate = false;
    quint64 m_committedId = std::numeric_limits<quint64>::max(); // no gate: everything counts as committed
};

} // namespace cbi
