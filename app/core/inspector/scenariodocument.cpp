// SPDX-License-Identifier: MIT
#include "scenariodocument.h"

#include "server/serverhost.h"

namespace cbi {

ScenarioDocument::ScenarioDocument(ServerHost *host, QObject *parent)
    : QObject(parent)
    , m_host(host)
    , m_scenario(host->scenario())
{
    connect(host, &ServerHost::scenarioChangedElsewhere, this, [this](const Scenario &scenario) {
        m_scenario = scenario;
        m_changedByApi = true;
        m_modified = true; // Save offers to keep it
        Q_EMIT changed();
    });
}

void ScenarioDocument::setScenario(const Scenario &scenario, const QString &path)
{
    m_scenario = scenario;
    m_path = path;
    m_modified = false;
    m_changedByApi = false;
    serve();
    Q_EMIT changed();
}

void ScenarioDocument::edit(const Scenario &scenario)
{
    m_scenario = scenario;
    m_modified = true;
    m_changedByApi = false;
    serve();
    Q_EMIT changed();
}

void ScenarioDocument::importSettings(const Scenario &scenario)
{
    if (m_modified || !scenario.rules.isEmpty())
        return edit(scenario);
    m_scenario = scenario;
    serve();
    Q_EMIT changed();
}

void ScenarioDocument::setModified(bool modified)
{
    if (m_modified == modified)
        return;
    m_modified = modified;
    if (!modified)
        m_changedByApi = false; // saved: the file holds what the API made
    serve(); // GET status says whether it was changed since it was read
    Q_EMIT changed();
}

void ScenarioDocument::serve()
{
    m_host->setScenario(m_scenario, m_path, m_modified);
}

} // namespace cbi
