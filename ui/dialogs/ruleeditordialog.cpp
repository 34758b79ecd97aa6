// SPDX-License-Identifier: MIT
#include "ruleeditordialog.h"

#include "catalogue/catalogue.h"
#include "conditionlistwidget.h"
#include "ruleprediction.h"
#include "verdict/verdictengine.h"
#include "widgets/readablecolor.h"
#include "widgets/wheelguard.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QScrollArea>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>

#include <limits>

namespace cbi {

namespace {
const QStringList presets = {QStringLiteral("continue"), QStringLiteral("block"), QStringLiteral("rewrite"),
    QStringLiteral("error"), QStringLiteral("custom")};
const QStringList faults = {QStringLiteral("none"), QStringLiteral("empty-body"),
    QStringLiteral("malformed-json"), QStringLiteral("wrong-types"), QStringLiteral("close"),
    QStringLiteral("reset"), QStringLiteral("hang"), QStringLiteral("truncate"), QStringLiteral("slow-drip")};
} // namespace

RuleEditorDialog::RuleEditorDialog(const Rule &rule, const Scenario &context, QWidget *parent)
    : QDialog(parent)
    , m_context(context)
    , m_rule(rule)
    , m_name(new QLineEdit(this))
    , m_command(new QComboBox(this))
    , m_match(new QComboBox(this))
    , m_conditions(new ConditionListWidget(this))
    , m_sequenceColumn(new QWidget(this))
    , m_sequence(new QListWidget(this))
    , m_then(new QComboBox(this))
    , m_preset(new QComboBox(this))
    , m_errCode(new QSpinBox(this))
    , m_errMsg(new QLineEdit(this))
    , m_errDlt(new QLineEdit(this))
    , m_actionCode(new QSpinBox(this))
    , m_fields(new QPlainTextEdit(this))
    , m_customBody(new QPlainTextEdit(this))
    , m_status(new QSpinBox(this))
    , m_delayKind(new QComboBox(this))
    , m_delayA(new QSpinBox(this))
    , m_delayB(new QSpinBox(this))
    , m_sigma(new QDoubleSpinBox(this))
    , m_delayHint(new QLabel(this))
    , m_fault(new QComboBox(this))
    , m_faultPercent(new QSpinBox(this))
    , m_times(new QSpinBox(this))
    , m_forwardUrl(new QLineEdit(this))
    , m_forwardOverride(new QCheckBox(tr("Send this reply instead, record the real one"), this))
    , m_prediction(new RulePrediction(this))
    , m_errorLabel(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    WheelGuard::install(); // scrolling the form must not change its numbers (also where tests open it)
    setWindowTitle(tr("Edit Rule"));
    m_name->setAccessibleName(tr("Rule name"));
    m_command->setEditable(true);
    fillCommands();
    m_command->setAccessibleName(tr("Command"));
    m_preset->setAccessibleName(tr("Preset"));
    m_delayKind->setAccessibleName(tr("Delay"));
    m_delayA->setAccessibleName(tr("Delay in milliseconds"));
    m_match->addItem(tr("all conditions"), QStringLiteral("all"));
    m_match->addItem(tr("any condition"), QStringLiteral("any"));
    m_then->addItem(tr("then repeat the last reply"), QStringLiteral("repeat-last"));
    m_then->addItem(tr("then start over"), QStringLiteral("cycle"));
    for (const auto &p : presets)
        m_preset->addItem(p, p);
    m_preset->setItemText(0, tr("continue"));
    m_preset->setItemText(1, tr("block (nextCode 1)"));
    m_preset->setItemText(2, tr("rewrite fields"));
    m_preset->setItemText(3, tr("error (non-zero actionCode)"));
    m_preset->setItemText(4, tr("custom body"));
    m_errCode->setRange(std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    m_actionCode->setRange(std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    m_fields->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_fields->setTabChangesFocus(true); // Tab reaches the buttons after it (gui walk F8)
    m_fields->setPlaceholderText(
        tr("Reply fields as a JSON object, e.g. {\"content\": \"{{request.content}}\"}"));
    m_fields->setAccessibleName(tr("Reply fields"));
    m_customBody->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_customBody->setTabChangesFocus(true);
    m_customBody->setAccessibleName(tr("Custom body"));
    m_status->setRange(100, 999);
    m_delayKind->addItem(tr("no delay"), QStringLiteral("none"));
    m_delayKind->addItem(tr("fixed"), QStringLiteral("fixed"));
    m_delayKind->addItem(tr("uniform range"), QStringLiteral("uniform"));
    m_delayKind->addItem(tr("lognormal"), QStringLiteral("lognormal"));
    m_delayKind->addItem(tr("just past OpenIM's timeout"), QStringLiteral("pastTimeout"));
    for (QSpinBox *box : {m_delayA, m_delayB}) {
        box->setRange(0, 3600000);
        box->setSuffix(tr(" ms"));
    }
    m_sigma->setRange(0, 5);
    m_sigma->setSingleStep(0.1);
    m_sigma->setValue(0.5);
    for (const auto &f : faults)
        m_fault->addItem(f, f);
    m_fault->setItemText(0, tr("no fault"));
    m_faultPercent->setRange(0, 100);
    m_faultPercent->setSuffix(tr(" %"));
    m_times->setRange(1, 1000000);
    m_prediction->setContext(context);
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setStyleSheet(
        QStringLiteral("color: %1")
            .arg(ReadableColor::on(ReadableColor::errorHue(), palette().color(QPalette::Window)).name()));

    // Layout: what the rule matches, then the replies.
    auto *matchBox = new QGroupBox(tr("Matches"), this);
    auto *matchForm = new QFormLayout(matchBox);
    matchForm->addRow(tr("&Name:"), m_name);
    matchForm->addRow(tr("C&ommand:"), m_command);
    matchForm->addRow(tr("Requires:"), m_match);
    matchForm->addRow(m_conditions);

    auto *replyBox = new QGroupBox(tr("Replies"), this);
    auto *replyLayout = new QHBoxLayout(replyBox);
    auto *sequenceColumn = new QVBoxLayout(m_sequenceColumn);
    sequenceColumn->setContentsMargins(0, 0, 0, 0);
    m_sequence->setAccessibleName(tr("Reply sequence"));
    sequenceColumn->addWidget(m_sequence);
    auto *addReply = new QPushButton(tr("Add &reply"), this);
    addReply->setToolTip(
        tr("Answer the next calls differently: a sequence such as block 3 times, then continue"));
    auto *removeReply = new QPushButton(tr("Remove reply"), m_sequenceColumn);
    sequenceColumn->addWidget(removeReply);
    sequenceColumn->addWidget(m_then);
    auto *replyColumn = new QVBoxLayout;
    replyColumn->addWidget(m_sequenceColumn, 1);
    replyColumn->addWidget(addReply);
    replyColumn->addStretch();
    replyLayout->addLayout(replyColumn, 1);
    auto *replyForm = new QFormLayout;
    replyForm->addRow(tr("&Preset:"), m_preset);
    replyForm->addRow(tr("errCode:"), m_errCode);
    replyForm->addRow(tr("errMsg:"), m_errMsg);
    replyForm->addRow(tr("errDlt:"), m_errDlt);
    replyForm->addRow(tr("actionCode:"), m_actionCode);
    replyForm->addRow(tr("Fields:"), m_fields);
    replyForm->addRow(tr("Body:"), m_customBody);
    replyForm->addRow(tr("HTTP status:"), m_status);
    auto *delayRow = new QHBoxLayout;
    delayRow->addWidget(m_delayKind);
    delayRow->addWidget(m_delayA);
    delayRow->addWidget(m_delayB);
    delayRow->addWidget(m_sigma);
    delayRow->addWidget(m_delayHint, 1);
    auto *delayLabel = new QLabel(tr("&Delay:"), this);
    delayLabel->setBuddy(m_delayKind); // a row of several fields has no buddy by itself
    replyForm->addRow(delayLabel, delayRow);
    auto *faultRow = new QHBoxLayout;
    faultRow->addWidget(m_fault);
    faultRow->addWidget(m_faultPercent);
    faultRow->addStretch();
    replyForm->addRow(tr("Fault:"), faultRow);
    replyForm->addRow(tr("Answers:"), m_times);
    m_forwardUrl->setPlaceholderText(tr("http://business-server:8080/callbackExample (empty: answer here)"));
    m_forwardUrl->setToolTip(tr("Forward mode: pass the callback to your real business server and return its "
                                "reply; the capture records both"));
    m_forwardUrl->setAccessibleName(tr("Forward to URL"));
    replyForm->addRow(tr("Forward to:"), m_forwardUrl);
    replyForm->addRow(QString(), m_forwardOverride);
    m_times->setSuffix(tr(" call(s) in the sequence"));
    replyLayout->addLayout(replyForm, 3);

    auto *verdictBox = new QGroupBox(tr("What OpenIM will do"), this);
    auto *verdictLayout = new QVBoxLayout(verdictBox);
    verdictLayout->addWidget(m_prediction);

    // The parts scroll, OK and Cancel stay in view: the whole editor is taller than a 768-px screen.
    auto *parts = new QWidget;
    auto *partsLayout = new QVBoxLayout(parts);
    partsLayout->setContentsMargins(0, 0, 0, 0);
    partsLayout->addWidget(matchBox);
    partsLayout->addWidget(replyBox, 1);
    partsLayout->addWidget(verdictBox);
    partsLayout->addWidget(m_errorLabel);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(parts);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setFocusPolicy(Qt::NoFocus); // Tab goes from field to field, not to the scroll area
    scroll->setAccessibleName(tr("Rule"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_buttons);
    m_name->setFocus(); // the first field, as before the scroll area
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Fill from the rule, through its JSON form (the scenario reader is the single source of truth).
    Scenario one;
    one.rules = {rule};
    const QJsonObject json = QJsonDocument::fromJson(one.toJson())
                                 .object()
                                 .value(QLatin1String("rules"))
                                 .toArray()
                                 .first()
                                 .toObject();
    m_loading = true;
    m_name->setText(rule.name);
    m_command->setCurrentText(rule.command);
    m_match->setCurrentIndex(rule.matchAll ? 0 : 1);
    m_then->setCurrentIndex(rule.then == Rule::Then::Cycle ? 1 : 0);
    for (const auto &c : rule.conditions)
        m_conditions->addCondition(c);
    const QJsonValue respond = json.value(QLatin1String("respond"));
    if (respond.isArray()) {
        for (const auto &r : respond.toArray())
            m_responses.append(r.toObject());
    } else {
        m_responses.append(respond.toObject());
    }
    for (int i = 0; i < m_responses.size(); ++i)
        m_sequence->addItem(QString());
    m_loading = false;

    connect(m_sequence, &QListWidget::currentRowChanged, this, [this](int row) {
        storeResponse();
        loadResponse(row);
    });
    connect(addReply, &QPushButton::clicked, this, [this] {
        storeResponse();
        m_responses.append(QJsonObject {{QStringLiteral("preset"), QStringLiteral("continue")}});
        m_sequence->addItem(QString());
        m_sequence->setCurrentRow(int(m_responses.size()) - 1);
        revalidate();
    });
    connect(removeReply, &QPushButton::clicked, this, [this] {
        if (m_responses.size() <= 1)
            return;
        const int row = m_current;
        m_current = -1;
        m_responses.removeAt(row);
        delete m_sequence->takeItem(row);
        m_sequence->setCurrentRow(qMin(row, int(m_responses.size()) - 1));
        revalidate();
    });

    auto changed = [this] {
        if (!m_loading)
            revalidate();
    };
    connect(m_command, &QComboBox::currentTextChanged, this, changed);
    connect(m_conditions, &ConditionListWidget::changed, this, changed);
    for (QComboBox *box : {m_match, m_then, m_preset, m_delayKind, m_fault})
        connect(box, &QComboBox::currentIndexChanged, this, changed);
    for (QSpinBox *box : {m_errCode, m_actionCode, m_status, m_delayA, m_delayB, m_faultPercent, m_times})
        connect(box, &QSpinBox::valueChanged, this, changed);
    connect(m_sigma, &QDoubleSpinBox::valueChanged, this, changed);
    for (QLineEdit *edit : {m_name, m_errMsg, m_errDlt, m_forwardUrl})
        connect(edit, &QLineEdit::textChanged, this, changed);
    connect(m_forwardOverride, &QCheckBox::toggled, this, changed);
    for (QPlainTextEdit *edit : {m_fields, m_customBody})
        connect(edit, &QPlainTextEdit::textChanged, this, changed);

    m_sequence->setCurrentRow(0);
    revalidate();
    resize(QSize(900, 760).boundedTo(screen()->availableGeometry().size() * 0.92));
}

void RuleEditorDialog::addCondition(
    const QString &source, const QString &name, const QString &op, const QString &value, bool ignoreCase)
{
    m_conditions->addCondition(source, name, op, value, ignoreCase);
}

void RuleEditorDialog::setSourceCapture(const CapturedRequest &capture)
{
    m_prediction->setSourceCapture(capture);
    revalidate();
}

// Before-callbacks (OpenIM waits for the reply) apart from after-callbacks (it does not), each under
// a header that cannot be picked (gui walk F34).
void RuleEditorDialog::fillCommands()
{
    m_command->addItem(QStringLiteral("*"));
    auto *model = qobject_cast<QStandardItemModel *>(m_command->model());
    for (const bool before : {true, false}) {
        m_command->insertSeparator(m_command->count());
        m_command->addItem(before ? tr("Before callbacks: OpenIM waits for the reply")
                                  : tr("After callbacks: OpenIM does not read the reply"));
        if (model)
            model->item(m_command->count() - 1)->setEnabled(false);
        for (const auto &spec : Catalogue::instance().commands()) {
            if (spec.isBefore() == before)
                m_command->addItem(spec.command);
        }
    }
}

void RuleEditorDialog::setCommand(const QString &command)
{
    m_command->setCurrentText(command);
}

void RuleEditorDialog::setPreset(const QString &preset)
{
    m_preset->setCurrentIndex(m_preset->findData(preset));
}

void RuleEditorDialog::setErrCode(int errCode)
{
    m_errCode->setValue(errCode);
}

void RuleEditorDialog::setFixedDelay(int ms)
{
    m_delayKind->setCurrentIndex(m_delayKind->findData(QStringLiteral("fixed")));
    m_delayA->setValue(ms);
}

void RuleEditorDialog::loadResponse(int index)
{
    m_current = index;
    if (index < 0 || index >= m_responses.size())
        return;
    const QJsonObject r = m_responses.at(index);
    m_loading = true;
    m_preset->setCurrentIndex(
        qMax(0, m_preset->findData(r.value(QLatin1String("preset")).toString(QStringLiteral("continue")))));
    m_errCode->setValue(r.value(QLatin1String("errCode")).toInt(5001));
    m_errMsg->setText(r.value(QLatin1String("errMsg")).toString());
    m_errDlt->setText(r.value(QLatin1String("errDlt")).toString());
    m_actionCode->setValue(r.value(QLatin1String("actionCode")).toInt(1));
    const QJsonObject fields = r.value(QLatin1String("fields")).toObject();
    m_fields->setPlainText(fields.isEmpty()
            ? QString()
            : QString::fromUtf8(QJsonDocument(fields).toJson(QJsonDocument::Indented)));
    m_customBody->setPlainText(r.value(QLatin1String("body")).toString());
    m_status->setValue(r.value(QLatin1String("status")).toInt(200));
    const QJsonObject delay = r.value(QLatin1String("delay")).toObject();
    const QString kind = delay.isEmpty() ? QStringLiteral("none") : delay.begin().key();
    m_delayKind->setCurrentIndex(qMax(0, m_delayKind->findData(kind)));
    const QJsonValue d = delay.value(kind);
    if (kind == QLatin1String("fixed") || kind == QLatin1String("pastTimeout")) {
        m_delayA->setValue(d.toInt());
    } else if (kind == QLatin1String("uniform")) {
        m_delayA->setValue(d.toArray().at(0).toInt());
        m_delayB->setValue(d.toArray().at(1).toInt());
    } else if (kind == QLatin1String("lognormal")) {
        m_delayA->setValue(d.toObject().value(QLatin1String("median")).toInt());
        m_delayB->setValue(d.toObject().value(QLatin1String("max")).toInt());
        m_sigma->setValue(d.toObject().value(QLatin1String("sigma")).toDouble(0.5));
    }
    m_fault->setCurrentIndex(
        qMax(0, m_fault->findData(r.value(QLatin1String("fault")).toString(QStringLiteral("none")))));
    m_faultPercent->setValue(r.value(QLatin1String("faultPercent")).toInt(100));
    m_times->setValue(r.value(QLatin1String("times")).toInt(1));
    const QJsonValue forward = r.value(QLatin1String("forward"));
    m_forwardUrl->setText(
        forward.isString() ? forward.toString() : forward.toObject().value(QLatin1String("url")).toString());
    m_forwardOverride->setChecked(forward.toObject().value(QLatin1String("override")).toBool());
    m_loading = false;
    updateDelayInputs();
}

QJsonObject RuleEditorDialog::responseFromWidgets() const
{
    const QString preset = m_preset->currentData().toString();
    QJsonObject r {{QStringLiteral("preset"), preset}};
    if (preset == QLatin1String("block") || preset == QLatin1String("error")) {
        r.insert(QStringLiteral("errCode"), m_errCode->value());
        r.insert(QStringLiteral("errMsg"), m_errMsg->text());
        r.insert(QStringLiteral("errDlt"), m_errDlt->text());
    }
    if (preset == QLatin1String("error"))
        r.insert(QStringLiteral("actionCode"), m_actionCode->value());
    if (preset == QLatin1String("custom")) {
        r.insert(QStringLiteral("body"), m_customBody->toPlainText());
    } else if (!m_fields->toPlainText().trimmed().isEmpty()) {
        const QJsonDocument doc = QJsonDocument::fromJson(m_fields->toPlainText().toUtf8());
        // An invalid fields text is passed on as a string so that the reader reports it.
        r.insert(QStringLiteral("fields"),
            doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(m_fields->toPlainText()));
    }
    if (m_status->value() != 200)
        r.insert(QStringLiteral("status"), m_status->value());
    const QString kind = m_delayKind->currentData().toString();
    if (kind == QLatin1String("fixed") || kind == QLatin1String("pastTimeout"))
        r.insert(QStringLiteral("delay"), QJsonObject {{kind, m_delayA->value()}});
    else if (kind == QLatin1String("uniform"))
        r.insert(
            QStringLiteral("delay"), QJsonObject {{kind, QJsonArray {m_delayA->value(), m_delayB->value()}}});
    else if (kind == QLatin1String("lognormal"))
        r.insert(QStringLiteral("delay"),
            QJsonObject {{kind,
                QJsonObject {{QStringLiteral("median"), m_delayA->value()},
                    {QStringLiteral("sigma"), m_sigma->value()},
                    {QStringLiteral("max"), m_delayB->value()}}}});
    const QString fault = m_fault->currentData().toString();
    if (fault != QLatin1String("none")) {
        r.insert(QStringLiteral("fault"), fault);
        r.insert(QStringLiteral("faultPercent"), m_faultPercent->value());
    }
    if (m_times->value() != 1)
        r.insert(QStringLiteral("times"), m_times->value());
    if (!m_forwardUrl->text().trimmed().isEmpty())
        r.insert(QStringLiteral("forward"),
            QJsonObject {{QStringLiteral("url"), m_forwardUrl->text().trimmed()},
                {QStringLiteral("override"), m_forwardOverride->isChecked()}});
    return r;
}

void RuleEditorDialog::storeResponse()
{
    if (m_current >= 0 && m_current < m_responses.size())
        m_responses[m_current] = responseFromWidgets();
}

QJsonObject RuleEditorDialog::ruleJson() const
{
    QJsonObject rule {{QStringLiteral("name"), m_name->text()},
        {QStringLiteral("command"), m_command->currentText().trimmed()},
        {QStringLiteral("match"), m_match->currentData().toString()},
        {QStringLiteral("then"), m_then->currentData().toString()}};
    const QJsonArray when = m_conditions->toJson();
    rule.insert(QStringLiteral("when"), when);
    QList<QJsonObject> responses = m_responses;
    if (m_current >= 0 && m_current < responses.size())
        responses[m_current] = responseFromWidgets();
    QJsonArray respond;
    for (const auto &r : responses)
        respond.append(r);
    rule.insert(QStringLiteral("respond"), respond);
    return rule;
}

void RuleEditorDialog::updateDelayInputs()
{
    const QString kind = m_delayKind->currentData().toString();
    m_delayA->setVisible(kind != QLatin1String("none"));
    m_delayB->setVisible(kind == QLatin1String("uniform") || kind == QLatin1String("lognormal"));
    m_sigma->setVisible(kind == QLatin1String("lognormal"));
    const QString preset = m_preset->currentData().toString();
    const bool errorish = preset == QLatin1String("block") || preset == QLatin1String("error");
    m_errCode->setEnabled(errorish);
    m_errMsg->setEnabled(errorish);
    m_errDlt->setEnabled(errorish);
    m_actionCode->setEnabled(preset == QLatin1String("error"));
    m_fields->setEnabled(preset != QLatin1String("custom"));
    m_customBody->setEnabled(preset == QLatin1String("custom"));
    m_faultPercent->setEnabled(m_fault->currentData().toString() != QLatin1String("none"));
    if (kind == QLatin1String("pastTimeout")) {
        const QString command = Catalogue::instance().canonicalName(m_command->currentText());
        const int timeout = VerdictEngine::effectiveTimeoutMs(m_context.timeoutSecondsFor(command));
        m_delayHint->setText(tr("margin: replies after %1 ms").arg(timeout + m_delayA->value()));
    } else if (kind == QLatin1String("uniform")) {
        m_delayHint->setText(tr("min, max"));
    } else if (kind == QLatin1String("lognormal")) {
        m_delayHint->setText(tr("median, max, sigma"));
    } else {
        m_delayHint->clear();
    }
}

QString RuleEditorDialog::predictedVerdict() const
{
    return m_prediction->text();
}

void RuleEditorDialog::revalidate()
{
    updateDelayInputs();
    for (int i = 0; i < m_responses.size(); ++i) {
        const QJsonObject r = i == m_current ? responseFromWidgets() : m_responses.at(i);
        QString text = r.value(QLatin1String("preset")).toString();
        if (r.contains(QLatin1String("errCode")) && text == QLatin1String("block"))
            text += QStringLiteral(" %1").arg(r.value(QLatin1String("errCode")).toInt());
        if (r.contains(QLatin1String("delay")))
            text += tr(", delayed");
        if (r.contains(QLatin1String("fault")))
            text += QStringLiteral(", ") + r.value(QLatin1String("fault")).toString();
        if (r.value(QLatin1String("times")).toInt(1) != 1)
            text += QStringLiteral(" \u00d7%1").arg(r.value(QLatin1String("times")).toInt());
        m_sequence->item(i)->setText(QStringLiteral("%1. %2").arg(i + 1).arg(text));
    }

    const QJsonObject doc {{QStringLiteral("scenario"), Scenario::currentVersion},
        {QStringLiteral("rules"), QJsonArray {ruleJson()}}};
    QString error;
    const auto parsed = Scenario::fromJson(QJsonDocument(doc).toJson(QJsonDocument::Compact), &error);
    m_error = parsed ? QString() : error.replace(QStringLiteral("$.rules[0]"), tr("rule"));
    if (parsed) {
        m_rule = parsed->rules.first();
        if (m_name->text().isEmpty())
            m_rule.name =
                tr("%1 rule").arg(m_rule.command == QLatin1String("*") ? tr("catch-all") : m_rule.command);
    }
    m_errorLabel->setText(m_error);
    m_errorLabel->setVisible(!m_error.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(m_error.isEmpty());

    // Sequence controls only for a sequence: a simple rule shows one reply (gui walk F34).
    const bool sequence = m_responses.size() > 1;
    m_sequenceColumn->setVisible(sequence);
    for (QFormLayout *form : findChildren<QFormLayout *>()) {
        if (form->indexOf(m_times) >= 0)
            form->setRowVisible(m_times, sequence);
    }
    if (!parsed || m_current < 0) {
        m_prediction->showError(tr("(fix the rule to see the verdict)"));
        return;
    }
    m_prediction->predict(m_rule, m_current);
}

} // namespace cbi
