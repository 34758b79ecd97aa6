// SPDX-License-Identifier: MIT
#include "ruleswidget.h"

#include "dialogs/ruleeditordialog.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace cbi {

RulesWidget::RulesWidget(ScenarioDocument *document, QWidget *parent)
    : QWidget(parent)
    , m_document(document)
    , m_profile(new QComboBox(this))
    , m_list(new QListWidget(this))
    , m_title(new QLabel(this))
{
    for (const auto &name : profileNames()) {
        // The profile by the releases it covers; its name is what scenario files and --profile say.
        m_profile->addItem(tr("OpenIM %1").arg(profileRange(*profileFromName(name))), name);
        m_profile->setItemData(m_profile->count() - 1, tr("Profile %1").arg(name), Qt::ToolTipRole);
    }
    m_profile->setCurrentIndex(m_profile->findData(profileName(defaultProfile)));
    m_profile->setToolTip(tr("The OpenIM version whose rules the verdict follows"));
    m_profile->setAccessibleName(tr("OpenIM version profile"));
    m_list->setAccessibleName(tr("Rules, first match answers"));
    m_list->setWordWrap(true);
    m_title->setWordWrap(true);

    // Compact buttons: the dock should leave the table most of the width.
    auto button = [this](const QString &text, const QString &tip) {
        auto *b = new QPushButton(text, this);
        b->setToolTip(tip);
        b->setAccessibleName(tip);
        b->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
        return b;
    };
    auto *add = button(tr("&Add..."), tr("Add a rule"));
    auto *edit = button(tr("&Edit..."), tr("Edit the selected rule"));
    auto *remove = button(tr("&Remove"), tr("Remove the selected rule"));
    auto *up = button(QStringLiteral("\u2191"), tr("Try this rule earlier"));
    auto *down = button(QStringLiteral("\u2193"), tr("Try this rule later"));
    for (QPushButton *b : {up, down})
        b->setMaximumWidth(b->fontMetrics().horizontalAdvance(QStringLiteral("\u2191")) * 4);

    auto *buttons = new QHBoxLayout;
    buttons->setSpacing(2);
    for (QPushButton *b : {add, edit, remove, up, down})
        buttons->addWidget(b);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_profile);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    connect(m_profile, &QComboBox::currentIndexChanged, this, [this] {
        if (const auto p = profileFromName(m_profile->currentData().toString());
            p && *p != scenario().profile) {
            Scenario s = scenario();
            s.profile = *p;
            serveEdited(s);
        }
    });
    connect(add, &QPushButton::clicked, this, [this] {
        Rule rule;
        rule.responses = {ResponseSpec()};
        addRule(rule);
    });
    connect(edit, &QPushButton::clicked, this, [this] { editRule(m_list->currentRow()); });
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this] { editRule(m_list->currentRow()); });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_list->currentRow();
        if (row < 0)
            return;
        Scenario s = scenario();
        s.rules.removeAt(row);
        serveEdited(s);
    });
    auto move = [this](int delta) {
        const int row = m_list->currentRow();
        const int to = row + delta;
        if (row < 0 || to < 0 || to >= scenario().rules.size())
            return;
        Scenario s = scenario();
        s.rules.move(row, to);
        serveEdited(s);
        m_list->setCurrentRow(to);
    };
    connect(up, &QPushButton::clicked, this, [move] { move(-1); });
    connect(down, &QPushButton::clicked, this, [move] { move(1); });
    connect(m_document, &ScenarioDocument::changed, this, &RulesWidget::refresh);
    refresh();
}

const Scenario &RulesWidget::scenario() const
{
    return m_document->scenario();
}

void RulesWidget::setScenario(const Scenario &scenario, const QString &path)
{
    m_document->setScenario(scenario, path);
}

QString RulesWidget::path() const
{
    return m_document->path();
}

bool RulesWidget::isModified() const
{
    return m_document->isModified();
}

void RulesWidget::setModified(bool modified)
{
    m_document->setModified(modified);
}

bool RulesWidget::changedByApi() const
{
    return m_document->changedByApi();
}

bool RulesWidget::addRule(const Rule &prefill)
{
    RuleEditorDialog dialog(prefill, scenario(), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    appendRule(dialog.rule());
    return true;
}

void RulesWidget::appendRule(const Rule &rule)
{
    Scenario s = scenario();
    s.rules.append(rule);
    serveEdited(s);
    m_list->setCurrentRow(int(s.rules.size()) - 1);
}

bool RulesWidget::editRule(int index)
{
    if (index < 0 || index >= scenario().rules.size())
        return false;
    RuleEditorDialog dialog(scenario().rules.at(index), scenario(), this);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    Scenario s = scenario();
    s.rules[index] = dialog.rule();
    serveEdited(s);
    m_list->setCurrentRow(index);
    return true;
}

void RulesWidget::serveEdited(const Scenario &scenario)
{
    m_document->edit(scenario);
}

void RulesWidget::refresh()
{
    const Scenario &served = scenario();
    {
        const QSignalBlocker blocker(m_profile);
        m_profile->setCurrentIndex(m_profile->findData(profileName(served.profile)));
    }
    const int row = m_list->currentRow();
    m_list->clear();
    for (const Rule &rule : std::as_const(served.rules)) {
        QStringList replies;
        for (const auto &r : rule.responses)
            replies.append(ResponseSpec::presetName(r.preset)
                + (r.delay.kind != DelaySpec::Kind::None ? tr(" (delayed)") : QString())
                + (r.fault != ResponseSpec::FaultKind::None
                        ? QStringLiteral(", ") + ResponseSpec::faultKindName(r.fault)
                        : QString()));
        QString text = QStringLiteral("%1\n  %2").arg(rule.name, rule.command);
        if (!rule.conditions.isEmpty())
            text += tr(" when %n condition(s)", nullptr, int(rule.conditions.size()));
        text += QStringLiteral("\n  \u2192 ") + replies.join(QStringLiteral(" \u2192 "));
        auto *item = new QListWidgetItem(text, m_list);
        if (!rule.enabled)
            item->setForeground(Qt::gray);
    }
    if (row >= 0 && row < m_list->count())
        m_list->setCurrentRow(row);
    const QString name = served.name.isEmpty()
        ? (path().isEmpty() ? tr("Untitled scenario") : QFileInfo(path()).fileName())
        : served.name;
    m_title->setText(QStringLiteral("<b>%1</b>%2")
                         .arg(name.toHtmlEscaped(),
                             changedByApi() ? tr(" (changed by the control API)")
                                            : (isModified() ? tr(" (modified)") : QString()))
        + (served.rules.isEmpty()
                ? QStringLiteral("<br>") + tr("No rules: every callback gets the continue reply.")
                : QString()));
}

} // namespace cbi
