// SPDX-License-Identifier: MIT
#pragma once

#include "commandline.h"

#include <QCoreApplication>

namespace cbi {

// `callback-inspector export SESSION ...` and `import FILE --session SESSION`: move captures between
// session files and HAR, JSON, NDJSON, CSV and cURL. Exports stream from the file and are written
// atomically (QSaveFile); imports recompute each verdict under the chosen profile.
class Transfer
{
    Q_DECLARE_TR_FUNCTIONS(cbi::Transfer)
public:
    static int exportSession(const ExportOptions &options);
    static int importFile(const ExportOptions &options, const QString &sessionPath, const QString &profile);
};

} // namespace cbi
