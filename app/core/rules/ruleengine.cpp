// SPDX-License-Identifier: MIT
#include "ruleengine.h"

#include "capture/continuereply.h"
#include "verdict/verdictengine.h"

#include <QJsonDocument>

#include <optional>

namespace cbi {

namespace {
// A condition as a warning's argument: its data, so that the window words it in its language
// (CaptureWarning::text).
QString conditionArg(const ConditionMatch &condition)
{
    return QString::fromUtf8(QJsonDocument(condition.toJson()).toJson(QJsonDocument::Compact));
}
} // namespace

RuleEngine::RuleEngine(Scenario scenario, quint32 seed)
    : m_random(seed)
{
    setScenario(std::move(scenario));
}

void RuleEngine::setScenario(Scenario scenario)
{
    m_scenario = std::move(scenario);
    resetCounters();
}

void RuleEngine::resetCounters()
{
    m_calls.assign(size_t(m_scenario.rules.size()), 0);
}

quint64 RuleEngine::callCount(int ruleIndex) const
{
    return ruleIndex >= 0 && size_t(ruleIndex) < m_calls.size() ? m_calls[size_t(ruleIndex)] : 0;
}

int RuleEngine::match(const CapturedRequest &capture, const RequestBody &body, CaptureWarning *nearMiss,
    QList<CaptureWarning> *gaveUp, QList<ConditionMatch> *matched) const
{
    int bestScore = -1;
    int best = -1;
    QStringList bestWhy; // the near miss: its code, then its arguments after the rule name
    ConditionMatch bestMissed; // its condition that did not hold (worded only once, at the end)
    for (int i = 0; i < int(m_scenario.rules.size()); ++i) {
        const Rule &rule = m_scenario.rules.at(i);
        if (!rule.enabled)
            continue;
        const bool commandOk = rule.commandMatches(capture.command, capture.canonicalCommand);
        int held = 0;
        std::optional<ConditionMatch> firstMissed; // the first condition that did not hold
        QList<ConditionMatch> heldHere;
        for (const Condition &c : rule.conditions) {
            bool undecided = false;
            ConditionMatch tested;
            const bool wanted = nearMiss || matched;
            if (c.matches(capture, body, wanted ? &tested : nullptr, &undecided)) {
                ++held;
                if (matched)
                    heldHere.append(tested);
            } else if (undecided && gaveUp) {
                gaveUp->append({QStringLiteral("regex-gave-up"), {rule.name, conditionArg(c.record())}});
            } else if (!firstMissed && nearMiss) {
                firstMissed = std::move(tested);
            }
        }
        const bool conditionsOk =
            rule.conditions.isEmpty() || (rule.matchAll ? held == rule.conditions.size() : held > 0);
        if (commandOk && conditionsOk) {
            if (matched)
                *matched = std::move(heldHere);
            return i;
        }
        if (!nearMiss)
            continue;
        // Closest: the command right counts most, then the share of conditions that held.
        const int score = (commandOk ? 1000 : 0)
            + (rule.conditions.isEmpty() ? 0 : held * 100 / int(rule.conditions.size()));
        if (score > bestScore) {
            bestScore = score;
            best = i;
            // Codes and arguments, so that the window says it in its language (CaptureWarning).
            bestWhy = !commandOk
                ? QStringList {QStringLiteral("near-miss-command"),
                    capture.command.isEmpty() ? QStringLiteral("(none)") : capture.command, rule.command}
                : rule.matchAll ? QStringList {QStringLiteral("near-miss"), QString()}
                                : QStringList {QStringLiteral("near-miss-none-held"), QString()};
            bestMissed = firstMissed.value_or(ConditionMatch {});
        }
    }
    if (nearMiss) {
        if (bestWhy.size() == 2) // its condition, as data: the window words it (CaptureWarning::text)
            bestWhy[1] = conditionArg(bestMissed);
        *nearMiss = best < 0
            ? CaptureWarning {}
            : CaptureWarning {bestWhy.first(), QStringList {m_scenario.rules.at(best).name} + bestWhy.mid(1)};
    }
    return -1;
}

Verdict RuleEngine::verdictFor(const CapturedRequest &capture, const RequestBody &body) const
{
    VerdictEngine::Input in;
    in.command = capture.command;
    in.requestBody = body;
    in.reply = capture.reply;
    in.timeoutSeconds = m_scenario.timeoutSecondsFor(capture.canonicalCommand);
    in.profile = m_scenario.profile;
    in.failedContinue = m_scenario.failedContinue;
    return VerdictEngine::compute(in);
}

int RuleEngine::timeoutMsFor(const CapturedRequest &capture) const
{
    return VerdictEngine::effectiveTimeoutMs(m_scenario.timeoutSecondsFor(capture.canonicalCommand));
}

void RuleEngine::answer(CapturedRequest &capture, const RequestBody &body)
{
    const int timeoutMs = timeoutMsFor(capture);
    QList<CaptureWarning> gaveUp;
    capture.matched.clear();
    const int index = match(capture, body, &capture.nearMiss, &gaveUp, &capture.matched);
    capture.warnings.append(gaveUp);
    if (index >= 0) {
        const Rule &rule = m_scenario.rules.at(index);
        const ResponseSpec &response = rule.responseForCall(m_calls[size_t(index)]++);
        QList<QByteArray> refused;
        capture.reply = response.render(capture, body, timeoutMs, m_random, &refused);
        for (const QByteArray &name : std::as_const(refused))
            capture.warnings.append({QStringLiteral("reply-header-refused"), {QString::fromLatin1(name)}});
        capture.ruleName = rule.name;
        capture.nearMiss = {};
    } else {
        capture.reply = continueReply(); // built once, shared
        capture.ruleName.clear();
    }
    capture.verdict = verdictFor(capture, body);
}

} // namespace cbi
