// SPDX-License-Identifier: MIT
#include "rewriteeffect.h"

#include "verdictengine.h"

#include <QJsonDocument>

namespace cbi {

QList<RewriteEffect::Field> RewriteEffect::of(const CapturedRequest &c)
{
    if (c.verdict.outcome != Verdict::Outcome::Modified || c.verdict.modifiedFields.isEmpty())
        return {};
    const QJsonObject request = QJsonDocument::fromJson(c.body).object();
    const QJsonObject reply = VerdictEngine::replyFields(c.command, c.reply.body);
    QList<Field> out;
    for (const QString &name : c.verdict.modifiedFields) {
        Field f {name, std::nullopt, std::nullopt};
        if (request.contains(name))
            f.before = request.value(name);
        if (reply.contains(name))
            f.after = reply.value(name);
        out.append(f);
    }
    return out;
}

std::optional<QString> RewriteEffect::effectiveContent(const CapturedRequest &c)
{
    if (c.verdict.outcome != Verdict::Outcome::Modified
        || !c.verdict.modifiedFields.contains(QLatin1String("content")))
        return std::nullopt;
    const QJsonValue after =
        VerdictEngine::replyFields(c.command, c.reply.body).value(QLatin1String("content"));
    if (!after.isString())
        return std::nullopt;
    return after.toString();
}

} // namespace cbi
