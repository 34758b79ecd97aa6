// SPDX-License-Identifier: MIT
#include "godecoder.h"

#include "gojson.h"
#include "gotype.h"
#include "govalue.h"

#include <algorithm>
#include <limits>
#include <map>
#include <vector>

namespace cbi {

namespace {

using Kind = GoType::Kind;

// Parses an integer literal as strconv.ParseInt(s, 10, 64) (or ParseUint when !isSigned) would.
bool parseInteger(const QByteArray &s, bool isSigned, qint64 *out)
{
    const bool negative = s.startsWith('-');
    if (negative && !isSigned)
        return false;
    const qsizetype start = negative ? 1 : 0;
    if (start >= s.size())
        return false;
    quint64 magnitude = 0;
    for (qsizetype k = start; k < s.size(); ++k) {
        const char c = s.at(k);
        if (c < '0' || c > '9')
            return false;
        if (magnitude > (std::numeric_limits<quint64>::max() - quint64(c - '0')) / 10)
            return false;
        magnitude = magnitude * 10 + quint64(c - '0');
    }
    const quint64 limit = quint64(std::numeric_limits<qint64>::max()) + (negative ? 1 : 0);
    if (magnitude > limit)
        return false;
    *out = negative ? qint64(0 - magnitude) : qint64(magnitude);
    return true;
}

class Decoding
{
public:
    Decoding(const QByteArray &json)
        : m_p(json.constData())
        , m_end(json.constData() + json.size())
    {
    }

    QString savedError;
    QString abortError; // an UnmarshalJSON error stops the decoding at once
    QList<int> topTouched; // top-level field indexes in the order their keys came
    QList<bool> topLastNull; // by field index
    QStringList unknown;

    void value(const GoType &t, GoValue &v, bool top = false)
    {
        skipSpace();
        if (*m_p == '{')
            object(t, v, top);
        else if (*m_p == '[')
            array(t, v);
        else
            literal(t, v);
    }

private:
    const char *m_p;
    const char *m_end;
    QStringList m_fieldStack;
    QString m_struct; // reflect Name() of the innermost struct with a field on the stack

    void skipSpace()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\r' || *m_p == '\n'))
            ++m_p;
    }

    // Past one valid value; returns where it began.
    const char *skip()
    {
        skipSpace();
        const char *start = m_p;
        int depth = 0;
        do {
            const char c = *m_p;
            if (c == '"') {
                for (++m_p; *m_p != '"'; ++m_p) {
                    if (*m_p == '\\')
                        ++m_p;
                }
                ++m_p;
            } else if (c == '{' || c == '[') {
                ++depth;
                ++m_p;
            } else if (c == '}' || c == ']') {
                --depth;
                ++m_p;
            } else if (c == ',' || c == ':' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                ++m_p;
            } else {
                while (m_p < m_end && !QByteArrayView(",:]} \t\r\n").contains(*m_p))
                    ++m_p;
            }
        } while (depth > 0);
        return start;
    }

    QByteArray stringToken()
    {
        const char *start = ++m_p;
        while (*m_p != '"') {
            if (*m_p == '\\')
                ++m_p;
            ++m_p;
        }
        return GoJson::unquote(start, m_p++);
    }

    QString typeErrorText(const QString &what, const QString &type) const
    {
        if (m_struct.isEmpty() && m_fieldStack.isEmpty())
            return QStringLiteral("json: cannot unmarshal %1 into Go value of type %2").arg(what, type);
        return QStringLiteral("json: cannot unmarshal %1 into Go struct field %2.%3 of type %4")
            .arg(what, m_struct, m_fieldStack.join(QLatin1Char('.')), type);
    }

    void saveError(const QString &text)
    {
        if (savedError.isEmpty())
            savedError = text;
    }

    void typeError(const QString &what, const GoType &t) { saveError(typeErrorText(what, t.name)); }

    // encoding/json's indirect: through pointers, allocating nil ones. For null it stops at the
    // pointer itself (which null then sets to nil).
    static void indirect(const GoType *&t, GoValue *&v, bool decodingNull)
    {
        while (t->kind == Kind::Ptr) {
            if (decodingNull)
                return;
            if (!v->ptr)
                v->ptr = std::make_shared<GoValue>();
            v->nil = false;
            v = v->ptr.get();
            t = t->elem.get();
        }
    }

    bool unmarshaler(const GoType &t, GoValue &v, const char *start, const char *end)
    {
        const QByteArray raw(start, end - start);
        if (t.kind == Kind::WrapInt32) {
            qint64 n = 0;
            if (!parseInteger(raw, true, &n) || n < std::numeric_limits<qint32>::min()
                || n > std::numeric_limits<qint32>::max()) {
                // strconv's two reasons: not an integer at all, or one outside int32.
                const qsizetype from = raw.startsWith('-') ? 1 : 0;
                const bool integer = raw.size() > from
                    && std::all_of(
                        raw.cbegin() + from, raw.cend(), [](char c) { return c >= '0' && c <= '9'; });
                abortError = QStringLiteral("strconv.ParseInt: parsing %1: %2")
                                 .arg(GoJson::quote(raw),
                                     integer ? QStringLiteral("value out of range")
                                             : QStringLiteral("invalid syntax"));
                return false;
            }
            v.i = n;
            return true;
        }
        // StringValue: json.Unmarshal(raw, &m.Value).
        if (raw.front() == '"') {
            v.s = GoJson::unquote(start + 1, end - 1);
        } else if (raw != "null") {
            const QString what = raw.front() == '{'        ? QStringLiteral("object")
                : raw.front() == '['                       ? QStringLiteral("array")
                : raw.front() == 't' || raw.front() == 'f' ? QStringLiteral("bool")
                                                           : QStringLiteral("number");
            abortError = typeErrorText(what, QStringLiteral("string"));
            return false;
        }
        return true;
    }

    void object(const GoType &type, GoValue &value, bool top)
    {
        const GoType *t = &type;
        GoValue *v = &value;
        indirect(t, v, false);
        if (t->kind == Kind::WrapString || t->kind == Kind::WrapInt32) {
            const char *start = skip();
            unmarshaler(*t, *v, start, m_p);
            return;
        }
        if (t->kind != Kind::Struct && t->kind != Kind::Map) {
            typeError(QStringLiteral("object"), *t);
            skip();
            return;
        }
        if (t->kind == Kind::Map)
            v->nil = false;
        else if (v->fields.size() < size_t(t->fields.size()))
            v->fields.resize(t->fields.size());
        const QStringList stack = m_fieldStack;
        const QString structName = m_struct;
        ++m_p; // {
        while (true) {
            skipSpace();
            if (*m_p == '}') {
                ++m_p;
                return;
            }
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            const QByteArray key = stringToken();
            skipSpace();
            ++m_p; // :
            if (t->kind == Kind::Map) {
                GoValue elem;
                this->value(*t->elem, elem);
                if (!abortError.isEmpty())
                    return;
                v->map[key] = std::move(elem);
                continue;
            }
            int index = -1;
            for (int k = 0; k < t->fields.size() && index < 0; ++k) {
                if (t->fields.at(k).key == key)
                    index = k;
            }
            const QByteArray folded = index < 0 ? GoDecoder::foldKey(key) : QByteArray();
            for (int k = 0; k < t->fields.size() && index < 0 && !folded.isEmpty(); ++k) {
                if (t->fields.at(k).folded == folded)
                    index = k;
            }
            if (index < 0) {
                if (top)
                    unknown.append(QString::fromUtf8(key));
                skip();
                continue;
            }
            const GoField &f = t->fields.at(index);
            m_fieldStack.append(f.name);
            m_struct = t->name.mid(t->name.lastIndexOf(QLatin1Char('.')) + 1);
            if (top) {
                topTouched.append(index);
                skipSpace();
                topLastNull[index] = *m_p == 'n';
            }
            this->value(*f.type, v->fields[size_t(index)]);
            if (!abortError.isEmpty())
                return;
            m_fieldStack = stack;
            m_struct = structName;
        }
    }

    void array(const GoType &type, GoValue &value)
    {
        const GoType *t = &type;
        GoValue *v = &value;
        indirect(t, v, false);
        if (t->kind == Kind::WrapString || t->kind == Kind::WrapInt32) {
            const char *start = skip();
            unmarshaler(*t, *v, start, m_p);
            return;
        }
        if (t->kind != Kind::Slice && t->kind != Kind::Bytes) {
            typeError(QStringLiteral("array"), *t);
            skip();
            return;
        }
        v->nil = false;
        ++m_p; // [
        size_t i = 0;
        while (true) {
            skipSpace();
            if (*m_p == ']') {
                ++m_p;
                break;
            }
            if (*m_p == ',') {
                ++m_p;
                continue;
            }
            if (i >= v->items.size())
                v->items.emplace_back();
            v->len = std::max(v->len, i + 1);
            this->value(*t->elem, v->items[i]);
            if (!abortError.isEmpty())
                return;
            ++i;
        }
        if (i < v->len)
            v->len = i;
        if (i == 0)
            v->items.clear(); // a fresh empty slice
    }

    void literal(const GoType &type, GoValue &value)
    {
        const char *start = m_p;
        const char c = *m_p;
        if (c == '"') {
            const QByteArray s = stringToken();
            const GoType *t = &type;
            GoValue *v = &value;
            indirect(t, v, false);
            if (t->kind == Kind::WrapString || t->kind == Kind::WrapInt32) {
                unmarshaler(*t, *v, start, m_p);
            } else if (t->kind == Kind::String) {
                v->s = s;
            } else if (t->kind == Kind::Bytes) {
                QByteArray bytes;
                QString error;
                if (!GoJson::decodeBase64(s, &bytes, &error)) {
                    saveError(error);
                    return;
                }
                v->nil = false;
                v->items.assign(size_t(bytes.size()), GoValue());
                for (qsizetype k = 0; k < bytes.size(); ++k)
                    v->items[size_t(k)].i = uchar(bytes.at(k));
                v->len = size_t(bytes.size());
            } else {
                typeError(QStringLiteral("string"), *t);
            }
            return;
        }
        while (m_p < m_end && !QByteArrayView(",:]} \t\r\n").contains(*m_p))
            ++m_p;
        const QByteArray item(start, m_p - start);
        const GoType *t = &type;
        GoValue *v = &value;
        if (c == 'n') {
            indirect(t, v, true);
            if (t->kind == Kind::Ptr || t->kind == Kind::Slice || t->kind == Kind::Bytes
                || t->kind == Kind::Map) {
                *v = GoValue(); // nil; other kinds keep what they had
            }
            return;
        }
        indirect(t, v, false);
        if (t->kind == Kind::WrapString || t->kind == Kind::WrapInt32) {
            unmarshaler(*t, *v, start, m_p);
            return;
        }
        if (c == 't' || c == 'f') {
            if (t->kind == Kind::Bool)
                v->b = c == 't';
            else
                typeError(QStringLiteral("bool"), *t);
            return;
        }
        if (t->kind != Kind::Int32 && t->kind != Kind::Int64 && t->kind != Kind::Uint8) {
            typeError(QStringLiteral("number"), *t);
            return;
        }
        qint64 n = 0;
        const bool fits = parseInteger(item, t->kind != Kind::Uint8, &n)
            && (t->kind == Kind::Int64
                || (t->kind == Kind::Int32 && n >= std::numeric_limits<qint32>::min()
                    && n <= std::numeric_limits<qint32>::max())
                || (t->kind == Kind::Uint8 && n <= 255));
        if (!fits) {
            typeError(QStringLiteral("number ") + QString::fromLatin1(item), *t);
            return;
        }
        v->i = n;
    }
};

} // namespace

GoDecoder::GoDecoder(
    const QString &name, const QList<FieldSpec> &fields, const QHash<QString, QList<FieldSpec>> &structs)
{
    GoTypeParser parser(structs);
    m_type = parser.structType(name, fields);
    m_error = parser.errorString();
    if (!m_type && m_error.isEmpty())
        m_error = QStringLiteral("no Go type for %1").arg(name);
}

GoDecoder::~GoDecoder() = default;

QByteArray GoDecoder::foldKey(const QByteArray &key)
{
    // Go 1.21+ foldName: ASCII upper-cased, other runes ToUpper(ToLower(r)). Only these four
    // non-ASCII runes fold to ASCII letters, so only they can match an ASCII field name.
    QByteArray out;
    out.reserve(key.size());
    for (qsizetype k = 0; k < key.size(); ++k) {
        const uchar c = uchar(key.at(k));
        if (c < 0x80) {
            out.append(c >= 'a' && c <= 'z' ? char(c - 32) : char(c));
            continue;
        }
        const QByteArray rest = key.mid(k, 3);
        if (rest.startsWith("\xC4\xB0") || rest.startsWith("\xC4\xB1")) // U+0130, U+0131
            out.append('I');
        else if (rest.startsWith("\xC5\xBF")) // U+017F long s
            out.append('S');
        else if (rest == "\xE2\x84\xAA") // U+212A Kelvin sign
            out.append('K');
        else
            return {};
        k += rest.startsWith('\xE2') ? 2 : 1;
    }
    return out;
}

GoDecoder::Result GoDecoder::decode(const QByteArray &json) const
{
    Result r;
    if (!m_type) {
        r.error = m_error;
        return r;
    }
    // json.Unmarshal checks the whole text before it decodes anything.
    r.error = GoJson::checkValid(json);
    if (!r.error.isEmpty())
        return r;
    GoValue root;
    Decoding d(json);
    d.topLastNull = QList<bool>(m_type->fields.size(), false);
    d.value(*m_type, root, true);
    r.error = !d.abortError.isEmpty() ? d.abortError : d.savedError;
    if (!r.error.isEmpty())
        return r;
    r.ok = true;
    root.writeCanonical(r.canonical, *m_type);
    root.fields.resize(size_t(m_type->fields.size()));
    for (const int index : d.topTouched) {
        const GoField &f = m_type->fields.at(index);
        const GoValue &v = root.fields[size_t(index)];
        r.fields.insert(
            f.name, d.topLastNull.at(index) && v.isZero(*f.type) ? QJsonValue() : v.toJson(*f.type));
    }
    r.unknown = d.unknown;
    return r;
}

} // namespace cbi
