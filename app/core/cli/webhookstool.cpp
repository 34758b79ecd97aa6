// SPDX-License-Identifier: MIT
#include "webhookstool.h"

#include "catalogue/catalogue.h"
#include "commandline.h"
#include "integration/webhooksconfig.h"
#include "session/sessionjournal.h"

#include <cstdio>

namespace cbi {

static void print(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stream);
}

int WebhooksTool::check(const QString &path, const QString &sessionPath)
{
    QString error;
    const auto config = WebhooksConfig::load(path, &error);
    if (!config) {
        print(stderr, tr("error: %1").arg(error));
        return ExitUsage;
    }
    const char *layouts[] = {"webhooks.yml (newest, v3.8.4+)", "webhooks.yml (v3.7 - v3.8.3)",
        "config.yaml callback: (v2 - v3.6)"};
    print(stdout, tr("url: %1").arg(config->url));
    print(stdout, tr("layout: %1").arg(QString::fromLatin1(layouts[int(config->layout)])));
    print(stdout, tr("enabled (%1):").arg(config->enabledCommands().size()));
    for (const auto &e : config->entries) {
        if (e.enable)
            print(stdout,
                QStringLiteral("  %1  timeout %2 s")
                    .arg(e.command.isEmpty() ? e.key : e.command)
                    .arg(e.timeout < 0 ? 0 : e.timeout));
    }
    for (const auto &m : config->mistakes)
        print(stdout, tr("mistake: %1").arg(m.text()));
    if (!sessionPath.isEmpty()) {
        QList<CapturedRequest> captures;
        if (!SessionJournal::forEach(
                sessionPath, {},
                [&captures](const CapturedRequest &c) {
                    captures.append(c);
                    return true;
                },
                &error)) {
            print(stderr, tr("error: %1").arg(error));
            return ExitBadSession;
        }
        const auto drift = config->compare(captures);
        for (const auto &c : drift.enabledButSilent)
            print(stdout, tr("enabled but silent: %1 never arrived in the session").arg(c));
        for (const auto &c : drift.arrivedButDisabled)
            print(stdout,
                tr("arrived but disabled: %1 came although the config disables it (another config in use?)")
                    .arg(c));
    }
    return ExitOk;
}

int WebhooksTool::generate(const QString &url, const QString &commands, int timeoutSeconds, bool environment)
{
    QStringList chosen;
    for (const auto &spec : Catalogue::instance().commands()) {
        const bool all = commands.isEmpty() || commands == QLatin1String("all");
        if (all || (commands == QLatin1String("before") && spec.isBefore())
            || (commands == QLatin1String("after") && !spec.isBefore())
            || commands.split(QLatin1Char(',')).contains(spec.command)
            || commands.split(QLatin1Char(',')).contains(spec.configKey))
            chosen.append(spec.command);
    }
    if (chosen.isEmpty()) {
        print(stderr,
            tr("error: no command matches %1 (all, before, after, or command names separated by commas)")
                .arg(commands));
        return ExitUsage;
    }
    const QByteArray out = WebhooksConfig::generate(url, chosen, timeoutSeconds, environment);
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    return ExitOk;
}

} // namespace cbi
