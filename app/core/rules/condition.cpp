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
    QString text = sourceName(source) + QLatin1Char(' ') + name + QLatin1Char(' ');
    if (negate)
        text += QStringLiteral("not ");
    text += opName(op);
    if (ignoreCase && op != Op::Exists)
        text += QStringLiteral(" (any case)");
    if (op != Op::Exists)
        text += QLatin1Char(' ')
            + QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact))
                  .mid(1)
                  .chopped(1);
    return text;
}

bool Condition::matches(
    const CapturedRequest &request, const RequestBody &body, QString *why, bool *gaveUp) const
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
                result = asText(a).contains(asText(value), cs);
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
    if (!result && why) {
        const QString found = actual ? asText(*actual) : QStringLiteral("absent");
        *why = QStringLiteral("%1 (found: %2)")
                   .arg(describe(), found.size() > 60 ? found.left(60) + QStringLiteral("...") : found);
    }
    return result;
}

} // namespace cbi
