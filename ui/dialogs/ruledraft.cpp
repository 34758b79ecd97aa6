// SPDX-License-Identifier: MIT
#include "ruledraft.h"

#include "capture/requestbody.h"
#include "catalogue/catalogue.h"
#include "rules/jsonpath.h"

namespace cbi {

namespace {
Rule blank(const CapturedRequest &c)
{
    Rule rule;
    rule.command = c.canonicalCommand.isEmpty() ? (c.command.isEmpty() ? QStringLiteral("*") : c.command)
                                                : c.canonicalCommand;
    ResponseSpec reply;
    const CommandSpec *spec = Catalogue::instance().find(c.canonicalCommand);
    if (!spec || spec->isBefore()) {
        reply.preset = ResponseSpec::Preset::Block;
        reply.errCode = 5001;
    }
    rule.responses = {reply};
    return rule;
}
} // namespace

std::optional<Condition> RuleDraft::suggestedCondition(const CapturedRequest &c)
{
    const RequestBody body(c.body);
    // A text message: its words (the content is JSON text whose "content" is what the user typed).
    const auto text = JsonPath::resolve(body.object(), QStringLiteral("content.content"));
    if (text && text->isString() && !text->toString().trimmed().isEmpty()) {
        Condition condition;
        condition.name = QStringLiteral("content.content");
        condition.op = Condition::Op::Contains;
        condition.value = text->toString().left(40); // a prefix still matches this capture
        return condition;
    }
    for (const char *field : {"groupID", "sendID", "userID"}) {
        const QJsonValue v = body.value(QLatin1String(field));
        if (v.isString() && !v.toString().isEmpty()) {
            Condition condition;
            condition.name = QLatin1String(field);
            condition.value = v;
            return condition;
        }
    }
    return std::nullopt;
}

Rule RuleDraft::fromCapture(const CapturedRequest &c)
{
    Rule rule = blank(c);
    rule.name = tr("%1 from capture #%2").arg(rule.command).arg(c.id);
    if (const auto condition = suggestedCondition(c))
        rule.conditions = {*condition};
    return rule;
}

Rule RuleDraft::fromField(const CapturedRequest &c, const QString &path, const QJsonValue &value)
{
    Rule rule = blank(c);
    rule.name = tr("%1 when %2").arg(rule.command, path);
    Condition condition;
    condition.name = path;
    condition.value = value;
    rule.conditions = {condition};
    return rule;
}

} // namespace cbi
