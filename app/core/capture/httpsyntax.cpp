// SPDX-License-Identifier: MIT
#include "httpsyntax.h"

#include <cstring>

namespace cbi {

bool HttpSyntax::isTokenChar(char ch)
{
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')
        || (ch != 0 && std::strchr("!#$%&'*+-.^_`|~", ch));
}

bool HttpSyntax::isToken(QByteArrayView text)
{
    if (text.isEmpty())
        return false;
    for (char ch : text) {
        if (!isTokenChar(ch))
            return false;
    }
    return true;
}

bool HttpSyntax::isFieldValue(QByteArrayView text)
{
    for (char ch : text) {
        const auto u = static_cast<unsigned char>(ch);
        if ((u < 0x20 && u != '\t') || u == 0x7f)
            return false;
    }
    return true;
}

} // namespace cbi
