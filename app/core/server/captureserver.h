// SPDX-License-Identifier: MIT
#pragma once

#include "capture/continuereply.h"
#include "pipelinestate.h"

#include <QObject>

#include <atomic>
#include <functional>
#include <limits>
#include <memory>
#include <optional>

namespace cbi {

class CaptureStore;
class ControlApi;
class CallbackPipeline;

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
    const Scenario &scenario() const { return m_state.engine.scenario(); }
    void resetCounters() { m_state.engine.resetCounters(); }
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
    void setCaptureSink(std::function<void(const CapturedRequest &)> sink) { m_state.sink = std::move(sink); }
    // Test seam: replaces the rule engine entirely.
    void setPlanner(ReplyPlanner planner);
    // Hold and answer by hand: callbacks of these commands ("*": all) wait for release() instead of
    // being answered; callbackHeld() announces each with the reply the rules would give. A hold not
    // released within OpenIM's timeout plus a grace second is answered with that reply (too late
    // for OpenIM, which the verdict then says).
    void setHeldCommands(const QStringList &commands);
    QStringList heldCommands() const { return m_state.heldCommands; }
    // reply: what to send; nullopt: the rules' reply. Returns false for an unknown or answered hold.
    bool release(quint64 holdId, const std::optional<ReplySent> &reply);

    bool start(const ServerConfig &config);
    void stop();
    bool isListening() const;
    ServerConfig config() const { return m_state.config; }
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
    quint64 capturedCount() const { return m_state.captured.load(); }

private:
    PipelineState m_state;
    ControlApi *m_control;
    std::unique_ptr<CallbackPipeline> m_pipeline;
    QString m_error;
    QString m_scenarioFile;
    bool m_scenarioModified = false;
    QString m_journalState = QStringLiteral("none");
};

} // namespace cbi
