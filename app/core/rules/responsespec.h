// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"
#include "capture/requestbody.h"
#include "delayspec.h"

#include <QJsonObject>

class QRandomGenerator;

namespace cbi {

// One reply a rule gives: a preset body (continue, block, rewrite, error) or a custom one, the
// HTTP status and headers, a delay and an optional fault. String values may use templates taken
// from the request: {{request.sendID}}, {{request.userIDList[0]}}, {{header.operationID}},
// {{query.key}}, {{command}}. A string that is exactly one template takes the value's JSON type.
struct ResponseSpec
{
    enum class Preset
    {
        Continue,
        Block,
        Rewrite,
        Error,
        Custom
    };
    // Replies OpenIM cannot decode (the body) and transport faults (the connection).
    enum class FaultKind
    {
        None,
        EmptyBody,
        MalformedJson,
        WrongTypes,
        Close,
        Reset,
        Hang,
        Truncate,
        SlowDrip
    };

    Preset preset = Preset::Continue;
    int errCode = 5001;
    QString errMsg;
    QString errDlt;
    int actionCode = 1; // Error preset
    QJsonObject fields; // merged into the JSON body; Rewrite without fields echoes the honoured ones
    int status = 200;
    HeaderList headers;
    QString rawBody; // Custom: the body as text (templated)
    DelaySpec delay;
    FaultKind fault = FaultKind::None;
    int faultPercent = 100; // the fault hits this share of the calls
    int dripIntervalMs = 100;
    int dripBytes = 1;
    int times = 1; // in a sequence: how many calls this reply answers
    // Forward mode: pass the callback on to the real business server (its base URL, as in
    // webhooks.yml) and return its reply; with forwardOverride, return this reply instead.
    QString forwardUrl;
    bool forwardOverride = false;

    // The bytes to send, the delay and the transport fault for one request. Headers whose templated
    // value holds control characters are left out and named in refusedHeaders.
    ReplySent render(const CapturedRequest &request, const RequestBody &body, int timeoutMs,
        QRandomGenerator &random, QList<QByteArray> *refusedHeaders = nullptr) const;
    QJsonObject toJson() const;

    static QString presetName(Preset preset);
    static bool presetFromName(const QString &name, Preset *preset);
    static QString faultKindName(FaultKind kind);
    static bool faultKindFromName(const QString &name, FaultKind *kind);
    // Fills template references in every string of `value`.
    static QJsonValue expand(
        const QJsonValue &value, const CapturedRequest &request, const RequestBody &body);
};

} // namespace cbi
