// SPDX-License-Identifier: MIT
#pragma once

#include "catalogue/catalogue.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QStringList>

#include <memory>

namespace cbi {

struct GoType;

// Decodes a reply the way OpenIM does: Go's encoding/json (v1) into the reply's Go struct, all the
// way down. One wrong type anywhere, even in a field OpenIM never reads afterwards, fails the call
// (DataError 90007); unknown keys are skipped. It works on the raw bytes because QJsonDocument
// loses what Go sees: duplicate keys (the last wins, objects merge into what the first one
// decoded), integers beyond 2^53, "1.0" versus "1", invalid UTF-8 (Go replaces it with U+FFFD).
// Keys match case-insensitively, an exact match first, folded as Go 1.21 and later fold them (the
// releases OpenIM builds with). OpenIM's wrapperspb types (StringValue, Int32Value) decode with
// their own UnmarshalJSON. Immutable after construction, so one decoder may serve every thread.
class GoDecoder
{
public:
    struct Result
    {
        bool ok = false;
        QString error; // Go's error text when !ok
        // The decoded struct as canonical JSON: fields sorted by name, nil as null, []byte as
        // base64, map keys sorted, strings escaped only for '"', '\' and bytes below 0x20. The
        // differential test (tests/go/decodecheck) prints the same for Go's result.
        QByteArray canonical;
        // The top-level fields the reply set, by their Go name, as the verdict reads them: what Go
        // decoded, or null when the last occurrence was null and left nothing.
        QJsonObject fields;
        QStringList unknown; // keys that match no field, as sent
    };

    // The struct `name` ("callbackstruct.CallbackBeforePushResp") with `fields` (each with its
    // goType), named structs from `structs`. Without a goType a field takes its catalogue type
    // ("int32|null" is *int32, "string[]" is []string).
    GoDecoder(
        const QString &name, const QList<FieldSpec> &fields, const QHash<QString, QList<FieldSpec>> &structs);
    ~GoDecoder();

    bool isValid() const { return m_error.isEmpty(); }
    QString errorString() const { return m_error; } // a type the decoder does not know

    Result decode(const QByteArray &json) const;

    // Go's ToUpper(ToLower(r)) fold of a key made comparable with an ASCII field name; empty when
    // the key holds a rune that folds to no ASCII letter (then it matches no field).
    static QByteArray foldKey(const QByteArray &key);

private:
    std::shared_ptr<const GoType> m_type;
    QString m_error;
};

} // namespace cbi
