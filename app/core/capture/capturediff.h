// SPDX-License-Identifier: MIT
#pragma once

#include "capturedrequest.h"

#include <QStringList>

namespace cbi {

// Two captures side by side: each as comparable lines (request line, headers, the body as
// indented JSON with sorted keys, the reply, the verdict), and a line diff of the two.
class CaptureDiff
{
public:
    struct Line
    {
        enum class Kind
        {
            Same,
            OnlyLeft,
            OnlyRight
        };
        Kind kind;
        QString text;
    };

    static QStringList lines(const CapturedRequest &capture);
    // Longest-common-subsequence line diff, in order. Inputs beyond a few thousand lines are
    // compared as wholes (one block out, one block in) to keep it instant.
    static QList<Line> diff(const QStringList &left, const QStringList &right);
};

} // namespace cbi
