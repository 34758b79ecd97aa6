// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturewarning.h"
#include "expectation.h"
#include "rule.h"
#include "verdict/profile.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

namespace cbi {

// A scenario file: the rules, the OpenIM version profile, and the per-command timeouts OpenIM uses.
// Versioned JSON ("scenario": 1), documented in docs/scenarios.md; loading reports the line and
// column of a syntax error, or the JSON path of a wrong value, and yields nothing.
struct Scenario
{
    static constexpr int currentVersion = 1;

    QString name;
    QString description;
    Profile profile = defaultProfile;
    bool failedContinue = true; // only v2 - v3.6 honour it
    int defaultTimeoutSeconds = 5; // OpenIM's sample webhooks.yml
    QHash<QString, int> timeouts; // per command (current names)
    QList<Rule> rules;
    QList<Expectation> expectations; // checked by `callback-inspector run`
    QJsonArray expectationsJson; // as read, written back by toJson()
    QList<CaptureWarning> notices; // said while loading (a profile whose meaning changed); not saved

    int timeoutSecondsFor(const QString &canonicalCommand) const
    {
        return timeouts.value(canonicalCommand, defaultTimeoutSeconds);
    }

    static std::optional<Scenario> fromJson(const QByteArray &json, QString *error);
    static std::optional<Scenario> load(const QString &path, QString *error);
    QByteArray toJson() const;
    bool save(const QString &path, QString *error) const;
};

} // namespace cbi

Q_DECLARE_METATYPE(cbi::Scenario)
