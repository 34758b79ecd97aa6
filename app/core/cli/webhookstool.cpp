// SPDX-License-Identifier: MIT
#include "webhookstool.h"

#include "catalogue/catalogue.h"
#include "commandline.h"
#include "integration/webhooksconfig.h"
#include "integration/webhooksversioncheck.h"
#include "session/sessionjournal.h"

#include <cstdio>

namespace cbi {

static void print(FILE *stream, const QString &text)
{
    std::fputs(qPrintable(text + QLatin1Char('\n')), stream);
}

static Profile profileOrDefault(const QString &name)
{
    return name.isEmpty() ? defaultProfile : profileFromName(name).value_or(defaultProfile);
}

int WebhooksTool::check(const QString &path, const QString &sessionPath, const QString &profileName)
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
    const Profile profile = profileOrDefault(profileName);
    if (profile >= Profile::V3_7)
        print(stdout,
            tr("version: OpenIM %1 (%2 callbacks)")
                .arg(profileRange(profile))
                .arg(WebhooksVersionCheck::commandCount(profile)));
    else
        print(stdout, tr("version: OpenIM %1").arg(profileRange(profile)));
    bool fails = false;
    for (const auto &f : WebhooksVersionCheck::check(*config, profile)) {
        using Kind = WebhooksVersionCheck::Finding::Kind;
        fails = fails || f.kind == Kind::FailsToLoad;
        print(stdout,
            (f.kind == Kind::FailsToLoad      ? tr("fails to load: %1")
                    : f.kind == Kind::Ignored ? tr("ignored: %1")
                                              : tr("note: %1"))
                .arg(f.text));
    }
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
    // A file this version cannot load is what a script checking it must not miss.
    return fails ? ExitFailure : ExitOk;
}

int WebhooksTool::why(const QString &path, const QString &profileName, const CallbackFilter::Message &message)
{
    QString error;
    const auto config = WebhooksConfig::load(path, &error);
    if (!config) {
        print(stderr, tr("error: %1").arg(error));
        return ExitUsage;
    }
    const Profile profile = profileOrDefault(profileName);
    print(stdout,
        tr("OpenIM %1, contentType %2, sessionType %3%4")
            .arg(profileRange(profile))
            .arg(message.contentType)
            .arg(message.sessionType)
            .arg(message.notification ? tr(", notification") : QString()));
    for (const auto &o : CallbackFilter::explain(*config, profile, message))
        print(stdout,
            QStringLiteral("%1  %2  %3").arg(o.configKey, CallbackFilter::reasonName(o.reason), o.text));
    return ExitOk;
}

int WebhooksTool::generate(const QString &url, const QString &commands, int timeoutSeconds, bool environment,
    const QString &profileName)
{
    const Profile profile = profileOrDefault(profileName);
    if (profile < Profile::V3_7) {
        print(stderr,
            tr("error: OpenIM %1 reads the callback: section of config.yaml, not webhooks.yml; generate "
               "writes webhooks.yml for v3.7 and later")
                .arg(profileRange(profile)));
        return ExitUsage;
    }
    QStringList chosen;
    for (const auto &spec : Catalogue::instance().commands()) {
        if (!WebhooksVersionCheck::hasKey(spec, profile))
            continue;
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
    const QByteArray out = WebhooksConfig::generate(url, chosen, timeoutSeconds, environment, profile);
    std::fwrite(out.constData(), 1, size_t(out.size()), stdout);
    return ExitOk;
}

} // namespace cbi
