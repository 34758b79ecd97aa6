// SPDX-License-Identifier: MIT
#include "rulesentence.h"

#include "capture/conditionmatch.h"

#include <QLocale>

namespace cbi {

QString RuleSentence::duration(int ms)
{
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    return tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'g', 3));
}

QString RuleSentence::condition(const Condition &c)
{
    return c.record().phrase();
}

QString RuleSentence::matched(const ConditionMatch &m)
{
    return m.text(true);
}

QString RuleSentence::rewrite(const RewriteEffect::Field &field, int maxChars)
{
    auto shown = [maxChars](const std::optional<QJsonValue> &v) {
        if (!v)
            return tr("(absent)");
        QString text =
            v->isString() ? QStringLiteral("\"%1\"").arg(v->toString()) : ConditionMatch::valueText(*v);
        return text.size() > maxChars ? text.left(maxChars - 1) + QChar(0x2026) : text;
    };
    return tr("%1: %2 \u2192 %3").arg(field.name, shown(field.before), shown(field.after));
}

QString RuleSentence::conditions(const Rule &rule)
{
    const auto &all = rule.conditions;
    if (all.isEmpty())
        return tr("every call");
    const QString first = condition(all.first());
    if (all.size() == 1)
        return first;
    if (all.size() == 2)
        return (rule.matchAll ? tr("%1 and %2") : tr("%1 or %2")).arg(first, condition(all.at(1)));
    const int more = int(all.size()) - 1;
    return (rule.matchAll ? tr("%1 and %n more", nullptr, more) : tr("%1 or %n more", nullptr, more))
        .arg(first);
}

QString RuleSentence::reply(const ResponseSpec &r)
{
    QString text;
    switch (r.preset) {
    case ResponseSpec::Preset::Continue:
        text = tr("continue");
        break;
    case ResponseSpec::Preset::Block:
        text = tr("block %1").arg(r.errCode);
        break;
    case ResponseSpec::Preset::Rewrite:
        text = r.fields.isEmpty() ? tr("rewrite")
                                  : tr("rewrite %1").arg(r.fields.keys().join(QStringLiteral(", ")));
        break;
    case ResponseSpec::Preset::Error:
        text = tr("error %1 (actionCode %2)").arg(r.errCode).arg(r.actionCode);
        break;
    case ResponseSpec::Preset::Custom:
        text = tr("custom body");
        break;
    }
    if (!r.forwardUrl.isEmpty())
        text = r.forwardOverride ? tr("%1, forwarded to %2").arg(text, r.forwardUrl)
                                 : tr("forward to %1").arg(r.forwardUrl);
    switch (r.delay.kind) {
    case DelaySpec::Kind::None:
        break;
    case DelaySpec::Kind::Fixed:
        text = tr("%1 after %2").arg(text, duration(r.delay.ms));
        break;
    case DelaySpec::Kind::Uniform:
        text = tr("%1 after %2 to %3").arg(text, duration(r.delay.minMs), duration(r.delay.maxMs));
        break;
    case DelaySpec::Kind::LogNormal:
        text = tr("%1 after about %2").arg(text, duration(int(r.delay.medianMs)));
        break;
    case DelaySpec::Kind::PastTimeout:
        text = tr("%1 just after OpenIM's timeout").arg(text);
        break;
    }
    if (r.fault != ResponseSpec::FaultKind::None)
        text = r.faultPercent < 100
            ? tr("%1, fault %2 (%3 %)").arg(text, ResponseSpec::faultKindName(r.fault)).arg(r.faultPercent)
            : tr("%1, fault %2").arg(text, ResponseSpec::faultKindName(r.fault));
    return text;
}

QString RuleSentence::replies(const Rule &rule)
{
    QString text;
    for (const auto &r : rule.responses) {
        QString one = reply(r);
        if (rule.responses.size() > 1 && r.times > 1)
            one = tr("%1 (%2 times)").arg(one).arg(r.times);
        text = text.isEmpty() ? one : tr("%1, then %2").arg(text, one);
    }
    if (rule.responses.size() > 1 && rule.then == Rule::Then::Cycle)
        text = tr("%1, then again").arg(text);
    return text;
}

QString RuleSentence::of(const Rule &rule)
{
    return tr("%1 \u2192 %2").arg(conditions(rule), replies(rule));
}

} // namespace cbi
