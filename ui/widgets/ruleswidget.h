// SPDX-License-Identifier: MIT
#pragma once

#include "inspector/scenariodocument.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace cbi {

// A view of the scenario being served (ScenarioDocument): its OpenIM profile and its ordered rules,
// with add, edit, remove and reorder. Every change is served at once and marks the scenario
// modified until it is saved; changes from the control API show here as they happen.
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

    // Opens the editor on a new rule (prefilled) and appends it when accepted.
    bool addRule(const Rule &prefill);
    void appendRule(const Rule &rule);
    bool editRule(int index);
    QListWidget *list() const { return m_list; }

private:
    void refresh();
    void serveEdited(const Scenario &scenario);

    ScenarioDocument *m_document;
    QComboBox *m_profile;
    QListWidget *m_list;
    QLabel *m_title;
};

} // namespace cbi
