// SPDX-License-Identifier: MIT
#include "condition.h"

#include "capture/capturedrequest.h"
#include "jsonpath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrlQuery>

#include <optional>

namespace cbi {

namespace {
struct OpName
{
    Condition::Op op;
    const char *name;
};
constexpr OpName opNames[] = {
    {Condition::Op::Equals, "equals"},
    {Condition::Op::Contains, "contains"},
    {Condition::Op::Regex, "regex"},
    {Condition::Op::Exists, "exists"},
    {Condition::Op::In, "in"},
    {Condition::Op::Lt, "lt"},
    {Condition::Op::Le, "le"},
    {Condition::Op::Gt, "gt"},
    {Condition::Op::Ge, "ge"},
};

QString asText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Double:
        return QString::number(v.toDouble(), 'g', 17);
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    default:
        return {};
    }
}

// Equal as JSON, or equal as text (a header "5" equals the number 5).
bool same(const QJsonValue &a, const QJsonValue &b, Qt::CaseSensitivity cs)
{
    return a == b || asText(a).compare(asText(b), cs) == 0;
}

std::optional<double> asNumber(const QJsonValue &v)
{
    if (v.isDouble())
        return v.toDouble();
    bool ok = false;
    const double d = v.toString().toDouble(&ok);
    return ok ? std::optional<double>(d) : std::nullopt;
}
} // namespace

QString Condition::sourceName(Source source)
{
    switch (source) {
    case Source::Body:
        return QStringLiteral("body");
    case Source::Header:
        return QStringLiteral("header");
    case Source::Query:
        return QStringLiteral("query");
    case Source::Key:
        return QStringLiteral("key");
    }
    return {};
}

QString Condition::opName(Op op)
{
    for (const auto &o : opNames) {
        if (o.op == op)
            return QString::fromLatin1(o.name);
    }
    return {};
}

bool Condition::sourceFromName(const QString &name, Source *source)
{
    for (auto s : {Source::Body, Source::Header, Source::Query, Source::Key}) {
        if (name == sourceName(s)) {
            *source = s;
            return true;
        }
    }
    return false;
}

ConditionMatch Condition::record() const
{
    ConditionMatch m;
    m.source = sourceName(source);
    m.name = name;
    m.op = opName(op);
    m.value = op == Op::Exists ? QJsonValue() : value;
    m.negate = negate;
    m.ignoreCase = ignoreCase && op != Op::Exists;
    return m;
}

bool Condition::opFromName(const QString &name, Op *op)
{
    for (const auto &o : opNames) {
        if (name == QLatin1String(o.name)) {
            *op = o.op;
            return true;
        }
    }
    return false;
}

QString Condition::describe() const
{
    return record().phrase(false);
}

bool Condition::matches(
    const CapturedRequest &request, const RequestBody &body, ConditionMatch *tested, bool *gaveUp) const
{
    bool undecided = false;
    std::optional<QJsonValue> actual;
    switch (source) {
    case Source::Body:
        actual = JsonPath::resolve(body.object(), name);
        break;
    case Source::Header: {
        for (const auto &h : request.headers) {
            if (QString::fromLatin1(h.first).compare(name, Qt::CaseInsensitive) == 0) {
                actual = QJsonValue(QString::fromUtf8(h.second));
                break;
            }
        }
        break;
    }
    case Source::Query: {
        const QUrlQuery query(request.query);
        if (query.hasQueryItem(name))
            actual = QJsonValue(query.queryItemValue(name, QUrl::FullyDecoded));
        break;
    }
    case Source::Key:
        actual = JsonPath::resolve(request.keyData, name);
        break;
    }

    const Qt::CaseSensitivity cs = ignoreCase ? Qt::CaseInsensitive : Qt::CaseSensitive;
    bool result = false;
    qsizetype foundAt = 0; // contains: where the value is in the text, for the excerpt
    qsizetype foundLength = 0;
    if (op == Op::Exists) {
        result = actual.has_value() && !actual->isNull();
    } else if (actual) {
        const QJsonValue &a = *actual;
        switch (op) {
        case Op::Equals:
            result = same(a, value, cs);
            break;
        case Op::Contains:
            if (a.isArray()) {
                for (const auto &e : a.toArray())
                    result = result || same(e, value, cs);
            } else {
                const QString needle = asText(value);
                foundAt = asText(a).indexOf(needle, 0, cs);
                foundLength = needle.size();
                result = foundAt >= 0;
                foundAt = qMax<qsizetype>(0, foundAt);
            }
            break;
        case Op::Regex: {
            const BoundedRegex::Result r = regex.match(asText(a));
            result = r == BoundedRegex::Result::Match;
            undecided = r == BoundedRegex::Result::GaveUp;
            break;
        }
        case Op::In:
            for (const auto &e : value.toArray())
                result = result || same(a, e, cs);
            break;
        case Op::Lt:
        case Op::Le:
        case Op::Gt:
        case Op::Ge: {
            const auto x = asNumber(a);
            const auto y = asNumber(value);
            if (x && y) {
                result = op == Op::Lt ? *x < *y : op == Op::Le ? *x <= *y : op == Op::Gt ? *x > *y : *x >= *y;
            }
            break;
        }
        case Op::Exists:
            break;
        }
    }
    // An undecided regex holds neither way: "not regex" must not pass because the regex gave up.
    result = !undecided && result != negate;
    if (undecided && gaveUp)
        *gaveUp = true;
    if (tested) {
        *tested = record();
        tested->absent = !actual.has_value();
        if (actual)
            tested->found = ConditionMatch::excerpt(asText(*actual), foundAt, foundLength);
    }
    return result;
}

} // namespace cbi
