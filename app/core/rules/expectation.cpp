// SPDX-License-Identifier: MIT
#include "expectation.h"

#include "capture/capturedrequest.h"

#include <QJsonDocument>

namespace cbi {

bool CaptureMatch::matches(const CapturedRequest &c, const RequestBody &body) const
{
    if (command != QLatin1String("*") && command != c.command && command != c.canonicalCommand)
        return false;
    if (!outcome.isEmpty() && Verdict::outcomeName(c.verdict.outcome) != outcome)
        return false;
    if (errCode >= 0 && c.verdict.errCode != errCode)
        return false;
    for (const auto &condition : conditions) {
        if (!condition.matches(c, body))
            return false;
    }
    return true;
}

QString CaptureMatch::describe() const
{
    QStringList parts {command == QLatin1String("*") ? QStringLiteral("any callback") : command};
    for (const auto &c : conditions)
        parts.append(c.describe());
    if (!outcome.isEmpty())
        parts.append(QStringLiteral("verdict %1").arg(outcome));
    if (errCode >= 0)
        parts.append(QStringLiteral("errCode %1").arg(errCode));
    return parts.join(QStringLiteral(", "));
}

Expectation::Result Expectation::evaluate(const QList<CapturedRequest> &captures) const
{
    Result r;
    r.name = name;
    int count = 0;
    quint64 firstMatch = 0;
    quint64 firstThen = 0;
    for (const auto &c : captures) {
        const QJsonObject body = QJsonDocument::fromJson(c.body).object();
        if (match.matches(c, body)) {
            ++count;
            if (!firstMatch)
                firstMatch = c.id;
        }
        if (kind == Kind::Order && !firstThen && then.matches(c, body))
            firstThen = c.id;
    }
    if (kind == Kind::Count) {
        r.passed = count >= min && (max < 0 || count <= max);
        const QString wanted = max < 0 ? QStringLiteral("at least %1").arg(min)
            : min == max               ? QStringLiteral("exactly %1").arg(min)
                                       : QStringLiteral("%1 to %2").arg(min).arg(max);
        r.detail = QStringLiteral("expected %1 of [%2], saw %3").arg(wanted, match.describe()).arg(count);
        return r;
    }
    r.passed = firstMatch && firstThen && firstMatch < firstThen;
    if (!firstMatch || !firstThen)
        r.detail =
            QStringLiteral("expected [%1] before [%2], but %3 never happened")
                .arg(match.describe(), then.describe(), !firstMatch ? match.describe() : then.describe());
    else
        r.detail = QStringLiteral("expected [%1] (first #%2) before [%3] (first #%4)")
                       .arg(match.describe())
                       .arg(firstMatch)
                       .arg(then.describe())
                       .arg(firstThen);
    return r;
}

} // namespace cbi
