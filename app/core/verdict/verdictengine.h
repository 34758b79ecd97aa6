// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"
#include "capture/requestbody.h"
#include "profile.h"

namespace cbi {

struct CommandSpec;

// Predicts what OpenIM does with a reply, following OpenIM Server's parse rules per version profile:
// transport errors and timeouts, Go's JSON decoding of the reply into its response struct, the stop
// rule of the version, and which returned fields it applies. Pure: no I/O, no state.
class VerdictEngine
{
public:
    struct Input
    {
        QString command; // as received; legacy names are resolved through the catalogue
        RequestBody requestBody;
        ReplySent reply;
        int timeoutSeconds = 5; // webhooks.yml timeout for the command; 0 = OpenIM's 15 s client cap
        Profile profile = defaultProfile;
        bool failedContinue = true; // honoured by v2 - v3.6 only
    };

    static Verdict compute(const Input &input);
    // The reply's top-level fields as OpenIM decodes them for this command (Go's JSON: keys folded,
    // the last duplicate wins); empty when the command is unknown or the reply does not decode.
    static QJsonObject replyFields(
        const QString &command, const QByteArray &replyBody, Profile profile = defaultProfile);
    // min(timeout, 15 s); 0 means the 15 s cap.
    static int effectiveTimeoutMs(int timeoutSeconds);
};

} // namespace cbi
