// SPDX-License-Identifier: MIT
#include "continuereply.h"

namespace cbi {

QByteArray continueReplyBody()
{
    return QByteArrayLiteral(R"({"actionCode":0,"errCode":0,"errMsg":"","errDlt":"","nextCode":0})");
}

ReplySent continueReply(int delayMs)
{
    // Built once: copies share the header list and body (implicit sharing), no allocation per request.
    static const ReplySent base = [] {
        ReplySent r;
        r.status = 200;
        r.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
        r.body = continueReplyBody();
        return r;
    }();
    ReplySent r = base;
    r.delayMs = delayMs;
    return r;
}

} // namespace cbi
