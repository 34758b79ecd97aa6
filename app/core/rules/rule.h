// SPDX-License-Identifier: MIT
#pragma once

#include "condition.h"
#include "responsespec.h"

#include <QList>
#include <QString>

namespace cbi {

// A rule: which requests it answers (a command, exact or "*", and conditions combined with
// all/any) and what it answers: one reply or a sequence ("first 3 block, then continue"), after
// which it repeats the last reply or starts over.
struct Rule
{
    enum class Then
    {
        RepeatLast,
        Cycle
    };

    QString name;
    QString command = QStringLiteral("*");
    bool matchAll = true; // all conditions, or any
    QList<Condition> conditions;
    QList<ResponseSpec> responses; // never empty once loaded
    Then then = Then::RepeatLast;
    bool enabled = true;

    bool commandMatches(const QString &command, const QString &canonical) const
    {
        return this->command == QLatin1String("*") || this->command == command || this->command == canonical;
    }
    // Which reply answers the n-th call (0-based) this rule takes.
    const ResponseSpec &responseForCall(quint64 call) const;
};

} // namespace cbi
