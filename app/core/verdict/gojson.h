// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace cbi {

// The text-level rules of Go's encoding/json and encoding/base64 that GoDecoder needs, on raw bytes.
class GoJson
{
public:
    // Go's checkValid: empty when `data` is one JSON value (nested at most 10,000 deep, as Go
    // allows) between optional whitespace, else Go's syntax error text.
    static QString checkValid(const QByteArray &data);
    // The contents of a valid JSON string literal (between the quotes) unescaped as Go does: each
    // byte of invalid UTF-8 and each unpaired surrogate escape becomes U+FFFD.
    static QByteArray unquote(const char *begin, const char *end);
    // base64.StdEncoding.Decode: padding required, '\r' and '\n' skipped anywhere. On failure
    // `error` gets Go's CorruptInputError text.
    static bool decodeBase64(const QByteArray &text, QByteArray *out, QString *error);
    // strconv.Quote, close enough for error texts (printable ASCII kept, the rest escaped).
    static QString quote(const QByteArray &text);
    // Appends `text` as a canonical JSON string: only '"', '\' and bytes below 0x20 escaped.
    static void appendCanonicalString(QByteArray &out, const QByteArray &text);
};

} // namespace cbi
