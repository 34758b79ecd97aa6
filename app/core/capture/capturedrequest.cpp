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
    for (const auto &w : warnings)
        warningArray.append(
            QJsonObject {{QStringLiteral("code"), w.code}, {QStringLiteral("message"), w.text(false)}});
    o.insert(QStringLiteral("warnings"), warningArray);
    o.insert(QStringLiteral("peer"), QString(peerAddress + QLatin1Char(':') + QString::number(peerPort)));
    o.insert(QStringLiteral("headers"), headersToJson(headers));
    putBody(o, body);
    o.insert(QStringLiteral("bodySize"), qint64(body.size()));
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
    if (!nearMiss.code.isEmpty())
        o.insert(QStringLiteral("nearMiss"), nearMiss.text(false));
    if (verdict.outcome != Verdict::Outcome::None)
        o.insert(QStringLiteral("verdict"), verdict.toJson());
    return o;
}

} // namespace cbi
