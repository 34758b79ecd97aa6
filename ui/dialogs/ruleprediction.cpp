// SPDX-License-Identifier: MIT
#include "ruleprediction.h"

#include "catalogue/catalogue.h"
#include "models/capturetablemodel.h"
#include "rules/ruleengine.h"
#include "verdict/rewriteeffect.h"
#include "verdict/verdictengine.h"
#include "widgets/rulesentence.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QRandomGenerator>
#include <QVBoxLayout>

namespace cbi {

RulePrediction::RulePrediction(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel(this))
{
    m_label->setWordWrap(true);
    m_label->setTextFormat(Qt::RichText);
    m_label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_label->setAccessibleName(tr("Predicted verdict"));
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    // Room for both predictions with a rewrite or a warning each; more is cut rather than moved.
    setFixedHeight(m_label->fontMetrics().lineSpacing() * 7);
}

QString RulePrediction::text() const
{
    return m_label->text();
}

void RulePrediction::showError(const QString &text)
{
    m_label->setText(text.toHtmlEscaped());
}

CapturedRequest RulePrediction::sampleFor(const QString &ruleCommand)
{
    const QString command = ruleCommand == QLatin1String("*")
        ? QStringLiteral("callbackBeforeSendSingleMsgCommand")
        : ruleCommand;
    CapturedRequest sample;
    sample.method = "POST";
    sample.command = command;
    sample.canonicalCommand = Catalogue::instance().canonicalName(command);
    const CommandSpec *spec = Catalogue::instance().find(sample.canonicalCommand);
    sample.body = QJsonDocument(spec ? spec->sampleRequest : QJsonObject()).toJson(QJsonDocument::Compact);
    return sample;
}

QString RulePrediction::line(const QString &label, const CapturedRequest &request, const Rule &rule,
    int replyIndex, const Scenario &context)
{
    // The rule alone, judged as the server judges: the scenario's profile, timeouts, failedContinue.
    Scenario one = context;
    Rule tried = rule;
    tried.enabled = true; // a disabled rule is predicted as it would be served once enabled
    one.rules = {tried};
    RuleEngine engine(one, 1);
    const RequestBody body(request.body);
    CapturedRequest c = request;
    const bool matched = engine.match(c, body) >= 0;
    const int timeoutMs = engine.timeoutMsFor(c);
    if (matched) {
        QRandomGenerator random(1);
        const ResponseSpec &reply = rule.responses.at(qBound(0, replyIndex, int(rule.responses.size()) - 1));
        c.reply = reply.render(c, body, timeoutMs, random);
    } else {
        engine.answer(c, body); // the continue reply, as the server sends when no rule matches
    }
    const Verdict v = engine.verdictFor(c, body);
    const QString verdict = QStringLiteral("<b style='color:%1'>%2</b>")
                                .arg(CaptureTableModel::verdictColor(v.outcome).name(),
                                    CaptureTableModel::verdictText(v).toHtmlEscaped());
    const QString waits = RuleSentence::duration(timeoutMs).toHtmlEscaped();
    QString text;
    if (!matched) {
        text = tr("%1: no match \u2192 %2.").arg(label.toHtmlEscaped(), verdict);
    } else if (c.reply.delayMs > timeoutMs) {
        text = tr("%1: the reply leaves after %2 ms, but OpenIM waits only %3: it gives up \u2192 %4.")
                   .arg(label.toHtmlEscaped())
                   .arg(c.reply.delayMs)
                   .arg(waits, verdict);
    } else if (c.reply.delayMs > 0) {
        text = tr("%1: %2 after %3 ms (OpenIM waits %4).")
                   .arg(label.toHtmlEscaped(), verdict)
                   .arg(c.reply.delayMs)
                   .arg(waits);
    } else {
        text = tr("%1: %2 at once (OpenIM waits %3).").arg(label.toHtmlEscaped(), verdict, waits);
    }
    if (matched)
        text += QStringLiteral(" <span style='color:gray'>%1</span>").arg(v.reason.text().toHtmlEscaped());
    // Rewrites: what OpenIM will store or send instead of what came in (F17).
    c.verdict = v;
    for (const RewriteEffect::Field &field : RewriteEffect::of(c))
        text += QStringLiteral("<br>&nbsp;&nbsp;") + RuleSentence::rewrite(field).toHtmlEscaped();
    for (const auto &w : v.warnings)
        text += QStringLiteral("<br>\u26a0 %1").arg(w.text().toHtmlEscaped());
    return text;
}

void RulePrediction::predict(const Rule &rule, int replyIndex)
{
    QStringList lines;
    if (m_source) {
        const QString label =
            m_source->id > 0 ? tr("On capture #%1").arg(m_source->id) : tr("On the capture");
        lines.append(line(label, *m_source, rule, replyIndex, m_context));
    }
    lines.append(line(tr("On the sample"), sampleFor(rule.command), rule, replyIndex, m_context));
    m_label->setText(lines.join(QStringLiteral("<br>")));
}

} // namespace cbi
