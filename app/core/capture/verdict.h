// SPDX-License-Identifier: MIT
#pragma once

#include "capturewarning.h"

#include <QJsonObject>
#include <QList>
#include <QStringList>

#include <optional>

namespace cbi {

// What OpenIM does with the reply a capture got: the result of VerdictEngine::compute().
struct Verdict
{
    enum class Outcome
    {
        None, // not computed (e.g. a request the server rejected itself)
        Continue, // OpenIM carries on unchanged
        Blocked, // the operation stops; the caller gets errCode
        Modified, // OpenIM carries on with fields rewritten
        Failed, // the callback failed: 90004 (network, timeout), 90007 (bad JSON), 500 (panic), ...
        Ignored, // after-callback: OpenIM does not use the reply
        NotCallback, // no OpenIM command (a GET / liveness probe): OpenIM never sends it
    };

    Outcome outcome = Outcome::None;
    int errCode = 0; // Blocked / Failed: the code OpenIM hands on, as the API caller sees it
    // Blocked: the reply's errCode when OpenIM does not hand it on as it is (errCode 500 instead, or
    // success when errCode is 0): the gRPC error conversion differs per version.
    std::optional<int> replyErrCode;
    QStringList modifiedFields; // Modified: honoured fields the reply changes
    QStringList ignoredFields; // reply fields this command does not read
    CaptureWarning reason; // one line: why
    QList<CaptureWarning> warnings;

    // The one mapping between outcomes and their JSON names ("notCallback"), in display order;
    // filters, pickers, statistics, exports and expectations all go through it.
    static const QList<Outcome> &outcomes(); // every computed outcome (not None)
    static QString outcomeName(Outcome outcome);
    static std::optional<Outcome> outcomeFromName(const QString &name);
    QJsonObject toJson() const; // never translated
};

} // namespace cbi
