// SPDX-License-Identifier: MIT
#pragma once

#include "capture/requestbody.h"
#include "scenario.h"

#include <QRandomGenerator>

#include <vector>

namespace cbi {

// Answers captures from a scenario: the first enabled rule whose command and conditions match
// gives the reply (its sequence advanced by one call), otherwise the continue reply does; then the
// verdict says what OpenIM will do with it. Holds only the call counters and a random generator
// (seedable, for delays and fault percentages); no sockets, no timers.
class RuleEngine
{
public:
    explicit RuleEngine(Scenario scenario = {}, quint32 seed = QRandomGenerator::global()->generate());

    const Scenario &scenario() const { return m_scenario; }
    void setScenario(Scenario scenario); // resets the counters
    void resetCounters();
    quint64 callCount(int ruleIndex) const;

    // Fills capture.reply, ruleName, matched, nearMiss and verdict. body: the request body as parsed JSON.
    void answer(CapturedRequest &capture, const RequestBody &body);
    // The verdict on the reply the capture already has (used for replies the server made itself).
    Verdict verdictFor(const CapturedRequest &capture, const RequestBody &body) const;
    // How long OpenIM waits for this callback's reply (the scenario's timeouts, capped as OpenIM does).
    int timeoutMsFor(const CapturedRequest &capture) const;

    // The index of the matching rule, or -1; nearMiss explains the closest miss when -1; gaveUp
    // (optional) gets a regex-gave-up warning for each regex that ran out of its budget; matched
    // (optional) the matching rule's conditions that held, with the text each held on.
    int match(const CapturedRequest &capture, const RequestBody &body, CaptureWarning *nearMiss = nullptr,
        QList<CaptureWarning> *gaveUp = nullptr, QList<ConditionMatch> *matched = nullptr) const;

private:
    Scenario m_scenario;
    std::vector<quint64> m_calls;
    QRandomGenerator m_random;
};

} // namespace cbi
