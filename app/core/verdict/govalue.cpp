// SPDX-License-Identifier: MIT
#include "govalue.h"

#include "gojson.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <numeric>

namespace cbi {

using Kind = GoType::Kind;

void GoValue::writeCanonical(QByteArray &out, const GoType &t) const
{
    const GoValue &v = *this;
    switch (t.kind) {
    case Kind::Bool:
        out.append(v.b ? "true" : "false");
        return;
    case Kind::Int32:
    case Kind::Int64:
    case Kind::Uint8:
    case Kind::WrapInt32:
        out.append(QByteArray::number(v.i));
        return;
    case Kind::String:
    case Kind::WrapString:
        GoJson::appendCanonicalString(out, v.s);
        return;
    case Kind::Bytes: {
        if (v.nil) {
            out.append("null");
            return;
        }
        QByteArray bytes;
        for (size_t k = 0; k < v.len; ++k)
            bytes.append(char(v.items[k].i));
        out.append('"').append(bytes.toBase64()).append('"');
        return;
    }
    case Kind::Ptr:
        if (v.nil || !v.ptr)
            out.append("null");
        else
            v.ptr->writeCanonical(out, *t.elem);
        return;
    case Kind::Slice:
        if (v.nil) {
            out.append("null");
            return;
        }
        out.append('[');
        for (size_t k = 0; k < v.len; ++k) {
            if (k)
                out.append(',');
            v.items[k].writeCanonical(out, *t.elem);
        }
        out.append(']');
        return;
    case Kind::Map: {
        if (v.nil) {
            out.append("null");
            return;
        }
        out.append('{');
        bool first = true;
        for (const auto &[key, elem] : v.map) {
            if (!first)
                out.append(',');
            first = false;
            GoJson::appendCanonicalString(out, key);
            out.append(':');
            elem.writeCanonical(out, *t.elem);
        }
        out.append('}');
        return;
    }
    case Kind::Struct: {
        out.append('{');
        static const GoValue zero;
        // Sorted by name: the catalogue's field order is not always the struct's.
        QList<int> order(t.fields.size());
        std::iota(order.begin(), order.end(), 0);
        std::sort(order.begin(), order.end(),
            [&](int a, int b) { return t.fields.at(a).key < t.fields.at(b).key; });
        for (const int k : order) {
            if (k != order.front())
                out.append(',');
            GoJson::appendCanonicalString(out, t.fields.at(k).key);
            out.append(':');
            (size_t(k) < v.fields.size() ? v.fields[size_t(k)] : zero)
                .writeCanonical(out, *t.fields.at(k).type);
        }
        out.append('}');
        return;
    }
    }
}

QJsonValue GoValue::toJson(const GoType &t) const
{
    const GoValue &v = *this;
    switch (t.kind) {
    case Kind::Bool:
        return v.b;
    case Kind::Int32:
    case Kind::Int64:
    case Kind::Uint8:
    case Kind::WrapInt32:
        return double(v.i);
    case Kind::String:
    case Kind::WrapString:
        return QString::fromUtf8(v.s);
    case Kind::Bytes:
    case Kind::Ptr:
    case Kind::Slice:
    case Kind::Map:
    case Kind::Struct:
        break;
    }
    if (t.kind == Kind::Ptr)
        return v.nil || !v.ptr ? QJsonValue() : v.ptr->toJson(*t.elem);
    if (t.kind == Kind::Struct) {
        QJsonObject o;
        static const GoValue zero;
        for (int k = 0; k < t.fields.size(); ++k)
            o.insert(t.fields.at(k).name,
                (size_t(k) < v.fields.size() ? v.fields[size_t(k)] : zero).toJson(*t.fields.at(k).type));
        return o;
    }
    if (v.nil)
        return QJsonValue();
    if (t.kind == Kind::Bytes) {
        QByteArray bytes;
        for (size_t k = 0; k < v.len; ++k)
            bytes.append(char(v.items[k].i));
        return QString::fromLatin1(bytes.toBase64());
    }
    if (t.kind == Kind::Map) {
        QJsonObject o;
        for (const auto &[key, elem] : v.map)
            o.insert(QString::fromUtf8(key), elem.toJson(*t.elem));
        return o;
    }
    QJsonArray a;
    for (size_t k = 0; k < v.len; ++k)
        a.append(v.items[k].toJson(*t.elem));
    return a;
}

bool GoValue::isZero(const GoType &t) const
{
    const GoValue &v = *this;
    switch (t.kind) {
    case Kind::Bool:
        return !v.b;
    case Kind::Int32:
    case Kind::Int64:
    case Kind::Uint8:
        return v.i == 0;
    case Kind::String:
        return v.s.isEmpty();
    default:
        return v.nil;
    }
}

} // namespace cbi
