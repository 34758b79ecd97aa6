// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"
#include "rules/rule.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace cbi {

// New rules made from a capture, prefilled with what the user most likely wants to match (gui walk
// F16): the message text for message commands, else who or which group it concerns.
class RuleDraft
{
    Q_DECLARE_TR_FUNCTIONS(RuleDraft)
public:
    // For the capture's command, blocking (before-callbacks), with one condition from its body.
    static Rule fromCapture(const CapturedRequest &capture);
    // For the capture's command, with the one condition "path equals value" (Body tree "Make
    // condition from this field").
    static Rule fromField(const CapturedRequest &capture, const QString &path, const QJsonValue &value);
    // The condition fromCapture prefills, if the body has anything worth matching.
    static std::optional<Condition> suggestedCondition(const CapturedRequest &capture);
};

} // namespace cbi
