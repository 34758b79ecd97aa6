// SPDX-License-Identifier: MIT
#pragma once

#include "rules/scenario.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QPushButton;

namespace cbi {

// The scenario being served: its OpenIM profile and its ordered rules, with add, edit, remove and
// reorder. Every change is applied at once (scenarioChanged) and marks the scenario modified until
// it is saved.
class RulesWidget : public QWidget
{
    Q_OBJECT
public:
    explicit RulesWidget(QWidget *parent = nullptr);

    const Scenario &scenario() const { return m_scenario; }
    void setScenario(const Scenario &scenario, const QString &path);
    QString path() const { return m_path; }
    bool isModified() const { return m_modified; }
    void setModified(bool modified);
    // The server serves `scenario`, changed through the control API: shown as it is (and marked
    // so), so that the next edit here starts from what is served instead of overwriting it.
    void showServed(const cbi::Scenario &scenario);
    bool changedByApi() const { return m_changedByApi; }

    // Opens the editor on a new rule (prefilled) and appends it when accepted.
    bool addRule(const Rule &prefill);
    void appendRule(const Rule &rule);
    bool editRule(int index);
    QListWidget *list() const { return m_list; }

Q_SIGNALS:
    void scenarioChanged(const cbi::Scenario &scenario);
    void modifiedChanged(bool modified);

private:
    void refresh();
    void changed();

    Scenario m_scenario;
    QString m_path;
    bool m_modified = false;
    bool m_changedByApi = false;
    QComboBox *m_profile;
    QListWidget *m_list;
    QLabel *m_title;
};

} // namespace cbi
