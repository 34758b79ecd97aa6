// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"

#include <QJsonValue>
#include <QList>
#include <QString>

#include <optional>

namespace cbi {

// What a rewrite changes, read from a capture's verdict (the fields OpenIM applies), its request
// and its reply decoded as OpenIM decodes it (keys folded, the last duplicate wins): the before ->
// after of each rewritten field, and the message content OpenIM goes on with. Computed when shown,
// so captures and session files carry no copy of it.
class RewriteEffect
{
public:
    struct Field
    {
        QString name;
        std::optional<QJsonValue> before; // nullopt: not in the request
        std::optional<QJsonValue> after; // nullopt: not in the reply (an always-copied field)
    };

    // Empty unless the verdict is a rewrite.
    static QList<Field> of(const CapturedRequest &capture);
    // The content OpenIM stores and sends after the rewrite (beforeMsgModify's content); nullopt
    // when the capture's verdict does not rewrite content.
    static std::optional<QString> effectiveContent(const CapturedRequest &capture);
};

} // namespace cbi
