// SPDX-License-Identifier: MIT
#pragma once

#include "commandline.h"

#include <QCoreApplication>

namespace cbi {

class Inspector;

// `callback-inspector serve`: the capture server with no display. Prints
// "listening on http://HOST:PORT" on stderr when ready, one JSON object per capture on stdout
// with --jsonl, and stops cleanly on SIGINT/SIGTERM. Returns the process exit code.
class HeadlessServe
{
    Q_DECLARE_TR_FUNCTIONS(cbi::HeadlessServe)
public:
    static int run(const ServeOptions &options, const QString &notice = {});
    // --session for serve and run: journals every capture (its lock held for the run), says on
    // stderr when writes fail and recover. ExitOk, or ExitBadSession after saying why.
    static int openSession(Inspector *inspector, const ServeOptions &options);
};

} // namespace cbi
