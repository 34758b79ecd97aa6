// SPDX-License-Identifier: MIT
#include "profile.h"

namespace cbi {

namespace {
struct Named
{
    Profile profile;
    const char *name;
};
constexpr Named names[] = {
    {Profile::V2, "v2"},
    {Profile::V3_0, "v3.0"},
    {Profile::V3_4_2, "v3.4.2"},
    {Profile::V3_6, "v3.6"},
    {Profile::V3_7, "v3.7"},
    {Profile::V3_8_4, "v3.8.4"},
};
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
    return std::nullopt;
}

QStringList profileNames()
{
    QStringList out;
    for (const auto &n : names)
        out.append(QString::fromLatin1(n.name));
    return out;
}

} // namespace cbi
