// SPDX-License-Identifier: MIT
#include "capturedrequest.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace cbi {

QString urlStyleName(UrlStyle style)
{
    switch (style) {
    case UrlStyle::PathSegment:
        return QStringLiteral("path");
    case UrlStyle::QueryParameter:
        return QStringLiteral("query");
    case UrlStyle::BodyField:
        return QStringLiteral("body");
    case UrlStyle::None:
        break;
    }
    return QStringLiteral("none");
}

QString rejectionName(Rejection rejection)
{
    switch (rejection) {
    case Rejection::HeaderTooLarge:
        return QStringLiteral("header-too-large");
    case Rejection::BodyTooLarge:
        return QStringLiteral("body-too-large");
    case Rejection::Malformed:
        return QStringLiteral("malformed");
    case Rejection::None:
        break;
    }
    return {};
}

QString HoldRecord::endName(End end)
{
    switch (end) {
    case End::ByHand:
        return QStringLiteral("by-hand");
    case End::RulesReply:
        return QStringLiteral("rules-reply");
    case End::Expired:
        return QStringLiteral("expired");
    case End::None:
        break;
    }
    return {};
}

qint64 CapturedRequest::approxBytes() const
{
    qint64 bytes = 1024 + body.size() + reply.body.size() + forward.body.size();
    for (const auto &h : headers)
        bytes += h.first.size() + h.second.size() + 32;
    return bytes;
}

// The JSON text with every string literal over maxChars characters cut (at a character, never
// inside an escape), in place: key order and layout stay as sent. Empty when the text ends inside
// a string. Arrays are not cut (a cut list would show a wrong count of users).
static QByteArray cutLongStrings(const QByteArray &in, qsizetype maxChars)
{
    QByteArray out;
    out.reserve(qMin<qsizetype>(in.size(), 64 * 1024));
    const qsizetype n = in.size();
    qsizetype i = 0;
    while (i < n) {
        if (in.at(i) != '"') {
            out += in.at(i++);
            continue;
        }
        qsizetype j = i + 1;
        qsizetype chars = 0;
        qsizetype cutAt = -1;
        while (j < n && in.at(j) != '"') {
            if (chars == maxChars && cutAt < 0)
                cutAt = j;
            const uchar b = uchar(in.at(j));
            if (b == '\\')
                j += j + 1 < n && in.at(j + 1) == 'u' ? 6 : 2;
            else
                j += b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
            ++chars;
        }
        if (j >= n)
            return {};
        if (cutAt >= 0)
            out += in.mid(i, cutAt - i) + QStringLiteral("…").toUtf8() + '"';
        else
            out += in.mid(i, j + 1 - i);
        i = j + 1;
    }
    return out;
}

QByteArray CapturedRequest::abridgedBody(const QByteArray &body)
{
    constexpr qsizetype rawPrefix = 4096;
    const QByteArray trimmed = body.left(64).trimmed();
    QByteArray out;
    if (trimmed.startsWith('{') || trimmed.startsWith('['))
        out = cutLongStrings(body, 1000);
    // Many small keys abridge to little less than the body, and text that is not JSON stays as
    // long: the prefix bounds it either way.
    if (out.isEmpty() || out.size() > 64 * 1024 || out.size() >= body.size()
        || QJsonDocument::fromJson(out).isNull())
        out = body.left(rawPrefix);
    return out;
}

bool CapturedRequest::spillBody(qsizetype threshold)
{
    if (isBodySpilled() || body.size() <= threshold)
        return false;
    spilledBodySize = body.size();
    body = abridgedBody(body);
    return true;
}

bool CapturedRequest::hasWarning(const QString &code) const
{
    for (const auto &w : warnings) {
        if (w.code == code)
            return true;
    }
    return false;
}

namespace {
struct FaultName
{
    Fault fault;
    const char *name;
};
constexpr FaultName faultNames[] = {
    {Fault::None, "none"},
    {Fault::Close, "close"},
    {Fault::Reset, "reset"},
    {Fault::Hang, "hang"},
    {Fault::Truncate, "truncate"},
    {Fault::SlowDrip, "slow-drip"},
};
} // namespace

QString faultName(Fault fault)
{
    for (const auto &f : faultNames) {
        if (f.fault == fault)
            return QString::fromLatin1(f.name);
    }
    return {};
}

Fault faultFromName(const QString &name, bool *ok)
{
    for (const auto &f : faultNames) {
        if (name == QLatin1String(f.name)) {
            if (ok)
                *ok = true;
            return f.fault;
        }
    }
    if (ok)
        *ok = false;
    return Fault::None;
}

QByteArray CapturedRequest::headerValue(QByteArrayView name) const
{
    for (const auto &h : headers) {
        if (QByteArrayView(h.first).compare(name, Qt::CaseInsensitive) == 0)
            return h.second;
    }
    return {};
}

static QJsonArray headersToJson(const HeaderList &headers)
{
    QJsonArray out;
    for (const auto &h : headers)
        out.append(QJsonObject {{QStringLiteral("name"), QString::fromLatin1(h.first)},
            {QStringLiteral("value"), QString::fromLatin1(h.second)}});
    return out;
}

// Bodies are text for OpenIM, but anything may arrive: keep invalid UTF-8 lossless as base64.
static void putBody(QJsonObject &o, const QByteArray &body)
{
    const QString text = QString::fromUtf8(body);
    if (text.toUtf8() == body) {
        o.insert(QStringLiteral("body"), text);
    } else {
        o.insert(QStringLiteral("body"), QJsonValue::Null);
        o.insert(QStringLiteral("bodyBase64"), QString::fromLatin1(body.toBase64()));
    }
}

static HeaderList headersFromJson(const QJsonArray &array)
{
    HeaderList out;
    for (const auto &v : array) {
        const QJsonObject h = v.toObject();
        out.append({h.value(QLatin1String("name")).toString().toLatin1(),
            h.value(QLatin1String("value")).toString().toLatin1()});
    }
    return out;
}

static QByteArray bodyFromJson(const QJsonObject &o)
{
    if (o.value(QLatin1String("body")).isString())
        return o.value(QLatin1String("body")).toString().toUtf8();
    return QByteArray::fromBase64(o.value(QLatin1String("bodyBase64")).toString().toLatin1());
}

static CaptureWarning warningFromJson(const QJsonObject &o)
{
    return CaptureWarning::fromStored(o.value(QLatin1String("code")).toString(),
        o.value(QLatin1String("args")), o.value(QLatin1String("message")).toString());
}

CapturedRequest CapturedRequest::fromJson(const QJsonObject &o)
{
    CapturedRequest c;
    c.id = quint64(o.value(QLatin1String("id")).toInteger());
    c.receivedAt =
        QDateTime::fromString(o.value(QLatin1String("time")).toString(), Qt::ISODateWithMs).toUTC();
    c.method = o.value(QLatin1String("method")).toString().toLatin1();
    c.httpVersion = o.value(QLatin1String("httpVersion")).toString(QStringLiteral("HTTP/1.1")).toLatin1();
    c.path = o.value(QLatin1String("path")).toString();
    c.query = o.value(QLatin1String("query")).toString();
    c.command = o.value(QLatin1String("command")).toString();
    c.canonicalCommand =
        o.value(QLatin1String("canonicalCommand"))
            .toString(o.value(QLatin1String("knownCommand")).toBool() ? c.command : QString());
    const QString style = o.value(QLatin1String("urlStyle")).toString();
    c.urlStyle = style == QLatin1String("path") ? UrlStyle::PathSegment
        : style == QLatin1String("query")       ? UrlStyle::QueryParameter
        : style == QLatin1String("body")        ? UrlStyle::BodyField
                                                : UrlStyle::None;
    c.operationID = o.value(QLatin1String("operationID")).toString();
    c.keyData = o.value(QLatin1String("key")).toObject();
    for (const auto &w : o.value(QLatin1String("warnings")).toArray())
        c.warnings.append(warningFromJson(w.toObject()));
    const QString peer = o.value(QLatin1String("peer")).toString();
    const qsizetype colon = peer.lastIndexOf(QLatin1Char(':'));
    c.peerAddress = peer.left(colon);
    c.peerPort = quint16(peer.mid(colon + 1).toUInt());
    c.headers = headersFromJson(o.value(QLatin1String("headers")).toArray());
    c.body = bodyFromJson(o);
    if (o.value(QLatin1String("bodyAbridged")).toBool())
        c.spilledBodySize = qMax<qint64>(1, o.value(QLatin1String("bodySize")).toInteger());
    const QString rejected = o.value(QLatin1String("rejected")).toString();
    c.rejection = rejected == QLatin1String("header-too-large") ? Rejection::HeaderTooLarge
        : rejected == QLatin1String("body-too-large")           ? Rejection::BodyTooLarge
        : rejected == QLatin1String("malformed")                ? Rejection::Malformed
                                                                : Rejection::None;
    const QJsonObject r = o.value(QLatin1String("response")).toObject();
    c.reply.status = r.value(QLatin1String("status")).toInt(200);
    c.reply.headers = headersFromJson(r.value(QLatin1String("headers")).toArray());
    c.reply.body = bodyFromJson(r);
    c.reply.delayMs = r.value(QLatin1String("delayMs")).toInt();
    c.reply.fault = faultFromName(r.value(QLatin1String("fault")).toString(QStringLiteral("none")));
    c.ruleName = o.value(QLatin1String("rule")).toString();
    for (const auto &m : o.value(QLatin1String("matched")).toArray()) // absent in older files
        c.matched.append(ConditionMatch::fromJson(m.toObject()));
    if (o.contains(QLatin1String("nearMiss")))
        c.nearMiss = CaptureWarning::fromStored(
            o.value(QLatin1String("nearMissCode")).toString(QStringLiteral("near-miss")),
            o.value(QLatin1String("nearMissArgs")), o.value(QLatin1String("nearMiss")).toString());
    if (o.contains(QLatin1String("forward")))
        c.forward = Forwarded::fromJson(o.value(QLatin1String("forward")).toObject());
    const QJsonObject held = o.value(QLatin1String("held")).toObject();
    for (auto end : {HoldRecord::End::ByHand, HoldRecord::End::RulesReply, HoldRecord::End::Expired}) {
        if (held.value(QLatin1String("end")).toString() == HoldRecord::endName(end))
            c.hold = {end, held.value(QLatin1String("timeoutMs")).toInt(), 0};
    }
    if (c.hold.end == HoldRecord::End::None && c.ruleName == QLatin1String("(answered by hand)"))
        c.hold.end = HoldRecord::End::ByHand; // a file from before the hold was saved

    const QJsonObject v = o.value(QLatin1String("verdict")).toObject();
    if (!v.isEmpty()) {
        const QString outcome = v.value(QLatin1String("outcome")).toString();
        c.verdict.outcome = Verdict::outcomeFromName(outcome).value_or(Verdict::Outcome::None);
        c.verdict.errCode = v.value(QLatin1String("errCode")).toInt();
        if (v.contains(QLatin1String("replyErrCode")))
            c.verdict.replyErrCode = v.value(QLatin1String("replyErrCode")).toInt();
        for (const auto &f : v.value(QLatin1String("modifiedFields")).toArray())
            c.verdict.modifiedFields.append(f.toString());
        for (const auto &f : v.value(QLatin1String("ignoredFields")).toArray())
            c.verdict.ignoredFields.append(f.toString());
        c.verdict.reason = CaptureWarning::fromStored(
            v.value(QLatin1String("reasonCode")).toString(QStringLiteral("stored")),
            v.value(QLatin1String("reasonArgs")), v.value(QLatin1String("reason")).toString());
        for (const auto &w : v.value(QLatin1String("warnings")).toArray())
            c.verdict.warnings.append(warningFromJson(w.toObject()));
    }
    return c;
}

QJsonObject CapturedRequest::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("id"), qint64(id));
    o.insert(QStringLiteral("time"), receivedAt.toString(Qt::ISODateWithMs));
    o.insert(QStringLiteral("method"), QString::fromLatin1(method));
    o.insert(QStringLiteral("httpVersion"), QString::fromLatin1(httpVersion));
    o.insert(QStringLiteral("path"), path);
    o.insert(QStringLiteral("query"), query);
    o.insert(QStringLiteral("command"), command.isEmpty() ? QJsonValue() : QJsonValue(command));
    o.insert(QStringLiteral("knownCommand"), isKnownCommand());
    if (isKnownCommand() && canonicalCommand != command)
        o.insert(QStringLiteral("canonicalCommand"), canonicalCommand);
    o.insert(QStringLiteral("urlStyle"), urlStyleName(urlStyle));
    o.insert(QStringLiteral("operationID"), operationID);
    if (!keyData.isEmpty())
        o.insert(QStringLiteral("key"), keyData);
    QJsonArray warningArray;
    for (const auto &w : warnings) {
        QJsonObject one {{QStringLiteral("code"), w.code}, {QStringLiteral("message"), w.text(false)}};
        if (const QJsonValue args = w.argsToJson(); !args.isUndefined())
            one.insert(QStringLiteral("args"), args);
        warningArray.append(one);
    }
    o.insert(QStringLiteral("warnings"), warningArray);
    o.insert(QStringLiteral("peer"), QString(peerAddress + QLatin1Char(':') + QString::number(peerPort)));
    o.insert(QStringLiteral("headers"), headersToJson(headers));
    putBody(o, body);
    o.insert(QStringLiteral("bodySize"), isBodySpilled() ? spilledBodySize : qint64(body.size()));
    if (isBodySpilled()) // never taken for the whole body by a reader of this JSON
        o.insert(QStringLiteral("bodyAbridged"), true);
    if (rejection != Rejection::None)
        o.insert(QStringLiteral("rejected"), rejectionName(rejection));

    QJsonObject r;
    r.insert(QStringLiteral("status"), reply.status);
    r.insert(QStringLiteral("headers"), headersToJson(reply.headers));
    putBody(r, reply.body);
    r.insert(QStringLiteral("delayMs"), reply.delayMs);
    if (reply.fault != Fault::None)
        r.insert(QStringLiteral("fault"), faultName(reply.fault));
    o.insert(QStringLiteral("response"), r);
    if (!ruleName.isEmpty())
        o.insert(QStringLiteral("rule"), ruleName);
    if (!matched.isEmpty()) {
        QJsonArray conditions;
        for (const auto &m : matched)
            conditions.append(m.toJson());
        o.insert(QStringLiteral("matched"), conditions);
    }
    if (!nearMiss.code.isEmpty()) {
        o.insert(QStringLiteral("nearMiss"), nearMiss.text(false));
        if (nearMiss.storedText.isEmpty()) {
            o.insert(QStringLiteral("nearMissCode"), nearMiss.code);
            if (const QJsonValue args = nearMiss.argsToJson(); !args.isUndefined())
                o.insert(QStringLiteral("nearMissArgs"), args);
        }
    }
    if (verdict.outcome != Verdict::Outcome::None)
        o.insert(QStringLiteral("verdict"), verdict.toJson());
    if (!forward.url.isEmpty())
        o.insert(QStringLiteral("forward"), forward.toJson());
    if (hold.end != HoldRecord::End::None)
        o.insert(QStringLiteral("held"),
            QJsonObject {{QStringLiteral("end"), HoldRecord::endName(hold.end)},
                {QStringLiteral("timeoutMs"), hold.timeoutMs}});
    return o;
}

QJsonObject Forwarded::toJson() const
{
    QJsonObject o {{QStringLiteral("url"), url}, {QStringLiteral("elapsedMs"), elapsedMs}};
    if (status > 0) {
        o.insert(QStringLiteral("status"), status);
        o.insert(QStringLiteral("headers"), headersToJson(headers));
        putBody(o, body);
    }
    if (!error.isEmpty())
        o.insert(QStringLiteral("error"), error);
    if (overridden)
        o.insert(QStringLiteral("overridden"), true);
    return o;
}

Forwarded Forwarded::fromJson(const QJsonObject &o)
{
    Forwarded f;
    f.url = o.value(QLatin1String("url")).toString();
    f.status = o.value(QLatin1String("status")).toInt();
    f.headers = headersFromJson(o.value(QLatin1String("headers")).toArray());
    f.body = bodyFromJson(o);
    f.elapsedMs = o.value(QLatin1String("elapsedMs")).toInteger();
    f.error = o.value(QLatin1String("error")).toString();
    f.overridden = o.value(QLatin1String("overridden")).toBool();
    return f;
}

} // namespace cbi
