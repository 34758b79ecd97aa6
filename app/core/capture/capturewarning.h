// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace cbi {

// A remark about a capture or a verdict (legacy name, disagreeing URL styles, a reply that will not
// block, ...).
// Stored as a code with arguments so that machine output stays English and the UI translates.
struct CaptureWarning
{
    QString code;
    QStringList args;
    QString storedText; // read back from a file: the English text as written, used instead of the template

    bool operator==(const CaptureWarning &other) const { return code == other.code && args == other.args; }
    // English when translated is false (JSON output), else in the installed translation.
    QString text(bool translated = true) const;
    // Read back from a file: the code with its saved arguments (args: a JSON array, or undefined in
    // files written before they were saved, which then keep their English text).
    static CaptureWarning fromStored(const QString &code, const QJsonValue &args, const QString &text);
    // The arguments for a file (undefined when there are none).
    QJsonValue argsToJson() const;
};

} // namespace cbi
