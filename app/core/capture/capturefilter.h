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

private:
    struct Term
    {
        QString field; // empty: anywhere
        QString value;
        bool negate = false;
    };
    QList<Term> m_terms;
};

} // namespace cbi
