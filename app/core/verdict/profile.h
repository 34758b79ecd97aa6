// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace cbi {

// OpenIM versions whose callback handling differs, named by the first version each covers.
enum class Profile
{
    V2, // single callbackUrl, command in the body; actionCode != 0 forbids
    V3_0, // ?command=; stop if actionCode != 0 || errCode != 0
    V3_4_2, // {url}/{command}; stop if actionCode != 0 || nextCode == 1
    V3_6, // before-callbacks cannot deny (parse error only logged)
    V3_7, // webhooks.yml; stop only if actionCode == 0 && nextCode == 1; failedContinue ignored
    V3_8_4, // the newest code: as v3.7 plus ?key= and the conversation callbacks
};

constexpr Profile defaultProfile = Profile::V3_8_4;

QString profileName(Profile profile);
std::optional<Profile> profileFromName(const QString &name);
QStringList profileNames();

} // namespace cbi
