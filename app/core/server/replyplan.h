// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"

#include <functional>

namespace cbi {

// Fills the reply (status, headers, body, delay, fault) of a captured request. Called on the
// server's thread for every request; it must be cheap and must not block.
using ReplyPlanner = std::function<void(CapturedRequest &)>;

// {"actionCode":0,"errCode":0,"errMsg":"","errDlt":"","nextCode":0}: OpenIM carries on.
QByteArray continueReplyBody();
ReplySent continueReply(int delayMs = 0);

} // namespace cbi
