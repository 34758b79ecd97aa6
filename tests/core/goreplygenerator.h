// SPDX-License-Identifier: MIT
// Callback replies for the differential test of GoDecoder against Go's encoding/json
// (tst_godecoder): seeded random replies shaped like a reply struct, with wrong types, nulls,
// integer boundaries, fractions and exponents, good and bad base64, duplicate keys, key case
// variants, invalid UTF-8, unknown keys with deep nesting and huge arrays; and edge cases that put
// every kind of value at every field path of a struct.
#pragma once

#include "verdict/gotype.h"

#include <QByteArrayList>

#include <functional>
#include <random>

namespace cbi::test {

class GoReplyGenerator
{
public:
    explicit GoReplyGenerator(quint64 seed)
        : m_rng(seed)
    {
    }

    // One random reply for a struct.
    QByteArray reply(const GoType &t)
    {
        static const int errorRates[] = {0, 0, 1, 3, 10, 30};
        m_errorRate = errorRates[pick(6)];
        if (chance(4))
            return topLevelOddity(t);
        return ws() + value(t, 0) + ws();
    }

    // Every kind of value at every field path of `t`, each in an otherwise empty reply.
    static void edgeCases(const GoType &t, const std::function<void(const QByteArray &)> &emit)
    {
        for (const auto &f : t.fields) {
            for (const auto &v : variants(*f.type, 0))
                emit("{\"" + f.key + "\":" + v + "}");
        }
    }

private:
    using Kind = GoType::Kind;
    std::mt19937_64 m_rng;
    int m_errorRate = 0;

    int pick(int n) { return int(m_rng() % quint64(n)); }
    bool chance(int percent) { return pick(1000) < percent * 10; }
    template <typename T, size_t N>
    const T &any(const T (&list)[N])
    {
        return list[pick(int(N))];
    }
    QByteArray ws() { return chance(10) ? QByteArray(any({" ", "\n", "\t ", "\r\n  "})) : QByteArray(); }

    static QByteArrayList numbers()
    {
        return {"0", "1", "-1", "-0", "42", "2147483647", "2147483648", "-2147483648", "-2147483649",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "18446744073709551616", "255", "256", "4294967296", "1.0", "1.5", "-0.0", "1e2", "1E+2", "1e-2",
            "0.1e1", "123456789012345678901234567890"};
    }
    static QByteArrayList strings()
    {
        return {"\"\"", "\"user_1\"", "\"a\\\"b\\\\c\\/d\"", "\"\\b\\f\\n\\r\\t\"",
            "\"\\u0041\\u00e9\\u4e2d\"", "\"\\ud83d\\ude00\"", "\"\\ud800\"", "\"\\udc00x\"",
            "\"\\ud800\\u0041\"", "\"\\u0000\"", "\"\xe4\xb8\xad\xe6\x96\x87\"", "\"\xff\"", "\"a\xc3\"",
            "\"\xed\xa0\x80\"", "\"\xe0\x80\x80\"", "\"\xf4\x90\x80\x80\"", "\"\xc0\xaf\"",
            "\"\xf0\x9f\x98\x80\"", "\"5\"", "\"true\""};
    }
    static QByteArrayList base64s()
    {
        return {"\"AQID\"", "\"\"", "\"QQ==\"", "\"QUI=\"", "\"QUJD\\nRA==\"", "\"QQ\"", "\"QQ=\"",
            "\"Q===\"", "\"QQ==QQ==\"", "\"@@@@\"", "\"QU\\r\\nJD\"", "\"QUJD\\n\"", "\"QR==\"",
            "\"QQ==\\n\"", "\"QQ=\\n=\"", "[1,2,3]", "[]", "[255,256]", "[-1]", "[1.0]", "[null,7]",
            "[\"a\"]"};
    }
    static QByteArrayList wrongs()
    {
        return {"\"x\"", "7", "1.5", "true", "false", "{}", "{\"a\":1}", "[]", "[1,\"x\"]", "null"};
    }

    static QByteArrayList variants(const GoType &t, int depth)
    {
        QByteArrayList out = wrongs();
        switch (t.kind) {
        case Kind::Int32:
        case Kind::Int64:
        case Kind::Uint8:
        case Kind::WrapInt32:
            out += numbers();
            out += "\"5\"";
            break;
        case Kind::String:
        case Kind::WrapString:
            out += strings();
            break;
        case Kind::Bytes:
            out += base64s();
            break;
        case Kind::Ptr:
            out += variants(*t.elem, depth);
            break;
        case Kind::Slice:
            for (const auto &v : variants(*t.elem, depth + 1))
                out += "[" + v + "]";
            break;
        case Kind::Map:
            for (const auto &v : variants(*t.elem, depth + 1))
                out += "{\"k\":" + v + "}";
            break;
        case Kind::Struct:
            if (depth < 3) {
                for (const auto &f : t.fields) {
                    for (const auto &v : variants(*f.type, depth + 1))
                        out += "{\"" + f.key + "\":" + v + "}";
                }
            }
            break;
        case Kind::Bool:
            break;
        }
        return out;
    }

    QByteArray topLevelOddity(const GoType &t)
    {
        const QByteArray good = value(t, 0);
        switch (pick(8)) {
        case 0:
            return good.left(pick(int(good.size()) + 1)); // truncated
        case 1:
            return good + any({" x", "}", ",", " {}", "\x01"});
        case 2:
            return any({"", " ", "null", " null ", "[]", "\"s\"", "12", "true", "nul", "[{}]"});
        case 3:
            return nested(any({9998, 9999, 10000, 10001, 20000}));
        case 4:
            return "{\"unknown\":" + nested(any({9998, 9999, 10000})) + "}";
        default:
            return good;
        }
    }

    static QByteArray nested(int depth) { return QByteArray(depth, '[') + QByteArray(depth, ']'); }

    QByteArray key(const QByteArray &name)
    {
        if (chance(75))
            return "\"" + name + "\"";
        QByteArray out;
        const int style = pick(4);
        for (const char c : name) {
            const char lower = char(c | 0x20);
            if (style == 0 && chance(50))
                out += char((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? c ^ 0x20 : c);
            else if (style == 1 && lower == 'k' && chance(70))
                out += "\xe2\x84\xaa"; // Kelvin sign: folds to K
            else if (style == 1 && lower == 's' && chance(70))
                out += "\xc5\xbf"; // long s: folds to S
            else if (style == 2 && chance(30))
                out += QByteArray("\\u00") + QByteArray::number(uchar(c), 16);
            else
                out += c;
        }
        if (style == 3)
            out += any({"x", "_", "\xff", " "});
        return "\"" + out + "\"";
    }

    QByteArray unknownValue(int depth)
    {
        if (depth > 3 || chance(40))
            return any({"1", "\"u\"", "null", "true", "1e400", "-0.5e-7", "\"\xff\""});
        if (chance(50))
            return "[" + unknownValue(depth + 1) + "," + unknownValue(depth + 1) + "]";
        return "{\"a\":" + unknownValue(depth + 1) + ",\"b\":" + unknownValue(depth + 1) + "}";
    }

    QByteArray value(const GoType &t, int depth)
    {
        if (chance(m_errorRate))
            return any({"\"x\"", "7", "1.5", "true", "{}", "[]", "[1]"});
        if (chance(5) && (t.kind == Kind::Ptr || t.kind == Kind::Slice || t.kind == Kind::Map))
            return "null";
        if (chance(2))
            return "null"; // into a non-pointer: leaves the zero value
        const bool edgy = chance(m_errorRate * 2 + 2);
        switch (t.kind) {
        case Kind::Bool:
            return chance(50) ? "true" : "false";
        case Kind::Int32:
        case Kind::Int64:
        case Kind::Uint8:
        case Kind::WrapInt32:
            if (edgy)
                return numbers().at(pick(int(numbers().size())));
            return QByteArray::number(
                pick(t.kind == Kind::Uint8 ? 256 : 200000) - (t.kind == Kind::Uint8 ? 0 : 100000));
        case Kind::String:
        case Kind::WrapString:
            if (edgy || chance(30))
                return strings().at(pick(int(strings().size())));
            return "\"s" + QByteArray::number(pick(1000)) + "\"";
        case Kind::Bytes: {
            if (edgy)
                return base64s().at(pick(int(base64s().size())));
            QByteArray raw;
            for (int n = pick(12); n > 0; --n)
                raw += char(pick(256));
            if (chance(30)) {
                QByteArray a = "[";
                for (qsizetype k = 0; k < raw.size(); ++k)
                    a += (k ? "," : "") + QByteArray::number(uchar(raw.at(k)));
                return a + "]";
            }
            return "\"" + raw.toBase64() + "\"";
        }
        case Kind::Ptr:
            return value(*t.elem, depth);
        case Kind::Slice:
        case Kind::Map: {
            const bool isMap = t.kind == Kind::Map;
            const int n = chance(1) ? 1000 + pick(2000) : pick(4);
            QByteArray out = isMap ? "{" : "[";
            for (int k = 0; k < n; ++k) {
                out += k ? "," : "";
                out += ws();
                if (isMap)
                    out += "\"" + QByteArray(any({"a", "b", "A", "offlinePush", "\xff"})) + "\":";
                out += value(*t.elem, depth + 1);
            }
            return out + (isMap ? "}" : "]");
        }
        case Kind::Struct: {
            QByteArrayList members;
            for (const auto &f : t.fields) {
                if (!chance(50))
                    continue;
                members += key(f.key) + ws() + ":" + ws() + value(*f.type, depth + 1);
                if (chance(10)) // a duplicate, anywhere later
                    members.insert(
                        pick(int(members.size()) + 1), key(f.key) + ":" + value(*f.type, depth + 1));
            }
            for (int n = chance(20) ? 1 + pick(2) : 0; n > 0; --n)
                members.insert(pick(int(members.size()) + 1),
                    "\"zz" + QByteArray::number(pick(9)) + "\":" + unknownValue(0));
            std::shuffle(members.begin(), members.end(), m_rng);
            return "{" + ws() + members.join("," + ws()) + ws() + "}";
        }
        }
        return "null";
    }
};

} // namespace cbi::test
