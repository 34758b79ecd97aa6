// SPDX-License-Identifier: MIT
#pragma once

#include "rules/scenario.h"

#include <QObject>

namespace cbi {

class ServerHost;

// The scenario being served, with where it came from: the one copy the window's Rules dock, its
// Save and the control API's status read. Every change reaches the server at once; a change made
// through the control API (the server already serves it) comes back here and is marked so, so an
// edit in the window starts from what is served instead of overwriting it.
class ScenarioDocument : public QObject
{
    Q_OBJECT
public:
    explicit ScenarioDocument(ServerHost *host, QObject *parent = nullptr);

    const Scenario &scenario() const { return m_scenario; }
    QString path() const { return m_path; }
    bool isModified() const { return m_modified; }
    bool changedByApi() const { return m_changedByApi; }

    // Opened from or saved to path (empty: made in memory): served as it is, not modified.
    void setScenario(const Scenario &scenario, const QString &path);
    // Edited in the window: served at once, modified until saved.
    void edit(const Scenario &scenario);
    // Settings taken from elsewhere (webhooks.yml's timeouts): served at once; an untouched scenario
    // without rules stays unmodified, as there is nothing a user would lose (gui walk F23).
    void importSettings(const Scenario &scenario);
    // Modified in a way worth a "save?" prompt: not an unsaved scenario without rules.
    bool worthSaving() const { return m_modified && !(m_scenario.rules.isEmpty() && m_path.isEmpty()); }
    void setModified(bool modified);

Q_SIGNALS:
    void changed(); // anything above, from any side

private:
    void serve();

    ServerHost *m_host;
    Scenario m_scenario;
    QString m_path;
    bool m_modified = false;
    bool m_changedByApi = false;
};

} // namespace cbi
