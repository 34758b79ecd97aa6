// SPDX-License-Identifier: MIT
#pragma once

#include "capturedrequest.h"

#include <QList>
#include <QString>

namespace cbi {

// The filter language of the capture table (and of scripts): words separated by spaces, all of
// which must hold. A plain word matches anywhere in the path, command, operationID, headers or body
// (case-insensitive); FIELD:VALUE matches one field: command, verdict, rule, sendID, recvID, groupID,
// userID, operationID, status. "quotes" keep spaces; a leading - negates a word.
class CaptureFilter
{
public:
    static CaptureFilter parse(const QString &text, QString *error = nullptr);
    static QStringList fieldNames();

    bool isEmpty() const { return m_terms.isEmpty(); }
    bool matches(const CapturedRequest &capture) const;
    // The message text a text message carries (content's inner JSON decoded), else content itself.
    static QString contentText(const QJsonObject &body);
    // Every warning of a capture: the request's own and the verdict's.
    static qsizetype warningCount(const CapturedRequest &capture)
    {
        return capture.warnings.size() + capture.verdict.warnings.size();
    }

private:
    struct Term
    {
        QString field; // empty: anywhere
        QString value;
        int number = 0; // status, delay: the value as a number
        char compare = '='; // delay: '=', '<' or '>'
        bool negate = false;
    };
    QList<Term> m_terms;
};

} // namespace cbi
