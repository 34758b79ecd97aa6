// SPDX-License-Identifier: MIT
#pragma once

#include "http/connection.h"
#include "http/listener.h"
#include "pipelinestate.h"

#include <memory>
#include <optional>

namespace cbi {

// Every request, whatever its method and path, ends here: snapshotted into a capture, its command
// detected, answered by the rules (or held, or forwarded), journaled, stored. The control API's
// requests go to ControlApi. Owned by CaptureServer while it listens.
class CallbackPipeline : public RequestSink
{
public:
    static std::unique_ptr<CallbackPipeline> create(PipelineState *state);

    // Answers a held callback: with reply, or the rules' reply (nullopt). False for an unknown or
    // already answered hold.
    virtual bool release(quint64 holdId, const std::optional<ReplySent> &reply) = 0;

    std::unique_ptr<Listener> listener; // owns the sockets, and through them the connections
};

} // namespace cbi
