// SPDX-License-Identifier: MIT
#pragma once

#include "capturedrequest.h"

namespace cbi {

// One message or operation across its callbacks: before send, modify, push, after send, save to DB.
// Captures belong together when they carry the same clientMsgID in the body (one message through
// every service) or the same operationID (one API call).
class CaptureTimeline
{
public:
    static QString clientMsgID(const CapturedRequest &capture);
    // The captures of `all` related to `anchor` (itself included), in time order.
    static QList<CapturedRequest> related(const CapturedRequest &anchor, const QList<CapturedRequest> &all);
};

} // namespace cbi
