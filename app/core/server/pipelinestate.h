// SPDX-License-Identifier: MIT
#pragma once

#include "rules/ruleengine.h"
#include "serverconfig.h"

#include <QStringList>

#include <atomic>
#include <functional>
#include <limits>

class QObject;

namespace cbi {

class CaptureStore;
class ControlApi;

// Fills the reply (status, headers, body, delay, fault) of a captured request. Called on the
// server's thread for every request; it must be cheap and must not block.
using ReplyPlanner = std::function<void(CapturedRequest &)>;

// What the callback pipeline shares with the CaptureServer that owns it: set through the server's
// façade, read by the pipeline, all on the server's thread (the counters from any thread).
struct PipelineState
{
    explicit PipelineState(CaptureStore *captureStore)
        : store(captureStore)
    {
    }

    CaptureStore *store;
    ControlApi *control = nullptr;
    QObject *context = nullptr; // parent of the pipeline's timers: the server
    ServerConfig config;
    ReplyPlanner planner; // a test seam that replaces the engine
    std::function<void(const CapturedRequest &)> sink; // the session journal
    RuleEngine engine;
    QStringList heldCommands;
    std::function<void(quint64 holdId, const CapturedRequest &capture, int timeoutMs)> held;
    std::function<void(quint64 holdId)> holdEnded;
    std::atomic<quint64> nextId {0};
    std::atomic<quint64> captured {0};
    std::atomic<quint64> rejected {0};
    bool commitGate = false;
    quint64 committedId = std::numeric_limits<quint64>::max(); // no gate: everything counts as committed
};

} // namespace cbi
