// SPDX-License-Identifier: MIT
#include "capturedrequest.h"

#include <QCoreApplication>
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

namespace {
struct WarningText
{
    const char *code;
    const char *text;
};
// Source texts for every warning code; %1, %2 are the warning's arguments.
constexpr WarningText warningTexts[] = {
    {"legacy-name",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning", "Legacy command name sent by OpenIM %1; today it is %2")},
    {"legacy-name-retired",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "Legacy command name sent by OpenIM %1; current servers have no such callback")},
    {"unknown-command",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning", "Unknown command %1: not in the OpenIM catalogue")},
    {"no-command",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning", "No callback command in the path, the query or the body")},
    {"styles-disagree",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning", "The %1 says %2 but the %3 says %4; the %1 was used")},
    {"outside-base-path",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "Path %1 is outside the base path %2; its last segment was taken as the command")},
    {"double-slash",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "The path has an empty segment (//): the url in webhooks.yml probably ends with '/'")},
    {"body-not-json", QT_TRANSLATE_NOOP("cbi::CaptureWarning", "The body is not a JSON object: %1")},
    {"no-operation-id", QT_TRANSLATE_NOOP("cbi::CaptureWarning", "No operationID header")},
    {"key-undecodable",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning", "The key parameter is not base64-encoded JSON: %1")},
    {"header-too-large",
        QT_TRANSLATE_NOOP("cbi::CaptureWarning",
            "Request headers exceed %1 bytes: answered 431 and closed the connection")},
    {"body-too-large",
        QT_TRANSLATE_NOOP(
            "cbi::CaptureWarning", "Request body exceeds %1 bytes: answered 413 and closed the connection")},
    {"malformed",
        QT_TRANSLATE_NOOP(
            "cbi::CaptureWarning", "Malformed HTTP request (%1): answered 400 and closed the connection")},
};
} // namespace

QString CaptureWarning::text(bool translated) const
{
    QString out = code;
    for (const auto &w : warningTexts) {
        if (code == QLatin1String(w.code)) {
            out = translated ? QCoreApplication::translate("cbi::CaptureWarning", w.text)
                             : QString::fromUtf8(w.text);
            break;
        }
    }
    for (const auto &a : args)
        out = out.arg(a);
    return out;
}

bool CapturedRequest::hasWarning(const QString &code) const
{
    for (const auto &w : warnings) {
        if (w.code == code)
            return true;
    }
    return false;
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
    o.insert(QStringLiteral("response"), r);
    return o;
}

} // namespace cbi
