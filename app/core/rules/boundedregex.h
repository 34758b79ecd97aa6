// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringView>

#include <memory>

namespace cbi {

// A rule's regular expression, matched against text a caller chose (a message's content can be
// 16 MB). QRegularExpression's only bound is PCRE2's match limit, which restarts at every start
// position: `(\w+\s?)+$` on a 1 MB body ran 8 s on the server's thread. This one stops at a total
// time budget (a PCRE2 callout checks the clock) and at a lower match limit the pattern cannot
// raise, and says it gave up instead of pretending the text did not match. The budget grows with
// the text (a plain scan costs 3-5 ms a MiB with the callouts), so a linear pattern always
// finishes and the worst case stays linear in what the caller sent.
class BoundedRegex
{
public:
    enum class Result
    {
        NoMatch,
        Match,
        GaveUp, // over the time budget or the match limit: treated as no match, and reported
    };
    static constexpr int budgetMs = 20; // plus budgetMsPerMiB for each MiB of text
    static constexpr int budgetMsPerMiB = 20;
    static qint64 budgetMsFor(qsizetype textLength);
    static constexpr unsigned matchLimit = 1000000;

    BoundedRegex() = default;
    explicit BoundedRegex(const QString &pattern);

    bool isValid() const { return bool(m_code); }
    QString errorString() const { return m_error; }
    QString pattern() const { return m_pattern; }
    Result match(QStringView subject) const;

private:
    struct Code;
    std::shared_ptr<const Code> m_code; // compiled once, shared by copies of the rule
    QString m_pattern;
    QString m_error;
};

} // namespace cbi
