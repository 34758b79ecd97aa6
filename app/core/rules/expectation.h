// SPDX-License-Identifier: MIT
#pragma once

#include "capture/requestbody.h"
#include "condition.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace cbi {

struct CapturedRequest;

// Which captures an expectation talks about: a command, conditions on the request, a verdict.
struct CaptureMatch
{
    QString command = QStringLiteral("*");
    QList<Condition> conditions; // all must hold
    QString outcome; // "" or a Verdict outcome name
    int errCode = -1; // -1: any

    bool matches(const CapturedRequest &capture, const RequestBody &body) const;
    QString describe() const;
};

// A check a scenario run makes once the test driver is done: "seen 3 times", "never", "at least once
// blocked", or "A happens before B".
struct Expectation
{
    enum class Kind
    {
        Count,
        Order
    };

    QString name;
    Kind kind = Kind::Count;
    CaptureMatch match; // Count; also the first event of Order
    CaptureMatch then; // Order: must first happen after `match` first happens
    int min = 1;
    int max = -1; // -1: no upper bound

    struct Result
    {
        QString name;
        bool passed = false;
        QString detail; // what was seen
    };
    Result evaluate(const QList<CapturedRequest> &captures) const;
};

} // namespace cbi
