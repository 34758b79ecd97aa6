// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"

namespace cbi {

// A shell command that replays a capture with curl: the same method, headers and body, sent to
// `baseUrl` (scheme, host and port; the capture's path and query are kept). caCertPath: the
// certificate curl should trust for an https base (the inspector's own, usually self-signed).
//
// Every byte of a capture comes from whoever called the callback port (or wrote an import file), and
// people run these commands: the output is inert for any bytes, for sh (dash) and bash alike. Text
// goes in single quotes; anything else (control characters, invalid UTF-8) is produced by printf
// from octal escapes, so the command itself stays printable and can go on the clipboard. A capture
// curl cannot send as it was (a NUL byte in the method, URL or a header) gives a comment instead.
class CurlCommand
{
public:
    static QString forCapture(
        const CapturedRequest &capture, const QString &baseUrl, const QString &caCertPath = {});
    // One line of text that is safe after "# " in a script: control characters become '?'.
    static QString commentText(const QString &text);
    // The bytes a path or query stood for: Latin-1 as read from the wire, UTF-8 beyond that.
    static QByteArray urlBytes(const QString &text);
};

} // namespace cbi
