// SPDX-License-Identifier: MIT
#include "webhooksversioncheck.h"

#include "catalogue/catalogue.h"
#include "webhooksconfig.h"

#include <QRegularExpression>

namespace cbi {

namespace {
using Finding = WebhooksVersionCheck::Finding;

Finding finding(Finding::Kind kind, const QString &key, const QString &text)
{
    return Finding {kind, key, text};
}

// The catalogue's `since` is prose ("v3.8.0 (v3.7.x sent callbackBeforeMemberJoinGroupCommand)",
// "main / pre-release-v3.8.4 ..."): its first word names the release.
Profile keySince(const CommandSpec &spec)
{
    if (spec.since.startsWith(QLatin1String("main")))
        return Profile::Main;
    if (spec.since.startsWith(QLatin1String("v3.8.1")))
        return Profile::V3_8_1;
    return Profile::V3_7; // v3.7.0, and v3.8.0's MembersJoin whose key v3.7 already had
}
} // namespace

bool WebhooksVersionCheck::hasKey(const CommandSpec &spec, Profile profile)
{
    return profile >= Profile::V3_7 && profile >= keySince(spec);
}

int WebhooksVersionCheck::commandCount(Profile profile)
{
    int n = 0;
    for (const auto &spec : Catalogue::instance().commands())
        n += hasKey(spec, profile) ? 1 : 0;
    return n;
}

bool WebhooksVersionCheck::isFilteredMessageKey(const QString &configKey)
{
    static const QStringList keys {QStringLiteral("beforeSendSingleMsg"),
        QStringLiteral("afterSendSingleMsg"), QStringLiteral("beforeSendGroupMsg"),
        QStringLiteral("afterSendGroupMsg"), QStringLiteral("beforeMsgModify")};
    return keys.contains(configKey);
}

std::optional<int> WebhooksVersionCheck::goInt(const QString &text)
{
    static const QRegularExpression digits(QStringLiteral("^[+-]?[0-9]{1,10}$"));
    bool ok = false;
    const int value = text.toInt(&ok);
    if (!digits.match(text).hasMatch() || !ok)
        return std::nullopt;
    return value;
}

bool WebhooksVersionCheck::isInterval(const QString &item)
{
    const QStringList bounds = item.split(QLatin1Char('-'));
    if (bounds.size() == 1)
        return goInt(item).has_value();
    return bounds.size() == 2 && goInt(bounds.at(0)) && goInt(bounds.at(1));
}

bool WebhooksVersionCheck::inIntervals(int contentType, const QStringList &intervals)
{
    for (const auto &item : intervals) {
        const QStringList bounds = item.split(QLatin1Char('-'));
        if (bounds.size() == 1) {
            if (goInt(item) == contentType)
                return true;
        } else if (bounds.size() == 2) {
            const auto low = goInt(bounds.at(0));
            const auto high = goInt(bounds.at(1));
            if (low && high && *low <= contentType && contentType <= *high)
                return true;
        }
    }
    return false;
}

QList<Finding> WebhooksVersionCheck::check(const WebhooksConfig &config, Profile profile)
{
    using Kind = Finding::Kind;
    QList<Finding> out;
    const QString version = profileRange(profile);
    if (profile < Profile::V3_7) {
        if (config.layout != WebhooksConfig::Layout::Legacy)
            out.append(finding(Kind::Ignored, {},
                tr("OpenIM %1 reads the callback: section of config.yaml, not webhooks.yml: this file has no "
                   "effect there")
                    .arg(version)));
        return out;
    }
    if (config.layout == WebhooksConfig::Layout::Legacy) {
        out.append(finding(Kind::Ignored, {},
            tr("OpenIM %1 reads config/webhooks.yml: the callback: section of an old config.yaml has no "
               "effect there")
                .arg(version)));
        return out;
    }
    const Catalogue &catalogue = Catalogue::instance();
    QStringList failedContinue;
    for (const auto &e : config.entries) {
        const CommandSpec *spec = e.command.isEmpty() ? nullptr : catalogue.find(e.command);
        if (!spec)
            continue; // unknown keys are a mistake of the file, said for every version
        if (!hasKey(*spec, profile)) {
            QString text =
                tr("%1: OpenIM %2 has no %3 callback; the key is ignored").arg(e.key, version, spec->command);
            if (profile == Profile::V3_8_2 && e.key == QLatin1String("afterMsgSaveDB"))
                text += tr(" (the unreleased 3.8.3-patch branch backports it)");
            out.append(finding(Kind::Ignored, e.key, text));
            continue;
        }
        if (e.hasFailedContinue)
            failedContinue.append(e.key);
        const bool message = isFilteredMessageKey(e.key);
        const bool messageAfter =
            e.key == QLatin1String("afterSendSingleMsg") || e.key == QLatin1String("afterSendGroupMsg");
        // allowedTypes: v3.8.2 only, and only on the message callbacks.
        if (!e.allowedTypes.isEmpty()) {
            if (profile == Profile::Main)
                out.append(finding(Kind::Ignored, e.key,
                    tr("%1: main has no allowedTypes (only deniedTypes); the list is ignored").arg(e.key)));
            else if (profile < Profile::V3_8_2 || !message)
                out.append(finding(Kind::Ignored, e.key,
                    tr("%1: OpenIM %2 does not filter this callback by allowedTypes; the list is ignored")
                        .arg(e.key, version)));
        }
        if (!e.deniedTypes.isEmpty()) {
            const bool readByMain = message || e.key == QLatin1String("afterMsgSaveDB");
            if (profile == Profile::Main) {
                for (const auto &item : e.deniedTypes) {
                    // main's []int32: mapstructure's weak decoding takes "103" but not "200-500".
                    if (!goInt(item))
                        out.append(finding(Kind::FailsToLoad, e.key,
                            tr("%1: deniedTypes item \"%2\" is not a number; main reads deniedTypes as int32 "
                               "and fails to load webhooks.yml (inference: mapstructure weak decoding)")
                                .arg(e.key, item)));
                }
                if (!readByMain)
                    out.append(finding(Kind::Ignored, e.key,
                        tr("%1: main filters only message callbacks by deniedTypes; the list is ignored")
                            .arg(e.key)));
            } else if (profile < Profile::V3_8_2 || !message) {
                out.append(finding(Kind::Ignored, e.key,
                    tr("%1: OpenIM %2 does not filter this callback by deniedTypes; the list is ignored")
                        .arg(e.key, version)));
            }
        }
        if (profile == Profile::V3_8_2 && message) {
            for (const auto &item : e.allowedTypes + e.deniedTypes) {
                if (!isInterval(item))
                    out.append(finding(Kind::Ignored, e.key,
                        tr("%1: \"%2\" is neither a content type nor a range such as \"200-500\"; OpenIM "
                           "skips it")
                            .arg(e.key, item)));
            }
        }
        if (!e.attentionIds.isEmpty()) {
            const bool honoured = spec->isBefore() ? false
                : profile == Profile::V3_7         ? false
                : profile <= Profile::V3_8_1       ? e.key == QLatin1String("afterSendSingleMsg")
                                                   : messageAfter;
            if (!honoured) {
                out.append(finding(Kind::Ignored, e.key,
                    tr("%1: OpenIM %2 does not filter this callback by attentionIds; the list is ignored")
                        .arg(e.key, version)));
            } else if (e.key == QLatin1String("afterSendGroupMsg")) {
                // A group message's recvID is empty: main (recvID only) then drops every one.
                out.append(finding(Kind::Note, e.key,
                    profile == Profile::Main
                        ? tr("%1: main matches attentionIds against recvID, which is empty for group "
                             "messages: no afterSendGroupMsg is sent (inference)")
                              .arg(e.key)
                        : tr("%1: attentionIds match the sender only, as a group message has no recvID")
                              .arg(e.key)));
            }
        }
    }
    if (!failedContinue.isEmpty())
        out.append(finding(Kind::Ignored, {},
            tr("failedContinue (%1): read but ignored by OpenIM %2 (issue #3808); a timeout or a bad reply "
               "always fails a before-callback")
                .arg(failedContinue.join(QStringLiteral(", ")), version)));
    return out;
}

} // namespace cbi
