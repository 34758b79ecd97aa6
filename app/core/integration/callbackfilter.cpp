// SPDX-License-Identifier: MIT
#include "callbackfilter.h"

#include "catalogue/catalogue.h"
#include "webhooksversioncheck.h"

namespace cbi {

namespace {
constexpr int typing = 113;
constexpr int text = 101;
constexpr int notificationBegin = 1000;
constexpr int notificationEnd = 5000;

bool isGroupSession(int sessionType)
{
    return sessionType == 2 || sessionType == 3;
}
} // namespace

QString CallbackFilter::reasonName(Reason reason)
{
    static const char *const names[] = {"fires", "not-modelled", "not-in-version", "config-not-loaded",
        "other-session", "not-configured", "disabled", "notification-session", "notification-skipped",
        "typing", "always-denied", "text-only", "attention-ids", "allowed-types", "denied-types"};
    return QString::fromLatin1(names[int(reason)]);
}

QList<CallbackFilter::Outcome> CallbackFilter::explain(
    const WebhooksConfig &config, Profile profile, const Message &message)
{
    const QString version = profileRange(profile);
    bool loads = true;
    for (const auto &f : WebhooksVersionCheck::check(config, profile))
        loads = loads && f.kind != WebhooksVersionCheck::Finding::Kind::FailsToLoad;
    const bool group = isGroupSession(message.sessionType);
    // OpenIM fills recvID for single chats only; the filters compare against what it holds.
    const QString recvID = group ? QString() : message.recvID;
    const int type = message.contentType;

    QList<Outcome> out;
    for (const auto &spec : Catalogue::instance().commands()) {
        const QString key = spec.configKey;
        const bool saveDB = key == QLatin1String("afterMsgSaveDB");
        if (!WebhooksVersionCheck::isFilteredMessageKey(key) && !saveDB)
            continue;
        const bool single = key.contains(QLatin1String("SingleMsg"));
        const bool groupKey = key.contains(QLatin1String("GroupMsg"));
        const bool modify = key == QLatin1String("beforeMsgModify");
        const WebhooksConfig::Entry *entry = config.entryFor(spec.command);
        Outcome o {spec.command, key, Reason::Fires, {}};
        auto stop = [&o](Reason reason, const QString &why) {
            o.reason = reason;
            o.text = why;
        };
        // Each branch is one of OpenIM's gates, in the order its code meets them.
        if (profile < Profile::V3_7) {
            stop(Reason::NotModelled,
                tr("OpenIM %1 reads config.yaml's callback: section; this view models v3.7 and later")
                    .arg(version));
        } else if (!WebhooksVersionCheck::hasKey(spec, profile)) {
            stop(Reason::NotInVersion, tr("OpenIM %1 has no %2 callback").arg(version, spec.command));
        } else if (!loads) {
            stop(Reason::ConfigNotLoaded,
                tr("OpenIM %1 fails to load this webhooks.yml (see check)").arg(version));
        } else if (!saveDB && message.sessionType == 4) {
            stop(Reason::NotificationSession,
                tr("messages of the notification session (type 4) reach no rpc-msg callback"));
        } else if ((single && message.sessionType != 1) || (groupKey && !group)) {
            stop(Reason::OtherSession,
                single ? tr("only single-chat messages (session type 1) reach it")
                       : tr("only group messages (session type 3) reach it"));
        } else if (!entry) {
            stop(Reason::NotConfigured, tr("webhooks.yml has no %1 key, so it is disabled").arg(key));
        } else if (!entry->enable) {
            stop(Reason::Disabled, tr("%1.enable is not true").arg(key));
        } else if (message.notification && !saveDB && profile == Profile::Main) {
            stop(Reason::NotificationSkipped, tr("main never sends notifications to message callbacks"));
        } else if (message.notification && key == QLatin1String("beforeSendSingleMsg")) {
            stop(Reason::NotificationSkipped,
                tr("beforeSendSingleMsg verifies users' messages only; a single-chat notification reaches "
                   "afterSendSingleMsg"));
        } else if (type == typing && profile < Profile::Main) {
            stop(Reason::Typing, tr("typing messages (113) never reach message callbacks"));
        } else if (modify && profile < Profile::Main && type != text) {
            stop(Reason::TextOnly, tr("before main, beforeMsgModify is called for text messages (101) only"));
        } else {
            filter(profile, *entry, message.sendID, recvID, type, &o);
        }
        if (o.fires())
            o.text = message.notification ? tr("fires (notifications included on OpenIM %1)").arg(version)
                                          : tr("fires: POST %1/%2").arg(config.url, spec.command);
        out.append(o);
    }
    return out;
}

void CallbackFilter::filter(Profile profile, const WebhooksConfig::Entry &entry, const QString &sendID,
    const QString &recvID, int contentType, Outcome *outcome)
{
    const QString &key = outcome->configKey;
    const bool messageAfter =
        key == QLatin1String("afterSendSingleMsg") || key == QLatin1String("afterSendGroupMsg");
    const QString ids = entry.attentionIds.join(QStringLiteral(", "));
    auto stop = [outcome](Reason reason, const QString &why) {
        outcome->reason = reason;
        outcome->text = why;
    };
    if (profile == Profile::Main) {
        // main's filterMsg: attentionIds (recvID only), the default denied types, then deniedTypes.
        if (messageAfter && !entry.attentionIds.isEmpty() && !entry.attentionIds.contains(recvID)) {
            stop(Reason::AttentionIds,
                tr("main matches attentionIds against recvID only, and recvID \"%1\" is not in [%2]")
                    .arg(recvID, ids));
        } else if ((contentType >= notificationBegin && contentType <= notificationEnd)
            || contentType == typing) {
            stop(Reason::AlwaysDenied,
                tr("main always skips typing (113) and notification types (1000-5000)"));
        } else {
            for (const auto &item : entry.deniedTypes) {
                if (WebhooksVersionCheck::goInt(item) == contentType) {
                    stop(Reason::DeniedTypes, tr("content type %1 is in deniedTypes").arg(contentType));
                    break;
                }
            }
        }
        return;
    }
    // v3.8.0 - v3.8.1 read attentionIds on afterSendSingleMsg only; v3.8.2 on both after-callbacks.
    const bool attention = profile == Profile::V3_8_2
        ? messageAfter
        : profile >= Profile::V3_8_0 && key == QLatin1String("afterSendSingleMsg");
    if (attention && !entry.attentionIds.isEmpty() && !entry.attentionIds.contains(sendID)
        && !entry.attentionIds.contains(recvID)) {
        stop(Reason::AttentionIds,
            tr("neither sendID \"%1\" nor recvID \"%2\" is in attentionIds [%3]").arg(sendID, recvID, ids));
        return;
    }
    if (profile != Profile::V3_8_2)
        return; // v3.7 - v3.8.1 have no type filters
    if (!entry.allowedTypes.isEmpty()
        && !WebhooksVersionCheck::inIntervals(contentType, entry.allowedTypes)) {
        stop(Reason::AllowedTypes,
            tr("content type %1 is outside allowedTypes [%2]")
                .arg(QString::number(contentType), entry.allowedTypes.join(QStringLiteral(", "))));
    } else if (WebhooksVersionCheck::inIntervals(contentType, entry.deniedTypes)) {
        stop(Reason::DeniedTypes,
            tr("content type %1 is in deniedTypes [%2]")
                .arg(QString::number(contentType), entry.deniedTypes.join(QStringLiteral(", "))));
    }
}

} // namespace cbi
