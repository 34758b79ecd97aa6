// SPDX-License-Identifier: MIT
#pragma once

#include "capturedrequest.h"

namespace cbi {

// {"actionCode":0,"errCode":0,"errMsg":"","errDlt":"","nextCode":0}: OpenIM carries on.
QByteArray continueReplyBody();
ReplySent continueReply(int delayMs = 0);

} // namespace cbi
