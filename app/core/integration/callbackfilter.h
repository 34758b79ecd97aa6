// SPDX-License-Identifier: MIT
#pragma once

#include "integration/webhooksconfig.h"
#include "verdict/profile.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

namespace cbi {

// Why a message callback did (not) fire: given a webhooks.yml, an OpenIM version and one message, says
// for each message command whether OpenIM would call it, or the first gate that stops it on that version:
// the key missing or disabled, the notification rules, typing, main's always-skipped 1000-5000 and 113,
// beforeMsgModify's text-only rule, attentionIds, allowedTypes, deniedTypes (versions.md D10). It follows
// the order of OpenIM's own checks, so the reason given is the one that acted.
class CallbackFilter
{
    Q_DECLARE_TR_FUNCTIONS(cbi::CallbackFilter)
public:
    struct Message
    {
        int contentType = 101; // 101 text, 113 typing, 1000-5000 notifications
        int sessionType = 1; // 1 single chat, 3 group (2 the old write group), 4 notification chat
        QString sendID;
        QString recvID; // OpenIM leaves it empty for group messages, and so does the filter
        bool notification = false; // sent by OpenIM's notification sender, not by a user
    };

    enum class Reason
    {
        Fires,
        NotModelled, // before v3.7 (config.yaml's callback: section)
        NotInVersion,
        ConfigNotLoaded,
        OtherSession,
        NotConfigured,
        Disabled,
        NotificationSession,
        NotificationSkipped,
        Typing,
        AlwaysDenied,
        TextOnly,
        AttentionIds,
        AllowedTypes,
        DeniedTypes,
    };

    struct Outcome
    {
        QString command;
        QString configKey;
        Reason reason = Reason::Fires;
        QString text; // translated
        bool fires() const { return reason == Reason::Fires; }
    };

    // One outcome per message command, in the catalogue's order.
    static QList<Outcome> explain(const WebhooksConfig &config, Profile profile, const Message &message);
    // A stable English name for scripts: "fires", "disabled", "denied-types", ...
    static QString reasonName(Reason reason);

private:
    // The version's attentionIds / allowedTypes / deniedTypes / always-skipped types, on `outcome`.
    static void filter(Profile profile, const WebhooksConfig::Entry &entry, const QString &sendID,
        const QString &recvID, int contentType, Outcome *outcome);
};

} // namespace cbi
