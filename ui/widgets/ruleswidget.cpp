// SPDX-License-Identifier: MIT
#include "ruleswidget.h"

#include "dialogs/ruleeditordialog.h"
#include "rulesentence.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
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
    // Order is precedence: a dropped rule is served in its new place at once.
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
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
    connect(remove, &QPushButton::clicked, this, [this] { removeRule(m_list->currentRow()); });
    connect(up, &QPushButton::clicked, this,
        [this] { moveRule(m_list->currentRow(), m_list->currentRow() - 1); });
    connect(down, &QPushButton::clicked, this,
        [this] { moveRule(m_list->currentRow(), m_list->currentRow() + 1); });
    connect(m_list, &QListWidget::itemChanged, this, [this](QListWidgetItem *item) {
        if (!m_refreshing)
            setRuleEnabled(m_list->row(item), item->checkState() == Qt::Checked);
    });
    // Queued: the list is rebuilt from the served scenario, which must not happen inside its drop.
    connect(m_list->model(), &QAbstractItemModel::rowsMoved, this, &RulesWidget::takeListOrder,
        Qt::QueuedConnection);
    connect(m_list, &QListWidget::customContextMenuRequested, this, [this](const QPoint &at) {
        const QListWidgetItem *item = m_list->itemAt(at);
        if (!item && m_list->currentItem()) // the Menu key: the current rule
            item = m_list->currentItem();
        if (!item)
            return;
        QMenu *menu = menuFor(m_list->row(item));
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(m_list->viewport()->mapToGlobal(m_list->visualItemRect(item).center()));
    });
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

bool RulesWidget::addRule(const Rule &prefill, const CapturedRequest *from)
{
    RuleEditorDialog dialog(prefill, scenario(), this);
    if (from)
        dialog.setSourceCapture(*from); // a copy: the store may move on while the dialog is open
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

void RulesWidget::duplicateRule(int index)
{
    if (index < 0 || index >= scenario().rules.size())
        return;
    Scenario s = scenario();
    Rule copy = s.rules.at(index);
    copy.name = tr("%1 (copy)").arg(copy.name);
    s.rules.insert(index + 1, copy);
    serveEdited(s);
    m_list->setCurrentRow(index + 1);
}

void RulesWidget::setRuleEnabled(int index, bool enabled)
{
    if (index < 0 || index >= scenario().rules.size() || scenario().rules.at(index).enabled == enabled)
        return;
    Scenario s = scenario();
    s.rules[index].enabled = enabled;
    serveEdited(s);
}

void RulesWidget::moveRule(int from, int to)
{
    if (from < 0 || to < 0 || from >= scenario().rules.size() || to >= scenario().rules.size() || from == to)
        return;
    Scenario s = scenario();
    s.rules.move(from, to);
    serveEdited(s);
    m_list->setCurrentRow(to);
}

void RulesWidget::removeRule(int index)
{
    if (index < 0 || index >= scenario().rules.size())
        return;
    Scenario s = scenario();
    s.rules.removeAt(index);
    serveEdited(s);
}

void RulesWidget::takeListOrder()
{
    Scenario s = scenario();
    QList<Rule> ordered;
    for (int row = 0; row < m_list->count(); ++row) {
        const int index = m_list->item(row)->data(Qt::UserRole).toInt();
        if (index < 0 || index >= s.rules.size() || m_list->count() != s.rules.size())
            return refresh(); // the scenario changed meanwhile (the control API): show it as it is
        ordered.append(s.rules.at(index));
    }
    const int current = m_list->currentRow();
    s.rules = ordered;
    serveEdited(s);
    m_list->setCurrentRow(current);
}

QMenu *RulesWidget::menuFor(int index)
{
    auto *menu = new QMenu(this);
    if (index < 0 || index >= scenario().rules.size())
        return menu;
    const bool enabled = scenario().rules.at(index).enabled;
    menu->addAction(tr("&Edit..."), this, [this, index] { editRule(index); });
    menu->addAction(tr("D&uplicate"), this, [this, index] { duplicateRule(index); });
    menu->addAction(enabled ? tr("&Disable") : tr("E&nable"), this,
        [this, index, enabled] { setRuleEnabled(index, !enabled); });
    menu->addSeparator();
    menu->addAction(tr("Move &Up"), this, [this, index] { moveRule(index, index - 1); })
        ->setEnabled(index > 0);
    menu->addAction(tr("Move Do&wn"), this, [this, index] { moveRule(index, index + 1); })
        ->setEnabled(index + 1 < scenario().rules.size());
    menu->addSeparator();
    menu->addAction(tr("De&lete"), this, [this, index] { removeRule(index); });
    return menu;
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
    m_refreshing = true;
    m_list->clear();
    for (int i = 0; i < served.rules.size(); ++i) {
        const Rule &rule = served.rules.at(i);
        const QString command = rule.command == QLatin1String("*") ? tr("any command") : rule.command;
        auto *item = new QListWidgetItem(
            QStringLiteral("%1\n  %2\n  %3").arg(rule.name, command, RuleSentence::of(rule)), m_list);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsDragEnabled);
        item->setFlags(item->flags() & ~Qt::ItemIsDropEnabled); // drop between rules, not onto one
        item->setCheckState(rule.enabled ? Qt::Checked : Qt::Unchecked);
        item->setData(Qt::UserRole, i);
        item->setToolTip(rule.enabled ? tr("Enabled: uncheck to keep the rule but not serve it")
                                      : tr("Disabled: not served; check to serve it again"));
        if (!rule.enabled)
            item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
    }
    m_refreshing = false;
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
