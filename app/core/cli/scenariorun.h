// SPDX-License-Identifier: MIT
#pragma once

#include "commandline.h"

#include <QCoreApplication>

namespace cbi {

// `callback-inspector run SCENARIO`: serves the scenario's rules, runs the test driver (or waits a
// duration or a capture count), then checks the scenario's expectations. Prints a summary ending in
// "N passed, M failed" on stderr, writes a JUnit report with --junit, and returns 0 when every
// expectation (and the driver) passed, 1 otherwise.
class ScenarioRun
{
    Q_DECLARE_TR_FUNCTIONS(cbi::ScenarioRun)
public:
    static int run(const ServeOptions &serve, const RunOptions &options);
};

} // namespace cbi
