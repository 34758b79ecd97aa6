// SPDX-License-Identifier: MIT
#include "gojson.h"

#include <vector>

using namespace Qt::StringLiterals;

namespace cbi {

namespace {

constexpr int maxNestingDepth = 10000; // encoding/json's scanner

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(QByteArray &out, uint r)
{
    if (r < 0x80) {
        out.append(char(r));
    } else if (r < 0x800) {
        out.append(char(0xC0 | (r >> 6)));
        out.append(char(0x80 | (r & 0x3F)));
    } else if (r < 0x10000) {
        out.append(char(0xE0 | (r >> 12)));
        out.append(char(0x80 | ((r >> 6) & 0x3F)));
        out.append(char(0x80 | (r & 0x3F)));
    } else {
        out.append(char(0xF0 | (r >> 18)));
        out.append(char(0x80 | ((r >> 12) & 0x3F)));
        out.append(char(0x80 | ((r >> 6) & 0x3F)));
        out.append(char(0x80 | (r & 0x3F)));
    }
}

// utf8.DecodeRune: the length of the valid sequence at `p`, or 0 when Go would return RuneError, 1.
int validUtf8Length(const uchar *p, const uchar *end)
{
    const uchar c = p[0];
    auto cont = [&](int i, uchar lo, uchar hi) { return p + i < end && p[i] >= lo && p[i] <= hi; };
    if (c >= 0xC2 && c <= 0xDF)
        return cont(1, 0x80, 0xBF) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        const uchar lo = c == 0xE0 ? 0xA0 : 0x80;
        const uchar hi = c == 0xED ? 0x9F : 0xBF;
        return cont(1, lo, hi) && cont(2, 0x80, 0xBF) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        const uchar lo = c == 0xF0 ? 0x90 : 0x80;
        const uchar hi = c == 0xF4 ? 0x8F : 0xBF;
        return cont(1, lo, hi) && cont(2, 0x80, 0xBF) && cont(3, 0x80, 0xBF) ? 4 : 0;
    }
    return 0;
}

// encoding/json's quoteChar.
QString quoteChar(char c)
{
    const uchar u = uchar(c);
    if (c == '\'')
        return QStringLiteral("'\\''");
    if (c == '"')
        return QStringLiteral("'\"'");
    QString s;
    if (u >= 0x20 && u < 0x7F)
        s = QChar::fromLatin1(c);
    else if (u == '\n')
        s = QStringLiteral("\\n");
    else if (u == '\r')
        s = QStringLiteral("\\r");
    else if (u == '\t')
        s = QStringLiteral("\\t");
    else if (u < 0x20 || u == 0x7F)
        s = QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
    else if (u <= 0xA0 || u == 0xAD)
        s = QStringLiteral("\\u%1").arg(u, 4, 16, QLatin1Char('0'));
    else
        s = QChar(char16_t(u)); // string(byte) is the rune U+00XX
    return QLatin1Char('\'') + s + QLatin1Char('\'');
}

} // namespace

QString GoJson::checkValid(const QByteArray &data)
{
    const char *p = data.constData();
    const qsizetype n = data.size();
    qsizetype i = 0;
    std::vector<char> stack;
    const QString eof = QStringLiteral("unexpected end of JSON input");
    auto bad = [&](const char *context) {
        return QStringLiteral("invalid character %1 %2").arg(quoteChar(p[i]), QLatin1String(context));
    };
    // At the end Go's scanner is fed a space: where a space is wrong it says so, not "unexpected end".
    auto spaceIn = [](const char *context) {
        return QStringLiteral("invalid character ' ' %1").arg(QLatin1String(context));
    };
    auto skipSpace = [&] {
        while (i < n && isSpace(p[i]))
            ++i;
    };
    // A string from its opening quote; empty on success.
    auto string = [&]() -> QString {
        ++i;
        while (true) {
            if (i >= n)
                return eof;
            const uchar c = uchar(p[i]);
            if (c == '"') {
                ++i;
                return {};
            }
            if (c < 0x20)
                return bad("in string literal");
            if (c != '\\') {
                ++i;
                continue;
            }
            if (++i >= n)
                return spaceIn("in string escape code");
            if (p[i] == 'u') {
                for (int k = 0; k < 4; ++k) {
                    if (++i >= n)
                        return spaceIn("in \\u hexadecimal character escape");
                    if (hexValue(p[i]) < 0)
                        return bad("in \\u hexadecimal character escape");
                }
            } else if (!QByteArrayView("\"\\/bfnrt").contains(p[i])) {
                return bad("in string escape code");
            }
            ++i;
        }
    };
    auto digits = [&] {
        while (i < n && isDigit(p[i]))
            ++i;
    };
    auto number = [&]() -> QString {
        if (p[i] == '-' && ++i >= n)
            return spaceIn("in numeric literal");
        if (p[i] == '0')
            ++i;
        else if (isDigit(p[i]))
            digits();
        else
            return bad("in numeric literal");
        if (i < n && p[i] == '.') {
            if (++i >= n)
                return spaceIn("after decimal point in numeric literal");
            if (!isDigit(p[i]))
                return bad("after decimal point in numeric literal");
            digits();
        }
        if (i < n && (p[i] == 'e' || p[i] == 'E')) {
            if (++i >= n)
                return spaceIn("in exponent of numeric literal");
            if ((p[i] == '+' || p[i] == '-') && ++i >= n)
                return spaceIn("in exponent of numeric literal");
            if (!isDigit(p[i]))
                return bad("in exponent of numeric literal");
            digits();
        }
        return {};
    };
    auto literal = [&](const char *word) -> QString {
        for (int k = 0; word[k]; ++k, ++i) {
            if (i >= n || p[i] != word[k]) {
                const QString context = QStringLiteral("in literal %1 (expecting '%2')")
                                            .arg(QLatin1String(word), QChar::fromLatin1(word[k]));
                return QStringLiteral("invalid character %1 %2")
                    .arg(i >= n ? u"' '"_s : quoteChar(p[i]), context);
            }
        }
        return {};
    };
    // An object key and its colon, from the opening quote.
    auto key = [&]() -> QString {
        if (const QString e = string(); !e.isEmpty())
            return e;
        skipSpace();
        if (i >= n)
            return eof;
        if (p[i] != ':')
            return bad("after object key");
        ++i;
        return {};
    };
    while (true) {
        // A value is expected.
        skipSpace();
        if (i >= n)
            return eof;
        const char c = p[i];
        QString e;
        bool opened = false;
        if (c == '{' || c == '[') {
            if (stack.size() >= maxNestingDepth)
                return bad("exceeded max depth");
            stack.push_back(c);
            ++i;
            skipSpace();
            if (i >= n)
                return eof;
            if (p[i] == (c == '{' ? '}' : ']')) {
                stack.pop_back();
                ++i;
            } else if (c == '{') {
                if (p[i] != '"')
                    return bad("looking for beginning of object key string");
                e = key();
                opened = true;
            } else {
                opened = true;
            }
        } else if (c == '"') {
            e = string();
        } else if (c == '-' || isDigit(c)) {
            e = number();
        } else if (c == 't') {
            e = literal("true");
        } else if (c == 'f') {
            e = literal("false");
        } else if (c == 'n') {
            e = literal("null");
        } else {
            return bad("looking for beginning of value");
        }
        if (!e.isEmpty())
            return e;
        if (opened)
            continue;
        // After a value: close containers, or go on to the next element.
        while (true) {
            skipSpace();
            if (stack.empty())
                return i >= n ? QString() : bad("after top-level value");
            if (i >= n)
                return eof;
            const bool inObject = stack.back() == '{';
            if (p[i] == (inObject ? '}' : ']')) {
                stack.pop_back();
                ++i;
                continue;
            }
            if (p[i] != ',')
                return bad(inObject ? "after object key:value pair" : "after array element");
            ++i;
            if (inObject) {
                skipSpace();
                if (i >= n)
                    return eof;
                if (p[i] != '"')
                    return bad("looking for beginning of object key string");
                if (const QString ke = key(); !ke.isEmpty())
                    return ke;
            }
            break;
        }
    }
}

QByteArray GoJson::unquote(const char *begin, const char *end)
{
    QByteArray out;
    out.reserve(end - begin);
    const auto *p = reinterpret_cast<const uchar *>(begin);
    const auto *e = reinterpret_cast<const uchar *>(end);
    auto hex4 = [&](const uchar *at) -> int {
        // getu4: "\uXXXX" at `at`, or -1.
        if (e - at < 6 || at[0] != '\\' || at[1] != 'u')
            return -1;
        int r = 0;
        for (int k = 2; k < 6; ++k) {
            const int h = hexValue(char(at[k]));
            if (h < 0)
                return -1;
            r = r * 16 + h;
        }
        return r;
    };
    while (p < e) {
        const uchar c = *p;
        if (c == '\\') {
            const uchar k = p[1];
            if (k == 'u') {
                int r = hex4(p);
                p += 6;
                if (r >= 0xD800 && r <= 0xDFFF) {
                    const int r2 = hex4(p);
                    if (r < 0xDC00 && r2 >= 0xDC00 && r2 <= 0xDFFF) {
                        r = 0x10000 + ((r - 0xD800) << 10) + (r2 - 0xDC00);
                        p += 6;
                    } else {
                        r = 0xFFFD;
                    }
                }
                appendUtf8(out, uint(r));
                continue;
            }
            static const char from[] = "bfnrt";
            static const char to[] = "\b\f\n\r\t";
            const char *at = k ? strchr(from, k) : nullptr;
            out.append(at ? to[at - from] : char(k));
            p += 2;
        } else if (c < 0x80) {
            out.append(char(c));
            ++p;
        } else if (const int len = validUtf8Length(p, e)) {
            out.append(reinterpret_cast<const char *>(p), len);
            p += len;
        } else {
            out.append("\xEF\xBF\xBD");
            ++p;
        }
    }
    return out;
}

bool GoJson::decodeBase64(const QByteArray &text, QByteArray *out, QString *error)
{
    // base64.(*Encoding).decodeQuantum, quantum by quantum, with its error offsets.
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z')
            return c - 'A';
        if (c >= 'a' && c <= 'z')
            return c - 'a' + 26;
        if (c >= '0' && c <= '9')
            return c - '0' + 52;
        return c == '+' ? 62 : c == '/' ? 63 : -1;
    };
    auto corrupt = [&](qsizetype at) {
        *error = QStringLiteral("illegal base64 data at input byte %1").arg(at);
        return false;
    };
    auto isNewline = [](char c) { return c == '\n' || c == '\r'; };
    const qsizetype n = text.size();
    qsizetype si = 0;
    out->clear();
    while (true) {
        int buf[4] = {0, 0, 0, 0};
        int dlen = 4;
        bool last = false;
        for (int j = 0; j < 4; ++j) {
            if (si == n) {
                if (j == 0)
                    return true;
                return corrupt(si - j); // StdEncoding pads: a short quantum is an error
            }
            const char in = text.at(si++);
            const int v = value(in);
            if (v >= 0) {
                buf[j] = v;
                continue;
            }
            if (isNewline(in)) {
                --j;
                continue;
            }
            if (in != '=' || j < 2)
                return corrupt(si - 1);
            if (j == 2) {
                while (si < n && isNewline(text.at(si)))
                    ++si;
                if (si == n)
                    return corrupt(n);
                if (text.at(si) != '=')
                    return corrupt(si - 1);
                ++si;
            }
            while (si < n && isNewline(text.at(si)))
                ++si;
            if (si < n)
                return corrupt(si); // trailing garbage
            dlen = j;
            last = true;
            break;
        }
        const uint val = uint(buf[0]) << 18 | uint(buf[1]) << 12 | uint(buf[2]) << 6 | uint(buf[3]);
        const char bytes[3] = {char(val >> 16), char(val >> 8), char(val)};
        out->append(bytes, dlen - 1);
        if (last)
            return true;
    }
}

QString GoJson::quote(const QByteArray &text)
{
    QString s = QStringLiteral("\"");
    for (const char c : text) {
        const uchar u = uchar(c);
        if (c == '"' || c == '\\')
            s += QLatin1Char('\\') + QChar::fromLatin1(c);
        else if (u >= 0x20 && u < 0x7F)
            s += QChar::fromLatin1(c);
        else if (c == '\n')
            s += QStringLiteral("\\n");
        else if (c == '\t')
            s += QStringLiteral("\\t");
        else if (c == '\r')
            s += QStringLiteral("\\r");
        else
            s += QStringLiteral("\\x%1").arg(u, 2, 16, QLatin1Char('0'));
    }
    return s + QLatin1Char('"');
}

void GoJson::appendCanonicalString(QByteArray &out, const QByteArray &text)
{
    static const char hex[] = "0123456789abcdef";
    out.append('"');
    for (const char c : text) {
        const uchar u = uchar(c);
        if (c == '"' || c == '\\') {
            out.append('\\');
            out.append(c);
        } else if (u < 0x20) {
            out.append("\\u00");
            out.append(hex[u >> 4]);
            out.append(hex[u & 15]);
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

} // namespace cbi
