// SPDX-License-Identifier: MIT
#pragma once

#include <QCoreApplication>
#include <QString>

namespace cbi {

// `callback-inspector webhooks check FILE [--session S]` reads an OpenIM webhooks.yml (or a legacy
// config.yaml): enabled commands, timeouts, config mistakes, and with a session which enabled
// callbacks never arrived and which arrived although disabled. `webhooks generate --url URL` writes
// a webhooks.yml (or with --env the IMENV_WEBHOOKS_* lines) that points OpenIM at the inspector.
class WebhooksTool
{
    Q_DECLARE_TR_FUNCTIONS(cbi::WebhooksTool)
public:
    static int check(const QString &path, const QString &sessionPath);
    static int generate(const QString &url, const QString &commands, int timeoutSeconds, bool environment);
};

} // namespace cbi
