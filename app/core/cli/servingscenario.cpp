// SPDX-License-Identifier: MIT
#include "servingscenario.h"

#include "integration/webhooksconfig.h"

#include <cstdio>

namespace cbi {

void ServingScenario::printErr(const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stderr);
    std::fflush(stderr);
}

int ServingScenario::build(const ServeOptions &options, Scenario *scenario, bool scenarioRequired)
{
    QString error;
    if (!options.scenarioPath.isEmpty() || scenarioRequired) {
        const auto loaded = Scenario::load(options.scenarioPath, &error);
        if (!loaded) {
            printErr(tr("error: scenario %1: %2").arg(options.scenarioPath, error));
            return ExitBadScenario;
        }
        *scenario = *loaded;
        for (const auto &n : loaded->notices) {
            if (options.profile.isEmpty()) // --profile replaces the file's profile, and its notice
                printErr(tr("notice: scenario %1: %2").arg(options.scenarioPath, n.text()));
        }
    }
    if (const auto profile = profileFromName(options.profile))
        scenario->profile = *profile;
    if (!options.webhooksPath.isEmpty()) {
        const auto webhooks = WebhooksConfig::load(options.webhooksPath, &error);
        if (!webhooks) {
            printErr(tr("error: webhooks %1").arg(error));
            return ExitUsage;
        }
        webhooks->applyTo(scenario);
        for (const auto &m : webhooks->mistakes)
            printErr(tr("warning: %1").arg(m.text()));
    }
    if (options.delayMs > 0) {
        // --delay answers whatever the scenario's rules do not.
        Rule rule;
        rule.name = QStringLiteral("--delay");
        ResponseSpec response;
        response.delay.kind = DelaySpec::Kind::Fixed;
        response.delay.ms = options.delayMs;
        rule.responses = {response};
        scenario->rules.append(rule);
    }
    return ExitOk;
}

} // namespace cbi
