// SPDX-License-Identifier: MIT
#pragma once

#include "gotype.h"

#include <QByteArray>
#include <QJsonValue>

#include <map>
#include <memory>
#include <vector>

namespace cbi {

// A decoded Go value. Slices keep their backing array apart from their length, because a second
// occurrence of a key decodes into the same backing array: elements past the new length stay, and a
// null element leaves what was there (encoding/json reuses, it does not reset).
struct GoValue
{
    bool b = false;
    qint64 i = 0;
    QByteArray s;
    bool nil = true; // pointers, slices, maps
    std::shared_ptr<GoValue> ptr;
    std::vector<GoValue> items; // backing array of a slice
    size_t len = 0;
    std::map<QByteArray, GoValue> map;
    std::vector<GoValue> fields;

    // The value as canonical JSON (see GoDecoder::Result::canonical).
    void writeCanonical(QByteArray &out, const GoType &t) const;
    // The value for the verdict: numbers as doubles, []byte as base64.
    QJsonValue toJson(const GoType &t) const;
    bool isZero(const GoType &t) const; // nil, or a scalar's zero value
};

} // namespace cbi
