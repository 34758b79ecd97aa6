// SPDX-License-Identifier: MIT
#include "replyplan.h"

namespace cbi {

QByteArray continueReplyBody()
{
    return QByteArrayLiteral(R"({"actionCode":0,"errCode":0,"errMsg":"","errDlt":"","nextCode":0})");
}

ReplySent continueReply(int delayMs)
{
    ReplySent r;
    r.status = 200;
    r.headers = {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")}};
    r.body = continueReplyBody();
    r.delayMs = delayMs;
    return r;
}

} // namespace cbi
