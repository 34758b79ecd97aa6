// SPDX-License-Identifier: MIT
#pragma once

#include "capturedrequest.h"

#include <QHash>
#include <QJsonObject>
#include <QList>

#include <array>

namespace cbi {

// Running statistics over captures: counts per command and per verdict, callbacks per second over
// the last two minutes (in total and per command), and a histogram of how long OpenIM waited for
// each reply, and how precisely delayed replies left. Cheap enough to feed from the server for every
// request. Not thread-safe.
class CaptureStats
{
public:
    static constexpr int windowSeconds = 120;
    // Upper bounds (ms) of the wait histogram's buckets; a last bucket holds everything above.
    static const QList<int> &waitBounds();
    // How long OpenIM waited: the reply's delay plus a forwarded call's time; -1 when it got none.
    static qint64 waitMs(const CapturedRequest &capture);

    void add(const CapturedRequest &capture);
    void clear();

    qint64 total() const { return m_total; }
    const QHash<QString, qint64> &perCommand() const { return m_perCommand; }
    qint64 outcomeCount(Verdict::Outcome outcome) const { return m_perOutcome[size_t(outcome)]; }
    // windowSeconds values, oldest first, ending with the second `nowSecs` (seconds since the epoch);
    // empty command: all commands.
    QList<int> perSecond(qint64 nowSecs, const QString &command = {}) const;
    const QList<qint64> &waitHistogram() const { return m_waits; }
    // The p-quantile (0..1) of how long OpenIM waited, over the newest waitSamples replies; -1 if none.
    qint64 waitPercentile(double p) const;
    static constexpr int waitSamples = 65536;
    qint64 noReply() const { return m_noReply; }

    // How late a delayed reply left after its due time (the server's timer precision), in ns.
    void addLateness(qint64 ns);
    // Over the last latenessSamples delayed replies: {count, p50, p99, max} in ms; count 0 if none.
    QJsonObject latenessJson() const;
    static constexpr int latenessSamples = 65536;

    // The form the control API serves (GET /__inspector/v1/stats).
    QJsonObject toJson(qint64 nowSecs) const;

private:
    struct Ring
    {
        std::array<qint64, windowSeconds> second {};
        std::array<int, windowSeconds> count {};
        void add(qint64 secs);
        QList<int> values(qint64 nowSecs) const;
    };

    qint64 m_total = 0;
    QHash<QString, qint64> m_perCommand;
    std::array<qint64, 7> m_perOutcome {}; // by Verdict::Outcome, None included
    Ring m_all;
    QHash<QString, Ring> m_byCommand;
    QList<qint64> m_waits = QList<qint64>(waitBounds().size() + 1, 0);
    qint64 m_noReply = 0;
    QList<qint32> m_waitSamples; // ms, a ring of the newest waitSamples
    qint64 m_waitCount = 0;
    QList<qint32> m_lateness; // µs, a ring of the newest latenessSamples
    qint64 m_latenessCount = 0;
};

} // namespace cbi
