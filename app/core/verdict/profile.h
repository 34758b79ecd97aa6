// SPDX-License-Identifier: MIT
#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace cbi {

// OpenIM versions whose callback handling differs, named by the first version each covers
// (profileRange() says which releases). The order is the release order: later profiles compare greater.
enum class Profile
{
    V2, // single callbackUrl, command in the body; actionCode != 0 forbids
    V3_0, // ?command=; stop if actionCode != 0 || errCode != 0
    V3_4_2, // {url}/{command}; stop if actionCode != 0 || nextCode == 1
    V3_6, // before-callbacks cannot deny (parse error only logged)
    V3_7, // 3.7.0-3.7.1: webhooks.yml; stop only if actionCode == 0 && nextCode == 1; member join per member
    V3_8_0, // batch member join; offline push on one-to-one chats still panics; 100 ms queue wait
    V3_8_1, // the offline-push panic fixed; 3 s queue wait
    V3_8_2, // 3.8.2 through the 3.8.3-patch releases and branch: what most users run
    Main, // main / pre-release-v3.8.4 (unreleased): ?key=, JSON-checked content, codes 1-99 become 500
};

// Most users run v3.8.3-patch.x (OpenIM plans no further release), which this profile models.
constexpr Profile defaultProfile = Profile::V3_8_2;

QString profileName(Profile profile);
// Accepts the names of profileNames() and "v3.8.4", the name main had before the 3.8 split.
std::optional<Profile> profileFromName(const QString &name);
QStringList profileNames();
// The releases a profile covers, e.g. "v3.8.2 - v3.8.3-patch.x" (version names: never translated).
QString profileRange(Profile profile);

} // namespace cbi
