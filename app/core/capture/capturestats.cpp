// SPDX-License-Identifier: MIT
#include "capturestats.h"

#include <QJsonArray>

#include <algorithm>
#include <limits>

namespace cbi {

const QList<int> &CaptureStats::waitBounds()
{
    static const QList<int> bounds {1, 10, 50, 100, 500, 1000, 5000, 15000};
    return bounds;
}

qint64 CaptureStats::waitMs(const CapturedRequest &capture)
{
    if (capture.reply.fault == Fault::Hang)
        return -1;
    return qint64(capture.reply.delayMs) + capture.forward.elapsedMs;
}

void CaptureStats::Ring::add(qint64 secs)
{
    const size_t i = size_t(((secs % windowSeconds) + windowSeconds) % windowSeconds);
    if (second[i] != secs) {
        second[i] = secs;
        count[i] = 0;
    }
    ++count[i];
}

QList<int> CaptureStats::Ring::values(qint64 nowSecs) const
{
    QList<int> out;
    out.reserve(windowSeconds);
    for (qint64 s = nowSecs - windowSeconds + 1; s <= nowSecs; ++s) {
        const size_t i = size_t(((s % windowSeconds) + windowSeconds) % windowSeconds);
        out.append(second[i] == s ? count[i] : 0);
    }
    return out;
}

void CaptureStats::add(const CapturedRequest &capture)
{
    ++m_total;
    const QString &command = capture.command;
    ++m_perCommand[command];
    ++m_perOutcome[size_t(capture.verdict.outcome)];
    const qint64 secs = capture.receivedAt.toSecsSinceEpoch();
    m_all.add(secs);
    m_byCommand[command].add(secs);
    const qint64 wait = waitMs(capture);
    if (wait < 0) {
        ++m_noReply;
        return;
    }
    const QList<int> &bounds = waitBounds();
    qsizetype bucket = 0;
    while (bucket < bounds.size() && wait > bounds.at(bucket))
        ++bucket;
    ++m_waits[bucket];
    const auto ms = qint32(qMin<qint64>(wait, std::numeric_limits<qint32>::max()));
    if (m_waitSamples.size() < waitSamples)
        m_waitSamples.append(ms);
    else
        m_waitSamples[qsizetype(m_waitCount % waitSamples)] = ms;
    ++m_waitCount;
}

qint64 CaptureStats::waitPercentile(double p) const
{
    if (m_waitSamples.isEmpty())
        return -1;
    QList<qint32> values = m_waitSamples;
    const qsizetype k = qBound<qsizetype>(0, qsizetype(p * double(values.size())), values.size() - 1);
    std::nth_element(values.begin(), values.begin() + k, values.end()); // linear: refreshed every second
    return values.at(k);
}

void CaptureStats::clear()
{
    *this = CaptureStats();
}

void CaptureStats::addLateness(qint64 ns)
{
    const auto us = qint32(qBound<qint64>(0, ns / 1000, qint64(std::numeric_limits<qint32>::max())));
    if (m_lateness.size() < latenessSamples)
        m_lateness.append(us);
    else
        m_lateness[qsizetype(m_latenessCount % latenessSamples)] = us;
    ++m_latenessCount;
}

QJsonObject CaptureStats::latenessJson() const
{
    QList<qint32> sorted = m_lateness;
    std::sort(sorted.begin(), sorted.end());
    auto ms = [&](double p) {
        return sorted.isEmpty()
            ? 0.0
            : sorted.at(qMin(sorted.size() - 1, qsizetype(p * double(sorted.size())))) / 1000.0;
    };
    return QJsonObject {{QStringLiteral("count"), m_latenessCount}, {QStringLiteral("p50"), ms(0.5)},
        {QStringLiteral("p99"), ms(0.99)},
        {QStringLiteral("max"), sorted.isEmpty() ? 0.0 : sorted.last() / 1000.0}};
}

QList<int> CaptureStats::perSecond(qint64 nowSecs, const QString &command) const
{
    if (command.isEmpty())
        return m_all.values(nowSecs);
    const auto it = m_byCommand.constFind(command);
    return it == m_byCommand.cend() ? QList<int>(windowSeconds, 0) : it->values(nowSecs);
}

QJsonObject CaptureStats::toJson(qint64 nowSecs) const
{
    auto array = [](const QList<int> &values) {
        QJsonArray a;
        for (int v : values)
            a.append(v);
        return a;
    };
    QJsonObject commands;
    QJsonObject rates;
    for (auto it = m_perCommand.cbegin(); it != m_perCommand.cend(); ++it) {
        const QString name = it.key().isEmpty() ? QStringLiteral("(none)") : it.key();
        commands.insert(name, it.value());
        rates.insert(name, array(perSecond(nowSecs, it.key())));
    }
    QJsonObject verdicts;
    for (Verdict::Outcome outcome : Verdict::outcomes())
        verdicts.insert(Verdict::outcomeName(outcome), outcomeCount(outcome));
    QJsonArray bounds;
    for (int b : waitBounds())
        bounds.append(b);
    QJsonArray counts;
    for (qint64 n : m_waits)
        counts.append(n);
    return QJsonObject {{QStringLiteral("total"), m_total}, {QStringLiteral("perCommand"), commands},
        {QStringLiteral("verdicts"), verdicts},
        {QStringLiteral("perSecond"),
            QJsonObject {{QStringLiteral("until"), nowSecs},
                {QStringLiteral("all"), array(perSecond(nowSecs))}, {QStringLiteral("byCommand"), rates}}},
        {QStringLiteral("waitMs"),
            QJsonObject {{QStringLiteral("upperBounds"), bounds}, {QStringLiteral("counts"), counts},
                {QStringLiteral("noReply"), m_noReply}}},
        {QStringLiteral("delayLatenessMs"), latenessJson()}};
}

} // namespace cbi
