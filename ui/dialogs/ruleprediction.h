// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"
#include "rules/scenario.h"

#include <QWidget>

#include <optional>

class QLabel;

namespace cbi {

// What OpenIM will do with a rule's reply, predicted by the server's own RuleEngine and
// VerdictEngine on the capture the rule was made from and on the command's sample request: whether
// the conditions match, the verdict, the delay against OpenIM's timeout for the command, and the
// before -> after of rewritten fields (gui walk F9, F17). A fixed height, so the dialog does not
// jump as the text changes (F34).
class RulePrediction : public QWidget
{
    Q_OBJECT
public:
    explicit RulePrediction(QWidget *parent = nullptr);

    void setContext(const Scenario &context) { m_context = context; }
    void setSourceCapture(const CapturedRequest &capture) { m_source = capture; }
    bool hasSourceCapture() const { return m_source.has_value(); }
    // replyIndex: the reply of the sequence to judge (the one being edited).
    void predict(const Rule &rule, int replyIndex);
    void showError(const QString &text);
    QString text() const; // the label's rich text

    // One line: "On capture #7: block (5001) after 2000 ms (OpenIM waits 5 s)." in rich text.
    static QString line(const QString &label, const CapturedRequest &request, const Rule &rule,
        int replyIndex, const Scenario &context);
    static CapturedRequest sampleFor(const QString &command);

private:
    QLabel *m_label;
    Scenario m_context;
    std::optional<CapturedRequest> m_source;
};

} // namespace cbi
