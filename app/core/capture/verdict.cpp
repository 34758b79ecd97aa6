// SPDX-License-Identifier: MIT
#include "verdict.h"

#include <QJsonArray>

namespace cbi {

const QList<Verdict::Outcome> &Verdict::outcomes()
{
    static const QList<Outcome> all = {Outcome::Continue, Outcome::Blocked, Outcome::Modified,
        Outcome::Failed, Outcome::Ignored, Outcome::NotCallback};
    return all;
}

std::optional<Verdict::Outcome> Verdict::outcomeFromName(const QString &name)
{
    for (Outcome outcome : outcomes()) {
        if (outcomeName(outcome) == name)
            return outcome;
    }
    return std::nullopt;
}

QString Verdict::outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Continue:
        return QStringLiteral("continue");
    case Outcome::Blocked:
        return QStringLiteral("blocked");
    case Outcome::Modified:
        return QStringLiteral("modified");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::Ignored:
        return QStringLiteral("ignored");
    case Outcome::NotCallback:
        return QStringLiteral("notCallback");
    case Outcome::None:
        break;
    }
    return QStringLiteral("none");
}

QJsonObject Verdict::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("outcome"), outcomeName(outcome));
    o.insert(QStringLiteral("errCode"), errCode);
    if (replyErrCode)
        o.insert(QStringLiteral("replyErrCode"), *replyErrCode);
    o.insert(QStringLiteral("modifiedFields"), QJsonArray::fromStringList(modifiedFields));
    if (!ignoredFields.isEmpty())
        o.insert(QStringLiteral("ignoredFields"), QJsonArray::fromStringList(ignoredFields));
    o.insert(QStringLiteral("reason"), reason.text(false));
    // The code and arguments too: a session read back shows the reason in the window's language.
    if (reason.storedText.isEmpty() && !reason.code.isEmpty()) {
        o.insert(QStringLiteral("reasonCode"), reason.code);
        if (const QJsonValue args = reason.argsToJson(); !args.isUndefined())
            o.insert(QStringLiteral("reasonArgs"), args);
    }
    QJsonArray w;
    for (const auto &warning : warnings) {
        QJsonObject one {
            {QStringLiteral("code"), warning.code}, {QStringLiteral("message"), warning.text(false)}};
        if (const QJsonValue args = warning.argsToJson(); !args.isUndefined())
            one.insert(QStringLiteral("args"), args);
        w.append(one);
    }
    if (!w.isEmpty())
        o.insert(QStringLiteral("warnings"), w);
    return o;
}

} // namespace cbi
