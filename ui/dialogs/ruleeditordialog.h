// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"
#include "rules/scenario.h"

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QSpinBox;
class QStackedWidget;
class QPushButton;

namespace cbi {

class ConditionListWidget;
class RulePrediction;

// Edits one rule: the command and conditions it matches, and its reply or sequence of replies
// (preset, fields, status, delay, fault), with the verdict OpenIM would reach on the capture the
// rule came from and on the command's sample request shown live. The rule is checked by the same
// reader as scenario files. The sequence controls appear once the rule has a second reply.
class RuleEditorDialog : public QDialog
{
    Q_OBJECT
public:
    RuleEditorDialog(const Rule &rule, const Scenario &context, QWidget *parent = nullptr);

    Rule rule() const { return m_rule; }
    // The error of the current input, empty when it makes a valid rule.
    QString errorText() const { return m_error; }
    QString predictedVerdict() const; // the text of the live verdict label

    // The capture the rule is made from: predicted on besides the command's sample.
    void setSourceCapture(const CapturedRequest &capture);
    // Test and "make a rule" hooks.
    void setCommand(const QString &command);
    void setPreset(const QString &preset);
    void setErrCode(int errCode);
    void setFixedDelay(int ms);
    void addCondition(const QString &source, const QString &name, const QString &op, const QString &value,
        bool ignoreCase = false);
    ConditionListWidget *conditions() const { return m_conditions; }

private:
    void loadResponse(int index);
    void storeResponse();
    QJsonObject responseFromWidgets() const;
    QJsonObject ruleJson() const;
    void revalidate();
    void updateDelayInputs();
    void fillCommands();

    Scenario m_context;
    Rule m_rule;
    QString m_error;
    QList<QJsonObject> m_responses;
    int m_current = -1;
    bool m_loading = false;

    QLineEdit *m_name;
    QComboBox *m_command;
    QComboBox *m_match;
    ConditionListWidget *m_conditions;
    QWidget *m_sequenceColumn;
    QListWidget *m_sequence;
    QComboBox *m_then;
    QComboBox *m_preset;
    QSpinBox *m_errCode;
    QLineEdit *m_errMsg;
    QLineEdit *m_errDlt;
    QSpinBox *m_actionCode;
    QPlainTextEdit *m_fields;
    QPlainTextEdit *m_customBody;
    QSpinBox *m_status;
    QComboBox *m_delayKind;
    QSpinBox *m_delayA;
    QSpinBox *m_delayB;
    QDoubleSpinBox *m_sigma;
    QLabel *m_delayHint;
    QComboBox *m_fault;
    QSpinBox *m_faultPercent;
    QSpinBox *m_times;
    QLineEdit *m_forwardUrl;
    QCheckBox *m_forwardOverride;
    RulePrediction *m_prediction;
    QLabel *m_errorLabel;
    QDialogButtonBox *m_buttons;
};

} // namespace cbi
