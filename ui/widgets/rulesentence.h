// SPDX-License-Identifier: MIT
#pragma once

#include "rules/rule.h"
#include "verdict/rewriteeffect.h"

#include <QCoreApplication>
#include <QString>

namespace cbi {

// A rule read as a sentence from its real conditions and replies, in the UI language:
// "content.content contains 'casino' -> block 5001 after 2 s" (gui walk F31). Built from
// translatable patterns, so word order is the translator's; long condition lists are shortened
// to the first one "and N more".
class RuleSentence
{
    Q_DECLARE_TR_FUNCTIONS(RuleSentence)
public:
    static QString of(const Rule &rule);
    static QString condition(const Condition &condition);
    // A condition that held on a capture, with the text it held on:
    // "content.content contains 'casino' (matched in "...play casino now...")".
    static QString matched(const ConditionMatch &match);
    // "content: "before" -> "after"", values cut to maxChars.
    static QString rewrite(const RewriteEffect::Field &field, int maxChars = 60);
    static QString conditions(const Rule &rule);
    static QString reply(const ResponseSpec &reply);
    static QString replies(const Rule &rule);
    static QString duration(int ms); // "2 s", "1.5 s", "250 ms"
};

} // namespace cbi
