// SPDX-License-Identifier: MIT
#pragma once

#include "inspector/scenariodocument.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QMenu;
class QPushButton;

namespace cbi {

// A view of the scenario being served (ScenarioDocument): its OpenIM profile and its ordered rules,
// each read as a sentence with an enable box, with add, edit, duplicate, remove and reorder (buttons,
// drag and drop, context menu). Every change is served at once and marks the scenario modified
// until it is saved; changes from the control API show here as they happen.
class RulesWidget : public QWidget
{
    Q_OBJECT
public:
    explicit RulesWidget(ScenarioDocument *document, QWidget *parent = nullptr);

    ScenarioDocument *document() const { return m_document; }
    // Shorthands for the document's.
    const Scenario &scenario() const;
    void setScenario(const Scenario &scenario, const QString &path);
    QString path() const;
    bool isModified() const;
    void setModified(bool modified);
    bool changedByApi() const;

    // Opens the editor on a new rule (prefilled) and appends it when accepted; from: the capture
    // it was made from, which the editor predicts on.
    bool addRule(const Rule &prefill, const CapturedRequest *from = nullptr);
    void appendRule(const Rule &rule);
    bool editRule(int index);
    void duplicateRule(int index);
    void setRuleEnabled(int index, bool enabled);
    void moveRule(int from, int to);
    void removeRule(int index);
    QListWidget *list() const { return m_list; }
    // The right-click menu for a rule (Edit, Duplicate, Enable/Disable, Move up/down, Delete).
    QMenu *menuFor(int index);

private:
    void refresh();
    void serveEdited(const Scenario &scenario);
    void takeListOrder(); // after a drag and drop: the list's order becomes the rules' order

    ScenarioDocument *m_document;
    QComboBox *m_profile;
    QListWidget *m_list;
    QLabel *m_title;
    bool m_refreshing = false;
};

} // namespace cbi
