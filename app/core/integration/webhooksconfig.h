// SPDX-License-Identifier: MIT
#pragma once

#include "capture/capturedrequest.h"
#include "rules/scenario.h"
#include "verdict/profile.h"

#include <QList>
#include <QString>

#include <optional>

namespace cbi {

// An OpenIM webhooks configuration: config/webhooks.yml in the newest layout (integer deniedTypes) and
// the v3.7 - v3.8.3 one (allowedTypes/deniedTypes strings), or the `callback:` section of a v2 - v3.6
// config.yaml. Read with yaml-cpp; what OpenIM would do wrong with it is listed in mistakes.
struct WebhooksConfig
{
    enum class Layout
    {
        Newest,
        V37,
        Legacy
    };

    struct Entry
    {
        QString key; // as written
        QString command; // the current command name; empty when unknown
        bool enable = false;
        int timeout = -1; // seconds; -1 when not set
        bool hasFailedContinue = false;
        bool failedContinue = true;
        // The message filters as written (each item a YAML scalar: 103, "200-500"). Which version reads
        // which, and with which type, is WebhooksVersionCheck's and CallbackFilter's business.
        QStringList allowedTypes;
        QStringList deniedTypes;
        QStringList attentionIds;
    };

    QString url;
    Layout layout = Layout::Newest;
    QList<Entry> entries;
    QList<CaptureWarning> mistakes; // code + args; texts in CaptureWarning

    static std::optional<WebhooksConfig> parse(const QByteArray &yaml, QString *error);
    static std::optional<WebhooksConfig> load(const QString &path, QString *error);

    QStringList enabledCommands() const;
    const Entry *entryFor(const QString &command) const; // nullptr when the file has no key for it
    // The timeouts (and, for old layouts, failedContinue) OpenIM would use, put into a scenario.
    void applyTo(Scenario *scenario) const;

    struct Drift
    {
        QStringList enabledButSilent; // enabled, never seen in the captures
        QStringList arrivedButDisabled; // seen although the config disables them
    };
    Drift compare(const QList<CapturedRequest> &captures) const;

    // A webhooks.yml pointing OpenIM `profile` (v3.7 or later) at `url` with `commands` enabled, or the
    // same as IMENV_WEBHOOKS_* environment lines: only the keys that version has, and no failedContinue,
    // which every version reading webhooks.yml ignores.
    static QByteArray generate(const QString &url, const QStringList &commands, int timeoutSeconds,
        bool environment, Profile profile = defaultProfile);
};

} // namespace cbi
