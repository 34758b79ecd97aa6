// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArrayView>

namespace cbi {

// RFC 9110's grammar for what goes into an HTTP head: methods and header names are tokens, header
// values never hold CR, LF, NUL or other control characters (HTAB aside). Everything written into
// a head, or into a shell command, is checked against these.
class HttpSyntax
{
public:
    static bool isTokenChar(char ch);
    static bool isToken(QByteArrayView text);
    static bool isFieldValue(QByteArrayView text);
};

} // namespace cbi
