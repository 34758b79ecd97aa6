// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"

namespace cbi {

// A shell command that replays a capture with curl: the same method, headers and body, sent to
// `baseUrl` (scheme, host and port; the capture's path and query are kept). caCertPath: the
// certificate curl should trust for an https base (the inspector's own, usually self-signed).
class CurlCommand
{
public:
    static QString forCapture(
        const CapturedRequest &capture, const QString &baseUrl, const QString &caCertPath = {});
    static QString shellQuote(const QString &text);
};

} // namespace cbi
