// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace cbi {

// A rule's condition and the text it was tested on: why a capture got that rule's reply
// (CapturedRequest::matched), or why the closest rule missed (the near miss). Kept as the scenario's
// keywords ("body", "contains") and values, not as a sentence, so that the window words it in its
// language when it shows it (operator names as words, gui walk F18) and session files keep it.
struct ConditionMatch
{
    Q_DECLARE_TR_FUNCTIONS(ConditionMatch)
public:
    QString source; // "body", "header", "query", "key"
    QString name; // JSON path, header or parameter name
    QString op; // "equals", "contains", "regex", "exists", "in", "lt", ...
    QJsonValue value;
    bool negate = false;
    bool ignoreCase = false;
    bool absent = false; // the field was not in the request (a negated condition holds on it)
    QString found; // the text it held on: around the match for contains, else the start of it

    bool operator==(const ConditionMatch &o) const
    {
        return source == o.source && name == o.name && op == o.op && value == o.value && negate == o.negate
            && ignoreCase == o.ignoreCase && absent == o.absent && found == o.found;
    }
    // "content.content contains 'casino'" in the installed translation; with translated false, the
    // scenario's keywords: "body content.content contains \"casino\"" (machine output, reports).
    QString phrase(bool translated = true) const;
    // The phrase with the text it was tested on: held, "(matched in "...")"; missed, "(found: ...)".
    QString text(bool held, bool translated = true) const;
    QJsonObject toJson() const; // never translated
    static ConditionMatch fromJson(const QJsonObject &object);
    // Up to about 60 characters of text around [at, at + length), with "..." where it was cut.
    // A condition's value as text: a string as it is, anything else as compact JSON.
    static QString valueText(const QJsonValue &value);
    static QString excerpt(const QString &text, qsizetype at = 0, qsizetype length = 0);
};

} // namespace cbi
