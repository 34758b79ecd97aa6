// SPDX-License-Identifier: MIT
#pragma once

#include <QJsonValue>
#include <QString>

#include <optional>

namespace cbi {

// Paths into a JSON request body: "content", "userIDList[0]", "memberList[1].userID".
// A string that holds JSON text (OpenIM's message content) is entered as JSON: "content.content"
// reaches the text of {"content":"hi"}.
class JsonPath
{
public:
    static std::optional<QJsonValue> resolve(const QJsonValue &root, const QString &path);
    static bool isValid(const QString &path);
};

} // namespace cbi
