// SPDX-License-Identifier: MIT
#include "requestbody.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cstring>

namespace cbi {

namespace {

// A strict RFC 8259 recogniser. It answers "valid" only when QJsonDocument would also accept the
// text; anything it is unsure of (deep nesting, huge exponents, surrogate escapes, repeated or
// escaped target keys) makes it give up, and the caller parses with Qt instead.
class Scanner
{
public:
    Scanner(const char *begin, const char *end)
        : m_p(begin)
        , m_end(end)
    {
    }

    bool topObject(QString *command, QString *operationID)
    {
        m_command = command;
        m_operation = operationID;
        skipWs();
        if (!peekIs('{') || !object(1))
            return false;
        skipWs();
        return m_p == m_end;
    }

private:
    static constexpr int maxDepth = 64;

    bool peekIs(char c) const { return m_p < m_end && *m_p == c; }
    void skipWs()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }

    bool value(int depth)
    {
        if (m_p >= m_end || depth > maxDepth)
            return false;
        switch (*m_p) {
        case '{':
            return object(depth + 1);
        case '[':
            return array(depth + 1);
        case '"': {
            const char *s;
            const char *e;
            bool escaped;
            return string(&s, &e, &escaped);
        }
        case 't':
            return literal("true");
        case 'f':
            return literal("false");
        case 'n':
            return literal("null");
        default:
            return number();
        }
    }

    // At depth 1, also reads the two top-level strings the detector wants.
    bool object(int depth)
    {
        ++m_p;
        skipWs();
        if (peekIs('}')) {
            ++m_p;
            return true;
        }
        bool seenCommand = false;
        bool seenOperation = false;
        while (true) {
            const char *keyStart;
            const char *keyEnd;
            bool escaped;
            if (!string(&keyStart, &keyEnd, &escaped))
                return false;
            skipWs();
            if (!peekIs(':'))
                return false;
            ++m_p;
            skipWs();
            QString *target = nullptr;
            if (depth == 1) {
                const QByteArrayView key(keyStart, keyEnd - keyStart);
                const bool isCommand = key == "callbackCommand";
                if (isCommand || key == "operationID") {
                    bool &seen = isCommand ? seenCommand : seenOperation;
                    if (seen)
                        return false; // which duplicate wins is Qt's business
                    seen = true;
                    target = isCommand ? m_command : m_operation;
                } else if (escaped) {
                    return false; // an escaped key could spell a target key
                }
            }
            if (target) {
                const char *s;
                const char *e;
                bool valueEscaped;
                // A non-string or escaped command or operationID: let Qt decide.
                if (!peekIs('"') || !string(&s, &e, &valueEscaped) || valueEscaped)
                    return false;
                *target = QString::fromUtf8(s, e - s);
            } else if (!value(depth)) {
                return false;
            }
            skipWs();
            if (peekIs(',')) {
                ++m_p;
                skipWs();
                continue;
            }
            if (peekIs('}')) {
                ++m_p;
                return true;
            }
            return false;
        }
    }

    bool array(int depth)
    {
        ++m_p;
        skipWs();
        if (peekIs(']')) {
            ++m_p;
            return true;
        }
        while (true) {
            if (!value(depth))
                return false;
            skipWs();
            if (peekIs(',')) {
                ++m_p;
                skipWs();
                continue;
            }
            if (peekIs(']')) {
                ++m_p;
                return true;
            }
            return false;
        }
    }

    bool literal(const char *word)
    {
        for (const char *w = word; *w; ++w, ++m_p) {
            if (m_p >= m_end || *m_p != *w)
                return false;
        }
        return true;
    }

    static bool isDigit(char c) { return c >= '0' && c <= '9'; }
    static int hexValue(char c)
    {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    }

    bool number()
    {
        if (peekIs('-'))
            ++m_p;
        if (peekIs('0')) {
            ++m_p;
        } else {
            if (m_p >= m_end || *m_p < '1' || *m_p > '9')
                return false;
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        if (peekIs('.')) {
            ++m_p;
            if (m_p >= m_end || !isDigit(*m_p))
                return false;
            while (m_p < m_end && isDigit(*m_p))
                ++m_p;
        }
        if (peekIs('e') || peekIs('E')) {
            ++m_p;
            if (peekIs('+') || peekIs('-'))
                ++m_p;
            int digits = 0;
            while (m_p < m_end && isDigit(*m_p)) {
                ++m_p;
                ++digits;
            }
            if (digits == 0 || digits > 2)
                return false; // out-of-range doubles: let Qt say what it thinks
        }
        return true;
    }

    // A string at m_p (which is '"'); [*begin, *end) is its raw content.
    bool string(const char **begin, const char **end, bool *escaped)
    {
        if (!peekIs('"'))
            return false;
        ++m_p;
        *begin = m_p;
        *escaped = false;
        while (m_p < m_end) {
            const auto c = static_cast<unsigned char>(*m_p);
            if (c == '"') {
                *end = m_p++;
                return true;
            }
            if (c < 0x20)
                return false;
            if (c == '\\') {
                *escaped = true;
                if (++m_p >= m_end)
                    return false;
                const char e = *m_p++;
                if (e == 'u') {
                    if (m_end - m_p < 4)
                        return false;
                    int code = 0;
                    for (int i = 0; i < 4; ++i) {
                        const int h = hexValue(m_p[i]);
                        if (h < 0)
                            return false;
                        code = code * 16 + h;
                    }
                    if (code >= 0xD800 && code <= 0xDFFF)
                        return false; // surrogate pairs: Qt's rules
                    m_p += 4;
                } else if (!std::strchr("\"\\/bfnrt", e) || e == 0) {
                    return false;
                }
                continue;
            }
            if (c < 0x80) {
                ++m_p;
                continue;
            }
            if (!utf8Sequence())
                return false;
        }
        return false;
    }

    // One well-formed UTF-8 sequence of two to four bytes (no overlongs, surrogates or > U+10FFFF).
    bool utf8Sequence()
    {
        const auto *s = reinterpret_cast<const unsigned char *>(m_p);
        const qsizetype left = m_end - m_p;
        const unsigned char c = s[0];
        int length;
        unsigned char lo = 0x80;
        unsigned char hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            if (c == 0xE0)
                lo = 0xA0;
            else if (c == 0xED)
                hi = 0x9F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            if (c == 0xF0)
                lo = 0x90;
            else if (c == 0xF4)
                hi = 0x8F;
        } else {
            return false;
        }
        if (left < length || s[1] < lo || s[1] > hi)
            return false;
        for (int i = 2; i < length; ++i) {
            if (s[i] < 0x80 || s[i] > 0xBF)
                return false;
        }
        m_p += length;
        return true;
    }

    const char *m_p;
    const char *m_end;
    QString *m_command = nullptr;
    QString *m_operation = nullptr;
};

} // namespace

RequestBody::RequestBody()
    : m_state(std::make_shared<State>())
{
}

RequestBody::RequestBody(const QByteArray &raw)
    : m_state(std::make_shared<State>())
{
    m_state->raw = raw;
}

RequestBody::RequestBody(const QJsonObject &object)
    : m_state(std::make_shared<State>())
{
    m_state->parsed = true;
    m_state->object = object;
}

bool RequestBody::scan(const QByteArray &raw, QString *callbackCommand, QString *operationID)
{
    QString command;
    QString operation;
    Scanner scanner(raw.constData(), raw.constData() + raw.size());
    if (!scanner.topObject(&command, &operation))
        return false;
    *callbackCommand = command;
    *operationID = operation;
    return true;
}

void RequestBody::parse() const
{
    State &s = *m_state;
    if (s.parsed)
        return;
    s.parsed = true;
    if (s.raw.trimmed().isEmpty())
        return;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(s.raw, &error);
    if (doc.isObject())
        s.object = doc.object();
    else
        s.error = doc.isNull() ? error.errorString() : QStringLiteral("top-level value is not an object");
}

const QJsonObject &RequestBody::object() const
{
    parse();
    return m_state->object;
}

RequestBody::Summary RequestBody::summary() const
{
    Summary s;
    const State &state = *m_state;
    if (!state.parsed && scan(state.raw, &s.callbackCommand, &s.operationID)) {
        s.isObject = true;
        return s;
    }
    parse();
    s.empty = state.raw.trimmed().isEmpty() && state.object.isEmpty();
    s.isObject = !s.empty && state.error.isEmpty();
    s.error = state.error;
    s.callbackCommand = state.object.value(QLatin1String("callbackCommand")).toString();
    s.operationID = state.object.value(QLatin1String("operationID")).toString();
    return s;
}

} // namespace cbi
