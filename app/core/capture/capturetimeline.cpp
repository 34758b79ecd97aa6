// SPDX-License-Identifier: MIT
#include "capturetimeline.h"

#include "requestbody.h"

#include <algorithm>

namespace cbi {

QString CaptureTimeline::clientMsgID(const CapturedRequest &capture)
{
    // Push callbacks carry it inside msg; the message callbacks at the top level.
    const RequestBody body(capture.body);
    QString id = body.value(QLatin1String("clientMsgID")).toString();
    if (id.isEmpty())
        id = body.value(QLatin1String("msg")).toObject().value(QLatin1String("clientMsgID")).toString();
    return id;
}

QList<CapturedRequest> CaptureTimeline::related(
    const CapturedRequest &anchor, const QList<CapturedRequest> &all)
{
    const QString message = clientMsgID(anchor);
    const QString operation = anchor.operationID;
    QList<CapturedRequest> out;
    for (const auto &c : all) {
        if (c.id == anchor.id || (!operation.isEmpty() && c.operationID == operation)
            || (!message.isEmpty() && clientMsgID(c) == message))
            out.append(c);
    }
    std::stable_sort(out.begin(), out.end(), [](const CapturedRequest &a, const CapturedRequest &b) {
        return a.receivedAt < b.receivedAt || (a.receivedAt == b.receivedAt && a.id < b.id);
    });
    return out;
}

} // namespace cbi
