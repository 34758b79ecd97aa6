// SPDX-License-Identifier: MIT
#pragma once

#include <QByteArray>
#include <QString>

namespace cbi {

// JSON indented as it was sent: keys keep their wire order (QJsonDocument sorts them), and a
// string that holds JSON (OpenIM's message content) gets its decoded text at the end of its line.
class OrderedJson
{
public:
    // The indented text; the body as it is when it is not JSON. decodedLabel starts the decoded
    // note ("decoded:"); empty: no notes.
    static QString indented(const QByteArray &json, const QString &decodedLabel = {});
};

} // namespace cbi
