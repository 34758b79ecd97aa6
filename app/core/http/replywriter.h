// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"

#include <QByteArray>

namespace cbi {

// Writes a reply's head and body as HTTP/1.1 bytes. The body is framed by us (Content-Length);
// a header the rules give that is no token or holds CR/LF never reaches the head.
class ReplyWriter
{
public:
    static QByteArray reasonPhrase(int status);
    // declaredLength: the Content-Length to announce (-1: the body's; the truncated-body fault
    // announces more).
    static QByteArray serialize(
        const ReplySent &reply, bool keepAlive, bool http10, qint64 declaredLength = -1);
};

} // namespace cbi
