// SPDX-License-Identifier: MIT
#pragma once

#include "verdict/profile.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <optional>

namespace cbi {

struct CommandSpec;
struct WebhooksConfig;

// What one OpenIM version makes of a webhooks.yml: which keys it has (44 commands on v3.7 and v3.8.0, 47
// on v3.8.1 and v3.8.2, 52 on main), and which settings it would fail to load or silently ignore: keys of
// commands it lacks, failedContinue, filters it does not read, a "200-500" range where main wants int32.
// The rules are versions.md's D10 and "Behaviour by version"; texts are translated.
class WebhooksVersionCheck
{
    Q_DECLARE_TR_FUNCTIONS(cbi::WebhooksVersionCheck)
public:
    struct Finding
    {
        enum class Kind
        {
            FailsToLoad, // OpenIM would not start with this file
            Ignored, // read (or not even read) and without effect
            Note, // honoured, but not as one might expect
        };
        Kind kind = Kind::Ignored;
        QString key; // the config key; empty for the whole file
        QString text;
    };

    // Whether `profile`'s webhooks.yml has the key of `spec`. The v3.7 key beforeMemberJoinGroup counts:
    // only its command name changed in v3.8.0. Versions before v3.7 read no webhooks.yml at all.
    static bool hasKey(const CommandSpec &spec, Profile profile);
    static int commandCount(Profile profile);
    static QList<Finding> check(const WebhooksConfig &config, Profile profile);

    // The rpc-msg callbacks that OpenIM's message filters apply to (filter.go), by config key.
    static bool isFilteredMessageKey(const QString &configKey);
    // Go's strconv.Atoi on one item, as v3.8.2's range filter and main's int32 decoding read it.
    static std::optional<int> goInt(const QString &text);
    // v3.8.2's isInInterval: "101" or "200-500"; items it cannot read are skipped, as OpenIM does.
    static bool inIntervals(int contentType, const QStringList &intervals);
    static bool isInterval(const QString &item);
};

} // namespace cbi
