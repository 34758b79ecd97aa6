// SPDX-License-Identifier: MIT
#pragma once

#include "commandline.h"
#include "rules/scenario.h"

#include <QCoreApplication>

namespace cbi {

// What `serve` and `run` answer with: the scenario file, --profile over it, the timeouts of
// --webhooks, and --delay for whatever no rule answers. Errors go to stderr.
class ServingScenario
{
    Q_DECLARE_TR_FUNCTIONS(cbi::ServingScenario)
public:
    // ExitOk, or the exit code of the failure (already reported).
    static int build(const ServeOptions &options, Scenario *scenario, bool scenarioRequired = false);
    static void printErr(const QString &text);
};

} // namespace cbi
