// SPDX-License-Identifier: MIT
#include "responsespec.h"

#include "capture/httpsyntax.h"
#include "catalogue/catalogue.h"
#include "jsonpath.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QUrlQuery>

namespace cbi {

namespace {
struct PresetName
{
    ResponseSpec::Preset preset;
    const char *name;
};
constexpr PresetName presetNames[] = {
    {ResponseSpec::Preset::Continue, "continue"},
    {ResponseSpec::Preset::Block, "block"},
    {ResponseSpec::Preset::Rewrite, "rewrite"},
    {ResponseSpec::Preset::Error, "error"},
    {ResponseSpec::Preset::Custom, "custom"},
};
struct FaultKindName
{
    ResponseSpec::FaultKind kind;
    const char *name;
};
constexpr FaultKindName faultKindNames[] = {
    {ResponseSpec::FaultKind::None, "none"},
    {ResponseSpec::FaultKind::EmptyBody, "empty-body"},
    {ResponseSpec::FaultKind::MalformedJson, "malformed-json"},
    {ResponseSpec::FaultKind::WrongTypes, "wrong-types"},
    {ResponseSpec::FaultKind::Close, "close"},
    {ResponseSpec::FaultKind::Reset, "reset"},
    {ResponseSpec::FaultKind::Hang, "hang"},
    {ResponseSpec::FaultKind::Truncate, "truncate"},
    {ResponseSpec::FaultKind::SlowDrip, "slow-drip"},
};

QJsonValue lookup(
    const QString &reference, const CapturedRequest &request, const RequestBody &body, bool *found)
{
    *found = true;
    if (reference.startsWith(QLatin1String("request."))) {
        if (auto v = JsonPath::resolve(body.object(), reference.mid(8)))
            return *v;
    } else if (reference.startsWith(QLatin1String("header."))) {
        const QByteArray value = request.headerValue(reference.mid(7).toLatin1());
        if (!value.isNull())
            return QString::fromUtf8(value);
    } else if (reference.startsWith(QLatin1String("query."))) {
        const QUrlQuery query(request.query);
        if (query.hasQueryItem(reference.mid(6)))
            return query.queryItemValue(reference.mid(6), QUrl::FullyDecoded);
    } else if (reference == QLatin1String("command")) {
        return request.command;
    } else if (reference == QLatin1String("operationID")) {
        return request.operationID;
    }
    *found = false;
    return QString();
}

QString asText(const QJsonValue &v)
{
    if (v.isString())
        return v.toString();
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 17);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return QStringLiteral("null");
}

// The five common fields first, in OpenIM's order, then the rest: easier to read than key order.
QByteArray orderedJson(const QJsonObject &o)
{
    static const QStringList common = {QStringLiteral("actionCode"), QStringLiteral("errCode"),
        QStringLiteral("errMsg"), QStringLiteral("errDlt"), QStringLiteral("nextCode")};
    QByteArray out = "{";
    auto put = [&out](const QString &key, const QJsonValue &value) {
        if (out.size() > 1)
            out += ',';
        // A one-element array serialises with QJsonDocument's escaping; strip the brackets.
        auto bare = [](const QJsonValue &v) {
            const QByteArray a = QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact);
            return a.mid(1, a.size() - 2);
        };
        out += bare(key) + ':' + bare(value);
    };
    for (const auto &key : common) {
        if (o.contains(key))
            put(key, o.value(key));
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!common.contains(it.key()))
            put(it.key(), it.value());
    }
    return out + '}';
}

const QRegularExpression &templatePattern()
{
    static const QRegularExpression re(QStringLiteral("\\{\\{\\s*([^}\\s]+)\\s*\\}\\}"));
    return re;
}

QString expandText(const QString &text, const CapturedRequest &request, const RequestBody &body)
{
    if (!text.contains(QLatin1String("{{")))
        return text;
    QString out;
    qsizetype last = 0;
    auto it = templatePattern().globalMatch(text);
    while (it.hasNext()) {
        const auto m = it.next();
        out += text.mid(last, m.capturedStart() - last);
        bool found = false;
        out += asText(lookup(m.captured(1), request, body, &found));
        last = m.capturedEnd();
    }
    out += text.mid(last);
    return out;
}
} // namespace

QString ResponseSpec::presetName(Preset preset)
{
    for (const auto &p : presetNames) {
        if (p.preset == preset)
            return QString::fromLatin1(p.name);
    }
    return {};
}

bool ResponseSpec::presetFromName(const QString &name, Preset *preset)
{
    for (const auto &p : presetNames) {
        if (name == QLatin1String(p.name)) {
            *preset = p.preset;
            return true;
        }
    }
    return false;
}

QString ResponseSpec::faultKindName(FaultKind kind)
{
    for (const auto &f : faultKindNames) {
        if (f.kind == kind)
            return QString::fromLatin1(f.name);
    }
    return {};
}

bool ResponseSpec::faultKindFromName(const QString &name, FaultKind *kind)
{
    for (const auto &f : faultKindNames) {
        if (name == QLatin1String(f.name)) {
            *kind = f.kind;
            return true;
        }
    }
    return false;
}

QJsonValue ResponseSpec::expand(
    const QJsonValue &value, const CapturedRequest &request, const RequestBody &body)
{
    if (value.isString()) {
        const QString text = value.toString();
        const auto whole = templatePattern().match(text);
        if (whole.hasMatch() && whole.capturedStart() == 0 && whole.capturedEnd() == text.size()) {
            bool found = false;
            const QJsonValue v = lookup(whole.captured(1), request, body, &found);
            return found ? v : QJsonValue(QString());
        }
        return expandText(text, request, body);
    }
    if (value.isArray()) {
        QJsonArray out;
        for (const auto &e : value.toArray())
            out.append(expand(e, request, body));
        return out;
    }
    if (value.isObject()) {
        QJsonObject out;
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            out.insert(it.key(), expand(it.value(), request, body));
        return out;
    }
    return value;
}

ReplySent ResponseSpec::render(const CapturedRequest &request, const RequestBody &body, int timeoutMs,
    QRandomGenerator &random, QList<QByteArray> *refusedHeaders) const
{
    ReplySent r;
    r.status = status;
    r.delayMs = delay.sample(random, timeoutMs);
    r.forwardUrl = forwardUrl;
    r.forwardOverride = forwardOverride;
    bool hasContentType = false;
    for (const auto &h : headers) {
        const QByteArray value = expandText(QString::fromUtf8(h.second), request, body).toUtf8();
        // A template value comes from the caller: CR or LF in it would add headers to the reply,
        // or split it. Such a header is left out, and the capture says why.
        if (!HttpSyntax::isFieldValue(value)) {
            if (refusedHeaders)
                refusedHeaders->append(h.first);
            continue;
        }
        r.headers.append({h.first, value});
        hasContentType = hasContentType || h.first.compare("content-type", Qt::CaseInsensitive) == 0;
    }
    if (!hasContentType)
        r.headers.prepend({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")});

    if (preset == Preset::Custom) {
        r.body = expandText(rawBody, request, body).toUtf8();
    } else {
        QJsonObject o {{QStringLiteral("actionCode"), 0}, {QStringLiteral("errCode"), 0},
            {QStringLiteral("errMsg"), QString()}, {QStringLiteral("errDlt"), QString()},
            {QStringLiteral("nextCode"), 0}};
        if (preset == Preset::Block || preset == Preset::Error) {
            o.insert(QStringLiteral("errCode"), errCode);
            o.insert(QStringLiteral("errMsg"), expandText(errMsg, request, body));
            o.insert(QStringLiteral("errDlt"), expandText(errDlt, request, body));
            o.insert(QStringLiteral("nextCode"), 1);
            if (preset == Preset::Error)
                o.insert(QStringLiteral("actionCode"), actionCode);
        }
        QJsonObject extra = fields;
        if (preset == Preset::Rewrite && extra.isEmpty()) {
            // Echo every field OpenIM would take back that the request carries: a safe starting point.
            const QString canonical = Catalogue::instance().canonicalName(request.command);
            if (const CommandSpec *spec = Catalogue::instance().find(canonical)) {
                for (const auto &f : spec->responseFields) {
                    if (f.honoured && body.object().contains(f.name) && !o.contains(f.name))
                        extra.insert(f.name, QStringLiteral("{{request.%1}}").arg(f.name));
                }
            }
        }
        for (auto it = extra.begin(); it != extra.end(); ++it)
            o.insert(it.key(), expand(it.value(), request, body));
        r.body = orderedJson(o);
    }

    const bool faultHits =
        fault != FaultKind::None && (faultPercent >= 100 || int(random.bounded(100)) < faultPercent);
    if (faultHits) {
        switch (fault) {
        case FaultKind::EmptyBody:
            r.body.clear();
            break;
        case FaultKind::MalformedJson:
            r.body = r.body.left(qMax<qsizetype>(1, r.body.size() / 2));
            break;
        case FaultKind::WrongTypes:
            r.body =
                QByteArrayLiteral(R"({"actionCode":0,"errCode":0,"errMsg":"","errDlt":"","nextCode":""})");
            break;
        case FaultKind::Close:
            r.fault = Fault::Close;
            break;
        case FaultKind::Reset:
            r.fault = Fault::Reset;
            break;
        case FaultKind::Hang:
            r.fault = Fault::Hang;
            break;
        case FaultKind::Truncate:
            r.fault = Fault::Truncate;
            break;
        case FaultKind::SlowDrip:
            r.fault = Fault::SlowDrip;
            r.dripIntervalMs = dripIntervalMs;
            r.dripBytes = dripBytes;
            break;
        case FaultKind::None:
            break;
        }
    }
    return r;
}

QJsonObject ResponseSpec::toJson() const
{
    QJsonObject o {{QStringLiteral("preset"), presetName(preset)}};
    if (preset == Preset::Block || preset == Preset::Error) {
        o.insert(QStringLiteral("errCode"), errCode);
        o.insert(QStringLiteral("errMsg"), errMsg);
        o.insert(QStringLiteral("errDlt"), errDlt);
    }
    if (preset == Preset::Error)
        o.insert(QStringLiteral("actionCode"), actionCode);
    if (!fields.isEmpty())
        o.insert(QStringLiteral("fields"), fields);
    if (preset == Preset::Custom)
        o.insert(QStringLiteral("body"), rawBody);
    if (status != 200)
        o.insert(QStringLiteral("status"), status);
    if (!headers.isEmpty()) {
        QJsonObject h;
        for (const auto &header : headers)
            h.insert(QString::fromUtf8(header.first), QString::fromUtf8(header.second));
        o.insert(QStringLiteral("headers"), h);
    }
    if (delay.kind != DelaySpec::Kind::None)
        o.insert(QStringLiteral("delay"), delay.toJson());
    if (!forwardUrl.isEmpty())
        o.insert(QStringLiteral("forward"),
            QJsonObject {{QStringLiteral("url"), forwardUrl}, {QStringLiteral("override"), forwardOverride}});
    if (fault != FaultKind::None) {
        o.insert(QStringLiteral("fault"), faultKindName(fault));
        if (faultPercent != 100)
            o.insert(QStringLiteral("faultPercent"), faultPercent);
        if (fault == FaultKind::SlowDrip) {
            o.insert(QStringLiteral("dripIntervalMs"), dripIntervalMs);
            o.insert(QStringLiteral("dripBytes"), dripBytes);
        }
    }
    if (times != 1)
        o.insert(QStringLiteral("times"), times);
    return o;
}

} // namespace cbi
