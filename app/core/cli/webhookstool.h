// SPDX-License-Identifier: MIT
#pragma once

#include "integration/callbackfilter.h"

#include <QCoreApplication>
#include <QString>

namespace cbi {

// `callback-inspector webhooks check FILE [--session S]` reads an OpenIM webhooks.yml (or a legacy
// config.yaml): enabled commands, timeouts, config mistakes, and with a session which enabled
// callbacks never arrived and which arrived although disabled. `webhooks generate --url URL` writes
// a webhooks.yml (or with --env the IMENV_WEBHOOKS_* lines) that points OpenIM at the inspector.
// With --profile, check also says what that OpenIM version would fail to load or ignore; `webhooks why`
// says, per message callback, whether one message would reach it on that version, or what stops it.
class WebhooksTool
{
    Q_DECLARE_TR_FUNCTIONS(cbi::WebhooksTool)
public:
    // profile: a profile name, or empty for the default profile.
    static int check(const QString &path, const QString &sessionPath, const QString &profile = {});
    static int why(const QString &path, const QString &profile, const CallbackFilter::Message &message);
    static int generate(const QString &url, const QString &commands, int timeoutSeconds, bool environment,
        const QString &profile = {});
};

} // namespace cbi
