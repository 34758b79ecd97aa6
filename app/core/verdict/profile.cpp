// SPDX-License-Identifier: MIT
#include "profile.h"

namespace cbi {

namespace {
struct Named
{
    Profile profile;
    const char *name;
    const char *range;
};
constexpr Named names[] = {
    {Profile::V2, "v2", "v2.x"},
    {Profile::V3_0, "v3.0", "v3.0.0 - v3.4.0"},
    {Profile::V3_4_2, "v3.4.2", "v3.4.2 - v3.5.x"},
    {Profile::V3_6, "v3.6", "v3.6.x"},
    {Profile::V3_7, "v3.7", "v3.7.0 - v3.7.1"},
    {Profile::V3_8_0, "v3.8.0", "v3.8.0"},
    {Profile::V3_8_1, "v3.8.1", "v3.8.1"},
    {Profile::V3_8_2, "v3.8.2", "v3.8.2 - v3.8.3-patch.x"}, // and the 3.8.3-patch branch
    {Profile::Main, "main", "main (pre-release-v3.8.4)"},
};
// Scenario files and scripts written before the split named main "v3.8.4".
constexpr char mainAlias[] = "v3.8.4";
} // namespace

QString profileName(Profile profile)
{
    for (const auto &n : names) {
        if (n.profile == profile)
            return QString::fromLatin1(n.name);
    }
    return {};
}

std::optional<Profile> profileFromName(const QString &name)
{
    for (const auto &n : names) {
        if (name == QLatin1String(n.name))
            return n.profile;
    }
    if (name == QLatin1String(mainAlias))
        return Profile::Main;
    return std::nullopt;
}

QStringList profileNames()
{
    QStringList out;
    for (const auto &n : names)
        out.append(QString::fromLatin1(n.name));
    return out;
}

QString profileRange(Profile profile)
{
    for (const auto &n : names) {
        if (n.profile == profile)
            return QString::fromLatin1(n.range);
    }
    return {};
}

} // namespace cbi
